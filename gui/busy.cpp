#include "busy.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "platform/platform.h"

namespace mf {

static bool g_more_frames = false;

void keep_drawing() { g_more_frames = true; }
bool drawing_requested() { return g_more_frames; }
void clear_drawing_request() { g_more_frames = false; }

bool run_slice(const std::function<bool()>& step) {
    const double start = platform::now_seconds();
    do {
        if (step()) return true;
    } while ((platform::now_seconds() - start) * 1000.0 < kSliceMs);
    keep_drawing();
    return false;
}

bool progress_with_cancel(float fraction, const char* what) {
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, "%s: %.0f %%", what, fraction * 100.0f);
    // Wide enough for its text ("Monte Carlo, 1000000 samples on 2 workers: 40 %" was cut).
    const float width = std::max(ImGui::GetFontSize() * 18, ImGui::CalcTextSize(overlay).x + ImGui::GetFontSize());
    ImGui::ProgressBar(fraction, ImVec2(width, 0), overlay);
    ImGui::SameLine();
    ImGui::PushID(what);
    const bool cancel = ImGui::Button("Cancel");
    ImGui::PopID();
    return cancel;
}

}  // namespace mf

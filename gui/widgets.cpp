#include "widgets.h"

#include "plot.h"
#include "style.h"

#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace mf {

static int resize_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

bool input_string(const char* label, std::string& text, ImGuiInputTextFlags flags) {
    return ImGui::InputText(label, text.data(), text.capacity() + 1, flags | ImGuiInputTextFlags_CallbackResize,
                            resize_callback, &text);
}

bool input_multiline(const char* label, std::string& text, const ImVec2& size) {
    return ImGui::InputTextMultiline(label, text.data(), text.capacity() + 1, size, ImGuiInputTextFlags_CallbackResize,
                                     resize_callback, &text);
}

bool input_date(const char* label, const std::optional<Date>& value, std::optional<Date>* out) {
    // Text being typed lives here until it is a valid date (per widget id), so a half-typed
    // date is neither lost nor written into the plan.
    static std::unordered_map<ImGuiID, std::string> drafts;
    const ImGuiID id = ImGui::GetID(label);
    const std::string current = value ? format_iso_date(*value) : std::string();
    auto it = drafts.find(id);
    std::string text = it != drafts.end() ? it->second : current;
    ImGui::SetNextItemWidth(date_field_width());
    bool changed = false;
    if (input_string(label, text, ImGuiInputTextFlags_CharsNoBlank)) {
        if (text.empty()) {
            *out = std::nullopt;
            changed = value.has_value();
            drafts.erase(id);
        } else if (auto d = parse_iso_date(text)) {
            *out = d;
            changed = !value || *value != *d;
            drafts.erase(id);
        } else {
            drafts[id] = text;
        }
    }
    if (drafts.count(id)) {
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "not a date: use YYYY-MM-DD");
        if (!ImGui::IsItemActive() && !ImGui::IsItemFocused() && ImGui::IsMouseClicked(0) && !ImGui::IsItemHovered())
            drafts.erase(id);  // clicking away abandons the draft; the plan keeps its date
    }
    return changed;
}

float date_field_width() { return ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 2 + 4; }

bool input_length(const char* label, double value_mm, LengthUnit unit, double* out_mm) {
    double shown = value_mm / mm_per_unit(unit);
    char format[32];
    std::snprintf(format, sizeof format, "%%.6g %s", unit_symbol(unit));
    if (ImGui::InputDouble(label, &shown, 0, 0, format)) {
        if (!std::isfinite(shown)) return false;
        *out_mm = shown * mm_per_unit(unit);
        return true;
    }
    return false;
}

void help_marker(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

static bool escape_for_this_window() {
    return ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
        ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::IsAnyItemActive();
}

void close_on_escape(bool* open) {
    if (open && escape_for_this_window()) *open = false;
}

bool close_modal_on_escape() {
    if (!escape_for_this_window()) return false;
    ImGui::CloseCurrentPopup();
    return true;
}

void field_error_marker(ViewContext& ctx, const std::string& field) {
    if (ImGui::IsItemDeactivated()) ctx.field_errors.by_field.erase(field);
    const Issue* issue = ctx.field_errors.find(field);
    if (!issue) return;
    ImGui::SameLine(0, em(0.2f));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "!");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(em(28));
        ImGui::Text("Not applied: %s", issue->message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace mf

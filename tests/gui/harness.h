// Harness for GUI tests without a browser: Dear ImGui with no renderer (as imgui's
// example_null), the real App and views, the in-memory platform.
#pragma once
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "app.h"
#include "imgui.h"
#include "plan/plan_file.h"
#include "web/platform_native.h"

struct EmbeddedFile {
    const char* name;
    const unsigned char* data;
    unsigned int size;
};
extern const EmbeddedFile mf_example_plans[];
extern const unsigned int mf_example_plans_count;

namespace mf::test {

inline std::string read_source_file(const std::string& rel) {
    std::ifstream in(std::string(MF_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}


// Index of the embedded example with this file name (the examples menu is sorted by name).
inline unsigned example(const char* name) {
    for (unsigned i = 0; i < mf_example_plans_count; ++i)
        if (std::string(mf_example_plans[i].name) == name) return i;
    FAIL("no embedded example " << name);
    return 0;
}
inline const char* kGearbox = "micro-gearbox.mfplan.json";

// One ImGui context + App per test, with frames driven by hand.
struct Harness {
    mf::App app;
    Harness() {
        platform::native_state() = {};
        platform::native_state().fake_time = 100.0;
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1400, 900);
        io.DeltaTime = 1.0f / 60.0f;
        load_fonts(2.0f);  // the HiDPI path
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        app.init();
    }
    ~Harness() { ImGui::DestroyContext(); }
    void frames(int n) {
        for (int i = 0; i < n; ++i) {
            platform::native_state().fake_time += 1.0 / 60.0;
            ImGui::NewFrame();
            app.frame();
            ImGui::Render();
        }
    }
};

}  // namespace mf::test

// Help windows: About, what each tool does, and the keyboard shortcuts.
#pragma once

namespace mf {

struct HelpView {
    bool about_open = false;
    bool tools_open = false;
    bool shortcuts_open = false;
    void draw();
};

// One entry per tool in the app; each tool's view adds its line to kToolGuide in help_view.cpp.
struct ToolGuide {
    const char* name;
    const char* what_it_does;
};

}  // namespace mf

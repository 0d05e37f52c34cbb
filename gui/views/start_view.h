// The start page: what the app answers, each example with what it shows, New / Open / Paste
// data, and the plans this browser keeps. Shown on the first run and from Help › Start page;
// Escape or Close dismisses it. An example opens on the page that shows it best.
#pragma once
#include "view_context.h"

namespace mf {

struct App;

struct StartView {
    bool open = false;
    void draw(App& app);
};

// One embedded example: its file name, what it shows in a line, and the tab it opens on.
struct ExampleGuide {
    const char* file_name;
    const char* shows;
    Tab tab;
};
const ExampleGuide* example_guide(const char* file_name);  // null for a file without a guide

}  // namespace mf

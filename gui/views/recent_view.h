// File › Recent plans…: every plan this browser keeps (the open plan's autosave and the plans
// it replaced), newest first, with name, file name, age and size; each can be opened,
// downloaded or deleted. The list itself is the PlanLibrary (gui/plan_library.h).
#pragma once

namespace mf {

struct App;

struct RecentView {
    bool open = false;
    void draw(App& app);
};

}  // namespace mf

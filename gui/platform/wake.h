// Waking the idle main loop (web/main_web.cpp) from browser callbacks.
#pragma once

namespace mf::web {
void wake();             // something arrived (a file): draw frames again
void wake_with_paste();  // pasted text arrived: draw frames and replay Ctrl+V into ImGui
}  // namespace mf::web

// The undo history: every step by name, newest first; clicking one undoes back to it.
#pragma once
#include "document.h"

namespace mf {

struct HistoryView {
    bool open = false;
    // Returns how many steps to undo (0 = none chosen this frame).
    int draw(const Document& doc);
};

}  // namespace mf

// The share-link window: the plan packed into a link the user can paste anywhere; opening
// the link opens this plan (as a new, unsaved copy) in the recipient's browser.
#pragma once
#include <string>

namespace mf {

struct ShareView {
    bool open = false;
    bool waiting = false;  // the link is being made (compression is asynchronous)
    std::string link;

    void draw();
};

}  // namespace mf

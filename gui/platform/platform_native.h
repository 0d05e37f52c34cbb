// What the in-memory platform recorded; the headless GUI test reads and feeds it.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "platform/platform.h"

namespace mf::platform {

struct NativeState {
    std::deque<IncomingFile> incoming;    // files "dropped" by the test
    std::vector<IncomingFile> downloads;  // what the app offered for download
    std::map<std::string, std::string> store;
    size_t store_quota = 0;       // > 0: a write of more bytes is refused with a notice
    double fake_wall_clock = -1;  // >= 0: wall_clock_seconds() returns this
    std::string clipboard, title;
    std::deque<std::string> share_links;  // links "made" (the plan's size stands in for it)
    std::deque<Notice> notices;           // what the page could not hand over
    bool local_file = false;              // page_is_local_file()
    bool leave_guard = false;
    int open_requests = 0;
    double fake_time = -1;  // >= 0: now_seconds() returns this,
    double fake_tick = 0;   // then advances it by this much (a deterministic clock)
    // Stand-in Web Workers for the headless GUI test: with workers > 0, a posted request is
    // computed at once (gui/worker_kinds.h, as a worker does) and its result queued;
    // results are handed back newest first, so the page's in-order absorption is exercised.
    int workers = 0;
    size_t worker_requests = 0;                             // requests posted so far
    std::map<std::string, size_t> worker_requests_by_kind;  // … of each kind ("stack", "schedule")
    size_t workers_fail_from = SIZE_MAX;  // requests from this one on come back not done (a failed worker)
    bool hold_worker_results = false;     // true: no result comes back yet (the workers are still computing)
    struct Result {
        uint64_t job;
        WorkerReply reply;
    };
    std::vector<Result> worker_results;
};

NativeState& native_state();

}  // namespace mf::platform

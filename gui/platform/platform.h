// The one seam between the app and where it runs. gui/ calls these; web/platform_web.cpp
// implements them with the browser (file input, Blob downloads, clipboard events,
// localStorage, location.hash), web/platform_native.cpp with plain memory for the headless
// GUI test. Nothing else in gui/ or core/ knows about the browser.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/block_bytes.h"

namespace mf::platform {

struct IncomingFile {
    std::string name;
    std::string bytes;
};

// Opens the file picker (accept: e.g. ".json,.mfplan.json"); chosen files, and files
// dropped on the page, arrive later through poll_incoming_file().
void request_open_file(const char* accept);
bool poll_incoming_file(IncomingFile& out);

// Offers bytes to the user as a download named `file_name`.
void download_file(const std::string& file_name, const std::string& bytes, const char* mime_type);

// Clipboard: writes go to the system clipboard; text the user pastes (Ctrl+V) arrives as the
// clipboard_text() the next frame reads (browsers only hand over pasted text in a paste event).
void set_clipboard_text(const std::string& text);
const char* clipboard_text();

// Persistent key-value store (settings, ImGui layout, the plan library). In the browser it is
// IndexedDB (localStorage where IndexedDB cannot open), read into memory before the app starts:
// reads are immediate, writes reach the disk asynchronously. A write the browser refuses
// (quota exceeded) comes back as a Notice; the value stays readable for this session.
// Several keys written in one call are written together (one transaction) or not at all.
void store_put(const std::string& key, const std::string& value);
void store_put_all(const std::vector<std::pair<std::string, std::string>>& entries);
std::optional<std::string> store_get(const std::string& key);
void store_erase(const std::string& key);
std::vector<std::string> store_keys(const std::string& prefix);  // sorted

// Wall-clock time, seconds since 1970-01-01 UTC (for "saved 5 minutes ago").
double wall_clock_seconds();

void set_title(const std::string& title);
// While true, leaving or reloading the page asks for confirmation first.
void set_leave_guard(bool unsaved_changes);

// Share links: the plan, compressed, in the page address (…/microfab-planner.html#plan=…).
// Making one is asynchronous in the browser (CompressionStream); the finished link arrives
// through poll_share_link(). A page opened from such a link receives the plan as an
// incoming file named "shared link.mfplan.json".
void request_share_link(const std::string& plan_text);
bool poll_share_link(std::string& link);

// What the page could not hand over (a file over 64 MB, a share link that is damaged, too
// long or holds too large a plan): where it came from and why, for the problem window.
struct Notice {
    std::string source;
    std::string message;
};
bool poll_notice(Notice& out);

// True when the page was opened from a file on this computer (file://): a share link made
// there opens only where the same file sits at the same path.
bool page_is_local_file();

// Seconds since some fixed point, monotonic.
double now_seconds();

// Web Workers for the Monte Carlo (gui/parallel_blocks_run.h). Each worker runs its own
// instance of the page's module and exchanges messages only: no SharedArrayBuffer, which a
// page opened from file:// does not have. workers_available() is 0 while they start and
// wherever they cannot (no Worker, a refused blob worker, a module that failed to start in
// one): the Monte Carlo then runs in slices on the page, as before.
int workers_available();
// Queues blocks [first, first + count) of a Monte Carlo of `kind` ("stack", "schedule"; what
// the worker computes for each: gui/worker_kinds.h) on `request` (that kind's request text)
// under `job`; the next free worker takes them. Results return in any order.
void worker_post(uint64_t job, const char* kind, const std::string& request, size_t first, size_t count);
struct WorkerReply {
    bool ok = false;  // false: the worker could not compute them (the page computes them itself)
    size_t first = 0, count = 0;
    Bytes bytes;  // the kind's blocks, written by the worker (e.g. tolerance/stack_blocks.h)
};
// A result of `job` that has arrived, if any.
bool poll_worker_reply(uint64_t job, WorkerReply& out);
// Forgets `job`: its queued requests are dropped, results of it still arriving are discarded.
void worker_cancel(uint64_t job);

}  // namespace mf::platform

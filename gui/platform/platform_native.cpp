// The platform seam without a browser: everything in memory, so the headless GUI test can
// drive the app and inspect what it downloaded, stored or titled.
#include <chrono>
#include <deque>
#include <map>

#include "platform/platform.h"
#include "platform/platform_native.h"
#include "worker_kinds.h"

namespace mf::platform {

static NativeState g_state;
NativeState& native_state() { return g_state; }

void request_open_file(const char*) { ++g_state.open_requests; }

bool poll_incoming_file(IncomingFile& out) {
    if (g_state.incoming.empty()) return false;
    out = std::move(g_state.incoming.front());
    g_state.incoming.pop_front();
    return true;
}

void download_file(const std::string& name, const std::string& bytes, const char*) {
    g_state.downloads.push_back({name, bytes});
}

void set_clipboard_text(const std::string& text) { g_state.clipboard = text; }
const char* clipboard_text() { return g_state.clipboard.c_str(); }

void store_put(const std::string& key, const std::string& value) { store_put_all({{key, value}}); }
void store_put_all(const std::vector<std::pair<std::string, std::string>>& entries) {
    size_t bytes = 0;
    for (const auto& [k, v] : entries) bytes += k.size() + v.size();
    if (g_state.store_quota && bytes > g_state.store_quota) {  // as the browser refuses: all or nothing
        g_state.notices.push_back(
            {"browser storage", "the browser refused to store " + std::to_string(bytes) + " bytes (quota exceeded)"});
        return;
    }
    for (const auto& [k, v] : entries) g_state.store[k] = v;
}
void store_erase(const std::string& key) { g_state.store.erase(key); }
std::vector<std::string> store_keys(const std::string& prefix) {
    std::vector<std::string> keys;
    for (auto it = g_state.store.lower_bound(prefix); it != g_state.store.end() && it->first.rfind(prefix, 0) == 0;
         ++it)
        keys.push_back(it->first);
    return keys;
}
double wall_clock_seconds() {
    if (g_state.fake_wall_clock >= 0) return g_state.fake_wall_clock;
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}
std::optional<std::string> store_get(const std::string& key) {
    auto it = g_state.store.find(key);
    if (it == g_state.store.end()) return std::nullopt;
    return it->second;
}

void set_title(const std::string& title) { g_state.title = title; }
void set_leave_guard(bool unsaved) { g_state.leave_guard = unsaved; }
void request_share_link(const std::string& plan_text) {
    g_state.share_links.push_back("memory://microfab-planner.html#plan=" + std::to_string(plan_text.size()));
}
bool poll_share_link(std::string& link) {
    if (g_state.share_links.empty()) return false;
    link = g_state.share_links.front();
    g_state.share_links.pop_front();
    return true;
}

bool poll_notice(Notice& out) {
    if (g_state.notices.empty()) return false;
    out = std::move(g_state.notices.front());
    g_state.notices.pop_front();
    return true;
}
bool page_is_local_file() { return g_state.local_file; }

double now_seconds() {
    if (g_state.fake_time >= 0) {
        const double t = g_state.fake_time;
        g_state.fake_time += g_state.fake_tick;
        return t;
    }
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

int workers_available() { return g_state.workers; }
void worker_post(uint64_t job, const char* kind, const std::string& request, size_t first, size_t count) {
    const bool fails = g_state.worker_requests >= g_state.workers_fail_from;
    ++g_state.worker_requests;
    ++g_state.worker_requests_by_kind[kind];
    NativeState::Result r{job, {}};
    r.reply.first = first;
    r.reply.count = count;
    r.reply.ok = !fails && compute_worker_blocks(kind, request, first, count, r.reply.bytes);
    g_state.worker_results.push_back(std::move(r));
}
bool poll_worker_reply(uint64_t job, WorkerReply& out) {
    if (g_state.hold_worker_results) return false;
    auto& q = g_state.worker_results;
    for (size_t i = q.size(); i-- > 0;)  // newest first
        if (q[i].job == job) {
            out = std::move(q[i].reply);
            q.erase(q.begin() + static_cast<std::ptrdiff_t>(i));
            return true;
        }
    return false;
}
void worker_cancel(uint64_t job) {
    std::erase_if(g_state.worker_results, [job](const NativeState::Result& r) { return r.job == job; });
}

}  // namespace mf::platform

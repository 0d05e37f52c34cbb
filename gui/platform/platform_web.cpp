// The platform seam in the browser, with EM_JS: a hidden <input type=file> and drag-and-drop
// in, a Blob and <a download> out, the paste event for clipboard text, localStorage for the
// store, the page address for share links. shell.html wires the DOM events to mf_deliver_file(),
// mf_deliver_paste() and mf_deliver_share_link() below.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <deque>
#include <string>

#include "base/json_reader.h"  // nlohmann::json as mf::json
#include "platform/platform.h"
#include "platform/wake.h"

// clang-format off
EM_JS(void, js_request_open_file, (const char* accept), {
    const input = document.getElementById('mf-file-input');
    input.accept = UTF8ToString(accept);
    input.value = "";
    input.click();
});

EM_JS(void, js_download, (const char* name, const char* data, int size, const char* mime), {
    const bytes = HEAPU8.slice(data, data + size);
    const blob = new Blob([bytes], {type: UTF8ToString(mime)});
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    if (Module.mfOnDownload) Module.mfOnDownload(UTF8ToString(name), bytes);
});

EM_JS(void, js_set_clipboard, (const char* text), {
    const s = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(s).catch(() => {});
    }
});

// The store lives in Module.mfStore (a Map filled from IndexedDB before main(), shell.html);
// mfStorePut writes it through to IndexedDB or localStorage.
EM_JS(void, js_store_put_all, (const char* json_pairs), {
    mfStorePut(JSON.parse(UTF8ToString(json_pairs)));
});

EM_JS(char*, js_store_get, (const char* key), {
    const v = Module.mfStore.get(UTF8ToString(key));
    if (v === undefined) return 0;
    const n = lengthBytesUTF8(v) + 1;
    const p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(void, js_store_erase, (const char* key), { mfStoreErase(UTF8ToString(key)); });

EM_JS(char*, js_store_keys, (const char* prefix), {
    const pre = UTF8ToString(prefix);
    const keys = Array.from(Module.mfStore.keys()).filter(function (k) { return k.startsWith(pre); }).sort();
    const s = JSON.stringify(keys);
    const n = lengthBytesUTF8(s) + 1;
    const p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

EM_JS(double, js_wall_clock, (), { return Date.now() / 1000; });

EM_JS(void, js_set_title, (const char* title), { document.title = UTF8ToString(title); });
EM_JS(void, js_set_leave_guard, (int on), { Module.mfUnsaved = !!on; });

EM_JS(void, js_request_share_link, (const char* text), {
    mfMakeShareLink(UTF8ToString(text));  // shell.html: compresses, then calls mf_deliver_share_link
});
EM_JS(int, js_page_is_local_file, (), { return location.protocol === 'file:' ? 1 : 0; });

// Web Workers: shell.html's [Workers] pool (mfWorkers*). Job numbers travel as doubles
// (exact below 2^53).
EM_JS(int, js_workers_available, (), { return typeof mfWorkersReady === 'function' ? mfWorkersReady() : 0; });
EM_JS(void, js_worker_post, (double job, const char* kind, const char* request, double first, double count), {
    mfWorkersPost({job: job, kind: UTF8ToString(kind), request: UTF8ToString(request), first: first, count: count});
});
EM_JS(void, js_worker_cancel, (double job), { mfWorkersCancel(job); });
// clang-format on

namespace {
std::deque<mf::platform::IncomingFile> g_incoming;
std::string g_clipboard;
std::deque<std::string> g_share_links;
std::deque<mf::platform::Notice> g_notices;
struct ArrivedReply {
    uint64_t job;
    mf::platform::WorkerReply reply;
};
std::deque<ArrivedReply> g_worker_replies;
bool g_worker_replies_held = false;  // mf::web::hold_worker_replies

std::string take_js_string(char* p) {
    if (!p) return {};
    std::string s(p);
    std::free(p);
    return s;
}
}  // namespace

// Called from shell.html (mfHeapCall: every text arrives as pointer and length in the heap).
// A file the user picked or dropped, or the plan inside a share link.
extern "C" EMSCRIPTEN_KEEPALIVE void mf_deliver_file(const char* name, int name_size, const char* data, int size) {
    g_incoming.push_back(
        {std::string(name, static_cast<size_t>(name_size)), std::string(data, static_cast<size_t>(size))});
    mf::web::wake();
}

// The paste handler: the text becomes the clipboard the app reads.
extern "C" EMSCRIPTEN_KEEPALIVE void mf_deliver_paste(const char* text, int size) {
    g_clipboard.assign(text, static_cast<size_t>(size));
    mf::web::wake_with_paste();
}

// A share link is ready.
extern "C" EMSCRIPTEN_KEEPALIVE void mf_deliver_share_link(const char* link, int size) {
    g_share_links.emplace_back(link, static_cast<size_t>(size));
    mf::web::wake();
}

// The page could not hand something over (a file over 64 MB, a damaged share link).
extern "C" EMSCRIPTEN_KEEPALIVE void mf_deliver_notice(const char* source, int source_size, const char* message,
                                                       int message_size) {
    g_notices.push_back({std::string(source, static_cast<size_t>(source_size)),
                         std::string(message, static_cast<size_t>(message_size))});
    mf::web::wake();
}

void mf::web::hold_worker_replies(bool held) { g_worker_replies_held = held; }

// A worker's result (shell.html copies its byte buffer into the heap): blocks
// [first, first + count) of a Monte Carlo, or ok = 0 when the worker could not compute them.
// `last`: no other request of this run is outstanding, so the result can be drawn now; so can
// a failed range, which the page now computes itself. Any other reply only moves the progress
// bar, which is redrawn a few times a second.
extern "C" EMSCRIPTEN_KEEPALIVE void mf_deliver_worker_reply(double job, int ok, double first, double count,
                                                             const uint8_t* bytes, int size, int last) {
    ArrivedReply a{static_cast<uint64_t>(job), {}};
    a.reply.ok = ok != 0;
    a.reply.first = static_cast<size_t>(first);
    a.reply.count = static_cast<size_t>(count);
    if (size > 0) a.reply.bytes.assign(bytes, bytes + size);
    g_worker_replies.push_back(std::move(a));
    mf::web::worker_reply_arrived(last || !ok);
}

#ifdef MF_TEST_HOOKS
// Test hook: replies handed over by the page that no run has taken yet (held for after the
// next animation frame, or waiting for an earlier block's reply).
extern "C" EMSCRIPTEN_KEEPALIVE int mf_test_worker_replies_waiting() {
    return static_cast<int>(g_worker_replies.size());
}
#endif

namespace mf::platform {

int workers_available() { return js_workers_available(); }

void worker_post(uint64_t job, const char* kind, const std::string& request, size_t first, size_t count) {
    js_worker_post(static_cast<double>(job), kind, request.c_str(), static_cast<double>(first),
                   static_cast<double>(count));
}

bool poll_worker_reply(uint64_t job, WorkerReply& out) {
    if (g_worker_replies_held) return false;
    for (auto it = g_worker_replies.begin(); it != g_worker_replies.end(); ++it)
        if (it->job == job) {
            out = std::move(it->reply);
            g_worker_replies.erase(it);
            return true;
        }
    return false;
}

void worker_cancel(uint64_t job) {
    js_worker_cancel(static_cast<double>(job));
    std::erase_if(g_worker_replies, [job](const ArrivedReply& a) { return a.job == job; });
}

void request_open_file(const char* accept) { js_request_open_file(accept); }

bool poll_incoming_file(IncomingFile& out) {
    if (g_incoming.empty()) return false;
    out = std::move(g_incoming.front());
    g_incoming.pop_front();
    return true;
}

void download_file(const std::string& name, const std::string& bytes, const char* mime) {
    js_download(name.c_str(), bytes.data(), static_cast<int>(bytes.size()), mime);
}

void set_clipboard_text(const std::string& text) {
    g_clipboard = text;
    js_set_clipboard(text.c_str());
}
const char* clipboard_text() { return g_clipboard.c_str(); }

void store_put(const std::string& key, const std::string& value) { store_put_all({{key, value}}); }
void store_put_all(const std::vector<std::pair<std::string, std::string>>& entries) {
    json pairs = json::array();
    for (const auto& [k, v] : entries) pairs.push_back({k, v});
    js_store_put_all(pairs.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
}
std::optional<std::string> store_get(const std::string& key) {
    char* p = js_store_get(key.c_str());
    if (!p) return std::nullopt;
    return take_js_string(p);
}
void store_erase(const std::string& key) { js_store_erase(key.c_str()); }
std::vector<std::string> store_keys(const std::string& prefix) {
    const json keys = json::parse(take_js_string(js_store_keys(prefix.c_str())), nullptr, false);
    std::vector<std::string> out;
    if (keys.is_array())
        for (const auto& k : keys)
            if (k.is_string()) out.push_back(k.get<std::string>());
    return out;
}
double wall_clock_seconds() { return js_wall_clock(); }

void set_title(const std::string& title) { js_set_title(title.c_str()); }
void set_leave_guard(bool unsaved) { js_set_leave_guard(unsaved ? 1 : 0); }
void request_share_link(const std::string& plan_text) { js_request_share_link(plan_text.c_str()); }
bool poll_share_link(std::string& link) {
    if (g_share_links.empty()) return false;
    link = std::move(g_share_links.front());
    g_share_links.pop_front();
    return true;
}
bool poll_notice(Notice& out) {
    if (g_notices.empty()) return false;
    out = std::move(g_notices.front());
    g_notices.pop_front();
    return true;
}
bool page_is_local_file() { return js_page_is_local_file() != 0; }
double now_seconds() { return emscripten_get_now() / 1000.0; }

}  // namespace mf::platform

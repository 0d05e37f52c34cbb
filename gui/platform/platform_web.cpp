// The platform seam in the browser, with EM_JS: a hidden <input type=file> and drag-and-drop
// in, a Blob and <a download> out, the paste event for clipboard text, localStorage for the
// store, the page address for share links. shell.html wires the DOM events to mf_deliver_file(),
// mf_deliver_paste() and mf_deliver_share_link() below.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <deque>
#include <string>

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

EM_JS(void, js_store_put, (const char* key, const char* value), {
    try { localStorage.setItem(UTF8ToString(key), UTF8ToString(value)); } catch (e) {
        console.warn('MicroFab Planner: could not store ' + UTF8ToString(key) + ' (' + e.name + ')');
    }
});

EM_JS(char*, js_store_get, (const char* key), {
    let v = null;
    try { v = localStorage.getItem(UTF8ToString(key)); } catch (e) { v = null; }
    if (v === null) return 0;
    const n = lengthBytesUTF8(v) + 1;
    const p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(void, js_set_title, (const char* title), { document.title = UTF8ToString(title); });
EM_JS(void, js_set_leave_guard, (int on), { Module.mfUnsaved = !!on; });

EM_JS(void, js_request_share_link, (const char* text), {
    mfMakeShareLink(UTF8ToString(text));  // shell.html: compresses, then calls mf_deliver_share_link
});
// clang-format on

namespace {
std::deque<mf::platform::IncomingFile> g_incoming;
std::string g_clipboard;
std::deque<std::string> g_share_links;

std::string take_js_string(char* p) {
    if (!p) return {};
    std::string s(p);
    std::free(p);
    return s;
}
}  // namespace

// Called from shell.html when the user picks or drops a file.
extern "C" EMSCRIPTEN_KEEPALIVE void mf_deliver_file(const char* name, const char* data, int size) {
    g_incoming.push_back({name, std::string(data, static_cast<size_t>(size))});
    mf::web::wake();
}

// Called from shell.html's paste handler: the text becomes the clipboard the app reads.
extern "C" EMSCRIPTEN_KEEPALIVE void mf_deliver_paste(const char* text) {
    g_clipboard = text;
    mf::web::wake_with_paste();
}

// Called from shell.html when a share link is ready.
extern "C" EMSCRIPTEN_KEEPALIVE void mf_deliver_share_link(const char* link) {
    g_share_links.push_back(link);
    mf::web::wake();
}

namespace mf::platform {

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

void store_put(const std::string& key, const std::string& value) { js_store_put(key.c_str(), value.c_str()); }
std::optional<std::string> store_get(const std::string& key) {
    char* p = js_store_get(key.c_str());
    if (!p) return std::nullopt;
    return take_js_string(p);
}

void set_title(const std::string& title) { js_set_title(title.c_str()); }
void set_leave_guard(bool unsaved) { js_set_leave_guard(unsaved ? 1 : 0); }
void request_share_link(const std::string& plan_text) { js_request_share_link(plan_text.c_str()); }
bool poll_share_link(std::string& link) {
    if (g_share_links.empty()) return false;
    link = std::move(g_share_links.front());
    g_share_links.pop_front();
    return true;
}
double now_seconds() { return emscripten_get_now() / 1000.0; }

}  // namespace mf::platform

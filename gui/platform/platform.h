// The one seam between the app and where it runs. gui/ calls these; web/platform_web.cpp
// implements them with the browser (file input, Blob downloads, clipboard events,
// localStorage, location.hash), web/platform_native.cpp with plain memory for the headless
// GUI test. Nothing else in gui/ or core/ knows about the browser.
#pragma once
#include <optional>
#include <string>
#include <vector>

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

// Small persistent key-value store (settings, autosave, ImGui layout).
void store_put(const std::string& key, const std::string& value);
std::optional<std::string> store_get(const std::string& key);

void set_title(const std::string& title);
// While true, leaving or reloading the page asks for confirmation first.
void set_leave_guard(bool unsaved_changes);

// Share links: the plan, compressed, in the page address (…/microfab-planner.html#plan=…).
// Making one is asynchronous in the browser (CompressionStream); the finished link arrives
// through poll_share_link(). A page opened from such a link receives the plan as an
// incoming file named "shared link.mfplan.json".
void request_share_link(const std::string& plan_text);
bool poll_share_link(std::string& link);

// Seconds since some fixed point, monotonic.
double now_seconds();

}  // namespace mf::platform

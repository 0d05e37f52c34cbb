// [SECTION] Start-up: settings and autosave
// [SECTION] Frame
// [SECTION] Menus, workspace, status bar
// [SECTION] Files: open, new, examples, save, share link
// [SECTION] Page sync: title, leave guard, autosave
// [SECTION] Test hook
#include "app.h"

#include "busy.h"
#include "test_hooks.h"

#include <cmath>
#include <cstring>
#include <utility>

#include "imgui.h"
#include "imgui_internal.h"
#include "base/json_reader.h"
#include "plan/plan_file.h"
#include "platform/platform.h"
#include "widgets.h"

#include "example_files.h"

namespace mf {

static const char* kStoreTheme = "mf.theme";
// Where a former version kept its one autosave; carried into the plan library once.
static const char* kStoreStartSeen = "mf.start.seen";
static const char* kLegacyPlan = "mf.autosave.plan";
static const char* kLegacyFile = "mf.autosave.file";
static const char* kLegacySaved = "mf.autosave.saved";
static constexpr double kAutosaveDelaySeconds = 1.0;

// [SECTION] Start-up ---------------------------------------------------------------------

void App::init() {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;               // window layout goes through the platform store instead
    io.ConfigInputTextCursorBlink = false;  // a blinking cursor would keep an idle page redrawing
    // Menus, tabs, buttons, combos and checkboxes reachable without a mouse: Tab / arrows move,
    // Space or Enter activates, Escape leaves; Alt or F10 reaches the menu bar.
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    if (auto ini = platform::store_get("mf.imgui.ini")) ImGui::LoadIniSettingsFromMemory(ini->c_str(), ini->size());
    set_theme(platform::store_get(kStoreTheme).value_or("light") == "dark" ? Theme::Dark : Theme::Light);

    import_legacy_autosave();
    // First run (nothing kept in this browser yet): the start page instead of an empty form.
    start.open = library.list().empty() && !platform::store_get(kStoreStartSeen);
    if (start.open) platform::store_put(kStoreStartSeen, "1");
    restore_last_plan();
    autosaved_state_ = last_seen_state_ = doc.state_id;
}

// A former version's single autosave slot becomes one entry of the plan library.
void App::import_legacy_autosave() {
    auto text = platform::store_get(kLegacyPlan);
    if (!text) return;
    const LoadResult r = load_plan(*text);
    StoredPlan meta;
    meta.id = PlanLibrary::new_id();
    meta.name = r.plan ? r.plan->meta.name : "Autosave of a former version";
    meta.file_name = platform::store_get(kLegacyFile).value_or("untitled.mfplan.json");
    meta.time = platform::wall_clock_seconds();
    meta.unsaved = platform::store_get(kLegacySaved).value_or("1") != "1";
    library.put(meta, *text);
    for (const char* k : {kLegacyPlan, kLegacyFile, kLegacySaved}) platform::store_erase(k);
}

// Nothing lost: the plan as it was when the page closed comes back, unsaved mark included.
// A stored plan that does not load is kept as it is (the app starts a new plan beside it, so
// no autosave can overwrite it) and the problem window says why and offers its text.
void App::restore_last_plan() {
    doc_id_ = PlanLibrary::new_id();
    const std::vector<StoredPlan> stored = library.list();
    if (stored.empty()) return;
    const StoredPlan& last = stored.front();
    const auto text = library.read(last.id);
    LoadResult r = text ? load_plan(*text) : LoadResult{};
    if (!r.plan) {
        Issues why = r.errors;
        if (!text) why.push_back({"", "the stored text of this plan is missing"});
        file_errors.show("the plan kept in this browser (" + last.name + ")", std::move(why));
        file_errors.stored_id = last.id;
        status = "The last plan could not be restored; it is kept under File › Recent plans";
        return;
    }
    doc.plan = std::move(*r.plan);
    doc.file_name = last.file_name;
    doc_id_ = last.id;
    if (last.unsaved) doc.saved_state_id = 0;
    status = "Restored " + doc.file_name + " as you left it";
}

void App::set_theme(Theme t) {
    theme = t;
    apply_theme(t);
    platform::store_put(kStoreTheme, t == Theme::Dark ? "dark" : "light");
}

// [SECTION] Frame ------------------------------------------------------------------------

void App::frame() {
    ++frames_drawn;
#ifdef MF_TEST_HOOKS
    test_focused_anchor().clear();  // set again by the focused widget's anchor, if it has one
#endif
    const double now = platform::now_seconds();
    clear_drawing_request();

    handle_shortcuts();
    draw_menu_bar();
    draw_workspace();
    draw_status_bar();
    file_errors.draw(library);
    recent.draw(*this);
    start.draw(*this);
    draw_replace_question();
    help.draw();
    share.draw();
    report_export.draw(status);
    if (int steps = history.draw(doc))
        while (steps-- > 0) doc.undo();

    apply_edits(now);

    platform::Notice notice;
    while (platform::poll_notice(notice)) {
        file_errors.show(notice.source, {Issue{"", notice.message}});
        status = notice.source + ": " + notice.message;
    }
    platform::IncomingFile incoming;
    while (platform::poll_incoming_file(incoming)) open_file(incoming.name, incoming.bytes);
    std::string link;
    while (platform::poll_share_link(link)) {
        share.link = std::move(link);
        share.waiting = false;
        platform::set_clipboard_text(share.link);
        status = "Share link copied to the clipboard";
    }

    sync_page(now);
    // Last, so that "idle" means no view asked for another frame in this one. The views'
    // warm-up follows the kernels' in the next frame.
    const bool idle = !drawing_requested(), kernels_were_warm = warm_up.done();
    view_warm_up.frame(kernels_were_warm, idle);
    warm_up.frame(frames_drawn, idle);
    if (!kernels_were_warm && warm_up.done()) keep_drawing();
}

// Frames continue while something computes on the page. The autosave that waits a second
// after the last change asks for one frame then (next_frame_due), not for every frame until.
bool App::wants_frames() const { return drawing_requested(); }

std::optional<double> App::next_frame_due() const {
    if (doc.state_id == autosaved_state_) return std::nullopt;
    return last_change_time_ + kAutosaveDelaySeconds;
}

// [SECTION] Menus, workspace, status bar -------------------------------------------------

void App::handle_shortcuts() {
    using namespace ImGui;
    // While a text field is being edited, Ctrl+Z/Y belong to the field's own undo.
    if (!GetIO().WantTextInput) {
        if (IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Z)) doc.undo();
        if (IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_Y) ||
            IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiMod_Shift | ImGuiKey_Z))
            doc.redo();
    }
    if (IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_S)) save();
    if (IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_O)) platform::request_open_file(".json");
}

void App::draw_menu_bar() {
    if (!ImGui::BeginMainMenuBar()) return;
    const bool file_menu = ImGui::BeginMenu("File");
    MF_TEST_ANCHOR("menu.file");
    if (file_menu) {
        if (ImGui::MenuItem("New plan")) new_plan();
        if (ImGui::MenuItem("Open…", "Ctrl+O")) platform::request_open_file(".json");
        if (ImGui::MenuItem("Save / Download", "Ctrl+S")) save();
        if (ImGui::MenuItem("Share link…")) request_share_link();
        if (ImGui::MenuItem("Report…", nullptr, false, !report_export.running())) request_report();
        MF_TEST_ANCHOR("menu.file.report");
        ImGui::Separator();
        if (ImGui::BeginMenu("Recent plans")) {
            const std::vector<StoredPlan> stored = library.list();
            const double now = platform::wall_clock_seconds();
            for (size_t i = 0; i < stored.size() && i < 8; ++i) {
                const StoredPlan& p = stored[i];
                ImGui::PushID(p.id.c_str());
                const std::string hint = age_text(p.time, now) + (p.unsaved ? " · unsaved" : "");
                if (ImGui::MenuItem(p.name.c_str(), hint.c_str(), p.id == doc_id_, p.id != doc_id_)) open_stored(p.id);
                ImGui::PopID();
            }
            if (stored.empty()) ImGui::TextDisabled("No plans kept in this browser yet");
            ImGui::Separator();
            if (ImGui::MenuItem("All recent plans…")) recent.open = true;
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::BeginMenu("Examples")) {
            for (unsigned i = 0; i < mf_example_plans_count; ++i)
                if (ImGui::MenuItem(mf_example_plans[i].name)) open_example(i);
            ImGui::EndMenu();
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Edit")) {
        const std::string undo_label = doc.can_undo() ? "Undo " + doc.undo_stack.back().label : std::string("Undo");
        const std::string redo_label = doc.can_redo() ? "Redo " + doc.redo_stack.back().label : std::string("Redo");
        if (ImGui::MenuItem(undo_label.c_str(), "Ctrl+Z", false, doc.can_undo())) doc.undo();
        if (ImGui::MenuItem(redo_label.c_str(), "Ctrl+Y", false, doc.can_redo())) doc.redo();
        ImGui::Separator();
        ImGui::MenuItem("History", nullptr, &history.open);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Light theme", nullptr, theme == Theme::Light)) set_theme(Theme::Light);
        if (ImGui::MenuItem("Dark theme", nullptr, theme == Theme::Dark)) set_theme(Theme::Dark);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Start page", nullptr, &start.open);
        ImGui::MenuItem("What each tool does", nullptr, &help.tools_open);
        ImGui::MenuItem("Keyboard shortcuts", nullptr, &help.shortcuts_open);
        ImGui::Separator();
        ImGui::MenuItem("About MicroFab Planner", nullptr, &help.about_open);
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

#ifdef MF_TEST_HOOKS
static const char* tab_anchor(Tab t) {
    switch (t) {
        case Tab::Overview: return "tab.overview";
        case Tab::Decision: return "tab.decision";
        case Tab::Timeline: return "tab.timeline";
        case Tab::Tolerances: return "tab.tolerances";
        case Tab::Capability: return "tab.capability";
    }
    return "tab";
}
#endif

// The panes of a tab are flattened child windows (begin_flat_child), so the keyboard focus can
// sit in one of them. When the tab (or a tab's page) changes, that pane is not drawn again and
// ImGui would hand the focus to the top-most other window, the status bar, where Tab and Ctrl+V
// do nothing; the focus stays in the workspace instead.
static void keep_focus_in_workspace() {
    ImGuiWindow* workspace = ImGui::GetCurrentWindow();
    ImGuiWindow* nav = GImGui->NavWindow;
    if (nav && nav != workspace && nav->RootWindow == workspace && nav->LastFrameActive != ImGui::GetFrameCount())
        ImGui::FocusWindow(workspace);
}

void App::draw_workspace() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float status_h = ImGui::GetFrameHeight();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, vp->WorkSize.y - status_h));
    // No background: the page clears the canvas to the window colour before it draws
    // (web/main_web.cpp), and without a GPU a canvas-sized fill costs ~10 ms of CPU a frame.
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground;
    if (ImGui::Begin("Workspace", nullptr, flags)) {
        ViewContext ctx{doc.plan, doc.state_id, pending_edits_, field_errors_, requested_tab_, doc.lineage};
        const std::optional<Tab> requested = std::exchange(requested_tab_, std::nullopt);
        // One tab per tool, each drawn the same way: the view gets the frame's context.
        auto tab = [&](Tab t, const char* label, auto&& draw) {
            const ImGuiTabItemFlags f = requested == t ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
            const bool open = ImGui::BeginTabItem(label, nullptr, f);
            MF_TEST_ANCHOR(tab_anchor(t));
            if (!open) return;
            begin_flat_child(label);
            draw(ctx);
            ImGui::EndChild();
            ImGui::EndTabItem();
        };
        if (ImGui::BeginTabBar("tools")) {
            tab(Tab::Overview, "Overview", [&](ViewContext& c) { overview.draw(c); });
            tab(Tab::Decision, "Decision", [&](ViewContext& c) { decision.draw(c); });
            tab(Tab::Timeline, "Timeline", [&](ViewContext& c) { schedule.draw(c); });
            tab(Tab::Tolerances, "Tolerances", [&](ViewContext& c) { stack.draw(c); });
            tab(Tab::Capability, "Capability", [&](ViewContext& c) { capability.draw(c); });
            ImGui::EndTabBar();
        }
        keep_focus_in_workspace();
    }
    ImGui::End();
}

// Applies the edits the views queued this frame. A refused edit leaves the plan as it was;
// its reason goes to the field it came from (field_error_marker draws it there) and to the
// status bar. An applied edit clears what an earlier refusal had said at its field.
void App::apply_edits(double now) {
    for (const Edit& e : pending_edits_.queue)
        if (!e.field.empty()) field_errors_.by_field.erase(e.field);
    for (Document::Refusal& r : doc.apply(pending_edits_, now)) {
        status = "Not applied: " + r.label + " — " + to_string(r.issue);
        if (!r.field.empty()) field_errors_.by_field[r.field] = std::move(r.issue);
    }
}

void App::draw_status_bar() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float h = ImGui::GetFrameHeight();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(0.5f), 2));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("Status", nullptr, flags)) {
        ImGui::TextUnformatted(doc.file_name.c_str());
        ImGui::SameLine();
        ImGui::TextDisabled(doc.unsaved() ? "· unsaved changes" : "· saved");
        if (!status.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("· %s", status.c_str());
        }
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

// [SECTION] Files ------------------------------------------------------------------------

bool App::open_file(const std::string& name, const std::string& bytes) {
    if (CapabilityView::accepts_file(name)) {  // a measurement table, not a plan
        capability.import_file(name, bytes);
        show_tab(Tab::Capability);
        status = "Importing " + name + " into Capability";
        return true;
    }
    LoadResult r = load_plan(bytes);
    if (!r.plan) {
        file_errors.show(name, std::move(r.errors));
        status = "Could not open " + name;
        return false;
    }
    const bool from_link = name == "shared link.mfplan.json";
    replace_asking("Open " + name, [this, name, from_link, plan = std::move(*r.plan)]() mutable {
        // A plan from a share link is a copy the user has not saved anywhere yet.
        doc.replace(std::move(plan), "Open " + name, from_link ? "shared-plan.mfplan.json" : name, !from_link);
        file_errors.open = false;
        status = "Opened " + name;
    });
    return true;
}

void App::new_plan() {
    replace_asking("New plan", [this] {
        doc.replace(Plan{}, "New plan", "untitled.mfplan.json", /*counts_as_saved=*/true);
        status = "New plan";
    });
}

// An example opens on the page that shows it best (start_view.cpp lists them).
bool App::open_example(unsigned index) {
    if (index >= mf_example_plans_count) return false;
    const EmbeddedFile& f = mf_example_plans[index];
    const bool opened = open_file(f.name, std::string(reinterpret_cast<const char*>(f.data), f.size));
    if (const ExampleGuide* g = example_guide(f.name); opened && g) show_tab(g->tab);
    return opened;
}

bool App::open_stored(const std::string& id) {
    const auto text = library.read(id);
    LoadResult r = text ? load_plan(*text) : LoadResult{};
    if (!r.plan) {
        file_errors.show("a plan kept in this browser",
                         text ? std::move(r.errors) : Issues{{"", "its text is missing"}});
        file_errors.stored_id = id;
        return false;
    }
    StoredPlan meta;
    for (const StoredPlan& p : library.list())
        if (p.id == id) meta = p;
    replace_asking("Open " + meta.name, [this, id, meta, plan = std::move(*r.plan)]() mutable {
        doc.replace(std::move(plan), "Open " + meta.name, meta.file_name, !meta.unsaved);
        doc_id_ = id;  // its autosaves continue in the same entry
        autosaved_state_ = doc.state_id;
        status = "Opened " + meta.name + " from this browser";
    });
    return true;
}

// Every way of replacing the open plan comes through here. The plan being replaced is written
// to the library first, so it can always be opened again (File › Recent plans); when it has
// unsaved changes the user is asked first: save it, discard the changes, or cancel.
void App::replace_asking(std::string what, std::function<void()> replace) {
    if (doc.unsaved()) {
        pending_replace_ = PendingReplace{std::move(what), std::move(replace)};
        return;
    }
    replace_now(std::move(replace));
}

void App::replace_now(std::function<void()> replace) {
    flush_autosave();
    const std::string replaced_id = doc_id_;
    replace();
    start.open = false;                                           // a plan is open: the start page has done its job
    if (doc_id_ == replaced_id) doc_id_ = PlanLibrary::new_id();  // open_stored() keeps the entry's own id
    flush_autosave();
}

void App::draw_replace_question() {
    if (!pending_replace_) return;
    if (!ImGui::IsPopupOpen("Replace the open plan?")) ImGui::OpenPopup("Replace the open plan?");
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Replace the open plan?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(em(30));
    ImGui::Text("\"%s\" has changes that are not saved to a file.", doc.plan.meta.name.c_str());
    ImGui::TextDisabled("%s replaces it here. Whatever you choose, it stays under File › Recent plans.",
                        pending_replace_->what.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    enum { Wait, Save, Discard, Cancel } choice = Wait;
    if (ImGui::Button("Save, then replace")) choice = Save;
    MF_TEST_ANCHOR("replace.save");
    ImGui::SameLine();
    if (ImGui::Button("Discard changes")) choice = Discard;
    MF_TEST_ANCHOR("replace.discard");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) choice = Cancel;
    MF_TEST_ANCHOR("replace.cancel");
    if (choice != Wait) {
        if (choice == Save) save();
        std::function<void()> replace = std::move(pending_replace_->replace);
        pending_replace_.reset();
        if (choice != Cancel)
            replace_now(std::move(replace));
        else
            status = "Kept " + doc.plan.meta.name;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void App::save() {
    platform::download_file(doc.file_name, save_plan(doc.plan), "application/json");
    doc.mark_saved();
    status = "Saved " + doc.file_name + " (downloaded)";
}

void App::request_share_link() {
    share.open = true;
    share.waiting = true;
    share.link.clear();
    platform::request_share_link(save_plan(doc.plan, /*indent=*/-1));
}

// Writes the open plan to the library now (the page is being hidden or closed, or the plan
// is about to be replaced). Name, file name and text go in one write: never one without the other.
void App::flush_autosave() {
    if (doc.state_id == autosaved_state_ && !library.list().empty()) return;
    const std::string text = save_plan(doc.plan);
    if (text == save_plan(Plan{})) {  // an empty new plan is not worth a place in the list
        autosaved_state_ = doc.state_id;
        return;
    }
    StoredPlan meta;
    meta.id = doc_id_;
    meta.name = doc.plan.meta.name;
    meta.file_name = doc.file_name;
    meta.time = platform::wall_clock_seconds();
    meta.unsaved = doc.unsaved();
    library.put(meta, text);
    autosaved_state_ = doc.state_id;
}

// [SECTION] Page sync --------------------------------------------------------------------

void App::sync_page(double now) {
    const std::string title = (doc.unsaved() ? "● " : "") + doc.plan.meta.name + " — MicroFab Planner";
    if (title != last_title_) {
        platform::set_title(title);
        last_title_ = title;
    }
    if (doc.unsaved() != last_guard_) {
        last_guard_ = doc.unsaved();
        platform::set_leave_guard(last_guard_);
    }
    if (doc.state_id != last_seen_state_) {
        last_seen_state_ = doc.state_id;
        last_change_time_ = now;
    }
    // Autosave a moment after the last change (typing does not write on every key).
    if (doc.state_id != autosaved_state_ && now - last_change_time_ >= kAutosaveDelaySeconds) flush_autosave();
    if (ImGui::GetIO().WantSaveIniSettings) {
        size_t size = 0;
        const char* ini = ImGui::SaveIniSettingsToMemory(&size);
        platform::store_put("mf.imgui.ini", std::string(ini, size));
        ImGui::GetIO().WantSaveIniSettings = false;
    }
}

// [SECTION] Test hook ----------------------------------------------------------------------

#ifdef MF_TEST_HOOKS

std::string App::test_state_json() const {
    json j;
    j["name"] = doc.plan.meta.name;
    j["file_name"] = doc.file_name;
    j["unsaved"] = doc.unsaved();
    j["state_id"] = doc.state_id;
    j["frames_drawn"] = frames_drawn;
    // The size the last frame was laid out for: after a resize, anchors are stale until it matches.
    j["display"] = {ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y};
    j["warm_up_done"] = warmed_up();
    j["theme"] = theme == Theme::Dark ? "dark" : "light";
    j["error_window_open"] = file_errors.open;
    j["errors"] = json::array();
    for (const auto& e : file_errors.errors) j["errors"].push_back({{"where", e.where}, {"message", e.message}});
    j["errors_file"] = file_errors.file_name;
    j["sections"] = json::object();
    for (const auto& s : section_counts(doc.plan)) j["sections"][s.name] = s.count;
    j["status"] = status;
    j["share_link"] = share.link;
    j["undo"] = doc.can_undo() ? doc.undo_stack.back().label : "";
    j["asking_to_replace"] = pending_replace_.has_value();
    j["start_open"] = start.open;
    j["focused"] = test_focused_anchor();
    j["doc_id"] = doc_id_;
    j["recent"] = json::array();
    for (const StoredPlan& p : library.list())
        j["recent"].push_back({{"id", p.id}, {"name", p.name}, {"file", p.file_name}, {"unsaved", p.unsaved}});
    j["anchors"] = json::object();
    for (const auto& [name, r] : test_anchors()) j["anchors"][name] = {r.x0, r.y0, r.x1, r.y1};
    j["values"] = json::object();
    for (const auto& [name, v] : test_values()) j["values"][name] = std::isfinite(v) ? json(v) : json(nullptr);
    for (const auto& [name, v] : test_texts()) j["values"][name] = v;
    return j.dump();
}

namespace {
struct TestRecords {
    std::map<std::string, AnchorRect> anchors;
    std::map<std::string, double> values;
    std::map<std::string, std::string> texts;
    std::string focused_anchor;
};
TestRecords g_records, g_scratch;
bool g_muted = false;
TestRecords& records() { return g_muted ? g_scratch : g_records; }
}  // namespace

MutedTestHooks::MutedTestHooks() { g_muted = true; }
MutedTestHooks::~MutedTestHooks() {
    g_muted = false;
    g_scratch = {};
}

std::map<std::string, AnchorRect>& test_anchors() { return records().anchors; }
std::map<std::string, double>& test_values() { return records().values; }
std::map<std::string, std::string>& test_texts() { return records().texts; }
std::string& test_focused_anchor() { return records().focused_anchor; }

#endif  // MF_TEST_HOOKS

}  // namespace mf

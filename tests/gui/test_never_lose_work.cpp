// Nothing the user had is lost: replacing an unsaved plan asks first, every replaced plan
// stays in the browser's plan library, a stored plan that no longer loads is kept and
// offered, the store refusing a write (quota) is said and loses nothing, and what the page
// could not hand over (a file over 64 MB, a damaged share link) is reported.
#include "harness.h"

using namespace mf;
using namespace mf::test;

namespace {

void edit_name(Harness& h, const char* name) {
    Edits e;
    e.push("Rename project", [n = std::string(name)](Plan& p) { p.meta.name = n; });
    h.app.doc.apply(e, platform::now_seconds());
    h.frames(2);
}

// A new App over the same store, as after a reload of the page.
template <class F>
void after_reload(F&& check) {
    auto stored = platform::native_state().store;
    platform::native_state() = {};
    platform::native_state().store = stored;
    ImGui::CreateContext();
    {
        App again;
        again.init();
        check(again);
    }
    ImGui::DestroyContext();
}

}  // namespace

TEST_CASE("New on an unsaved plan asks; Cancel keeps it, Discard replaces it and keeps it in Recent") {
    Harness h;
    h.app.open_example(example(kGearbox));
    h.frames(2);
    edit_name(h, "My gearbox");
    REQUIRE(h.app.doc.unsaved());

    h.app.new_plan();
    h.frames(2);
    CHECK(h.app.asking_to_replace());
    CHECK(h.app.doc.plan.meta.name == "My gearbox");    // nothing replaced yet
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);  // Escape = Cancel
    h.frames(1);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
    h.frames(2);
    CHECK_FALSE(h.app.asking_to_replace());
    CHECK(h.app.doc.plan.meta.name == "My gearbox");

    h.app.new_plan();
    h.frames(2);
    Input in{h};
    in.click("replace.discard");
    h.frames(2);
    CHECK_FALSE(h.app.asking_to_replace());
    CHECK(h.app.doc.plan.meta.name == "Untitled plan");
    bool kept = false;
    for (const StoredPlan& p : h.app.library.list()) {
        if (p.name != "My gearbox") continue;
        kept = true;
        CHECK(p.unsaved);
        CHECK(load_plan(*h.app.library.read(p.id)).plan->meta.name == "My gearbox");
    }
    CHECK(kept);
}

TEST_CASE("Save, then replace downloads the plan first; a saved plan is replaced without asking") {
    Harness h;
    h.app.open_example(example(kGearbox));
    edit_name(h, "Saved first");
    h.app.open_example(example("launch-timeline.mfplan.json"));
    h.frames(2);
    REQUIRE(h.app.asking_to_replace());
    Input in{h};
    in.click("replace.save");
    h.frames(2);
    REQUIRE(platform::native_state().downloads.size() == 1);
    CHECK(load_plan(platform::native_state().downloads[0].bytes).plan->meta.name == "Saved first");
    CHECK(h.app.doc.file_name == "launch-timeline.mfplan.json");
    // Now saved (just opened): the next replace does not ask.
    h.app.open_example(example(kGearbox));
    h.frames(2);
    CHECK_FALSE(h.app.asking_to_replace());
    CHECK(h.app.doc.file_name == kGearbox);
}

TEST_CASE("a share link opened next session leaves yesterday's unsaved plan in Recent") {
    {
        Harness h;
        h.app.open_example(example(kGearbox));
        edit_name(h, "Yesterday's work");
        h.frames(90);  // past the autosave delay
    }
    after_reload([](App& app) {
        CHECK(app.doc.plan.meta.name == "Yesterday's work");
        CHECK(app.doc.unsaved());
        // The link's plan arrives as an incoming file: the user is asked, and discards.
        app.open_file("shared link.mfplan.json", read_source_file("assets/examples/launch-timeline.mfplan.json"));
        CHECK(app.asking_to_replace());
        CHECK(app.doc.plan.meta.name == "Yesterday's work");
        size_t found = 0;
        for (const StoredPlan& p : app.library.list()) found += p.name == "Yesterday's work";
        CHECK(found == 1);
    });
}

TEST_CASE("a stored plan that no longer loads is kept, said, offered for download, never overwritten") {
    {
        Harness h;
        h.app.open_example(example(kGearbox));
        edit_name(h, "Will be damaged");
        h.frames(90);
    }
    // Damage the stored text (as a former version or a full disk might leave it).
    std::string damaged_key;
    for (auto& [k, v] : platform::native_state().store)
        if (k.size() > 5 && k.compare(k.size() - 5, 5, ".plan") == 0) {
            v = v.substr(0, v.size() / 2);
            damaged_key = k;
        }
    REQUIRE(!damaged_key.empty());
    const std::string damaged = platform::native_state().store[damaged_key];
    after_reload([&](App& app) {
        CHECK(app.file_errors.open);
        CHECK(!app.file_errors.stored_id.empty());
        CHECK(app.doc.plan.meta.name == "Untitled plan");
        // Work goes on in a new entry; the damaged one is untouched.
        Edits e;
        e.push("Rename project", [](Plan& p) { p.meta.name = "Fresh start"; });
        app.doc.apply(e, 0);
        app.flush_autosave();
        CHECK(platform::native_state().store[damaged_key] == damaged);
        CHECK(app.library.list().size() == 2);
    });
}

TEST_CASE("the browser refusing a write (quota) is said, and nothing the user had is lost") {
    Harness h;
    h.app.open_example(example(kGearbox));
    h.frames(2);
    const std::string before = save_plan(h.app.doc.plan);
    platform::native_state().store_quota = 100;  // far less than a plan
    edit_name(h, "Too big for the store");
    h.app.flush_autosave();
    h.frames(2);
    CHECK(h.app.file_errors.open);
    CHECK(h.app.file_errors.file_name == "browser storage");
    CHECK(h.app.doc.plan.meta.name == "Too big for the store");  // the open plan is untouched
    // The entry written before keeps its own name and text together (no name without its plan).
    for (const StoredPlan& p : h.app.library.list())
        CHECK(load_plan(*h.app.library.read(p.id)).plan->meta.name == p.name);
}

TEST_CASE("what the page could not hand over is reported in the problem window") {
    Harness h;
    h.frames(2);
    platform::native_state().notices.push_back(
        {"share link", "this share link cannot be opened: the plan inside is larger than 16 MB"});
    h.frames(2);
    CHECK(h.app.file_errors.open);
    CHECK(h.app.file_errors.file_name == "share link");
    REQUIRE(h.app.file_errors.errors.size() == 1);
    CHECK(h.app.file_errors.errors[0].message.find("16 MB") != std::string::npos);
}

TEST_CASE("the library keeps the newest plans and never drops the open one") {
    Harness h;
    for (unsigned i = 0; i < PlanLibrary::kKeep + 4; ++i) {
        platform::native_state().fake_wall_clock = 1000.0 + i;
        Plan p;
        p.meta.name = "Plan " + std::to_string(i);
        StoredPlan m{PlanLibrary::new_id(), p.meta.name, "f.json", 1000.0 + i, 0, false};
        h.app.library.put(m, save_plan(p));
    }
    const auto list = h.app.library.list();
    CHECK(list.size() == PlanLibrary::kKeep);
    CHECK(list.front().name == "Plan " + std::to_string(PlanLibrary::kKeep + 3));
    CHECK(list.back().name == "Plan 4");
    CHECK(age_text(1000, 1030) == "just now");
    CHECK(age_text(1000, 1000 + 5 * 60) == "5 min ago");
    CHECK(age_text(0, 86400 * 30) == "1970-01-01");
    CHECK(size_text(812) == "812 B");
    CHECK(size_text(14000) == "14 kB");
    CHECK(size_text(2300000) == "2.3 MB");
}

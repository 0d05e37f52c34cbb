// The plans this browser keeps: the open plan's autosave and the plans it replaced, newest
// first, each with its name, file name, time and size — listed under File › Recent plans and
// on the start of the app. Nothing the user had is lost by opening something else: the plan
// that is replaced stays here until it is one of more than kKeep, and never while it is open.
//
//   PlanLibrary lib;                                   // reads the platform store
//   lib.put({id, name, file_name, now, bytes, unsaved}, text);
//   for (const StoredPlan& p : lib.list()) ...;        // newest first
//   std::optional<std::string> text = lib.read(id);
//
// Layout in the store: "mf.library.<id>.meta" (JSON: name, file, time, bytes, unsaved) and
// "mf.library.<id>.plan" (the plan file text), written together in one transaction.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace mf {

struct StoredPlan {
    std::string id;         // "p" + time in ms + counter: unique in this browser
    std::string name;       // the plan's project name
    std::string file_name;  // the name it is saved under (Ctrl+S)
    double time = 0;        // wall clock, seconds since 1970 (last write)
    size_t bytes = 0;       // size of the plan text
    bool unsaved = false;   // had changes not yet saved to a file
};

struct PlanLibrary {
    static constexpr size_t kKeep = 12;  // plans kept; older ones are dropped on write

    std::vector<StoredPlan> list() const;  // newest first
    std::optional<std::string> read(const std::string& id) const;
    // Writes (or rewrites) one plan; then drops the oldest beyond kKeep, never `keep_id`.
    void put(const StoredPlan& meta, const std::string& text);
    void remove(const std::string& id);
    static std::string new_id();
};

// "just now", "5 min ago", "3 h ago", "2 days ago", or the date.
std::string age_text(double then_seconds, double now_seconds);
// "812 B", "14 kB", "2.3 MB".
std::string size_text(size_t bytes);

}  // namespace mf

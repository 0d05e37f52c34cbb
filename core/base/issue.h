// Issue: the one shape of every problem any tool reports — a plan file that does not load,
// an edit the document refuses, a schedule that cannot be computed, a stack contributor
// whose tolerance is negative, a warning about a decision input.
//
//   Issue{"/stacks/0/contributors/2/tol_plus", "must not be negative"}        // an error
//   Issue{"/schedule/tasks/3", "has no successor", Severity::Warning}
//
// `where` is a JSON Pointer into the plan file (RFC 6901, indices 0-based), so the GUI can
// put the message at the field and the CLI can print it next to the path. Tables read from
// text (CSV, pasted cells) have no pointer; they name "row 4, column \"OD\"" instead (rows
// 1-based as a spreadsheet numbers them).
#pragma once
#include <string>
#include <vector>

namespace mf {

enum class Severity { Error, Warning, Info };

struct Issue {
    std::string where;    // JSON Pointer ("" = the plan as a whole)
    std::string message;  // what is wrong, with the values that broke the rule
    Severity severity = Severity::Error;
};
using Issues = std::vector<Issue>;

// "where: message" — the form the CLI prints and the GUI lists.
inline std::string to_string(const Issue& e) { return e.where.empty() ? e.message : e.where + ": " + e.message; }

inline const char* severity_name(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Info: return "info";
    }
    return "error";
}

// True when any issue is an error (warnings and notes do not stop an analysis).
inline bool has_errors(const Issues& issues) {
    for (const auto& i : issues)
        if (i.severity == Severity::Error) return true;
    return false;
}

}  // namespace mf

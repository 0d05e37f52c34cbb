// The window that lists why a file could not be opened: one row per problem with the place
// (JSON path) and what is wrong. The plan that was open stays untouched. For a plan kept in
// this browser that no longer loads, the window offers its text as a download.
#pragma once
#include <string>

#include "base/issue.h"

namespace mf {

struct PlanLibrary;

struct FileErrorsView {
    bool open = false;
    std::string file_name;
    Issues errors;
    std::string stored_id;  // set when the problem is a plan kept in this browser: offer its text

    void show(std::string name, Issues errs) {
        file_name = std::move(name);
        errors = std::move(errs);
        stored_id.clear();
        open = true;
    }
    void draw(const PlanLibrary& library);
};

}  // namespace mf

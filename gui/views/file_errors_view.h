// The window that lists why a file could not be opened: one row per problem with the place
// (JSON path) and what is wrong. The plan that was open stays untouched.
#pragma once
#include <string>

#include "base/issue.h"

namespace mf {

struct FileErrorsView {
    bool open = false;
    std::string file_name;
    Issues errors;

    void show(std::string name, Issues errs) {
        file_name = std::move(name);
        errors = std::move(errs);
        open = true;
    }
    void draw();
};

}  // namespace mf

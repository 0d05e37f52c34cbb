// One problem found in a plan file or an input table: where (a JSON Pointer such as
// "/stacks/0/contributors/2/tol_plus", or "row 4, column \"OD\"" for tables) and what.
#pragma once
#include <string>
#include <vector>

namespace mf {

struct FileError {
    std::string where;
    std::string message;
};
using FileErrors = std::vector<FileError>;

// "where: message" — the form the CLI prints and the GUI lists.
inline std::string to_string(const FileError& e) {
    return e.where.empty() ? e.message : e.where + ": " + e.message;
}

}  // namespace mf

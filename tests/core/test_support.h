// Helpers shared by the core tests: reading files of the source tree (works natively and
// under node through NODERAWFS).
#pragma once
#include <fstream>
#include <sstream>
#include <string>

namespace mf::test {

inline std::string source_path(const std::string& relative) { return std::string(MF_SOURCE_DIR) + "/" + relative; }

inline std::string read_file(const std::string& relative) {
    std::ifstream in(source_path(relative), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace mf::test

// The fuzz targets (tests/fuzz) as unit tests: each runs over its seed corpus (the example
// plans and tests/data) and over every input fuzzing found and we committed
// (tests/fuzz/corpus/TARGET), with the same promises — loads and round trips, finite figures,
// bounded problem lists. A crasher stays fixed here even where nobody runs scripts/fuzz.sh.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

#define MF_FUZZ_REPLAY
#define LLVMFuzzerTestOneInput fuzz_plan_one_input
#include "../fuzz/fuzz_plan.cpp"
#undef LLVMFuzzerTestOneInput
#define LLVMFuzzerTestOneInput fuzz_tables_one_input
#include "../fuzz/fuzz_tables.cpp"
#undef LLVMFuzzerTestOneInput

namespace {

// Every regular file under the given source-tree folders, recursively, in a stable order.
std::vector<std::string> corpus(std::initializer_list<const char*> folders) {
    std::vector<std::string> files;
    for (const char* folder : folders) {
        const std::filesystem::path root = mf::test::source_path(folder);
        if (!std::filesystem::is_directory(root)) continue;
        for (const auto& e : std::filesystem::recursive_directory_iterator(root))
            if (e.is_regular_file() && e.path().filename().string()[0] != '.') files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("fuzz replay: the plan target over its seeds and committed crashers") {
    const auto files = corpus({"assets/examples", "tests/data", "tests/fuzz/corpus/fuzz_plan"});
    MESSAGE(files.size() << " files");
    CHECK(files.size() > 30);
    for (const auto& f : files) {
        CAPTURE(f);
        const std::string b = bytes_of(f);
        fuzz_plan_one_input(reinterpret_cast<const uint8_t*>(b.data()), b.size());
    }
}

TEST_CASE("fuzz replay: the table target over its seeds and committed crashers") {
    const auto files = corpus({"assets/examples", "tests/data", "tests/fuzz/corpus/fuzz_tables"});
    for (const auto& f : files) {
        CAPTURE(f);
        const std::string b = bytes_of(f);
        fuzz_tables_one_input(reinterpret_cast<const uint8_t*>(b.data()), b.size());
    }
}

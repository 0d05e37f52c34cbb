// libFuzzer target: any bytes as a pasted or opened table — the measurement-table reader
// (capability/table_import.h) with the dataset and yield imports and each feature's analysis,
// and the contributor-table reader (tolerance/stack_table.h) with the stack's analysis.
//
//   build/fuzz/fuzz_tables CORPUS_DIR -max_total_time=60
//
// The whole input is the text (so the seed corpus's CSV files are read as they are); a hash of
// it picks the reader options (delimiter, decimal mark, header, unit), so the mutations of one
// file exercise every combination over time.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/limits.h"
#include "capability/analysis.h"
#include "capability/table_import.h"
#include "capability/yield.h"
#include "fuzz_checks.h"
#include "tolerance/monte_carlo.h"
#include "tolerance/stack_analysis.h"
#include "tolerance/stack_table.h"

namespace {

using mf::fuzz::finite;
using mf::fuzz::require;

void measurement_table(std::string_view text, uint8_t mode) {
    mf::TableOptions o;
    const char delimiters[] = {0, ',', ';', '\t'};
    const char decimals[] = {0, '.', ','};
    o.delimiter = delimiters[mode & 3];
    o.decimal = decimals[(mode >> 2) % 3];
    o.header = static_cast<int>((mode >> 4) % 3) - 1;
    const mf::TableReadResult t = mf::read_table(text, o);
    require(t.errors.size() <= mf::kMaxIssuesListed + 1, "read_table: problems capped");
    if (!t.errors.empty()) return;
    for (size_t r = 0; r < t.table.rows; ++r)
        for (size_t c = 0; c < t.table.columns; ++c) (void)t.table.cell(r, c);
    mf::DatasetImportOptions d;
    d.subgroup_size = 1 + (mode >> 6);
    const mf::DatasetImportResult ds = mf::dataset_from_table(t.table, d);
    if (ds.errors.empty())
        for (const auto& a : mf::analyse_dataset(ds.dataset)) {
            if (!a.errors.empty()) continue;
            finite(a.mean, "table: mean");
            finite(a.cap.cpk, "table: Cpk");
        }
    const mf::YieldImportResult y = mf::yield_from_table(t.table);
    if (y.errors.empty() && !y.records.empty()) {
        const mf::YieldResult yr = mf::first_pass_yield(y.records);
        (void)yr;
    }
}

void contributor_table(const std::string& text, uint8_t mode) {
    const double units[] = {1.0, 0.001, 25.4, 1e-6};
    const mf::ContributorTable t = mf::parse_contributor_table(text, units[mode & 3]);
    require(t.errors.size() <= mf::kMaxIssuesListed + 1, "contributor table: problems capped");
    if (!t.errors.empty()) return;
    mf::Stack s;
    s.id = "s";
    s.name = "s";
    s.contributors = t.contributors;
    if (mode & 4) s.lower_limit = 0.0;
    if (mode & 8) s.upper_limit = 0.05;
    mf::MonteCarloOptions o;
    o.samples = 1000;
    o.histogram_bins = 10;
    const mf::MonteCarloResult mc = mf::run_monte_carlo(s, o);
    const mf::StackReport rep = mf::analyse_stack(s, mc.errors.empty() ? &mc : nullptr);
    if (!rep.errors.empty()) return;
    finite(rep.worst_case.min, "contributor table: worst case");
    finite(rep.statistical.sigma, "contributor table: sigma");
    if (mc.errors.empty()) finite(mc.at_measurement.mean, "contributor table: Monte Carlo mean");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    uint32_t hash = 2166136261u;  // FNV-1a
    for (size_t i = 0; i < size; ++i) hash = (hash ^ data[i]) * 16777619u;
    const uint8_t mode = static_cast<uint8_t>(hash ^ (hash >> 8) ^ (hash >> 16) ^ (hash >> 24));
    const std::string text(reinterpret_cast<const char*>(data), size);
    measurement_table(text, mode);
    contributor_table(text, mode);
    return 0;
}

// The documented limits of every input and every analysis (docs/plan-format.md, "Limits",
// 2026-12-06). Each exists so that an extreme-but-legal plan cannot hang the app or exhaust
// the 2 GB WebAssembly heap: every check and analysis is then near-linear in what the plan
// holds, and whatever is refused is refused with a message naming the limit.
//
//   if (s.tasks.size() > kMaxTasks) error(too_many("tasks", s.tasks.size(), kMaxTasks, "a schedule"));
//
// The values are generous for a real plan (a few hundred tasks, tens of contributors, a
// handful of partners) and far below what would take more than a few seconds.
#pragma once
#include <cstddef>
#include <string>

namespace mf {

// [SECTION] Problems reported
// Every list of problems (a file that does not load, a check, an import) lists at most this
// many, identical ones once, then one "and N more problems" entry.
inline constexpr size_t kMaxIssuesListed = 100;

// [SECTION] Items in a plan (also the limits of the CSV imports)
inline constexpr size_t kMaxTasks = 100000;     // schedule tasks
inline constexpr size_t kMaxCalendars = 100;    // named calendars
inline constexpr size_t kMaxHolidays = 100000;  // holidays per calendar
inline constexpr int kMaxOutlineDepth = 100;    // levels of subtasks under a top-level task
// Task-to-task links after links to and from summary tasks are applied to each subtask:
// linking two summaries of 2 000 subtasks each would otherwise make 4 000 000 links.
inline constexpr size_t kMaxScheduleLinks = 1000000;
inline constexpr size_t kMaxStacks = 1000;          // tolerance stacks
inline constexpr size_t kMaxContributors = 100000;  // contributors in one stack (and CSV rows)
inline constexpr size_t kMaxLoopVectors = 10000;    // vectors of one loop
inline constexpr size_t kMaxPartners = 100;         // partners (crossovers compare every pair)
inline constexpr size_t kMaxCriteria = 100;         // criteria (AHP judges every pair)
inline constexpr size_t kMaxScores = 100000;        // entered scores
inline constexpr size_t kMaxPriceBreaks = 100000;   // price breaks of one cost model
inline constexpr size_t kMaxListEntries = 100;      // short lists: materials, processes, bonded pairs
inline constexpr size_t kMaxDatasets = 1000;        // capability datasets
inline constexpr size_t kMaxFeatures = 10000;       // features of one dataset (CSV columns)
inline constexpr size_t kMaxRows = 10000000;        // rows (values per feature) of one dataset
inline constexpr size_t kMaxYieldRows = 1000000;    // yield records of one dataset

// [SECTION] Size of an analysis
// Stack Monte Carlo: samples × contributors drawn (5·10^8 draws: about ten seconds natively).
inline constexpr double kMaxStackDraws = 5e8;
// Schedule Monte Carlo: iterations × (tasks + links + the most draws the gates can add) per run.
inline constexpr double kMaxScheduleSteps = 1e9;
// Rank-first Monte Carlo of the decision: samples × partners × (criteria + partners).
inline constexpr double kMaxRankSteps = 1e9;
// Cost model: a lot size, tooling life or material batch size below one part is refused
// (0 means "one for the whole programme"): a lot of 1e-16 parts has no meaning and would
// put a cost jump at every 1e-16 parts.
inline constexpr double kMinPartsPerLot = 1;
// Crossovers: affine pieces examined over all pairs and the cheapest-partner envelope
// (each piece costs a few cost evaluations per partner); past it the lists are marked
// incomplete ("truncated").
inline constexpr double kMaxCrossoverWork = 4e6;
// Split plan: breakpoints of each partner that give candidate transfer points (four each).
inline constexpr size_t kMaxSplitBreakpoints = 250000;
// Smallest Cp or Cpk a contributor may declare: below it σ exceeds 300 000 × the tolerance
// (and at 5e-324 it is infinite).
inline constexpr double kMinCapabilityIndex = 1e-6;
// Mating contributor pairs examined for the tolerance-mismatch warning (pairs of contributors
// with different partners, over all stacks).
inline constexpr size_t kMaxMatingPairs = 10000;

// "12 000 tasks: a schedule holds at most 10 000 tasks" — the message of every item cap.
inline std::string too_many(const char* what, size_t count, size_t limit, const char* holder) {
    return std::to_string(count) + " " + what + ": " + holder + " holds at most " + std::to_string(limit) + " " + what +
        " (docs/plan-format.md, \"Limits\")";
}

}  // namespace mf

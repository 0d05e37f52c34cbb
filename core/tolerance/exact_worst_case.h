// The exact worst case of a 2D vector loop (2026-12-06): the gap's true extremes over every
// contributor inside its band, beside the linearised worst case (worst_case() in
// stack_analysis.h, which uses the sensitivities at nominal).
//
//   ExactWorstCase e = exact_worst_case(stack, stack.measurement_temperature);
//   if (e.computed) ... e.min, e.max, e.min - e.linear_min ...
//
// Why this is exact. The loop's gap is d·Σ L_v·u(a_v + θ_k(v)) plus the contributors outside
// the loop (linear, each at the end of its band). For fixed angles it is linear in every
// length, so its extremes have each length contributor at an end of its band: the 2^n corners
// of the n length contributors (those with a band) are enumerated. For fixed lengths it is a
// sum of one sinusoid per angle contributor, R·cos(θ + β) (every vector has at most one angle
// contributor), so each angle is chosen independently among its band ends and the points
// inside its band where R·cos(θ + β) is largest or smallest. The result is the exact extreme,
// not only the best corner (a corner-only search misses an angle band containing 0°).
// Above kMaxExactLengthContributors length contributors (2^16 = 65 536 corners), or above
// kMaxExactWorstCaseWork evaluations, nothing is enumerated: `computed` is false, the note
// says why and the linearised figures stand.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "tolerance/stack_model.h"

namespace mf {

constexpr size_t kMaxExactLengthContributors = 16;
// At most this many corner × (contributors + vectors) evaluations (about 0.1 s); above it the
// loop is not enumerated either (a loop of thousands of vectors with many length contributors).
constexpr double kMaxExactWorstCaseWork = 2e7;

struct ExactWorstCase {
    bool computed = false;  // false: not a loop, the stack is refused, or too many lengths (note)
    double temperature = 20;
    size_t length_contributors = 0;                 // length contributors of the loop with a band (enumerated)
    size_t angle_contributors = 0;                  // angle contributors of the loop with a band
    size_t corners = 0;                             // 2^length_contributors
    double min = 0, max = 0;                        // exact extremes of the gap (mm)
    std::vector<double> at_min, at_max;             // each contributor's value at the extreme (at the temperature)
    double linear_min = 0, linear_max = 0;          // the linearised worst case at the same temperature
    double min_difference = 0, max_difference = 0;  // exact − linearised
    std::string method;                             // what was done, in words
    std::string note;                               // why nothing was computed, when it was not
};

ExactWorstCase exact_worst_case(const Stack& s, double temperature);

}  // namespace mf

// A file name from a plan's name, for everything the app downloads (the timeline exports,
// the results tables as CSV): lower-case ASCII letters and digits, other runs as one '-',
// at most 40 characters cut at a word boundary; "plan" when nothing is left.
//
//   file_slug("Micro gearbox — pilot (v2)") == "micro-gearbox-pilot-v2"
#pragma once
#include <string>

namespace mf {

std::string file_slug(const std::string& name);

}  // namespace mf

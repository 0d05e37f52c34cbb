// The JSON form of measured links, shared by `mfplan stack` and `mfplan schedule`: now in
// core (links/measured_links_json.h), so the stack result JSON built in core uses it too.
#pragma once
#include "links/measured_links_json.h"

namespace mf::cli {

using mf::link_json;
using mf::links_json;
using mf::measured_links_convention;

}  // namespace mf::cli

// The JSON form of measured links (measured_links.h), shared by `mfplan stack` and
// `mfplan schedule` and the stack result JSON (tolerance/stack_result_json.h): one object per
// link with what it supplied or why it could not.
#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "links/measured_links.h"

namespace mf {

nlohmann::json link_json(const LinkReport& l);
nlohmann::json links_json(const std::vector<LinkReport>& links);
// The convention named in the JSON ("conventions": {"measured_links": ...}).
const char* measured_links_convention();

}  // namespace mf

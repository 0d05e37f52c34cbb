// The JSON form of measured links (core/links/measured_links.h), shared by `mfplan stack`
// and `mfplan schedule`: one object per link with what it supplied or why it could not.
#pragma once
#include <vector>

#include <nlohmann/json.hpp>

#include "links/measured_links.h"

namespace mf::cli {

nlohmann::json link_json(const LinkReport& l);
nlohmann::json links_json(const std::vector<LinkReport>& links);
// The convention named in the JSON ("conventions": {"measured_links": ...}).
const char* measured_links_convention();

}  // namespace mf::cli

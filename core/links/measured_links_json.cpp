// The JSON form of measured links (see measured_links_json.h).
#include "links/measured_links_json.h"

namespace mf {

using nlohmann::json;

static json opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json link_json(const LinkReport& l) {
    json j = {{"where", l.where},
              {"target", l.target_id},
              {"target_name", l.target_name},
              {"dataset", l.dataset_id},
              {"feature", l.feature_id},
              {"dataset_name", l.dataset_name},
              {"feature_name", l.feature_name},
              {"used", l.used},
              {"sigma", l.sigma_kind},
              {"sigma_method", l.sigma_method},
              {"units", l.units},
              {"n", opt(l.n)},
              {"mean", opt(l.mean)},
              {"sigma_value", opt(l.sigma)},
              {"shift", opt(l.shift)},
              {"cpk", opt(l.cpk)},
              {"dof", opt(l.dof)},
              {"message", l.message},
              {"warnings", l.warnings}};
    if (l.pass_probability) j["pass_probability"] = *l.pass_probability;
    return j;
}

json links_json(const std::vector<LinkReport>& links) {
    json a = json::array();
    for (const auto& l : links) a.push_back(link_json(l));
    return a;
}

const char* measured_links_convention() {
    return "a contributor's measured link takes the feature's mean and sigma (within: the dataset's sigma_within "
           "estimator; overall: sample SD, n - 1) as a normal distribution given by sigma, shift = mean - band centre, "
           "the band kept; a gate's link takes Cpk (sigma_within), n = non-missing values and dof = nu of "
           "sigma_within. "
           "A link that cannot be used leaves the declared figures (used: false, message says why). docs/capability.md";
}

}  // namespace mf

// [SECTION] Finding by id, new ids
// [SECTION] Datasets
// [SECTION] Features
#include "capability/capability_edit.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <set>

#include "links/measured_links.h"
#include "plan/plan.h"

namespace mf {

// [SECTION] Finding by id, new ids -----------------------------------------------------------

Dataset* find_dataset(Plan& p, const std::string& id) {
    for (auto& d : p.datasets)
        if (d.id == id) return &d;
    return nullptr;
}

Feature* find_feature(Dataset& d, const std::string& id) {
    for (auto& f : d.features)
        if (f.id == id) return &f;
    return nullptr;
}

std::string unique_id(const Plan& p, const std::string& base, const std::vector<std::string>& also_taken) {
    const auto ids = all_ids(p);
    std::set<std::string> used(ids.begin(), ids.end());
    used.insert(also_taken.begin(), also_taken.end());
    std::string b = base.substr(0, 56);
    if (b.empty()) b = "id";
    if (!used.count(b)) return b;
    for (int n = 2;; ++n) {
        const std::string c = b + "-" + std::to_string(n);
        if (!used.count(c)) return c;
    }
}

// [SECTION] Datasets -------------------------------------------------------------------------

std::string add_dataset(Plan& p) {
    Dataset d;
    d.id = unique_id(p, "d-data");
    d.name = "Dataset " + std::to_string(p.datasets.size() + 1);
    p.datasets.push_back(std::move(d));
    return p.datasets.back().id;
}

// Gives the dataset and its features ids unique in the plan (and among themselves).
static void give_unique_ids(const Plan& p, Dataset& d, const std::string& dataset_base,
                            const std::string& feature_base) {
    std::vector<std::string> taken;
    d.id = unique_id(p, d.id.empty() ? dataset_base : d.id);
    taken.push_back(d.id);
    for (Feature& f : d.features) {
        f.id = unique_id(p, f.id.empty() ? feature_base : f.id, taken);
        taken.push_back(f.id);
    }
}

std::string duplicate_dataset(Plan& p, const std::string& id) {
    const Dataset* src = find_dataset(p, id);
    if (!src) return "";
    Dataset d = *src;  // the columns are shared, not copied
    d.name = (src->name + " (copy)").substr(0, 200);
    give_unique_ids(p, d, "d-data", "f-data");
    p.datasets.push_back(std::move(d));
    return p.datasets.back().id;
}

void delete_dataset(Plan& p, const std::string& id_ref) {
    const std::string id = id_ref;  // a copy: the caller's may live in the dataset erased below
    remove_measured_links(p, id);
    p.datasets.erase(std::remove_if(p.datasets.begin(), p.datasets.end(), [&](const Dataset& x) { return x.id == id; }),
                     p.datasets.end());
}

std::string import_dataset(Plan& p, Dataset imported) {
    give_unique_ids(p, imported, "d-data", "f-data");
    p.datasets.push_back(std::move(imported));
    return p.datasets.back().id;
}

static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

void replace_dataset_data(Plan& p, const std::string& id_ref, const Dataset& imported) {
    const std::string id = id_ref;  // a copy: see delete_dataset
    Dataset* d = find_dataset(p, id);
    if (!d) return;
    bool any_name = false;
    for (const Feature& f : imported.features)
        for (const Feature& old : d->features) any_name = any_name || lower(old.name) == lower(f.name);
    const bool by_position = !any_name && imported.features.size() == d->features.size();
    std::vector<Feature> out;
    std::vector<std::string> taken, matched;
    for (size_t j = 0; j < imported.features.size(); ++j) {
        Feature f = imported.features[j];
        const Feature* old = nullptr;
        if (by_position) {
            old = &d->features[j];
        } else {
            for (const Feature& o : d->features)
                if (lower(o.name) == lower(f.name) &&
                    std::find(matched.begin(), matched.end(), o.id) == matched.end()) {
                    old = &o;
                    break;
                }
        }
        if (old) {
            matched.push_back(old->id);
            f.id = old->id;
            if (by_position) f.name = old->name;
            f.lsl = old->lsl;
            f.usl = old->usl;
            f.nominal = old->nominal;
            if (f.units.empty() && old->units != "mm") f.units = old->units;
        } else {
            f.id = unique_id(p, f.id.empty() ? "f-data" : f.id, taken);
        }
        taken.push_back(f.id);
        out.push_back(std::move(f));
    }
    // Links to the features that are not kept would dangle.
    std::vector<std::string> dropped;
    for (const Feature& old : d->features)
        if (std::find(matched.begin(), matched.end(), old.id) == matched.end()) dropped.push_back(old.id);
    d->features = std::move(out);
    d->subgroups = imported.subgroups;
    d->times = imported.times;
    d->machines = imported.machines;
    d->operators = imported.operators;
    d->cavities = imported.cavities;
    for (const std::string& fid : dropped) remove_measured_links(p, id, fid);
}

void set_yield_records(Plan& p, const std::string& id, std::vector<YieldRecord> records) {
    if (Dataset* d = find_dataset(p, id)) d->yield = std::move(records);
}

// [SECTION] Features -------------------------------------------------------------------------

std::string add_feature(Plan& p, const std::string& dataset_id) {
    Dataset* d = find_dataset(p, dataset_id);
    if (!d) return "";
    Feature f;
    f.id = unique_id(p, "f-feature");
    f.name = "Feature " + std::to_string(d->features.size() + 1);
    f.values = std::make_shared<const std::vector<double>>(d->rows(), std::nan(""));
    d->features.push_back(std::move(f));
    return d->features.back().id;
}

void delete_feature(Plan& p, const std::string& dataset_ref, const std::string& feature_ref) {
    const std::string dataset_id = dataset_ref, feature_id = feature_ref;  // copies: see delete_dataset
    remove_measured_links(p, dataset_id, feature_id);
    if (Dataset* d = find_dataset(p, dataset_id))
        d->features.erase(std::remove_if(d->features.begin(), d->features.end(),
                                         [&](const Feature& x) { return x.id == feature_id; }),
                          d->features.end());
}

void set_spec_limit(Plan& p, const std::string& dataset_id, const std::string& feature_id, SpecLimit which,
                    std::optional<double> value) {
    Dataset* d = find_dataset(p, dataset_id);
    Feature* f = d ? find_feature(*d, feature_id) : nullptr;
    if (!f) return;
    (which == SpecLimit::Lower ? f->lsl : which == SpecLimit::Upper ? f->usl : f->nominal) = value;
}

}  // namespace mf

// Small shared pieces of the Capability view: units, number formatting, the optional-limit
// field, finding datasets by id, and verdict colours.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <unordered_map>

#include "imgui.h"
#include "plot.h"
#include "style.h"
#include "views/capability_parts.h"

namespace mf::cap {

ValueUnit value_unit(const Feature& f, LengthUnit plan_units) {
    if (f.units == "mm") return {mm_per_unit(plan_units), unit_symbol(plan_units)};
    return {1.0, f.units};
}

std::string format_value(double stored, const ValueUnit& u, int significant) {
    if (!std::isfinite(stored)) return "—";
    char b[64];
    if (u.symbol.empty()) std::snprintf(b, sizeof b, "%.*g", significant, stored / u.scale);
    else std::snprintf(b, sizeof b, "%.*g %s", significant, stored / u.scale, u.symbol.c_str());
    return b;
}

std::string fmt(std::optional<double> v, int decimals) {
    if (!v || !std::isfinite(*v)) return "—";
    char b[48];
    std::snprintf(b, sizeof b, "%.*f", decimals, *v);
    return b;
}

bool input_optional_value(const char* label, std::optional<double> stored, const ValueUnit& u,
                          std::optional<double>* out, float width) {
    // Text being typed that is not (yet) a number stays here, per widget, until it is one.
    static std::unordered_map<ImGuiID, std::string> drafts;
    const ImGuiID id = ImGui::GetID(label);
    char current[48] = "";
    if (stored) std::snprintf(current, sizeof current, "%.7g", *stored / u.scale);
    auto it = drafts.find(id);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s", it != drafts.end() ? it->second.c_str() : current);
    ImGui::SetNextItemWidth(width);
    bool changed = false;
    if (ImGui::InputTextWithHint(label, "none", buf, sizeof buf, ImGuiInputTextFlags_CharsScientific)) {
        std::string t = buf;
        t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
        char* end = nullptr;
        const double v = std::strtod(t.c_str(), &end);
        if (t.empty()) {
            *out = std::nullopt;
            changed = stored.has_value();
            drafts.erase(id);
        } else if (end == t.c_str() + t.size() && std::isfinite(v) && std::fabs(v * u.scale) <= 1e6) {
            *out = v * u.scale;
            changed = !stored || std::fabs(*stored - **out) > 1e-12 * std::max(1.0, std::fabs(**out));
            drafts.erase(id);
        } else {
            drafts[id] = t;
        }
    }
    if (drafts.count(id)) {
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("not a number: the limit keeps its last value");
        if (!ImGui::IsItemActive() && ImGui::IsMouseClicked(0) && !ImGui::IsItemHovered()) drafts.erase(id);
    }
    return changed;
}

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

std::string push_spec_edit(Edits& edits, const Dataset& d, const Feature& f, int which, std::optional<double> v) {
    std::optional<double> lsl = f.lsl, usl = f.usl;
    if (which == 0) lsl = v;
    if (which == 1) usl = v;
    if (lsl && usl && *lsl >= *usl) return "LSL must be below USL";
    static const char* names[] = {"LSL", "USL", "target"};
    const std::string label = std::string("Set ") + names[which] + " of \"" + f.name + "\"";
    edits.push_merge(label, "cap." + d.id + "." + f.id + "." + names[which],
                     [did = d.id, fid = f.id, which, v](Plan& p) {
                         Dataset* ds = find_dataset(p, did);
                         Feature* ft = ds ? find_feature(*ds, fid) : nullptr;
                         if (!ft) return;
                         (which == 0 ? ft->lsl : which == 1 ? ft->usl : ft->nominal) = v;
                     });
    return "";
}

ImU32 verdict_colour(GateVerdict v) {
    switch (v) {
        case GateVerdict::Capable: return plot_good();
        case GateVerdict::NotCapable: return plot_bad();
        case GateVerdict::NotEnoughData: return plot_warn();
    }
    return plot_warn();
}

ImU32 yield_colour(YieldVerdict v) {
    switch (v) {
        case YieldVerdict::Meets: return plot_good();
        case YieldVerdict::Fails: return plot_bad();
        case YieldVerdict::NoData: return plot_warn();
    }
    return plot_warn();
}

}  // namespace mf::cap

// Small shared pieces of the Capability view: units, number formatting, the optional-limit
// field, the edit of a specification limit, and verdict colours.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "imgui.h"
#include "plot.h"
#include "style.h"
#include "views/capability_parts.h"

namespace mf::capability_ui {

std::string format_value(double stored, const ValueUnit& u, int significant) {
    if (!std::isfinite(stored)) return "—";
    char b[64];
    if (u.symbol.empty())
        std::snprintf(b, sizeof b, "%.*g", significant, stored / u.scale);
    else
        std::snprintf(b, sizeof b, "%.*g %s", significant, stored / u.scale, u.symbol.c_str());
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

std::string spec_key(const Dataset& d, const Feature& f, SpecLimit which) {
    static const char* names[] = {"LSL", "USL", "target"};
    return "cap." + d.id + "." + f.id + "." + names[static_cast<int>(which)];
}

void push_spec_edit(Edits& edits, const Dataset& d, const Feature& f, SpecLimit which, std::optional<double> v) {
    static const char* names[] = {"LSL", "USL", "target"};
    const std::string label = std::string("Set ") + names[static_cast<int>(which)] + " of \"" + f.name + "\"";
    edits.push_merge(label, spec_key(d, f, which),
                     [did = d.id, fid = f.id, which, v](Plan& p) { set_spec_limit(p, did, fid, which, v); });
}

ImU32 verdict_colour(GateVerdict v) {
    switch (v) {
        case GateVerdict::Capable: return plot_good();
        case GateVerdict::NotCapable: return plot_bad();
        case GateVerdict::NotEnoughData: return plot_warn();
    }
    return plot_warn();
}

VerdictLabel verdict_label(const FeatureAnalysis& a, const GateSettings& s) {
    const VerdictWords w = verdict_words(a, s);
    const ImU32 colour = w.tone == VerdictTone::Good ? plot_good()
        : w.tone == VerdictTone::Bad                 ? plot_bad()
                                                     : plot_warn();
    return {w.mark, w.words, colour};
}

ImU32 yield_colour(YieldVerdict v) {
    switch (v) {
        case YieldVerdict::Meets: return plot_good();
        case YieldVerdict::Fails: return plot_bad();
        case YieldVerdict::NoData: return plot_warn();
    }
    return plot_warn();
}

}  // namespace mf::capability_ui

// The contributor table of the tolerance-stack view: one row per dimension, edited in place;
// add, duplicate, delete, move rows; paste rows from a spreadsheet (core's table parser);
// copy the rows as a table.
//
// [SECTION] Row edits
// [SECTION] Cells: distribution, material, partner, details
// [SECTION] Paste and copy
// [SECTION] The table
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "tolerance/materials.h"
#include "tolerance/stack_edit.h"
#include "tolerance/stack_table.h"
#include "views/stack_parts.h"
#include "widgets.h"

namespace mf::stack_ui {

namespace {

// [SECTION] Row edits --------------------------------------------------------------------

// Row operations: each a core operation (tolerance/stack_edit.h), the new or next row selected.

void add_row(Ctx& c, const std::string& after_id) {
    const std::string id = new_id(c.plan, "k");  // the id the edit will give it, to select it
    const std::string name = "Dimension " + std::to_string(c.stack.contributors.size() + 1);
    edit_plan(c, "Add contributor", "stack.add_row",
              [sid = c.stack.id, after_id, id, name](Plan& p) { add_contributor(p, sid, after_id, id, name); });
    c.view.selected_row = id;
}

void duplicate_row(Ctx& c, const std::string& cid) {
    const std::string id = new_id(c.plan, "k");
    edit_plan(c, "Duplicate contributor", "stack.dup_row",
              [sid = c.stack.id, cid, id](Plan& p) { duplicate_contributor(p, sid, cid, id); });
    c.view.selected_row = id;
}

void delete_row(Ctx& c, const std::string& cid) {
    const int i = contributor_index(c.stack, cid);
    if (i < 0) return;
    const std::string name = c.stack.contributors[static_cast<size_t>(i)].name;
    edit_plan(c, "Delete contributor \"" + name + "\"", "stack.delete_row",
              [sid = c.stack.id, cid](Plan& p) { remove_contributor(p, sid, cid); });
    // The row that takes its place is selected (the one below, else the one above).
    const size_t n = c.stack.contributors.size();
    const size_t k = static_cast<size_t>(i);
    if (n <= 1)
        c.view.selected_row.clear();
    else
        c.view.selected_row = c.stack.contributors[k + 1 < n ? k + 1 : k - 1].id;
}

void move_row(Ctx& c, const std::string& cid, int by) {
    const int i = contributor_index(c.stack, cid);
    const int j = i + by;
    if (i < 0 || j < 0 || j >= static_cast<int>(c.stack.contributors.size()))
        return;  // the arrows stay quiet at the ends
    edit_plan(c, by < 0 ? "Move contributor up" : "Move contributor down", "stack.move_row",
              [sid = c.stack.id, cid, by](Plan& p) { move_contributor(p, sid, cid, by); });
}

// [SECTION] Cells ------------------------------------------------------------------------

// A value in the row's own unit: a length in the display unit, an angle in degrees.
bool input_value(const char* id, const Contributor& k, double value, LengthUnit unit, double* out) {
    if (k.kind == DimensionKind::Angle) {
        double v = value;
        if (ImGui::InputDouble(id, &v, 0, 0, "%.6g°") && std::isfinite(v)) {
            *out = v;
            return true;
        }
        return false;
    }
    return input_length(id, value, unit, out);
}

std::string value_text(const Contributor& k, double v, LengthUnit unit) {
    if (k.kind == DimensionKind::Angle) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.4g°", v);
        return buf;
    }
    return format_length(v, unit);
}

std::string distribution_label(const Contributor& k, LengthUnit unit) {
    const Distribution& d = k.distribution;
    char buf[96];
    std::string s = distribution_name(d.kind);
    if (d.kind == DistributionKind::Normal || d.kind == DistributionKind::SkewNormal) {
        if (d.by == NormalBy::Sigma)
            s += ", σ " + value_text(k, d.sigma, unit);
        else {
            std::snprintf(buf, sizeof buf, ", %s %.3g", d.by == NormalBy::Cpk ? "Cpk" : "Cp", d.capability);
            s += buf;
        }
        if (d.kind == DistributionKind::SkewNormal) {
            std::snprintf(buf, sizeof buf, ", α %.3g", d.skew);
            s += buf;
        }
    }
    if (d.kind == DistributionKind::Triangular && d.mode) s += ", mode " + value_text(k, *d.mode, unit);
    if (d.kind == DistributionKind::Lognormal) {
        std::snprintf(buf, sizeof buf, ", σ(ln) %.3g", d.sigma_log);
        s += buf;
    }
    if (d.shift != 0) s += ", shift " + std::string(d.shift > 0 ? "+" : "") + value_text(k, d.shift, unit);
    return s;
}

// A triangle's mode (2026-12-06): symmetric by default, or (min, mode, max) with the mode
// anywhere in the band; the mode starts at the nominal.
static void shape_fields_triangle(Ctx& c, const Contributor& k) {
    const Distribution& d = k.distribution;
    const std::string& cid = k.id;
    bool asymmetric = d.mode.has_value();
    if (ImGui::Checkbox("mode (most likely value)##has_mode", &asymmetric))
        edit_row(c, cid, asymmetric ? "Give the triangle a mode" : "Make the triangle symmetric", "mode", false,
                 [asymmetric](Contributor& x) {
                     if (asymmetric)
                         x.distribution.mode = x.nominal;
                     else
                         x.distribution.mode.reset();
                 });
    if (d.mode) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(8));
        double m = *d.mode;
        if (input_value("##mode", k, *d.mode, c.unit, &m))
            edit_row(c, cid, "Set mode", "mode", true, [m](Contributor& x) { x.distribution.mode = m; });
    }
    field_error_marker(c.vc, "stack." + cid + ".mode");
    ImGui::SameLine();
    help_marker(
        "Triangle (lower limit, mode, upper limit): mean (a + b + c)/3, σ² = (a² + b² + c² − ab − ac − bc)/18. "
        "Without a mode the triangle is symmetric about the band centre.");
}

// A lognormal's σ of ln x (its median is the band centre + shift).
static void shape_fields_lognormal(Ctx& c, const Contributor& k) {
    const std::string& cid = k.id;
    ImGui::SetNextItemWidth(em(8));
    double s = k.distribution.sigma_log;
    if (ImGui::InputDouble("σ of ln x##sigma_log", &s, 0, 0, "%.4g") && std::isfinite(s))
        edit_row(c, cid, "Set σ of ln x", "sigma_log", true, [s](Contributor& x) { x.distribution.sigma_log = s; });
    field_error_marker(c.vc, "stack." + cid + ".sigma_log");
    ImGui::SameLine();
    help_marker(
        "ln x is normal with σ of ln x; the median is the band centre + shift. "
        "Mean = median·exp(s²/2) (above the median), σ = mean·√(exp(s²) − 1).");
}

void distribution_popup(Ctx& c, const Contributor& k, const LinearTerm* term) {
    const Distribution& d = k.distribution;
    const std::string& cid = k.id;
    ImGui::SeparatorText(k.measured ? "Declared distribution (used when the link cannot be)"
                                    : ("Distribution of \"" + k.name + "\"").c_str());
    static const DistributionKind kinds[] = {DistributionKind::Normal, DistributionKind::Uniform,
                                             DistributionKind::Triangular, DistributionKind::SkewNormal,
                                             DistributionKind::Lognormal};
    for (DistributionKind kind : kinds) {
        if (ImGui::RadioButton(distribution_name(kind), d.kind == kind) && d.kind != kind)
            edit_row(c, cid, std::string("Set distribution: ") + distribution_name(kind), "dist", false,
                     [kind](Contributor& x) { set_distribution_kind(x, kind); });
        ImGui::SameLine();
    }
    ImGui::NewLine();
    const bool normal_like = d.kind == DistributionKind::Normal || d.kind == DistributionKind::SkewNormal;
    if (normal_like) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("σ given by");
        const NormalBy bys[] = {NormalBy::Cp, NormalBy::Cpk, NormalBy::Sigma};
        const char* names[] = {"Cp", "Cpk", "σ"};
        for (int i = 0; i < 3; ++i) {
            ImGui::SameLine();
            const NormalBy by = bys[i];
            if (ImGui::RadioButton(names[i], d.by == by) && d.by != by) {
                // Start σ from the current σ so switching keeps the figures where they were.
                const double sigma = term && term->sigma > 0 ? term->sigma / (term->scale > 0 ? term->scale : 1) : 0.0;
                edit_row(c, cid, std::string("Give σ by ") + names[i], "dist.by", false,
                         [by, sigma](Contributor& x) { set_sigma_given_by(x, by, sigma); });
            }
        }
        ImGui::SetNextItemWidth(em(8));
        if (d.by == NormalBy::Sigma) {
            double v = d.sigma;
            if (input_value("σ##sigma", k, d.sigma, c.unit, &v))
                edit_row(c, cid, "Set σ", "sigma", true, [v](Contributor& x) { x.distribution.sigma = v; });
            field_error_marker(c.vc, "stack." + cid + ".sigma");
        } else {
            double v = d.capability;
            const char* label = d.by == NormalBy::Cpk ? "Cpk##cap" : "Cp##cap";
            if (ImGui::InputDouble(label, &v, 0, 0, "%.4g") && std::isfinite(v))
                edit_row(c, cid, d.by == NormalBy::Cpk ? "Set Cpk" : "Set Cp", "cap", true,
                         [v](Contributor& x) { x.distribution.capability = v; });
            field_error_marker(c.vc, "stack." + cid + ".cap");
            ImGui::SameLine();
            help_marker(d.by == NormalBy::Cpk ? "σ = (T − |shift|) / (3·Cpk): the Cpk holds at the shifted mean."
                                              : "σ = T / (3·Cp), T = half the tolerance band. Cp 1: the band is ±3σ.");
        }
        if (d.kind == DistributionKind::SkewNormal) {
            ImGui::SetNextItemWidth(em(8));
            double a = d.skew;
            if (ImGui::InputDouble("skew shape α", &a, 0, 0, "%.4g") && std::isfinite(a))
                edit_row(c, cid, "Set skew", "skew", true, [a](Contributor& x) { x.distribution.skew = a; });
            field_error_marker(c.vc, "stack." + cid + ".skew");
            ImGui::SameLine();
            help_marker("Azzalini's shape α: 0 is normal, > 0 puts the long tail upwards (α 5: skewness 0.85).");
        }
    }
    if (d.kind == DistributionKind::Triangular) shape_fields_triangle(c, k);
    if (d.kind == DistributionKind::Lognormal) shape_fields_lognormal(c, k);
    ImGui::SetNextItemWidth(em(8));
    double shift = d.shift;
    if (input_value("mean shift##shift", k, d.shift, c.unit, &shift))
        edit_row(c, cid, "Set mean shift", "shift", true, [shift](Contributor& x) { x.distribution.shift = shift; });
    field_error_marker(c.vc, "stack." + cid + ".shift");
    ImGui::SameLine();
    help_marker("Process mean minus the centre of the tolerance band (a process running large: +).");
    if (term) {
        ImGui::TextDisabled("Resolved at the measurement temperature: mean %s, σ %s (band centre %s)",
                            value_text(k, term->mean, c.unit).c_str(), value_text(k, term->sigma, c.unit).c_str(),
                            value_text(k, term->mid, c.unit).c_str());
    }
}

// The measured link of a contributor (core/links/measured_links.h): what it supplied, in words
// and in the display unit: "σ 0.86 µm from Pilot run / Bore (n = 125, within)".
std::string link_summary(const Ctx& c, const Contributor& k, const LinkReport& l) {
    if (!l.used) return "link not used: " + l.message;
    char n[32];
    std::snprintf(n, sizeof n, "%.0f", l.n ? *l.n : 0.0);
    // The mean with 6 significant digits: 1025.14 µm, not 1025 µm (the shift carries the detail).
    const std::string mean =
        k.kind == DimensionKind::Angle ? value_text(k, *l.mean, c.unit) : format_length(*l.mean, c.unit, 6);
    std::string s = "σ " + value_text(k, *l.sigma, c.unit) + " and mean " + mean + " (shift " +
        (*l.shift >= 0 ? "+" : "") + value_text(k, *l.shift, c.unit) + ") from " + l.dataset_name + " / " +
        l.feature_name + " (n = " + n + ", " + l.sigma_kind + ")";
    return s;
}

// "Measured data" part of the distribution popup: pick a dataset feature (or none), σ within or
// overall, and read what the link supplies. Each change is one undoable edit.
void measured_section(Ctx& c, const Contributor& k) {
    const std::string& cid = k.id;
    ImGui::SeparatorText(("Measured data for \"" + k.name + "\"").c_str());
    const LinkReport* l = k.measured ? find_link(c.links, cid) : nullptr;
    std::string preview = "— none: use the declared distribution —";
    if (k.measured)
        preview = l && !l->dataset_name.empty() && !l->feature_name.empty()
            ? l->dataset_name + " / " + l->feature_name
            : k.measured->dataset_id + " / " + k.measured->feature_id;
    ImGui::SetNextItemWidth(em(24));
    if (ImGui::BeginCombo("feature##measured", preview.c_str())) {
        if (ImGui::Selectable("— none: use the declared distribution —", !k.measured) && k.measured)
            edit_row(c, cid, "Clear measured link of \"" + k.name + "\"", "measured", false,
                     [](Contributor& x) { x.measured.reset(); });
        for (const Dataset& d : c.plan.datasets)
            for (const Feature& f : d.features) {
                const bool sel = k.measured && k.measured->dataset_id == d.id && k.measured->feature_id == f.id;
                ImGui::PushID((d.id + "/" + f.id).c_str());
                if (ImGui::Selectable((d.name + " / " + f.name).c_str(), sel) && !sel) {
                    const std::string did = d.id, fid = f.id;
                    edit_row(c, cid, "Link \"" + k.name + "\" to measured \"" + f.name + "\"", "measured", false,
                             [did, fid](Contributor& x) {
                                 const MeasuredSigma sg = x.measured ? x.measured->sigma : MeasuredSigma::Within;
                                 x.measured = MeasuredLink{did, fid, sg};
                             });
                }
                MF_TEST_ANCHOR(("stack.measured." + cid + ".option." + d.id + "." + f.id).c_str());
                ImGui::PopID();
            }
        if (c.plan.datasets.empty()) ImGui::TextDisabled("This plan has no measured data (Capability tab).");
        ImGui::EndCombo();
    }
    MF_TEST_ANCHOR(("stack.measured." + cid + ".combo").c_str());
    field_error_marker(c.vc, "stack." + cid + ".measured");
    ImGui::SameLine();
    help_marker(
        "The contributor takes the feature's measured σ and mean: a normal distribution given by σ, shifted "
        "by (mean − band centre). Its band (nominal and tolerances) stays, so worst case and RSS do not "
        "change; the statistical figures and the Monte Carlo do. The declared distribution below is used "
        "whenever the link cannot be (docs/capability.md, Links).");
    if (!k.measured) return;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("σ");
    for (MeasuredSigma sg : {MeasuredSigma::Within, MeasuredSigma::Overall}) {
        ImGui::SameLine();
        const char* name = sg == MeasuredSigma::Within ? "within (short term, Cpk)" : "overall (long term, Ppk)";
        if (ImGui::RadioButton(name, k.measured->sigma == sg) && k.measured->sigma != sg)
            edit_row(c, cid, std::string("Use σ ") + measured_sigma_key(sg) + " for \"" + k.name + "\"",
                     "measured.sigma", false, [sg](Contributor& x) {
                         if (x.measured) x.measured->sigma = sg;
                     });
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Clear link"))
        edit_row(c, cid, "Clear measured link of \"" + k.name + "\"", "measured", false,
                 [](Contributor& x) { x.measured.reset(); });
    MF_TEST_ANCHOR(("stack.measured." + cid + ".clear").c_str());
    if (l) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + em(30));
        if (l->used)
            ImGui::TextUnformatted(("Uses " + link_summary(c, k, *l)).c_str());
        else
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "Not used: %s", l->message.c_str());
        for (const auto& w : l->warnings)
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_warn()), "Caution: %s", w.c_str());
        ImGui::PopTextWrapPos();
    }
}

void material_combo(Ctx& c, const Contributor& k) {
    const Material* m = find_material(k.material);
    std::string preview = k.kind == DimensionKind::Angle ? "— (angle)"
        : m                                              ? m->name
        : k.material.empty()                             ? "—"
                                                         : k.material;
    if (k.cte) {
        char buf[48];
        std::snprintf(buf, sizeof buf, " (%.3g ppm/K)", *k.cte);
        preview += buf;
    }
    ImGui::BeginDisabled(k.kind == DimensionKind::Angle);
    if (ImGui::BeginCombo("##material", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (ImGui::Selectable("— none (no thermal change)", k.material.empty()) && !k.material.empty())
            edit_row(c, k.id, "Clear material", "material", false, [](Contributor& x) { x.material.clear(); });
        for (const Material& mat : materials()) {
            char label[128];
            std::snprintf(label, sizeof label, "%s  ·  %.3g ppm/K", mat.name, mat.cte);
            const std::string key = mat.key;
            if (ImGui::Selectable(label, k.material == key) && k.material != key)
                edit_row(c, k.id, std::string("Set material: ") + mat.name, "material", false,
                         [key](Contributor& x) { x.material = key; });
            if (ImGui::BeginItemTooltip()) {
                ImGui::Text("%s: α = %.3g ppm/K over %s", mat.name, mat.cte, mat.range);
                ImGui::TextDisabled("Source: %s", mat.source);
                ImGui::EndTooltip();
            }
        }
        ImGui::EndCombo();
    }
    ImGui::EndDisabled();
    if (k.kind != DimensionKind::Angle && ImGui::BeginItemTooltip()) {
        if (k.cte)
            ImGui::Text("CTE %.4g ppm/K given for this row (overrides the material)", *k.cte);
        else if (m)
            ImGui::Text("%s: α = %.3g ppm/K (%s); %s", m->name, m->cte, m->range, m->source);
        else
            ImGui::TextUnformatted("No material: its size does not change with temperature");
        ImGui::EndTooltip();
    }
}

void partner_combo(Ctx& c, const Contributor& k) {
    const auto& partners = c.plan.decision.partners;
    std::string preview = "—";
    for (const auto& p : partners)
        if (p.id == k.partner_id) preview = p.name;
    const bool open = ImGui::BeginCombo("##partner", preview.c_str());
    if (!open) field_tooltip_when_cut(preview, true);
    if (open) {
        if (ImGui::Selectable("— none", k.partner_id.empty()) && !k.partner_id.empty())
            edit_row(c, k.id, "Clear partner", "partner", false, [](Contributor& x) { x.partner_id.clear(); });
        for (const auto& p : partners) {
            const std::string pid = p.id;
            if (ImGui::Selectable(p.name.c_str(), k.partner_id == pid) && k.partner_id != pid)
                edit_row(c, k.id, "Set partner: " + p.name, "partner", false,
                         [pid](Contributor& x) { x.partner_id = pid; });
        }
        if (partners.empty()) ImGui::TextDisabled("No partners in this plan yet");
        ImGui::EndCombo();
    }
    if (preview != "—" && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", preview.c_str());
}

void details_popup(Ctx& c, const Contributor& k) {
    const std::string& cid = k.id;
    ImGui::SeparatorText(("\"" + k.name + "\"").c_str());
    ImGui::TextDisabled("id %s", cid.c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Measures");
    ImGui::SameLine();
    for (DimensionKind kind : {DimensionKind::Length, DimensionKind::Angle}) {
        const bool is_length = kind == DimensionKind::Length;
        // A loop vector's length must stay a length and its tilt an angle: core says which.
        const std::string blocked = k.kind == kind ? std::string() : kind_refusal(c.stack, cid, kind);
        if (!is_length) ImGui::SameLine();
        ImGui::BeginDisabled(!blocked.empty());
        if (ImGui::RadioButton(is_length ? "a length" : "an angle (°)", k.kind == kind) && k.kind != kind)
            edit_plan(c, is_length ? "Make a length" : "Make an angle", "stack." + cid + ".kind",
                      [sid = c.stack.id, cid, kind](Plan& p) { set_contributor_kind(p, sid, cid, kind); });
        ImGui::EndDisabled();
        if (!blocked.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", blocked.c_str());
    }
    field_error_marker(c.vc, "stack." + cid + ".kind");
    if (k.kind == DimensionKind::Length) {
        bool own = k.cte.has_value();
        if (ImGui::Checkbox("own CTE", &own)) {
            const Material* m = find_material(k.material);
            const double start = m ? m->cte : 0.0;
            edit_row(c, cid, own ? "Give own CTE" : "Use the material's CTE", "cte", false,
                     [own, start](Contributor& x) {
                         if (own)
                             x.cte = start;
                         else
                             x.cte.reset();
                     });
        }
        if (k.cte) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(em(7));
            double v = *k.cte;
            if (ImGui::InputDouble("ppm/K##cte", &v, 0, 0, "%.4g") && std::isfinite(v))
                edit_row(c, cid, "Set CTE", "cte", true, [v](Contributor& x) { x.cte = v; });
        }
        field_error_marker(c.vc, "stack." + cid + ".cte");
        // Uncertain CTE (2026-12-06): ± ppm/K, uniform; only the operating-temperature figures.
        bool has_tol = k.cte_tol.has_value();
        if (ImGui::Checkbox("CTE tolerance ±", &has_tol))
            edit_row(c, cid, has_tol ? "Give the CTE a tolerance" : "Make the CTE exact", "cte_tol", false,
                     [has_tol](Contributor& x) {
                         if (has_tol)
                             x.cte_tol = 0.5;
                         else
                             x.cte_tol.reset();
                     });
        if (k.cte_tol) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(em(7));
            double u = *k.cte_tol;
            if (ImGui::InputDouble("ppm/K##cte_tol", &u, 0, 0, "%.4g") && std::isfinite(u))
                edit_row(c, cid, "Set CTE tolerance", "cte_tol", true, [u](Contributor& x) { x.cte_tol = u; });
        }
        field_error_marker(c.vc, "stack." + cid + ".cte_tol");
        ImGui::SameLine();
        help_marker(
            "The CTE is taken as uniform over α ± u (σ = u/√3). The figures at the operating temperature "
            "include it (worst case: the extreme CTE; statistical: σ of ΔT·L·σ_α); those at the "
            "measurement temperature do not.");
        bool own_t = k.measured_at.has_value();
        if (ImGui::Checkbox("measured at another temperature", &own_t))
            edit_row(c, cid, own_t ? "Set measured-at temperature" : "Measured at the stack's temperature",
                     "measured_at", false, [own_t, t = c.stack.measurement_temperature](Contributor& x) {
                         if (own_t)
                             x.measured_at = t;
                         else
                             x.measured_at.reset();
                     });
        if (k.measured_at) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(em(6));
            double t = *k.measured_at;
            if (ImGui::InputDouble("##mt", &t, 0, 0, "%.4g °C") && std::isfinite(t))
                edit_row(c, cid, "Set measured-at temperature", "measured_at", true,
                         [t](Contributor& x) { x.measured_at = t; });
        }
        field_error_marker(c.vc, "stack." + cid + ".measured_at");
        ImGui::SameLine();
        help_marker(
            "E.g. pin gauges on a 26 °C shop floor vs a 20 °C CMM: the size is corrected from there to every "
            "temperature with the row's CTE.");
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Duplicate row")) duplicate_row(c, cid);
    if (ImGui::MenuItem("Delete row")) delete_row(c, cid);
}

// [SECTION] Paste and copy ---------------------------------------------------------------

std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

struct Parsed {
    std::vector<Contributor> rows;
    std::vector<bool> default_id;  // the id was made up by the parser ("row<N>")
    Issues errors;
    bool header_added = false;
};

Parsed parse_paste(const Ctx& c, const std::string& text) {
    Parsed out;
    // Without a header row the cells are read in the table's own column order (core decides).
    ContributorTable t = parse_contributor_table(text, mm_per_unit(c.unit), StackTableHeader::Optional);
    out.header_added = !t.has_header;
    out.errors = std::move(t.errors);
    if (!out.errors.empty()) return out;
    // Partners by id or by name (what a spreadsheet would hold).
    for (size_t k = 0; k < t.contributors.size(); ++k) {
        Contributor& row = t.contributors[k];
        if (row.partner_id.empty()) continue;
        std::string found;
        for (const auto& p : c.plan.decision.partners)
            if (p.id == row.partner_id || lower(p.name) == lower(row.partner_id)) found = p.id;
        if (found.empty()) {
            std::string known;
            for (const auto& p : c.plan.decision.partners)
                known += (known.empty() ? "" : ", ") + p.name + " (" + p.id + ")";
            out.errors.push_back({"row " + std::to_string(t.rows[k]) + ", column \"partner\"",
                                  "no partner \"" + row.partner_id +
                                      "\" in this plan (partners: " + (known.empty() ? "none" : known) + ")"});
        }
        row.partner_id = found;
    }
    for (size_t k = 0; k < t.contributors.size(); ++k)
        out.default_id.push_back(t.contributors[k].id == "row" + std::to_string(t.rows[k]));
    out.rows = std::move(t.contributors);
    return out;
}

// The current rows as tab-separated text with a header, in the display unit: what a
// spreadsheet takes, and what Paste takes back.
std::string rows_as_table(const Stack& s, LengthUnit unit) {
    std::string out =
        "name\tnominal\ttol_plus\ttol_minus\tsensitivity\tkind\tdistribution\tcp\tcpk\tsigma\tshift\tskew\tmaterial\t"
        "cte_ppm_per_K\tmeasured_at\tpartner\n";
    auto num = [](double v) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.10g", v);
        return std::string(buf);
    };
    for (const auto& k : s.contributors) {
        const double u = k.kind == DimensionKind::Angle ? 1.0 : mm_per_unit(unit);
        const Distribution& d = k.distribution;
        const bool normal_like = d.kind == DistributionKind::Normal || d.kind == DistributionKind::SkewNormal;
        std::string name = k.name;
        std::replace(name.begin(), name.end(), '\t', ' ');
        out += name + "\t" + num(k.nominal / u) + "\t" + num(k.tol_plus / u) + "\t" + num(k.tol_minus / u) + "\t" +
            num(k.sensitivity) + "\t" + (k.kind == DimensionKind::Angle ? "angle" : "length") + "\t" +
            distribution_name(d.kind) + "\t" + (normal_like && d.by == NormalBy::Cp ? num(d.capability) : "") + "\t" +
            (normal_like && d.by == NormalBy::Cpk ? num(d.capability) : "") + "\t" +
            (normal_like && d.by == NormalBy::Sigma ? num(d.sigma / u) : "") + "\t" +
            (d.shift ? num(d.shift / u) : "") + "\t" + (d.kind == DistributionKind::SkewNormal ? num(d.skew) : "") +
            "\t" + k.material + "\t" + (k.cte ? num(*k.cte) : "") + "\t" + (k.measured_at ? num(*k.measured_at) : "") +
            "\t" + k.partner_id + "\n";
    }
    return out;
}

}  // namespace

size_t paste_rows(Ctx& c, const std::string& text, Issues* errors) {
    Parsed p = parse_paste(c, text);
    if (!p.errors.empty() || p.rows.empty()) {
        if (errors) *errors = p.errors;
        if (errors && errors->empty()) errors->push_back({"", "nothing to paste: no rows under the header"});
        return 0;
    }
    // An id the parser made up ("row<N>") is no id: the operation gives a fresh one.
    for (size_t k = 0; k < p.rows.size(); ++k)
        if (p.default_id[k]) p.rows[k].id.clear();
    const size_t n = p.rows.size();
    const std::string after =
        contributor_index(c.stack, c.view.selected_row) >= 0 ? c.view.selected_row : std::string();
    edit_plan(c, "Paste " + std::to_string(n) + (n == 1 ? " row" : " rows"), "stack.paste",
              [sid = c.stack.id, after, rows = std::move(p.rows)](Plan& plan) {
                  insert_contributors(plan, sid, after, rows);
              });
    return n;
}

void draw_paste_dialog(Ctx& c) {
    StackView& v = c.view;
    if (v.paste_open && !ImGui::IsPopupOpen("Paste rows")) ImGui::OpenPopup("Paste rows");
    ImGui::SetNextWindowSize(ImVec2(em(46), 0), ImGuiCond_Appearing);
    bool open = true;
    if (!ImGui::BeginPopupModal("Paste rows", &open)) {
        v.paste_open = false;
        return;
    }
    if (close_modal_on_escape()) v.paste_open = false;
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(
        "Paste rows copied from a spreadsheet below (Ctrl+V). Tab-separated (comma or semicolon also work); "
        "a header row names the columns: name, nominal, tol (±) or tol_plus and tol_minus, and optionally "
        "sensitivity, distribution, cp, cpk, sigma, shift, skew, kind, material, cte_ppm_per_K, measured_at, partner.");
    ImGui::TextDisabled(
        "Lengths in %s (the display unit), angles in degrees. Without a header row the cells are read as: "
        "name, nominal, tol_plus, tol_minus, sensitivity, distribution, material, partner.",
        unit_symbol(c.unit));
    ImGui::PopTextWrapPos();
    input_multiline("##paste", v.paste_text, ImVec2(-FLT_MIN, em(9)));
    MF_TEST_ANCHOR("stack.paste.text");

    const Parsed p = v.paste_text.empty() ? Parsed{} : parse_paste(c, v.paste_text);
    MF_TEST_VALUE("stack.paste.errors", static_cast<double>(p.errors.size()));
    if (!p.errors.empty()) MF_TEST_TEXT("stack.paste.error0", to_string(p.errors.front()));
    if (v.paste_text.empty())
        ImGui::TextDisabled("Nothing pasted yet.");
    else if (!p.errors.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()),
                           "%zu problem%s: fix them in the spreadsheet or here", p.errors.size(),
                           p.errors.size() == 1 ? "" : "s");
        ImGui::BeginChild("paste-errors",
                          ImVec2(0, em(std::min<float>(6.0f, 1.4f * static_cast<float>(p.errors.size()) + 0.4f))),
                          ImGuiChildFlags_Border);
        for (const auto& e : p.errors) ImGui::BulletText("%s", to_string(e).c_str());
        ImGui::EndChild();
    } else {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_good()), "%zu row%s ready%s", p.rows.size(),
                           p.rows.size() == 1 ? "" : "s",
                           p.header_added ? " (no header row: default column order)" : "");
    }
    ImGui::BeginDisabled(v.paste_text.empty() || !p.errors.empty() || p.rows.empty());
    char label[48];
    std::snprintf(label, sizeof label, "Add %zu row%s", p.rows.size(), p.rows.size() == 1 ? "" : "s");
    if (ImGui::Button(label)) {
        Issues errs;
        if (const size_t n = paste_rows(c, v.paste_text, &errs)) {
            v.notice = "Pasted " + std::to_string(n) + (n == 1 ? " row" : " rows");
            v.paste_open = false;
            v.paste_text.clear();
            ImGui::CloseCurrentPopup();
        }
    }
    MF_TEST_ANCHOR("stack.paste.apply");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Copy a header row")) ImGui::SetClipboardText(rows_as_table(Stack{}, c.unit).c_str());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Copies the column names (tab-separated) to start a spreadsheet from");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || !open) {
        v.paste_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// [SECTION] The table --------------------------------------------------------------------

namespace {

// The buttons above the table: add, duplicate, delete, move rows; paste and copy as a table.
void draw_contributor_toolbar(Ctx& c) {
    const Stack& s = c.stack;
    StackView& v = c.view;
    const bool have_sel = contributor_index(s, v.selected_row) >= 0;

    ImGui::SeparatorText("Contributors");
    if (ImGui::Button("Add row")) add_row(c, have_sel ? v.selected_row : std::string());
    MF_TEST_ANCHOR("stack.add_row");
    field_error_marker(c.vc, "stack.add_row");
    ImGui::SameLine();
    ImGui::BeginDisabled(!have_sel);
    if (ImGui::Button("Duplicate row") && have_sel) duplicate_row(c, v.selected_row);
    MF_TEST_ANCHOR("stack.dup_row");
    field_error_marker(c.vc, "stack.dup_row");
    ImGui::SameLine();
    if (ImGui::Button("Delete row") && have_sel) delete_row(c, v.selected_row);
    MF_TEST_ANCHOR("stack.delete_row");
    field_error_marker(c.vc, "stack.delete_row");
    ImGui::SameLine();
    if (ImGui::ArrowButton("up", ImGuiDir_Up) && have_sel) move_row(c, v.selected_row, -1);
    MF_TEST_ANCHOR("stack.row_up");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Move the selected row up");
    ImGui::SameLine();
    if (ImGui::ArrowButton("down", ImGuiDir_Down) && have_sel) move_row(c, v.selected_row, +1);
    MF_TEST_ANCHOR("stack.row_down");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Move the selected row down");
    field_error_marker(c.vc, "stack.move_row");
    ImGui::EndDisabled();
    ImGui::SameLine(0, em(1.5f));
    if (ImGui::Button("Paste rows…")) {
        const char* clip = ImGui::GetClipboardText();
        const std::string text = clip ? clip : "";
        v.paste_text = text.find_first_of("\t\n") != std::string::npos ? text : std::string();
        v.paste_open = true;
    }
    MF_TEST_ANCHOR("stack.paste");
    field_error_marker(c.vc, "stack.paste");
    ImGui::SameLine();
    if (ImGui::Button("Copy as table")) {
        ImGui::SetClipboardText(rows_as_table(s, c.unit).c_str());
        v.notice = "Copied " + std::to_string(s.contributors.size()) + " rows as tab-separated text";
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Copies the rows, with a header, as tab-separated text for a spreadsheet");
    ImGui::SameLine(0, em(1));
    ImGui::TextDisabled(
        "%s", v.notice.empty() ? "Select a row, then Ctrl+V pastes rows from a spreadsheet" : v.notice.c_str());
}

// The table's columns, as TableKeys numbers them.
enum RowColumn {
    ColNumber = 0,
    ColName,
    ColNominal,
    ColTolPlus,
    ColTolMinus,
    ColSensitivity,
    ColDistribution,
    ColMaterial,
    ColPartner,
    ColMore
};

// Around each field of row i: the table's spreadsheet keys; a field reached with them selects
// its row as a click on the row number does.
void keys_before(Ctx& c, size_t i, int col) { c.view.row_keys.before(static_cast<int>(i), col); }
void keys_after(Ctx& c, size_t i, int col) {
    if (c.view.row_keys.after(static_cast<int>(i), col)) c.view.selected_row = c.stack.contributors[i].id;
}

// A field's width in its cell, leaving room for the refusal marker when the field has one.
void set_cell_width(Ctx& c, const std::string& field_key) {
    ImGui::SetNextItemWidth(refusal(c, field_key) ? -em(1) : -FLT_MIN);
}

// The row number: selects the row (spanning all columns), right-click for the row menu.
void draw_row_number_cell(Ctx& c, size_t i) {
    const Stack& s = c.stack;
    StackView& v = c.view;
    const std::string& cid = s.contributors[i].id;
    const std::string anchor = "stack.row" + std::to_string(i);
    ImGui::TableNextColumn();
    char num[24];
    std::snprintf(num, sizeof num, "%zu", i + 1);
    ImGui::AlignTextToFramePadding();
    const ImVec2 cell = ImGui::GetCursorScreenPos();
    keys_before(c, i, ColNumber);
    if (ImGui::Selectable(num, v.selected_row == cid,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap,
                          ImVec2(0, ImGui::GetFrameHeight())))
        v.selected_row = cid;
    keys_after(c, i, ColNumber);
#ifdef MF_TEST_HOOKS
    // The row's anchor is its number cell (the selectable itself spans the whole row).
    test_anchors()[anchor] = {cell.x, cell.y, cell.x + ImGui::GetColumnWidth(), cell.y + ImGui::GetFrameHeight()};
#else
    (void)cell;
#endif
    if (ImGui::BeginPopupContextItem("row-menu")) {
        v.selected_row = cid;
        if (ImGui::MenuItem("Insert row below")) add_row(c, cid);
        if (ImGui::MenuItem("Duplicate")) duplicate_row(c, cid);
        if (ImGui::MenuItem("Move up", nullptr, false, i > 0)) move_row(c, cid, -1);
        if (ImGui::MenuItem("Move down", nullptr, false, i + 1 < s.contributors.size())) move_row(c, cid, +1);
        ImGui::Separator();
        if (ImGui::MenuItem("Delete")) delete_row(c, cid);
        ImGui::EndPopup();
    }
}

// Name, nominal and the two tolerances.
void draw_dimension_cells(Ctx& c, size_t i, const Contributor& k, const std::string& key,
                          [[maybe_unused]] const std::string& anchor) {
    const std::string& cid = k.id;
    auto width = [&](const char* field) { set_cell_width(c, key + field); };

    ImGui::TableNextColumn();
    width("name");
    std::string name = k.name;
    keys_before(c, i, ColName);
    if (input_string("##name", name))
        edit_row(c, cid, "Rename contributor", "name", true, [name](Contributor& x) { x.name = name; });
    field_tooltip_when_cut(k.name);
    keys_after(c, i, ColName);
    field_error_marker(c.vc, key + "name");

    ImGui::TableNextColumn();
    width("nominal");
    double nominal = k.nominal;
    keys_before(c, i, ColNominal);
    if (input_value("##nominal", k, k.nominal, c.unit, &nominal))
        edit_row(c, cid, "Set nominal", "nominal", true, [nominal](Contributor& x) { x.nominal = nominal; });
    keys_after(c, i, ColNominal);
    MF_TEST_ANCHOR((anchor + ".nominal").c_str());
    field_error_marker(c.vc, key + "nominal");

    ImGui::TableNextColumn();
    width("tol_plus");
    double tp = k.tol_plus;
    keys_before(c, i, ColTolPlus);
    if (input_value("##tol_plus", k, k.tol_plus, c.unit, &tp))
        edit_row(c, cid, "Set + tolerance", "tol_plus", true, [tp](Contributor& x) { x.tol_plus = tp; });
    keys_after(c, i, ColTolPlus);
    MF_TEST_ANCHOR((anchor + ".tol_plus").c_str());
    field_error_marker(c.vc, key + "tol_plus");

    ImGui::TableNextColumn();
    width("tol_minus");
    double tm = k.tol_minus;
    keys_before(c, i, ColTolMinus);
    if (input_value("##tol_minus", k, k.tol_minus, c.unit, &tm))
        edit_row(c, cid, "Set − tolerance", "tol_minus", true, [tm](Contributor& x) { x.tol_minus = tm; });
    keys_after(c, i, ColTolMinus);
    if (ImGui::IsItemHovered() && !ImGui::IsItemActive())
        ImGui::SetTooltip("Both tolerances are ≥ 0: +0.010 / −0.002 is + tol 0.010, − tol 0.002");
    MF_TEST_ANCHOR((anchor + ".tol_minus").c_str());
    field_error_marker(c.vc, key + "tol_minus");
}

// Sensitivity: computed (read-only) when the loop gives it, else typed.
void draw_sensitivity_cell(Ctx& c, size_t i, const Contributor& k, const LinearTerm* term, const std::string& key,
                           [[maybe_unused]] const std::string& anchor) {
    const std::string& cid = k.id;
    ImGui::TableNextColumn();
    if (term && term->from_loop) {
        ImGui::AlignTextToFramePadding();
        std::string text;
        if (k.kind == DimensionKind::Angle)
            text = format_length(term->sensitivity, c.unit) + "/°";
        else {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.4g", tidy(term->sensitivity));
            text = buf;
        }
        ImGui::TextDisabled("%s", text.c_str());
        if (ImGui::BeginItemTooltip()) {
            ImGui::TextUnformatted(
                k.kind == DimensionKind::Angle
                    ? "Computed from the loop: L·sin(φ − θ)·π/180 per degree, summed over the vectors using it"
                    : "Computed from the loop: the direction cosine cos(θ − φ) of its vector(s)");
            ImGui::EndTooltip();
        }
    } else {
        set_cell_width(c, key + "sens");
        double sv = k.sensitivity;
        keys_before(c, i, ColSensitivity);
        if (ImGui::InputDouble("##sens", &sv, 0, 0, "%.4g") && std::isfinite(sv))
            edit_row(c, cid, "Set sensitivity", "sens", true, [sv](Contributor& x) { x.sensitivity = sv; });
        keys_after(c, i, ColSensitivity);
        if (ImGui::IsItemHovered() && !ImGui::IsItemActive())
            ImGui::SetTooltip("∂gap/∂dimension: +1 when the dimension opens the gap, −1 when it closes it");
        MF_TEST_ANCHOR((anchor + ".sens").c_str());
        field_error_marker(c.vc, key + "sens");
    }
}

// The distribution button (measured link or declared) with its tooltip and popup.
void draw_distribution_cell(Ctx& c, size_t i, const Contributor& k, const LinearTerm* term, const std::string& key,
                            [[maybe_unused]] const std::string& anchor) {
    const std::string& cid = k.id;
    ImGui::TableNextColumn();
    // A measured link replaces the declared distribution in the analyses: say so in the cell.
    const LinkReport* link = k.measured ? find_link(c.links, cid) : nullptr;
    std::string dl = distribution_label(k, c.unit);
    if (link && link->used)
        dl = "measured σ " + value_text(k, *link->sigma, c.unit) + " (" + link->sigma_kind + ")";
    else if (k.measured)
        dl = "! link unused: " + dl;
    const bool dist_err = refusal(c, key + "cap") || refusal(c, key + "sigma") || refusal(c, key + "shift") ||
        refusal(c, key + "skew") || refusal(c, key + "measured") || refusal(c, key + "mode") ||
        refusal(c, key + "sigma_log");
    if (dist_err || (k.measured && !(link && link->used)))
        ImGui::PushStyleColor(ImGuiCol_Text, dist_err ? plot_bad() : plot_warn());
    keys_before(c, i, ColDistribution);
    if (ImGui::Button((dl + "##dist").c_str(), ImVec2(-FLT_MIN, 0))) ImGui::OpenPopup("dist");
    keys_after(c, i, ColDistribution);
    if (dist_err || (k.measured && !(link && link->used))) ImGui::PopStyleColor();
    MF_TEST_ANCHOR((anchor + ".dist").c_str());
    if (ImGui::BeginItemTooltip()) {
        if (link) {
            ImGui::PushTextWrapPos(em(30));
            ImGui::TextUnformatted(link_summary(c, k, *link).c_str());
            for (const auto& w : link->warnings) ImGui::TextDisabled("Caution: %s", w.c_str());
            ImGui::PopTextWrapPos();
            ImGui::Separator();
            ImGui::TextDisabled("Declared (the fallback): %s", distribution_label(k, c.unit).c_str());
        } else {
            ImGui::TextUnformatted(dl.c_str());
        }
        if (term)
            ImGui::TextDisabled("σ %s · mean %s", value_text(k, term->sigma, c.unit).c_str(),
                                value_text(k, term->mean, c.unit).c_str());
        ImGui::EndTooltip();
    }
    if (ImGui::BeginPopup("dist")) {
        measured_section(c, k);
        distribution_popup(c, k, term);
        ImGui::EndPopup();
    }
}

// One contributor's row of the table.
void draw_contributor_row(Ctx& c, size_t i, float row_h, const LinearTerm* term) {
    const Contributor& k = c.stack.contributors[i];
    const std::string& cid = k.id;
    const std::string key = "stack." + cid + ".";
    const std::string anchor = "stack.row" + std::to_string(i);
    ImGui::PushID(cid.c_str());
    ImGui::TableNextRow(0, row_h);

    draw_row_number_cell(c, i);
    draw_dimension_cells(c, i, k, key, anchor);
    draw_sensitivity_cell(c, i, k, term, key, anchor);
    draw_distribution_cell(c, i, k, term, key, anchor);

    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    keys_before(c, i, ColMaterial);
    material_combo(c, k);
    keys_after(c, i, ColMaterial);

    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
    keys_before(c, i, ColPartner);
    partner_combo(c, k);
    keys_after(c, i, ColPartner);

    ImGui::TableNextColumn();
    keys_before(c, i, ColMore);
    if (ImGui::Button("…")) ImGui::OpenPopup("details");
    keys_after(c, i, ColMore);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Kind (length or angle), own CTE, measured-at temperature, duplicate, delete");
    MF_TEST_ANCHOR((anchor + ".more").c_str());
    if (ImGui::BeginPopup("details")) {
        details_popup(c, k);
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

// Ctrl+V with the table focused (not a field being edited) pastes spreadsheet rows; rows that
// do not parse open the paste dialog with the text.
void paste_rows_on_ctrl_v(Ctx& c, bool focused) {
    StackView& v = c.view;
    if (focused && !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) &&
        ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_V)) {
        const char* clip = ImGui::GetClipboardText();
        const std::string text = clip ? clip : "";
        Issues errs;
        if (const size_t n = paste_rows(c, text, &errs)) {
            v.notice = "Pasted " + std::to_string(n) + (n == 1 ? " row" : " rows") + " (Ctrl+Z undoes)";
        } else {
            // Show what is wrong next to the text, to fix it there or in the spreadsheet.
            v.paste_text = text;
            v.paste_open = true;
        }
    }
}

// What stops the analysis, and edits of this stack the document did not apply.
void draw_stack_problems(Ctx& c) {
    std::vector<const Issue*> refused;
    for (const auto& [key, issue] : c.vc.field_errors.by_field)
        if (key.rfind("stack.", 0) == 0) refused.push_back(&issue);
    if (!c.report.errors.empty() || !refused.empty()) {
        const ImVec4 bad = ImGui::ColorConvertU32ToFloat4(plot_bad());
        for (const auto& e : c.report.errors) {
            // "/contributors/2/tol_plus" → row 3
            std::string where = e.where;
            const std::string prefix = "/contributors/";
            if (where.compare(0, prefix.size(), prefix) == 0) {
                const size_t k = std::strtoul(where.c_str() + prefix.size(), nullptr, 10);
                where = "row " + std::to_string(k + 1) +
                    where.substr(where.find('/', prefix.size()) == std::string::npos ? where.size()
                                                                                     : where.find('/', prefix.size()));
            }
            ImGui::TextColored(bad, "Cannot analyse: %s%s%s", where.c_str(), where.empty() ? "" : ": ",
                               e.message.c_str());
        }
        for (const Issue* e : refused) ImGui::TextColored(bad, "Not applied: %s", e->message.c_str());
    }
}

}  // namespace

void draw_contributors(Ctx& c) {
    const Stack& s = c.stack;
    draw_contributor_toolbar(c);

    // The table sits in its own child window so "the table is focused" is well defined.
    const float row_h = ImGui::GetFrameHeight() + ImGui::GetStyle().CellPadding.y * 2;
    const size_t shown = std::clamp<size_t>(s.contributors.size(), 2, 9);
    const float table_h = (row_h + 1) * (static_cast<float>(shown) + 1) + em(0.5f);
    ImGui::BeginChild("contributors", ImVec2(0, table_h), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
        ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit |
        ImGuiTableFlags_Resizable;
    const bool loop = s.loop.has_value();
    std::vector<const LinearTerm*> term_of(s.contributors.size(), nullptr);
    for (const auto& t : c.report.linear.terms)
        if (t.index < term_of.size()) term_of[t.index] = &t;
    // One table state per layout: a loop's wider sensitivity column is not a chain's.
    if (ImGui::BeginTable(loop ? "rows-loop" : "rows", 10, flags, ImVec2(0, table_h))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, em(1.6f));
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Nominal", ImGuiTableColumnFlags_WidthFixed, em(6.5f));
        ImGui::TableSetupColumn("+ tol", ImGuiTableColumnFlags_WidthFixed, em(5.5f));
        ImGui::TableSetupColumn("− tol", ImGuiTableColumnFlags_WidthFixed, em(5.5f));
        ImGui::TableSetupColumn("Sens.", ImGuiTableColumnFlags_WidthFixed, em(loop ? 6.8f : 3.6f));
        ImGui::TableSetupColumn("Distribution", ImGuiTableColumnFlags_WidthFixed, em(12.0f));
        ImGui::TableSetupColumn("Material", ImGuiTableColumnFlags_WidthFixed, em(9.5f));
        ImGui::TableSetupColumn("Partner", ImGuiTableColumnFlags_WidthFixed, em(8.5f));
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em(1.6f));
        ImGui::TableHeadersRow();

        if (s.contributors.empty()) {
            ImGui::TableNextRow(0, row_h);
            ImGui::TableSetColumnIndex(1);
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("No contributors yet: Add row, or click here and paste rows (Ctrl+V)");
        }
        for (size_t i = 0; i < s.contributors.size(); ++i) draw_contributor_row(c, i, row_h, term_of[i]);
        c.view.row_keys.end();
        ImGui::EndTable();
    }
    MF_TEST_ANCHOR("stack.table");
    // Ctrl+V with the table focused (not a field being edited) pastes spreadsheet rows.
    const bool focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows);
    ImGui::EndChild();
    MF_TEST_VALUE("stack.table_focused", focused ? 1 : 0);
    paste_rows_on_ctrl_v(c, focused);
    draw_stack_problems(c);
}

}  // namespace mf::stack_ui

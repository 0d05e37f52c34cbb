#include "views/schedule_links.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "plot.h"
#include "schedule/gate.h"
#include "style.h"
#include "test_hooks.h"
#include "views/schedule_shared.h"
#include "widgets.h"

namespace mf::schedule_ui {

static const LinkReport* gate_link(const Task& t, const std::vector<LinkReport>& links) {
    if (t.kind != TaskKind::Gate || !t.gate.cpk || !t.gate.cpk->measured) return nullptr;
    return find_link(links, t.id);
}

double linked_pass_probability(const Task& t, const std::vector<LinkReport>& links) {
    const LinkReport* l = gate_link(t, links);
    return l && l->pass_probability ? *l->pass_probability : gate_spec_pass_probability(t.gate);
}

std::string linked_gate_summary(const Task& t, const std::vector<LinkReport>& links) {
    if (t.kind != TaskKind::Gate) return "";
    const LinkReport* l = gate_link(t, links);
    // The percentage first: the column is narrow and the words after it may be clipped.
    std::string s = (t.gate.cpk ? "Cpk → " : "") + fmt("%.0f %%", linked_pass_probability(t, links) * 100);
    if (t.gate.cpk && t.gate.cpk->measured) s += l && l->used ? " (measured)" : " (typed: link unused)";
    if (t.gate.assume_first_fails) s += ", 1st fails";
    return s;
}

// Sets or clears the criterion's link (one field: the document refuses a link to nothing).
static void set_link(Edits& edits, const Task& t, const std::string& label, std::optional<CpkSource> src) {
    edit_task(edits, label, "schedule." + t.id + ".measured", false, t.id, [src](Task& x) {
        if (x.gate.cpk) x.gate.cpk->measured = src;
    });
}

bool draw_gate_link(ViewContext& ctx, const Task& t, const std::vector<LinkReport>& links) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    if (!t.gate.cpk) return false;
    const CpkCriterion& c = *t.gate.cpk;
    const LinkReport* l = gate_link(t, links);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("measured data");
    ImGui::SameLine(em(8.5f));
    std::string preview = "— none: typed figures —";
    if (c.measured)
        preview = l && !l->dataset_name.empty() && !l->feature_name.empty()
            ? l->dataset_name + " / " + l->feature_name
            : c.measured->dataset_id + " / " + c.measured->feature_id;
    // Leave room on the line for Clear and the help marker (the details column is narrow).
    ImGui::SetNextItemWidth(std::max(em(6), ImGui::GetContentRegionAvail().x - (c.measured ? em(5.5f) : em(1.6f))));
    if (ImGui::BeginCombo("##gate-measured", preview.c_str())) {
        if (ImGui::Selectable("— none: typed figures —", !c.measured) && c.measured)
            set_link(edits, t, "Clear measured link of \"" + t.name + "\"", std::nullopt);
        for (const Dataset& d : plan.datasets)
            for (const Feature& f : d.features) {
                const bool sel = c.measured && c.measured->dataset_id == d.id && c.measured->feature_id == f.id;
                ImGui::PushID((d.id + "/" + f.id).c_str());
                if (ImGui::Selectable((d.name + " / " + f.name).c_str(), sel) && !sel)
                    set_link(edits, t, "Link \"" + t.name + "\" to measured \"" + f.name + "\"", CpkSource{d.id, f.id});
                MF_TEST_ANCHOR(("schedule.gate.measured.option." + d.id + "." + f.id).c_str());
                ImGui::PopID();
            }
        if (plan.datasets.empty()) ImGui::TextDisabled("This plan has no measured data (Capability tab).");
        ImGui::EndCombo();
    }
    MF_TEST_ANCHOR("schedule.gate.measured");
    field_error_marker(ctx, "schedule." + t.id + ".measured");
    ImGui::SameLine();
    if (c.measured) {
        if (ImGui::SmallButton("Clear")) set_link(edits, t, "Clear measured link of \"" + t.name + "\"", std::nullopt);
        MF_TEST_ANCHOR("schedule.gate.measured_clear");
        ImGui::SameLine();
    }
    help_marker(
        "The gate takes the feature's measured Cpk (from σ within), its number of values as the sample size "
        "and the degrees of freedom of σ within; the threshold stays the gate's. The typed figures are used "
        "whenever the link cannot be (docs/capability.md, Links).");
    if (!l) return false;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + em(26));
    if (l->used) {
        char b[640];
        const double p = l->pass_probability.value_or(0);
        // Near certainty is not "100 %": say how close.
        const std::string pt = p > 0.999 && p < 1 ? "> 99.9 %" : p < 0.001 && p > 0 ? "< 0.1 %" : format_percent(p);
        std::snprintf(b, sizeof b, "→ Cpk %.3f from %s / %s (n = %.0f, ν = %.0f): passes %.4g with %s", *l->cpk,
                      l->dataset_name.c_str(), l->feature_name.c_str(), l->n ? *l->n : 0.0, l->dof ? *l->dof : 0.0,
                      c.threshold, pt.c_str());
        ImGui::TextUnformatted(b);
    } else {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "Link not used: %s", l->message.c_str());
    }
    for (const auto& w : l->warnings)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_warn()), "Caution: %s", w.c_str());
    ImGui::PopTextWrapPos();
    if (l->used) ImGui::TextDisabled("Typed figures (used when the link cannot be):");
    return l->used;
}

#ifdef MF_TEST_HOOKS
void publish_gate_links(const std::vector<LinkReport>& links) {
    for (const LinkReport& l : links) {
        const std::string k = "schedule.measured." + l.target_id;
        MF_TEST_VALUE(k + ".used", l.used ? 1 : 0);
        if (l.cpk) MF_TEST_VALUE(k + ".cpk", *l.cpk);
        if (l.n) MF_TEST_VALUE(k + ".n", *l.n);
        if (l.dof) MF_TEST_VALUE(k + ".dof", *l.dof);
        if (l.pass_probability) MF_TEST_VALUE(k + ".p", *l.pass_probability);
        MF_TEST_TEXT(k + ".message", l.message);
    }
}
#endif

}  // namespace mf::schedule_ui

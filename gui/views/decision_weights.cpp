// [SECTION] Criteria table: name, direction, source, scale, unit, weight
// [SECTION] AHP: pairwise-comparison editor with the consistency ratio live
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "decision/ahp.h"
#include "decision/decision_edit.h"
#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "views/decision_parts.h"
#include "widgets.h"

namespace mf::decision_ui {

static const ScoreSource kSources[] = {ScoreSource::Entered,          ScoreSource::CostPerGoodPart,
                                       ScoreSource::FirstArticleDays, ScoreSource::ProductionLeadDays,
                                       ScoreSource::MonthlyCapacity,  ScoreSource::DemonstratedCpk,
                                       ScoreSource::AuditRights};

// [SECTION] Criteria table ---------------------------------------------------------------------

static void criteria_table(DecisionView& v, ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    const DecisionSection& s = plan.decision;
    const DecisionAnalysis& a = v.analysis;
    const bool direct = s.weighting == Weighting::Direct;
    const ImGuiTableFlags flags =
        ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("criteria", 9, flags)) return;
    ImGui::TableSetupColumn("Criterion", ImGuiTableColumnFlags_WidthStretch, 4);
    ImGui::TableSetupColumn("Better", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Values", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("Scale min", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Scale max", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Unit", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn(direct ? "Weight" : "Weight (AHP)", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Share", ImGuiTableColumnFlags_WidthFixed, em(4));
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, em(5.5f));
    ImGui::TableHeadersRow();
    for (size_t j = 0; j < s.criteria.size(); ++j) {
        const Criterion& c = s.criteria[j];
        const std::string id = c.id;
        ImGui::TableNextRow();
        ImGui::PushID(id.c_str());
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        std::string name = c.name;
        if (input_string("##name", name))
            edit_criterion(edits, "Rename criterion", field_key(id, "name"), id,
                           [name](Criterion& x) { x.name = name; });
        field_error_marker(ctx, field_key(id, "name"));

        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        int dir = c.benefit ? 0 : 1;
        const char* dirs[] = {"↑ more", "↓ less"};
        if (ImGui::Combo("##dir", &dir, dirs, 2)) {  // a cost-per-part criterion as a benefit is refused, with why
            const bool b = dir == 0;
            edit_criterion(
                edits, b ? "Make criterion a benefit" : "Make criterion a cost", field_key(id, "benefit"), id,
                [b](Criterion& x) { x.benefit = b; }, false);
        }
        field_error_marker(ctx, field_key(id, "benefit"));

        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (ImGui::BeginCombo("##src", score_source_key(c.source))) {
            for (ScoreSource src : kSources)
                if (ImGui::Selectable(score_source_key(src), src == c.source) && src != c.source)
                    edits.push_at(std::string("Derive criterion from ") + score_source_key(src),
                                  field_key(id, "source"),
                                  [id, src](Plan& p) { set_criterion_source(p.decision, id, src); });
            ImGui::EndCombo();
        }
        if (ImGui::BeginItemTooltip()) {
            ImGui::TextUnformatted(
                "entered: scores typed per partner; the others are derived from each partner's evidence "
                "or cost model (their scores are removed when you switch).");
            ImGui::EndTooltip();
        }
        field_error_marker(ctx, field_key(id, "source"));

        std::optional<double> o;
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (field_optional("##smin", c.scale_min, &o))
            edit_criterion(edits, "Set scale minimum", field_key(id, "smin"), id,
                           [o](Criterion& x) { x.scale_min = o; });
        field_error_marker(ctx, field_key(id, "smin"));
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (field_optional("##smax", c.scale_max, &o))
            edit_criterion(edits, "Set scale maximum", field_key(id, "smax"), id,
                           [o](Criterion& x) { x.scale_max = o; });
        field_error_marker(ctx, field_key(id, "smax"));
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        std::string unit = c.unit;
        if (input_string("##unit", unit))
            edit_criterion(edits, "Set criterion unit", field_key(id, "unit"), id,
                           [unit](Criterion& x) { x.unit = unit; });
        field_error_marker(ctx, field_key(id, "unit"));

        ImGui::TableNextColumn();
        if (direct) {
            ImGui::SetNextItemWidth(-FLT_MIN);
            double w;
            if (field_double("##w", c.weight, &w, "%.4g"))
                edit_criterion(edits, "Set weight of " + c.name, field_key(id, "weight"), id,
                               [w](Criterion& x) { x.weight = w; });
            MF_TEST_ANCHOR(("decision.criteria.weight." + id).c_str());
            field_error_marker(ctx, field_key(id, "weight"));
        } else {
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("from pairs");
        }
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (!direct && !(a.ahp && a.ahp->errors.empty()))
            ImGui::TextDisabled("—");
        else if (j < a.weights.size())
            ImGui::Text("%.1f %%", 100.0 * a.weights[j]);

        ImGui::TableNextColumn();
        if (ImGui::ArrowButton("left", ImGuiDir_Up)) push_move_criterion(edits, id, -1);
        ImGui::SameLine(0, 2);
        if (ImGui::ArrowButton("right", ImGuiDir_Down)) push_move_criterion(edits, id, +1);
        ImGui::SameLine(0, 2);
        if (ImGui::SmallButton("×")) push_delete_criterion(edits, c);
        if (ImGui::BeginItemTooltip()) {
            ImGui::Text("Delete \"%s\" with its scores and pairwise judgements (Ctrl+Z brings it back)",
                        c.name.c_str());
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (ImGui::Button("Add criterion")) push_add_criterion(plan, edits);
    ImGui::SameLine();
    ImGui::TextDisabled("Weights may use any scale; they are normalised to sum 1 (the share column).");
}

// [SECTION] AHP --------------------------------------------------------------------------------

// Saaty's 1/9 … 9 scale as shown in a cell.
static std::string ratio_text(double r) {
    if (r >= 1) return format_number(r, 3);
    const double inv = 1.0 / r;
    if (std::fabs(inv - std::round(inv)) < 1e-9) return "1/" + format_number(std::round(inv), 3);
    return format_number(r, 3);
}

static const char* saaty_words(double r) {
    const double x = r >= 1 ? r : 1.0 / r;
    if (x < 1.5) return "equally important";
    if (x < 2.5) return "equal to moderately more important";
    if (x < 3.5) return "moderately more important";
    if (x < 4.5) return "moderately to strongly more important";
    if (x < 5.5) return "strongly more important";
    if (x < 6.5) return "strongly to very strongly more important";
    if (x < 7.5) return "very strongly more important";
    if (x < 8.5) return "very to extremely more important";
    return "extremely more important";
}

// The AHP result's consistency verdict (or what is missing), with the most out-of-line pair.
static void draw_ahp_consistency(const std::optional<AhpResult>& r, const DecisionSection& s, size_t missing,
                                 size_t n) {
    if (r && r->errors.empty()) {
        const bool ok = r->consistent;
        // (ahp_weights never calls a matrix consistent without a random index: cr_available.)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ok ? plot_good() : plot_bad()), "%s",
                           ok ? "Consistent" : "Inconsistent");
        ImGui::SameLine();
        ImGui::Text("CR = %.3f %s 0.10", r->cr, r->cr > kAhpConsistencyLimit ? ">" : "≤");
        ImGui::SameLine();
        ImGui::TextDisabled("· λmax %.4f · CI %.4f · RI %.3f (%s)", r->lambda_max, r->ci, r->ri, r->random_index_table);
        MF_TEST_ANCHOR("decision.ahp.cr");
        if (!ok && r->worst_i >= 0)
            ImGui::TextWrapped(
                "Most out of line: \"%s\" against \"%s\" is judged %s, but the weights it produced imply %s. "
                "Revisit that judgement first.",
                s.criteria[static_cast<size_t>(r->worst_i)].name.c_str(),
                s.criteria[static_cast<size_t>(r->worst_j)].name.c_str(), ratio_text(r->worst_given).c_str(),
                format_number(r->worst_implied, 3).c_str());
    } else if (missing) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_warn()), "%zu of %zu judgements missing:", missing,
                           n * (n - 1) / 2);
        ImGui::SameLine();
        ImGui::TextUnformatted("AHP needs every pair once (the cells marked \"?\").");
    }
}

static const double kSaatyScale[] = {1.0 / 9, 1.0 / 8, 1.0 / 7, 1.0 / 6, 1.0 / 5, 1.0 / 4, 1.0 / 3, 1.0 / 2, 1,
                                     2,       3,       4,       5,       6,       7,       8,       9};

// One editable judgement above the diagonal: row criterion i against column criterion k.
static void draw_judgement_cell(const std::optional<AhpResult>& r, const DecisionSection& s, Edits& edits, size_t i,
                                size_t k, double given) {
    if (given == 0) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, with_alpha(plot_warn(), 0.25f));
    ImGui::SetNextItemWidth(-FLT_MIN);
    const std::string shown = given > 0 ? ratio_text(given) : std::string("?");
    if (ImGui::BeginCombo("##r", shown.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (double x : kSaatyScale) {
            const std::string label = ratio_text(x) + "  " + (x == 1 ? "equal" : (x > 1 ? "row " : "column ")) +
                (x == 1 ? "" : saaty_words(x));
            if (ImGui::Selectable(label.c_str(), std::fabs(x - given) < 1e-9))
                edits.push("Set pairwise judgement", [ia = s.criteria[i].id, ik = s.criteria[k].id, x](Plan& p) {
                    set_judgement(p.decision, ia, ik, x);
                });
        }
        ImGui::EndCombo();
    }
    if (i == 0 && k == 1) MF_TEST_ANCHOR("decision.ahp.cell01");
    if (ImGui::BeginItemTooltip()) {
        ImGui::Text("\"%s\" against \"%s\"", s.criteria[i].name.c_str(), s.criteria[k].name.c_str());
        if (given > 0)
            ImGui::TextDisabled("%s: the %s is %s", ratio_text(given).c_str(), given >= 1 ? "row" : "column",
                                saaty_words(given));
        if (r && r->errors.empty() && i < r->weights.size() && k < r->weights.size())
            ImGui::TextDisabled("the AHP weights imply %.3g", r->weights[i] / r->weights[k]);
        ImGui::EndTooltip();
    }
}

static void ahp_editor(DecisionView& v, ViewContext& ctx) {
    Edits& edits = ctx.edits;
    const DecisionSection& s = ctx.plan.decision;
    const size_t n = s.criteria.size();
    if (n < 2) {
        ImGui::TextDisabled("AHP needs at least two criteria.");
        return;
    }
    // The judgements as a matrix by criterion index (0 = missing).
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < n; ++i) index.emplace(s.criteria[i].id, i);
    std::vector<std::vector<double>> a(n, std::vector<double>(n, 0.0));
    for (const auto& j : s.pairwise) {
        auto ia = index.find(j.a), ib = index.find(j.b);
        if (ia == index.end() || ib == index.end() || ia->second == ib->second || !(j.ratio > 0)) continue;
        a[ia->second][ib->second] = j.ratio;
        a[ib->second][ia->second] = 1.0 / j.ratio;
    }
    size_t missing = 0;
    for (size_t i = 0; i < n; ++i)
        for (size_t k = i + 1; k < n; ++k) missing += a[i][k] == 0;

    const std::optional<AhpResult>& r = v.analysis.ahp;
    draw_ahp_consistency(r, s, missing, n);

    if (ImGui::Button("Fill missing pairs with 1 (equal)") && missing)
        edits.push("Fill missing judgements", [](Plan& p) { fill_missing_judgements(p.decision, 1.0); });
    ImGui::SameLine();
    const bool from_weights = ImGui::Button("Start from the direct weights");
    MF_TEST_ANCHOR("decision.ahp.from_weights");
    if (from_weights)
        edits.push("Pairwise judgements from the direct weights", [](Plan& p) { judgements_from_weights(p.decision); });
    if (ImGui::BeginItemTooltip()) {
        ImGui::TextUnformatted(
            "Every judgement becomes the ratio of the two direct weights (clamped to 1/9 … 9): a "
            "consistent starting point to adjust.");
        ImGui::EndTooltip();
    }

    ImGui::TextDisabled(
        "Row criterion against column criterion: 3 = the row is moderately more important, 1/3 = the column "
        "is. Edit the cells above the diagonal; below it are the reciprocals.");
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
    const float row_h = ImGui::GetFrameHeight() + ImGui::GetStyle().CellPadding.y * 2;
    const float table_h = row_h * static_cast<float>(n + 1) + ImGui::GetStyle().ScrollbarSize + em(0.6f);
    if (!ImGui::BeginTable("pairwise", static_cast<int>(n) + 3, flags, ImVec2(0, table_h))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em(12));
    for (size_t k = 0; k < n; ++k)
        ImGui::TableSetupColumn(s.criteria[k].id.c_str(), ImGuiTableColumnFlags_WidthFixed, em(4.2f));
    ImGui::TableSetupColumn("AHP weight", ImGuiTableColumnFlags_WidthFixed, em(5.5f));
    ImGui::TableSetupColumn("Geometric mean", ImGuiTableColumnFlags_WidthFixed, em(6.5f));
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableNextColumn();
    ImGui::TextDisabled("row vs column");
    for (size_t k = 0; k < n; ++k) {
        ImGui::TableNextColumn();
        ImGui::Text("%zu", k + 1);
        if (ImGui::BeginItemTooltip()) {
            ImGui::TextUnformatted(s.criteria[k].name.c_str());
            ImGui::EndTooltip();
        }
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("weight");
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("geo. mean");
    if (ImGui::BeginItemTooltip()) {
        ImGui::TextUnformatted(
            "Row geometric mean (Π a_ij)^(1/n), normalised to sum 1: an alternative to the eigenvector, "
            "equal to it when the judgements are consistent. Shown for comparison; the eigenvector "
            "weights are the ones used.");
        ImGui::EndTooltip();
    }
    for (size_t i = 0; i < n; ++i) {
        ImGui::TableNextRow();
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%zu  %s", i + 1, s.criteria[i].name.c_str());
        for (size_t k = 0; k < n; ++k) {
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(k));
            const bool worst = r && !r->consistent &&
                ((static_cast<int>(i) == r->worst_i && static_cast<int>(k) == r->worst_j) ||
                 (static_cast<int>(k) == r->worst_i && static_cast<int>(i) == r->worst_j));
            if (worst) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, with_alpha(plot_bad(), 0.25f));
            if (i == k) {
                ImGui::AlignTextToFramePadding();
                ImGui::TextDisabled("1");
            } else if (k < i) {  // reciprocal, read only
                ImGui::AlignTextToFramePadding();
                if (a[i][k] > 0)
                    ImGui::TextDisabled("%s", ratio_text(a[i][k]).c_str());
                else
                    ImGui::TextDisabled("?");
            } else {
                draw_judgement_cell(r, s, edits, i, k, a[i][k]);
            }
            ImGui::PopID();
        }
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (r && r->errors.empty() && i < r->weights.size())
            ImGui::Text("%.1f %%", 100.0 * r->weights[i]);
        else
            ImGui::TextDisabled("—");
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (r && r->errors.empty() && i < r->geometric_mean_weights.size())
            ImGui::TextDisabled("%.1f %%", 100.0 * r->geometric_mean_weights[i]);
        else
            ImGui::TextDisabled("—");
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// [SECTION] Page -------------------------------------------------------------------------------

void draw_criteria_page(DecisionView& v, ViewContext& ctx) {
    const DecisionSection& s = ctx.plan.decision;
    Edits& edits = ctx.edits;
    const std::string key = field_key("", "weighting");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Weights:");
    ImGui::SameLine();
    if (ImGui::RadioButton("entered directly", s.weighting == Weighting::Direct) && s.weighting != Weighting::Direct)
        edits.push_at("Weights entered directly", key, [](Plan& p) { set_weighting(p.decision, Weighting::Direct); });
    ImGui::SameLine();
    // Switching to AHP brings the judgements AHP needs, from the direct weights (CR = 0).
    if (ImGui::RadioButton("AHP from pairwise comparisons", s.weighting == Weighting::AHP) &&
        s.weighting != Weighting::AHP)
        edits.push_at("Weights by AHP", key, [](Plan& p) { set_weighting(p.decision, Weighting::AHP); });
    MF_TEST_ANCHOR("decision.weighting.ahp");
    field_error_marker(ctx, key);

    criteria_table(v, ctx);
    ImGui::Spacing();
    if (s.weighting == Weighting::AHP || !s.pairwise.empty()) {
        ImGui::SeparatorText("AHP pairwise comparisons");
        if (s.weighting != Weighting::AHP)
            ImGui::TextDisabled("These judgements are kept but not used: switch to AHP above to weight by them.");
        ahp_editor(v, ctx);
    }
}

}  // namespace mf::decision_ui

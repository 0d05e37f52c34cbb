// [SECTION] Cache: the analysis and the cost curves, by document state
// [SECTION] The rank-first Monte Carlo in slices
// [SECTION] Frame: summary, problems, inner pages
// [SECTION] Programme settings
// [SECTION] Matrix page: the editable matrix with the rankings beside it
#include "views/decision_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "decision/decision_edit.h"
#include "plot.h"
#include "style.h"
#include "table_out.h"
#include "test_hooks.h"
#include "views/decision_parts.h"
#include "widgets.h"

namespace mf {

using namespace decision_ui;

int DecisionView::selected_partner(const Plan& plan) const {
    const auto& ps = plan.decision.partners;
    for (size_t i = 0; i < ps.size(); ++i)
        if (ps[i].id == partner_id) return static_cast<int>(i);
    return ps.empty() ? -1 : 0;
}

// [SECTION] Cache ------------------------------------------------------------------------------

void DecisionView::refresh(const Plan& plan, uint64_t state_id) {
    if (state_id == cached_state) return;
    cached_state = state_id;
    DecisionOptions o;
    o.mc_samples = 0;  // run below, in slices
    analysis = analyse_decision(plan, o);

    // Cost per good part vs volume over the crossover search range, jumps included.
    curves.clear();
    const DecisionSection& s = plan.decision;
    const double lo = analysis.crossovers.v_lo > 0 ? analysis.crossovers.v_lo : 1.0;
    const double hi = analysis.crossovers.v_hi > lo ? analysis.crossovers.v_hi : std::max(1e6, 10 * s.planned_volume);
    for (int k : analysis.cost_partners) {
        Curve c;
        c.partner = k;
        const CostInputs in = cost_inputs(s, s.partners[static_cast<size_t>(k)]);
        for (const auto& p : cost_curve(in, lo, hi, 240, 4000, &c.too_many_jumps)) {
            if (!std::isfinite(p.per_good_part) || !(p.per_good_part > 0)) continue;
            c.volume.push_back(p.volume);
            c.per_part.push_back(p.per_good_part);
        }
        curves.push_back(std::move(c));
    }
}

// [SECTION] Monte Carlo ------------------------------------------------------------------------

void DecisionView::run_monte_carlo(const Plan& plan) {
    const MonteCarloInputs inputs{plan.decision, mc_samples, 1};
    mc.update(inputs, [&]() -> std::unique_ptr<ParallelRankFirstRun> {
        if (!ranked()) return nullptr;  // nothing to run: the problems say why
        return std::make_unique<ParallelRankFirstRun>(analysis.built.matrix, static_cast<size_t>(inputs.samples),
                                                      inputs.seed);
    });
}

namespace decision_ui {

void draw_monte_carlo_controls(DecisionView& v) {
    if (v.mc.running()) {
        v.mc.draw_progress("Rank-first Monte Carlo");
        MF_TEST_ANCHOR("decision.mc.cancel");
        return;
    }
    if (v.mc.cancelled()) {
        ImGui::TextDisabled("Monte Carlo cancelled.");
        ImGui::SameLine();
        const bool run = ImGui::SmallButton("Run");
        MF_TEST_ANCHOR("decision.mc.run");
        if (run) v.mc.restart();
        return;
    }
    if (!v.mc_result())
        ImGui::TextDisabled("The rank-first Monte Carlo needs a complete matrix with no problems in the inputs.");
}

}  // namespace decision_ui

// [SECTION] Frame ------------------------------------------------------------------------------

[[maybe_unused]] static const char* page_key(DecisionView::Page p) {
    switch (p) {
        case DecisionView::Page::Matrix: return "matrix";
        case DecisionView::Page::Partners: return "partners";
        case DecisionView::Page::Criteria: return "criteria";
        case DecisionView::Page::Sensitivity: return "sensitivity";
        case DecisionView::Page::Cost: return "cost";
        case DecisionView::Page::Processes: return "processes";
        case DecisionView::Page::Warnings: return "warnings";
    }
    return "";
}

#ifdef MF_TEST_HOOKS
// The view's figures for the headless and browser tests (compiled into test builds only).
static void publish(const DecisionView& v, const Plan& plan) {
    const DecisionAnalysis& a = v.analysis;
    const DecisionSection& s = plan.decision;
    MF_TEST_VALUE("decision.errors", static_cast<double>(a.errors.size()));
    MF_TEST_VALUE("decision.warnings", static_cast<double>(a.warnings.size()));
    for (size_t j = 0; j < s.criteria.size() && j < a.weights.size(); ++j)
        MF_TEST_VALUE("decision.weight." + s.criteria[j].id, a.weights[j]);
    if (a.ahp) MF_TEST_VALUE("decision.ahp.cr", a.ahp->cr);
    const bool ranked = v.ranked();
    MF_TEST_TEXT(
        "decision.ws.top",
        ranked ? (a.weighted_sum.ranking.top_tied ? "tie"
                                                  : s.partners[static_cast<size_t>(a.weighted_sum.ranking.order[0])].id)
               : "");
    MF_TEST_TEXT(
        "decision.topsis.top",
        ranked && !a.topsis.ranking.order.empty()
            ? (a.topsis.ranking.top_tied ? "tie" : s.partners[static_cast<size_t>(a.topsis.ranking.order[0])].id)
            : "");
    if (ranked)
        for (size_t i = 0; i < s.partners.size(); ++i) {
            const std::string& id = s.partners[i].id;
            MF_TEST_VALUE("decision.ws." + id, a.weighted_sum.ranking.score[i]);
            MF_TEST_VALUE("decision.ws.rank." + id, a.weighted_sum.ranking.rank[i]);
            if (i < a.topsis.ranking.score.size()) {
                MF_TEST_VALUE("decision.topsis." + id, a.topsis.ranking.score[i]);
                MF_TEST_VALUE("decision.topsis.rank." + id, a.topsis.ranking.rank[i]);
            }
        }
    const RankFirstResult* mc = v.mc_result();
    MF_TEST_VALUE("decision.mc.done", mc ? 1 : 0);
    MF_TEST_VALUE("decision.mc.progress", v.mc.running() ? v.mc.progress() : (mc ? 1.0 : 0.0));
    if (mc)
        for (size_t i = 0; i < s.partners.size() && i < mc->p_first.size(); ++i)
            MF_TEST_VALUE("decision.mc.p_first." + s.partners[i].id, mc->p_first[i]);
    for (size_t k = 0; k < a.cost_partners.size(); ++k)
        if (!a.costs[k].empty())
            MF_TEST_VALUE("decision.cost." + s.partners[static_cast<size_t>(a.cost_partners[k])].id,
                          a.costs[k].back().per_good_part);
    MF_TEST_VALUE("decision.crossovers", static_cast<double>(a.crossovers.crossings.size()));
    if (a.split) MF_TEST_VALUE("decision.split.best_n", a.split->best_n);
    MF_TEST_TEXT("decision.page", page_key(v.page));
}
#endif

static void draw_summary(const DecisionView& v, const Plan& plan) {
    const DecisionAnalysis& a = v.analysis;
    const auto& ps = plan.decision.partners;
    auto name = [&](int i) {
        return i >= 0 && i < static_cast<int>(ps.size()) ? ps[static_cast<size_t>(i)].name : std::string("?");
    };
    if (!v.ranked()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_warn()), "Not ranked yet:");
        ImGui::SameLine();
        ImGui::TextUnformatted(ps.empty() || plan.decision.criteria.empty()
                                   ? "add partners and criteria (Matrix page) to compare them."
                                   : "the inputs below need fixing first.");
        return;
    }
    const Ranking& ws = a.weighted_sum.ranking;
    const Ranking& tp = a.topsis.ranking;
    auto top_text = [&](const Ranking& r) {
        if (r.top_tied) {
            std::string s = "tie for first:";
            for (int i : r.order)
                if (r.rank[static_cast<size_t>(i)] == 1) s += " " + name(i) + ",";
            s.pop_back();
            return s;
        }
        return name(r.order[0]) + " (" + format_number(r.score[static_cast<size_t>(r.order[0])], 3) + ")";
    };
    std::string line = "Weighted sum ranks first: " + top_text(ws) + "  ·  TOPSIS: " + top_text(tp);
    if (!ws.top_tied && !tp.top_tied && ws.order[0] != tp.order[0]) line += " (the methods disagree)";
    if (!ws.top_tied) {  // the same length while the Monte Carlo runs: nothing below moves
        const size_t t = static_cast<size_t>(ws.order[0]);
        const RankFirstResult* mc = v.mc_result();
        line += "  ·  P(first) " +
            (mc && t < mc->p_first.size() ? format_probability(mc->p_first[t]) : std::string("…      "));
    }
    line += "  ·  chosen: " + (a.chosen_by_decider ? name(a.chosen) : std::string("not set"));
    ImGui::TextWrapped("%s", line.c_str());
    if (!a.chosen_by_decider && ImGui::BeginItemTooltip()) {
        ImGui::TextUnformatted(
            "No partner chosen yet (Programme settings on the Matrix page): the warnings assume the "
            "weighted-sum winner.");
        ImGui::EndTooltip();
    }
}

// What is wrong with the inputs, in words, each naming where.
// Why the matrix cannot be ranked yet, in words (missing scores, evidence, cost models). The
// document never holds a plan the file rules refuse, so these are all the problems there are.
static void draw_problems(const DecisionView& v) {
    const auto& errors = v.analysis.errors;
    const size_t n = errors.size();
    MF_TEST_VALUE("decision.problems", static_cast<double>(n));
    if (n == 0) return;
    const ImVec4 bad = ImGui::ColorConvertU32ToFloat4(plot_bad());
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float h = std::min(static_cast<float>(n) + 1.4f, 6.5f) * line;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetColorU32(ImGuiCol_FrameBg));
    begin_flat_child("problems", ImVec2(0, h), ImGuiChildFlags_Border);
    ImGui::TextColored(bad, "%zu problem%s in the inputs", n, n == 1 ? "" : "s");
    ImGui::SameLine();
    ImGui::TextDisabled("(the ranking and the warnings wait until they are fixed; costs still run)");
    for (const std::string& e : errors) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", e.c_str());
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void DecisionView::draw(ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    const uint64_t state_id = ctx.state_id;
    refresh(plan, state_id);
    run_monte_carlo(plan);
#ifdef MF_TEST_HOOKS
    publish(*this, plan);
#endif

    draw_summary(*this, plan);
    draw_problems(*this);

    if (!ImGui::BeginTabBar("decision_pages")) return;
    struct Entry {
        Page page;
        const char* label;
        void (*draw)(DecisionView&, ViewContext&);
    };
    char warnings_label[64];
    std::snprintf(warnings_label, sizeof warnings_label, "Warnings (%zu)###warnings", analysis.warnings.size());
    const Entry entries[] = {
        {Page::Matrix, "Matrix", draw_matrix_page},
        {Page::Partners, "Partners", draw_partners_page},
        {Page::Criteria, "Criteria & weights", draw_criteria_page},
        {Page::Sensitivity, "Sensitivity", draw_sensitivity_page},
        {Page::Cost, "Cost vs volume", draw_cost_page},
        {Page::Processes, "Processes", draw_processes_page},
        {Page::Warnings, warnings_label, draw_warnings_page},
    };
    const bool forced = select_page;
    select_page = false;
    for (const auto& e : entries) {
        const ImGuiTabItemFlags f = forced && page == e.page ? ImGuiTabItemFlags_SetSelected : 0;
        const bool open = ImGui::BeginTabItem(e.label, nullptr, f);
        MF_TEST_ANCHOR((std::string("decision.page.") + page_key(e.page)).c_str());
        if (!open) continue;
        if (!forced) page = e.page;
        begin_flat_child("page");
        ImGui::PushTextWrapPos(0.0f);  // long notes wrap at the window (or table cell) edge, never clip
        e.draw(*this, ctx);
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

namespace decision_ui {

// [SECTION] Programme settings -----------------------------------------------------------------

void draw_programme_settings(ViewContext& ctx) {
    const DecisionSection& s = ctx.plan.decision;
    Edits& edits = ctx.edits;
    std::string summary = "Programme: " + format_whole_parts(s.planned_volume) + " good parts over " +
        format_number(s.programme_quarters) + " quarters";
    if (s.monthly_demand) summary += " · demand " + format_whole_parts(*s.monthly_demand) + "/month";
    summary += s.design_frozen ? (*s.design_frozen ? " · design frozen" : " · design not frozen")
                               : " · design freeze not stated";
    if (s.ip_sensitive) summary += " · IP-sensitive";
    summary += "###programme";
    if (!ImGui::CollapsingHeader(summary.c_str())) return;
    if (!ImGui::BeginTable("programme", 2, ImGuiTableFlags_SizingStretchProp, ImVec2(em(34), 0))) return;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, em(12));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    double d;
    const std::string volume_key = field_key("", "planned_volume");
    form_row("Planned volume",
             "Good parts over the whole programme: drives the cost per good part and the cost criterion.");
    if (field_double("##volume", s.planned_volume, &d, "%.0f"))
        edit_section(edits, "Set planned volume", volume_key, [d](DecisionSection& x) { x.planned_volume = d; });
    field_error_marker(ctx, volume_key);
    MF_TEST_ANCHOR("decision.planned_volume");
    const std::string quarters_key = field_key("", "quarters");
    form_row("Programme length", "Quarters; in-house quarterly costs run at least this long.");
    if (field_double("##quarters", s.programme_quarters, &d, "%.4g quarters"))
        edit_section(edits, "Set programme length", quarters_key,
                     [d](DecisionSection& x) { x.programme_quarters = d; });
    field_error_marker(ctx, quarters_key);
    const std::string demand_key = field_key("", "demand");
    form_row("Monthly demand", "Parts needed per month at steady state (capacity warnings).");
    std::optional<double> od;
    if (field_optional("##demand", s.monthly_demand, &od, "not stated"))
        edit_section(edits, "Set monthly demand", demand_key, [od](DecisionSection& x) { x.monthly_demand = od; });
    field_error_marker(ctx, demand_key);
    form_row("Design frozen");
    const char* frozen_items[] = {"not stated", "yes, frozen", "no, still changing"};
    int fi = !s.design_frozen ? 0 : (*s.design_frozen ? 1 : 2);
    if (ImGui::Combo("##frozen", &fi, frozen_items, 3)) {
        // The combo index is captured, not an optional<bool>: GCC 12 warns (falsely) that a
        // captured optional<bool> may be used uninitialized.
        edit_section(edits, "Set design freeze", "", [fi](DecisionSection& x) {
            x.design_frozen = fi == 0 ? std::nullopt : std::optional<bool>(fi == 1);
        });
    }
    form_row("IP-sensitive");
    bool ip = s.ip_sensitive;
    if (ImGui::Checkbox("##ip", &ip))
        edit_section(edits, "Set IP sensitivity", "", [ip](DecisionSection& x) { x.ip_sensitive = ip; });
    form_row("Chosen partner", "The decider's pick. Empty: the warnings assume the weighted-sum winner.");
    std::string current = "(not chosen)";
    for (const auto& p : s.partners)
        if (p.id == s.chosen) current = p.name;
    if (ImGui::BeginCombo("##chosen", current.c_str())) {
        if (ImGui::Selectable("(not chosen)", s.chosen.empty()))
            edit_section(edits, "Clear chosen partner", "", [](DecisionSection& x) { x.chosen.clear(); });
        for (const auto& p : s.partners)
            if (ImGui::Selectable(p.name.c_str(), p.id == s.chosen)) {
                const std::string id = p.id;
                edit_section(edits, "Choose " + p.name, "", [id](DecisionSection& x) { x.chosen = id; });
            }
        ImGui::EndCombo();
    }
    form_row("TOPSIS normalisation");
    int norm = s.topsis_normalisation == TopsisNormalisation::Vector ? 0 : 1;
    const char* norm_items[] = {"vector (default)", "min-max"};
    if (ImGui::Combo("##norm", &norm, norm_items, 2)) {
        const TopsisNormalisation n = norm == 0 ? TopsisNormalisation::Vector : TopsisNormalisation::MinMax;
        edit_section(edits, "Set TOPSIS normalisation", "", [n](DecisionSection& x) { x.topsis_normalisation = n; });
    }
    ImGui::EndTable();
}

// [SECTION] Matrix page ------------------------------------------------------------------------

static const char* source_words(ScoreSource s) {
    switch (s) {
        case ScoreSource::Entered: return "entered";
        case ScoreSource::CostPerGoodPart: return "from the cost model at the planned volume";
        case ScoreSource::FirstArticleDays: return "from evidence: first-article days";
        case ScoreSource::ProductionLeadDays: return "from evidence: production lead days";
        case ScoreSource::MonthlyCapacity: return "from evidence: monthly capacity";
        case ScoreSource::DemonstratedCpk: return "from evidence: demonstrated Cpk";
        case ScoreSource::AuditRights: return "from evidence: audit rights (3 unannounced … 0 none)";
    }
    return "";
}

static void header_bg() {
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
}

static void criterion_menu(DecisionView& v, const Plan& plan, Edits& edits, const Criterion& c, size_t j) {
    if (!ImGui::BeginPopupContextItem("criterion_menu")) return;
    ImGui::TextDisabled("%s", c.name.c_str());
    if (ImGui::MenuItem("Edit on the Criteria page")) {
        v.page = DecisionView::Page::Criteria;
        v.select_page = true;
    }
    if (ImGui::MenuItem("Move left", nullptr, false, j > 0)) push_move_criterion(edits, c.id, -1);
    if (ImGui::MenuItem("Move right", nullptr, false, j + 1 < plan.decision.criteria.size()))
        push_move_criterion(edits, c.id, +1);
    ImGui::Separator();
    if (ImGui::MenuItem("Delete criterion")) push_delete_criterion(edits, c);
    ImGui::EndPopup();
}

static void partner_menu(DecisionView& v, const Plan& plan, Edits& edits, const Partner& p, size_t i) {
    if (!ImGui::BeginPopupContextItem("partner_menu")) return;
    ImGui::TextDisabled("%s", p.name.c_str());
    if (ImGui::MenuItem("Evidence and cost model…")) {
        v.partner_id = p.id;
        v.page = DecisionView::Page::Partners;
        v.select_page = true;
    }
    if (ImGui::MenuItem("Duplicate")) push_duplicate_partner(plan, edits, v, p.id);
    if (ImGui::MenuItem("Move up", nullptr, false, i > 0)) push_move_partner(edits, p.id, -1);
    if (ImGui::MenuItem("Move down", nullptr, false, i + 1 < plan.decision.partners.size()))
        push_move_partner(edits, p.id, +1);
    ImGui::Separator();
    if (ImGui::MenuItem("Delete partner")) push_delete_partner(edits, v, p);
    ImGui::EndPopup();
}

// How the weighted sum sees a cell (tooltip lines).
static void cell_contribution(const DecisionAnalysis& a, size_t i, size_t j) {
    if (i >= a.weighted_sum.normalised.size() || j >= a.weighted_sum.normalised[i].size()) return;
    const double u = a.weighted_sum.normalised[i][j];
    ImGui::TextDisabled("normalised u = %.3f (0 worst … 1 best on this criterion); adds %.3f to the weighted sum", u,
                        a.weighted_sum.weights[j] * u);
}

// One entered score: the likely value inline, the range under it and in a right-click popup.
static void entered_cell(const DecisionView& v, ViewContext& ctx, size_t i, size_t j) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    const Partner& p = plan.decision.partners[i];
    const Criterion& c = plan.decision.criteria[j];
    const Score* sc = find_score(plan.decision, p.id, c.id);
    ImGui::SetNextItemWidth(-FLT_MIN);
    std::optional<double> nv;
    if (field_optional("##v", sc ? std::optional<double>(sc->value) : std::nullopt, &nv) && nv)
        edit_score(edits, p.id, c.id, nv, std::nullopt, std::nullopt, "value");
    field_error_marker(ctx, score_key(p.id, c.id, "value"));
    if (ImGui::BeginItemTooltip()) {
        ImGui::Text("%s on \"%s\"%s", p.name.c_str(), c.name.c_str(), sc ? "" : ": no score yet, type one");
        if (v.ranked()) cell_contribution(v.analysis, i, j);
        ImGui::TextDisabled("Right-click for the low / high range (the rank-first Monte Carlo draws from it).");
        ImGui::EndTooltip();
    }
    if (sc && ImGui::BeginPopupContextItem("range")) {
        ImGui::TextDisabled("%s on \"%s\": likely %s", p.name.c_str(), c.name.c_str(),
                            format_number(sc->value).c_str());
        std::optional<double> lo;
        ImGui::SetNextItemWidth(em(8));
        if (field_optional("low", sc->low, &lo)) edit_score(edits, p.id, c.id, std::nullopt, lo, std::nullopt, "low");
        field_error_marker(ctx, score_key(p.id, c.id, "low"));
        std::optional<double> hi;
        ImGui::SetNextItemWidth(em(8));
        if (field_optional("high", sc->high, &hi))
            edit_score(edits, p.id, c.id, std::nullopt, std::nullopt, hi, "high");
        field_error_marker(ctx, score_key(p.id, c.id, "high"));
        if (ImGui::Button("Clear range"))
            edit_score(edits, p.id, c.id, std::nullopt, std::optional<double>(), std::optional<double>(), "range");
        ImGui::EndPopup();
    }
    if (!sc) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_warn()), "missing");
    } else if (sc->low || sc->high) {
        ImGui::TextDisabled("%s – %s", format_number(sc->low.value_or(sc->value)).c_str(),
                            format_number(sc->high.value_or(sc->value)).c_str());
    } else {
        ImGui::TextDisabled("no range");
    }
}

// Add partner / Add criterion, and how the weights are given.
static void draw_matrix_toolbar(DecisionView& v, const Plan& plan, Edits& edits) {
    const DecisionSection& s = plan.decision;
    if (ImGui::Button("Add partner")) push_add_partner(plan, edits, v);
    MF_TEST_ANCHOR("decision.add_partner");
    ImGui::SameLine();
    if (ImGui::Button("Add criterion")) push_add_criterion(plan, edits);
    MF_TEST_ANCHOR("decision.add_criterion");
    ImGui::SameLine();
    ImGui::TextDisabled("Weights: %s · right-click a partner or criterion for more",
                        s.weighting == Weighting::AHP ? "AHP (edit the pairwise judgements on the Criteria page)"
                                                      : "entered directly (any scale; shown normalised)");
}

// The matrix's columns. At full width: Partner, the criteria, then the three results. Too
// narrow for every criterion (a 1024-px window): the results come right after Partner and stay
// with it while the criteria scroll sideways, so the answer is always in view.
struct MatrixColumns {
    bool results_first = false;
    size_t criteria = 0;
    int partner() const { return 0; }
    int criterion(size_t j) const { return static_cast<int>(j) + (results_first ? 4 : 1); }
    int result(int k) const { return results_first ? 1 + k : static_cast<int>(criteria) + 1 + k; }
};
static MatrixColumns g_cols;  // of the matrix being drawn (set in draw_matrix_page)

// A criterion's unit as the header shows it: a cost per good part is in the plan's currency
// (whatever unit text the criterion carries, e.g. the template's "$/part"), else its own unit.
static std::string criterion_unit(const Criterion& c, const Plan& plan) {
    if (c.source == ScoreSource::CostPerGoodPart) return currency_symbol(plan.meta.currency) + "/good part";
    return c.unit;
}

// Header row 1: the criteria's names (tooltip: direction, source, scale; right-click menu) and the rankings'.
static void draw_criterion_names_row(DecisionView& v, const Plan& plan, Edits& edits, bool ranked) {
    const DecisionSection& s = plan.decision;
    const DecisionAnalysis& a = v.analysis;
    const size_t nc = s.criteria.size();
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    header_bg();
    ImGui::TableSetColumnIndex(g_cols.partner());
    ImGui::TextUnformatted("Partner");
    for (size_t j = 0; j < nc; ++j) {
        const Criterion& c = s.criteria[j];
        ImGui::TableSetColumnIndex(g_cols.criterion(j));
        ImGui::PushID(static_cast<int>(j));
        ImGui::TextWrapped("%s", c.name.c_str());
        const std::string unit = criterion_unit(c, plan);
        if (!unit.empty()) ImGui::TextDisabled("(%s)", unit.c_str());
        if (ImGui::BeginItemTooltip()) {
            ImGui::Text("%s", c.name.c_str());
            ImGui::TextDisabled("%s criterion (%s is better), %s", c.benefit ? "benefit" : "cost",
                                c.benefit ? "more" : "less", source_words(c.source));
            if (c.scale_min && c.scale_max)
                ImGui::TextDisabled("scale %s – %s", format_number(*c.scale_min).c_str(),
                                    format_number(*c.scale_max).c_str());
            if (ranked && j < a.weighted_sum.normalisation.size())
                ImGui::TextDisabled("weighted-sum normalisation: %s", a.weighted_sum.normalisation[j].c_str());
            ImGui::TextDisabled("right-click: move, delete");
            ImGui::EndTooltip();
        }
        criterion_menu(v, plan, edits, c, j);
        ImGui::PopID();
    }
    ImGui::TableSetColumnIndex(g_cols.result(0));
    ImGui::TextWrapped("Weighted sum");
    ImGui::TableSetColumnIndex(g_cols.result(1));
    ImGui::TextWrapped("TOPSIS (%s)", s.topsis_normalisation == TopsisNormalisation::Vector ? "vector" : "min-max");
    ImGui::TableSetColumnIndex(g_cols.result(2));
    ImGui::TextWrapped("P(first)");
}

// Header row 2: direction and source.
static void draw_criterion_directions_row(const DecisionSection& s) {
    const size_t nc = s.criteria.size();
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    header_bg();
    ImGui::TableSetColumnIndex(g_cols.partner());
    ImGui::TextDisabled("more / less is better");
    for (size_t j = 0; j < nc; ++j) {
        const Criterion& c = s.criteria[j];
        ImGui::TableSetColumnIndex(g_cols.criterion(j));
        ImGui::TextDisabled("%s %s", c.benefit ? "↑" : "↓",
                            c.source == ScoreSource::Entered ? c.unit.c_str() : "derived");
        if (c.source != ScoreSource::Entered && ImGui::BeginItemTooltip()) {
            ImGui::TextUnformatted(source_words(c.source));
            ImGui::EndTooltip();
        }
    }
    ImGui::TableSetColumnIndex(g_cols.result(0));
    ImGui::TextDisabled("score, #rank");
    ImGui::TableSetColumnIndex(g_cols.result(1));
    ImGui::TextDisabled("closeness");
    ImGui::TableSetColumnIndex(g_cols.result(2));
    ImGui::TextDisabled("simulated");
}

// The weight row: typed (direct weighting) or the AHP weights, each with its normalised share.
static void draw_weight_row(const DecisionView& v, ViewContext& ctx) {
    const DecisionSection& s = ctx.plan.decision;
    const DecisionAnalysis& a = v.analysis;
    Edits& edits = ctx.edits;
    const size_t nc = s.criteria.size();
    ImGui::TableNextRow();
    header_bg();
    ImGui::TableSetColumnIndex(g_cols.partner());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(s.weighting == Weighting::AHP ? "Weight (AHP)" : "Weight");
    help_marker("Weights are normalised to sum 1 before use; the share each criterion gets is shown under its field.");
    for (size_t j = 0; j < nc; ++j) {
        const Criterion& c = s.criteria[j];
        ImGui::TableSetColumnIndex(g_cols.criterion(j));
        ImGui::PushID(static_cast<int>(j));
        if (s.weighting == Weighting::Direct) {
            ImGui::SetNextItemWidth(-FLT_MIN);
            double w;
            const std::string key = field_key(c.id, "weight");
            if (field_double("##w", c.weight, &w, "%.4g"))
                edit_criterion(edits, "Set weight of " + c.name, key, c.id, [w](Criterion& x) { x.weight = w; });
            MF_TEST_ANCHOR(("decision.weight." + c.id).c_str());
            field_error_marker(ctx, key);
        }
        if (s.weighting == Weighting::AHP) ImGui::AlignTextToFramePadding();
        if (s.weighting == Weighting::AHP && !(a.ahp && a.ahp->errors.empty()))
            ImGui::TextDisabled("no AHP weights yet");
        else if (j < a.weights.size())
            ImGui::TextDisabled("= %.1f %%", 100.0 * a.weights[j]);
        ImGui::PopID();
    }
    for (int k = 0; k < 3; ++k) ImGui::TableSetColumnIndex(g_cols.result(k));
}

// The partner cell: the name wraps (long names are common); the whole cell selects the partner.
static void draw_partner_name_cell(DecisionView& v, const Plan& plan, Edits& edits, const Partner& p, size_t i) {
    ImGui::TableSetColumnIndex(g_cols.partner());
    const float line = ImGui::GetTextLineHeight(), indent = line * 0.9f;
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 name_size = ImGui::CalcTextSize(p.name.c_str(), nullptr, false, w - indent);
    if (ImGui::Selectable("##partner", v.partner_id == p.id, 0, ImVec2(0, name_size.y + line))) v.partner_id = p.id;
    if (ImGui::BeginItemTooltip()) {
        ImGui::Text("%s (%s)", p.name.c_str(), kind_label(p.kind));
        ImGui::TextDisabled("right-click: evidence and cost model, duplicate, move, delete");
        ImGui::EndTooltip();
    }
    partner_menu(v, plan, edits, p, i);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircleFilled(ImVec2(at.x + indent * 0.4f, at.y + line * 0.5f), line * 0.2f,
                        partner_colour(static_cast<int>(i)));
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + indent, at.y), ImGui::GetColorU32(ImGuiCol_Text),
                p.name.c_str(), nullptr, w - indent);
    dl->AddText(ImVec2(at.x + indent, at.y + name_size.y), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                kind_label(p.kind));
}

// A partner's scores: entered (editable) or derived (read-only), shaded by their normalised value.
static void draw_partner_score_cells(const DecisionView& v, ViewContext& ctx, size_t i, bool ranked, bool have_u) {
    const DecisionSection& s = ctx.plan.decision;
    const DecisionAnalysis& a = v.analysis;
    const Partner& p = s.partners[i];
    const size_t nc = s.criteria.size();
    for (size_t j = 0; j < nc; ++j) {
        const Criterion& c = s.criteria[j];
        ImGui::TableSetColumnIndex(g_cols.criterion(j));
        ImGui::PushID(static_cast<int>(j));
        if (have_u && j < a.weighted_sum.normalised[i].size()) {
            const double u = std::clamp(a.weighted_sum.normalised[i][j], 0.0, 1.0);
            ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, plot_color(2, 0.06f + 0.42f * static_cast<float>(u)));
        }
        if (c.source == ScoreSource::Entered) {
            entered_cell(v, ctx, i, j);
        } else {
            const double val = i < a.built.matrix.value.size() && j < a.built.matrix.value[i].size()
                ? a.built.matrix.value[i][j]
                : NAN;
            ImGui::AlignTextToFramePadding();
            if (std::isfinite(val)) {
                ImGui::TextUnformatted(c.source == ScoreSource::CostPerGoodPart
                                           ? format_money(val, ctx.plan.meta.currency).c_str()
                                           : format_count(val).c_str());
                ImGui::TextDisabled("derived");
            } else {
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "missing");
                ImGui::TextDisabled("see Partners");
            }
            if (ImGui::BeginItemTooltip()) {
                ImGui::Text("%s: %s", c.name.c_str(), source_words(c.source));
                if (ranked) cell_contribution(a, i, j);
                ImGui::TextDisabled("Edit it on the Partners page (evidence or cost model of %s).", p.name.c_str());
                ImGui::EndTooltip();
            }
        }
        ImGui::PopID();
    }
}

// A ranking beside the matrix: score and rank (green when first, "tied" when tied).
static void draw_rank_cell(const Partner& p, size_t i, bool ranked, const Ranking& r, const char* what, int column) {
    ImGui::TableSetColumnIndex(g_cols.result(column));
#ifdef MF_TEST_HOOKS
    {  // where the result is, to check it is in view at 1024 px
        const ImVec2 a = ImGui::GetCursorScreenPos();
        test_anchors()[std::string("decision.result.") + (column == 0 ? "ws." : "topsis.") + p.id] = {
            a.x, a.y, a.x + ImGui::GetColumnWidth(), a.y + ImGui::GetTextLineHeight()};
    }
#endif
    if (!ranked || i >= r.score.size()) {
        ImGui::TextDisabled("—");
        return;
    }
    const int rank = r.rank[i];
    if (rank == 1) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, with_alpha(plot_good(), 0.18f));
    ImGui::Text("%.3f", r.score[i]);
    ImGui::SameLine();
    if (r.tied[i])
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_warn()), "#%d tied", rank);
    else
        ImGui::Text("#%d", rank);
    if (ImGui::BeginItemTooltip()) {
        ImGui::Text("%s %s: %.6f, rank %d%s", p.name.c_str(), what, r.score[i], rank,
                    r.tied[i] ? " (tied: same score within 1e-9)" : "");
        ImGui::EndTooltip();
    }
}

// P(first) from the Monte Carlo, or its progress.
static void draw_p_first_cell(const DecisionView& v, const RankFirstResult* mc, const Partner& p, size_t i) {
    ImGui::TableSetColumnIndex(g_cols.result(2));
    if (mc && i < mc->p_first.size()) {
        ImGui::TextUnformatted(format_probability(mc->p_first[i]).c_str());
        if (ImGui::BeginItemTooltip()) {
            ImGui::Text("P(%s ranks first) = %.4f, 95 %% interval %.4f – %.4f", p.name.c_str(), mc->p_first[i],
                        mc->ci95[i].lower, mc->ci95[i].upper);
            ImGui::Text("mean rank %.3f over %zu samples (%zu ranged scores, seed %llu)", mc->mean_rank[i], mc->samples,
                        mc->ranged_cells, static_cast<unsigned long long>(mc->seed));
            ImGui::EndTooltip();
        }
    } else if (v.mc.running()) {
        ImGui::TextDisabled("%.0f %%…", 100.0 * v.mc.progress());
    } else {
        ImGui::TextDisabled("—");
    }
}

void draw_matrix_page(DecisionView& v, ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    const DecisionSection& s = plan.decision;
    const DecisionAnalysis& a = v.analysis;
    const RankFirstResult* mc = v.mc_result();
    draw_programme_settings(ctx);
    draw_matrix_toolbar(v, plan, edits);

    const size_t na = s.partners.size(), nc = s.criteria.size();
    const bool ranked = v.ranked();
    const bool have_u = ranked && a.weighted_sum.normalised.size() == na;
    const int ncols = static_cast<int>(nc) + 4;
    if (ncols > 64) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "Too many criteria to show as a table (%zu).",
                           nc);
        return;
    }
    ImGui::TextDisabled(
        "Cell shade: how good the value is on its criterion, as the weighted sum normalises it (pale = "
        "worst, dark = best). Ranks: 1 = best; \"tied\" = equal scores, never broken silently.");
    if (ranked && mc && mc->ranged_cells == 0)
        ImGui::TextDisabled("P(first) is certain: no score has a low/high range (right-click a score to give one).");

    // Too narrow for every criterion column: scroll sideways (the partner column stays).
    const float min_width = em(10.5f + 5.6f + 5.6f + 5.2f) + static_cast<float>(nc) * em(7.0f);
    const bool scroll = ImGui::GetContentRegionAvail().x < min_width;
    ImGuiTableFlags flags =
        ImGuiTableFlags_BordersInner | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_SizingFixedFit;
    if (scroll) flags |= ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY;
    // Scrolling tables need a height: fill the page, leaving a line for the Monte Carlo controls.
    const ImVec2 outer(0, scroll ? -ImGui::GetFrameHeightWithSpacing() * 1.5f : 0.0f);
    table_out("decision.matrix", plan.meta.name, [&] { return decision_matrix_table(a, s, mc); });
    if (!ImGui::BeginTable("matrix", ncols, flags, outer, scroll ? min_width : 0.0f)) return;
    g_cols = MatrixColumns{scroll, nc};
    if (scroll) ImGui::TableSetupScrollFreeze(4, 0);  // Partner and the results stay
    ImGui::TableSetupColumn("Partner", ImGuiTableColumnFlags_WidthFixed, em(10.5f));
    auto results = [] {
        ImGui::TableSetupColumn("Weighted sum", ImGuiTableColumnFlags_WidthFixed, em(5.6f));
        ImGui::TableSetupColumn("TOPSIS", ImGuiTableColumnFlags_WidthFixed, em(5.6f));
        ImGui::TableSetupColumn("P(first)", ImGuiTableColumnFlags_WidthFixed, em(5.2f));
    };
    if (scroll) results();
    for (size_t j = 0; j < nc; ++j)
        ImGui::TableSetupColumn(s.criteria[j].id.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    if (!scroll) results();

    draw_criterion_names_row(v, plan, edits, ranked);
    draw_criterion_directions_row(s);
    draw_weight_row(v, ctx);

    // Partner rows.
    for (size_t i = 0; i < na; ++i) {
        const Partner& p = s.partners[i];
        ImGui::TableNextRow();
        ImGui::PushID(p.id.c_str());
        draw_partner_name_cell(v, plan, edits, p, i);
        draw_partner_score_cells(v, ctx, i, ranked, have_u);
        draw_rank_cell(p, i, ranked, a.weighted_sum.ranking, "weighted sum", 0);
        draw_rank_cell(p, i, ranked, a.topsis.ranking, "TOPSIS closeness", 1);
        draw_p_first_cell(v, mc, p, i);
        ImGui::PopID();
    }
    ImGui::EndTable();
    draw_monte_carlo_controls(v);  // below the table, so a short run never moves the fields
}

}  // namespace decision_ui
}  // namespace mf

// [SECTION] Sensitivity page: flip-weight tornado, rank-first Monte Carlo
// [SECTION] Cost page: cost per good part vs volume (log–log), crossovers, cheapest bands
// [SECTION] Cost page: costs at the standard volumes, split plan
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "busy.h"
#include "plot.h"
#include "style.h"
#include "table_out.h"
#include "test_hooks.h"
#include "views/decision_parts.h"
#include "widgets.h"

namespace mf::decision_ui {

static std::string partner_names(const Plan& plan, const std::vector<int>& idx) {
    std::string s;
    for (int i : idx)
        if (i >= 0 && static_cast<size_t>(i) < plan.decision.partners.size())
            s += (s.empty() ? "" : " and ") + plan.decision.partners[static_cast<size_t>(i)].name;
    return s;
}

static void legend_chip(ImU32 colour, const char* text) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + h * 1.2f, p.y + h * 0.8f),
                                              colour);
    ImGui::Dummy(ImVec2(h * 1.3f, h));
    ImGui::SameLine(0, em(0.2f));
    ImGui::TextUnformatted(text);
}

// [SECTION] Sensitivity ------------------------------------------------------------------------

// Top tied: the tie breaks as soon as one weight moves; per criterion, who leads when it is
// lowered or raised, and where that lead ends (core/decision/sensitivity.h).
static std::string tied_side(const Plan& plan, const std::optional<double>& at, const std::vector<int>& who,
                             bool breaks, const std::optional<double>& then, const std::vector<int>& then_who,
                             bool upward) {
    char b[64];
    if (breaks) {
        std::string t = partner_names(plan, who) + " leads";
        if (then) {
            std::snprintf(b, sizeof b, " until %.3f, then ", *then);
            t += b + partner_names(plan, then_who);
        } else {
            t += upward ? " up to 1" : " down to 0";
        }
        return t;
    }
    if (!at) return "the tie holds";
    std::snprintf(b, sizeof b, "the tie holds until %.3f, then ", *at);
    return b + partner_names(plan, who);
}

static void tied_flip_table(const WeightFlipResult& f, const Plan& plan) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_warn()), "The weighted sum has a tie for first:");
    ImGui::SameLine();
    ImGui::TextWrapped(
        "%s. The tie breaks as soon as one weight moves from where it is now; below, who leads "
        "when each weight is lowered or raised (the others rescaled proportionally).",
        partner_names(plan, f.tied_top).c_str());
    MF_TEST_ANCHOR("decision.flips.tied");
    // The cells' words first (published for the tests even when the table is scrolled away).
    std::vector<std::string> lowered, raised;
    for (const auto& x : f.flips) {
        lowered.push_back(
            tied_side(plan, x.down, x.down_new_top, x.down_tie_breaks, x.down_then, x.down_then_new_top, false));
        raised.push_back(tied_side(plan, x.up, x.up_new_top, x.up_tie_breaks, x.up_then, x.up_then_new_top, true));
        const std::string& id = plan.decision.criteria[x.criterion].id;
        MF_TEST_TEXT("decision.flips.tied.lowered." + id, lowered.back());
        MF_TEST_TEXT("decision.flips.tied.raised." + id, raised.back());
    }
    if (!ImGui::BeginTable("tied_flips", 4,
                           ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupColumn("Criterion", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Weight now", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Lowered", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Raised", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableHeadersRow();
    for (size_t r = 0; r < f.flips.size(); ++r) {
        const WeightFlip& x = f.flips[r];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(plan.decision.criteria[x.criterion].name.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.3f", x.weight);
        for (const std::string* t : {&lowered[r], &raised[r]}) {
            ImGui::TableNextColumn();
            if (x.applicable)
                ImGui::TextWrapped("%s", t->c_str());
            else
                ImGui::TextDisabled("not applicable");
        }
    }
    ImGui::EndTable();
}

static void tornado(const DecisionView& v, const Plan& plan) {
    const DecisionSection& s = plan.decision;
    const WeightFlipResult& f = v.analysis.flips;
    if (!f.errors.empty() || f.flips.empty()) {
        ImGui::TextDisabled("No weight sensitivity: %s", f.errors.empty() ? "no criteria" : f.errors.front().c_str());
        return;
    }
    if (f.top_tied) {
        tied_flip_table(f, plan);
        return;
    }
    const int top = f.top;
    const std::string top_name = s.partners[static_cast<size_t>(top)].name;
    ImGui::TextWrapped(
        "Each bar is one criterion's weight from 0 to 1 (the other weights rescaled proportionally). "
        "\"%s\" stays first over the pale middle part; past a flip point (the ends, coloured by who takes "
        "over) the ranking changes. ◆ = the weight now. Most sensitive criteria on top.",
        top_name.c_str());

    // Most sensitive first: the smallest distance from the weight now to a flip.
    std::vector<size_t> order;
    for (size_t k = 0; k < f.flips.size(); ++k) order.push_back(k);
    auto margin = [&](const WeightFlip& x) {
        double m = 2;
        if (!x.applicable) return 3.0;
        if (x.up) m = std::min(m, *x.up - x.weight);
        if (x.down) m = std::min(m, x.weight - *x.down);
        return m;
    };
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const double ma = margin(f.flips[a]), mb = margin(f.flips[b]);
        return ma < mb || (ma == mb && a < b);  // ties in criterion order
    });
    const int n = static_cast<int>(order.size());
    // y = n − 1 − position: the most sensitive at the top.
    std::vector<std::string> names(static_cast<size_t>(n));
    std::vector<const char*> labels(static_cast<size_t>(n));
    for (int r = 0; r < n; ++r) {
        const size_t k = order[static_cast<size_t>(r)];
        std::string nm = f.flips[k].criterion < s.criteria.size() ? s.criteria[f.flips[k].criterion].name : "?";
        if (nm.size() > 34) nm = nm.substr(0, 32) + "…";
        names[static_cast<size_t>(n - 1 - r)] = nm;
    }
    for (int i = 0; i < n; ++i) labels[static_cast<size_t>(i)] = names[static_cast<size_t>(i)].c_str();

    PlotAxes ax;
    ax.x_min = 0;
    ax.x_max = 1;
    ax.y_min = -0.6;
    ax.y_max = n - 0.4;
    ax.x_label = "weight of the criterion (others rescaled proportionally)";
    ax.y_categories = labels.data();
    ax.y_category_count = n;
    Plot p;
    if (!p.begin("tornado", ImVec2(-1, em(2.0f) * static_cast<float>(n) + em(3.2f)), ax)) return;
    MF_TEST_ANCHOR("decision.tornado");
    ImDrawList* dl = p.draw_list();
    const float font = ImGui::GetFontSize();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    for (int r = 0; r < n; ++r) {
        const WeightFlip& x = f.flips[order[static_cast<size_t>(r)]];
        const double y = n - 1 - r;
        if (!x.applicable) {
            p.text(0.01, y + 0.25, "not applicable: this criterion carries all the weight",
                   ImGui::GetColorU32(ImGuiCol_TextDisabled));
            continue;
        }
        const double lo = x.down.value_or(0.0), hi = x.up.value_or(1.0);
        if (x.down && !x.down_new_top.empty()) p.hbar(y, 0, lo, 0.62, partner_colour(x.down_new_top[0], 0.75f));
        p.hbar(y, lo, hi, 0.62, partner_colour(top, 0.22f));
        if (x.up && !x.up_new_top.empty()) p.hbar(y, hi, 1, 0.62, partner_colour(x.up_new_top[0], 0.75f));
        p.marker(x.weight, y, text, Marker::Diamond, font * 0.33f);
        auto label_at = [&](double at, bool right_of) {
            const std::string t = format_number(at, 3);
            const ImVec2 c = p.to_screen(at, y);
            const float w = ImGui::CalcTextSize(t.c_str()).x;
            // Left of a downward flip unless that leaves the chart; right of an upward one.
            if (!right_of && c.x - w - 3 < p.to_screen(0, y).x) right_of = true;
            dl->AddText(ImVec2(right_of ? c.x + 3 : c.x - w - 3, c.y - font * 0.5f), text, t.c_str());
        };
        if (x.down) label_at(*x.down, false);
        if (x.up) label_at(*x.up, true);
    }
    if (p.hovered()) {
        const int row = static_cast<int>(std::lround(p.mouse_y()));
        const int r = n - 1 - row;
        if (r >= 0 && r < n) {
            const WeightFlip& x = f.flips[order[static_cast<size_t>(r)]];
            const std::string& cname = s.criteria[x.criterion].name;
            ImGui::BeginTooltip();
            ImGui::Text("%s: weight now %.3f", cname.c_str(), x.weight);
            if (!x.applicable) ImGui::TextUnformatted("not applicable");
            if (x.up)
                ImGui::Text("raise it to %.3f and %s takes first place", *x.up,
                            partner_names(plan, x.up_new_top).c_str());
            else if (x.applicable)
                ImGui::Text("raising it never changes the winner (never in [0, 1])");
            if (x.down)
                ImGui::Text("lower it to %.3f and %s takes first place", *x.down,
                            partner_names(plan, x.down_new_top).c_str());
            else if (x.applicable)
                ImGui::Text("lowering it never changes the winner (never in [0, 1])");
            ImGui::EndTooltip();
        }
    }
    p.end();
    // Legend: the winner and whoever takes over somewhere.
    std::vector<bool> shown(s.partners.size(), false);
    shown[static_cast<size_t>(top)] = true;
    for (const auto& x : f.flips) {
        for (int i : x.up_new_top) shown[static_cast<size_t>(i)] = true;
        for (int i : x.down_new_top) shown[static_cast<size_t>(i)] = true;
    }
    for (size_t i = 0; i < s.partners.size(); ++i) {
        if (!shown[i]) continue;
        const std::string t =
            static_cast<int>(i) == top ? s.partners[i].name + " keeps first" : s.partners[i].name + " takes first";
        legend_chip(partner_colour(static_cast<int>(i), static_cast<int>(i) == top ? 0.22f : 0.75f), t.c_str());
        ImGui::SameLine(0, em(1.2f));
    }
    ImGui::NewLine();
}

static void flip_table(const DecisionView& v, const Plan& plan) {
    const WeightFlipResult& f = v.analysis.flips;
    if (f.flips.empty() || f.top_tied) return;
    if (!ImGui::BeginTable("flips", 5,
                           ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupColumn("Criterion", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Weight now", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Flips below", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Flips above", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("Margin", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableHeadersRow();
    for (const auto& x : f.flips) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(plan.decision.criteria[x.criterion].name.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.3f", x.weight);
        ImGui::TableNextColumn();
        if (!x.applicable)
            ImGui::TextDisabled("not applicable");
        else if (x.down)
            ImGui::Text("%.3f → %s", *x.down, partner_names(plan, x.down_new_top).c_str());
        else
            ImGui::TextDisabled("never in [0, 1]");
        ImGui::TableNextColumn();
        if (!x.applicable)
            ImGui::TextDisabled("not applicable");
        else if (x.up)
            ImGui::Text("%.3f → %s", *x.up, partner_names(plan, x.up_new_top).c_str());
        else
            ImGui::TextDisabled("never in [0, 1]");
        ImGui::TableNextColumn();
        double m = 2;
        if (x.up) m = std::min(m, *x.up - x.weight);
        if (x.down) m = std::min(m, x.weight - *x.down);
        if (!x.applicable || m > 1) {
            ImGui::TextDisabled("—");
        } else {
            if (m < 0.05)
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_warn()), "%.3f close", m);
            else
                ImGui::Text("%.3f", m);
        }
    }
    ImGui::EndTable();
}

static void rank_first(DecisionView& v, const Plan& plan) {
    const auto& ps = plan.decision.partners;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Samples");
    ImGui::SameLine();
    static const int kSamples[] = {2000, 20000, 200000, 1000000};
    ImGui::SetNextItemWidth(em(8));
    if (ImGui::BeginCombo("##samples", format_count(v.mc_samples).c_str())) {
        for (int n : kSamples)
            if (ImGui::Selectable(format_count(n).c_str(), n == v.mc_samples)) v.mc_samples = n;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::TextDisabled("seed 1 (as the command line: mfplan decide --samples N)");
    draw_monte_carlo_controls(v);
    if (!v.mc_result()) return;
    const RankFirstResult& r = *v.mc_result();
    if (!r.errors.empty()) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "Monte Carlo: %s", r.errors.front().c_str());
        return;
    }
    if (r.ranged_cells == 0)
        ImGui::TextDisabled(
            "No entered score has a low/high range, so the winner is certain. Give scores a range (right-click "
            "a score in the matrix, or on the Partners page) to see how sure the ranking is.");
    else
        ImGui::TextDisabled(
            "%zu scores drawn from triangular(low, likely, high), independently; %zu samples. "
            "A tie for first splits the sample.",
            r.ranged_cells, r.samples);
    if (!ImGui::BeginTable("pfirst", 4, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("Partner", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("P(ranks first)", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("95 % interval", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("Mean rank", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < ps.size() && i < r.p_first.size(); ++i) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ps[i].name.c_str());
        ImGui::TableNextColumn();
        char overlay[32];
        std::snprintf(overlay, sizeof overlay, "%s", format_probability(r.p_first[i]).c_str());
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, partner_colour(static_cast<int>(i), 0.8f));
        ImGui::ProgressBar(static_cast<float>(r.p_first[i]), ImVec2(-FLT_MIN, 0), overlay);
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        ImGui::Text("%s – %s", format_number(r.ci95[i].lower, 3).c_str(), format_number(r.ci95[i].upper, 3).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.2f", r.mean_rank[i]);
    }
    ImGui::EndTable();
}

void draw_sensitivity_page(DecisionView& v, ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    if (!v.ranked()) {
        ImGui::TextDisabled("The sensitivity needs a ranked matrix: fix the problems listed above first.");
        return;
    }
    ImGui::SeparatorText("Weight sensitivity: where the winner changes");
    tornado(v, plan);
    flip_table(v, plan);
    ImGui::SeparatorText("How sure: probability of ranking first (weighted sum, score ranges)");
    rank_first(v, plan);
}

// [SECTION] Cost chart -------------------------------------------------------------------------

static CostInputs inputs_of(const Plan& plan, int partner) {
    return cost_inputs(plan.decision, plan.decision.partners[static_cast<size_t>(partner)]);
}

static void cost_chart(DecisionView& v, const Plan& plan) {
    const DecisionAnalysis& a = v.analysis;
    const DecisionSection& s = plan.decision;
    const CrossoverResult& cx = a.crossovers;
    double y_lo = INFINITY, y_hi = 0, x_lo = INFINITY, x_hi = 0;
    for (const auto& c : v.curves)
        for (size_t k = 0; k < c.per_part.size(); ++k) {
            y_lo = std::min(y_lo, c.per_part[k]);
            y_hi = std::max(y_hi, c.per_part[k]);
            x_lo = std::min(x_lo, c.volume[k]);
            x_hi = std::max(x_hi, c.volume[k]);
        }
    if (!(y_hi > 0) || !(x_hi > x_lo)) {
        ImGui::TextDisabled("No cost curve to draw (check the cost models: yield, price breaks).");
        return;
    }
    PlotAxes ax;
    ax.log_x = ax.log_y = true;
    ax.x_min = x_lo;
    ax.x_max = x_hi;
    ax.y_min = std::pow(10.0, std::floor(std::log10(y_lo)));
    ax.y_max = std::pow(10.0, std::ceil(std::log10(y_hi)));
    if (ax.y_max <= ax.y_min) ax.y_max = ax.y_min * 10;
    ax.x_label = "good parts over the programme (log scale)";
    ImGui::TextDisabled(
        "All-in cost per good part (log scale) against the volume: hover for the figures at any volume.");
    Plot p;
    if (!p.begin("cost_chart", ImVec2(-1, em(22)), ax)) return;
    MF_TEST_ANCHOR("decision.cost_chart");
    ImDrawList* dl = p.draw_list();
    const float font = ImGui::GetFontSize();
    // Cheapest partner per volume band: a strip along the bottom of the chart.
    const float strip_y1 = p.to_screen(ax.x_min, ax.y_min).y, strip_y0 = strip_y1 - font * 0.55f;
    for (const auto& b : cx.bands) {
        if (b.cheapest.empty()) continue;
        const int who = a.cost_partners[static_cast<size_t>(b.cheapest[0])];
        const float x0 = p.to_screen(std::max(b.from, ax.x_min), 1).x, x1 = p.to_screen(std::min(b.to, ax.x_max), 1).x;
        dl->AddRectFilled(ImVec2(x0, strip_y0), ImVec2(x1, strip_y1),
                          partner_colour(who, b.cheapest.size() > 1 ? 0.35f : 0.9f));
    }
    if (s.planned_volume >= ax.x_min && s.planned_volume <= ax.x_max)
        p.vline(s.planned_volume, ImGui::GetColorU32(ImGuiCol_TextDisabled), "planned", 1.0f);
    for (const auto& c : v.curves)
        p.line(c.volume.data(), c.per_part.data(), static_cast<int>(c.volume.size()), partner_colour(c.partner), 2.0f);
    // Crossovers: ● where the curves cross, ◆ where a jump changes the order.
    const ImU32 mark = ImGui::GetColorU32(ImGuiCol_Text);
    const Crossover* near = nullptr;
    float near_d = font * 0.6f;
    for (const auto& c : cx.crossings) {
        const int pa = a.cost_partners[static_cast<size_t>(c.a)];
        const double y = programme_cost(inputs_of(plan, pa), c.volume).per_good_part;
        if (!(y > 0)) continue;
        p.marker(c.volume, y, mark, c.jump ? Marker::Diamond : Marker::Circle, font * 0.28f);
        if (p.hovered()) {
            const ImVec2 sc = p.to_screen(c.volume, y), m = ImGui::GetIO().MousePos;
            const float d = std::hypot(sc.x - m.x, sc.y - m.y);
            if (d < near_d) {
                near_d = d;
                near = &c;
            }
        }
    }
    if (p.hovered()) {
        const double vol = std::max(1.0, std::round(p.mouse_x()));  // parts come whole
        ImGui::BeginTooltip();
        if (near) {
            const auto& ps = s.partners;
            const int pa = a.cost_partners[static_cast<size_t>(near->a)],
                      pb = a.cost_partners[static_cast<size_t>(near->b)];
            ImGui::Text("Crossover of %s and %s: from %s good parts", ps[static_cast<size_t>(pa)].name.c_str(),
                        ps[static_cast<size_t>(pb)].name.c_str(), format_whole_parts(near->volume).c_str());
            ImGui::TextDisabled("%s%s", near->jump ? "a jump: " : "continuous",
                                near->jump ? describe_jumps(near->causes).c_str() : "");
            ImGui::Separator();
        }
        ImGui::Text("%s good parts", format_count(vol).c_str());
        double best = INFINITY;
        std::vector<std::pair<double, int>> rows;
        for (int k : a.cost_partners) {
            const double c = programme_cost(inputs_of(plan, k), vol).per_good_part;
            rows.push_back({c, k});
            best = std::min(best, c);
        }
        std::sort(rows.begin(), rows.end());
        for (const auto& [c, k] : rows) {
            ImGui::PushStyleColor(ImGuiCol_Text, partner_colour(k));
            ImGui::Bullet();
            ImGui::PopStyleColor();
            ImGui::SameLine();
            ImGui::Text("%s: %s per good part%s", s.partners[static_cast<size_t>(k)].name.c_str(),
                        format_money(c).c_str(), c == best ? " (cheapest)" : "");
        }
        ImGui::EndTooltip();
    }
    p.end();
    // Legend.
    for (const auto& c : v.curves) {
        legend_chip(partner_colour(c.partner), s.partners[static_cast<size_t>(c.partner)].name.c_str());
        ImGui::SameLine(0, em(1.2f));
    }
    ImGui::TextDisabled("● crossover  ◆ crossover at a jump  bottom strip: cheapest partner per volume");
    for (const auto& c : v.curves)
        if (c.too_many_jumps)
            ImGui::TextDisabled(
                "%s: too many lot / batch jumps to draw one by one; the curve is sampled (crossovers are exact).",
                s.partners[static_cast<size_t>(c.partner)].name.c_str());
}

static void cost_tables(DecisionView& v, const Plan& plan) {
    const DecisionAnalysis& a = v.analysis;
    const auto& ps = plan.decision.partners;
    if (a.costs.empty()) return;
    ImGui::SeparatorText("All-in cost per good part");
    ImGui::Checkbox("Show every cost component", &v.show_breakdown);
    const size_t nv = shown_volume_count(a.volumes);
    table_out("decision.cost", plan.meta.name, [&] { return cost_table(a, plan.decision); });
    if (ImGui::BeginTable("costs", static_cast<int>(nv) + 1,
                          ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("Partner", ImGuiTableColumnFlags_WidthStretch, 2);
        for (size_t k = 0; k < nv; ++k) {
            const std::string h =
                format_count(a.volumes[k]) + " parts" + (is_planned_column(a.volumes, k) ? " (planned)" : "");
            ImGui::TableSetupColumn(h.c_str(), ImGuiTableColumnFlags_WidthStretch, 1);
        }
        ImGui::TableHeadersRow();
        for (size_t r = 0; r < a.costs.size(); ++r) {
            const int pi = a.cost_partners[r];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, partner_colour(pi));
            ImGui::Bullet();
            ImGui::PopStyleColor();
            ImGui::SameLine();
            ImGui::TextUnformatted(ps[static_cast<size_t>(pi)].name.c_str());
            for (size_t k = 0; k < nv && k < a.costs[r].size(); ++k) {
                const CostBreakdown& c = a.costs[r][k];
                double best = INFINITY;
                for (const auto& row : a.costs)
                    if (k < row.size()) best = std::min(best, row[k].per_good_part);
                ImGui::TableNextColumn();
                if (c.per_good_part == best)
                    ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, with_alpha(plot_good(), 0.18f));
                ImGui::BeginGroup();
                ImGui::Text("%s%s", format_money(c.per_good_part).c_str(), c.per_good_part == best ? "  cheapest" : "");
                ImGui::TextDisabled("total %s", format_money(c.total).c_str());
                ImGui::EndGroup();
                const bool hovered = ImGui::IsItemHovered();
                const struct {
                    const char* name;
                    double value;
                } parts[] = {{"NRE", c.nre},
                             {"revisions", c.revisions},
                             {"capability study", c.capability_study},
                             {"capital", c.capital},
                             {"tooling", c.tooling},
                             {"lot fees", c.lot_fees},
                             {"re-qualification", c.requalification},
                             {"quarterly", c.quarterly},
                             {"parts", c.parts},
                             {"rework", c.rework},
                             {"scrap", c.scrap}};
                auto components = [&] {
                    ImGui::TextDisabled(
                        "%s started (yield %.1f %%), unit price %s, %s lots, %s tool sets, %s batches, %s quarters",
                        format_count(c.started).c_str(), 100 * c.effective_yield, format_money(c.unit_price).c_str(),
                        format_count(c.lots).c_str(), format_count(c.tool_sets).c_str(),
                        format_count(c.batches).c_str(), format_count(c.quarters).c_str());
                    for (const auto& x : parts)
                        if (x.value != 0) ImGui::Text("%s %s", x.name, format_money(x.value).c_str());
                };
                if (v.show_breakdown) {
                    ImGui::PushTextWrapPos(0);
                    for (const auto& x : parts)
                        if (x.value != 0) ImGui::TextDisabled("%s %s", x.name, format_money(x.value).c_str());
                    ImGui::PopTextWrapPos();
                } else if (hovered) {
                    ImGui::BeginTooltip();
                    components();
                    ImGui::EndTooltip();
                }
            }
        }
        ImGui::EndTable();
    }
}

static void crossover_tables(const DecisionView& v, const Plan& plan) {
    const DecisionAnalysis& a = v.analysis;
    const CrossoverResult& cx = a.crossovers;
    const auto& ps = plan.decision.partners;
    auto pname = [&](int cost_index) {
        return ps[static_cast<size_t>(a.cost_partners[static_cast<size_t>(cost_index)])].name;
    };
    ImGui::SeparatorText("Cheapest partner per volume");
    // In whole parts: a band from 123.4 to 500 good parts holds 124 … 499 (500 starts the next).
    for (size_t i = 0; i < cx.bands.size(); ++i) {
        const CostBand& b = cx.bands[i];
        const WholeBand w = whole_parts_band(b.from, b.to, i + 1 == cx.bands.size());
        if (w.first > w.last) continue;  // narrower than one part: no volume one could order
        std::string who;
        for (int k : b.cheapest) who += (who.empty() ? "" : " = ") + pname(k);
        char line[320];
        std::snprintf(line, sizeof line, "%s%s%s good part%s: %s%s", format_count(w.first).c_str(),
                      w.last > w.first ? " – " : "", w.last > w.first ? format_count(w.last).c_str() : "",
                      w.last > w.first || w.first != 1 ? "s" : "", who.c_str(), b.cheapest.size() > 1 ? " (tied)" : "");
        ImGui::Bullet();
        ImGui::TextUnformatted(line);
        MF_TEST_TEXT("decision.band." + std::to_string(i), line);
    }
    char title[96];
    std::snprintf(title, sizeof title, "Crossover volumes (%zu, exact, %s – %s parts)", cx.crossings.size(),
                  format_whole_parts(cx.v_lo).c_str(), format_count(std::floor(cx.v_hi)).c_str());
    ImGui::SeparatorText(title);
    for (const auto& e : cx.errors) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "%s", e.c_str());
    if (cx.truncated)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_warn()),
                           "List incomplete: the search stopped at its cap.");
    if (cx.crossings.empty()) {
        ImGui::TextDisabled("No crossings: the order of the partners never changes in this range.");
        return;
    }
    const float row = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2 + 1;
    const float h = std::min(static_cast<float>(cx.crossings.size()) + 1.3f, 14.0f) * row;
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
        ImGuiTableFlags_SizingStretchProp;
    table_out("decision.crossovers", plan.meta.name, [&] { return crossover_table(a, plan.decision); });
    if (!ImGui::BeginTable("crossings", 4, flags, ImVec2(0, h))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("From (good parts)", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("Partners", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthStretch, 2.5f);
    ImGui::TableSetupColumn("Cheaper from there", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(cx.crossings.size()));
    while (clip.Step())
        for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
            const Crossover& c = cx.crossings[static_cast<size_t>(r)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            // The first whole number of parts past the crossing; the exact volume on hover.
            ImGui::TextUnformatted(format_whole_parts(c.volume).c_str());
            ImGui::SetItemTooltip("The costs cross at %s good parts", format_number(c.volume, 6).c_str());
            MF_TEST_TEXT("decision.crossing." + std::to_string(r), format_whole_parts(c.volume));
            ImGui::TableNextColumn();
            ImGui::Text("%s / %s", pname(c.a).c_str(), pname(c.b).c_str());
            ImGui::TableNextColumn();
            if (c.jump)
                ImGui::Text("jump: %s", describe_jumps(c.causes).c_str());
            else
                ImGui::TextUnformatted("continuous");
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(pname(c.cheaper_above).c_str());
        }
    ImGui::EndTable();
}

// [SECTION] Split plan -------------------------------------------------------------------------

static void split_plan(const DecisionView& v, ViewContext& ctx) {
    Edits& edits = ctx.edits;
    const DecisionSection& s = ctx.plan.decision;
    const DecisionAnalysis& a = v.analysis;
    ImGui::SeparatorText("Split plan: one partner until N parts, then transfer");
    auto partner_combo = [&](const char* id, const std::string& current, int resolved, bool from) {
        std::string shown = current.empty()
            ? (resolved >= 0 ? s.partners[static_cast<size_t>(resolved)].name + " (default)" : "(none)")
            : std::string("?");
        for (const auto& p : s.partners)
            if (p.id == current) shown = p.name;
        ImGui::SetNextItemWidth(em(20));
        if (ImGui::BeginCombo(id, shown.c_str())) {
            if (ImGui::Selectable(from ? "(default: the first boutique)" : "(default: the first full-service CM)",
                                  current.empty()))
                edit_section(edits, "Split: default partner", "",
                             [from](DecisionSection& x) { (from ? x.split.from : x.split.to).clear(); });
            for (const auto& p : s.partners) {
                if (!p.cost) continue;
                if (ImGui::Selectable(p.name.c_str(), p.id == current)) {
                    const std::string pid = p.id;
                    edit_section(edits, from ? "Split: first partner" : "Split: second partner", "",
                                 [from, pid](DecisionSection& x) { (from ? x.split.from : x.split.to) = pid; });
                }
            }
            ImGui::EndCombo();
        }
    };
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("From");
    ImGui::SameLine();
    partner_combo("##from", s.split.from, a.split_from, true);
    ImGui::SameLine();
    ImGui::TextUnformatted("then");
    ImGui::SameLine();
    partner_combo("##to", s.split.to, a.split_to, false);

    if (ImGui::BeginTable("split_settings", 4, ImGuiTableFlags_SizingStretchProp, ImVec2(em(44), 0))) {
        ImGui::TableSetupColumn("l1", ImGuiTableColumnFlags_WidthFixed, em(10));
        ImGui::TableSetupColumn("v1", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("l2", ImGuiTableColumnFlags_WidthFixed, em(10));
        ImGui::TableSetupColumn("v2", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        struct F {
            const char* label;
            double SplitSettings::*member;
        };
        const F fields[] = {{"Transfer cost, low", &SplitSettings::transfer_cost_low},
                            {"Transfer cost, high", &SplitSettings::transfer_cost_high},
                            {"Delay weeks, low", &SplitSettings::delay_weeks_low},
                            {"Delay weeks, high", &SplitSettings::delay_weeks_high},
                            {"Cost per week of delay", &SplitSettings::delay_cost_per_week}};
        for (size_t k = 0; k < 5; ++k) {
            if (k % 2 == 0) ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(fields[k].label);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            double d;
            ImGui::PushID(static_cast<int>(k));
            const std::string key = field_key("", std::string("split.") + fields[k].label);
            if (field_double("##f", s.split.*(fields[k].member), &d, "%.6g")) {
                auto m = fields[k].member;
                edit_section(edits, std::string("Set ") + fields[k].label, key,
                             [m, d](DecisionSection& x) { x.split.*m = d; });
            }
            field_error_marker(ctx, key);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (!a.split) {
        ImGui::TextDisabled(
            "No split plan: it needs two different partners with cost models (by default the first boutique "
            "and the first full-service CM).");
        return;
    }
    const SplitResult& r = *a.split;
    for (const auto& e : r.errors) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "%s", e.c_str());
    if (!r.possible) {
        ImGui::TextDisabled("A split needs a planned volume of at least 2 parts.");
        return;
    }
    const std::string from = s.partners[static_cast<size_t>(a.split_from)].name,
                      to = s.partners[static_cast<size_t>(a.split_to)].name;
    ImGui::Text("Best transfer point: %s makes the first %s good parts, %s the remaining %s.", from.c_str(),
                format_count(r.best_n).c_str(), to.c_str(), format_count(r.volume - r.best_n).c_str());
    ImGui::Text("Programme total %s (transfer and delay low %s, high %s).", format_money(r.total_best_mid).c_str(),
                format_money(r.total_best_low).c_str(), format_money(r.total_best_high).c_str());
    ImGui::Text("Everything by %s: %s · everything by %s: %s.", from.c_str(), format_money(r.from_only_total).c_str(),
                to.c_str(), format_money(r.to_only_total).c_str());
    const std::string road = r.recommended_n <= 0 ? "everything by " + to
        : r.recommended_n >= r.volume             ? "everything by " + from
                                                  : "the split";
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(r.split_pays ? plot_good() : plot_warn()), "%s",
                       r.split_pays ? "The split pays:" : "The split does not pay:");
    ImGui::SameLine();
    ImGui::Text("the cheapest road at the mid transfer cost is %s (N = %s).", road.c_str(),
                format_count(r.recommended_n).c_str());
    for (const auto& [n, total] : r.pilot_totals)
        ImGui::TextDisabled("The article's route, a pilot of %s parts then transfer: %s.", format_count(n).c_str(),
                            format_money(total).c_str());
}

void draw_cost_page(DecisionView& v, ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    if (v.curves.empty()) {
        ImGui::TextDisabled("No partner has a cost model yet: add one on the Partners page.");
        return;
    }
    cost_chart(v, plan);
    cost_tables(v, plan);
    crossover_tables(v, plan);
    split_plan(v, ctx);
}

}  // namespace mf::decision_ui

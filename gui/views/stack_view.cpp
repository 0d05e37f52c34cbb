// The tolerance-stack view: layout, stack selector, requirement and temperatures, and the
// analysis with the Monte Carlo in slices. Table, results and charts are in the other
// stack_*.cpp files.
//
// [SECTION] Shared helpers (stack_parts.h)
// [SECTION] Stack selector
// [SECTION] Requirement, temperatures, settings
// [SECTION] Test values (test builds only)
// [SECTION] draw()
#include "views/stack_view.h"

#include <cmath>
#include <cstdio>
#include <memory>

#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "tolerance/stack_edit.h"
#include "views/stack_parts.h"
#include "widgets.h"

namespace mf {
namespace stack_ui {

// [SECTION] Shared helpers ---------------------------------------------------------------

// Typing: each keystroke's value was pushed (applied or refused) as it was typed. Leaving the
// field, ImGui (1.90, "reapply on deactivation") returns the last text once more when it
// differs from the shown value — exactly when that value was refused; pushing it again would
// bring back the refusal that leaving the field forgets (field_error_marker).
static bool leaving_typed_field(bool merge) { return merge && ImGui::IsItemDeactivated(); }

void edit_stack(Ctx& c, const std::string& label, const std::string& key, bool merge, std::function<void(Stack&)> fn) {
    if (leaving_typed_field(merge)) return;
    auto apply = [sid = c.stack.id, fn = std::move(fn)](Plan& p) {
        if (Stack* s = find_stack(p, sid)) fn(*s);
    };
    if (merge)
        c.vc.edits.push_merge(label, key, std::move(apply));
    else
        c.vc.edits.push_at(label, key, std::move(apply));
}

void edit_row(Ctx& c, const std::string& cid, const std::string& label, const std::string& field, bool merge,
              std::function<void(Contributor&)> fn) {
    if (leaving_typed_field(merge)) return;
    auto apply = [sid = c.stack.id, cid, fn = std::move(fn)](Plan& p) {
        if (Contributor* k = find_contributor(p, sid, cid)) fn(*k);
    };
    const std::string key = "stack." + cid + "." + field;
    if (merge)
        c.vc.edits.push_merge(label, key, std::move(apply));
    else
        c.vc.edits.push_at(label, key, std::move(apply));
}

void edit_plan(Ctx& c, const std::string& label, const std::string& key, std::function<void(Plan&)> fn) {
    c.vc.edits.push_at(label, key, std::move(fn));
}

const char* refusal(const Ctx& c, const std::string& key) {
    const Issue* issue = c.vc.field_errors.find(key);
    return issue ? issue->message.c_str() : nullptr;
}

const char* unit_name(LengthUnit u) { return unit_symbol(u); }

ImU32 verdict_colour(FitVerdict v) {
    switch (v) {
        case FitVerdict::Ok: return plot_good();
        case FitVerdict::AtRisk: return plot_warn();
        case FitVerdict::Fails: return plot_bad();
        case FitVerdict::NoRequirement: return plot_color(7);
    }
    return plot_color(7);
}

void verdict_badge(FitVerdict v) {
    const char* word = verdict_name(v);
    const ImVec2 ts = ImGui::CalcTextSize(word);
    const ImVec2 pad(em(0.4f), em(0.1f));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    const ImVec2 size(ts.x + pad.x * 2, h);
    ImGui::Dummy(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), verdict_colour(v), em(0.2f));
    dl->AddText(ImVec2(p.x + pad.x, p.y + (h - ts.y) * 0.5f), IM_COL32(255, 255, 255, 255), word);
}

}  // namespace stack_ui

using namespace stack_ui;

namespace {

// [SECTION] Stack selector ---------------------------------------------------------------

void draw_selector(const Plan& plan, StackView& view, Edits& edits, int index) {
    const float row_y = ImGui::GetCursorPosY();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Stack");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(26));
    const char* preview = index >= 0 ? plan.stacks[static_cast<size_t>(index)].name.c_str() : "(no stacks)";
    const bool open = ImGui::BeginCombo("##stack", preview, ImGuiComboFlags_HeightLarge);
    if (!open && index >= 0) field_tooltip_when_cut(preview, true);
    if (open) {
        for (size_t i = 0; i < plan.stacks.size(); ++i) {
            const Stack& s = plan.stacks[i];
            ImGui::PushID(static_cast<int>(i));
            const FitVerdict v =
                i < view.list_cache.verdicts.size() ? view.list_cache.verdicts[i] : FitVerdict::NoRequirement;
            if (ImGui::Selectable("##pick", static_cast<int>(i) == index, 0, ImVec2(0, ImGui::GetFrameHeight()))) {
                view.selected_id = s.id;
                view.selected_row.clear();
            }
            MF_TEST_ANCHOR(("stack.pick." + s.id).c_str());
            ImGui::SameLine(0, 0);
            verdict_badge(v);
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(s.name.c_str());
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    MF_TEST_ANCHOR("stack.selector");
    if (ImGui::IsItemHovered() && index < 0) ImGui::SetTooltip("No stacks yet: New makes one");

    ImGui::SameLine();
    if (ImGui::Button("New")) {
        const std::string name = "Stack " + std::to_string(plan.stacks.size() + 1);
        const std::string id = new_id(plan, "s");  // the id the edit will give it, to select it
        edits.push("New stack", [id, name](Plan& p) { add_stack(p, id, name); });
        view.selected_id = id;
        view.selected_row.clear();
    }
    MF_TEST_ANCHOR("stack.new");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A new, empty stack: add rows or paste them from a spreadsheet");
    ImGui::BeginDisabled(index < 0);
    ImGui::SameLine();
    if (ImGui::Button("Duplicate") && index >= 0) {
        const std::string src_id = plan.stacks[static_cast<size_t>(index)].id;
        const std::string new_sid = new_id(plan, "s");
        edits.push("Duplicate stack", [src_id, new_sid](Plan& p) { duplicate_stack(p, src_id, new_sid); });
        view.selected_id = new_sid;
        view.selected_row.clear();
    }
    MF_TEST_ANCHOR("stack.duplicate");
    ImGui::SameLine();
    if (ImGui::Button("Delete") && index >= 0) {
        const Stack& s = plan.stacks[static_cast<size_t>(index)];
        const std::string sid = s.id;
        edits.push("Delete stack \"" + s.name + "\"", [sid](Plan& p) { delete_stack(p, sid); });
        // Select the neighbour that takes its place.
        const size_t next = static_cast<size_t>(index) + 1 < plan.stacks.size() ? static_cast<size_t>(index) + 1
            : index > 0                                                         ? static_cast<size_t>(index) - 1
                                                                                : plan.stacks.size();
        view.selected_id = next < plan.stacks.size() ? plan.stacks[next].id : std::string();
        view.selected_row.clear();
    }
    MF_TEST_ANCHOR("stack.delete");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Delete this stack (Ctrl+Z brings it back)");
    ImGui::EndDisabled();

    // Display unit, on the right: changes how lengths are shown and typed, never the values.
    const ImGuiStyle& st = ImGui::GetStyle();
    float unit_w = ImGui::CalcTextSize("Lengths in").x;
    for (const char* sym : {"µm", "mm", "in"})
        unit_w += st.ItemSpacing.x + ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + ImGui::CalcTextSize(sym).x;
    const float right = ImGui::GetContentRegionMax().x - unit_w;
    ImGui::SameLine(std::max(right, ImGui::GetCursorPosX() + em(1)));
    ImGui::SetCursorPosY(row_y);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Lengths in");
    struct UnitChoice {
        LengthUnit unit;
        const char* anchor;
    };
    static const UnitChoice kChoices[] = {{LengthUnit::Micrometre, "stack.unit.um"},
                                          {LengthUnit::Millimetre, "stack.unit.mm"},
                                          {LengthUnit::Inch, "stack.unit.in"}};
    for (const UnitChoice& choice : kChoices) {
        const LengthUnit u = choice.unit;
        ImGui::SameLine();
        if (ImGui::RadioButton(unit_symbol(u), plan.meta.units == u) && plan.meta.units != u)
            edits.push(std::string("Show lengths in ") + unit_symbol(u), [u](Plan& p) { p.meta.units = u; });
        MF_TEST_ANCHOR(choice.anchor);
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Lengths are stored in millimetres: this changes only how they are shown and typed.");
}

// [SECTION] Requirement, temperatures, settings ------------------------------------------

void optional_limit(Ctx& c, const char* label, const char* anchor, const std::optional<double>& value, bool lower) {
    ImGui::PushID(label);
    bool on = value.has_value();
    const std::string key = std::string("stack.") + (lower ? "lower" : "upper");
    if (ImGui::Checkbox("##on", &on)) {
        // Turning a limit on starts from the other limit (or from the nominal gap).
        double start = c.report.errors.empty() ? c.report.worst_case.nominal : 0.0;
        const auto& other = lower ? c.stack.upper_limit : c.stack.lower_limit;
        if (other) start = *other;
        edit_stack(c,
                   on ? (lower ? "Set lower limit" : "Set upper limit")
                      : (lower ? "Remove lower limit" : "Remove upper limit"),
                   key, false, [on, lower, start](Stack& s) {
                       auto& l = lower ? s.lower_limit : s.upper_limit;
                       l = on ? std::optional<double>(start) : std::nullopt;
                   });
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(on ? "Uncheck: no %s limit" : "Check: require a %s limit", lower ? "lower" : "upper");
    ImGui::SameLine(0, em(0.3f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(7));
    if (value) {
        double mm = *value;
        if (input_length("##v", *value, c.unit, &mm))
            edit_stack(c, lower ? "Set lower limit" : "Set upper limit", key, true,
                       [mm, lower](Stack& s) { (lower ? s.lower_limit : s.upper_limit) = mm; });
    } else {
        ImGui::BeginDisabled();
        char none[] = "none";
        ImGui::InputText("##none", none, sizeof none, ImGuiInputTextFlags_ReadOnly);
        ImGui::EndDisabled();
    }
    MF_TEST_ANCHOR(anchor);
    field_error_marker(c.vc, key);
    ImGui::PopID();
}

void temperature_field(Ctx& c, const char* label, const char* anchor, double value, bool operating) {
    ImGui::PushID(label);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(5.5f));
    double v = value;
    const std::string key = operating ? "stack.t_op" : "stack.t_meas";
    if (ImGui::InputDouble("##t", &v, 0, 0, "%.4g °C") && std::isfinite(v))
        edit_stack(c, operating ? "Set operating temperature" : "Set measurement temperature", key, true,
                   [v, operating](Stack& s) { (operating ? s.operating_temperature : s.measurement_temperature) = v; });
    MF_TEST_ANCHOR(anchor);
    field_error_marker(c.vc, key);
    ImGui::PopID();
}

void draw_requirement(Ctx& c) {
    const Stack& s = c.stack;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Name");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(30));
    std::string name = s.name;
    if (input_string("##name", name))
        edit_stack(c, "Rename stack", "stack.name", true, [name](Stack& st) { st.name = name; });
    field_tooltip_when_cut(s.name);
    MF_TEST_ANCHOR("stack.name");
    field_error_marker(c.vc, "stack.name");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (s.loop)
        ImGui::TextDisabled("2D vector loop: %zu vectors, gap measured along %.4g°", s.loop->vectors.size(),
                            s.loop->direction);
    else
        ImGui::TextDisabled("1D chain: gap = Σ sensitivity × dimension");
    ImGui::SameLine();
    draw_loop_switch(c);

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Gap requirement:");
    ImGui::SameLine();
    optional_limit(c, "lower", "stack.lower", s.lower_limit, true);
    ImGui::SameLine(0, em(1));
    optional_limit(c, "upper", "stack.upper", s.upper_limit, false);
    ImGui::SameLine(0, em(2));
    temperature_field(c, "Measured at", "stack.t_meas", s.measurement_temperature, false);
    ImGui::SameLine();
    temperature_field(c, "operating at", "stack.t_op", s.operating_temperature, true);
    ImGui::SameLine(0, em(1.5f));
    if (ImGui::Button("Settings…")) ImGui::OpenPopup("stack-settings");
    MF_TEST_ANCHOR("stack.settings");
    if (ImGui::BeginPopup("stack-settings")) {
        ImGui::SeparatorText("Statistical figures and verdict");
        ImGui::SetNextItemWidth(em(6));
        double f = s.inflation_factor;
        if (ImGui::InputDouble("σ inflation factor", &f, 0, 0, "%.3g") && std::isfinite(f))
            edit_stack(c, "Set σ inflation factor", "stack.inflation", true,
                       [f](Stack& st) { st.inflation_factor = f; });
        field_error_marker(c.vc, "stack.inflation");
        help_marker("1 = none, 1.5 = Bender (SAE 680490). Applies to the \"statistical, inflated\" figure only.");
        ImGui::SetNextItemWidth(em(6));
        double ok = s.ppm_ok;
        if (ImGui::InputDouble("OK at most (ppm)", &ok, 0, 0, "%.4g") && std::isfinite(ok))
            edit_stack(c, "Set OK threshold", "stack.ppm_ok", true, [ok](Stack& st) { st.ppm_ok = ok; });
        field_error_marker(c.vc, "stack.ppm_ok");
        help_marker("Out-of-limit rate at or below which the stack is OK (default 63 ppm ≈ a centred Cpk 1.33).");
        ImGui::SetNextItemWidth(em(6));
        double fail = s.ppm_fail;
        if (ImGui::InputDouble("fails above (ppm)", &fail, 0, 0, "%.4g") && std::isfinite(fail))
            edit_stack(c, "Set fail threshold", "stack.ppm_fail", true, [fail](Stack& st) { st.ppm_fail = fail; });
        field_error_marker(c.vc, "stack.ppm_fail");
        help_marker("Out-of-limit rate above which the stack fails (default 2700 ppm ≈ a centred Cpk 1.0).");

        ImGui::SeparatorText("Monte Carlo (this session, not saved in the plan)");
        MonteCarloOptions& o = c.view.mc_options;
        static const size_t kSamples[] = {10000, 100000, 1000000, 5000000};
        ImGui::SetNextItemWidth(em(8));
        char cur[32];
        std::snprintf(cur, sizeof cur, "%zu", o.samples);
        if (ImGui::BeginCombo("samples", cur)) {
            for (size_t n : kSamples) {
                char lab[32];
                std::snprintf(lab, sizeof lab, "%zu", n);
                if (ImGui::Selectable(lab, n == o.samples)) o.samples = n;
            }
            ImGui::EndCombo();
        }
        int seed = static_cast<int>(o.seed);
        ImGui::SetNextItemWidth(em(8));
        if (ImGui::InputInt("seed", &seed) && seed >= 0) o.seed = static_cast<uint64_t>(seed);
        int bins = o.histogram_bins;
        ImGui::SetNextItemWidth(em(8));
        if (ImGui::InputInt("histogram bins", &bins) && bins >= 5 && bins <= 400) o.histogram_bins = bins;
        ImGui::EndPopup();
    }
}

// [SECTION] Test values ------------------------------------------------------------------
#ifdef MF_TEST_HOOKS

void put(const char* name, const std::optional<double>& v) {
    if (v) test_value(name, *v);
}

// Every figure on screen, in mm whatever the display unit, for the GUI and browser tests.
void publish(const ViewContext& ctx, const Stack& s, const StackAnalysis& a, const StackView& v, LengthUnit unit) {
    const StackReport& r = a.report;
    const MonteCarloResult* finished = v.mc.cancelled() ? nullptr : v.mc.result();
    test_text("stack.id", s.id);
    test_text("stack.name", s.name);
    test_text("stack.unit", unit_symbol(unit));
    put("stack.contributors", static_cast<double>(s.contributors.size()));
    put("stack.errors", static_cast<double>(r.errors.size()));
    if (!r.errors.empty()) test_text("stack.error0", to_string(r.errors.front()));
    put("stack.mc.running", v.mc.running() ? 1 : 0);
    put("stack.mc.progress", v.mc.running() ? v.mc.progress() : finished ? 1.0 : 0.0);
    put("stack.mc.done", finished ? 1 : 0);
    put("stack.mc.earlier", v.mc.showing_previous() ? 1 : 0);  // the figures are the run's before
    // Edits the document refused, by field key: what field_error_marker shows at the field.
    for (const auto& [key, issue] : ctx.field_errors.by_field)
        if (key.rfind("stack.", 0) == 0) test_text("stack.refusal." + key, issue.message);
    for (const LinkReport& l : a.links) {  // measured links: what each supplied
        const std::string k = "stack.measured." + l.target_id;
        test_value(k + ".used", l.used ? 1 : 0);
        put((k + ".sigma").c_str(), l.sigma);
        put((k + ".mean").c_str(), l.mean);
        put((k + ".shift").c_str(), l.shift);
        put((k + ".n").c_str(), l.n);
        test_text(k + ".message", l.message);
    }
    if (!r.errors.empty()) return;
    put("stack.nominal", r.worst_case.nominal);
    put("stack.mid_mean", r.worst_case.mean);
    put("stack.wc.min", r.worst_case.min);
    put("stack.wc.max", r.worst_case.max);
    put("stack.rss.min", r.rss.min);
    put("stack.rss.max", r.rss.max);
    put("stack.rss.sigma", r.rss.sigma);
    put("stack.stat.mean", r.statistical.mean);
    put("stack.stat.sigma", r.statistical.sigma);
    put("stack.stat.ppm_total", r.statistical.tails.ppm_total);
    put("stack.stat.ppm_below", r.statistical.tails.ppm_below);
    put("stack.stat.ppm_above", r.statistical.tails.ppm_above);
    const ThermalResult& t = r.thermal;
    put("stack.op.nominal", t.nominal_at_operating);
    put("stack.op.gap_change", t.gap_change);
    put("stack.op.wc.min", t.worst_case_at_operating.min);
    put("stack.op.wc.max", t.worst_case_at_operating.max);
    put("stack.op.rss.min", t.rss_at_operating.min);
    put("stack.op.rss.max", t.rss_at_operating.max);
    put("stack.op.stat.mean", t.statistical_at_operating.mean);
    put("stack.op.stat.sigma", t.statistical_at_operating.sigma);
    put("stack.op.stat.ppm_total", t.statistical_at_operating.tails.ppm_total);
    test_text("stack.verdict", verdict_name(r.fit.verdict));
    test_text("stack.verdict.measurement", verdict_name(r.fit.at_measurement.verdict));
    test_text("stack.verdict.operating", verdict_name(r.fit.at_operating.verdict));
    test_text("stack.verdict.reason", r.fit.reason_shown);
    test_text("stack.verdict.source", r.fit.at_operating.ppm_source);
    for (const auto& term : r.linear.terms) test_value("stack.sens." + s.contributors[term.index].id, term.sensitivity);
    for (const auto& row : r.contributions) {
        test_value("stack.share." + row.id, row.statistical_share);
        test_value("stack.rank." + row.id, row.rank);
        if (row.monte_carlo_share) test_value("stack.mc_share." + row.id, *row.monte_carlo_share);
    }
    if (const MonteCarloResult* mc = a.monte_carlo_result()) {
        for (int k = 0; k < 2; ++k) {
            const MonteCarloSummary& m = k ? mc->at_operating : mc->at_measurement;
            const std::optional<double> figures[] = {
                m.mean,      m.sigma,    m.p00135, m.p99865, m.ppm_total, m.ci95_total.lower, m.ci95_total.upper,
                m.ppm_below, m.ppm_above};
            static const char* const names[] = {"mean",       "sigma",      "p00135",    "p99865",   "ppm_total",
                                                "ci95.lower", "ci95.upper", "ppm_below", "ppm_above"};
            for (size_t f = 0; f < 9; ++f)
                put((std::string(k ? "stack.mc.op." : "stack.mc.") + names[f]).c_str(), figures[f]);
        }
        put("stack.mc.samples", static_cast<double>(mc->samples));
        put("stack.mc.seed", static_cast<double>(mc->seed));
        put("stack.hist.bins", static_cast<double>(mc->at_measurement.histogram.counts.size()));
    }
}

// What an earlier frame published about another stack must not linger.
void clear_published() {
    auto& vals = test_values();
    for (auto it = vals.begin(); it != vals.end();)
        it = it->first.rfind("stack.", 0) == 0 ? vals.erase(it) : std::next(it);
    auto& texts = test_texts();
    for (auto it = texts.begin(); it != texts.end();)
        it = it->first.rfind("stack.", 0) == 0 ? texts.erase(it) : std::next(it);
}

#endif  // MF_TEST_HOOKS

}  // namespace

// [SECTION] draw() -----------------------------------------------------------------------

// The same stack with the same contributors in the same order (by id).
static bool same_rows(const Stack& a, const Stack& b) {
    if (a.id != b.id || a.contributors.size() != b.contributors.size()) return false;
    for (size_t i = 0; i < a.contributors.size(); ++i)
        if (a.contributors[i].id != b.contributors[i].id) return false;
    return true;
}

void StackView::draw(ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    const uint64_t state_id = ctx.state_id;
#ifdef MF_TEST_HOOKS
    clear_published();
#endif

    // Verdicts of every stack for the selector (normal model: cheap, no Monte Carlo).
    if (list_cache.state_id != state_id) {
        list_cache.state_id = state_id;
        list_cache.verdicts.clear();
        for (const Stack& s : plan.stacks) {
            const StackAnalysis a = analyse_stack(plan, s.id);
            list_cache.verdicts.push_back(has_errors(a.issues) ? FitVerdict::NoRequirement : a.report.fit.verdict);
        }
    }

    int index = -1;
    for (size_t i = 0; i < plan.stacks.size(); ++i)
        if (plan.stacks[i].id == selected_id) index = static_cast<int>(i);
    if (index < 0 && !plan.stacks.empty()) {
        index = 0;
        selected_id = plan.stacks[0].id;
    }

    draw_selector(plan, *this, ctx.edits, index);
    if (index < 0) {
        ImGui::Spacing();
        ImGui::TextWrapped(
            "This plan has no tolerance stacks. A stack is a chain of dimensions (or a 2D vector loop) that makes a "
            "gap; New creates one, then add its contributors row by row or paste them from a spreadsheet.");
        MF_TEST_VALUE("stack.count", 0);
        return;
    }
    MF_TEST_VALUE("stack.count", static_cast<double>(plan.stacks.size()));
    const Stack& stack = plan.stacks[static_cast<size_t>(index)];

    // The analysis: made afresh when the plan or the stack changes (the resolved stack is what
    // the Monte Carlo samples), and again when the Monte Carlo finishes or is cancelled.
    if (cache.stack_id != stack.id) {  // another stack: its fields start without refusals
        notice.clear();
        std::erase_if(ctx.field_errors.by_field, [](const auto& e) { return e.first.rfind("stack.", 0) == 0; });
    }
    const bool stale = cache.state_id != state_id || cache.stack_id != stack.id;
    if (stale) {
        cache.analysis = analyse_stack(plan, stack.id);
        // A selected row that went away (undo, delete) is forgotten.
        if (contributor_index(stack, selected_row) < 0) selected_row.clear();
    }
    const MonteCarloInputs inputs = mc_inputs();
    const bool analysable = !has_errors(cache.analysis.issues);
    // An edit of the last run's stack that keeps its contributors (ids, in order) continues
    // that run: its figures, contribution shares included, stay until the new ones replace
    // them (JobRunner::shown_result). Another stack or plan, or a row added, deleted or
    // moved, starts afresh.
    const MonteCarloInputs* before = mc.inputs();
    const bool continues = before && cache.lineage == ctx.lineage && same_rows(before->stack, inputs.stack);
    mc.update(
        inputs,
        [&inputs, analysable] {
            return analysable ? std::make_unique<ParallelStackRun>(inputs.stack, inputs.options) : nullptr;
        },
        continues);
    // Only a finished run counts: after a cancel the figures are the normal model's. For the
    // first half second of a run after an edit, the figures drawn take the run before it
    // (JobRunner::shown_result), so they change in place when the new one finishes.
    const bool earlier = mc.showing_previous();
    const MonteCarloResult* finished = mc.cancelled() ? nullptr : mc.shown_result();
    if ((stale && finished) || (!stale && cache.mc_generation != mc.generation()) || earlier != cache.mc_earlier) {
        StackOptions o;
        o.finished_monte_carlo = finished;
        cache.analysis = analyse_stack(plan, stack.id, o);
    }
    cache.state_id = state_id;
    cache.stack_id = stack.id;
    cache.lineage = ctx.lineage;
    cache.mc_generation = mc.generation();
    cache.mc_earlier = earlier;

    const StackAnalysis& a = cache.analysis;
    Ctx c{plan, stack, *this, ctx, plan.meta.units, a, a.report, a.monte_carlo_result(), a.links};
#ifdef MF_TEST_HOOKS
    publish(ctx, stack, a, *this, plan.meta.units);
#endif

    draw_requirement(c);
    ImGui::Spacing();
    draw_contributors(c);
    draw_paste_dialog(c);

    if (!a.report.errors.empty()) return;  // the table lists what to fix
    ImGui::Spacing();
    if (ImGui::BeginTable("stack-layout", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupColumn("results", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("charts", ImGuiTableColumnFlags_WidthStretch, 0.85f);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        draw_verdict(c);
        draw_results(c);
        if (stack.loop) draw_loop(c);
        ImGui::TableNextColumn();
        draw_histogram(c);
        draw_pareto(c);
        ImGui::EndTable();
    }
    draw_details(c);
}

}  // namespace mf

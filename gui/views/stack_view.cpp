// The tolerance-stack view: layout, stack selector, requirement and temperatures, and the
// Monte Carlo run in slices. Table, results and charts are in the other stack_*.cpp files.
//
// [SECTION] Shared helpers (stack_parts.h)
// [SECTION] Stack selector
// [SECTION] Requirement, temperatures, settings
// [SECTION] Monte Carlo in slices
// [SECTION] Test values
// [SECTION] draw()
#include "views/stack_view.h"

#include <cmath>
#include <cstdio>
#include <set>

#include "busy.h"
#include "plan/plan_file.h"
#include "plan/section_json.h"
#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "views/stack_parts.h"
#include "widgets.h"

// UI code: small beats fast here (the single-file app has a size budget), so clang
// optimises these functions for size.
#if defined(__clang__)
#pragma clang attribute push(__attribute__((minsize)), apply_to = function)
#endif

namespace mf {
namespace stackui {

// [SECTION] Shared helpers ---------------------------------------------------------------

static std::set<std::string> messages_of(const Issues& errors) {
    std::set<std::string> m;
    for (const auto& e : errors) m.insert(e.message);
    return m;
}

bool edit_stack(Ctx& c, const std::string& label, const std::string& key, bool merge,
                std::function<void(Plan&, Stack&)> fn) {
    const std::string sid = c.stack.id;
    auto apply = [sid, fn](Plan& p) {
        for (auto& s : p.stacks)
            if (s.id == sid) {
                fn(p, s);
                return;
            }
    };
    // Try it on a copy first: refuse what would make the stack or the plan invalid.
    Plan trial = c.plan;
    apply(trial);
    const Stack* after = nullptr;
    for (const auto& s : trial.stacks)
        if (s.id == sid) after = &s;
    Issues added;
    if (after) {
        const auto before = messages_of(validate_stack(c.stack, StackCheck::InFile));
        for (const auto& e : validate_stack(*after, StackCheck::InFile))
            if (!before.count(e.message)) added.push_back(e);
    }
    const auto plan_before = messages_of(check_plan(c.plan));
    for (const auto& e : check_plan(trial))
        if (!plan_before.count(e.message)) added.push_back(e);
    if (!added.empty()) {
        c.view.field_errors[key] = added.front().message;
        return false;
    }
    c.view.field_errors.erase(key);
    if (merge) c.edits.push_merge(label, key, apply);
    else c.edits.push(label, apply);
    return true;
}

const char* field_error(const Ctx& c, const std::string& key) {
    auto it = c.view.field_errors.find(key);
    return it == c.view.field_errors.end() ? nullptr : it->second.c_str();
}

void field_error_marker(const Ctx& c, const std::string& key) {
    // Leaving the field abandons the refused value: the field shows the plan's value again.
    if (ImGui::IsItemDeactivated()) c.view.field_errors.erase(key);
    const char* msg = field_error(c, key);
    if (!msg) return;
    ImGui::SameLine(0, em(0.2f));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "!");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(em(28));
        ImGui::Text("Not applied: %s", msg);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
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

}  // namespace stackui

using namespace stackui;

namespace {

// [SECTION] Stack selector ---------------------------------------------------------------

// A copy of a stack with fresh ids for it and its contributors (loop references follow).
Stack copy_with_fresh_ids(Plan& p, const Stack& src) {
    Stack s = src;
    s.id = new_id(p, "s");
    s.name = src.name + " (copy)";
    std::map<std::string, std::string> renamed;
    std::set<std::string> taken;
    for (const auto& id : all_ids(p)) taken.insert(id);
    taken.insert(s.id);
    size_t n = 1;
    for (auto& c : s.contributors) {
        std::string id;
        do id = "k" + std::to_string(n++);
        while (taken.count(id));
        taken.insert(id);
        renamed[c.id] = id;
        c.id = id;
    }
    if (s.loop)
        for (auto& v : s.loop->vectors) {
            if (renamed.count(v.length_from)) v.length_from = renamed[v.length_from];
            if (renamed.count(v.angle_from)) v.angle_from = renamed[v.angle_from];
        }
    return s;
}

// Inserts a copy of stack `src_id` after it.
[[gnu::noinline]] void duplicate_stack(Plan& p, const std::string& src_id) {
    for (size_t i = 0; i < p.stacks.size(); ++i)
        if (p.stacks[i].id == src_id) {
            Stack s = copy_with_fresh_ids(p, p.stacks[i]);
            p.stacks.insert(p.stacks.begin() + static_cast<long>(i) + 1, std::move(s));
            return;
        }
}

void draw_selector(const Plan& plan, StackView& view, Edits& edits, int index) {
    const float row_y = ImGui::GetCursorPosY();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Stack");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(26));
    const char* preview = index >= 0 ? plan.stacks[static_cast<size_t>(index)].name.c_str() : "(no stacks)";
    if (ImGui::BeginCombo("##stack", preview, ImGuiComboFlags_HeightLarge)) {
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
        const std::string id = new_id(plan, "s");
        edits.push("New stack", [id, name](Plan& p) {
            Stack s;
            s.id = id;
            s.name = name;
            p.stacks.push_back(std::move(s));
        });
        view.selected_id = id;
        view.selected_row.clear();
    }
    MF_TEST_ANCHOR("stack.new");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("A new, empty stack: add rows or paste them from a spreadsheet");
    ImGui::BeginDisabled(index < 0);
    ImGui::SameLine();
    if (ImGui::Button("Duplicate") && index >= 0) {
        const std::string src_id = plan.stacks[static_cast<size_t>(index)].id;
        Plan trial = plan;  // the new id as the edit will make it
        const std::string new_sid = new_id(trial, "s");
        edits.push("Duplicate stack", [src_id](Plan& p) { duplicate_stack(p, src_id); });
        view.selected_id = new_sid;
        view.selected_row.clear();
    }
    MF_TEST_ANCHOR("stack.duplicate");
    ImGui::SameLine();
    if (ImGui::Button("Delete") && index >= 0) {
        const Stack& s = plan.stacks[static_cast<size_t>(index)];
        const std::string sid = s.id;
        edits.push("Delete stack \"" + s.name + "\"", [sid](Plan& p) {
            for (size_t i = 0; i < p.stacks.size(); ++i)
                if (p.stacks[i].id == sid) {
                    p.stacks.erase(p.stacks.begin() + static_cast<long>(i));
                    return;
                }
        });
        // Select the neighbour that takes its place.
        const size_t next = static_cast<size_t>(index) + 1 < plan.stacks.size() ? static_cast<size_t>(index) + 1
                            : index > 0 ? static_cast<size_t>(index) - 1
                                        : plan.stacks.size();
        view.selected_id = next < plan.stacks.size() ? plan.stacks[next].id : std::string();
        view.selected_row.clear();
    }
    MF_TEST_ANCHOR("stack.delete");
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Delete this stack (Ctrl+Z brings it back)");
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
    const LengthUnit units[] = {LengthUnit::Micrometre, LengthUnit::Millimetre, LengthUnit::Inch};
    const char* anchors[] = {"stack.unit.um", "stack.unit.mm", "stack.unit.in"};
    for (int k = 0; k < 3; ++k) {
        const LengthUnit u = units[k];
        ImGui::SameLine();
        if (ImGui::RadioButton(unit_symbol(u), plan.meta.units == u) && plan.meta.units != u)
            edits.push(std::string("Show lengths in ") + unit_symbol(u), [u](Plan& p) { p.meta.units = u; });
        MF_TEST_ANCHOR(anchors[k]);
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
        edit_stack(c, on ? (lower ? "Set lower limit" : "Set upper limit") : (lower ? "Remove lower limit" : "Remove upper limit"),
                   key, false, [on, lower, start](Plan&, Stack& s) {
                       auto& l = lower ? s.lower_limit : s.upper_limit;
                       l = on ? std::optional<double>(start) : std::nullopt;
                   });
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip(on ? "Uncheck: no %s limit" : "Check: require a %s limit", lower ? "lower" : "upper");
    ImGui::SameLine(0, em(0.3f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(7));
    if (value) {
        double mm = *value;
        if (input_length("##v", *value, c.unit, &mm))
            edit_stack(c, lower ? "Set lower limit" : "Set upper limit", key, true,
                       [mm, lower](Plan&, Stack& s) { (lower ? s.lower_limit : s.upper_limit) = mm; });
    } else {
        ImGui::BeginDisabled();
        char none[] = "none";
        ImGui::InputText("##none", none, sizeof none, ImGuiInputTextFlags_ReadOnly);
        ImGui::EndDisabled();
    }
    MF_TEST_ANCHOR(anchor);
    field_error_marker(c, key);
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
                   [v, operating](Plan&, Stack& s) { (operating ? s.operating_temperature : s.measurement_temperature) = v; });
    MF_TEST_ANCHOR(anchor);
    field_error_marker(c, key);
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
        edit_stack(c, "Rename stack", "stack.name", true, [name](Plan&, Stack& st) { st.name = name; });
    MF_TEST_ANCHOR("stack.name");
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
            edit_stack(c, "Set σ inflation factor", "stack.inflation", true, [f](Plan&, Stack& st) { st.inflation_factor = f; });
        field_error_marker(c, "stack.inflation");
        help_marker("1 = none, 1.5 = Bender (SAE 680490). Applies to the \"statistical, inflated\" figure only.");
        ImGui::SetNextItemWidth(em(6));
        double ok = s.ppm_ok;
        if (ImGui::InputDouble("OK at most (ppm)", &ok, 0, 0, "%.4g") && std::isfinite(ok))
            edit_stack(c, "Set OK threshold", "stack.ppm_ok", true, [ok](Plan&, Stack& st) { st.ppm_ok = ok; });
        field_error_marker(c, "stack.ppm_ok");
        help_marker("Out-of-limit rate at or below which the stack is OK (default 63 ppm ≈ a centred Cpk 1.33).");
        ImGui::SetNextItemWidth(em(6));
        double fail = s.ppm_fail;
        if (ImGui::InputDouble("fails above (ppm)", &fail, 0, 0, "%.4g") && std::isfinite(fail))
            edit_stack(c, "Set fail threshold", "stack.ppm_fail", true, [fail](Plan&, Stack& st) { st.ppm_fail = fail; });
        field_error_marker(c, "stack.ppm_fail");
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

// [SECTION] Monte Carlo in slices --------------------------------------------------------

// Starts a new run when the inputs changed, and advances the running one by a slice.
void advance_monte_carlo(StackView& v, const Stack& s) {
    char opts[96];
    std::snprintf(opts, sizeof opts, "|%zu|%llu|%d", v.mc_options.samples, static_cast<unsigned long long>(v.mc_options.seed),
                  v.mc_options.histogram_bins);
    const std::string key = s.id + "|" + v.cache.content_key + opts;
    auto& mc = v.mc;
    if (mc.key != key) {
        mc.key = key;
        mc.result.reset();
        mc.cancelled = false;
        ++mc.generation;
        mc.run.reset();
        if (validate_stack(s, StackCheck::ForAnalysis).empty()) {
            mc.run = std::make_unique<MonteCarloRun>(s, v.mc_options);
            if (!mc.run->errors().empty()) mc.run.reset();
        }
    }
    if (!mc.run) return;
    MonteCarloRun& run = *mc.run;
    if (run_slice([&run] { return run.step(8 * MonteCarloRun::kBlock); })) {
        mc.result = std::make_unique<MonteCarloResult>(run.result());
        mc.run.reset();
        ++mc.generation;
        keep_drawing();  // one more frame shows the finished result everywhere
    }
}

// [SECTION] Test values ------------------------------------------------------------------

// Out of line, so each published figure costs a call, not an inlined string construction.
[[gnu::noinline]] void put(const char* name, const std::optional<double>& v) {
    if (v) MF_TEST_VALUE(name, *v);
}
[[gnu::noinline]] void put_text(const char* name, const std::string& v) { MF_TEST_TEXT(name, v); }

void publish(const Stack& s, const StackReport& r, const StackView& v, LengthUnit unit) {
    put_text("stack.id", s.id);
    put_text("stack.name", s.name);
    put_text("stack.unit", unit_symbol(unit));
    put("stack.contributors", static_cast<double>(s.contributors.size()));
    put("stack.errors", static_cast<double>(r.errors.size()));
    if (!r.errors.empty()) put_text("stack.error0", to_string(r.errors.front()));
    put("stack.mc.running", v.mc.run ? 1 : 0);
    put("stack.mc.progress", v.mc.run ? v.mc.run->progress() : (v.mc.result ? 1.0 : 0.0));
    put("stack.mc.done", v.mc.result ? 1 : 0);
    for (const LinkReport& l : v.cache.resolved.links) {   // measured links: what each supplied
        const std::string k = "stack.measured." + l.target_id;
        MF_TEST_VALUE(k + ".used", l.used ? 1 : 0);
        put((k + ".sigma").c_str(), l.sigma);
        put((k + ".mean").c_str(), l.mean);
        put((k + ".shift").c_str(), l.shift);
        put((k + ".n").c_str(), l.n);
        put_text((k + ".message").c_str(), l.message);
    }
    if (!r.errors.empty()) return;
    // All lengths in mm (the plan's unit), whatever the display unit.
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
    put_text("stack.verdict", verdict_name(r.fit.verdict));
    put_text("stack.verdict.measurement", verdict_name(r.fit.at_measurement.verdict));
    put_text("stack.verdict.operating", verdict_name(r.fit.at_operating.verdict));
    put_text("stack.verdict.reason", r.fit.reason);
    put_text("stack.verdict.source", r.fit.at_operating.ppm_source);
    for (const auto& term : r.linear.terms) MF_TEST_VALUE("stack.sens." + s.contributors[term.index].id, term.sensitivity);
    for (const auto& row : r.contributions) {
        MF_TEST_VALUE("stack.share." + row.id, row.statistical_share);
        MF_TEST_VALUE("stack.rank." + row.id, row.rank);
        if (row.monte_carlo_share) MF_TEST_VALUE("stack.mc_share." + row.id, *row.monte_carlo_share);
    }
    if (const MonteCarloResult* mc = v.mc.result.get()) {
        for (int k = 0; k < 2; ++k) {
            const MonteCarloSummary& m = k ? mc->at_operating : mc->at_measurement;
            const std::optional<double> figures[] = {m.mean, m.sigma, m.p00135, m.p99865, m.ppm_total,
                                                     m.ci95_total.lower, m.ci95_total.upper, m.ppm_below, m.ppm_above};
            static const char* const names[] = {"mean", "sigma", "p00135", "p99865", "ppm_total",
                                                "ci95.lower", "ci95.upper", "ppm_below", "ppm_above"};
            for (size_t f = 0; f < 9; ++f) put((std::string(k ? "stack.mc.op." : "stack.mc.") + names[f]).c_str(), figures[f]);
        }
        put("stack.mc.samples", static_cast<double>(mc->samples));
        put("stack.mc.seed", static_cast<double>(mc->seed));
        put("stack.hist.bins", static_cast<double>(mc->at_measurement.histogram.counts.size()));
    }
}

void clear_published() {
    auto& vals = test_values();
    for (auto it = vals.begin(); it != vals.end();) it = it->first.rfind("stack.", 0) == 0 ? vals.erase(it) : std::next(it);
    auto& texts = test_texts();
    for (auto it = texts.begin(); it != texts.end();) it = it->first.rfind("stack.", 0) == 0 ? texts.erase(it) : std::next(it);
}

}  // namespace

// [SECTION] draw() -----------------------------------------------------------------------

void StackView::draw(ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    const uint64_t state_id = ctx.state_id;
    Edits& edits = ctx.edits;
    clear_published();

    // Verdicts of every stack for the selector (normal model: cheap, no Monte Carlo).
    if (list_cache.state_id != state_id) {
        list_cache.state_id = state_id;
        list_cache.verdicts.clear();
        for (size_t i = 0; i < plan.stacks.size(); ++i) {
            const StackReport r = analyse_stack(resolve_stack_links(plan, i).stack);
            list_cache.verdicts.push_back(r.errors.empty() ? r.fit.verdict : FitVerdict::NoRequirement);
        }
    }

    int index = -1;
    for (size_t i = 0; i < plan.stacks.size(); ++i)
        if (plan.stacks[i].id == selected_id) index = static_cast<int>(i);
    if (index < 0 && !plan.stacks.empty()) {
        index = 0;
        selected_id = plan.stacks[0].id;
    }

    draw_selector(plan, *this, edits, index);
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

    // The stack's content (for the Monte Carlo key) changes only with the plan.
    if (cache.stack_id != stack.id) {  // another stack: its fields start without refusals
        field_errors.clear();
        notice.clear();
    }
    if (cache.state_id != state_id || cache.stack_id != stack.id) {
        // Measured links: the analyses (and the Monte Carlo key) take the resolved copy.
        cache.resolved = resolve_stack_links(plan, static_cast<size_t>(index));
        cache.content_key = write_stacks({cache.resolved.stack}).dump();
        // A selected row that went away (undo, delete) is forgotten.
        bool row_found = false;
        for (const auto& c : stack.contributors) row_found = row_found || c.id == selected_row;
        if (!row_found) selected_row.clear();
    }
    advance_monte_carlo(*this, cache.resolved.stack);
    const MonteCarloResult* mcr = mc.result && mc.result->errors.empty() ? mc.result.get() : nullptr;
    if (cache.state_id != state_id || cache.stack_id != stack.id || cache.mc_generation != mc.generation) {
        cache.state_id = state_id;
        cache.stack_id = stack.id;
        cache.mc_generation = mc.generation;
        cache.report = analyse_stack(cache.resolved.stack, mcr);
    }
    Ctx c{plan, stack, *this, edits, plan.meta.units, cache.report, mcr, cache.resolved.links};
    publish(stack, cache.report, *this, plan.meta.units);

    draw_requirement(c);
    ImGui::Spacing();
    draw_contributors(c);
    draw_paste_dialog(c);

    if (!cache.report.errors.empty()) return;  // the table lists what to fix
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

#if defined(__clang__)
#pragma clang attribute pop
#endif

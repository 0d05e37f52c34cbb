// [SECTION] Files and pasted text arriving
// [SECTION] The page: dataset bar, analysis in slices, sub-tabs, Ctrl+V
// [SECTION] Dataset bar: select, rename, new, duplicate, delete, import, paste
// [SECTION] Analysis page of the selected feature
// [SECTION] Test values
#include "views/capability_view.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "imgui.h"
#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "platform/platform.h"
#include "widgets.h"

namespace mf {

using namespace capability_ui;

// [SECTION] Files and pasted text arriving -------------------------------------------------

bool CapabilityView::accepts_file(const std::string& name) {
    std::string n = name;
    for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto ends = [&](const char* ext) {
        const size_t k = std::char_traits<char>::length(ext);
        return n.size() >= k && n.compare(n.size() - k, k, ext) == 0;
    };
    return ends(".csv") || ends(".tsv") || ends(".txt");
}

void CapabilityView::import_file(const std::string& name, const std::string& bytes) {
    importer.start(name, bytes, /*from_clipboard=*/false);
}

void CapabilityView::paste_text(const std::string& text) {
    importer.start("pasted text", text, /*from_clipboard=*/true);
}

// [SECTION] The page -----------------------------------------------------------------------

static CapabilityOptions capability_options(ChartType chart, bool western_electric) {
    CapabilityOptions o;
    o.chart = chart;
    o.rules = western_electric ? RuleSettings::western_electric() : RuleSettings::nelson();
    return o;
}

const FeatureAnalysis* CapabilityView::feature_result(size_t i) const {
    return i < analysis_.features.size() ? analysis_.features[i].get() : nullptr;
}

// Starts a run when the dataset or the options change (taking over the features whose inputs
// did not change), advances it by a slice, and keeps what the pages show.
void CapabilityView::run_analysis(const Dataset& d) {
    const Inputs inputs{d, capability_options(chart, western_electric)};
    run_.update(inputs,
                [&] { return std::make_unique<CapabilityRun>(inputs.dataset, inputs.options, &analysis_, feature); });
    if (run_.running()) {
        analysis_ = run_.job()->result();  // cheap: the features are shared
    } else if (run_.generation() != shown_generation_) {
        shown_generation_ = run_.generation();
        if (run_.result()) analysis_ = *run_.result();
    }
    if (run_.running()) {
        run_.draw_progress("Analysing features");
    } else if (run_.cancelled()) {
        ImGui::TextDisabled("Analysis stopped (%zu of %zu features done).", analysis_.current_count(),
                            analysis_.features.size());
        ImGui::SameLine();
        if (ImGui::SmallButton("Resume")) run_.restart();  // the features done are taken over
    }
}

void CapabilityView::draw(ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    const uint64_t state_id = ctx.state_id;
    Edits& edits = ctx.edits;
    if (select_next_ >= 0) {  // a dataset added by the last frame's edits
        if (static_cast<size_t>(select_next_) != dataset) feature = 0;
        dataset = static_cast<size_t>(select_next_);
        select_next_ = -1;
    }
    if (dataset >= plan.datasets.size()) dataset = plan.datasets.empty() ? 0 : plan.datasets.size() - 1;
    grid_.took_paste = false;
    draw_dataset_bar(ctx);
    if (dataset >= plan.datasets.size()) dataset = plan.datasets.empty() ? 0 : plan.datasets.size() - 1;

    if (plan.datasets.empty()) {
        draw_empty(plan);
        MF_TEST_VALUE("capability.datasets", 0);
    } else {
        const Dataset& d = plan.datasets[dataset];
        if (feature >= d.features.size()) feature = d.features.empty() ? 0 : d.features.size() - 1;
        run_analysis(d);

        if (ImGui::BeginTabBar("pages")) {
            auto tab = [&](const char* name, Page p, const char* anchor) {
                const ImGuiTabItemFlags fl = select_page && page == p ? ImGuiTabItemFlags_SetSelected : 0;
                const bool open = ImGui::BeginTabItem(name, nullptr, fl);
                MF_TEST_ANCHOR(anchor);
                if (open && !select_page) page = p;
                return open;
            };
            if (tab("Summary", Page::Summary, "capability.tab.summary")) {
                draw_summary_table(ctx, d, analysis_, &feature);
                ImGui::TextDisabled(
                    "Click a feature, then Analysis for its histogram and control charts. Limits are in "
                    "the plan's display unit (%s) for lengths.",
                    unit_symbol(plan.meta.units));
                if (const FeatureAnalysis* a = feature_result(feature)) {
                    ImGui::SeparatorText(a->feature_name.c_str());
                    draw_verdict(*a, d.gate);
                }
                ImGui::EndTabItem();
            }
            if (tab("Analysis", Page::Analysis, "capability.tab.analysis")) {
                begin_flat_child("analysis");
                draw_analysis_page(ctx, d);
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
            if (tab("Data", Page::Data, "capability.tab.data")) {
                const long f = draw_grid(plan, d, grid_, edits);
                if (f >= 0) feature = static_cast<size_t>(f);  // Analysis follows the grid's column
                ImGui::EndTabItem();
            }
            if (tab("Settings", Page::Settings, "capability.tab.settings")) {
                begin_flat_child("settings");
                draw_dataset_settings(ctx, d);
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
            if (tab("Yield", Page::Yield, "capability.tab.yield")) {
                if (yield_state_ != state_id || yield_dataset_ != d.id) {
                    yield_ = first_pass_yield(d.yield, d.yield_settings);
                    yield_state_ = state_id;
                    yield_dataset_ = d.id;
                }
                draw_yield(ctx, d, yield_);
                ImGui::EndTabItem();
            }
            select_page = false;
            ImGui::EndTabBar();
        }
#ifdef MF_TEST_HOOKS
        publish_test_values(plan, d);
#endif
    }

    // Ctrl+V anywhere on the page (not in a text field, not at a cell of the data grid, which
    // pastes there itself): spreadsheet cells to import.
    const bool ours = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) ||
        !ImGui::IsWindowFocused(ImGuiFocusedFlags_AnyWindow);
    if (!importer.open && ours && !grid_.took_paste && !ImGui::GetIO().WantTextInput &&
        ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_V)) {
        const char* clip = ImGui::GetClipboardText();
        if (clip && *clip) importer.start("pasted text", clip, /*from_clipboard=*/true);
    }
    const long select = importer.draw(plan, dataset, edits);
    if (select >= 0) {
        select_next_ = select;
        page = Page::Summary;
        select_page = true;
    }
    MF_TEST_VALUE("capability.import_open", importer.open ? 1 : 0);
}

void CapabilityView::draw_empty(const Plan& plan) {
    ImGui::Spacing();
    ImGui::TextUnformatted("No measurement datasets in this plan yet.");
    MF_TEST_ANCHOR("capability.empty");
    ImGui::Spacing();
    ImGui::BulletText(
        "Paste spreadsheet cells here with Ctrl+V: one column per feature, one row per part in "
        "production order (a header row is optional; empty cells are missing values).");
    ImGui::BulletText("Import CSV… reads a CSV or TSV file (you can also drop one on the page).");
    ImGui::BulletText(
        "New makes an empty dataset; a table with step, passed and failed columns becomes "
        "first-pass-yield records.");
    ImGui::Spacing();
    ImGui::TextDisabled("Limits and values of lengths are shown in %s (the plan's display unit, set in Overview).",
                        unit_symbol(plan.meta.units));
}

// [SECTION] Dataset bar ----------------------------------------------------------------------

void CapabilityView::draw_dataset_bar(ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    const bool any = !plan.datasets.empty();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Dataset");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(18));
    const std::string preview = any ? plan.datasets[dataset].name : std::string("(none)");
    const bool open = ImGui::BeginCombo("##dataset", preview.c_str());
    if (!open) field_tooltip_when_cut(preview, true);
    if (open) {
        for (size_t i = 0; i < plan.datasets.size(); ++i) {
            const Dataset& d = plan.datasets[i];
            ImGui::PushID(static_cast<int>(i));
            const std::string label = d.name + "  (" + std::to_string(d.rows()) + " rows × " +
                std::to_string(d.features.size()) + " features)";
            if (ImGui::Selectable(label.c_str(), i == dataset) && i != dataset) {
                dataset = i;
                feature = 0;
                grid_ = {};
            }
            if (i < 10) MF_TEST_ANCHOR(("capability.dataset." + std::to_string(i)).c_str());
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    MF_TEST_ANCHOR("capability.dataset");
    if (any) {
        const Dataset& d = plan.datasets[dataset];
        ImGui::SameLine();
        std::string name = d.name;
        ImGui::SetNextItemWidth(em(14));
        const std::string key = "cap." + d.id + ".name";
        if (input_string("##dsname", name) && !name.empty())  // longer than 200 characters is refused, with why
            edits.push_merge("Rename dataset", key, [id = d.id, name](Plan& p) {
                if (Dataset* ds = find_dataset(p, id)) ds->name = name;
            });
        ImGui::SetItemTooltip("The dataset's name");
        MF_TEST_ANCHOR("capability.dataset_name");
        field_error_marker(ctx, key);
    }
    ImGui::SameLine();
    if (ImGui::Button("New")) {
        edits.push("New dataset", [](Plan& p) { add_dataset(p); });
        select_next_ = static_cast<long>(plan.datasets.size());
    }
    ImGui::SetItemTooltip("A new, empty dataset");
    MF_TEST_ANCHOR("capability.new");
    ImGui::BeginDisabled(!any);
    ImGui::SameLine();
    if (ImGui::Button("Duplicate") && any) {
        edits.push("Duplicate dataset \"" + plan.datasets[dataset].name + "\"",
                   [id = plan.datasets[dataset].id](Plan& p) { duplicate_dataset(p, id); });
        select_next_ = static_cast<long>(plan.datasets.size());
    }
    MF_TEST_ANCHOR("capability.duplicate");
    ImGui::SameLine();
    if (ImGui::Button("Delete") && any) confirm_delete_ = true;
    MF_TEST_ANCHOR("capability.delete");
    ImGui::EndDisabled();
    ImGui::SameLine(0, em(1.5f));
    if (ImGui::Button("Import CSV…")) platform::request_open_file(".csv,.tsv,.txt");
    ImGui::SetItemTooltip("Read a CSV or TSV file of measurements (or first-pass-yield counts)");
    MF_TEST_ANCHOR("capability.import_csv");
    ImGui::SameLine();
    if (ImGui::Button("Paste data…")) importer.start("pasted text", "", /*from_clipboard=*/true);
    ImGui::SetItemTooltip("Paste cells copied from a spreadsheet (or press Ctrl+V anywhere on this page)");
    MF_TEST_ANCHOR("capability.paste");

    if (confirm_delete_) {
        ImGui::OpenPopup("Delete dataset?");
        confirm_delete_ = false;
    }
    if (ImGui::BeginPopupModal("Delete dataset?", nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        close_modal_on_escape();
        if (any) {
            const Dataset& d = plan.datasets[dataset];
            ImGui::Text("Delete \"%s\" (%zu rows × %zu features)?", d.name.c_str(), d.rows(), d.features.size());
            ImGui::TextDisabled("Edit > Undo brings it back.");
            if (ImGui::Button("Delete")) {
                // Linked contributors and gates fall back to their declared figures.
                edits.push("Delete dataset \"" + d.name + "\"", [id = d.id](Plan& p) { delete_dataset(p, id); });
                ImGui::CloseCurrentPopup();
            }
            MF_TEST_ANCHOR("capability.delete_confirm");
            ImGui::SameLine();
        }
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

// [SECTION] Analysis page --------------------------------------------------------------------

void CapabilityView::draw_analysis_page(ViewContext& ctx, const Dataset& d) {
    const Plan& plan = ctx.plan;
    if (d.features.empty()) {
        ImGui::TextWrapped(
            "This dataset has no features yet: paste spreadsheet cells (Ctrl+V) or use Paste data… / "
            "Import CSV….");
        return;
    }
    const Feature& f = d.features[feature];
    const ValueUnit u = value_unit(f, plan.meta.units);

    // Feature, its limits, chart options.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Feature");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(12));
    const bool open = ImGui::BeginCombo("##feature", f.name.c_str());
    if (!open) field_tooltip_when_cut(f.name, true);
    if (open) {
        for (size_t i = 0; i < d.features.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(d.features[i].name.c_str(), i == feature)) feature = i;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    MF_TEST_ANCHOR("capability.feature");
    const char* labels[] = {"LSL", "USL", "Target"};
    const char* ids[] = {"##lsl", "##usl", "##target"};
    [[maybe_unused]] const char* anchors[] = {"capability.lsl", "capability.usl", "capability.target"};
    const std::optional<double> values[] = {f.lsl, f.usl, f.nominal};
    for (int k = 0; k < 3; ++k) {
        ImGui::SameLine(0, em(0.8f));
        ImGui::TextUnformatted(labels[k]);
        ImGui::SameLine();
        std::optional<double> v;
        const SpecLimit which = static_cast<SpecLimit>(k);
        if (input_optional_value(ids[k], values[k], u, &v, em(6))) push_spec_edit(ctx.edits, d, f, which, v);
        MF_TEST_ANCHOR(anchors[k]);
        field_error_marker(ctx, spec_key(d, f, which));  // an LSL at or above the USL is refused, with why
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", u.symbol.c_str());
    ImGui::SameLine(0, em(1.2f));
    ImGui::TextUnformatted("Chart");
    ImGui::SameLine();
    int ct = static_cast<int>(chart);
    const char* charts[] = {"Auto", "Xbar–R", "Xbar–S", "I–MR"};
    ImGui::SetNextItemWidth(em(6));
    if (ImGui::Combo("##chart", &ct, charts, 4)) chart = static_cast<ChartType>(ct);
    ImGui::SetItemTooltip("Auto: I–MR for individual values, Xbar–R for subgroups up to 8, Xbar–S from 9 (Minitab)");
    ImGui::SameLine();
    int rs = western_electric ? 1 : 0;
    const char* sets[] = {"Nelson tests", "Western Electric"};
    ImGui::SetNextItemWidth(em(9));
    if (ImGui::Combo("##rules", &rs, sets, 2)) western_electric = rs == 1;
    ImGui::SetItemTooltip(
        "Nelson: the eight tests with Minitab's K values. Western Electric: tests 1, 5, 6 and 8 in a "
        "row on one side.");

    const FeatureAnalysis* c = feature_result(feature);
    if (!c) {
        ImGui::TextDisabled("Analysing…");
        return;
    }
    const FeatureAnalysis& a = *c;
    draw_verdict(a, d.gate);
    ImGui::Spacing();
    const RuleSettings rules = capability_options(chart, western_electric).rules;
    if (ImGui::BeginTable("analysis_columns", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        draw_histogram(a, u, em(15));
        ImGui::Spacing();
        draw_indices(a, u);
        ImGui::TableNextColumn();
        draw_control_charts(a, u, rules, em(25));
        draw_normality(a, u);
        draw_drift(a, u, d.part_interval);
        ImGui::EndTable();
    }
}

// [SECTION] Test values -----------------------------------------------------------------------

#ifdef MF_TEST_HOOKS
void CapabilityView::publish_test_values(const Plan& plan, const Dataset& d) {
    auto opt = [](const std::optional<double>& v) { return v ? *v : NAN; };
    const size_t analysed = analysis_.dataset.id == d.id ? analysis_.current_count() : 0;
    MF_TEST_VALUE("capability.datasets", static_cast<double>(plan.datasets.size()));
    MF_TEST_VALUE("capability.dataset_index", static_cast<double>(dataset));
    MF_TEST_TEXT("capability.dataset_name", d.name);
    MF_TEST_VALUE("capability.features", static_cast<double>(d.features.size()));
    MF_TEST_VALUE("capability.rows", static_cast<double>(d.rows()));
    MF_TEST_VALUE("capability.analysed", static_cast<double>(analysed));
    MF_TEST_VALUE("capability.pending", static_cast<double>(d.features.size() - std::min(analysed, d.features.size())));
    const FeatureAnalysis* c = feature_result(feature);
    const bool ok = c && analysis_.dataset.id == d.id && analysis_.current[feature];
    const FeatureAnalysis empty;
    const FeatureAnalysis& a = ok ? *c : empty;
    MF_TEST_TEXT("capability.feature", ok ? a.feature_name : "");
    MF_TEST_VALUE("capability.n", ok ? static_cast<double>(a.values) : NAN);
    MF_TEST_VALUE("capability.mean", ok ? a.mean : NAN);
    MF_TEST_VALUE("capability.sigma_within", ok ? a.within.sigma : NAN);
    MF_TEST_VALUE("capability.sigma_overall", ok ? a.overall.sigma : NAN);
    MF_TEST_VALUE("capability.cp", opt(a.cap.cp));
    MF_TEST_VALUE("capability.cpk", opt(a.cap.cpk));
    MF_TEST_VALUE("capability.cpk_lower", opt(a.cap.cpk_lower_bound));
    MF_TEST_VALUE("capability.pp", opt(a.cap.pp));
    MF_TEST_VALUE("capability.ppk", opt(a.cap.ppk));
    MF_TEST_VALUE("capability.cpm", opt(a.cap.cpm));
    MF_TEST_VALUE("capability.center", ok && a.chart.error.empty() ? a.chart.center : NAN);
    MF_TEST_VALUE("capability.ucl", ok && a.chart.error.empty() ? a.chart.ucl : NAN);
    MF_TEST_VALUE("capability.lcl", ok && a.chart.error.empty() ? a.chart.lcl : NAN);
    MF_TEST_VALUE("capability.violations",
                  ok ? static_cast<double>(a.violations.size() + a.dispersion_violations.size()) : NAN);
    MF_TEST_VALUE("capability.ad_p", ok && a.ad.error.empty() ? a.ad.p : NAN);
    MF_TEST_VALUE("capability.drift_p", ok && a.drift.error.empty() ? a.drift.p : NAN);
    MF_TEST_TEXT("capability.verdict", ok ? gate_verdict_name(a.gate.verdict) : "");
    MF_TEST_TEXT("capability.chart_type", ok && a.chart.error.empty() ? chart_type_name(a.chart.type) : "");
    MF_TEST_TEXT("capability.errors", ok && !a.errors.empty() ? to_string(a.errors.front()) : "");
    MF_TEST_TEXT("capability.page",
                 page == Page::Summary        ? "summary"
                     : page == Page::Analysis ? "analysis"
                     : page == Page::Data     ? "data"
                     : page == Page::Settings ? "settings"
                                              : "yield");
    MF_TEST_VALUE("capability.rty",
                  yield_dataset_ == d.id && yield_.verdict != YieldVerdict::NoData ? yield_.rty : NAN);
}

#endif

}  // namespace mf

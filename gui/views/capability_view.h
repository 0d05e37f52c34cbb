// The Capability tab: measurement datasets of the plan and their process-capability and SPC
// analysis (core/capability). A dataset selector (new, duplicate, rename, delete, import a
// CSV/TSV file, paste spreadsheet cells), then sub-tabs:
//   Summary    one row per feature: limits (editable), Cp, Cpk with its lower bound, Ppk, verdict
//   Analysis   the selected feature: histogram with the fitted normals, control charts with
//              the broken rules marked, indices, normality, drift, the gate's verdict
//   Data       the grid, features as columns and parts as rows (cells editable, Ctrl+V pastes)
//   Settings   subgrouping, σ estimator, part interval, gate; feature names, units, limits
//   Yield      first-pass yield per step and rolled, with intervals and the verdict
// The analysis is core's CapabilityRun (capability/capability_analysis.h), run a feature at a
// time across frames by a JobRunner; a new run takes over the features whose inputs did not
// change, so typing one limit recomputes that feature only. Every structural change is a
// named operation of core/capability/capability_edit.h.
//
//   app: capability.draw(ctx);
//        if (CapabilityView::accepts_file(name)) capability.import_file(name, bytes);
#pragma once
#include <cstdint>
#include <string>

#include "capability/capability_analysis.h"
#include "capability/table_import.h"
#include "edits.h"
#include "job_runner.h"
#include "view_context.h"
#include "plan/plan.h"
#include "views/capability_import.h"
#include "views/capability_parts.h"

namespace mf {

struct CapabilityView {
    enum class Page { Summary, Analysis, Data, Settings, Yield };

    size_t dataset = 0;  // selected dataset (index into plan.datasets)
    size_t feature = 0;  // selected feature of that dataset
    Page page = Page::Summary;
    bool select_page = false;  // make `page` the selected sub-tab on the next frame
    ChartType chart = ChartType::Auto;
    bool western_electric = false;

    CapabilityImport importer;  // the import dialog (file or pasted text)

    void draw(ViewContext& ctx);

    // .csv, .tsv and .txt files are measurement tables (everything else is a plan file).
    static bool accepts_file(const std::string& name);
    // Opens the import dialog with a file's text and brings the tab forward.
    void import_file(const std::string& name, const std::string& bytes);
    // Opens the import dialog with pasted text (what Ctrl+V in the view does).
    void paste_text(const std::string& text);

    // What the pages show: the finished analysis of the selected dataset, or the running
    // one's partial result (features not redone yet keep their previous figures, marked).
    const CapabilityAnalysis& analysis() const { return analysis_; }
    // The selected dataset's feature i as last analysed (null when it has no result yet).
    const FeatureAnalysis* feature_result(size_t i) const;

private:
    struct Inputs {
        Dataset dataset;  // columns compared by pointer: an edit makes a new one
        CapabilityOptions options;
        bool operator==(const Inputs&) const = default;
    };
    JobRunner<CapabilityRun, Inputs> run_{1};  // one feature per step
    CapabilityAnalysis analysis_;
    uint64_t shown_generation_ = 0;
    capability_ui::GridState grid_;
    uint64_t yield_state_ = 0;
    std::string yield_dataset_;
    YieldResult yield_;
    bool confirm_delete_ = false;
    long select_next_ = -1;  // dataset to select on the next frame (after its edit is applied)

    void run_analysis(const Dataset& d);
    void draw_dataset_bar(ViewContext& ctx);
    void draw_empty(const Plan& plan);
    void draw_analysis_page(ViewContext& ctx, const Dataset& d);
#ifdef MF_TEST_HOOKS
    void publish_test_values(const Plan& plan, const Dataset& d);
#endif
};

}  // namespace mf

// Pieces of the Capability view shared by its files (gui/views/capability_*.cpp); not for
// other views. Each draw_* function renders one part of the page from the cached analysis
// and pushes Edits; none computes a statistic (core/capability does).
//
//   capability_view.cpp     the page: dataset selector, the analysis run, sub-tabs, Ctrl+V
//   capability_import.cpp   the import dialog: CSV/TSV files and pasted spreadsheet text
//   capability_grid.cpp     the data grid (features as columns, parts as rows)
//   capability_charts.cpp   histogram with the fitted normals, control charts
//   capability_report.cpp   summary table, indices, normality, drift, yield, settings
#pragma once
#include <optional>
#include <string>

#include "capability/capability_analysis.h"
#include "capability/capability_edit.h"
#include "capability/capability_tables.h"
#include "capability/yield.h"
#include "edits.h"
#include "imgui.h"
#include "plan/plan.h"
#include "view_context.h"

namespace mf::capability_ui {

// How a feature's values are shown: ValueUnit and value_unit (capability/capability_tables.h,
// shared with the table copied or saved as CSV).
using mf::value_unit;
using mf::ValueUnit;
// "1.0253 mm" / "12.5 N" with `significant` digits.
std::string format_value(double stored, const ValueUnit& u, int significant = 6);
// A number with a fixed number of decimals, or "—" when absent or not finite.
std::string fmt(std::optional<double> v, int decimals = 2);

// An optional value (a specification limit) typed in the display unit; an empty field means
// "no limit". Returns true with *out set when the text is a number or empty and differs from
// the stored value; a half-typed or invalid text stays in the field (with a note) and
// changes nothing.
bool input_optional_value(const char* label, std::optional<double> stored, const ValueUnit& u,
                          std::optional<double>* out, float width);

// The field key of a feature's limit ("cap.<dataset>.<feature>.LSL"): where a refused edit
// (an LSL at or above the USL ...) shows its reason.
std::string spec_key(const Dataset& d, const Feature& f, SpecLimit which);
// Pushes the edit of one specification limit (or the target) of a feature, at spec_key.
void push_spec_edit(Edits& edits, const Dataset& d, const Feature& f, SpecLimit which, std::optional<double> v);

// Verdict colours and words (colour never alone).
ImU32 verdict_colour(GateVerdict v);
ImU32 yield_colour(YieldVerdict v);

// The pilot gate's verdict as the page says it. The gate's "not enough data" also covers a
// feature with plenty of values but no specification limit (no Cpk to compare): that says
// "no spec limits". The gate weighs Cpk only: a capable process out of statistical control
// (control-chart rules broken) is amber and says both facts, as capability predicts nothing
// for an unstable process.
struct VerdictLabel {
    const char* mark;   // "✓", "✗", "?", "▲": the colour is never alone
    std::string words;  // "capable", "capable, not in control", "no spec limits", ...
    ImU32 colour;
};
VerdictLabel verdict_label(const FeatureAnalysis& a, const GateSettings& s);

// The parts of the page.
void draw_summary_table(ViewContext& ctx, const Dataset& d, const CapabilityAnalysis& a, size_t* selected_feature);
void draw_indices(const FeatureAnalysis& a, const ValueUnit& u);
void draw_verdict(const FeatureAnalysis& a, const GateSettings& s);
void draw_normality(const FeatureAnalysis& a, const ValueUnit& u);
void draw_drift(const FeatureAnalysis& a, const ValueUnit& u, int64_t part_interval);
void draw_yield(ViewContext& ctx, const Dataset& d, const YieldResult& y);
void draw_dataset_settings(ViewContext& ctx, const Dataset& d);

void draw_histogram(const FeatureAnalysis& a, const ValueUnit& u, float height);
void draw_control_charts(const FeatureAnalysis& a, const ValueUnit& u, const RuleSettings& rules, float height);

// The data grid's UI state. Columns are the dataset's sheet columns (dataset_edit.h: the
// text columns it has, then the features); the selection is the rectangle between the
// current cell (where typing and pasting go) and its other corner, which Shift+arrows and
// Shift+click move (the same cell when one is selected).
struct GridState {
    std::string dataset_id;                 // the selection belongs to this dataset
    long row = -1, col = -1;                // current cell, -1: none
    long anchor_row = -1, anchor_col = -1;  // the selection's other corner
    long scroll_row = 0, scroll_col = 0;    // the cell scroll_to brings into view
    bool editing = false;
    std::string text;            // the cell text being edited
    std::string original;        // the cell's text when editing started
    bool focus_text = false;     // give the edit field the keyboard focus on the next draw
    bool select_all = true;      // ... with its text selected (not when typing started it)
    bool cursor_to_end = false;  // put the cursor after the typed text once the field is active
    bool tab_pressed = false;    // Tab in the edit field (commit and move right / left)
    bool scroll_to = false;      // bring the current cell into view on the next draw
    int page_rows = 20;          // rows that fit the view (PageUp / PageDown)
    bool took_paste = false;     // this frame's Ctrl+V was a paste at the current cell
    std::string message;         // why the last paste or edit was refused ("" = none)
};
// Returns the feature index of the current cell (-1: none, or a text column), so the
// Analysis page follows the column the user works in.
long draw_grid(const Plan& plan, const Dataset& d, GridState& g, Edits& edits);

}  // namespace mf::capability_ui

// "Copy" and "Save CSV…" over a results table: the one way every results table leaves the
// app (core/base/result_table.h). Drawn directly above the table, left-aligned, in every view.
// Copy puts the table on the clipboard as tab-separated text (it pastes into a spreadsheet and
// into our own data grid); Save CSV… downloads <plan>-<table>.csv (RFC 4180, UTF-8 with BOM).
//
// The table is built only when a button is clicked, from the analysis the view draws:
//
//   table_out("decision.matrix", plan.meta.name, [&] { return decision_matrix_table(a, s, mc); });
//   if (ImGui::BeginTable("matrix", ...)) { ...; ImGui::EndTable(); }
#pragma once
#include <functional>
#include <string>

#include "base/result_table.h"

namespace mf {

// `id` names the table for the test anchors ("table.<id>.copy", "table.<id>.csv").
void table_out(const char* id, const std::string& plan_name, const std::function<ResultTable()>& build);

// What the buttons do, for the tests: the clipboard text and the download.
void copy_table(const ResultTable& t);
void save_table_csv(const ResultTable& t, const std::string& plan_name);

}  // namespace mf

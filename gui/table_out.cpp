// Copy / Save CSV… over a results table (table_out.h).
#include "table_out.h"

#include "base/file_slug.h"
#include "imgui.h"
#include "platform/platform.h"
#include "test_hooks.h"

namespace mf {

void copy_table(const ResultTable& t) { platform::set_clipboard_text(table_tsv(t)); }

void save_table_csv(const ResultTable& t, const std::string& plan_name) {
    platform::download_file(file_slug(plan_name) + "-" + t.file_stem + ".csv", table_csv(t), "text/csv");
}

void table_out(const char* id, const std::string& plan_name, const std::function<ResultTable()>& build) {
    ImGui::PushID(id);
    if (ImGui::SmallButton("Copy")) copy_table(build());
    MF_TEST_ANCHOR(std::string("table.") + id + ".copy");
    ImGui::SetItemTooltip("Copy this table as tab-separated text: it pastes into a spreadsheet or a data grid.");
    ImGui::SameLine();
    if (ImGui::SmallButton("Save CSV…")) save_table_csv(build(), plan_name);
    MF_TEST_ANCHOR(std::string("table.") + id + ".csv");
    ImGui::SetItemTooltip("Download this table as a CSV file (UTF-8, opens in Excel and LibreOffice).");
    ImGui::PopID();
}

}  // namespace mf

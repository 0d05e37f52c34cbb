#include "report_export.h"

#include <cmath>

#include "base/date.h"
#include "imgui.h"
#include "platform/platform.h"

namespace mf {

std::string ReportExport::file_name_for(const std::string& plan_file_name) {
    std::string stem = plan_file_name;
    for (const char* ext : {".mfplan.json", ".json"})
        if (stem.size() > std::string(ext).size() && stem.ends_with(ext)) {
            stem.resize(stem.size() - std::string(ext).size());
            break;
        }
    return (stem.empty() ? std::string("plan") : stem) + "-report.html";
}

void ReportExport::request(const Plan& plan, const std::string& plan_file_name) {
    plan_ = plan;
    file_name_ = file_name_for(plan_file_name);
    ++request_.id;
}

void ReportExport::draw(std::string& status) {
    if (!plan_) return;
    runner_.update(request_, [&] { return std::make_unique<ReportJob>(*plan_); });
    if (runner_.running()) {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.4f),
                                ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 24, 0));
        if (ImGui::Begin("Report###report_progress", nullptr,
                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
            ImGui::TextUnformatted("Writing the report: running every Monte Carlo …");
            if (runner_.draw_progress("Report")) status = "Report cancelled";
        }
        ImGui::End();
        return;
    }
    const ReportAnalyses* r = runner_.result();
    if (!r || runner_.generation() == delivered_generation_) return;
    delivered_generation_ = runner_.generation();
    if (!r->complete) return;  // cancelled: nothing to download
    // The date the CLI prints by default: today in UTC.
    const double now = platform::wall_clock_seconds();
    ReportOptions o;
    o.date = format_iso_date(Date{static_cast<int32_t>(std::floor(now / 86400))});
    platform::download_file(file_name_, write_report_html(*plan_, *r, o), "text/html");
    status = "Report written: " + file_name_ + " (downloaded)";
    plan_.reset();
}

}  // namespace mf

// "New from template…": the article's DFμF-to-ramp path (core/schedule/template.h) for a
// chosen partner kind and options, previewed task by task before it replaces the timeline.
#include <algorithm>
#include <cstdio>

#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "views/schedule_shared.h"
#include "schedule/schedule_edit.h"
#include "views/schedule_view.h"
#include "widgets.h"

namespace mf {

using namespace schedule_ui;

static const PartnerKind kKinds[] = {PartnerKind::Boutique, PartnerKind::FullServiceCM, PartnerKind::InHouse,
                                     PartnerKind::Other};

static const char* kind_name(PartnerKind k) {
    switch (k) {
        case PartnerKind::Boutique: return "Boutique micro-machining shop";
        case PartnerKind::FullServiceCM: return "Full-service contract manufacturer";
        case PartnerKind::InHouse: return "In-house";
        case PartnerKind::Other: return "Other";
    }
    return "Other";
}

static int first_partner_of(const Plan& plan, PartnerKind k, int not_index = -1) {
    for (size_t i = 0; i < plan.decision.partners.size(); ++i)
        if (plan.decision.partners[i].kind == k && static_cast<int>(i) != not_index) return static_cast<int>(i);
    return -1;
}

void ScheduleView::open_template_dialog(const Plan& plan) {
    tmpl_ = TemplateOptions{};
    // Start from the partner the decider chose, if any.
    for (const auto& p : plan.decision.partners)
        if (p.id == plan.decision.chosen) tmpl_.partner_kind = p.kind;
    tmpl_partner_ = first_partner_of(plan, tmpl_.partner_kind);
    tmpl_second_ = first_partner_of(plan, PartnerKind::FullServiceCM, tmpl_partner_);
    tmpl_switch_ = -1;
    for (size_t i = 0; i < plan.decision.partners.size(); ++i)
        if (static_cast<int>(i) != tmpl_partner_) {
            tmpl_switch_ = static_cast<int>(i);
            break;
        }
    tmpl_start_ = plan.meta.start_date ? plan.meta.start_date : std::optional<Date>(today());
    tmpl_deadline_ = plan.meta.deadline;
    template_open_ = true;
}

// A partner picker: the plan's partners or "a new one" (-1).
static bool partner_combo(const char* id, const Plan& plan, int* index, PartnerKind new_kind) {
    const std::string current = *index >= 0 && *index < static_cast<int>(plan.decision.partners.size())
        ? plan.decision.partners[static_cast<size_t>(*index)].name
        : std::string("A new partner: ") + kind_name(new_kind);
    bool changed = false;
    ImGui::SetNextItemWidth(em(20));
    if (ImGui::BeginCombo(id, current.c_str())) {
        for (size_t i = 0; i < plan.decision.partners.size(); ++i) {
            const Partner& p = plan.decision.partners[i];
            const std::string label = p.name + " (" + kind_name(p.kind) + ")##" + p.id;
            if (ImGui::Selectable(label.c_str(), *index == static_cast<int>(i))) {
                *index = static_cast<int>(i);
                changed = true;
            }
        }
        if (ImGui::Selectable((std::string("A new partner: ") + kind_name(new_kind)).c_str(), *index < 0)) {
            *index = -1;
            changed = true;
        }
        ImGui::EndCombo();
    }
    return changed;
}

// A form field's label in the left column.
static void form_label(const char* s) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(s);
    ImGui::SameLine(em(13));
}

// The preview of the tasks the template makes, what it assumed, and what it replaces.
static void draw_template_preview(const Plan& plan, const TemplateResult& preview, bool has_start) {
    for (const auto& e : preview.errors)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "%s", e.c_str());
    if (!has_start) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "The schedule needs a start date.");
    if (preview.errors.empty() &&
        ImGui::BeginTable("preview", 3,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("Task", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, em(5));
        ImGui::TableSetupColumn("O / M / P working days", ImGuiTableColumnFlags_WidthFixed, em(10));
        ImGui::TableHeadersRow();
        for (const auto& t : preview.section.tasks) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(t.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(kind_label(t.kind));
            ImGui::TableNextColumn();
            if (t.kind != TaskKind::Milestone)
                ImGui::Text("%s / %s / %s", format_days(t.optimistic).c_str(), format_days(t.most_likely).c_str(),
                            format_days(t.pessimistic).c_str());
        }
        ImGui::EndTable();
    }
    if (!preview.assumptions.empty()) {
        ImGui::TextDisabled("Assumed where the article gives no figure:");
        for (const auto& a : preview.assumptions) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", a.c_str());
        }
    }
    if (!plan.schedule.tasks.empty())
        ImGui::TextColored(
            ImGui::ColorConvertU32ToFloat4(plot_warn()),
            "Replaces the %zu tasks of the current timeline (Edit > Undo brings them back). The calendar is kept.",
            plan.schedule.tasks.size());
}

// The template's options: partners, features, first article, pilot gate, switches, dates.
void ScheduleView::draw_template_form(const Plan& plan) {
    const auto& partners = plan.decision.partners;
    auto valid = [&](int i) { return i >= 0 && i < static_cast<int>(partners.size()); };
    form_label("Partner kind");
    ImGui::SetNextItemWidth(em(20));
    if (ImGui::BeginCombo("##kind", kind_name(tmpl_.partner_kind))) {
        for (PartnerKind k : kKinds)
            if (ImGui::Selectable(kind_name(k), k == tmpl_.partner_kind)) {
                tmpl_.partner_kind = k;
                if (!valid(tmpl_partner_) || partners[static_cast<size_t>(tmpl_partner_)].kind != k)
                    tmpl_partner_ = first_partner_of(plan, k);
            }
        ImGui::EndCombo();
    }
    MF_TEST_ANCHOR("schedule.template.kind");
    form_label("Partner");
    partner_combo("##partner", plan, &tmpl_partner_, tmpl_.partner_kind);
    form_label("Features at sub-100 µm");
    ImGui::SetNextItemWidth(em(6));
    if (ImGui::InputInt("##features", &tmpl_.feature_count, 1, 1))
        tmpl_.feature_count = std::clamp(tmpl_.feature_count, 1, 1000);
    ImGui::SameLine();
    ImGui::TextDisabled(tmpl_.feature_count >= 10 ? "10 or more: the review takes a week longer"
                                                  : "fewer than 10: 3–5 days");
    form_label("First article passes with");
    ImGui::SetNextItemWidth(em(6));
    double pfa = tmpl_.first_article_pass_probability * 100;
    if (ImGui::InputDouble("##pfa", &pfa, 0, 0, "%.4g %%"))
        tmpl_.first_article_pass_probability = std::clamp(pfa, 0.0, 100.0) / 100;
    form_label("Pilot gate: expected Cpk");
    ImGui::SetNextItemWidth(em(5));
    if (ImGui::InputDouble("##cpk", &tmpl_.pilot_cpk.estimate, 0, 0, "%.4g"))
        tmpl_.pilot_cpk.estimate = std::clamp(tmpl_.pilot_cpk.estimate, 0.0, 100.0);
    ImGui::SameLine();
    ImGui::TextUnformatted("parts measured");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(5));
    if (ImGui::InputDouble("##n", &tmpl_.pilot_cpk.sample_size, 0, 0, "%.0f"))
        tmpl_.pilot_cpk.sample_size = std::clamp(tmpl_.pilot_cpk.sample_size, 2.0, 1e9);
    ImGui::SameLine();
    ImGui::TextUnformatted("threshold");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(4));
    if (ImGui::InputDouble("##thr", &tmpl_.pilot_cpk.threshold, 0, 0, "%.4g"))
        tmpl_.pilot_cpk.threshold = std::clamp(tmpl_.pilot_cpk.threshold, 0.0, 100.0);

    ImGui::Spacing();
    ImGui::Checkbox("Assume the first batch fails (plan one rework loop at first-article inspection)",
                    &tmpl_.assume_first_batch_fails);
    MF_TEST_ANCHOR("schedule.template.first_fails");
    ImGui::Checkbox("Switch partner mid-project (+4–8 weeks before the pilot)", &tmpl_.switch_partner_mid_project);
    MF_TEST_ANCHOR("schedule.template.switch");
    if (tmpl_.switch_partner_mid_project) {
        form_label("    switch to");
        partner_combo("##switch", plan, &tmpl_switch_, PartnerKind::Other);
    }
    ImGui::Checkbox("A second partner for scale (after the pilot, in parallel with the ramp)",
                    &tmpl_.second_partner_for_scale);
    MF_TEST_ANCHOR("schedule.template.second");
    if (tmpl_.second_partner_for_scale) {
        form_label("    second partner");
        partner_combo("##second", plan, &tmpl_second_, PartnerKind::FullServiceCM);
    }
    ImGui::Spacing();
    form_label("Production samples by");
    input_date("##samples", tmpl_.samples_target, &tmpl_.samples_target);
    ImGui::SameLine();
    ImGui::TextDisabled("optional");
    form_label("Sustained production by");
    input_date("##production", tmpl_.production_target, &tmpl_.production_target);
    ImGui::SameLine();
    ImGui::TextDisabled("optional");
    form_label("Start date");
    input_date("##tstart", tmpl_start_, &tmpl_start_);
    form_label("Deadline (market window)");
    input_date("##tdeadline", tmpl_deadline_, &tmpl_deadline_);
}

// Applies the template as one edit (new partners are made when applied) and shows the Gantt chart.
void ScheduleView::build_template(ViewContext& ctx) {
    const auto& partners = ctx.plan.decision.partners;
    auto valid = [&](int i) { return i >= 0 && i < static_cast<int>(partners.size()); };
    TemplateApplication a;  // core/schedule/schedule_edit.h: new partners are made when applied
    a.options = tmpl_;
    a.partner = {valid(tmpl_partner_) ? partners[static_cast<size_t>(tmpl_partner_)].id : "", tmpl_.partner_kind,
                 kind_name(tmpl_.partner_kind)};
    a.switch_to = {valid(tmpl_switch_) ? partners[static_cast<size_t>(tmpl_switch_)].id : "", PartnerKind::Other,
                   "Replacement partner"};
    a.second = {valid(tmpl_second_) ? partners[static_cast<size_t>(tmpl_second_)].id : "", PartnerKind::FullServiceCM,
                "Second partner for scale"};
    a.start = tmpl_start_;
    a.deadline = tmpl_deadline_;
    ctx.edits.push_at("New timeline from template", "schedule.template", [a](Plan& p) { apply_template(p, a); });
    selected.clear();
    page_request = PageGantt;
    gantt_day_px = 0;
    ImGui::CloseCurrentPopup();
}

void ScheduleView::draw_template_dialog(ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    if (template_open_) {
        ImGui::OpenPopup("New timeline from the article's template");
        template_open_ = false;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em(50), vp->WorkSize.x * 0.95f), std::min(em(44), vp->WorkSize.y * 0.92f)),
                             ImGuiCond_Appearing);
    bool open = true;
    if (!ImGui::BeginPopupModal("New timeline from the article's template", &open)) return;
    close_modal_on_escape();  // as Cancel: the form keeps its choices for next time
    const auto& partners = plan.decision.partners;
    auto valid = [&](int i) { return i >= 0 && i < static_cast<int>(partners.size()); };

    // The form scrolls; the buttons stay at the bottom.
    begin_flat_child("form", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() - em(0.3f)));
    ImGui::TextWrapped(
        "The path from design-for-micro-fabrication review to production ramp, with the article's "
        "figures as defaults. Every task can be edited afterwards.");
    ImGui::Separator();
    draw_template_form(plan);

    // Preview with placeholder ids for partners still to be created.
    TemplateOptions o = tmpl_;
    o.partner_id = valid(tmpl_partner_) ? partners[static_cast<size_t>(tmpl_partner_)].id : "(new)";
    o.switch_to_partner_id = valid(tmpl_switch_) ? partners[static_cast<size_t>(tmpl_switch_)].id : "(new switch)";
    o.second_partner_id = valid(tmpl_second_) ? partners[static_cast<size_t>(tmpl_second_)].id : "(new second)";
    const TemplateResult preview = build_article_template(o);
    ImGui::Separator();
    draw_template_preview(plan, preview, tmpl_start_.has_value());

    ImGui::EndChild();
    ImGui::Separator();

    const bool can = preview.errors.empty() && tmpl_start_.has_value();
    if (!can) ImGui::BeginDisabled();
    if (ImGui::Button("Build the timeline")) build_template(ctx);
    MF_TEST_ANCHOR("schedule.template.build");
    if (!can) ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace mf

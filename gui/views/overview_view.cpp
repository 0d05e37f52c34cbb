#include "views/overview_view.h"

#include <cstdio>

#include "imgui.h"
#include "plan/plan_edit.h"
#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "widgets.h"

namespace mf {

// Weekdays (Mon–Fri) in [from, to): what "working days" means before a calendar is set.
static int weekdays_between(Date from, Date to) {
    int n = 0;
    for (Date d = from; d < to; d.days++)
        if (weekday(d) < 5) ++n;
    return n;
}

// The plan's currency: the three common ones, or a symbol of the user's own typed beside them.
static void draw_currency(ViewContext& ctx) {
    const std::string& cur = ctx.plan.meta.currency;
    const char* common[] = {"USD", "EUR", "GBP"};
    const bool is_common = cur == "USD" || cur == "EUR" || cur == "GBP";
    const std::string preview = is_common ? currency_symbol(cur) + "  " + cur : std::string("other");
    ImGui::SetNextItemWidth(em(8));
    if (ImGui::BeginCombo("##currency", preview.c_str())) {
        for (const char* c : common) {
            const std::string label = currency_symbol(c) + "  " + c;
            if (ImGui::Selectable(label.c_str(), cur == c) && cur != c)
                ctx.edits.push_at(std::string("Set currency to ") + c, "meta.currency",
                                  [c = std::string(c)](Plan& p) { set_currency(p, c); });
        }
        if (ImGui::Selectable("other", !is_common) && is_common)
            ctx.edits.push_at("Set currency to CHF", "meta.currency", [](Plan& p) { set_currency(p, "CHF"); });
        ImGui::EndCombo();
    }
    MF_TEST_ANCHOR("overview.currency");
    if (!is_common) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(em(6));
        std::string typed = cur;
        if (input_string("##currency_symbol", typed))
            ctx.edits.push_merge("Set currency", "meta.currency", [typed](Plan& p) { set_currency(p, typed); });
        MF_TEST_ANCHOR("overview.currency.symbol");
    }
    field_error_marker(ctx, "meta.currency");
    help_marker("What every amount of money in the plan is in (costs, price breaks). Amounts are not converted.");
}

void OverviewView::draw(ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    const PlanMeta& m = plan.meta;
    const float label_w = em(9);

    ImGui::SeparatorText("Project");
    if (ImGui::BeginTable("meta", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, label_w);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.0f);

        auto row = [](const char* label) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(label);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
        };

        row("Project name");
        std::string name = m.name;
        if (input_string("##name", name))
            edits.push_merge("Rename project", "meta.name", [name](Plan& p) { p.meta.name = name; });
        MF_TEST_ANCHOR("overview.name");
        field_error_marker(ctx, "meta.name");

        row("Display unit");
        ImGui::SetNextItemWidth(em(8));
        const LengthUnit units[] = {LengthUnit::Micrometre, LengthUnit::Millimetre, LengthUnit::Inch};
        if (ImGui::BeginCombo("##units", unit_symbol(m.units))) {
            for (LengthUnit u : units)
                if (ImGui::Selectable(unit_symbol(u), u == m.units) && u != m.units)
                    edits.push_at(std::string("Show lengths in ") + unit_symbol(u), "meta.units",
                                  [u](Plan& p) { p.meta.units = u; });
            ImGui::EndCombo();
        }
        field_error_marker(ctx, "meta.units");
        help_marker("Lengths are stored in millimetres; this only changes how they are shown and typed.");

        row("Currency");
        draw_currency(ctx);

        row("Decider");
        std::string decider = m.decider;
        if (input_string("##decider", decider, 0))
            edits.push_merge("Set decider", "meta.decider", [decider](Plan& p) { p.meta.decider = decider; });
        field_error_marker(ctx, "meta.decider");
        if (m.decider.empty()) {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_warn()),
                               "No decider named: name one person before design freeze.");
        }

        row("Start date");
        std::optional<Date> start;
        if (input_date("##start", m.start_date, &start))
            edits.push_at("Set start date", "meta.start_date", [start](Plan& p) { p.meta.start_date = start; });
        field_error_marker(ctx, "meta.start_date");

        row("Deadline");
        std::optional<Date> deadline;
        if (input_date("##deadline", m.deadline, &deadline))
            edits.push_at("Set deadline", "meta.deadline", [deadline](Plan& p) { p.meta.deadline = deadline; });
        MF_TEST_ANCHOR("overview.deadline");
        field_error_marker(ctx, "meta.deadline");  // a deadline before the start is refused, with why
        if (m.start_date && m.deadline && !(*m.deadline < *m.start_date)) {
            const int days = m.deadline->days - m.start_date->days;
            ImGui::TextDisabled("Market window: %d calendar days (%.1f weeks), %d weekdays after the start", days,
                                days / 7.0, weekdays_between(*m.start_date, *m.deadline));
        }

        row("Notes");
        std::string notes = m.notes;
        if (note_field("##plan-notes", notes, em(5)))
            edits.push_merge("Edit notes", "meta.notes", [notes](Plan& p) { p.meta.notes = notes; });
        field_error_marker(ctx, "meta.notes");
        ImGui::EndTable();
    }

    ImGui::SeparatorText("Sections");
    if (ImGui::BeginTable("sections", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH, ImVec2(em(22), 0))) {
        ImGui::TableSetupColumn("Section");
        ImGui::TableSetupColumn("Items", ImGuiTableColumnFlags_WidthFixed, em(4));
        ImGui::TableHeadersRow();
        for (const auto& s : section_counts(plan)) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.name);
            ImGui::TableNextColumn();
            ImGui::Text("%zu", s.count);
        }
        ImGui::EndTable();
    }

    draw_roads(ctx);  // the decision on one page (overview_roads.cpp)
}

}  // namespace mf

// [SECTION] Partner list: select, add, duplicate, move, delete
// [SECTION] Partner detail: identity and evidence
// [SECTION] Partner detail: scores with ranges
// [SECTION] Partner detail: cost model and price breaks
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "decision/decision_edit.h"
#include "decision/process_selector.h"
#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "views/decision_parts.h"
#include "widgets.h"

namespace mf::decision_ui {

// [SECTION] Partner list -----------------------------------------------------------------------

static void partner_list(DecisionView& v, const Plan& plan, Edits& edits, int sel) {
    const auto& ps = plan.decision.partners;
    for (size_t i = 0; i < ps.size(); ++i) {
        ImGui::PushID(ps[i].id.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, partner_colour(static_cast<int>(i)));
        ImGui::Bullet();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::Selectable(ps[i].name.c_str(), static_cast<int>(i) == sel)) v.partner_id = ps[i].id;
        // A Selectable is as wide as its label; the list's right edge is what cuts it.
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        tooltip_when_cut(ps[i].name, right - ImGui::GetItemRectMin().x);
        ImGui::Indent(ImGui::GetTreeNodeToLabelSpacing());
        ImGui::TextDisabled("%s%s", kind_label(ps[i].kind), ps[i].cost ? "" : " · no cost model");
        ImGui::Unindent(ImGui::GetTreeNodeToLabelSpacing());
        ImGui::PopID();
    }
    ImGui::Spacing();
    if (ImGui::Button("Add")) push_add_partner(plan, edits, v);
    if (sel < 0) return;
    const Partner& p = ps[static_cast<size_t>(sel)];
    ImGui::SameLine();
    if (ImGui::Button("Duplicate")) push_duplicate_partner(plan, edits, v, p.id);
    ImGui::SameLine();
    if (ImGui::Button("Delete")) push_delete_partner(edits, v, p);
    if (ImGui::BeginItemTooltip()) {
        ImGui::TextUnformatted(
            "Deletes the partner, its scores and every reference to it (tasks and tolerance "
            "contributors are unassigned). Ctrl+Z brings it back.");
        ImGui::EndTooltip();
    }
    if (ImGui::ArrowButton("up", ImGuiDir_Up)) push_move_partner(edits, p.id, -1);
    ImGui::SameLine();
    if (ImGui::ArrowButton("down", ImGuiDir_Down)) push_move_partner(edits, p.id, +1);
    ImGui::SameLine();
    ImGui::TextDisabled("order");
}

// [SECTION] Identity and evidence --------------------------------------------------------------

static void identity_and_evidence(ViewContext& ctx, const Partner& p) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    const PartnerEvidence& ev = p.evidence;
    const std::string id = p.id;
    if (!ImGui::BeginTable("evidence", 2, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, em(13));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.0f);

    form_row("Name");
    std::string name = p.name;
    if (input_string("##name", name))
        edit_partner(edits, "Rename partner", field_key(id, "name"), id, [name](Partner& x) { x.name = name; });
    MF_TEST_ANCHOR("decision.partner.name");
    field_error_marker(ctx, field_key(id, "name"));
    form_row("Kind");
    const PartnerKind kinds[] = {PartnerKind::InHouse, PartnerKind::Boutique, PartnerKind::FullServiceCM,
                                 PartnerKind::Other};
    if (ImGui::BeginCombo("##kind", kind_label(p.kind))) {
        for (PartnerKind k : kinds)
            if (ImGui::Selectable(kind_label(k), k == p.kind) && k != p.kind)
                edit_partner(
                    edits, std::string("Set kind to ") + kind_label(k), "", id, [k](Partner& x) { x.kind = k; }, false);
        ImGui::EndCombo();
    }
    form_row("Notes");
    std::string notes = p.notes;
    if (note_field("##partner-notes", notes, em(3)))
        edit_partner(edits, "Edit partner notes", field_key(id, "notes"), id, [notes](Partner& x) { x.notes = notes; });
    field_error_marker(ctx, field_key(id, "notes"));

    ImGui::EndTable();
    ImGui::SeparatorText("Evidence");
    ImGui::TextDisabled("What the article says to ask for; an empty field means not known.");
    if (!ImGui::BeginTable("evidence2", 2, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, em(13));
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.0f);

    // Demonstrated tolerance, typed in the plan's display unit.
    const LengthUnit unit = plan.meta.units;
    char label[64];
    std::snprintf(label, sizeof label, "Tolerance shown (± %s)", unit_symbol(unit));
    form_row(label, "Demonstrated on similar geometry (not the brochure figure).");
    std::optional<double> shown =
        ev.tolerance_mm ? std::optional<double>(*ev.tolerance_mm / mm_per_unit(unit)) : std::nullopt;
    std::optional<double> typed;
    if (field_optional("##tol", shown, &typed)) {
        const std::optional<double> mm = typed ? std::optional<double>(*typed * mm_per_unit(unit)) : std::nullopt;
        edit_partner(edits, "Set demonstrated tolerance", field_key(id, "tol"), id,
                     [mm](Partner& x) { x.evidence.tolerance_mm = mm; });
    }
    field_error_marker(ctx, field_key(id, "tol"));
    struct OptField {
        const char* label;
        const char* help;
        std::optional<double> PartnerEvidence::*member;
    };
    const OptField opt_fields[] = {
        {"Demonstrated Cpk", "On similar geometry; 1.33 is the usual minimum.", &PartnerEvidence::cpk},
        {"First-article lead (days)", "Days to the first good part.", &PartnerEvidence::first_article_days},
        {"Production lead (days)", "Days for the next, production order: compare with the first article.",
         &PartnerEvidence::production_lead_days},
        {"Cycle time (min/part)", "Minutes per part at steady state (10k units).", &PartnerEvidence::cycle_time_min},
        {"Monthly capacity (parts)", "Parts per month they can start.", &PartnerEvidence::monthly_capacity},
    };
    for (const auto& f : opt_fields) {
        form_row(f.label, f.help);
        std::optional<double> o;
        ImGui::PushID(f.label);
        if (field_optional("##f", ev.*(f.member), &o)) {
            auto m = f.member;
            edit_partner(edits, std::string("Set ") + f.label, field_key(id, f.label), id,
                         [m, o](Partner& x) { x.evidence.*m = o; });
        }
        field_error_marker(ctx, field_key(id, f.label));
        ImGui::PopID();
    }
    struct BoolField {
        const char* label;
        const char* help;
        bool PartnerEvidence::*member;
    };
    const BoolField bool_fields[] = {
        {"Raw SPC data shown", "Run charts of recent jobs were seen, not a slide.", &PartnerEvidence::spc_data_shown},
        {"Applications engineer", "A dedicated applications engineer.", &PartnerEvidence::applications_engineer},
        {"Transfer documentation", "Willing to provide process-transfer documentation.",
         &PartnerEvidence::transfer_docs},
        {"Process-control plan", "A documented process-control plan exists.", &PartnerEvidence::process_control_plan},
    };
    for (const auto& f : bool_fields) {
        form_row(f.label, f.help);
        bool b = ev.*(f.member);
        ImGui::PushID(f.label);
        if (ImGui::Checkbox(b ? "yes" : "no", &b)) {
            auto m = f.member;
            edit_partner(
                edits, std::string("Set ") + f.label, "", id, [m, b](Partner& x) { x.evidence.*m = b; }, false);
        }
        ImGui::PopID();
    }
    form_row("Audit rights", "Push for 24-hour notice; \"by appointment\" is a tour.");
    const AuditRights audits[] = {AuditRights::Unknown, AuditRights::Unannounced, AuditRights::Notice24h,
                                  AuditRights::ByAppointment, AuditRights::None};
    if (ImGui::BeginCombo("##audit", audit_rights_key(ev.audit))) {
        for (AuditRights r : audits)
            if (ImGui::Selectable(audit_rights_key(r), r == ev.audit) && r != ev.audit)
                edit_partner(
                    edits, "Set audit rights", "", id, [r](Partner& x) { x.evidence.audit = r; }, false);
        ImGui::EndCombo();
    }
    form_row("IP terms");
    std::string ip = ev.ip_terms;
    if (input_string("##ip", ip))
        edit_partner(edits, "Edit IP terms", field_key(id, "ip"), id, [ip](Partner& x) { x.evidence.ip_terms = ip; });
    field_error_marker(ctx, field_key(id, "ip"));
    struct ListField {
        const char* label;
        const char* help;
        std::vector<std::string> PartnerEvidence::*member;
    };
    std::string process_keys = "Process keys, comma-separated:";
    for (const auto& pr : process_table()) process_keys += std::string(" ") + pr.key;
    const ListField list_fields[] = {
        {"Materials run", "Comma-separated, e.g. 316L stainless, PEEK", &PartnerEvidence::materials_run},
        {"Materials failed with", "Comma-separated: materials they have failed with",
         &PartnerEvidence::materials_failed},
        {"Processes", process_keys.c_str(), &PartnerEvidence::processes},
    };
    for (const auto& f : list_fields) {
        form_row(f.label, f.help);
        std::string text = join_list(ev.*(f.member));
        ImGui::PushID(f.label);
        if (input_string("##l", text)) {
            auto m = f.member;
            const auto items = split_list(text);
            edit_partner(edits, std::string("Set ") + f.label, field_key(id, f.label), id,
                         [m, items](Partner& x) { x.evidence.*m = items; });
        }
        field_error_marker(ctx, field_key(id, f.label));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// [SECTION] Scores -----------------------------------------------------------------------------

static void partner_scores(const DecisionView& v, ViewContext& ctx, size_t pi) {
    Edits& edits = ctx.edits;
    const DecisionSection& s = ctx.plan.decision;
    const Partner& p = s.partners[pi];
    if (s.criteria.empty()) {
        ImGui::TextDisabled("No criteria yet.");
        return;
    }
    if (!ImGui::BeginTable("scores", 5,
                           ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupColumn("Criterion", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("Low", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Likely", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("High", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("Scale", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableHeadersRow();
    for (size_t j = 0; j < s.criteria.size(); ++j) {
        const Criterion& c = s.criteria[j];
        ImGui::TableNextRow();
        ImGui::PushID(c.id.c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(c.name.c_str());
        if (ImGui::BeginItemTooltip()) {
            ImGui::TextUnformatted(c.name.c_str());
            ImGui::EndTooltip();
        }
        if (c.source != ScoreSource::Entered) {
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
            const auto& val = v.analysis.built.matrix.value;
            const double x = pi < val.size() && j < val[pi].size() ? val[pi][j] : NAN;
            ImGui::AlignTextToFramePadding();
            if (std::isfinite(x))
                ImGui::Text("%s", format_number(x, 5).c_str());
            else
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "missing");
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("derived");
            if (ImGui::BeginItemTooltip()) {
                ImGui::Text("derived from %s: edit the evidence or the cost model", score_source_key(c.source));
                ImGui::EndTooltip();
            }
            ImGui::PopID();
            continue;
        }
        const Score* sc = find_score(s, p.id, c.id);
        std::optional<double> o;
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (field_optional("##low", sc ? sc->low : std::nullopt, &o) && sc)
            edit_score(edits, p.id, c.id, std::nullopt, o, std::nullopt, "low");
        field_error_marker(ctx, score_key(p.id, c.id, "low"));
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (field_optional("##likely", sc ? std::optional<double>(sc->value) : std::nullopt, &o) && o)
            edit_score(edits, p.id, c.id, o, std::nullopt, std::nullopt, "value");
        field_error_marker(ctx, score_key(p.id, c.id, "value"));
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (field_optional("##high", sc ? sc->high : std::nullopt, &o) && sc)
            edit_score(edits, p.id, c.id, std::nullopt, std::nullopt, o, "high");
        field_error_marker(ctx, score_key(p.id, c.id, "high"));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (c.scale_min && c.scale_max)
            ImGui::TextDisabled("%s – %s", format_number(*c.scale_min).c_str(), format_number(*c.scale_max).c_str());
        else
            ImGui::TextDisabled("%s", c.unit.empty() ? "no scale" : c.unit.c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
    ImGui::TextDisabled(
        "Low and high are optional (enter the likely value first); the Monte Carlo draws from "
        "triangular(low, likely, high).");
}

// [SECTION] Cost model -------------------------------------------------------------------------

enum class Kind { Money, Count, Percent, Plain };

struct CostField {
    const char* label;
    const char* help;
    double CostModel::*member;
    Kind kind;
};

static const CostField kCostFields[] = {
    {"NRE", "One-time non-recurring engineering (article: 8–30k).", &CostModel::nre, Kind::Money},
    {"NRE uplift, exotic material", "Fraction added to NRE (article: +40–60 % for PEEK, nitinol …).",
     &CostModel::nre_material_uplift, Kind::Percent},
    {"Revision cycles", "Expected revisions after the first run (budget 2; reality is often ~6).",
     &CostModel::revisions, Kind::Plain},
    {"Hours per revision", nullptr, &CostModel::revision_hours, Kind::Plain},
    {"Hourly rate", "Per hour of revision work (article: 150–250/h).", &CostModel::hourly_rate, Kind::Money},
    {"Fixed charge per revision", nullptr, &CostModel::revision_fixed, Kind::Money},
    {"Setup per lot", "Setup fee charged for every lot (article: 5 000).", &CostModel::setup_per_lot, Kind::Money},
    {"Lot size (parts started)", "0 = one lot for the whole programme.", &CostModel::lot_size, Kind::Count},
    {"Tooling / fixture set", nullptr, &CostModel::tooling, Kind::Money},
    {"Tooling life (parts started)", "0 = one set lasts the programme.", &CostModel::tooling_life, Kind::Count},
    {"First-pass yield", "Fraction good first time, in (0, 100 %].", &CostModel::first_pass_yield, Kind::Percent},
    {"Rework cost per part", "Article: 8 per reworked part.", &CostModel::rework_cost, Kind::Money},
    {"Rework success", "Fraction of reworked parts that become good; 0 = no rework.", &CostModel::rework_success,
     Kind::Percent},
    {"Scrap cost per part", "On top of the part's price (disposal, material).", &CostModel::scrap_cost, Kind::Money},
    {"Inspection per lot", nullptr, &CostModel::inspection_per_lot, Kind::Money},
    {"Capability study", "One-time (a boutique may do it free).", &CostModel::capability_study, Kind::Money},
    {"Shipping per lot", nullptr, &CostModel::shipping_per_lot, Kind::Money},
    {"Re-qualification per batch", "Every material batch.", &CostModel::requalification_per_batch, Kind::Money},
    {"Material batch (parts started)", "0 = one batch.", &CostModel::material_batch_size, Kind::Count},
    {"Capital", "One-time (in-house: equipment, cleanroom build).", &CostModel::capital, Kind::Money},
    {"Cleanroom per quarter", "In-house running cost.", &CostModel::cleanroom_per_quarter, Kind::Money},
    {"Staff per quarter", "In-house dedicated staff.", &CostModel::staff_per_quarter, Kind::Money},
};

static void price_breaks(ViewContext& ctx, const Partner& p) {
    Edits& edits = ctx.edits;
    const CostModel& m = *p.cost;
    const std::string id = p.id;
    ImGui::TextUnformatted("Price breaks");
    help_marker(
        "All-units pricing: from this many parts started on, every part costs this price. Quantities must "
        "increase (the article quotes 100 / 10 000 / 100 000).");
    if (!ImGui::BeginTable("breaks", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp,
                           ImVec2(em(24), 0)))
        return;
    ImGui::TableSetupColumn("From quantity", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn(money_title("Unit price", ctx.plan.meta.currency).c_str(),
                            ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("##del", ImGuiTableColumnFlags_WidthFixed, em(1.8f));
    ImGui::TableHeadersRow();
    for (size_t k = 0; k < m.price_breaks.size(); ++k) {
        const PriceBreak& b = m.price_breaks[k];
        ImGui::TableNextRow();
        ImGui::PushID(static_cast<int>(k));
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        double d;
        const std::string qkey = field_key(id, "pbq" + std::to_string(k));
        if (field_double("##q", b.quantity, &d, "%.0f"))
            edit_partner(edits, "Set price-break quantity", qkey, id, [k, d](Partner& x) {
                if (x.cost && k < x.cost->price_breaks.size()) x.cost->price_breaks[k].quantity = d;
            });
        MF_TEST_ANCHOR(("decision.price_break.q" + std::to_string(k)).c_str());
        field_error_marker(ctx, qkey);
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        const std::string ukey = field_key(id, "pbu" + std::to_string(k));
        if (field_double("##u", b.unit_price, &d, "%.6g"))
            edit_partner(edits, "Set unit price", ukey, id, [k, d](Partner& x) {
                if (x.cost && k < x.cost->price_breaks.size()) x.cost->price_breaks[k].unit_price = d;
            });
        field_error_marker(ctx, ukey);
        ImGui::TableNextColumn();
        const std::string dkey = field_key(id, "pbdel" + std::to_string(k));
        if (ImGui::SmallButton("×"))  // the last one is refused: a cost model needs a price
            edits.push_at("Delete price break", dkey, [id, k](Plan& pl) { delete_price_break(pl.decision, id, k); });
        field_error_marker(ctx, dkey);
        if (ImGui::BeginItemTooltip()) {
            ImGui::TextUnformatted("Delete this price break");
            ImGui::EndTooltip();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
    const std::string akey = field_key(id, "pbadd");
    if (ImGui::SmallButton("Add price break"))
        edits.push_at("Add price break", akey, [id](Plan& pl) { add_price_break(pl.decision, id); });
    field_error_marker(ctx, akey);
}

static void cost_model(const DecisionView& v, ViewContext& ctx, const Partner& p, size_t pi) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    const std::string id = p.id;
    bool has = p.cost.has_value();
    const std::string has_key = field_key(id, "has_cost");
    if (ImGui::Checkbox("This partner has a cost model", &has))
        edits.push_at(has ? "Add cost model" : "Remove cost model", has_key,
                      [id, has](Plan& pl) { set_has_cost_model(pl.decision, id, has); });
    field_error_marker(ctx, has_key);
    if (!p.cost) {
        ImGui::TextDisabled(
            "Without a cost model the partner has no cost curve, and a cost criterion cannot score it.");
        return;
    }
    const CostModel& m = *p.cost;
    if (ImGui::BeginTable("cost", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, em(13));
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        for (const auto& f : kCostFields) {
            form_row(f.kind == Kind::Money ? money_title(f.label, plan.meta.currency).c_str() : f.label, f.help);
            ImGui::PushID(f.label);
            double d;
            const double value = m.*(f.member);
            const bool changed = f.kind == Kind::Percent ? field_percent("##c", value, &d)
                : f.kind == Kind::Count                  ? field_double("##c", value, &d, "%.0f")
                                                         : field_double("##c", value, &d, "%.6g");
            const std::string key = field_key(id, f.label);
            if (changed) {
                auto mp = f.member;
                edit_partner(edits, std::string("Set ") + f.label, key, id, [mp, d](Partner& x) {
                    if (x.cost) (*x.cost).*mp = d;
                });
            }
            if (f.member == &CostModel::first_pass_yield) MF_TEST_ANCHOR("decision.cost.first_pass_yield");
            field_error_marker(ctx, key);
            ImGui::PopID();
            if (f.member == &CostModel::revision_fixed) {  // the cap right after the revision fields
                form_row("Cap per revision", "Per-revision cap in writing; empty = no cap.");
                std::optional<double> o;
                if (field_optional("##cap", m.revision_cap, &o, "no cap"))
                    edit_partner(edits, "Set revision cap", field_key(id, "cap"), id, [o](Partner& x) {
                        if (x.cost) x.cost->revision_cap = o;
                    });
                field_error_marker(ctx, field_key(id, "cap"));
            }
        }
        ImGui::EndTable();
    }
    price_breaks(ctx, p);

    // What the model gives at the standard volumes.
    const DecisionAnalysis& a = v.analysis;
    const auto it = std::find(a.cost_partners.begin(), a.cost_partners.end(), static_cast<int>(pi));
    if (it == a.cost_partners.end()) return;
    const auto& row = a.costs[static_cast<size_t>(it - a.cost_partners.begin())];
    ImGui::Spacing();
    ImGui::TextUnformatted("All-in cost per good part");
    const size_t nv = std::min(row.size(), shown_volume_count(a.volumes));
    if (ImGui::BeginTable("at_volumes", static_cast<int>(nv) + 1,
                          ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("good parts");
        for (size_t k = 0; k < nv; ++k) {
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s%s", format_whole_parts(row[k].volume).c_str(),
                                is_planned_column(a.volumes, k) ? " (planned)" : "");
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("per good part");
        for (size_t k = 0; k < nv; ++k) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_money(row[k].per_good_part, plan.meta.currency).c_str());
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("programme total");
        for (size_t k = 0; k < nv; ++k) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_money(row[k].total, plan.meta.currency).c_str());
        }
        ImGui::EndTable();
    }
}

// [SECTION] Page -------------------------------------------------------------------------------

void draw_partners_page(DecisionView& v, ViewContext& ctx) {
    const Plan& plan = ctx.plan;
    Edits& edits = ctx.edits;
    const int sel = v.selected_partner(plan);
    begin_flat_child("list", ImVec2(em(18), 0), ImGuiChildFlags_Border);
    partner_list(v, plan, edits, sel);
    ImGui::EndChild();
    ImGui::SameLine();
    begin_flat_child("detail");
    ImGui::PushTextWrapPos(0.0f);  // a child window starts without the page's wrap position
    if (sel < 0) {
        ImGui::TextDisabled("No partners yet: add one (in-house, boutique, full-service CM or any named shop).");
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        return;
    }
    const Partner& p = plan.decision.partners[static_cast<size_t>(sel)];
    ImGui::PushID(p.id.c_str());
    // Two columns when there is room: identity + evidence + scores left, cost model right.
    const bool wide = ImGui::GetContentRegionAvail().x > em(52);
    if (wide && ImGui::BeginTable("columns", 2, ImGuiTableFlags_SizingStretchSame | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        identity_and_evidence(ctx, p);
        ImGui::SeparatorText("Scores");
        partner_scores(v, ctx, static_cast<size_t>(sel));
        ImGui::TableNextColumn();
        ImGui::SeparatorText("Cost model");
        cost_model(v, ctx, p, static_cast<size_t>(sel));
        ImGui::EndTable();
    } else {
        identity_and_evidence(ctx, p);
        ImGui::SeparatorText("Scores");
        partner_scores(v, ctx, static_cast<size_t>(sel));
        ImGui::SeparatorText("Cost model");
        cost_model(v, ctx, p, static_cast<size_t>(sel));
    }
    ImGui::PopID();
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
}

}  // namespace mf::decision_ui

// [SECTION] Formatting
// [SECTION] Fields
// [SECTION] Edits by id: scores, add / duplicate / delete / move partners and criteria
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "decision/decision_edit.h"
#include "plot.h"
#include "style.h"
#include "views/decision_parts.h"
#include "widgets.h"

namespace mf::decision_ui {

// [SECTION] Formatting -----------------------------------------------------------------------

ImU32 partner_colour(int index, float alpha) {
    // Okabe–Ito without the yellow (hard to see on white) and grey (used for axes).
    static const int order[] = {0, 1, 2, 3, 4, 5};
    return plot_color(order[((index % 6) + 6) % 6], alpha);
}

const char* kind_label(PartnerKind k) { return partner_kind_name(k); }

std::string describe_pointer(const Plan& plan, const std::string& pointer) {
    std::vector<std::string> parts;
    size_t start = 1;
    while (start <= pointer.size()) {
        size_t end = pointer.find('/', start);
        if (end == std::string::npos) end = pointer.size();
        parts.push_back(pointer.substr(start, end - start));
        start = end + 1;
    }
    auto index = [](const std::string& s) { return static_cast<size_t>(std::strtoul(s.c_str(), nullptr, 10)); };
    std::string out;
    size_t k = 0;
    const DecisionSection& d = plan.decision;
    if (parts.size() >= 3 && parts[0] == "decision") {
        const size_t i = index(parts[2]);
        if (parts[1] == "partners" && i < d.partners.size()) {
            out = "partner \"" + d.partners[i].name + "\"";
            k = 3;
        } else if (parts[1] == "criteria" && i < d.criteria.size()) {
            out = "criterion \"" + d.criteria[i].name + "\"";
            k = 3;
        } else if (parts[1] == "scores" && i < d.scores.size()) {
            out = "score of " + d.scores[i].partner_id + " on " + d.scores[i].criterion_id;
            k = 3;
        } else {
            out = "decision";
            k = 1;
        }
    } else if (parts.size() >= 2 && parts[0] == "stacks") {
        const size_t i = index(parts[1]);
        if (i < plan.stacks.size()) {
            out = "stack \"" + plan.stacks[i].name + "\"";
            k = 2;
            if (parts.size() >= 4 && parts[2] == "contributors") {
                const size_t c = index(parts[3]);
                if (c < plan.stacks[i].contributors.size()) {
                    out += " › \"" + plan.stacks[i].contributors[c].name + "\"";
                    k = 4;
                }
            }
        }
    }
    for (; k < parts.size(); ++k) out += (out.empty() ? "" : " › ") + parts[k];
    return out.empty() ? pointer : out;
}

// [SECTION] Fields ---------------------------------------------------------------------------

bool field_double(const char* id, double value, double* out, const char* format) {
    double v = value;
    if (!ImGui::InputDouble(id, &v, 0, 0, format)) return false;
    if (!std::isfinite(v) || v == value) return false;
    *out = v;
    return true;
}

bool field_optional(const char* id, const std::optional<double>& value, std::optional<double>* out,
                    const char* empty_means) {
    // Text that is not a number yet stays here (per widget) and is never written to the plan.
    static std::unordered_map<ImGuiID, std::string> drafts;
    const ImGuiID gid = ImGui::GetID(id);
    auto it = drafts.find(gid);
    std::string text = it != drafts.end() ? it->second : (value ? format_number(*value, 6) : std::string());
    bool changed = false;
    if (input_string(id, text, ImGuiInputTextFlags_CharsScientific)) {
        const size_t b = text.find_first_not_of(' '), e = text.find_last_not_of(' ');
        const std::string t = b == std::string::npos ? std::string() : text.substr(b, e - b + 1);
        char* end = nullptr;
        const double d = t.empty() ? 0 : std::strtod(t.c_str(), &end);
        if (t.empty()) {
            *out = std::nullopt;
            changed = value.has_value();
            drafts.erase(gid);
        } else if (end && *end == 0 && std::isfinite(d)) {
            *out = d;
            changed = !value || *value != d;
            drafts.erase(gid);
        } else {
            drafts[gid] = text;
        }
    }
    const bool active = ImGui::IsItemActive();
    if (drafts.count(gid)) {
        if (ImGui::BeginItemTooltip()) {
            ImGui::TextUnformatted("not a number: type e.g. 12.5 or 1e4, or leave empty for \"not known\"");
            ImGui::EndTooltip();
        }
        if (!active && ImGui::IsMouseClicked(0) && !ImGui::IsItemHovered()) drafts.erase(gid);
    }
    if (!value && !active && !drafts.count(gid)) {  // say what an empty field means
        const ImVec2 a = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(
            ImVec2(a.x + ImGui::GetStyle().FramePadding.x, a.y + ImGui::GetStyle().FramePadding.y),
            ImGui::GetColorU32(ImGuiCol_TextDisabled), empty_means);
    }
    return changed;
}

bool field_percent(const char* id, double fraction, double* out) {
    double pct = fraction * 100.0;
    if (!ImGui::InputDouble(id, &pct, 0, 0, "%.4g %%")) return false;
    if (!std::isfinite(pct) || pct / 100.0 == fraction) return false;
    *out = pct / 100.0;
    return true;
}

void form_row(const char* label, const char* help) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    if (help) help_marker(help);
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(-FLT_MIN);
}

std::string join_list(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& x : items) s += (s.empty() ? "" : ", ") + x;
    return s;
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        std::string item = text.substr(start, end - start);
        const size_t b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
        if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
        start = end + 1;
    }
    return out;
}

// [SECTION] Edits by id ----------------------------------------------------------------------

std::string field_key(const std::string& id, const std::string& what) {
    return id.empty() ? "decision." + what : "decision." + id + "." + what;
}

std::string score_key(const std::string& partner_id, const std::string& criterion_id, const char* what) {
    return "decision.score." + partner_id + "." + criterion_id + "." + what;
}

// Non-template on purpose: one wrapper for every call site keeps the web build small.
static void push(Edits& edits, std::string label, std::string key, bool typing, std::function<void(Plan&)> apply) {
    if (key.empty())
        edits.push(std::move(label), std::move(apply));
    else if (typing)
        edits.push_merge(std::move(label), std::move(key), std::move(apply));
    else
        edits.push_at(std::move(label), std::move(key), std::move(apply));
}

void edit_partner(Edits& edits, std::string label, std::string key, const std::string& id,
                  std::function<void(Partner&)> f, bool typing) {
    push(edits, std::move(label), std::move(key), typing, [id, f = std::move(f)](Plan& p) {
        for (auto& x : p.decision.partners)
            if (x.id == id) f(x);
    });
}

void edit_criterion(Edits& edits, std::string label, std::string key, const std::string& id,
                    std::function<void(Criterion&)> f, bool typing) {
    push(edits, std::move(label), std::move(key), typing, [id, f = std::move(f)](Plan& p) {
        for (auto& x : p.decision.criteria)
            if (x.id == id) f(x);
    });
}

void edit_section(Edits& edits, std::string label, std::string key, std::function<void(DecisionSection&)> f,
                  bool typing) {
    push(edits, std::move(label), std::move(key), typing, [f = std::move(f)](Plan& p) { f(p.decision); });
}

void edit_score(Edits& edits, const std::string& partner_id, const std::string& criterion_id,
                std::optional<double> value, std::optional<std::optional<double>> low,
                std::optional<std::optional<double>> high, const char* what) {
    edits.push_merge(std::string("Set score ") + what, score_key(partner_id, criterion_id, what),
                     [=](Plan& p) { set_score(p.decision, partner_id, criterion_id, value, low, high); });
}

void push_add_partner(const Plan& plan, Edits& edits, DecisionView& v) {
    const std::string id = new_id(plan, "p");
    v.partner_id = id;
    edits.push("Add partner", [id](Plan& p) { add_partner(p, id); });
}

void push_duplicate_partner(const Plan& plan, Edits& edits, DecisionView& v, const std::string& id) {
    const std::string copy_id = new_id(plan, "p");
    v.partner_id = copy_id;
    edits.push("Duplicate partner", [id, copy_id](Plan& p) { duplicate_partner(p, id, copy_id); });
}

void push_delete_partner(Edits& edits, DecisionView& v, const Partner& partner) {
    if (v.partner_id == partner.id) v.partner_id.clear();
    edits.push("Delete partner " + partner.name, [id = partner.id](Plan& p) { delete_partner(p, id); });
}

void push_move_partner(Edits& edits, const std::string& id, int delta) {
    edits.push(delta < 0 ? "Move partner up" : "Move partner down",
               [id, delta](Plan& p) { move_partner(p.decision, id, delta); });
}

void push_add_criterion(const Plan& plan, Edits& edits) {
    edits.push("Add criterion", [id = new_id(plan, "c")](Plan& p) { add_criterion(p, id); });
}

void push_delete_criterion(Edits& edits, const Criterion& criterion) {
    edits.push("Delete criterion " + criterion.name,
               [id = criterion.id](Plan& p) { delete_criterion(p.decision, id); });
}

void push_move_criterion(Edits& edits, const std::string& id, int delta) {
    edits.push(delta < 0 ? "Move criterion left" : "Move criterion right",
               [id, delta](Plan& p) { move_criterion(p.decision, id, delta); });
}

}  // namespace mf::decision_ui

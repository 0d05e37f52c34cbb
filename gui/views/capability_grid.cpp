// The data grid: features as columns, parts as rows (production order), context columns
// (subgroup, time, machine, operator, cavity) beside them. Only the visible rows are drawn
// (ImGuiListClipper), so 100 000 rows scroll as fast as 100. A double-click (or Enter on
// the selected cell) edits a value in the display unit; Delete clears it (missing).
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "capability/table_import.h"
#include "imgui.h"
#include "plot.h"
#include "style.h"
#include "test_anchors.h"
#include "views/capability_parts.h"

namespace mf::cap {

static void push_cell_edit(Edits& edits, const Dataset& d, const Feature& f, size_t row, double value) {
    char label[160];
    std::snprintf(label, sizeof label, "Edit %s row %zu", f.name.substr(0, 60).c_str(), row + 1);
    edits.push(label, [did = d.id, fid = f.id, row, value](Plan& p) {
        Dataset* ds = find_dataset(p, did);
        Feature* ft = ds ? find_feature(*ds, fid) : nullptr;
        if (!ft || !ft->values || row >= ft->values->size()) return;
        auto v = std::make_shared<std::vector<double>>(*ft->values);   // columns are shared: copy, change, swap
        (*v)[row] = value;
        ft->values = std::move(v);
    });
}

// Text typed into a cell: empty = missing (NaN); otherwise a finite number (point or comma).
static bool parse_cell(const std::string& text, double scale, double* out) {
    std::string t;
    for (char c : text)
        if (c != ' ') t += c == ',' ? '.' : c;
    if (t.empty()) { *out = std::nan(""); return true; }
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || !std::isfinite(v)) return false;
    *out = v * scale;
    return true;
}

void draw_grid(const Plan& plan, const Dataset& d, GridState& g, Edits& edits) {
    const size_t rows = d.rows();
    const size_t nf = d.features.size();
    struct Context { const char* name; const TextColumn* col; };
    std::vector<Context> ctx;
    for (const Context& c : {Context{"Subgroup", &d.subgroups}, Context{"Time", &d.times}, Context{"Machine", &d.machines},
                             Context{"Operator", &d.operators}, Context{"Cavity", &d.cavities}})
        if (*c.col && (*c.col)->size() == rows) ctx.push_back(c);
    const bool subgroup_numbers = !d.subgroups && d.subgroup_size > 1;

    ImGui::TextDisabled("%zu rows × %zu features · double-click a cell to edit it (empty = missing) · Ctrl+V pastes "
                        "spreadsheet cells as a new dataset or in place of this one's data",
                        rows, nf);
    if (nf == 0) {
        ImGui::TextWrapped("This dataset has no features yet: paste spreadsheet cells (Ctrl+V), use Paste data… or "
                           "Import CSV…, or add a feature in Settings.");
        return;
    }
    const int max_features = 400;   // a table has at most 512 columns
    const int shown = static_cast<int>(std::min<size_t>(nf, max_features));
    const int ncols = 1 + (subgroup_numbers ? 1 : 0) + static_cast<int>(ctx.size()) + shown;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("grid", ncols, flags, ImVec2(0, std::max(em(8), ImGui::GetContentRegionAvail().y)))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Row", ImGuiTableColumnFlags_WidthFixed, em(4));
    if (subgroup_numbers) ImGui::TableSetupColumn("Subgroup", ImGuiTableColumnFlags_WidthFixed, em(5));
    for (const Context& c : ctx) ImGui::TableSetupColumn(c.name, ImGuiTableColumnFlags_WidthFixed, em(7));
    std::vector<ValueUnit> units;
    std::vector<std::string> headers;
    for (int j = 0; j < shown; ++j) {
        const Feature& f = d.features[static_cast<size_t>(j)];
        units.push_back(value_unit(f, plan.meta.units));
        headers.push_back(f.name + (units.back().symbol.empty() ? "" : " (" + units.back().symbol + ")"));
        ImGui::TableSetupColumn(headers.back().c_str(), ImGuiTableColumnFlags_WidthFixed, em(7.5f));
    }
    ImGui::TableHeadersRow();

    const bool table_focused = ImGui::IsWindowFocused();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows));
    if (g.row >= 0 && g.row < static_cast<long>(rows)) clipper.IncludeItemByIndex(static_cast<int>(g.row));
    char buf[96];
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            ImGui::TableNextRow();
            ImGui::PushID(r);
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%d", r + 1);
            if (subgroup_numbers) {
                ImGui::TableNextColumn();
                ImGui::TextDisabled("%lld", static_cast<long long>(r / d.subgroup_size + 1));
            }
            for (const Context& c : ctx) {
                ImGui::TableNextColumn();
                ImGui::TextUnformatted((**c.col)[static_cast<size_t>(r)].c_str());
            }
            for (int j = 0; j < shown; ++j) {
                ImGui::TableNextColumn();
                const Feature& f = d.features[static_cast<size_t>(j)];
                const ValueUnit& u = units[static_cast<size_t>(j)];
                const double v = f.values && static_cast<size_t>(r) < f.values->size() ? (*f.values)[static_cast<size_t>(r)] : NAN;
                const bool selected = g.row == r && g.col == j;
                if (selected && g.editing) {
                    ImGui::SetNextItemWidth(-FLT_MIN);
                    if (g.focus_text) {
                        ImGui::SetKeyboardFocusHere();
                        g.focus_text = false;
                    }
                    std::snprintf(buf, sizeof buf, "%s", g.text.c_str());
                    const bool enter = ImGui::InputText("##edit", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue |
                                                                                      ImGuiInputTextFlags_AutoSelectAll);
                    g.text = buf;
                    test_anchor("capability.grid.edit");
                    double value = 0;
                    const bool ok = parse_cell(g.text, u.scale, &value);
                    if (!ok) {
                        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), plot_bad());
                        ImGui::SetItemTooltip("not a number (empty = missing)");
                    }
                    if (enter && ok) {
                        const bool same = (std::isnan(value) && std::isnan(v)) || value == v;
                        if (!same) push_cell_edit(edits, d, f, static_cast<size_t>(r), value);
                        g.editing = false;
                    } else if (ImGui::IsItemDeactivated() && !enter) {
                        g.editing = false;   // Escape or a click elsewhere: no change
                    }
                    continue;
                }
                const bool below = std::isfinite(v) && f.lsl && v < *f.lsl, above = std::isfinite(v) && f.usl && v > *f.usl;
                if (std::isfinite(v)) std::snprintf(buf, sizeof buf, "%.6g%s##%d", v / u.scale, above ? " ▲" : below ? " ▼" : "", j);
                else std::snprintf(buf, sizeof buf, "##%d", j);
                if (below || above) ImGui::PushStyleColor(ImGuiCol_Text, plot_bad());
                if (ImGui::Selectable(buf, selected, ImGuiSelectableFlags_AllowDoubleClick)) {
                    g.row = r;
                    g.col = j;
                    if (ImGui::IsMouseDoubleClicked(0)) {
                        g.editing = true;
                        g.focus_text = true;
                        g.text.clear();
                        if (std::isfinite(v)) {
                            std::snprintf(buf, sizeof buf, "%.10g", v / u.scale);
                            g.text = buf;
                        }
                    }
                }
                if (below || above) {
                    ImGui::PopStyleColor();
                    ImGui::SetItemTooltip(above ? "above the USL" : "below the LSL");
                }
                if (r == 0 && j == 0) test_anchor("capability.grid.first_cell");
            }
            ImGui::PopID();
        }
    }
    // Keys on the selected cell: Enter edits it, Delete makes it missing.
    if (table_focused && !g.editing && g.row >= 0 && g.row < static_cast<long>(rows) && g.col >= 0 && g.col < shown &&
        !ImGui::GetIO().WantTextInput) {
        const Feature& f = d.features[static_cast<size_t>(g.col)];
        const double v = (*f.values)[static_cast<size_t>(g.row)];
        if (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_F2)) {
            g.editing = true;
            g.focus_text = true;
            g.text.clear();
            if (std::isfinite(v)) {
                std::snprintf(buf, sizeof buf, "%.10g", v / units[static_cast<size_t>(g.col)].scale);
                g.text = buf;
            }
        } else if (ImGui::IsKeyPressed(ImGuiKey_Delete) && std::isfinite(v)) {
            push_cell_edit(edits, d, f, static_cast<size_t>(g.row), std::nan(""));
        }
    }
    ImGui::EndTable();
    if (nf > static_cast<size_t>(max_features))
        ImGui::TextDisabled("Showing the first %d of %zu features.", max_features, nf);
}

}  // namespace mf::cap

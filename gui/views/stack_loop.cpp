// The 2D vector loop of a tolerance stack: a drawing of the loop at nominal (schematic or to
// scale) with the gap direction, and an editor of its vectors (length from a contributor or
// fixed, angle plus an optional angle contributor) beside the sensitivities core computes
// from the geometry. Also the switch between a 1D chain and a 2D loop.
//
// [SECTION] Drawing   [SECTION] Editor   [SECTION] 1D chain ⇄ 2D loop
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "tolerance/stack_edit.h"
#include "views/stack_parts.h"
#include "widgets.h"

namespace mf::stack_ui {

namespace {

constexpr double kPi = 3.14159265358979323846;

const Contributor* find(const Stack& s, const std::string& id) {
    for (const auto& k : s.contributors)
        if (k.id == id) return &k;
    return nullptr;
}

// [SECTION] Drawing ----------------------------------------------------------------------

void draw_picture(Ctx& c) {
    const Stack& s = c.stack;
    const VectorLoop& loop = *s.loop;
    // Nominal geometry: each vector's length and absolute angle.
    struct Vec {
        double length, angle;
        std::string label;
    };
    std::vector<Vec> vecs;
    double longest = 0;
    for (size_t i = 0; i < loop.vectors.size(); ++i) {
        const LoopVector& lv = loop.vectors[i];
        const Contributor* lk = lv.length_from.empty() ? nullptr : find(s, lv.length_from);
        const Contributor* ak = lv.angle_from.empty() ? nullptr : find(s, lv.angle_from);
        Vec v{lk ? lk->nominal : lv.length, lv.angle + (ak ? ak->nominal : 0.0), ""};
        v.label = std::to_string(i + 1) + ". " + (lk ? lk->name : "fixed " + format_length(lv.length, c.unit));
        longest = std::max(longest, std::fabs(v.length));
        vecs.push_back(v);
    }

    ImGui::Checkbox("to scale", &c.view.loop_to_scale);
    ImGui::SameLine();
    ImGui::TextDisabled(c.view.loop_to_scale ? "(true lengths)"
                                             : "(schematic: short vectors drawn longer so every one shows)");

    // Points of the chain, in drawing units.
    std::vector<ImVec2> pts{ImVec2(0, 0)};
    for (const auto& v : vecs) {
        double l = v.length;
        if (!c.view.loop_to_scale && longest > 0)
            l = longest * std::max(0.22, std::sqrt(std::fabs(v.length) / longest));
        const double a = v.angle * kPi / 180.0;
        const ImVec2 last = pts.back();
        pts.push_back(
            ImVec2(static_cast<float>(last.x + l * std::cos(a)), static_cast<float>(last.y + l * std::sin(a))));
    }
    float minx = 0, maxx = 0, miny = 0, maxy = 0;
    for (const auto& p : pts) {
        minx = std::min(minx, p.x);
        maxx = std::max(maxx, p.x);
        miny = std::min(miny, p.y);
        maxy = std::max(maxy, p.y);
    }
    const float font = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = em(13);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("loop", ImVec2(std::max(width, em(12)), height));
    MF_TEST_ANCHOR("stack.loop");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg));
    const float margin = font * 2.5f;
    const float span_x = std::max(maxx - minx, 1e-9f), span_y = std::max(maxy - miny, 1e-9f);
    const float scale = std::min((width - 2 * margin) / span_x, (height - 2 * margin) / span_y);
    const float cx = origin.x + width * 0.5f - (minx + maxx) * 0.5f * scale;
    const float cy = origin.y + height * 0.5f + (miny + maxy) * 0.5f * scale;
    auto to_screen = [&](ImVec2 p) { return ImVec2(cx + p.x * scale, cy - p.y * scale); };  // y up

    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
        const ImVec2 a = to_screen(pts[i]), b = to_screen(pts[i + 1]);
        const ImU32 col = plot_color(static_cast<int>(i % 6));
        dl->AddLine(a, b, col, 2.5f);
        // Arrow head.
        const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
        if (len > 1) {
            const float ux = dx / len, uy = dy / len, hs = font * 0.45f;
            dl->AddTriangleFilled(b, ImVec2(b.x - ux * hs - uy * hs * 0.5f, b.y - uy * hs + ux * hs * 0.5f),
                                  ImVec2(b.x - ux * hs + uy * hs * 0.5f, b.y - uy * hs - ux * hs * 0.5f), col);
        }
        // Label at the middle, pushed off the line to its left.
        const ImVec2 m((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
        const std::string label = fit_text(vecs[i].label, width * 0.45f);
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        const float nx = len > 1 ? -(b.y - a.y) / len : 0, ny = len > 1 ? (b.x - a.x) / len : -1;
        ImVec2 at(m.x - nx * font * 0.6f - ts.x * 0.5f * (1 - std::fabs(nx)) - (nx > 0.3f ? ts.x : 0),
                  m.y - ny * font * 0.6f - ts.y * 0.5f);
        at.x = std::clamp(at.x, origin.x + 2, origin.x + width - ts.x - 2);
        at.y = std::clamp(at.y, origin.y + 2, origin.y + height - ts.y - 2);
        dl->AddText(at, col, label.c_str());
    }
    dl->AddCircleFilled(to_screen(pts.front()), font * 0.25f, text);
    // The gap direction, drawn at the end of the chain.
    const double phi = loop.direction * kPi / 180.0;
    const ImVec2 end = to_screen(pts.back());
    const ImVec2 tip(end.x + static_cast<float>(std::cos(phi)) * font * 2.2f,
                     end.y - static_cast<float>(std::sin(phi)) * font * 2.2f);
    for (int k = 0; k < 6; ++k) {  // dashed
        const float f0 = k / 6.0f, f1 = (k + 0.5f) / 6.0f;
        dl->AddLine(ImVec2(end.x + (tip.x - end.x) * f0, end.y + (tip.y - end.y) * f0),
                    ImVec2(end.x + (tip.x - end.x) * f1, end.y + (tip.y - end.y) * f1), plot_bad(), 2.0f);
    }
    dl->AddCircle(tip, font * 0.25f, plot_bad(), 0, 2.0f);
    char gap[48];
    std::snprintf(gap, sizeof gap, "gap along %.4g°", loop.direction);
    const ImVec2 gs = ImGui::CalcTextSize(gap);
    dl->AddText(ImVec2(std::clamp(tip.x + font * 0.4f, origin.x + 2, origin.x + width - gs.x - 2),
                       std::clamp(tip.y - gs.y * 0.5f, origin.y + 2, origin.y + height - gs.y - 2)),
                plot_bad(), gap);
    dl->AddRect(origin, ImVec2(origin.x + width, origin.y + height), ImGui::GetColorU32(ImGuiCol_Border));
}

// Edits one field of vector `i` of the loop.
void edit_vector(Ctx& c, size_t i, const char* label, const char* field, bool merge,
                 std::function<void(LoopVector&)> fn) {
    edit_stack(c, label, "stack.loop." + std::to_string(i) + "." + field, merge, [i, fn](Stack& s) {
        if (s.loop && i < s.loop->vectors.size()) fn(s.loop->vectors[i]);
    });
}

// A combo of the stack's contributors that `fits` ("" = none, shown as `none`).
bool pick_contributor(const Stack& s, const char* id, const std::string& current, bool (*fits)(const Contributor&),
                      const char* none, std::string* out) {
    const Contributor* cur = current.empty() ? nullptr : find(s, current);
    bool picked = false;
    if (ImGui::BeginCombo(id, cur ? cur->name.c_str() : none)) {
        if (ImGui::Selectable(none, current.empty())) {
            *out = "";
            picked = !current.empty();
        }
        for (const auto& k : s.contributors)
            if (fits(k) && ImGui::Selectable(k.name.c_str(), k.id == current)) {
                *out = k.id;
                picked = k.id != current;
            }
        ImGui::EndCombo();
    }
    if (cur && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", cur->name.c_str());
    return picked;
}

// [SECTION] Editor -----------------------------------------------------------------------

void draw_editor(Ctx& c) {
    const Stack& s = c.stack;
    const VectorLoop& loop = *s.loop;
    std::vector<const LinearTerm*> term_of(s.contributors.size(), nullptr);
    for (const auto& t : c.report.linear.terms)
        if (t.index < term_of.size()) term_of[t.index] = &t;

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Gap measured along");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(5));
    double dir = loop.direction;
    if (ImGui::InputDouble("##dir", &dir, 0, 0, "%.4g°") && std::isfinite(dir))
        edit_stack(c, "Set gap direction", "stack.loop.direction", true, [dir](Stack& st) {
            if (st.loop) st.loop->direction = dir;
        });
    MF_TEST_ANCHOR("stack.loop.direction");
    field_error_marker(c.vc, "stack.loop.direction");
    ImGui::SameLine();
    help_marker(
        "Degrees counter-clockwise from +x: 0 = along +x, 90 = up, 270 = down. gap = d · Σ vectors "
        "(+ the contributors not in the loop, with their own sensitivity).");
    ImGui::SameLine(0, em(1));
    if (ImGui::Button("Add vector"))
        edit_plan(c, "Add loop vector", "stack.loop.add", [sid = s.id](Plan& p) { add_loop_vector(p, sid); });
    MF_TEST_ANCHOR("stack.loop.add");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The first length not yet in the loop, else a fixed 1 mm vector");
    field_error_marker(c.vc, "stack.loop.add");

    const ImGuiTableFlags flags =
        ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("vectors", 7, flags)) return;
    ImGui::TableSetupColumn("#");
    ImGui::TableSetupColumn("Length from", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Length", ImGuiTableColumnFlags_WidthFixed, em(6));
    ImGui::TableSetupColumn("Angle", ImGuiTableColumnFlags_WidthFixed, em(4.5f));
    ImGui::TableSetupColumn("+ angle of", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Sens.");
    ImGui::TableSetupColumn("");
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < loop.vectors.size(); ++i) {
        const LoopVector& lv = loop.vectors[i];
        const Contributor* lk = lv.length_from.empty() ? nullptr : find(s, lv.length_from);
        const std::string key = "stack.loop." + std::to_string(i) + ".";
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_color(static_cast<int>(i % 6))), "%zu", i + 1);
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        std::string from;
        if (pick_contributor(s, "##from", lv.length_from, loop_length_candidate, "fixed length", &from))
            edit_plan(c, "Set loop vector length", key + "from",
                      [sid = s.id, i, from](Plan& p) { set_vector_length_from(p, sid, i, from); });
        field_error_marker(c.vc, key + "from");
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        if (lk) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("%s", format_length(lk->nominal, c.unit, 6).c_str());
        } else {
            double len = lv.length;
            if (input_length("##len", lv.length, c.unit, &len))
                edit_vector(c, i, "Set loop vector length", "len", true, [len](LoopVector& v) { v.length = len; });
            field_error_marker(c.vc, key + "len");
        }
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        double ang = lv.angle;
        if (ImGui::InputDouble("##ang", &ang, 0, 0, "%.4g°") && std::isfinite(ang))
            edit_vector(c, i, "Set loop vector angle", "ang", true, [ang](LoopVector& v) { v.angle = ang; });
        MF_TEST_ANCHOR(("stack.loop." + std::to_string(i) + ".angle").c_str());
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-FLT_MIN);
        std::string by;
        if (pick_contributor(
                s, "##angle_from", lv.angle_from, [](const Contributor& k) { return k.kind == DimensionKind::Angle; },
                "—", &by))
            edit_vector(c, i, "Set loop vector tilt", "angle_from", false, [by](LoopVector& v) { v.angle_from = by; });
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        const LinearTerm* t = lk ? term_of[static_cast<size_t>(lk - s.contributors.data())] : nullptr;
        if (t)
            ImGui::Text("%.4g", tidy(t->sensitivity));
        else
            ImGui::TextDisabled("fixed");
        if (t && ImGui::IsItemHovered())
            ImGui::SetTooltip("∂gap/∂length of \"%s\": the direction cosine, summed over its vectors",
                              lk->name.c_str());
        ImGui::TableNextColumn();
        const bool last = loop.vectors.size() == 1;  // a loop keeps one vector: "Make it a 1D chain" ends it
        ImGui::BeginDisabled(last);
        if (ImGui::SmallButton("✗"))
            edit_plan(c, "Delete loop vector", key + "delete",
                      [sid = s.id, i](Plan& p) { remove_loop_vector(p, sid, i); });
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip(last ? "A loop needs a vector: \"Make it a 1D chain\" drops the loop"
                                   : "Delete this vector (its contributor stays, with its own sensitivity)");
        field_error_marker(c.vc, key + "delete");
        ImGui::PopID();
    }
    ImGui::EndTable();
    for (size_t i = 0; i < s.contributors.size(); ++i) {
        const LinearTerm* t = term_of[i];
        if (!t) continue;
        const Contributor& k = s.contributors[i];
        if (t->from_loop && k.kind == DimensionKind::Angle)
            ImGui::TextWrapped("Angle \"%s\": %s per degree (L·sin(φ − θ)·π/180).", k.name.c_str(),
                               format_length(t->sensitivity, c.unit).c_str());
        else if (!t->from_loop)
            ImGui::TextWrapped("\"%s\" is not in the loop: it adds with sensitivity %.4g.", k.name.c_str(),
                               tidy(t->sensitivity));
    }
    ImGui::TextDisabled("The Monte Carlo evaluates the loop exactly; the other figures use these sensitivities.");
}

}  // namespace

void draw_loop(Ctx& c) {
    if (!c.stack.loop) return;
    ImGui::SeparatorText("Vector loop (2D)");
    draw_picture(c);
    draw_editor(c);
}

// [SECTION] 1D chain ⇄ 2D loop -----------------------------------------------------------

void draw_loop_switch(Ctx& c) {
    const Stack& s = c.stack;
    if (s.loop) {
        // Back to a chain: every contributor keeps the sensitivity the loop gave it.
        ImGui::BeginDisabled(!c.report.errors.empty());
        if (ImGui::SmallButton("Make it a 1D chain"))
            edit_plan(c, "Make a 1D chain", "stack.loop.switch", [sid = s.id](Plan& p) { make_chain(p, sid); });
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("Drop the loop; each contributor keeps the sensitivity the loop geometry gave it");
    } else {
        // To a loop: each ±1 length becomes a vector along 0° or 180°, the gap measured along 0°
        // (the same gap); other contributors keep their sensitivity outside the loop.
        const std::string blocked = loop_refusal(s);
        ImGui::BeginDisabled(!blocked.empty());
        if (ImGui::SmallButton("Make it a 2D loop"))
            edit_plan(c, "Make a 2D loop", "stack.loop.switch", [sid = s.id](Plan& p) { make_loop(p, sid); });
        ImGui::EndDisabled();
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s",
                              blocked.empty() ? "Each ±1 length becomes a vector along 0° or 180° (the same gap); then "
                                                "set angles, add tilts and the gap direction below the results"
                                              : ("Not possible: " + blocked).c_str());
    }
    MF_TEST_ANCHOR("stack.loop.switch");
    field_error_marker(c.vc, "stack.loop.switch");
}

}  // namespace mf::stack_ui

#include "widgets.h"

#include "plot.h"
#include "style.h"
#include "test_hooks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace mf {

static int resize_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

bool input_string(const char* label, std::string& text, ImGuiInputTextFlags flags) {
    return ImGui::InputText(label, text.data(), text.capacity() + 1, flags | ImGuiInputTextFlags_CallbackResize,
                            resize_callback, &text);
}

bool input_multiline(const char* label, std::string& text, const ImVec2& size) {
    return ImGui::InputTextMultiline(label, text.data(), text.capacity() + 1, size, ImGuiInputTextFlags_CallbackResize,
                                     resize_callback, &text);
}

bool note_field(const char* label, std::string& text, float min_edit_height) {
    static std::unordered_map<ImGuiID, bool> editing;  // per widget id: true on the frame it opens
    ImGui::PushID(label);
    const ImGuiID id = ImGui::GetID("note");
    const float width = ImGui::GetContentRegionAvail().x;
    bool changed = false;
    if (auto it = editing.find(id); it != editing.end()) {
        const bool opening = it->second;
        it->second = false;
        if (opening) ImGui::SetKeyboardFocusHere();
        // Tall enough for the text as it wraps when shown, and two lines more to type into.
        const float text_h = ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y;
        const float h = std::max(min_edit_height, text_h + ImGui::GetTextLineHeight() * 2 + em(0.6f));
        changed = input_multiline("##edit", text, ImVec2(-FLT_MIN, h));
        MF_TEST_ANCHOR(std::string("note") + label + ".field");
        const bool left = !opening && !ImGui::IsItemActive();
        if (ImGui::Button("Done") || left) editing.erase(id);
    } else {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        if (text.empty())
            ImGui::TextDisabled("(no notes)");
        else
            ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        MF_TEST_ANCHOR(std::string("note") + label + ".text");
        const bool clicked = ImGui::IsItemClicked();
        ImGui::GetWindowDrawList()->AddRect(ImVec2(at.x - 2, at.y - 2),
                                            ImVec2(at.x + width, ImGui::GetItemRectMax().y + 2),
                                            ImGui::GetColorU32(ImGuiCol_Border), 2.0f);
        ImGui::Dummy(ImVec2(0, 2));
        if (ImGui::SmallButton("Edit") || clicked) editing[id] = true;
        MF_TEST_ANCHOR(std::string("note") + label + ".edit");
    }
    ImGui::PopID();
    return changed;
}

bool input_date(const char* label, const std::optional<Date>& value, std::optional<Date>* out) {
    // Text being typed lives here until it is a valid date (per widget id), so a half-typed
    // date is neither lost nor written into the plan.
    static std::unordered_map<ImGuiID, std::string> drafts;
    const ImGuiID id = ImGui::GetID(label);
    const std::string current = value ? format_iso_date(*value) : std::string();
    auto it = drafts.find(id);
    std::string text = it != drafts.end() ? it->second : current;
    ImGui::SetNextItemWidth(date_field_width());
    bool changed = false;
    if (input_string(label, text, ImGuiInputTextFlags_CharsNoBlank)) {
        if (text.empty()) {
            *out = std::nullopt;
            changed = value.has_value();
            drafts.erase(id);
        } else if (auto d = parse_iso_date(text)) {
            *out = d;
            changed = !value || *value != *d;
            drafts.erase(id);
        } else {
            drafts[id] = text;
        }
    }
    if (drafts.count(id)) {
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "not a date: use YYYY-MM-DD");
        if (!ImGui::IsItemActive() && !ImGui::IsItemFocused() && ImGui::IsMouseClicked(0) && !ImGui::IsItemHovered())
            drafts.erase(id);  // clicking away abandons the draft; the plan keeps its date
    }
    return changed;
}

bool begin_flat_child(const char* id, const ImVec2& size, ImGuiChildFlags child_flags, ImGuiWindowFlags window_flags) {
    return ImGui::BeginChild(id, size, child_flags, window_flags | ImGuiWindowFlags_NavFlattened);
}

float date_field_width() { return ImGui::CalcTextSize("0000-00-00").x + ImGui::GetStyle().FramePadding.x * 2 + 4; }

bool input_length(const char* label, double value_mm, LengthUnit unit, double* out_mm) {
    double shown = value_mm / mm_per_unit(unit);
    char format[32];
    std::snprintf(format, sizeof format, "%%.6g %s", unit_symbol(unit));
    if (ImGui::InputDouble(label, &shown, 0, 0, format)) {
        if (!std::isfinite(shown)) return false;
        *out_mm = shown * mm_per_unit(unit);
        return true;
    }
    return false;
}

void help_marker(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void tooltip_when_cut(const std::string& full, float room) {
    if (ImGui::IsItemActive() || !(ImGui::CalcTextSize(full.c_str()).x > room)) return;
    // Test builds: each cut name's place, as anchor "cut:<the whole name>", to hover it and
    // compare the tooltip ("tooltip") with it.
    MF_TEST_ANCHOR("cut:" + full);
    const bool keyboard = ImGui::IsItemFocused() && ImGui::GetIO().NavVisible;
    if (!keyboard && !ImGui::IsItemHovered(ImGuiHoveredFlags_ForTooltip)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(em(30));
    ImGui::TextUnformatted(full.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
    MF_TEST_TEXT("tooltip", full);
}

void name_text(const std::string& name) {
    const float room = ImGui::GetContentRegionAvail().x;
    ImGui::TextUnformatted(name.c_str());
    tooltip_when_cut(name, room);
}

void field_tooltip_when_cut(const std::string& full, bool arrow) {
    const float arrow_w = arrow ? ImGui::GetFrameHeight() : 0.0f;
    tooltip_when_cut(full, ImGui::GetItemRectSize().x - arrow_w - ImGui::GetStyle().FramePadding.x * 2);
}

static bool escape_for_this_window() {
    return ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
        ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !ImGui::IsAnyItemActive();
}

void close_on_escape(bool* open) {
    if (open && escape_for_this_window()) *open = false;
}

bool close_modal_on_escape() {
    if (!escape_for_this_window()) return false;
    ImGui::CloseCurrentPopup();
    return true;
}

void field_error_marker(ViewContext& ctx, const std::string& field) {
    if (ImGui::IsItemDeactivated()) ctx.field_errors.by_field.erase(field);
    const Issue* issue = ctx.field_errors.find(field);
    if (!issue) return;
    ImGui::SameLine(0, em(0.2f));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(plot_bad()), "!");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(em(28));
        ImGui::Text("Not applied: %s", issue->message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace mf

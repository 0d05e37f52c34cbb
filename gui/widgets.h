// Small widgets on top of Dear ImGui that the views share: text fields over std::string,
// a date field that only accepts real dates, a length field in the plan's display unit,
// and a hover help marker.
//
// Tables: every stretch column is given its weight (TableSetupColumn(..., WidthStretch, w)).
// Under SizingStretchProp, ImGui 1.90.1 otherwise divides by the stretch columns' summed
// auto-width, which is 0 while they hold only full-width fields or nothing yet, and the whole
// window's layout turns NaN (found by clang's UBSan in gui_tests).
#pragma once
#include <optional>
#include <string>

#include "format.h"
#include "imgui.h"
#include "base/date.h"
#include "plan/plan.h"
#include "view_context.h"

namespace mf {

bool input_string(const char* label, std::string& text, ImGuiInputTextFlags flags = 0);
bool input_multiline(const char* label, std::string& text, const ImVec2& size);

// A multi-line note (plan notes, partner notes), shown as text wrapped to the width there is,
// with an Edit button. ImGui 1.90.1's InputTextMultiline cannot word-wrap: a long note in it
// runs off the right edge. So the note is read as wrapped text, and Edit (or a click on the
// text) opens the multi-line field, focused; leaving it (Tab, a click elsewhere, Done) shows
// the wrapped text again. Returns true when `text` changed (each keystroke, as
// input_multiline, so the caller's merged edit and its undo step stay as they were).
// `label` is the widget's id ("##plan-notes"); test builds record the anchors
// "note<label>.text" and "note<label>.edit".
bool note_field(const char* label, std::string& text, float min_edit_height);

// Edits an optional date as YYYY-MM-DD text. Returns true (and sets *out) only when the text
// is a real date or empty (= no date); otherwise shows why beside the field.
bool input_date(const char* label, const std::optional<Date>& value, std::optional<Date>* out);

// Edits a length stored in millimetres, shown and typed in `unit` (µm, mm, in).
bool input_length(const char* label, double value_mm, LengthUnit unit, double* out_mm);

void help_marker(const char* text);

// Names (tasks, partners, stacks, contributors, datasets, features) in tables and lists get
// the room there is; where the column is still narrower than the name, the whole name shows
// as a tooltip. One rule for every view:
//   after the item that shows `full` in `room` pixels of text, tooltip_when_cut(full, room):
//   the tooltip shows on hover, and while the item has the keyboard focus (a list entry
//   reached by Tab or the arrows); not while a field is being typed into.
void tooltip_when_cut(const std::string& full, float room);
// A name as plain text in a cell or list line: drawn (clipped by the column) with the above.
void name_text(const std::string& name);
// After a one-line text field (input_string) or a closed combo (arrow: with its arrow button)
// showing `full`: the field's inner width is the room.
void field_tooltip_when_cut(const std::string& full, bool arrow = false);

// Inside a window or dialog: Escape closes it (sets *open = false) when it has the focus.
// Call it before the window's fields: the Escape that leaves a text field (ImGui reverts the
// field) does not also close the dialog.
void close_on_escape(bool* open);
// Inside a BeginPopupModal: Escape closes the modal (CloseCurrentPopup) and returns true, under
// the same rule. ImGui's own navigation closes plain popups on Escape but never modals.
bool close_modal_on_escape();

// After a field: a red "!" with the reason as tooltip when the document refused the last
// edit of `field` (Edit::field). Leaving the field forgets the refusal: it shows the plan's
// value again.
void field_error_marker(ViewContext& ctx, const std::string& field);

// A child window whose controls belong to the keyboard order of the window around it: Tab and
// the arrow keys go from the tab bar into a tab's content and through nested panes as if
// they were one window (ImGui 1.90.1's ImGuiWindowFlags_NavFlattened; a plain child is one
// item that only Enter opens, and Tab never enters it). Pair with ImGui::EndChild().
bool begin_flat_child(const char* id, const ImVec2& size = ImVec2(0, 0), ImGuiChildFlags child_flags = 0,
                      ImGuiWindowFlags window_flags = 0);

// Width of a YYYY-MM-DD field.
float date_field_width();

}  // namespace mf

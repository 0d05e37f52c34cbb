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

// Edits an optional date as YYYY-MM-DD text. Returns true (and sets *out) only when the text
// is a real date or empty (= no date); otherwise shows why beside the field.
bool input_date(const char* label, const std::optional<Date>& value, std::optional<Date>* out);

// Edits a length stored in millimetres, shown and typed in `unit` (µm, mm, in).
bool input_length(const char* label, double value_mm, LengthUnit unit, double* out_mm);

void help_marker(const char* text);

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

// Width of a YYYY-MM-DD field.
float date_field_width();

}  // namespace mf

#include "views/capability_import.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "plot.h"
#include "style.h"
#include "test_hooks.h"
#include "views/capability_parts.h"
#include "widgets.h"

namespace mf {

static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

void CapabilityImport::start(std::string source_name, std::string content, bool from_clipboard) {
    source = std::move(source_name);
    text = std::move(content);
    pasted = from_clipboard;
    options = {};  // a pasted column of decimal-comma numbers is one column: core's read_table decides
    parsed = false;
    request_open = true;
}

static std::string dataset_name_for(const std::string& source, bool pasted) {
    if (pasted) return "Pasted data";
    std::string n = source;
    const size_t slash = n.find_last_of("/\\");
    if (slash != std::string::npos) n = n.substr(slash + 1);
    const size_t dot = n.find_last_of('.');
    if (dot != std::string::npos && dot > 0) n = n.substr(0, dot);
    return n.empty() ? "Imported measurements" : n.substr(0, 200);
}

void CapabilityImport::reparse() {
    parsed = true;
    notes.clear();
    yield.clear();
    dataset = Dataset{};
    is_yield = false;
    TableReadResult r = read_table(text, options);
    table = std::move(r.table);
    errors = std::move(r.errors);
    if (!errors.empty()) return;
    if (table.has_header)
        for (const auto& h : table.headers) is_yield = is_yield || lower(h) == "step" || lower(h) == "process step";
    if (is_yield) {
        YieldImportResult y = yield_from_table(table);
        errors = std::move(y.errors);
        yield = std::move(y.records);
        return;
    }
    DatasetImportOptions o;
    o.subgroup_size = std::clamp<int64_t>(subgroup_size, 1, 1000);
    o.name = dataset_name_for(source, pasted);
    DatasetImportResult d = dataset_from_table(table, o);
    errors = std::move(d.errors);
    notes = std::move(d.notes);
    dataset = std::move(d.dataset);
    const double scale = unit == Um ? 0.001 : unit == Inch ? 25.4 : 1.0;
    for (Feature& f : dataset.features) {
        if (f.name.size() > 200) f.name.resize(200);  // the plan file's limit
        f.units = unit == NotLength ? "" : "mm";
        if (scale != 1.0 && f.values) {
            auto v = std::make_shared<std::vector<double>>(*f.values);
            for (double& x : *v) x *= scale;
            f.values = std::move(v);
        }
    }
}

// [SECTION] Applying an import ------------------------------------------------------------

// Ids from the names ("d-pilot-run", "f-bore"), made unique by core's import_dataset.
static void push_new_dataset(Edits& edits, const Dataset& imported) {
    Dataset d = imported;
    d.id = "d-" + slug(d.name, "data");
    for (Feature& f : d.features)
        if (f.id.empty()) f.id = "f-" + slug(f.name, "data");
    edits.push("Import dataset \"" + imported.name + "\"", [d](Plan& p) { import_dataset(p, d); });
}

// The dataset's table becomes the imported one; features matched by name (or position) keep
// their id and limits (core/capability/capability_edit.h says how).
static void push_replace(Edits& edits, const Dataset& target, const Dataset& imported) {
    Dataset d = imported;
    for (Feature& f : d.features)
        if (f.id.empty()) f.id = "f-" + slug(f.name, "data");
    edits.push("Replace the data of \"" + target.name + "\"",
               [id = target.id, d](Plan& p) { replace_dataset_data(p, id, d); });
}

static void push_yield(Edits& edits, const Dataset* target, const std::vector<YieldRecord>& records,
                       const std::string& new_name) {
    if (target) {
        edits.push("Set the yield records of \"" + target->name + "\"",
                   [id = target->id, records](Plan& p) { set_yield_records(p, id, records); });
    } else {
        Dataset d;
        d.name = new_name;
        d.yield = records;
        push_new_dataset(edits, d);
    }
}

// [SECTION] The dialog --------------------------------------------------------------------

static bool combo(const char* label, int* v, const char* const items[], int n, float width) {
    ImGui::SetNextItemWidth(width);
    return ImGui::Combo(label, v, items, n);
}

// Where the text came from, and the text: editable when small; a read-only look at the first
// lines of a large file.
void CapabilityImport::draw_text() {
    char size_text[64];
    if (text.size() >= 10000)
        std::snprintf(size_text, sizeof size_text, "%.1f kB", text.size() / 1000.0);
    else
        std::snprintf(size_text, sizeof size_text, "%zu characters", text.size());
    ImGui::Text("From %s (%s)", source.c_str(), size_text);

    constexpr size_t kEditableChars = 200000;
    if (text.size() <= kEditableChars) {
        if (input_multiline("##text", text, ImVec2(-FLT_MIN, em(7)))) parsed = false;
        MF_TEST_ANCHOR("capability.import.text");
        ImGui::TextDisabled("Paste spreadsheet cells here (Ctrl+V) or edit the text; empty cells are missing values.");
    } else {
        ImGui::BeginChild("preview", ImVec2(-FLT_MIN, em(7)), ImGuiChildFlags_Border,
                          ImGuiWindowFlags_HorizontalScrollbar);
        size_t end = 0;
        for (int line = 0; line < 30 && end < text.size(); ++line) {
            const size_t nl = text.find('\n', end);
            end = nl == std::string::npos ? text.size() : nl + 1;
        }
        ImGui::TextUnformatted(text.data(), text.data() + end);
        ImGui::EndChild();
        ImGui::TextDisabled("Showing the first 30 lines of %s.", size_text);
    }
}

// Reading options: separator, decimal mark, header row, unit, subgroup size.
void CapabilityImport::draw_options() {
    const float w = em(8);
    int sep = options.delimiter == ',' ? 1 : options.delimiter == ';' ? 2 : options.delimiter == '\t' ? 3 : 0;
    const char* seps[] = {"Auto", "Comma", "Semicolon", "Tab"};
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Separator");
    ImGui::SameLine();
    if (combo("##sep", &sep, seps, 4, w)) {
        options.delimiter = "\0,;\t"[sep];
        parsed = false;
    }
    ImGui::SameLine(0, em(1));
    ImGui::TextUnformatted("Decimal mark");
    ImGui::SameLine();
    int dec = options.decimal == '.' ? 1 : options.decimal == ',' ? 2 : 0;
    const char* decs[] = {"Auto", "Point", "Comma"};
    if (combo("##dec", &dec, decs, 3, w)) {
        options.decimal = "\0.,"[dec];
        parsed = false;
    }
    ImGui::SameLine(0, em(1));
    ImGui::TextUnformatted("Header row");
    ImGui::SameLine();
    int hdr = options.header < 0 ? 0 : options.header == 1 ? 1 : 2;
    const char* hdrs[] = {"Auto", "Yes", "No"};
    if (combo("##hdr", &hdr, hdrs, 3, w)) {
        options.header = hdr == 0 ? -1 : hdr == 1 ? 1 : 0;
        parsed = false;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Numbers are in");
    ImGui::SameLine();
    int u = unit;
    const char* units[] = {"mm", "µm", "in", "not lengths"};
    if (combo("##unit", &u, units, 4, w)) {
        unit = static_cast<Unit>(u);
        parsed = false;
    }
    help_marker(
        "Lengths are stored in mm and shown in the plan's display unit; choose \"not lengths\" for forces, "
        "torques, percentages and the like (kept as typed).");
    ImGui::SameLine(0, em(1));
    ImGui::TextUnformatted("Subgroup size");
    ImGui::SameLine();
    int sg = static_cast<int>(subgroup_size);
    ImGui::SetNextItemWidth(em(6));
    if (ImGui::InputInt("##sg", &sg)) {
        subgroup_size = std::clamp(sg, 1, 1000);
        parsed = false;
    }
    help_marker(
        "Consecutive rows per subgroup for a new dataset (1 = individual values, I–MR chart). A column named "
        "\"subgroup\" or \"sample\" overrides it: a new subgroup starts wherever its label changes.");
}

// What the text holds: its shape, then the errors, the yield records or the features.
void CapabilityImport::draw_parsed() {
    if (table.columns > 0 && (errors.empty() || table.rows > 0)) {
        const char* sep_name = table.delimiter == '\t' ? "tab" : table.delimiter == ';' ? "semicolon" : "comma";
        ImGui::Text("%zu rows × %zu columns · %s-separated · decimal %s · %s", table.rows, table.columns, sep_name,
                    table.decimal == ',' ? "comma" : "point",
                    table.has_header ? "header row" : "no header row (columns C1, C2, …)");
    }
    ImGui::BeginChild("parsed", ImVec2(-FLT_MIN, -ImGui::GetFrameHeightWithSpacing() * 1.3f), ImGuiChildFlags_Border);
    if (!errors.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, plot_bad());
        for (const auto& e : errors) ImGui::TextWrapped("%s", to_string(e).c_str());
        ImGui::PopStyleColor();
        MF_TEST_TEXT("capability.import.error", to_string(errors.front()));
    } else if (is_yield) {
        ImGui::Text("First-pass-yield counts: %zu records", yield.size());
        for (size_t i = 0; i < yield.size() && i < 12; ++i)
            ImGui::BulletText("%s%s%s: %lld passed, %lld failed", yield[i].step.c_str(),
                              yield[i].lot.empty() ? "" : ", lot ", yield[i].lot.c_str(),
                              static_cast<long long>(yield[i].passed), static_cast<long long>(yield[i].failed));
        if (yield.size() > 12) ImGui::TextDisabled("… and %zu more", yield.size() - 12);
    } else {
        for (const Feature& f : dataset.features) {
            size_t n = 0;
            double lo = INFINITY, hi = -INFINITY;
            for (double x : *f.values)
                if (!std::isnan(x)) {
                    ++n;
                    lo = std::min(lo, x);
                    hi = std::max(hi, x);
                }
            const capability_ui::ValueUnit vu = capability_ui::value_unit(f, LengthUnit::Millimetre);
            if (n > 0)
                ImGui::BulletText(
                    "\"%s\": a feature, %zu values%s, %s … %s", f.name.c_str(), n,
                    n < f.values->size() ? (", " + std::to_string(f.values->size() - n) + " missing").c_str() : "",
                    capability_ui::format_value(lo, vu).c_str(), capability_ui::format_value(hi, vu).c_str());
            else
                ImGui::BulletText("\"%s\": a feature with no values", f.name.c_str());
        }
        for (const auto& n : notes) ImGui::BulletText("%s", n.c_str());
        MF_TEST_TEXT("capability.import.error", "");
    }
    ImGui::EndChild();
}

// What to do with it: add as a new dataset, replace the selected one's data or use as its
// yield records. Returns the dataset to select afterwards, or -1.
long CapabilityImport::draw_actions(const Plan& plan, size_t selected, Edits& edits) {
    long select = -1;
    const Dataset* target = selected < plan.datasets.size() ? &plan.datasets[selected] : nullptr;
    const bool usable = errors.empty() && (is_yield ? !yield.empty() : !dataset.features.empty());
    ImGui::BeginDisabled(!usable);
    if (is_yield) {
        if (target) {
            if (ImGui::Button(("Use as the yield records of \"" + target->name.substr(0, 40) + "\"").c_str())) {
                push_yield(edits, target, yield, "");
                select = static_cast<long>(selected);
                open = false;
            }
            MF_TEST_ANCHOR("capability.import.yield");
            ImGui::SameLine();
        }
        if (ImGui::Button("Add as a new dataset")) {
            push_yield(edits, nullptr, yield, dataset_name_for(source, pasted));
            select = static_cast<long>(plan.datasets.size());
            open = false;
        }
        MF_TEST_ANCHOR("capability.import.new");
    } else {
        if (ImGui::Button("Add as a new dataset")) {
            push_new_dataset(edits, dataset);
            select = static_cast<long>(plan.datasets.size());
            open = false;
        }
        MF_TEST_ANCHOR("capability.import.new");
        if (target) {
            ImGui::SameLine();
            if (ImGui::Button(("Replace the data of \"" + target->name.substr(0, 40) + "\"").c_str())) {
                push_replace(edits, *target, dataset);
                select = static_cast<long>(selected);
                open = false;
            }
            MF_TEST_ANCHOR("capability.import.replace");
            ImGui::SetItemTooltip(
                "The dataset's table becomes this one; features with the same name keep their "
                "limits and target. Undo brings the old data back.");
        }
    }
    ImGui::EndDisabled();
    return select;
}

long CapabilityImport::draw(const Plan& plan, size_t selected, Edits& edits) {
    const char* title = "Import measurements";
    if (request_open) {
        ImGui::OpenPopup(title);
        request_open = false;
        open = true;
    }
    if (!open) return -1;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em(48), vp->WorkSize.x * 0.95f), std::min(em(38), vp->WorkSize.y * 0.95f)),
                             ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(title, &open, ImGuiWindowFlags_NoSavedSettings)) {
        open = false;
        return -1;
    }
    if (close_modal_on_escape()) open = false;  // the text and table are dropped below, as with Cancel
    // Ctrl+V outside the text box replaces the text with what was pasted.
    if (!ImGui::GetIO().WantTextInput && ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_V)) {
        const char* clip = ImGui::GetClipboardText();
        start("pasted text", clip ? clip : "", true);
        request_open = false;
    }
    if (!parsed) reparse();

    draw_text();

    draw_options();
    if (!parsed) reparse();

    ImGui::Separator();
    draw_parsed();

    const long select = draw_actions(plan, selected, edits);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) open = false;
    if (!open) {
        ImGui::CloseCurrentPopup();
        text.clear();
        text.shrink_to_fit();
        table = TextTable{};
        dataset = Dataset{};
        parsed = false;
    }
    ImGui::EndPopup();
    return select;
}

}  // namespace mf

// The Capability tab's import dialog: a CSV/TSV file or pasted spreadsheet text, read by
// core (capability/table_import.h) with the separator, decimal mark and header detected or
// chosen, previewed (columns and what each becomes, errors by row and column), then added
// as a new dataset, used to replace the selected dataset's data, or — for a table with
// step / passed / failed columns — taken as first-pass-yield records.
//
//   importer.start("pilot.csv", bytes);               // or start("pasted text", clipboard)
//   long select = importer.draw(plan, selected, edits);  // >= 0: dataset index to select
#pragma once
#include <string>
#include <vector>

#include "capability/table_import.h"
#include "edits.h"
#include "plan/plan.h"

namespace mf {

struct CapabilityImport {
    enum Unit { Mm, Um, Inch, NotLength };

    bool request_open = false;  // open the dialog on the next draw
    bool open = false;
    bool pasted = false;  // the text came from the clipboard (not a file)
    std::string source;   // file name or "pasted text"
    std::string text;
    TableOptions options;
    Unit unit = Mm;             // what the numbers in the table are in
    int64_t subgroup_size = 1;  // for a new dataset without a subgroup column

    // Parsed from text + options (kept in step by draw()).
    bool parsed = false;
    bool is_yield = false;
    TextTable table;
    Issues errors;
    std::vector<std::string> notes;
    Dataset dataset;  // values already in mm (or as typed, for NotLength)
    std::vector<YieldRecord> yield;

    void start(std::string source_name, std::string content, bool from_clipboard);
    void reparse();
    // Draws the modal dialog; pushes the chosen import. Returns the index of the dataset to
    // select afterwards, or -1.
    long draw(const Plan& plan, size_t selected_dataset, Edits& edits);

private:
    // The parts of draw(), top to bottom.
    void draw_text();
    void draw_options();
    void draw_parsed();
    long draw_actions(const Plan& plan, size_t selected_dataset, Edits& edits);
};

}  // namespace mf

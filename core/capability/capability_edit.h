// Named, pure edits of a plan's measurement datasets: what the Capability view's buttons do
// to the plan as a whole (new ids unique across the plan, measured links that would dangle
// removed). Editing the cells of one dataset is dataset_edit.h.
//
//   const std::string id = add_dataset(plan);              // "d-data", "d-data-2", ...
//   add_feature(plan, id);                                 // every cell missing
//   delete_dataset(plan, id);                              // linked contributors / gates fall back
//
// Functions that create an item return its id ("" when there was nothing to do it to); none
// checks values a user typed (an LSL above the USL): the document refuses those with
// check_plan's reason.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "capability/dataset_model.h"

namespace mf {

struct Plan;

// Finding by id (null when there is none).
Dataset* find_dataset(Plan& p, const std::string& id);
Feature* find_feature(Dataset& d, const std::string& id);
// An id used nowhere in the plan nor in `also_taken`: base (cut to 56 characters), then
// base-2, base-3, ...
std::string unique_id(const Plan& p, const std::string& base, const std::vector<std::string>& also_taken = {});

// [SECTION] Datasets -------------------------------------------------------------------------
// A new empty dataset "Dataset N" at the end; returns its id.
std::string add_dataset(Plan& p);
// A copy of dataset `id` at the end, named "… (copy)", its features with new ids (their
// columns shared, not copied); returns the copy's id.
std::string duplicate_dataset(Plan& p, const std::string& id);
// Deletes the dataset and the measured links to it (contributors and gates fall back to
// their declared figures).
void delete_dataset(Plan& p, const std::string& id);
// Adds an imported dataset at the end. Its id and its features' ids are taken as the bases
// of unique ids (empty: from "d-data" / "f-data"); returns the dataset's id.
std::string import_dataset(Plan& p, Dataset imported);
// The dataset's table becomes the imported one: columns, subgroups and context columns.
// A feature keeps its id, name (when matched by position), limits and target when an
// imported column has its name (case-insensitive) or, when no name matches and the counts
// agree, the same position; the measured links to features not kept are removed.
void replace_dataset_data(Plan& p, const std::string& id, const Dataset& imported);
void set_yield_records(Plan& p, const std::string& id, std::vector<YieldRecord> records);

// [SECTION] Features -------------------------------------------------------------------------
// A new feature "Feature N" with every cell missing at the end of the dataset; returns its id.
std::string add_feature(Plan& p, const std::string& dataset_id);
// Deletes the feature and the measured links to it.
void delete_feature(Plan& p, const std::string& dataset_id, const std::string& feature_id);

enum class SpecLimit { Lower, Upper, Target };
// Sets (or, with no value, clears) one specification limit or the target of a feature.
void set_spec_limit(Plan& p, const std::string& dataset_id, const std::string& feature_id, SpecLimit which,
                    std::optional<double> value);

}  // namespace mf

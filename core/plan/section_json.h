// Each plan section reads and writes its own part of the plan file. The functions live
// beside the section's model (decision/decision_json.cpp, ...); plan_file.cpp calls them.
// Readers report problems into the JsonReader and never throw.
#pragma once
#include "base/json_reader.h"
#include "base/limits.h"
#include "plan/plan.h"

namespace mf {

void read_decision(const json& j, const std::string& path, JsonReader& r, DecisionSection& out);
json write_decision(const DecisionSection& s);

void read_schedule(const json& j, const std::string& path, JsonReader& r, ScheduleSection& out);
json write_schedule(const ScheduleSection& s);

// `shown`: the display unit in which messages write lengths (the plan's meta.units).
void read_stacks(const json& j, const std::string& path, JsonReader& r, std::vector<Stack>& out,
                 LengthUnit shown = LengthUnit::Millimetre);
json write_stacks(const std::vector<Stack>& s);

void read_datasets(const json& j, const std::string& path, JsonReader& r, std::vector<Dataset>& out);
json write_datasets(const std::vector<Dataset>& s);
// The rules read_datasets applies, for datasets built in code or edited in the GUI (check_plan):
// limits finite, in range and LSL < USL, every column as long as the dataset, settings in range.
void check_datasets(const std::vector<Dataset>& s, const std::string& path, Issues& errors);

// Writes an optional number as the value or leaves the key out.
inline void put_optional(json& obj, const char* key, const std::optional<double>& v) {
    if (v) obj[key] = *v;
}

}  // namespace mf

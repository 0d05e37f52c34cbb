// The timeline section of a plan: tasks from the DFμF review to the production ramp.
// (The timeline issue extends these structs; the file format follows them.)
#pragma once
#include <string>
#include <vector>

namespace mf {

struct Task {
    std::string id;
    std::string name;
    std::string partner_id;              // optional reference into DecisionSection::partners
    double optimistic = 0;               // durations in working days
    double most_likely = 0;
    double pessimistic = 0;
    std::vector<std::string> predecessors;  // ids of tasks that must finish first
};

struct ScheduleSection {
    std::vector<Task> tasks;
};

}  // namespace mf

// Helpers shared by the schedule tests: a task with a fixed duration (O = M = P) and the CPM
// row of a task by id.
#pragma once
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "schedule/cpm.h"

namespace mf::test {

inline Task fixed_task(const std::string& id, double d, std::vector<Dependency> preds = {},
                       const std::string& parent = "") {
    Task t;
    t.id = id;
    t.name = id;
    t.optimistic = t.most_likely = t.pessimistic = d;
    t.predecessors = std::move(preds);
    t.parent = parent;
    return t;
}

inline const CpmTask& cpm_row(const CpmResult& r, const std::string& id) {
    for (const auto& t : r.tasks)
        if (t.id == id) return t;
    FAIL("no task " << id);
    return r.tasks.front();
}

}  // namespace mf::test

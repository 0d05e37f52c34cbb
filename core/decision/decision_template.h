// The article's three roads as a ready decision section: an in-house micro-fab line, a
// boutique specialist and a full-service contract manufacturer, with evidence, all-in cost
// models and 1–10 scores built from the article's figures, and its eight default criteria.
// Used by the examples, the tests and the GUI's "new from template".
#pragma once
#include <vector>

#include "decision/decision_model.h"

namespace mf {

// The eight criteria the article names, with default weights summing to 1. Cost, first-
// article lead time and throughput are derived from the partners; the others are entered.
std::vector<Criterion> article_criteria();

// Partners "inhouse", "boutique", "cm"; criteria as above; planned volume 100 000 over
// 8 quarters; IP-sensitive; design not yet frozen.
DecisionSection article_template();

}  // namespace mf

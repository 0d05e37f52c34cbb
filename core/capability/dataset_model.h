// The measurement section of a plan: raw dimensional data, one column per feature,
// rows in production order. Columns are shared immutable vectors so that copying a Plan
// (an undo snapshot) never copies 100 000 measurements.
// (The capability issue extends these structs; the file format follows them.)
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mf {

using Column = std::shared_ptr<const std::vector<double>>;  // NaN marks a missing cell

struct Feature {
    std::string id;
    std::string name;
    std::optional<double> lsl;           // lower specification limit (mm)
    std::optional<double> usl;           // upper specification limit (mm)
    std::optional<double> nominal;       // target (mm)
    Column values;                       // never null after loading
};

struct Dataset {
    std::string id;
    std::string name;
    std::vector<Feature> features;
};

}  // namespace mf

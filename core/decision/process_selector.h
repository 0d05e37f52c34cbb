// Process selector: a table of micro-fabrication processes with indicative capabilities,
// filtered by what the part needs; and the photolithography-vs-direct-write cost crossover.
//
// The table values are indicative defaults (order-of-magnitude figures for planning, from
// the article where it gives them: femtosecond-laser recast ~2 µm, LIGA walls within 0.1 µm
// but an X-ray mask and synchrotron, direct write ~1 part per hour, photolithography pennies
// per part once the mask is paid). Ask the partner for their own high-yield minimum.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "decision/decision_model.h"

namespace mf {

enum class MaterialFamily { Metal, Superalloy, Silicon, Glass, Ceramic, Polymer, Unknown };
const char* material_family_name(MaterialFamily f);
// Classifies a material name by keywords ("Inconel 718" → superalloy, "alumina" → ceramic).
MaterialFamily classify_material(const std::string& name);

enum class Sidewall { Vertical, NearVertical, Tapered };
const char* sidewall_name(Sidewall s);

struct ProcessInfo {
    const char* key;  // "laser-femtosecond", "liga", ...
    const char* name;
    double min_feature_mm;  // smallest production feature (not the lab record)
    Sidewall sidewall;
    const char* wall_quality;  // words: taper, burr, draft ...
    double haz_um;             // heat-affected zone / recast depth, µm (0: none)
    double parts_per_hour;     // steady-state throughput, order of magnitude
    double setup_cost;         // tooling / mask / electrode set-up
    const char* setup_note;
    std::vector<MaterialFamily> materials;
    double volume_min, volume_max;  // where it is economical (parts)
};

// The built-in table (7 families of process, laser split into nanosecond and femtosecond).
const std::vector<ProcessInfo>& process_table();

// Known failing material/process pairs (article): alumina or zirconia with laser → micro-
// cracks; Inconel (superalloy) with LIGA electroforming → porosity. Empty text when fine.
std::string known_failure(const std::string& material, const std::string& process_key);

struct ProcessFilter {
    std::optional<double> min_feature_mm;
    std::vector<std::string> materials;
    std::optional<double> volume;
    bool vertical_sidewalls = false;
};

struct ProcessVerdict {
    const ProcessInfo* process = nullptr;
    bool passes = true;
    std::vector<std::string> reasons;  // why it fails each filter, in words
};

std::vector<ProcessVerdict> select_processes(const ProcessFilter& f);

struct LithoDwResult {
    std::vector<std::string> errors;
    double litho_fixed = 0, litho_per_good_part = 0;  // masks (1 + revisions) + setup; c / y
    double dw_fixed = 0, dw_per_good_part = 0;        // setup; hours · rate / y
    std::optional<double> crossover_volume;           // direct write cheaper below, photolithography above
    bool litho_always_cheaper = false;
    bool litho_never_cheaper = false;
    double volume = 0;
    double litho_total = 0, dw_total = 0;
    bool litho_cheaper_at_volume = false;
    // Photolithography yield at which both cost the same at `volume` (below it direct write
    // wins). Unset when photolithography loses even at 100 % yield.
    std::optional<double> flip_yield;
    double article_flip_yield = 0.85;  // the article's rule of thumb, for comparison
};

LithoDwResult litho_vs_direct_write(const LithoVsDirectWrite& in, double volume);

}  // namespace mf

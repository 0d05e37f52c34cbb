#include "decision/process_selector.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace mf {

const char* material_family_name(MaterialFamily f) {
    switch (f) {
        case MaterialFamily::Metal: return "metal";
        case MaterialFamily::Superalloy: return "superalloy";
        case MaterialFamily::Silicon: return "silicon";
        case MaterialFamily::Glass: return "glass";
        case MaterialFamily::Ceramic: return "ceramic";
        case MaterialFamily::Polymer: return "polymer";
        case MaterialFamily::Unknown: return "unknown";
    }
    return "unknown";
}

const char* sidewall_name(Sidewall s) {
    switch (s) {
        case Sidewall::Vertical: return "vertical";
        case Sidewall::NearVertical: return "near-vertical";
        case Sidewall::Tapered: return "tapered";
    }
    return "tapered";
}

static std::string lower(const std::string& s) {
    std::string out = s;
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

static bool has_any(const std::string& s, std::initializer_list<const char*> words) {
    for (const char* w : words)
        if (s.find(w) != std::string::npos) return true;
    return false;
}

MaterialFamily classify_material(const std::string& name) {
    const std::string s = lower(name);
    // Order matters: "aluminium oxide" is a ceramic, "silicon carbide" too, Inconel is nickel-based.
    if (has_any(s, {"alumina", "zirconia", "oxide", "ceramic", "sapphire", "carbide", "nitride"}))
        return MaterialFamily::Ceramic;
    if (has_any(s, {"inconel", "superalloy", "hastelloy", "waspaloy", "rene", "haynes"}))
        return MaterialFamily::Superalloy;
    if (has_any(s, {"glass", "silica", "quartz", "borosilicate"})) return MaterialFamily::Glass;
    if (has_any(s, {"silicone"})) return MaterialFamily::Polymer;
    if (has_any(s, {"silicon"})) return MaterialFamily::Silicon;
    if (has_any(s,
                {"peek", "polymer", "lcp", "pmma", "polycarbonate", "pom", "plastic", "resin", "su-8", "nylon",
                 "polyimide", "ptfe"}))
        return MaterialFamily::Polymer;
    if (has_any(s,
                {"steel", "stainless", "316", "304", "alumin", "titanium", "copper", "nickel", "brass", "nitinol",
                 "gold", "tungsten", "platinum", "bronze", "beryllium", "metal"}))
        return MaterialFamily::Metal;
    return MaterialFamily::Unknown;
}

const std::vector<ProcessInfo>& process_table() {
    using M = MaterialFamily;
    static const std::vector<ProcessInfo> table = {
        {"laser-nanosecond",
         "Laser micromachining (nanosecond)",
         0.020,
         Sidewall::Tapered,
         "tapered walls, burr/dross at the exit",
         10,
         60,
         500,
         "fixture and parameter development",
         {M::Metal, M::Superalloy, M::Ceramic, M::Polymer, M::Silicon, M::Glass},
         1,
         1e5},
        {"laser-femtosecond",
         "Laser micromachining (femtosecond)",
         0.005,
         Sidewall::NearVertical,
         "small taper; thin recast can pass optics but fail dye-penetrant",
         2,
         10,
         1000,
         "fixture and parameter development",
         {M::Metal, M::Superalloy, M::Ceramic, M::Polymer, M::Silicon, M::Glass},
         1,
         1e4},
        {"liga",
         "LIGA (X-ray lithography, electroforming, moulding)",
         0.002,
         Sidewall::Vertical,
         "vertical walls within about 0.1 µm",
         0,
         500,
         200000,
         "X-ray mask and synchrotron time; about 3 weeks to build",
         {M::Metal, M::Polymer},
         1000,
         1e7},
        {"micro-edm",
         "Micro-EDM",
         0.010,
         Sidewall::NearVertical,
         "near-vertical; heat-affected zone changes local hardness",
         5,
         2,
         2000,
         "electrodes and program",
         {M::Metal, M::Superalloy, M::Silicon},
         1,
         1e4},
        {"photolithography-etch",
         "Photolithography + etch",
         0.002,
         Sidewall::Vertical,
         "vertical with deep reactive-ion etch; a mask defect repeats on every die",
         0,
         1000,
         5000,
         "mask set",
         {M::Silicon, M::Glass, M::Metal},
         1000,
         1e8},
        {"direct-write",
         "Direct write (laser ablation / FIB)",
         0.0005,
         Sidewall::NearVertical,
         "no mask: change the file, get a different part",
         1,
         1,
         0,
         "none (no mask)",
         {M::Metal, M::Superalloy, M::Ceramic, M::Polymer, M::Silicon, M::Glass},
         1,
         1000},
        {"micro-molding",
         "Micro-molding",
         0.025,
         Sidewall::Tapered,
         "needs draft; sharp internal corners do not fill",
         0,
         300,
         30000,
         "single-cavity micro mould",
         {M::Polymer, M::Metal},
         10000,
         1e8},
        {"micro-stamping",
         "Micro-stamping",
         0.050,
         Sidewall::NearVertical,
         "burr and roll-over at the cut edge",
         0,
         3000,
         25000,
         "progressive die",
         {M::Metal},
         10000,
         1e9},
    };
    return table;
}

std::string known_failure(const std::string& material, const std::string& process_key) {
    const std::string m = lower(material);
    const bool laser = process_key.rfind("laser", 0) == 0 || process_key == "direct-write";
    if (laser && has_any(m, {"alumina", "zirconia", "aluminium oxide", "aluminum oxide"}))
        return "laser energy is absorbed unevenly by " + material + ": microcracks that grow under thermal cycling";
    if (process_key == "liga" && classify_material(material) == MaterialFamily::Superalloy)
        return "LIGA electroforming with " + material +
            ": the bath chemistry reacts with the nickel content, porosity at the base";
    return "";
}

static std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

std::vector<ProcessVerdict> select_processes(const ProcessFilter& f) {
    std::vector<ProcessVerdict> out;
    for (const auto& p : process_table()) {
        ProcessVerdict v;
        v.process = &p;
        if (f.min_feature_mm && p.min_feature_mm > *f.min_feature_mm)
            v.reasons.push_back("smallest production feature " + fmt("%g", p.min_feature_mm * 1000) +
                                " µm is larger than the part's " + fmt("%g", *f.min_feature_mm * 1000) + " µm");
        for (const auto& m : f.materials) {
            const MaterialFamily fam = classify_material(m);
            if (fam == MaterialFamily::Unknown) continue;  // cannot judge; not a reason to exclude
            if (std::find(p.materials.begin(), p.materials.end(), fam) == p.materials.end())
                v.reasons.push_back(m + " (" + material_family_name(fam) + ") is not a material this process runs");
            const std::string fail = known_failure(m, p.key);
            if (!fail.empty()) v.reasons.push_back(fail);
        }
        if (f.volume && (*f.volume < p.volume_min || *f.volume > p.volume_max))
            v.reasons.push_back("economical from " + fmt("%g", p.volume_min) + " to " + fmt("%g", p.volume_max) +
                                " parts; the plan needs " + fmt("%g", *f.volume));
        if (f.vertical_sidewalls && p.sidewall == Sidewall::Tapered)
            v.reasons.push_back("vertical sidewalls required; this process leaves " + std::string(p.wall_quality));
        v.passes = v.reasons.empty();
        out.push_back(std::move(v));
    }
    return out;
}

LithoDwResult litho_vs_direct_write(const LithoVsDirectWrite& in, double volume) {
    LithoDwResult r;
    r.volume = volume;
    if (!(in.litho_yield > 0 && in.litho_yield <= 1)) r.errors.push_back("photolithography yield must be in (0, 1]");
    if (!(in.dw_yield > 0 && in.dw_yield <= 1)) r.errors.push_back("direct-write yield must be in (0, 1]");
    if (!(volume > 0)) r.errors.push_back("volume must be above 0");
    if (!r.errors.empty()) return r;
    r.litho_fixed = in.mask_cost * (1 + in.mask_revisions) + in.litho_setup;
    r.litho_per_good_part = in.litho_cost_per_part / in.litho_yield;
    r.dw_fixed = in.dw_setup;
    r.dw_per_good_part = in.dw_hours_per_part * in.dw_hourly_rate / in.dw_yield;
    const double dfix = r.litho_fixed - r.dw_fixed, dvar = r.dw_per_good_part - r.litho_per_good_part;
    if (dvar > 0) {
        if (dfix > 0)
            r.crossover_volume = dfix / dvar;
        else
            r.litho_always_cheaper = true;
    } else if (dfix >= 0) {
        r.litho_never_cheaper = true;
    } else {
        r.crossover_volume = dfix / dvar;  // photolithography cheaper below, direct write above
    }
    r.litho_total = r.litho_fixed + volume * r.litho_per_good_part;
    r.dw_total = r.dw_fixed + volume * r.dw_per_good_part;
    r.litho_cheaper_at_volume = r.litho_total < r.dw_total;
    // litho_fixed + V c / y = dw_total  →  y* = V c / (dw_total − litho_fixed)
    const double room = r.dw_total - r.litho_fixed;
    if (room > 0) {
        const double y = volume * in.litho_cost_per_part / room;
        if (y <= 1) r.flip_yield = y;
    }
    return r;
}

}  // namespace mf

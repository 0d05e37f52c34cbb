// Coefficients of linear thermal expansion, ppm/K. Values are the usual handbook or datasheet
// figures near room temperature for the named grade; real parts vary with grade, temper,
// fibre direction and temperature range, so a contributor can override the value.
//
// Sources (per entry in `source` as well):
//   silicon           Okada & Tokumaru, J. Appl. Phys. 56 (1984) 314: 2.59e-6/K at 300 K
//   alumina-96        96 % Al2O3 substrate datasheets (CoorsTek ADS-96R, Kyocera A476): ≈ 6.8–7.1, 25–300 °C
//   alumina-995       99.5 % Al2O3 (CoorsTek AD-995 datasheet): 7.2 (25–300 °C)
//   zirconia-3y       3Y-TZP (Tosoh TZ-3Y, CoorsTek YTZP): 10.3–10.8 (RT–400 °C)
//   borosilicate      Schott BOROFLOAT 33 datasheet: 3.25 (20–300 °C)
//   inconel-718       Special Metals Inconel 718 datasheet: 13.0 (21–93 °C)
//   stainless-316l    ASM Handbook Vol. 1 / AK Steel 316L datasheet: 16.0 (0–100 °C)
//   aluminium-6061    ASM Handbook Vol. 2, 6061-T6: 23.6 (20–100 °C)
//   ti-6al-4v         ASM Materials Properties Handbook: Titanium Alloys, Ti-6Al-4V: 8.6 (20–100 °C)
//   nitinol           NiTi, austenite (above Af): 11.0; martensite 6.6 (Johnson Matthey / Memry data)
//   brass-c360        Copper Development Association, C36000 free-cutting brass: 20.5 (20–300 °C)
//   tungsten-carbide  WC-6 % Co cemented carbide (Sandvik / Kennametal grades): ≈ 5.5 (20–400 °C)
//   peek              Victrex PEEK 450G datasheet: 45 below Tg (unfilled)
//   lcp-flow          Glass-filled LCP (Vectra A130-class), along the flow direction: ≈ 5
//   lcp-transverse    the same, across the flow: ≈ 30 (moulded LCP is strongly anisotropic)
//   kovar             Carpenter Kovar (ASTM F15): 5.1–5.5 (30–200 °C), sealing alloy matched to glass
//   invar-36          Carpenter Invar 36: 1.3 (20–100 °C)
//   fused-silica      Corning 7980 / Heraeus Suprasil: 0.52–0.55 (5–35 °C / 0–300 °C)
//   copper-c110       Copper Development Association, C11000: 17.0 (20–100 °C)
#include "tolerance/materials.h"

namespace mf {

const std::vector<Material>& materials() {
    static const std::vector<Material> table = {
        {"silicon", "Silicon (single crystal)", 2.6, "20–30 °C", "Okada & Tokumaru 1984, J. Appl. Phys. 56, 314"},
        {"alumina-96", "Alumina 96 %", 6.8, "25–300 °C", "96 % Al2O3 substrate datasheets (CoorsTek, Kyocera)"},
        {"alumina-995", "Alumina 99.5 %", 7.2, "25–300 °C", "CoorsTek AD-995 datasheet"},
        {"zirconia-3y", "Zirconia (3Y-TZP)", 10.5, "20–400 °C", "3Y-TZP datasheets (Tosoh, CoorsTek): 10.3–10.8"},
        {"borosilicate", "Borosilicate glass (Borofloat 33)", 3.25, "20–300 °C", "Schott BOROFLOAT 33 datasheet"},
        {"inconel-718", "Inconel 718", 13.0, "21–93 °C", "Special Metals Inconel 718 datasheet"},
        {"stainless-316l", "Stainless steel 316L", 16.0, "0–100 °C", "ASM Handbook Vol. 1; AK Steel 316L datasheet"},
        {"aluminium-6061", "Aluminium 6061-T6", 23.6, "20–100 °C", "ASM Handbook Vol. 2"},
        {"ti-6al-4v", "Ti-6Al-4V", 8.6, "20–100 °C", "ASM Materials Properties Handbook: Titanium Alloys"},
        {"nitinol", "Nitinol (austenite)", 11.0, "above Af",
         "NiTi property data (Johnson Matthey, Memry); martensite 6.6"},
        {"brass-c360", "Brass C36000", 20.5, "20–300 °C", "Copper Development Association, C36000"},
        {"tungsten-carbide", "Tungsten carbide (WC-6Co)", 5.5, "20–400 °C",
         "cemented carbide grade data (Sandvik, Kennametal)"},
        {"peek", "PEEK (unfilled)", 45.0, "below Tg (143 °C)", "Victrex PEEK 450G datasheet"},
        {"lcp-flow", "LCP, glass-filled, along flow", 5.0, "23–80 °C",
         "Vectra A130-class datasheets; strongly anisotropic"},
        {"lcp-transverse", "LCP, glass-filled, across flow", 30.0, "23–80 °C",
         "Vectra A130-class datasheets; strongly anisotropic"},
        {"kovar", "Kovar (ASTM F15)", 5.3, "30–200 °C", "Carpenter Kovar datasheet: 5.1–5.5"},
        {"invar-36", "Invar 36", 1.3, "20–100 °C", "Carpenter Invar 36 datasheet"},
        {"fused-silica", "Fused silica", 0.55, "0–300 °C", "Corning 7980 / Heraeus Suprasil datasheets"},
        {"copper-c110", "Copper C11000", 17.0, "20–100 °C", "Copper Development Association, C11000"},
    };
    return table;
}

const Material* find_material(const std::string& key) {
    for (const auto& m : materials())
        if (key == m.key) return &m;
    return nullptr;
}

std::string material_keys() {
    std::string s;
    for (const auto& m : materials()) s += (s.empty() ? "" : ", ") + std::string(m.key);
    return s;
}

}  // namespace mf

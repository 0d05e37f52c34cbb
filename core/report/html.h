// Escaping for everything the report writes out of a plan: a name may be
// `<script>alert(1)</script>` or hold a stray byte, and the report must still be one
// well-formed, inert HTML file whose SVG parses as XML.
//
//   o += "<td>" + html_escape(partner.name) + "</td>";
//   o += "<a title=\"" + html_escape(note) + "\">";      // the same escaping for attributes
#pragma once
#include <string>

namespace mf {

// Text and attribute values: & < > " ' = become entities (= too, so a hostile name never
// reads as an attribute such as onerror=, not even as text); ill-formed UTF-8 and the characters
// XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF) become U+FFFD.
std::string html_escape(const std::string& s);

// A number with `significant` digits (%g), "—" when not finite: the report's default format.
std::string report_number(double v, int significant = 4);

}  // namespace mf

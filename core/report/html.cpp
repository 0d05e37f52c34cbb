#include "report/html.h"

#include <cmath>
#include <cstdio>

#include "base/utf8.h"

namespace mf {

std::string html_escape(const std::string& s) {
    std::string o;
    o.reserve(s.size() + 16);
    size_t i = 0;
    while (i < s.size()) {
        long cp = next_code_point(s, i);
        const bool forbidden =
            cp < 0 || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE || cp == 0xFFFF;
        if (forbidden) cp = kReplacementCharacter;
        switch (cp) {
            case '&': o += "&amp;"; break;
            case '<': o += "&lt;"; break;
            case '>': o += "&gt;"; break;
            case '"': o += "&quot;"; break;
            case '\'': o += "&#39;"; break;
            case '=': o += "&#61;"; break;  // so no attribute-like text (onerror=) appears even as text
            default: append_utf8(o, cp);
        }
    }
    return o;
}

std::string report_number(double v, int significant) {
    if (!std::isfinite(v)) return "—";
    char b[48];
    std::snprintf(b, sizeof b, "%.*g", significant, v);
    return b;
}

}  // namespace mf

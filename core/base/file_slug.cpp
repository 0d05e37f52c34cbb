// A plan's name as a file name (base/file_slug.h).
#include "base/file_slug.h"

#include <cctype>

namespace mf {

std::string file_slug(const std::string& name) {
    std::string s;
    for (char c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 128)
            s += static_cast<char>(std::tolower(u));
        else if (!s.empty() && s.back() != '-')
            s += '-';
    }
    if (s.size() > 40) {  // cut at a word boundary
        const size_t cut = s.rfind('-', 40);
        s.resize(cut != std::string::npos && cut > 10 ? cut : 40);
    }
    while (!s.empty() && s.back() == '-') s.pop_back();
    return s.empty() ? "plan" : s;
}

}  // namespace mf

#include "args.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace mf::cli {

Args parse_args(int argc, char** argv, std::initializer_list<const char*> value_options) {
    Args a;
    const std::set<std::string> takes_value(value_options.begin(), value_options.end());
    for (int i = 0; i < argc; ++i) {
        std::string w = argv[i];
        if (w.size() > 2 && w.compare(0, 2, "--") == 0) {
            std::string name = w.substr(2), value;
            const auto eq = name.find('=');
            if (eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
                if (!takes_value.count(name)) {
                    a.error = "option --" + name + " takes no value";
                    return a;
                }
                a.options[name] = value;
            } else if (takes_value.count(name)) {
                if (i + 1 >= argc) {
                    a.error = "option --" + name + " needs a value";
                    return a;
                }
                a.options[name] = argv[++i];
            } else {
                a.flags.insert(name);
            }
        } else {
            a.positional.push_back(w);
        }
    }
    return a;
}

bool option_integer(const Args& a, const char* name, long long& out, long long min, long long max) {
    auto v = a.option(name);
    if (!v) return true;
    char* end = nullptr;
    errno = 0;
    const long long x = std::strtoll(v->c_str(), &end, 10);
    if (v->empty() || *end != '\0' || errno != 0 || x < min || x > max) {
        std::fprintf(stderr, "error: --%s must be a whole number from %lld to %lld (got \"%s\")\n", name, min, max,
                     v->c_str());
        return false;
    }
    out = x;
    return true;
}

bool option_number(const Args& a, const char* name, double& out) {
    auto v = a.option(name);
    if (!v) return true;
    char* end = nullptr;
    const double x = std::strtod(v->c_str(), &end);
    if (v->empty() || *end != '\0' || !std::isfinite(x)) {
        std::fprintf(stderr, "error: --%s must be a finite number (got \"%s\")\n", name, v->c_str());
        return false;
    }
    out = x;
    return true;
}

bool read_text_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "error: cannot open %s\n", path.c_str());
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

}  // namespace mf::cli

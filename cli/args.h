// Command-line arguments of one subcommand: positional words, --flags and --options with
// a value. Each subcommand says which options take a value; anything else starting with
// "--" is a flag.
#pragma once
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mf::cli {

struct Args {
    std::vector<std::string> positional;
    std::set<std::string> flags;                 // "--json" -> "json"
    std::map<std::string, std::string> options;  // "--seed 7" -> {"seed", "7"}
    std::string error;                           // set when parsing failed

    bool flag(const char* name) const { return flags.count(name) != 0; }
    std::optional<std::string> option(const char* name) const {
        auto it = options.find(name);
        if (it == options.end()) return std::nullopt;
        return it->second;
    }
};

Args parse_args(int argc, char** argv, std::initializer_list<const char*> value_options);

// Reads --name as a whole number in [min, max]; false (with a message on stderr) when bad.
bool option_integer(const Args& a, const char* name, long long& out, long long min, long long max);
bool option_number(const Args& a, const char* name, double& out);

// Reads a whole file; false with a message on stderr when it cannot.
bool read_text_file(const std::string& path, std::string& out);

}  // namespace mf::cli

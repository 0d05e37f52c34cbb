// mfplan validate FILE        exit 0 when valid, else each error with its JSON path, exit 1
// mfplan show FILE --json     the normalized plan (what the app would save)
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "plan/plan_file.h"

namespace mf::cli {

std::optional<Plan> load_plan_or_report(const std::string& path) {
    std::string text;
    if (!read_text_file(path, text)) return std::nullopt;
    LoadResult r = load_plan(text);
    for (const auto& e : r.errors) std::fprintf(stderr, "%s: %s\n", path.c_str(), to_string(e).c_str());
    return r.plan;
}

int cmd_validate(int argc, char** argv) {
    Args a = parse_args(argc, argv, {});
    if (!a.error.empty() || a.positional.size() != 1) {
        std::fprintf(stderr, "usage: mfplan validate FILE\n");
        return 2;
    }
    auto plan = load_plan_or_report(a.positional[0]);
    if (!plan) return 1;
    std::printf("%s: valid plan \"%s\"\n", a.positional[0].c_str(), plan->meta.name.c_str());
    return 0;
}

int cmd_show(int argc, char** argv) {
    Args a = parse_args(argc, argv, {});
    if (!a.error.empty() || a.positional.size() != 1) {
        std::fprintf(stderr, "usage: mfplan show FILE --json\n");
        return 2;
    }
    auto plan = load_plan_or_report(a.positional[0]);
    if (!plan) return 1;
    if (a.flag("json")) {
        std::fputs(save_plan(*plan).c_str(), stdout);
    } else {
        std::printf("%s\n", plan->meta.name.c_str());
        for (const auto& s : section_counts(*plan)) std::printf("  %-22s %zu\n", s.name, s.count);
    }
    return 0;
}

}  // namespace mf::cli

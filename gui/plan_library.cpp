#include "plan_library.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/date.h"
#include "base/json_reader.h"
#include "platform/platform.h"

namespace mf {

static const std::string kPrefix = "mf.library.";

static std::string meta_key(const std::string& id) { return kPrefix + id + ".meta"; }
static std::string plan_key(const std::string& id) { return kPrefix + id + ".plan"; }

std::vector<StoredPlan> PlanLibrary::list() const {
    std::vector<StoredPlan> out;
    for (const std::string& key : platform::store_keys(kPrefix)) {
        if (key.size() < kPrefix.size() + 5 || key.compare(key.size() - 5, 5, ".meta") != 0) continue;
        const auto text = platform::store_get(key);
        if (!text) continue;
        const json j = json::parse(*text, nullptr, /*allow_exceptions=*/false);
        if (!j.is_object()) continue;
        StoredPlan p;
        p.id = key.substr(kPrefix.size(), key.size() - kPrefix.size() - 5);
        p.name = j.value("name", std::string("(no name)"));
        p.file_name = j.value("file", std::string("untitled.mfplan.json"));
        p.time = j.value("time", 0.0);
        p.bytes = j.value("bytes", size_t{0});
        p.unsaved = j.value("unsaved", false);
        out.push_back(std::move(p));
    }
    std::stable_sort(out.begin(), out.end(), [](const StoredPlan& a, const StoredPlan& b) { return a.time > b.time; });
    return out;
}

std::optional<std::string> PlanLibrary::read(const std::string& id) const { return platform::store_get(plan_key(id)); }

void PlanLibrary::put(const StoredPlan& meta, const std::string& text) {
    const json j = {{"name", meta.name},
                    {"file", meta.file_name},
                    {"time", meta.time},
                    {"bytes", text.size()},
                    {"unsaved", meta.unsaved}};
    platform::store_put_all(
        {{plan_key(meta.id), text}, {meta_key(meta.id), j.dump(-1, ' ', false, json::error_handler_t::replace)}});
    std::vector<StoredPlan> all = list();
    size_t kept = 0;
    for (const StoredPlan& p : all)
        if (p.id == meta.id || ++kept <= kKeep - 1)
            continue;
        else
            remove(p.id);
}

void PlanLibrary::remove(const std::string& id) {
    platform::store_erase(plan_key(id));
    platform::store_erase(meta_key(id));
}

std::string PlanLibrary::new_id() {
    static unsigned counter = 0;
    char buf[48];
    std::snprintf(buf, sizeof buf, "p%.0f-%u", std::floor(platform::wall_clock_seconds() * 1000.0), counter++);
    return buf;
}

std::string age_text(double then, double now) {
    const double s = now - then;
    char buf[48];
    if (s < 60) return "just now";
    if (s < 3600)
        std::snprintf(buf, sizeof buf, "%.0f min ago", std::floor(s / 60));
    else if (s < 86400)
        std::snprintf(buf, sizeof buf, "%.0f h ago", std::floor(s / 3600));
    else if (s < 7 * 86400)
        std::snprintf(buf, sizeof buf, "%.0f days ago", std::floor(s / 86400));
    else
        return format_iso_date(Date{static_cast<int32_t>(std::floor(then / 86400.0))});
    return buf;
}

std::string size_text(size_t bytes) {
    char buf[32];
    if (bytes < 1000)
        std::snprintf(buf, sizeof buf, "%zu B", bytes);
    else if (bytes < 1000 * 1000)
        std::snprintf(buf, sizeof buf, "%.0f kB", bytes / 1e3);
    else
        std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
    return buf;
}

}  // namespace mf

// JsonReader: reads typed fields out of a parsed JSON document without exceptions,
// collecting every problem with its JSON Pointer path instead of stopping at the first.
//
//   JsonReader r;
//   if (r.begin_object(j, "/project")) {
//       r.string(j, "/project", "name", plan.meta.name, Need::Required);
//       r.number(j, "/project", "volume", plan.meta.volume, Need::Optional, 0, 1e12);
//       r.end_object(j, "/project");   // reports every key nobody asked for
//   }
//   if (!r.errors.empty()) ...
//
// Keys are marked as read when asked for, so end_object() can name unknown keys (typos)
// without each section keeping a list of allowed names.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>

#include <nlohmann/json.hpp>

#include "base/date.h"
#include "base/issue.h"

namespace mf {

using json = nlohmann::json;

enum class Need { Required, Optional };

class JsonReader {
public:
    Issues errors;

    // Records a problem: the same place and message once, at most kMaxIssuesListed of them
    // (the rest are only counted, so a file with a million bad values costs no memory).
    void error(const std::string& path, std::string message);
    bool ok() const { return errors.empty(); }
    // Problems found so far, listed or only counted (compare before and after a read).
    size_t error_count() const { return errors.size() + dropped_; }
    // The problems, with one last "and N more problems" entry when some were only counted.
    Issues take_errors();

    static std::string child(const std::string& path, const std::string& key) { return path + "/" + key; }
    static std::string child(const std::string& path, size_t index) { return path + "/" + std::to_string(index); }

    // Checks that j is an object and starts tracking which of its keys get read.
    bool begin_object(const json& j, const std::string& path);
    // Reports keys of j that were never read.
    void end_object(const json& j, const std::string& path);
    // Returns the member (marking it read) or nullptr; reports a missing required member.
    const json* member(const json& obj, const std::string& path, const char* key, Need need);
    // Checks that a member is an array; returns nullptr when absent (optional) or wrong.
    const json* array(const json& obj, const std::string& path, const char* key, Need need);
    // The same for a list with a documented cap (base/limits.h): a longer array is refused
    // with the limit in the message ("120000 tasks: a schedule holds at most 100000 tasks")
    // and not read, so its items cost nothing.
    const json* array(const json& obj, const std::string& path, const char* key, Need need, size_t max_items,
                      const char* what, const char* holder);
    // For a section that is itself an array (stacks, datasets): true when it may be read.
    bool within_limit(const json& arr, const std::string& path, size_t max_items, const char* what, const char* holder);

    bool string(const json& obj, const std::string& path, const char* key, std::string& out, Need need,
                size_t max_length = 10000);
    bool number(const json& obj, const std::string& path, const char* key, double& out, Need need, double min = -1e300,
                double max = 1e300);
    bool optional_number(const json& obj, const std::string& path, const char* key, std::optional<double>& out,
                         double min = -1e300, double max = 1e300);
    bool integer(const json& obj, const std::string& path, const char* key, int64_t& out, Need need, int64_t min,
                 int64_t max);
    bool boolean(const json& obj, const std::string& path, const char* key, bool& out, Need need);
    bool date(const json& obj, const std::string& path, const char* key, std::optional<Date>& out, Need need);
    // A stable item id: 1–64 characters of [A-Za-z0-9._-].
    bool id(const json& obj, const std::string& path, const char* key, std::string& out, Need need);

    // An enumeration written as a string; the message lists the accepted names.
    template <class E>
    bool enumeration(const json& obj, const std::string& path, const char* key, E& out, Need need,
                     std::initializer_list<std::pair<const char*, E>> names) {
        std::string text;
        if (!string(obj, path, key, text, need, 64) || text.empty()) return false;
        for (const auto& [name, value] : names)
            if (text == name) {
                out = value;
                return true;
            }
        std::string accepted;
        for (const auto& [name, value] : names) accepted += (accepted.empty() ? "" : ", ") + std::string(name);
        error(child(path, key), "unknown value \"" + text + "\" (accepted: " + accepted + ")");
        return false;
    }

private:
    std::map<const json*, std::set<std::string>> read_keys_;
    std::unordered_set<size_t> seen_;  // hashes of the problems recorded (a repeat is dropped)
    size_t dropped_ = 0;               // problems past kMaxIssuesListed, counted only
};

// The name of a JSON value's type, for messages ("expected a number, found a string").
const char* json_type_name(const json& j);

}  // namespace mf

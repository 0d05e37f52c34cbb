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

    void error(const std::string& path, std::string message) {
        errors.push_back({path.empty() ? "/" : path, std::move(message)});
    }
    bool ok() const { return errors.empty(); }

    static std::string child(const std::string& path, const std::string& key) {
        return path + "/" + key;
    }
    static std::string child(const std::string& path, size_t index) {
        return path + "/" + std::to_string(index);
    }

    // Checks that j is an object and starts tracking which of its keys get read.
    bool begin_object(const json& j, const std::string& path);
    // Reports keys of j that were never read.
    void end_object(const json& j, const std::string& path);
    // Returns the member (marking it read) or nullptr; reports a missing required member.
    const json* member(const json& obj, const std::string& path, const char* key, Need need);
    // Checks that a member is an array; returns nullptr when absent (optional) or wrong.
    const json* array(const json& obj, const std::string& path, const char* key, Need need);

    bool string(const json& obj, const std::string& path, const char* key, std::string& out,
                Need need, size_t max_length = 10000);
    bool number(const json& obj, const std::string& path, const char* key, double& out, Need need,
                double min = -1e300, double max = 1e300);
    bool optional_number(const json& obj, const std::string& path, const char* key,
                         std::optional<double>& out, double min = -1e300, double max = 1e300);
    bool integer(const json& obj, const std::string& path, const char* key, int64_t& out,
                 Need need, int64_t min, int64_t max);
    bool boolean(const json& obj, const std::string& path, const char* key, bool& out, Need need);
    bool date(const json& obj, const std::string& path, const char* key, std::optional<Date>& out,
              Need need);
    // A stable item id: 1–64 characters of [A-Za-z0-9._-].
    bool id(const json& obj, const std::string& path, const char* key, std::string& out, Need need);

    // An enumeration written as a string; the message lists the accepted names.
    template <class E>
    bool enumeration(const json& obj, const std::string& path, const char* key, E& out, Need need,
                     std::initializer_list<std::pair<const char*, E>> names) {
        std::string text;
        if (!string(obj, path, key, text, need, 64) || text.empty()) return false;
        for (const auto& [name, value] : names)
            if (text == name) { out = value; return true; }
        std::string accepted;
        for (const auto& [name, value] : names) accepted += (accepted.empty() ? "" : ", ") + std::string(name);
        error(child(path, key), "unknown value \"" + text + "\" (accepted: " + accepted + ")");
        return false;
    }

private:
    std::map<const json*, std::set<std::string>> read_keys_;
};

// The name of a JSON value's type, for messages ("expected a number, found a string").
const char* json_type_name(const json& j);

}  // namespace mf

#include "base/json_reader.h"

#include <cmath>
#include <functional>

#include "base/issue_cap.h"
#include "base/limits.h"

namespace mf {

void JsonReader::error(const std::string& path, std::string message) {
    std::string where = path.empty() ? "/" : path;
    // Repeats are recognised by a hash (two different problems sharing one would drop one, in
    // a file refused anyway), for the first 10 000 problems; past them a file of millions of
    // bad values is only counted, so memory stays flat (the count may then include repeats).
    constexpr size_t kTracked = 10000;
    if (seen_.size() < kTracked && !seen_.insert(std::hash<std::string>{}(where + '\n' + message)).second) return;
    if (errors.size() < kMaxIssuesListed)
        errors.push_back({std::move(where), std::move(message)});
    else
        ++dropped_;
}

Issues JsonReader::take_errors() {
    Issues out = std::move(errors);
    errors.clear();
    if (dropped_ > 0) out.push_back({"", more_problems_text(dropped_, out.size())});
    dropped_ = 0;
    seen_.clear();
    return out;
}

const char* json_type_name(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return "a number";
        default: return "an unreadable value";
    }
}

bool JsonReader::begin_object(const json& j, const std::string& path) {
    if (!j.is_object()) {
        error(path, std::string("expected an object, found ") + json_type_name(j));
        return false;
    }
    read_keys_[&j];
    return true;
}

void JsonReader::end_object(const json& j, const std::string& path) {
    if (!j.is_object()) return;
    const auto& seen = read_keys_[&j];
    for (auto it = j.begin(); it != j.end(); ++it)
        if (!seen.count(it.key())) error(child(path, it.key()), "unknown field");
    read_keys_.erase(&j);
}

const json* JsonReader::member(const json& obj, const std::string& path, const char* key, Need need) {
    if (!obj.is_object()) return nullptr;
    read_keys_[&obj].insert(key);
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (need == Need::Required) error(child(path, key), "missing required field");
        return nullptr;
    }
    return &*it;
}

const json* JsonReader::array(const json& obj, const std::string& path, const char* key, Need need) {
    const json* m = member(obj, path, key, need);
    if (!m) return nullptr;
    if (!m->is_array()) {
        error(child(path, key), std::string("expected an array, found ") + json_type_name(*m));
        return nullptr;
    }
    return m;
}

const json* JsonReader::array(const json& obj, const std::string& path, const char* key, Need need, size_t max_items,
                              const char* what, const char* holder) {
    const json* m = array(obj, path, key, need);
    if (m && !within_limit(*m, child(path, key), max_items, what, holder)) return nullptr;
    return m;
}

bool JsonReader::within_limit(const json& arr, const std::string& path, size_t max_items, const char* what,
                              const char* holder) {
    if (!arr.is_array() || arr.size() <= max_items) return true;
    error(path, too_many(what, arr.size(), max_items, holder));
    return false;
}

bool JsonReader::string(const json& obj, const std::string& path, const char* key, std::string& out, Need need,
                        size_t max_length) {
    const json* m = member(obj, path, key, need);
    if (!m) return false;
    if (!m->is_string()) {
        error(child(path, key), std::string("expected a string, found ") + json_type_name(*m));
        return false;
    }
    const auto& s = m->get_ref<const std::string&>();
    if (s.size() > max_length) {
        error(
            child(path, key),
            "text too long (" + std::to_string(s.size()) + " characters, at most " + std::to_string(max_length) + ")");
        return false;
    }
    out = s;
    return true;
}

static std::string number_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

bool JsonReader::number(const json& obj, const std::string& path, const char* key, double& out, Need need, double min,
                        double max) {
    const json* m = member(obj, path, key, need);
    if (!m) return false;
    if (!m->is_number()) {
        std::string msg = std::string("expected a number, found ") + json_type_name(*m);
        if (m->is_string()) msg += " (\"" + m->get_ref<const std::string&>().substr(0, 40) + "\")";
        error(child(path, key), msg);
        return false;
    }
    const double v = m->get<double>();
    if (!std::isfinite(v)) {
        error(child(path, key), "number is too large to represent");
        return false;
    }
    if (v < min || v > max) {
        error(child(path, key),
              "value " + number_text(v) + " is out of range [" + number_text(min) + ", " + number_text(max) + "]");
        return false;
    }
    out = v;
    return true;
}

bool JsonReader::optional_number(const json& obj, const std::string& path, const char* key, std::optional<double>& out,
                                 double min, double max) {
    const json* m = member(obj, path, key, Need::Optional);
    if (!m || m->is_null()) {
        out.reset();
        return true;
    }
    double v = 0;
    if (!number(obj, path, key, v, Need::Optional, min, max)) return false;
    out = v;
    return true;
}

bool JsonReader::integer(const json& obj, const std::string& path, const char* key, int64_t& out, Need need,
                         int64_t min, int64_t max) {
    const json* m = member(obj, path, key, need);
    if (!m) return false;
    if (!m->is_number_integer()) {
        error(child(path, key),
              std::string("expected a whole number, found ") + (m->is_number() ? "a fraction" : json_type_name(*m)));
        return false;
    }
    const bool is_unsigned = m->is_number_unsigned();
    const int64_t v =
        is_unsigned ? static_cast<int64_t>(std::min<uint64_t>(m->get<uint64_t>(), INT64_MAX)) : m->get<int64_t>();
    if (v < min || v > max) {
        error(child(path, key),
              "value " + std::to_string(v) + " is out of range [" + std::to_string(min) + ", " + std::to_string(max) +
                  "]");
        return false;
    }
    out = v;
    return true;
}

bool JsonReader::boolean(const json& obj, const std::string& path, const char* key, bool& out, Need need) {
    const json* m = member(obj, path, key, need);
    if (!m) return false;
    if (!m->is_boolean()) {
        error(child(path, key), std::string("expected true or false, found ") + json_type_name(*m));
        return false;
    }
    out = m->get<bool>();
    return true;
}

bool JsonReader::date(const json& obj, const std::string& path, const char* key, std::optional<Date>& out, Need need) {
    const json* m = member(obj, path, key, need);
    if (!m || (m->is_null() && need == Need::Optional)) {
        out.reset();
        return m != nullptr;
    }
    std::string text;
    if (!string(obj, path, key, text, need, 64)) return false;
    auto d = parse_iso_date(text);
    if (!d) {
        error(child(path, key), "\"" + text + "\" is not a date of the form YYYY-MM-DD");
        return false;
    }
    out = d;
    return true;
}

bool JsonReader::id(const json& obj, const std::string& path, const char* key, std::string& out, Need need) {
    std::string text;
    if (!string(obj, path, key, text, need, 1000)) return false;
    bool valid = !text.empty() && text.size() <= 64;
    for (char c : text)
        valid = valid &&
            ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
             c == '-');
    if (!valid) {
        error(child(path, key),
              "\"" + text.substr(0, 40) + "\" is not a valid id (1 to 64 characters of A-Z, a-z, 0-9, '.', '_', '-')");
        return false;
    }
    out = text;
    return true;
}

}  // namespace mf

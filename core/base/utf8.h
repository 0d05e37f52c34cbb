// UTF-8 for everything that writes text out of a plan (the schedule exports, result tables,
// the HTML report): a plan may hold anything — a name pasted with a stray byte, a control
// character — and every file we write must be well-formed UTF-8.
#pragma once
#include <string>

namespace mf {

constexpr long kReplacementCharacter = 0xFFFD;  // U+FFFD REPLACEMENT CHARACTER

// Reads one code point at s[i] and advances i. Returns -1 for a byte that does not start a
// well-formed sequence (overlong forms, surrogates and values past U+10FFFF included) and then
// advances by one byte only, so the next call resumes at the following byte.
long next_code_point(const std::string& s, size_t& i);
// Appends the UTF-8 encoding of a valid code point.
void append_utf8(std::string& o, long cp);
// `s` with every ill-formed sequence replaced by U+FFFD.
std::string valid_utf8(const std::string& s);

}  // namespace mf

// A strict JSON reader over text, for situations: no tree, no allocation on
// the common path, duplicate keys found.
//
// Scanner holds the checked primitives (strings with their escapes and UTF-8,
// numbers, literals), so that every byte is checked once, by one piece of code:
//  - Validate() walks any document with them: RFC 8259 exactly (no trailing
//    comma, no leading zero, valid escapes, valid UTF-8, no control character
//    in a string, one value only), a bounded nesting depth, numbers that fit a
//    double and, when asked, no object that repeats a key. It reports the byte
//    offset, or the path of the repeated key.
//  - Cursor lets a caller that knows what it expects (the situation reader)
//    pull keys and values in order, in one pass; each call checks what it
//    consumes and returns false (or -1) at the first fault.
// Internal to the library (src/schema/); the public face is Situation.
#ifndef CAPSANTE_SCHEMA_JSON_SCAN_H_
#define CAPSANTE_SCHEMA_JSON_SCAN_H_

#include <bitset>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace capsante::jsonscan {

struct Problem {
  enum class Kind { kNone, kSyntax, kNumberRange, kTooDeep, kDuplicateKey } kind = Kind::kNone;
  size_t offset = 0;  // byte offset of the fault
  std::string path;   // kDuplicateKey: "zonage.medecin", "stagiaires[1].quotite"
  bool ok() const { return kind == Kind::kNone; }
};

// The whole text. `max_depth` bounds objects and arrays nested in one another
// (the top-level value is depth 1).
Problem Validate(std::string_view text, int max_depth, bool check_duplicates);

// Decodes the body of a string (between its quotes, already checked).
void Unescape(std::string_view body, std::string* out);

class Scanner {
 public:
  explicit Scanner(std::string_view text) : t_(text) {}
  const Problem& problem() const { return problem_; }
  size_t offset() const { return pos_; }

 protected:
  void SkipSpace() {
    while (pos_ < t_.size() && (t_[pos_] == ' ' || t_[pos_] == '\n' || t_[pos_] == '\r' || t_[pos_] == '\t')) ++pos_;
  }
  bool At(char c) const { return pos_ < t_.size() && t_[pos_] == c; }
  bool Fail(Problem::Kind kind, size_t at) {
    problem_.kind = kind;
    problem_.offset = at;
    return false;
  }
  bool Syntax() { return Fail(Problem::Kind::kSyntax, pos_); }
  // At a '"': the raw body between the quotes; *escaped when it has a backslash.
  bool ScanString(std::string_view* raw, bool* escaped);
  bool ScanNumber(double* out);
  bool ScanLiteral(std::string_view word);

  std::string_view t_;
  size_t pos_ = 0;
  Problem problem_;

 private:
  bool Escape();
  bool Utf8Sequence();
  bool Hex4(unsigned* cp);
};

enum class Type { kNull, kBool, kNumber, kString, kObject, kArray, kInvalid };

class Cursor : public Scanner {
 public:
  explicit Cursor(std::string_view text) : Scanner(text) {}

  // The type of the value at the cursor (after white space); kInvalid (with
  // a problem) when no value starts there.
  Type Peek();
  // Objects: after Peek() said kObject. NextKey: 1 with *key (unescaped) and
  // the ":" consumed, 0 at the closing "}", -1 on a fault.
  bool BeginObject() { return Open(); }
  int NextKey(std::string_view* key);
  // Arrays: after Peek() said kArray. NextElement: 1 when a value follows, 0
  // at the closing "]", -1 on a fault.
  bool BeginArray() { return Open(); }
  int NextElement();

  // Scalars, after Peek() gave their type. A string is a view into the text,
  // or into a buffer the next string overwrites when it had escapes.
  bool ReadString(std::string_view* out) { return ReadString(out, &scratch_); }
  bool ReadNumber(double* out) { return ScanNumber(out); }
  bool ReadBool(bool* out);
  bool ReadNull() { return ScanLiteral("null"); }
  // After the top-level value: nothing but white space may follow.
  bool Finish();

  // True when `s` is a view into the text (not into a buffer that the next
  // key or string overwrites).
  bool InText(std::string_view s) const {
    const std::less_equal<const char*> le;  // total order, even across buffers
    return le(t_.data(), s.data()) && le(s.data() + s.size(), t_.data() + t_.size());
  }

 private:
  static constexpr int kMaxDepth = 64;
  bool Open();
  int Next(char close);
  bool ReadString(std::string_view* out, std::string* scratch);
  int depth_ = 0;
  std::bitset<kMaxDepth> first_;  // the container at each depth has no member yet
  std::string scratch_;      // string values with escapes
  std::string key_scratch_;  // keys with escapes (valid until the next key)
};

}  // namespace capsante::jsonscan

#endif  // CAPSANTE_SCHEMA_JSON_SCAN_H_

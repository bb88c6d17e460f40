// A strict JSON reader over text, for situations: no tree, no allocation on
// the common path, duplicate keys found.
//
// Two passes keep it simple and the messages stable:
//  1. Validate() checks the whole text against RFC 8259 (no trailing comma,
//     no leading zero, valid escapes, valid UTF-8, no control character in a
//     string, one value only), the nesting depth, that every number fits a
//     double, and that no object repeats a key; it reports the byte offset or
//     the path of the repeated key.
//  2. Cursor then walks the validated text: callers read keys and values in
//     order and never see a syntax error.
// Internal to the library (src/schema/); the public face is Situation.
#ifndef CAPSANTE_SCHEMA_JSON_SCAN_H_
#define CAPSANTE_SCHEMA_JSON_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace capsante::jsonscan {

struct Problem {
  enum class Kind { kNone, kSyntax, kNumberRange, kTooDeep, kDuplicateKey } kind = Kind::kNone;
  size_t offset = 0;  // byte offset of the fault
  std::string path;   // kDuplicateKey: "zonage.medecin", "stagiaires[1].quotite"
  bool ok() const { return kind == Kind::kNone; }
};

// Pass 1: the whole text. `max_depth` bounds objects and arrays nested in
// one another (the top-level value is depth 1). With `check_duplicates`, an
// object that repeats a key (compared after unescaping) is a problem too.
Problem Validate(std::string_view text, int max_depth, bool check_duplicates);

enum class Type { kNull, kBool, kNumber, kString, kObject, kArray };

// Pass 2: a cursor over text that Validate() accepted.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  size_t offset() const { return pos_; }
  // The type of the value at the cursor (after white space).
  Type Peek();

  // Objects: BeginObject() consumes "{"; NextKey() returns false at "}"
  // (consumed), otherwise gives the key (unescaped) and consumes ":".
  void BeginObject();
  bool NextKey(std::string_view* key);
  // Arrays: BeginArray() consumes "["; NextElement() returns false at "]".
  void BeginArray();
  bool NextElement();

  // Scalars. ReadString gives a view into the text, or into `scratch` when
  // the string has escapes.
  std::string_view ReadString();
  double ReadNumber();
  bool ReadBool();
  void ReadNull();
  // Skips any value.
  void SkipValue();

 private:
  void SkipSpace();
  std::string_view ReadString(std::string* scratch);
  std::string_view text_;
  size_t pos_ = 0;
  std::string scratch_;      // string values with escapes
  std::string key_scratch_;  // keys with escapes (valid until the next key)
};

}  // namespace capsante::jsonscan

#endif  // CAPSANTE_SCHEMA_JSON_SCAN_H_

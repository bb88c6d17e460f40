// A small streaming JSON writer: appends to a string, escapes texts, places
// commas. Used for results, which are written far more often than read, and
// where a DOM would cost more than the evaluation itself.
#ifndef CAPSANTE_UTIL_JSON_WRITER_H_
#define CAPSANTE_UTIL_JSON_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

namespace capsante::json {

class Writer {
 public:
  // indent < 0: compact; otherwise pretty-printed with that many spaces.
  explicit Writer(std::string* out, int indent = -1) : out_(out), indent_(indent) {}

  Writer& BeginObject() { return Open('{'); }
  Writer& EndObject() { return Close('}'); }
  Writer& BeginArray() { return Open('['); }
  Writer& EndArray() { return Close(']'); }
  Writer& Key(std::string_view key);

  Writer& String(std::string_view s);
  Writer& Int(long long v);
  // Euros and other numbers: whole numbers print without decimals, others
  // with at most 10 significant digits (amounts are rounded to the cent).
  Writer& Number(double v);
  Writer& Bool(bool v);
  Writer& Null();
  // An empty text is written null: "not known" in the API's shapes.
  Writer& StringOrNull(std::string_view s) { return s.empty() ? Null() : String(s); }

  // Key + value shortcuts.
  Writer& Field(std::string_view key, std::string_view value) { return Key(key).String(value); }
  Writer& Field(std::string_view key, const char* value) { return Key(key).String(value); }
  Writer& Field(std::string_view key, const std::string& value) { return Key(key).String(value); }
  Writer& Field(std::string_view key, bool value) { return Key(key).Bool(value); }
  Writer& Field(std::string_view key, int value) { return Key(key).Int(value); }
  Writer& FieldNumber(std::string_view key, double value) { return Key(key).Number(value); }
  template <typename Strings>
  Writer& StringArray(std::string_view key, const Strings& values) {
    Key(key).BeginArray();
    for (const auto& v : values) String(v);
    return EndArray();
  }

 private:
  Writer& Open(char c);
  Writer& Close(char c);
  void BeforeValue();
  void Newline();

  std::string* out_;
  int indent_;
  std::vector<char> has_items_;  // per open container: 1 once it holds an item
  bool after_key_ = false;
};

}  // namespace capsante::json

#endif  // CAPSANTE_UTIL_JSON_WRITER_H_

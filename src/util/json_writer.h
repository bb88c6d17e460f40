// A small streaming JSON writer: appends to a string, escapes texts, places
// commas. Used for results, which are written far more often than read, and
// where a DOM would cost more than the evaluation itself.
#ifndef CAPSANTE_UTIL_JSON_WRITER_H_
#define CAPSANTE_UTIL_JSON_WRITER_H_

#include <cassert>
#include <cstring>
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
  // A key computed at run time (a document name, a zone field), escaped.
  Writer& Key(std::string_view key);
  // A key written in the code (a string literal): a plain name, letters,
  // digits and underscores (checked in debug builds), written as is. Its
  // length is known when compiling, so `"key":` is copied in one piece (a
  // lean answer writes about 400 keys). A key that needs escaping is passed
  // as a std::string_view.
  template <size_t N>
  Writer& Key(const char (&key)[N]) {
    static_assert(N <= 64, "a key written in the code is a short name");
    assert(PlainLiteral(key));
    BeforeValue();
    // strlen, not N - 1: a char array that is not a literal may hold a
    // shorter text (for a literal, the compiler folds it to N - 1).
    const size_t n = std::strlen(key);
    char quoted[N + 2];
    quoted[0] = '"';
    std::memcpy(quoted + 1, key, n);
    quoted[n + 1] = '"';
    quoted[n + 2] = ':';
    out_->append(quoted, n + 3);
    return AfterKey();
  }

  Writer& String(std::string_view s);
  // A text known to be valid UTF-8: the catalog's texts (libyaml refuses a
  // file that is not) and what is built from them. Only quotes, backslashes
  // and control characters are looked for, eight bytes at a time, so that
  // accented letters cost nothing; String() checks every byte above 0x7F,
  // for texts from a request.
  Writer& Text(std::string_view s);
  Writer& Int(long long v);
  // Euros and other numbers: whole numbers print without decimals, others
  // with at most 10 significant digits (amounts are rounded to the cent).
  Writer& Number(double v);
  Writer& Bool(bool v);
  Writer& Null();
  // An empty text is written null: "not known" in the API's shapes.
  Writer& StringOrNull(std::string_view s) { return s.empty() ? Null() : String(s); }

  // Key + value shortcuts (a literal key takes the literal path of Key).
  template <typename K>
  Writer& Field(const K& key, std::string_view value) { return Key(key).String(value); }
  template <typename K>
  Writer& Field(const K& key, const char* value) { return Key(key).String(value); }
  template <typename K>
  Writer& Field(const K& key, const std::string& value) { return Key(key).String(value); }
  template <typename K>
  Writer& Field(const K& key, bool value) { return Key(key).Bool(value); }
  template <typename K>
  Writer& Field(const K& key, int value) { return Key(key).Int(value); }
  template <typename K>
  Writer& FieldNumber(const K& key, double value) { return Key(key).Number(value); }
  // A catalog text (see Text).
  template <typename K>
  Writer& TextField(const K& key, std::string_view value) { return Key(key).Text(value); }
  template <typename K, typename Strings>
  Writer& StringArray(const K& key, const Strings& values) {
    Key(key).BeginArray();
    for (const auto& v : values) String(v);
    return EndArray();
  }
  template <typename K, typename Strings>
  Writer& TextArray(const K& key, const Strings& values) {
    Key(key).BeginArray();
    for (const auto& v : values) Text(v);
    return EndArray();
  }

 private:
  Writer& Open(char c);
  Writer& Close(char c);
  template <size_t N>
  static constexpr bool PlainLiteral(const char (&key)[N]) {
    for (size_t i = 0; i + 1 < N && key[i] != '\0'; ++i) {
      const unsigned char c = static_cast<unsigned char>(key[i]);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
    }
    return key[N - 1] == '\0';
  }
  void BeforeValue();
  Writer& AfterKey() {
    if (indent_ >= 0) out_->push_back(' ');
    after_key_ = true;
    return *this;
  }
  void Newline();

  std::string* out_;
  int indent_;
  std::vector<char> has_items_;  // per open container: 1 once it holds an item
  bool after_key_ = false;
};

}  // namespace capsante::json

#endif  // CAPSANTE_UTIL_JSON_WRITER_H_

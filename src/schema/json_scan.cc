#include "schema/json_scan.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace capsante::jsonscan {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(unsigned cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Two raw keys (between their quotes) name the same member: equal text, or
// equal once unescaped ("age" and "\u0061ge").
bool SameKey(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.find('\\') == std::string_view::npos && b.find('\\') == std::string_view::npos) return false;
  std::string x, y;
  Unescape(a, &x);
  Unescape(b, &y);
  return x == y;
}

// One level of the path, for naming a repeated key.
struct Frame {
  const Frame* parent = nullptr;
  std::string_view key;  // object member (raw text between quotes)
  long index = -1;       // array element
};

std::string PathOf(const Frame* f, std::string_view last) {
  std::vector<const Frame*> chain;
  for (; f; f = f->parent) chain.push_back(f);
  std::string path;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if ((*it)->index >= 0) {
      path += "[" + std::to_string((*it)->index) + "]";
    } else if (!(*it)->key.empty()) {
      if (!path.empty()) path += ".";
      path += (*it)->key;
    }
  }
  if (!path.empty()) path += ".";
  path += last;
  return path;
}

// Any document, recursively, with the nesting bounded.
class Validator : public Scanner {
 public:
  Validator(std::string_view text, int max_depth, bool check_duplicates)
      : Scanner(text), max_depth_(max_depth), check_duplicates_(check_duplicates) {}

  Problem Run() {
    SkipSpace();
    if (Value(nullptr, 1)) {
      SkipSpace();
      if (pos_ != t_.size()) Syntax();
    }
    return problem_;
  }

 private:
  bool Value(const Frame* frame, int depth) {
    if (pos_ >= t_.size()) return Syntax();
    switch (t_[pos_]) {
      case '{': return Object(frame, depth);
      case '[': return Array(frame, depth);
      case '"': {
        std::string_view body;
        bool escaped = false;
        return ScanString(&body, &escaped);
      }
      case 't': return ScanLiteral("true");
      case 'f': return ScanLiteral("false");
      case 'n': return ScanLiteral("null");
      default: {
        double x = 0;
        return ScanNumber(&x);
      }
    }
  }

  bool Object(const Frame* frame, int depth) {
    if (depth > max_depth_) return Fail(Problem::Kind::kTooDeep, pos_);
    ++pos_;  // {
    SkipSpace();
    if (At('}')) {
      ++pos_;
      return true;
    }
    std::vector<std::string_view> keys;  // raw, only with check_duplicates_
    while (true) {
      if (!At('"')) return Syntax();
      const size_t key_at = pos_;
      std::string_view raw;
      bool escaped = false;
      if (!ScanString(&raw, &escaped)) return false;
      if (check_duplicates_) {
        for (const auto& k : keys) {
          if (!SameKey(k, raw)) continue;
          problem_.kind = Problem::Kind::kDuplicateKey;
          problem_.offset = key_at;
          std::string key;
          Unescape(raw, &key);
          problem_.path = PathOf(frame, key);
          return false;
        }
        keys.push_back(raw);
      }
      SkipSpace();
      if (!At(':')) return Syntax();
      ++pos_;
      SkipSpace();
      const Frame child{frame, raw, -1};
      if (!Value(&child, depth + 1)) return false;
      bool more = false;
      if (!Separator('}', &more)) return false;
      if (!more) return true;
    }
  }

  bool Array(const Frame* frame, int depth) {
    if (depth > max_depth_) return Fail(Problem::Kind::kTooDeep, pos_);
    ++pos_;  // [
    SkipSpace();
    if (At(']')) {
      ++pos_;
      return true;
    }
    for (long index = 0;; ++index) {
      const Frame child{frame, {}, index};
      if (!Value(&child, depth + 1)) return false;
      bool more = false;
      if (!Separator(']', &more)) return false;
      if (!more) return true;
    }
  }

  // After a member or an element: "," announces another (*more), `close`
  // ends the container; anything else is a syntax error.
  bool Separator(char close, bool* more) {
    SkipSpace();
    if (At(',')) {
      ++pos_;
      SkipSpace();
      *more = true;
      return true;
    }
    if (At(close)) {
      ++pos_;
      *more = false;
      return true;
    }
    return Syntax();
  }

  int max_depth_;
  bool check_duplicates_;
};

}  // namespace

void Unescape(std::string_view body, std::string* out) {
  out->clear();
  for (size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    const char e = body[++i];
    switch (e) {
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'u': {
        unsigned cp = 0;
        for (size_t k = 0; k < 4; ++k) cp = cp * 16 + static_cast<unsigned>(HexValue(body[i + 1 + k]));
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate is followed by its low one (checked)
          unsigned lo = 0;
          for (size_t k = 0; k < 4; ++k) lo = lo * 16 + static_cast<unsigned>(HexValue(body[i + 3 + k]));
          i += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        AppendUtf8(cp, out);
        break;
      }
      default: out->push_back(e); break;  // " \ /
    }
  }
}

Problem Validate(std::string_view text, int max_depth, bool check_duplicates) {
  return Validator(text, max_depth, check_duplicates).Run();
}

// ---------------------------------------------------------------- Scanner

bool Scanner::ScanLiteral(std::string_view word) {
  if (t_.substr(pos_, word.size()) != word) return Syntax();
  pos_ += word.size();
  return true;
}

bool Scanner::ScanNumber(double* out) {
  const size_t start = pos_;
  if (At('-')) ++pos_;
  if (pos_ >= t_.size() || !IsDigit(t_[pos_])) return Syntax();
  if (t_[pos_] == '0') {
    ++pos_;
  } else {
    while (pos_ < t_.size() && IsDigit(t_[pos_])) ++pos_;
  }
  if (At('.')) {
    ++pos_;
    if (pos_ >= t_.size() || !IsDigit(t_[pos_])) return Syntax();
    while (pos_ < t_.size() && IsDigit(t_[pos_])) ++pos_;
  }
  if (At('e') || At('E')) {
    ++pos_;
    if (At('+') || At('-')) ++pos_;
    if (pos_ >= t_.size() || !IsDigit(t_[pos_])) return Syntax();
    while (pos_ < t_.size() && IsDigit(t_[pos_])) ++pos_;
  }
  double x = 0;
  const auto r = std::from_chars(t_.data() + start, t_.data() + pos_, x);
  if (r.ec == std::errc::result_out_of_range) {
    // from_chars leaves x alone here: strtod tells overflow (HUGE_VAL) from
    // underflow (1e-999, zero, which a person may well mean). Overflow is refused.
    const std::string token(t_.substr(start, pos_ - start));
    x = std::strtod(token.c_str(), nullptr);
    if (!(std::fabs(x) < 1.0)) return Fail(Problem::Kind::kNumberRange, start);
  } else if (r.ec != std::errc() || r.ptr != t_.data() + pos_ || !std::isfinite(x)) {
    return Fail(Problem::Kind::kNumberRange, start);
  }
  *out = x;
  return true;
}

bool Scanner::ScanString(std::string_view* raw, bool* escaped) {
  const size_t open = ++pos_;
  *escaped = false;
  while (true) {
    if (pos_ >= t_.size()) return Syntax();
    const auto c = static_cast<unsigned char>(t_[pos_]);
    if (c == '"') break;
    if (c < 0x20) return Syntax();
    if (c == '\\') {
      *escaped = true;
      if (!Escape()) return false;
    } else if (c < 0x80) {
      ++pos_;
    } else if (!Utf8Sequence()) {
      return false;
    }
  }
  *raw = t_.substr(open, pos_ - open);
  ++pos_;
  return true;
}

bool Scanner::Hex4(unsigned* cp) {
  if (pos_ + 4 > t_.size()) return Syntax();
  unsigned v = 0;
  for (size_t k = 0; k < 4; ++k) {
    const int h = HexValue(t_[pos_ + k]);
    if (h < 0) return Syntax();
    v = v * 16 + static_cast<unsigned>(h);
  }
  pos_ += 4;
  *cp = v;
  return true;
}

bool Scanner::Escape() {
  ++pos_;  // backslash
  if (pos_ >= t_.size()) return Syntax();
  const char e = t_[pos_++];
  switch (e) {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't': return true;
    case 'u': {
      unsigned cp = 0;
      if (!Hex4(&cp)) return false;
      if (cp >= 0xDC00 && cp <= 0xDFFF) return Fail(Problem::Kind::kSyntax, pos_ - 6);  // lone low surrogate
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        if (t_.substr(pos_, 2) != "\\u") return Syntax();
        pos_ += 2;
        unsigned lo = 0;
        if (!Hex4(&lo)) return false;
        if (lo < 0xDC00 || lo > 0xDFFF) return Fail(Problem::Kind::kSyntax, pos_ - 6);
      }
      return true;
    }
    default: return Fail(Problem::Kind::kSyntax, pos_ - 1);
  }
}

// A multi-byte UTF-8 character at pos_: shortest form, no surrogates, at most U+10FFFF.
bool Scanner::Utf8Sequence() {
  const auto b0 = static_cast<unsigned char>(t_[pos_]);
  size_t n = 0;
  unsigned cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
    cp = b0 & 0x1Fu;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    cp = b0 & 0x0Fu;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    cp = b0 & 0x07u;
  } else {
    return Syntax();
  }
  if (pos_ + n > t_.size()) return Syntax();
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(t_[pos_ + k]);
    if ((b & 0xC0) != 0x80) return Syntax();
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
    return Syntax();
  }
  pos_ += n;
  return true;
}

// ---------------------------------------------------------------- Cursor

Type Cursor::Peek() {
  SkipSpace();
  if (pos_ >= t_.size()) {
    Syntax();
    return Type::kInvalid;
  }
  switch (t_[pos_]) {
    case '{': return Type::kObject;
    case '[': return Type::kArray;
    case '"': return Type::kString;
    case 't':
    case 'f': return Type::kBool;
    case 'n': return Type::kNull;
    case '-': return Type::kNumber;
    default:
      if (IsDigit(t_[pos_])) return Type::kNumber;
      Syntax();
      return Type::kInvalid;
  }
}

bool Cursor::Open() {
  if (depth_ >= kMaxDepth) return Fail(Problem::Kind::kTooDeep, pos_);
  ++pos_;  // { or [
  first_.set(static_cast<size_t>(depth_++));
  return true;
}

// The separator before the next member or element, or the end of the container.
int Cursor::Next(char close) {
  SkipSpace();
  const size_t level = static_cast<size_t>(depth_ - 1);
  if (At(close)) {
    ++pos_;
    --depth_;
    return 0;
  }
  if (first_.test(level)) {
    first_.reset(level);
  } else {
    if (!At(',')) {
      Syntax();
      return -1;
    }
    ++pos_;
    SkipSpace();
  }
  return 1;
}

int Cursor::NextKey(std::string_view* key) {
  const int next = Next('}');
  if (next <= 0) return next;
  if (!At('"')) {
    Syntax();
    return -1;
  }
  if (!ReadString(key, &key_scratch_)) return -1;
  SkipSpace();
  if (!At(':')) {
    Syntax();
    return -1;
  }
  ++pos_;
  return 1;
}

int Cursor::NextElement() {
  const int next = Next(']');
  if (next <= 0) return next;
  SkipSpace();
  return 1;
}

bool Cursor::ReadString(std::string_view* out, std::string* scratch) {
  std::string_view raw;
  bool escaped = false;
  if (!ScanString(&raw, &escaped)) return false;
  if (!escaped) {
    *out = raw;
    return true;
  }
  Unescape(raw, scratch);
  *out = *scratch;
  return true;
}

bool Cursor::ReadBool(bool* out) {
  *out = At('t');
  return ScanLiteral(*out ? "true" : "false");
}

bool Cursor::Finish() {
  SkipSpace();
  return pos_ == t_.size() || Syntax();
}

}  // namespace capsante::jsonscan

#include "util/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace capsante::json {
namespace {

// The length of the valid UTF-8 sequence at p (lead byte >= 0x80), or 0
// when it is not one: a stray continuation byte, an overlong form, a
// surrogate, beyond U+10FFFF or cut short.
size_t Utf8Length(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = p[0];
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (static_cast<size_t>(end - p) < n || p[1] < lo || p[1] > hi) return 0;
  for (size_t i = 2; i < n; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
  }
  return n;
}

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

// The bytes of `x` below 0x20, quotes and backslashes, as the high bit of
// each (SWAR): what a text known to be valid UTF-8 must escape. A borrow
// only runs upwards from a flagged byte, so the lowest set bit is always
// exact.
inline uint64_t FlaggedAscii(uint64_t x) {
  const uint64_t below_space = (x - kOnes * 0x20) & ~x;
  const uint64_t q = x ^ (kOnes * '"');
  const uint64_t quote = (q - kOnes) & ~q;
  const uint64_t b = x ^ (kOnes * '\\');
  const uint64_t backslash = (b - kOnes) & ~b;
  return (below_space | quote | backslash) & kHighs;
}

// The same, and the bytes 0x80 and above: what needs a closer look in a
// text from a request.
inline uint64_t Flagged(uint64_t x) { return FlaggedAscii(x) | (x & kHighs); }

// Eight bytes from p, padded with spaces (never flagged) past `avail`.
inline uint64_t Load8(const char* p, size_t avail) {
  uint64_t x;
  if (avail >= 8) {
    std::memcpy(&x, p, 8);
  } else {
    char tail[8];
    std::memset(tail, ' ', sizeof tail);
    std::memcpy(tail, p, avail);
    std::memcpy(&x, tail, 8);
  }
  return x;
}

void EscapeAscii(std::string* out, unsigned char c) {
  switch (c) {
    case '"': out->append("\\\""); break;
    case '\\': out->append("\\\\"); break;
    case '\n': out->append("\\n"); break;
    case '\r': out->append("\\r"); break;
    case '\t': out->append("\\t"); break;
    default: {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out->append(buf);
    }
  }
}

bool IsPlain(std::string_view s) {
  for (size_t i = 0; i < s.size(); i += 8) {
    if (Flagged(Load8(s.data() + i, s.size() - i))) return false;
  }
  return true;
}

#if defined(__SSE2__)
// The bytes of the 16 at p that need a closer look, as a bit mask: below
// 0x20, a quote, a backslash, and (kHigh) 0x80 and above.
template <bool kHigh>
inline unsigned Flagged16(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i quote = _mm_cmpeq_epi8(x, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'));
  // Unsigned x < 0x20 exactly when max(x, 0x1F) is 0x1F.
  const __m128i limit = _mm_set1_epi8(0x1F);
  const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(x, limit), limit);
  unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), control)));
  if (kHigh) mask |= static_cast<unsigned>(_mm_movemask_epi8(x));
  return mask;
}
#endif

// The first byte from p that needs a closer look (see Flagged; kHigh: bytes
// 0x80 and above too), or end. Sixteen bytes at a time where SSE2 is there
// (every x86-64), then eight, the last few padded with spaces.
template <bool kHigh>
const char* NextFlagged(const char* p, const char* end) {
#if defined(__SSE2__)
  while (end - p >= 16) {
    const unsigned mask = Flagged16<kHigh>(p);
    if (mask) return p + __builtin_ctz(mask);
    p += 16;
  }
#endif
  while (p < end) {
    const size_t avail = static_cast<size_t>(end - p);
    const uint64_t x = Load8(p, avail);
    const uint64_t flagged = kHigh ? Flagged(x) : FlaggedAscii(x);
    if (flagged) return p + (__builtin_ctzll(flagged) >> 3);
    p += avail < 8 ? avail : 8;
  }
  return end;
}

// Bytes are copied in runs: plain ASCII and valid UTF-8 (French text is full
// of accented letters) stay in the run, which is appended once, at the next
// byte to escape or at the end (callgrind: a lean answer writes ~800 short
// texts, so finding the next byte to look at is most of the cost).
// kCheckUtf8: a text from a request, whose bytes 0x80 and above are checked;
// without it, a text known to be valid UTF-8 (a catalog text), where only
// quotes, backslashes and control characters are looked for.
template <bool kCheckUtf8>
void Escape(std::string* out, std::string_view s) {
  out->push_back('"');
  const char* p = s.data();
  const char* end = p + s.size();
  const char* run = p;  // first byte not yet appended
  while ((p = NextFlagged<kCheckUtf8>(p, end)) < end) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (kCheckUtf8 && c >= 0x80) {
      // Valid UTF-8 stays in the run; anything else (a path or a key echoed
      // from a request, a text cut inside a character) becomes U+FFFD, so
      // that every document written is valid JSON.
      const size_t n = Utf8Length(reinterpret_cast<const unsigned char*>(p), reinterpret_cast<const unsigned char*>(end));
      if (n) {
        p += n;
        continue;
      }
      out->append(run, static_cast<size_t>(p - run));
      out->append("\\ufffd");
      run = ++p;
      continue;
    }
    out->append(run, static_cast<size_t>(p - run));
    run = ++p;
    EscapeAscii(out, c);
  }
  out->append(run, static_cast<size_t>(end - run));
  out->push_back('"');
}

}  // namespace

void Writer::Newline() {
  if (indent_ < 0) return;
  out_->push_back('\n');
  out_->append(has_items_.size() * static_cast<size_t>(indent_), ' ');
}

void Writer::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_items_.empty()) {
    if (has_items_.back()) out_->push_back(',');
    has_items_.back() = 1;
    Newline();
  }
}

Writer& Writer::Open(char c) {
  BeforeValue();
  out_->push_back(c);
  has_items_.push_back(0);
  return *this;
}

Writer& Writer::Close(char c) {
  const bool had = has_items_.back();
  has_items_.pop_back();
  if (had) Newline();
  out_->push_back(c);
  return *this;
}

Writer& Writer::Key(std::string_view key) {
  BeforeValue();
  // Keys are mostly short names written in the code, with nothing to
  // escape: "key": is appended in one piece (a lean answer has ~470 keys).
  char quoted[40];
  if (key.size() <= sizeof quoted - 3 && IsPlain(key)) {
    quoted[0] = '"';
    std::memcpy(quoted + 1, key.data(), key.size());
    quoted[key.size() + 1] = '"';
    quoted[key.size() + 2] = ':';
    out_->append(quoted, key.size() + 3);
  } else {
    Escape<true>(out_, key);
    out_->push_back(':');
  }
  return AfterKey();
}

Writer& Writer::String(std::string_view s) {
  BeforeValue();
  Escape<true>(out_, s);
  return *this;
}

Writer& Writer::Text(std::string_view s) {
  BeforeValue();
  Escape<false>(out_, s);
  return *this;
}

// std::to_chars: no format string to interpret, no locale; for doubles it is
// specified as printf's %.10g, so the bytes are those snprintf wrote.
Writer& Writer::Int(long long v) {
  BeforeValue();
  char buf[32];
  out_->append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  return *this;
}

Writer& Writer::Number(double v) {
  if (!std::isfinite(v)) return Null();
  if (v == std::floor(v) && std::fabs(v) < 1e15) return Int(static_cast<long long>(v));
  BeforeValue();
  char buf[32];
  out_->append(buf, std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 10).ptr);
  return *this;
}

Writer& Writer::Bool(bool v) {
  BeforeValue();
  out_->append(v ? "true" : "false");
  return *this;
}

Writer& Writer::Null() {
  BeforeValue();
  out_->append("null");
  return *this;
}

}  // namespace capsante::json

#include "capsante/text.h"

#include <cmath>
#include <cstdio>

namespace capsante::text {

std::string FoldSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    size_t skip = 0;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;  // U+00A0
      skip = 1;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               static_cast<unsigned char>(s[i + 2]) == 0xAF) {
      space = true;  // U+202F
      skip = 2;
    }
    if (space) {
      pending_space = !out.empty();
      i += skip;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

namespace {

std::string GroupThousands(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count > 0 && count % 3 == 0) out.insert(out.begin(), ' ');
    out.insert(out.begin(), *it);
    ++count;
  }
  if (n < 0) out.insert(out.begin(), '-');
  return out;
}

}  // namespace

std::string Euros(double amount) {
  const double rounded = std::round(amount * 100.0) / 100.0;
  const long long whole = static_cast<long long>(std::trunc(rounded));
  const long long cents = std::llabs(static_cast<long long>(std::llround((rounded - static_cast<double>(whole)) * 100.0)));
  std::string out = GroupThousands(whole);
  if (cents != 0) {
    char buf[24];
    std::snprintf(buf, sizeof buf, ",%02lld", cents % 100);
    out += buf;
  }
  return out + " €";
}

std::string Number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  std::string s = buf;
  for (char& c : s) if (c == '.') c = ',';
  return s;
}

std::string Percent(double ratio) { return Number(ratio * 100.0) + " %"; }

size_t CharCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string Capitalized(std::string_view s) {
  std::string out(s);
  if (out.empty()) return out;
  const auto c0 = static_cast<unsigned char>(out[0]);
  if (c0 >= 'a' && c0 <= 'z') {
    out[0] = static_cast<char>(c0 - 'a' + 'A');
  } else if (c0 == 0xC3 && out.size() > 1) {
    // U+00E0..U+00FE (à..þ, except ÷) → U+00C0..U+00DE: second byte minus 0x20.
    const auto c1 = static_cast<unsigned char>(out[1]);
    if (c1 >= 0xA0 && c1 <= 0xBE && c1 != 0xB7) out[1] = static_cast<char>(c1 - 0x20);
  } else if (c0 == 0xC5 && out.size() > 1 && static_cast<unsigned char>(out[1]) == 0x93) {
    out[1] = static_cast<char>(0x92);  // œ → Œ
  }
  return out;
}

std::string Truncate(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

}  // namespace capsante::text

// Name folding for search and joins; must agree with normName() in
// tools/import/import.mjs.
#include <string>
#include <string_view>

#include "capsante/geo.h"

namespace capsante::geo {

namespace {

// ASCII replacement of U+00C0..U+00FF (Latin-1 letters); "" for symbols.
const char* Latin1(unsigned cp) {
  static const char* const kTable[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c",  // C0-C7
      "e", "e", "e", "e", "i", "i", "i", "i",   // C8-CF
      "d", "n", "o", "o", "o", "o", "o", "",    // D0-D7 (D7 ×)
      "o", "u", "u", "u", "u", "y", "th", "ss", // D8-DF
      "a", "a", "a", "a", "a", "a", "ae", "c",  // E0-E7
      "e", "e", "e", "e", "i", "i", "i", "i",   // E8-EF
      "d", "n", "o", "o", "o", "o", "o", "",    // F0-F7 (F7 ÷)
      "o", "u", "u", "u", "u", "y", "th", "y",  // F8-FF
  };
  return kTable[cp - 0xC0];
}

// Appends the ASCII form of code point `cp`; a separator is appended as ' '.
void AppendFolded(unsigned cp, std::string* out) {
  if (cp < 0x80) {
    char c = static_cast<char>(cp);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out->push_back(c);
    else out->push_back(' ');
    return;
  }
  if (cp >= 0x300 && cp <= 0x36F) return;  // combining accents (decomposed input)
  const char* s = nullptr;
  if (cp >= 0xC0 && cp <= 0xFF) s = Latin1(cp);
  else if (cp == 0x152 || cp == 0x153) s = "oe";
  else if (cp == 0x178) s = "y";
  if (s != nullptr && *s != '\0') out->append(s);
  else out->push_back(' ');
}

}  // namespace

std::string FoldName(std::string_view name) {
  std::string raw;
  raw.reserve(name.size());
  for (size_t i = 0; i < name.size();) {
    const unsigned char b = static_cast<unsigned char>(name[i]);
    unsigned cp = 0;
    size_t len = 1;
    if (b < 0x80) cp = b;
    else if ((b & 0xE0) == 0xC0) { cp = b & 0x1F; len = 2; }
    else if ((b & 0xF0) == 0xE0) { cp = b & 0x0F; len = 3; }
    else if ((b & 0xF8) == 0xF0) { cp = b & 0x07; len = 4; }
    else { cp = 0xFFFD; }  // stray continuation byte: a separator
    if (i + len > name.size()) { cp = 0xFFFD; len = name.size() - i; }
    for (size_t k = 1; k < len && cp != 0xFFFD; ++k) {
      const unsigned char c = static_cast<unsigned char>(name[i + k]);
      if ((c & 0xC0) != 0x80) { cp = 0xFFFD; len = k; break; }
      cp = (cp << 6) | (c & 0x3F);
    }
    AppendFolded(cp, &raw);
    i += len;
  }
  // Collapse separators and spell out "st"/"ste" words.
  std::string out;
  out.reserve(raw.size() + 8);
  size_t i = 0;
  while (i < raw.size()) {
    while (i < raw.size() && raw[i] == ' ') ++i;
    size_t j = i;
    while (j < raw.size() && raw[j] != ' ') ++j;
    if (j == i) break;
    const std::string_view word(raw.data() + i, j - i);
    if (!out.empty()) out.push_back(' ');
    if (word == "st") out.append("saint");
    else if (word == "ste") out.append("sainte");
    else out.append(word);
    i = j;
  }
  return out;
}

}  // namespace capsante::geo

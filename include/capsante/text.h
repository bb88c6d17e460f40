// French formatting and text helpers shared by the library and the front ends.
#ifndef CAPSANTE_TEXT_H_
#define CAPSANTE_TEXT_H_

#include <string>
#include <string_view>

namespace capsante::text {

// Collapses every run of white space (spaces, tabs, newlines, non-breaking
// spaces U+00A0 and U+202F) into one ASCII space and trims the ends. Used to
// find a quoted extract in a source document whatever its line breaks.
std::string FoldSpace(std::string_view s);

// 50000 → "50 000 €", 1552.5 → "1 552,50 €" (French grouping, narrow spacing
// as a plain space so terminals render it).
std::string Euros(double amount);

// 0.1 → "10 %", 0.125 → "12,5 %".
std::string Percent(double ratio);

// A number the French way: 2.5 → "2,5", 4 → "4".
std::string Number(double x);

// The number of characters (UTF-8 code points) of a valid UTF-8 text: limits
// count characters, not bytes ("é" is one).
size_t CharCount(std::string_view s);

// The heading form of a label: its first letter in upper case, accented
// letters of French included ("âge" → "Âge", "équipe" → "Équipe").
std::string Capitalized(std::string_view s);

// Escapes nothing; truncates to `max` bytes on a UTF-8 boundary, adding "…".
std::string Truncate(std::string_view s, size_t max);

}  // namespace capsante::text

#endif  // CAPSANTE_TEXT_H_

// The `motif` of a text field (catalog/situation.yaml): a small, safe subset
// of regular expressions, enough for codes such as "^[0-9][0-9AB][0-9]{3}$"
// or "^([0-9]{2}|2A|2B|97[1-6])$".
//
// Grammar: ^ BODY $, where BODY is one sequence or one group of alternatives
// "(seq|seq|...)"; a sequence is atoms, each a literal ASCII character or a
// class "[...]" of characters and ranges, optionally followed by {n}, {n,m}
// or ?. At most 64 characters and 255 repetitions. Matching is linear in the
// text times the pattern and never recurses deeper than the pattern, unlike
// std::regex, whose compilation and matching a catalog author (or a fuzzer)
// could make explode.
#ifndef CAPSANTE_SCHEMA_TEXT_PATTERN_H_
#define CAPSANTE_SCHEMA_TEXT_PATTERN_H_

#include <bitset>
#include <string>
#include <string_view>
#include <vector>

namespace capsante {

class TextPattern {
 public:
  // False (with a French reason) when `pattern` is outside the subset.
  static bool Compile(std::string_view pattern, TextPattern* out, std::string* error);
  bool Matches(std::string_view text) const;

 private:
  struct Atom {
    std::bitset<128> chars;  // ASCII only: a non-ASCII byte never matches
    int min = 1;
    int max = 1;
  };
  using Sequence = std::vector<Atom>;
  static bool MatchFrom(const Sequence& seq, size_t atom, std::string_view text, size_t pos, std::vector<bool>* failed);
  std::vector<Sequence> alternatives_;
};

}  // namespace capsante

#endif  // CAPSANTE_SCHEMA_TEXT_PATTERN_H_

// The words people must never read in the French table of a result: field
// paths and enum values of the situation schema. Used by the scenario checker
// on every scenario's table.
#ifndef CAPSANTE_TESTS_SCENARIO_RAW_NAMES_H_
#define CAPSANTE_TESTS_SCENARIO_RAW_NAMES_H_

#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "capsante/schema.h"

namespace capsante::scenario {

// The words people must never read in the French table: field paths and enum
// values of the situation schema, and true/false. A dotted path or a name with
// an underscore is never French; a single plain word ("age", "medecin") counts
// unless the schema's own French texts use it ("date", "commune").
class RawNames {
 public:
  explicit RawNames(const SituationSchema& schema) {
    std::set<std::string> french;
    auto add_words = [&](const std::string& text) {
      for (std::string w : Words(text)) {
        for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        french.insert(w);
      }
    };
    std::vector<std::string> candidates = {"true", "false"};
    for (const auto& f : schema.fields()) {
      add_words(f.label);
      add_words(f.question);
      for (const auto& l : f.labels) add_words(l);
      candidates.push_back(f.path);
      candidates.insert(candidates.end(), f.values.begin(), f.values.end());
    }
    for (const auto& c : candidates) {
      const bool plain = c.find_first_of("._") == std::string::npos;
      const bool lower = c.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos;
      const bool code = c.size() < 3 || std::isdigit(static_cast<unsigned char>(c[0]));  // secteur "1", "2"
      if (lower && !code && (!plain || !french.count(c))) raw_.insert(c);
    }
  }

  // The raw names found in `table` (web addresses aside).
  std::set<std::string> In(const std::string& table) const {
    std::string text;
    for (size_t i = 0; i < table.size();) {
      if (table.compare(i, 4, "http") == 0) {
        while (i < table.size() && table[i] != ' ' && table[i] != '\n' && table[i] != ')') ++i;
      } else {
        text.push_back(table[i++]);
      }
    }
    std::set<std::string> found;
    for (const std::string& w : Words(text)) {
      if (raw_.count(w)) found.insert(w);
    }
    return found;
  }

 private:
  // ASCII words with their dots and underscores ("zonage.medecin"); accented
  // letters split words, which never makes a raw name appear.
  static std::vector<std::string> Words(const std::string& text) {
    std::vector<std::string> out;
    std::string w;
    auto flush = [&] {
      while (!w.empty() && w.back() == '.') w.pop_back();
      if (!w.empty()) out.push_back(w);
      w.clear();
    };
    for (char c : text) {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c == '.' && !w.empty())) w.push_back(c);
      else flush();
    }
    flush();
    return out;
  }

  std::set<std::string> raw_;
};

}  // namespace capsante::scenario

#endif  // CAPSANTE_TESTS_SCENARIO_RAW_NAMES_H_

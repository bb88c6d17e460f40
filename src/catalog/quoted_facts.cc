#include "catalog/quoted_facts.h"

#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>
#include <string>

namespace capsante::internal {
namespace {

// Lower-case ASCII, every kind of space as ' ', typographic apostrophes as '.
std::string Normalise(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const std::string_view rest = in.substr(i);
    if (rest.starts_with("\u00a0") || rest.starts_with("\u202f") || rest.starts_with("\u2009")) {
      out.push_back(' ');
      i += rest.starts_with("\u00a0") ? 1 : 2;
    } else if (rest.starts_with("\u2019")) {
      out.push_back('\'');
      i += 2;
    } else {
      const char c = in[i];
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
  }
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsWordChar(char c) { return (c >= 'a' && c <= 'z') || (static_cast<unsigned char>(c) >= 0x80); }

const std::map<std::string, double, std::less<>>& NumberWords() {
  static const std::map<std::string, double, std::less<>> kWords = {
      {"un", 1},        {"une", 1},         {"premier", 1},   {"première", 1}, {"deux", 2},     {"deuxième", 2},
      {"second", 2},    {"seconde", 2},     {"trois", 3},     {"troisième", 3}, {"quatre", 4},  {"quatrième", 4},
      {"cinq", 5},      {"cinquième", 5},   {"six", 6},       {"sept", 7},      {"huit", 8},    {"neuf", 9},
      {"dix", 10},      {"onze", 11},       {"douze", 12},    {"quinze", 15},   {"vingt", 20},  {"trente", 30},
      {"quarante", 40}, {"cinquante", 50},  {"soixante", 60}, {"cent", 100},
  };
  return kWords;
}

const char* const kMonths[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                               "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
const char* const kMonthsPlain[] = {"janvier", "fevrier", "mars",      "avril",   "mai",      "juin",
                                    "juillet", "aout",    "septembre", "octobre", "novembre", "decembre"};

int MonthNumber(const std::string& name) {
  for (int m = 0; m < 12; ++m) {
    if (name == kMonths[m] || name == kMonthsPlain[m]) return m + 1;
  }
  return 0;
}

// One piece of a number run without spaces: "2,5", "24.000", "2.5", "1.552,50".
void ReadPiece(const std::string& piece, std::vector<double>* out) {
  if (piece.empty()) return;
  if (piece.find(',') != std::string::npos) {
    std::string s;
    for (char c : piece) {
      if (c != '.') s.push_back(c == ',' ? '.' : c);
    }
    out->push_back(std::strtod(s.c_str(), nullptr));
    return;
  }
  static const std::regex kGrouped(R"(\d{1,3}(\.\d{3})+)");
  if (std::regex_match(piece, kGrouped)) {
    std::string s;
    for (char c : piece) {
      if (c != '.') s.push_back(c);
    }
    out->push_back(std::strtod(s.c_str(), nullptr));
  }
  out->push_back(std::strtod(piece.c_str(), nullptr));  // "2.5", "2025", "24.000" read as 24
}

struct Token {
  bool number = false;
  double value = 0;
  std::string word;
};

}  // namespace

void QuotedFacts::Add(std::string_view raw) {
  const std::string s = Normalise(raw);
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < s.size()) {
    if (IsDigit(s[i])) {
      // A run of digits with inner separators: "50 000", "1 552,50", "2.5".
      std::string run;
      while (i < s.size()) {
        if (IsDigit(s[i])) {
          run.push_back(s[i++]);
        } else if ((s[i] == ' ' || s[i] == '.' || s[i] == ',') && i + 1 < s.size() && IsDigit(s[i + 1])) {
          run.push_back(s[i++]);
        } else {
          break;
        }
      }
      std::vector<std::string> pieces(1);
      for (char c : run) {
        if (c == ' ') pieces.emplace_back();
        else pieces.back().push_back(c);
      }
      // Thousands grouped by spaces only when every later group has three digits.
      bool grouped = pieces.size() > 1;
      for (size_t p = 1; p < pieces.size() && grouped; ++p) {
        const std::string head = pieces[p].substr(0, pieces[p].find_first_of(".,"));
        grouped = head.size() == 3 && (p + 1 == pieces.size() || pieces[p].size() == 3);
      }
      std::vector<double> values;
      if (grouped) {
        std::string joined;
        for (const auto& p : pieces) joined += p;
        ReadPiece(joined, &values);
      }
      for (const auto& p : pieces) ReadPiece(p, &values);
      numbers_.insert(numbers_.end(), values.begin(), values.end());
      Token t;
      t.number = true;
      // The value later words ("ans", "et demi") apply to: the whole run when
      // grouped, else its last piece.
      std::vector<double> last;
      ReadPiece(grouped ? std::string() : pieces.back(), &last);
      t.value = grouped ? values.front() : last.front();
      tokens.push_back(t);
    } else if (IsWordChar(s[i])) {
      Token t;
      while (i < s.size() && IsWordChar(s[i])) t.word.push_back(s[i++]);
      if (auto it = NumberWords().find(t.word); it != NumberWords().end()) {
        t.number = true;
        t.value = it->second;
        numbers_.push_back(t.value);
      }
      tokens.push_back(std::move(t));
    } else {
      ++i;
    }
  }
  // Durations and halves that follow a number.
  for (size_t k = 0; k < tokens.size(); ++k) {
    if (!tokens[k].number) continue;
    const double n = tokens[k].value;
    auto word = [&](size_t at) -> const std::string& {
      static const std::string kNone;
      return at < tokens.size() ? tokens[at].word : kNone;
    };
    const std::string& next = word(k + 1);
    if (next == "an" || next == "ans" || next == "année" || next == "années" || next == "annee" || next == "annees") {
      months_.push_back(static_cast<int>(std::lround(12 * n)));
    } else if (next == "mois") {
      months_.push_back(static_cast<int>(std::lround(n)));
    }
    // "3 jours et demi", "3 et demi"
    for (size_t at = k + 1; at <= k + 2; ++at) {
      if (word(at) == "et" && (word(at + 1) == "demi" || word(at + 1) == "demie")) numbers_.push_back(n + 0.5);
    }
  }
  // Dates.
  static const std::regex kDayMonthYear(
      R"((1er|\d{1,2}) +(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre) +(\d{4}))");
  static const std::regex kMonthYear(
      R"((janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre) +(\d{4}))");
  static const std::regex kSlashed(R"((\d{1,2})/(\d{1,2})/(\d{4}))");
  static const std::regex kIso(R"((\d{4})-(\d{2})-(\d{2}))");
  auto add = [&](int y, int m, int d) {
    if (auto date = Date::FromYmd(y, m, d)) dates_.push_back(*date);
  };
  for (std::sregex_iterator it(s.begin(), s.end(), kDayMonthYear), end; it != end; ++it) {
    const std::string day = (*it)[1];
    add(std::stoi((*it)[3]), MonthNumber((*it)[2]), day == "1er" ? 1 : std::stoi(day));
  }
  for (std::sregex_iterator it(s.begin(), s.end(), kMonthYear), end; it != end; ++it) {
    // A month alone, not "31 décembre 2025" (read above) nor "1er janvier".
    size_t before = static_cast<size_t>(it->position());
    while (before > 0 && s[before - 1] == ' ') --before;
    if (before > 0 && (IsDigit(s[before - 1]) || (before >= 3 && s.compare(before - 3, 3, "1er") == 0))) continue;
    const int y = std::stoi((*it)[2]);
    const int m = MonthNumber((*it)[1]);
    add(y, m, 1);
    if (auto first = Date::FromYmd(y, m, 1)) dates_.push_back(first->AddMonths(1).AddDays(-1));
  }
  for (std::sregex_iterator it(s.begin(), s.end(), kSlashed), end; it != end; ++it) {
    add(std::stoi((*it)[3]), std::stoi((*it)[2]), std::stoi((*it)[1]));
  }
  for (std::sregex_iterator it(s.begin(), s.end(), kIso), end; it != end; ++it) {
    add(std::stoi((*it)[1]), std::stoi((*it)[2]), std::stoi((*it)[3]));
  }
}

bool QuotedFacts::HasNumber(double x) const {
  for (double n : numbers_) {
    if (std::fabs(n - x) <= 1e-9 * std::max(1.0, std::fabs(x))) return true;
  }
  return false;
}

bool QuotedFacts::HasMonths(int months) const {
  for (int m : months_) {
    if (m == months) return true;
  }
  return false;
}

bool QuotedFacts::HasDate(Date d) const {
  for (Date x : dates_) {
    if (x == d) return true;
  }
  return false;
}

}  // namespace capsante::internal

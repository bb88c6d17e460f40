#include "geo/civil.h"

#include <string>

namespace capsante::geo::internal {

namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Inverse of DaysFromCivil (civil_from_days).
void CivilFromDays(int z, int* y, int* m, int* d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2 ? 1 : 0);
}

}  // namespace

std::optional<Date> ParseIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t pos, size_t len, int* out) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int y, m, d;
  if (!num(0, 4, &y) || !num(5, 2, &m) || !num(8, 2, &d)) return std::nullopt;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return MakeDate(y, m, d);
}

std::string FrenchDate(Date date) {
  static constexpr const char* kMonths[] = {"janvier", "février", "mars", "avril", "mai", "juin",
                                            "juillet", "août", "septembre", "octobre",
                                            "novembre", "décembre"};
  int y, m, d;
  CivilFromDays(date.days(), &y, &m, &d);
  return (d == 1 ? std::string("1er") : std::to_string(d)) + " " + kMonths[m - 1] + " " +
         std::to_string(y);
}

}  // namespace capsante::geo::internal

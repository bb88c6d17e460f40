// Calendar arithmetic used by the geo library without linking Date's .cc:
// geo only needs to build and compare dates, which Date::FromDays allows.
#ifndef CAPSANTE_SRC_GEO_CIVIL_H_
#define CAPSANTE_SRC_GEO_CIVIL_H_

#include <optional>
#include <string>
#include <string_view>

#include "capsante/date.h"

namespace capsante::geo::internal {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil).
constexpr int DaysFromCivil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr Date MakeDate(int y, int m, int d) { return Date::FromDays(DaysFromCivil(y, m, d)); }

// Strict YYYY-MM-DD (the data files only hold those); nullopt otherwise.
std::optional<Date> ParseIsoDate(std::string_view s);

// "1er juillet 2024", "31 décembre 2025".
std::string FrenchDate(Date d);

}  // namespace capsante::geo::internal

#endif  // CAPSANTE_SRC_GEO_CIVIL_H_

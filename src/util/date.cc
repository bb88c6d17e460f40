#include "capsante/date.h"

#include <array>
#include <chrono>
#include <cstdio>

namespace capsante {
namespace {

// Howard Hinnant's civil_from_days: exact for the proleptic Gregorian
// calendar, no tables, no time zones (days_from_civil is in date.h).
struct Ymd { int y; unsigned m; unsigned d; };

Ymd CivilFromDays(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2199;

}  // namespace

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return FromCivil(year, month, day);
}

std::optional<Date> Date::Parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t n, int* out) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int y, m, d;
  if (!digits(0, 4, &y) || !digits(5, 2, &m) || !digits(8, 2, &d)) return std::nullopt;
  return FromYmd(y, m, d);
}

Date Date::Today() {
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch()).count();
  return FromDays(static_cast<int>(days));
}

int Date::year() const { return CivilFromDays(days_).y; }
int Date::month() const { return static_cast<int>(CivilFromDays(days_).m); }
int Date::day() const { return static_cast<int>(CivilFromDays(days_).d); }

std::string Date::ToString() const {
  const Ymd c = CivilFromDays(days_);
  char buf[16];
  if (c.y < 0 || c.y > 9999) {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.y, c.m, c.d);
    return buf;
  }
  // By hand: an answer writes about twenty dates, and snprintf's format
  // parsing cost more than the rest of the date (callgrind).
  const auto digit = [](unsigned v) { return static_cast<char>('0' + v); };
  const unsigned y = static_cast<unsigned>(c.y);
  return {digit(y / 1000), digit(y / 100 % 10), digit(y / 10 % 10), digit(y % 10), '-', digit(c.m / 10), digit(c.m % 10), '-',
          digit(c.d / 10), digit(c.d % 10)};
}

std::string Date::ToFrench() const {
  static constexpr std::array<const char*, 12> kMonths = {
      "janvier", "février", "mars", "avril", "mai", "juin",
      "juillet", "août", "septembre", "octobre", "novembre", "décembre"};
  const Ymd c = CivilFromDays(days_);
  std::string day = c.d == 1 ? "1er" : std::to_string(c.d);
  return day + " " + kMonths[c.m - 1] + " " + std::to_string(c.y);
}

Date Date::AddMonths(int n) const {
  const Ymd c = CivilFromDays(days_);
  int total = c.y * 12 + static_cast<int>(c.m) - 1 + n;
  const int y = total / 12;
  const int m = total % 12 + 1;
  const int d = std::min(static_cast<int>(c.d), DaysInMonth(y, m));
  return FromCivil(y, m, d);
}

int Date::MonthsBetween(Date from, Date to) {
  if (to < from) return -MonthsBetween(to, from);
  const Ymd a = CivilFromDays(from.days_);
  const Ymd b = CivilFromDays(to.days_);
  int months = (b.y - a.y) * 12 + static_cast<int>(b.m) - static_cast<int>(a.m);
  // A month is complete once the same day of month is reached (or the end of
  // a shorter month): 2024-01-31 → 2024-02-29 is one month.
  if (from.AddMonths(months) > to) --months;
  return months;
}

}  // namespace capsante

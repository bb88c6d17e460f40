// Calendar dates without time zones, as a count of days since 1970-01-01.
//
// Contract: Date::Parse accepts exactly `YYYY-MM-DD` for a real calendar day
// between 1900-01-01 and 2199-12-31 and rejects everything else (2025-02-30,
// 2025-2-3, trailing text). Arithmetic on months clamps to the end of the
// month (2024-01-31 + 1 month = 2024-02-29), as contracts count months.
#ifndef CAPSANTE_DATE_H_
#define CAPSANTE_DATE_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace capsante {

class Date {
 public:
  constexpr Date() = default;
  static constexpr Date FromDays(int days) { Date d; d.days_ = days; return d; }
  // A date known valid when the code is written (legal dates, constants):
  // no check, usable in constant expressions. Use Parse/FromYmd for input.
  static constexpr Date FromCivil(int y, int m, int d) { return FromDays(DaysFromCivil(y, m, d)); }
  // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
  // days_from_civil).
  static constexpr int DaysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
  // The range Parse accepts, and so every date capsante reads or writes.
  static constexpr Date Earliest() { return FromCivil(1900, 1, 1); }
  static constexpr Date Latest() { return FromCivil(2199, 12, 31); }
  // nullopt when `ymd` is not a valid YYYY-MM-DD date in range.
  static std::optional<Date> Parse(std::string_view ymd);
  static std::optional<Date> FromYmd(int year, int month, int day);
  // Today in UTC.
  static Date Today();

  int days() const { return days_; }
  int year() const;
  int month() const;  // 1-12
  int day() const;    // 1-31
  std::string ToString() const;  // YYYY-MM-DD
  std::string ToFrench() const;  // "31 décembre 2025"

  Date AddDays(int n) const { return FromDays(days_ + n); }
  Date AddMonths(int n) const;  // clamps to the last day of the month
  Date AddYears(int n) const { return AddMonths(12 * n); }
  // Whole months from `from` to `to` (negative when `to` is earlier).
  static int MonthsBetween(Date from, Date to);
  static int YearsBetween(Date from, Date to) { return MonthsBetween(from, to) / 12; }

  auto operator<=>(const Date&) const = default;

 private:
  int days_ = 0;
};

}  // namespace capsante

#endif  // CAPSANTE_DATE_H_

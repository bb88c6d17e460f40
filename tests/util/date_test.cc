#include <gtest/gtest.h>

#include "capsante/date.h"
#include "capsante/text.h"

namespace capsante {
namespace {

TEST(DateTest, ParsesOnlyRealDays) {
  EXPECT_TRUE(Date::Parse("2024-02-29"));
  EXPECT_FALSE(Date::Parse("2025-02-29"));
  EXPECT_FALSE(Date::Parse("2025-02-30"));
  EXPECT_FALSE(Date::Parse("2025-13-01"));
  EXPECT_FALSE(Date::Parse("2025-00-10"));
  EXPECT_FALSE(Date::Parse("2025-2-3"));
  EXPECT_FALSE(Date::Parse("2025-02-03x"));
  EXPECT_FALSE(Date::Parse("1899-12-31"));
  EXPECT_FALSE(Date::Parse("2200-01-01"));
  EXPECT_FALSE(Date::Parse(""));
  EXPECT_EQ(Date::Parse("2025-12-31")->ToString(), "2025-12-31");
  EXPECT_EQ(Date::Parse("2026-01-09")->ToString(), "2026-01-09");
  EXPECT_EQ(Date::Parse("1900-01-01")->ToString(), "1900-01-01");
  EXPECT_EQ(Date::Parse("2199-12-31")->ToString(), "2199-12-31");
}

TEST(DateTest, MonthArithmeticClampsToMonthEnd) {
  EXPECT_EQ(Date::Parse("2024-01-31")->AddMonths(1).ToString(), "2024-02-29");
  EXPECT_EQ(Date::Parse("2025-01-31")->AddMonths(1).ToString(), "2025-02-28");
  EXPECT_EQ(Date::Parse("2025-03-01")->AddYears(1).ToString(), "2026-03-01");
  EXPECT_EQ(Date::Parse("2025-03-01")->AddMonths(-3).ToString(), "2024-12-01");
  EXPECT_EQ(Date::Parse("2026-01-01")->AddDays(-1).ToString(), "2025-12-31");
}

TEST(DateTest, MonthsBetweenCountsWholeMonths) {
  const Date a = *Date::Parse("2025-03-15");
  EXPECT_EQ(Date::MonthsBetween(a, *Date::Parse("2025-04-14")), 0);
  EXPECT_EQ(Date::MonthsBetween(a, *Date::Parse("2025-04-15")), 1);
  EXPECT_EQ(Date::MonthsBetween(a, *Date::Parse("2026-03-15")), 12);
  EXPECT_EQ(Date::YearsBetween(a, *Date::Parse("2026-03-14")), 0);
  EXPECT_EQ(Date::MonthsBetween(*Date::Parse("2026-03-15"), a), -12);
}

TEST(DateTest, French) {
  EXPECT_EQ(Date::Parse("2026-01-01")->ToFrench(), "1er janvier 2026");
  EXPECT_EQ(Date::Parse("2025-12-31")->ToFrench(), "31 décembre 2025");
}

TEST(TextTest, EurosAndFolding) {
  EXPECT_EQ(text::Euros(50000), "50 000 €");
  EXPECT_EQ(text::Euros(1552.5), "1 552,50 €");
  EXPECT_EQ(text::Euros(300), "300 €");
  EXPECT_EQ(text::Percent(0.1), "10 %");
  EXPECT_EQ(text::FoldSpace("  a\n\t b \xC2\xA0 c "), "a b c");
}

}  // namespace
}  // namespace capsante

// What a quoted French sentence states: numbers in every French format,
// durations and dates, as `capsante lint` compares them with catalog values.
#include "catalog/quoted_facts.h"

#include <gtest/gtest.h>

namespace capsante::internal {
namespace {

struct NumberCase {
  const char* quote;
  double value;
  bool found;
};

class QuotedNumberTest : public testing::TestWithParam<NumberCase> {};

TEST_P(QuotedNumberTest, ReadsFrenchFormats) {
  const NumberCase& c = GetParam();
  EXPECT_EQ(QuotedFacts(c.quote).HasNumber(c.value), c.found) << c.quote << " / " << c.value;
}

INSTANTIATE_TEST_SUITE_P(
    Formats, QuotedNumberTest,
    testing::Values(NumberCase{"Une aide forfaitaire jusqu’à 50 000€", 50000, true},
                    NumberCase{"Une aide forfaitaire jusqu’à 50 000€", 49999, false},
                    NumberCase{"50.000 € pour une activité de 4 jours", 50000, true},
                    NumberCase{"50000€", 50000, true},
                    NumberCase{"un plafond de 50\u00a0000\u202f€ par an", 50000, true},
                    NumberCase{"1 552,50 € par mois", 1552.5, true},
                    NumberCase{"au minimum 2,5 jours par semaine", 2.5, true},
                    NumberCase{"un minimum de 2.5j/semaine", 2.5, true},
                    NumberCase{"au minimum 2,5 jours par semaine", 2.4, false},
                    NumberCase{"une aide de 10% de vos honoraires", 10, true},
                    NumberCase{"pendant trois ans", 3, true},
                    NumberCase{"une activité de 3 jours et demi par semaine", 3.5, true},
                    NumberCase{"le 1er janvier", 1, true},
                    NumberCase{"24.000 € par an", 24000, true},
                    NumberCase{"en 2025 3 fois", 3, true}));

TEST(QuotedFacts, ReadsDurationsInMonths) {
  EXPECT_TRUE(QuotedFacts("depuis moins d’1 an").HasMonths(12));
  EXPECT_TRUE(QuotedFacts("installé depuis moins d'un an").HasMonths(12));
  EXPECT_FALSE(QuotedFacts("installé depuis moins d'un an").HasMonths(13));
  EXPECT_TRUE(QuotedFacts("5 ans à compter de la date d’adhésion").HasMonths(60));
  EXPECT_TRUE(QuotedFacts("un contrat de cinq ans").HasMonths(60));
  EXPECT_TRUE(QuotedFacts("pendant 18 mois").HasMonths(18));
  EXPECT_FALSE(QuotedFacts("pendant 18 mois").HasMonths(17));
}

TEST(QuotedFacts, ReadsDates) {
  const Date d20251231 = Date::FromCivil(2025, 12, 31);
  const Date d20260101 = Date::FromCivil(2026, 1, 1);
  EXPECT_TRUE(QuotedFacts("uniquement jusqu'au 31 décembre 2025").HasDate(d20251231));
  EXPECT_FALSE(QuotedFacts("uniquement jusqu'au 31 décembre 2025").HasDate(d20251231.AddDays(-1)));
  EXPECT_FALSE(QuotedFacts("uniquement jusqu'au 31 décembre 2025").HasDate(Date::FromCivil(2025, 12, 1)));
  EXPECT_TRUE(QuotedFacts("à compter du 1er janvier 2026").HasDate(d20260101));
  EXPECT_FALSE(QuotedFacts("à compter du 1er janvier 2026").HasDate(Date::FromCivil(2026, 1, 31)));
  EXPECT_TRUE(QuotedFacts("le 31/12/2025").HasDate(d20251231));
  EXPECT_TRUE(QuotedFacts("en vigueur le 2025-12-31").HasDate(d20251231));
  // A month alone stands for its first and last day.
  EXPECT_TRUE(QuotedFacts("depuis janvier 2026").HasDate(d20260101));
  EXPECT_TRUE(QuotedFacts("jusqu'en décembre 2025").HasDate(d20251231));
  EXPECT_FALSE(QuotedFacts("jusqu'en décembre 2025").HasDate(d20251231.AddDays(-1)));
}

}  // namespace
}  // namespace capsante::internal

// The numbers, durations and dates a quoted French sentence states, so that
// `capsante lint` can check that a catalog value is what its quote says
// (docs/catalog-format.md, "What the quote must say").
//
// French formats are normalised: "50 000 €", "50.000 €", "50000€" and
// "50 000,00 €" are 50000; "2,5 jours" and "2.5j" are 2.5; "50%" is 50;
// "trois", "deux" (small integers, as words) and "3 jours et demi" (3.5) are
// read too; "1er" is 1. Durations: "5 ans", "cinq ans", "1 an", "d'un an" are
// 60, 60, 12 and 12 months; "18 mois" is 18 months. Dates: "31 décembre 2025",
// "1er janvier 2026", "31/12/2025", "2025-12-31"; a month alone ("janvier
// 2026") stands for its first and its last day.
//
// Reading may over-generate (a run "2025 3" also gives 2025 and 3): the check
// is "the value appears", so spurious extra numbers can only make it lenient,
// never refuse a quote that does state the value.
#ifndef CAPSANTE_CATALOG_QUOTED_FACTS_H_
#define CAPSANTE_CATALOG_QUOTED_FACTS_H_

#include <string_view>
#include <vector>

#include "capsante/date.h"

namespace capsante::internal {

class QuotedFacts {
 public:
  QuotedFacts() = default;
  explicit QuotedFacts(std::string_view text) { Add(text); }
  // Adds what another sentence states (a value may cite several).
  void Add(std::string_view text);

  bool HasNumber(double x) const;
  bool HasMonths(int months) const;  // a duration of that many months
  bool HasDate(Date d) const;

  const std::vector<double>& numbers() const { return numbers_; }
  const std::vector<Date>& dates() const { return dates_; }

 private:
  std::vector<double> numbers_;
  std::vector<int> months_;
  std::vector<Date> dates_;
};

}  // namespace capsante::internal

#endif  // CAPSANTE_CATALOG_QUOTED_FACTS_H_

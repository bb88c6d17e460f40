// Issue 8 and issue 14: over the dates users ask about (2024 to 2029), no aid
// is offered outside its subscription window, whatever aid it is, and every
// scheme that closes names what replaced it. The whole shipped catalog is swept
// on dates around each window boundary (the day before, the day itself, the day
// after) and on the first day of every quarter.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "capsante/catalog.h"
#include "capsante/engine.h"
#include "../catalog_fixture.h"

namespace capsante {
namespace {

class WindowSweepTest : public CatalogTest {};

const Date kFirst = *Date::Parse("2024-01-01");
const Date kLast = *Date::Parse("2029-12-31");

// A département in the aid's region, so that the region gate passes and the
// window decides (regions of the catalog: 11 Île-de-France, 24 Centre-Val de
// Loire, 76 Occitanie).
std::string DepartementFor(const Aid& aid) {
  if (!aid.departements.empty()) return aid.departements.front();
  static const std::map<std::string, std::string> kByRegion = {{"11", "75"}, {"24", "36"}, {"76", "31"}};
  auto it = kByRegion.find(aid.region);
  return it == kByRegion.end() ? "44" : it->second;
}

// The smallest situation that passes the aid's gate (its profession, or a
// structure for a collective aid), on the given date.
std::string SituationFor(const Aid& aid, const Date& date) {
  std::string json = "{\"date\":\"" + date.ToString() + "\",\"zonage\":{\"departement\":\"" + DepartementFor(aid) + "\"}";
  if (aid.for_structure) {
    json += ",\"structure\":{\"type\":\"msp\"}";
  } else {
    json += ",\"profession\":\"" + aid.professions.front() + "\"";
  }
  return json + "}";
}

std::set<Date> SampleDates(const Catalog& catalog) {
  std::set<Date> dates;
  for (int year = 2024; year <= 2029; ++year) {
    for (int month : {1, 4, 7, 10}) dates.insert(*Date::Parse(std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month) + "-01"));
  }
  dates.insert(kLast);
  for (const auto& aid : catalog.aids()) {
    for (const auto& bound : {aid.opens, aid.closes}) {
      if (!bound) continue;
      for (int delta : {-1, 0, 1}) {
        const Date d = bound->AddDays(delta);
        if (!(d < kFirst) && !(kLast < d)) dates.insert(d);
      }
    }
  }
  return dates;
}

TEST_F(WindowSweepTest, NoAidIsOfferedOutsideItsWindow) {
  const std::set<Date> dates = SampleDates(*catalog_);
  ASSERT_GT(dates.size(), 24u);
  int checked = 0;
  for (const auto& aid : catalog_->aids()) {
    for (const Date& d : dates) {
      Situation s;
      const std::string json = SituationFor(aid, d);
      Status st = Situation::FromJson(catalog_->schema(), json, &s);
      ASSERT_TRUE(st.ok()) << json << " : " << st.ToString();
      const Result r = Evaluate(*catalog_, s);
      const AidResult* found = nullptr;
      for (const auto& a : r.aids) {
        if (a.aid->id == aid.id) found = &a;
      }
      ASSERT_NE(found, nullptr) << aid.id;
      if (aid.OpenOn(d)) {
        EXPECT_NE(found->status, AidStatus::kClosed) << aid.id << " fermée à tort le " << d.ToString();
      } else {
        EXPECT_EQ(found->status, AidStatus::kClosed) << aid.id << " proposée hors de sa fenêtre le " << d.ToString() << " ("
                                                      << AidStatusCode(found->status) << ")";
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 1000);
}

// Schemes that closed with no successor, each for a reason an official text
// gives (docs/conflicts.md). Any other closed scheme must name its successor.
const std::map<std::string, std::string> kClosedWithoutSuccessor = {
    {"cde", "supprimé à compter du 1er janvier 2024 (article 38 LFSS pour 2023), sans contrat de remplacement"},
    {"exoneration_zfu", "service-public.fr : aucune exonération prévue pour les entreprises implantées en ZFU-TE à compter du 1er janvier 2026"},
    {"exoneration_frr", "créations en FRR jusqu'au 31 décembre 2029 : aucun texte ne dit encore la suite"},
};

TEST_F(WindowSweepTest, EveryClosedSchemeNamesItsSuccessor) {
  for (const auto& aid : catalog_->aids()) {
    if (!aid.closes || kLast < *aid.closes) continue;
    if (kClosedWithoutSuccessor.count(aid.id)) {
      EXPECT_TRUE(aid.replaced_by.empty()) << aid.id << " a désormais un successeur : retirez-la de la liste";
      continue;
    }
    EXPECT_FALSE(aid.replaced_by.empty()) << aid.id << " fermée le " << aid.closes->ToString() << " sans « remplacee_par »";
    for (const auto& next : aid.replaced_by) {
      const Aid* successor = catalog_->FindAid(next);
      ASSERT_NE(successor, nullptr) << next;
      // The successor is open the day after the old scheme closed, or earlier.
      EXPECT_TRUE(!successor->opens || !(aid.closes->AddDays(1) < *successor->opens))
          << aid.id << " ferme le " << aid.closes->ToString() << " mais " << next << " n'ouvre que le " << successor->opens->ToString();
    }
  }
}

// Every aid says when it opened (issue 14, point 2): only an aid that states
// why no opening date is known may have none.
TEST_F(WindowSweepTest, EveryAidHasAnOpeningDateOrSaysWhyNot) {
  for (const auto& aid : catalog_->aids()) {
    EXPECT_TRUE(aid.opens || !aid.opening_reason.empty()) << aid.id << " : aucune date d'ouverture ni motif";
  }
}

}  // namespace
}  // namespace capsante

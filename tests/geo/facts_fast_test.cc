// FactsFor's fast path (FactsOptions::notes = false, and the overload that
// reuses a vector) gives exactly the facts of the full path, notes aside.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "geo_test_util.h"

namespace capsante::geo {
namespace {

const char* const kProfessions[] = {"",
                                    "medecin",
                                    "infirmier",
                                    "masseur_kinesitherapeute",
                                    "sage_femme",
                                    "orthophoniste",
                                    "chirurgien_dentiste",
                                    "pedicure_podologue"};

std::vector<Date> Dates() { return {D(2024, 1, 1), D(2025, 6, 1), D(2026, 6, 1)}; }

// Also the edges of the legal dates (ZRR end, FRR start, overseas QPV).
std::vector<Date> EdgeDates() {
  return {D(2023, 6, 1), D(2024, 6, 30), D(2024, 7, 1), D(2024, 12, 31), D(2025, 1, 1), D(2030, 1, 1)};
}

FactsOptions NoNotes() {
  FactsOptions o;
  o.notes = false;
  return o;
}

std::string Show(const PlaceFact& f) {
  return f.field + "=" + f.value + (f.known ? " known" : "") + (f.possible ? " possible" : "") + " [" + f.layer +
         "] «" + f.note + "»";
}

// Field, value, known, possible and layer equal (and the note when `notes`;
// otherwise the fast note is empty). Compared plainly first: the loops run
// over a million facts.
void ExpectSameFacts(const std::vector<PlaceFact>& full, const std::vector<PlaceFact>& fast,
                     const Commune& c, Date date, const char* profession, bool notes = false) {
  bool same = full.size() == fast.size();
  for (size_t i = 0; same && i < full.size(); ++i) {
    same = full[i].field == fast[i].field && full[i].value == fast[i].value && full[i].known == fast[i].known &&
           full[i].possible == fast[i].possible && full[i].layer == fast[i].layer &&
           (notes ? full[i].note == fast[i].note : fast[i].note.empty());
  }
  if (same) return;
  std::string message = c.code + " " + c.name + " " + (date).ToFrench() + " «" + profession + "»\nfull:";
  for (const PlaceFact& f : full) message += "\n  " + Show(f);
  message += "\nfast:";
  for (const PlaceFact& f : fast) message += "\n  " + Show(f);
  ADD_FAILURE() << message;
}

// Under the sanitizers (a Debug build ten times slower) every 25th place is
// enough to exercise the code paths; the normal build checks all of them.
#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kStride = 25;
#else
constexpr size_t kStride = 1;
#endif

TEST(FactsFast, EqualsFullPathForEveryPlaceOfFrance) {
  const CommuneIndex& index = Index();
  const auto places = index.AllPlaces();
  ASSERT_GT(places.size(), 30000u);
  std::vector<PlaceFact> reused;
  for (Date date : Dates()) {
    for (const char* profession : kProfessions) {
      for (size_t p = 0; p < places.size(); p += kStride) {
        const Commune* c = places[p];
        const auto full = index.FactsFor(*c, date, profession);
        ExpectSameFacts(full, index.FactsFor(*c, date, profession, NoNotes()), *c, date, profession);
        index.FactsFor(*c, date, profession, NoNotes(), &reused);
        ExpectSameFacts(full, reused, *c, date, profession);
        if (HasFailure()) return;  // one broken place is enough to read
      }
    }
  }
}

TEST(FactsFast, EqualsFullPathForEveryEntryAndLegalEdge) {
  // Every entry, delegated and associated communes included (values of
  // "mixte" parents), and cities split into arrondissements.
  const CommuneIndex& index = Index();
  std::vector<Date> dates = Dates();
  for (Date d : EdgeDates()) dates.push_back(d);
  std::vector<PlaceFact> reused;
  for (Date date : dates) {
    for (const char* profession : {"medecin", "infirmier", "sage_femme"}) {
      for (size_t e = 0; e < index.entries().size(); e += kStride) {
        const Commune& c = index.entries()[e];
        const auto full = index.FactsFor(c, date, profession);
        index.FactsFor(c, date, profession, NoNotes(), &reused);
        ExpectSameFacts(full, reused, c, date, profession);
        if (HasFailure()) return;
      }
    }
  }
}

TEST(FactsFast, ReusedVectorWithNotesEqualsFullPath) {
  // The reused elements are fully overwritten: alternate professions with
  // and without their own zoning (9 and 8 facts) and compare everything.
  const CommuneIndex& index = Index();
  const auto places = index.AllPlaces();
  std::vector<PlaceFact> reused;
  const FactsOptions with_notes;
  size_t k = 0;
  for (Date date : {D(2024, 1, 1), D(2026, 6, 1)}) {
    for (size_t p = 0; p < places.size(); p += kStride) {
      const Commune* c = places[p];
      const char* profession = kProfessions[k++ % std::size(kProfessions)];
      const auto full = index.FactsFor(*c, date, profession);
      index.FactsFor(*c, date, profession, with_notes, &reused);
      ExpectSameFacts(full, reused, *c, date, profession, /*notes=*/true);
      if (HasFailure()) return;
    }
  }
}

TEST(FactsFast, UnknownCommuneClearsTheVector) {
  const CommuneIndex& index = Index();
  std::vector<PlaceFact> reused;
  index.FactsFor(Get("36044"), D(2026, 6, 1), "infirmier", NoNotes(), &reused);
  ASSERT_EQ(reused.size(), 9u);
  Commune stranger;
  stranger.code = "00000";
  index.FactsFor(stranger, D(2026, 6, 1), "infirmier", NoNotes(), &reused);
  EXPECT_TRUE(reused.empty());
  EXPECT_TRUE(index.FactsFor(stranger, D(2026, 6, 1), "infirmier", NoNotes()).empty());
}

}  // namespace
}  // namespace capsante::geo

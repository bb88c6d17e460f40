// Shared fixture: the committed data files are loaded once for all tests.
#ifndef CAPSANTE_TESTS_GEO_GEO_TEST_UTIL_H_
#define CAPSANTE_TESTS_GEO_GEO_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "capsante/date.h"
#include "capsante/geo.h"

namespace capsante::geo {

inline const CommuneIndex& Index() {
  static const CommuneIndex* index = [] {
    std::unique_ptr<CommuneIndex> out;
    const Status st = CommuneIndex::Load(CAPSANTE_GEO_DATA_DIR, &out);
    if (!st.ok()) {
      ADD_FAILURE() << st.ToString();
      std::abort();
    }
    return out.release();
  }();
  return *index;
}

inline Date D(int y, int m, int d) { return Date::FromCivil(y, m, d); }

inline const Commune& Get(const std::string& code) {
  const Lookup l = Index().Find(code);
  if (l.commune == nullptr) {
    ADD_FAILURE() << "unknown code " << code;
    std::abort();
  }
  return *l.commune;
}

inline PlaceFact FactOf(const std::vector<PlaceFact>& facts, const std::string& field) {
  for (const PlaceFact& f : facts) if (f.field == field) return f;
  return PlaceFact{field, "<absent>", false, false, "", ""};
}

inline PlaceFact Fact(const std::string& code, Date date, const std::string& profession,
                      const std::string& field) {
  return FactOf(Index().FactsFor(Get(code), date, profession), field);
}

}  // namespace capsante::geo

#endif  // CAPSANTE_TESTS_GEO_GEO_TEST_UTIL_H_

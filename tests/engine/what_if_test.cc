// "What would change it" (FindAlternatives): each value found must be what
// evaluating the aid afresh with that value gives, since FindAlternatives
// evaluates it on a shortcut (one evaluator for every value, the status
// first). Values come from the shipped catalog.
#include <gtest/gtest.h>

#include <string>

#include "capsante/catalog.h"
#include "capsante/engine.h"
#include "../catalog_fixture.h"

namespace capsante {
namespace {

class WhatIfTest : public CatalogTest {
 protected:
  static Result Simulate(const Situation& s) {
    EvalOptions o;
    o.explanations = false;
    Result r = Evaluate(*catalog_, s, o);
    FindAlternatives(*catalog_, s, &r);
    return r;
  }
  static Situation Parse(const char* json) {
    Situation s;
    const Status st = Situation::FromJson(catalog_->schema(), json, &s);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return s;
  }
};

// A GP in a ZAC in June 2025, four days a week.
const char* kZacDoctor = R"({"date":"2025-06-01","profession":"medecin","specialite":"medecine_generale",
  "mode_exercice":"liberal","secteur":"1","date_installation":"2025-06-01","premiere_installation_liberale":true,
  "exercice_coordonne":"groupe","participe_pdsa":true,"zonage":{"medecin":"ZAC","region":"24","departement":"36"},
  "jours_par_semaine":4})";

TEST_F(WhatIfTest, ZacDoctorWouldGetCaimInZip) {
  const Result r = Simulate(Parse(kZacDoctor));
  for (const AidResult& a : r.aids) {
    if (a.aid->id != "caim") continue;
    EXPECT_EQ(a.status, AidStatus::kNotEligible);
    ASSERT_EQ(a.alternatives.size(), 1u);
    EXPECT_EQ(a.alternatives[0].field, "zonage.medecin");
    EXPECT_EQ(a.alternatives[0].value, "ZIP");
    // caim.yaml: « 50 000 € si au moins 4 jours d’exercice libéral par semaine »
    EXPECT_EQ(a.alternatives[0].amount, 50000);
    return;
  }
  ADD_FAILURE() << "caim absente";
}

// Every value found, evaluated afresh by Evaluate: eligible, same amount.
TEST_F(WhatIfTest, EachValueFoundIsWhatEvaluatingItAfreshGives) {
  const char* situations[] = {
      kZacDoctor,
      // zonage.frr and zonage.zfu unknown: the exemptions are to be specified.
      R"({"date":"2025-06-01","profession":"medecin","mode_exercice":"liberal","secteur":"1",
        "zonage":{"medecin":"ZIP","region":"24","departement":"36","qpv":false},"exercice_coordonne":"msp",
        "jours_par_semaine":4,"date_installation":"2025-03-01","premiere_installation_liberale":true,"participe_pdsa":true})",
      R"({"date":"2026-03-01","profession":"masseur_kinesitherapeute","mode_exercice":"liberal",
        "zonage":{"profession":"tres_sous_dotee","region":"75","departement":"23"},"type_installation":"creation",
        "exercice_coordonne":"msp","taux_teletransmission":90,"remplacements_reguliers":false,"date_installation":"2026-04-01"})",
  };
  int found = 0;
  for (const char* json : situations) {
    const Situation s = Parse(json);
    const Result r = Simulate(s);
    for (const AidResult& a : r.aids) {
      for (const Alternative& alt : a.alternatives) {
        ++found;
        Situation changed = s;
        ASSERT_TRUE(changed.SetFromText(alt.field, alt.value, FactOrigin::kUser).ok());
        EvalOptions o;
        o.only = {a.aid->id};
        const Result again = Evaluate(*catalog_, changed, o);
        ASSERT_EQ(again.aids.size(), 1u);
        EXPECT_EQ(again.aids[0].status, AidStatus::kEligible) << a.aid->id << " " << alt.field << "=" << alt.value;
        EXPECT_EQ(again.aids[0].amount.total, alt.amount) << a.aid->id << " " << alt.field << "=" << alt.value;
      }
    }
  }
  EXPECT_GE(found, 3);  // caim and coscom in a ZIP, at least
}

}  // namespace
}  // namespace capsante

// Legality invariants of plans over many random situations, and the plan's
// input checks. Expected plans themselves are in tests/plan/*.yaml.
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "capsante/engine.h"
#include "capsante/plan.h"
#include "../catalog_fixture.h"

namespace capsante {
namespace {

class PlanTest : public CatalogTest {};

bool Contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }
bool Incompatible(const Aid& a, const Aid& b) { return Contains(a.incompatible_with, b.id) || Contains(b.incompatible_with, a.id); }

// A random but valid situation: any profession and zoning, sometimes a
// running contract; no age nor year of study, so that the projection is only
// the date and the plan's own contracts (re-checked below with the engine).
nlohmann::json RandomSituation(std::mt19937& rng, const Catalog& catalog) {
  const FieldSpec* profession = catalog.schema().Find("profession");
  const FieldSpec* zone = catalog.schema().Find("zonage.medecin");
  auto pick = [&](const std::vector<std::string>& v) { return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)]; };
  auto coin = [&] { return std::uniform_int_distribution<int>(0, 1)(rng) == 1; };
  auto day = [&](int from_year, int years) {
    return Date::FromDays(Date::FromCivil(from_year, 1, 1).days() + std::uniform_int_distribution<int>(0, 365 * years)(rng)).ToString();
  };
  nlohmann::json s;
  s["date"] = day(2024, 4);
  s["profession"] = pick(profession->values);
  s["zonage"] = {{"medecin", pick(zone->values)}, {"profession", pick({"tres_sous_dotee", "sous_dotee", "intermediaire", "tres_dotee"})},
                 {"qpv", coin()}, {"region", pick({"24", "76", "52", "11"})}};
  s["mode_exercice"] = "liberal";
  s["secteur"] = "1";
  s["exercice_coordonne"] = pick({"aucun", "groupe", "msp", "cpts"});
  s["jours_par_semaine"] = pick({"2", "3", "4", "5"}) == "2" ? 2.5 : 4;
  s["date_installation"] = day(2023, 6);
  s["premiere_installation_liberale"] = coin();
  s["participe_pdsa"] = coin();
  s["honoraires_annuels_zone"] = 150000;
  if (coin()) {
    const Aid& aid = catalog.aids()[std::uniform_int_distribution<size_t>(0, catalog.aids().size() - 1)(rng)];
    s["contrats"] = nlohmann::json::array({{{"id", aid.id}, {"date_debut", day(2021, 4)}}});
  }
  return s;
}

TEST_F(PlanTest, RandomPlansAreLegal) {
  std::mt19937 rng(20261129);
  int steps_checked = 0;
  for (int n = 0; n < 150; ++n) {
    const nlohmann::json j = RandomSituation(rng, *catalog_);
    Situation situation;
    Status st = Situation::FromJson(catalog_->schema(), j.dump(), &situation);
    if (!st.ok()) st = Status::Ok(), situation = Situation();  // an enum value of another profession's zoning
    if (situation.date() == Date()) continue;
    PlanOptions options;
    options.horizon_years = 1 + n % 12;
    const PlanResult result = MakePlans(*catalog_, situation, options);
    const Date horizon_end = situation.date().AddYears(options.horizon_years);
    ASSERT_FALSE(result.search_capped) << j.dump();
    for (size_t p = 0; p < result.plans.size(); ++p) {
      const Plan& plan = result.plans[p];
      if (p > 0) {
        EXPECT_GE(result.plans[p - 1].total, plan.total) << "plans triés";
      }
      double sum = 0;
      for (size_t a = 0; a < plan.steps.size(); ++a) {
        const PlanStep& s = plan.steps[a];
        // Window: signed while the aid is open.
        EXPECT_TRUE(s.aid->OpenOn(s.start)) << s.aid->id << " signé le " << s.start.ToString() << " hors fenêtre, " << j.dump();
        EXPECT_GE(s.start, situation.date());
        EXPECT_LT(s.start, horizon_end);
        double step_sum = 0;
        for (const PlanPayment& pay : s.payments) {
          EXPECT_GE(pay.date, s.start);
          EXPECT_LT(pay.date, horizon_end);
          step_sum += pay.amount;
        }
        if (s.total) {
          EXPECT_NEAR(*s.total, step_sum, 0.01);
          sum += *s.total;
        }
        for (size_t b = 0; b < plan.steps.size(); ++b) {
          if (a == b) continue;
          const PlanStep& t = plan.steps[b];
          EXPECT_NE(s.aid, t.aid) << "une aide signée deux fois";
          if (!Incompatible(*s.aid, *t.aid)) continue;
          // No overlap of two aids that cannot be combined.
          EXPECT_TRUE(s.end <= t.start || t.end <= s.start) << s.aid->id << " et " << t.aid->id << " se chevauchent, " << j.dump();
          // Within one convention, only the allowed sequences.
          if (s.start < t.start && s.aid->convention == t.aid->convention) {
            EXPECT_TRUE(Contains(s.aid->may_follow, t.aid->id)) << t.aid->id << " après " << s.aid->id << ", " << j.dump();
          }
        }
        // The engine agrees on the signing date, the earlier steps being contracts.
        nlohmann::json at = j;
        at["date"] = s.start.ToString();
        for (size_t b = 0; b < plan.steps.size(); ++b) {
          const PlanStep& t = plan.steps[b];
          if (t.start < s.start || (t.start == s.start && b < a)) {
            at["contrats"].push_back({{"id", t.aid->id}, {"date_debut", t.start.ToString()}, {"date_fin", t.end.ToString()}});
          }
        }
        Situation then;
        ASSERT_TRUE(Situation::FromJson(catalog_->schema(), at.dump(), &then).ok());
        EvalOptions only;
        only.only = {s.aid->id};
        const Result r = Evaluate(*catalog_, then, only);
        ASSERT_EQ(r.aids.size(), 1u);
        EXPECT_TRUE(r.aids[0].status == AidStatus::kEligible || r.aids[0].status == AidStatus::kToSpecify)
            << s.aid->id << " le " << s.start.ToString() << " : " << AidStatusCode(r.aids[0].status) << ", " << at.dump();
        EXPECT_TRUE(r.aids[0].blocked_by.empty()) << s.aid->id;
        ++steps_checked;
      }
      EXPECT_NEAR(plan.total, sum, 0.01);
    }
  }
  EXPECT_GT(steps_checked, 100);  // the random situations do reach aids
}

TEST_F(PlanTest, HorizonBounds) {
  EXPECT_FALSE(CheckHorizon(0).ok());
  EXPECT_TRUE(CheckHorizon(1).ok());
  EXPECT_TRUE(CheckHorizon(30).ok());
  const Status st = CheckHorizon(31);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.field(), "horizon");
  EXPECT_NE(st.message().find("durée du plan"), std::string::npos);
}

TEST_F(PlanTest, RequestErrorsNameTheField) {
  PlanRequest r;
  EXPECT_EQ(ParsePlanRequest(*catalog_, R"({"situation": {"profession": "medecin"}, "horizon": 0})", &r).field(), "horizon");
  EXPECT_EQ(ParsePlanRequest(*catalog_, R"({"situation": {"profession": "medecin"}, "horizon": "10"})", &r).field(), "horizon");
  EXPECT_EQ(ParsePlanRequest(*catalog_, R"({"situation": {"age": "x"}})", &r).field(), "situation.age");
  EXPECT_EQ(ParsePlanRequest(*catalog_, R"({"horizon": 10})", &r).field(), "situation");
  EXPECT_EQ(ParsePlanRequest(*catalog_, R"({"situation": {}, "x": 1})", &r).field(), "x");
  EXPECT_FALSE(ParsePlanRequest(*catalog_, "[", &r).ok());
  ASSERT_TRUE(ParsePlanRequest(*catalog_, R"({"situation": {"profession": "medecin"}, "horizon": 30})", &r).ok());
  EXPECT_EQ(r.horizon_years, 30);
}

// The professions a student becomes with the diploma exist in the schema.
TEST_F(PlanTest, GraduateProfessionsExist) {
  const FieldSpec* profession = catalog_->schema().Find("profession");
  for (const char* p : {"etudiant_medecine", "medecin", "etudiant_odontologie", "chirurgien_dentiste"}) {
    EXPECT_GE(profession->EnumIndex(p), 0) << p;
  }
}

}  // namespace
}  // namespace capsante

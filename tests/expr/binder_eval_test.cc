// The binder's type checks and the evaluator's three-valued semantics, table
// driven against the real situation schema (catalog/situation.yaml).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "expr_test_util.h"

namespace capsante::expr {
namespace {

struct EvalCase {
  const char* expression;
  const char* situation;
  const char* expected;  // "true", "false", "unknown", or a number
  std::set<std::string> missing;
};

const EvalCase kEvalCases[] = {
    {"jours_par_semaine >= 2.5", R"({"jours_par_semaine": 2.5})", "true", {}},
    {"jours_par_semaine >= 2.5", R"({"jours_par_semaine": 2.4})", "false", {}},
    {"jours_par_semaine >= 2.5", R"({})", "unknown", {"jours_par_semaine"}},
    // Kleene logic: a known false decides an `and`, a known true an `or`.
    {"zonage.medecin == \"ZIP\" and secteur == \"1\"", R"({"zonage": {"medecin": "hors_zone"}})", "false", {}},
    {"zonage.medecin == \"ZIP\" and secteur == \"1\"", R"({"zonage": {"medecin": "ZIP"}})", "unknown", {"secteur"}},
    {"zonage.medecin == \"ZIP\" or zonage.qpv", R"({"zonage": {"medecin": "ZIP"}})", "true", {}},
    {"zonage.medecin == \"ZIP\" or zonage.qpv", R"({"zonage": {"medecin": "ZAC"}})", "unknown", {"zonage.qpv"}},
    {"secteur == \"1\" or (secteur == \"2\" and optam)", R"({"secteur": "2", "optam": false})", "false", {}},
    {"secteur == \"1\" or (secteur == \"2\" and optam)", R"({"secteur": "2"})", "unknown", {"optam"}},
    {"secteur == \"1\" or (secteur == \"2\" and optam)", R"({"secteur": 1})", "true", {}},
    {"not participe_pdsa", R"({"participe_pdsa": true})", "false", {}},
    {"zonage.medecin in [\"ZIP\", \"ZAC\"]", R"({"zonage": {"medecin": "ZAC"}})", "true", {}},
    {"zonage.medecin not in [\"ZIP\", \"ZAC\"]", R"({"zonage": {"medecin": "ZAC"}})", "false", {}},
    {"zonage.medecin not in [\"ZIP\", \"ZAC\"]", R"({"zonage": {"medecin": "hors_zone"}})", "true", {}},
    {"zonage.medecin not in [\"ZIP\", \"ZAC\"]", R"({})", "unknown", {"zonage.medecin"}},
    // Arithmetic, caps, scales, parameters.
    {"min(honoraires_annuels_zone * 10%, 20000)", R"({"honoraires_annuels_zone": 150000})", "15000", {}},
    {"min(honoraires_annuels_zone * 10%, 20000)", R"({"honoraires_annuels_zone": 250000})", "20000", {}},
    {"min(honoraires_annuels_zone * 10%, 20000)", R"({})", "unknown", {"honoraires_annuels_zone"}},
    {"bareme(jours_par_semaine, param.jours)", R"({"jours_par_semaine": 2.5})", "31250", {}},
    {"bareme(jours_par_semaine, param.jours)", R"({"jours_par_semaine": 3.2})", "37500", {}},
    {"bareme(jours_par_semaine, param.jours)", R"({"jours_par_semaine": 5})", "50000", {}},
    {"bareme(jours_par_semaine, param.jours)", R"({"jours_par_semaine": 2})", "0", {}},
    {"param.forfait + if(declared(activite_hopital_proximite), 1250, 0)", R"({})", "5000", {}},
    {"param.forfait + if(declared(activite_hopital_proximite), 1250, 0)", R"({"activite_hopital_proximite": true})", "6250", {}},
    {"clamp(jours_par_semaine * 2 / 9, 0, 1)", R"({"jours_par_semaine": 5})", "1", {}},
    {"round(2.5)", R"({})", "3", {}},
    {"floor(jours_par_semaine * 2)", R"({"jours_par_semaine": 2.75})", "5", {}},
    {"if(known(age), age, 0)", R"({})", "0", {}},
    {"if(zonage.qpv, 10, 10)", R"({})", "10", {}},
    {"if(zonage.qpv, 10, 5)", R"({})", "unknown", {"zonage.qpv"}},
    // Dates and durations.
    {"date_installation > date - years(1)", R"({"date": "2025-06-01", "date_installation": "2024-06-02"})", "true", {}},
    {"date_installation > date - years(1)", R"({"date": "2025-06-01", "date_installation": "2024-06-01"})", "false", {}},
    {"date >= date(\"2026-01-01\")", R"({"date": "2025-12-31"})", "false", {}},
    {"date >= date(\"2026-01-01\")", R"({"date": "2026-01-01"})", "true", {}},
    {"years_between(date_installation, date)", R"({"date": "2026-05-31", "date_installation": "2025-06-01"})", "0", {}},
    {"months_between(date_installation, date)", R"({"date": "2026-06-01", "date_installation": "2025-06-01"})", "12", {}},
    {"date - date_installation", R"({"date": "2025-06-11", "date_installation": "2025-06-01"})", "10", {}},
    // Lists: absent lists are empty, unknown elements stay unknown.
    {"sum(stagiaires, item.quotite * item.mois) * 300", R"({"stagiaires": [{"quotite": 1, "mois": 12}, {"quotite": 0.5, "mois": 6}]})", "4500", {}},
    {"sum(stagiaires, item.quotite * item.mois) * 300", R"({})", "0", {}},
    {"sum(stagiaires, item.quotite * item.mois)", R"({"stagiaires": [{"mois": 6}]})", "unknown", {"stagiaires.quotite"}},
    {"not any(contrats, item.id == \"caim\")", R"({"contrats": [{"id": "coscom"}]})", "true", {}},
    {"not any(contrats, item.id == \"caim\")", R"({"contrats": [{"id": "caim"}]})", "false", {}},
    {"count(contrats, item.id == \"caim\")", R"({"contrats": [{"id": "caim"}, {"id": "caim"}]})", "2", {}},
    {"all(stagiaires, item.quotite > 0)", R"({})", "true", {}},
    {"10 / honoraires_annuels_zone", R"({"honoraires_annuels_zone": 0})", "unknown", {}},
};

TEST_F(Fixture, EvaluatesThreeValued) {
  for (const auto& c : kEvalCases) {
    SCOPED_TRACE(std::string(c.expression) + " with " + c.situation);
    const Outcome got = Evaluate(*schema_, c.expression, c.situation);
    EXPECT_EQ(got.value, c.expected);
    EXPECT_EQ(got.missing, c.missing);
  }
}

struct BindErrorCase {
  const char* expression;
  const char* fragment;
  int column;
};

const BindErrorCase kBindErrors[] = {
    {"zonage.medecin == \"ZPI\"", "n'est pas une valeur de « zonage.medecin »", 19},
    {"zonage.medecin in [\"ZIP\", \"ZAK\"]", "n'est pas une valeur", 27},
    {"zonage.medecin not in [\"ZIP\", \"ZAK\"]", "n'est pas une valeur", 31},
    {"inconnu > 3", "nom inconnu « inconnu »", 1},
    {"zonage > 3", "est un objet", 1},
    {"param.absent", "paramètre inconnu", 1},
    {"age + \"x\"", "opération impossible", 5},
    {"age == \"x\"", "comparaison impossible", 5},
    {"profession < \"medecin\"", "ne se comparent pas", 12},
    {"not age", "l'opérande de « not »", 5},
    {"age and true", "l'opérande gauche", 1},
    {"item.quotite", "« item » n'a de sens", 1},
    {"sum(age, 1)", "attend une liste", 5},
    {"sum(stagiaires, item.absent)", "champ « absent » inconnu", 17},
    {"sum(stagiaires, any(contrats, true))", "ne s'imbriquent pas", 17},
    {"frobnicate(1)", "fonction inconnue", 1},
    {"min(1)", "mauvais nombre d'arguments", 1},
    {"if(age, 1, 2)", "la condition de if", 4},
    {"if(true, 1, \"a\")", "même type", 1},
    {"date(\"2025-02-30\")", "date impossible", 6},
    {"bareme(age, param.forfait)", "barème", 13},
    {"age in [1, \"a\"]", "même type", 12},
    {"date + 3", "opération impossible", 6},
};

TEST_F(Fixture, BindErrorsNameThePlace) {
  for (const auto& c : kBindErrors) {
    SCOPED_TRACE(c.expression);
    const BindError berr = BindErrorOf(*schema_, c.expression);
    EXPECT_NE(berr.message.find(c.fragment), std::string::npos) << berr.message;
    EXPECT_EQ(berr.pos.column, c.column) << berr.message;
  }
}

TEST_F(Fixture, ExpectedTypeIsChecked) {
  ParseError perr;
  NodePtr node = Parse("age + 1", &perr);
  TestScope scope(*schema_);
  BindError berr;
  const Type want = Type::kBool;
  EXPECT_EQ(Bind(*node, scope, &berr, &want), nullptr);
  EXPECT_NE(berr.message.find("booléen"), std::string::npos);
}

}  // namespace
}  // namespace capsante::expr

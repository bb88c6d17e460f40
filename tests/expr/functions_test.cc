// The function table of the rule language (src/expr/functions.cc), row by
// row: arity errors, type rules, evaluation and three-valued unknowns. A
// function added to the table without cases here, or without its line in
// docs/rule-language.md, fails these tests.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "expr/functions.h"
#include "expr_test_util.h"

namespace capsante::expr {
namespace {

struct Case {
  const char* function;
  const char* expression;
  const char* situation;
  const char* expected;  // see Outcome
  std::set<std::string> missing;
};

// At least one known result and one unknown (or, for functions that are never
// unknown, the case that would be) per function.
const Case kCases[] = {
    {"min", "min(age, 40, 35)", R"({"age": 30})", "30", {}},
    {"min", "min(9, 8, 7, 6, 5, jours_par_semaine)", R"({"jours_par_semaine": 4.5})", "4.5", {}},  // more arguments than the evaluator keeps inline
    {"min", "min(age, jours_par_semaine)", R"({})", "unknown", {"age", "jours_par_semaine"}},  // every missing fact named
    {"max", "max(age, 40)", R"({"age": 45})", "45", {}},
    {"max", "max(age, 40)", R"({})", "unknown", {"age"}},
    {"clamp", "clamp(age, 30, 40)", R"({"age": 25})", "30", {}},
    {"clamp", "clamp(age, 30, 40)", R"({"age": 45})", "40", {}},
    {"clamp", "clamp(age, 30, 40)", R"({})", "unknown", {"age"}},
    {"round", "round(2.5)", R"({})", "3", {}},
    {"round", "round(-2.5)", R"({})", "-3", {}},  // half away from zero
    {"round", "round(age / 7)", R"({})", "unknown", {"age"}},
    {"floor", "floor(jours_par_semaine * 2)", R"({"jours_par_semaine": 2.75})", "5", {}},
    {"floor", "floor(-0.5)", R"({})", "-1", {}},
    {"floor", "floor(jours_par_semaine)", R"({})", "unknown", {"jours_par_semaine"}},
    {"abs", "abs(30 - age)", R"({"age": 45})", "15", {}},
    {"abs", "abs(30 - age)", R"({})", "unknown", {"age"}},
    {"if", "if(zonage.qpv, 5, age)", R"({"zonage": {"qpv": true}})", "5", {}},  // lazy: age is not read
    {"if", "if(zonage.qpv, 10, 10)", R"({})", "10", {}},
    {"if", "if(zonage.qpv, 10, 5)", R"({})", "unknown", {"zonage.qpv"}},
    {"known", "known(age)", R"({"age": 30})", "true", {}},
    {"known", "known(age)", R"({})", "false", {}},  // never unknown
    {"declared", "declared(activite_hopital_proximite)", R"({"activite_hopital_proximite": true})", "true", {}},
    {"declared", "declared(activite_hopital_proximite)", R"({})", "false", {}},  // never unknown
    {"bareme", "bareme(jours_par_semaine, param.jours)", R"({"jours_par_semaine": 3.2})", "37500", {}},
    {"bareme", "bareme(jours_par_semaine, param.jours)", R"({"jours_par_semaine": 2.4})", "0", {}},
    {"bareme", "bareme(jours_par_semaine, param.jours)", R"({})", "unknown", {"jours_par_semaine"}},
    {"date", "date(\"2024-02-29\")", R"({})", "2024-02-29", {}},
    {"date", "date(\"2024-02-29\") < date_installation", R"({})", "unknown", {"date_installation"}},
    {"years", "date(\"2024-02-29\") + years(1)", R"({})", "2025-02-28", {}},
    {"years", "date + years(age)", R"({})", "unknown", {"age"}},
    {"months", "date(\"2025-01-31\") + months(1)", R"({})", "2025-02-28", {}},
    {"months", "date_installation + months(1)", R"({})", "unknown", {"date_installation"}},
    {"days", "date(\"2025-12-31\") + days(1)", R"({})", "2026-01-01", {}},
    {"days", "date + days(age)", R"({})", "unknown", {"age"}},
    {"months_between", "months_between(date_installation, date)", R"({"date": "2026-06-01", "date_installation": "2025-06-02"})", "11", {}},
    {"months_between", "months_between(date_installation, date)", R"({})", "unknown", {"date_installation"}},
    {"years_between", "years_between(date_installation, date)", R"({"date": "2026-06-01", "date_installation": "2025-06-01"})", "1", {}},
    {"years_between", "years_between(date_installation, date)", R"({})", "unknown", {"date_installation"}},
    {"sum", "sum(stagiaires, item.mois)", R"({"stagiaires": [{"mois": 6}, {"mois": 3}]})", "9", {}},
    {"sum", "sum(stagiaires, item.mois)", R"({})", "0", {}},  // a list not given is empty
    {"sum", "sum(stagiaires, item.quotite)", R"({"stagiaires": [{"mois": 6}]})", "unknown", {"stagiaires.quotite"}},
    {"count", "count(stagiaires, item.mois > 4)", R"({"stagiaires": [{"mois": 6}, {"mois": 3}]})", "1", {}},
    {"count", "count(stagiaires, item.quotite > 0.5)", R"({"stagiaires": [{"mois": 6}]})", "unknown", {"stagiaires.quotite"}},
    {"any", "any(stagiaires, item.quotite > 0.5)", R"({"stagiaires": [{"quotite": 1}, {"mois": 2}]})", "true", {}},
    {"any", "any(stagiaires, item.quotite > 0.5)", R"({"stagiaires": [{"quotite": 0.2}, {"mois": 2}]})", "unknown", {"stagiaires.quotite"}},
    {"any", "any(stagiaires, item.quotite > 0.5)", R"({})", "false", {}},
    {"all", "all(stagiaires, item.quotite > 0.5)", R"({"stagiaires": [{"quotite": 0.2}, {"mois": 2}]})", "false", {}},
    {"all", "all(stagiaires, item.quotite > 0.5)", R"({"stagiaires": [{"quotite": 1}, {"mois": 2}]})", "unknown", {"stagiaires.quotite"}},
    {"all", "all(stagiaires, item.quotite > 0.5)", R"({})", "true", {}},
};

struct TypeCase {
  const char* function;
  const char* expression;
  const char* fragment;
  int column;
};

// Every type rule refuses a wrong argument, at the argument. `known` takes
// any value and has none.
const TypeCase kTypeErrors[] = {
    {"min", "min(1, zonage.qpv)", "un argument de min doit être de type nombre, pas booléen", 8},
    {"max", "max(secteur, 1)", "un argument de max doit être de type nombre, pas texte", 5},
    {"clamp", "clamp(1, 2, date)", "un argument de clamp doit être de type nombre, pas date", 13},
    {"round", "round(zonage.qpv)", "un argument de round", 7},
    {"floor", "floor(date)", "un argument de floor", 7},
    {"abs", "abs(\"1\")", "un argument de abs", 5},
    {"if", "if(1, 2, 3)", "la condition de if doit être de type booléen, pas nombre", 4},
    {"if", "if(true, 1, date)", "les deux branches de if doivent être du même type", 1},
    {"declared", "declared(age)", "l'argument de declared doit être de type booléen, pas nombre", 10},
    {"bareme", "bareme(date, param.jours)", "le premier argument de bareme", 8},
    {"bareme", "bareme(age, param.forfait)", "le second argument de bareme doit être de type barème, pas nombre", 13},
    {"date", "date(age)", "date(...) attend un texte", 1},
    {"date", "date(\"2025-02-30\")", "date impossible « 2025-02-30 »", 6},
    {"years", "years(date)", "l'argument de years doit être de type nombre, pas date", 7},
    {"months", "months(zonage.qpv)", "l'argument de months", 8},
    {"days", "days(\"3\")", "l'argument de days", 6},
    {"months_between", "months_between(1, date)", "le premier argument de months_between doit être de type date", 16},
    {"years_between", "years_between(date, 1)", "le second argument de years_between doit être de type date", 21},
    {"sum", "sum(stagiaires, item.quotite > 1)", "le second argument de sum doit être de type nombre, pas booléen", 30},
    {"sum", "sum(age, 1)", "sum attend une liste de la situation", 5},
    {"count", "count(stagiaires, item.mois)", "le second argument de count doit être de type booléen, pas nombre", 19},
    {"any", "any(contrats, item.id)", "le second argument de any doit être de type booléen, pas texte", 15},
    {"all", "all(stagiaires, 1)", "le second argument de all", 17},
    {"all", "all(stagiaires, any(contrats, true))", "les fonctions de liste ne s'imbriquent pas", 17},
};

// The result type each function gives, through a typed context.
struct ResultTypeCase {
  const char* expression;
  Type type;
};

const ResultTypeCase kResultTypes[] = {
    {"min(1, 2)", Type::kNumber}, {"known(age)", Type::kBool}, {"declared(optam)", Type::kBool},
    {"if(optam, date, date)", Type::kDate}, {"years(1)", Type::kDuration}, {"date(\"2025-01-01\")", Type::kDate},
    {"count(contrats, true)", Type::kNumber}, {"any(contrats, true)", Type::kBool}, {"sum(stagiaires, 1)", Type::kNumber},
    {"months_between(date, date)", Type::kNumber}, {"bareme(1, param.jours)", Type::kNumber},
};

TEST_F(Fixture, EveryFunctionEvaluatesThreeValued) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.expression) + " with " + c.situation);
    const Outcome got = Evaluate(*schema_, c.expression, c.situation);
    EXPECT_EQ(got.value, c.expected);
    EXPECT_EQ(got.missing, c.missing);
  }
}

TEST_F(Fixture, DeclaredRecordsWhatCouldRaiseTheAmount) {
  const Outcome unknown = Evaluate(*schema_, "declared(activite_hopital_proximite)", "{}");
  EXPECT_EQ(unknown.optional, std::set<std::string>{"activite_hopital_proximite"});
  EXPECT_TRUE(unknown.missing.empty());
  const Outcome given = Evaluate(*schema_, "declared(activite_hopital_proximite)", R"({"activite_hopital_proximite": false})");
  EXPECT_TRUE(given.optional.empty());
}

TEST_F(Fixture, EveryTypeRuleRefusesAWrongArgument) {
  for (const auto& c : kTypeErrors) {
    SCOPED_TRACE(c.expression);
    const BindError berr = BindErrorOf(*schema_, c.expression);
    EXPECT_NE(berr.message.find(c.fragment), std::string::npos) << berr.message;
    EXPECT_EQ(berr.pos.column, c.column) << berr.message;
  }
}

TEST_F(Fixture, EveryFunctionHasItsResultType) {
  for (const auto& c : kResultTypes) {
    SCOPED_TRACE(c.expression);
    ParseError perr;
    NodePtr node = Parse(c.expression, &perr);
    ASSERT_NE(node, nullptr) << perr.message;
    TestScope scope(*schema_);
    BindError berr;
    BoundPtr bound = Bind(*node, scope, &berr, &c.type);
    ASSERT_NE(bound, nullptr) << berr.message;
    EXPECT_EQ(bound->type, c.type);
  }
}

// Arity comes from the table: one argument too few, one too many.
TEST_F(Fixture, EveryFunctionRefusesAWrongNumberOfArguments) {
  for (const FunctionSpec& f : Functions()) {
    std::vector<int> counts;
    if (f.min_args > 0) counts.push_back(f.min_args - 1);
    if (f.max_args >= 0) counts.push_back(f.max_args + 1);
    ASSERT_FALSE(counts.empty()) << f.name;
    for (int n : counts) {
      std::string call = std::string(f.name) + "(";
      for (int i = 0; i < n; ++i) call += i ? ", 1" : "1";
      call += ")";
      SCOPED_TRACE(call);
      const BindError berr = BindErrorOf(*schema_, call);
      EXPECT_NE(berr.message.find("mauvais nombre d'arguments pour " + std::string(f.name)), std::string::npos) << berr.message;
      EXPECT_EQ(berr.pos.column, 1);
    }
  }
  EXPECT_NE(BindErrorOf(*schema_, "clamp(1, 2)").message.find("clamp : 3 attendus, 2 donnés"), std::string::npos);
  EXPECT_NE(BindErrorOf(*schema_, "max(1)").message.find("max : au moins 2 attendus, 1 donné"), std::string::npos);
  EXPECT_NE(BindErrorOf(*schema_, "frobnicate(1)").message.find("fonction inconnue « frobnicate »"), std::string::npos);
}

// Each row has what its shape needs, is tested above, and is documented.
TEST(FunctionTable, EveryRowIsCompleteTestedAndDocumented) {
  std::ifstream doc_file(std::string(CAPSANTE_DEFAULT_HOME) + "/docs/rule-language.md");
  std::stringstream doc;
  doc << doc_file.rdbuf();
  ASSERT_FALSE(doc.str().empty());
  std::set<std::string> evaluated, unknown_tested, type_tested;
  for (const auto& c : kCases) {
    evaluated.insert(c.function);
    if (!c.missing.empty()) unknown_tested.insert(c.function);
  }
  for (const auto& c : kTypeErrors) type_tested.insert(c.function);
  std::set<std::string> names;
  for (const FunctionSpec& f : Functions()) {
    const std::string name(f.name);
    SCOPED_TRACE(name);
    EXPECT_TRUE(names.insert(name).second) << "twice in the table";
    EXPECT_EQ(FindFunction(name), &f);
    EXPECT_TRUE(f.max_args < 0 || f.max_args >= f.min_args);
    switch (f.shape) {
      case CallShape::kLiteral: EXPECT_NE(f.literal, nullptr); break;
      case CallShape::kStrict: EXPECT_TRUE(f.type && f.strict); break;
      case CallShape::kLazy:
      case CallShape::kPerItem: EXPECT_TRUE(f.type && f.lazy); break;
    }
    EXPECT_TRUE(evaluated.count(name)) << "no evaluation case";
    const bool never_unknown = name == "known" || name == "declared";
    if (!never_unknown) {
      EXPECT_TRUE(unknown_tested.count(name)) << "no case with an unknown argument";
    }
    if (name != "known") {
      EXPECT_TRUE(type_tested.count(name)) << "no type error case";
    }
    EXPECT_NE(doc.str().find("`" + name + "("), std::string::npos) << "not in docs/rule-language.md";
  }
  EXPECT_EQ(FindFunction("frobnicate"), nullptr);
}

}  // namespace
}  // namespace capsante::expr

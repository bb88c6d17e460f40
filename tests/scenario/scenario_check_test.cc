// The scenario checks must be able to fail: `pour_chaque` evaluates every
// value and names the one that fails; its shape is checked like the rest.
#include "scenario/scenario_check.h"

#include <gtest/gtest.h>

namespace capsante::scenario {
namespace {

class ScenarioCheckTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(Catalog::Load(CAPSANTE_DEFAULT_HOME, &catalog_).ok()); }
  static void TearDownTestSuite() { catalog_.reset(); }

  // A GP-only case (the FMT majoration for doctors already installed), with
  // `each` and `expected` filled in by each test.
  static YAML::Node Scenario(const std::string& each, const std::string& expected) {
    return YAML::Load(R"(
nom: test
source: {document: 004_e770e37fc8623f8e.txt, extrait: "Majoration pour les médecins généralistes déjà installés"}
situation: {date: 2026-06-01, profession: medecin, specialite: medecine_generale, mode_exercice: liberal, zonage: {medecin: ZIP}, premiere_installation_liberale: false}
pour_chaque: )" + each + R"(
attendu:
  majoration_fmt: )" + expected);
  }

  static bool Check(const YAML::Node& s, std::string* why) {
    std::unique_ptr<geo::CommuneIndex> communes;
    ScenarioChecker checker(*catalog_, CAPSANTE_DEFAULT_HOME, &communes);
    return CheckScenarioShape(s, why) & checker.Check(s, why);
  }

  static std::unique_ptr<Catalog> catalog_;
};
std::unique_ptr<Catalog> ScenarioCheckTest::catalog_;

const char kNotGp[] = R"y({statut: non_eligible, non_remplies: ["Être médecin généraliste, ou être dans les trois premières années d'une première installation libérale (au-delà, la majoration de 10 % ne vise que les médecins généralistes déjà installés)"]})y";

TEST_F(ScenarioCheckTest, EveryOtherSpecialtyIsCheckedAndPasses) {
  std::string why;
  EXPECT_TRUE(Check(Scenario("{champ: specialite, sauf: [medecine_generale]}", kNotGp), &why)) << why;
}

TEST_F(ScenarioCheckTest, AFailingValueIsNamed) {
  std::string why;
  // Expecting the GP's 10 % for every specialty fails on each of them.
  EXPECT_FALSE(Check(Scenario("{champ: specialite, sauf: [medecine_generale]}", "{statut: eligible, taux: 0.1}"), &why));
  EXPECT_NE(why.find("avec specialite = pediatrie : majoration_fmt : statut attendu eligible"), std::string::npos) << why;
  EXPECT_NE(why.find("avec specialite = allergologie"), std::string::npos) << why;
  EXPECT_EQ(why.find("avec specialite = medecine_generale"), std::string::npos) << why;
}

TEST_F(ScenarioCheckTest, ListedValuesOnly) {
  std::string why;
  EXPECT_TRUE(Check(Scenario("{champ: specialite, valeurs: [medecine_generale]}", "{statut: eligible, taux: 0.1}"), &why)) << why;
  why.clear();
  EXPECT_FALSE(Check(Scenario("{champ: specialite, valeurs: [medecine_generale, pediatrie]}", "{statut: eligible, taux: 0.1}"), &why));
  EXPECT_NE(why.find("avec specialite = pediatrie"), std::string::npos) << why;
}

TEST_F(ScenarioCheckTest, AValueTheFieldDoesNotHaveIsAnError) {
  std::string why;
  EXPECT_FALSE(Check(Scenario("{champ: specialite, valeurs: [medecine_generalle]}", "{statut: eligible}"), &why));
  EXPECT_NE(why.find("« \"medecine_generalle\" » n'est pas une valeur de « specialite »"), std::string::npos) << why;
  why.clear();
  EXPECT_FALSE(Check(Scenario("{champ: specialite, sauf: [medecine_generalle]}", kNotGp), &why));
  EXPECT_NE(why.find("n'est pas une valeur"), std::string::npos) << why;
  why.clear();
  EXPECT_FALSE(Check(Scenario("{champ: specialitee, valeurs: [pediatrie]}", kNotGp), &why));
  EXPECT_NE(why.find("champ inconnu « specialitee »"), std::string::npos) << why;
}

TEST_F(ScenarioCheckTest, ShapeOfPourChaque) {
  std::string why;
  EXPECT_FALSE(Check(Scenario("{champ: specialite, valeurs: [pediatrie], sauf: [medecine_generale]}", kNotGp), &why));
  EXPECT_NE(why.find("soit les valeurs essayées"), std::string::npos) << why;
  why.clear();
  EXPECT_FALSE(Check(Scenario("{champ: specialite, valeur: [pediatrie]}", kNotGp), &why));
  EXPECT_NE(why.find("clé inconnue « valeur » dans « pour_chaque »"), std::string::npos) << why;
}

TEST_F(ScenarioCheckTest, ParameterSinceAndContractLength) {
  const YAML::Node s = YAML::Load(R"(
nom: test
source: {document: 004_e770e37fc8623f8e.txt, extrait: "Majoration pour les médecins généralistes déjà installés"}
situation: {date: 2026-06-01, profession: medecin, specialite: medecine_generale, mode_exercice: liberal, zonage: {medecin: ZIP}, premiere_installation_liberale: false}
attendu:
  majoration_fmt: {statut: eligible, parametres: {taux_deja_installe: {valeur: 0.1, depuis: 2026-01-02}}}
  caim: {duree_mois: 59}
)");
  std::string why;
  EXPECT_FALSE(Check(s, &why));
  EXPECT_NE(why.find("paramètre taux_deja_installe : en vigueur depuis 2026-01-02 attendu, obtenu 2026-01-01"), std::string::npos) << why;
  EXPECT_NE(why.find("duree_mois attendue 59, obtenue 60"), std::string::npos) << why;
}

}  // namespace
}  // namespace capsante::scenario

// Bad input never crashes and always names the field, in French.
#include <gtest/gtest.h>

#include <memory>

#include "capsante/situation.h"

namespace capsante {
namespace {

class SituationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(SituationSchema::Load(std::string(CAPSANTE_DEFAULT_HOME) + "/catalog/situation.yaml", &schema_).ok());
  }
  static std::unique_ptr<SituationSchema> schema_;
};
std::unique_ptr<SituationSchema> SituationTest::schema_;

struct BadCase {
  std::string json;
  std::string field;     // expected Status::field()
  std::string fragment;  // expected in the message
};

TEST_F(SituationTest, BadInputNamesTheField) {
  const BadCase cases[] = {
      {R"({"profesion": "medecin"})", "profesion", "champ inconnu"},
      {R"({"zonage": {"medicin": "ZIP"}})", "zonage.medicin", "champ inconnu"},
      {R"({"age": "trente"})", "age", "nombre entier"},
      {R"({"age": 30.5})", "age", "nombre entier"},
      {R"({"age": 400})", "age", "inférieur ou égal à 100"},
      {R"({"honoraires_annuels_zone": -5})", "honoraires_annuels_zone", "supérieur ou égal à 0"},
      {R"({"jours_par_semaine": 8})", "jours_par_semaine", "inférieur ou égal à 7"},
      {R"({"date": "2025-02-30"})", "date", "date impossible"},
      {R"({"date": "01/06/2025"})", "date", "date impossible"},
      {R"({"date_installation": 20250601})", "date_installation", "date"},
      {R"({"profession": "astronaute"})", "profession", "« astronaute » n'est pas une valeur permise"},
      {R"({"secteur": 3})", "secteur", "texte parmi les valeurs permises"},
      {R"({"optam": "oui"})", "optam", "booléen"},
      {R"({"zonage": "ZIP"})", "zonage", "objet JSON"},
      {R"({"stagiaires": {"quotite": 1}})", "stagiaires", "liste JSON"},
      {R"({"stagiaires": [{"quotite": 2, "mois": 12}]})", "stagiaires[0].quotite", "inférieur ou égal à 1"},
      {R"({"stagiaires": [1]})", "stagiaires[0]", "objet JSON"},
      {R"({"contrats": [{"date_debut": "2024-01-01"}]})", "contrats[0].id", "obligatoire"},
      {R"({"commune": "Paris"})", "commune", "format invalide"},
      {R"({"zonage": {"departement": "999"}})", "zonage.departement", "format invalide"},
      {R"({"taux_teletransmission": 101})", "taux_teletransmission", "inférieur ou égal à 100"},
      {R"({"etudes": {"cycle": 4}})", "etudes.cycle", "inférieur ou égal à 3"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.json);
    Situation s;
    Status st = Situation::FromJson(*schema_, c.json, &s);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
    EXPECT_EQ(st.field(), c.field) << st.message();
    EXPECT_NE(st.message().find(c.fragment), std::string::npos) << st.message();
    // People read labels, never field paths (an unknown key is the user's own word).
    if (schema_->FindIndexed(c.field)) {
      EXPECT_EQ(st.message().find("« " + c.field + " »"), std::string::npos) << st.message();
      EXPECT_NE(st.message().find(schema_->InWords(c.field)), std::string::npos) << st.message();
    }
  }
}

TEST_F(SituationTest, MalformedDocuments) {
  const char* cases[] = {"", "{", "[]", "42", "\"medecin\"", "{\"age\": }", "{\"age\": 30,}", "null", "{\"a\":1}{}"};
  for (const char* c : cases) {
    SCOPED_TRACE(c);
    Situation s;
    Status st = Situation::FromJson(*schema_, c, &s);
    EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
    EXPECT_FALSE(st.message().empty());
  }
}

TEST_F(SituationTest, OversizeAndDeepInputAreRefused) {
  std::string big = "{\"specialite\": \"" + std::string(10 * 1024 * 1024, 'a') + "\"}";
  Situation s;
  Status st = Situation::FromJson(*schema_, big, &s);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_NE(st.message().find("trop volumineuse"), std::string::npos);
  std::string deep = std::string(20000, '[') + std::string(20000, ']');
  st = Situation::FromJson(*schema_, deep, &s);
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
}

TEST_F(SituationTest, NullMeansNotGivenAndDateDefaultsToToday) {
  Situation s;
  ASSERT_TRUE(Situation::FromJson(*schema_, R"({"age": null, "profession": "medecin"})", &s).ok());
  EXPECT_FALSE(s.Find("age")->known());
  EXPECT_EQ(s.Find("profession")->text, "medecin");
  EXPECT_FALSE(s.date_given());
  EXPECT_EQ(s.date(), Date::Today());
}

TEST_F(SituationTest, ValidSituationKeepsEveryFact) {
  Situation s;
  Status st = Situation::FromJson(*schema_, R"({
    "date": "2026-06-01", "profession": "medecin", "secteur": "2", "optam": true,
    "zonage": {"medecin": "ZIP", "qpv": false, "departement": "2A"},
    "stagiaires": [{"quotite": 0.5, "mois": 6}],
    "contrats": [{"id": "caim", "date_debut": "2024-03-01", "date_fin": null}]})", &s);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(s.date().ToString(), "2026-06-01");
  EXPECT_EQ(s.Find("zonage.medecin")->text, "ZIP");
  EXPECT_EQ(s.Find("zonage.departement")->text, "2A");
  EXPECT_FALSE(s.Find("zonage.qpv")->boolean);
  EXPECT_EQ(s.records(schema_->Find("stagiaires")->slot).size(), 1u);
  EXPECT_EQ(s.origin(schema_->Find("secteur")->slot), FactOrigin::kUser);
}

TEST_F(SituationTest, SetFromTextValidates) {
  Situation s(schema_.get());
  EXPECT_TRUE(s.SetFromText("zonage.medecin", "ZAC", FactOrigin::kCommune).ok());
  EXPECT_EQ(s.origin(schema_->Find("zonage.medecin")->slot), FactOrigin::kCommune);
  EXPECT_FALSE(s.SetFromText("zonage.medecin", "ZZZ", FactOrigin::kCommune).ok());
  EXPECT_FALSE(s.SetFromText("zonage.qpv", "peut-être", FactOrigin::kCommune).ok());
  EXPECT_FALSE(s.SetFromText("nope", "1", FactOrigin::kCommune).ok());
}

}  // namespace
}  // namespace capsante

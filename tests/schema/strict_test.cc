// Strict situations: no key twice, a closed list of specialties with
// suggestions, lengths in characters, one rule for whole numbers, dates that
// keep every computed date in range, strict JSON. Both sides of each limit.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "capsante/catalog.h"
#include "capsante/engine.h"
#include "capsante/situation.h"
#include "schema/text_pattern.h"
#include "util/yaml_util.h"

namespace capsante {
namespace {

class StrictTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(Catalog::Load(CAPSANTE_DEFAULT_HOME, &catalog_).ok());
  }
  static const SituationSchema& schema() { return catalog_->schema(); }
  static Status Parse(const std::string& json, Situation* s = nullptr) {
    Situation local;
    return Situation::FromJson(schema(), json, s ? s : &local);
  }
  static std::unique_ptr<Catalog> catalog_;
};
std::unique_ptr<Catalog> StrictTest::catalog_;

struct Refused {
  std::string json;
  std::string field;     // Status::field()
  std::string fragment;  // in the message
};

void ExpectRefused(const SituationSchema& schema, const Refused& c) {
  SCOPED_TRACE(c.json);
  Situation s;
  const Status st = Situation::FromJson(schema, c.json, &s);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(st.field(), c.field) << st.message();
  EXPECT_NE(st.message().find(c.fragment), std::string::npos) << st.message();
}

TEST_F(StrictTest, DuplicateKeysAtEveryLevel) {
  const Refused cases[] = {
      {R"({"age": 65, "age": 40})", "age", "« votre âge » est donné deux fois"},
      {R"({"age": null, "age": 40})", "age", "donné deux fois"},
      {R"({"age": 30, "\u0061ge": 31})", "age", "donné deux fois"},
      {R"({"zonage": {"medecin": "ZIP"}, "zonage": {"qpv": true}})", "zonage", "« zonages du lieu d'exercice » est donné deux fois"},
      {R"({"zonage": {"medecin": "ZIP", "medecin": "ZAC"}})", "zonage.medecin", "« zonage médecins de la commune » est donné deux fois"},
      {R"({"medecin_accueilli": {"age": 38, "age": 70}})", "medecin_accueilli.age", "« âge du médecin que vous accueillez » est donné deux fois"},
      {R"({"stagiaires": [{"quotite": 1, "mois": 6}, {"mois": 2, "mois": 3}]})", "stagiaires[1].mois",
       "« mois d'accueil du stagiaire sur l'année » (stagiaire n° 2) est donné deux fois"},
      {R"({"contrats": [{"id": "caim", "id": "cstm"}]})", "contrats[0].id", "« aide du contrat » (contrat n° 1) est donné deux fois"},
  };
  for (const auto& c : cases) ExpectRefused(schema(), c);
  // The same keys once each are fine.
  EXPECT_TRUE(Parse(R"({"age": 40, "zonage": {"medecin": "ZIP", "qpv": true}, "stagiaires": [{"mois": 2}, {"mois": 3}]})").ok());
}

TEST_F(StrictTest, DuplicateKeysInARequestEnvelope) {
  Status st = Situation::CheckJsonText(schema(), R"({"situation": {"zonage": {"qpv": true, "qpv": false}}, "communes": []})", 10,
                                       true, "situation");
  EXPECT_EQ(st.field(), "situation.zonage.qpv");
  EXPECT_NE(st.message().find("« adresse en quartier prioritaire de la politique de la ville (QPV) » est donné deux fois"),
            std::string::npos)
      << st.message();
  st = Situation::CheckJsonText(schema(), R"({"horizon": 5, "horizon": 10})", 10, true, "situation");
  EXPECT_EQ(st.field(), "horizon");
  EXPECT_NE(st.message().find("« horizon » est donné deux fois"), std::string::npos) << st.message();
  EXPECT_TRUE(Situation::CheckJsonText(schema(), R"({"situation": {"age": 30}, "communes": ["36044", "36044"]})", 10, true,
                                       "situation")
                  .ok());
}

TEST_F(StrictTest, SpecialtyIsAClosedListWithSuggestions) {
  const FieldSpec* f = schema().Find("specialite");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->type, FieldType::kEnum);
  EXPECT_EQ(f->values.front(), "medecine_generale");
  // The specialties the shared contract and the conventions name.
  for (const char* v : {"medecine_generale", "radiologie", "radiotherapie", "stomatologie", "anesthesie",
                        "anatomo_cytopathologie", "medecine_nucleaire", "pediatrie", "psychiatrie"}) {
    Situation s;
    ASSERT_TRUE(Parse(std::string(R"({"specialite": ")") + v + "\"}", &s).ok()) << v;
    EXPECT_EQ(s.Find("specialite")->text, v);
  }
  const Refused cases[] = {
      {R"({"specialite": "Médecine générale"})", "specialite", "vouliez-vous dire « médecine générale »"},
      {R"({"specialite": "medecine generale"})", "specialite", "vouliez-vous dire « médecine générale »"},
      {R"({"specialite": "MEDECINE-GENERALE"})", "specialite", "vouliez-vous dire « médecine générale »"},
      {R"({"specialite": "radiolgie"})", "specialite", "vouliez-vous dire « radiologie et imagerie médicale »"},
      {R"({"specialite": ""})", "specialite", "« votre spécialité » est vide"},
      {R"({"specialite": "astrologie"})", "specialite", "n'est pas une valeur permise"},
      {R"({"specialite": 1})", "specialite", "doit être un texte parmi les valeurs permises"},
  };
  for (const auto& c : cases) ExpectRefused(schema(), c);
  // Never the internal value in the message.
  Situation s;
  EXPECT_EQ(Parse(R"({"specialite": "Médecine générale"})", &s).message().find("medecine_generale"), std::string::npos);
}

TEST_F(StrictTest, LengthsCountCharacters) {
  // contrats[].id: 64 characters at most, "é" being one.
  std::string e64, e65;
  for (int i = 0; i < 64; ++i) e64 += "é";
  e65 = e64 + "é";
  EXPECT_TRUE(Parse(R"({"contrats": [{"id": ")" + e64 + "\"}]}").ok());
  ExpectRefused(schema(), {R"({"contrats": [{"id": ")" + e65 + "\"}]}", "contrats[0].id", "est trop long (64 caractères au plus)"});
  EXPECT_TRUE(Parse(R"({"contrats": [{"id": ")" + std::string(64, 'a') + "\"}]}").ok());
  ExpectRefused(schema(), {R"({"contrats": [{"id": ")" + std::string(65, 'a') + "\"}]}", "contrats[0].id", "trop long"});
}

TEST_F(StrictTest, WholeNumbersOneRule) {
  struct Case {
    const char* json;
    const char* path;
    const char* value;  // empty: refused
  };
  const Case cases[] = {
      {R"({"age": 30})", "age", "30"},
      {R"({"age": 30.0})", "age", "30"},
      {R"({"age": 3e1})", "age", "30"},
      {R"({"age": 30.5})", "age", ""},
      {R"({"secteur": 1})", "secteur", "1"},
      {R"({"secteur": 1.0})", "secteur", "1"},
      {R"({"secteur": "1"})", "secteur", "1"},
      {R"({"secteur": 2.0})", "secteur", "2"},
      {R"({"secteur": 1.5})", "secteur", ""},
      {R"({"secteur": 3})", "secteur", ""},
      {R"({"etudes": {"cycle": 2.0}})", "etudes.cycle", "2"},
      {R"({"etudes": {"cycle": 2.5}})", "etudes.cycle", ""},
      {R"({"jours_par_semaine": 2.5})", "jours_par_semaine", "2.5"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.json);
    Situation s;
    const Status st = Parse(c.json, &s);
    if (*c.value) {
      ASSERT_TRUE(st.ok()) << st.message();
      EXPECT_EQ(s.Find(c.path)->ToString(), c.value);
    } else {
      EXPECT_FALSE(st.ok());
      EXPECT_EQ(st.field(), c.path);
    }
  }
}

TEST_F(StrictTest, DatesKeepEveryComputedDateInRange) {
  const Date latest = schema().latest_input_date();
  // The longest schedule of the catalog is 5 years (60 months: CAIM, COSCOM...).
  EXPECT_EQ(schema().horizon_months(), 60);
  EXPECT_EQ(latest, Date::FromCivil(2194, 12, 31));
  const std::string at = latest.ToString(), after = latest.AddDays(1).ToString();
  EXPECT_TRUE(Parse(R"({"date_installation": ")" + at + "\"}").ok());
  ExpectRefused(schema(), {R"({"date_installation": ")" + after + "\"}", "date_installation",
                           "« votre date d'installation dans la zone » : le 1er janvier 2195 est trop tardif"});
  ExpectRefused(schema(), {R"({"date_installation": "2199-12-31"})", "date_installation", "dates acceptées jusqu'au 31 décembre 2194"});
  ExpectRefused(schema(), {R"({"contrats": [{"id": "caim", "date_debut": ")" + after + "\"}]}", "contrats[0].date_debut", "trop tardif"});
  EXPECT_TRUE(Parse(R"({"date": "1900-01-01"})").ok());
  ExpectRefused(schema(), {R"({"date": "1899-12-31"})", "date", "date impossible"});

  // At the latest accepted dates, every payment of every aid is a date
  // capsante can read back.
  Situation s;
  ASSERT_TRUE(Parse(R"({"date": ")" + at + R"(", "date_installation": ")" + at +
                        R"(", "profession": "medecin", "specialite": "medecine_generale", "zonage": {"medecin": "ZIP"},
                        "jours_par_semaine": 4, "contrats": [{"id": "caim", "date_debut": ")" + at + "\"}]}",
                    &s)
                  .ok());
  const Result r = Evaluate(*catalog_, s);
  int dated = 0;
  for (const auto& a : r.aids) {
    for (const auto& p : a.amount.schedule) {
      if (!p.date) continue;
      ++dated;
      EXPECT_TRUE(Date::Parse(p.date->ToString()).has_value()) << a.aid->id << " " << p.date->ToString();
    }
  }
  EXPECT_GT(dated, 0);
}

TEST_F(StrictTest, StrictJsonWithPositions) {
  const Refused cases[] = {
      {R"({"age": 30,})", "", "JSON invalide (octet 12)"},
      {R"({"age": 030})", "", "JSON invalide (octet 10)"},
      {R"({"age": 30.})", "", "JSON invalide"},
      {R"({"age": })", "", "JSON invalide (octet 9)"},
      {"{\"contrats\": [{\"id\": \"a\xff\"}]}", "", "JSON invalide"},
      {"{\"contrats\": [{\"id\": \"a\xc3\"}]}", "", "JSON invalide"},
      {"{\"contrats\": [{\"id\": \"\xed\xa0\x80\"}]}", "", "JSON invalide"},  // an encoded surrogate
      {R"({"contrats": [{"id": "\ud800"}]})", "", "JSON invalide"},
      {"{\"contrats\": [{\"id\": \"a\tb\"}]}", "", "JSON invalide"},
      {R"({"age": 1e999})", "", "un nombre dépasse les limites permises"},
      {R"({"age": 30} {})", "", "JSON invalide"},
      {"   ", "", "le texte est vide"},
      {R"([[[[[[[[[1]]]]]]]]])", "", "trop imbriquée"},
  };
  for (const auto& c : cases) ExpectRefused(schema(), c);
  Situation s;
  ASSERT_TRUE(Parse(R"({"contrats": [{"id": "caim \ud83d\ude00 \"x\" \u00e9"}]})", &s).ok());
  const auto& records = s.records(schema().Find("contrats")->slot);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0][static_cast<size_t>(schema().Find("contrats.id")->slot)].text, "caim \xf0\x9f\x98\x80 \"x\" \xc3\xa9");
  // An underflow is zero (then checked like any number); -0.0 is zero.
  EXPECT_EQ(Parse(R"({"age": 1e-999})").field(), "age");
  EXPECT_TRUE(Parse(R"({"jours_par_semaine": -0.0})").ok());
}

TEST(TextPatternTest, TheSubsetTheSchemaUses) {
  struct Case {
    const char* pattern;
    const char* text;
    bool match;
  };
  const Case cases[] = {
      {"^[0-9][0-9AB][0-9]{3}$", "36044", true}, {"^[0-9][0-9AB][0-9]{3}$", "2A004", true},
      {"^[0-9][0-9AB][0-9]{3}$", "2C004", false}, {"^[0-9][0-9AB][0-9]{3}$", "3604", false},
      {"^[0-9][0-9AB][0-9]{3}$", "360444", false}, {"^([0-9]{2}|2A|2B|97[1-6])$", "976", true},
      {"^([0-9]{2}|2A|2B|97[1-6])$", "977", false}, {"^([0-9]{2}|2A|2B|97[1-6])$", "2B", true},
      {"^([0-9]{2}|2A|2B|97[1-6])$", "", false},   {"^a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?a?aaaaaaaaaaaaaaaaaaaa$", "aaaaaaaaaaaaaaaaaaaab", false},
      {"^[0-9]{1,3}$", "1234", false},             {"^[0-9]{1,3}$", "123", true},
  };
  for (const auto& c : cases) {
    TextPattern p;
    std::string why;
    ASSERT_TRUE(TextPattern::Compile(c.pattern, &p, &why)) << c.pattern << " " << why;
    EXPECT_EQ(p.Matches(c.text), c.match) << c.pattern << " " << c.text;
  }
  for (const char* bad : {"[0-9]", "^a*$", "^(a|b)c$", "^[z-a]$", "^a{999}$", "^.$", "^[é]$"}) {
    TextPattern p;
    std::string why;
    EXPECT_FALSE(TextPattern::Compile(bad, &p, &why)) << bad;
    EXPECT_FALSE(why.empty());
  }
}

TEST(YamlDuplicateKeysTest, RefusedWithFileAndLine) {
  yamlutil::Document n;
  Status st = yamlutil::LoadText("aides/x.yaml", "id: x\nnom: a\nnom: b\n", &n);
  EXPECT_EQ(st.code(), Status::Code::kInvalidCatalog);
  EXPECT_NE(st.message().find("aides/x.yaml:3:1"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("« nom »"), std::string::npos) << st.message();
  st = yamlutil::LoadText("x.yaml", "a:\n  - b: 1\n    c: 2\n    b: 3\n", &n);
  EXPECT_NE(st.message().find("x.yaml:4:5"), std::string::npos) << st.message();
  EXPECT_TRUE(yamlutil::LoadText("x.yaml", "a: 1\nb:\n  a: 2\n", &n).ok());
}

}  // namespace
}  // namespace capsante

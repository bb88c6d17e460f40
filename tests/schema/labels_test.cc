// One vocabulary: every field and every enum value of catalog/situation.yaml
// has a French label, and messages name fields by their labels.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "capsante/schema.h"
#include "capsante/situation.h"
#include "capsante/text.h"

namespace capsante {
namespace {

class LabelsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(SituationSchema::Load(std::string(CAPSANTE_DEFAULT_HOME) + "/catalog/situation.yaml", &schema_).ok());
  }
  static std::unique_ptr<SituationSchema> schema_;
};
std::unique_ptr<SituationSchema> LabelsTest::schema_;

TEST_F(LabelsTest, FieldsAndValuesHaveTheirWords) {
  struct Case {
    const char* path;
    const char* label;
  };
  const Case cases[] = {
      {"medecin_accueilli.age", "âge du médecin que vous accueillez"},
      {"age", "votre âge"},
      {"zonage.medecin", "zonage médecins de la commune"},
      {"stagiaires[3].quotite", "quotité du stagiaire (1 = temps plein)"},
      {"contrats.id", "aide du contrat"},
      {"nimporte", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(schema_->Label(c.path), c.label) << c.path;
  EXPECT_EQ(schema_->ValueLabel("zonage.profession", "tres_sous_dotee"), "très sous-dotée");
  EXPECT_EQ(schema_->ValueLabel("specialite", "medecine_generale"), "médecine générale");
  EXPECT_EQ(schema_->ValueLabel("secteur", "1"), "secteur 1");
  EXPECT_EQ(schema_->ValueLabel("secteur", "3"), "");
  EXPECT_EQ(schema_->ValueLabel("age", "30"), "");
}

TEST_F(LabelsTest, EveryFieldAndEveryValueIsLabelled) {
  for (const FieldSpec& f : schema_->fields()) {
    SCOPED_TRACE(f.path);
    EXPECT_FALSE(f.label.empty());
    EXPECT_NE(f.label, f.name);
    ASSERT_EQ(f.labels.size(), f.values.size());
    for (const auto& l : f.labels) EXPECT_FALSE(l.empty());
    if (f.type == FieldType::kList) {
      EXPECT_FALSE(f.element_label.empty());
    }
  }
}

TEST_F(LabelsTest, InWordsNamesListElements) {
  EXPECT_EQ(schema_->InWords("age"), "« votre âge »");
  EXPECT_EQ(schema_->InWords("stagiaires[1].quotite"), "« quotité du stagiaire (1 = temps plein) » (stagiaire n° 2)");
  EXPECT_EQ(schema_->InWords("contrats[0]"), "« contrat n° 1 »");
  EXPECT_EQ(schema_->InWords("profesion"), "« profesion »");
}

TEST_F(LabelsTest, MessagesUseLabelsNotPaths) {
  Situation s;
  Status st = Situation::FromJson(*schema_, R"({"medecin_accueilli": {"age": 12}})", &s);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.field(), "medecin_accueilli.age");
  EXPECT_EQ(st.message(), "« âge du médecin que vous accueillez » doit être supérieur ou égal à 20");
  st = Situation::FromJson(*schema_, R"({"age": 14})", &s);
  EXPECT_EQ(st.message(), "« votre âge » doit être supérieur ou égal à 15");
  st = Situation::FromJson(*schema_, R"({"jours_par_semaine": 7.5})", &s);
  EXPECT_EQ(st.message(), "« jours d'exercice libéral par semaine dans la zone » doit être inférieur ou égal à 7");
  st = Situation::FromJson(*schema_, R"({"zonage": {"profession": "tres-sous-dotee"}})", &s);
  EXPECT_EQ(st.field(), "zonage.profession");
  EXPECT_NE(st.message().find("vouliez-vous dire « très sous-dotée »"), std::string::npos) << st.message();
}

TEST(TextTest, CapitalizedAndCharCount) {
  EXPECT_EQ(text::Capitalized("âge"), "Âge");
  EXPECT_EQ(text::Capitalized("équipe"), "Équipe");
  EXPECT_EQ(text::Capitalized("votre âge"), "Votre âge");
  EXPECT_EQ(text::Capitalized("œuvre"), "Œuvre");
  EXPECT_EQ(text::Capitalized(""), "");
  EXPECT_EQ(text::CharCount("é"), 1u);
  EXPECT_EQ(text::CharCount("médecine"), 8u);
}

}  // namespace
}  // namespace capsante

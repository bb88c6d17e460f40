// A broken catalog is refused with file, line and field; lint finds what the
// loader lets through (misquoted sources, asymmetric incompatibilities).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "capsante/catalog.h"

namespace capsante {
namespace {

namespace fs = std::filesystem;

// A minimal valid aid; each case below breaks one thing.
const char* kAid = R"(id: test_aide
nom: Aide de test
financeur: Assurance Maladie (CPAM)
famille: installation
professions: [medecin]
resume: Une aide pour les tests.
fenetre:
  ouverture: null
  fermeture: 2025-12-31
  ouverture_motif: "aide de test, sans texte de création"
  source: {document: 004_e770e37fc8623f8e.txt, extrait: "uniquement jusqu'au 31 décembre 2025"}
duree_mois: 60
parametres:
  forfait:
    libelle: Forfait
    unite: EUR
    valeurs:
      - depuis: null
        valeur: 5000
        source: {document: 004_e770e37fc8623f8e.txt, extrait: "une aide forfaitaire de 5 000€ par an"}
conditions:
  - texte: Exercer en ZIP
    si: zonage.medecin == "ZIP"
    source: {document: 004_e770e37fc8623f8e.txt, extrait: "dans une ZIP"}
montant:
  periodicite: annuel
  par_periode: param.forfait
contact: cpam
sources:
  - {document: 004_e770e37fc8623f8e.txt, extrait: "une aide forfaitaire de 5 000€ par an"}
  - {document: 004_e770e37fc8623f8e.txt, extrait: "5 ans à compter de la date d’adhésion"}
verifie_le: 2026-11-29
)";

class LoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    home_ = fs::temp_directory_path() / ("capsante_loader_" + std::to_string(::getpid()) + "_" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(home_);
    const fs::path real = CAPSANTE_DEFAULT_HOME;
    fs::create_directories(home_ / "catalog" / "aides");
    for (const char* f : {"situation.yaml", "definitions.yaml", "contacts.yaml", "sources.yaml"}) {
      fs::copy_file(real / "catalog" / f, home_ / "catalog" / f);
    }
    fs::copy(real / "sources", home_ / "sources");
    fs::create_directories(home_ / "data");
    fs::copy_file(real / "data" / "regions.tsv", home_ / "data" / "regions.tsv");
  }
  void TearDown() override { fs::remove_all(home_); }

  void WriteAid(const std::string& name, const std::string& text) {
    std::ofstream(home_ / "catalog" / "aides" / (name + ".yaml")) << text;
  }

  Status Load(std::unique_ptr<Catalog>* out) { return Catalog::Load(home_.string(), out); }

  fs::path home_;
};

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST_F(LoaderTest, MinimalAidLoads) {
  WriteAid("test_aide", kAid);
  std::unique_ptr<Catalog> c;
  Status st = Load(&c);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_TRUE(c->Lint().empty());
  ASSERT_NE(c->FindAid("test_aide"), nullptr);
  EXPECT_EQ(c->FindAid("test_aide")->parameters[0].values[0].value, 5000);
}

TEST_F(LoaderTest, RegistryGivesTitlesAndOfficialStatus) {
  WriteAid("test_aide", kAid);
  std::unique_ptr<Catalog> c;
  ASSERT_TRUE(Load(&c).ok());
  const SourceDocument* blog = c->FindDocument("000_eb9a16a4007f5303.txt");
  const SourceDocument* paps = c->FindDocument("004_e770e37fc8623f8e.txt");
  ASSERT_NE(blog, nullptr);
  ASSERT_NE(paps, nullptr);
  EXPECT_FALSE(blog->official);
  EXPECT_TRUE(paps->official);
  EXPECT_NE(paps->title.find("Pays de la Loire"), std::string::npos);
  const Aid* aid = c->FindAid("test_aide");
  EXPECT_EQ(aid->sources[0].doc, paps);
  EXPECT_TRUE(aid->sources[0].official());
  ASSERT_TRUE(aid->checked_on.has_value());
  EXPECT_EQ(aid->checked_on->ToString(), "2026-11-29");
  // A parameter quoted from a blog only is listed by lint as information.
  WriteAid("test_aide", Replace(kAid, "source: {document: 004_e770e37fc8623f8e.txt, extrait: \"une aide forfaitaire de 5 000€ par an\"}\n",
                                "source: {document: 000_eb9a16a4007f5303.txt, extrait: \"5 000 €\"}\n"));
  ASSERT_TRUE(Load(&c).ok());
  const auto notes = c->UnofficialAmounts();
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_FALSE(notes[0].blocking);
  EXPECT_NE(notes[0].message.find("Forfait"), std::string::npos);
}

TEST_F(LoaderTest, RenewalAndTenYearKeysAreRead) {
  const std::string keys =
      "duree_mois: 60\nreconduction_tacite: true\ndelai_carence:\n  categorie: installation_test\n  annees: 10\n"
      "  applicable_depuis: 2025-03-15\n  source: {url: \"https://www.legifrance.gouv.fr/x\", extrait: \"dans un délai de dix ans\", lu_le: 2026-11-29}\n";
  WriteAid("test_aide", Replace(kAid, "duree_mois: 60\n", keys));
  std::unique_ptr<Catalog> c;
  Status st = Load(&c);
  ASSERT_TRUE(st.ok()) << st.ToString();
  const Aid* aid = c->FindAid("test_aide");
  EXPECT_TRUE(aid->tacit_renewal);
  ASSERT_TRUE(aid->waiting_period.has_value());
  EXPECT_EQ(aid->waiting_period->years, 10);
  EXPECT_EQ(aid->waiting_period->category, "installation_test");
  ASSERT_TRUE(aid->waiting_period->source.read_on.has_value());
  EXPECT_TRUE(aid->waiting_period->source.official());
  // Tacit renewal needs the length of a period.
  WriteAid("test_aide", Replace(kAid, "duree_mois: 60\n", "reconduction_tacite: true\n"));
  st = Load(&c);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("duree_mois"), std::string::npos) << st.message();
  // A URL source without its reading date is reported by lint.
  WriteAid("test_aide", Replace(kAid, "{document: 004_e770e37fc8623f8e.txt, extrait: \"dans une ZIP\"}",
                                "{url: \"https://www.ameli.fr/x\", extrait: \"dans une ZIP\"}"));
  ASSERT_TRUE(Load(&c).ok());
  bool reported = false;
  for (const auto& i : c->Lint()) reported |= i.message.find("lu_le") != std::string::npos;
  EXPECT_TRUE(reported);
}

struct BrokenCase {
  const char* from;
  const char* to;
  const char* fragment;  // expected in the message
  const char* where;     // expected "file:line" prefix after the aid's file name
};

TEST_F(LoaderTest, BrokenAidsAreRefusedWithPosition) {
  const BrokenCase cases[] = {
      {"si: zonage.medecin == \"ZIP\"", "si: zonage.medecin == \"ZPI\"", "n'est pas une valeur", ":23:"},
      {"si: zonage.medecin == \"ZIP\"", "si: zonage.medecin = \"ZIP\"", "« == »", ":23:"},
      {"si: zonage.medecin == \"ZIP\"", "si: zonage.medicin == \"ZIP\"", "nom inconnu", ":23:"},
      {"par_periode: param.forfait", "par_periode: param.forfet", "paramètre inconnu", ":27:"},
      {"par_periode: param.forfait", "par_periode: zonage.qpv", "nombre", ":27:"},
      {"famille: installation", "famille: bonus", "famille inconnue", ":4:"},
      {"famille: installation", "famille: installation\nregion: \"99\"", "région inconnue « 99 »", ":5:"},
      {"professions: [medecin]", "professions: [astronaute]", "profession inconnue", ":5:"},
      {"fermeture: 2025-12-31", "fermeture: 2025-13-31", "date impossible", ":9:"},
      {"periodicite: annuel", "periodicite: hebdo", "périodicité inconnue", ":26:"},
      {"contact: cpam", "contact: personne", "organisme inconnu", ":28:"},
      {"document: 004_e770e37fc8623f8e.txt, extrait: \"dans une ZIP\"", "document: 999.txt, extrait: \"dans une ZIP\"",
       "document inconnu", ":24:"},
      {"id: test_aide", "id: autre", "nom du fichier", ":1:"},
      {"nom: Aide de test\n", "", "clé « nom » manquante", ":1:"},
      {"resume: Une aide pour les tests.", "resume: Une aide.\ncouleur: bleu", "clé inconnue « couleur »", ":7:"},
      {"        valeur: 5000", "        valeur: cinq", "doit être un nombre", ":19:"},
      {"      - depuis: null\n        valeur: 5000",
       "      - depuis: 2026-01-01\n        valeur: 5000\n        source: {document: 004_e770e37fc8623f8e.txt, extrait: \"dans une ZIP\"}\n      - depuis: 2025-01-01\n        valeur: 6000",
       "se chevauchent", ":"},
      {"    source: {document: 004_e770e37fc8623f8e.txt, extrait: \"dans une ZIP\"}\n", "", "chaque règle cite sa source", ":22:"},
      {"conditions:", "conditions: 3\nx:", "doit être une liste", ":"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.to);
    WriteAid("test_aide", Replace(kAid, c.from, c.to));
    if (std::string(c.to) == "id: autre") {
      // keep the file name test_aide
    }
    std::unique_ptr<Catalog> catalog;
    Status st = Load(&catalog);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.code(), Status::Code::kInvalidCatalog);
    EXPECT_NE(st.message().find(c.fragment), std::string::npos) << st.message();
    EXPECT_NE(st.message().find(std::string("test_aide.yaml") + c.where), std::string::npos) << st.message();
  }
}

TEST_F(LoaderTest, LintFindsMisquotesAndAsymmetry) {
  std::string a = Replace(kAid, "extrait: \"dans une ZIP\"", "extrait: \"dans une zone inventée\"");
  a = Replace(a, "contact: cpam", "contact: cpam\nincompatible_avec: [test_autre]\nincompatibilites_sources:\n  - {document: 004_e770e37fc8623f8e.txt, extrait: \"dans une ZIP\"}");
  WriteAid("test_aide", a);
  WriteAid("test_autre", Replace(kAid, "id: test_aide", "id: test_autre"));
  std::unique_ptr<Catalog> c;
  Status st = Load(&c);
  ASSERT_TRUE(st.ok()) << st.ToString();
  auto issues = c->Lint();
  ASSERT_EQ(issues.size(), 2u);
  std::string all = issues[0].message + " | " + issues[1].message;
  EXPECT_NE(all.find("extrait introuvable"), std::string::npos) << all;
  EXPECT_NE(all.find("non symétrique"), std::string::npos) << all;
}

// Lint checks that each value is what its quote says (issue 14: 49 999 €
// beside « 50 000 € » passed).
struct QuoteCase {
  const char* from;
  const char* to;
  const char* issue;  // "" = lint clean
};

class LintQuoteTest : public LoaderTest, public ::testing::WithParamInterface<QuoteCase> {};

TEST_P(LintQuoteTest, ValueMustBeInItsQuote) {
  const QuoteCase& q = GetParam();
  WriteAid("test_aide", Replace(kAid, q.from, q.to));
  std::unique_ptr<Catalog> c;
  Status st = Load(&c);
  ASSERT_TRUE(st.ok()) << st.ToString();
  std::string all;
  for (const auto& i : c->Lint()) all += i.where + ": " + i.message + " | ";
  if (std::string(q.issue).empty()) {
    EXPECT_EQ(all, "");
  } else {
    EXPECT_NE(all.find(q.issue), std::string::npos) << all;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LintQuoteTest,
    ::testing::Values(
        QuoteCase{"valeur: 5000", "valeur: 4999", "valeur 4999 absente"},
        QuoteCase{"valeur: 5000", "valeur: 5000\n        non_cite: \"calculé\"", "non_cite » inutile"},
        QuoteCase{"valeur: 5000", "valeur: 4999\n        non_cite: \"calculé pour le test\"", ""},
        QuoteCase{"fermeture: 2025-12-31", "fermeture: 2025-12-30", "date de fermeture 30 décembre 2025 absente"},
        QuoteCase{"duree_mois: 60", "duree_mois: 61", "durée de 61 mois"},
        QuoteCase{"si: zonage.medecin == \"ZIP\"", "si: zonage.medecin == \"ZIP\" and jours_par_semaine >= 2.5",
                  "nombre 2.5 absent"},
        QuoteCase{"extrait: \"dans une ZIP\"}", "extrait: \"au minimum 2,5 jours par semaine\"}\n    non_cite: \"test\"",
                  "non_cite » inutile"},
        QuoteCase{"source: {document: 004_e770e37fc8623f8e.txt, extrait: \"dans une ZIP\"}",
                  "source: {url: \"https://www.ameli.fr/x\", extrait: \"dans une ZIP\"}", "sans « lu_le »"},
        QuoteCase{"source: {document: 004_e770e37fc8623f8e.txt, extrait: \"dans une ZIP\"}",
                  "source: {url: \"https://www.ameli.fr/x\", lu_le: 2026-11-29, extrait: \"dans une ZIP\"}", ""}));

// Issue 8: a reading date, a checking date and an opening date (or the reason
// there is none) are required: each missing one fails lint (blocking), and the
// complete aid passes.
struct RequiredDateCase {
  const char* from;
  const char* to;
  const char* issue;
};

class LintRequiredDateTest : public LoaderTest, public ::testing::WithParamInterface<RequiredDateCase> {};

TEST_P(LintRequiredDateTest, MissingDateFailsLint) {
  const RequiredDateCase& q = GetParam();
  WriteAid("test_aide", Replace(kAid, q.from, q.to));
  std::unique_ptr<Catalog> c;
  Status st = Load(&c);
  ASSERT_TRUE(st.ok()) << st.ToString();
  std::vector<LintIssue> found;
  for (const auto& i : c->Lint()) {
    if (i.message.find(q.issue) != std::string::npos) found.push_back(i);
  }
  ASSERT_EQ(found.size(), 1u) << q.issue;
  EXPECT_TRUE(found[0].blocking) << found[0].message;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LintRequiredDateTest,
    ::testing::Values(
        RequiredDateCase{"source: {document: 004_e770e37fc8623f8e.txt, extrait: \"dans une ZIP\"}",
                         "source: {url: \"https://www.ameli.fr/x\", extrait: \"dans une ZIP\"}", "sans « lu_le »"},
        RequiredDateCase{"verifie_le: 2026-11-29\n", "", "« verifie_le »"},
        RequiredDateCase{"  ouverture_motif: \"aide de test, sans texte de création\"\n", "", "date d'ouverture"}));

TEST_F(LoaderTest, DatedOpeningNeedsNoReason) {
  std::string a = Replace(kAid, "  ouverture_motif: \"aide de test, sans texte de création\"\n", "");
  a = Replace(a, "ouverture: null", "ouverture: 2016-10-24");
  a = Replace(a, "fermeture: 2025-12-31\n", "fermeture: 2025-12-31\n  non_cite: \"ouverture : date du texte d'approbation\"\n");
  WriteAid("test_aide", a);
  std::unique_ptr<Catalog> c;
  ASSERT_TRUE(Load(&c).ok());
  std::string all;
  for (const auto& i : c->Lint()) all += i.message + " | ";
  EXPECT_EQ(all, "");
}

TEST_F(LoaderTest, UrlQuoteMustBeInTheLocalCopy) {
  WriteAid("test_aide", Replace(kAid, "source: {document: 004_e770e37fc8623f8e.txt, extrait: \"dans une ZIP\"}",
                                "source: {url: \"https://www.ameli.fr/x\", lu_le: 2026-11-29, extrait: \"dans une ZIP\"}"));
  fs::create_directories(home_ / "sources" / "officiels");
  std::ofstream(home_ / "sources" / "officiels" / "ameli-x.txt") << "url: https://www.ameli.fr/x\nlu_le: 2026-11-29\n---\nS'installer dans une ZAC.\n";
  std::unique_ptr<Catalog> c;
  ASSERT_TRUE(Load(&c).ok());
  auto issues = c->Lint();
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_NE(issues[0].message.find("copie locale"), std::string::npos) << issues[0].message;
}

TEST_F(LoaderTest, CircularDefinitionsAreRefused) {
  WriteAid("test_aide", Replace(kAid, "montant:", "definitions:\n  a: b + 1\n  b: a + 1\nmontant:"));
  std::unique_ptr<Catalog> c;
  Status st = Load(&c);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("circulaire"), std::string::npos) << st.message();
}

TEST_F(LoaderTest, MissingCatalogIsAnIoError) {
  std::unique_ptr<Catalog> c;
  Status st = Catalog::Load("/nonexistent/capsante", &c);
  EXPECT_FALSE(st.ok());
}

}  // namespace
}  // namespace capsante

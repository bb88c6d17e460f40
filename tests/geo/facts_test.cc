// FactsFor on real communes, with the values read in data/layers/*.tsv.
#include <gtest/gtest.h>

#include "geo_test_util.h"

namespace capsante::geo {
namespace {

const Date kToday = D(2026, 1, 15);
// The doctors' May 2025 values are presumed current until the national
// revision date (1 January 2026, data/arretes_zonage.tsv); read them before.
const Date kDoctorsCurrent = D(2025, 12, 15);

TEST(Facts, DoctorsZipZacHorsZone) {
  PlaceFact f = Fact("18197", kDoctorsCurrent, "medecin", "zonage.medecin");  // Saint-Amand-Montrond
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "ZIP");
  EXPECT_EQ(f.layer, "medecins_2025_05");
  EXPECT_NE(f.note.find("mai 2025"), std::string::npos);
  f = Fact("36044", kDoctorsCurrent, "medecin", "zonage.medecin");  // Châteauroux
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "ZAC");
  // Auvergne-Rhône-Alpes' 2026 zoning (not imported) applies from 1 January
  // 2026: the day before, the 2022 value.
  f = Fact("01275", D(2025, 12, 31), "medecin", "zonage.medecin");
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "hors_zone");
}

TEST(Facts, DoctorsZoningIsGivenForEveryProfession) {
  EXPECT_EQ(Fact("18197", kDoctorsCurrent, "infirmier", "zonage.medecin").value, "ZIP");
  EXPECT_EQ(Fact("18197", kDoctorsCurrent, "", "zonage.medecin").value, "ZIP");
}

TEST(Facts, NoProfessionZoningForDoctorsStudentsPodiatrists) {
  for (const char* p : {"medecin", "etudiant_medecine", "etudiant_odontologie", "pedicure_podologue", ""}) {
    EXPECT_EQ(Fact("36044", kToday, p, "zonage.profession").value, "<absent>") << p;
  }
}

TEST(Facts, RegionAndDepartementOccitanieContract) {
  // Foix (09), Auch (32), Tarbes (65): ARS Occitanie's contract.
  for (const char* code : {"09122", "32013", "65440"}) {
    const auto facts = Index().FactsFor(Get(code), kToday, "medecin");
    EXPECT_EQ(FactOf(facts, "zonage.region").value, "76") << code;
    EXPECT_TRUE(FactOf(facts, "zonage.region").known);
    EXPECT_EQ(FactOf(facts, "zonage.departement").value, std::string(code).substr(0, 2));
  }
  EXPECT_EQ(Fact("36044", kToday, "", "zonage.region").value, "24");
  EXPECT_EQ(Fact("2A004", kToday, "", "zonage.departement").value, "2A");
  EXPECT_EQ(Fact("97105", kToday, "", "zonage.departement").value, "971");
}

TEST(Facts, QpvCommuneIsPossibleNotKnown) {
  const PlaceFact f = Fact("36044", kToday, "infirmier", "zonage.qpv");
  EXPECT_FALSE(f.known);
  EXPECT_TRUE(f.possible);
  EXPECT_TRUE(f.value.empty());
  EXPECT_NE(f.note.find("3 QPV"), std::string::npos);
  EXPECT_NE(f.note.find("QN03601M"), std::string::npos);
  EXPECT_NE(f.note.find("confirmer"), std::string::npos);
  // A commune without any: false.
  const PlaceFact g = Fact("05036", kToday, "infirmier", "zonage.qpv");
  EXPECT_TRUE(g.known);
  EXPECT_EQ(g.value, "false");
}

TEST(Facts, QpvBeforeThe2024Generation) {
  EXPECT_FALSE(Fact("36044", D(2023, 12, 31), "", "zonage.qpv").known);
  EXPECT_FALSE(Fact("36044", D(2023, 12, 31), "", "zonage.qpv").possible);
  EXPECT_TRUE(Fact("36044", D(2024, 1, 1), "", "zonage.qpv").possible);
}

TEST(Facts, ZfuIsPossibleAndAmbiguityIsExplicit) {
  PlaceFact f = Fact("36044", kToday, "", "zonage.zfu");
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "false");
  f = Fact("69123", kToday, "", "zonage.zfu");  // Lyon: ZFU086
  EXPECT_TRUE(f.possible);
  EXPECT_FALSE(f.known);
  f = Fact("93066", kToday, "", "zonage.zfu");  // Saint-Denis: several homonyms
  EXPECT_TRUE(f.possible);
  EXPECT_NE(f.note.find("homonymes"), std::string::npos);
}

TEST(Facts, NursesBothVintages) {
  // 07018: intermédiaire in the 2025 export, très dotée in March 2026.
  PlaceFact f = Fact("07018", D(2026, 2, 28), "infirmier", "zonage.profession");
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "intermediaire");
  EXPECT_EQ(f.layer, "infirmiers_2025");
  f = Fact("07018", D(2026, 3, 1), "infirmier", "zonage.profession");
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "tres_dotee");
  EXPECT_EQ(f.layer, "infirmiers_2026_03");
  EXPECT_NE(f.note.find("mars 2026"), std::string::npos);
}

TEST(Facts, OtherProfessions) {
  EXPECT_EQ(Fact("01001", kToday, "masseur_kinesitherapeute", "zonage.profession").value, "tres_sous_dotee");
  EXPECT_EQ(Fact("01001", kToday, "chirurgien_dentiste", "zonage.profession").value, "tres_sous_dotee");
  EXPECT_EQ(Fact("01001", kToday, "sage_femme", "zonage.profession").value, "intermediaire");
  EXPECT_EQ(Fact("01001", kToday, "orthophoniste", "zonage.profession").value, "intermediaire");
}

TEST(Facts, DoctorsSnapshotDateBoundary) {
  // Nantes (Pays de la Loire): no decree known, the layer's own start. (In a
  // region with a known decree the layer starts with it: decrees_test.cc.)
  EXPECT_FALSE(Fact("44109", D(2025, 4, 30), "medecin", "zonage.medecin").known);
  EXPECT_TRUE(Fact("44109", D(2025, 5, 1), "medecin", "zonage.medecin").known);
  EXPECT_NE(Fact("44109", D(2025, 4, 30), "medecin", "zonage.medecin").note.find("Aucun zonage connu"),
            std::string::npos);
}

TEST(Facts, ZrrThenFrr) {
  // Saint-Amand-Montrond: ZRR classée, FRR socle.
  PlaceFact zrr = Fact("18197", D(2024, 6, 30), "", "zonage.zrr");
  EXPECT_TRUE(zrr.known);
  EXPECT_EQ(zrr.value, "true");
  zrr = Fact("18197", D(2024, 7, 1), "", "zonage.zrr");
  EXPECT_FALSE(zrr.known);
  EXPECT_NE(zrr.note.find("pris fin"), std::string::npos);

  PlaceFact frr = Fact("18197", D(2024, 6, 30), "", "zonage.frr");
  EXPECT_TRUE(frr.known);
  EXPECT_EQ(frr.value, "false");  // FRR did not exist yet
  frr = Fact("18197", D(2024, 7, 1), "", "zonage.frr");
  EXPECT_FALSE(frr.known);        // only the July 2025 list is known
  EXPECT_NE(frr.note.find("FRR socle"), std::string::npos);
  frr = Fact("18197", D(2025, 7, 9), "", "zonage.frr");
  EXPECT_FALSE(frr.known);
  frr = Fact("18197", D(2025, 7, 10), "", "zonage.frr");
  EXPECT_TRUE(frr.known);
  EXPECT_EQ(frr.value, "true");
  EXPECT_EQ(Fact("36044", D(2025, 7, 10), "", "zonage.frr").value, "false");
}

TEST(Facts, PartialFrrIsPossible) {
  const PlaceFact f = Fact("18023", kToday, "", "zonage.frr");
  EXPECT_FALSE(f.known);
  EXPECT_TRUE(f.possible);
}

TEST(Facts, Mountain) {
  PlaceFact f = Fact("05036", kToday, "", "zonage.montagne");
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "true");
  EXPECT_NE(f.note.find("Alpes"), std::string::npos);
  f = Fact("36044", kToday, "", "zonage.montagne");
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "false");
}

TEST(Facts, AbsentCommuneIsUnknownNeverDefault) {
  // Conques-en-Rouergue (12218) is in no doctors' row.
  const PlaceFact f = Fact("12218", kDoctorsCurrent, "medecin", "zonage.medecin");
  EXPECT_FALSE(f.known);
  EXPECT_FALSE(f.possible);
  EXPECT_TRUE(f.value.empty());
  EXPECT_NE(f.note.find("n'y figure pas"), std::string::npos);
  // An overseas collectivity is outside every layer.
  const auto spm = Index().FactsFor(Get("97502"), kToday, "infirmier");
  for (const PlaceFact& g : spm) {
    if (g.field == "zonage.qpv" || g.field == "zonage.zfu" || g.field == "zonage.frr") continue;
    EXPECT_FALSE(g.known) << g.field;
  }
}

TEST(Facts, Arrondissements) {
  // Paris 13e: doctors' value of its own; FRR from Paris.
  PlaceFact f = Fact("75113", kDoctorsCurrent, "medecin", "zonage.medecin");
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "ZAC");
  // Marseille 1er: Provence-Alpes-Côte d'Azur's new zoning is only known to
  // be in force by 8 January 2026 (not imported): from the national
  // revision date, 1 January 2026, the old value is to confirm.
  EXPECT_EQ(Fact("13201", D(2025, 12, 31), "medecin", "zonage.medecin").value, "hors_zone");
  EXPECT_TRUE(Fact("13201", D(2026, 1, 1), "medecin", "zonage.medecin").unconfirmed);
  // Lyon: before Auvergne-Rhône-Alpes' 2026 zoning (not imported).
  EXPECT_EQ(Fact("69383", D(2025, 12, 31), "medecin", "zonage.medecin").value, "hors_zone");  // Lyon 3e
  EXPECT_EQ(Fact("69381", D(2025, 12, 31), "medecin", "zonage.medecin").value, "ZAC");        // Lyon 1er
  EXPECT_TRUE(Fact("69381", D(2026, 1, 1), "medecin", "zonage.medecin").unconfirmed);
  f = Fact("75113", kToday, "", "zonage.frr");
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "false");
  EXPECT_TRUE(Fact("75113", kToday, "", "zonage.qpv").possible);
  // Paris as a whole: the doctors' zoning differs by arrondissement.
  f = Fact("75056", kDoctorsCurrent, "medecin", "zonage.medecin");
  EXPECT_FALSE(f.known);
  EXPECT_NE(f.note.find("arrondissement"), std::string::npos);
}

TEST(Facts, MergedCommuneWithDifferentClasses) {
  // Pays-de-Montbenoît (25390) merged communes classed differently for nurses
  // in 2025: unknown for the whole, known for each delegated commune.
  PlaceFact f = Fact("25390", D(2025, 6, 1), "infirmier", "zonage.profession");
  EXPECT_FALSE(f.known);
  EXPECT_NE(f.note.find("commune déléguée"), std::string::npos);
  f = Fact("25347", D(2025, 6, 1), "infirmier", "zonage.profession");  // La Longeville
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "sous_dotee");
  f = Fact("25303", D(2025, 6, 1), "infirmier", "zonage.profession");  // Hauterive-la-Fresse
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "intermediaire");
}

TEST(Facts, FormerCodeUsesTodaysCommune) {
  const Lookup l = Index().Find("01018");  // a former code of Valserhône
  ASSERT_NE(l.commune, nullptr);
  const PlaceFact f = FactOf(Index().FactsFor(*l.commune, kToday, "medecin"), "zonage.medecin");
  EXPECT_EQ(f.value, Fact("01033", kToday, "medecin", "zonage.medecin").value);
}

TEST(Facts, EveryPlaceHasTheFields) {
  // Cheap sanity check over all of France: the fields are always present,
  // and a known fact always has a value.
  for (const Commune* c : Index().AllPlaces()) {
    const auto facts = Index().FactsFor(*c, kToday, "infirmier");
    ASSERT_EQ(facts.size(), 9u) << c->code;
    for (const PlaceFact& f : facts) {
      if (f.known) {
        EXPECT_FALSE(f.value.empty()) << c->code << " " << f.field;
      }
      EXPECT_FALSE(f.known && f.possible) << c->code << " " << f.field;
      EXPECT_FALSE(f.note.empty()) << c->code << " " << f.field;
    }
  }
}

}  // namespace
}  // namespace capsante::geo

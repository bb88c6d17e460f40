// Decree-dated zonings (issue 13): a value is current only while the decree
// it reflects is; the texts come from data/arretes_zonage.tsv.
#include <gtest/gtest.h>

#include <string>

#include "geo_test_util.h"

namespace capsante::geo {
namespace {

// Déols (36063, Indre): ZIP under the ARS Centre-Val de Loire zoning of 13
// January 2022; the newer zoning is in force by 10 February 2026 at the
// latest and its values are not imported. The national revision (arrêté of
// 9 May 2025, row medecin_revision_2025) stops presuming the 2022 zoning
// from 1 January 2026, before that "at the latest" day.
TEST(Decrees, DeolsIsZipUnderThe2022Zoning) {
  for (Date d : {D(2022, 1, 13), D(2025, 6, 1), D(2025, 12, 31)}) {
    const PlaceFact f = Fact("36063", d, "medecin", "zonage.medecin");
    EXPECT_TRUE(f.known) << d.ToString();
    EXPECT_EQ(f.value, "ZIP") << d.ToString();
    EXPECT_FALSE(f.unconfirmed);
    ASSERT_NE(f.decree, nullptr);
    EXPECT_EQ(f.decree->reference, "arrêté n° 2022-DOS-DM-0003");
    EXPECT_EQ(f.decree->from, D(2022, 1, 13));
  }
}

TEST(Decrees, BeforeTheReflectedDecreeTheZoneIsUnknown) {
  const PlaceFact f = Fact("36063", D(2022, 1, 12), "medecin", "zonage.medecin");
  EXPECT_FALSE(f.known);
  EXPECT_FALSE(f.unconfirmed);
  EXPECT_EQ(f.value, "");
}

TEST(Decrees, AfterTheNewerDecreeTheZoneIsToConfirm) {
  for (Date d : {D(2026, 1, 1), D(2026, 2, 10), D(2026, 3, 1), D(2027, 1, 1)}) {
    const PlaceFact f = Fact("36063", d, "medecin", "zonage.medecin");
    EXPECT_FALSE(f.known) << d.ToString();
    EXPECT_TRUE(f.unconfirmed);
    EXPECT_EQ(f.value, "");
    EXPECT_EQ(f.previous_value, "ZIP");
    ASSERT_NE(f.replaced_by, nullptr);
    EXPECT_EQ(f.replaced_by->id, "medecin_revision_2025");
    EXPECT_EQ(f.replaced_by->from_at_latest, D(2026, 1, 1));
    // The regional text is named, with its "at the latest" date.
    EXPECT_NE(f.note.find("ARS Centre-Val de Loire a adopté un nouveau zonage"), std::string::npos) << f.note;
    EXPECT_NE(f.note.find("au plus tard le 10 février 2026"), std::string::npos) << f.note;
    EXPECT_NE(f.note.find("Selon le zonage du 13 janvier 2022 : ZIP"), std::string::npos) << f.note;
    EXPECT_NE(f.note.find("rezone.ameli.fr"), std::string::npos);
    EXPECT_NE(f.note.find("centre-val-de-loire.ars.sante.fr"), std::string::npos);
  }
}

TEST(Decrees, WithoutNotesTheStateIsTheSame) {
  FactsOptions fast;
  fast.notes = false;
  const auto facts = Index().FactsFor(Get("36063"), D(2026, 3, 1), "medecin", fast);
  const PlaceFact f = FactOf(facts, "zonage.medecin");
  EXPECT_TRUE(f.unconfirmed);
  EXPECT_EQ(f.previous_value, "ZIP");
  EXPECT_TRUE(f.note.empty());
}

TEST(Decrees, AuvergneRhoneAlpesSwitchesOnJanuaryFirst2026) {
  // Roanne (42187): ZIP in 2022; arrêté n° 2025-17-1113 from 1 January 2026.
  EXPECT_EQ(Fact("42187", D(2025, 12, 31), "medecin", "zonage.medecin").value, "ZIP");
  const PlaceFact f = Fact("42187", D(2026, 1, 1), "medecin", "zonage.medecin");
  EXPECT_TRUE(f.unconfirmed);
  EXPECT_EQ(f.replaced_by->reference, "arrêté n° 2025-17-1113");
}

TEST(Decrees, RegionWithoutKnownDecreeIsToConfirmFromTheNationalRevision) {
  // Pays de la Loire (52): no regional text found; the layer holds from
  // 2025-05-01 under the '*' row (the decree in force at the export, date
  // not found) until the national revision date, 1 January 2026.
  const Commune& nantes = Get("44109");
  ASSERT_EQ(nantes.region, "52");
  EXPECT_FALSE(Fact("44109", D(2025, 4, 30), "medecin", "zonage.medecin").known);
  PlaceFact f = Fact("44109", D(2025, 12, 31), "medecin", "zonage.medecin");
  EXPECT_TRUE(f.known);
  ASSERT_NE(f.decree, nullptr);
  EXPECT_EQ(f.decree->id, "medecin_national");
  EXPECT_FALSE(f.unconfirmed);
  for (Date d : {D(2026, 1, 1), D(2027, 1, 1)}) {
    f = Fact("44109", d, "medecin", "zonage.medecin");
    EXPECT_FALSE(f.known) << d.ToString();
    EXPECT_TRUE(f.unconfirmed);
    ASSERT_NE(f.replaced_by, nullptr);
    EXPECT_EQ(f.replaced_by->id, "medecin_revision_2025");
    EXPECT_NE(f.note.find("la révision de la région n'a pas été trouvée"), std::string::npos) << f.note;
    EXPECT_NE(f.note.find("arrêté du 9 mai 2025"), std::string::npos) << f.note;
  }
  // A region with a row of its own but no revision found (Normandie, Alençon).
  EXPECT_EQ(Fact("61001", D(2025, 12, 31), "medecin", "zonage.medecin").value, "ZIP");
  f = Fact("61001", D(2026, 1, 1), "medecin", "zonage.medecin");
  EXPECT_TRUE(f.unconfirmed);
  EXPECT_EQ(f.previous_value, "ZIP");
  // The national text concerns doctors only: a nurse's zone in Nantes stays.
  EXPECT_TRUE(Fact("44109", D(2026, 6, 1), "infirmier", "zonage.profession").known);
}

// A region whose new zoning has an exact date after the national one keeps
// its proven values until that date (Corse, 1 February 2026).
TEST(Decrees, ExactRegionalDateAfterTheNationalOneIsKept) {
  EXPECT_EQ(Fact("2A011", D(2026, 1, 31), "medecin", "zonage.medecin").value, "ZIP");  // Altagène
  const PlaceFact f = Fact("2A011", D(2026, 2, 1), "medecin", "zonage.medecin");
  EXPECT_TRUE(f.unconfirmed);
  ASSERT_NE(f.replaced_by, nullptr);
  EXPECT_EQ(f.replaced_by->id, "medecin_94_2026");
}

// A region with no row of its own for a layer but a newer regional decree:
// the '*' row's values hold until that decree (Mayotte, 29 September 2025;
// PACA, arrêté of 5 January 2026 known by 8 January 2026).
TEST(Decrees, NewerRegionalDecreeEndsTheStarRowValues) {
  PlaceFact f = Fact("97611", D(2025, 9, 28), "medecin", "zonage.medecin");  // Mamoudzou
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "ZIP");
  f = Fact("97611", D(2025, 9, 29), "medecin", "zonage.medecin");
  EXPECT_TRUE(f.unconfirmed);
  EXPECT_EQ(f.previous_value, "ZIP");
  ASSERT_NE(f.replaced_by, nullptr);
  EXPECT_EQ(f.replaced_by->id, "medecin_06_2025");
  // PACA's text is only known "by 8 January 2026": the national date comes
  // first, and the note names the regional text.
  EXPECT_EQ(Fact("06088", D(2025, 12, 31), "medecin", "zonage.medecin").value, "hors_zone");  // Nice
  f = Fact("06088", D(2026, 1, 1), "medecin", "zonage.medecin");
  EXPECT_TRUE(f.unconfirmed);
  EXPECT_EQ(f.replaced_by->id, "medecin_revision_2025");
  EXPECT_NE(f.note.find("Provence-Alpes"), std::string::npos) << f.note;
}

// Other professions use the same texts: Bastia's midwives (sous-dotée in the
// September 2025 export) are to confirm from the Corse decree of 1 February
// 2026, whose values are not imported.
TEST(Decrees, MidwivesInCorseAreToConfirmFromFebruary2026) {
  PlaceFact f = Fact("2B033", D(2026, 1, 31), "sage_femme", "zonage.profession");
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "sous_dotee");
  ASSERT_NE(f.decree, nullptr);
  EXPECT_EQ(f.decree->id, "sage_femme_national");
  f = Fact("2B033", D(2026, 2, 1), "sage_femme", "zonage.profession");
  EXPECT_FALSE(f.known);
  EXPECT_TRUE(f.unconfirmed);
  EXPECT_EQ(f.previous_value, "sous_dotee");
  ASSERT_NE(f.replaced_by, nullptr);
  EXPECT_EQ(f.replaced_by->id, "sage_femme_94_2026");
  EXPECT_NE(f.note.find("corse.ars.sante.fr"), std::string::npos) << f.note;
  // The same day, another profession of the region keeps its value.
  EXPECT_TRUE(Fact("2B033", D(2026, 2, 1), "masseur_kinesitherapeute", "zonage.profession").known);
}

// A regional decree before the export is reflected by it: Caen's
// physiotherapists' zone is known from the Normandie zoning of 1 February
// 2025, not before.
TEST(Decrees, ReflectedRegionalDecreeStartsTheValues) {
  EXPECT_FALSE(Fact("14118", D(2025, 1, 31), "masseur_kinesitherapeute", "zonage.profession").known);
  const PlaceFact f = Fact("14118", D(2025, 2, 1), "masseur_kinesitherapeute", "zonage.profession");
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "non_prioritaire");
  ASSERT_NE(f.decree, nullptr);
  EXPECT_EQ(f.decree->id, "masseur_kinesitherapeute_28_2025");
}

// Occitanie's nurses' zoning published on 12 November 2025 falls between the
// two exports: the 2025 values hold until the day before, the March 2026
// export (which reflects it) from that day; the zone is never "to confirm".
TEST(Decrees, NursesInOccitanieSwitchToTheNewerExportOnTheDecreeDay) {
  PlaceFact f = Fact("11169", D(2025, 11, 11), "infirmier", "zonage.profession");  // Greffeil
  EXPECT_EQ(f.value, "tres_sous_dotee");
  EXPECT_EQ(f.layer, "infirmiers_2025");
  f = Fact("11169", D(2025, 11, 12), "infirmier", "zonage.profession");
  EXPECT_EQ(f.value, "tres_dotee");
  EXPECT_EQ(f.layer, "infirmiers_2026_03");
  EXPECT_FALSE(f.unconfirmed);
  ASSERT_NE(f.decree, nullptr);
  EXPECT_EQ(f.decree->id, "infirmier_76_2025");
  // Elsewhere the exports' own dates hold, and the two '*' rows (one per
  // export) do not announce each other.
  f = Fact("2B033", D(2026, 3, 1), "infirmier", "zonage.profession");
  EXPECT_EQ(f.layer, "infirmiers_2026_03");
  EXPECT_EQ(f.note.find("annoncé"), std::string::npos) << f.note;
  EXPECT_EQ(Fact("2B033", D(2026, 2, 28), "infirmier", "zonage.profession").layer, "infirmiers_2025");
}

TEST(Decrees, PublishedButUndatedZoningSwitchesOnTheDayItWasRead) {
  // Grand Est speech therapists: the ARS page says the 2026 decree is
  // published, without a date; read on 29 November 2026, it is in force by
  // then at the latest. No national revision concerns them.
  PlaceFact f = Fact("67482", D(2026, 11, 28), "orthophoniste", "zonage.profession");  // Strasbourg
  EXPECT_TRUE(f.known);
  f = Fact("67482", D(2026, 11, 29), "orthophoniste", "zonage.profession");
  EXPECT_FALSE(f.known);
  EXPECT_TRUE(f.unconfirmed);
  EXPECT_NE(f.note.find("au plus tard le 29 novembre 2026"), std::string::npos) << f.note;
}

TEST(Decrees, GrandEstDoctorsAreToConfirmFromTheNationalRevision) {
  // Grand Est doctors: the 2026 arrêté is signed on 7 January 2026, its date
  // of effect is not found (it cannot precede the signature, so the
  // signature proves nothing "at the latest"). Not announced before it is
  // signed; to confirm from the national revision date, naming the text.
  PlaceFact f = Fact("67482", D(2025, 12, 31), "medecin", "zonage.medecin");  // Strasbourg
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.note.find("annoncé"), std::string::npos) << "not signed yet: " << f.note;
  for (Date d : {D(2026, 1, 1), D(2026, 1, 7), D(2026, 6, 1)}) {
    f = Fact("67482", d, "medecin", "zonage.medecin");
    EXPECT_FALSE(f.known) << d.ToString();
    EXPECT_TRUE(f.unconfirmed);
    EXPECT_NE(f.note.find("ARS Grand Est a adopté un nouveau zonage"), std::string::npos) << f.note;
  }
}

TEST(Decrees, SchemeDatesComeFromTheTexts) {
  // FRR: false before 1 July 2024 (creation); ZRR: ended 30 June 2024.
  PlaceFact f = Fact("36063", D(2024, 6, 30), "medecin", "zonage.frr");
  EXPECT_TRUE(f.known);
  EXPECT_EQ(f.value, "false");
  EXPECT_FALSE(Fact("36063", D(2024, 7, 1), "medecin", "zonage.frr").known);
  EXPECT_TRUE(Fact("36063", D(2024, 6, 30), "medecin", "zonage.zrr").known);
  f = Fact("36063", D(2024, 7, 1), "medecin", "zonage.zrr");
  EXPECT_FALSE(f.known);
  EXPECT_NE(f.note.find("30 juin 2024"), std::string::npos) << f.note;
  // QPV 2024: 1 January 2024 in the Hexagone, 1 January 2025 overseas.
  EXPECT_FALSE(Fact("36044", D(2023, 12, 31), "medecin", "zonage.qpv").possible);
  EXPECT_TRUE(Fact("36044", D(2024, 1, 1), "medecin", "zonage.qpv").possible);
  const PlaceFact reunion = Fact("97411", D(2024, 12, 31), "medecin", "zonage.qpv");
  EXPECT_FALSE(reunion.known || reunion.possible);
  EXPECT_NE(reunion.note.find("1er janvier 2025"), std::string::npos) << reunion.note;
}

TEST(Decrees, DecreesForUsesTheRegionRowsElseTheStarRows) {
  const auto cvl = Index().DecreesFor("zonage.medecin", "", "24");
  ASSERT_EQ(cvl.size(), 3u);
  EXPECT_EQ(cvl[0]->id, "medecin_24_2022");
  EXPECT_EQ(cvl[1]->id, "medecin_24_2026");
  EXPECT_EQ(cvl[2]->id, "medecin_revision_2025");  // the national text, for every region
  EXPECT_EQ(Index().DecreesFor("zonage.medecin", "", "52").back()->id, "medecin_revision_2025");
  const auto qpv = Index().DecreesFor("zonage.qpv", "", "04");
  ASSERT_EQ(qpv.size(), 1u);
  EXPECT_EQ(qpv[0]->from, D(2025, 1, 1));
  EXPECT_EQ(Index().DecreesFor("zonage.qpv", "", "24")[0]->id, "qpv_2024_metropole");
}

TEST(History, DeolsDoctorsZoning) {
  for (const ZoningHistory& h : Index().HistoryFor(Get("36063"))) {
    if (h.field != "zonage.medecin") continue;
    ASSERT_EQ(h.periods.size(), 3u);
    EXPECT_FALSE(h.periods[0].from.has_value());
    EXPECT_EQ(h.periods[0].to, D(2022, 1, 12));
    EXPECT_FALSE(h.periods[0].fact.known);
    EXPECT_EQ(h.periods[1].from, D(2022, 1, 13));
    EXPECT_EQ(h.periods[1].to, D(2025, 12, 31));
    EXPECT_EQ(h.periods[1].fact.value, "ZIP");
    EXPECT_EQ(h.periods[2].from, D(2026, 1, 1));
    EXPECT_FALSE(h.periods[2].to.has_value());
    EXPECT_TRUE(h.periods[2].fact.unconfirmed);
    EXPECT_EQ(h.decrees.size(), 3u);
    return;
  }
  FAIL() << "no doctors' history";
}

TEST(History, ProfessionsComeFromTheLayers) {
  int professions = 0;
  for (const ZoningHistory& h : Index().HistoryFor(Get("07018"))) {
    if (h.field != "zonage.profession") continue;
    ++professions;
    if (h.profession != "infirmier") continue;
    // Two nurses' exports: 2025 until 28 February 2026, then March 2026.
    bool switched = false;
    for (const HistoryPeriod& p : h.periods) {
      if (p.from == D(2026, 3, 1)) {
        switched = true;
        EXPECT_EQ(p.fact.value, "tres_dotee");
      }
    }
    EXPECT_TRUE(switched);
  }
  EXPECT_EQ(professions, static_cast<int>(Index().ZonedProfessions().size()));
}

TEST(History, MidwivesInBastiaShowTheCorseDecree) {
  for (const ZoningHistory& h : Index().HistoryFor(Get("2B033"))) {
    if (h.profession != "sage_femme") continue;
    ASSERT_EQ(h.periods.size(), 3u);
    EXPECT_EQ(h.periods[0].to, D(2024, 12, 31));
    EXPECT_EQ(h.periods[1].from, D(2025, 1, 1));
    EXPECT_EQ(h.periods[1].to, D(2026, 1, 31));
    EXPECT_EQ(h.periods[1].fact.value, "sous_dotee");
    EXPECT_EQ(h.periods[2].from, D(2026, 2, 1));
    EXPECT_TRUE(h.periods[2].fact.unconfirmed);
    ASSERT_EQ(h.decrees.size(), 1u);
    EXPECT_EQ(h.decrees[0]->id, "sage_femme_94_2026");
    return;
  }
  FAIL() << "no midwives' history";
}

TEST(History, JsonMarksTheCurrentPeriod) {
  const std::string json = Index().HistoryToJson(Get("36063"), D(2026, 3, 1));
  EXPECT_NE(json.find("\"statut\":\"a_confirmer\""), std::string::npos);
  EXPECT_NE(json.find("\"valeur_precedente\":\"ZIP\""), std::string::npos);
  EXPECT_NE(json.find("\"du\":\"2022-01-13\",\"au\":\"2025-12-31\",\"en_cours\":false"), std::string::npos);
  EXPECT_NE(json.find("\"du\":\"2026-01-01\",\"au\":null,\"en_cours\":true"), std::string::npos);
}

TEST(Freshness, ListsTheReplacedRegions) {
  const std::string json = Index().FreshnessToJson(D(2026, 3, 1));
  EXPECT_NE(json.find("\"id\":\"medecins_2025_05\""), std::string::npos);
  EXPECT_NE(json.find("\"perime\":true"), std::string::npos);
  const std::string before = Index().FreshnessToJson(D(2025, 6, 1));
  EXPECT_EQ(before.find("\"perime\":true"), std::string::npos);
}

TEST(Freshness, ListsTheRegionsOfOtherProfessions) {
  // The midwives' layer: replaced in Corse on 1 February 2026.
  const std::string json = Index().FreshnessToJson(D(2026, 6, 1));
  const size_t layer = json.find("\"id\":\"sages_femmes_2025\"");
  ASSERT_NE(layer, std::string::npos);
  const size_t next_layer = json.find("\"id\":\"orthophonistes_2025\"", layer);
  const std::string part = json.substr(layer, next_layer - layer);
  EXPECT_NE(part.find("\"region\":\"94\""), std::string::npos);
  EXPECT_NE(part.find("\"id\":\"sage_femme_94_2026\""), std::string::npos);
  EXPECT_NE(part.find("\"regions_perimees\":1"), std::string::npos) << part;
}

}  // namespace
}  // namespace capsante::geo

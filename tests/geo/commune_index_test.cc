// Load, Find, Search and the selection helpers, on the committed data.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "geo_test_util.h"

namespace capsante::geo {
namespace {

std::vector<std::string> Codes(const std::vector<SearchHit>& hits) {
  std::vector<std::string> out;
  for (const SearchHit& h : hits) out.push_back(h.commune->code);
  return out;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(Load, BadDataDirIsAnErrorNotACrash) {
  std::unique_ptr<CommuneIndex> index;
  const Status st = CommuneIndex::Load("/nonexistent/capsante/data", &index);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kIoError);
  EXPECT_EQ(index, nullptr);
}

TEST(Load, MalformedFileIsInvalidCatalog) {
  const auto dir = std::filesystem::temp_directory_path() / "capsante_geo_bad_data";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "communes.tsv") << "code\ttype\n01001\tcommune\n";
  std::unique_ptr<CommuneIndex> index;
  const Status st = CommuneIndex::Load(dir.string(), &index);
  EXPECT_EQ(st.code(), Status::Code::kInvalidCatalog) << st.ToString();
  // Truncated row in a well-formed header.
  std::ofstream(dir / "communes.tsv")
      << "code\ttype\tparent\tnom\tdepartement\tregion\tpopulation\tcodes_postaux\tlatitude\tlongitude\n"
      << "01001\tcommune\t\tX\n";
  EXPECT_EQ(CommuneIndex::Load(dir.string(), &index).code(), Status::Code::kInvalidCatalog);
  std::filesystem::remove_all(dir);
}

TEST(Load, EverythingIsThere) {
  const CommuneIndex& index = Index();
  EXPECT_GT(index.entries().size(), 37000u);
  EXPECT_GT(index.AllPlaces().size(), 34900u);
  EXPECT_EQ(index.layers().size(), 13u);
  EXPECT_EQ(index.DepartementName("36"), "Indre");
  EXPECT_EQ(index.RegionName("24"), "Centre-Val de Loire");
}

TEST(Find, CurrentCommune) {
  const Lookup l = Index().Find("36044");
  ASSERT_NE(l.commune, nullptr);
  EXPECT_EQ(l.commune->name, "Châteauroux");
  EXPECT_EQ(l.commune->departement, "36");
  EXPECT_EQ(l.commune->region, "24");
  EXPECT_FALSE(l.former_code);
  EXPECT_TRUE(l.commune->has_coordinates);
}

TEST(Find, CorsicaCodeIsCaseInsensitive) {
  const Lookup l = Index().Find("2a004");
  ASSERT_NE(l.commune, nullptr);
  EXPECT_EQ(l.commune->name, "Ajaccio");
  EXPECT_EQ(l.commune->departement, "2A");
}

TEST(Find, DelegatedCommuneCodeLeadsToTodaysCommune) {
  // Saint-Bois (01340) merged into Arboys en Bugey (01015).
  const Lookup l = Index().Find("01340");
  ASSERT_NE(l.commune, nullptr);
  EXPECT_TRUE(l.former_code);
  EXPECT_EQ(l.commune->name, "Saint-Bois");
  EXPECT_EQ(l.commune->kind, CommuneKind::kDeleguee);
  ASSERT_NE(l.current, nullptr);
  EXPECT_EQ(l.current->code, "01015");
  EXPECT_NE(l.note.find("Arboys en Bugey"), std::string::npos);
}

TEST(Find, FormerCodeWithoutDelegatedCommune) {
  // 01018 is a former code of Valserhône (01033).
  const Lookup l = Index().Find("01018");
  ASSERT_NE(l.current, nullptr);
  EXPECT_TRUE(l.former_code);
  EXPECT_EQ(l.current->code, "01033");
  EXPECT_FALSE(l.note.empty());
}

TEST(Find, Arrondissement) {
  const Lookup l = Index().Find("75113");
  ASSERT_NE(l.commune, nullptr);
  EXPECT_EQ(l.commune->kind, CommuneKind::kArrondissement);
  EXPECT_EQ(l.commune->parent_code, "75056");
  EXPECT_FALSE(l.former_code);
  EXPECT_EQ(Index().Parent(*l.commune)->name, "Paris");
}

TEST(Find, UnknownCode) {
  EXPECT_EQ(Index().Find("99999").commune, nullptr);
  EXPECT_EQ(Index().Find("").commune, nullptr);
}

TEST(Search, AccentAndCaseInsensitive) {
  const auto hits = Index().Search("chateauroux", 5);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].commune->code, "36044");
  EXPECT_EQ(hits[0].match, SearchHit::Match::kExactName);
  EXPECT_EQ(Index().Search("CHÂTEAUROUX", 1)[0].commune->code, "36044");
}

TEST(Search, HyphensSpacesApostrophes) {
  EXPECT_EQ(Index().Search("saint amand montrond", 1)[0].commune->code, "18197");
  EXPECT_EQ(Index().Search("Saint-Amand-Montrond", 1)[0].commune->code, "18197");
  EXPECT_EQ(Index().Search("lile bouchard", 1)[0].commune->name, "L'Île-Bouchard");
  EXPECT_EQ(Index().Search("l'ile-bouchard", 1)[0].commune->name, "L'Île-Bouchard");
}

TEST(Search, StMeansSaint) {
  EXPECT_TRUE(Contains(Codes(Index().Search("St-Amand", 20)), "18197"));
  EXPECT_EQ(Index().Search("St-Amand-Montrond", 1)[0].commune->code, "18197");
  EXPECT_EQ(Index().Search("ste maure de touraine", 1)[0].commune->name, "Sainte-Maure-de-Touraine");
}

TEST(Search, PrefixRankedByPopulation) {
  const auto hits = Index().Search("chateaur", 5);
  ASSERT_GE(hits.size(), 2u);
  EXPECT_EQ(hits[0].commune->code, "36044");  // the largest
  EXPECT_EQ(hits[0].match, SearchHit::Match::kNamePrefix);
}

TEST(Search, ExactMatchBeforeLargerPrefixMatch) {
  // "Paris" exact first, then its arrondissements by population.
  const auto hits = Index().Search("paris", 3);
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].commune->code, "75056");
  EXPECT_EQ(hits[1].commune->kind, CommuneKind::kArrondissement);
}

TEST(Search, PostalCodeSharedBySeveralCommunes) {
  // 36200: Argenton-sur-Creuse and its neighbours share one postal code.
  const auto codes = Codes(Index().Search("36200", 50));
  EXPECT_GT(codes.size(), 3u);
  EXPECT_TRUE(Contains(codes, "36006"));  // Argenton-sur-Creuse
  for (const SearchHit& h : Index().Search("36200", 50)) {
    if (h.match == SearchHit::Match::kCode) continue;  // 36200 is also an INSEE code
    EXPECT_EQ(h.match, SearchHit::Match::kPostalCode);
    EXPECT_TRUE(std::find(h.commune->postal_codes.begin(), h.commune->postal_codes.end(), "36200") !=
                h.commune->postal_codes.end());
  }
}

TEST(Search, PostalCodeOfAnArrondissementPrefersIt) {
  const auto hits = Index().Search("75013", 5);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].commune->code, "75113");  // Paris 13e, not Paris as a whole
  EXPECT_FALSE(Contains(Codes(hits), "75056"));
  EXPECT_EQ(Index().Search("13001", 1)[0].commune->code, "13201");  // Marseille 1er
  EXPECT_EQ(Index().Search("69003", 1)[0].commune->code, "69383");  // Lyon 3e
}

TEST(Search, InseeCodeAndFormerCode) {
  // 13001 is Aix-en-Provence's INSEE code too, after the postal code.
  EXPECT_TRUE(Contains(Codes(Index().Search("13001", 5)), "13001"));
  auto hits = Index().Search("36044", 3);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].match, SearchHit::Match::kCode);
  EXPECT_EQ(hits[0].commune->code, "36044");
  hits = Index().Search("01018", 3);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].match, SearchHit::Match::kFormerCode);
  EXPECT_EQ(hits[0].commune->code, "01033");
  EXPECT_FALSE(hits[0].note.empty());
}

TEST(Search, DelegatedCommuneByName) {
  const auto hits = Index().Search("Saint-Bois", 5);
  ASSERT_FALSE(hits.empty());
  bool found = false;
  for (const SearchHit& h : hits) found = found || (h.commune->code == "01340" && h.commune->kind == CommuneKind::kDeleguee);
  EXPECT_TRUE(found);
}

TEST(Search, LimitAndNoise) {
  EXPECT_EQ(Index().Search("saint", 7).size(), 7u);
  EXPECT_TRUE(Index().Search("zzzzqqq", 10).empty());
  EXPECT_TRUE(Index().Search("", 10).empty());
  EXPECT_TRUE(Index().Search("---", 10).empty());
  EXPECT_TRUE(Index().Search("chateauroux", 0).empty());
}

TEST(Selection, DepartementRegionFrance) {
  const auto indre = Index().PlacesInDepartement("36");
  EXPECT_GT(indre.size(), 200u);
  for (const Commune* c : indre) EXPECT_EQ(c->departement, "36");
  EXPECT_GT(Index().PlacesInRegion("24").size(), indre.size());
  // Paris is replaced by its 20 arrondissements.
  const auto paris = Index().PlacesInDepartement("75");
  EXPECT_EQ(paris.size(), 20u);
  for (const Commune* c : paris) EXPECT_EQ(c->kind, CommuneKind::kArrondissement);
  EXPECT_EQ(Index().PlacesInDepartement("2a").size(), Index().PlacesInDepartement("2A").size());
}

TEST(Selection, WithinRadius) {
  const Commune& tours = Get("37261");
  std::vector<Nearby> near;
  std::vector<const Commune*> without;
  ASSERT_TRUE(Index().PlacesWithin(tours, 40, &near, &without).ok());
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(near[0].commune->code, "37261");
  EXPECT_DOUBLE_EQ(near[0].distance_km, 0);
  for (size_t i = 1; i < near.size(); ++i) {
    EXPECT_LE(near[i - 1].distance_km, near[i].distance_km);
    EXPECT_LE(near[i].distance_km, 40);
  }
  bool amboise = false;
  for (const Nearby& n : near) amboise = amboise || n.commune->code == "37003";
  EXPECT_TRUE(amboise);
  // Communes created since 2022 without a point are reported, not dropped.
  EXPECT_FALSE(without.empty());
  for (const Commune* c : without) EXPECT_FALSE(c->has_coordinates);
}

TEST(Selection, WithinRejectsBadInput) {
  std::vector<Nearby> near;
  EXPECT_EQ(Index().PlacesWithin(Get("37261"), -1, &near, nullptr).code(), Status::Code::kInvalidInput);
  const Lookup spm = Index().Find("97502");  // Saint-Pierre: no coordinates
  ASSERT_NE(spm.commune, nullptr);
  EXPECT_EQ(Index().PlacesWithin(*spm.commune, 10, &near, nullptr).code(), Status::Code::kInvalidInput);
}

TEST(Territory, Indicators) {
  const Territory t = Index().TerritoryFor(Get("36044"));
  EXPECT_EQ(t.population, 42963);
  EXPECT_EQ(t.density_level, "2");
  EXPECT_EQ(t.density_label, "Centres urbains intermédiaires");
  EXPECT_EQ(t.frr_class, "Non classée");
  EXPECT_TRUE(t.massif.empty());
  EXPECT_EQ(Index().TerritoryFor(Get("05036")).massif, "Massif des Alpes");
}

TEST(Layers, MetadataForDisplay) {
  bool nurses2026 = false;
  for (const LayerInfo& l : Index().layers()) {
    EXPECT_FALSE(l.label.empty()) << l.id;
    EXPECT_FALSE(l.producer.empty()) << l.id;
    EXPECT_FALSE(l.vintage.empty()) << l.id;
    EXPECT_FALSE(l.provenance.empty()) << l.id;
    EXPECT_GT(l.rows, 0u) << l.id;
    if (l.id == "infirmiers_2026_03") {
      nurses2026 = true;
      ASSERT_TRUE(l.from.has_value());
      EXPECT_EQ(*l.from, D(2026, 3, 1));
      EXPECT_EQ(l.profession, "infirmier");
    }
  }
  EXPECT_TRUE(nurses2026);
}

}  // namespace
}  // namespace capsante::geo

// Engine behaviours that scenario files cannot express: thread safety,
// messages, the shape of explanations. Values come from the shipped catalog.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "capsante/catalog.h"
#include "capsante/engine.h"
#include "../catalog_fixture.h"

namespace capsante {
namespace {

class EngineTest : public CatalogTest {
 protected:
  static Situation Parse(const char* json) {
    Situation s;
    Status st = Situation::FromJson(catalog_->schema(), json, &s);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return s;
  }
  static const AidResult& Find(const Result& r, const char* id) {
    for (const auto& a : r.aids) {
      if (a.aid->id == id) return a;
    }
    ADD_FAILURE() << "aide absente " << id;
    return r.aids.front();
  }
};

const char* kGp2025 = R"({"date":"2025-06-01","profession":"medecin","mode_exercice":"liberal",
  "zonage":{"medecin":"ZIP","departement":"44"},"secteur":"1","exercice_coordonne":"groupe",
  "jours_par_semaine":4,"date_installation":"2025-03-01","participe_pdsa":true})";

TEST_F(EngineTest, OneCatalogServesManyThreads) {
  const Situation s = Parse(kGp2025);
  const std::string expected = ToJson(Evaluate(*catalog_, s));
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        if (ToJson(Evaluate(*catalog_, s)) != expected) ++mismatches;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST_F(EngineTest, CaimIn2025WithScheduleContactAndSources) {
  const Result r = Evaluate(*catalog_, Parse(kGp2025));
  const AidResult& caim = Find(r, "caim");
  ASSERT_EQ(caim.status, AidStatus::kEligible) << AidMessage(r, caim);
  ASSERT_TRUE(caim.amount.total);
  EXPECT_DOUBLE_EQ(*caim.amount.total, 50000);
  ASSERT_EQ(caim.amount.schedule.size(), 2u);
  EXPECT_EQ(caim.amount.schedule[0].date->ToString(), "2025-03-01");
  EXPECT_EQ(caim.amount.schedule[1].date->ToString(), "2026-03-01");
  EXPECT_DOUBLE_EQ(*caim.amount.schedule[1].amount, 25000);
  // Loire-Atlantique has its own CPAM address in document 004.
  ASSERT_NE(caim.contact.entry, nullptr);
  EXPECT_EQ(caim.contact.entry->email, "srps.cpam-loireatlantique@assurance-maladie.fr");
  EXPECT_FALSE(caim.aid->sources.empty());
  // Parameters used by the amount are listed with their start date.
  EXPECT_FALSE(caim.amount.parameters.empty());
}

TEST_F(EngineTest, ClosedAidSaysWhenAndWhatReplacedIt) {
  Situation s = Parse(kGp2025);
  s.set_date(*Date::Parse("2026-01-01"));
  const Result r = Evaluate(*catalog_, s);
  const AidResult& caim = Find(r, "caim");
  ASSERT_EQ(caim.status, AidStatus::kClosed);
  const std::string message = AidMessage(r, caim);
  EXPECT_NE(message.find("31 décembre 2025"), std::string::npos) << message;
  EXPECT_NE(message.find("Remplacé par"), std::string::npos) << message;
  const AidResult& first = Find(r, "aide_premiere_installation");
  Situation before = Parse(kGp2025);
  before.set_date(*Date::Parse("2025-12-31"));
  const Result r2 = Evaluate(*catalog_, before);
  EXPECT_EQ(Find(r2, "aide_premiere_installation").status, AidStatus::kClosed);
  EXPECT_NE(AidMessage(r2, Find(r2, "aide_premiere_installation")).find("1er janvier 2026"), std::string::npos);
  (void)first;
}

TEST_F(EngineTest, RunningContractBlocksIncompatibleAids) {
  const Result r = Evaluate(*catalog_, Parse(R"({"date":"2025-06-01","profession":"medecin","mode_exercice":"liberal",
    "zonage":{"medecin":"ZIP"},"secteur":"1","exercice_coordonne":"groupe","jours_par_semaine":4,
    "participe_pdsa":true,"contrats":[{"id":"caim","date_debut":"2024-03-01"}]})"));
  const AidResult& coscom = Find(r, "coscom");
  EXPECT_EQ(coscom.status, AidStatus::kNotEligible);
  ASSERT_EQ(coscom.blocked_by.size(), 1u);
  EXPECT_EQ(coscom.blocked_by[0], "caim");
  const AidResult& caim = Find(r, "caim");
  ASSERT_TRUE(caim.running.has_value());
  EXPECT_EQ(caim.running->end.ToString(), "2029-03-01");
}

TEST_F(EngineTest, MissingFactsAreNamedNeverGuessed) {
  const Result r = Evaluate(*catalog_, Parse(R"({"date":"2025-06-01","profession":"medecin"})"));
  const AidResult& caim = Find(r, "caim");
  EXPECT_EQ(caim.status, AidStatus::kToSpecify);
  EXPECT_FALSE(caim.missing.empty());
  EXPECT_NE(std::find(caim.missing.begin(), caim.missing.end(), "zonage.medecin"), caim.missing.end());
  // Decided despite missing facts: a doctor outside any zone.
  const Result r2 = Evaluate(*catalog_, Parse(R"({"date":"2025-06-01","profession":"medecin","zonage":{"medecin":"hors_zone"}})"));
  EXPECT_EQ(Find(r2, "caim").status, AidStatus::kNotEligible);
  EXPECT_TRUE(Find(r2, "caim").missing.empty());
}

// The region gate names the region as data/regions.tsv does ("76	Occitanie").
TEST_F(EngineTest, RegionGateNamesTheRegionFromGeoData) {
  const Result r = Evaluate(*catalog_, Parse(R"({"date":"2025-06-01","profession":"medecin","zonage":{"region":"24"}})"));
  const AidResult& ars = Find(r, "contrat_ars_occitanie_installation");
  ASSERT_EQ(ars.status, AidStatus::kNotEligible);
  bool found = false;
  for (const auto& c : ars.conditions) found |= c.text == "Exercer en région Occitanie (76)" && c.status == ConditionStatus::kNotMet;
  EXPECT_TRUE(found);
}

TEST_F(EngineTest, OneFactAwayIsReported) {
  Situation s = Parse(R"({"date":"2025-06-01","profession":"medecin","mode_exercice":"liberal",
    "zonage":{"medecin":"ZIP"},"secteur":"1","exercice_coordonne":"groupe","jours_par_semaine":4,
    "date_installation":"2025-03-01","participe_pdsa":false})");
  const Result r = Evaluate(*catalog_, s);
  const AidResult& caim = Find(r, "caim");
  ASSERT_EQ(caim.status, AidStatus::kNotEligible);
  ASSERT_EQ(caim.one_fact_away.size(), 1u);
  EXPECT_NE(std::string(caim.one_fact_away[0]->text).find("permanence des soins"), std::string::npos);
}

TEST_F(EngineTest, JsonFollowsTheContract) {
  const Result r = Evaluate(*catalog_, Parse(kGp2025));
  const std::string json = ToJson(r);
  for (const char* key : {"\"date\":\"2025-06-01\"", "\"aides\":[", "\"statut\":\"eligible\"", "\"montant\":{\"total\":50000",
                          "\"unite\":\"EUR\"", "\"periodicite\":\"unique\"", "\"echeancier\":[", "\"engagements\":[",
                          "\"conditions\":[", "\"manquants\":[", "\"incompatible_avec\":[", "\"sources\":[",
                          "\"contact\":{\"organisme\""}) {
    EXPECT_NE(json.find(key), std::string::npos) << key;
  }
}

// The lean answer names a quoted document once, in `documents`; its sources
// keep `document` and `extrait` (api-v1) and lose the repeated title.
TEST_F(EngineTest, LeanSourcesShareTheirDocuments) {
  const Result r = Evaluate(*catalog_, Parse(kGp2025));
  const std::string lean = ToJson(r);
  const std::string doc = "\"document\":\"004_e770e37fc8623f8e.txt\",\"extrait\":";
  EXPECT_NE(lean.find(doc), std::string::npos);
  const std::string entry = "\"documents\":{";
  const size_t table = lean.find(entry);
  ASSERT_NE(table, std::string::npos);
  EXPECT_NE(lean.find("\"004_e770e37fc8623f8e.txt\":{\"titre\":\"Les aides à l'installation (PAPS Pays de la Loire)\"", table),
            std::string::npos);
  const std::string title = "\"titre\":\"Les aides à l'installation (PAPS Pays de la Loire)\"";
  EXPECT_EQ(lean.find(title), lean.rfind(title)) << "the title is written once";
  // In full, every source carries its document's title again, and there is no table.
  JsonOptions full;
  full.details = true;
  const std::string detailed = ToJson(r, full);
  EXPECT_EQ(detailed.find(entry), std::string::npos);
  EXPECT_NE(detailed.find(title), detailed.rfind(title));
}

// The default answer leaves pure repeats to the full one: a closed aid's
// message (its `fenetre` says when it closed and what replaced it), the
// amount's missing fields (among the aid's), empty label lists, `famille`.
TEST_F(EngineTest, LeanAnswerLeavesRepeatsToDetails) {
  std::string gp2026 = kGp2025;
  gp2026.replace(gp2026.find("2025-06-01"), 10, "2026-06-01");
  gp2026.replace(gp2026.find("2025-03-01"), 10, "2026-03-01");  // installed this year
  gp2026.insert(1, "\"premiere_installation_liberale\":true,");
  const std::string zone = "\"medecin\":\"ZIP\",";  // the zone left unknown
  gp2026.erase(gp2026.find(zone), zone.size());
  const Result r = Evaluate(*catalog_, Parse(gp2026.c_str()));
  JsonOptions full;
  full.details = true;
  const auto lean = nlohmann::json::parse(ToJson(r));
  const auto detailed = nlohmann::json::parse(ToJson(r, full));
  auto aid = [](const nlohmann::json& doc, const std::string& id) {
    for (const auto& a : doc.at("aides")) {
      if (a["id"] == id) return a;
    }
    ADD_FAILURE() << "aide absente " << id;
    return nlohmann::json::object();
  };
  const auto caim = aid(lean, "caim");
  EXPECT_EQ(caim["statut"], "ferme");
  EXPECT_EQ(caim["fenetre"]["fermeture"], "2025-12-31");
  EXPECT_FALSE(caim["fenetre"]["remplacee_par"].empty());
  EXPECT_FALSE(caim.contains("message"));
  EXPECT_FALSE(caim.contains("famille"));
  EXPECT_FALSE(caim.contains("manquants_libelles")) << "no missing field, no label list";
  EXPECT_EQ(caim["sources"].size(), 1u);
  EXPECT_TRUE(caim["sources"][0].contains("extrait"));
  const auto caim_full = aid(detailed, "caim");
  EXPECT_EQ(caim_full["message"].get<std::string>().rfind("Fermé : souscription possible jusqu'au 31 décembre 2025", 0), 0u);
  EXPECT_EQ(caim_full["famille"], "installation");
  EXPECT_EQ(caim_full["manquants_libelles"], nlohmann::json::array());
  // Without the zone, the first-installation aid is to specify: its amount's
  // missing field is the aid's, with its label beside it once.
  const auto first = aid(lean, "aide_premiere_installation");
  EXPECT_EQ(first["statut"], "a_preciser");
  EXPECT_EQ(first["manquants"], nlohmann::json::array({"zonage.medecin"}));
  EXPECT_EQ(first["manquants_libelles"].size(), 1u);
  EXPECT_FALSE(first["montant"].contains("manquants"));
  EXPECT_TRUE(first["montant"]["total"].is_null());
  EXPECT_TRUE(first["montant"].contains("explication")) << "no total: the explanation says how it is set";
  EXPECT_FALSE(first.contains("message")) << "the missing fields say it";
  EXPECT_EQ(aid(detailed, "aide_premiere_installation")["montant"]["manquants"], first["manquants"]);
  // The full answer's sentence names the field in words, never its path.
  EXPECT_EQ(aid(detailed, "aide_premiere_installation")["message"],
            "Éligibilité à préciser : il manque zonage médecins de la commune.");
}

}  // namespace
}  // namespace capsante

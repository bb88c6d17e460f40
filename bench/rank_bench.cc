// Google Benchmark: `capsante classement --france`, the whole chain (zone
// facts of ~35,000 places, evaluation per distinct zoning, best compatible
// set of aids). Budget (issue 4): under 100 ms on one core.
#include <benchmark/benchmark.h>

#include <memory>

#include "capsante/catalog.h"
#include "capsante/geo.h"
#include "capsante/place.h"

namespace {

struct World {
  std::unique_ptr<capsante::Catalog> catalog;
  std::unique_ptr<capsante::geo::CommuneIndex> communes;
};

const World& TheWorld() {
  static World w = [] {
    World out;
    if (!capsante::Catalog::Load(CAPSANTE_DEFAULT_HOME, &out.catalog).ok()) std::abort();
    if (!capsante::geo::CommuneIndex::Load(std::string(CAPSANTE_DEFAULT_HOME) + "/data", &out.communes).ok()) std::abort();
    return out;
  }();
  return w;
}

void RankFrance(benchmark::State& state, const char* json) {
  const World& w = TheWorld();
  capsante::Situation s;
  if (!capsante::Situation::FromJson(w.catalog->schema(), json, &s).ok()) std::abort();
  const auto places = w.communes->AllPlaces();
  capsante::RankOptions o;
  o.years = 5;
  o.limit = 50;
  for (auto _ : state) {
    std::vector<capsante::RankedPlace> out;
    benchmark::DoNotOptimize(capsante::Rank(*w.catalog, *w.communes, s, places, o, &out));
  }
  state.counters["communes"] = static_cast<double>(places.size());
}

void BM_RankFranceGp2026(benchmark::State& state) {
  RankFrance(state, R"({"date":"2026-06-01","profession":"medecin","specialite":"medecine_generale","mode_exercice":"liberal",
    "secteur":"1","exercice_coordonne":"msp","jours_par_semaine":4,"date_installation":"2026-09-01",
    "premiere_installation_liberale":true,"participe_pdsa":true})");
}
BENCHMARK(BM_RankFranceGp2026)->Unit(benchmark::kMillisecond);

void BM_RankFranceNurse(benchmark::State& state) {
  RankFrance(state, R"({"date":"2026-06-01","profession":"infirmier","mode_exercice":"liberal","exercice_coordonne":"groupe",
    "taux_teletransmission":90,"date_installation":"2026-09-01"})");
}
BENCHMARK(BM_RankFranceNurse)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

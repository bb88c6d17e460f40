// Google Benchmark: `capsante classement --france`, the whole chain (zone
// facts of ~35,000 places, evaluation per distinct zoning, best compatible
// set of aids). Budget (issue 4): under 100 ms on one core.
#include <benchmark/benchmark.h>

#include "capsante/place.h"
#include "world.h"

namespace {

using capsante_bench::ParseOrDie;
using capsante_bench::TheWorld;
using capsante_bench::World;

void RankFrance(benchmark::State& state, const char* json) {
  const World& w = TheWorld();
  const capsante::Situation s = ParseOrDie(json);
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

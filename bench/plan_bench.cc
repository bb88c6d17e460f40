// Google Benchmark: career plans (issue 12). Budgets: the plans of one
// situation over 10 years under 1 ms; all of France ranked by the best plan's
// total under 1 s on this machine.
#include <benchmark/benchmark.h>

#include "capsante/place.h"
#include "capsante/plan.h"
#include "world.h"

namespace {

using capsante_bench::ParseOrDie;
using capsante_bench::TheWorld;
using capsante_bench::World;

void Plans(benchmark::State& state, const char* json) {
  const World& w = TheWorld();
  const capsante::Situation s = ParseOrDie(json);
  capsante::PlanOptions o;
  o.horizon_years = 10;
  int evaluations = 0;
  for (auto _ : state) {
    const capsante::PlanResult r = capsante::MakePlans(*w.catalog, s, o);
    evaluations = r.evaluations;
    benchmark::DoNotOptimize(r.plans.data());
  }
  state.counters["evaluations"] = evaluations;
}

// The issue's example: a GP settling in a ZIP in the autumn of 2025 (CAIM now
// or the 2026 aid), the installation date left to the plan.
void BM_PlanGpAutumn2025(benchmark::State& state) {
  Plans(state, R"({"date":"2025-10-01","profession":"medecin","mode_exercice":"liberal","zonage":{"medecin":"ZIP","region":"52"},
    "secteur":"1","exercice_coordonne":"msp","jours_par_semaine":4,"premiere_installation_liberale":true,"participe_pdsa":true})");
}
BENCHMARK(BM_PlanGpAutumn2025)->Unit(benchmark::kMicrosecond);

// Ages move on every year: a 58-year-old GP who will welcome a successor.
void BM_PlanGp58(benchmark::State& state) {
  Plans(state, R"({"date":"2025-06-01","profession":"medecin","mode_exercice":"liberal","zonage":{"medecin":"ZIP","region":"24"},
    "secteur":"1","exercice_coordonne":"groupe","age":58,"date_installation":"1998-09-01","honoraires_annuels_zone":180000,
    "medecin_accueilli":{"age":34,"date_installation":"2028-09-01"}})");
}
BENCHMARK(BM_PlanGp58)->Unit(benchmark::kMicrosecond);

// Years of study move on, then graduation.
void BM_PlanStudent(benchmark::State& state) {
  Plans(state, R"({"date":"2025-09-01","profession":"etudiant_medecine","etudes":{"annee":4,"cycle":2,"fin_prevue":"2030-11-01"},
    "zonage":{"medecin":"ZIP","region":"24"}})");
}
BENCHMARK(BM_PlanStudent)->Unit(benchmark::kMicrosecond);

void BM_RankFranceByPlan(benchmark::State& state) {
  const World& w = TheWorld();
  const capsante::Situation s = ParseOrDie(R"({"date":"2026-06-01","profession":"medecin","specialite":"medecine_generale",
    "mode_exercice":"liberal","secteur":"1","exercice_coordonne":"msp","jours_par_semaine":4,"date_installation":"2026-09-01",
    "premiere_installation_liberale":true,"participe_pdsa":true})");
  const auto places = w.communes->AllPlaces();
  capsante::RankOptions o;
  o.years = 10;
  o.limit = 50;
  o.by_plan = true;
  for (auto _ : state) {
    std::vector<capsante::RankedPlace> out;
    benchmark::DoNotOptimize(capsante::Rank(*w.catalog, *w.communes, s, places, o, &out));
  }
  state.counters["communes"] = static_cast<double>(places.size());
}
BENCHMARK(BM_RankFranceByPlan)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

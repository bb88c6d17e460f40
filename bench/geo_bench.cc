// Benchmarks of capsante::geo: loading every layer, searching, and the zone
// facts of every place of France (the inner loop of `capsante classement
// --france`). Budgets (issue 4): load < 100 ms and < 50 MB; all of France in
// < 100 ms on one core.
//
// Data folder: $CAPSANTE_HOME/data, else CAPSANTE_GEO_DATA_DIR (compile
// definition), else ./data.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "capsante/geo.h"

#ifndef CAPSANTE_GEO_DATA_DIR
#define CAPSANTE_GEO_DATA_DIR "data"
#endif

namespace {

using capsante::Date;
using capsante::geo::CommuneIndex;

std::string DataDir() {
  if (const char* home = std::getenv("CAPSANTE_HOME")) return std::string(home) + "/data";
  return CAPSANTE_GEO_DATA_DIR;
}

std::unique_ptr<CommuneIndex> LoadOrDie() {
  std::unique_ptr<CommuneIndex> index;
  const capsante::Status st = CommuneIndex::Load(DataDir(), &index);
  if (!st.ok()) {
    std::fprintf(stderr, "geo_bench: %s\n", st.ToString().c_str());
    std::exit(1);
  }
  return index;
}

const CommuneIndex& Shared() {
  static const std::unique_ptr<CommuneIndex> index = LoadOrDie();
  return *index;
}

long MaxRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;  // kilobytes on Linux
}

// Date::FromDays keeps the bench free of Date's .cc: 2026-01-15.
const Date kDate = Date::FromDays(20468);

void BM_LoadAllLayers(benchmark::State& state) {
  const long before = MaxRssKb();
  for (auto _ : state) {
    std::unique_ptr<CommuneIndex> index = LoadOrDie();
    benchmark::DoNotOptimize(index.get());
  }
  // Peak RSS of the process (the first load dominates it) and its growth.
  state.counters["max_rss_MB"] = static_cast<double>(MaxRssKb()) / 1024.0;
  state.counters["rss_growth_MB"] = static_cast<double>(MaxRssKb() - before) / 1024.0;
}
BENCHMARK(BM_LoadAllLayers)->Unit(benchmark::kMillisecond)->Iterations(10);

void BM_SearchName(benchmark::State& state) {
  const CommuneIndex& index = Shared();
  for (auto _ : state) benchmark::DoNotOptimize(index.Search("st-amand", 10));
}
BENCHMARK(BM_SearchName)->Unit(benchmark::kMicrosecond);

void BM_SearchShortPrefix(benchmark::State& state) {
  const CommuneIndex& index = Shared();
  for (auto _ : state) benchmark::DoNotOptimize(index.Search("sa", 10));
}
BENCHMARK(BM_SearchShortPrefix)->Unit(benchmark::kMicrosecond);

void BM_SearchPostalCode(benchmark::State& state) {
  const CommuneIndex& index = Shared();
  for (auto _ : state) benchmark::DoNotOptimize(index.Search("36200", 50));
}
BENCHMARK(BM_SearchPostalCode)->Unit(benchmark::kMicrosecond);

void BM_FactsForAllOfFrance(benchmark::State& state) {
  const CommuneIndex& index = Shared();
  const auto places = index.AllPlaces();
  size_t facts = 0;
  for (auto _ : state) {
    for (const capsante::geo::Commune* c : places) {
      auto v = index.FactsFor(*c, kDate, "infirmier");
      facts += v.size();
      benchmark::DoNotOptimize(v);
    }
  }
  state.counters["places"] = static_cast<double>(places.size());
  state.counters["facts_per_iter"] = static_cast<double>(facts) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_FactsForAllOfFrance)->Unit(benchmark::kMillisecond);

// The fast path of a ranking: no notes, a new vector per place.
void BM_FactsForAllOfFranceNoNotes(benchmark::State& state) {
  const CommuneIndex& index = Shared();
  const auto places = index.AllPlaces();
  capsante::geo::FactsOptions options;
  options.notes = false;
  size_t facts = 0;
  for (auto _ : state) {
    for (const capsante::geo::Commune* c : places) {
      auto v = index.FactsFor(*c, kDate, "infirmier", options);
      facts += v.size();
      benchmark::DoNotOptimize(v);
    }
  }
  state.counters["places"] = static_cast<double>(places.size());
  state.counters["facts_per_iter"] = static_cast<double>(facts) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_FactsForAllOfFranceNoNotes)->Unit(benchmark::kMillisecond);

// The fast path as Rank uses it: no notes, one vector reused for every place.
void BM_FactsForAllOfFranceNoNotesReused(benchmark::State& state) {
  const CommuneIndex& index = Shared();
  const auto places = index.AllPlaces();
  capsante::geo::FactsOptions options;
  options.notes = false;
  std::vector<capsante::geo::PlaceFact> v;
  size_t facts = 0;
  for (auto _ : state) {
    for (const capsante::geo::Commune* c : places) {
      index.FactsFor(*c, kDate, "infirmier", options, &v);
      facts += v.size();
      benchmark::DoNotOptimize(v.data());
    }
  }
  state.counters["places"] = static_cast<double>(places.size());
  state.counters["facts_per_iter"] = static_cast<double>(facts) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_FactsForAllOfFranceNoNotesReused)->Unit(benchmark::kMillisecond);

void BM_WithinRadius40km(benchmark::State& state) {
  const CommuneIndex& index = Shared();
  const capsante::geo::Commune* tours = index.Find("37261").commune;
  std::vector<capsante::geo::Nearby> out;
  std::vector<const capsante::geo::Commune*> without;
  for (auto _ : state) {
    benchmark::DoNotOptimize(index.PlacesWithin(*tours, 40, &out, &without));
  }
  state.counters["places"] = static_cast<double>(out.size());
}
BENCHMARK(BM_WithinRadius40km)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();

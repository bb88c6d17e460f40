// Google Benchmark: loading the catalog, parsing a situation, evaluating the
// whole catalog (with and without explanations) and writing the JSON result.
// Speed is measured here, never by timed tests. The evaluation benchmarks
// also report the heap allocations of one iteration ("allocations").
#include <benchmark/benchmark.h>

#include <memory>

#include "alloc_counter.h"

#include "capsante/catalog.h"
#include "capsante/engine.h"
#include "capsante/situation.h"

namespace {

const char* kDoctor2025 = R"({"date":"2025-06-01","profession":"medecin","specialite":"medecine_generale",
  "mode_exercice":"liberal","zonage":{"medecin":"ZIP","region":"24","departement":"36","qpv":false},
  "secteur":"1","exercice_coordonne":"msp","jours_par_semaine":4,"date_installation":"2025-03-01",
  "premiere_installation_liberale":true,"participe_pdsa":true,"age":34,"honoraires_annuels_zone":180000,
  "stagiaires":[{"quotite":1,"mois":6}],"contrats":[{"id":"cesp","date_debut":"2019-09-01","date_fin":"2024-06-30"}]})";

const capsante::Catalog& TheCatalog() {
  static std::unique_ptr<capsante::Catalog> c = [] {
    std::unique_ptr<capsante::Catalog> out;
    if (!capsante::Catalog::Load(CAPSANTE_DEFAULT_HOME, &out).ok()) std::abort();
    return out;
  }();
  return *c;
}

// Heap allocations per iteration, counted while `state` runs.
class AllocationCount {
 public:
  explicit AllocationCount(benchmark::State& state) : state_(state), start_(capsante_bench::Allocations()) {}
  ~AllocationCount() {
    const double per_iteration =
        static_cast<double>(capsante_bench::Allocations() - start_) / static_cast<double>(state_.iterations());
    state_.counters["allocations"] = per_iteration;
  }
  AllocationCount(const AllocationCount&) = delete;
  AllocationCount& operator=(const AllocationCount&) = delete;

 private:
  benchmark::State& state_;
  size_t start_;
};

capsante::Situation Doctor() {
  capsante::Situation s;
  if (!capsante::Situation::FromJson(TheCatalog().schema(), kDoctor2025, &s).ok()) std::abort();
  return s;
}

void BM_LoadCatalog(benchmark::State& state) {
  for (auto _ : state) {
    std::unique_ptr<capsante::Catalog> c;
    benchmark::DoNotOptimize(capsante::Catalog::Load(CAPSANTE_DEFAULT_HOME, &c));
  }
  state.counters["aides"] = static_cast<double>(TheCatalog().aids().size());
}
BENCHMARK(BM_LoadCatalog)->Unit(benchmark::kMillisecond);

void BM_ParseSituation(benchmark::State& state) {
  const auto& schema = TheCatalog().schema();
  for (auto _ : state) {
    capsante::Situation s;
    benchmark::DoNotOptimize(capsante::Situation::FromJson(schema, kDoctor2025, &s));
  }
}
BENCHMARK(BM_ParseSituation)->Unit(benchmark::kMicrosecond);

void BM_EvaluateWithExplanations(benchmark::State& state) {
  const capsante::Situation s = Doctor();
  capsante::EvalOptions o;
  o.explanations = true;
  AllocationCount count(state);
  for (auto _ : state) benchmark::DoNotOptimize(capsante::Evaluate(TheCatalog(), s, o));
}
BENCHMARK(BM_EvaluateWithExplanations)->Unit(benchmark::kMicrosecond);

void BM_EvaluateWithoutExplanations(benchmark::State& state) {
  const capsante::Situation s = Doctor();
  capsante::EvalOptions o;
  o.explanations = false;
  AllocationCount count(state);
  for (auto _ : state) benchmark::DoNotOptimize(capsante::Evaluate(TheCatalog(), s, o));
}
BENCHMARK(BM_EvaluateWithoutExplanations)->Unit(benchmark::kMicrosecond);

// What the simulate use case adds to the evaluation: each aid out of reach
// by one condition evaluated again with the other values of its fields.
void BM_FindAlternatives(benchmark::State& state) {
  const capsante::Situation s = Doctor();
  const capsante::Result base = capsante::Evaluate(TheCatalog(), s, {});
  size_t found = 0;
  AllocationCount count(state);
  for (auto _ : state) {
    capsante::Result r = base;
    capsante::FindAlternatives(TheCatalog(), s, &r);
    found = 0;
    for (const auto& a : r.aids) found += a.alternatives.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["valeurs"] = static_cast<double>(found);
}
BENCHMARK(BM_FindAlternatives)->Unit(benchmark::kMicrosecond);

// The compute of the simulate use case (service::Simulate) for the default,
// lean answer, without the writing: parsing the situation, evaluating every
// aid without explanations, then the alternatives ("ce_qui_changerait").
// The commune is not looked up: the situation gives its zoning.
void BM_SimulateWithoutWriting(benchmark::State& state) {
  const auto& catalog = TheCatalog();
  capsante::EvalOptions o;
  o.explanations = false;
  AllocationCount count(state);
  for (auto _ : state) {
    capsante::Situation s;
    if (!capsante::Situation::FromJson(catalog.schema(), kDoctor2025, &s).ok()) std::abort();
    capsante::Result r = capsante::Evaluate(catalog, s, o);
    capsante::FindAlternatives(catalog, s, &r);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_SimulateWithoutWriting)->Unit(benchmark::kMicrosecond);

void BM_EvaluateEmptySituation(benchmark::State& state) {
  capsante::Situation s;
  if (!capsante::Situation::FromJson(TheCatalog().schema(), "{}", &s).ok()) std::abort();
  AllocationCount count(state);
  for (auto _ : state) benchmark::DoNotOptimize(capsante::Evaluate(TheCatalog(), s));
}
BENCHMARK(BM_EvaluateEmptySituation)->Unit(benchmark::kMicrosecond);

// The default (lean) answer, and the full one ("details": true).
void BM_ResultToJsonLean(benchmark::State& state) {
  const capsante::Result r = capsante::Evaluate(TheCatalog(), Doctor());
  size_t bytes = 0;
  for (auto _ : state) {
    const std::string out = capsante::ToJson(r);
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["octets"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ResultToJsonLean)->Unit(benchmark::kMicrosecond);

void BM_ResultToJsonDetails(benchmark::State& state) {
  const capsante::Result r = capsante::Evaluate(TheCatalog(), Doctor());
  capsante::JsonOptions o;
  o.details = true;
  size_t bytes = 0;
  for (auto _ : state) {
    const std::string out = capsante::ToJson(r, o);
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["octets"] = static_cast<double>(bytes);
}
BENCHMARK(BM_ResultToJsonDetails)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();

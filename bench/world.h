// What the place and plan benchmarks share: the catalog and the communes,
// loaded once from the source tree, and situations parsed from JSON. A load or
// parse failure aborts: a benchmark of a broken world measures nothing.
#ifndef CAPSANTE_BENCH_WORLD_H_
#define CAPSANTE_BENCH_WORLD_H_

#include <cstdlib>
#include <memory>
#include <string>

#include "capsante/catalog.h"
#include "capsante/geo.h"

namespace capsante_bench {

struct World {
  std::unique_ptr<capsante::Catalog> catalog;
  std::unique_ptr<capsante::geo::CommuneIndex> communes;
};

inline const World& TheWorld() {
  static World w = [] {
    World out;
    if (!capsante::Catalog::Load(CAPSANTE_DEFAULT_HOME, &out.catalog).ok()) std::abort();
    if (!capsante::geo::CommuneIndex::Load(std::string(CAPSANTE_DEFAULT_HOME) + "/data", &out.communes).ok()) std::abort();
    return out;
  }();
  return w;
}

inline capsante::Situation ParseOrDie(const char* json) {
  capsante::Situation s;
  if (!capsante::Situation::FromJson(TheWorld().catalog->schema(), json, &s).ok()) std::abort();
  return s;
}

}  // namespace capsante_bench

#endif  // CAPSANTE_BENCH_WORLD_H_

// libFuzzer target: commune search and lookup on any text. The index is the
// committed data/; every query answers (possibly nothing) without crashing,
// within the limit asked, and a code lookup never crashes either.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "capsante/geo.h"

namespace {

const capsante::geo::CommuneIndex& TheIndex() {
  static std::unique_ptr<capsante::geo::CommuneIndex> index = [] {
    std::unique_ptr<capsante::geo::CommuneIndex> i;
    if (!capsante::geo::CommuneIndex::Load(std::string(CAPSANTE_DEFAULT_HOME) + "/data", &i).ok()) std::abort();
    return i;
  }();
  return *index;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t limit = data[0] % 32;
  const std::string_view query(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto hits = TheIndex().Search(query, limit);
  if (hits.size() > limit) std::abort();
  (void)TheIndex().Find(query);
  (void)capsante::geo::FoldName(query);
  return 0;
}

// libFuzzer target: any bytes given as a situation are either accepted or
// refused with a French message; accepted ones evaluate without crashing.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "capsante/catalog.h"
#include "capsante/engine.h"
#include "capsante/situation.h"

namespace {

const capsante::Catalog& TheCatalog() {
  static std::unique_ptr<capsante::Catalog> catalog = [] {
    std::unique_ptr<capsante::Catalog> c;
    if (!capsante::Catalog::Load(CAPSANTE_DEFAULT_HOME, &c).ok()) std::abort();
    return c;
  }();
  return *catalog;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const capsante::Catalog& catalog = TheCatalog();
  const std::string text(reinterpret_cast<const char*>(data), size);
  capsante::Situation situation;
  capsante::Status st = capsante::Situation::FromJson(catalog.schema(), text, &situation);
  if (st.ok()) st = catalog.CheckSituation(situation);
  if (!st.ok()) {
    if (st.message().empty() || st.code() != capsante::Status::Code::kInvalidInput) std::abort();
    return 0;
  }
  const capsante::Result result = capsante::Evaluate(catalog, situation);
  (void)capsante::ToJson(result);
  (void)capsante::ToTable(result);
  return 0;
}

// The texts of the built-in checks the engine makes before an aid's own
// conditions (profession or structure, region, waiting period, departments),
// written once at load time in the words a person reads.
#include <cstdint>
#include <string>

#include "catalog/catalog_loader.h"

namespace capsante {

Status CatalogLoader::WriteGateTexts(const Map& m, const Aid& aid, internal::CompiledAid* compiled) const {
  const FieldSpec* profession = c_->schema_->Find("profession");
  std::string names;
  for (const auto& p : aid.professions) {
    std::string label = p;
    const int i = profession ? profession->EnumIndex(p) : -1;
    if (i >= 0 && i < 64) compiled->profession_mask |= std::uint64_t{1} << i;
    if (i >= 0 && static_cast<size_t>(i) < profession->labels.size()) label = profession->labels[static_cast<size_t>(i)];
    names += (names.empty() ? "" : ", ") + label;
  }
  compiled->profession_gate = "Profession concernée : " + names;
  if (!aid.region.empty()) {
    auto region = region_names_.find(aid.region);
    if (region == region_names_.end()) return m.Error(m.Get("region"), "région inconnue « " + aid.region + " » (absente de data/regions.tsv)");
    compiled->region_gate = "Exercer en région " + region->second + " (" + aid.region + ")";
  }
  if (aid.waiting_period) {
    compiled->waiting_period_gate = "Aucune aide de la même catégorie accordée depuis moins de " +
                                    std::to_string(aid.waiting_period->years) + " ans";
  }
  if (!aid.departements.empty()) {
    std::string list;
    for (const auto& d : aid.departements) list += (list.empty() ? "" : ", ") + d;
    compiled->departement_gate = "Exercer dans l'un des départements " + list;
  }
  return Status::Ok();
}

}  // namespace capsante

// Loads and validates the catalog: situation schema, shared definitions,
// contacts, source documents and one YAML file per aid. Every expression is
// parsed and bound here, once. The readers of each file and section are
// listed in catalog_loader.h.
#include <algorithm>
#include <filesystem>

#include "capsante/geo.h"
#include "catalog/catalog_loader.h"

namespace capsante {

namespace fs = std::filesystem;

Status CatalogLoader::Run(const std::string& home) {
  c_->home_ = home;
  const std::string dir = home + "/catalog";
  if (!fs::is_directory(dir)) return Status::IoError("dossier du catalogue introuvable : " + dir, dir);
  CAPSANTE_RETURN_IF_ERROR(SituationSchema::Load(dir + "/situation.yaml", &c_->schema_));
  CAPSANTE_RETURN_IF_ERROR(LoadSources(home + "/sources"));
  CAPSANTE_RETURN_IF_ERROR(LoadSourceRegistry(dir + "/sources.yaml"));
  CAPSANTE_RETURN_IF_ERROR(LoadDefinitions(dir + "/definitions.yaml"));
  CAPSANTE_RETURN_IF_ERROR(LoadContacts(dir + "/contacts.yaml"));
  // Regional aids name their region as the geographic data does.
  CAPSANTE_RETURN_IF_ERROR(geo::LoadRegionNames(home + "/data", &region_names_));

  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir + "/aides", ec)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  if (ec) return Status::IoError("dossier illisible : " + dir + "/aides", dir + "/aides");
  std::sort(files.begin(), files.end());
  if (files.empty()) return Status::InvalidCatalog(dir + "/aides : aucune aide", dir + "/aides");
  c_->aids_.reserve(files.size());
  for (const auto& f : files) {
    Aid aid;
    CAPSANTE_RETURN_IF_ERROR(LoadAid(f, &aid));
    aid.file = fs::relative(f, home).string();
    c_->aids_.push_back(std::move(aid));
  }
  SetDateHorizon();
  return Link();
}

// The furthest a result reaches after a date of the situation: the longest
// contract and the last payment of any schedule. Situation dates are
// refused when that would cross Date::Latest().
void CatalogLoader::SetDateHorizon() {
  int months = 0;
  for (const Aid& aid : c_->aids_) {
    months = std::max(months, aid.duration_months);
    for (const Payment& p : aid.schedule) months = std::max(months, p.months_after + (p.repeat - 1) * p.every_months);
  }
  c_->schema_->SetHorizon(months);
}

// Cross-aid references: incompatibilities, replacements, sequences.
Status CatalogLoader::Link() {
  for (auto& aid : c_->aids_) {
    auto compiled = std::const_pointer_cast<internal::CompiledAid>(aid.compiled);
    compiled->organisation = c_->FindOrganisation(aid.contact);
    for (const auto& other : aid.incompatible_with) {
      const Aid* o = c_->FindAid(other);
      if (!o) return Status::InvalidCatalog(aid.file + ": incompatible_avec : aide inconnue « " + other + " »", aid.file);
      compiled->incompatible.push_back(o->compiled->index);
    }
    for (const auto* list : {&aid.replaced_by, &aid.may_follow}) {
      for (const auto& other : *list) {
        if (!c_->FindAid(other)) return Status::InvalidCatalog(aid.file + ": aide inconnue « " + other + " »", aid.file);
      }
    }
  }
  return Status::Ok();
}

Status Catalog::Load(const std::string& home, std::unique_ptr<Catalog>* out) {
  std::unique_ptr<Catalog> catalog(new Catalog());
  CatalogLoader loader(catalog.get());
  CAPSANTE_RETURN_IF_ERROR(loader.Run(home));
  *out = std::move(catalog);
  return Status::Ok();
}

}  // namespace capsante

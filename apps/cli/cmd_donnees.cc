// capsante donnees [--json] [--date D]: data freshness. Every zoning layer
// with the decrees its values reflect per region, and the regions where a
// newer decree (whose values are not imported) replaced them. The document
// is the library's (CommuneIndex::FreshnessToJson); the table reads it back.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "capsante/geo.h"
#include "common.h"

namespace capsante::cli {
namespace {

struct DonneesOptions {
  bool json = false;
  std::string date;
};

std::string Text(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

int RunDonnees(const DonneesOptions& o, const GlobalOptions& global) {
  Date date = Date::Today();
  if (!o.date.empty()) {
    if (Status st = ParseDateOption(o.date, "--date", &date); !st.ok()) return ReportError(st);
  }
  std::unique_ptr<geo::CommuneIndex> index;
  if (Status st = geo::CommuneIndex::Load(ResolveHome(global) + "/data", &index); !st.ok()) {
    return ReportError(Status::InvalidCatalog("données des communes illisibles : " + st.message()));
  }
  const std::string doc = index->FreshnessToJson(date, o.json ? 2 : -1);
  if (o.json) {
    std::printf("%s\n", doc.c_str());
    return kExitOk;
  }
  const nlohmann::json j = nlohmann::json::parse(doc);
  std::printf("Fraîcheur des données au %s\n", date.ToFrench().c_str());
  for (const auto& l : j["couches"]) {
    std::printf("\n%s — %s (%s)\n", Text(l, "libelle").c_str(), Text(l, "millesime").c_str(), Text(l, "producteur").c_str());
    for (const auto& r : l["regions"]) {
      std::printf("  %s : %s", Text(r, "nom").c_str(), Text(r["arrete"], "libelle").c_str());
      if (r["perime"].get<bool>()) {
        std::printf("\n    REMPLACÉ par : %s — valeurs non importées, zone à confirmer", Text(r["remplace_par"], "libelle").c_str());
      } else if (r["remplace_par"].is_object()) {
        std::printf("\n    sera remplacé par : %s", Text(r["remplace_par"], "libelle").c_str());
      }
      if (r["annonce"].is_object()) std::printf("\n    nouveau zonage annoncé : %s", Text(r["annonce"], "libelle").c_str());
      std::printf("\n");
    }
    if (l["regions"].empty()) std::printf("  aucun arrêté connu : %s\n", Text(l, "avertissement").c_str());
  }
  return kExitOk;
}

}  // namespace

void RegisterDonnees(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto o = std::make_shared<DonneesOptions>();
  CLI::App* sub = app.add_subcommand("donnees", "Fraîcheur des zonages : arrêtés reflétés par région, zonages remplacés depuis");
  sub->add_flag("--json", o->json, "Sortie JSON");
  sub->add_option("--date", o->date, "Date de référence AAAA-MM-JJ (défaut : aujourd'hui)");
  sub->callback([o, &global, exit_code] { *exit_code = RunDonnees(*o, global); });
}

}  // namespace capsante::cli

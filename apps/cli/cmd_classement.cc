// capsante classement --situation FILE (--departement D | --region R | --france
// | --autour CODE --rayon-km KM) [--annees N]: where the situation would
// receive the most over the horizon.
#include <cmath>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "capsante/text.h"
#include "place_common.h"

namespace capsante::cli {
namespace {

struct ClassementOptions {
  std::string situation;
  std::string departement;
  std::string region;
  bool france = false;
  std::string around;
  double radius_km = -1;
  int years = 5;
  int limit = 30;
  bool json = false;
  std::string date;
};

int RunClassement(const ClassementOptions& o, const GlobalOptions& global) {
  const int scopes = !o.departement.empty() + !o.region.empty() + o.france + !o.around.empty();
  if (scopes != 1) {
    return ReportError(Status::InvalidInput("choisissez une seule zone : --departement, --region, --france ou --autour", "--departement"));
  }
  if (o.years < 1 || o.years > 10) return ReportError(Status::InvalidInput("--annees va de 1 à 10", "--annees"));
  if (o.limit < 0 || o.limit > 100000) return ReportError(Status::InvalidInput("--limite doit être positif", "--limite"));
  PlaceContext ctx;
  if (Status st = LoadPlaceContext(global, o.situation, o.date, &ctx); !st.ok()) return ReportError(st);
  const geo::CommuneIndex& index = *ctx.communes;
  std::vector<const geo::Commune*> places;
  std::vector<geo::Nearby> nearby;
  std::vector<const geo::Commune*> without_coordinates;
  if (!o.departement.empty()) {
    places = index.PlacesInDepartement(o.departement);
    if (places.empty()) return ReportError(Status::InvalidInput("--departement : département inconnu « " + o.departement + " »", "--departement"));
  } else if (!o.region.empty()) {
    places = index.PlacesInRegion(o.region);
    if (places.empty()) return ReportError(Status::InvalidInput("--region : région inconnue « " + o.region + " »", "--region"));
  } else if (o.france) {
    places = index.AllPlaces();
  } else {
    if (!(o.radius_km >= 0) || !std::isfinite(o.radius_km) || o.radius_km > 1000) {
      return ReportError(Status::InvalidInput("--rayon-km est requis avec --autour (de 0 à 1000 km)", "--rayon-km"));
    }
    const geo::Lookup center = index.Find(o.around);
    if (!center.commune) return ReportError(Status::InvalidInput("--autour : code INSEE inconnu « " + o.around + " »", "--autour"));
    if (Status st = index.PlacesWithin(*center.current, o.radius_km, &nearby, &without_coordinates); !st.ok()) return ReportError(st);
    for (const auto& n : nearby) places.push_back(n.commune);
  }
  RankOptions options;
  options.years = o.years;
  options.limit = static_cast<size_t>(o.limit);
  std::vector<RankedPlace> ranked;
  if (Status st = Rank(*ctx.catalog, index, ctx.situation, places, options, &ranked); !st.ok()) return ReportError(st);
  for (auto& r : ranked) {
    for (const auto& n : nearby) {
      if (n.commune == r.commune) r.distance_km = n.distance_km;
    }
  }
  if (o.json) {
    nlohmann::ordered_json out;
    out["date"] = ctx.situation.date().ToString();
    out["annees"] = o.years;
    out["communes_evaluees"] = places.size();
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    int rank = 0;
    for (const auto& r : ranked) {
      nlohmann::ordered_json row;
      row["rang"] = ++rank;
      row["code"] = r.commune->code;
      row["nom"] = r.commune->name;
      row["departement"] = r.commune->departement;
      if (r.distance_km >= 0) row["distance_km"] = std::round(r.distance_km * 10) / 10;
      row["total"] = std::round(r.total * 100) / 100;
      nlohmann::ordered_json aids = nlohmann::ordered_json::array();
      for (const auto& [id, amount] : r.main_aids) aids.push_back({{"id", id}, {"montant", std::round(amount * 100) / 100}});
      row["aides"] = std::move(aids);
      row["eligibles"] = r.eligible;
      row["a_preciser"] = r.to_specify;
      row["zonage_medecin"] = r.zone_medecin.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.zone_medecin);
      if (!r.zone_profession.empty()) row["zonage_profession"] = r.zone_profession;
      row["population"] = r.territory.population;
      if (!r.territory.density_label.empty()) row["densite"] = r.territory.density_label;
      if (!r.territory.frr_class.empty()) row["frr"] = r.territory.frr_class;
      rows.push_back(std::move(row));
    }
    out["communes"] = std::move(rows);
    if (!without_coordinates.empty()) {
      nlohmann::ordered_json missing = nlohmann::ordered_json::array();
      for (const auto* c : without_coordinates) missing.push_back(c->code);
      out["sans_coordonnees"] = std::move(missing);
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << "Classement de " << places.size() << " communes au " << ctx.situation.date().ToFrench() << ", sur " << o.years
            << " an(s) (meilleure combinaison d'aides cumulables, aides éligibles seulement)\n\n";
  int rank = 0;
  for (const auto& r : ranked) {
    std::cout << ++rank << ". " << r.commune->name << " (" << r.commune->code << ", dép. " << r.commune->departement << ")";
    if (r.distance_km >= 0) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f", r.distance_km);
      std::cout << " — " << buf << " km";
    }
    std::cout << "\n   " << text::Euros(r.total) << " ; zonage médecins : " << (r.zone_medecin.empty() ? "inconnu" : r.zone_medecin);
    if (!r.zone_profession.empty()) std::cout << " ; zonage profession : " << r.zone_profession;
    if (r.territory.population >= 0) std::cout << " ; " << r.territory.population << " hab.";
    if (!r.territory.density_label.empty()) std::cout << " ; " << r.territory.density_label;
    std::cout << "\n";
    if (!r.main_aids.empty()) {
      std::cout << "   ";
      for (size_t i = 0; i < r.main_aids.size() && i < 4; ++i) {
        std::cout << (i ? ", " : "") << r.main_aids[i].first << " " << text::Euros(r.main_aids[i].second);
      }
      std::cout << "\n";
    }
    if (r.to_specify > 0) std::cout << "   (" << r.to_specify << " aide(s) encore à préciser, non comptées)\n";
  }
  if (!without_coordinates.empty()) {
    std::cout << "\n" << without_coordinates.size() << " commune(s) sans coordonnées n'ont pas pu être placées par distance.\n";
  }
  return kExitOk;
}

}  // namespace

void RegisterClassement(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto o = std::make_shared<ClassementOptions>();
  CLI::App* sub = app.add_subcommand("classement", "Classe les communes selon le total des aides sur l'horizon");
  sub->add_option("--situation", o->situation, "Situation JSON")->required();
  sub->add_option("--departement", o->departement, "Communes d'un département (code)");
  sub->add_option("--region", o->region, "Communes d'une région (code INSEE)");
  sub->add_flag("--france", o->france, "Toutes les communes de France");
  sub->add_option("--autour", o->around, "Autour d'une commune (code INSEE)");
  sub->add_option("--rayon-km", o->radius_km, "Rayon autour de la commune, en km");
  sub->add_option("--annees", o->years, "Horizon en années (défaut 5)");
  sub->add_option("--limite", o->limit, "Nombre de communes affichées (défaut 30, 0 = toutes)");
  sub->add_option("--date", o->date, "Date de simulation AAAA-MM-JJ");
  sub->add_flag("--json", o->json, "Sortie JSON");
  sub->callback([o, &global, exit_code] { *exit_code = RunClassement(*o, global); });
}

}  // namespace capsante::cli

// capsante classement --situation FILE (--departement D | --region R | --france
// | --autour CODE --rayon-km KM) [--annees N]: where the situation would
// receive the most over the horizon.
#include <cmath>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

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
  if (o.years < 1 || o.years > 10) return ReportError(Status::InvalidInput("--annees va de 1 à 10", "--annees"));
  if (o.limit < 0 || o.limit > 100000) return ReportError(Status::InvalidInput("--limite doit être positif", "--limite"));
  PlaceContext ctx;
  if (Status st = LoadPlaceContext(global, o.situation, o.date, &ctx); !st.ok()) return ReportError(st);
  PlaceScope scope;
  scope.departement = o.departement;
  scope.region = o.region;
  scope.france = o.france;
  scope.around = o.around;
  scope.radius_km = o.radius_km;
  SelectedPlaces selection;
  if (Status st = SelectPlaces(*ctx.communes, scope, &selection); !st.ok()) {
    // Name the option as the user typed it.
    std::string option = st.field() == "rayon_km" ? "--rayon-km" : st.field() == "autour" ? "--autour" : "--" + st.field();
    return ReportError(Status::InvalidInput(st.message(), option));
  }
  RankOptions options;
  options.years = o.years;
  options.limit = static_cast<size_t>(o.limit);
  std::vector<RankedPlace> ranked, unconfirmed;
  if (Status st = Rank(*ctx.catalog, *ctx.communes, ctx.situation, selection.places, options, &ranked, &unconfirmed);
      !st.ok()) {
    return ReportError(st);
  }
  for (auto* list : {&ranked, &unconfirmed}) {
    for (auto& r : *list) {
      for (const auto& n : selection.nearby) {
        if (n.commune == r.commune) r.distance_km = n.distance_km;
      }
    }
  }
  const auto& places = selection.places;
  const auto& without_coordinates = selection.without_coordinates;
  if (o.json) {
    std::cout << RankingToJson(ctx.situation.date(), o.years, selection, ranked, 2, unconfirmed) << "\n";
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
  if (ranked.empty() && !unconfirmed.empty()) std::cout << "Aucune commune dont le zonage est confirmé à cette date.\n";
  if (!unconfirmed.empty()) {
    std::cout << "\nZonage à confirmer (" << unconfirmed.size()
              << " commune(s) affichée(s)) : un arrêté plus récent que nos données a révisé leur zonage ; montants selon le zonage "
                 "précédent, sous réserve, non classés avec les autres :\n";
    for (const auto& r : unconfirmed) {
      std::cout << "  • " << r.commune->name << " (" << r.commune->code << ") : " << text::Euros(r.total)
                << " sous réserve";
      for (const auto& [field, previous] : r.unconfirmed_zones) {
        std::cout << " ; zonage précédent " << (field == "zonage.medecin" ? "médecins" : "profession") << " : "
                  << (previous.empty() ? "inconnu" : previous);
      }
      std::cout << "\n";
    }
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

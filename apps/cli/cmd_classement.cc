// capsante classement --situation FILE (--departement D | --region R | --france
// | --autour CODE --rayon-km KM) [--annees N]: where the situation would
// receive the most over the horizon.
#include <cmath>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "capsante/service.h"
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
  bool pretty = false;
  bool by_plan = false;
  std::string date;
};

int RunClassement(const ClassementOptions& o, const GlobalOptions& global) {
  if (o.years < 1 || o.years > 10) return ReportError(Status::InvalidInput("--annees va de 1 à 10", "--annees"));
  if (o.limit < 0 || o.limit > 100000) return ReportError(Status::InvalidInput("--limite doit être positif", "--limite"));
  PlaceContext ctx;
  if (Status st = LoadPlaceContext(global, o.situation, o.date, &ctx); !st.ok()) return ReportError(st);
  service::RankRequest request;
  request.situation = ctx.situation;
  request.scope.departement = o.departement;
  request.scope.region = o.region;
  request.scope.france = o.france;
  request.scope.around = o.around;
  request.scope.radius_km = o.radius_km;
  request.years = o.years;
  request.limit = static_cast<size_t>(o.limit);
  request.by_plan = o.by_plan;
  service::RankAnswer answer;
  if (Status st = service::RankPlaces({ctx.catalog.get(), ctx.communes.get()}, request, &answer); !st.ok()) {
    if (st.code() != Status::Code::kInvalidInput || st.field().rfind("situation.", 0) == 0) return ReportError(st);
    // Name the option as the user typed it.
    std::string option = st.field() == "rayon_km" ? "--rayon-km" : "--" + st.field();
    return ReportError(Status::InvalidInput(st.message(), option));
  }
  const auto& places = answer.selection.places;
  const auto& without_coordinates = answer.selection.without_coordinates;
  const auto& ranked = answer.ranked;
  const auto& unconfirmed = answer.unconfirmed;
  if (o.json) {
    std::cout << service::RankJson(answer, o.pretty ? 2 : -1) << "\n";
    return kExitOk;
  }
  std::cout << "Classement de " << places.size() << " communes au " << answer.date.ToFrench() << ", sur " << o.years
            << " an(s) ("
            << (o.by_plan ? "meilleur plan d'aides signées l'une après l'autre, aides éligibles seulement"
                          : "meilleure combinaison d'aides cumulables, aides éligibles seulement")
            << ")\n\n";
  int rank = 0;
  for (const auto& r : ranked) {
    std::cout << ++rank << ". " << r.commune->name << " (" << r.commune->code << ", dép. " << r.commune->departement << ")";
    if (r.distance_km >= 0) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f", r.distance_km);
      std::cout << " — " << buf << " km";
    }
    std::cout << "\n   " << text::Euros(r.total) << " ; zonage médecins : " << (r.zone_medecin.empty() ? "inconnu" : ZoneWords(*ctx.catalog, "zonage.medecin", r.zone_medecin));
    if (!r.zone_profession.empty()) std::cout << " ; zonage profession : " << ZoneWords(*ctx.catalog, "zonage.profession", r.zone_profession);
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
  if (!unconfirmed.empty()) {
    std::cout << "\nZonage à confirmer (" << unconfirmed.size()
              << " commune(s) affichée(s)) : un arrêté plus récent que nos données a révisé leur zonage ; montants selon le zonage "
                 "précédent, sous réserve, non classés avec les autres :\n";
    for (const auto& r : unconfirmed) {
      std::cout << "  • " << r.commune->name << " (" << r.commune->code << ") : " << text::Euros(r.total)
                << " sous réserve";
      for (const auto& [field, previous] : r.unconfirmed_zones) {
        std::cout << " ; zonage précédent " << (field == "zonage.medecin" ? "médecins" : "profession") << " : "
                  << (previous.empty() ? "inconnu" : ZoneWords(*ctx.catalog, field, previous));
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
  sub->add_flag("--json", o->json, "Sortie JSON (celle de l'API)");
  sub->add_flag("--pretty", o->pretty, "JSON indenté");
  sub->add_flag("--par-plan", o->by_plan, "Classer par le total du meilleur plan d'aides sur l'horizon (capsante plan)");
  sub->callback([o, &global, exit_code] { *exit_code = RunClassement(*o, global); });
}

}  // namespace capsante::cli

// The ranking as JSON, shared by the CLI and the server.
#include <cmath>

#include "capsante/place.h"
#include "util/json_writer.h"

namespace capsante {

std::string RankingToJson(Date date, int years, const SelectedPlaces& selection, const std::vector<RankedPlace>& ranked,
                          int indent) {
  auto cents = [](double x) { return std::round(x * 100) / 100; };
  std::string out;
  json::Writer w(&out, indent);
  w.BeginObject();
  w.Field("date", date.ToString());
  w.Field("annees", years);
  w.Key("communes_evaluees").Int(static_cast<long long>(selection.places.size()));
  w.Key("communes").BeginArray();
  int rank = 0;
  for (const RankedPlace& r : ranked) {
    double distance = r.distance_km;
    for (const auto& n : selection.nearby) {
      if (n.commune == r.commune) distance = n.distance_km;
    }
    w.BeginObject();
    w.Field("rang", ++rank);
    w.Field("code", r.commune->code);
    w.Field("nom", r.commune->name);
    w.Field("departement", r.commune->departement);
    if (distance >= 0) w.FieldNumber("distance_km", std::round(distance * 10) / 10);
    w.FieldNumber("total", cents(r.total));
    w.Key("aides").BeginArray();
    for (const auto& [id, amount] : r.main_aids) w.BeginObject().Field("id", id).FieldNumber("montant", cents(amount)).EndObject();
    w.EndArray();
    w.Field("eligibles", r.eligible);
    w.Field("a_preciser", r.to_specify);
    w.Key("zonage_medecin");
    if (r.zone_medecin.empty()) w.Null();
    else w.String(r.zone_medecin);
    if (!r.zone_profession.empty()) w.Field("zonage_profession", r.zone_profession);
    w.Key("population").Int(r.territory.population);
    if (!r.territory.density_label.empty()) w.Field("densite", r.territory.density_label);
    if (!r.territory.frr_class.empty()) w.Field("frr", r.territory.frr_class);
    w.EndObject();
  }
  w.EndArray();
  if (!selection.without_coordinates.empty()) {
    w.Key("sans_coordonnees").BeginArray();
    for (const auto* c : selection.without_coordinates) w.String(c->code);
    w.EndArray();
  }
  w.EndObject();
  return out;
}

}  // namespace capsante

// The ranking as JSON, shared by the CLI and the server.
#include <cmath>

#include "capsante/place.h"
#include "util/json_writer.h"

namespace capsante {

namespace {

double Cents(double x) { return std::round(x * 100) / 100; }

// One row of either list; `rank` is 0 for the unconfirmed list (not ranked
// with the others).
void PlaceRow(json::Writer& w, const SelectedPlaces& selection, const RankedPlace& r, int rank) {
  double distance = r.distance_km;
  for (const auto& n : selection.nearby) {
    if (n.commune == r.commune) distance = n.distance_km;
  }
  w.BeginObject();
  if (rank > 0) w.Field("rang", rank);
  w.Field("code", r.commune->code);
  w.Field("nom", r.commune->name);
  w.Field("departement", r.commune->departement);
  // Where to draw it on a map (the web page's ranking view).
  if (r.commune->has_coordinates) {
    w.FieldNumber("latitude", r.commune->latitude);
    w.FieldNumber("longitude", r.commune->longitude);
  }
  if (distance >= 0) w.FieldNumber("distance_km", std::round(distance * 10) / 10);
  // An unconfirmed place's amounts hold only under the previous decree.
  w.FieldNumber(r.unconfirmed ? "total_sous_reserve" : "total", Cents(r.total));
  w.Key(r.unconfirmed ? "aides_sous_reserve" : "aides").BeginArray();
  for (const auto& [id, amount] : r.main_aids) w.BeginObject().Field("id", id).FieldNumber("montant", Cents(amount)).EndObject();
  w.EndArray();
  w.Field("eligibles", r.eligible);
  w.Field("a_preciser", r.to_specify);
  w.Key("zonage_medecin");
  w.StringOrNull(r.zone_medecin);
  if (!r.zone_profession.empty()) w.Field("zonage_profession", r.zone_profession);
  if (r.unconfirmed) {
    w.Key("zonages_a_confirmer").BeginArray();
    for (const auto& [field, previous] : r.unconfirmed_zones) {
      w.BeginObject().Field("champ", field).Key("valeur_precedente");
      w.StringOrNull(previous);
      w.EndObject();
    }
    w.EndArray();
  }
  w.Key("population").Int(r.territory.population);
  if (!r.territory.density_label.empty()) w.Field("densite", r.territory.density_label);
  if (!r.territory.frr_class.empty()) w.Field("frr", r.territory.frr_class);
  w.EndObject();
}

}  // namespace

std::string RankingToJson(Date date, int years, const SelectedPlaces& selection, const std::vector<RankedPlace>& ranked,
                          int indent, const std::vector<RankedPlace>& unconfirmed) {
  std::string out;
  json::Writer w(&out, indent);
  w.BeginObject();
  w.Field("date", date.ToString());
  w.Field("annees", years);
  w.Key("communes_evaluees").Int(static_cast<long long>(selection.places.size()));
  w.Key("communes").BeginArray();
  int rank = 0;
  for (const RankedPlace& r : ranked) PlaceRow(w, selection, r, ++rank);
  w.EndArray();
  // Never mixed with the ranking above: their zone is to be confirmed.
  w.Key("communes_a_confirmer").BeginArray();
  for (const RankedPlace& r : unconfirmed) PlaceRow(w, selection, r, 0);
  w.EndArray();
  if (!unconfirmed.empty()) {
    w.Field("note_a_confirmer",
            "Le zonage de ces communes a été révisé par un arrêté plus récent que nos données : leurs montants sont "
            "calculés selon le zonage précédent, sous réserve, et ne sont pas classés avec les autres.");
  }
  if (!selection.without_coordinates.empty()) {
    w.Key("sans_coordonnees").BeginArray();
    for (const auto* c : selection.without_coordinates) w.String(c->code);
    w.EndArray();
  }
  w.EndObject();
  return out;
}

}  // namespace capsante

// The communes' documents: search (capsante communes --json, GET
// /api/v1/communes) and detail (capsante communes --code --json, GET
// /api/v1/communes/{code}).
#include <algorithm>
#include "capsante/service.h"
#include "util/json_writer.h"

namespace capsante::service {

namespace {

using json::Writer;

void FactJson(Writer& w, const geo::PlaceFact& f) {
  w.BeginObject();
  w.Field("champ", f.field);
  w.Key("valeur");
  if (f.known) w.String(f.value);
  else w.Null();
  w.Field("connu", f.known).Field("possible", f.possible).Field("couche", f.layer).Field("note", f.note);
  // The decree behind the value (ARS zonings by region).
  if (f.decree) w.Field("arrete", geo::DecreeLabel(*f.decree));
  if (f.unconfirmed) {
    w.Field("a_confirmer", true);
    w.Key("valeur_precedente");
    w.StringOrNull(f.previous_value);
  }
  w.EndObject();
}

void OptionalText(Writer& w, std::string_view key, const std::string& v) {
  w.Key(key);
  w.StringOrNull(v);
}

void OptionalDate(Writer& w, std::string_view key, const std::optional<Date>& d) {
  w.Key(key);
  if (d) w.String(d->ToString());
  else w.Null();
}

// The professions that have a zoning layer of their own, from the loaded
// layers, in the layers' order.
std::vector<std::string_view> ZonedProfessions(const geo::CommuneIndex& index) {
  std::vector<std::string_view> out;
  for (const geo::LayerInfo& l : index.layers()) {
    if (!l.profession.empty() && std::find(out.begin(), out.end(), l.profession) == out.end()) out.push_back(l.profession);
  }
  return out;
}

// The commune's fields, inside an open object: facts at `q.date` for
// `q.profession`, or every profession that has a zoning.
void CommuneFields(Writer& w, const geo::CommuneIndex& index, const geo::Commune& c, const CommuneQuery& q) {
  w.Field("code", c.code);
  w.Field("nom", c.name);
  w.Field("type", geo::CommuneKindCode(c.kind));
  OptionalText(w, "rattachement", c.parent_code);
  w.Key("departement").BeginObject().Field("code", c.departement).Field("nom", index.DepartementName(c.departement)).EndObject();
  w.Key("region").BeginObject().Field("code", c.region).Field("nom", index.RegionName(c.region)).EndObject();
  w.StringArray("codes_postaux", c.postal_codes);
  w.Key("population");
  if (c.population >= 0) w.Int(c.population);
  else w.Null();
  w.Key("coordonnees");
  if (c.has_coordinates) {
    w.BeginObject().FieldNumber("latitude", c.latitude).FieldNumber("longitude", c.longitude).EndObject();
  } else {
    w.Null();
  }
  const geo::Territory t = index.TerritoryFor(c);
  w.Key("territoire").BeginObject();
  w.Key("population");
  if (t.population >= 0) w.Int(t.population);
  else w.Null();
  OptionalText(w, "densite", t.density_level);
  w.Field("densite_libelle", t.density_label).Field("frr", t.frr_class).Field("massif", t.massif);
  w.EndObject();
  std::vector<std::pair<std::string_view, geo::PlaceFact>> by_profession;
  w.Key("faits").BeginArray();
  for (geo::PlaceFact& f : index.FactsFor(c, q.date, q.profession)) {
    if (f.field == "zonage.profession") by_profession.emplace_back(q.profession, std::move(f));
    else FactJson(w, f);
  }
  w.EndArray();
  if (q.profession.empty()) {
    for (std::string_view p : ZonedProfessions(index)) {
      for (geo::PlaceFact& f : index.FactsFor(c, q.date, std::string(p))) {
        if (f.field == "zonage.profession") by_profession.emplace_back(p, std::move(f));
      }
    }
  }
  w.Key("zonages_professions").BeginObject();
  for (const auto& [p, f] : by_profession) {
    w.Key(p);
    FactJson(w, f);
  }
  w.EndObject();
}

void LayersJson(Writer& w, const geo::CommuneIndex& index) {
  w.Key("couches").BeginArray();
  for (const geo::LayerInfo& l : index.layers()) {
    w.BeginObject();
    w.Field("id", l.id).Field("champ", l.field);
    OptionalText(w, "profession", l.profession);
    w.Field("libelle", l.label).Field("producteur", l.producer).Field("millesime", l.vintage);
    OptionalDate(w, "debut", l.from);
    OptionalDate(w, "fin", l.to);
    w.Field("provenance", l.provenance).Field("avertissement", l.caveat);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string CommuneSearchJson(const geo::CommuneIndex& index, std::string_view query, size_t limit,
                              const CommuneQuery& q) {
  std::string out;
  Writer w(&out);
  w.BeginObject();
  w.Field("requete", query);
  w.Field("date", q.date.ToString());
  w.Key("communes").BeginArray();
  for (const geo::SearchHit& h : index.Search(std::string(query), limit)) {
    w.BeginObject();
    CommuneFields(w, index, *h.commune, q);
    w.Field("correspondance", geo::MatchCode(h.match));
    if (!h.note.empty()) w.Field("note", h.note);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

Status CommuneDetailJson(const geo::CommuneIndex& index, std::string_view code, const CommuneQuery& q,
                         std::string* out, bool history) {
  const geo::Lookup lookup = index.Find(std::string(code));
  if (!lookup.commune) {
    return Status::NotFound("commune inconnue : code INSEE « " + std::string(code.substr(0, 16)) + " »", "code");
  }
  if (history) {
    *out = index.HistoryToJson(*lookup.commune, q.date);
    return Status::Ok();
  }
  out->clear();
  Writer w(out);
  w.BeginObject();
  CommuneFields(w, index, *lookup.commune, q);
  w.Field("date", q.date.ToString());
  w.Key("ancien_code").Bool(lookup.former_code);
  if (!lookup.note.empty()) w.Field("note", lookup.note);
  if (lookup.current && lookup.current != lookup.commune) {
    w.Key("commune_actuelle").BeginObject().Field("code", lookup.current->code).Field("nom", lookup.current->name).EndObject();
  }
  LayersJson(w, index);
  w.EndObject();
  return Status::Ok();
}

}  // namespace capsante::service

// The catalog's documents: the aids' summary (capsante aides --json, GET
// /api/v1/aides) and one aid in full (capsante aide ID --json, GET
// /api/v1/aides/{id}).
#include <algorithm>

#include "capsante/service.h"
#include "engine/result_json.h"
#include "util/json_writer.h"

namespace capsante::service {

namespace {

using json::Writer;

void Source(Writer& w, const SourceRef& s) { WriteSource(w, s); }

void SourceOrNull(Writer& w, const std::optional<SourceRef>& s) {
  if (s) Source(w, *s);
  else w.Null();
}

void DateOrNull(Writer& w, const std::optional<Date>& d) {
  if (d) w.String(d->ToString());
  else w.Null();
}

void ContactEntryJson(Writer& w, const ContactEntry& e, bool close = true) {
  w.BeginObject();
  w.Field("organisme", e.name);
  if (!e.email.empty()) w.Field("courriel", e.email);
  if (!e.phone.empty()) w.Field("telephone", e.phone);
  if (!e.website.empty()) w.Field("site", e.website);
  if (!e.address.empty()) w.Field("adresse", e.address);
  if (!e.note.empty()) w.Field("note", e.note);
  if (e.source) {
    w.Key("source");
    Source(w, *e.source);
  }
  if (close) w.EndObject();
}

// The summary's fields, inside an open object.
void SummaryFields(Writer& w, const Aid& aid) {
  w.Field("id", aid.id);
  w.Field("nom", aid.name);
  w.Field("financeur", aid.payer);
  w.Field("famille", aid.family);
  w.StringArray("professions", aid.professions);
  w.Key("region");
  w.StringOrNull(aid.region);
  w.Key("ouverture");
  DateOrNull(w, aid.opens);
  w.Key("fermeture");
  DateOrNull(w, aid.closes);
  w.Field("resume", aid.summary);
}

void ParameterJson(Writer& w, const Parameter& p) {
  w.BeginObject();
  w.Field("nom", p.name).Field("libelle", p.label).Field("unite", p.unit);
  w.Key("valeurs").BeginArray();
  for (const auto& v : p.values) {
    w.BeginObject();
    w.Key("depuis");
    DateOrNull(w, v.since);
    if (v.scale.empty()) {
      w.FieldNumber("valeur", v.value);
    } else {
      w.Key("bareme").BeginArray();
      for (const auto& b : v.scale) w.BeginObject().FieldNumber("seuil", b.threshold).FieldNumber("valeur", b.value).EndObject();
      w.EndArray();
    }
    w.Key("source");
    Source(w, v.source);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void DetailJson(Writer& w, const Aid& aid, const Catalog& catalog) {
  w.BeginObject();
  SummaryFields(w, aid);
  w.StringArray("departements", aid.departements);
  w.Field("convention", aid.convention);
  w.StringArray("remplacee_par", aid.replaced_by);
  w.Key("source_fenetre");
  SourceOrNull(w, aid.window_source);
  w.Field("duree_mois", aid.duration_months);
  w.Field("renouvellement", aid.renewal);
  w.Key("conditions").BeginArray();
  for (const auto& c : aid.conditions) {
    w.BeginObject().Field("texte", c.text).Field("regle", c.expression).Key("source");
    Source(w, c.source);
    w.EndObject();
  }
  w.EndArray();
  w.Key("montant").BeginObject();
  w.Field("periodicite", PeriodicityCode(aid.periodicity));
  w.Field("non_chiffre", aid.amount_not_quantified);
  w.Field("explication", aid.amount_explanation);
  w.Key("parametres").BeginArray();
  for (const auto& p : aid.parameters) ParameterJson(w, p);
  w.EndArray();
  w.EndObject();
  w.Key("versements").BeginArray();
  for (const auto& p : aid.schedule) {
    w.BeginObject()
        .Field("mois_apres_debut", p.months_after)
        .Field("repetitions", p.repeat)
        .Field("tous_les_mois", p.every_months)
        .Field("formule", p.expression)
        .Field("libelle", p.label)
        .EndObject();
  }
  w.EndArray();
  w.Key("source_versements");
  SourceOrNull(w, aid.schedule_source);
  w.Key("engagements").BeginArray();
  for (const auto& c : aid.commitments) {
    w.BeginObject().Field("texte", c.text).Key("source");
    Source(w, c.source);
    w.EndObject();
  }
  w.EndArray();
  w.Key("remboursement");
  if (aid.clawback.empty()) {
    w.Null();
  } else {
    w.BeginObject().Field("texte", aid.clawback).Field("prorata", aid.clawback_prorata).Key("source");
    SourceOrNull(w, aid.clawback_source);
    w.EndObject();
  }
  w.StringArray("incompatible_avec", aid.incompatible_with);
  w.StringArray("suites_autorisees", aid.may_follow);
  w.Key("sources_incompatibilites").BeginArray();
  for (const auto& s : aid.incompatibility_sources) Source(w, s);
  w.EndArray();
  w.Key("informations").BeginArray();
  for (const auto& i : aid.informations) {
    w.BeginObject().Field("texte", i.text).Key("source");
    Source(w, i.source);
    w.EndObject();
  }
  w.EndArray();
  w.Key("contact");
  if (const Organisation* org = catalog.FindOrganisation(aid.contact)) {
    ContactEntryJson(w, org->general, /*close=*/false);
    w.Key("par_departement").BeginObject();
    for (const auto& [code, e] : org->by_departement) {
      w.Key(code);
      ContactEntryJson(w, e);
    }
    w.EndObject();
    w.Key("par_region").BeginObject();
    for (const auto& [code, e] : org->by_region) {
      w.Key(code);
      ContactEntryJson(w, e);
    }
    w.EndObject();
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("sources").BeginArray();
  for (const auto& s : aid.sources) Source(w, s);
  w.EndArray();
  w.EndObject();
}

}  // namespace

std::string AidsJson(const Catalog& catalog, std::string_view profession) {
  std::string out;
  Writer w(&out);
  w.BeginArray();
  for (const Aid& aid : catalog.aids()) {
    if (!profession.empty() &&
        std::find(aid.professions.begin(), aid.professions.end(), profession) == aid.professions.end()) {
      continue;
    }
    w.BeginObject();
    SummaryFields(w, aid);
    w.EndObject();
  }
  w.EndArray();
  return out;
}

Status AidJson(const Catalog& catalog, std::string_view id, std::string* out) {
  const Aid* aid = catalog.FindAid(id);
  if (!aid) return Status::NotFound("aide inconnue « " + std::string(id.substr(0, 64)) + " » (voir la liste des aides)", "id");
  out->clear();
  Writer w(out);
  DetailJson(w, *aid, catalog);
  return Status::Ok();
}

}  // namespace capsante::service

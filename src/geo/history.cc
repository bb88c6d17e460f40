// HistoryFor and HistoryToJson: a commune's zoning over time, from the same
// FactsFor the rules use (so a period says exactly what a simulation on one
// of its days would be told). Shape of the JSON: docs/api.md.
#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "capsante/geo.h"
#include "geo/rep.h"
#include "util/json_writer.h"

namespace capsante::geo {

using internal::LayerData;

namespace {

// The zonings a history covers: a field, its profession, its layers.
struct Group {
  std::string field;
  std::string profession;
  std::vector<const LayerData*> layers;
};

std::vector<Group> Groups(const CommuneIndex::Rep& r) {
  std::vector<Group> out;
  if (!r.doctors.empty()) out.push_back({"zonage.medecin", "", r.doctors});
  for (const auto& [profession, layers] : r.by_profession) out.push_back({"zonage.profession", profession, layers});
  for (const auto& [field, layer] : {std::pair<const char*, const LayerData*>{"zonage.qpv", r.qpv},
                                     {"zonage.frr", r.frr},
                                     {"zonage.zrr", r.zrr},
                                     {"zonage.zfu", r.zfu},
                                     {"zonage.montagne", r.montagne}}) {
    if (layer != nullptr) out.push_back({field, "", {layer}});
  }
  return out;
}

bool SameFact(const PlaceFact& a, const PlaceFact& b) {
  return a.known == b.known && a.value == b.value && a.possible == b.possible && a.unconfirmed == b.unconfirmed &&
         a.decree == b.decree && a.replaced_by == b.replaced_by && a.layer == b.layer &&
         a.previous_value == b.previous_value;
}

// "13/01/2022".
std::string Numeric(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day(), d.month(), d.year());
  return buf;
}

void DateOrNull(json::Writer& w, std::string_view key, const std::optional<Date>& d) {
  w.Key(key);
  if (d) w.String(d->ToString());
  else w.Null();
}

// A text, with its source: {"id", "autorite", "reference", "nature",
// "signe_le", "date_effet", "date_effet_au_plus_tard", "couche", "url",
// "extrait", "lu_le", "remarque", "libelle"}.
void DecreeJson(json::Writer& w, const Decree& d) {
  w.BeginObject();
  w.Field("id", d.id);
  w.Field("autorite", d.authority);
  w.Field("reference", d.reference);
  w.Field("nature", d.nature);
  DateOrNull(w, "signe_le", d.signed_on);
  DateOrNull(w, "date_effet", d.from);
  DateOrNull(w, "date_effet_au_plus_tard", d.from_at_latest);
  w.Key("couche");
  w.StringOrNull(d.layer);
  w.Field("url", d.url);
  w.Field("extrait", d.quote);
  w.Field("lu_le", d.read_on);
  w.Field("remarque", d.remark);
  std::string label = d.authority + ", " + d.reference;
  if (d.nature == "revision") label += ", signé le " + Numeric(*d.signed_on) + " ; zonages régionaux non révisés à confirmer à partir du " + Numeric(*d.effective());
  else if (d.from) label += ", en vigueur le " + Numeric(*d.from);
  else if (d.from_at_latest) label += ", en vigueur au plus tard le " + Numeric(*d.from_at_latest);
  else label += ", date d'entrée en vigueur non trouvée";
  w.Field("libelle", label);
  w.EndObject();
}

const char* Status(const PlaceFact& f) {
  if (f.known) return "connu";
  if (f.unconfirmed) return "a_confirmer";
  if (f.possible) return "possible";
  return "inconnu";
}

// "ZIP du 13/01/2022 au 09/02/2026", "à confirmer depuis le 10/02/2026".
std::string PeriodFrench(const HistoryPeriod& p) {
  const PlaceFact& f = p.fact;
  std::string what = f.known ? f.value : f.unconfirmed ? "à confirmer" : f.possible ? "à confirmer pour l'adresse" : "inconnu";
  if (f.known && (f.value == "true" || f.value == "false")) what = f.value == "true" ? "oui" : "non";
  if (p.from && p.to) return what + " du " + Numeric(*p.from) + " au " + Numeric(*p.to);
  if (p.from) return what + " depuis le " + Numeric(*p.from);
  if (p.to) return what + " jusqu'au " + Numeric(*p.to);
  return what + " sans limite de date";
}

}  // namespace

std::string DecreeWhen(const Decree& d) {
  if (d.nature == "revision") {
    return "signé le " + d.signed_on->ToFrench() + " ; zonages régionaux non révisés à confirmer à partir du " +
           d.effective()->ToFrench();
  }
  if (d.from) return "en vigueur le " + d.from->ToFrench();
  if (d.from_at_latest) return "en vigueur au plus tard le " + d.from_at_latest->ToFrench();
  return "date non trouvée";
}

std::string DecreeLabel(const Decree& d) {
  if (d.nature == "revision") return d.authority + ", révision nationale (zonage régional à confirmer à partir du " + Numeric(*d.effective()) + ")";
  if (d.from) return d.authority + ", " + Numeric(*d.from);
  if (d.from_at_latest) return d.authority + ", au plus tard le " + Numeric(*d.from_at_latest);
  return d.authority + ", date non trouvée";
}

std::vector<std::string> CommuneIndex::ZonedProfessions() const {
  std::vector<std::string> out;
  for (const auto& [profession, layers] : rep_->by_profession) out.push_back(profession);
  return out;
}

std::vector<ZoningHistory> CommuneIndex::HistoryFor(const Commune& commune) const {
  const Rep& r = *rep_;
  std::vector<ZoningHistory> out;
  for (const Group& g : Groups(r)) {
    // Every day where something may change for this zoning.
    std::set<Date> breaks;
    auto add = [&](const std::optional<Date>& d) { if (d) breaks.insert(*d); };
    for (const LayerData* l : g.layers) {
      add(l->info.from);
      if (l->info.to) breaks.insert(l->info.to->AddDays(1));
      // Only the span of the commune's region changes its facts.
      if (const internal::RegionSpan* s = Rep::SpanFor(*l, commune.region)) {
        add(s->from);
        if (s->to) breaks.insert(s->to->AddDays(1));
      }
    }
    const std::vector<const Decree*> decrees = DecreesFor(g.field, g.profession, commune.region);
    for (const Decree* d : decrees) add(d->effective());
    if (g.field == "zonage.frr") add(r.frr_start);
    if (g.field == "zonage.zrr") add(r.zrr_end);

    ZoningHistory h;
    h.field = g.field;
    h.profession = g.profession;
    h.label = g.layers.back()->info.label;
    h.decrees = decrees;
    // The period before the first break, then one per break.
    std::vector<std::optional<Date>> starts = {std::nullopt};
    for (Date b : breaks) starts.push_back(b);
    for (size_t i = 0; i < starts.size(); ++i) {
      const Date probe = starts[i] ? *starts[i] : (breaks.empty() ? Date::FromCivil(2000, 1, 1) : breaks.begin()->AddDays(-1));
      PlaceFact fact;
      for (PlaceFact& f : FactsFor(commune, probe, g.profession)) {
        if (f.field == g.field) fact = std::move(f);
      }
      if (fact.field.empty()) continue;  // the commune has no such fact (overseas collectivity)
      const std::optional<Date> to = i + 1 < starts.size() ? std::optional<Date>(starts[i + 1]->AddDays(-1)) : std::nullopt;
      if (!h.periods.empty() && SameFact(h.periods.back().fact, fact)) {
        h.periods.back().to = to;
        continue;
      }
      h.periods.push_back({starts[i], to, std::move(fact)});
    }
    if (!h.periods.empty()) out.push_back(std::move(h));
  }
  return out;
}

std::string CommuneIndex::HistoryToJson(const Commune& commune, Date date, int indent) const {
  std::string out;
  json::Writer w(&out, indent);
  w.BeginObject();
  w.Field("code", commune.code);
  w.Field("nom", commune.name);
  w.Key("departement").BeginObject().Field("code", commune.departement).Field("nom", DepartementName(commune.departement)).EndObject();
  w.Key("region").BeginObject().Field("code", commune.region).Field("nom", RegionName(commune.region)).EndObject();
  w.Field("date", date.ToString());
  w.Key("historique").BeginArray();
  for (const ZoningHistory& h : HistoryFor(commune)) {
    w.BeginObject();
    w.Field("champ", h.field);
    w.Key("profession");
    w.StringOrNull(h.profession);
    w.Field("libelle", h.label);
    std::string summary;
    w.Key("periodes").BeginArray();
    for (const HistoryPeriod& p : h.periods) {
      const PlaceFact& f = p.fact;
      const bool current = (!p.from || *p.from <= date) && (!p.to || date <= *p.to);
      w.BeginObject();
      DateOrNull(w, "du", p.from);
      DateOrNull(w, "au", p.to);
      w.Field("en_cours", current);
      w.Field("statut", Status(f));
      w.Key("valeur");
      if (f.known) w.String(f.value);
      else w.Null();
      if (f.unconfirmed) {
        w.Key("valeur_precedente");
        w.StringOrNull(f.previous_value);
      }
      w.Field("libelle", PeriodFrench(p));
      w.Field("couche", f.layer);
      w.Key("arrete");
      if (f.decree) DecreeJson(w, *f.decree);
      else w.Null();
      if (f.replaced_by) {
        w.Key("remplace_par");
        DecreeJson(w, *f.replaced_by);
      }
      w.Field("note", f.note);
      w.EndObject();
      if (!f.known && !f.unconfirmed && !p.to && summary.empty()) continue;
      if (p.from || f.known || f.unconfirmed) summary += (summary.empty() ? "" : " ; ") + PeriodFrench(p);
    }
    w.EndArray();
    w.Field("resume", summary);
    w.Key("arretes").BeginArray();
    for (const Decree* d : h.decrees) DecreeJson(w, *d);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

std::string CommuneIndex::FreshnessToJson(Date date, int indent) const {
  const Rep& r = *rep_;
  std::string out;
  json::Writer w(&out, indent);
  w.BeginObject();
  w.Field("date", date.ToString());
  w.Key("couches").BeginArray();
  for (const LayerData& l : r.layers) {
    const LayerInfo& i = l.info;
    w.BeginObject();
    w.Field("id", i.id);
    w.Field("champ", i.field);
    w.Key("profession");
    w.StringOrNull(i.profession);
    w.Field("libelle", i.label);
    w.Field("producteur", i.producer);
    w.Field("millesime", i.vintage);
    DateOrNull(w, "debut", i.from);
    DateOrNull(w, "fin", i.to);
    w.Field("avertissement", i.caveat);
    // Per region: the text reflected, and what replaced it.
    w.Key("regions").BeginArray();
    int stale = 0;
    for (const auto& s : l.spans) {
      const bool replaced = s.next != nullptr && s.to && *s.to < date;
      stale += replaced;
      w.BeginObject();
      w.Field("region", s.region);
      w.Field("nom", s.region == "*" ? std::string("toutes les autres régions") : RegionName(s.region));
      w.Key("arrete");
      DecreeJson(w, *s.reflected);
      w.Key("remplace_par");
      if (s.next) DecreeJson(w, *s.next);
      else w.Null();
      w.Field("perime", replaced);
      w.Key("annonce");
      if (s.announced) DecreeJson(w, *s.announced);
      else w.Null();
      w.EndObject();
    }
    w.EndArray();
    w.Field("regions_perimees", stale);
    w.EndObject();
  }
  w.EndArray();
  w.Key("arretes").BeginArray();
  for (const Decree& d : r.decrees) DecreeJson(w, d);
  w.EndArray();
  w.EndObject();
  return out;
}

}  // namespace capsante::geo

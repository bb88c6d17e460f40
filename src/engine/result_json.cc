// The JSON result (shared spec api-v1 section 2, plus docs/api.md), written
// with a streaming writer: lean by default, in full on request (JsonOptions).
// Aids out of reach (non_eligible, ferme) are always written compactly: the
// conditions that failed, the main source, the contact.
#include <cmath>

#include "engine/result_json.h"

#include "capsante/result.h"

namespace capsante {

const char* AidStatusCode(AidStatus s) {
  switch (s) {
    case AidStatus::kEligible: return "eligible";
    case AidStatus::kNotEligible: return "non_eligible";
    case AidStatus::kToSpecify: return "a_preciser";
    case AidStatus::kClosed: return "ferme";
  }
  return "a_preciser";
}

const char* ConditionStatusCode(ConditionStatus s) {
  switch (s) {
    case ConditionStatus::kMet: return "remplie";
    case ConditionStatus::kNotMet: return "non_remplie";
    case ConditionStatus::kUnknown: return "inconnue";
  }
  return "inconnue";
}

void WriteSource(json::Writer& w, const SourceRef& s) {
  w.BeginObject();
  if (!s.document.empty()) w.TextField("document", s.document);
  w.TextField("extrait", s.excerpt);
  if (s.doc) {
    w.TextField("titre", s.doc->title);
    w.TextField("emetteur", s.doc->issuer);
    if (s.doc->date) w.Field("date", s.doc->date->ToString());
    if (!s.doc->url.empty()) w.TextField("url", s.doc->url);
  } else if (!s.url.empty()) {
    w.TextField("url", s.url);
  }
  if (s.read_on) w.Field("lu_le", s.read_on->ToString());
  w.Field("officiel", s.official());
  w.EndObject();
}

bool JsonOptions::Detailed(std::string_view id) const {
  if (details) return true;
  for (const auto& d : details_for) {
    if (d == id) return true;
  }
  return false;
}

namespace {

using json::Writer;

// api-v1 keeps `document` (file name) and `extrait`; the registry adds what a
// user can check: title, issuer, address, official or not; a page read online
// says when it was read.
void Source(Writer& w, const SourceRef& s) { WriteSource(w, s); }

// The documents the lean answer's sources cite, in order of first citation.
// A lean source is {"document", "extrait"}; its document's title, issuer,
// date, address and whether it is official come once in the result's `documents` (the five
// source documents are cited by most aids: repeating them made a third of a
// doctor's answer).
class CitedDocuments {
 public:
  void LeanSource(Writer& w, const SourceRef& s) {
    if (!s.doc) {
      WriteSource(w, s);  // a page cited by its address: nothing to share
      return;
    }
    // `officiel` is the document's, given once in `documents` with its title.
    w.BeginObject();
    w.TextField("document", s.document);
    w.TextField("extrait", s.excerpt);
    w.EndObject();
    for (const SourceDocument* d : cited_) {
      if (d == s.doc) return;
    }
    cited_.push_back(s.doc);
  }

  // "documents": {"<file>": {"titre", "emetteur", "date", "url", "officiel"}}
  void Write(Writer& w) const {
    if (cited_.empty()) return;
    w.Key("documents").BeginObject();
    for (const SourceDocument* d : cited_) {
      w.Key(d->file).BeginObject();
      w.TextField("titre", d->title);
      w.TextField("emetteur", d->issuer);
      if (d->date) w.Field("date", d->date->ToString());
      if (!d->url.empty()) w.TextField("url", d->url);
      w.Field("officiel", d->official);
      w.EndObject();
    }
    w.EndObject();
  }

 private:
  std::vector<const SourceDocument*> cited_;
};

// The legal text behind a zone fact: {"autorite", "date_effet",
// "date_effet_au_plus_tard", "libelle"} (dates null when not found), and in
// full its "reference" and "url" too (by default the fact's note, when there
// is one, names them in words; the commune's history gives them all).
void FactDecreeJson(Writer& w, std::string_view key, const FactDecree& d, bool detailed) {
  w.Key(key).BeginObject();
  w.Field("autorite", d.authority);
  if (detailed) w.Field("reference", d.reference);
  w.Key("date_effet");
  w.StringOrNull(d.from);
  w.Key("date_effet_au_plus_tard");
  w.StringOrNull(d.from_at_latest);
  if (detailed) w.Field("url", d.url);
  w.Field("libelle", d.label);
  w.EndObject();
}

void Euros(Writer& w, const std::optional<double>& v) {
  if (!v) {
    w.Null();
    return;
  }
  w.Number(std::round(*v * 100.0) / 100.0);
}

void Payments(Writer& w, const std::vector<PaymentResult>& payments) {
  w.BeginArray();
  for (const auto& p : payments) {
    w.BeginObject();
    w.Key("date");
    if (p.date) w.String(p.date->ToString());
    else w.Null();
    w.Field("mois_apres_debut", p.months_after);
    w.Key("montant");
    Euros(w, p.amount);
    w.TextField("libelle", p.label);
    w.EndObject();
  }
  w.EndArray();
}

// The French labels of missing fields, beside their paths (machines read
// `manquants`, people read `manquants_libelles`).
void MissingLabels(Writer& w, std::string_view key, const SituationSchema& schema,
                   const std::vector<std::string_view>& paths) {
  w.Key(key).BeginArray();
  // The schema's one vocabulary, list indices included ("stagiaires[1].quotite");
  // every field has one (the schema refuses a field without `libelle`).
  for (std::string_view p : paths) {
    const std::string_view label = schema.Label(p);
    if (label.empty()) w.String(p);
    else w.Text(label);
  }
  w.EndArray();
}

void Amount(Writer& w, const Result& result, const AidResult& r, bool in_reach, bool detailed) {
  const Aid& aid = *r.aid;
  const AmountResult& a = r.amount;
  w.BeginObject();
  w.Key("total");
  Euros(w, a.total);
  w.Field("unite", "EUR");
  w.Field("periodicite", PeriodicityCode(aid.periodicity));
  w.Key("par_periode");
  Euros(w, a.per_period);
  w.Key("echeancier");
  Payments(w, a.schedule);
  if (a.cap_per_period) {
    w.Key("plafond_par_periode");
    Euros(w, a.cap_per_period);
  }
  if (a.rate) w.FieldNumber("taux", *a.rate);
  if (!a.quantified) w.Field("non_chiffre", true);
  if (aid.duration_months > 0) w.Field("duree_mois", aid.duration_months);
  // By default the explanation only when there is no total to read: it then
  // says how the amount is set ("10 000 € en ZIP, 5 000 € en ZAC") or that
  // the sources give none; a total says it in a number.
  if (!aid.amount_explanation.empty() && (detailed || !a.total)) w.TextField("explication", aid.amount_explanation);
  // Within reach, the fields the amount needs are among the aid's
  // `manquants`: by default they are not repeated here.
  if (!a.missing.empty() && (detailed || !in_reach)) {
    w.StringArray("manquants", a.missing);
    MissingLabels(w, "manquants_libelles", result.catalog->schema(), a.missing);
  }
  if (!a.possible_bonuses.empty()) w.StringArray("majorations_possibles", a.possible_bonuses);
  if (!a.unofficial.empty()) {
    w.Key("sources_non_officielles").BeginArray();
    for (const Parameter* p : a.unofficial) w.Text(p->label);
    w.EndArray();
  }
  if (detailed && !a.parameters.empty()) {
    w.Key("parametres").BeginArray();
    for (const auto& use : a.parameters) {
      w.BeginObject();
      w.TextField("nom", use.parameter->name);
      w.TextField("libelle", use.parameter->label);
      if (!use.parameter->unit.empty()) w.TextField("unite", use.parameter->unit);
      if (use.value->scale.empty()) {
        w.FieldNumber("valeur", use.value->value);
      } else {
        w.Key("bareme").BeginArray();
        for (const auto& b : use.value->scale) {
          w.BeginObject().FieldNumber("seuil", b.threshold).FieldNumber("valeur", b.value).EndObject();
        }
        w.EndArray();
      }
      w.Key("depuis");
      if (use.value->since) w.String(use.value->since->ToString());
      else w.Null();
      w.Key("source");
      Source(w, use.value->source);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

// `reach`: the ways to reach it (e-mail, telephone, site); `full`: its
// address, note and source too.
void Contact(Writer& w, const ContactResult& c, bool full, bool reach) {
  if (!c.entry) {
    w.Null();
    return;
  }
  const ContactEntry& e = *c.entry;
  const ContactEntry* general = c.general && c.general != c.entry ? c.general : nullptr;
  w.BeginObject();
  w.TextField("organisme", e.name);
  if (!reach) {
    w.EndObject();
    return;
  }
  if (!e.email.empty()) w.TextField("courriel", e.email);
  const std::string& phone = !e.phone.empty() || !general ? e.phone : general->phone;
  const std::string& site = !e.website.empty() || !general ? e.website : general->website;
  if (!phone.empty()) w.TextField("telephone", phone);
  if (!site.empty()) w.TextField("site", site);
  if (!full) {
    w.EndObject();
    return;
  }
  if (!e.address.empty()) w.TextField("adresse", e.address);
  if (!e.note.empty()) w.TextField("note", e.note);
  if (e.source) {
    w.Key("source");
    Source(w, *e.source);
  }
  w.EndObject();
}

void Condition(Writer& w, const Result& result, const ConditionResult& c, bool detailed) {
  w.BeginObject();
  w.TextField("texte", c.text);
  w.Field("statut", ConditionStatusCode(c.status));
  if (!c.note.empty()) w.TextField("note", c.note);
  if (detailed) {
    // By default the aid's `manquants` (their union) says what is missing;
    // which condition reads which field is for the full answer.
    if (!c.missing.empty()) {
      w.StringArray("manquants", c.missing);
      MissingLabels(w, "manquants_libelles", result.catalog->schema(), c.missing);
    }
    if (c.fields && !c.fields->empty()) w.StringArray("champs", *c.fields);
    if (c.source) {
      w.Key("source");
      Source(w, *c.source);
    }
  }
  w.EndObject();
}

// Whether a condition is shown. In full, every condition of an aid within
// reach; otherwise the ones that decided the status: the failed ones when it
// is out of reach, the unknown ones when it is to be specified, all of them
// (all met) when it is eligible.
bool ShowCondition(const AidResult& r, const ConditionResult& c, bool detailed) {
  switch (r.status) {
    case AidStatus::kEligible: return true;
    case AidStatus::kToSpecify: return detailed || c.status != ConditionStatus::kMet;
    case AidStatus::kNotEligible:
    case AidStatus::kClosed: return c.status == ConditionStatus::kNotMet;
  }
  return true;
}

// What one fact or one choice would change (FindAlternatives), in the lean
// answer too: [{"champ", "valeur", "texte", "montant"}].
void AlternativesJson(Writer& w, const AidResult& r) {
  if (r.alternatives.empty()) return;
  w.Key("ce_qui_changerait").BeginArray();
  for (const Alternative& a : r.alternatives) {
    w.BeginObject().Field("champ", a.field).Field("valeur", a.value).TextField("texte", a.text);
    w.Key("montant");
    Euros(w, a.amount);
    w.EndObject();
  }
  w.EndArray();
}

// The best legal combination (Result::combination, filled by the simulate
// use case): {"aides": [ids], "total", "annees"}.
void CombinationJson(Writer& w, const Result& result) {
  if (!result.combination) return;
  const Combination& c = *result.combination;
  w.Key("combinaison").BeginObject();
  w.Key("aides").BeginArray();
  for (const auto& [id, amount] : c.aids) w.String(id);
  w.EndArray();
  w.Key("total");
  Euros(w, c.total);
  w.Field("annees", c.years);
  w.EndObject();
}

// Whether the aid's one-line message (AidMessage) only repeats what the
// lean answer gives as fields: a closed aid's message says when it closed or
// opens and what replaced it (`fenetre`), an aid to specify with missing
// fields lists them in words (`manquants_libelles`).
// Such a message is left to the full answer; the others (a note to check, a
// running contract, the ten-year rule…) are what a person reads first.
bool MessageRepeatsFields(const AidResult& r) {
  return r.status == AidStatus::kClosed || (r.status == AidStatus::kToSpecify && !r.missing.empty());
}

void AidJson(Writer& w, const Result& result, const AidResult& r, bool detailed, CitedDocuments* cited) {
  const Aid& aid = *r.aid;
  const bool in_reach = r.status == AidStatus::kEligible || r.status == AidStatus::kToSpecify;
  w.BeginObject();
  w.TextField("id", aid.id);
  w.TextField("nom", aid.name);
  w.TextField("financeur", aid.payer);
  if (detailed) w.TextField("famille", aid.family);
  w.Field("statut", AidStatusCode(r.status));
  if (detailed || !MessageRepeatsFields(r)) w.TextField("message", AidMessage(result, r));
  if (in_reach && detailed) w.TextField("resume", aid.summary);
  if (in_reach && !r.amount.unofficial.empty()) {
    w.Key("avertissements").BeginArray();
    w.Text(UnofficialAmountNote(r));
    w.EndArray();
  }
  if (detailed && aid.checked_on) w.Field("verifie_le", aid.checked_on->ToString());
  if (r.possible_from) w.Field("possible_a_partir_du", r.possible_from->ToString());
  w.Key("montant");
  if (in_reach || r.running) Amount(w, result, r, in_reach, detailed);
  else w.Null();
  // Commitments are what one signs up to: by default only for the aids
  // within reach (or running).
  w.Key("engagements").BeginArray();
  if (in_reach || r.running || detailed) {
    for (const auto& c : aid.commitments) w.Text(c.text);
  }
  w.EndArray();
  w.Key("conditions").BeginArray();
  for (const auto& c : r.conditions) {
    if (ShowCondition(r, c, detailed)) Condition(w, result, c, detailed);
  }
  w.EndArray();
  w.StringArray("manquants", r.missing);
  if (detailed || !r.missing.empty()) MissingLabels(w, "manquants_libelles", result.catalog->schema(), r.missing);
  w.StringArray("incompatible_avec", aid.incompatible_with);
  if (detailed && !aid.may_follow.empty()) w.StringArray("suites_autorisees", aid.may_follow);
  if (!r.blocked_by.empty()) w.StringArray("bloquee_par", r.blocked_by);
  if (r.running) {
    w.Key("en_cours").BeginObject();
    w.Field("date_debut", r.running->start.ToString());
    w.Key("date_fin");
    if (r.running->renewed) w.Null();
    else w.String(r.running->end.ToString());
    if (r.running->renewed) w.Field("reconduction_tacite", true);
    w.Key("versements_restants");
    Payments(w, r.running->remaining);
    w.EndObject();
  }
  if (detailed || r.status == AidStatus::kClosed) {
    w.Key("fenetre").BeginObject();
    w.Key("ouverture");
    if (aid.opens) w.String(aid.opens->ToString());
    else w.Null();
    w.Key("fermeture");
    if (aid.closes) w.String(aid.closes->ToString());
    else w.Null();
    if (!aid.replaced_by.empty()) w.StringArray("remplacee_par", aid.replaced_by);
    w.EndObject();
  }
  if (!aid.region.empty()) w.Field("region", aid.region);
  if (in_reach) {
    if (!aid.renewal.empty()) w.TextField("renouvellement", aid.renewal);
    if (!aid.clawback.empty()) {
      w.Key("remboursement").BeginObject().TextField("texte", aid.clawback).Field("prorata", aid.clawback_prorata).EndObject();
    }
  }
  // In full within reach: every source; by default the one that answers
  // first: the window's when closed, else the aid's main source.
  w.Key("sources").BeginArray();
  const bool closed_by_window = r.status == AidStatus::kClosed && aid.window_source;
  if (detailed) {
    for (const auto& s : aid.sources) {
      Source(w, s);
      if (!in_reach) break;
    }
    if (closed_by_window) Source(w, *aid.window_source);
  } else if (closed_by_window) {
    cited->LeanSource(w, *aid.window_source);
  } else if (!aid.sources.empty()) {
    cited->LeanSource(w, aid.sources.front());
  }
  w.EndArray();
  w.Key("contact");
  Contact(w, r.contact, in_reach && detailed, in_reach || detailed);
  if (in_reach && detailed && !aid.informations.empty()) {
    w.Key("informations").BeginArray();
    for (const auto& i : aid.informations) {
      w.BeginObject().TextField("texte", i.text);
      w.Key("source");
      Source(w, i.source);
      w.EndObject();
    }
    w.EndArray();
  }
  if (detailed && !r.one_fact_away.empty()) {
    w.Key("pour_devenir_eligible").BeginArray();
    for (const auto* c : r.one_fact_away) {
      w.BeginObject().TextField("texte", c->text);
      if (c->fields) w.StringArray("champs", *c->fields);
      w.EndObject();
    }
    w.EndArray();
  }
  AlternativesJson(w, r);
  if (!r.error.empty()) w.Field("erreur", r.error);
  w.EndObject();
}

// The facts `commune.zonage` gives whole: a zone value from the commune's
// layers with no decree behind it and nothing to confirm.
bool InCommuneZoning(const FactNote& f) { return f.field.rfind("zonage.", 0) == 0 && !f.value.empty(); }
bool PlainCommuneFact(const FactNote& f) { return InCommuneZoning(f) && f.origin == "commune" && !f.decree && !f.unconfirmed; }

}  // namespace

void WriteResult(json::Writer& w, const Result& result, const JsonOptions& options) {
  w.BeginObject();
  w.Field("date", result.date.ToString());
  if (!result.date_given) w.Field("date_par_defaut", true);
  if (result.commune) {
    w.Key("commune").BeginObject();
    w.Field("code", result.commune->code);
    w.Field("nom", result.commune->name);
    w.Field("departement", result.commune->departement);
    w.Field("region", result.commune->region);
    w.Key("zonage").BeginObject();
    for (const auto& f : result.facts) {
      if (!InCommuneZoning(f)) continue;
      w.Key(std::string_view(f.field).substr(7));
      if (f.value == "true" || f.value == "false") w.Bool(f.value == "true");
      else w.String(f.value);
    }
    w.EndObject();
    if (!result.commune->note.empty()) w.Field("note", result.commune->note);
    w.EndObject();
  }
  if (!result.facts.empty()) {
    w.Key("faits").BeginArray();
    for (const auto& f : result.facts) {
      // By default a fact the commune gives plainly (no decree behind it,
      // nothing to confirm) is only its value in `commune.zonage`.
      if (!options.details && PlainCommuneFact(f)) continue;
      w.BeginObject();
      w.Field("champ", f.field);
      w.Key("valeur");
      w.StringOrNull(f.value);
      w.Field("origine", f.origin);
      if (!f.layer.empty()) w.Field("couche", f.layer);
      // The layer's description comes in full; by default only what the
      // user has to act on (a fact to confirm for the address).
      if (!f.note.empty() && (options.details || f.origin == "a_confirmer")) w.Field("note", f.note);
      if (f.decree) FactDecreeJson(w, "arrete", *f.decree, options.details);
      if (f.unconfirmed) {
        w.Field("a_confirmer", true);
        if (f.replaced_by) FactDecreeJson(w, "remplace_par", *f.replaced_by, options.details);
        w.Key("valeur_precedente");
        w.StringOrNull(f.previous_value);
      }
      w.EndObject();
    }
    w.EndArray();
  }
  int counts[4] = {0, 0, 0, 0};
  for (const auto& a : result.aids) counts[static_cast<int>(a.status)]++;
  w.Key("resume").BeginObject();
  w.Field("eligible", counts[static_cast<int>(AidStatus::kEligible)]);
  w.Field("non_eligible", counts[static_cast<int>(AidStatus::kNotEligible)]);
  w.Field("a_preciser", counts[static_cast<int>(AidStatus::kToSpecify)]);
  w.Field("ferme", counts[static_cast<int>(AidStatus::kClosed)]);
  w.EndObject();
  // Aids for other applicants or places are counted, unless asked for in full.
  int other_applicants = 0;
  int other_places = 0;
  CitedDocuments cited;
  w.Key("aides").BeginArray();
  for (const auto& a : result.aids) {
    const bool detailed = options.Detailed(a.aid->id);
    if (a.scope != AidScope::kConcerns && !detailed) {
      ++(a.scope == AidScope::kOtherApplicant ? other_applicants : other_places);
      continue;
    }
    AidJson(w, result, a, detailed, &cited);
  }
  w.EndArray();
  w.Field("aides_autres_professions", other_applicants);
  w.Field("aides_autres_territoires", other_places);
  CombinationJson(w, result);
  cited.Write(w);
  w.EndObject();
}

std::string ToJson(const Result& result, const JsonOptions& options) {
  std::string out;
  // About the size of a doctor's answer (19 KB lean, 120 KB in full): one
  // allocation instead of two or three growths.
  out.reserve(options.AnyDetail() ? 128 * 1024 : 32 * 1024);
  ToJson(result, options, &out);
  return out;
}

void ToJson(const Result& result, const JsonOptions& options, std::string* out) {
  out->clear();
  json::Writer w(out, options.indent);
  WriteResult(w, result, options);
}

}  // namespace capsante

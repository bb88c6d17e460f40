#include <cmath>

#include <nlohmann/json.hpp>

#include "capsante/result.h"

namespace capsante {

using nlohmann::json;
using nlohmann::ordered_json;

const char* AidStatusCode(AidStatus s) {
  switch (s) {
    case AidStatus::kEligible: return "eligible";
    case AidStatus::kNotEligible: return "non_eligible";
    case AidStatus::kToSpecify: return "a_preciser";
    case AidStatus::kClosed: return "ferme";
  }
  return "a_preciser";
}

const char* AidStatusFrench(AidStatus s) {
  switch (s) {
    case AidStatus::kEligible: return "Éligible";
    case AidStatus::kNotEligible: return "Non éligible";
    case AidStatus::kToSpecify: return "À préciser";
    case AidStatus::kClosed: return "Fermé";
  }
  return "";
}

const char* ConditionStatusCode(ConditionStatus s) {
  switch (s) {
    case ConditionStatus::kMet: return "remplie";
    case ConditionStatus::kNotMet: return "non_remplie";
    case ConditionStatus::kUnknown: return "inconnue";
  }
  return "inconnue";
}

namespace {

ordered_json Source(const SourceRef& s) {
  ordered_json j;
  if (!s.document.empty()) j["document"] = s.document;
  if (!s.url.empty()) j["url"] = s.url;
  j["extrait"] = s.excerpt;
  return j;
}

ordered_json Number(const std::optional<double>& v) {
  if (!v) return nullptr;
  // Euros to the cent, printed as integers when whole.
  const double cents = std::round(*v * 100.0) / 100.0;
  if (cents == std::floor(cents) && std::fabs(cents) < 1e15) return static_cast<long long>(cents);
  return cents;
}

ordered_json Payments(const std::vector<PaymentResult>& payments) {
  ordered_json arr = ordered_json::array();
  for (const auto& p : payments) {
    ordered_json j;
    j["date"] = p.date ? ordered_json(p.date->ToString()) : ordered_json(nullptr);
    j["mois_apres_debut"] = p.months_after;
    j["montant"] = Number(p.amount);
    j["libelle"] = p.label;
    arr.push_back(std::move(j));
  }
  return arr;
}

ordered_json Amount(const AidResult& r, const JsonOptions& options) {
  const Aid& aid = *r.aid;
  const AmountResult& a = r.amount;
  ordered_json j;
  j["total"] = Number(a.total);
  j["unite"] = "EUR";
  j["periodicite"] = PeriodicityCode(aid.periodicity);
  j["par_periode"] = Number(a.per_period);
  j["echeancier"] = Payments(a.schedule);
  if (a.cap_per_period) j["plafond_par_periode"] = Number(a.cap_per_period);
  if (a.rate) j["taux"] = *a.rate;
  if (!a.quantified) j["non_chiffre"] = true;
  if (aid.duration_months > 0) j["duree_mois"] = aid.duration_months;
  if (!aid.amount_explanation.empty()) j["explication"] = aid.amount_explanation;
  if (!a.missing.empty()) j["manquants"] = a.missing;
  if (!a.possible_bonuses.empty()) j["majorations_possibles"] = a.possible_bonuses;
  if (options.explanations && !a.parameters.empty()) {
    ordered_json params = ordered_json::array();
    for (const auto& use : a.parameters) {
      ordered_json p;
      p["nom"] = use.parameter->name;
      p["libelle"] = use.parameter->label;
      if (!use.parameter->unit.empty()) p["unite"] = use.parameter->unit;
      if (use.value->scale.empty()) {
        p["valeur"] = use.value->value;
      } else {
        ordered_json scale = ordered_json::array();
        for (const auto& b : use.value->scale) scale.push_back({{"seuil", b.threshold}, {"valeur", b.value}});
        p["bareme"] = std::move(scale);
      }
      p["depuis"] = use.value->since ? ordered_json(use.value->since->ToString()) : ordered_json(nullptr);
      p["source"] = Source(use.value->source);
      params.push_back(std::move(p));
    }
    j["parametres"] = std::move(params);
  }
  return j;
}

ordered_json Contact(const ContactResult& c) {
  if (!c.entry) return nullptr;
  const ContactEntry& e = *c.entry;
  ordered_json j;
  j["organisme"] = e.name;
  if (!e.email.empty()) j["courriel"] = e.email;
  if (!e.phone.empty()) j["telephone"] = e.phone;
  if (!e.website.empty()) j["site"] = e.website;
  if (!e.address.empty()) j["adresse"] = e.address;
  if (!e.note.empty()) j["note"] = e.note;
  if (c.general && c.general != c.entry) {
    if (e.phone.empty() && !c.general->phone.empty()) j["telephone"] = c.general->phone;
    if (e.website.empty() && !c.general->website.empty()) j["site"] = c.general->website;
  }
  if (e.source) j["source"] = Source(*e.source);
  return j;
}

ordered_json Condition(const ConditionResult& c, bool explanations) {
  ordered_json j;
  j["texte"] = c.text;
  j["statut"] = ConditionStatusCode(c.status);
  if (!c.note.empty()) j["note"] = c.note;
  if (!c.missing.empty()) j["manquants"] = c.missing;
  if (explanations) {
    if (!c.fields.empty()) j["champs"] = c.fields;
    if (c.source) j["source"] = Source(*c.source);
  }
  return j;
}

ordered_json AidJson(const AidResult& r, const JsonOptions& options) {
  const Aid& aid = *r.aid;
  ordered_json j;
  j["id"] = aid.id;
  j["nom"] = aid.name;
  j["financeur"] = aid.payer;
  j["famille"] = aid.family;
  j["statut"] = AidStatusCode(r.status);
  j["message"] = r.message;
  j["resume"] = aid.summary;
  const bool with_amount = r.status == AidStatus::kEligible || r.status == AidStatus::kToSpecify || r.running;
  j["montant"] = with_amount ? Amount(r, options) : ordered_json(nullptr);
  ordered_json commitments = ordered_json::array();
  for (const auto& c : aid.commitments) commitments.push_back(c.text);
  j["engagements"] = std::move(commitments);
  ordered_json conditions = ordered_json::array();
  for (const auto& c : r.conditions) {
    if (options.explanations || c.status != ConditionStatus::kMet) conditions.push_back(Condition(c, options.explanations));
  }
  j["conditions"] = std::move(conditions);
  j["manquants"] = r.missing;
  j["incompatible_avec"] = aid.incompatible_with;
  if (!aid.may_follow.empty()) j["suites_autorisees"] = aid.may_follow;
  if (!r.blocked_by.empty()) j["bloquee_par"] = r.blocked_by;
  if (r.running) {
    ordered_json run;
    run["date_debut"] = r.running->start.ToString();
    run["date_fin"] = r.running->end.ToString();
    run["versements_restants"] = Payments(r.running->remaining);
    j["en_cours"] = std::move(run);
  }
  ordered_json window;
  window["ouverture"] = aid.opens ? ordered_json(aid.opens->ToString()) : ordered_json(nullptr);
  window["fermeture"] = aid.closes ? ordered_json(aid.closes->ToString()) : ordered_json(nullptr);
  if (!aid.replaced_by.empty()) window["remplacee_par"] = aid.replaced_by;
  j["fenetre"] = std::move(window);
  if (!aid.region.empty()) j["region"] = aid.region;
  if (!aid.renewal.empty()) j["renouvellement"] = aid.renewal;
  if (!aid.clawback.empty()) j["remboursement"] = {{"texte", aid.clawback}, {"prorata", aid.clawback_prorata}};
  ordered_json sources = ordered_json::array();
  for (const auto& s : aid.sources) sources.push_back(Source(s));
  if (r.status == AidStatus::kClosed && aid.window_source) sources.push_back(Source(*aid.window_source));
  j["sources"] = std::move(sources);
  j["contact"] = Contact(r.contact);
  if (!aid.informations.empty()) {
    ordered_json infos = ordered_json::array();
    for (const auto& i : aid.informations) infos.push_back({{"texte", i.text}, {"source", Source(i.source)}});
    j["informations"] = std::move(infos);
  }
  if (options.explanations && !r.one_fact_away.empty()) {
    ordered_json away = ordered_json::array();
    for (const auto* c : r.one_fact_away) away.push_back({{"texte", c->text}, {"champs", c->fields}});
    j["pour_devenir_eligible"] = std::move(away);
  }
  if (!r.error.empty()) j["erreur"] = r.error;
  return j;
}

}  // namespace

std::string ToJson(const Result& result, const JsonOptions& options) {
  ordered_json j;
  j["date"] = result.date.ToString();
  if (!result.date_given) j["date_par_defaut"] = true;
  if (result.commune) {
    ordered_json c;
    c["code"] = result.commune->code;
    c["nom"] = result.commune->name;
    c["departement"] = result.commune->departement;
    c["region"] = result.commune->region;
    ordered_json zonage = ordered_json::object();
    for (const auto& f : result.facts) {
      if (f.field.rfind("zonage.", 0) == 0 && !f.value.empty()) {
        const std::string key = f.field.substr(7);
        if (f.value == "true" || f.value == "false") zonage[key] = f.value == "true";
        else zonage[key] = f.value;
      }
    }
    c["zonage"] = std::move(zonage);
    if (!result.commune->note.empty()) c["note"] = result.commune->note;
    j["commune"] = std::move(c);
  }
  if (!result.facts.empty()) {
    ordered_json facts = ordered_json::array();
    for (const auto& f : result.facts) {
      ordered_json fj;
      fj["champ"] = f.field;
      fj["valeur"] = f.value.empty() ? ordered_json(nullptr) : ordered_json(f.value);
      fj["origine"] = f.origin;
      if (!f.layer.empty()) fj["couche"] = f.layer;
      if (!f.note.empty()) fj["note"] = f.note;
      facts.push_back(std::move(fj));
    }
    j["faits"] = std::move(facts);
  }
  int counts[4] = {0, 0, 0, 0};
  for (const auto& a : result.aids) counts[static_cast<int>(a.status)]++;
  j["resume"] = {{"eligible", counts[0]}, {"non_eligible", counts[1]}, {"a_preciser", counts[2]}, {"ferme", counts[3]}};
  ordered_json aids = ordered_json::array();
  for (const auto& a : result.aids) aids.push_back(AidJson(a, options));
  j["aides"] = std::move(aids);
  return j.dump(options.indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace capsante

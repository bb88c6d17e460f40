// Simulate and Compare: from a situation to the results, and their documents.
#include <cmath>

#include <nlohmann/json.hpp>

#include "capsante/engine.h"
#include "capsante/service.h"
#include "engine/result_json.h"
#include "service/status_util.h"
#include "util/json_writer.h"

namespace capsante::service {

namespace {

// "details": true | false | ["caim", ...], validated against the catalog.
Status ReadDetails(const Catalog& catalog, const nlohmann::json& v, std::string_view prefix, JsonOptions* out) {
  const std::string field = std::string(prefix) + "details";
  if (v.is_boolean()) {
    out->details = v.get<bool>();
    return Status::Ok();
  }
  if (!v.is_array() || v.size() > catalog.aids().size()) {
    return Status::InvalidInput("« details » vaut true, false ou une liste d'identifiants d'aides", field);
  }
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string() || !catalog.FindAid(v[i].get<std::string>())) {
      const std::string id = v[i].is_string() ? v[i].get<std::string>().substr(0, 64) : v[i].dump().substr(0, 64);
      return Status::InvalidInput("« details » : aide inconnue « " + id + " »", field + "[" + std::to_string(i) + "]");
    }
    out->details_for.push_back(v[i].get<std::string>());
  }
  return Status::Ok();
}

double Cents(double x) { return std::round(x * 100) / 100; }

// The best legal combination, the one the ranking and the comparison count.
Combination BestCombination(const Result& result) {
  Combination c;
  for (const AidResult* a : BestCompatibleSet(result, c.years)) {
    const double amount = AmountWithin(*a, result.date, c.years);
    c.aids.emplace_back(a->aid->id, amount);
    c.total += amount;
  }
  return c;
}

}  // namespace

Status ReadSimulateRequest(const Catalog& catalog, std::string_view json, SimulateRequest* out,
                           std::string_view prefix) {
  // "details" is rare: only then is the text read twice (once to take the
  // key out, once as a situation), so the common request costs one parse.
  if (json.find("\"details\"") != std::string_view::npos && !Situation::NestingExceeds(json, 10)) {
    nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
    if (doc.is_object() && doc.contains("details")) {
      CAPSANTE_RETURN_IF_ERROR(ReadDetails(catalog, doc["details"], prefix, &out->answer));
      doc.erase("details");
      return Prefixed(Situation::FromJson(catalog.schema(), doc.dump(), &out->situation), prefix);
    }
  }
  return Prefixed(Situation::FromJson(catalog.schema(), json, &out->situation), prefix);
}

Status Simulate(const Env& env, const SimulateRequest& request, Result* out) {
  Situation situation = request.situation;
  CAPSANTE_RETURN_IF_ERROR(env.catalog->CheckSituation(situation));
  for (const auto& id : request.only) {
    if (!env.catalog->FindAid(id)) return Status::InvalidInput("aide inconnue « " + id.substr(0, 64) + " »", "aide");
  }
  PlaceResolution place;
  if (NeedsPlace(situation)) {
    if (!env.communes) return Status::InvalidInput("les données des communes ne sont pas chargées", "commune");
    CAPSANTE_RETURN_IF_ERROR(ResolvePlace(*env.communes, &situation, &place));
  }
  EvalOptions options;
  options.explanations = request.answer.AnyDetail();
  options.only = request.only;
  *out = Evaluate(*env.catalog, situation, options);
  ApplyPlace(place, out);
  FindAlternatives(*env.catalog, situation, out);
  out->combination = BestCombination(*out);
  return Status::Ok();
}

std::string SimulateJson(const Result& result, const JsonOptions& answer) { return ToJson(result, answer); }

void SimulateJson(const Result& result, const JsonOptions& answer, std::string* out) { ToJson(result, answer, out); }

Status Compare(const Env& env, const CompareRequest& request, CompareAnswer* out) {
  if (request.communes.size() < 2 || request.communes.size() > 10) {
    return Status::InvalidInput("« communes » : donnez de 2 à 10 codes INSEE de communes à comparer", "communes");
  }
  if (request.years < 1 || request.years > 10) {
    return Status::InvalidInput("« annees » doit être un entier de 1 à 10", "annees");
  }
  if (!env.communes) return Status::InvalidInput("les données des communes ne sont pas chargées", "communes");
  CAPSANTE_RETURN_IF_ERROR(Prefixed(env.catalog->CheckSituation(request.situation), "situation."));
  out->date = request.situation.date();
  out->years = request.years;
  out->answer = request.answer;
  out->places.clear();
  EvalOptions options;
  options.explanations = request.answer.AnyDetail();
  for (size_t i = 0; i < request.communes.size(); ++i) {
    const std::string& code = request.communes[i];
    Situation s;
    PlaceResolution place;
    if (Status st = SituationAt(*env.communes, request.situation, code, &s, &place); !st.ok()) {
      if (st.code() == Status::Code::kInvalidInput) {
        return Status::InvalidInput(st.message(), "communes[" + std::to_string(i) + "]");
      }
      return st;
    }
    ComparedPlace& p = out->places.emplace_back();
    p.result = Evaluate(*env.catalog, s, options);
    ApplyPlace(place, &p.result);
    p.code = p.result.commune ? p.result.commune->code : code;
    for (const AidResult* a : BestCompatibleSet(p.result, request.years)) {
      const double amount = AmountWithin(*a, p.result.date, request.years);
      p.total += amount;
      p.kept.emplace_back(a->aid->id, amount);
    }
    if (request.by_plan) p.total = TotalWithin(*env.catalog, s, p.result, request.years, /*by_plan=*/true);
    p.provisional = Provisional(*env.catalog, s, place, request.years, request.by_plan);
  }
  return Status::Ok();
}

std::string CompareJson(const CompareAnswer& answer) {
  std::string out;
  json::Writer w(&out, answer.answer.indent);
  w.BeginObject();
  w.Field("date", answer.date.ToString());
  w.Field("annees", answer.years);
  w.Key("communes").BeginArray();
  for (const ComparedPlace& p : answer.places) {
    const Result& r = p.result;
    w.BeginObject();
    w.Field("code", p.code);
    w.Field("nom", r.commune ? std::string_view(r.commune->name) : std::string_view());
    w.FieldNumber("total", Cents(p.total));
    w.Key("aides_retenues").BeginArray();
    for (const auto& [id, amount] : p.kept) w.BeginObject().Field("id", id).FieldNumber("montant", Cents(amount)).EndObject();
    w.EndArray();
    w.Key("zonages").BeginObject();
    for (const auto& f : r.facts) {
      if (f.field != "zonage.medecin" && f.field != "zonage.profession") continue;
      w.Key(std::string_view(f.field).substr(7));
      w.StringOrNull(f.value);
    }
    w.EndObject();
    // An unconfirmed zone: the total above leaves its aids out; the previous
    // decree's answer is given apart, "sous réserve".
    if (p.provisional.applies) {
      w.FieldNumber("total_sous_reserve", Cents(p.provisional.total));
      w.Key("zonages_a_confirmer").BeginObject();
      for (const auto& [field, value] : p.provisional.assumed) w.Field(std::string_view(field).substr(7), value);
      w.EndObject();
    }
    w.Key("resultat");
    WriteResult(w, r, answer.answer);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

}  // namespace capsante::service

#include "api.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "capsante/batch.h"
#include "capsante/service.h"
#include "capsante/plan.h"
#include "capsante/situation.h"
#include "buffers.h"
#include "openapi_embedded.h"
#include "util/json_writer.h"

#ifndef CAPSANTE_VERSION
#define CAPSANTE_VERSION "0.0.0"
#endif

namespace capsante::server {

using ojson = nlohmann::ordered_json;

namespace {

constexpr std::string_view kApi = "/api/v1/";

// Heavy requests (a ranking of up to every commune of France, a batch): at
// most this many at once each, the others get 503.
constexpr int kMaxConcurrentHeavy = 2;
std::atomic<int> g_rankings_in_flight{0};
std::atomic<int> g_lots_in_flight{0};

ApiResponse Json(int status, std::string body) {
  ApiResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

ApiResponse Error(int status, std::string_view message, std::string_view field = {}) {
  return Json(status, service::ErrorJson(message, field));
}

ApiResponse FromStatus(const Status& st) {
  switch (st.code()) {
    case Status::Code::kOk: return Json(200, "{}");
    case Status::Code::kInvalidInput: return Error(400, st.message(), st.field());
    case Status::Code::kNotFound: return Error(404, st.message(), st.field());
    case Status::Code::kInvalidCatalog:
    case Status::Code::kIoError:
    case Status::Code::kInternal: break;
  }
  return Error(500, "erreur interne du serveur : " + st.message());
}

ApiResponse MethodNotAllowed(const ApiRequest& r, const char* allowed) {
  ApiResponse res = Error(405, "méthode " + r.method.substr(0, 16) + " non autorisée sur " + r.path.substr(0, 100) +
                                   " (méthode attendue : " + allowed + ")");
  res.allow = allowed;
  return res;
}

const std::string* QueryValue(const ApiRequest& r, const char* key) {
  auto it = r.query.find(key);
  return it == r.query.end() ? nullptr : &it->second;
}

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Releases a heavy-request slot when the request ends.
struct HeavySlot {
  std::atomic<int>* counter;
  bool taken;
  explicit HeavySlot(std::atomic<int>* c) : counter(c), taken(c->fetch_add(1) < kMaxConcurrentHeavy) {}
  ~HeavySlot() { counter->fetch_sub(1); }
};

// ?date=AAAA-MM-JJ (default today).
std::optional<ApiResponse> QueryDate(const ApiRequest& r, Date* out) {
  *out = Date::Today();
  if (const std::string* d = QueryValue(r, "date")) {
    auto parsed = Date::Parse(*d);
    if (!parsed) return Error(400, "date impossible « " + d->substr(0, 32) + " » (format AAAA-MM-JJ)", "date");
    *out = *parsed;
  }
  return std::nullopt;
}

// ?profession=... checked against the schema.
std::optional<ApiResponse> QueryProfession(const ApiRequest& r, const Catalog& catalog, std::string* out) {
  out->clear();
  const std::string* p = QueryValue(r, "profession");
  if (!p || p->empty()) return std::nullopt;
  if (Status st = service::CheckProfession(catalog, *p, "profession"); !st.ok()) return FromStatus(st);
  *out = *p;
  return std::nullopt;
}

// ?explications=oui|non: the former switch of the full answer; "oui" asks
// for the details of every aid, as "details": true does.
std::optional<ApiResponse> QueryExplanations(const ApiRequest& r, JsonOptions* answer) {
  const std::string* v = QueryValue(r, "explications");
  if (!v) return std::nullopt;
  if (*v == "oui" || *v == "true" || *v == "1") {
    answer->details = true;
    return std::nullopt;
  }
  if (*v == "non" || *v == "false" || *v == "0") return std::nullopt;
  return Error(400, "« explications » vaut oui ou non", "explications");
}

// Integer in [lo, hi] from a JSON value, or an error naming `field`.
std::optional<ApiResponse> JsonInt(const ojson& v, const char* field, int lo, int hi, int* out) {
  if (!v.is_number_integer() || v.get<long long>() < lo || v.get<long long>() > hi) {
    return Error(400, std::string("« ") + field + " » doit être un entier de " + std::to_string(lo) + " à " +
                          std::to_string(hi),
                 field);
  }
  *out = static_cast<int>(v.get<long long>());
  return std::nullopt;
}

// Parses a request body that wraps a situation: {"situation": {...}, ...}.
// Keys other than `allowed` are refused.
std::optional<ApiResponse> ParseEnvelope(const SituationSchema& schema, const std::string& body,
                                         const std::vector<std::string>& allowed, ojson* out) {
  if (IsBlank(body)) return Error(400, "corps de la requête vide : envoyez un objet JSON");
  // Bounded nesting before building a tree (the situation itself allows 8
  // levels; the envelope adds one).
  if (Situation::NestingExceeds(body, 10)) return Error(400, "corps de la requête trop imbriqué (10 niveaux au plus)");
  // Strict JSON, and no key twice anywhere (the tree below would keep one
  // silently): the situation's fields are named by their labels.
  if (Status st = Situation::CheckJsonText(schema, body, 10, /*check_duplicates=*/true, "situation"); !st.ok()) {
    return FromStatus(st);
  }
  // nlohmann throws even with allow_exceptions=false on a number that
  // overflows a double (1e999): catch everything it can throw.
  try {
    *out = ojson::parse(body, nullptr, /*allow_exceptions=*/false);
  } catch (const nlohmann::json::exception&) {
    return Error(400, "JSON invalide dans le corps de la requête : un nombre dépasse les limites permises");
  }
  if (out->is_discarded()) return Error(400, "JSON invalide dans le corps de la requête");
  if (!out->is_object()) return Error(400, "le corps de la requête doit être un objet JSON");
  for (auto it = out->begin(); it != out->end(); ++it) {
    if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
      return Error(400, "champ inconnu « " + it.key().substr(0, 80) + " »", it.key().substr(0, 80));
    }
  }
  if (!out->contains("situation")) return Error(400, "« situation » est obligatoire", "situation");
  if (!(*out)["situation"].is_object()) return Error(400, "« situation » doit être un objet JSON", "situation");
  return std::nullopt;
}

// The situation of an envelope (and its "details", if any).
std::optional<ApiResponse> EnvelopeSituation(const Catalog& catalog, const ojson& body,
                                             service::SimulateRequest* out) {
  if (Status st = service::ReadSimulateRequest(catalog, body["situation"].dump(), out, "situation."); !st.ok()) {
    return FromStatus(st);
  }
  return std::nullopt;
}

}  // namespace

std::string ErrorJson(std::string_view message, std::string_view field) { return service::ErrorJson(message, field); }

Api::~Api() = default;

Status Api::Create(const std::string& home, std::unique_ptr<Api>* out) {
  std::unique_ptr<Api> api(new Api());
  Status st = Catalog::Load(home, &api->catalog_);
  if (!st.ok()) {
    if (st.code() == Status::Code::kIoError) {
      return Status::InvalidCatalog("catalogue introuvable : " + st.message() + " (option --home ou variable CAPSANTE_HOME)");
    }
    return st;
  }
  st = geo::CommuneIndex::Load(home + "/data", &api->communes_);
  if (!st.ok()) return Status::InvalidCatalog("données des communes illisibles : " + st.message());
  api->env_.catalog = api->catalog_.get();
  api->env_.communes = api->communes_.get();
  api->schema_json_ = service::SchemaJson(api->catalog_->schema());
  api->aides_json_ = service::AidsJson(*api->catalog_, {});
  api->openapi_json_ = std::string(kOpenApiJson);
  std::string health;
  json::Writer w(&health);
  w.BeginObject()
      .Field("statut", "ok")
      .Field("version", CAPSANTE_VERSION)
      .Field("aides", static_cast<int>(api->catalog_->aids().size()))
      .Field("communes", static_cast<int>(api->communes_->entries().size()))
      .EndObject();
  api->health_json_ = std::move(health);
  *out = std::move(api);
  return Status::Ok();
}

bool Api::IsApiPath(std::string_view path) {
  return path == "/healthz" || path == "/api" || path.rfind("/api/", 0) == 0;
}

bool Api::IsHeavy(std::string_view path) { return path == "/api/v1/classement" || path == "/api/v1/lot"; }

ApiResponse Api::Handle(const ApiRequest& r) const {
  const std::string& p = r.path;
  const bool get = r.method == "GET" || r.method == "HEAD";
  const bool post = r.method == "POST";
  if (p == "/healthz") return get ? Json(200, health_json_) : MethodNotAllowed(r, "GET");
  if (p.size() > kApi.size() && p.compare(0, kApi.size(), kApi) == 0) {
    const std::string_view rest = std::string_view(p).substr(kApi.size());
    if (rest == "simulate") return post ? Simulate(r) : MethodNotAllowed(r, "POST");
    if (rest == "comparer") return post ? Comparer(r) : MethodNotAllowed(r, "POST");
    if (rest == "classement") return post ? Classement(r) : MethodNotAllowed(r, "POST");
    if (rest == "lot") return post ? Lot(r) : MethodNotAllowed(r, "POST");
    if (rest == "plan") return post ? PlanCareer(r) : MethodNotAllowed(r, "POST");
    if (rest == "aides") return get ? Aides(r) : MethodNotAllowed(r, "GET");
    if (rest == "communes") return get ? CommunesSearch(r) : MethodNotAllowed(r, "GET");
    if (rest == "schema") return get ? Json(200, schema_json_) : MethodNotAllowed(r, "GET");
    if (rest == "openapi.json") return get ? Json(200, openapi_json_) : MethodNotAllowed(r, "GET");
    for (std::string_view prefix : {std::string_view("aides/"), std::string_view("communes/")}) {
      if (rest.size() > prefix.size() && rest.substr(0, prefix.size()) == prefix) {
        const std::string_view id = rest.substr(prefix.size());
        if (id.find('/') != std::string_view::npos) break;
        if (!get) return MethodNotAllowed(r, "GET");
        return prefix == "aides/" ? Aide(r, id) : Commune(r, id);
      }
    }
  }
  return Error(404, "adresse inconnue de l'API : " + p.substr(0, 100) + " (voir /api/v1/openapi.json)");
}

ApiResponse Api::Simulate(const ApiRequest& r) const {
  if (IsBlank(r.body)) return Error(400, "corps de la requête vide : envoyez la situation en JSON");
  service::SimulateRequest request;
  if (auto e = QueryExplanations(r, &request.answer)) return *e;
  if (Status st = service::ReadSimulateRequest(*catalog_, r.body, &request); !st.ok()) return FromStatus(st);
  Result result;
  if (Status st = service::Simulate(env_, request, &result); !st.ok()) return FromStatus(st);
  ApiResponse res = Json(200, TakeBuffer());
  service::SimulateJson(result, request.answer, &res.body);
  return res;
}

ApiResponse Api::Aides(const ApiRequest& r) const {
  std::string profession;
  if (auto e = QueryProfession(r, *catalog_, &profession)) return *e;
  if (profession.empty()) return Json(200, aides_json_);
  return Json(200, service::AidsJson(*catalog_, profession));
}

ApiResponse Api::Aide(const ApiRequest&, std::string_view id) const {
  std::string out;
  if (Status st = service::AidJson(*catalog_, id, &out); !st.ok()) return FromStatus(st);
  return Json(200, std::move(out));
}

ApiResponse Api::CommunesSearch(const ApiRequest& r) const {
  const std::string* q = QueryValue(r, "q");
  if (!q || IsBlank(*q)) {
    return Error(400, "la recherche est vide : donnez un nom, un code postal ou un code INSEE (paramètre q)", "q");
  }
  if (q->size() > 100) return Error(400, "la recherche est trop longue (100 caractères au plus)", "q");
  int limit = 10;
  if (const std::string* l = QueryValue(r, "limite")) {
    char* end = nullptr;
    const long v = std::strtol(l->c_str(), &end, 10);
    if (l->empty() || *end != '\0' || v < 1 || v > 50) {
      return Error(400, "« limite » doit être un entier de 1 à 50", "limite");
    }
    limit = static_cast<int>(v);
  }
  service::CommuneQuery query;
  if (auto e = QueryDate(r, &query.date)) return *e;
  if (auto e = QueryProfession(r, *catalog_, &query.profession)) return *e;
  return Json(200, service::CommuneSearchJson(*communes_, *q, static_cast<size_t>(limit), query));
}

ApiResponse Api::Commune(const ApiRequest& r, std::string_view code) const {
  service::CommuneQuery query;
  if (auto e = QueryDate(r, &query.date)) return *e;
  if (auto e = QueryProfession(r, *catalog_, &query.profession)) return *e;
  // ?historique=oui: the zoning history (as `capsante communes CODE --historique --json`).
  bool history = false;
  if (const std::string* h = QueryValue(r, "historique")) {
    history = *h == "1" || *h == "oui" || *h == "true";
    if (!history && *h != "0" && *h != "non" && *h != "false") return Error(400, "« historique » vaut oui ou non", "historique");
  }
  std::string out;
  if (Status st = service::CommuneDetailJson(*communes_, code, query, &out, history); !st.ok()) return FromStatus(st);
  return Json(200, std::move(out));
}

ApiResponse Api::Comparer(const ApiRequest& r) const {
  ojson body;
  if (auto e = ParseEnvelope(catalog_->schema(), r.body, {"situation", "communes", "annees", "explications", "details"}, &body)) return *e;
  service::CompareRequest request;
  if (body.contains("annees")) {
    if (auto e = JsonInt(body["annees"], "annees", 1, 10, &request.years)) return *e;
  }
  service::SimulateRequest situation;
  if (auto e = EnvelopeSituation(*catalog_, body, &situation)) return *e;
  request.situation = std::move(situation.situation);
  request.answer = situation.answer;
  if (body.contains("explications")) {
    if (!body["explications"].is_boolean()) return Error(400, "« explications » doit être un booléen", "explications");
    request.answer.details |= body["explications"].get<bool>();
  }
  if (body.contains("details")) {
    ojson wrapped = {{"details", body["details"]}};
    service::SimulateRequest d;
    if (Status st = service::ReadSimulateRequest(*catalog_, wrapped.dump(), &d); !st.ok()) return FromStatus(st);
    request.answer.details |= d.answer.details;
    request.answer.details_for = d.answer.details_for;
  }
  const ojson& codes = body.contains("communes") ? body["communes"] : ojson();
  if (!codes.is_array() || codes.size() < 2 || codes.size() > 10) {
    return Error(400, "« communes » : donnez de 2 à 10 codes INSEE de communes à comparer", "communes");
  }
  for (size_t i = 0; i < codes.size(); ++i) {
    if (!codes[i].is_string()) {
      return Error(400, "« communes[" + std::to_string(i) + "] » doit être un code INSEE (texte)",
                   "communes[" + std::to_string(i) + "]");
    }
    request.communes.push_back(codes[i].get<std::string>());
  }
  service::CompareAnswer answer;
  if (Status st = service::Compare(env_, request, &answer); !st.ok()) return FromStatus(st);
  return Json(200, service::CompareJson(answer));
}

ApiResponse Api::Classement(const ApiRequest& r) const {
  ojson body;
  if (auto e = ParseEnvelope(catalog_->schema(), r.body, {"situation", "departement", "region", "france", "autour", "rayon_km", "annees", "limite", "par_plan", "carte"},
                             &body)) {
    return *e;
  }
  const bool france = body.contains("france") && body["france"].is_boolean() && body["france"].get<bool>();
  if (body.contains("france") && !body["france"].is_boolean()) return Error(400, "« france » doit être un booléen", "france");
  const int scopes = body.contains("departement") + body.contains("region") + france + body.contains("autour");
  if (scopes != 1) {
    return Error(400, "choisissez une seule zone : departement, region, france ou autour (avec rayon_km)", "departement");
  }
  for (const char* k : {"departement", "region", "autour"}) {
    if (body.contains(k) && !body[k].is_string()) return Error(400, std::string("« ") + k + " » doit être un code (texte)", k);
  }
  service::RankRequest request;
  int limit = 30;
  if (body.contains("annees")) {
    if (auto e = JsonInt(body["annees"], "annees", 1, 10, &request.years)) return *e;
  }
  if (body.contains("limite")) {
    if (auto e = JsonInt(body["limite"], "limite", 1, 1000, &limit)) return *e;
  }
  request.limit = static_cast<size_t>(limit);
  if (body.contains("par_plan") && !body["par_plan"].is_boolean()) return Error(400, "« par_plan » doit être un booléen", "par_plan");
  request.by_plan = body.contains("par_plan") && body["par_plan"].get<bool>();
  if (body.contains("carte") && !body["carte"].is_boolean()) return Error(400, "« carte » doit être un booléen", "carte");
  request.map = body.contains("carte") && body["carte"].get<bool>();
  service::SimulateRequest situation;
  if (auto e = EnvelopeSituation(*catalog_, body, &situation)) return *e;
  request.situation = std::move(situation.situation);
  if (body.contains("departement")) request.scope.departement = body["departement"].get<std::string>();
  if (body.contains("region")) request.scope.region = body["region"].get<std::string>();
  request.scope.france = france;
  if (body.contains("autour")) {
    request.scope.around = body["autour"].get<std::string>();
    const ojson& radius = body.contains("rayon_km") ? body["rayon_km"] : ojson();
    if (!radius.is_number()) return Error(400, "« rayon_km » est requis avec « autour » (de 0 à 1000 km)", "rayon_km");
    request.scope.radius_km = radius.get<double>();
  }
  HeavySlot slot(&g_rankings_in_flight);
  if (!slot.taken) return Error(503, "trop de classements en cours : réessayez dans quelques secondes");
  service::RankAnswer answer;
  if (Status st = service::RankPlaces(env_, request, &answer); !st.ok()) return FromStatus(st);
  return Json(200, service::RankJson(answer));
}

ApiResponse Api::Lot(const ApiRequest& r) const {
  if (IsBlank(r.body)) return Error(400, "corps de la requête vide : envoyez une situation JSON par ligne");
  HeavySlot slot(&g_lots_in_flight);
  if (!slot.taken) return Error(503, "trop de lots en cours : réessayez dans quelques secondes");
  JsonOptions answer;
  if (auto e = QueryExplanations(r, &answer)) return *e;
  ApiResponse res = Json(200, {});
  res.content_type = "application/x-ndjson";
  res.body.reserve(r.body.size() * 8);
  std::string error;
  size_t line = 0;
  size_t start = 0;
  const std::string& b = r.body;
  while (start < b.size()) {
    size_t end = b.find('\n', start);
    if (end == std::string::npos) end = b.size();
    std::string_view text(b.data() + start, end - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    ++line;
    if (!IsBlank(text)) {
      service::AnswerLotLine(env_, line, text, service::LotFormat::kJsonLines, answer, &res.body, &error);
    }
    start = end + 1;
  }
  return res;
}

// POST /api/v1/plan: the library parses, plans and writes (capsante/plan.h).
ApiResponse Api::PlanCareer(const ApiRequest& r) const {
  PlanRequest request;
  if (Status st = ParsePlanRequest(*catalog_, r.body, &request); !st.ok()) return FromStatus(st);
  if (NeedsPlace(request.situation)) {
    PlaceResolution place;
    if (Status st = ResolvePlace(*communes_, &request.situation, &place); !st.ok()) {
      return FromStatus(Status::InvalidInput(st.message(), "situation." + st.field()));
    }
  }
  PlanOptions options;
  options.horizon_years = request.horizon_years;
  return Json(200, PlanToJson(MakePlans(*catalog_, request.situation, options)));
}

}  // namespace capsante::server

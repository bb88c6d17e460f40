#include "api.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "capsante/engine.h"
#include "capsante/place.h"
#include "capsante/result.h"
#include "capsante/situation.h"
#include "openapi_embedded.h"

#ifndef CAPSANTE_VERSION
#define CAPSANTE_VERSION "0.0.0"
#endif

namespace capsante::server {

using ojson = nlohmann::ordered_json;

namespace {

constexpr std::string_view kApi = "/api/v1/";

// Situation profession values that have their own zoning layer, for the
// commune endpoints (zonages_professions).
constexpr const char* kZonedProfessions[] = {"medecin",     "chirurgien_dentiste", "infirmier",
                                             "masseur_kinesitherapeute", "sage_femme", "orthophoniste",
                                             "pedicure_podologue"};

// Classement runs are heavy (up to every commune of France): at most this many
// at once, the others get 503.
constexpr int kMaxConcurrentRankings = 2;
std::atomic<int> g_rankings_in_flight{0};

ApiResponse Json(int status, std::string body, bool cacheable = false) {
  ApiResponse r;
  r.status = status;
  r.body = std::move(body);
  r.cacheable = cacheable;
  return r;
}

ApiResponse Error(int status, std::string_view message, std::string_view field = {}) {
  return Json(status, ErrorJson(message, field));
}

ApiResponse FromStatus(const Status& st, std::string_view field_prefix = {}) {
  std::string field = st.field();
  if (!field.empty() && !field_prefix.empty()) field = std::string(field_prefix) + field;
  switch (st.code()) {
    case Status::Code::kOk: return Json(200, "{}");
    case Status::Code::kInvalidInput: return Error(400, st.message(), field);
    case Status::Code::kNotFound: return Error(404, st.message(), field);
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

ojson SourceJson(const SourceRef& s) {
  ojson j;
  if (!s.document.empty()) j["document"] = s.document;
  if (!s.url.empty()) j["url"] = s.url;
  j["extrait"] = s.excerpt;
  return j;
}

ojson DateOrNull(const std::optional<Date>& d) { return d ? ojson(d->ToString()) : ojson(nullptr); }

ojson ContactEntryJson(const ContactEntry& e) {
  ojson j;
  j["organisme"] = e.name;
  if (!e.email.empty()) j["courriel"] = e.email;
  if (!e.phone.empty()) j["telephone"] = e.phone;
  if (!e.website.empty()) j["site"] = e.website;
  if (!e.address.empty()) j["adresse"] = e.address;
  if (!e.note.empty()) j["note"] = e.note;
  if (e.source) j["source"] = SourceJson(*e.source);
  return j;
}

ojson AidSummaryJson(const Aid& aid) {
  // Same shape as `capsante aides --json`.
  return {{"id", aid.id},
          {"nom", aid.name},
          {"financeur", aid.payer},
          {"famille", aid.family},
          {"professions", aid.professions},
          {"region", aid.region.empty() ? ojson(nullptr) : ojson(aid.region)},
          {"ouverture", DateOrNull(aid.opens)},
          {"fermeture", DateOrNull(aid.closes)},
          {"resume", aid.summary}};
}

ojson AidDetailJson(const Aid& aid, const Catalog& catalog) {
  ojson j = AidSummaryJson(aid);
  j["departements"] = aid.departements;
  j["convention"] = aid.convention;
  j["remplacee_par"] = aid.replaced_by;
  j["source_fenetre"] = aid.window_source ? SourceJson(*aid.window_source) : ojson(nullptr);
  j["duree_mois"] = aid.duration_months;
  j["renouvellement"] = aid.renewal;
  ojson conditions = ojson::array();
  for (const auto& c : aid.conditions) {
    conditions.push_back({{"texte", c.text}, {"regle", c.expression}, {"source", SourceJson(c.source)}});
  }
  j["conditions"] = std::move(conditions);
  ojson amount;
  amount["periodicite"] = PeriodicityCode(aid.periodicity);
  amount["non_chiffre"] = aid.amount_not_quantified;
  amount["explication"] = aid.amount_explanation;
  ojson params = ojson::array();
  for (const auto& p : aid.parameters) {
    ojson values = ojson::array();
    for (const auto& v : p.values) {
      ojson vj;
      vj["depuis"] = DateOrNull(v.since);
      if (v.scale.empty()) {
        vj["valeur"] = v.value;
      } else {
        ojson scale = ojson::array();
        for (const auto& b : v.scale) scale.push_back({{"seuil", b.threshold}, {"valeur", b.value}});
        vj["bareme"] = std::move(scale);
      }
      vj["source"] = SourceJson(v.source);
      values.push_back(std::move(vj));
    }
    params.push_back({{"nom", p.name}, {"libelle", p.label}, {"unite", p.unit}, {"valeurs", std::move(values)}});
  }
  amount["parametres"] = std::move(params);
  j["montant"] = std::move(amount);
  ojson schedule = ojson::array();
  for (const auto& p : aid.schedule) {
    schedule.push_back({{"mois_apres_debut", p.months_after},
                        {"repetitions", p.repeat},
                        {"tous_les_mois", p.every_months},
                        {"formule", p.expression},
                        {"libelle", p.label}});
  }
  j["versements"] = std::move(schedule);
  j["source_versements"] = aid.schedule_source ? SourceJson(*aid.schedule_source) : ojson(nullptr);
  ojson commitments = ojson::array();
  for (const auto& c : aid.commitments) commitments.push_back({{"texte", c.text}, {"source", SourceJson(c.source)}});
  j["engagements"] = std::move(commitments);
  if (!aid.clawback.empty()) {
    j["remboursement"] = {{"texte", aid.clawback},
                          {"prorata", aid.clawback_prorata},
                          {"source", aid.clawback_source ? SourceJson(*aid.clawback_source) : ojson(nullptr)}};
  } else {
    j["remboursement"] = nullptr;
  }
  j["incompatible_avec"] = aid.incompatible_with;
  j["suites_autorisees"] = aid.may_follow;
  ojson inc_sources = ojson::array();
  for (const auto& s : aid.incompatibility_sources) inc_sources.push_back(SourceJson(s));
  j["sources_incompatibilites"] = std::move(inc_sources);
  ojson infos = ojson::array();
  for (const auto& i : aid.informations) infos.push_back({{"texte", i.text}, {"source", SourceJson(i.source)}});
  j["informations"] = std::move(infos);
  if (const Organisation* org = catalog.FindOrganisation(aid.contact)) {
    ojson contact = ContactEntryJson(org->general);
    ojson by_dep = ojson::object();
    for (const auto& [code, e] : org->by_departement) by_dep[code] = ContactEntryJson(e);
    ojson by_reg = ojson::object();
    for (const auto& [code, e] : org->by_region) by_reg[code] = ContactEntryJson(e);
    contact["par_departement"] = std::move(by_dep);
    contact["par_region"] = std::move(by_reg);
    j["contact"] = std::move(contact);
  } else {
    j["contact"] = nullptr;
  }
  ojson sources = ojson::array();
  for (const auto& s : aid.sources) sources.push_back(SourceJson(s));
  j["sources"] = std::move(sources);
  return j;
}

const char* FieldTypeCode(FieldType t) {
  switch (t) {
    case FieldType::kBool: return "bool";
    case FieldType::kNumber: return "number";
    case FieldType::kInteger: return "integer";
    case FieldType::kText: return "text";
    case FieldType::kEnum: return "enum";
    case FieldType::kDate: return "date";
    case FieldType::kObject: return "object";
    case FieldType::kList: return "list";
  }
  return "text";
}

ojson FieldJson(const SituationSchema& schema, const FieldSpec& f) {
  ojson j;
  j["chemin"] = f.path;
  j["nom"] = f.name;
  j["type"] = FieldTypeCode(f.type);
  j["libelle"] = f.label;
  if (!f.question.empty()) j["question"] = f.question;
  if (!f.help.empty()) j["aide"] = f.help;
  if (!f.values.empty()) {
    ojson values = ojson::array();
    for (size_t i = 0; i < f.values.size(); ++i) {
      values.push_back({{"valeur", f.values[i]}, {"libelle", i < f.labels.size() ? f.labels[i] : f.values[i]}});
    }
    j["valeurs"] = std::move(values);
  }
  if (!f.suggestions.empty()) j["suggestions"] = f.suggestions;
  if (f.min) j["min"] = *f.min;
  if (f.max) j["max"] = *f.max;
  if (!f.pattern.empty()) j["motif"] = f.pattern;
  if (f.max_length) j["max_longueur"] = f.max_length;
  if (f.max_elements) j["max_elements"] = f.max_elements;
  j["personnel"] = f.personal;
  j["ajoute"] = f.added;
  if (f.in_list) j["requis"] = f.required;
  if (!f.children.empty()) {
    ojson children = ojson::array();
    for (int c : f.children) children.push_back(FieldJson(schema, schema.field(c)));
    j["champs"] = std::move(children);
  }
  return j;
}

ojson FactJson(const geo::PlaceFact& f) {
  ojson j = {{"champ", f.field},  {"valeur", f.known ? ojson(f.value) : ojson(nullptr)},
             {"connu", f.known},  {"possible", f.possible},
             {"couche", f.layer}, {"note", f.note}};
  // The decree behind the value (issue 13): "ARS Centre-Val de Loire, 13/01/2022".
  if (f.decree) j["arrete"] = geo::DecreeLabel(*f.decree);
  if (f.unconfirmed) {
    j["a_confirmer"] = true;
    j["valeur_precedente"] = f.previous_value.empty() ? ojson(nullptr) : ojson(f.previous_value);
  }
  return j;
}

// The commune as `capsante communes --json` prints it, facts at `date`, for
// `profession` or (empty) every profession that has a zoning.
ojson CommuneJson(const geo::CommuneIndex& index, const geo::Commune& c, Date date, const std::string& profession) {
  ojson j;
  j["code"] = c.code;
  j["nom"] = c.name;
  j["type"] = geo::CommuneKindCode(c.kind);
  j["rattachement"] = c.parent_code.empty() ? ojson(nullptr) : ojson(c.parent_code);
  j["departement"] = {{"code", c.departement}, {"nom", index.DepartementName(c.departement)}};
  j["region"] = {{"code", c.region}, {"nom", index.RegionName(c.region)}};
  j["codes_postaux"] = c.postal_codes;
  j["population"] = c.population >= 0 ? ojson(c.population) : ojson(nullptr);
  j["coordonnees"] = c.has_coordinates ? ojson{{"latitude", c.latitude}, {"longitude", c.longitude}} : ojson(nullptr);
  const geo::Territory t = index.TerritoryFor(c);
  j["territoire"] = {{"population", t.population >= 0 ? ojson(t.population) : ojson(nullptr)},
                     {"densite", t.density_level.empty() ? ojson(nullptr) : ojson(t.density_level)},
                     {"densite_libelle", t.density_label},
                     {"frr", t.frr_class},
                     {"massif", t.massif}};
  ojson facts = ojson::array();
  ojson by_profession = ojson::object();
  for (const geo::PlaceFact& f : index.FactsFor(c, date, profession)) {
    if (f.field == "zonage.profession") by_profession[profession] = FactJson(f);
    else facts.push_back(FactJson(f));
  }
  if (profession.empty()) {
    for (const char* p : kZonedProfessions) {
      if (!geo::ProfessionHasZoning(p)) continue;
      for (const geo::PlaceFact& f : index.FactsFor(c, date, p)) {
        if (f.field == "zonage.profession") by_profession[p] = FactJson(f);
      }
    }
  }
  j["faits"] = std::move(facts);
  j["zonages_professions"] = std::move(by_profession);
  return j;
}

ojson LayersJson(const geo::CommuneIndex& index) {
  ojson layers = ojson::array();
  for (const geo::LayerInfo& l : index.layers()) {
    layers.push_back({{"id", l.id},
                      {"champ", l.field},
                      {"profession", l.profession.empty() ? ojson(nullptr) : ojson(l.profession)},
                      {"libelle", l.label},
                      {"producteur", l.producer},
                      {"millesime", l.vintage},
                      {"debut", DateOrNull(l.from)},
                      {"fin", DateOrNull(l.to)},
                      {"provenance", l.provenance},
                      {"avertissement", l.caveat}});
  }
  return layers;
}

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
  const FieldSpec* f = catalog.schema().Find("profession");
  if (f && f->EnumIndex(*p) < 0) {
    return Error(400, "profession inconnue « " + p->substr(0, 64) + " »", "profession");
  }
  *out = *p;
  return std::nullopt;
}

// ?explications=non|false|0 removes condition details and parameters.
std::optional<ApiResponse> QueryExplanations(const ApiRequest& r, bool* out) {
  *out = true;
  const std::string* v = QueryValue(r, "explications");
  if (!v) return std::nullopt;
  if (*v == "oui" || *v == "true" || *v == "1") return std::nullopt;
  if (*v == "non" || *v == "false" || *v == "0") {
    *out = false;
    return std::nullopt;
  }
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
std::optional<ApiResponse> ParseEnvelope(const std::string& body, const std::vector<std::string>& allowed, ojson* out) {
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error(400, "corps de la requête vide : envoyez un objet JSON");
  }
  // Bounded nesting before building a tree (the situation itself allows 8
  // levels; the envelope adds one).
  if (Situation::NestingExceeds(body, 10)) return Error(400, "corps de la requête trop imbriqué (10 niveaux au plus)");
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

// The situation of an envelope, validated as POST /simulate would.
std::optional<ApiResponse> EnvelopeSituation(const Catalog& catalog, const ojson& situation, Situation* out) {
  const std::string text = situation.dump();
  if (Status st = Situation::FromJson(catalog.schema(), text, out); !st.ok()) return FromStatus(st, "situation.");
  if (Status st = catalog.CheckSituation(*out); !st.ok()) return FromStatus(st, "situation.");
  return std::nullopt;
}

double Cents(double x) { return std::round(x * 100) / 100; }

bool IsBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

std::string ErrorJson(std::string_view message, std::string_view field) {
  ojson j;
  j["erreur"] = std::string(message);
  j["champ"] = field.empty() ? ojson(nullptr) : ojson(std::string(field));
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

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

  const SituationSchema& schema = api->catalog_->schema();
  ojson fields = ojson::array();
  for (int id : schema.roots()) fields.push_back(FieldJson(schema, schema.field(id)));
  api->schema_json_ = ojson{{"champs", std::move(fields)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);

  ojson aides = ojson::array();
  for (const Aid& aid : api->catalog_->aids()) aides.push_back(AidSummaryJson(aid));
  api->aides_json_ = aides.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);

  api->openapi_json_ = std::string(kOpenApiJson);
  api->health_json_ = ojson{{"statut", "ok"},
                            {"version", CAPSANTE_VERSION},
                            {"aides", api->catalog_->aids().size()},
                            {"communes", api->communes_->entries().size()}}
                          .dump();
  *out = std::move(api);
  return Status::Ok();
}

bool Api::IsApiPath(std::string_view path) {
  return path == "/healthz" || path == "/api" || path.rfind("/api/", 0) == 0;
}

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
  bool explanations = true;
  if (auto e = QueryExplanations(r, &explanations)) return *e;
  Situation situation;
  if (Status st = Situation::FromJson(catalog_->schema(), r.body, &situation); !st.ok()) return FromStatus(st);
  if (Status st = catalog_->CheckSituation(situation); !st.ok()) return FromStatus(st);
  PlaceResolution place;
  if (NeedsPlace(situation)) {
    if (Status st = ResolvePlace(*communes_, &situation, &place); !st.ok()) return FromStatus(st);
  }
  EvalOptions options;
  options.explanations = explanations;
  Result result = Evaluate(*catalog_, situation, options);
  ApplyPlace(place, &result);
  JsonOptions jo;
  jo.explanations = explanations;
  return Json(200, ToJson(result, jo), /*cacheable=*/true);
}

ApiResponse Api::Aides(const ApiRequest& r) const {
  std::string profession;
  if (auto e = QueryProfession(r, *catalog_, &profession)) return *e;
  if (profession.empty()) return Json(200, aides_json_);
  ojson out = ojson::array();
  for (const Aid& aid : catalog_->aids()) {
    if (std::find(aid.professions.begin(), aid.professions.end(), profession) != aid.professions.end()) {
      out.push_back(AidSummaryJson(aid));
    }
  }
  return Json(200, out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

ApiResponse Api::Aide(const ApiRequest&, std::string_view id) const {
  const Aid* aid = catalog_->FindAid(id);
  if (!aid) return Error(404, "aide inconnue « " + std::string(id.substr(0, 64)) + " » (voir /api/v1/aides)", "id");
  return Json(200, AidDetailJson(*aid, *catalog_).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
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
  Date date;
  if (auto e = QueryDate(r, &date)) return *e;
  std::string profession;
  if (auto e = QueryProfession(r, *catalog_, &profession)) return *e;
  ojson out;
  out["requete"] = *q;
  out["date"] = date.ToString();
  ojson list = ojson::array();
  for (const geo::SearchHit& h : communes_->Search(*q, static_cast<size_t>(limit))) {
    ojson j = CommuneJson(*communes_, *h.commune, date, profession);
    j["correspondance"] = geo::MatchCode(h.match);
    if (!h.note.empty()) j["note"] = h.note;
    list.push_back(std::move(j));
  }
  out["communes"] = std::move(list);
  return Json(200, out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

ApiResponse Api::Commune(const ApiRequest& r, std::string_view code) const {
  Date date;
  if (auto e = QueryDate(r, &date)) return *e;
  std::string profession;
  if (auto e = QueryProfession(r, *catalog_, &profession)) return *e;
  const geo::Lookup lookup = communes_->Find(code);
  if (!lookup.commune) {
    return Error(404, "commune inconnue : code INSEE « " + std::string(code.substr(0, 16)) + " »", "code");
  }
  // ?historique=1: the zoning history, the document `capsante communes CODE
  // --historique --json` prints.
  if (const std::string* h = QueryValue(r, "historique")) {
    if (*h == "1" || *h == "oui" || *h == "true") {
      return Json(200, communes_->HistoryToJson(*lookup.commune, date), /*cacheable=*/true);
    }
    if (*h != "0" && *h != "non" && *h != "false") return Error(400, "« historique » vaut oui ou non", "historique");
  }
  ojson j = CommuneJson(*communes_, *lookup.commune, date, profession);
  j["date"] = date.ToString();
  j["ancien_code"] = lookup.former_code;
  if (!lookup.note.empty()) j["note"] = lookup.note;
  if (lookup.current && lookup.current != lookup.commune) {
    j["commune_actuelle"] = {{"code", lookup.current->code}, {"nom", lookup.current->name}};
  }
  j["couches"] = LayersJson(*communes_);
  return Json(200, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

ApiResponse Api::Comparer(const ApiRequest& r) const {
  ojson body;
  if (auto e = ParseEnvelope(r.body, {"situation", "communes", "annees", "explications"}, &body)) return *e;
  int years = 5;
  if (body.contains("annees")) {
    if (auto e = JsonInt(body["annees"], "annees", 1, 10, &years)) return *e;
  }
  bool explanations = true;
  if (body.contains("explications")) {
    if (!body["explications"].is_boolean()) return Error(400, "« explications » doit être un booléen", "explications");
    explanations = body["explications"].get<bool>();
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
  }
  Situation base;
  if (auto e = EnvelopeSituation(*catalog_, body["situation"], &base)) return *e;
  EvalOptions options;
  options.explanations = explanations;
  JsonOptions jo;
  jo.explanations = explanations;
  std::string out = "{\"date\":\"" + base.date().ToString() + "\",\"annees\":" + std::to_string(years) + ",\"communes\":[";
  for (size_t i = 0; i < codes.size(); ++i) {
    const std::string code = codes[i].get<std::string>();
    Situation s;
    PlaceResolution place;
    if (Status st = SituationAt(*communes_, base, code, &s, &place); !st.ok()) {
      std::string field = "communes[" + std::to_string(i) + "]";
      if (st.code() == Status::Code::kInvalidInput) return Error(400, st.message(), field);
      return FromStatus(st);
    }
    Result result = Evaluate(*catalog_, s, options);
    ApplyPlace(place, &result);
    ojson summary;
    summary["code"] = result.commune ? result.commune->code : code;
    summary["nom"] = result.commune ? result.commune->name : std::string();
    double total = 0;
    ojson kept = ojson::array();
    for (const AidResult* a : BestCompatibleSet(result, years)) {
      const double amount = AmountWithin(*a, result.date, years);
      total += amount;
      kept.push_back({{"id", a->aid->id}, {"montant", Cents(amount)}});
    }
    summary["total"] = Cents(total);
    summary["aides_retenues"] = std::move(kept);
    ojson zones = ojson::object();
    for (const auto& f : result.facts) {
      if (f.field == "zonage.medecin" || f.field == "zonage.profession") {
        zones[f.field.substr(7)] = f.value.empty() ? ojson(nullptr) : ojson(f.value);
      }
    }
    summary["zonages"] = std::move(zones);
    // An unconfirmed zone: the total above leaves its aids out; the
    // previous decree's answer is given apart, "sous réserve".
    const ProvisionalAnswer provisional = Provisional(*catalog_, s, place, years);
    if (provisional.applies) {
      summary["total_sous_reserve"] = Cents(provisional.total);
      ojson assumed = ojson::object();
      for (const auto& [field, value] : provisional.assumed) assumed[field.substr(7)] = value;
      summary["zonages_a_confirmer"] = std::move(assumed);
    }
    std::string s_json = summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    s_json.pop_back();  // reopen the object to add the full result
    out += (i ? "," : "") + s_json + ",\"resultat\":" + ToJson(result, jo) + "}";
  }
  out += "]}";
  return Json(200, std::move(out), /*cacheable=*/true);
}

ApiResponse Api::Classement(const ApiRequest& r) const {
  ojson body;
  if (auto e = ParseEnvelope(r.body, {"situation", "departement", "region", "france", "autour", "rayon_km", "annees", "limite"},
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
  int years = 5, limit = 30;
  if (body.contains("annees")) {
    if (auto e = JsonInt(body["annees"], "annees", 1, 10, &years)) return *e;
  }
  if (body.contains("limite")) {
    if (auto e = JsonInt(body["limite"], "limite", 1, 1000, &limit)) return *e;
  }
  Situation base;
  if (auto e = EnvelopeSituation(*catalog_, body["situation"], &base)) return *e;
  PlaceScope scope;
  if (body.contains("departement")) scope.departement = body["departement"].get<std::string>();
  if (body.contains("region")) scope.region = body["region"].get<std::string>();
  scope.france = france;
  if (body.contains("autour")) {
    scope.around = body["autour"].get<std::string>();
    const ojson& radius = body.contains("rayon_km") ? body["rayon_km"] : ojson();
    if (!radius.is_number()) return Error(400, "« rayon_km » est requis avec « autour » (de 0 à 1000 km)", "rayon_km");
    scope.radius_km = radius.get<double>();
  }
  SelectedPlaces selection;
  if (Status st = SelectPlaces(*communes_, scope, &selection); !st.ok()) return FromStatus(st);
  // Heavy: bounded concurrency.
  if (g_rankings_in_flight.fetch_add(1) >= kMaxConcurrentRankings) {
    g_rankings_in_flight.fetch_sub(1);
    return Error(503, "trop de classements en cours : réessayez dans quelques secondes");
  }
  RankOptions options;
  options.years = years;
  options.limit = static_cast<size_t>(limit);
  std::vector<RankedPlace> ranked, unconfirmed;
  Status st = Rank(*catalog_, *communes_, base, selection.places, options, &ranked, &unconfirmed);
  g_rankings_in_flight.fetch_sub(1);
  if (!st.ok()) return FromStatus(st, "situation.");
  return Json(200, RankingToJson(base.date(), years, selection, ranked, -1, unconfirmed), /*cacheable=*/true);
}

}  // namespace capsante::server

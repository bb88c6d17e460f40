// The use cases of capsante, shared by every front end: the CLI and the HTTP
// server only turn arguments or requests into these calls and print what they
// return. Each public JSON document is written here (or by the library
// function named below) and nowhere else, so `capsante … --json` and the API
// give byte-identical answers to the same question.
//
// Contract: every function is pure and thread-safe; `Env` is read-only.
// Errors are Status values whose French message names the field as the
// request names it (`communes[1]`, `situation.age` inside an envelope);
// front ends add their own prefix when needed, never their own wording.
#ifndef CAPSANTE_SERVICE_H_
#define CAPSANTE_SERVICE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "capsante/catalog.h"
#include "capsante/date.h"
#include "capsante/geo.h"
#include "capsante/place.h"
#include "capsante/result.h"
#include "capsante/situation.h"
#include "capsante/status.h"

namespace capsante::service {

// What the use cases read. `communes` may be null: situations naming a
// commune are then refused and the commune use cases are unavailable.
struct Env {
  const Catalog* catalog = nullptr;
  const geo::CommuneIndex* communes = nullptr;
};

// ---------------------------------------------------------------------------
// Simulate: one situation, every aid that concerns it.

struct SimulateRequest {
  Situation situation;
  JsonOptions answer;              // lean by default; details on request
  std::vector<std::string> only;   // restrict to these aid ids (CLI --aide)
};

// Reads a simulate request: the situation (shared spec api-v1 §1) and,
// beside its fields, an optional "details": true | ["caim", ...] (the one key
// that is not a situation field; see docs/api.md). `prefix` names the
// situation inside an envelope ("situation.").
Status ReadSimulateRequest(const Catalog& catalog, std::string_view json, SimulateRequest* out,
                           std::string_view prefix = {});

// Checks the situation, fills its zoning from its commune, evaluates.
Status Simulate(const Env& env, const SimulateRequest& request, Result* out);

// The result document (api-v1 §2, docs/api.md): ToJson(result, answer).
std::string SimulateJson(const Result& result, const JsonOptions& answer);
// Into `out` (emptied first, its capacity kept), for a caller that reuses buffers.
void SimulateJson(const Result& result, const JsonOptions& answer, std::string* out);

// ---------------------------------------------------------------------------
// Compare: one situation moved to 2 to 10 communes.

struct CompareRequest {
  Situation situation;
  std::vector<std::string> communes;  // INSEE codes
  int years = 5;                      // horizon of the totals, 1 to 10
  bool by_plan = false;               // totals of the best plan (capsante plan) instead of today's cumulable aids
  JsonOptions answer;
};

struct ComparedPlace {
  std::string code;
  Result result;
  double total = 0;                                   // best compatible set within the horizon
  std::vector<std::pair<std::string, double>> kept;   // (aid id, euros) of that set
  ProvisionalAnswer provisional;                      // an unconfirmed zone: the previous decree's answer, apart
};

struct CompareAnswer {
  Date date;
  int years = 5;
  JsonOptions answer;
  std::vector<ComparedPlace> places;
};

Status Compare(const Env& env, const CompareRequest& request, CompareAnswer* out);
std::string CompareJson(const CompareAnswer& answer);

// ---------------------------------------------------------------------------
// Rank: the communes of a scope ordered by what the situation would receive.

struct RankRequest {
  Situation situation;
  PlaceScope scope;
  int years = 5;
  size_t limit = 30;  // 0: all
  bool by_plan = false;  // rank by the best plan's total (capsante plan)
  // Also every place of the scope, ranked, as compact map points ("carte"):
  // the web page's map of all France; `limit` still bounds the lists.
  bool map = false;
};

struct RankAnswer {
  Date date;
  int years = 5;
  SelectedPlaces selection;
  std::vector<RankedPlace> ranked;       // distances filled for `autour`
  std::vector<RankedPlace> unconfirmed;  // places whose zone is to be confirmed, ranked apart
  // With RankRequest::map: the lists above hold every place, and only the
  // first `listed` of each are written as rows; all of them as map points.
  bool map = false;
  size_t listed = 0;
};

// Scope errors name the scope key ("departement", "rayon_km", ...).
Status RankPlaces(const Env& env, const RankRequest& request, RankAnswer* out);
std::string RankJson(const RankAnswer& answer, int indent = -1);

// ---------------------------------------------------------------------------
// Communes: search and detail, zonings at a date for one profession or
// (empty) every profession that has a zoning layer.

struct CommuneQuery {
  Date date;
  std::string profession;  // checked with CheckProfession
};

std::string CommuneSearchJson(const geo::CommuneIndex& index, std::string_view query, size_t limit,
                              const CommuneQuery& q);
// NotFound naming `code` when the code is unknown. `history`: the zoning
// history of the commune (geo::CommuneIndex::HistoryToJson) instead.
Status CommuneDetailJson(const geo::CommuneIndex& index, std::string_view code, const CommuneQuery& q,
                         std::string* out, bool history = false);

// ---------------------------------------------------------------------------
// Aids: the catalog's summary (optionally one profession's) and one aid in full.

std::string AidsJson(const Catalog& catalog, std::string_view profession);
// NotFound naming `id` when the aid is unknown.
Status AidJson(const Catalog& catalog, std::string_view id, std::string* out);

// The situation's fields (catalog/situation.yaml) with their French labels.
std::string SchemaJson(const SituationSchema& schema);

// InvalidInput naming `field` when `profession` is not a value of the schema.
Status CheckProfession(const Catalog& catalog, std::string_view profession, std::string_view field);

// ---------------------------------------------------------------------------
// Errors: {"erreur": message, "champ": field or null}.
std::string ErrorJson(std::string_view message, std::string_view field = {});

}  // namespace capsante::service

#endif  // CAPSANTE_SERVICE_H_

// Rank: the places of a scope ordered by what the situation would receive
// there (capsante classement, POST /api/v1/classement).
#include <algorithm>
#include <cmath>
#include <cstddef>

#include "capsante/service.h"
#include "util/json_writer.h"
#include "service/status_util.h"

namespace capsante::service {

Status RankPlaces(const Env& env, const RankRequest& request, RankAnswer* out) {
  if (request.years < 1 || request.years > 10) return Status::InvalidInput("« annees » doit être un entier de 1 à 10", "annees");
  if (!env.communes) return Status::InvalidInput("les données des communes ne sont pas chargées", "departement");
  CAPSANTE_RETURN_IF_ERROR(Prefixed(env.catalog->CheckSituation(request.situation), "situation."));
  CAPSANTE_RETURN_IF_ERROR(SelectPlaces(*env.communes, request.scope, &out->selection));
  RankOptions options;
  options.years = request.years;
  options.limit = request.map ? 0 : request.limit;
  out->map = request.map;
  out->listed = request.limit;
  options.by_plan = request.by_plan;
  out->date = request.situation.date();
  out->years = request.years;
  CAPSANTE_RETURN_IF_ERROR(
      Prefixed(Rank(*env.catalog, *env.communes, request.situation, out->selection.places, options, &out->ranked,
                    &out->unconfirmed),
               "situation."));
  for (auto* list : {&out->ranked, &out->unconfirmed}) {
    for (RankedPlace& r : *list) {
      for (const auto& n : out->selection.nearby) {
        if (n.commune == r.commune) r.distance_km = n.distance_km;
      }
    }
  }
  return Status::Ok();
}

namespace {

// Every ranked place as one compact point, ranked ones first, then those
// whose zone is to be confirmed: {"colonnes": [...], "points": [[...], ...]}.
std::string MapPointsJson(const RankAnswer& answer) {
  std::string out;
  out.reserve(48 * (answer.ranked.size() + answer.unconfirmed.size()) + 128);
  json::Writer w(&out);
  w.BeginObject();
  w.Key("colonnes").BeginArray();
  for (const char* c : {"code", "nom", "latitude", "longitude", "total", "sous_reserve"}) w.String(c);
  w.EndArray();
  w.Key("points").BeginArray();
  for (const auto* list : {&answer.ranked, &answer.unconfirmed}) {
    for (const RankedPlace& r : *list) {
      if (!r.commune->has_coordinates) continue;
      w.BeginArray().String(r.commune->code).String(r.commune->name);
      w.Number(std::round(r.commune->latitude * 1e4) / 1e4).Number(std::round(r.commune->longitude * 1e4) / 1e4);
      w.Number(std::round(r.total * 100) / 100).Bool(r.unconfirmed).EndArray();
    }
  }
  w.EndArray();
  w.EndObject();
  return out;
}

}  // namespace

std::string RankJson(const RankAnswer& answer, int indent) {
  if (!answer.map) {
    return RankingToJson(answer.date, answer.years, answer.selection, answer.ranked, indent, answer.unconfirmed);
  }
  auto head = [&answer](const std::vector<RankedPlace>& all) {
    const size_t n = answer.listed > 0 ? std::min(answer.listed, all.size()) : all.size();
    return std::vector<RankedPlace>(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n));
  };
  std::string out = RankingToJson(answer.date, answer.years, answer.selection, head(answer.ranked), indent, head(answer.unconfirmed));
  // The document is one object: the points go in before its closing brace.
  out.erase(out.rfind('}'));
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  out += ",\"carte\":";
  out += MapPointsJson(answer);
  out += '}';
  return out;
}

}  // namespace capsante::service

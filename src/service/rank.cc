// Rank: the places of a scope ordered by what the situation would receive
// there (capsante classement, POST /api/v1/classement).
#include "capsante/service.h"
#include "service/status_util.h"

namespace capsante::service {

Status RankPlaces(const Env& env, const RankRequest& request, RankAnswer* out) {
  if (request.years < 1 || request.years > 10) return Status::InvalidInput("« annees » doit être un entier de 1 à 10", "annees");
  if (!env.communes) return Status::InvalidInput("les données des communes ne sont pas chargées", "departement");
  CAPSANTE_RETURN_IF_ERROR(Prefixed(env.catalog->CheckSituation(request.situation), "situation."));
  CAPSANTE_RETURN_IF_ERROR(SelectPlaces(*env.communes, request.scope, &out->selection));
  RankOptions options;
  options.years = request.years;
  options.limit = request.limit;
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

std::string RankJson(const RankAnswer& answer, int indent) {
  return RankingToJson(answer.date, answer.years, answer.selection, answer.ranked, indent, answer.unconfirmed);
}

}  // namespace capsante::service

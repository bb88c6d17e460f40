// The request envelope of POST /api/v1/plan, parsed once for every front end.
#include <nlohmann/json.hpp>

#include "capsante/plan.h"

namespace capsante {

Status ParsePlanRequest(const Catalog& catalog, std::string_view body, PlanRequest* out) {
  using nlohmann::json;
  if (body.size() > Situation::kMaxInputBytes + 1024) {
    return Status::InvalidInput("corps de la requête trop volumineux", "situation");
  }
  // The situation allows 8 levels; the envelope adds one.
  if (Situation::NestingExceeds(body, 10)) return Status::InvalidInput("corps de la requête trop imbriqué (10 niveaux au plus)");
  json j;
  try {
    j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  } catch (const json::exception&) {
    return Status::InvalidInput("JSON invalide dans le corps de la requête : un nombre dépasse les limites permises");
  }
  if (j.is_discarded()) return Status::InvalidInput("JSON invalide dans le corps de la requête");
  if (!j.is_object()) return Status::InvalidInput("le corps de la requête doit être un objet JSON");
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() != "situation" && it.key() != "horizon") {
      const std::string key = it.key().substr(0, 80);
      return Status::InvalidInput("champ inconnu « " + key + " » (attendus : la situation et la durée du plan)", key);
    }
  }
  if (!j.contains("situation") || !j["situation"].is_object()) {
    return Status::InvalidInput("la situation est obligatoire et doit être un objet JSON", "situation");
  }
  out->horizon_years = 10;
  if (j.contains("horizon")) {
    const json& h = j["horizon"];
    if (!h.is_number_integer() || h.get<long long>() < PlanOptions::kMinHorizon || h.get<long long>() > PlanOptions::kMaxHorizon) {
      return CheckHorizon(PlanOptions::kMaxHorizon + 1);
    }
    out->horizon_years = static_cast<int>(h.get<long long>());
  }
  auto prefixed = [](const Status& st) {
    return st.field().empty() ? st : Status::InvalidInput(st.message(), "situation." + st.field());
  };
  if (Status st = Situation::FromJson(catalog.schema(), j["situation"].dump(), &out->situation); !st.ok()) return prefixed(st);
  if (Status st = catalog.CheckSituation(out->situation); !st.ok()) return prefixed(st);
  return Status::Ok();
}

}  // namespace capsante

#include "place_common.h"

namespace capsante::cli {

Status LoadPlaceContext(const GlobalOptions& global, const std::string& situation_file, const std::string& date,
                        PlaceContext* out) {
  CAPSANTE_RETURN_IF_ERROR(LoadCatalog(global, &out->catalog));
  Status st = geo::CommuneIndex::Load(ResolveHome(global) + "/data", &out->communes);
  if (!st.ok()) return Status::InvalidCatalog("données des communes illisibles : " + st.message());
  if (situation_file.empty()) return Status::InvalidInput("--situation est requis (fichier JSON de la situation)", "--situation");
  std::string text;
  CAPSANTE_RETURN_IF_ERROR(ReadInput(situation_file, Situation::kMaxInputBytes, &text));
  CAPSANTE_RETURN_IF_ERROR(Situation::FromJson(out->catalog->schema(), text, &out->situation));
  if (!date.empty()) {
    Date d;
    CAPSANTE_RETURN_IF_ERROR(ParseDateOption(date, "--date", &d));
    out->situation.set_date(d);
  }
  return out->catalog->CheckSituation(out->situation);
}

Status SituationAt(const PlaceContext& ctx, const std::string& code, Situation* out, PlaceResolution* place) {
  return capsante::SituationAt(*ctx.communes, ctx.situation, code, out, place);
}

}  // namespace capsante::cli

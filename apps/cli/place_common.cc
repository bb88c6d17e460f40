#include "place_common.h"

namespace capsante::cli {

Status LoadPlaceContext(const GlobalOptions& global, const std::string& situation_file, const std::string& date,
                        PlaceContext* out) {
  CAPSANTE_RETURN_IF_ERROR(LoadCatalog(global, &out->catalog));
  CAPSANTE_RETURN_IF_ERROR(LoadCommunes(global, &out->communes));
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

std::string ZoneWords(const Catalog& catalog, std::string_view field, const std::string& value) {
  const std::string_view label = catalog.schema().ValueLabel(field, value);
  return label.empty() ? value : std::string(label);
}

}  // namespace capsante::cli

// The error document shared by the API and the batch answers.
#include "capsante/service.h"
#include "util/json_writer.h"

namespace capsante::service {

std::string ErrorJson(std::string_view message, std::string_view field) {
  std::string out;
  json::Writer w(&out);
  w.BeginObject().Field("erreur", message).Key("champ");
  w.StringOrNull(field);
  w.EndObject();
  return out;
}

Status CheckProfession(const Catalog& catalog, std::string_view profession, std::string_view field) {
  const FieldSpec* f = catalog.schema().Find("profession");
  if (f && f->EnumIndex(profession) < 0) {
    return Status::InvalidInput("profession inconnue « " + std::string(profession.substr(0, 64)) + " »", std::string(field));
  }
  return Status::Ok();
}

}  // namespace capsante::service

// The situation's fields with their French labels (GET /api/v1/schema): what
// the web page's questionnaire is built from.
#include "capsante/service.h"
#include "util/json_writer.h"

namespace capsante::service {

namespace {

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

void FieldJson(json::Writer& w, const SituationSchema& schema, const FieldSpec& f) {
  w.BeginObject();
  w.Field("chemin", f.path).Field("nom", f.name).Field("type", FieldTypeCode(f.type)).Field("libelle", f.label);
  if (!f.question.empty()) w.Field("question", f.question);
  if (!f.gate_question.empty()) w.Field("question_prealable", f.gate_question);
  if (!f.help.empty()) w.Field("aide", f.help);
  if (!f.values.empty()) {
    w.Key("valeurs").BeginArray();
    for (size_t i = 0; i < f.values.size(); ++i) {
      w.BeginObject().Field("valeur", f.values[i]).Field("libelle", i < f.labels.size() ? f.labels[i] : f.values[i]).EndObject();
    }
    w.EndArray();
  }
  if (!f.suggestions.empty()) w.StringArray("suggestions", f.suggestions);
  if (f.min) w.FieldNumber("min", *f.min);
  if (f.max) w.FieldNumber("max", *f.max);
  if (!f.pattern.empty()) w.Field("motif", f.pattern);
  if (f.max_length) w.Key("max_longueur").Int(static_cast<long long>(f.max_length));
  if (f.max_elements) w.Key("max_elements").Int(static_cast<long long>(f.max_elements));
  w.Field("personnel", f.personal).Field("ajoute", f.added);
  if (f.in_list) w.Field("requis", f.required);
  if (!f.children.empty()) {
    w.Key("champs").BeginArray();
    for (int c : f.children) FieldJson(w, schema, schema.field(c));
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace

std::string SchemaJson(const SituationSchema& schema) {
  std::string out;
  json::Writer w(&out);
  w.BeginObject().Key("champs").BeginArray();
  for (int id : schema.roots()) FieldJson(w, schema, schema.field(id));
  w.EndArray().EndObject();
  return out;
}

}  // namespace capsante::service

#include "capsante/schema.h"

#include <string>

#include "schema/text_pattern.h"
#include "util/yaml_util.h"

namespace capsante {

const char* FieldTypeFrench(FieldType type) {
  switch (type) {
    case FieldType::kBool: return "booléen (true ou false)";
    case FieldType::kNumber: return "nombre";
    case FieldType::kInteger: return "nombre entier";
    case FieldType::kText: return "texte";
    case FieldType::kEnum: return "texte parmi les valeurs permises";
    case FieldType::kDate: return "date AAAA-MM-JJ";
    case FieldType::kObject: return "objet JSON";
    case FieldType::kList: return "liste JSON";
  }
  return "?";
}

int FieldSpec::EnumIndex(std::string_view value) const {
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] == value) return static_cast<int>(i);
  }
  return -1;
}

std::string_view FieldSpec::ValueLabel(std::string_view value) const {
  const int i = EnumIndex(value);
  if (i < 0 || static_cast<size_t>(i) >= labels.size()) return {};
  return labels[static_cast<size_t>(i)];
}

namespace {

// "stagiaires[1].quotite" → "stagiaires.quotite", *index = 1 (-1 without one).
std::string WithoutIndex(std::string_view path, long* index) {
  std::string out;
  out.reserve(path.size());
  *index = -1;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '[') {
      out.push_back(path[i]);
      continue;
    }
    long n = 0;
    size_t j = i + 1;
    for (; j < path.size() && path[j] >= '0' && path[j] <= '9' && n < 1000000; ++j) n = n * 10 + (path[j] - '0');
    if (j < path.size() && path[j] == ']' && j > i + 1) {
      *index = n;
      i = j;
    } else {
      out.push_back(path[i]);
    }
  }
  return out;
}

}  // namespace

const FieldSpec* SituationSchema::FindIndexed(std::string_view path) const {
  long index = -1;
  return Find(WithoutIndex(path, &index));
}

std::string_view SituationSchema::Label(std::string_view path) const {
  const FieldSpec* f = FindIndexed(path);
  return f ? std::string_view(f->label) : std::string_view();
}

std::string_view SituationSchema::ValueLabel(std::string_view path, std::string_view value) const {
  const FieldSpec* f = FindIndexed(path);
  return f ? f->ValueLabel(value) : std::string_view();
}

std::string SituationSchema::InWords(std::string_view path) const {
  long index = -1;
  const FieldSpec* f = Find(WithoutIndex(path, &index));
  if (!f) return "« " + std::string(path.substr(0, 80)) + " »";
  std::string words = "« " + f->label + " »";
  if (index >= 0) {
    // The list is the field itself ("stagiaires[1]") or its parent.
    const FieldSpec* list = f->type == FieldType::kList ? f : (f->parent >= 0 ? &field(f->parent) : nullptr);
    if (list && list->type == FieldType::kList) {
      if (list == f) words = "« " + list->element_label + " n° " + std::to_string(index + 1) + " »";
      else words += " (" + list->element_label + " n° " + std::to_string(index + 1) + ")";
    }
  }
  return words;
}

const FieldSpec* SituationSchema::Find(std::string_view path) const {
  auto it = by_path_.find(std::string(path));
  return it == by_path_.end() ? nullptr : &fields_[static_cast<size_t>(it->second)];
}

const FieldSpec* SituationSchema::Child(int parent_id, std::string_view name) const {
  const auto& names = children_by_name_[static_cast<size_t>(parent_id + 1)];
  auto it = names.find(name);
  return it == names.end() ? nullptr : &fields_[static_cast<size_t>(it->second)];
}

const FieldSpec* SituationSchema::FindChild(const FieldSpec& parent, std::string_view name) const {
  for (int id : parent.children) {
    if (fields_[static_cast<size_t>(id)].name == name) return &fields_[static_cast<size_t>(id)];
  }
  return nullptr;
}

class SchemaBuilder {
 public:
  SchemaBuilder(const std::string& file, SituationSchema* schema) : file_(file), s_(schema) {}

  Status AddFields(const yamlutil::Node& map, int parent, bool in_list, const std::string& prefix, int* record_slots) {
    if (!map.IsMap()) return Status::InvalidCatalog(file_ + ": « champs » doit être un dictionnaire", file_);
    for (const auto& kv : map) {
      const std::string name = kv.first.Scalar();
      yamlutil::Map m(&file_, kv.second, prefix + name);
      if (!kv.second.IsMap()) return m.Error(kv.first, "la description du champ doit être un dictionnaire");
      FieldSpec f;
      f.id = static_cast<int>(s_->fields_.size());
      f.name = name;
      f.path = prefix + name;
      f.parent = parent;
      f.in_list = in_list;
      std::string type;
      CAPSANTE_RETURN_IF_ERROR(m.String("type", &type));
      if (type == "bool") f.type = FieldType::kBool;
      else if (type == "number") f.type = FieldType::kNumber;
      else if (type == "integer") f.type = FieldType::kInteger;
      else if (type == "text") f.type = FieldType::kText;
      else if (type == "enum") f.type = FieldType::kEnum;
      else if (type == "date") f.type = FieldType::kDate;
      else if (type == "object") f.type = FieldType::kObject;
      else if (type == "list") f.type = FieldType::kList;
      else return m.Error(m.Get("type"), "type inconnu « " + type + " »");
      CAPSANTE_RETURN_IF_ERROR(m.String("libelle", &f.label));
      CAPSANTE_RETURN_IF_ERROR(m.String("libelle_element", &f.element_label, f.type == FieldType::kList));
      CAPSANTE_RETURN_IF_ERROR(m.String("question", &f.question, false));
      CAPSANTE_RETURN_IF_ERROR(m.String("question_prealable", &f.gate_question, false));
      CAPSANTE_RETURN_IF_ERROR(m.String("aide", &f.help, false));
      CAPSANTE_RETURN_IF_ERROR(m.StringList("valeurs", &f.values, f.type == FieldType::kEnum));
      CAPSANTE_RETURN_IF_ERROR(m.StringList("libelles", &f.labels));
      CAPSANTE_RETURN_IF_ERROR(m.StringList("suggestions", &f.suggestions));
      // One vocabulary: every enum value has its label, written here once.
      if (f.labels.size() != f.values.size()) {
        return m.Error(f.labels.empty() ? kv.second : m.Get("libelles"), "autant de libellés (« libelles ») que de valeurs sont attendus");
      }
      CAPSANTE_RETURN_IF_ERROR(m.Number("min", &f.min));
      CAPSANTE_RETURN_IF_ERROR(m.Number("max", &f.max));
      int max_len = 0, max_elements = 0;
      CAPSANTE_RETURN_IF_ERROR(m.Int("max_longueur", &max_len));
      CAPSANTE_RETURN_IF_ERROR(m.Int("max_elements", &max_elements));
      f.max_length = static_cast<size_t>(max_len);
      f.max_elements = static_cast<size_t>(max_elements);
      CAPSANTE_RETURN_IF_ERROR(m.String("motif", &f.pattern, false));
      if (!f.pattern.empty()) {
        auto pattern = std::make_shared<TextPattern>();
        std::string why;
        if (!TextPattern::Compile(f.pattern, pattern.get(), &why)) return m.Error(m.Get("motif"), why);
        f.compiled_pattern = std::move(pattern);
      }
      CAPSANTE_RETURN_IF_ERROR(m.Bool("personnel", &f.personal));
      CAPSANTE_RETURN_IF_ERROR(m.Bool("ajoute", &f.added));
      CAPSANTE_RETURN_IF_ERROR(m.Bool("requis", &f.required));
      yamlutil::Node children = m.Get(f.type == FieldType::kList ? "element" : "champs");
      if ((f.type == FieldType::kObject || f.type == FieldType::kList) && !children) {
        return m.Error(kv.second, f.type == FieldType::kList ? "une liste décrit ses éléments sous « element »" : "un objet décrit ses champs sous « champs »");
      }
      m.Get(f.type == FieldType::kList ? "champs" : "element");  // mark; checked below
      if (f.type != FieldType::kList && m.Has("element")) return m.Error(m.node()["element"], "« element » est réservé aux listes");
      if (f.type != FieldType::kObject && m.Has("champs")) return m.Error(m.node()["champs"], "« champs » est réservé aux objets");
      CAPSANTE_RETURN_IF_ERROR(m.CheckNoUnknownKeys());

      if (f.type == FieldType::kList) {
        if (in_list) return m.Error(kv.second, "les listes imbriquées ne sont pas prises en charge");
        f.slot = s_->list_slots_++;
        s_->list_fields_.push_back(f.id);
      } else if (f.type != FieldType::kObject) {
        if (in_list) {
          f.slot = (*record_slots)++;
        } else {
          f.slot = s_->scalar_slots_++;
          s_->slot_fields_.push_back(f.id);
        }
      }
      const int id = f.id;
      s_->by_path_[f.path] = id;
      const FieldType kind = f.type;
      s_->fields_.push_back(std::move(f));
      std::vector<int>& siblings = parent >= 0 ? s_->fields_[static_cast<size_t>(parent)].children : s_->roots_;
      s_->fields_.back().position = static_cast<int>(siblings.size());
      siblings.push_back(id);
      if (kind == FieldType::kObject) {
        CAPSANTE_RETURN_IF_ERROR(AddFields(children, id, in_list, prefix + name + ".", record_slots));
      } else if (kind == FieldType::kList) {
        int slots = 0;
        CAPSANTE_RETURN_IF_ERROR(AddFields(children, id, true, prefix + name + ".", &slots));
      }
    }
    return Status::Ok();
  }

 private:
  const std::string& file_;
  SituationSchema* s_;
};

Status SituationSchema::Load(const std::string& path, std::unique_ptr<SituationSchema>* out) {
  yamlutil::Document doc;
  CAPSANTE_RETURN_IF_ERROR(yamlutil::LoadFile(path, &doc));
  const yamlutil::Node root = doc.root();
  if (!root.IsMap() || !root["champs"]) return Status::InvalidCatalog(path + ": clé « champs » manquante", path);
  auto schema = std::make_unique<SituationSchema>();
  SchemaBuilder builder(path, schema.get());
  int unused = 0;
  CAPSANTE_RETURN_IF_ERROR(builder.AddFields(root["champs"], -1, false, "", &unused));
  if (!schema->Find("date") || schema->Find("date")->type != FieldType::kDate) {
    return Status::InvalidCatalog(path + ": le champ « date » (type date) est obligatoire", path);
  }
  // Name lookups by hash, built once fields_ no longer moves.
  schema->children_by_name_.resize(schema->fields_.size() + 1);
  for (const FieldSpec& f : schema->fields_) {
    schema->children_by_name_[static_cast<size_t>(f.parent + 1)].emplace(f.name, f.id);
    if (f.children.size() > kMaxChildren) {
      return Status::InvalidCatalog(path + ": « " + f.path + " » a trop de champs (" + std::to_string(kMaxChildren) + " au plus)", path);
    }
  }
  if (schema->roots_.size() > kMaxChildren) {
    return Status::InvalidCatalog(path + ": trop de champs (" + std::to_string(kMaxChildren) + " au plus)", path);
  }
  *out = std::move(schema);
  return Status::Ok();
}

}  // namespace capsante

#include "capsante/situation.h"

#include <cmath>
#include <cstdio>
#include <regex>

#include <nlohmann/json.hpp>

namespace capsante {

using nlohmann::json;

std::string Fact::ToString() const {
  switch (kind) {
    case Kind::kUnknown: return "";
    case Kind::kBool: return boolean ? "true" : "false";
    case Kind::kNumber: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.10g", number);
      return buf;
    }
    case Kind::kText: return text;
    case Kind::kDate: return date.ToString();
  }
  return "";
}

Situation::Situation(const SituationSchema* schema)
    : schema_(schema),
      facts_(static_cast<size_t>(schema->scalar_slot_count())),
      origins_(static_cast<size_t>(schema->scalar_slot_count()), FactOrigin::kNone),
      lists_(static_cast<size_t>(schema->list_slot_count())),
      lists_given_(static_cast<size_t>(schema->list_slot_count()), false) {}

const Fact* Situation::Find(std::string_view path) const {
  const FieldSpec* f = schema_->Find(path);
  if (!f || !f->is_scalar() || f->in_list) return nullptr;
  return &facts_[static_cast<size_t>(f->slot)];
}

void Situation::Clear(std::string_view path) {
  const FieldSpec* f = schema_->Find(path);
  if (!f || !f->is_scalar() || f->in_list) return;
  facts_[static_cast<size_t>(f->slot)] = Fact();
  origins_[static_cast<size_t>(f->slot)] = FactOrigin::kNone;
}

namespace {

constexpr size_t kDefaultMaxText = 256;
constexpr int kMaxDepth = 8;

std::string AllowedValues(const FieldSpec& f) {
  std::string s;
  for (const auto& v : f.values) s += (s.empty() ? "" : ", ") + v;
  return s;
}

// Sets *out from a JSON scalar, validated against the field.
Status ParseScalar(const FieldSpec& f, const json& v, const std::string& where, Fact* out) {
  auto type_error = [&]() {
    return Status::InvalidInput("« " + where + " » doit être un " + std::string(FieldTypeFrench(f.type)), where);
  };
  switch (f.type) {
    case FieldType::kBool:
      if (!v.is_boolean()) return type_error();
      out->kind = Fact::Kind::kBool;
      out->boolean = v.get<bool>();
      return Status::Ok();
    case FieldType::kNumber:
    case FieldType::kInteger: {
      if (!v.is_number()) return type_error();
      const double x = v.get<double>();
      if (!std::isfinite(x)) return type_error();
      if (f.type == FieldType::kInteger && std::floor(x) != x) {
        return Status::InvalidInput("« " + where + " » doit être un nombre entier", where);
      }
      if (f.min && x < *f.min) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", *f.min);
        return Status::InvalidInput("« " + where + " » doit être supérieur ou égal à " + buf, where);
      }
      if (f.max && x > *f.max) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%g", *f.max);
        return Status::InvalidInput("« " + where + " » doit être inférieur ou égal à " + buf, where);
      }
      out->kind = Fact::Kind::kNumber;
      out->number = x;
      return Status::Ok();
    }
    case FieldType::kEnum: {
      std::string text;
      if (v.is_string()) {
        text = v.get<std::string>();
      } else if (v.is_number_integer()) {
        // "secteur": 1 means "1": enums whose values are digits accept numbers.
        text = std::to_string(v.get<long long>());
        if (f.EnumIndex(text) < 0) return type_error();
      } else {
        return type_error();
      }
      if (f.EnumIndex(text) < 0) {
        return Status::InvalidInput("« " + where + " » : valeur « " + text.substr(0, 64) + " » inconnue (valeurs permises : " + AllowedValues(f) + ")", where);
      }
      out->kind = Fact::Kind::kText;
      out->text = std::move(text);
      return Status::Ok();
    }
    case FieldType::kText: {
      if (!v.is_string()) return type_error();
      std::string text = v.get<std::string>();
      const size_t limit = f.max_length ? f.max_length : kDefaultMaxText;
      if (text.size() > limit) return Status::InvalidInput("« " + where + " » est trop long (" + std::to_string(limit) + " caractères au plus)", where);
      if (f.compiled_pattern && !std::regex_match(text, *f.compiled_pattern)) {
        return Status::InvalidInput("« " + where + " » : format invalide « " + text.substr(0, 64) + " »", where);
      }
      out->kind = Fact::Kind::kText;
      out->text = std::move(text);
      return Status::Ok();
    }
    case FieldType::kDate: {
      if (!v.is_string()) return type_error();
      const std::string text = v.get<std::string>();
      auto d = Date::Parse(text);
      if (!d) {
        return Status::InvalidInput("« " + where + " » : date impossible « " + text.substr(0, 32) + " » (format attendu AAAA-MM-JJ, entre 1900 et 2199)", where);
      }
      out->kind = Fact::Kind::kDate;
      out->date = *d;
      return Status::Ok();
    }
    case FieldType::kObject:
    case FieldType::kList: break;
  }
  return Status::Internal("champ non scalaire");
}

class JsonReader {
 public:
  JsonReader(const SituationSchema& schema, Situation* out) : schema_(schema), out_(out) {}

  Status ReadObject(const json& obj, const FieldSpec* parent, const std::string& prefix, Record* record,
                    const std::string& record_prefix) {
    for (const auto& [key, value] : obj.items()) {
      const std::string where = (record ? record_prefix : prefix) + key;
      const FieldSpec* f = parent ? schema_.FindChild(*parent, key) : nullptr;
      if (!parent) {
        f = schema_.Find(key);
        if (f && f->parent != -1) f = nullptr;
      }
      if (!f) return Status::InvalidInput("champ inconnu « " + where.substr(0, 80) + " »", where.substr(0, 80));
      if (value.is_null()) continue;  // null = not given
      if (f->type == FieldType::kObject) {
        if (!value.is_object()) return Status::InvalidInput("« " + where + " » doit être un objet JSON", where);
        CAPSANTE_RETURN_IF_ERROR(ReadObject(value, f, where + ".", record, where + "."));
        continue;
      }
      if (f->type == FieldType::kList) {
        if (!value.is_array()) return Status::InvalidInput("« " + where + " » doit être une liste JSON", where);
        if (f->max_elements && value.size() > f->max_elements) {
          return Status::InvalidInput("« " + where + " » : trop d'éléments (" + std::to_string(f->max_elements) + " au plus)", where);
        }
        std::vector<Record>* records = out_->mutable_records(f->slot);
        records->clear();
        size_t index = 0;
        for (const auto& element : value) {
          const std::string element_where = where + "[" + std::to_string(index++) + "]";
          if (!element.is_object()) return Status::InvalidInput("« " + element_where + " » doit être un objet JSON", element_where);
          Record r(f->children.size());
          CAPSANTE_RETURN_IF_ERROR(ReadObject(element, f, "", &r, element_where + "."));
          for (int child : f->children) {
            const FieldSpec& c = schema_.field(child);
            if (c.required && !r[static_cast<size_t>(c.slot)].known()) {
              return Status::InvalidInput("« " + element_where + "." + c.name + " » est obligatoire", element_where + "." + c.name);
            }
          }
          records->push_back(std::move(r));
        }
        continue;
      }
      Fact fact;
      CAPSANTE_RETURN_IF_ERROR(ParseScalar(*f, value, where, &fact));
      if (record) {
        (*record)[static_cast<size_t>(f->slot)] = std::move(fact);
      } else {
        if (f->path == "date") out_->set_date(fact.date);
        *out_->mutable_fact(f->slot) = std::move(fact);
        out_->set_origin(f->slot, FactOrigin::kUser);
      }
    }
    return Status::Ok();
  }

 private:
  const SituationSchema& schema_;
  Situation* out_;
};

}  // namespace

bool Situation::NestingExceeds(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') {
      if (++depth > max_depth) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

Status Situation::FromJson(const SituationSchema& schema, std::string_view text, Situation* out) {
  if (text.size() > kMaxInputBytes) {
    return Status::InvalidInput("situation trop volumineuse (" + std::to_string(text.size() / 1024) + " Kio ; 64 Kio au plus)");
  }
  if (NestingExceeds(text, kMaxDepth)) return Status::InvalidInput("situation trop imbriquée (8 niveaux au plus)");
  // nlohmann throws even with allow_exceptions=false on some inputs (a number
  // that overflows a double: 1e999), so every parse error is caught here.
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    return Status::InvalidInput("JSON invalide (octet " + std::to_string(e.byte) + ") : vérifiez les guillemets, virgules et accolades");
  } catch (const json::out_of_range&) {
    return Status::InvalidInput("JSON invalide : un nombre dépasse les limites permises");
  } catch (const json::exception&) {
    return Status::InvalidInput("JSON invalide");
  }
  if (!doc.is_object()) return Status::InvalidInput("la situation doit être un objet JSON { ... }");
  Situation s(&schema);
  JsonReader reader(schema, &s);
  CAPSANTE_RETURN_IF_ERROR(reader.ReadObject(doc, nullptr, "", nullptr, ""));
  if (!s.date_given_) {
    // The date defaults to today, and the result says which date it used.
    const FieldSpec* f = schema.Find("date");
    Fact& fact = s.facts_[static_cast<size_t>(f->slot)];
    fact.kind = Fact::Kind::kDate;
    fact.date = s.date_;
  }
  *out = std::move(s);
  return Status::Ok();
}

Status Situation::SetFromText(std::string_view path, std::string_view text, FactOrigin origin) {
  const FieldSpec* f = schema_->Find(path);
  if (!f || !f->is_scalar() || f->in_list) return Status::InvalidInput("champ inconnu « " + std::string(path) + " »", std::string(path));
  json v;
  switch (f->type) {
    case FieldType::kBool:
      if (text != "true" && text != "false") return Status::InvalidInput("« " + f->path + " » doit valoir true ou false", f->path);
      v = text == "true";
      break;
    case FieldType::kNumber:
    case FieldType::kInteger: {
      char* end = nullptr;
      const std::string s(text);
      const double x = std::strtod(s.c_str(), &end);
      if (s.empty() || *end != '\0') return Status::InvalidInput("« " + f->path + " » doit être un nombre", f->path);
      v = x;
      break;
    }
    default:
      v = std::string(text);
      break;
  }
  Fact fact;
  CAPSANTE_RETURN_IF_ERROR(ParseScalar(*f, v, f->path, &fact));
  facts_[static_cast<size_t>(f->slot)] = std::move(fact);
  origins_[static_cast<size_t>(f->slot)] = origin;
  if (f->path == "date") set_date(facts_[static_cast<size_t>(f->slot)].date);
  return Status::Ok();
}

}  // namespace capsante

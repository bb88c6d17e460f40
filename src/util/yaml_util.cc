#include "util/yaml_util.h"

#include <cmath>
#include <fstream>
#include <sstream>

namespace capsante::yamlutil {

namespace {

// yaml-cpp keeps a repeated key (and lookups find the first): the catalog
// refuses it, with the line of the second one.
Status CheckNoDuplicateKeys(const std::string& path, const YAML::Node& node, int depth = 0) {
  if (depth > 64) return Status::InvalidCatalog(path + ": YAML trop imbriqué (64 niveaux au plus)", path);
  if (node.IsSequence()) {
    for (const auto& item : node) CAPSANTE_RETURN_IF_ERROR(CheckNoDuplicateKeys(path, item, depth + 1));
  } else if (node.IsMap()) {
    std::set<std::string> keys;
    for (const auto& kv : node) {
      if (kv.first.IsScalar() && !keys.insert(kv.first.Scalar()).second) {
        const YAML::Mark m = kv.first.Mark();
        return Status::InvalidCatalog(path + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1) +
                                          ": clé « " + kv.first.Scalar() + " » répétée : une seule valeur est permise",
                                      path + ":" + std::to_string(m.line + 1));
      }
      CAPSANTE_RETURN_IF_ERROR(CheckNoDuplicateKeys(path, kv.second, depth + 1));
    }
  }
  return Status::Ok();
}

}  // namespace

Status LoadFile(const std::string& path, YAML::Node* out) {
  std::ifstream in(path);
  if (!in) return Status::IoError("fichier illisible : " + path, path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return LoadText(path, buffer.str(), out);
}

Status LoadText(const std::string& name, const std::string& text, YAML::Node* out) {
  try {
    *out = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    return Status::InvalidCatalog(name + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) +
                                      ": YAML invalide : " + e.msg,
                                  name);
  }
  return CheckNoDuplicateKeys(name, *out);
}

bool ScalarText(const YAML::Node& n, std::string* out) {
  if (!n || !n.IsScalar()) return false;
  *out = n.Scalar();
  return true;
}

Map::Map(const std::string* file, const YAML::Node& node, std::string context)
    : file_(file), node_(node), context_(std::move(context)) {}

std::string Map::Where(const YAML::Node& n) const {
  const YAML::Mark m = n.Mark();
  if (m.is_null()) return *file_;
  return *file_ + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

Status Map::Error(const YAML::Node& n, const std::string& message) const {
  const std::string where = Where(n);
  return Status::InvalidCatalog(where + ": " + (context_.empty() ? "" : context_ + " : ") + message, where);
}

bool Map::Has(const std::string& key) const { return node_.IsMap() && node_[key]; }

YAML::Node Map::Get(const std::string& key) const {
  read_.insert(key);
  if (!node_.IsMap()) return YAML::Node();
  return node_[key];
}

Status Map::String(const std::string& key, std::string* out, bool required) const {
  YAML::Node n = Get(key);
  if (!n || n.IsNull()) {
    if (required) return Error(node_, "clé « " + key + " » manquante");
    return Status::Ok();
  }
  if (!n.IsScalar()) return Error(n, "« " + key + " » doit être un texte");
  *out = n.Scalar();
  return Status::Ok();
}

Status Map::Bool(const std::string& key, bool* out) const {
  YAML::Node n = Get(key);
  if (!n || n.IsNull()) return Status::Ok();
  if (!n.IsScalar() || (n.Scalar() != "true" && n.Scalar() != "false")) {
    return Error(n, "« " + key + " » doit valoir true ou false");
  }
  *out = n.Scalar() == "true";
  return Status::Ok();
}

Status Map::Number(const std::string& key, std::optional<double>* out) const {
  YAML::Node n = Get(key);
  if (!n || n.IsNull()) return Status::Ok();
  if (!n.IsScalar()) return Error(n, "« " + key + " » doit être un nombre");
  const std::string& s = n.Scalar();
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || !std::isfinite(v)) return Error(n, "« " + key + " » doit être un nombre, pas « " + s + " »");
  *out = v;
  return Status::Ok();
}

Status Map::Int(const std::string& key, int* out) const {
  std::optional<double> v;
  CAPSANTE_RETURN_IF_ERROR(Number(key, &v));
  if (!v) return Status::Ok();
  if (std::floor(*v) != *v || *v < 0 || *v > 1e6) return Error(Get(key), "« " + key + " » doit être un entier positif");
  *out = static_cast<int>(*v);
  return Status::Ok();
}

Status Map::OptionalDate(const std::string& key, std::optional<Date>* out, bool* present) const {
  YAML::Node n = Get(key);
  if (present) *present = static_cast<bool>(n);
  if (!n || n.IsNull()) return Status::Ok();
  if (!n.IsScalar()) return Error(n, "« " + key + " » doit être une date AAAA-MM-JJ");
  auto d = Date::Parse(n.Scalar());
  if (!d) return Error(n, "« " + key + " » : date impossible « " + n.Scalar() + " » (format AAAA-MM-JJ)");
  *out = d;
  return Status::Ok();
}

Status Map::StringList(const std::string& key, std::vector<std::string>* out, bool required) const {
  YAML::Node n = Get(key);
  if (!n || n.IsNull()) {
    if (required) return Error(node_, "clé « " + key + " » manquante");
    return Status::Ok();
  }
  if (!n.IsSequence()) return Error(n, "« " + key + " » doit être une liste");
  for (const auto& item : n) {
    if (!item.IsScalar()) return Error(item, "« " + key + " » ne doit contenir que des textes");
    out->push_back(item.Scalar());
  }
  return Status::Ok();
}

Status Map::Child(const std::string& key, Map* out, bool required) const {
  YAML::Node n = Get(key);
  if (!n || n.IsNull()) {
    if (required) return Error(node_, "clé « " + key + " » manquante");
    *out = Map(file_, YAML::Node(YAML::NodeType::Map), context_);
    return Status::Ok();
  }
  if (!n.IsMap()) return Error(n, "« " + key + " » doit être un dictionnaire");
  *out = Map(file_, n, context_.empty() ? key : context_ + "." + key);
  return Status::Ok();
}

Status Map::Sequence(const std::string& key, YAML::Node* out, bool required) const {
  YAML::Node n = Get(key);
  if (!n || n.IsNull()) {
    if (required) return Error(node_, "clé « " + key + " » manquante");
    *out = YAML::Node(YAML::NodeType::Sequence);
    return Status::Ok();
  }
  if (!n.IsSequence()) return Error(n, "« " + key + " » doit être une liste");
  *out = n;
  return Status::Ok();
}

Status Map::CheckNoUnknownKeys() const {
  if (!node_.IsMap()) return Status::Ok();
  for (const auto& kv : node_) {
    const std::string key = kv.first.Scalar();
    if (!read_.count(key)) return Error(kv.first, "clé inconnue « " + key + " »");
  }
  return Status::Ok();
}

}  // namespace capsante::yamlutil

// Shared by the declarative test runners (scenario_runner, plan_runner):
// YAML test data as JSON, and the check that a quoted source sentence exists.
#ifndef CAPSANTE_TESTS_YAML_SOURCE_H_
#define CAPSANTE_TESTS_YAML_SOURCE_H_

#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "capsante/catalog.h"
#include "capsante/text.h"

namespace capsante::testing {

// YAML → JSON, keeping quoted scalars as strings and typing plain ones.
inline nlohmann::json YamlToJson(const YAML::Node& n) {
  using nlohmann::json;
  switch (n.Type()) {
    case YAML::NodeType::Null: return nullptr;
    case YAML::NodeType::Sequence: {
      json a = json::array();
      for (const auto& e : n) a.push_back(YamlToJson(e));
      return a;
    }
    case YAML::NodeType::Map: {
      json o = json::object();
      for (const auto& kv : n) o[kv.first.Scalar()] = YamlToJson(kv.second);
      return o;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() == "!") return s;  // quoted
      if (s == "null" || s == "~") return nullptr;
      if (s == "true") return true;
      if (s == "false") return false;
      char* end = nullptr;
      const long long i = std::strtoll(s.c_str(), &end, 10);
      if (!s.empty() && *end == '\0') return i;
      const double d = std::strtod(s.c_str(), &end);
      if (!s.empty() && *end == '\0') return d;
      return s;
    }
    default: return nullptr;
  }
}

// Empty when `src` names a document of sources/ (or a URL) and a sentence
// that the document really holds; otherwise what is wrong, in French.
inline std::string CheckSource(const Catalog& catalog, const YAML::Node& src) {
  if (!src || !src["extrait"] || (!src["document"] && !src["url"])) return "source manquante (document + extrait)";
  if (!src["document"]) return "";
  const std::string* doc = catalog.SourceText(src["document"].Scalar());
  if (!doc) return "document inconnu " + src["document"].Scalar();
  if (text::FoldSpace(*doc).find(text::FoldSpace(src["extrait"].Scalar())) == std::string::npos) {
    return "extrait introuvable dans " + src["document"].Scalar();
  }
  return "";
}

}  // namespace capsante::testing

#endif  // CAPSANTE_TESTS_YAML_SOURCE_H_

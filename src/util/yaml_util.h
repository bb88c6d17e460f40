// Helpers to read YAML with positions, so every catalog error can say
// `file:line:column` and which key is wrong.
#ifndef CAPSANTE_UTIL_YAML_UTIL_H_
#define CAPSANTE_UTIL_YAML_UTIL_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "capsante/date.h"
#include "capsante/status.h"

namespace capsante::yamlutil {

// Reads one YAML file. A syntax error or a key repeated in a mapping becomes
// InvalidCatalog with `file:line:column`.
Status LoadFile(const std::string& path, YAML::Node* out);
// The same for YAML text already in memory; `name` stands for the file.
Status LoadText(const std::string& name, const std::string& text, YAML::Node* out);

// A cursor on a mapping node that remembers its file, checks types and
// reports unknown keys.
class Map {
 public:
  Map(const std::string* file, const YAML::Node& node, std::string context);

  // "file:line:column" of the node (or of the key's value when given).
  std::string Where(const YAML::Node& n) const;
  std::string Where() const { return Where(node_); }
  Status Error(const YAML::Node& n, const std::string& message) const;

  bool Has(const std::string& key) const;
  YAML::Node Get(const std::string& key) const;

  // Each getter marks the key as read. Required ones fail when absent.
  Status String(const std::string& key, std::string* out, bool required = true) const;
  Status Bool(const std::string& key, bool* out) const;
  Status Number(const std::string& key, std::optional<double>* out) const;
  Status Int(const std::string& key, int* out) const;
  // A date or null; *present tells whether the key was there at all.
  Status OptionalDate(const std::string& key, std::optional<Date>* out, bool* present = nullptr) const;
  Status StringList(const std::string& key, std::vector<std::string>* out, bool required = false) const;
  // A nested mapping (must be a map when present).
  Status Child(const std::string& key, Map* out, bool required = true) const;
  // A sequence node (must be a sequence when present).
  Status Sequence(const std::string& key, YAML::Node* out, bool required = true) const;

  // After reading: every key not read is an error ("clé inconnue").
  Status CheckNoUnknownKeys() const;

  const YAML::Node& node() const { return node_; }
  const std::string& file() const { return *file_; }

 private:
  const std::string* file_;
  YAML::Node node_;
  std::string context_;
  mutable std::set<std::string> read_;
};

// The text of a scalar, and its position (for expressions).
bool ScalarText(const YAML::Node& n, std::string* out);

}  // namespace capsante::yamlutil

#endif  // CAPSANTE_UTIL_YAML_UTIL_H_

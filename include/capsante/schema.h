// The situation schema: the fields a situation may hold (catalog/situation.yaml).
//
// Contract: loaded once, immutable afterwards, shared by every thread. Each
// field has a stable `id` (index in fields()); scalar fields outside lists
// have a `slot` in Situation's fact table; list fields have a `slot` in its
// list table; fields of list elements have a `slot` inside the record.
#ifndef CAPSANTE_SCHEMA_H_
#define CAPSANTE_SCHEMA_H_

#include <memory>
#include <regex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "capsante/status.h"

namespace capsante {

enum class FieldType { kBool, kNumber, kInteger, kText, kEnum, kDate, kObject, kList };

// "booléen", "nombre", ... for messages.
const char* FieldTypeFrench(FieldType type);

struct FieldSpec {
  int id = -1;
  std::string path;     // "zonage.medecin"; list elements: "stagiaires.quotite"
  std::string name;     // "medecin"
  FieldType type = FieldType::kText;
  int parent = -1;      // id of the enclosing object or list, -1 at the root
  bool in_list = false; // a field of a list element
  int slot = -1;        // see the header comment; -1 for objects
  std::vector<int> children;  // objects and lists (element fields)

  std::vector<std::string> values;  // enum values
  std::vector<std::string> labels;  // enum labels (French), same order
  std::vector<std::string> suggestions;
  std::optional<double> min;
  std::optional<double> max;
  size_t max_length = 0;    // texts; 0 = the default limit (256)
  std::string pattern;      // texts: ECMAScript regex the whole text must match
  std::shared_ptr<const std::regex> compiled_pattern;  // compiled once at load
  size_t max_elements = 0;  // lists

  std::string label;     // French
  std::string question;  // French, for the questionnaire
  std::string help;
  bool personal = false;  // personal data (age, income): never logged
  bool added = false;     // added by capsante to the v1 contract
  bool required = false;  // required inside a list element

  bool is_scalar() const { return type != FieldType::kObject && type != FieldType::kList; }
  // Index of `value` in `values`, -1 if absent.
  int EnumIndex(std::string_view value) const;
};

class SituationSchema {
 public:
  // Parses catalog/situation.yaml. Errors name file:line and the field.
  static Status Load(const std::string& path, std::unique_ptr<SituationSchema>* out);

  const std::vector<FieldSpec>& fields() const { return fields_; }
  const FieldSpec& field(int id) const { return fields_[static_cast<size_t>(id)]; }
  const std::vector<int>& roots() const { return roots_; }
  // By dotted path ("zonage.medecin", "stagiaires.quotite"); nullptr if none.
  const FieldSpec* Find(std::string_view path) const;
  // A child of an object or list by name; nullptr if none.
  const FieldSpec* FindChild(const FieldSpec& parent, std::string_view name) const;
  int scalar_slot_count() const { return scalar_slots_; }
  int list_slot_count() const { return list_slots_; }
  // Field id for each scalar slot / list slot.
  int FieldOfSlot(int slot) const { return slot_fields_[static_cast<size_t>(slot)]; }
  int FieldOfListSlot(int slot) const { return list_fields_[static_cast<size_t>(slot)]; }

 private:
  friend class SchemaBuilder;
  std::vector<FieldSpec> fields_;
  std::vector<int> roots_;
  std::unordered_map<std::string, int> by_path_;
  std::vector<int> slot_fields_;
  std::vector<int> list_fields_;
  int scalar_slots_ = 0;
  int list_slots_ = 0;
};

}  // namespace capsante

#endif  // CAPSANTE_SCHEMA_H_

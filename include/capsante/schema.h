// The situation schema: the fields a situation may hold (catalog/situation.yaml).
//
// Contract: loaded once, immutable afterwards, shared by every thread. Each
// field has a stable `id` (index in fields()); scalar fields outside lists
// have a `slot` in Situation's fact table; list fields have a `slot` in its
// list table; fields of list elements have a `slot` inside the record.
//
// One vocabulary: every field and every enum value has a French label, read
// from catalog/situation.yaml and nowhere else. People see labels, machines
// see paths: Label("medecin_accueilli.age") is « âge du médecin que vous
// accueillez », ValueLabel("zonage.profession", "tres_sous_dotee") is « très
// sous-dotée », and InWords() is how every message names a field. Front ends
// (CLI table, API `manquants` labels, web page) use these accessors instead of
// keeping their own lists. Labels start in lower case so they read inside a
// sentence; Capitalized() gives the heading form.
#ifndef CAPSANTE_SCHEMA_H_
#define CAPSANTE_SCHEMA_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "capsante/date.h"
#include "capsante/status.h"

namespace capsante {

class TextPattern;  // src/schema/text_pattern.h

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
  int position = -1;    // index among its siblings (the parent's children, or the roots)
  std::vector<int> children;  // objects and lists (element fields)

  std::vector<std::string> values;  // enum values
  std::vector<std::string> labels;  // enum labels (French), same order
  std::vector<std::string> suggestions;
  std::optional<double> min;
  std::optional<double> max;
  size_t max_length = 0;    // texts; 0 = the default limit (256)
  std::string pattern;      // texts: the `motif` the whole text must match (TextPattern)
  std::shared_ptr<const TextPattern> compiled_pattern;  // compiled once at load
  size_t max_elements = 0;  // lists

  std::string label;          // French, in words, lower case first (« votre âge »)
  std::string element_label;  // lists: one element in words (« stagiaire »)
  std::string question;  // French, for the questionnaire
  // A yes/no question asked before a group (an object) or a field about
  // something the user may not have (« Avez-vous un cabinet secondaire ? »).
  std::string gate_question;
  std::string help;
  bool personal = false;  // personal data (age, income): never logged
  bool added = false;     // added by capsante to the v1 contract
  bool required = false;  // required inside a list element

  bool is_scalar() const { return type != FieldType::kObject && type != FieldType::kList; }
  // Index of `value` in `values`, -1 if absent.
  int EnumIndex(std::string_view value) const;
  // The label of an enum value; empty when `value` is not one of `values`.
  std::string_view ValueLabel(std::string_view value) const;
};

class SituationSchema {
 public:
  // Most fields an object (or the situation itself) may hold: the parser
  // marks the keys it has seen in a fixed bit set.
  static constexpr size_t kMaxChildren = 128;

  // Parses catalog/situation.yaml. Errors name file:line and the field.
  static Status Load(const std::string& path, std::unique_ptr<SituationSchema>* out);

  const std::vector<FieldSpec>& fields() const { return fields_; }
  const FieldSpec& field(int id) const { return fields_[static_cast<size_t>(id)]; }
  const std::vector<int>& roots() const { return roots_; }
  // By dotted path ("zonage.medecin", "stagiaires.quotite"); nullptr if none.
  const FieldSpec* Find(std::string_view path) const;
  // A child of an object or list by name; nullptr if none.
  const FieldSpec* FindChild(const FieldSpec& parent, std::string_view name) const;
  // A child of the field `parent_id` (-1: a top-level field) by name, by hash.
  const FieldSpec* Child(int parent_id, std::string_view name) const;

  // The label of a field by path; list element paths may carry an index
  // ("stagiaires[1].quotite"). Empty when the path names no field.
  std::string_view Label(std::string_view path) const;
  // The label of one enum value of a field; empty when either is unknown.
  std::string_view ValueLabel(std::string_view path, std::string_view value) const;
  // How messages name a field: "« âge du médecin que vous accueillez »", and
  // inside a list "« quotité du stagiaire (1 = temps plein) » (stagiaire n° 2)".
  // A path that names no field is quoted as given (an unknown key the user typed).
  std::string InWords(std::string_view path) const;
  // The field a path names, list indices ignored ("contrats[3].id" → contrats.id).
  const FieldSpec* FindIndexed(std::string_view path) const;

  // The latest date a situation may give: a payment or deadline computed from
  // it must stay within Date::Latest(). The catalog sets it once loaded, from
  // its longest schedule (SetHorizon); Date::Latest() until then.
  Date latest_input_date() const { return latest_input_date_; }
  int horizon_months() const { return horizon_months_; }
  // Called by the catalog loader only, before the schema is shared.
  void SetHorizon(int months) {
    horizon_months_ = months;
    latest_input_date_ = Date::Latest().AddMonths(-months);
  }

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
  // [parent id + 1]: child name → field id; views into fields_[i].name.
  std::vector<std::unordered_map<std::string_view, int>> children_by_name_;
  std::vector<int> slot_fields_;
  std::vector<int> list_fields_;
  int scalar_slots_ = 0;
  int list_slots_ = 0;
  int horizon_months_ = 0;
  Date latest_input_date_ = Date::Latest();
};

}  // namespace capsante

#endif  // CAPSANTE_SCHEMA_H_

// A situation: the facts a user gave (or that were derived from the commune),
// validated against the schema.
//
// Contract: Situation::FromJson accepts exactly the JSON object described by
// the schema (shared spec api-v1 plus the fields marked `ajoute`). Unknown
// fields, a key given twice at any level, wrong types, impossible dates,
// out-of-range numbers, unknown enum values (with the nearest ones
// suggested), texts over their length in characters, oversize input:
// InvalidInput with a French message naming the field by its label
// (SituationSchema::InWords), and the path in Status::field()
// (`zonage.medecin`, `stagiaires[1].quotite`). Numbers: a whole number
// written 1.0 is the number 1 wherever an integer or a digit enum value
// (`secteur`) is expected. A field the user did not
// give stays unknown: there are no defaults, except `date` (today) which the
// result states. A Situation is a value: copy it freely; it holds no pointer
// into the JSON text.
#ifndef CAPSANTE_SITUATION_H_
#define CAPSANTE_SITUATION_H_

#include <string>
#include <string_view>
#include <vector>

#include "capsante/date.h"
#include "capsante/schema.h"
#include "capsante/status.h"

namespace capsante {

struct Fact {
  enum class Kind : unsigned char { kUnknown, kBool, kNumber, kText, kDate };
  Kind kind = Kind::kUnknown;
  bool boolean = false;
  double number = 0;
  Date date;
  std::string text;  // texts and enum values

  bool known() const { return kind != Kind::kUnknown; }
  // The value as the JSON/CLI would print it: "ZIP", "true", "2.5", "2025-06-01".
  std::string ToString() const;
};

// Where a fact came from, for the result's explanation.
enum class FactOrigin : unsigned char { kNone, kUser, kCommune };

using Record = std::vector<Fact>;  // one list element, indexed by element slot

class Situation {
 public:
  // Largest accepted input, in bytes.
  static constexpr size_t kMaxInputBytes = 64 * 1024;

  Situation() = default;
  explicit Situation(const SituationSchema* schema);

  static Status FromJson(const SituationSchema& schema, std::string_view json, Situation* out);

  // Strict JSON text (RFC 8259, valid UTF-8, numbers that fit a double,
  // nesting up to `max_depth`), and with `check_duplicates` no object that
  // repeats a key. For a request envelope, `situation_member` names the member
  // holding the situation ("situation"), whose fields are then named by their
  // labels; empty when the whole text is a situation. InvalidInput otherwise,
  // with the byte position or the repeated key's path in field().
  static Status CheckJsonText(const SituationSchema& schema, std::string_view json, int max_depth,
                              bool check_duplicates, std::string_view situation_member = {});

  // True when JSON text nests objects/arrays deeper than `max_depth`: checked
  // before building a tree, so that hostile input cannot exhaust the stack.
  static bool NestingExceeds(std::string_view json, int max_depth);

  const SituationSchema& schema() const { return *schema_; }
  Date date() const { return date_; }
  bool date_given() const { return date_given_; }
  void set_date(Date d) { date_ = d; date_given_ = true; }

  const Fact& fact(int slot) const { return facts_[static_cast<size_t>(slot)]; }
  FactOrigin origin(int slot) const { return origins_[static_cast<size_t>(slot)]; }
  const std::vector<Record>& records(int list_slot) const { return lists_[static_cast<size_t>(list_slot)]; }
  bool list_given(int list_slot) const { return lists_given_[static_cast<size_t>(list_slot)]; }

  // By path, for front ends; nullptr if the path is not a scalar field.
  const Fact* Find(std::string_view path) const;
  // Sets a scalar fact from its text form ("ZIP", "true", "24"), validated
  // like user input. Used to fill the zoning from the commune.
  Status SetFromText(std::string_view path, std::string_view text, FactOrigin origin);
  // Forgets a fact (it becomes unknown).
  void Clear(std::string_view path);

  // Mutable access for the parser.
  Fact* mutable_fact(int slot) { return &facts_[static_cast<size_t>(slot)]; }
  void set_origin(int slot, FactOrigin o) { origins_[static_cast<size_t>(slot)] = o; }
  std::vector<Record>* mutable_records(int list_slot) {
    lists_given_[static_cast<size_t>(list_slot)] = true;
    return &lists_[static_cast<size_t>(list_slot)];
  }

 private:
  const SituationSchema* schema_ = nullptr;
  Date date_ = Date::Today();
  bool date_given_ = false;
  std::vector<Fact> facts_;
  std::vector<FactOrigin> origins_;
  std::vector<std::vector<Record>> lists_;
  std::vector<bool> lists_given_;
};

}  // namespace capsante

#endif  // CAPSANTE_SITUATION_H_

// The situation projected to a later date: what the person will be on the
// day a plan step is signed. Internal to the plan library.
#ifndef CAPSANTE_PLAN_PROJECTION_H_
#define CAPSANTE_PLAN_PROJECTION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "capsante/catalog.h"
#include "capsante/date.h"
#include "capsante/situation.h"

namespace capsante::plan {

// A contract the plan signs (or the situation already holds).
struct ContractSpan {
  const Aid* aid = nullptr;
  Date start;
  Date end;  // exclusive
};

class Projector {
 public:
  Projector(const Catalog& catalog, const Situation& base);

  // `base` at `date`: the date, ages and year of study moved on, the
  // profession after graduation, the plan's `steps` appended to `contrats`,
  // and, when the situation gives no installation date, `installed_on` (or
  // `date` itself while the installation is still to choose).
  void At(Date date, const std::vector<ContractSpan>& steps, std::optional<Date> installed_on, Situation* out) const;

  // The day a student becomes a professional (etudes.fin_prevue), if known.
  std::optional<Date> graduation() const { return graduation_; }
  // The profession at `date` (after graduation, the graduate's).
  std::string_view ProfessionAt(Date date) const;
  // True while the person is a student with no known end of studies: the
  // plan then depends on that date.
  bool student_without_graduation() const { return student_ && !graduation_; }
  bool installation_open() const { return installation_open_; }
  // Candidate signing dates that come from the person (anniversaries of the
  // start date when an age or a year of study is known, graduation), within
  // (start, end).
  std::vector<Date> PersonalDates(Date end) const;
  // The situation's contracts (ended or running) as spans.
  const std::vector<ContractSpan>& existing() const { return existing_; }

  // French assumptions this projection makes for this situation.
  std::vector<std::string> Hypotheses() const;

 private:
  int Slot(std::string_view path) const;

  const Catalog& catalog_;
  const Situation& base_;
  Date start_;
  std::vector<int> age_slots_;  // known integer ages (the user's, the welcomed doctor's)
  int study_year_slot_ = -1;    // known etudes.annee
  int study_cycle_slot_ = -1;
  int installation_slot_ = -1;
  int first_installation_slot_ = -1;
  int profession_slot_ = -1;
  const FieldSpec* contracts_ = nullptr;
  int contract_id_ = -1, contract_start_ = -1, contract_end_ = -1;
  bool student_ = false;
  std::string graduate_profession_;
  std::optional<Date> graduation_;
  bool installation_open_ = false;  // no date_installation: the plan chooses it
  std::vector<ContractSpan> existing_;
};

}  // namespace capsante::plan

#endif  // CAPSANTE_PLAN_PROJECTION_H_

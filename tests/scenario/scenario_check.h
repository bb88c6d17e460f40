// Checks declarative scenarios (tests/scenarios/*.yaml) against a loaded
// catalog: the shape of each scenario (known keys only, a `non_eligible`
// names why, no contradiction with its own quote) and its expectations
// (statuses, amounts, schedules…). Shared by scenario_runner and the catalog
// mutation tool (tests/mutation/), which runs the same checks on each mutant.
// Format: docs/catalog-format.md, "Scenario files".
#ifndef CAPSANTE_TESTS_SCENARIO_CHECK_H_
#define CAPSANTE_TESTS_SCENARIO_CHECK_H_

#include <memory>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "capsante/catalog.h"
#include "capsante/geo.h"
#include "capsante/result.h"
#include "scenario/raw_names.h"

namespace capsante::scenario {

struct ScenarioFile {
  std::string path;
  YAML::Node root;  // a sequence of scenarios
};

// Reads every .yaml file of the given files or folders, sorted. A file that
// is not YAML or not a list of scenarios is reported in *errors.
std::vector<ScenarioFile> ReadScenarioFiles(const std::vector<std::string>& inputs, std::vector<std::string>* errors);

// "file:line" of a scenario.
std::string ScenarioWhere(const ScenarioFile& f, const YAML::Node& scenario);

// The scenario's own shape, independent of any result: unknown keys at every
// level, a `non_eligible` expectation without `non_remplies` or
// `bloquee_par`, a payment count or a date that contradicts the quoted
// sentence. Appends French reasons to *why; false when any.
bool CheckScenarioShape(const YAML::Node& scenario, std::string* why);

class ScenarioChecker {
 public:
  // `communes` is loaded on the first scenario that names a commune and
  // kept by the caller, so several checkers (one per mutant) share it.
  ScenarioChecker(const Catalog& catalog, std::string home, std::unique_ptr<geo::CommuneIndex>* communes)
      : catalog_(catalog), home_(std::move(home)), communes_(communes), raw_names_(catalog.schema()) {}

  // Whether each scenario's French table is checked for raw names (on by
  // default; the mutation tool turns it off: a mutant changes no label).
  void set_check_tables(bool on) { check_tables_ = on; }

  // Evaluates the scenario's situation and compares the result with its
  // expectations; with `pour_chaque`, once per value of the named field.
  // Appends French reasons to *why; false when any.
  bool Check(const YAML::Node& scenario, std::string* why);

 private:
  // One situation (JSON text) against the scenario's expectations.
  bool CheckSituation(const YAML::Node& scenario, const std::string& situation_text, std::string* why);
  bool CheckAid(const AidResult& r, const YAML::Node& want, const Result& result, std::string* why);

  const Catalog& catalog_;
  std::string home_;
  std::unique_ptr<geo::CommuneIndex>* communes_;
  RawNames raw_names_;
  bool check_tables_ = true;
};

}  // namespace capsante::scenario

#endif  // CAPSANTE_TESTS_SCENARIO_CHECK_H_

// Runs the declarative scenario files (tests/scenarios/*.yaml): each scenario
// is a situation and the expected result for some aids, with the source
// sentence the expectation comes from. Format: docs/catalog-format.md.
//
// Usage: scenario_runner [--home DIR] [--filter TEXT] FILE_OR_DIR...
// Prints one line per failure and ends with "N passed, M failed".
#include <iostream>

#include "capsante/catalog.h"
#include "scenario/scenario_check.h"

int main(int argc, char** argv) {
  std::string home = CAPSANTE_DEFAULT_HOME;
  std::string filter;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--home" && i + 1 < argc) home = argv[++i];
    else if (a == "--filter" && i + 1 < argc) filter = argv[++i];
    else inputs.push_back(a);
  }
  if (inputs.empty()) inputs.push_back(home + "/tests/scenarios");
  std::unique_ptr<capsante::Catalog> catalog;
  capsante::Status st = capsante::Catalog::Load(home, &catalog);
  if (!st.ok()) {
    std::cout << "catalogue invalide : " << st.message() << "\n0 passed, 1 failed\n";
    return 1;
  }
  std::vector<std::string> errors;
  const auto files = capsante::scenario::ReadScenarioFiles(inputs, &errors);
  int passed = 0;
  int failed = static_cast<int>(errors.size());
  for (const auto& e : errors) std::cout << "ÉCHEC " << e << "\n";
  std::unique_ptr<capsante::geo::CommuneIndex> communes;
  capsante::scenario::ScenarioChecker checker(*catalog, home, &communes);
  for (const auto& f : files) {
    for (const auto& s : f.root) {
      const std::string where = capsante::scenario::ScenarioWhere(f, s);
      const std::string name = s["nom"] ? s["nom"].Scalar() : "(sans nom)";
      if (!filter.empty() && name.find(filter) == std::string::npos && where.find(filter) == std::string::npos) continue;
      std::string why;
      bool ok = capsante::scenario::CheckScenarioShape(s, &why);
      ok &= checker.Check(s, &why);
      if (ok) {
        ++passed;
      } else {
        ++failed;
        std::cout << "ÉCHEC " << where << " « " << name << " » : " << why << "\n";
      }
    }
  }
  std::cout << "scenarios: " << passed << " passed, " << failed << " failed\n";
  return failed == 0 && passed > 0 ? 0 : 1;
}

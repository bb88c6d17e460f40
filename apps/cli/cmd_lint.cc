// capsante lint: the loader's checks, the catalog's consistency checks, and
// the test coverage every aid must have (four scenarios at least).
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include <CLI/CLI.hpp>
#include <yaml-cpp/yaml.h>

#include "capsante/catalog.h"
#include "common.h"

namespace capsante::cli {
namespace {

constexpr int kMinScenarios = 4;

struct LintOptions {
  std::string scenarios;  // default: <home>/tests/scenarios
};

// Counts, per aid id, the scenarios whose expectations name it.
Status CountScenarios(const std::string& dir, std::map<std::string, int>* counts) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::Ok();
  // Sub-folders too (tests/scenarios/bornes/: boundary scenarios).
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".yaml") continue;
    YAML::Node root;
    try {
      root = YAML::LoadFile(entry.path().string());
    } catch (const YAML::Exception& e) {
      return Status::InvalidCatalog(entry.path().string() + ":" + std::to_string(e.mark.line + 1) + ": YAML invalide : " + e.msg);
    }
    if (!root.IsSequence()) continue;
    for (const auto& scenario : root) {
      const YAML::Node expected = scenario["attendu"];
      if (!expected || !expected.IsMap()) continue;
      for (const auto& kv : expected) (*counts)[kv.first.Scalar()]++;
    }
  }
  return Status::Ok();
}

int RunLint(const LintOptions& o, const GlobalOptions& global) {
  std::unique_ptr<Catalog> catalog;
  if (Status st = LoadCatalog(global, &catalog); !st.ok()) return ReportError(st);
  std::vector<LintIssue> issues = catalog->Lint();
  std::map<std::string, int> counts;
  const std::string dir = o.scenarios.empty() ? ResolveHome(global) + "/tests/scenarios" : o.scenarios;
  if (Status st = CountScenarios(dir, &counts); !st.ok()) return ReportError(st);
  for (const auto& aid : catalog->aids()) {
    const int n = counts[aid.id];
    if (n < kMinScenarios) {
      issues.push_back({aid.file, "seulement " + std::to_string(n) + " scénario(s) de test pour « " + aid.id + " » dans " + dir +
                                      " (au moins " + std::to_string(kMinScenarios) + ")"});
    }
  }
  for (const auto& [id, n] : counts) {
    if (!catalog->FindAid(id)) issues.push_back({dir, "scénarios pour une aide inconnue « " + id + " »"});
  }
  size_t blocking = 0;
  for (const auto& i : issues) {
    std::cout << i.where << ": " << i.message << "\n";
    blocking += i.blocking;
  }
  // Listed for the reader, not failures: amounts only a blog gives.
  const std::vector<LintIssue> notes = catalog->UnofficialAmounts();
  for (const auto& i : notes) std::cout << i.where << ": à confirmer : " << i.message << "\n";
  if (!notes.empty()) std::cout << notes.size() << " montant(s) issu(s) d'une source non officielle.\n";
  if (blocking > 0) {
    std::cout << blocking << " problème(s) dans le catalogue.\n";
    return kExitInvalidCatalog;
  }
  std::cout << "Catalogue valide : " << catalog->aids().size() << " aides, toutes sourcées et testées.\n";
  return kExitOk;
}

}  // namespace

void RegisterLint(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<LintOptions>();
  CLI::App* sub = app.add_subcommand("lint", "Vérifie le catalogue : sources citées, symétrie des incompatibilités, tests");
  sub->add_option("--scenarios", opts->scenarios, "Dossier des scénarios (défaut : tests/scenarios)");
  sub->callback([opts, &global, exit_code] { *exit_code = RunLint(*opts, global); });
}

}  // namespace capsante::cli

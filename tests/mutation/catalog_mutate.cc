// Mutation testing of the catalog: changes one value at a time in
// catalog/aides/*.yaml (amounts ±1, thresholds one step, dates ±1 day,
// durations, comparison operators, enum lists by one member), reloads the
// catalog and runs every scenario against the mutant. A mutant the loader
// refuses or a scenario catches is killed; one that passes everything
// survives. Two reviewed lists name survivors: tests/mutation/equivalents.txt
// (the change cannot alter any result, with the reason) and
// tests/mutation/survivors.txt (a scenario is still to be written, with what
// it needs). `capsante lint` is run on the survivors to tell which ones the
// quote check catches instead.
//
// Usage: catalog_mutate [--home DIR] [--sample N] [--only AID] [--list]
//                       [--scenarios DIR]
// Exit 0 when no mutant survives unlisted (and, on a full run, no list entry
// is stale); 1 otherwise. docs/testing.md.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "capsante/catalog.h"
#include "mutation/mutants.h"
#include "scenario/scenario_check.h"

namespace fs = std::filesystem;
using capsante::Catalog;
using capsante::mutation::Mutant;

namespace {

std::string ReadText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteText(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

// equivalents.txt, survivors.txt: one mutant key per line, then " | reason";
// # comments.
std::map<std::string, std::string> ReadKeyList(const std::string& path) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t bar = line.find(" | ");
    if (bar == std::string::npos) continue;
    out[line.substr(0, bar)] = line.substr(bar + 3);
  }
  return out;
}

// A scratch home: a copy of catalog/, the sources and data linked.
fs::path MakeScratchHome(const fs::path& home) {
  fs::path dir = fs::temp_directory_path() / ("capsante-mutate-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy(home / "catalog", dir / "catalog", fs::copy_options::recursive);
  fs::create_directory_symlink(fs::absolute(home / "sources"), dir / "sources");
  if (fs::exists(home / "data")) fs::create_directory_symlink(fs::absolute(home / "data"), dir / "data");
  return dir;
}

}  // namespace

int main(int argc, char** argv) {
  std::string home = CAPSANTE_DEFAULT_HOME;
  std::string only;
  std::string scenarios_dir;
  size_t sample = 0;
  bool list = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--home") home = next();
    else if (a == "--only") only = next();
    else if (a == "--scenarios") scenarios_dir = next();
    else if (a == "--sample") sample = std::stoul(next());
    else if (a == "--list") list = true;
    else {
      std::cerr << "unknown argument " << a << "\n";
      return 2;
    }
  }
  if (scenarios_dir.empty()) scenarios_dir = home + "/tests/scenarios";
  const auto start = std::chrono::steady_clock::now();

  std::unique_ptr<Catalog> original;
  if (auto st = Catalog::Load(home, &original); !st.ok()) {
    std::cerr << "the catalog does not load: " << st.message() << "\n";
    return 1;
  }
  const size_t baseline_lint = original->Lint().size();

  // Every mutant of every aid file, in file order.
  std::vector<Mutant> mutants;
  int skipped = 0;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(home) / "catalog" / "aides")) {
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string> texts;
  for (const auto& f : files) {
    if (!only.empty() && f.stem() != only) continue;
    const std::string text = ReadText(f);
    texts[f.filename().string()] = text;
    int s = 0;
    auto found = capsante::mutation::FindMutants(f.string(), text, original->schema(), &s);
    skipped += s;
    mutants.insert(mutants.end(), found.begin(), found.end());
  }
  const size_t total = mutants.size();
  if (sample > 0 && sample < mutants.size()) {
    // Deterministic and spread over every file: every k-th mutant.
    std::vector<Mutant> picked;
    for (size_t i = 0; i < sample; ++i) picked.push_back(mutants[i * total / sample]);
    mutants.swap(picked);
  }
  if (list) {
    for (const auto& m : mutants) std::cout << m.key << "  (" << m.file << ":" << m.line << ")\n";
    std::cout << mutants.size() << " mutants (" << skipped << " values not located)\n";
    return 0;
  }

  std::vector<std::string> errors;
  const auto scenario_files = capsante::scenario::ReadScenarioFiles({scenarios_dir}, &errors);
  if (!errors.empty()) {
    for (const auto& e : errors) std::cerr << e << "\n";
    return 1;
  }
  const auto equivalents = ReadKeyList(home + "/tests/mutation/equivalents.txt");
  const auto known_survivors = ReadKeyList(home + "/tests/mutation/survivors.txt");
  const fs::path scratch = MakeScratchHome(home);
  std::unique_ptr<capsante::geo::CommuneIndex> communes;

  // The unmutated catalog must pass every scenario, or nothing means anything.
  {
    capsante::scenario::ScenarioChecker checker(*original, home, &communes);
    for (const auto& f : scenario_files) {
      for (const auto& s : f.root) {
        std::string why;
        if (!checker.Check(s, &why)) {
          std::cerr << "the unmutated catalog fails " << capsante::scenario::ScenarioWhere(f, s) << ": " << why << "\n";
          fs::remove_all(scratch);
          return 1;
        }
      }
    }
  }

  size_t refused = 0, by_scenarios = 0, by_lint = 0, equivalent = 0, known = 0;
  std::vector<std::string> survivors;
  std::set<std::string> killed_keys;
  std::set<std::string> seen_keys;
  for (const auto& m : mutants) {
    const fs::path target = scratch / "catalog" / "aides" / fs::path(m.file).filename();
    const std::string& text = texts[fs::path(m.file).filename().string()];
    WriteText(target, m.Apply(text));
    std::unique_ptr<Catalog> mutant;
    bool killed = false;
    if (!Catalog::Load(scratch.string(), &mutant).ok()) {
      ++refused;
      killed = true;
    } else {
      // The aid's own scenario file first: it usually kills, and quickly.
      capsante::scenario::ScenarioChecker checker(*mutant, home, &communes);
      checker.set_check_tables(false);  // a mutant changes no label
      std::vector<const capsante::scenario::ScenarioFile*> order;
      for (const auto& f : scenario_files) {
        if (fs::path(f.path).stem() == m.aid) order.insert(order.begin(), &f);
        else order.push_back(&f);
      }
      for (const auto* f : order) {
        for (const auto& s : f->root) {
          std::string why;
          if (!checker.Check(s, &why)) {
            killed = true;
            break;
          }
        }
        if (killed) break;
      }
      if (killed) ++by_scenarios;
    }
    WriteText(target, text);
    seen_keys.insert(m.key);
    if (killed) {
      killed_keys.insert(m.key);
      continue;
    }
    if (equivalents.count(m.key)) {
      ++equivalent;
      continue;
    }
    const bool lint = mutant->Lint().size() > baseline_lint;
    if (lint) ++by_lint;
    if (known_survivors.count(m.key)) {
      ++known;
      continue;
    }
    survivors.push_back(std::string(lint ? "SURVIVES (lint catches it) " : "SURVIVES ") + m.key + "  (" + m.file + ":" +
                        std::to_string(m.line) + ")");
  }
  fs::remove_all(scratch);

  for (const auto& s : survivors) std::cout << s << "\n";
  // List entries that no longer match a surviving mutant: the lists are stale.
  size_t stale = 0;
  if (sample == 0 && only.empty()) {
    for (const auto* list : {&equivalents, &known_survivors}) {
      for (const auto& [key, reason] : *list) {
        const char* name = list == &equivalents ? "equivalents.txt" : "survivors.txt";
        if (!seen_keys.count(key)) {
          std::cout << "STALE " << name << " entry (no such mutant): " << key << "\n";
          ++stale;
        } else if (killed_keys.count(key)) {
          std::cout << "STALE " << name << " entry (now killed, remove it): " << key << "\n";
          ++stale;
        }
      }
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const size_t killed = refused + by_scenarios;
  const size_t judged = mutants.size() - equivalent;
  std::cout << "mutants: " << mutants.size() << (sample ? " (sample of " + std::to_string(total) + ")" : "") << ", killed: " << killed
            << " (refused by the loader: " << refused << ", by the scenarios: " << by_scenarios << "), equivalent (listed): " << equivalent
            << ", survivors: " << known + survivors.size() << " (listed in survivors.txt: " << known << ", unlisted: " << survivors.size()
            << "; lint catches " << by_lint << " of all survivors), values not located: " << skipped << "\n";
  std::printf("score: %.1f %% killed by loader + scenarios (%.1f %% with lint), %.1f s\n",
              judged ? 100.0 * killed / judged : 100.0, judged ? 100.0 * (killed + by_lint) / judged : 100.0, seconds);
  return survivors.empty() && stale == 0 ? 0 : 1;
}

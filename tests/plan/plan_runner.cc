// Runs the plan scenario files (tests/plan/*.yaml): a situation, a horizon and
// what the plans must hold, each expectation with the source sentence it
// comes from. Format: tests/plan/README.md.
//
// Usage: plan_runner [--home DIR] FILE_OR_DIR...
// Prints one line per failure and ends with "N passed, M failed".
#include <cmath>
#include <filesystem>
#include <iostream>
#include <set>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "capsante/catalog.h"
#include "capsante/place.h"
#include "capsante/plan.h"
#include "capsante/situation.h"
#include "../yaml_source.h"

namespace fs = std::filesystem;

namespace {

using capsante::Plan;
using capsante::PlanResult;
using capsante::PlanStep;

std::string Euros(double x) { return std::to_string(static_cast<long long>(std::llround(x))); }

class Runner {
 public:
  Runner(const capsante::Catalog& catalog, std::string home) : catalog_(catalog), home_(std::move(home)) {}

  void RunFile(const fs::path& file) {
    YAML::Node doc;
    try {
      doc = YAML::LoadFile(file.string());
    } catch (const YAML::Exception& e) {
      Fail(file.string(), "(fichier)", std::string("YAML illisible : ") + e.what());
      return;
    }
    for (const auto& s : doc) Run(file.filename().string(), s);
  }

  int passed() const { return passed_; }
  int failed() const { return failed_; }

 private:
  void Fail(const std::string& where, const std::string& name, const std::string& why) {
    std::cout << "ÉCHEC " << where << " « " << name << " » : " << why << "\n";
    ++failed_;
  }

  // Every expectation carries its source sentence.
  void Source(const YAML::Node& node, std::string* why) {
    if (const std::string bad = capsante::testing::CheckSource(catalog_, node["source"]); !bad.empty()) *why += bad + "; ";
  }

  static std::string Describe(const Plan& p) {
    std::string s = Euros(p.total) + " € [";
    for (const PlanStep& st : p.steps) s += " " + st.aid->id + "@" + st.start.ToString();
    return s + " ]";
  }

  void CheckStep(const PlanStep& got, const YAML::Node& want, const std::string& label, std::string* why) {
    Source(want, why);
    if (want["id"] && want["id"].Scalar() != got.aid->id) *why += label + " : aide attendue " + want["id"].Scalar() + ", obtenue " + got.aid->id + "; ";
    if (want["debut"] && want["debut"].Scalar() != got.start.ToString()) *why += label + " : début attendu " + want["debut"].Scalar() + ", obtenu " + got.start.ToString() + "; ";
    if (want["fin"] && want["fin"].Scalar() != got.end.ToString()) *why += label + " : fin attendue " + want["fin"].Scalar() + ", obtenue " + got.end.ToString() + "; ";
    if (want["total"]) {
      const bool want_null = want["total"].IsNull() || want["total"].Scalar() == "null";
      if (want_null != !got.total || (got.total && std::fabs(*got.total - want["total"].as<double>()) > 0.005)) {
        *why += label + " : total attendu " + want["total"].Scalar() + ", obtenu " + (got.total ? Euros(*got.total) : "null") + "; ";
      }
    }
    if (want["versements"]) {
      const YAML::Node v = want["versements"];
      if (v.size() != got.payments.size()) {
        *why += label + " : " + std::to_string(v.size()) + " versements attendus, " + std::to_string(got.payments.size()) + " obtenus; ";
      } else {
        for (size_t i = 0; i < v.size(); ++i) {
          if (v[i]["date"].Scalar() != got.payments[i].date.ToString() || std::fabs(v[i]["montant"].as<double>() - got.payments[i].amount) > 0.005) {
            *why += label + " : versement " + std::to_string(i + 1) + " attendu " + v[i]["date"].Scalar() + " " + v[i]["montant"].Scalar() + ", obtenu " + got.payments[i].date.ToString() + " " + Euros(got.payments[i].amount) + "; ";
          }
        }
      }
    }
    if (want["suite_de"] && (!got.follows || got.follows->id != want["suite_de"].Scalar())) *why += label + " : suite de " + want["suite_de"].Scalar() + " attendue; ";
    if (want["reconduit"] && want["reconduit"].as<bool>() != got.renewed) *why += label + " : reconduction attendue " + want["reconduit"].Scalar() + "; ";
  }

  // `want.etapes` lists the plan's steps in order; `contient` only some of them.
  void CheckPlan(const Plan& got, const YAML::Node& want, const std::string& label, std::string* why) {
    if (want["source"]) Source(want, why);
    if (want["total"] && std::fabs(got.total - want["total"].as<double>()) > 0.005) *why += label + " : total attendu " + want["total"].Scalar() + ", obtenu " + Describe(got) + "; ";
    if (want["total_certain"] && std::fabs(got.certain_total - want["total_certain"].as<double>()) > 0.005) *why += label + " : total certain attendu " + want["total_certain"].Scalar() + ", obtenu " + Euros(got.certain_total) + " " + Describe(got) + "; ";
    if (want["etapes"]) {
      const YAML::Node steps = want["etapes"];
      if (steps.size() != got.steps.size()) {
        *why += label + " : " + std::to_string(steps.size()) + " étapes attendues, obtenu " + Describe(got) + "; ";
      } else {
        for (size_t i = 0; i < steps.size(); ++i) CheckStep(got.steps[i], steps[i], label + " étape " + std::to_string(i + 1), why);
      }
    }
    for (const auto& w : want["contient"]) {
      const PlanStep* found = nullptr;
      for (const PlanStep& st : got.steps) {
        if (st.aid->id == w["id"].Scalar()) found = &st;
      }
      if (!found) *why += label + " : étape " + w["id"].Scalar() + " attendue dans " + Describe(got) + "; ";
      else CheckStep(*found, w, label + " " + w["id"].Scalar(), why);
    }
    for (const auto& w : want["sans"]) {
      for (const PlanStep& st : got.steps) {
        if (st.aid->id == w.Scalar()) *why += label + " : " + w.Scalar() + " ne doit pas y figurer; ";
      }
    }
    if (want["depend_de"]) {
      std::set<std::string> expected, actual;
      for (const auto& f : want["depend_de"]) expected.insert(f.Scalar());
      for (const auto& f : got.depends_on) actual.insert(std::string(f));
      if (expected != actual) {
        std::string a;
        for (const auto& f : actual) a += " " + f;
        *why += label + " : depend_de obtenu [" + a + " ]; ";
      }
    }
  }

  void Run(const std::string& where, const YAML::Node& s) {
    const std::string name = s["nom"] ? s["nom"].Scalar() : "(sans nom)";
    std::string why;
    Source(s, &why);
    capsante::Situation situation;
    capsante::Status st = capsante::Situation::FromJson(catalog_.schema(), capsante::testing::YamlToJson(s["situation"]).dump(), &situation);
    if (st.ok()) st = catalog_.CheckSituation(situation);
    if (st.ok() && capsante::NeedsPlace(situation)) {
      if (!communes_) st = capsante::geo::CommuneIndex::Load(home_ + "/data", &communes_);
      capsante::PlaceResolution place;
      if (st.ok()) st = capsante::ResolvePlace(*communes_, &situation, &place);
    }
    if (!st.ok()) {
      Fail(where, name, "situation refusée : " + st.ToString());
      return;
    }
    capsante::PlanOptions options;
    if (s["horizon"]) options.horizon_years = s["horizon"].as<int>();
    const PlanResult result = capsante::MakePlans(catalog_, situation, options);
    const YAML::Node want = s["attendu"];
    if (result.plans.empty()) why += "aucun plan; ";
    else if (want["meilleur"]) CheckPlan(result.plans[0], want["meilleur"], "meilleur plan", &why);
    if (want["plans"]) {
      for (size_t i = 0; i < want["plans"].size(); ++i) {
        if (i >= result.plans.size()) {
          why += "plan " + std::to_string(i + 1) + " attendu, " + std::to_string(result.plans.size()) + " plans; ";
          break;
        }
        CheckPlan(result.plans[i], want["plans"][i], "plan " + std::to_string(i + 1), &why);
      }
    }
    for (const auto& w : want["aucun_plan_avec"]) {
      for (const Plan& p : result.plans) {
        for (const PlanStep& st2 : p.steps) {
          if (st2.aid->id == w.Scalar()) why += w.Scalar() + " ne doit figurer dans aucun plan : " + Describe(p) + "; ";
        }
      }
    }
    if (want["decision"]) {
      const YAML::Node d = want["decision"];
      Source(d, &why);
      bool found = false;
      for (const auto& got : result.decisions) {
        const bool gap_ok = !d["ecart"] || std::fabs(got.gap - d["ecart"].as<double>()) < 0.005;
        const bool before_ok = !d["avant"] || (got.before && got.before->ToString() == d["avant"].Scalar());
        found |= gap_ok && before_ok;
      }
      if (!found) {
        std::string all;
        for (const auto& got : result.decisions) all += " {" + Euros(got.gap) + " €, " + (got.before ? got.before->ToString() : "null") + "}";
        why += "décision attendue (écart " + (d["ecart"] ? d["ecart"].Scalar() : "?") + ", avant " + (d["avant"] ? d["avant"].Scalar() : "?") + "), obtenues :" + all + "; ";
      }
    }
    if (why.empty()) {
      ++passed_;
    } else {
      std::string plans;
      for (const Plan& p : result.plans) plans += "\n    " + Describe(p);
      Fail(where, name, why + plans);
    }
  }

  const capsante::Catalog& catalog_;
  std::string home_;
  std::unique_ptr<capsante::geo::CommuneIndex> communes_;
  int passed_ = 0;
  int failed_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::string home = CAPSANTE_DEFAULT_HOME;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--home" && i + 1 < argc) home = argv[++i];
    else inputs.push_back(a);
  }
  std::unique_ptr<capsante::Catalog> catalog;
  if (capsante::Status st = capsante::Catalog::Load(home, &catalog); !st.ok()) {
    std::cerr << "catalogue : " << st.ToString() << "\n";
    return 3;
  }
  Runner runner(*catalog, home);
  for (const auto& in : inputs) {
    std::vector<fs::path> files;
    if (fs::is_directory(in)) {
      for (const auto& e : fs::directory_iterator(in)) {
        if (e.path().extension() == ".yaml") files.push_back(e.path());
      }
    } else {
      files.push_back(in);
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) runner.RunFile(f);
  }
  std::cout << runner.passed() << " passed, " << runner.failed() << " failed\n";
  return runner.failed() == 0 && runner.passed() > 0 ? 0 : 1;
}

// Runs the declarative scenario files (tests/scenarios/*.yaml): each scenario
// is a situation and the expected result for some aids, with the source
// sentence the expectation comes from. Format: docs/catalog-format.md.
//
// Usage: scenario_runner [--home DIR] [--filter TEXT] FILE_OR_DIR...
// Prints one line per failure and ends with "N passed, M failed".
#include <cmath>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "capsante/catalog.h"
#include "capsante/engine.h"
#include "capsante/situation.h"
#include "capsante/text.h"
#include "capsante/place.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The zone fact of `field` in the result, or null.
const capsante::FactNote* FindFact(const capsante::Result& result, const std::string& field) {
  for (const auto& f : result.facts) {
    if (f.field == field) return &f;
  }
  return nullptr;
}

// YAML → JSON, keeping quoted scalars as strings and typing plain ones.
json ToJson(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null: return nullptr;
    case YAML::NodeType::Sequence: {
      json a = json::array();
      for (const auto& e : n) a.push_back(ToJson(e));
      return a;
    }
    case YAML::NodeType::Map: {
      json o = json::object();
      for (const auto& kv : n) o[kv.first.Scalar()] = ToJson(kv.second);
      return o;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() == "!") return s;  // quoted
      if (s == "null" || s == "~") return nullptr;
      if (s == "true") return true;
      if (s == "false") return false;
      char* end = nullptr;
      const long long i = std::strtoll(s.c_str(), &end, 10);
      if (!s.empty() && *end == '\0') return i;
      const double d = std::strtod(s.c_str(), &end);
      if (!s.empty() && *end == '\0') return d;
      return s;
    }
    default: return nullptr;
  }
}

struct Runner {
  const capsante::Catalog& catalog;
  std::string filter;
  std::string home;
  std::unique_ptr<capsante::geo::CommuneIndex> communes;  // loaded on the first scenario with a commune
  int passed = 0;
  int failed = 0;

  void Fail(const std::string& where, const std::string& name, const std::string& what) {
    std::cout << "ÉCHEC " << where << " « " << name << " » : " << what << "\n";
  }

  static bool Near(double a, double b) { return std::fabs(a - b) < 0.005; }

  static std::string Show(const std::optional<double>& v) {
    if (!v) return "null";
    std::ostringstream o;
    o << *v;
    return o.str();
  }

  // Compares a number expectation (number or null) with a result.
  bool CheckNumber(const YAML::Node& want, const std::optional<double>& got, std::string* why, const std::string& label) {
    json w = ToJson(want);
    if (w.is_null()) {
      if (got) *why += label + " attendu null, obtenu " + Show(got) + "; ";
      return !got;
    }
    if (!w.is_number()) {
      *why += label + " : attente non numérique; ";
      return false;
    }
    if (!got || !Near(*got, w.get<double>())) {
      *why += label + " attendu " + w.dump() + ", obtenu " + Show(got) + "; ";
      return false;
    }
    return true;
  }

  static std::set<std::string> StringSet(const YAML::Node& n) {
    std::set<std::string> s;
    if (n && n.IsSequence()) {
      for (const auto& e : n) s.insert(e.Scalar());
    }
    return s;
  }

  static std::string Join(const std::set<std::string>& s) {
    std::string out = "[";
    for (const auto& x : s) out += (out.size() > 1 ? ", " : "") + x;
    return out + "]";
  }

  const capsante::Result* result_ = nullptr;

  bool CheckAid(const capsante::AidResult& r, const YAML::Node& want, std::string* why) {
    bool ok = true;
    for (const auto& kv : want) {
      const std::string key = kv.first.Scalar();
      const YAML::Node& v = kv.second;
      if (key == "statut") {
        if (v.Scalar() != capsante::AidStatusCode(r.status)) {
          *why += std::string("statut attendu ") + v.Scalar() + ", obtenu " + capsante::AidStatusCode(r.status) + " (" + capsante::AidMessage(*result_, r) + ")";
          std::string notmet;
          for (const auto& c : r.conditions) {
            if (c.status == capsante::ConditionStatus::kNotMet) notmet += " ✗" + std::string(c.text) + (c.note.empty() ? "" : " [" + c.note + "]");
          }
          if (!notmet.empty()) *why += " — non remplies :" + notmet;
          if (!r.missing.empty()) {
            *why += " — manquants :";
            for (const auto& m : r.missing) *why += " " + std::string(m);
          }
          *why += "; ";
          ok = false;
        }
      } else if (key == "total") {
        ok &= CheckNumber(v, r.amount.total, why, "total");
      } else if (key == "par_periode") {
        ok &= CheckNumber(v, r.amount.per_period, why, "par_periode");
      } else if (key == "plafond_par_periode") {
        ok &= CheckNumber(v, r.amount.cap_per_period, why, "plafond_par_periode");
      } else if (key == "taux") {
        ok &= CheckNumber(v, r.amount.rate, why, "taux");
      } else if (key == "non_chiffre") {
        const bool want_nc = v.Scalar() == "true";
        if (want_nc == r.amount.quantified) {
          *why += "non_chiffre attendu " + v.Scalar() + "; ";
          ok = false;
        }
      } else if (key == "manquants" || key == "bloquee_par" || key == "majorations_possibles") {
        std::set<std::string> got;
        const auto& src = key == "manquants" ? r.missing : key == "bloquee_par" ? r.blocked_by : r.amount.possible_bonuses;
        for (const auto& x : src) got.insert(std::string(x));
        const std::set<std::string> expected = StringSet(v);
        if (got != expected) {
          *why += key + " attendus " + Join(expected) + ", obtenus " + Join(got) + "; ";
          ok = false;
        }
      } else if (key == "non_remplies" || key == "inconnues") {
        const auto wanted = key == "non_remplies" ? capsante::ConditionStatus::kNotMet : capsante::ConditionStatus::kUnknown;
        std::set<std::string> got;
        for (const auto& c : r.conditions) {
          if (c.status == wanted) got.insert(std::string(c.text));
        }
        for (const auto& text : StringSet(v)) {
          if (!got.count(text)) {
            *why += "condition non remplie attendue « " + text + " », non remplies : " + Join(got) + "; ";
            ok = false;
          }
        }
      } else if (key == "echeancier") {
        const auto& got = r.amount.schedule;
        if (!v.IsSequence() || v.size() != got.size()) {
          *why += "échéancier : " + std::to_string(v.IsSequence() ? v.size() : 0) + " versements attendus, " + std::to_string(got.size()) + " obtenus; ";
          ok = false;
          continue;
        }
        for (size_t i = 0; i < got.size(); ++i) {
          const YAML::Node& p = v[i];
          if (p["date"]) {
            const std::string want_date = p["date"].IsNull() ? "null" : p["date"].Scalar();
            const std::string got_date = got[i].date ? got[i].date->ToString() : "null";
            if (want_date != got_date) {
              *why += "versement " + std::to_string(i + 1) + " : date attendue " + want_date + ", obtenue " + got_date + "; ";
              ok = false;
            }
          }
          if (p["montant"]) ok &= CheckNumber(p["montant"], got[i].amount, why, "versement " + std::to_string(i + 1));
        }
      } else if (key == "en_cours") {
        const bool want_running = !(v.IsScalar() && v.Scalar() == "false");
        if (want_running != r.running.has_value()) {
          *why += std::string("en_cours attendu ") + (want_running ? "oui" : "non") + "; ";
          ok = false;
        } else if (want_running && v.IsMap()) {
          const bool want_renewed = v["date_fin"] && v["date_fin"].IsNull();
          if (v["date_fin"] && want_renewed != r.running->renewed) {
            *why += std::string("en_cours : reconduction tacite attendue ") + (want_renewed ? "oui" : "non") + "; ";
            ok = false;
          } else if (v["date_fin"] && !want_renewed && v["date_fin"].Scalar() != r.running->end.ToString()) {
            *why += "en_cours.date_fin attendue " + v["date_fin"].Scalar() + ", obtenue " + r.running->end.ToString() + "; ";
            ok = false;
          }
          if (v["versements_restants"] && v["versements_restants"].as<size_t>() != r.running->remaining.size()) {
            *why += "versements restants attendus " + v["versements_restants"].Scalar() + ", obtenus " + std::to_string(r.running->remaining.size()) + "; ";
            ok = false;
          }
        }
      } else if (key == "possible_a_partir_du") {
        const std::string got = r.possible_from ? r.possible_from->ToString() : "null";
        const std::string want = v.IsNull() ? "null" : v.Scalar();
        if (got != want) {
          *why += "possible_a_partir_du attendu " + want + ", obtenu " + got + "; ";
          ok = false;
        }
      } else if (key == "source_non_officielle") {
        const bool want = v.Scalar() == "true";
        if (want != !r.amount.unofficial.empty()) {
          *why += std::string("montant issu d'une source non officielle attendu ") + (want ? "oui" : "non") + "; ";
          ok = false;
        }
      } else if (key == "contact") {
        const std::string got = r.contact.entry ? r.contact.entry->name + " " + r.contact.entry->email : "";
        if (got.find(v.Scalar()) == std::string::npos) {
          *why += "contact attendu « " + v.Scalar() + " », obtenu « " + got + " »; ";
          ok = false;
        }
      } else if (key == "pour_devenir_eligible") {
        std::set<std::string> got;
        for (const auto* c : r.one_fact_away) got.insert(std::string(c->text));
        if (got != StringSet(v)) {
          *why += "pour_devenir_eligible attendu " + Join(StringSet(v)) + ", obtenu " + Join(got) + "; ";
          ok = false;
        }
      } else {
        *why += "clé d'attente inconnue « " + key + " »; ";
        ok = false;
      }
    }
    if (!r.error.empty()) {
      *why += "erreur d'évaluation : " + r.error + "; ";
      ok = false;
    }
    return ok;
  }

  void RunScenario(const std::string& where, const YAML::Node& s) {
    const std::string name = s["nom"] ? s["nom"].Scalar() : "(sans nom)";
    if (!filter.empty() && name.find(filter) == std::string::npos && where.find(filter) == std::string::npos) return;
    std::string why;
    bool ok = true;
    // Every scenario names the source sentence its expectation comes from.
    const YAML::Node src = s["source"];
    if (!src || !src["extrait"] || (!src["document"] && !src["url"])) {
      why += "source manquante (document + extrait); ";
      ok = false;
    } else if (src["document"]) {
      const std::string* doc = catalog.SourceText(src["document"].Scalar());
      if (!doc) {
        why += "document inconnu " + src["document"].Scalar() + "; ";
        ok = false;
      } else if (capsante::text::FoldSpace(*doc).find(capsante::text::FoldSpace(src["extrait"].Scalar())) == std::string::npos) {
        why += "extrait introuvable dans " + src["document"].Scalar() + "; ";
        ok = false;
      }
    }
    const std::string situation_text = ToJson(s["situation"]).dump();
    capsante::Situation situation;
    capsante::Status st = capsante::Situation::FromJson(catalog.schema(), situation_text, &situation);
    if (st.ok()) st = catalog.CheckSituation(situation);
    capsante::PlaceResolution place;
    if (st.ok() && capsante::NeedsPlace(situation)) {
      if (!communes) {
        capsante::Status load = capsante::geo::CommuneIndex::Load(home + "/data", &communes);
        if (!load.ok()) {
          ++failed;
          Fail(where, name, "données des communes illisibles : " + load.message());
          return;
        }
      }
      st = capsante::ResolvePlace(*communes, &situation, &place);
    }
    if (s["erreur"]) {
      // An invalid situation: the expected field must be named.
      const std::string want_field = s["erreur"]["champ"] ? s["erreur"]["champ"].Scalar() : "";
      if (st.ok()) {
        why += "erreur attendue sur « " + want_field + " », la situation a été acceptée; ";
        ok = false;
      } else if (st.field() != want_field) {
        why += "erreur attendue sur « " + want_field + " », obtenue sur « " + st.field() + " » (" + st.message() + "); ";
        ok = false;
      }
    } else if (!st.ok()) {
      why += "situation refusée : " + st.ToString() + "; ";
      ok = false;
    } else {
      capsante::Result result = capsante::Evaluate(catalog, situation);
      capsante::ApplyPlace(place, &result);
      result_ = &result;
      // Zone facts that came from the commune: `faits: {zonage.medecin: ZIP, zonage.qpv: null}`
      // (null: unknown for the commune).
      if (const YAML::Node facts = s["faits"]) {
        for (const auto& kv : facts) {
          const std::string field = kv.first.Scalar();
          const std::string want = kv.second.IsNull() ? "" : kv.second.Scalar();
          const capsante::FactNote* got = FindFact(result, field);
          if (!got) {
            why += "fait « " + field + " » absent du résultat; ";
            ok = false;
          } else if (got->value != want) {
            why += "fait « " + field + " » attendu « " + want + " », obtenu « " + got->value + " » (" + got->origin + "); ";
            ok = false;
          }
        }
      }
      // Zone facts to be confirmed (a newer decree whose values are not
      // imported): `faits_a_confirmer: {zonage.medecin: ZIP}` names the
      // previous decree's value, given for information only.
      if (const YAML::Node pending = s["faits_a_confirmer"]) {
        for (const auto& kv : pending) {
          const std::string field = kv.first.Scalar();
          const std::string want = kv.second.IsNull() ? "" : kv.second.Scalar();
          const capsante::FactNote* got = FindFact(result, field);
          if (!got || !got->unconfirmed || !got->value.empty() || got->previous_value != want) {
            why += "fait « " + field + " » attendu à confirmer (précédent « " + want + " »), obtenu « " +
                   (got ? got->value + " » / précédent « " + got->previous_value + " » (" + got->origin + ")" : "absent »") + "; ";
            ok = false;
          }
        }
      }
      if (const YAML::Node code = s["commune_resolue"]) {
        const std::string got = result.commune ? result.commune->code : "";
        if (got != code.Scalar()) {
          why += "commune résolue attendue " + code.Scalar() + ", obtenue « " + got + " »; ";
          ok = false;
        }
      }
      const YAML::Node expected = s["attendu"];
      if (!expected || !expected.IsMap() || expected.size() == 0) {
        why += "aucune attente (« attendu »); ";
        ok = false;
      } else {
        for (const auto& kv : expected) {
          const std::string id = kv.first.Scalar();
          const capsante::AidResult* r = nullptr;
          for (const auto& a : result.aids) {
            if (a.aid->id == id) r = &a;
          }
          if (!r) {
            why += "aide inconnue « " + id + " »; ";
            ok = false;
            continue;
          }
          std::string aid_why;
          if (!CheckAid(*r, kv.second, &aid_why)) {
            why += id + " : " + aid_why;
            ok = false;
          }
        }
      }
    }
    if (ok) {
      ++passed;
    } else {
      ++failed;
      Fail(where, name, why);
    }
  }

  void RunFile(const std::string& path) {
    YAML::Node root;
    try {
      root = YAML::LoadFile(path);
    } catch (const YAML::Exception& e) {
      ++failed;
      std::cout << "ÉCHEC " << path << ":" << e.mark.line + 1 << " : YAML invalide : " << e.msg << "\n";
      return;
    }
    if (!root.IsSequence()) {
      ++failed;
      std::cout << "ÉCHEC " << path << " : le fichier doit être une liste de scénarios\n";
      return;
    }
    for (const auto& s : root) {
      RunScenario(path + ":" + std::to_string(s.Mark().line + 1), s);
    }
  }
};

}  // namespace

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
  Runner runner{*catalog, filter, home};
  std::vector<std::string> files;
  for (const auto& in : inputs) {
    if (fs::is_directory(in)) {
      for (const auto& e : fs::directory_iterator(in)) {
        if (e.path().extension() == ".yaml") files.push_back(e.path().string());
      }
    } else {
      files.push_back(in);
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) runner.RunFile(f);
  std::cout << "scenarios: " << runner.passed << " passed, " << runner.failed << " failed\n";
  return runner.failed == 0 && runner.passed > 0 ? 0 : 1;
}

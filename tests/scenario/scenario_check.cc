#include "scenario/scenario_check.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "capsante/engine.h"
#include "capsante/place.h"
#include "capsante/situation.h"
#include "capsante/text.h"
#include "catalog/quoted_facts.h"
#include "yaml_source.h"

namespace capsante::scenario {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::YamlToJson;

// The zone fact of `field` in the result, or null.
const FactNote* FindFact(const Result& result, const std::string& field) {
  for (const auto& f : result.facts) {
    if (f.field == field) return &f;
  }
  return nullptr;
}

bool Near(double a, double b) { return std::fabs(a - b) < 0.005; }

std::string Show(const std::optional<double>& v) {
    if (!v) return "null";
    std::ostringstream o;
    o << *v;
    return o.str();
  }

  // Compares a number expectation (number or null) with a result.
bool CheckNumber(const YAML::Node& want, const std::optional<double>& got, std::string* why, const std::string& label) {
    json w = YamlToJson(want);
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

std::set<std::string> StringSet(const YAML::Node& n) {
    std::set<std::string> s;
    if (n && n.IsSequence()) {
      for (const auto& e : n) s.insert(e.Scalar());
    }
    return s;
  }

std::string Join(const std::set<std::string>& s) {
    std::string out = "[";
    for (const auto& x : s) out += (out.size() > 1 ? ", " : "") + x;
    return out + "]";
  }



// The keys each level of a scenario may hold; anything else is a typo that
// would silently check nothing.
const std::set<std::string> kScenarioKeys = {"nom",    "source", "situation",      "attendu",
                                             "erreur", "faits",  "commune_resolue", "concernees", "faits_a_confirmer",
                                             "pour_chaque"};
const std::set<std::string> kSourceKeys = {"document", "url", "extrait", "lu_le"};
const std::set<std::string> kAidKeys = {"statut",       "total",      "par_periode", "plafond_par_periode",   "taux",
                                        "non_chiffre",  "manquants",  "bloquee_par", "majorations_possibles", "non_remplies",
                                        "inconnues",    "echeancier", "en_cours",    "contact",               "pour_devenir_eligible",
                                        "possible_a_partir_du", "source_non_officielle", "parametres", "duree_mois"};
const std::set<std::string> kParameterKeys = {"valeur", "depuis"};
const std::set<std::string> kPaymentKeys = {"date", "montant"};
const std::set<std::string> kRunningKeys = {"date_fin", "versements_restants"};
const std::set<std::string> kErrorKeys = {"champ"};
const std::set<std::string> kEachKeys = {"champ", "valeurs", "sauf"};

bool KnownKeys(const YAML::Node& n, const std::set<std::string>& allowed, const std::string& level, std::string* why) {
  if (!n || !n.IsMap()) return true;
  bool ok = true;
  for (const auto& kv : n) {
    const std::string key = kv.first.Scalar();
    if (!allowed.count(key)) {
      *why += "clé inconnue « " + key + " » dans " + level + "; ";
      ok = false;
    }
  }
  return ok;
}

// "versé en 5 fois", "en deux versements", "3 versements": the number of
// payments a quote states, 0 when none.
int QuotedPaymentCount(const std::string& quote) {
  static const std::regex kCount(
      R"((en|sur) (\d+|deux|trois|quatre|cinq|six|dix) (fois|versements|échéances)|(\d+|deux|trois|quatre|cinq|six|dix) versements)");
  static const std::map<std::string, int> kWords = {{"deux", 2}, {"trois", 3}, {"quatre", 4}, {"cinq", 5}, {"six", 6}, {"dix", 10}};
  std::smatch m;
  if (!std::regex_search(quote, m, kCount)) return 0;
  const std::string n = m[2].matched ? m[2].str() : m[4].str();
  auto it = kWords.find(n);
  return it != kWords.end() ? it->second : std::atoi(n.c_str());
}

// "jusqu'au 31 décembre 2025": the last day a quote gives, if it says one.
std::optional<Date> QuotedLastDay(const std::string& quote) {
  static const std::regex kUntil(R"(jusqu['’](au|à la fin|en|à fin|à) ([^,;.]{4,40}))");
  std::smatch m;
  if (!std::regex_search(quote, m, kUntil)) return std::nullopt;
  internal::QuotedFacts facts(m[2].str());
  // The latest date read in the phrase: "décembre 2025" stands for the 31st.
  std::optional<Date> last;
  for (const Date& d : facts.dates()) {
    if (!last || *last < d) last = d;
  }
  return last;
}

}  // namespace

bool CheckScenarioShape(const YAML::Node& s, std::string* why) {
  bool ok = KnownKeys(s, kScenarioKeys, "le scénario", why);
  const YAML::Node src = s["source"];
  ok &= KnownKeys(src, kSourceKeys, "« source »", why);
  ok &= KnownKeys(s["erreur"], kErrorKeys, "« erreur »", why);
  if (const YAML::Node each = s["pour_chaque"]) {
    ok &= KnownKeys(each, kEachKeys, "« pour_chaque »", why);
    const bool listed = each.IsMap() && each["valeurs"] && each["valeurs"].IsSequence() && each["valeurs"].size() > 0;
    const bool all_but = each.IsMap() && each["sauf"] && each["sauf"].IsSequence();
    if (!each.IsMap() || !each["champ"] || listed == all_but) {
      *why += "« pour_chaque » nomme un champ (« champ ») et soit les valeurs essayées (« valeurs »), soit celles à ne pas essayer (« sauf »); ";
      ok = false;
    }
  }
  const std::string quote = src && src["extrait"] ? src["extrait"].Scalar() : "";
  const int quoted_payments = QuotedPaymentCount(quote);
  const std::optional<Date> quoted_last_day = QuotedLastDay(quote);
  std::optional<Date> date;
  if (s["situation"] && s["situation"]["date"]) date = Date::Parse(s["situation"]["date"].Scalar());
  const YAML::Node expected = s["attendu"];
  if (!expected || !expected.IsMap()) return ok;
  for (const auto& kv : expected) {
    const std::string id = kv.first.Scalar();
    const YAML::Node& want = kv.second;
    if (!want.IsMap()) {
      *why += id + " : l'attente est un dictionnaire; ";
      ok = false;
      continue;
    }
    ok &= KnownKeys(want, kAidKeys, "l'attente de " + id, why);
    if (want["echeancier"] && want["echeancier"].IsSequence()) {
      for (const auto& p : want["echeancier"]) ok &= KnownKeys(p, kPaymentKeys, "un versement attendu de " + id, why);
      const int n = static_cast<int>(want["echeancier"].size());
      if (quoted_payments > 0 && n > 0 && n != quoted_payments) {
        *why += id + " : " + std::to_string(n) + " versements attendus, mais l'extrait cité en annonce " + std::to_string(quoted_payments) + "; ";
        ok = false;
      }
    }
    if (want["parametres"] && want["parametres"].IsMap()) {
      for (const auto& p : want["parametres"]) ok &= KnownKeys(p.second, kParameterKeys, "un paramètre attendu de " + id, why);
    }
    if (want["en_cours"] && want["en_cours"].IsMap()) ok &= KnownKeys(want["en_cours"], kRunningKeys, "« en_cours » de " + id, why);
    const std::string status = want["statut"] ? want["statut"].Scalar() : "";
    if (status == "non_eligible") {
      const bool named = (want["non_remplies"] && want["non_remplies"].size() > 0) || (want["bloquee_par"] && want["bloquee_par"].size() > 0);
      if (!named) {
        *why += id + " : une attente non_eligible nomme la condition décisive (« non_remplies ») ou le contrat qui bloque (« bloquee_par »); ";
        ok = false;
      }
    }
    if (status == "eligible" && date && quoted_last_day && *quoted_last_day < *date) {
      *why += id + " : éligible attendu le " + date->ToFrench() + ", mais l'extrait cité s'arrête au " + quoted_last_day->ToFrench() + "; ";
      ok = false;
    }
  }
  return ok;
}

std::vector<ScenarioFile> ReadScenarioFiles(const std::vector<std::string>& inputs, std::vector<std::string>* errors) {
  std::vector<std::string> paths;
  for (const auto& in : inputs) {
    if (fs::is_directory(in)) {
      // Sub-folders too: tests/scenarios/bornes/ holds the boundary scenarios.
      for (const auto& e : fs::recursive_directory_iterator(in)) {
        if (e.path().extension() == ".yaml") paths.push_back(e.path().string());
      }
    } else {
      paths.push_back(in);
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<ScenarioFile> files;
  for (const auto& path : paths) {
    ScenarioFile f{path, {}};
    try {
      f.root = YAML::LoadFile(path);
    } catch (const YAML::Exception& e) {
      errors->push_back(path + ":" + std::to_string(e.mark.line + 1) + " : YAML invalide : " + e.msg);
      continue;
    }
    if (!f.root.IsSequence()) {
      errors->push_back(path + " : le fichier doit être une liste de scénarios");
      continue;
    }
    files.push_back(std::move(f));
  }
  return files;
}

std::string ScenarioWhere(const ScenarioFile& f, const YAML::Node& scenario) {
  return f.path + ":" + std::to_string(scenario.Mark().line + 1);
}

bool ScenarioChecker::CheckAid(const AidResult& r, const YAML::Node& want, const Result& result, std::string* why) {
    bool ok = true;
    for (const auto& kv : want) {
      const std::string key = kv.first.Scalar();
      const YAML::Node& v = kv.second;
      if (key == "statut") {
        if (v.Scalar() != AidStatusCode(r.status)) {
          *why += std::string("statut attendu ") + v.Scalar() + ", obtenu " + AidStatusCode(r.status) + " (" + AidMessage(result, r) + ")";
          std::string notmet;
          for (const auto& c : r.conditions) {
            if (c.status == ConditionStatus::kNotMet) notmet += " ✗" + std::string(c.text) + (c.note.empty() ? "" : " [" + c.note + "]");
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
        const auto wanted = key == "non_remplies" ? ConditionStatus::kNotMet : ConditionStatus::kUnknown;
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
      } else if (key == "duree_mois") {
        // The contract's length the answer states (JSON `duree_mois`).
        if (v.as<int>(-1) != r.aid->duration_months) {
          *why += "duree_mois attendue " + v.Scalar() + ", obtenue " + std::to_string(r.aid->duration_months) + "; ";
          ok = false;
        }
      } else if (key == "parametres") {
        // `parametres: {taux: {valeur: 0.1, depuis: 2026-01-01}}`: the value of
        // an amount's parameter in force on the date, and since when.
        for (const auto& p : v) {
          const std::string name = p.first.Scalar();
          const ParameterUse* use = nullptr;
          for (const auto& u : r.amount.parameters) {
            if (u.parameter->name == name) use = &u;
          }
          if (!use) {
            *why += "paramètre « " + name + " » absent du montant; ";
            ok = false;
            continue;
          }
          if (p.second["valeur"]) ok &= CheckNumber(p.second["valeur"], use->value->value, why, "paramètre " + name);
          if (p.second["depuis"]) {
            const std::string want_since = p.second["depuis"].IsNull() ? "null" : p.second["depuis"].Scalar();
            const std::string got_since = use->value->since ? use->value->since->ToString() : "null";
            if (want_since != got_since) {
              *why += "paramètre " + name + " : en vigueur depuis " + want_since + " attendu, obtenu " + got_since + "; ";
              ok = false;
            }
          }
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


namespace {

// Sets `path` ("zonage.medecin") in a situation, creating the objects on the way.
void SetPath(json* situation, const std::string& path, const json& value) {
  json* at = situation;
  size_t start = 0;
  for (size_t dot = path.find('.'); dot != std::string::npos; dot = path.find('.', start)) {
    json& next = (*at)[path.substr(start, dot - start)];
    if (!next.is_object()) next = json::object();
    at = &next;
    start = dot + 1;
  }
  (*at)[path.substr(start)] = value;
}

// The values `pour_chaque` tries: the listed `valeurs`, or every value of
// the field's enum (true and false for a yes/no field) but the `sauf` ones.
// Empty with *why filled when the field or a named value does not exist.
std::vector<json> EachValues(const SituationSchema& schema, const YAML::Node& each, std::string* why) {
  const std::string field = each["champ"].Scalar();
  const FieldSpec* spec = schema.Find(field);
  if (!spec || !spec->is_scalar()) {
    *why += "pour_chaque : champ inconnu « " + field + " »; ";
    return {};
  }
  std::vector<json> all;
  if (spec->type == FieldType::kEnum) {
    for (const auto& v : spec->values) all.push_back(v);
  } else if (spec->type == FieldType::kBool) {
    all = {true, false};
  }
  auto member = [&](const json& v) { return std::find(all.begin(), all.end(), v) != all.end(); };
  std::vector<json> out;
  if (each["valeurs"]) {
    for (const auto& v : each["valeurs"]) {
      json value = spec->type == FieldType::kEnum ? json(v.Scalar()) : YamlToJson(v);
      if (!all.empty() && !member(value)) {
        *why += "pour_chaque : « " + value.dump() + " » n'est pas une valeur de « " + field + " »; ";
        return {};
      }
      out.push_back(value);
    }
    return out;
  }
  if (all.empty()) {
    *why += "pour_chaque : « sauf » demande un champ à liste de valeurs, « " + field + " » n'en a pas; ";
    return {};
  }
  std::vector<json> skipped;
  for (const auto& v : each["sauf"]) {
    json value = spec->type == FieldType::kEnum ? json(v.Scalar()) : YamlToJson(v);
    if (!member(value)) {
      *why += "pour_chaque : « " + value.dump() + " » n'est pas une valeur de « " + field + " »; ";
      return {};
    }
    skipped.push_back(value);
  }
  for (const auto& v : all) {
    if (std::find(skipped.begin(), skipped.end(), v) == skipped.end()) out.push_back(v);
  }
  if (out.empty()) *why += "pour_chaque : aucune valeur à essayer; ";
  return out;
}

}  // namespace

bool ScenarioChecker::Check(const YAML::Node& s, std::string* why) {
  bool ok = true;
  // Every scenario names the source sentence its expectation comes from.
  if (const std::string bad = testing::CheckSource(catalog_, s["source"]); !bad.empty()) {
    *why += bad + "; ";
    ok = false;
  }
  const json base = YamlToJson(s["situation"]);
  const YAML::Node each = s["pour_chaque"];
  if (!each) return CheckSituation(s, base.dump(), why) && ok;
  if (!each.IsMap() || !each["champ"]) {
    *why += "pour_chaque sans « champ »; ";
    return false;
  }
  // One case per value, each evaluated and checked on its own; a failure
  // names the value.
  const std::string field = each["champ"].Scalar();
  const std::vector<json> values = EachValues(catalog_.schema(), each, why);
  if (values.empty()) return false;
  for (const json& value : values) {
    json situation = base.is_object() ? base : json::object();
    SetPath(&situation, field, value);
    std::string one;
    if (!CheckSituation(s, situation.dump(), &one)) {
      *why += "avec " + field + " = " + (value.is_string() ? value.get<std::string>() : value.dump()) + " : " + one;
      ok = false;
    }
  }
  return ok;
}

bool ScenarioChecker::CheckSituation(const YAML::Node& s, const std::string& situation_text, std::string* why_out) {
    std::string& why = *why_out;
    bool ok = true;
    Situation situation;
    Status st = Situation::FromJson(catalog_.schema(), situation_text, &situation);
    if (st.ok()) st = catalog_.CheckSituation(situation);
    PlaceResolution place;
    if (st.ok() && NeedsPlace(situation)) {
      if (!*communes_) {
        Status load = geo::CommuneIndex::Load(home_ + "/data", communes_);
        if (!load.ok()) {
          why += "données des communes illisibles : " + load.message() + "; ";
          return false;
        }
      }
      st = ResolvePlace(**communes_, &situation, &place);
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
      Result result = Evaluate(catalog_, situation);
      ApplyPlace(place, &result);
      // The table people read names fields and values in words.
      if (check_tables_) {
        for (const std::string& raw : raw_names_.In(ToTable(result))) {
          why += "le tableau montre le nom interne « " + raw + " »; ";
          ok = false;
        }
      }
      // Zone facts that came from the commune: `faits: {zonage.medecin: ZIP, zonage.qpv: null}`
      // (null: unknown for the commune).
      if (const YAML::Node facts = s["faits"]) {
        for (const auto& kv : facts) {
          const std::string field = kv.first.Scalar();
          const std::string want = kv.second.IsNull() ? "" : kv.second.Scalar();
          const FactNote* got = FindFact(result, field);
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
          const FactNote* got = FindFact(result, field);
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
      // `concernees: [ids]`: exactly these aids pass their profession (or
      // structure) gate; every other aid is non_eligible by its gate.
      if (const YAML::Node gate = s["concernees"]) {
        std::set<std::string> listed;
        for (const auto& id : gate) {
          listed.insert(id.Scalar());
          if (!catalog_.FindAid(id.Scalar())) {
            why += "concernees : aide inconnue « " + id.Scalar() + " »; ";
            ok = false;
          }
        }
        for (const auto& a : result.aids) {
          bool gated_out = false;
          for (const auto& c : a.conditions) {
            const std::string_view text = c.text;
            if (c.status == ConditionStatus::kNotMet &&
                (text.starts_with("Profession concernée") || text.starts_with("Demande présentée par une structure"))) {
              gated_out = true;
            }
          }
          const bool want_in = listed.count(a.aid->id) > 0;
          if (want_in == gated_out || (!want_in && a.status != AidStatus::kNotEligible)) {
            why += a.aid->id + (want_in ? " : devrait concerner cette situation (profession ou structure); "
                                        : " : ne devrait pas concerner cette situation (profession ou structure); ");
            ok = false;
          }
        }
      }
      const YAML::Node expected = s["attendu"];
      if ((!expected || !expected.IsMap() || expected.size() == 0) && !s["concernees"]) {
        why += "aucune attente (« attendu »); ";
        ok = false;
      } else {
        for (const auto& kv : expected) {
          const std::string id = kv.first.Scalar();
          const AidResult* r = nullptr;
          for (const auto& a : result.aids) {
            if (a.aid->id == id) r = &a;
          }
          if (!r) {
            why += "aide inconnue « " + id + " »; ";
            ok = false;
            continue;
          }
          std::string aid_why;
          if (!CheckAid(*r, kv.second, result, &aid_why)) {
            why += id + " : " + aid_why;
            ok = false;
          }
        }
      }
    }
    return ok;
  }

}  // namespace capsante::scenario

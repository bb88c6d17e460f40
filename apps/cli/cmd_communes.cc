// capsante communes QUERY [--limit N] [--json] [--date D] [--profession P]
//
// Finds communes by name, postal code or INSEE code and prints, for each,
// its département, postal codes, population, territory indicators and zone
// facts at the date (with each layer's vintage), for every profession with a
// zoning or only the one given. French output; JSON with --json.
#include <CLI/CLI.hpp>

#include <charconv>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "capsante/date.h"
#include "capsante/geo.h"
#include "capsante/status.h"
#include "common.h"

namespace capsante::cli {

namespace {

struct CommunesOptions {
  std::string query;
  std::string limit = "10";  // parsed by Run for a French error message
  bool json = false;
  std::string date;
  std::string profession;
  bool history = false;
};

// Situation profession values (catalog/situation.yaml) and their labels.
struct ProfessionName {
  const char* value;
  const char* label;
};
constexpr ProfessionName kProfessions[] = {
    {"medecin", "médecins"},
    {"chirurgien_dentiste", "chirurgiens-dentistes"},
    {"infirmier", "infirmiers"},
    {"masseur_kinesitherapeute", "masseurs-kinésithérapeutes"},
    {"sage_femme", "sages-femmes"},
    {"orthophoniste", "orthophonistes"},
    {"pedicure_podologue", "pédicures-podologues"},
    {"etudiant_medecine", "étudiants en médecine"},
    {"etudiant_odontologie", "étudiants en odontologie"},
};

const char* ProfessionLabel(std::string_view p) {
  for (const auto& n : kProfessions) if (p == n.value) return n.label;
  return "";
}

std::string ValueLabel(std::string_view v) {
  if (v == "hors_zone") return "hors zone";
  if (v == "tres_sous_dotee") return "très sous-dotée";
  if (v == "sous_dotee") return "sous-dotée";
  if (v == "sous_dense") return "sous-dense";
  if (v == "intermediaire") return "intermédiaire";
  if (v == "tres_dotee") return "très dotée";
  if (v == "sur_dotee") return "sur-dotée";
  if (v == "non_prioritaire") return "non prioritaire";
  if (v == "true") return "oui";
  if (v == "false") return "non";
  return std::string(v);
}

std::string FieldLabel(const geo::PlaceFact& f, std::string_view profession) {
  if (f.field == "zonage.medecin") return "médecins";
  if (f.field == "zonage.profession") return ProfessionLabel(profession);
  if (f.field == "zonage.qpv") return "QPV";
  if (f.field == "zonage.frr") return "FRR";
  if (f.field == "zonage.zrr") return "ZRR";
  if (f.field == "zonage.zfu") return "ZFU-TE";
  if (f.field == "zonage.montagne") return "montagne";
  if (f.field == "zonage.region") return "région";
  if (f.field == "zonage.departement") return "département";
  return f.field;
}

// "42963" -> "42 963" (French thousands separator).
std::string Thousands(int64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), " ");
  return s;
}

// The facts of one place: the common ones (profession-independent) and the
// zonage.profession fact per profession asked for.
struct PlaceFacts {
  std::vector<geo::PlaceFact> common;
  std::vector<std::pair<std::string, geo::PlaceFact>> by_profession;
};

PlaceFacts Collect(const geo::CommuneIndex& index, const geo::Commune& c, Date date,
                   const std::string& profession) {
  PlaceFacts out;
  for (geo::PlaceFact& f : index.FactsFor(c, date, profession)) {
    if (f.field == "zonage.profession") out.by_profession.emplace_back(profession, std::move(f));
    else out.common.push_back(std::move(f));
  }
  if (profession.empty()) {
    for (const auto& p : kProfessions) {
      if (!geo::ProfessionHasZoning(p.value)) continue;
      for (geo::PlaceFact& f : index.FactsFor(c, date, p.value)) {
        if (f.field == "zonage.profession") out.by_profession.emplace_back(p.value, std::move(f));
      }
    }
  }
  return out;
}

std::string FactText(const geo::PlaceFact& f) {
  std::string v = f.known ? ValueLabel(f.value) : f.possible || f.unconfirmed ? "à confirmer" : "inconnu";
  return v + " — " + f.note;
}

void PrintText(const geo::CommuneIndex& index, const std::vector<geo::SearchHit>& hits, Date date,
               const std::string& profession) {
  for (size_t h = 0; h < hits.size(); ++h) {
    const geo::Commune& c = *hits[h].commune;
    if (h > 0) std::printf("\n");
    std::string kind;
    if (c.kind != geo::CommuneKind::kCommune) {
      const geo::Commune* p = index.Parent(c);
      const char* what = c.kind == geo::CommuneKind::kArrondissement ? "arrondissement de"
                         : c.kind == geo::CommuneKind::kDeleguee    ? "commune déléguée de"
                                                                    : "commune associée de";
      kind = std::string(" (") + what + " " + (p ? p->name + " " + p->code : c.parent_code) + ")";
    }
    std::printf("%s  %s%s — %s (%s), %s\n", c.code.c_str(), c.name.c_str(), kind.c_str(),
                index.DepartementName(c.departement).c_str(), c.departement.c_str(),
                index.RegionName(c.region).c_str());
    if (!hits[h].note.empty()) std::printf("  note : %s\n", hits[h].note.c_str());
    std::string cps;
    for (const std::string& cp : c.postal_codes) cps += (cps.empty() ? "" : ", ") + cp;
    std::printf("  codes postaux : %s · population : %s\n", cps.empty() ? "—" : cps.c_str(),
                c.population >= 0 ? Thousands(c.population).c_str() : "inconnue");
    const geo::Territory t = index.TerritoryFor(c);
    std::printf("  densité : %s · FRR : %s · massif : %s\n",
                t.density_label.empty() ? "inconnue" : t.density_label.c_str(),
                t.frr_class.empty() ? "inconnu" : t.frr_class.c_str(),
                t.massif.empty() ? "aucun" : t.massif.c_str());
    const PlaceFacts facts = Collect(index, c, date, profession);
    std::printf("  zonages au %s :\n", date.ToFrench().c_str());
    for (const geo::PlaceFact& f : facts.common) {
      if (f.field == "zonage.medecin") std::printf("    %s : %s\n", FieldLabel(f, "").c_str(), FactText(f).c_str());
    }
    for (const auto& [p, f] : facts.by_profession) {
      std::printf("    %s : %s\n", FieldLabel(f, p).c_str(), FactText(f).c_str());
    }
    for (const geo::PlaceFact& f : facts.common) {
      if (f.field == "zonage.medecin" || f.field == "zonage.region" || f.field == "zonage.departement") continue;
      std::printf("    %s : %s\n", FieldLabel(f, "").c_str(), FactText(f).c_str());
    }
  }
}

nlohmann::json FactJson(const geo::PlaceFact& f) {
  nlohmann::json j = {{"champ", f.field},     {"valeur", f.known ? nlohmann::json(f.value) : nlohmann::json(nullptr)},
                      {"connu", f.known},     {"possible", f.possible},
                      {"couche", f.layer},    {"note", f.note}};
  if (f.decree) j["arrete"] = geo::DecreeLabel(*f.decree);
  if (f.unconfirmed) {
    j["a_confirmer"] = true;
    j["valeur_precedente"] = f.previous_value.empty() ? nlohmann::json(nullptr) : nlohmann::json(f.previous_value);
  }
  return j;
}

void PrintJson(const geo::CommuneIndex& index, const CommunesOptions& o,
               const std::vector<geo::SearchHit>& hits, Date date) {
  nlohmann::json out;
  out["requete"] = o.query;
  out["date"] = date.ToString();
  out["communes"] = nlohmann::json::array();
  for (const geo::SearchHit& h : hits) {
    const geo::Commune& c = *h.commune;
    nlohmann::json j;
    j["code"] = c.code;
    j["nom"] = c.name;
    j["type"] = geo::CommuneKindCode(c.kind);
    j["rattachement"] = c.parent_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.parent_code);
    j["correspondance"] = geo::MatchCode(h.match);
    if (!h.note.empty()) j["note"] = h.note;
    j["departement"] = {{"code", c.departement}, {"nom", index.DepartementName(c.departement)}};
    j["region"] = {{"code", c.region}, {"nom", index.RegionName(c.region)}};
    j["codes_postaux"] = c.postal_codes;
    j["population"] = c.population >= 0 ? nlohmann::json(c.population) : nlohmann::json(nullptr);
    j["coordonnees"] = c.has_coordinates
                           ? nlohmann::json{{"latitude", c.latitude}, {"longitude", c.longitude}}
                           : nlohmann::json(nullptr);
    const geo::Territory t = index.TerritoryFor(c);
    j["territoire"] = {{"densite", t.density_level.empty() ? nlohmann::json(nullptr) : nlohmann::json(t.density_level)},
                       {"densite_libelle", t.density_label},
                       {"frr", t.frr_class},
                       {"massif", t.massif}};
    const PlaceFacts facts = Collect(index, c, date, o.profession);
    j["faits"] = nlohmann::json::array();
    for (const geo::PlaceFact& f : facts.common) j["faits"].push_back(FactJson(f));
    j["zonages_professions"] = nlohmann::json::object();
    for (const auto& [p, f] : facts.by_profession) j["zonages_professions"][p] = FactJson(f);
    out["communes"].push_back(std::move(j));
  }
  out["couches"] = nlohmann::json::array();
  for (const geo::LayerInfo& l : index.layers()) {
    out["couches"].push_back({{"id", l.id},
                              {"champ", l.field},
                              {"libelle", l.label},
                              {"producteur", l.producer},
                              {"millesime", l.vintage},
                              {"debut", l.from ? nlohmann::json(l.from->ToString()) : nlohmann::json(nullptr)},
                              {"fin", l.to ? nlohmann::json(l.to->ToString()) : nlohmann::json(nullptr)},
                              {"provenance", l.provenance},
                              {"avertissement", l.caveat}});
  }
  std::printf("%s\n", out.dump(2).c_str());
}

// --historique: the zoning history of one commune (by INSEE code), the
// library's document with --json, else one line per period.
int PrintHistory(const geo::CommuneIndex& index, const CommunesOptions& o, Date date) {
  const geo::Lookup lookup = index.Find(o.query);
  if (!lookup.commune) {
    return ReportError(Status::InvalidInput("code INSEE inconnu « " + o.query.substr(0, 16) +
                                            " » : l'historique se demande par code INSEE (cherchez-le avec « capsante communes NOM »)",
                                            "QUERY"));
  }
  const geo::Commune& c = *lookup.commune;
  if (o.json) {
    std::printf("%s\n", index.HistoryToJson(c, date, 2).c_str());
    return kExitOk;
  }
  std::printf("%s  %s — %s (%s), %s : historique des zonages\n", c.code.c_str(), c.name.c_str(),
              index.DepartementName(c.departement).c_str(), c.departement.c_str(), index.RegionName(c.region).c_str());
  for (const geo::ZoningHistory& h : index.HistoryFor(c)) {
    std::printf("\n  %s\n", h.label.c_str());
    for (const geo::HistoryPeriod& p : h.periods) {
      const geo::PlaceFact& f = p.fact;
      const std::string span = p.from && p.to   ? "du " + p.from->ToFrench() + " au " + p.to->ToFrench()
                               : p.from         ? "depuis le " + p.from->ToFrench()
                               : p.to           ? "jusqu'au " + p.to->ToFrench()
                                                : "sans limite de date";
      const bool current = (!p.from || *p.from <= date) && (!p.to || date <= *p.to);
      std::printf("    %s %s : %s\n", current ? "→" : " ", span.c_str(), FactText(f).c_str());
    }
    for (const geo::Decree* d : h.decrees) {
      const std::string when = d->from             ? "en vigueur le " + d->from->ToFrench()
                               : d->from_at_latest ? "en vigueur au plus tard le " + d->from_at_latest->ToFrench()
                                                   : "date non trouvée";
      std::printf("    texte : %s, %s (%s) — %s\n", d->authority.c_str(), d->reference.c_str(), when.c_str(), d->url.c_str());
    }
  }
  return kExitOk;
}

int Run(const CommunesOptions& o, const GlobalOptions& global) {
  if (o.query.find_first_not_of(" \t") == std::string::npos) {
    return ReportError(Status::InvalidInput("la recherche est vide : donnez un nom, un code postal ou un code INSEE", "QUERY"));
  }
  int limit = 0;
  {
    const auto [p, ec] = std::from_chars(o.limit.data(), o.limit.data() + o.limit.size(), limit);
    if (ec != std::errc() || p != o.limit.data() + o.limit.size() || limit < 1 || limit > 1000) {
      return ReportError(Status::InvalidInput("--limit doit être un entier entre 1 et 1000 (reçu « " + o.limit + " »)", "--limit"));
    }
  }
  Date date = Date::Today();
  if (!o.date.empty()) {
    std::optional<Date> d = Date::Parse(o.date);
    if (!d) return ReportError(Status::InvalidInput("date invalide « " + o.date + " » : attendu AAAA-MM-JJ", "--date"));
    date = *d;
  }
  if (!o.profession.empty() && ProfessionLabel(o.profession)[0] == '\0') {
    std::string values;
    for (const auto& p : kProfessions) values += (values.empty() ? "" : ", ") + std::string(p.value);
    return ReportError(Status::InvalidInput("profession inconnue « " + o.profession + " » (valeurs : " + values + ")",
                                            "--profession"));
  }
  std::unique_ptr<geo::CommuneIndex> index;
  Status st = geo::CommuneIndex::Load(ResolveHome(global) + "/data", &index);
  if (!st.ok()) {
    // A missing data file is a broken installation, not a transient I/O error.
    if (st.code() == Status::Code::kIoError) st = Status::InvalidCatalog(st.message(), st.field());
    return ReportError(st);
  }
  if (o.history) return PrintHistory(*index, o, date);
  const std::vector<geo::SearchHit> hits = index->Search(o.query, static_cast<size_t>(limit));
  if (o.json) {
    PrintJson(*index, o, hits, date);
  } else if (hits.empty()) {
    std::printf("Aucune commune ne correspond à « %s ».\n", o.query.c_str());
  } else {
    PrintText(*index, hits, date, o.profession);
  }
  return kExitOk;
}

}  // namespace

void RegisterCommunes(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<CommunesOptions>();
  CLI::App* cmd = app.add_subcommand(
      "communes", "Cherche une commune (nom, code postal ou code INSEE) et affiche ses zonages");
  cmd->add_option("QUERY", opts->query, "Nom (accents et majuscules indifférents), code postal ou code INSEE")
      ->required();
  cmd->add_option("--limit", opts->limit, "Nombre maximal de communes affichées (1 à 1000, défaut 10)");
  cmd->add_flag("--json", opts->json, "Sortie JSON");
  cmd->add_option("--date", opts->date, "Date des zonages (AAAA-MM-JJ, défaut : aujourd'hui)");
  cmd->add_flag("--historique", opts->history,
                "Historique des zonages de la commune (QUERY = code INSEE) : valeurs successives, arrêtés et dates");
  cmd->add_option("--profession", opts->profession,
                  "Profession de la situation (medecin, infirmier, …) ; défaut : toutes celles qui ont un zonage");
  cmd->callback([opts, &global, exit_code]() { *exit_code = Run(*opts, global); });
}

}  // namespace capsante::cli

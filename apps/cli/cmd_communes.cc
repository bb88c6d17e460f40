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
#include <string>
#include <string_view>
#include <vector>

#include "capsante/catalog.h"
#include "capsante/date.h"
#include "capsante/geo.h"
#include "capsante/schema.h"
#include "capsante/service.h"
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
  std::string code;  // --code: one commune in full (JSON)
  bool history = false;
};

// Every word shown comes from one vocabulary: values from the situation
// schema (catalog/situation.yaml), zoning names from the layers that hold them
// (data/layers.tsv), zoned professions from the loaded layers.
struct Vocabulary {
  const SituationSchema& schema;
  const geo::CommuneIndex& index;

  std::string Value(const geo::PlaceFact& f) const {
    if (f.value == "true") return "oui";
    if (f.value == "false") return "non";
    const std::string_view label = schema.ValueLabel(f.field, f.value);
    return std::string(label.empty() ? std::string_view(f.value) : label);
  }
  // "Zonage infirmiers", "Quartiers prioritaires de la politique de la ville (QPV 2024)".
  std::string_view Layer(const geo::PlaceFact& f) const {
    for (const geo::LayerInfo& l : index.layers()) if (l.id == f.layer) return l.label;
    return schema.Label(f.field);
  }
  // The value, then the note without the layer's name it repeats.
  std::string FactText(const geo::PlaceFact& f) const {
    const std::string v = f.known ? Value(f) : f.possible || f.unconfirmed ? "à confirmer" : "inconnu";
    std::string_view note = f.note;
    const std::string_view layer = Layer(f);
    if (note.size() > layer.size() + 2 && note.substr(0, layer.size()) == layer && note.substr(layer.size(), 2) == ", ") {
      note.remove_prefix(layer.size() + 2);
    }
    return v + " — " + std::string(note);
  }
};

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
    for (const std::string& p : index.ZonedProfessions()) {
      for (geo::PlaceFact& f : index.FactsFor(c, date, p)) {
        if (f.field == "zonage.profession") out.by_profession.emplace_back(p, std::move(f));
      }
    }
  }
  return out;
}

void PrintText(const Vocabulary& words, const std::vector<geo::SearchHit>& hits, Date date,
               const std::string& profession) {
  const geo::CommuneIndex& index = words.index;
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
      if (f.field == "zonage.medecin") std::printf("    %s : %s\n", std::string(words.Layer(f)).c_str(), words.FactText(f).c_str());
    }
    for (const auto& [p, f] : facts.by_profession) {
      std::printf("    %s : %s\n", std::string(words.Layer(f)).c_str(), words.FactText(f).c_str());
    }
    for (const geo::PlaceFact& f : facts.common) {
      if (f.field == "zonage.medecin" || f.field == "zonage.region" || f.field == "zonage.departement") continue;
      std::printf("    %s : %s\n", std::string(words.Layer(f)).c_str(), words.FactText(f).c_str());
    }
  }
}

// --historique: the zoning history of one commune (by INSEE code), the
// library's document with --json, else one line per period.
int PrintHistory(const Vocabulary& words, const CommunesOptions& o, Date date) {
  const geo::CommuneIndex& index = words.index;
  const geo::Lookup lookup = index.Find(o.query);
  if (!lookup.commune) {
    return ReportError(Status::InvalidInput("code INSEE inconnu « " + o.query.substr(0, 16) +
                                            " » : l'historique se demande par code INSEE (cherchez-le avec « capsante communes NOM »)",
                                            "QUERY"));
  }
  const geo::Commune& c = *lookup.commune;
  if (o.json) {
    std::string out;
    if (Status st = service::CommuneDetailJson(index, c.code, {date, o.profession}, &out, /*history=*/true); !st.ok()) {
      return ReportError(st);
    }
    std::printf("%s\n", out.c_str());
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
      std::printf("    %s %s : %s\n", current ? "→" : " ", span.c_str(), words.FactText(f).c_str());
    }
    for (const geo::Decree* d : h.decrees) {
      std::printf("    texte : %s, %s (%s) — %s\n", d->authority.c_str(), d->reference.c_str(),
                  geo::DecreeWhen(*d).c_str(), d->url.c_str());
    }
  }
  return kExitOk;
}

int Run(const CommunesOptions& o, const GlobalOptions& global) {
  if (o.code.empty() && o.query.find_first_not_of(" \t") == std::string::npos) {
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
  std::unique_ptr<Catalog> catalog;
  if (Status st = LoadCatalog(global, &catalog); !st.ok()) return ReportError(st);
  if (!o.profession.empty()) {
    const FieldSpec* professions = catalog->schema().Find("profession");
    if (professions->ValueLabel(o.profession).empty()) {
      std::string values;
      for (const std::string& v : professions->values) values += (values.empty() ? "" : ", ") + v;
      return ReportError(Status::InvalidInput("profession inconnue « " + o.profession.substr(0, 40) + " » (valeurs : " + values + ")",
                                              "--profession"));
    }
  }
  std::unique_ptr<geo::CommuneIndex> index;
  if (Status st = LoadCommunes(global, &index); !st.ok()) return ReportError(st);
  const Vocabulary words{catalog->schema(), *index};
  if (o.history) return PrintHistory(words, o, date);
  const service::CommuneQuery query{date, o.profession};
  if (!o.code.empty()) {
    std::string out;
    if (Status st = service::CommuneDetailJson(*index, o.code, query, &out); !st.ok()) {
      return ReportError(Status::InvalidInput(st.message(), "--code"));
    }
    std::printf("%s\n", out.c_str());
    return kExitOk;
  }
  const std::vector<geo::SearchHit> hits = index->Search(o.query, static_cast<size_t>(limit));
  if (o.json) {
    std::printf("%s\n", service::CommuneSearchJson(*index, o.query, static_cast<size_t>(limit), query).c_str());
  } else if (hits.empty()) {
    std::printf("Aucune commune ne correspond à « %s ».\n", o.query.c_str());
  } else {
    PrintText(words, hits, date, o.profession);
  }
  return kExitOk;
}

}  // namespace

void RegisterCommunes(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<CommunesOptions>();
  CLI::App* cmd = app.add_subcommand(
      "communes", "Cherche une commune (nom, code postal ou code INSEE) et affiche ses zonages");
  cmd->add_option("QUERY", opts->query, "Nom (accents et majuscules indifférents), code postal ou code INSEE");
  cmd->add_flag("--historique", opts->history,
                "Historique des zonages de la commune (QUERY = code INSEE) : valeurs successives, arrêtés et dates");
  cmd->add_option("--code", opts->code, "Une commune en détail (JSON de l'API) : son code INSEE");
  cmd->add_option("--limit", opts->limit, "Nombre maximal de communes affichées (1 à 1000, défaut 10)");
  cmd->add_flag("--json", opts->json, "Sortie JSON");
  cmd->add_option("--date", opts->date, "Date des zonages (AAAA-MM-JJ, défaut : aujourd'hui)");
  cmd->add_option("--profession", opts->profession,
                  "Profession de la situation (medecin, infirmier, …) ; défaut : toutes celles qui ont un zonage");
  cmd->callback([opts, &global, exit_code]() { *exit_code = Run(*opts, global); });
}

}  // namespace capsante::cli

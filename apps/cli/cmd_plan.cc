// capsante plan [FILE] [--horizon YEARS] [--json]: the best legal sequences
// of aids over the coming years (shared spec api-v1 section 6).
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "capsante/plan.h"
#include "common.h"

#ifdef CAPSANTE_HAVE_GEO
#include "capsante/place.h"
#endif

namespace capsante::cli {
namespace {

struct PlanCommandOptions {
  std::string file;
  std::string horizon = "10";  // text: a bad value gets a French message, not CLI11's
  std::string date;
  bool json = false;
  bool pretty = false;
};

int RunPlan(const PlanCommandOptions& o, const GlobalOptions& global) {
  PlanOptions options;
  try {
    size_t used = 0;
    options.horizon_years = std::stoi(o.horizon, &used);
    if (used != o.horizon.size()) options.horizon_years = -1;
  } catch (const std::exception&) {
    options.horizon_years = -1;
  }
  if (Status st = CheckHorizon(options.horizon_years); !st.ok()) return ReportError(st);
  std::unique_ptr<Catalog> catalog;
  if (Status st = LoadCatalog(global, &catalog); !st.ok()) return ReportError(st);
  std::string text;
  if (Status st = ReadInput(o.file, Situation::kMaxInputBytes, &text); !st.ok()) return ReportError(st);
  Situation situation;
  if (Status st = Situation::FromJson(catalog->schema(), text, &situation); !st.ok()) return ReportError(st);
  if (!o.date.empty()) {
    Date d;
    if (Status st = ParseDateOption(o.date, "--date", &d); !st.ok()) return ReportError(st);
    situation.set_date(d);
  }
  if (Status st = catalog->CheckSituation(situation); !st.ok()) return ReportError(st);
#ifdef CAPSANTE_HAVE_GEO
  if (NeedsPlace(situation)) {
    std::unique_ptr<geo::CommuneIndex> communes;
    PlaceResolution place;
    if (Status st = geo::CommuneIndex::Load(ResolveHome(global) + "/data", &communes); !st.ok()) return ReportError(st);
    if (Status st = ResolvePlace(*communes, &situation, &place); !st.ok()) return ReportError(st);
  }
#endif
  const PlanResult result = MakePlans(*catalog, situation, options);
  std::cout << (o.json ? PlanToJson(result, o.pretty ? 2 : -1) + "\n" : PlanToTable(result));
  return kExitOk;
}

}  // namespace

void RegisterPlan(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<PlanCommandOptions>();
  CLI::App* sub = app.add_subcommand("plan", "Les meilleures suites d'aides à signer sur les années à venir, et ce qu'elles rapportent");
  sub->add_option("FICHIER", opts->file, "Situation JSON (défaut : entrée standard) ; sa date est le début du plan");
  sub->add_option("--horizon", opts->horizon, "Durée du plan en années, de 1 à 30 (défaut : 10)");
  sub->add_option("--date", opts->date, "Date de début AAAA-MM-JJ (remplace celle de la situation)");
  sub->add_flag("--json", opts->json, "Résultat JSON (contrat api-v1, section 6)");
  sub->add_flag("--pretty", opts->pretty, "JSON indenté");
  sub->callback([opts, &global, exit_code] { *exit_code = RunPlan(*opts, global); });
}

}  // namespace capsante::cli

// capsante simulate [FILE] [--json] [--date D]: one situation in, every aid out.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "capsante/engine.h"
#include "common.h"

#ifdef CAPSANTE_HAVE_GEO
#include "capsante/place.h"
#endif

namespace capsante::cli {
namespace {

struct SimulateOptions {
  std::string file;
  bool json = false;
  bool pretty = false;
  bool no_explanations = false;
  std::string date;
  std::vector<std::string> only;
};

int RunSimulate(const SimulateOptions& o, const GlobalOptions& global) {
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
  for (const auto& id : o.only) {
    if (!catalog->FindAid(id)) return ReportError(Status::InvalidInput("--aide : aide inconnue « " + id + " »", "--aide"));
  }
  EvalOptions options;
  options.explanations = !o.no_explanations;
  options.only = o.only;
#ifdef CAPSANTE_HAVE_GEO
  std::unique_ptr<geo::CommuneIndex> communes;
  PlaceResolution place;
  if (NeedsPlace(situation)) {
    if (Status st = geo::CommuneIndex::Load(ResolveHome(global) + "/data", &communes); !st.ok()) return ReportError(st);
    if (Status st = ResolvePlace(*communes, &situation, &place); !st.ok()) return ReportError(st);
  }
  Result result = Evaluate(*catalog, situation, options);
  ApplyPlace(place, &result);
#else
  Result result = Evaluate(*catalog, situation, options);
#endif
  if (o.json) {
    JsonOptions jo;
    jo.explanations = options.explanations;
    jo.indent = o.pretty ? 2 : -1;
    std::cout << ToJson(result, jo) << "\n";
  } else {
    std::cout << ToTable(result);
  }
  return kExitOk;
}

}  // namespace

void RegisterSimulate(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<SimulateOptions>();
  CLI::App* sub = app.add_subcommand("simulate", "Simule les aides pour une situation (JSON, fichier ou entrée standard)");
  sub->add_option("FICHIER", opts->file, "Situation JSON (défaut : entrée standard)");
  sub->add_flag("--json", opts->json, "Résultat JSON (contrat api-v1)");
  sub->add_flag("--pretty", opts->pretty, "JSON indenté");
  sub->add_flag("--sans-explications", opts->no_explanations, "Sans le détail des conditions et paramètres");
  sub->add_option("--date", opts->date, "Date de simulation AAAA-MM-JJ (remplace celle de la situation)");
  sub->add_option("--aide", opts->only, "Limiter à cette aide (répétable : --aide caim --aide coscom)")->allow_extra_args(false);
  sub->callback([opts, &global, exit_code] { *exit_code = RunSimulate(*opts, global); });
}

}  // namespace capsante::cli

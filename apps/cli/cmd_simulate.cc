// capsante simulate [FILE] [--json] [--details [IDS]] [--date D] [--aide ID]:
// one situation in, the aids that concern it out. With --lot FILE: many
// situations (cmd_lot.cc).
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "capsante/service.h"
#include "common.h"
#include "lot.h"

namespace capsante::cli {
namespace {

struct SimulateOptions {
  std::string file;
  bool json = false;
  bool pretty = false;
  std::vector<std::string> details;  // "--details" alone: every aid
  bool details_given = false;
  std::string date;
  std::vector<std::string> only;
  std::string lot;
  std::string format = "jsonl";
  bool no_explanations = false;  // former option, kept so that scripts still run
};

// --details [IDS]: every aid, or the aids named, explained in full.
Status ApplyDetails(const SimulateOptions& o, const Catalog& catalog, JsonOptions* answer) {
  if (!o.details_given) return Status::Ok();
  if (o.details.empty() || (o.details.size() == 1 && o.details[0] == "true")) {
    answer->details = true;
    return Status::Ok();
  }
  for (const auto& id : o.details) {
    if (!catalog.FindAid(id)) return Status::InvalidInput("--details : aide inconnue « " + id + " »", "--details");
    answer->details_for.push_back(id);
  }
  return Status::Ok();
}

int RunSimulate(const SimulateOptions& o, const GlobalOptions& global) {
  std::unique_ptr<Catalog> catalog;
  if (Status st = LoadCatalog(global, &catalog); !st.ok()) return ReportError(st);
  if (!o.lot.empty()) {
    LotOptions lot;
    lot.input = o.lot;
    if (o.format != "jsonl" && o.format != "csv") {
      return ReportError(Status::InvalidInput("--format vaut jsonl ou csv", "--format"));
    }
    lot.csv_output = o.format == "csv";
    if (Status st = ApplyDetails(o, *catalog, &lot.answer); !st.ok()) return ReportError(st);
    return RunLot(lot, global, *catalog);
  }
  std::string text;
  if (Status st = ReadInput(o.file, Situation::kMaxInputBytes, &text); !st.ok()) return ReportError(st);
  service::SimulateRequest request;
  if (Status st = service::ReadSimulateRequest(*catalog, text, &request); !st.ok()) return ReportError(st);
  if (Status st = ApplyDetails(o, *catalog, &request.answer); !st.ok()) return ReportError(st);
  if (!o.date.empty()) {
    Date d;
    if (Status st = ParseDateOption(o.date, "--date", &d); !st.ok()) return ReportError(st);
    request.situation.set_date(d);
  }
  for (const auto& id : o.only) {
    if (!catalog->FindAid(id)) return ReportError(Status::InvalidInput("--aide : aide inconnue « " + id + " »", "--aide"));
  }
  request.only = o.only;
  std::unique_ptr<geo::CommuneIndex> communes;
  if (NeedsPlace(request.situation)) {
    if (Status st = LoadCommunes(global, &communes); !st.ok()) return ReportError(st);
  }
  Result result;
  if (Status st = service::Simulate({catalog.get(), communes.get()}, request, &result); !st.ok()) return ReportError(st);
  if (o.json) {
    request.answer.indent = o.pretty ? 2 : -1;
    std::cout << service::SimulateJson(result, request.answer) << "\n";
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
  // A flag that may carry a value (--details=caim,coscom), so that it never
  // takes the situation file that follows it for an aid id.
  sub->add_flag("--details", opts->details,
                "Explication complète (conditions, paramètres datés, toutes les aides) ; --details=caim,coscom : ces aides seulement")
      ->delimiter(',');
  sub->add_flag("--sans-explications", opts->no_explanations, "Sans effet : la réponse par défaut est déjà l'essentiel (voir --details)");
  sub->add_option("--date", opts->date, "Date de simulation AAAA-MM-JJ (remplace celle de la situation)");
  sub->add_option("--aide", opts->only, "Limiter à cette aide (répétable : --aide caim --aide coscom)")->allow_extra_args(false);
  sub->add_option("--lot", opts->lot, "Plusieurs situations : fichier JSON Lines ou CSV (- : entrée standard)");
  sub->add_option("--format", opts->format, "Sortie du lot : jsonl (défaut) ou csv");
  sub->callback([opts, &global, exit_code, sub] {
    if (sub->count("--details") > 0) opts->details_given = true;
    *exit_code = RunSimulate(*opts, global);
  });
}

}  // namespace capsante::cli

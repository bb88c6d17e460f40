// capsante comparer --situation FILE CODE CODE ...: the same situation side by
// side in several communes.
#include <iostream>

#include <CLI/CLI.hpp>

#include "capsante/service.h"
#include "capsante/text.h"
#include "place_common.h"

namespace capsante::cli {
namespace {

struct ComparerOptions {
  std::string situation;
  std::vector<std::string> codes;
  int years = 5;
  bool json = false;
  bool pretty = false;
  bool by_plan = false;
  std::string date;
};

std::string Cell(const AidResult& r) {
  switch (r.status) {
    case AidStatus::kEligible:
      if (!r.amount.quantified) return "éligible (non chiffré)";
      if (r.amount.total) return text::Euros(*r.amount.total);
      if (r.amount.per_period) return text::Euros(*r.amount.per_period) + "/" + PeriodicityCode(r.aid->periodicity);
      return "éligible";
    case AidStatus::kToSpecify: return "à préciser";
    case AidStatus::kNotEligible: return "—";
    case AidStatus::kClosed: return "fermé";
  }
  return "";
}

int RunComparer(const ComparerOptions& o, const GlobalOptions& global) {
  PlaceContext ctx;
  if (Status st = LoadPlaceContext(global, o.situation, o.date, &ctx); !st.ok()) return ReportError(st);
  service::CompareRequest request;
  request.situation = ctx.situation;
  request.communes = o.codes;
  request.years = o.years;
  request.by_plan = o.by_plan;
  service::CompareAnswer answer;
  if (Status st = service::Compare({ctx.catalog.get(), ctx.communes.get()}, request, &answer); !st.ok()) {
    // Name the arguments as the user typed them.
    if (st.field() == "annees") return ReportError(Status::InvalidInput("--annees va de 1 à 10", "--annees"));
    if (st.field().rfind("communes", 0) == 0) return ReportError(Status::InvalidInput(st.message(), "CODES"));
    return ReportError(st);
  }
  if (o.json) {
    answer.answer.indent = o.pretty ? 2 : -1;
    std::cout << service::CompareJson(answer) << "\n";
    return kExitOk;
  }
  std::cout << "Comparaison au " << answer.date.ToFrench() << "\n\n";
  for (const auto& p : answer.places) {
    const Result& r = p.result;
    std::cout << "• " << r.commune->name << " (" << r.commune->code << ") : " << text::Euros(p.total) << " sur " << o.years << " an(s)" << (o.by_plan ? " (meilleur plan)" : "");
    for (const auto& f : r.facts) {
      if (f.field != "zonage.medecin" && f.field != "zonage.profession") continue;
      std::cout << " ; " << (f.field == "zonage.medecin" ? "zonage médecins" : "zonage profession") << " : " << (f.value.empty() ? (f.unconfirmed ? "à confirmer" : "inconnu") : ZoneWords(*ctx.catalog, f.field, f.value));
      if (f.decree && !f.value.empty()) std::cout << " (" << f.decree->label << ")";
    }
    // Kept apart from the confirmed total: the zone is to be confirmed.
    if (p.provisional.applies) {
      std::cout << "\n    zonage à confirmer : " << text::Euros(p.provisional.total) << " sous réserve, selon le zonage précédent (";
      for (size_t k = 0; k < p.provisional.assumed.size(); ++k) {
        const auto& [field, previous] = p.provisional.assumed[k];
        std::cout << (k ? ", " : "") << ZoneWords(*ctx.catalog, field, previous);
      }
      std::cout << ")";
    }
    std::cout << "\n";
  }
  std::cout << "\n";
  const auto& first = answer.places[0].result;
  for (size_t a = 0; a < first.aids.size(); ++a) {
    bool interesting = false;
    for (const auto& p : answer.places) {
      interesting |= p.result.aids[a].status == AidStatus::kEligible || p.result.aids[a].status == AidStatus::kToSpecify;
    }
    if (!interesting) continue;
    std::cout << first.aids[a].aid->id << "\n";
    for (const auto& p : answer.places) std::cout << "   " << p.result.commune->name << " : " << Cell(p.result.aids[a]) << "\n";
  }
  return kExitOk;
}

}  // namespace

void RegisterComparer(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto o = std::make_shared<ComparerOptions>();
  CLI::App* sub = app.add_subcommand("comparer", "Compare une même situation dans plusieurs communes");
  sub->add_option("--situation", o->situation, "Situation JSON")->required();
  sub->add_option("CODES", o->codes, "Codes INSEE des communes (2 à 10)")->required();
  sub->add_option("--annees", o->years, "Horizon en années pour le total (défaut 5)");
  sub->add_option("--date", o->date, "Date de simulation AAAA-MM-JJ");
  sub->add_flag("--json", o->json, "Sortie JSON (celle de l'API : totaux et un résultat par commune)");
  sub->add_flag("--pretty", o->pretty, "JSON indenté");
  sub->add_flag("--par-plan", o->by_plan, "Total du meilleur plan d'aides sur l'horizon (capsante plan) au lieu des aides cumulables d'aujourd'hui");
  sub->callback([o, &global, exit_code] { *exit_code = RunComparer(*o, global); });
}

}  // namespace capsante::cli

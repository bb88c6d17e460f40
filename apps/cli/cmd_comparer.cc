// capsante comparer --situation FILE CODE CODE ...: the same situation side by
// side in several communes.
#include <iostream>

#include <CLI/CLI.hpp>

#include "capsante/engine.h"
#include "capsante/text.h"
#include "place_common.h"

namespace capsante::cli {
namespace {

struct ComparerOptions {
  std::string situation;
  std::vector<std::string> codes;
  int years = 5;
  bool json = false;
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
  if (o.codes.size() < 2 || o.codes.size() > 10) {
    return ReportError(Status::InvalidInput("donnez de 2 à 10 codes INSEE de communes à comparer", "CODES"));
  }
  if (o.years < 1 || o.years > 10) return ReportError(Status::InvalidInput("--annees va de 1 à 10", "--annees"));
  PlaceContext ctx;
  if (Status st = LoadPlaceContext(global, o.situation, o.date, &ctx); !st.ok()) return ReportError(st);
  std::vector<Result> results;
  std::vector<ProvisionalAnswer> provisional;
  for (const auto& code : o.codes) {
    Situation s;
    PlaceResolution place;
    if (Status st = SituationAt(ctx, code, &s, &place); !st.ok()) return ReportError(st);
    Result r = Evaluate(*ctx.catalog, s, {});
    ApplyPlace(place, &r);
    results.push_back(std::move(r));
    provisional.push_back(Provisional(*ctx.catalog, s, place, o.years));
  }
  if (o.json) {
    std::cout << "[";
    for (size_t i = 0; i < results.size(); ++i) std::cout << (i ? "," : "") << ToJson(results[i]);
    std::cout << "]\n";
    return kExitOk;
  }
  std::cout << "Comparaison au " << ctx.situation.date().ToFrench() << "\n\n";
  for (size_t i = 0; i < results.size(); ++i) {
    const Result& r = results[i];
    double total = 0;
    for (const AidResult* a : BestCompatibleSet(r, o.years)) total += AmountWithin(*a, r.date, o.years);
    std::cout << "• " << r.commune->name << " (" << r.commune->code << ") : " << text::Euros(total) << " sur " << o.years << " an(s)";
    for (const auto& f : r.facts) {
      if (f.field != "zonage.medecin" && f.field != "zonage.profession") continue;
      std::cout << " ; " << f.field.substr(7) << " " << (f.value.empty() ? (f.unconfirmed ? "à confirmer" : "inconnu") : f.value);
      if (f.decree && !f.value.empty()) std::cout << " (" << f.decree->label << ")";
    }
    // Kept apart from the confirmed total: the zone is to be confirmed.
    if (provisional[i].applies) {
      std::cout << "\n    zonage à confirmer : " << text::Euros(provisional[i].total) << " sous réserve, selon le zonage précédent (";
      for (size_t k = 0; k < provisional[i].assumed.size(); ++k) {
        std::cout << (k ? ", " : "") << provisional[i].assumed[k].second;
      }
      std::cout << ")";
    }
    std::cout << "\n";
  }
  std::cout << "\n";
  for (size_t a = 0; a < results[0].aids.size(); ++a) {
    bool interesting = false;
    for (const auto& r : results) interesting |= r.aids[a].status == AidStatus::kEligible || r.aids[a].status == AidStatus::kToSpecify;
    if (!interesting) continue;
    std::cout << results[0].aids[a].aid->id << "\n";
    for (const auto& r : results) std::cout << "   " << r.commune->name << " : " << Cell(r.aids[a]) << "\n";
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
  sub->add_flag("--json", o->json, "Sortie JSON (un résultat par commune)");
  sub->callback([o, &global, exit_code] { *exit_code = RunComparer(*o, global); });
}

}  // namespace capsante::cli

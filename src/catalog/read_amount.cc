// An aid's amount (`montant`) and payment schedule (`echeancier`): how much
// and when, as bound expressions.
#include <set>

#include "catalog/catalog_loader.h"

namespace capsante {

// montant: {periodicite, par_periode, total, plafond_par_periode, taux,
// non_chiffre, explication}
Status CatalogLoader::ReadAmount(const Map& amount, LoaderScope& scope, DefinitionTable* local, Aid* aid,
                                 internal::CompiledAid* compiled) {
  std::string periodicity;
  CAPSANTE_RETURN_IF_ERROR(amount.String("periodicite", &periodicity));
  if (periodicity == "unique") aid->periodicity = Periodicity::kOnce;
  else if (periodicity == "annuel") aid->periodicity = Periodicity::kYearly;
  else if (periodicity == "mensuel") aid->periodicity = Periodicity::kMonthly;
  else return amount.Error(amount.Get("periodicite"), "périodicité inconnue « " + periodicity + " » (unique, annuel, mensuel)");
  CAPSANTE_RETURN_IF_ERROR(amount.Bool("non_chiffre", &aid->amount_not_quantified));
  CAPSANTE_RETURN_IF_ERROR(amount.String("explication", &aid->amount_explanation, false));
  if (amount.Has("par_periode") && amount.node()["par_periode"].IsScalar()) {
    PendingDefinition d;
    d.text = amount.node()["par_periode"].Scalar();
    d.file = amount.file();
    d.mark = amount.node()["par_periode"].GetMark();
    (*local)["par_periode"] = d;
  }
  const expr::Type kNumber = expr::Type::kNumber;
  CAPSANTE_RETURN_IF_ERROR(CompileAt(amount, "par_periode", scope, &kNumber, &compiled->per_period, nullptr, !aid->amount_not_quantified));
  CAPSANTE_RETURN_IF_ERROR(CompileAt(amount, "total", scope, &kNumber, &compiled->total, nullptr, false));
  CAPSANTE_RETURN_IF_ERROR(CompileAt(amount, "plafond_par_periode", scope, &kNumber, &compiled->cap, nullptr, false));
  CAPSANTE_RETURN_IF_ERROR(CompileAt(amount, "taux", scope, &kNumber, &compiled->rate, nullptr, false));
  CAPSANTE_RETURN_IF_ERROR(amount.CheckNoUnknownKeys());
  if (aid->amount_explanation.empty() && aid->amount_not_quantified) {
    return amount.Error(amount.node(), "« explication » est requise quand le montant n'est pas chiffré");
  }
  return Status::Ok();
}

// echeancier: {base, versements: [{apres_mois, repeter, tous_les_mois,
// libelle, montant}], source}
Status CatalogLoader::ReadSchedule(const Map& m, LoaderScope& scope, Aid* aid, internal::CompiledAid* compiled) {
  const std::string& file = m.file();
  const expr::Type kNumber = expr::Type::kNumber;
  const expr::Type kDate = expr::Type::kDate;
  Map schedule(&file, yamlutil::Node(), "");
  CAPSANTE_RETURN_IF_ERROR(m.Child("echeancier", &schedule, false));
  if (schedule.node().size() > 0) {
    CAPSANTE_RETURN_IF_ERROR(CompileAt(schedule, "base", scope, &kDate, &compiled->schedule_base, nullptr, true));
    yamlutil::Node payments;
    CAPSANTE_RETURN_IF_ERROR(schedule.Sequence("versements", &payments));
    for (const auto& pn : payments) {
      Map pm(&file, pn, "echeancier.versements");
      if (!pn.IsMap()) return pm.Error(pn, "un versement est { apres_mois, montant, libelle }");
      Payment p;
      CAPSANTE_RETURN_IF_ERROR(pm.Int("apres_mois", &p.months_after));
      CAPSANTE_RETURN_IF_ERROR(pm.Int("repeter", &p.repeat));
      CAPSANTE_RETURN_IF_ERROR(pm.Int("tous_les_mois", &p.every_months));
      if (p.repeat < 1 || p.repeat > 120) return pm.Error(pn, "« repeter » va de 1 à 120");
      CAPSANTE_RETURN_IF_ERROR(pm.String("libelle", &p.label));
      expr::BoundPtr amount_expr;
      CAPSANTE_RETURN_IF_ERROR(CompileAt(pm, "montant", scope, &kNumber, &amount_expr, &p.expression, true));
      CAPSANTE_RETURN_IF_ERROR(pm.CheckNoUnknownKeys());
      aid->schedule.push_back(std::move(p));
      compiled->payments.push_back(std::move(amount_expr));
    }
    CAPSANTE_RETURN_IF_ERROR(ReadSourceKey(schedule, "source", &aid->schedule_source, true));
    CAPSANTE_RETURN_IF_ERROR(schedule.CheckNoUnknownKeys());
  }
  return Status::Ok();
}

// The parameters an amount or a payment reads (written beside the amount in
// a detailed answer).
void CatalogLoader::CollectAmountParameters(internal::CompiledAid* compiled) {
  std::set<int> params;
  for (const auto* e : {compiled->per_period.get(), compiled->total.get(), compiled->cap.get(), compiled->rate.get()}) {
    if (e) expr::CollectParams(*e, &params);
  }
  for (const auto& p : compiled->payments) expr::CollectParams(*p, &params);
  compiled->amount_params.assign(params.begin(), params.end());
}

}  // namespace capsante

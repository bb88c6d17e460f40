// The plan as a French table for the terminal: labels, never field names.
#include "capsante/plan.h"
#include "capsante/text.h"

namespace capsante {
namespace {

std::string FieldLabel(const Catalog& catalog, std::string_view path) {
  const FieldSpec* f = catalog.schema().Find(path);
  return f && !f->label.empty() ? f->label : std::string("information à préciser");
}

}  // namespace

std::string PlanToTable(const PlanResult& result) {
  std::string out = "Plan sur " + std::to_string(result.horizon_years) + " ans à partir du " + result.date.ToFrench() + "\n";
  if (result.plans.empty() || result.plans[0].steps.empty()) {
    out += "\nAucune aide ne peut être signée sur cette période pour cette situation.\n";
  }
  for (size_t i = 0; i < result.plans.size(); ++i) {
    const Plan& plan = result.plans[i];
    if (plan.steps.empty()) continue;
    out += "\nPlan " + std::to_string(i + 1) + " : " + text::Euros(plan.total) + (plan.partial ? " au moins (montants à préciser)" : "");
    if (plan.certain_total != plan.total) out += ", dont " + text::Euros(plan.certain_total) + " sans condition à préciser";
    out += "\n";
    for (const PlanStep& s : plan.steps) {
      out += "  • " + s.aid->name + "\n";
      if (s.open_ended) out += "    à partir du " + s.start.ToFrench() + " (durée non précisée par les sources) — ";
      else out += "    du " + s.start.ToFrench() + " au " + s.end.AddDays(-1).ToFrench() + (s.renewed ? " (reconduit)" : "") + " — ";
      out += s.total ? text::Euros(*s.total) : std::string("montant à préciser");
      out += s.depends_on.empty() ? "\n" : " (sous réserve)\n";
      if (s.follows) out += "    à l'issue de : " + s.follows->name + "\n";
      if (!s.payments.empty() && s.payments.size() <= 6) {
        out += "    versements :";
        for (size_t k = 0; k < s.payments.size(); ++k) {
          out += (k ? " ;" : "") + std::string(" ") + s.payments[k].date.ToFrench() + " " + text::Euros(s.payments[k].amount);
        }
        out += "\n";
      } else if (!s.payments.empty()) {
        out += "    " + std::to_string(s.payments.size()) + " versements, du " + s.payments.front().date.ToFrench() + " au " +
               s.payments.back().date.ToFrench() + "\n";
      }
      for (const Commitment& c : s.aid->commitments) out += "    engagement : " + c.text + "\n";
    }
    out += "  Par année :";
    for (size_t k = 0; k < plan.by_year.size(); ++k) {
      out += (k ? " · " : " ") + std::to_string(plan.by_year[k].year) + " " + text::Euros(plan.by_year[k].amount);
    }
    out += "\n";
    if (!plan.depends_on.empty()) {
      out += "  Dépend de :";
      for (size_t k = 0; k < plan.depends_on.size(); ++k) out += (k ? ", " : " ") + FieldLabel(*result.catalog, plan.depends_on[k]);
      out += "\n";
    }
  }
  if (!result.decisions.empty()) {
    out += "\nDécisions :\n";
    for (const PlanDecision& d : result.decisions) out += "  • " + d.text + "\n";
  }
  if (!result.plans.empty() && !result.plans[0].hypotheses.empty()) {
    out += "\nHypothèses :\n";
    for (const std::string& h : result.plans[0].hypotheses) out += "  • " + h + "\n";
  }
  return out;
}

}  // namespace capsante

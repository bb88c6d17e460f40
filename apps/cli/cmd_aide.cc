// capsante aide ID: one aid in full: conditions, amounts, dated parameters,
// schedule, commitments, incompatibilities, sources, contact.
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "capsante/catalog.h"
#include "common.h"
#include "capsante/text.h"

namespace capsante::cli {
namespace {

struct AideOptions {
  std::string id;
};

void PrintSource(const SourceRef& s, const char* indent) {
  std::cout << indent << "Source : " << SourceLabel(s) << " — « " << s.excerpt << " »\n";
}

int RunAide(const AideOptions& o, const GlobalOptions& global) {
  std::unique_ptr<Catalog> catalog;
  if (Status st = LoadCatalog(global, &catalog); !st.ok()) return ReportError(st);
  const Aid* aid = catalog->FindAid(o.id);
  if (!aid) return ReportError(Status::InvalidInput("aide inconnue « " + o.id + " » (voir « capsante aides »)", "ID"));
  std::cout << aid->name << " [" << aid->id << "]\n" << aid->summary << "\n\n";
  std::cout << "Financeur : " << aid->payer << "\n";
  std::cout << "Professions :";
  for (const auto& p : aid->professions) std::cout << " " << p;
  std::cout << "\n";
  if (!aid->region.empty()) std::cout << "Région (code INSEE) : " << aid->region << "\n";
  if (!aid->convention.empty()) std::cout << "Texte : " << aid->convention << "\n";
  std::cout << "Souscription : ";
  if (aid->opens && aid->closes) std::cout << "du " << aid->opens->ToFrench() << " au " << aid->closes->ToFrench();
  else if (aid->opens) std::cout << "à partir du " << aid->opens->ToFrench();
  else if (aid->closes) std::cout << "jusqu'au " << aid->closes->ToFrench();
  else std::cout << "aucune date dans les sources";
  std::cout << "\n";
  if (aid->window_source) PrintSource(*aid->window_source, "  ");
  if (!aid->replaced_by.empty()) {
    std::cout << "Remplacée par :";
    for (const auto& id : aid->replaced_by) {
      const Aid* other = catalog->FindAid(id);
      std::cout << " " << (other ? other->name : id) << " [" << id << "]";
    }
    std::cout << "\n";
  }
  if (aid->duration_months) std::cout << "Durée : " << aid->duration_months << " mois\n";
  if (!aid->renewal.empty()) std::cout << "Renouvellement : " << aid->renewal << "\n";
  if (aid->tacit_renewal) std::cout << "Reconduction tacite : oui (un contrat en cours sans date de fin continue)\n";
  if (aid->waiting_period) {
    const WaitingPeriod& w = *aid->waiting_period;
    std::cout << "Délai de carence : " << w.years << " ans après une aide de la même catégorie";
    if (w.applies_from) std::cout << " (demandes à partir du " << w.applies_from->ToFrench() << ")";
    std::cout << "\n";
    PrintSource(w.source, "  ");
  }
  std::cout << "Texte officiel vérifié le : " << (aid->checked_on ? aid->checked_on->ToFrench() : std::string("non renseigné")) << "\n";
  std::cout << "\nConditions :\n";
  for (const auto& c : aid->conditions) {
    std::cout << "  - " << c.text << "\n      règle : " << c.expression << "\n";
    PrintSource(c.source, "      ");
  }
  std::cout << "\nMontant (" << PeriodicityCode(aid->periodicity) << ")";
  if (aid->amount_not_quantified) std::cout << " : non chiffré par les sources";
  std::cout << "\n";
  if (!aid->amount_explanation.empty()) std::cout << "  " << aid->amount_explanation << "\n";
  for (const auto& p : aid->parameters) {
    std::cout << "  Paramètre " << p.name << " — " << p.label << (p.unit.empty() ? "" : " (" + p.unit + ")") << "\n";
    for (const auto& v : p.values) {
      std::cout << "    " << (v.since ? "depuis le " + v.since->ToFrench() : std::string("date de début non précisée par les sources")) << " : ";
      auto show = [&p](double x) {
        if (p.unit == "EUR") return text::Euros(x);
        if (p.unit == "%") return text::Percent(x);
        return text::Number(x) + (p.unit.empty() ? "" : " " + p.unit);
      };
      if (v.scale.empty()) {
        std::cout << show(v.value);
      } else {
        for (const auto& b : v.scale) std::cout << "[≥ " << text::Number(b.threshold) << " → " << show(b.value) << "] ";
      }
      std::cout << "\n";
      PrintSource(v.source, "      ");
      for (const auto& more : v.more_sources) PrintSource(more, "      ");
    }
  }
  if (!aid->schedule.empty()) {
    std::cout << "\nVersements :\n";
    for (const auto& p : aid->schedule) {
      std::cout << "  - après " << p.months_after << " mois" << (p.repeat > 1 ? ", " + std::to_string(p.repeat) + " fois tous les " + std::to_string(p.every_months) + " mois" : "")
                << " : " << p.expression << " (" << p.label << ")\n";
    }
    if (aid->schedule_source) PrintSource(*aid->schedule_source, "  ");
  }
  if (!aid->commitments.empty()) {
    std::cout << "\nEngagements :\n";
    for (const auto& c : aid->commitments) {
      std::cout << "  - " << c.text << "\n";
      PrintSource(c.source, "      ");
    }
  }
  if (!aid->clawback.empty()) {
    std::cout << "\nRemboursement : " << aid->clawback << "\n";
    if (aid->clawback_source) PrintSource(*aid->clawback_source, "  ");
  }
  if (!aid->incompatible_with.empty()) {
    std::cout << "\nNon cumulable avec :";
    for (const auto& id : aid->incompatible_with) std::cout << " " << id;
    std::cout << "\n";
    for (const auto& s : aid->incompatibility_sources) PrintSource(s, "  ");
  }
  if (!aid->may_follow.empty()) {
    std::cout << "Peut être suivi de :";
    for (const auto& id : aid->may_follow) std::cout << " " << id;
    std::cout << "\n";
  }
  for (const auto& i : aid->informations) {
    std::cout << "\nÀ savoir : " << i.text << "\n";
    PrintSource(i.source, "  ");
  }
  if (const Organisation* org = catalog->FindOrganisation(aid->contact)) {
    std::cout << "\nContact : " << org->general.name;
    if (!org->general.phone.empty()) std::cout << " — " << org->general.phone;
    if (!org->general.email.empty()) std::cout << " — " << org->general.email;
    std::cout << "\n";
    for (const auto& [code, e] : org->by_departement) std::cout << "  " << code << " : " << e.name << (e.email.empty() ? "" : " — " + e.email) << "\n";
    for (const auto& [code, e] : org->by_region) std::cout << "  région " << code << " : " << e.name << (e.email.empty() ? "" : " — " + e.email) << "\n";
  }
  std::cout << "\nSources :\n";
  for (const auto& s : aid->sources) PrintSource(s, "  ");
  return kExitOk;
}

}  // namespace

void RegisterAide(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<AideOptions>();
  CLI::App* sub = app.add_subcommand("aide", "Détail d'une aide : conditions, montants, paramètres datés, sources");
  sub->add_option("ID", opts->id, "Identifiant de l'aide (voir « capsante aides »)")->required();
  sub->callback([opts, &global, exit_code] { *exit_code = RunAide(*opts, global); });
}

}  // namespace capsante::cli

// The terminal rendering of a result: aids grouped by status, the amounts and
// schedule of what can be received, what is missing, and why not.
#include <sstream>

#include "capsante/result.h"
#include "capsante/text.h"

namespace capsante {
namespace {

const char* PeriodFrench(Periodicity p) {
  switch (p) {
    case Periodicity::kOnce: return "versement unique";
    case Periodicity::kYearly: return "par an";
    case Periodicity::kMonthly: return "par mois";
  }
  return "";
}

const char* Heading(AidStatus s) {
  switch (s) {
    case AidStatus::kEligible: return "ÉLIGIBLE";
    case AidStatus::kToSpecify: return "À PRÉCISER";
    case AidStatus::kNotEligible: return "NON ÉLIGIBLE";
    case AidStatus::kClosed: return "FERMÉ";
  }
  return "";
}

void AmountLine(std::ostringstream& out, const AidResult& r) {
  const AmountResult& a = r.amount;
  if (!a.quantified) {
    out << "      Montant : non chiffré par les sources";
    if (a.rate) out << " (taux " << text::Percent(*a.rate) << ")";
    out << "\n";
    return;
  }
  if (a.per_period) {
    out << "      Montant : " << text::Euros(*a.per_period) << " ";
    if (r.aid->periodicity == Periodicity::kOnce && a.schedule.size() > 1) {
      out << "au total, en " << a.schedule.size() << " versements";
    } else {
      out << PeriodFrench(r.aid->periodicity);
    }
    if (a.total && r.aid->periodicity != Periodicity::kOnce) out << ", soit " << text::Euros(*a.total) << " au total";
    out << "\n";
  } else {
    out << "      Montant : à préciser";
    if (a.cap_per_period) out << " (plafond " << text::Euros(*a.cap_per_period) << " " << PeriodFrench(r.aid->periodicity) << ")";
    out << "\n";
  }
  if (!a.possible_bonuses.empty()) {
    out << "      Majoration possible si :";
    for (const auto& b : a.possible_bonuses) out << " " << b;
    out << "\n";
  }
  for (const auto& p : a.schedule) {
    out << "        - " << (p.date ? p.date->ToFrench() : "mois " + std::to_string(p.months_after)) << " : "
        << (p.amount ? text::Euros(*p.amount) : std::string("à préciser")) << " (" << p.label << ")\n";
  }
}

// Where a user can check the aid: the title of its first source, never a file name.
void SourceLine(std::ostringstream& out, const Aid& aid) {
  if (aid.sources.empty()) return;
  const SourceRef& s = aid.sources.front();
  out << "      Source : " << (s.doc ? s.doc->title + " (" + s.doc->issuer + ")" : s.url);
  if (s.doc && !s.doc->official) out << " — source non officielle";
  out << "\n";
}

void UnofficialLine(std::ostringstream& out, const AidResult& r) {
  const std::string note = UnofficialAmountNote(r);
  if (!note.empty()) out << "      ⚠ " << note << "\n";
}

}  // namespace

std::string ToTable(const Result& result) {
  std::ostringstream out;
  out << "Simulation au " << result.date.ToFrench() << (result.date_given ? "" : " (date du jour)") << "\n";
  if (result.commune) {
    out << "Commune : " << result.commune->name << " (" << result.commune->code << ")";
    if (!result.commune->note.empty()) out << " — " << result.commune->note;
    out << "\n";
  }
  for (const auto& f : result.facts) {
    out << "  " << f.field << " = " << (f.value.empty() ? "inconnu" : f.value);
    if (!f.note.empty()) out << "  [" << f.note << "]";
    out << "\n";
  }
  const AidStatus order[] = {AidStatus::kEligible, AidStatus::kToSpecify, AidStatus::kNotEligible, AidStatus::kClosed};
  for (AidStatus status : order) {
    int count = 0;
    for (const auto& r : result.aids) count += r.status == status;
    if (count == 0) continue;
    out << "\n" << Heading(status) << " (" << count << ")\n";
    for (const auto& r : result.aids) {
      if (r.status != status) continue;
      const Aid& aid = *r.aid;
      out << "  • " << aid.name << " [" << aid.id << "] — " << aid.payer << "\n";
      switch (status) {
        case AidStatus::kEligible:
          AmountLine(out, r);
          UnofficialLine(out, r);
          if (!r.missing.empty()) {
            out << "      À préciser pour le montant :";
            for (const auto& m : r.missing) out << " " << m;
            out << "\n";
          }
          if (!aid.incompatible_with.empty()) {
            out << "      Non cumulable avec :";
            for (const auto& id : aid.incompatible_with) out << " " << id;
            out << "\n";
          }
          if (r.contact.entry) {
            out << "      Contact : " << r.contact.entry->name;
            if (!r.contact.entry->email.empty()) out << " — " << r.contact.entry->email;
            if (!r.contact.entry->phone.empty()) out << " — " << r.contact.entry->phone;
            out << "\n";
          }
          SourceLine(out, aid);
          break;
        case AidStatus::kToSpecify:
          if (!r.missing.empty()) {
            out << "      Il manque :";
            for (const auto& m : r.missing) out << " " << m;
            out << "\n";
          }
          for (const auto& c : r.conditions) {
            if (c.status == ConditionStatus::kUnknown && !c.note.empty()) out << "      ? " << c.text << " (" << c.note << ")\n";
          }
          if (r.amount.per_period) AmountLine(out, r);
          UnofficialLine(out, r);
          SourceLine(out, aid);
          break;
        case AidStatus::kNotEligible:
          for (const auto& c : r.conditions) {
            if (c.status == ConditionStatus::kNotMet) {
              out << "      ✗ " << c.text << (c.note.empty() ? "" : " (" + c.note + ")") << "\n";
            }
          }
          break;
        case AidStatus::kClosed:
          out << "      " << AidMessage(result, r) << "\n";
          break;
      }
      if (r.running) {
        out << "      Contrat en cours du " << r.running->start.ToFrench()
            << (r.running->renewed ? std::string(", reconduit tacitement") : " au " + r.running->end.AddDays(-1).ToFrench()) << "\n";
        for (const auto& p : r.running->remaining) {
          out << "        - reste à percevoir le " << (p.date ? p.date->ToFrench() : "?") << " : "
              << (p.amount ? text::Euros(*p.amount) : std::string("à préciser")) << "\n";
        }
      }
      if (!r.error.empty()) out << "      ! " << r.error << "\n";
    }
  }
  return out.str();
}

}  // namespace capsante

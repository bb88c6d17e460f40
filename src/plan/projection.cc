#include "plan/projection.h"

#include <algorithm>

namespace capsante::plan {
namespace {

// What a student becomes with the diploma: the CESP "est distribuée jusqu'à
// l'obtention du diplôme d'État de docteur en médecine ou en chirurgie
// dentaire" (source 000). Values of the `profession` enum of
// catalog/situation.yaml; the plan tests check both exist.
struct Graduate {
  const char* student;
  const char* professional;
};
constexpr Graduate kGraduates[] = {
    {"etudiant_medecine", "medecin"},
    {"etudiant_odontologie", "chirurgien_dentiste"},
};

}  // namespace

int Projector::Slot(std::string_view path) const {
  const FieldSpec* f = catalog_.schema().Find(path);
  return f && f->is_scalar() && !f->in_list ? f->slot : -1;
}

Projector::Projector(const Catalog& catalog, const Situation& base)
    : catalog_(catalog), base_(base), start_(base.date()) {
  const SituationSchema& schema = catalog.schema();
  // Every known age moves on with the years: the user's and the welcomed doctor's.
  for (const FieldSpec& f : schema.fields()) {
    if (f.name == "age" && f.type == FieldType::kInteger && !f.in_list && base.fact(f.slot).known()) {
      age_slots_.push_back(f.slot);
    }
  }
  profession_slot_ = Slot("profession");
  const Fact* profession = profession_slot_ >= 0 ? &base.fact(profession_slot_) : nullptr;
  for (const Graduate& g : kGraduates) {
    if (profession && profession->known() && profession->text == g.student) {
      student_ = true;
      graduate_profession_ = g.professional;
    }
  }
  if (student_) {
    const int year = Slot("etudes.annee");
    if (year >= 0 && base.fact(year).known()) study_year_slot_ = year;
    study_cycle_slot_ = Slot("etudes.cycle");
    const int end = Slot("etudes.fin_prevue");
    if (end >= 0 && base.fact(end).known() && base.fact(end).date > start_) graduation_ = base.fact(end).date;
  }
  installation_slot_ = Slot("date_installation");
  first_installation_slot_ = Slot("premiere_installation_liberale");
  installation_open_ = installation_slot_ >= 0 && !base.fact(installation_slot_).known();

  contracts_ = schema.Find("contrats");
  if (contracts_) {
    const FieldSpec* id = schema.FindChild(*contracts_, "id");
    const FieldSpec* s = schema.FindChild(*contracts_, "date_debut");
    const FieldSpec* e = schema.FindChild(*contracts_, "date_fin");
    if (id && s && e) {
      contract_id_ = id->slot;
      contract_start_ = s->slot;
      contract_end_ = e->slot;
      for (const Record& r : base.records(contracts_->slot)) {
        const Fact& fid = r[static_cast<size_t>(contract_id_)];
        const Aid* aid = fid.known() ? catalog.FindAid(fid.text) : nullptr;
        if (!aid) continue;
        ContractSpan span{aid, Date(), Date()};
        const Fact& fs = r[static_cast<size_t>(contract_start_)];
        const Fact& fe = r[static_cast<size_t>(contract_end_)];
        span.start = fs.known() ? fs.date : Date::FromDays(-100000);  // signed once, date unknown
        if (fe.known()) span.end = fe.date;
        else if (fs.known() && aid->duration_months > 0) span.end = fs.date.AddMonths(aid->duration_months);
        else span.end = span.start;  // cannot be placed in time: counts as signed, not as running
        existing_.push_back(span);
      }
    } else {
      contracts_ = nullptr;
    }
  }
}

std::string_view Projector::ProfessionAt(Date date) const {
  if (student_ && graduation_ && date >= *graduation_) return graduate_profession_;
  const Fact& f = base_.fact(profession_slot_);
  return f.known() ? std::string_view(f.text) : std::string_view();
}

void Projector::At(Date date, const std::vector<ContractSpan>& steps, std::optional<Date> installed_on,
                   Situation* out) const {
  *out = base_;
  out->set_date(date);
  const int years = Date::YearsBetween(start_, date);
  for (int slot : age_slots_) {
    const FieldSpec& f = catalog_.schema().field(catalog_.schema().FieldOfSlot(slot));
    Fact* fact = out->mutable_fact(slot);
    fact->number = std::min(fact->number + years, f.max.value_or(fact->number + years));
  }
  const bool graduated = student_ && graduation_ && date >= *graduation_;
  if (study_year_slot_ >= 0 && years > 0 && !graduated) {
    const FieldSpec& f = catalog_.schema().field(catalog_.schema().FieldOfSlot(study_year_slot_));
    Fact* fact = out->mutable_fact(study_year_slot_);
    fact->number = std::min(fact->number + years, f.max.value_or(fact->number + years));
    // The cycle follows the years of study in ways the sources do not give:
    // unknown rather than guessed.
    if (study_cycle_slot_ >= 0) {
      *out->mutable_fact(study_cycle_slot_) = Fact();
      out->set_origin(study_cycle_slot_, FactOrigin::kNone);
    }
  }
  if (graduated) {
    (void)out->SetFromText("profession", graduate_profession_, FactOrigin::kUser);
    if (first_installation_slot_ >= 0 && !base_.fact(first_installation_slot_).known()) {
      (void)out->SetFromText("premiere_installation_liberale", "true", FactOrigin::kUser);
    }
  }
  // The installation date is the plan's to choose when the situation does
  // not give it (a student only installs once graduated).
  if (installation_open_ && (!student_ || graduated)) {
    Fact* fact = out->mutable_fact(installation_slot_);
    fact->kind = Fact::Kind::kDate;
    fact->date = installed_on.value_or(date);
    out->set_origin(installation_slot_, FactOrigin::kUser);
  }
  if (contracts_ && !steps.empty()) {
    std::vector<Record>* records = out->mutable_records(contracts_->slot);
    for (const ContractSpan& s : steps) {
      Record r(contracts_->children.size());
      r[static_cast<size_t>(contract_id_)].kind = Fact::Kind::kText;
      r[static_cast<size_t>(contract_id_)].text = s.aid->id;
      r[static_cast<size_t>(contract_start_)].kind = Fact::Kind::kDate;
      r[static_cast<size_t>(contract_start_)].date = s.start;
      r[static_cast<size_t>(contract_end_)].kind = Fact::Kind::kDate;
      r[static_cast<size_t>(contract_end_)].date = s.end;
      records->push_back(std::move(r));
    }
  }
}

std::vector<Date> Projector::PersonalDates(Date end) const {
  std::vector<Date> dates;
  if (!age_slots_.empty() || study_year_slot_ >= 0) {
    for (int k = 1;; ++k) {
      const Date d = start_.AddYears(k);
      if (d >= end) break;
      dates.push_back(d);
    }
  }
  if (graduation_ && *graduation_ < end) dates.push_back(*graduation_);
  return dates;
}

std::vector<std::string> Projector::Hypotheses() const {
  std::vector<std::string> h = {
      "Même commune et même activité pendant toute la durée du plan.",
      "Zonage d'aujourd'hui maintenu (les ARS révisent les zonages).",
      "Règles et montants connus aujourd'hui ; un barème daté s'applique à partir de sa date.",
      "Versements aux dates de l'échéancier de chaque aide, jamais avant la signature ; "
      "une aide annuelle ou mensuelle est versée à chaque échéance à compter de la signature.",
  };
  if (!age_slots_.empty()) {
    h.push_back("Âges : un an de plus à chaque anniversaire de la date de départ (la date de naissance n'est pas demandée).");
  }
  if (study_year_slot_ >= 0) {
    h.push_back("Études : une année de plus à chaque anniversaire de la date de départ ; le cycle d'études n'est ensuite plus supposé connu.");
  }
  if (graduation_) {
    h.push_back("Fin des études le " + graduation_->ToFrench() +
                " : installation à cette date dans la même commune, première installation en libéral.");
  }
  if (installation_open_) {
    h.push_back(student_ ? "Date d'installation non renseignée : installation supposée à la signature de la première aide après la fin des études."
                         : "Date d'installation non renseignée : le plan la fixe à la signature de sa première aide.");
  }
  if (!existing_.empty()) h.push_back("Un contrat déjà signé n'est pas signé une seconde fois.");
  return h;
}

}  // namespace capsante::plan

#include "capsante/engine.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compiled/compiled_aid.h"
#include "engine/aid_trials.h"
#include "engine/scratch.h"
#include "expr/eval.h"

namespace capsante {
namespace {

using internal::EngineFields;
using internal::KnownContact;
using internal::Scratch;
using internal::ScratchLease;

struct Running {
  int aid_index;
  Date start;
  Date end;  // exclusive
  bool renewed = false;  // tacitly renewed: no end
};

// A contract of the situation that had started on the date (running or not):
// what the ten-year rule looks back on.
struct Signed {
  int aid_index;
  Date start;
};

// An end date no simulation reaches: a tacitly renewed contract with no end.
constexpr Date kNoEnd = Date::FromCivil(9999, 12, 31);

void AppendUnique(std::vector<std::string_view>* out, std::string_view s) {
  if (std::find(out->begin(), out->end(), s) == out->end()) out->push_back(s);
}

// Whether the value of `p` in force on `date` is backed by an official text.
bool OfficialValue(const Parameter& p, Date date) {
  const ParameterValue* v = p.At(date);
  if (!v) v = &p.values.front();
  if (v->source.official()) return true;
  for (const auto& s : v->more_sources) {
    if (s.official()) return true;
  }
  return false;
}

bool SharesProfession(const Aid& a, const Aid& b) {
  for (const auto& p : a.professions) {
    if (std::find(b.professions.begin(), b.professions.end(), p) != b.professions.end()) return true;
  }
  return false;
}

// Field lists of the built-in checks.
const std::vector<std::string_view> kProfessionFields = {"profession"};
const std::vector<std::string_view> kStructureFields = {"structure.type"};
const std::vector<std::string_view> kRegionFields = {"zonage.region"};
const std::vector<std::string_view> kDepartementFields = {"zonage.departement"};

// A built-in check (profession or structure, region, départements), decided
// before the aid's own conditions are read.
// Written whole by each check (no default values: an aid uses one to three).
struct Gate {
  std::string_view text;
  const std::vector<std::string_view>* fields;
  ConditionStatus status;
  std::string_view missing;  // the field whose absence left it unknown
};

class AidEvaluator {
 public:
  AidEvaluator(const Catalog& catalog, const Situation& situation, const EvalOptions& options,
               const std::vector<Running>& running, const std::vector<Signed>& signed_contracts, Scratch* scratch)
      : catalog_(catalog), situation_(situation), schema_(catalog.schema()), options_(options), running_(running),
        signed_(signed_contracts),
        profession_(scratch->fields.profession.FactIn(situation)),
        region_(scratch->fields.region.FactIn(situation)),
        departement_(scratch->fields.departement.FactIn(situation)),
        structure_type_(scratch->fields.structure_type.FactIn(situation)),
        profession_value_(ProfessionValue(scratch->fields.profession.In(schema_), profession_)),
        contacts_(scratch->contacts),
        params_(scratch->params),
        missing_(scratch->missing),
        scratch_(scratch->schedule_base),
        optional_(scratch->optional),
        params_read_(scratch->params_read) {
    ctx_.situation = &situation_;
    ctx_.params = &params_;
    contacts_.clear();  // they depend on the situation's place
  }

  // Forgets what was read of the situation's facts other than the
  // profession, region, département and lists (AidTrials: a fact changed).
  void ForgetFacts() { any_structure_fact_.reset(); }

  // AidTrials reads only an aid's status, and its amount when eligible:
  // an aid still out of reach is left once its status is known.
  void StatusFirst() { status_first_ = true; }

  // Fills `r`, constructed in place in the result (an AidResult is large:
  // no copy, no move).
  void Run(const Aid& aid, AidResult& r) {
    const auto& compiled = *aid.compiled;
    r.aid = &aid;
    params_bound_ = false;
    ctx_.missing = nullptr;
    ctx_.optional = nullptr;
    ctx_.params_read = nullptr;
    ctx_.item = nullptr;
    ctx_.error.clear();

    // 1. Who and where the aid is for, before anything else.
    bool gate_false = false;
    bool profession_false = false;
    Gate gates[3];
    size_t gate_count = 0;
    if (aid.for_structure) {
      GateStructure(&r, &gates[gate_count++], &gate_false, &profession_false);
    } else {
      GateProfession(aid, &r, &gates[gate_count++], &gate_false, &profession_false);
    }
    GateRegion(aid, compiled, &r, gates, &gate_count, &gate_false);

    // 2. Its own conditions — not read when the aid is for another
    // profession or region: the failed gate alone answers "why not".
    const size_t evaluated = gate_false ? 0 : compiled.conditions.size();
    r.conditions.reserve(gate_count + evaluated + running_.size() + (aid.waiting_period ? signed_.size() : 0));
    for (size_t i = 0; i < gate_count; ++i) {
      ConditionResult& c = r.conditions.emplace_back();
      c.text = gates[i].text;
      c.fields = gates[i].fields;
      c.status = gates[i].status;
      if (!gates[i].missing.empty()) c.missing.push_back(gates[i].missing);
    }
    if (evaluated > 0) {
      for (const void* node : compiled.condition_nodes) {
        __builtin_prefetch(node);
        __builtin_prefetch(static_cast<const char*>(node) + 64);  // a node spans two lines
      }
      BindParameters(aid);
    }
    std::vector<int>& missing = missing_;
    for (size_t i = 0; i < evaluated; ++i) {
      missing.clear();
      ctx_.missing = &missing;
      const expr::Value v = expr::Eval(*compiled.conditions[i].expression, &ctx_);
      ConditionResult& c = r.conditions.emplace_back();
      c.text = aid.conditions[i].text;
      c.source = &aid.conditions[i].source;
      c.fields = &compiled.conditions[i].fields;
      if (!v.known()) {
        c.status = ConditionStatus::kUnknown;
        c.missing.reserve(missing.size());
        for (int id : missing) AppendUnique(&c.missing, schema_.field(id).path);
      } else {
        c.status = v.b ? ConditionStatus::kMet : ConditionStatus::kNotMet;
      }
    }

    // 3. Contracts already running: this one, and those it cannot be combined with.
    for (const Running& run : running_) {
      if (run.aid_index == compiled.index) {
        RunningContract rc;
        rc.start = run.start;
        rc.end = run.end;
        rc.renewed = run.renewed;
        r.running = std::move(rc);
      }
      if (std::find(compiled.incompatible.begin(), compiled.incompatible.end(), run.aid_index) != compiled.incompatible.end()) {
        const Aid& other = catalog_.aids()[static_cast<size_t>(run.aid_index)];
        ConditionResult& c = r.conditions.emplace_back();
        c.text = "Aucun contrat incompatible en cours";
        c.status = ConditionStatus::kNotMet;
        c.note = run.renewed ? other.name + " en cours depuis le " + run.start.ToFrench() + " (reconduit tacitement, sans date de fin)"
                             : other.name + " en cours jusqu'au " + run.end.AddDays(-1).ToFrench();
        r.blocked_by.push_back(other.id);
      }
    }
    if (!gate_false) CheckWaitingPeriod(aid, &r);

    // 4. Status.
    bool any_false = gate_false;
    bool any_unknown = false;
    for (size_t i = 0; i < r.conditions.size() && !any_false; ++i) {  // the first one not met decides
      any_false |= r.conditions[i].status == ConditionStatus::kNotMet;
      any_unknown |= r.conditions[i].status == ConditionStatus::kUnknown;
    }
    const Date date = situation_.date();
    if (!gate_false && !aid.OpenOn(date)) {
      r.status = AidStatus::kClosed;
    } else if (any_false) {
      r.status = AidStatus::kNotEligible;
    } else if (any_unknown || aid.partial_conditions) {
      r.status = AidStatus::kToSpecify;
    } else {
      r.status = AidStatus::kEligible;
    }

    if (status_first_ && r.status != AidStatus::kEligible) return;

    // 5. Amount, for what can be received (or is being received).
    if (r.status == AidStatus::kEligible || r.status == AidStatus::kToSpecify || r.running) ComputeAmount(aid, &r);

    // What is missing: the conditions' fields first, then the amount's.
    const bool conditions_missing = r.status == AidStatus::kToSpecify;
    const bool amount_missing = r.status != AidStatus::kNotEligible && r.status != AidStatus::kClosed;
    size_t missing_count = amount_missing ? r.amount.missing.size() : 0;
    if (conditions_missing) {
      for (const auto& c : r.conditions) missing_count += c.missing.size();
    }
    if (missing_count > 0) {
      r.missing.reserve(missing_count);
      if (conditions_missing) {
        for (const auto& c : r.conditions) {
          for (const auto& m : c.missing) AppendUnique(&r.missing, m);
        }
      }
      if (amount_missing) {
        for (const auto& m : r.amount.missing) AppendUnique(&r.missing, m);
      }
    }
    if (options_.explanations && r.status == AidStatus::kNotEligible && !profession_false) {
      const ConditionResult* only = nullptr;
      int failed = 0;
      for (const auto& c : r.conditions) {
        if (c.status == ConditionStatus::kNotMet) {
          ++failed;
          only = &c;
        }
      }
      if (failed == 1 && r.blocked_by.empty() && !r.possible_from) r.one_fact_away.push_back(only);
    }
    if (!ctx_.error.empty()) r.error = ctx_.error;
    ResolveContact(aid, &r);
  }

 private:
  // The aid's parameters at the date, bound only for an aid whose
  // expressions are read (most aids are for another profession).
  void BindParameters(const Aid& aid) {
    if (params_bound_) return;
    params_bound_ = true;
    params_.assign(aid.parameters.size(), expr::ParamSlot());
    const Date date = situation_.date();
    for (size_t i = 0; i < aid.parameters.size(); ++i) {
      const Parameter& p = aid.parameters[i];
      const ParameterValue* v = p.At(date);
      if (!v) v = &p.values.front();  // before its first date: the earliest value, flagged below
      params_[i].number = v->value;
      params_[i].scale = v->scale.empty() ? nullptr : &v->scale;
    }
  }

  // The ten-year rule (aid key "delai_carence"): a previous aid of the same
  // category granted less than `years` before the date keeps this one out of
  // reach; a previous installation aid of another or no declared category
  // may do so, which only the payer can say (a_preciser, naming it).
  void CheckWaitingPeriod(const Aid& aid, AidResult* r) {
    if (!aid.waiting_period) return;
    const WaitingPeriod& wp = *aid.waiting_period;
    const Date date = situation_.date();
    if (wp.applies_from && date < *wp.applies_from) return;
    if (!aid.OpenOn(date)) return;  // closed: no new aid to wait for
    for (const Signed& s : signed_) {
      const Aid& other = catalog_.aids()[static_cast<size_t>(s.aid_index)];
      if (r->running && s.aid_index == aid.compiled->index && s.start == r->running->start) continue;  // this very contract
      const Date until = s.start.AddYears(wp.years);
      if (date >= until) continue;
      const bool same = other.waiting_period && other.waiting_period->category == wp.category;
      const bool unclear = !same && other.family == "installation" && !other.for_structure && SharesProfession(aid, other);
      if (!same && !unclear) continue;
      ConditionResult& c = r->conditions.emplace_back();
      c.text = aid.compiled->waiting_period_gate;
      c.source = &wp.source;
      const std::string earlier = other.name + " accordé(e) le " + s.start.ToFrench();
      if (same) {
        c.status = ConditionStatus::kNotMet;
        c.note = earlier + " : nouvelle aide de la même catégorie possible à partir du " + until.ToFrench();
        if (!r->possible_from || *r->possible_from < until) r->possible_from = until;
      } else {
        c.status = ConditionStatus::kUnknown;
        c.note = earlier + " : s'il s'agit d'une aide de la même catégorie, nouvelle aide possible à partir du " +
                 until.ToFrench() + " (à vérifier auprès du contact indiqué)";
      }
    }
  }

  void GateProfession(const Aid& aid, AidResult* r, Gate* gate, bool* gate_false, bool* profession_false) {
    Gate& c = *gate;
    c = {aid.compiled->profession_gate, &kProfessionFields, ConditionStatus::kUnknown, {}};
    const Fact* f = profession_;
    if (!f || !f->known()) {
      c.status = ConditionStatus::kUnknown;
      c.missing = "profession";
    } else if (ForProfession(aid, *f)) {
      c.status = ConditionStatus::kMet;
    } else {
      c.status = ConditionStatus::kNotMet;
      *gate_false = true;
      *profession_false = true;
      r->scope = AidScope::kOtherApplicant;
    }
  }

  // Whether the aid is for the situation's profession: one bit of the mask
  // made at load when the situation's is one of the first 64 enum values
  // (validated input always names an enum value).
  bool ForProfession(const Aid& aid, const Fact& profession) const {
    if (profession_value_ < 0 || profession_value_ >= 64) {
      return std::find(aid.professions.begin(), aid.professions.end(), profession.text) != aid.professions.end();
    }
    return (aid.compiled->profession_mask >> profession_value_) & 1;
  }

  static int ProfessionValue(const FieldSpec* field, const Fact* profession) {
    if (!field || !profession || !profession->known()) return -1;
    return field->EnumIndex(profession->text);
  }

  // Collective aids are applied for by a structure: a situation that says
  // nothing of a structure is an individual's, for whom they are out of reach.
  void GateStructure(AidResult* r, Gate* gate, bool* gate_false, bool* applicant_false) {
    Gate& c = *gate;
    c = {"Demande présentée par une structure d'exercice coordonné (ESP, MSP, CDS ou CPTS)", &kStructureFields,
         ConditionStatus::kUnknown, {}};
    const Fact* type = structure_type_;
    const bool any = AnyStructureFact();
    if (type && type->known()) {
      c.status = ConditionStatus::kMet;
    } else if (any) {
      c.status = ConditionStatus::kUnknown;
      c.missing = "structure.type";
    } else {
      c.status = ConditionStatus::kNotMet;
      *gate_false = true;
      *applicant_false = false;  // one fact away: describe the structure
      r->scope = AidScope::kOtherApplicant;
    }
  }

  void GateRegion(const Aid& aid, const internal::CompiledAid& compiled, AidResult* r, Gate* gates,
                  size_t* gate_count, bool* gate_false) {
    if (!aid.region.empty()) {
      Gate& c = gates[(*gate_count)++];
      c = {compiled.region_gate, &kRegionFields, ConditionStatus::kUnknown, {}};
      if (!region_ || !region_->known()) {
        c.status = ConditionStatus::kUnknown;
        c.missing = "zonage.region";
      } else {
        c.status = region_->text == aid.region ? ConditionStatus::kMet : ConditionStatus::kNotMet;
        *gate_false |= c.status == ConditionStatus::kNotMet;
        if (c.status == ConditionStatus::kNotMet && r->scope == AidScope::kConcerns) r->scope = AidScope::kOtherPlace;
      }
    }
    if (!aid.departements.empty()) {
      Gate& c = gates[(*gate_count)++];
      c = {compiled.departement_gate, &kDepartementFields, ConditionStatus::kUnknown, {}};
      if (!departement_ || !departement_->known()) {
        c.status = ConditionStatus::kUnknown;
        c.missing = "zonage.departement";
      } else {
        const bool in = std::find(aid.departements.begin(), aid.departements.end(), departement_->text) != aid.departements.end();
        c.status = in ? ConditionStatus::kMet : ConditionStatus::kNotMet;
        *gate_false |= !in;
        if (!in && r->scope == AidScope::kConcerns) r->scope = AidScope::kOtherPlace;
      }
    }
  }

  std::optional<double> EvalNumber(const expr::BoundExpr* e, std::vector<int>* missing, std::vector<int>* optional) {
    if (!e) return std::nullopt;
    ctx_.missing = missing;
    ctx_.optional = optional;
    const expr::Value v = expr::Eval(*e, &ctx_);
    ctx_.optional = nullptr;
    if (!v.known()) return std::nullopt;
    return v.n;
  }

  void ComputeAmount(const Aid& aid, AidResult* r) {
    const auto& compiled = *aid.compiled;
    AmountResult& a = r->amount;
    a.quantified = !aid.amount_not_quantified;
    BindParameters(aid);
    std::vector<int>& missing = missing_;
    std::vector<int>& optional = optional_;
    missing.clear();
    optional.clear();
    params_read_.clear();
    ctx_.params_read = &params_read_;
    a.rate = EvalNumber(compiled.rate.get(), &missing, &optional);
    a.cap_per_period = EvalNumber(compiled.cap.get(), &missing, &optional);
    if (a.quantified) {
      a.per_period = EvalNumber(compiled.per_period.get(), &missing, &optional);
      // Schedule.
      std::optional<Date> base;
      if (compiled.schedule_base) {
        scratch_.clear();
        ctx_.missing = &scratch_;
        const expr::Value b = expr::Eval(*compiled.schedule_base, &ctx_);
        if (b.known()) base = Date::FromDays(b.i);
      }
      bool schedule_known = true;
      double schedule_sum = 0;
      size_t payments = 0;
      for (const Payment& p : aid.schedule) payments += static_cast<size_t>(std::max(p.repeat, 0));
      a.schedule.reserve(payments);
      for (size_t i = 0; i < aid.schedule.size(); ++i) {
        const Payment& p = aid.schedule[i];
        const std::optional<double> amount = EvalNumber(compiled.payments[i].get(), &missing, &optional);
        for (int k = 0; k < p.repeat; ++k) {
          PaymentResult pr;
          pr.months_after = p.months_after + k * p.every_months;
          if (base) pr.date = base->AddMonths(pr.months_after);
          pr.amount = amount;
          pr.label = p.label;
          for (size_t at = pr.label.find("{n}"); at != std::string::npos; at = pr.label.find("{n}", at)) {
            pr.label.replace(at, 3, std::to_string(k + 1));
          }
          if (amount) schedule_sum += *amount;
          else schedule_known = false;
          a.schedule.push_back(std::move(pr));
        }
      }
      if (compiled.total) {
        a.total = EvalNumber(compiled.total.get(), &missing, &optional);
      } else if (!a.schedule.empty()) {
        if (schedule_known) a.total = schedule_sum;
      } else if (a.per_period) {
        if (aid.periodicity == Periodicity::kOnce) a.total = a.per_period;
        else if (aid.duration_months > 0) {
          const double periods = aid.periodicity == Periodicity::kYearly ? aid.duration_months / 12.0 : aid.duration_months;
          a.total = *a.per_period * periods;
        }
      }
      if (r->running) {
        // The payments are counted from the contract's own start, known even
        // when the situation gives no installation date. A tacitly renewed
        // contract pays its schedule again in each period: report the period
        // running on the date.
        // The schedule shown is the signed contract's, from its start.
        Date start = r->running->start;
        for (auto& p : a.schedule) p.date = start.AddMonths(p.months_after);
        if (r->running->renewed && aid.duration_months > 0) {
          const int periods = Date::MonthsBetween(start, situation_.date()) / aid.duration_months;
          start = start.AddMonths(periods * aid.duration_months);
        }
        r->running->remaining.reserve(a.schedule.size());
        for (const auto& p : a.schedule) {
          PaymentResult moved = p;
          moved.date = start.AddMonths(p.months_after);
          if (*moved.date >= situation_.date()) r->running->remaining.push_back(moved);
        }
      }
    }
    ctx_.params_read = nullptr;
    a.missing.reserve(missing.size());
    for (int id : missing) AppendUnique(&a.missing, schema_.field(id).path);
    a.possible_bonuses.reserve(optional.size());
    for (int id : optional) AppendUnique(&a.possible_bonuses, schema_.field(id).path);
    // Amounts whose value in force only a blog gives.
    std::sort(params_read_.begin(), params_read_.end());
    params_read_.erase(std::unique(params_read_.begin(), params_read_.end()), params_read_.end());
    for (int index : params_read_) {
      const Parameter& p = aid.parameters[static_cast<size_t>(index)];
      if (!OfficialValue(p, situation_.date())) a.unofficial.push_back(&p);
    }
    if (options_.explanations) {
      const Date date = situation_.date();
      a.parameters.reserve(compiled.amount_params.size());
      for (int index : compiled.amount_params) {
        const Parameter& p = aid.parameters[static_cast<size_t>(index)];
        const ParameterValue* v = p.At(date);
        if (!v) v = &p.values.front();
        a.parameters.push_back({&p, v});
      }
    }
  }

  // Most aids share a handful of payers: each organisation's contact for the
  // situation's place is looked up once per evaluation.
  void ResolveContact(const Aid& aid, AidResult* r) {
    const Organisation* org = aid.compiled->organisation;  // found at load
    for (const KnownContact& known : contacts_) {
      if (known.organisation == org) {
        r->contact = known.contact;
        return;
      }
    }
    ContactResult& contact = contacts_.emplace_back(KnownContact{org, {}}).contact;
    if (org) {
      contact.general = &org->general;
      contact.entry = &org->general;
      const Fact* dep = departement_;
      const Fact* reg = region_;
      auto local = dep && dep->known() ? org->by_departement.find(dep->text) : org->by_departement.end();
      if (local != org->by_departement.end()) {
        contact.entry = &local->second;
      } else if (reg && reg->known()) {
        auto it = org->by_region.find(reg->text);
        if (it != org->by_region.end()) contact.entry = &it->second;
      }
    }
    r->contact = contact;
  }

  // Whether the situation says anything of a structure (read by the
  // structure gate when the structure's type is not given).
  bool AnyStructureFact() {
    if (!any_structure_fact_) {
      any_structure_fact_ = false;
      for (const FieldSpec& f : schema_.fields()) {
        if (f.is_scalar() && !f.in_list && f.path.rfind("structure.", 0) == 0 && situation_.fact(f.slot).known()) {
          *any_structure_fact_ = true;
          break;
        }
      }
    }
    return *any_structure_fact_;
  }

  const Catalog& catalog_;
  const Situation& situation_;
  const SituationSchema& schema_;
  const EvalOptions& options_;
  const std::vector<Running>& running_;
  const std::vector<Signed>& signed_;
  const Fact* profession_;
  const Fact* region_;
  const Fact* departement_;
  const Fact* structure_type_;
  int profession_value_;  // index among the enum values, -1 when unknown
  std::optional<bool> any_structure_fact_;
  bool status_first_ = false;
  std::vector<KnownContact>& contacts_;
  std::vector<expr::ParamSlot>& params_;
  bool params_bound_ = false;
  std::vector<int>& missing_;
  std::vector<int>& scratch_;
  std::vector<int>& optional_;
  std::vector<int>& params_read_;
  expr::EvalContext ctx_;
};

// The contracts of the situation: those running on the date, and every one
// that had started by then (for the ten-year rule).
std::vector<Running> RunningContracts(const Catalog& catalog, const Situation& situation, EngineFields* fields,
                                      std::vector<Signed>* signed_out) {
  std::vector<Running> out;
  const SituationSchema& schema = catalog.schema();
  const FieldSpec* list = fields->contracts.In(schema);
  if (!list) return out;
  const FieldSpec* id = fields->contract_id.In(schema);
  const FieldSpec* start = fields->contract_start.In(schema);
  const FieldSpec* end = fields->contract_end.In(schema);
  if (!id || !start || !end) return out;
  const Date date = situation.date();
  for (const Record& r : situation.records(list->slot)) {
    const Fact& fid = r[static_cast<size_t>(id->slot)];
    const Fact& fstart = r[static_cast<size_t>(start->slot)];
    const Fact& fend = r[static_cast<size_t>(end->slot)];
    const Aid* aid = fid.known() ? catalog.FindAid(fid.text) : nullptr;
    if (!aid || !fstart.known()) continue;  // a contract with no start date cannot be placed in time
    if (fstart.date <= date) signed_out->push_back({aid->compiled->index, fstart.date});
    Date stop;
    bool renewed = false;
    if (fend.known()) stop = fend.date;
    else if (aid->tacit_renewal) stop = kNoEnd, renewed = true;  // renewed until someone ends it
    else if (aid->duration_months > 0) stop = fstart.date.AddMonths(aid->duration_months);
    else continue;  // no end known: it cannot be said to be running
    if (fstart.date <= date && date < stop) out.push_back({aid->compiled->index, fstart.date, stop, renewed});
  }
  return out;
}

// Aids are 1.5 KB apart, each pointing to its compiled half elsewhere, and
// most are only gated (another profession or place): their few reads are
// cache misses more than work. The lines the gates read are asked for an aid
// ahead, and the first two lines of its compiled half (profession mask,
// organisation, gate texts) once its own lines have arrived.
void PrefetchGates(const std::vector<Aid>& aids, size_t next) {
  if (next + 1 < aids.size()) {
    const Aid& after = aids[next + 1];
    __builtin_prefetch(&after.for_structure);
    __builtin_prefetch(&after.region);
    __builtin_prefetch(&after.compiled);
  }
  if (next < aids.size()) {
    const Aid& a = aids[next];
    __builtin_prefetch(a.compiled.get());
    __builtin_prefetch(reinterpret_cast<const char*>(a.compiled.get()) + 64);
  }
}

}  // namespace

std::string UnofficialAmountNote(const AidResult& r) {
  if (r.amount.unofficial.empty()) return "";
  std::string labels;
  for (const Parameter* p : r.amount.unofficial) labels += (labels.empty() ? "" : ", ") + p->label;
  return "Montant issu d'une source non officielle (à confirmer auprès du financeur) : " + labels + ".";
}

std::string AidMessage(const Result& result, const AidResult& r) {
  const Aid& aid = *r.aid;
  switch (r.status) {
    case AidStatus::kEligible:
      return r.amount.missing.empty() ? "Vous remplissez toutes les conditions."
                                      : "Vous remplissez toutes les conditions ; le montant reste à préciser.";
    case AidStatus::kToSpecify: {
      if (r.missing.empty()) {
        for (const auto& c : r.conditions) {
          if (c.status == ConditionStatus::kUnknown && !c.note.empty()) return "À vérifier : " + c.note + ".";
        }
      }
      if (r.missing.empty() && aid.partial_conditions) {
        return "Les sources ne détaillent pas toutes les conditions de ce dispositif : vérifiez auprès du contact indiqué.";
      }
      // People read this sentence: the fields in words, as in manquants_libelles.
      const SituationSchema& schema = result.catalog->schema();
      std::string fields;
      for (const auto& m : r.missing) {
        if (!fields.empty()) fields += ", ";
        const std::string_view label = schema.Label(m);
        fields += label.empty() ? m : label;
      }
      return "Éligibilité à préciser : il manque " + fields + ".";
    }
    case AidStatus::kNotEligible:
      if (!r.blocked_by.empty()) return "Non cumulable avec un contrat en cours.";
      if (r.possible_from) {
        // Only when the ten-year rule is the one reason left.
        int other_failures = 0;
        for (const auto& c : r.conditions) {
          other_failures += c.status == ConditionStatus::kNotMet && c.text != aid.compiled->waiting_period_gate;
        }
        if (other_failures == 0) {
          return "Une aide de la même catégorie a été accordée il y a moins de dix ans : nouvelle aide possible à partir du " +
                 r.possible_from->ToFrench() + ".";
        }
      }
      return "Au moins une condition n'est pas remplie.";
    case AidStatus::kClosed: {
      const Date date = result.date;
      if (aid.opens && date < *aid.opens) return "Pas encore ouvert : souscription possible à partir du " + aid.opens->ToFrench() + ".";
      std::string s = "Fermé : souscription possible jusqu'au " + aid.closes->ToFrench() + " seulement.";
      if (!aid.replaced_by.empty()) {
        std::string names;
        for (const auto& id : aid.replaced_by) {
          const Aid* other = result.catalog ? result.catalog->FindAid(id) : nullptr;
          names += (names.empty() ? "" : ", ") + (other ? other->name : id);
        }
        s += " Remplacé par : " + names + ".";
      }
      return s;
    }
  }
  return "";
}

Result Evaluate(const Catalog& catalog, const Situation& situation, const EvalOptions& options) {
  Result result;
  result.catalog = &catalog;
  result.date = situation.date();
  result.date_given = situation.date_given();
  ScratchLease scratch;
  std::vector<Signed> signed_contracts;
  const std::vector<Running> running = RunningContracts(catalog, situation, &scratch.get().fields, &signed_contracts);
  AidEvaluator evaluator(catalog, situation, options, running, signed_contracts, &scratch.get());
  if (options.only.empty()) {
    const std::vector<Aid>& aids = catalog.aids();
    result.aids.reserve(aids.size());
    for (size_t i = 0; i < aids.size(); ++i) {
      PrefetchGates(aids, i + 1);
      evaluator.Run(aids[i], result.aids.emplace_back());
    }
    return result;
  }
  // Some aids only (what-if, plans): found by id, evaluated in catalog order.
  if (options.only.size() == 1) {
    if (const Aid* aid = catalog.FindAid(options.only.front())) evaluator.Run(*aid, result.aids.emplace_back());
    return result;
  }
  std::vector<int> chosen;
  chosen.reserve(options.only.size());
  for (const std::string& id : options.only) {
    if (const Aid* aid = catalog.FindAid(id)) chosen.push_back(aid->compiled->index);
  }
  std::sort(chosen.begin(), chosen.end());
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  result.aids.reserve(chosen.size());
  for (int index : chosen) evaluator.Run(catalog.aids()[static_cast<size_t>(index)], result.aids.emplace_back());
  return result;
}

namespace internal {

// The order matters: the evaluator reads the others when it is built.
struct AidTrials::State {
  State(const Catalog& catalog, const Situation& situation)
      : running(RunningContracts(catalog, situation, &scratch.get().fields, &signed_contracts)),
        evaluator(catalog, situation, options, running, signed_contracts, &scratch.get()) {
    evaluator.StatusFirst();
  }
  ScratchLease scratch;
  EvalOptions options = {.explanations = false, .only = {}};
  std::vector<Signed> signed_contracts;
  std::vector<Running> running;
  AidEvaluator evaluator;
};

AidTrials::AidTrials(const Catalog& catalog, const Situation& situation)
    : state_(std::make_unique<State>(catalog, situation)) {}

AidTrials::~AidTrials() = default;

void AidTrials::Run(const Aid& aid, AidResult* out) {
  state_->evaluator.ForgetFacts();
  state_->evaluator.Run(aid, *out);
}

}  // namespace internal

}  // namespace capsante

// The search for the best legal plans: a depth-first walk over the dates on
// which something can change (README.md of this folder explains why these
// dates are enough), evaluating the engine on the projected situation at
// each of them.
#include <algorithm>
#include <map>
#include <set>

#include "capsante/engine.h"
#include "capsante/plan.h"
#include "capsante/text.h"
#include "compiled/compiled_aid.h"
#include "plan/projection.h"

namespace capsante {

Status CheckHorizon(int years) {
  if (years < PlanOptions::kMinHorizon || years > PlanOptions::kMaxHorizon) {
    return Status::InvalidInput("la durée du plan (horizon) doit être un nombre entier d'années entre " +
                                    std::to_string(PlanOptions::kMinHorizon) + " et " +
                                    std::to_string(PlanOptions::kMaxHorizon),
                                "horizon");
  }
  return Status::Ok();
}

namespace plan {
namespace {

// Enough for every situation the tests and benchmarks hold (a few dozen);
// a bound so that no input can make the search run away.
constexpr int kMaxEvaluations = 2000;
constexpr size_t kMaxContestedPerDate = 6;  // 64 subsets at most

bool Contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }
bool Contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

bool Incompatible(const Aid& a, const Aid& b) {
  return Contains(a.compiled->incompatible, b.compiled->index) || Contains(b.compiled->incompatible, a.compiled->index);
}

struct Leaf {
  double total = 0;
  double certain = 0;
  bool partial = false;
  std::vector<PlanStep> steps;
  std::string signature;  // the first signing date and its aids: one plan per first decision
};

class Search {
 public:
  Search(const Catalog& catalog, const Situation& base, const PlanOptions& options)
      : catalog_(catalog), options_(options), projector_(catalog, base), start_(base.date()),
        end_(base.date().AddYears(options.horizon_years)) {
    eval_.explanations = false;
    for (const Aid& aid : catalog.aids()) {
      if (aid.opens && *aid.opens > start_ && *aid.opens < end_) fixed_dates_.push_back(*aid.opens);
    }
    for (const ContractSpan& c : projector_.existing()) {
      if (c.end > start_ && c.end < end_) fixed_dates_.push_back(c.end);
    }
    for (Date d : projector_.PersonalDates(end_)) fixed_dates_.push_back(d);
    std::sort(fixed_dates_.begin(), fixed_dates_.end());
    fixed_dates_.erase(std::unique(fixed_dates_.begin(), fixed_dates_.end()), fixed_dates_.end());
  }

  void Run() { Explore(start_); }

  std::vector<Leaf>& leaves() { return leaves_; }
  int evaluations() const { return evaluations_; }
  bool capped() const { return capped_; }
  const Projector& projector() const { return projector_; }
  Date end() const { return end_; }

 private:
  struct Candidate {
    const AidResult* result;
    double full;   // the step's total within the horizon (0 when unknown)
    bool certain;  // depends on no unknown fact
  };

  // May `aid` be signed on `date` given the plan so far? The engine has
  // already checked the window, the conditions and the running contracts.
  bool Signable(const AidResult& r) const {
    const Aid& aid = *r.aid;
    if (r.status != AidStatus::kEligible && r.status != AidStatus::kToSpecify) return false;
    // A doubt no field of the situation can lift (the ten-year rule with an
    // aid of an unclear category): the plan cannot say what it depends on.
    for (const ConditionResult& c : r.conditions) {
      if (c.status == ConditionStatus::kUnknown && c.missing.empty()) return false;
    }
    // The sources do not give all its conditions: a plan cannot be sure of it.
    if (aid.partial_conditions) return false;
    if (!r.amount.quantified || r.running) return false;
    for (const ContractSpan& c : projector_.existing()) {
      if (c.aid == &aid) return false;  // already signed once
    }
    for (const PlanStep& s : path_) {
      if (s.aid == &aid) return false;  // once per plan; renewals extend the step
    }
    return !SequenceForbidden(aid);
  }

  // Within one convention, an aid that cannot be combined with an earlier
  // one may only follow it when the catalog says so (suites_autorisees).
  bool SequenceForbidden(const Aid& aid) const {
    auto forbids = [&](const Aid& earlier) {
      return Incompatible(earlier, aid) && earlier.convention == aid.convention && !Contains(earlier.may_follow, aid.id);
    };
    for (const ContractSpan& c : projector_.existing()) {
      if (forbids(*c.aid)) return true;
    }
    for (const PlanStep& s : path_) {
      if (forbids(*s.aid)) return true;
    }
    return false;
  }

  // The earlier incompatible aid this one follows as an allowed sequence.
  const Aid* Follows(const Aid& aid) const {
    if (SequenceForbidden(aid)) return nullptr;
    const Aid* found = nullptr;
    for (const PlanStep& s : path_) {
      if (Incompatible(*s.aid, aid) && Contains(s.aid->may_follow, aid.id)) found = s.aid;
    }
    return found;
  }

  // Could `other` still be signed on `date` or later, for this person?
  bool StillPossible(const Aid& other, Date date) const {
    if (other.closes && *other.closes < date) return false;
    if (other.for_structure) return false;
    for (const ContractSpan& c : projector_.existing()) {
      if (c.aid == &other) return false;
    }
    for (const PlanStep& s : path_) {
      if (s.aid == &other) return false;
    }
    const std::string now(projector_.ProfessionAt(date));
    const std::string later(projector_.ProfessionAt(end_));
    return Contains(other.professions, now) || Contains(other.professions, later);
  }

  // Contested: signing it now may keep another possible aid out.
  bool Contested(const Aid& aid, Date date) const {
    for (int index : aid.compiled->incompatible) {
      const Aid& other = catalog_.aids()[static_cast<size_t>(index)];
      if (StillPossible(other, date)) return true;
    }
    return false;
  }

  PlanStep MakeStep(const AidResult& r, Date date) const {
    const Aid& aid = *r.aid;
    PlanStep step;
    step.aid = &aid;
    step.start = date;
    step.follows = Follows(aid);
    if (aid.duration_months > 0) {
      step.end = date.AddMonths(aid.duration_months);
    } else {
      step.end = end_;
      step.open_ended = true;
      // A student's aid ends with the studies.
      const auto graduation = projector_.graduation();
      if (graduation && date < *graduation && !Contains(aid.professions, std::string(projector_.ProfessionAt(*graduation)))) {
        step.end = *graduation;
        step.open_ended = false;
      }
    }
    for (std::string_view m : r.missing) step.depends_on.push_back(m);
    const Date stop = std::min(step.end, end_);
    bool known = true;
    const AmountResult& a = r.amount;
    auto add = [&](Date when, const std::optional<double>& amount) {
      if (!amount) {
        known = false;
        return;
      }
      if (when < date) when = date;
      if (when < end_ && *amount != 0) step.payments.push_back({when, *amount});
    };
    if (!a.schedule.empty()) {
      for (const PaymentResult& p : a.schedule) add(p.date ? *p.date : date.AddMonths(p.months_after), p.amount);
    } else if (!a.per_period) {
      known = false;
    } else if (aid.periodicity == Periodicity::kOnce) {
      add(date, a.total ? a.total : a.per_period);
    } else {
      const int every = aid.periodicity == Periodicity::kYearly ? 12 : 1;
      double paid = 0;
      for (int k = 0;; ++k) {
        const Date when = date.AddMonths(k * every);
        if (when >= stop) break;
        double amount = *a.per_period;
        if (a.total && aid.duration_months > 0) amount = std::min(amount, *a.total - paid);  // the contract's cap
        if (amount <= 0) break;
        paid += amount;
        step.payments.push_back({when, amount});
      }
    }
    if (known) {
      double sum = 0;
      for (const PlanPayment& p : step.payments) sum += p.amount;
      step.total = sum;
    }
    return step;
  }

  Date NextDate(Date date, std::optional<Date> also = std::nullopt) const {
    Date next = end_;
    auto consider = [&](Date d) {
      if (d > date && d < next) next = d;
    };
    auto it = std::upper_bound(fixed_dates_.begin(), fixed_dates_.end(), date);
    if (it != fixed_dates_.end()) consider(*it);
    for (const PlanStep& s : path_) consider(s.end);
    if (also) consider(*also);
    return next;
  }

  void RecordLeaf() {
    Leaf leaf;
    for (const PlanStep& s : path_) {
      if (s.total) leaf.total += *s.total;
      else leaf.partial = true;
      if (s.total && s.depends_on.empty()) leaf.certain += *s.total;
    }
    if (!options_.details) {
      // Rankings: the best certain total only.
      if (leaves_.empty() || leaf.certain > leaves_[0].certain) {
        leaves_.resize(1);
        leaves_[0].total = leaf.total;
        leaves_[0].certain = leaf.certain;
        leaves_[0].partial = leaf.partial;
        leaves_[0].steps.clear();
        for (const PlanStep& s : path_) {
          if (!s.total || !s.depends_on.empty()) continue;
          PlanStep light;
          light.aid = s.aid;
          light.start = s.start;
          light.end = s.end;
          light.total = s.total;
          leaves_[0].steps.push_back(std::move(light));
        }
      }
      return;
    }
    // One plan per first decision: what is signed on the first signing date.
    std::vector<std::string> ids;
    Date first = end_;
    for (const PlanStep& s : path_) first = std::min(first, s.start);
    for (const PlanStep& s : path_) {
      if (s.start == first) ids.push_back(s.aid->id);
    }
    std::sort(ids.begin(), ids.end());
    leaf.signature = first.ToString() + ":";
    for (const auto& id : ids) leaf.signature += id + ";";
    for (Leaf& kept : leaves_) {
      if (kept.signature == leaf.signature) {
        if (leaf.total > kept.total) {
          kept.total = leaf.total;
          kept.certain = leaf.certain;
          kept.partial = leaf.partial;
          kept.steps = path_;
        }
        return;
      }
    }
    leaf.steps = path_;
    leaves_.push_back(std::move(leaf));
  }

  std::vector<ContractSpan> Spans() const {
    std::vector<ContractSpan> spans;
    spans.reserve(path_.size());
    for (const PlanStep& s : path_) spans.push_back({s.aid, s.start, s.end});
    return spans;
  }

  // True when the situation gives no installation date, the plan has not
  // installed yet and the person is no student on `date`.
  bool ChoosingInstallation(Date date) const {
    const auto graduation = projector_.graduation();
    return projector_.installation_open() && !installed_on_ && !projector_.student_without_graduation() &&
           !(graduation && date < *graduation);
  }

  // Signs `r` on `date`. Aids signed the same day were evaluated without
  // one another: the engine checks this one again with them as contracts
  // (the ten-year rule, "not after X" conditions), and refuses it if needed.
  bool Push(const AidResult& r, Date date) {
    bool same_day = false;
    for (const PlanStep& s : path_) same_day |= s.start == date;
    if (same_day) {
      projector_.At(date, Spans(), installed_on_, &scratch_);
      EvalOptions one = eval_;
      one.only = {r.aid->id};
      const Result again = Evaluate(catalog_, scratch_, one);
      ++evaluations_;
      if (again.aids.empty() || !Signable(again.aids[0])) return false;
    }
    path_.push_back(MakeStep(r, date));
    const bool periodic = r.aid->periodicity != Periodicity::kOnce && r.amount.schedule.empty();
    period_amount_.push_back(periodic && r.amount.per_period ? *r.amount.per_period : 0);
    // A renewed period pays what the first one paid, at the same offsets
    // (the CAMMK's three yearly payments, again after 36 months).
    std::vector<std::pair<int, double>> schedule;
    for (const PaymentResult& p : r.amount.schedule) {
      if (!p.amount) {
        schedule.clear();
        break;
      }
      if (*p.amount != 0) schedule.emplace_back(p.months_after, *p.amount);
    }
    period_schedule_.push_back(std::move(schedule));
    renewal_decided_.push_back(false);
    if (ChoosingInstallation(date)) {  // the first aid signed is the installation
      installed_on_ = date;
      installed_by_.push_back(path_.size());
    }
    return true;
  }
  void Pop() {
    if (!installed_by_.empty() && installed_by_.back() == path_.size()) {
      installed_by_.pop_back();
      installed_on_.reset();
    }
    path_.pop_back();
    period_amount_.pop_back();
    period_schedule_.pop_back();
    renewal_decided_.pop_back();
  }

  // Tacit renewal ("reconduction_tacite"): at the end of each period the plan
  // renews the contract or lets it end. Returns true when it branched on one
  // (the caller's walk then goes on with that contract ended).
  void RenewalBranches(Date date) {
    for (size_t i = 0; i < path_.size(); ++i) {
      PlanStep& s = path_[i];
      const Aid& aid = *s.aid;
      if (!aid.tacit_renewal || aid.duration_months <= 0 || s.end != date || renewal_decided_[i]) continue;
      const PlanStep saved = s;
      s.end = s.end.AddMonths(aid.duration_months);
      s.renewed = true;
      if (period_amount_[i] > 0 && s.total) {
        const int every = aid.periodicity == Periodicity::kYearly ? 12 : 1;
        for (Date when = saved.end; when < s.end && when < end_; when = when.AddMonths(every)) {
          s.payments.push_back({when, period_amount_[i]});
          *s.total += period_amount_[i];
        }
      } else if (!period_schedule_[i].empty() && s.total) {
        for (const auto& [months_after, amount] : period_schedule_[i]) {
          const Date when = saved.end.AddMonths(months_after);
          if (when >= end_) continue;
          s.payments.push_back({when, amount});
          *s.total += amount;
        }
      }
      Explore(date);  // may grow path_: `s` is not used after this
      path_[i] = saved;
      renewal_decided_[i] = true;  // below: this period is the last
    }
  }

  // Signs the chosen contested aids (all of them, or the branch is void),
  // then the others that can come along, the surest and largest first: two
  // aids of one day may exclude each other (the ten-year rule), and then the
  // better one stays. Then walks on to the next date.
  void SignAndGo(Date date, std::optional<Date> reopens, const std::vector<Candidate>& chosen,
                 const std::vector<Candidate>& installing, const std::vector<Candidate>& free) {
    const size_t before = path_.size();
    std::vector<std::pair<Candidate, bool>> batch;  // (aid, required)
    for (const Candidate& c : chosen) batch.push_back({c, true});
    for (const Candidate& c : installing) batch.push_back({c, false});
    for (const Candidate& c : free) batch.push_back({c, false});
    std::stable_sort(batch.begin(), batch.end(), [](const auto& x, const auto& y) {
      if (x.first.certain != y.first.certain) return x.first.certain;
      return x.first.full > y.first.full;
    });
    bool all = true;
    for (const auto& [c, required] : batch) {
      if (!Push(*c.result, date) && required) all = false;
    }
    if (all) Explore(NextDate(date, reopens));
    while (path_.size() > before) Pop();
  }

  void Explore(Date date) {
    if (date >= end_) {
      RecordLeaf();
      return;
    }
    if (evaluations_ >= kMaxEvaluations) {
      capped_ = true;
      RecordLeaf();
      return;
    }
    const std::vector<bool> decided = renewal_decided_;
    RenewalBranches(date);
    projector_.At(date, Spans(), installed_on_, &scratch_);
    const Result result = Evaluate(catalog_, scratch_, eval_);
    ++evaluations_;
    // The ten-year rule says when an aid becomes possible again: a date to try.
    std::optional<Date> reopens;
    for (const AidResult& r : result.aids) {
      if (r.possible_from && *r.possible_from > date && (!reopens || *r.possible_from < *reopens)) reopens = r.possible_from;
    }

    // While the installation date is still the plan's to choose, every aid
    // is a choice too: installing now (and signing), or later.
    const bool choosing_installation = ChoosingInstallation(date);
    std::vector<Candidate> free;
    std::vector<Candidate> install_now;  // signed together when the plan installs on this date
    std::vector<Candidate> contested;
    for (const AidResult& r : result.aids) {
      if (!Signable(r)) continue;
      const bool needs_installation = choosing_installation;
      const PlanStep step = MakeStep(r, date);
      const Candidate c{&r, step.total.value_or(0), step.depends_on.empty()};
      if (Contested(*r.aid, date)) contested.push_back(c);
      else if (needs_installation) install_now.push_back(c);
      else free.push_back(c);
    }
    if (contested.size() > kMaxContestedPerDate) {
      std::stable_sort(contested.begin(), contested.end(), [](const Candidate& a, const Candidate& b) { return a.full > b.full; });
      contested.resize(kMaxContestedPerDate);
      capped_ = true;
    }
    // A wait that changed nothing is pruned: an aid declined on an earlier
    // date is only offered again when something new can be signed.
    bool novelty = declined_.empty();
    for (const Candidate& c : contested) {
      auto it = declined_.find(c.result->aid->compiled->index);
      novelty |= it == declined_.end() || c.full > it->second;
    }
    for (const Candidate& c : install_now) {
      novelty |= declined_.find(c.result->aid->compiled->index) == declined_.end();
    }
    const size_t n = contested.size();
    const auto saved_declined = declined_;
    if (novelty && (n > 0 || !install_now.empty())) {
      declined_.clear();
      // Every subset of pairwise compatible contested aids (the empty one
      // when installing now is a choice of its own).
      for (unsigned mask = (1u << n) - 1;; --mask) {
        if (mask == 0 && install_now.empty()) break;
        bool ok = true;
        for (size_t i = 0; i < n && ok; ++i) {
          for (size_t j = i + 1; j < n && ok; ++j) {
            ok = !((mask >> i & 1u) && (mask >> j & 1u) && Incompatible(*contested[i].result->aid, *contested[j].result->aid));
          }
        }
        if (ok) {
          std::vector<Candidate> chosen;
          for (size_t i = 0; i < n; ++i) {
            if (mask >> i & 1u) chosen.push_back(contested[i]);
          }
          SignAndGo(date, reopens, chosen, install_now, free);
        }
        if (mask == 0) break;
      }
      declined_ = saved_declined;
    }
    // Waiting: none of the contested aids now, and no installation yet.
    for (const Candidate& c : contested) declined_[c.result->aid->compiled->index] = c.full;
    for (const Candidate& c : install_now) declined_.emplace(c.result->aid->compiled->index, 0);
    SignAndGo(date, reopens, {}, {}, free);
    declined_ = saved_declined;
    renewal_decided_ = decided;
  }

  const Catalog& catalog_;
  const PlanOptions& options_;
  Projector projector_;
  Date start_;
  Date end_;
  EvalOptions eval_;
  std::vector<Date> fixed_dates_;
  std::vector<PlanStep> path_;
  std::vector<double> period_amount_;  // per path_ step: the amount of each period, for renewals
  std::vector<std::vector<std::pair<int, double>>> period_schedule_;  // per path_ step: (months after start, amount) of one period
  std::vector<bool> renewal_decided_;  // per path_ step: not renewed at its current end
  std::optional<Date> installed_on_;
  std::vector<size_t> installed_by_;
  std::map<int, double> declined_;
  std::vector<Leaf> leaves_;
  Situation scratch_;
  int evaluations_ = 0;
  bool capped_ = false;
};

void AppendUnique(std::vector<std::string_view>* out, std::string_view s) {
  if (std::find(out->begin(), out->end(), s) == out->end()) out->push_back(s);
}

// Plan `b` adds nothing to plan `a`: each of its steps is in `a`.
bool Within(const Leaf& b, const Leaf& a) {
  for (const PlanStep& s : b.steps) {
    bool found = false;
    for (const PlanStep& t : a.steps) found |= t.aid == s.aid && t.start == s.start;
    if (!found) return false;
  }
  return true;
}

Plan ToPlan(const Leaf& leaf, const Projector& projector, const std::vector<std::string>& hypotheses) {
  Plan p;
  p.total = leaf.total;
  p.certain_total = leaf.certain;
  p.partial = leaf.partial;
  p.steps = leaf.steps;
  std::sort(p.steps.begin(), p.steps.end(), [](const PlanStep& a, const PlanStep& b) {
    return a.start != b.start ? a.start < b.start : a.aid->id < b.aid->id;
  });
  std::map<int, double> years;
  for (const PlanStep& s : p.steps) {
    for (const PlanPayment& pay : s.payments) years[pay.date.year()] += pay.amount;
    for (std::string_view m : s.depends_on) AppendUnique(&p.depends_on, m);
  }
  if (projector.student_without_graduation()) AppendUnique(&p.depends_on, "etudes.fin_prevue");
  for (const auto& [year, amount] : years) p.by_year.push_back({year, amount});
  p.hypotheses = hypotheses;
  return p;
}

std::string StepWords(const PlanStep& s) { return "« " + s.aid->name + " » le " + s.start.ToFrench(); }

// What the best plan's first own choice is worth against another plan.
PlanDecision Decide(const Plan& best, const Plan& other, size_t other_index, int years) {
  auto first_not_in = [](const Plan& a, const Plan& b) -> const PlanStep* {
    for (const PlanStep& s : a.steps) {
      bool shared = false;
      for (const PlanStep& t : b.steps) shared |= t.aid == s.aid;
      if (!shared) return &s;
    }
    return nullptr;
  };
  const PlanStep* mine = first_not_in(best, other);
  const PlanStep* theirs = first_not_in(other, best);
  PlanDecision d;
  d.gap = best.total - other.total;
  d.other_plan = other_index;
  const std::string gain = text::Euros(d.gap) + " de plus sur " + std::to_string(years) + " ans";
  if (mine && theirs) {
    d.text = "Signer " + StepWords(*mine) + " plutôt que " + StepWords(*theirs) + " : " + gain + ".";
  } else if (mine) {
    d.text = "Signer " + StepWords(*mine) + " : " + gain + ".";
  } else if (theirs) {
    d.text = "Ne pas signer " + StepWords(*theirs) + " : " + gain + ".";
  }
  if (mine && mine->aid->closes && *mine->aid->closes >= mine->start) {
    d.before = *mine->aid->closes;
    d.text.pop_back();
    d.text += " ; à signer au plus tard le " + mine->aid->closes->ToFrench() + ".";
  }
  return d;
}

}  // namespace
}  // namespace plan

PlanResult MakePlans(const Catalog& catalog, const Situation& situation, const PlanOptions& options) {
  PlanResult out;
  out.catalog = &catalog;
  out.date = situation.date();
  out.horizon_years = options.horizon_years;
  plan::Search search(catalog, situation, options);
  search.Run();
  out.evaluations = search.evaluations();
  out.search_capped = search.capped();
  auto& leaves = search.leaves();
  if (!options.details) {
    Plan p;
    if (!leaves.empty()) {
      p.total = leaves[0].total;
      p.certain_total = leaves[0].certain;
      p.partial = leaves[0].partial;
      p.steps = std::move(leaves[0].steps);
    }
    out.plans.push_back(std::move(p));
    return out;
  }
  std::stable_sort(leaves.begin(), leaves.end(), [](const plan::Leaf& a, const plan::Leaf& b) {
    if (a.total != b.total) return a.total > b.total;
    return a.steps.size() < b.steps.size();
  });
  std::vector<std::string> hypotheses = search.projector().Hypotheses();
  hypotheses.push_back("Deux aides non cumulables d'une même convention ne se suivent que si les sources le prévoient.");
  if (out.search_capped) hypotheses.push_back("Recherche limitée : d'autres plans n'ont pas été examinés.");
  std::vector<const plan::Leaf*> kept;
  for (const plan::Leaf& leaf : leaves) {
    if (kept.size() >= options.max_plans) break;
    bool redundant = false;
    for (const plan::Leaf* k : kept) redundant |= plan::Within(leaf, *k);
    if (!redundant) kept.push_back(&leaf);
  }
  for (const plan::Leaf* leaf : kept) out.plans.push_back(plan::ToPlan(*leaf, search.projector(), hypotheses));
  for (size_t k = 1; k < out.plans.size(); ++k) {
    out.decisions.push_back(plan::Decide(out.plans[0], out.plans[k], k, options.horizon_years));
  }
  return out;
}

Plan BestCertainPlan(const Catalog& catalog, const Situation& situation, int years) {
  PlanOptions options;
  options.horizon_years = years;
  options.max_plans = 1;
  options.details = false;
  PlanResult r = MakePlans(catalog, situation, options);
  return std::move(r.plans[0]);
}

}  // namespace capsante

// Career plans: the best legal sequences of aids over the coming years for one
// situation (shared spec api-v1 section 6).
//
// Contract: MakePlans is pure and thread-safe (the catalog is only read). Every
// plan it returns is legal by construction: no two incompatible aids overlap in
// time (running contracts of the situation included), every aid is signed
// inside its subscription window, and its conditions hold on its signing date
// for the situation projected to that date (date, ages, year of study, the
// plan's earlier steps as `contrats`), as the engine decides them. Within one
// convention, an aid that cannot be combined with an earlier one follows it
// only when the catalog lists it in `suites_autorisees`. A condition the
// situation leaves unknown makes the plan name the field in `depends_on`; it
// never guesses. Plans point into the catalog, which must outlive them.
#ifndef CAPSANTE_PLAN_H_
#define CAPSANTE_PLAN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "capsante/catalog.h"
#include "capsante/date.h"
#include "capsante/situation.h"
#include "capsante/status.h"

namespace capsante {

struct PlanOptions {
  static constexpr int kMinHorizon = 1;
  static constexpr int kMaxHorizon = 30;
  int horizon_years = 10;
  size_t max_plans = 3;
  // Off for rankings: only the best total is wanted (no texts, no decisions).
  bool details = true;
};

// InvalidInput naming the horizon in words when it is out of range.
Status CheckHorizon(int years);

struct PlanPayment {
  Date date;
  double amount = 0;
};

struct PlanStep {
  const Aid* aid = nullptr;
  Date start;
  Date end;  // exclusive; the horizon's end for an aid without a duration
  bool open_ended = false;            // the sources give it no duration
  bool renewed = false;               // tacitly renewed up to the horizon
  const Aid* follows = nullptr;       // the earlier aid it follows (suites_autorisees)
  std::optional<double> total;        // euros within the horizon; unknown when an amount is
  std::vector<PlanPayment> payments;  // within the horizon
  std::vector<std::string_view> depends_on;  // fields left unknown (schema paths)
};

struct YearAmount {
  int year = 0;
  double amount = 0;
};

struct Plan {
  double total = 0;          // known amounts within the horizon
  double certain_total = 0;  // of the steps that depend on no unknown fact
  bool partial = false;      // some step's amount is unknown
  std::vector<PlanStep> steps;  // by start date
  std::vector<YearAmount> by_year;
  std::vector<std::string> hypotheses;        // French
  std::vector<std::string_view> depends_on;   // schema paths
};

// A choice the best plan makes and what it is worth against another plan.
struct PlanDecision {
  std::string text;   // French
  double gap = 0;     // euros the best plan brings over the other one
  std::optional<Date> before;  // last day the choice can be made
  size_t other_plan = 0;       // index in PlanResult::plans
};

struct PlanResult {
  const Catalog* catalog = nullptr;
  Date date;
  int horizon_years = 10;
  std::vector<Plan> plans;  // best first
  std::vector<PlanDecision> decisions;
  int evaluations = 0;      // engine evaluations the search made
  bool search_capped = false;
};

// The body of POST /api/v1/plan: {"situation": {...}, "horizon": 10}.
struct PlanRequest {
  Situation situation;
  int horizon_years = 10;
};

// Parses and validates a request body. InvalidInput in French naming the
// field ("situation.age", "horizon") on anything else.
Status ParsePlanRequest(const Catalog& catalog, std::string_view body, PlanRequest* out);

// The best plans for `situation` (its zoning already resolved) from its date.
// The horizon must satisfy CheckHorizon.
PlanResult MakePlans(const Catalog& catalog, const Situation& situation, const PlanOptions& options = {});

// The plan with the best certain total within `years` (what rankings sort
// by, like BestCompatibleSet counts eligible aids only); its steps carry their
// totals but no payments.
Plan BestCertainPlan(const Catalog& catalog, const Situation& situation, int years);

// The §6 JSON, the same for `capsante plan --json` and POST /api/v1/plan.
std::string PlanToJson(const PlanResult& result, int indent = -1);

// A readable French table for the terminal.
std::string PlanToTable(const PlanResult& result);

}  // namespace capsante

#endif  // CAPSANTE_PLAN_H_

// Evaluates a situation against the catalog.
//
// Contract: pure and thread-safe. Evaluate never fails on a valid Situation
// (missing facts give `a_preciser`); callers validate the situation first
// (Situation::FromJson, Catalog::CheckSituation). Results point into the
// catalog, which must outlive them.
#ifndef CAPSANTE_ENGINE_H_
#define CAPSANTE_ENGINE_H_

#include <string>
#include <vector>

#include "capsante/catalog.h"
#include "capsante/result.h"
#include "capsante/situation.h"

namespace capsante {

struct EvalOptions {
  bool explanations = true;  // condition details, parameters, one-fact-away
  std::vector<std::string> only;  // restrict to these aid ids (empty = all)
};

Result Evaluate(const Catalog& catalog, const Situation& situation, const EvalOptions& options = {});

// "What would change it": for each aid of `result` (evaluated from
// `situation`) that concerns the situation and is out of reach because of one
// condition alone (non_eligible) or still to be specified, tries every other
// value of each enum or yes/no field that condition reads (or that is
// missing), re-evaluating that aid alone, and keeps in AidResult::
// alternatives the values that make it eligible, with its amount then. No aid
// is special-cased: the catalog's conditions decide. Profession, date, region
// and département are never varied (another person, another time or place).
void FindAlternatives(const Catalog& catalog, const Situation& situation, Result* result);

}  // namespace capsante

#endif  // CAPSANTE_ENGINE_H_

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

}  // namespace capsante

#endif  // CAPSANTE_ENGINE_H_

#ifndef CAPSANTE_EXPR_EVAL_H_
#define CAPSANTE_EXPR_EVAL_H_

#include <string>
#include <vector>

#include "capsante/situation.h"
#include "expr/bound.h"
#include "expr/value.h"

namespace capsante::expr {

// A parameter's value on the simulation date.
struct ParamSlot {
  double number = 0;
  const std::vector<Bracket>* scale = nullptr;  // set for step scales
};

// Everything one evaluation reads. Owned by the caller; the evaluator never
// allocates except to grow `missing`.
struct EvalContext {
  const Situation* situation = nullptr;
  const std::vector<ParamSlot>* params = nullptr;  // the current aid's, at the date
  std::vector<int>* missing = nullptr;  // field ids read while unknown (may repeat)
  std::vector<int>* optional = nullptr; // field ids read by declared(x) while unknown
  std::vector<int>* params_read = nullptr;  // parameter indexes read (may repeat), when set
  const Record* item = nullptr;         // current list element in sum/any/...
  std::string error;                    // first arithmetic error, French
};

// Evaluates `e`. Pure with respect to everything but ctx->missing/error.
Value Eval(const BoundExpr& e, EvalContext* ctx);

}  // namespace capsante::expr

#endif  // CAPSANTE_EXPR_EVAL_H_

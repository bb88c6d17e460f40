// The functions of the rule language, one row each in functions.cc: name,
// arity, type rule and evaluation. The binder and the evaluator know nothing
// else about functions: adding one is adding a row (and a line to
// docs/rule-language.md; tests/expr/functions_test.cc checks both).
#ifndef CAPSANTE_EXPR_FUNCTIONS_H_
#define CAPSANTE_EXPR_FUNCTIONS_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "expr/ast.h"
#include "expr/binder.h"
#include "expr/bound.h"
#include "expr/eval.h"
#include "expr/value.h"

namespace capsante::expr {

// How a call's arguments are bound and evaluated.
enum class CallShape {
  kLiteral,  // date("AAAA-MM-JJ"): folded into a constant when bound
  kStrict,   // every argument is evaluated; an unknown argument makes the result unknown
  kLazy,     // the function reads its arguments itself (if, known, declared)
  kPerItem,  // (situation list, expression over item.FIELD): sum, count, any, all
};

// What a type rule sees: the call's bound arguments. Its checks fail with a
// French message at the offending argument (or at the call).
class ArgumentCheck {
 public:
  ArgumentCheck(std::string_view function, Position call, const std::vector<BoundPtr>& args, BindError* error)
      : function_(function), call_(call), args_(args), error_(error) {}

  std::string_view function() const { return function_; }
  const BoundExpr& arg(size_t i) const { return *args_[i]; }
  size_t count() const { return args_.size(); }
  // True when argument i has type t; else "<what> doit être de type t, pas u".
  bool Want(size_t i, Type t, const std::string& what);
  // Fails at the call itself.
  std::nullopt_t Fail(std::string message);

 private:
  std::string_view function_;
  Position call_;
  const std::vector<BoundPtr>& args_;
  BindError* error_;
};

// The result type of a call, or nullopt after a failed check.
using TypeRule = std::optional<Type> (*)(ArgumentCheck& check);
// kStrict: computes from known arguments.
using StrictEval = Value (*)(std::span<const Value> args);
// kLazy and kPerItem: evaluates the call's children itself.
using LazyEval = Value (*)(const BoundExpr& call, EvalContext* ctx);
// kLiteral: the constant a call folds into, or false with *error filled.
using LiteralRule = bool (*)(const Node& call, Type* type, Value* value, BindError* error);

struct FunctionSpec {
  std::string_view name;
  int min_args = 0;
  int max_args = 0;  // -1: any number
  CallShape shape = CallShape::kStrict;
  TypeRule type = nullptr;        // every shape but kLiteral
  StrictEval strict = nullptr;    // kStrict
  LazyEval lazy = nullptr;        // kLazy, kPerItem
  LiteralRule literal = nullptr;  // kLiteral
};

// Every function, in the order of docs/rule-language.md.
std::span<const FunctionSpec> Functions();
// The function called `name`, nullptr if there is none.
const FunctionSpec* FindFunction(std::string_view name);

}  // namespace capsante::expr

#endif  // CAPSANTE_EXPR_FUNCTIONS_H_

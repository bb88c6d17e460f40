#ifndef CAPSANTE_EXPR_BINDER_H_
#define CAPSANTE_EXPR_BINDER_H_

#include <memory>
#include <string>
#include <string_view>

#include "capsante/schema.h"
#include "expr/ast.h"
#include "expr/bound.h"

namespace capsante::expr {

struct BindError {
  Position pos;
  std::string message;  // French
};

// What names mean where an expression is bound: the situation schema, the
// aid's parameters and the definitions in reach.
class BindScope {
 public:
  virtual ~BindScope() = default;
  virtual const SituationSchema& schema() const = 0;
  // Index of parameter `name`, or -1. *is_scale tells a step scale from a number.
  virtual int FindParam(std::string_view name, bool* is_scale) const = 0;
  // The bound definition `name`, nullptr when there is none. On a definition
  // that exists but fails to bind (or a cycle), returns nullptr and fills
  // *error with a message naming the definition.
  virtual std::shared_ptr<const BoundExpr> FindDefinition(std::string_view name, BindError* error) = 0;
};

// "<what> doit être de type nombre, pas texte".
std::string WrongType(const std::string& what, Type want, Type got);

// Resolves and type-checks `node`. Returns nullptr and fills *error on the
// first problem. `expected` (if not null) is the type the context requires.
BoundPtr Bind(const Node& node, BindScope& scope, BindError* error, const Type* expected = nullptr);

}  // namespace capsante::expr

#endif  // CAPSANTE_EXPR_BINDER_H_

// The bound tree: names resolved to slots, parameters and definitions, every
// node typed. It is what the evaluator walks. Separate from the parsed tree
// (ast.h) so that each stage has its own types.
#ifndef CAPSANTE_EXPR_BOUND_H_
#define CAPSANTE_EXPR_BOUND_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "capsante/schema.h"
#include "expr/token.h"
#include "expr/value.h"

namespace capsante::expr {

enum class BoundKind {
  kConstant,   // constant
  kField,      // situation scalar: slot, field
  kRecords,    // situation list: slot, field
  kItemField,  // field of the current list element: slot (in record), field
  kToday,      // the simulation date
  kParam,      // aid parameter: param
  kDefinition, // a named expression: definition
  kNegate,
  kNot,
  kArithmetic, // op: + - * /
  kCompare,    // op: == != < <= > >=
  kAnd,
  kOr,
  kIn,         // children[1] is a kSet
  kNotIn,
  kSet,        // literal set: children are constants
  kCall,       // function; children are its arguments
};

struct FunctionSpec;  // functions.h

struct BoundExpr;
using BoundPtr = std::unique_ptr<BoundExpr>;

// What the evaluator reads comes first, so that a node it walks spans two
// cache lines rather than four; the texts for explanations come last.
struct BoundExpr {
  BoundKind kind = BoundKind::kConstant;
  Type type = Type::kBool;
  TokenKind op = TokenKind::kEnd;
  int slot = -1;
  int param = -1;
  const FieldSpec* field = nullptr;  // kField/kRecords/kItemField; for texts typed by an enum
  const FunctionSpec* function = nullptr;  // kCall: its row in the function table
  std::vector<BoundPtr> children;
  std::shared_ptr<const BoundExpr> definition;
  Value constant;
  Position pos;
  std::string source;          // canonical text of the parsed node, for explanations
  std::string constant_text;   // owns the text of a text constant
  std::string definition_name;
};

// Every parameter index the expression reads, through definitions too.
void CollectParams(const BoundExpr& e, std::set<int>* params);
// Every situation field id the expression reads, through definitions too.
void CollectFields(const BoundExpr& e, std::set<int>* fields);
// The addresses the evaluator reads in walking `e` (each node and its array
// of children, through definitions too), in walking order: for prefetching.
void CollectNodes(const BoundExpr& e, std::vector<const void*>* nodes);

}  // namespace capsante::expr

#endif  // CAPSANTE_EXPR_BOUND_H_

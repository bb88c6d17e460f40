// The parsed (unbound) syntax tree of an expression. Nodes print themselves
// back as canonical source text: that is what explanations and `capsante aide`
// show, and what parser tests compare against.
#ifndef CAPSANTE_EXPR_AST_H_
#define CAPSANTE_EXPR_AST_H_

#include <memory>
#include <string>
#include <vector>

#include "expr/token.h"

namespace capsante::expr {

enum class NodeKind {
  kNumber,   // number
  kString,   // text
  kBool,     // boolean
  kName,     // text = dotted path, e.g. "zonage.medecin", "param.x", "item.id"
  kList,     // children = elements
  kNegate,   // children[0]
  kNot,      // children[0]
  kBinary,   // op in + - * / == != < <= > >=, children[0..1]
  kAnd,      // children[0..1]
  kOr,       // children[0..1]
  kIn,       // children[0] in children[1]
  kNotIn,    // children[0] not in children[1]
  kCall,     // text = function name, children = arguments
};

struct Node {
  NodeKind kind = NodeKind::kNumber;
  Position pos;
  TokenKind op = TokenKind::kEnd;  // for kBinary
  double number = 0;
  bool boolean = false;
  std::string text;
  std::vector<std::unique_ptr<Node>> children;

  // Canonical source text, fully parenthesised where precedence requires.
  std::string ToString() const;
};

using NodePtr = std::unique_ptr<Node>;

}  // namespace capsante::expr

#endif  // CAPSANTE_EXPR_AST_H_

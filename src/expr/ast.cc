#include "expr/ast.h"

#include <cmath>
#include <cstdio>

namespace capsante::expr {
namespace {

const char* OpText(TokenKind op) {
  switch (op) {
    case TokenKind::kPlus: return "+";
    case TokenKind::kMinus: return "-";
    case TokenKind::kStar: return "*";
    case TokenKind::kSlash: return "/";
    case TokenKind::kEqual: return "==";
    case TokenKind::kNotEqual: return "!=";
    case TokenKind::kLess: return "<";
    case TokenKind::kLessEqual: return "<=";
    case TokenKind::kGreater: return ">";
    case TokenKind::kGreaterEqual: return ">=";
    default: return "?";
  }
}

std::string NumberText(double x) {
  if (std::floor(x) == x && std::fabs(x) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", x);
    return buf;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

}  // namespace

std::string Node::ToString() const {
  switch (kind) {
    case NodeKind::kNumber: return NumberText(number);
    case NodeKind::kString: return "\"" + text + "\"";
    case NodeKind::kBool: return boolean ? "true" : "false";
    case NodeKind::kName: return text;
    case NodeKind::kList: {
      std::string s = "[";
      for (size_t i = 0; i < children.size(); ++i) s += (i ? ", " : "") + children[i]->ToString();
      return s + "]";
    }
    case NodeKind::kNegate: return "(-" + children[0]->ToString() + ")";
    case NodeKind::kNot: return "(not " + children[0]->ToString() + ")";
    case NodeKind::kBinary:
      return "(" + children[0]->ToString() + " " + OpText(op) + " " + children[1]->ToString() + ")";
    case NodeKind::kAnd: return "(" + children[0]->ToString() + " and " + children[1]->ToString() + ")";
    case NodeKind::kOr: return "(" + children[0]->ToString() + " or " + children[1]->ToString() + ")";
    case NodeKind::kIn: return "(" + children[0]->ToString() + " in " + children[1]->ToString() + ")";
    case NodeKind::kNotIn: return "(" + children[0]->ToString() + " not in " + children[1]->ToString() + ")";
    case NodeKind::kCall: {
      std::string s = text + "(";
      for (size_t i = 0; i < children.size(); ++i) s += (i ? ", " : "") + children[i]->ToString();
      return s + ")";
    }
  }
  return "?";
}

}  // namespace capsante::expr

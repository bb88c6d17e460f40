#ifndef CAPSANTE_EXPR_PARSER_H_
#define CAPSANTE_EXPR_PARSER_H_

#include <string>
#include <string_view>

#include "expr/ast.h"

namespace capsante::expr {

struct ParseError {
  Position pos;
  std::string message;  // French
};

// Parses one expression. On success returns the tree and leaves *error
// untouched; on failure returns nullptr and fills *error with the position of
// the offending token. Depth is bounded (a hostile input cannot overflow the
// stack).
NodePtr Parse(std::string_view source, ParseError* error);

}  // namespace capsante::expr

#endif  // CAPSANTE_EXPR_PARSER_H_

#ifndef CAPSANTE_EXPR_LEXER_H_
#define CAPSANTE_EXPR_LEXER_H_

#include <string_view>
#include <vector>

#include "expr/token.h"

namespace capsante::expr {

// Splits an expression into tokens. Never fails: a bad character becomes a
// kError token whose text is the message, and lexing stops there (the
// parser reports it with its position). The last token is always kEnd or
// kError.
std::vector<Token> Lex(std::string_view source);

}  // namespace capsante::expr

#endif  // CAPSANTE_EXPR_LEXER_H_

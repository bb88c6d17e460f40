// Tokens of the rule language. Each keeps its position in the expression
// text so every error can say where it is.
#ifndef CAPSANTE_EXPR_TOKEN_H_
#define CAPSANTE_EXPR_TOKEN_H_

#include <string>
#include <string_view>

namespace capsante::expr {

// 1-based line and column inside the expression text.
struct Position {
  int line = 1;
  int column = 1;
};

enum class TokenKind {
  kEnd,
  kNumber,      // 2.5, 50_000, 10% (value already scaled)
  kString,      // "ZIP" (text without quotes)
  kIdentifier,  // names, including keywords below
  kTrue,
  kFalse,
  kAnd,
  kOr,
  kNot,
  kIn,
  kNotIn,       // `not in`: one token, whatever blank separates the words
  kLeftParen,
  kRightParen,
  kLeftBracket,
  kRightBracket,
  kComma,
  kDot,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kEqual,        // ==
  kNotEqual,     // !=
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kError,        // lexing error; text holds the French message
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;  // identifier name, string contents, or source text
  double number = 0;
  Position pos;
};

// French description of a token kind for error messages: "« ) »", "un nombre".
std::string Describe(TokenKind kind);

}  // namespace capsante::expr

#endif  // CAPSANTE_EXPR_TOKEN_H_

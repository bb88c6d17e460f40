#include "expr/lexer.h"

#include <cstdlib>
#include <string>

namespace capsante::expr {

std::string Describe(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEnd: return "la fin de l'expression";
    case TokenKind::kNumber: return "un nombre";
    case TokenKind::kString: return "un texte";
    case TokenKind::kIdentifier: return "un nom";
    case TokenKind::kTrue: return "« true »";
    case TokenKind::kFalse: return "« false »";
    case TokenKind::kAnd: return "« and »";
    case TokenKind::kOr: return "« or »";
    case TokenKind::kNot: return "« not »";
    case TokenKind::kIn: return "« in »";
    case TokenKind::kNotIn: return "« not in »";
    case TokenKind::kLeftParen: return "« ( »";
    case TokenKind::kRightParen: return "« ) »";
    case TokenKind::kLeftBracket: return "« [ »";
    case TokenKind::kRightBracket: return "« ] »";
    case TokenKind::kComma: return "« , »";
    case TokenKind::kDot: return "« . »";
    case TokenKind::kPlus: return "« + »";
    case TokenKind::kMinus: return "« - »";
    case TokenKind::kStar: return "« * »";
    case TokenKind::kSlash: return "« / »";
    case TokenKind::kEqual: return "« == »";
    case TokenKind::kNotEqual: return "« != »";
    case TokenKind::kLess: return "« < »";
    case TokenKind::kLessEqual: return "« <= »";
    case TokenKind::kGreater: return "« > »";
    case TokenKind::kGreaterEqual: return "« >= »";
    case TokenKind::kError: return "une erreur";
  }
  return "un élément inconnu";
}

namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
 public:
  explicit Lexer(std::string_view src) : src_(src) {}

  std::vector<Token> Run() {
    std::vector<Token> out;
    for (;;) {
      Token t = Next();
      const bool stop = t.kind == TokenKind::kEnd || t.kind == TokenKind::kError;
      out.push_back(std::move(t));
      if (stop) break;
    }
    return out;
  }

 private:
  char Peek(size_t ahead = 0) const { return i_ + ahead < src_.size() ? src_[i_ + ahead] : '\0'; }
  void Advance() {
    if (src_[i_] == '\n') {
      ++line_;
      col_ = 1;
    } else if ((static_cast<unsigned char>(src_[i_]) & 0xC0) != 0x80) {
      ++col_;  // count code points, not bytes
    }
    ++i_;
  }

  Token Make(TokenKind kind, Position pos, std::string text = {}) {
    Token t;
    t.kind = kind;
    t.pos = pos;
    t.text = std::move(text);
    return t;
  }

  Token Next() {
    while (i_ < src_.size() && (Peek() == ' ' || Peek() == '\t' || Peek() == '\n' || Peek() == '\r')) Advance();
    const Position pos{line_, col_};
    if (i_ >= src_.size()) return Make(TokenKind::kEnd, pos);
    const char c = Peek();
    if (IsDigit(c)) return LexNumber(pos);
    if (IsIdentStart(c)) return LexIdentifier(pos);
    if (c == '"') return LexString(pos);
    auto single = [&](TokenKind k) {
      Advance();
      return Make(k, pos, std::string(1, c));
    };
    auto pair = [&](char second, TokenKind two, TokenKind one) {
      Advance();
      if (Peek() == second) {
        Advance();
        return Make(two, pos);
      }
      return Make(one, pos);
    };
    switch (c) {
      case '(': return single(TokenKind::kLeftParen);
      case ')': return single(TokenKind::kRightParen);
      case '[': return single(TokenKind::kLeftBracket);
      case ']': return single(TokenKind::kRightBracket);
      case ',': return single(TokenKind::kComma);
      case '.': return single(TokenKind::kDot);
      case '+': return single(TokenKind::kPlus);
      case '-': return single(TokenKind::kMinus);
      case '*': return single(TokenKind::kStar);
      case '/': return single(TokenKind::kSlash);
      case '<': return pair('=', TokenKind::kLessEqual, TokenKind::kLess);
      case '>': return pair('=', TokenKind::kGreaterEqual, TokenKind::kGreater);
      case '=':
        Advance();
        if (Peek() == '=') {
          Advance();
          return Make(TokenKind::kEqual, pos);
        }
        return Make(TokenKind::kError, pos, "« = » seul n'existe pas : écrivez « == » pour comparer");
      case '!':
        Advance();
        if (Peek() == '=') {
          Advance();
          return Make(TokenKind::kNotEqual, pos);
        }
        return Make(TokenKind::kError, pos, "« ! » seul n'existe pas : écrivez « not » ou « != »");
      default:
        break;
    }
    return Make(TokenKind::kError, pos, "caractère inattendu « " + std::string(1, c) + " »");
  }

  Token LexNumber(Position pos) {
    std::string digits;
    bool seen_dot = false;
    while (IsDigit(Peek()) || Peek() == '_' || (Peek() == '.' && !seen_dot && IsDigit(Peek(1)))) {
      if (Peek() == '.') seen_dot = true;
      if (Peek() != '_') digits.push_back(Peek());
      Advance();
    }
    if (digits.size() > 15) return Make(TokenKind::kError, pos, "nombre trop long");
    Token t = Make(TokenKind::kNumber, pos, digits);
    t.number = std::strtod(digits.c_str(), nullptr);
    if (Peek() == '%') {
      Advance();
      t.number /= 100.0;
      t.text += "%";
    }
    if (IsIdentStart(Peek())) return Make(TokenKind::kError, pos, "nombre suivi d'un nom sans espace");
    return t;
  }

  Token LexIdentifier(Position pos) {
    std::string name;
    while (IsIdentStart(Peek()) || IsDigit(Peek())) {
      name.push_back(Peek());
      Advance();
    }
    TokenKind kind = TokenKind::kIdentifier;
    if (name == "true") kind = TokenKind::kTrue;
    else if (name == "false") kind = TokenKind::kFalse;
    else if (name == "and") kind = TokenKind::kAnd;
    else if (name == "or") kind = TokenKind::kOr;
    else if (name == "not" && NextWordIsIn()) return LexNotIn(pos);
    else if (name == "not") kind = TokenKind::kNot;
    else if (name == "in") kind = TokenKind::kIn;
    return Make(kind, pos, std::move(name));
  }

  // After `not`: is the next word `in` (and not, say, `inscrit`)?
  bool NextWordIsIn() const {
    size_t k = 0;
    while (Peek(k) == ' ' || Peek(k) == '\t' || Peek(k) == '\n' || Peek(k) == '\r') ++k;
    return k > 0 && Peek(k) == 'i' && Peek(k + 1) == 'n' && !IsIdentStart(Peek(k + 2)) && !IsDigit(Peek(k + 2));
  }

  Token LexNotIn(Position pos) {
    while (Peek() != 'i') Advance();
    Advance();
    Advance();
    return Make(TokenKind::kNotIn, pos, "not in");
  }

  Token LexString(Position pos) {
    Advance();  // opening quote
    std::string text;
    while (i_ < src_.size() && Peek() != '"') {
      if (Peek() == '\n') return Make(TokenKind::kError, pos, "texte non terminé (guillemet fermant manquant)");
      if (Peek() == '\\') return Make(TokenKind::kError, pos, "les échappements « \\ » ne sont pas pris en charge dans les textes");
      text.push_back(Peek());
      Advance();
    }
    if (i_ >= src_.size()) return Make(TokenKind::kError, pos, "texte non terminé (guillemet fermant manquant)");
    Advance();  // closing quote
    return Make(TokenKind::kString, pos, std::move(text));
  }

  std::string_view src_;
  size_t i_ = 0;
  int line_ = 1;
  int col_ = 1;
};

}  // namespace

std::vector<Token> Lex(std::string_view source) { return Lexer(source).Run(); }

}  // namespace capsante::expr

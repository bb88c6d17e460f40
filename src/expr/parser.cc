// A Pratt parser driven by one rule table (as in Wren): each token kind has
// an optional prefix rule, an optional infix rule and the precedence of that
// infix rule.
#include "expr/parser.h"

#include <array>

#include "expr/lexer.h"

namespace capsante::expr {
namespace {

enum Precedence {
  kPrecNone,
  kPrecOr,          // or
  kPrecAnd,         // and
  kPrecNot,         // not (prefix)
  kPrecComparison,  // == != < <= > >= in, not in
  kPrecTerm,        // + -
  kPrecFactor,      // * /
  kPrecUnary,       // -
  kPrecCall,        // () .
};

constexpr int kMaxDepth = 64;
constexpr size_t kMaxSource = 4096;

class Parser;
using PrefixFn = NodePtr (Parser::*)(const Token&);
using InfixFn = NodePtr (Parser::*)(const Token&, NodePtr);

struct Rule {
  PrefixFn prefix;
  InfixFn infix;
  Precedence precedence;
};

class Parser {
 public:
  Parser(std::vector<Token> tokens, ParseError* error) : tokens_(std::move(tokens)), error_(error) {}

  NodePtr ParseAll() {
    NodePtr node = ParseExpression(kPrecOr);
    if (!node) return nullptr;
    if (Current().kind != TokenKind::kEnd) {
      return Fail(Current(), "élément inattendu : " + Found(Current()) + " (un opérateur ou la fin de l'expression était attendu)");
    }
    return node;
  }

 private:
  static const Rule& RuleFor(TokenKind kind);

  const Token& Current() const { return tokens_[index_]; }
  const Token& Take() {
    const Token& t = tokens_[index_];
    if (index_ + 1 < tokens_.size()) ++index_;
    return t;
  }

  static std::string Found(const Token& t) {
    if (t.kind == TokenKind::kIdentifier) return "« " + t.text + " »";
    if (t.kind == TokenKind::kNumber) return "le nombre « " + t.text + " »";
    if (t.kind == TokenKind::kString) return "le texte « \"" + t.text + "\" »";
    return Describe(t.kind);
  }

  NodePtr Fail(const Token& at, std::string message) {
    if (failed_) return nullptr;
    failed_ = true;
    error_->pos = at.pos;
    error_->message = at.kind == TokenKind::kError ? at.text : std::move(message);
    return nullptr;
  }

  bool Expect(TokenKind kind, const std::string& context) {
    if (Current().kind == kind) {
      Take();
      return true;
    }
    Fail(Current(), Describe(kind) + " attendu " + context + ", trouvé " + Found(Current()));
    return false;
  }

  NodePtr ParseExpression(Precedence min_prec) {
    if (++depth_ > kMaxDepth) return Fail(Current(), "expression trop imbriquée");
    const Token& first = Take();
    PrefixFn prefix = RuleFor(first.kind).prefix;
    if (!prefix) {
      --depth_;
      return Fail(first, "une valeur était attendue, trouvé " + Found(first));
    }
    NodePtr left = (this->*prefix)(first);
    bool left_is_comparison = false;  // comparisons do not chain: a < b < c
    while (left) {
      const Rule& rule = RuleFor(Current().kind);
      if (!rule.infix || rule.precedence < min_prec) break;
      if (rule.precedence == kPrecComparison && left_is_comparison) {
        left = Fail(Current(), "les comparaisons ne s'enchaînent pas : écrivez « a < b and b < c »");
        break;
      }
      const Token& op = Take();
      left = (this->*rule.infix)(op, std::move(left));
      left_is_comparison = rule.precedence == kPrecComparison;
    }
    --depth_;
    return left;
  }

  static NodePtr NewNode(NodeKind kind, const Token& at) {
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->pos = at.pos;
    return n;
  }

  // --- prefix rules --------------------------------------------------------
  NodePtr Number(const Token& t) {
    auto n = NewNode(NodeKind::kNumber, t);
    n->number = t.number;
    return n;
  }
  NodePtr String(const Token& t) {
    auto n = NewNode(NodeKind::kString, t);
    n->text = t.text;
    return n;
  }
  NodePtr Boolean(const Token& t) {
    auto n = NewNode(NodeKind::kBool, t);
    n->boolean = t.kind == TokenKind::kTrue;
    return n;
  }
  NodePtr Grouping(const Token&) {
    NodePtr inner = ParseExpression(kPrecOr);
    if (!inner) return nullptr;
    if (!Expect(TokenKind::kRightParen, "pour fermer la parenthèse")) return nullptr;
    return inner;
  }
  NodePtr ListLiteral(const Token& t) {
    auto n = NewNode(NodeKind::kList, t);
    if (Current().kind != TokenKind::kRightBracket) {
      do {
        NodePtr element = ParseExpression(kPrecOr);
        if (!element) return nullptr;
        n->children.push_back(std::move(element));
      } while (Current().kind == TokenKind::kComma && (Take(), true));
    }
    if (!Expect(TokenKind::kRightBracket, "pour fermer la liste")) return nullptr;
    return n;
  }
  // A prefix operator binds its operand at `precedence`: `-` tighter than
  // `*`, `not` looser than a comparison (`not a == b` is `not (a == b)`).
  NodePtr Prefix(const Token& t, NodeKind kind, Precedence precedence) {
    NodePtr operand = ParseExpression(precedence);
    if (!operand) return nullptr;
    auto n = NewNode(kind, t);
    n->children.push_back(std::move(operand));
    return n;
  }
  NodePtr Negate(const Token& t) { return Prefix(t, NodeKind::kNegate, kPrecUnary); }
  NodePtr Not(const Token& t) { return Prefix(t, NodeKind::kNot, kPrecComparison); }
  NodePtr Name(const Token& t) {
    if (Current().kind == TokenKind::kLeftParen) return Call(t);
    auto n = NewNode(NodeKind::kName, t);
    n->text = t.text;
    while (Current().kind == TokenKind::kDot) {
      Take();
      if (Current().kind != TokenKind::kIdentifier) {
        return Fail(Current(), "un nom de champ était attendu après « . », trouvé " + Found(Current()));
      }
      n->text += "." + Take().text;
    }
    return n;
  }
  NodePtr Call(const Token& name) {
    Take();  // (
    auto n = NewNode(NodeKind::kCall, name);
    n->text = name.text;
    if (Current().kind != TokenKind::kRightParen) {
      do {
        NodePtr arg = ParseExpression(kPrecOr);
        if (!arg) return nullptr;
        n->children.push_back(std::move(arg));
      } while (Current().kind == TokenKind::kComma && (Take(), true));
    }
    if (!Expect(TokenKind::kRightParen, "après les arguments de " + name.text)) return nullptr;
    return n;
  }

  // --- infix rules ---------------------------------------------------------
  NodePtr Binary(const Token& op, NodePtr left) {
    const Precedence prec = RuleFor(op.kind).precedence;
    // Left-associative: the right operand binds one level tighter.
    NodePtr right = ParseExpression(static_cast<Precedence>(prec + 1));
    if (!right) return nullptr;
    NodeKind kind = NodeKind::kBinary;
    if (op.kind == TokenKind::kAnd) kind = NodeKind::kAnd;
    if (op.kind == TokenKind::kOr) kind = NodeKind::kOr;
    auto n = NewNode(kind, op);
    n->op = op.kind;
    n->children.push_back(std::move(left));
    n->children.push_back(std::move(right));
    return n;
  }
  NodePtr Membership(const Token& op, NodePtr left) {
    NodePtr right = ParseExpression(static_cast<Precedence>(kPrecComparison + 1));
    if (!right) return nullptr;
    auto n = NewNode(op.kind == TokenKind::kNotIn ? NodeKind::kNotIn : NodeKind::kIn, op);
    n->children.push_back(std::move(left));
    n->children.push_back(std::move(right));
    return n;
  }

  std::vector<Token> tokens_;
  size_t index_ = 0;
  ParseError* error_;
  bool failed_ = false;
  int depth_ = 0;
};

const Rule& Parser::RuleFor(TokenKind kind) {
  // The whole grammar, one row per token kind.
  static const std::array<Rule, static_cast<size_t>(TokenKind::kError) + 1> kRules = [] {
    std::array<Rule, static_cast<size_t>(TokenKind::kError) + 1> r{};
    auto set = [&](TokenKind k, PrefixFn p, InfixFn i, Precedence prec) { r[static_cast<size_t>(k)] = {p, i, prec}; };
    set(TokenKind::kNumber, &Parser::Number, nullptr, kPrecNone);
    set(TokenKind::kString, &Parser::String, nullptr, kPrecNone);
    set(TokenKind::kTrue, &Parser::Boolean, nullptr, kPrecNone);
    set(TokenKind::kFalse, &Parser::Boolean, nullptr, kPrecNone);
    set(TokenKind::kIdentifier, &Parser::Name, nullptr, kPrecNone);
    set(TokenKind::kLeftParen, &Parser::Grouping, nullptr, kPrecNone);
    set(TokenKind::kLeftBracket, &Parser::ListLiteral, nullptr, kPrecNone);
    set(TokenKind::kMinus, &Parser::Negate, &Parser::Binary, kPrecTerm);
    set(TokenKind::kPlus, nullptr, &Parser::Binary, kPrecTerm);
    set(TokenKind::kStar, nullptr, &Parser::Binary, kPrecFactor);
    set(TokenKind::kSlash, nullptr, &Parser::Binary, kPrecFactor);
    set(TokenKind::kNot, &Parser::Not, nullptr, kPrecNone);
    set(TokenKind::kAnd, nullptr, &Parser::Binary, kPrecAnd);
    set(TokenKind::kOr, nullptr, &Parser::Binary, kPrecOr);
    set(TokenKind::kIn, nullptr, &Parser::Membership, kPrecComparison);
    set(TokenKind::kNotIn, nullptr, &Parser::Membership, kPrecComparison);
    set(TokenKind::kEqual, nullptr, &Parser::Binary, kPrecComparison);
    set(TokenKind::kNotEqual, nullptr, &Parser::Binary, kPrecComparison);
    set(TokenKind::kLess, nullptr, &Parser::Binary, kPrecComparison);
    set(TokenKind::kLessEqual, nullptr, &Parser::Binary, kPrecComparison);
    set(TokenKind::kGreater, nullptr, &Parser::Binary, kPrecComparison);
    set(TokenKind::kGreaterEqual, nullptr, &Parser::Binary, kPrecComparison);
    return r;
  }();
  return kRules[static_cast<size_t>(kind)];
}

}  // namespace

NodePtr Parse(std::string_view source, ParseError* error) {
  if (source.size() > kMaxSource) {
    error->pos = {};
    error->message = "expression trop longue (plus de 4096 caractères)";
    return nullptr;
  }
  std::vector<Token> tokens = Lex(source);
  Parser parser(std::move(tokens), error);
  return parser.ParseAll();
}

}  // namespace capsante::expr

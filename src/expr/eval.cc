#include "expr/eval.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <span>

#include "expr/functions.h"

namespace capsante::expr {
namespace {

Value FromFact(const Fact& f) {
  switch (f.kind) {
    case Fact::Kind::kUnknown: return Value::Unknown();
    case Fact::Kind::kBool: return Value::Bool(f.boolean);
    case Fact::Kind::kNumber: return Value::Number(f.number);
    case Fact::Kind::kText: return Value::Text(f.text);
    case Fact::Kind::kDate: return Value::DateDays(f.date.days());
  }
  return Value::Unknown();
}

void NoteMissing(const BoundExpr& e, EvalContext* ctx) {
  if (ctx->missing && e.field) ctx->missing->push_back(e.field->id);
}

}  // namespace

bool Equal(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Value::Kind::kBool: return a.b == b.b;
    case Value::Kind::kNumber: return std::fabs(a.n - b.n) < 1e-9;
    case Value::Kind::kText: return a.s == b.s;
    case Value::Kind::kDate: return a.i == b.i;
    case Value::Kind::kDuration: return a.i == b.i && a.j == b.j;
    default: return false;
  }
}

namespace {

// -1, 0, 1 for numbers and dates.
int Order(const Value& a, const Value& b) {
  if (a.kind == Value::Kind::kDate) return a.i < b.i ? -1 : (a.i > b.i ? 1 : 0);
  if (std::fabs(a.n - b.n) < 1e-9) return 0;
  return a.n < b.n ? -1 : 1;
}

Value Compare(TokenKind op, const Value& a, const Value& b) {
  switch (op) {
    case TokenKind::kEqual: return Value::Bool(Equal(a, b));
    case TokenKind::kNotEqual: return Value::Bool(!Equal(a, b));
    case TokenKind::kLess: return Value::Bool(Order(a, b) < 0);
    case TokenKind::kLessEqual: return Value::Bool(Order(a, b) <= 0);
    case TokenKind::kGreater: return Value::Bool(Order(a, b) > 0);
    case TokenKind::kGreaterEqual: return Value::Bool(Order(a, b) >= 0);
    default: return Value::Unknown();
  }
}

Value AddDuration(const Value& date, const Value& duration, int sign) {
  Date d = Date::FromDays(date.i);
  d = d.AddMonths(sign * duration.i).AddDays(sign * duration.j);
  return Value::DateDays(d.days());
}

Value Arithmetic(const BoundExpr& e, const Value& a, const Value& b, EvalContext* ctx) {
  const bool numbers = a.kind == Value::Kind::kNumber && b.kind == Value::Kind::kNumber;
  switch (e.op) {
    case TokenKind::kPlus:
      if (numbers) return Value::Number(a.n + b.n);
      if (a.kind == Value::Kind::kDate) return AddDuration(a, b, 1);
      return AddDuration(b, a, 1);
    case TokenKind::kMinus:
      if (numbers) return Value::Number(a.n - b.n);
      if (b.kind == Value::Kind::kDate) return Value::Number(a.i - b.i);
      return AddDuration(a, b, -1);
    case TokenKind::kStar: return Value::Number(a.n * b.n);
    case TokenKind::kSlash:
      if (b.n == 0) {
        if (ctx->error.empty()) ctx->error = "division par zéro dans « " + e.source + " »";
        return Value::Unknown();
      }
      return Value::Number(a.n / b.n);
    default: return Value::Unknown();
  }
}

// Strict functions: every argument is evaluated, so that every missing fact
// is recorded; an unknown argument makes the result unknown.
// Out of line: its argument array would otherwise enlarge every Eval frame.
[[gnu::noinline]] Value CallStrict(const BoundExpr& e, EvalContext* ctx) {
  constexpr size_t kInline = 4;
  const size_t n = e.children.size();
  Value inline_args[kInline];
  std::vector<Value> spilled;
  Value* args = inline_args;
  if (n > kInline) {
    spilled.resize(n);
    args = spilled.data();
  }
  bool unknown = false;
  for (size_t i = 0; i < n; ++i) {
    args[i] = Eval(*e.children[i], ctx);
    if (!args[i].known()) unknown = true;
  }
  if (unknown) return Value::Unknown();
  return e.function->strict(std::span<const Value>(args, n));
}

}  // namespace

Value Eval(const BoundExpr& e, EvalContext* ctx) {
  switch (e.kind) {
    case BoundKind::kConstant: return e.constant;
    case BoundKind::kToday: return Value::DateDays(ctx->situation->date().days());
    case BoundKind::kField: {
      const Fact& f = ctx->situation->fact(e.slot);
      if (!f.known()) NoteMissing(e, ctx);
      return FromFact(f);
    }
    case BoundKind::kRecords: {
      // A list the user did not give is empty: "no contract declared", "no
      // trainee hosted" (docs/api.md). Lists are the only fields read so.
      Value v;
      v.kind = Value::Kind::kRecords;
      v.p = &ctx->situation->records(e.slot);
      return v;
    }
    case BoundKind::kItemField: {
      if (!ctx->item) return Value::Unknown();
      const Fact& f = (*ctx->item)[static_cast<size_t>(e.slot)];
      if (!f.known()) NoteMissing(e, ctx);
      return FromFact(f);
    }
    case BoundKind::kParam: {
      const ParamSlot& p = (*ctx->params)[static_cast<size_t>(e.param)];
      if (ctx->params_read) ctx->params_read->push_back(e.param);
      if (p.scale) {
        Value v;
        v.kind = Value::Kind::kScale;
        v.p = p.scale;
        return v;
      }
      return Value::Number(p.number);
    }
    case BoundKind::kDefinition: return Eval(*e.definition, ctx);
    case BoundKind::kNegate: {
      const Value a = Eval(*e.children[0], ctx);
      return a.known() ? Value::Number(-a.n) : a;
    }
    case BoundKind::kNot: {
      const Value a = Eval(*e.children[0], ctx);
      return a.known() ? Value::Bool(!a.b) : a;
    }
    case BoundKind::kAnd: {
      const Value a = Eval(*e.children[0], ctx);
      if (a.known() && !a.b) return a;
      const Value b = Eval(*e.children[1], ctx);
      if (b.known() && !b.b) return b;
      if (a.known() && b.known()) return Value::Bool(true);
      return Value::Unknown();
    }
    case BoundKind::kOr: {
      const Value a = Eval(*e.children[0], ctx);
      if (a.known() && a.b) return a;
      const Value b = Eval(*e.children[1], ctx);
      if (b.known() && b.b) return b;
      if (a.known() && b.known()) return Value::Bool(false);
      return Value::Unknown();
    }
    case BoundKind::kArithmetic: {
      const Value a = Eval(*e.children[0], ctx);
      const Value b = Eval(*e.children[1], ctx);
      if (!a.known() || !b.known()) return Value::Unknown();
      return Arithmetic(e, a, b, ctx);
    }
    case BoundKind::kCompare: {
      const Value a = Eval(*e.children[0], ctx);
      const Value b = Eval(*e.children[1], ctx);
      if (!a.known() || !b.known()) return Value::Unknown();
      return Compare(e.op, a, b);
    }
    case BoundKind::kIn:
    case BoundKind::kNotIn: {
      const Value a = Eval(*e.children[0], ctx);
      if (!a.known()) return a;
      bool found = false;
      for (const auto& element : e.children[1]->children) {
        if (Equal(a, element->constant)) {
          found = true;
          break;
        }
      }
      return Value::Bool(e.kind == BoundKind::kIn ? found : !found);
    }
    case BoundKind::kSet: return Value::Unknown();  // only read through kIn
    case BoundKind::kCall:
      return e.function->shape == CallShape::kStrict ? CallStrict(e, ctx) : e.function->lazy(e, ctx);
  }
  // A new node kind that the evaluator does not know is a bug: say so loudly.
  std::abort();
}

}  // namespace capsante::expr

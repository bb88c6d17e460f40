#include "expr/eval.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

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

double RoundHalfAway(double x) { return std::round(x); }

Value CallFunction(const BoundExpr& e, EvalContext* ctx) {
  const auto& args = e.children;
  switch (e.function) {
    case Function::kIf: {
      const Value c = Eval(*args[0], ctx);
      if (c.known()) return Eval(*args[c.b ? 1 : 2], ctx);
      const Value a = Eval(*args[1], ctx);
      const Value b = Eval(*args[2], ctx);
      if (a.known() && b.known() && Equal(a, b)) return a;
      return Value::Unknown();
    }
    case Function::kKnown: {
      std::vector<int> ignored;
      std::vector<int>* saved = ctx->missing;
      ctx->missing = &ignored;
      const bool known = Eval(*args[0], ctx).known();
      ctx->missing = saved;
      return Value::Bool(known);
    }
    case Function::kDeclared: {
      // True only when the user said so; an unknown fact counts as "not
      // declared" and is recorded as a fact that could raise the amount.
      std::vector<int> read;
      std::vector<int>* saved = ctx->missing;
      ctx->missing = &read;
      const Value v = Eval(*args[0], ctx);
      ctx->missing = saved;
      if (v.known()) return v;
      if (ctx->optional) ctx->optional->insert(ctx->optional->end(), read.begin(), read.end());
      return Value::Bool(false);
    }
    case Function::kSum:
    case Function::kCount:
    case Function::kAny:
    case Function::kAll: {
      const Value list = Eval(*args[0], ctx);
      if (!list.known()) return Value::Unknown();
      const auto* records = static_cast<const std::vector<Record>*>(list.p);
      const Record* saved = ctx->item;
      double total = 0;
      bool unknown = false;
      bool any_true = false;
      bool any_false = false;
      for (const Record& r : *records) {
        ctx->item = &r;
        const Value v = Eval(*args[1], ctx);
        if (!v.known()) {
          unknown = true;
          continue;
        }
        if (e.function == Function::kSum) total += v.n;
        else if (v.b) { any_true = true; total += 1; }
        else any_false = true;
      }
      ctx->item = saved;
      switch (e.function) {
        case Function::kSum:
        case Function::kCount: return unknown ? Value::Unknown() : Value::Number(total);
        case Function::kAny: return any_true ? Value::Bool(true) : (unknown ? Value::Unknown() : Value::Bool(false));
        default: return any_false ? Value::Bool(false) : (unknown ? Value::Unknown() : Value::Bool(true));
      }
    }
    default: break;
  }
  // Strict functions: every argument is evaluated; unknown in, unknown out.
  Value v[3];
  const size_t n = args.size();
  bool unknown = false;
  double extreme = 0;
  for (size_t i = 0; i < n; ++i) {
    const Value a = Eval(*args[i], ctx);
    if (!a.known()) {
      unknown = true;
      continue;
    }
    if (i < 3) v[i] = a;
    if (e.function == Function::kMin) extreme = i == 0 ? a.n : std::min(extreme, a.n);
    if (e.function == Function::kMax) extreme = i == 0 ? a.n : std::max(extreme, a.n);
  }
  if (unknown) return Value::Unknown();
  switch (e.function) {
    case Function::kMin:
    case Function::kMax: return Value::Number(extreme);
    case Function::kClamp: return Value::Number(std::min(std::max(v[0].n, v[1].n), v[2].n));
    case Function::kRound: return Value::Number(RoundHalfAway(v[0].n));
    case Function::kFloor: return Value::Number(std::floor(v[0].n + 1e-9));
    case Function::kAbs: return Value::Number(std::fabs(v[0].n));
    case Function::kBareme: {
      const auto* scale = static_cast<const std::vector<Bracket>*>(v[1].p);
      double result = 0;
      for (const Bracket& b : *scale) {
        if (v[0].n + 1e-9 >= b.threshold) result = b.value;
      }
      return Value::Number(result);
    }
    case Function::kYears: return Value::Duration(static_cast<int>(std::lround(v[0].n * 12)), 0);
    case Function::kMonths: return Value::Duration(static_cast<int>(std::lround(v[0].n)), 0);
    case Function::kDays: return Value::Duration(0, static_cast<int>(std::lround(v[0].n)));
    case Function::kMonthsBetween:
      return Value::Number(Date::MonthsBetween(Date::FromDays(v[0].i), Date::FromDays(v[1].i)));
    case Function::kYearsBetween:
      return Value::Number(Date::YearsBetween(Date::FromDays(v[0].i), Date::FromDays(v[1].i)));
    default: break;
  }
  if (ctx->error.empty()) ctx->error = "fonction non évaluable dans « " + e.source + " »";
  return Value::Unknown();
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
    case BoundKind::kCall: return CallFunction(e, ctx);
  }
  // A new node kind that the evaluator does not know is a bug: say so loudly.
  std::abort();
}

}  // namespace capsante::expr

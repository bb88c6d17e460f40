// The function table of the rule language (see functions.h), followed by the
// type rule and evaluation of each function.
#include "expr/functions.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

#include "capsante/date.h"

namespace capsante::expr {

bool ArgumentCheck::Want(size_t i, Type t, const std::string& what) {
  const BoundExpr& a = *args_[i];
  if (a.type == t) return true;
  error_->pos = a.pos;
  error_->message = WrongType(what, t, a.type);
  return false;
}

std::nullopt_t ArgumentCheck::Fail(std::string message) {
  error_->pos = call_;
  error_->message = std::move(message);
  return std::nullopt;
}

namespace {

std::string Name(const ArgumentCheck& c) { return std::string(c.function()); }

// --- type rules -------------------------------------------------------------

std::optional<Type> NumbersToNumber(ArgumentCheck& c) {
  for (size_t i = 0; i < c.count(); ++i) {
    if (!c.Want(i, Type::kNumber, "un argument de " + Name(c))) return std::nullopt;
  }
  return Type::kNumber;
}

std::optional<Type> IfType(ArgumentCheck& c) {
  if (!c.Want(0, Type::kBool, "la condition de if")) return std::nullopt;
  if (c.arg(1).type != c.arg(2).type) return c.Fail("les deux branches de if doivent être du même type");
  return c.arg(1).type;
}

std::optional<Type> AnythingToBool(ArgumentCheck&) { return Type::kBool; }

std::optional<Type> BoolToBool(ArgumentCheck& c) {
  if (!c.Want(0, Type::kBool, "l'argument de " + Name(c))) return std::nullopt;
  return Type::kBool;
}

std::optional<Type> BaremeType(ArgumentCheck& c) {
  if (!c.Want(0, Type::kNumber, "le premier argument de bareme")) return std::nullopt;
  if (!c.Want(1, Type::kScale, "le second argument de bareme")) return std::nullopt;
  return Type::kNumber;
}

std::optional<Type> NumberToDuration(ArgumentCheck& c) {
  if (!c.Want(0, Type::kNumber, "l'argument de " + Name(c))) return std::nullopt;
  return Type::kDuration;
}

std::optional<Type> DatesToNumber(ArgumentCheck& c) {
  if (!c.Want(0, Type::kDate, "le premier argument de " + Name(c))) return std::nullopt;
  if (!c.Want(1, Type::kDate, "le second argument de " + Name(c))) return std::nullopt;
  return Type::kNumber;
}

// Per-item functions: the binder has checked that the first argument is a
// situation list; the second is read once per element.
std::optional<Type> SumType(ArgumentCheck& c) {
  if (!c.Want(1, Type::kNumber, "le second argument de " + Name(c))) return std::nullopt;
  return Type::kNumber;
}

std::optional<Type> CountType(ArgumentCheck& c) {
  if (!c.Want(1, Type::kBool, "le second argument de " + Name(c))) return std::nullopt;
  return Type::kNumber;
}

std::optional<Type> QuantifierType(ArgumentCheck& c) {
  if (!c.Want(1, Type::kBool, "le second argument de " + Name(c))) return std::nullopt;
  return Type::kBool;
}

// --- strict evaluations (every argument known) ------------------------------

Value Min(std::span<const Value> a) {
  double x = a[0].n;
  for (const Value& v : a.subspan(1)) x = std::min(x, v.n);
  return Value::Number(x);
}

Value Max(std::span<const Value> a) {
  double x = a[0].n;
  for (const Value& v : a.subspan(1)) x = std::max(x, v.n);
  return Value::Number(x);
}

Value Clamp(std::span<const Value> a) { return Value::Number(std::min(std::max(a[0].n, a[1].n), a[2].n)); }
// Half away from zero, to the euro.
Value Round(std::span<const Value> a) { return Value::Number(std::round(a[0].n)); }
// The epsilon absorbs binary noise: floor(2.75 * 2) is 5, not 4.
Value Floor(std::span<const Value> a) { return Value::Number(std::floor(a[0].n + 1e-9)); }
Value Abs(std::span<const Value> a) { return Value::Number(std::fabs(a[0].n)); }

Value Bareme(std::span<const Value> a) {
  const auto* scale = static_cast<const std::vector<Bracket>*>(a[1].p);
  double result = 0;
  for (const Bracket& b : *scale) {
    if (a[0].n + 1e-9 >= b.threshold) result = b.value;
  }
  return Value::Number(result);
}

Value Years(std::span<const Value> a) { return Value::Duration(static_cast<int>(std::lround(a[0].n * 12)), 0); }
Value Months(std::span<const Value> a) { return Value::Duration(static_cast<int>(std::lround(a[0].n)), 0); }
Value Days(std::span<const Value> a) { return Value::Duration(0, static_cast<int>(std::lround(a[0].n))); }

Value MonthsBetween(std::span<const Value> a) {
  return Value::Number(Date::MonthsBetween(Date::FromDays(a[0].i), Date::FromDays(a[1].i)));
}

Value YearsBetween(std::span<const Value> a) {
  return Value::Number(Date::YearsBetween(Date::FromDays(a[0].i), Date::FromDays(a[1].i)));
}

// --- lazy evaluations -------------------------------------------------------

// Only the chosen branch is read; with an unknown condition, two equal known
// branches still decide.
Value If(const BoundExpr& call, EvalContext* ctx) {
  const auto& args = call.children;
  const Value c = Eval(*args[0], ctx);
  if (c.known()) return Eval(*args[c.b ? 1 : 2], ctx);
  const Value a = Eval(*args[1], ctx);
  const Value b = Eval(*args[2], ctx);
  return a.known() && b.known() && Equal(a, b) ? a : Value::Unknown();
}

// Never unknown, and what it reads is not missing: it asks whether it is.
Value Known(const BoundExpr& call, EvalContext* ctx) {
  std::vector<int>* saved = ctx->missing;
  ctx->missing = nullptr;
  const bool known = Eval(*call.children[0], ctx).known();
  ctx->missing = saved;
  return Value::Bool(known);
}

// True only when the user said so; an unknown fact counts as "not declared"
// and is recorded as a fact that could raise the amount. The fields it reads
// are noted after those already missing, then taken back: no buffer of its
// own unless there is no missing list to borrow.
Value Declared(const BoundExpr& call, EvalContext* ctx) {
  std::vector<int> own;
  std::vector<int>* saved = ctx->missing;
  std::vector<int>* read = saved ? saved : (ctx->optional ? &own : nullptr);
  const size_t mark = read ? read->size() : 0;
  ctx->missing = read;
  const Value v = Eval(*call.children[0], ctx);
  ctx->missing = saved;
  if (!v.known() && ctx->optional) {
    ctx->optional->insert(ctx->optional->end(), read->begin() + static_cast<std::ptrdiff_t>(mark), read->end());
  }
  if (read) read->resize(mark);
  return v.known() ? v : Value::Bool(false);
}

// The second argument over every element of the first (a situation list).
struct ItemTally {
  double sum = 0;  // of known numbers
  int trues = 0;
  int falses = 0;
  bool unknown = false;  // some element gave unknown
};

std::optional<ItemTally> TallyItems(const BoundExpr& call, EvalContext* ctx) {
  const Value list = Eval(*call.children[0], ctx);
  if (!list.known()) return std::nullopt;
  const auto* records = static_cast<const std::vector<Record>*>(list.p);
  const Record* saved = ctx->item;
  ItemTally t;
  for (const Record& r : *records) {
    ctx->item = &r;
    const Value v = Eval(*call.children[1], ctx);
    if (!v.known()) t.unknown = true;
    else if (v.kind == Value::Kind::kNumber) t.sum += v.n;
    else if (v.b) ++t.trues;
    else ++t.falses;
  }
  ctx->item = saved;
  return t;
}

Value Sum(const BoundExpr& call, EvalContext* ctx) {
  const auto t = TallyItems(call, ctx);
  return !t || t->unknown ? Value::Unknown() : Value::Number(t->sum);
}

Value Count(const BoundExpr& call, EvalContext* ctx) {
  const auto t = TallyItems(call, ctx);
  return !t || t->unknown ? Value::Unknown() : Value::Number(t->trues);
}

Value Any(const BoundExpr& call, EvalContext* ctx) {
  const auto t = TallyItems(call, ctx);
  if (!t) return Value::Unknown();
  if (t->trues > 0) return Value::Bool(true);
  return t->unknown ? Value::Unknown() : Value::Bool(false);
}

Value All(const BoundExpr& call, EvalContext* ctx) {
  const auto t = TallyItems(call, ctx);
  if (!t) return Value::Unknown();
  if (t->falses > 0) return Value::Bool(false);
  return t->unknown ? Value::Unknown() : Value::Bool(true);
}

// --- literals ---------------------------------------------------------------

bool DateLiteral(const Node& call, Type* type, Value* value, BindError* error) {
  const Node& arg = *call.children[0];
  if (arg.kind != NodeKind::kString) {
    error->pos = call.pos;
    error->message = "date(...) attend un texte \"AAAA-MM-JJ\"";
    return false;
  }
  const auto d = Date::Parse(arg.text);
  if (!d) {
    error->pos = arg.pos;
    error->message = "date impossible « " + arg.text + " » (format AAAA-MM-JJ)";
    return false;
  }
  *type = Type::kDate;
  *value = Value::DateDays(d->days());
  return true;
}

FunctionSpec Strict(std::string_view name, int min_args, int max_args, TypeRule type, StrictEval eval) {
  return {name, min_args, max_args, CallShape::kStrict, type, eval, nullptr, nullptr};
}
FunctionSpec Lazy(std::string_view name, int args, TypeRule type, LazyEval eval) {
  return {name, args, args, CallShape::kLazy, type, nullptr, eval, nullptr};
}
FunctionSpec PerItem(std::string_view name, TypeRule type, LazyEval eval) {
  return {name, 2, 2, CallShape::kPerItem, type, nullptr, eval, nullptr};
}

const std::array<FunctionSpec, 20> kFunctions = {
    Strict("min", 2, -1, NumbersToNumber, Min),
    Strict("max", 2, -1, NumbersToNumber, Max),
    Strict("clamp", 3, 3, NumbersToNumber, Clamp),
    Strict("round", 1, 1, NumbersToNumber, Round),
    Strict("floor", 1, 1, NumbersToNumber, Floor),
    Strict("abs", 1, 1, NumbersToNumber, Abs),
    Lazy("if", 3, IfType, If),
    Lazy("known", 1, AnythingToBool, Known),
    Lazy("declared", 1, BoolToBool, Declared),
    Strict("bareme", 2, 2, BaremeType, Bareme),
    FunctionSpec{"date", 1, 1, CallShape::kLiteral, nullptr, nullptr, nullptr, DateLiteral},
    Strict("years", 1, 1, NumberToDuration, Years),
    Strict("months", 1, 1, NumberToDuration, Months),
    Strict("days", 1, 1, NumberToDuration, Days),
    Strict("months_between", 2, 2, DatesToNumber, MonthsBetween),
    Strict("years_between", 2, 2, DatesToNumber, YearsBetween),
    PerItem("sum", SumType, Sum),
    PerItem("count", CountType, Count),
    PerItem("any", QuantifierType, Any),
    PerItem("all", QuantifierType, All),
};

}  // namespace

std::span<const FunctionSpec> Functions() { return kFunctions; }

const FunctionSpec* FindFunction(std::string_view name) {
  for (const FunctionSpec& f : kFunctions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

}  // namespace capsante::expr

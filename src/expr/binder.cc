#include "expr/binder.h"

#include <unordered_map>

#include "capsante/date.h"

namespace capsante::expr {

const char* TypeFrench(Type t) {
  switch (t) {
    case Type::kBool: return "booléen";
    case Type::kNumber: return "nombre";
    case Type::kText: return "texte";
    case Type::kDate: return "date";
    case Type::kDuration: return "durée";
    case Type::kRecords: return "liste d'éléments";
    case Type::kSet: return "liste";
    case Type::kScale: return "barème";
  }
  return "?";
}

void CollectParams(const BoundExpr& e, std::set<int>* params) {
  if (e.kind == BoundKind::kParam) params->insert(e.param);
  if (e.definition) CollectParams(*e.definition, params);
  for (const auto& c : e.children) CollectParams(*c, params);
}

void CollectFields(const BoundExpr& e, std::set<int>* fields) {
  if (e.field && (e.kind == BoundKind::kField || e.kind == BoundKind::kRecords || e.kind == BoundKind::kItemField)) {
    fields->insert(e.field->id);
  }
  if (e.definition) CollectFields(*e.definition, fields);
  for (const auto& c : e.children) CollectFields(*c, fields);
}

namespace {

struct FunctionInfo {
  Function function;
  int min_args;
  int max_args;  // -1: any
};

const std::unordered_map<std::string, FunctionInfo>& Functions() {
  static const std::unordered_map<std::string, FunctionInfo> kFunctions = {
      {"min", {Function::kMin, 2, -1}},
      {"max", {Function::kMax, 2, -1}},
      {"clamp", {Function::kClamp, 3, 3}},
      {"round", {Function::kRound, 1, 1}},
      {"floor", {Function::kFloor, 1, 1}},
      {"abs", {Function::kAbs, 1, 1}},
      {"if", {Function::kIf, 3, 3}},
      {"known", {Function::kKnown, 1, 1}},
      {"declared", {Function::kDeclared, 1, 1}},
      {"bareme", {Function::kBareme, 2, 2}},
      {"years", {Function::kYears, 1, 1}},
      {"months", {Function::kMonths, 1, 1}},
      {"days", {Function::kDays, 1, 1}},
      {"months_between", {Function::kMonthsBetween, 2, 2}},
      {"years_between", {Function::kYearsBetween, 2, 2}},
      {"sum", {Function::kSum, 2, 2}},
      {"count", {Function::kCount, 2, 2}},
      {"any", {Function::kAny, 2, 2}},
      {"all", {Function::kAll, 2, 2}},
  };
  return kFunctions;
}

class Binder {
 public:
  Binder(BindScope& scope, BindError* error) : scope_(scope), error_(error) {}

  BoundPtr Bind(const Node& n) {
    BoundPtr b = BindNode(n);
    if (b) b->source = n.ToString();
    return b;
  }

  BoundPtr Fail(Position pos, std::string message) {
    error_->pos = pos;
    error_->message = std::move(message);
    return nullptr;
  }

 private:
  static BoundPtr New(BoundKind kind, Type type, const Node& n) {
    auto b = std::make_unique<BoundExpr>();
    b->kind = kind;
    b->type = type;
    b->pos = n.pos;
    return b;
  }

  bool Want(const BoundExpr& b, Type t, const std::string& what) {
    if (b.type == t) return true;
    Fail(b.pos, what + " doit être de type " + TypeFrench(t) + ", pas " + TypeFrench(b.type));
    return false;
  }

  BoundPtr BindNode(const Node& n) {
    switch (n.kind) {
      case NodeKind::kNumber: {
        auto b = New(BoundKind::kConstant, Type::kNumber, n);
        b->constant = Value::Number(n.number);
        return b;
      }
      case NodeKind::kString: {
        auto b = New(BoundKind::kConstant, Type::kText, n);
        b->constant_text = n.text;
        return b;  // constant.s is fixed up by FixTexts once the node no longer moves
      }
      case NodeKind::kBool: {
        auto b = New(BoundKind::kConstant, Type::kBool, n);
        b->constant = Value::Bool(n.boolean);
        return b;
      }
      case NodeKind::kName: return BindName(n);
      case NodeKind::kList: return BindSet(n);
      case NodeKind::kNegate: {
        BoundPtr a = Bind(*n.children[0]);
        if (!a || !Want(*a, Type::kNumber, "l'opérande de « - »")) return nullptr;
        auto b = New(BoundKind::kNegate, Type::kNumber, n);
        b->children.push_back(std::move(a));
        return b;
      }
      case NodeKind::kNot: {
        BoundPtr a = Bind(*n.children[0]);
        if (!a || !Want(*a, Type::kBool, "l'opérande de « not »")) return nullptr;
        auto b = New(BoundKind::kNot, Type::kBool, n);
        b->children.push_back(std::move(a));
        return b;
      }
      case NodeKind::kAnd:
      case NodeKind::kOr: {
        const char* word = n.kind == NodeKind::kAnd ? "« and »" : "« or »";
        BoundPtr a = Bind(*n.children[0]);
        if (!a || !Want(*a, Type::kBool, std::string("l'opérande gauche de ") + word)) return nullptr;
        BoundPtr c = Bind(*n.children[1]);
        if (!c || !Want(*c, Type::kBool, std::string("l'opérande droit de ") + word)) return nullptr;
        auto b = New(n.kind == NodeKind::kAnd ? BoundKind::kAnd : BoundKind::kOr, Type::kBool, n);
        b->children.push_back(std::move(a));
        b->children.push_back(std::move(c));
        return b;
      }
      case NodeKind::kBinary: return BindBinary(n);
      case NodeKind::kIn:
      case NodeKind::kNotIn: return BindIn(n);
      case NodeKind::kCall: return BindCall(n);
    }
    return Fail(n.pos, "nœud d'expression inconnu");
  }

  BoundPtr BindName(const Node& n) {
    const std::string& path = n.text;
    if (path == "date") return New(BoundKind::kToday, Type::kDate, n);
    if (path.rfind("param.", 0) == 0) {
      const std::string name = path.substr(6);
      bool is_scale = false;
      const int index = scope_.FindParam(name, &is_scale);
      if (index < 0) return Fail(n.pos, "paramètre inconnu « " + name + " » (déclarez-le sous « parametres: »)");
      auto b = New(BoundKind::kParam, is_scale ? Type::kScale : Type::kNumber, n);
      b->param = index;
      return b;
    }
    if (path == "item" || path.rfind("item.", 0) == 0) {
      if (!item_list_) return Fail(n.pos, "« item » n'a de sens que dans sum, count, any ou all");
      const std::string name = path == "item" ? "" : path.substr(5);
      const FieldSpec* f = scope_.schema().FindChild(*item_list_, name);
      if (!f) return Fail(n.pos, "champ « " + name + " » inconnu dans les éléments de « " + item_list_->path + " »");
      auto b = New(BoundKind::kItemField, ScalarType(*f), n);
      b->field = f;
      b->slot = f->slot;
      return b;
    }
    if (path.find('.') == std::string::npos) {
      BindError def_error;
      def_error.pos = n.pos;
      auto def = scope_.FindDefinition(path, &def_error);
      if (def) {
        auto b = New(BoundKind::kDefinition, def->type, n);
        b->field = def->field;
        b->definition = std::move(def);
        b->definition_name = path;
        return b;
      }
      if (!def_error.message.empty()) return Fail(n.pos, def_error.message);
    }
    const FieldSpec* f = scope_.schema().Find(path);
    if (!f || f->in_list) return Fail(n.pos, "nom inconnu « " + path + " » (ni champ de la situation, ni définition)");
    if (f->type == FieldType::kObject) return Fail(n.pos, "« " + path + " » est un objet : nommez un de ses champs");
    if (f->type == FieldType::kList) {
      auto b = New(BoundKind::kRecords, Type::kRecords, n);
      b->field = f;
      b->slot = f->slot;
      return b;
    }
    auto b = New(BoundKind::kField, ScalarType(*f), n);
    b->field = f;
    b->slot = f->slot;
    return b;
  }

  static Type ScalarType(const FieldSpec& f) {
    switch (f.type) {
      case FieldType::kBool: return Type::kBool;
      case FieldType::kNumber:
      case FieldType::kInteger: return Type::kNumber;
      case FieldType::kText:
      case FieldType::kEnum: return Type::kText;
      case FieldType::kDate: return Type::kDate;
      case FieldType::kObject:
      case FieldType::kList: break;
    }
    return Type::kRecords;
  }

  // A text constant compared with an enum field must be one of its values.
  bool CheckEnum(const BoundExpr& maybe_field, const BoundExpr& maybe_const) {
    const FieldSpec* f = maybe_field.field;
    if (!f || f->type != FieldType::kEnum || maybe_const.kind != BoundKind::kConstant || maybe_const.type != Type::kText) {
      return true;
    }
    if (f->EnumIndex(maybe_const.constant_text) >= 0) return true;
    std::string allowed;
    for (const auto& v : f->values) allowed += (allowed.empty() ? "" : ", ") + v;
    Fail(maybe_const.pos, "« " + maybe_const.constant_text + " » n'est pas une valeur de « " + f->path + " » (valeurs : " + allowed + ")");
    return false;
  }

  BoundPtr BindBinary(const Node& n) {
    BoundPtr a = Bind(*n.children[0]);
    if (!a) return nullptr;
    BoundPtr c = Bind(*n.children[1]);
    if (!c) return nullptr;
    const TokenKind op = n.op;
    const bool arithmetic = op == TokenKind::kPlus || op == TokenKind::kMinus || op == TokenKind::kStar || op == TokenKind::kSlash;
    Type result = Type::kBool;
    if (arithmetic) {
      const Type l = a->type, r = c->type;
      if (l == Type::kNumber && r == Type::kNumber) result = Type::kNumber;
      else if (op == TokenKind::kPlus && l == Type::kDate && r == Type::kDuration) result = Type::kDate;
      else if (op == TokenKind::kPlus && l == Type::kDuration && r == Type::kDate) result = Type::kDate;
      else if (op == TokenKind::kMinus && l == Type::kDate && r == Type::kDuration) result = Type::kDate;
      else if (op == TokenKind::kMinus && l == Type::kDate && r == Type::kDate) result = Type::kNumber;
      else {
        return Fail(n.pos, std::string("opération impossible entre ") + TypeFrench(l) + " et " + TypeFrench(r));
      }
      auto b = New(BoundKind::kArithmetic, result, n);
      b->op = op;
      b->children.push_back(std::move(a));
      b->children.push_back(std::move(c));
      return b;
    }
    // Comparisons.
    if (a->type != c->type) {
      return Fail(n.pos, std::string("comparaison impossible entre ") + TypeFrench(a->type) + " et " + TypeFrench(c->type));
    }
    const bool equality = op == TokenKind::kEqual || op == TokenKind::kNotEqual;
    const bool ordered = a->type == Type::kNumber || a->type == Type::kDate;
    const bool comparable = ordered || ((a->type == Type::kText || a->type == Type::kBool) && equality);
    if (!comparable) return Fail(n.pos, std::string("les valeurs de type ") + TypeFrench(a->type) + " ne se comparent pas ainsi");
    if (!CheckEnum(*a, *c) || !CheckEnum(*c, *a)) return nullptr;
    auto b = New(BoundKind::kCompare, Type::kBool, n);
    b->op = op;
    b->children.push_back(std::move(a));
    b->children.push_back(std::move(c));
    return b;
  }

  BoundPtr BindSet(const Node& n) {
    auto b = New(BoundKind::kSet, Type::kSet, n);
    if (n.children.empty()) return Fail(n.pos, "une liste vide ne sert à rien");
    for (const auto& child : n.children) {
      BoundPtr e = Bind(*child);
      if (!e) return nullptr;
      if (e->kind != BoundKind::kConstant) return Fail(child->pos, "une liste ne contient que des constantes");
      if (!b->children.empty() && e->type != b->children[0]->type) return Fail(child->pos, "les éléments d'une liste doivent être du même type");
      b->children.push_back(std::move(e));
    }
    return b;
  }

  BoundPtr BindIn(const Node& n) {
    BoundPtr a = Bind(*n.children[0]);
    if (!a) return nullptr;
    BoundPtr set = Bind(*n.children[1]);
    if (!set) return nullptr;
    if (set->kind != BoundKind::kSet) return Fail(n.children[1]->pos, "à droite de « in », une liste entre crochets est attendue");
    if (set->children[0]->type != a->type) {
      return Fail(n.pos, std::string("« in » compare un ") + TypeFrench(a->type) + " à une liste de " + TypeFrench(set->children[0]->type));
    }
    for (const auto& element : set->children) {
      if (!CheckEnum(*a, *element)) return nullptr;
    }
    auto b = New(n.kind == NodeKind::kIn ? BoundKind::kIn : BoundKind::kNotIn, Type::kBool, n);
    b->children.push_back(std::move(a));
    b->children.push_back(std::move(set));
    return b;
  }

  BoundPtr BindCall(const Node& n) {
    if (n.text == "date") return BindDateLiteral(n);
    const auto& functions = Functions();
    auto it = functions.find(n.text);
    if (it == functions.end()) return Fail(n.pos, "fonction inconnue « " + n.text + " »");
    const FunctionInfo& info = it->second;
    const int argc = static_cast<int>(n.children.size());
    if (argc < info.min_args || (info.max_args >= 0 && argc > info.max_args)) {
      return Fail(n.pos, "mauvais nombre d'arguments pour " + n.text + " (" + std::to_string(argc) + ")");
    }
    auto b = New(BoundKind::kCall, Type::kNumber, n);
    b->function = info.function;
    const bool list_function = info.function == Function::kSum || info.function == Function::kCount ||
                               info.function == Function::kAny || info.function == Function::kAll;
    if (list_function) {
      BoundPtr list = Bind(*n.children[0]);
      if (!list) return nullptr;
      if (list->kind != BoundKind::kRecords) return Fail(n.children[0]->pos, n.text + " attend une liste de la situation en premier argument");
      if (item_list_) return Fail(n.pos, "les fonctions de liste ne s'imbriquent pas");
      item_list_ = list->field;
      BoundPtr body = Bind(*n.children[1]);
      item_list_ = nullptr;
      if (!body) return nullptr;
      const Type want = info.function == Function::kSum ? Type::kNumber : Type::kBool;
      if (!Want(*body, want, "le second argument de " + n.text)) return nullptr;
      b->type = info.function == Function::kSum || info.function == Function::kCount ? Type::kNumber : Type::kBool;
      b->children.push_back(std::move(list));
      b->children.push_back(std::move(body));
      return b;
    }
    for (const auto& child : n.children) {
      BoundPtr arg = Bind(*child);
      if (!arg) return nullptr;
      b->children.push_back(std::move(arg));
    }
    auto& args = b->children;
    switch (info.function) {
      case Function::kMin:
      case Function::kMax:
      case Function::kClamp:
      case Function::kRound:
      case Function::kFloor:
      case Function::kAbs:
        for (const auto& a : args) if (!Want(*a, Type::kNumber, "un argument de " + n.text)) return nullptr;
        b->type = Type::kNumber;
        return b;
      case Function::kIf:
        if (!Want(*args[0], Type::kBool, "la condition de if")) return nullptr;
        if (args[1]->type != args[2]->type) return Fail(n.pos, "les deux branches de if doivent être du même type");
        b->type = args[1]->type;
        return b;
      case Function::kKnown:
        b->type = Type::kBool;
        return b;
      case Function::kDeclared:
        if (!Want(*args[0], Type::kBool, "l'argument de declared")) return nullptr;
        b->type = Type::kBool;
        return b;
      case Function::kBareme:
        if (!Want(*args[0], Type::kNumber, "le premier argument de bareme")) return nullptr;
        if (!Want(*args[1], Type::kScale, "le second argument de bareme")) return nullptr;
        b->type = Type::kNumber;
        return b;
      case Function::kYears:
      case Function::kMonths:
      case Function::kDays:
        if (!Want(*args[0], Type::kNumber, "l'argument de " + n.text)) return nullptr;
        b->type = Type::kDuration;
        return b;
      case Function::kMonthsBetween:
      case Function::kYearsBetween:
        if (!Want(*args[0], Type::kDate, "le premier argument de " + n.text)) return nullptr;
        if (!Want(*args[1], Type::kDate, "le second argument de " + n.text)) return nullptr;
        b->type = Type::kNumber;
        return b;
      case Function::kSum:
      case Function::kCount:
      case Function::kAny:
      case Function::kAll:
        break;  // handled above
    }
    return Fail(n.pos, "fonction non prise en charge « " + n.text + " »");
  }

  BoundPtr BindDateLiteral(const Node& n) {
    if (n.children.size() != 1 || n.children[0]->kind != NodeKind::kString) {
      return Fail(n.pos, "date(...) attend un texte \"AAAA-MM-JJ\"");
    }
    auto d = Date::Parse(n.children[0]->text);
    if (!d) return Fail(n.children[0]->pos, "date impossible « " + n.children[0]->text + " » (format AAAA-MM-JJ)");
    auto b = New(BoundKind::kConstant, Type::kDate, n);
    b->constant = Value::DateDays(d->days());
    return b;
  }

  BindScope& scope_;
  BindError* error_;
  const FieldSpec* item_list_ = nullptr;
};

// Text constants point into their own node's string, which only has a stable
// address once the tree is built.
void FixTexts(BoundExpr* e) {
  if (e->kind == BoundKind::kConstant && e->type == Type::kText) e->constant = Value::Text(e->constant_text);
  for (auto& c : e->children) FixTexts(c.get());
}

}  // namespace

BoundPtr Bind(const Node& node, BindScope& scope, BindError* error, const Type* expected) {
  Binder binder(scope, error);
  BoundPtr b = binder.Bind(node);
  if (!b) return nullptr;
  if (expected && b->type != *expected) {
    return binder.Fail(node.pos, std::string("l'expression doit être de type ") + TypeFrench(*expected) + ", pas " + TypeFrench(b->type));
  }
  FixTexts(b.get());
  return b;
}

}  // namespace capsante::expr

#include "expr/binder.h"

#include <optional>

#include "expr/functions.h"

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

std::string WrongType(const std::string& what, Type want, Type got) {
  return what + " doit être de type " + TypeFrench(want) + ", pas " + TypeFrench(got);
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

void CollectNodes(const BoundExpr& e, std::vector<const void*>* nodes) {
  nodes->push_back(&e);
  if (!e.children.empty()) nodes->push_back(e.children.data());
  if (e.definition) CollectNodes(*e.definition, nodes);
  for (const auto& c : e.children) CollectNodes(*c, nodes);
}

namespace {

// "mauvais nombre d'arguments pour clamp : 3 attendus, 2 donnés".
std::string ArityMessage(const FunctionSpec& f, int given) {
  auto count = [](int n, const char* word) { return std::to_string(n) + " " + word + (n > 1 ? "s" : ""); };
  std::string expected = count(f.min_args, "attendu");
  if (f.max_args < 0) expected = "au moins " + expected;
  else if (f.max_args != f.min_args) expected = "de " + std::to_string(f.min_args) + " à " + count(f.max_args, "attendu");
  return "mauvais nombre d'arguments pour " + std::string(f.name) + " : " + expected + ", " + count(given, "donné");
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
    Fail(b.pos, WrongType(what, t, b.type));
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

  // Calls: everything about a function is in its row of the table.
  BoundPtr BindCall(const Node& n) {
    const FunctionSpec* f = FindFunction(n.text);
    if (!f) return Fail(n.pos, "fonction inconnue « " + n.text + " »");
    const int argc = static_cast<int>(n.children.size());
    if (argc < f->min_args || (f->max_args >= 0 && argc > f->max_args)) return Fail(n.pos, ArityMessage(*f, argc));
    if (f->shape == CallShape::kLiteral) {
      auto b = New(BoundKind::kConstant, Type::kBool, n);
      if (!f->literal(n, &b->type, &b->constant, error_)) return nullptr;
      return b;
    }
    auto b = New(BoundKind::kCall, Type::kNumber, n);
    b->function = f;
    if (f->shape == CallShape::kPerItem) {
      if (!BindPerItem(n, &b->children)) return nullptr;
    } else {
      for (const auto& child : n.children) {
        BoundPtr arg = Bind(*child);
        if (!arg) return nullptr;
        b->children.push_back(std::move(arg));
      }
    }
    ArgumentCheck check(f->name, n.pos, b->children, error_);
    const std::optional<Type> type = f->type(check);
    if (!type) return nullptr;
    b->type = *type;
    return b;
  }

  // (situation list, expression over item.FIELD).
  bool BindPerItem(const Node& n, std::vector<BoundPtr>* args) {
    BoundPtr list = Bind(*n.children[0]);
    if (!list) return false;
    if (list->kind != BoundKind::kRecords) {
      Fail(n.children[0]->pos, n.text + " attend une liste de la situation en premier argument");
      return false;
    }
    if (item_list_) {
      Fail(n.pos, "les fonctions de liste ne s'imbriquent pas");
      return false;
    }
    item_list_ = list->field;
    BoundPtr body = Bind(*n.children[1]);
    item_list_ = nullptr;
    if (!body) return false;
    args->push_back(std::move(list));
    args->push_back(std::move(body));
    return true;
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

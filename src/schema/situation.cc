#include "capsante/situation.h"

#include <algorithm>
#include <bitset>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <vector>

#include "capsante/text.h"
#include "schema/json_scan.h"
#include "schema/text_pattern.h"

namespace capsante {

std::string Fact::ToString() const {
  switch (kind) {
    case Kind::kUnknown: return "";
    case Kind::kBool: return boolean ? "true" : "false";
    case Kind::kNumber: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.10g", number);
      return buf;
    }
    case Kind::kText: return text;
    case Kind::kDate: return date.ToString();
  }
  return "";
}

Situation::Situation(const SituationSchema* schema)
    : schema_(schema),
      facts_(static_cast<size_t>(schema->scalar_slot_count())),
      origins_(static_cast<size_t>(schema->scalar_slot_count()), FactOrigin::kNone),
      lists_(static_cast<size_t>(schema->list_slot_count())),
      lists_given_(static_cast<size_t>(schema->list_slot_count()), false) {}

const Fact* Situation::Find(std::string_view path) const {
  const FieldSpec* f = schema_->Find(path);
  if (!f || !f->is_scalar() || f->in_list) return nullptr;
  return &facts_[static_cast<size_t>(f->slot)];
}

void Situation::Clear(std::string_view path) {
  const FieldSpec* f = schema_->Find(path);
  if (!f || !f->is_scalar() || f->in_list) return;
  facts_[static_cast<size_t>(f->slot)] = Fact();
  origins_[static_cast<size_t>(f->slot)] = FactOrigin::kNone;
}

namespace {

constexpr size_t kDefaultMaxText = 256;
constexpr int kMaxDepth = 8;

// A JSON scalar as any parser hands it over, so that every rule below is
// written once whatever reads the text.
struct Scalar {
  enum class Kind { kNull, kBool, kNumber, kString, kObject, kArray } kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  std::string_view text;  // strings: the unescaped, valid UTF-8 text
};

// ASCII lower case, with spaces, hyphens, apostrophes and underscores as one
// "_": "Médecine générale" and "medecine generale" meet "médecine générale"
// and "medecine_generale".
std::string Loose(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ' || c == '-' || c == '\'' || c == '_') {
      if (!out.empty() && out.back() != '_') out.push_back('_');
      continue;
    }
    out.push_back(c);
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// The labels of the enum values nearest to `given` (at most three), closest first.
std::vector<std::string_view> NearestValues(const FieldSpec& f, std::string_view given) {
  const std::string g = Loose(given.substr(0, 64));
  std::vector<std::pair<size_t, size_t>> scored;  // (distance, value index)
  for (size_t i = 0; i < f.values.size(); ++i) {
    const size_t d = std::min(EditDistance(g, Loose(f.values[i])), EditDistance(g, Loose(f.labels[i])));
    const size_t tolerance = std::max<size_t>(2, std::min(g.size(), f.values[i].size()) / 3);
    if (d <= tolerance) scored.emplace_back(d, i);
  }
  std::stable_sort(scored.begin(), scored.end());
  // The same words written otherwise (case, spaces, hyphens): that one only.
  if (!scored.empty() && scored.front().first == 0) {
    while (scored.size() > 1 && scored.back().first > 0) scored.pop_back();
  }
  std::vector<std::string_view> out;
  for (size_t k = 0; k < scored.size() && k < 3; ++k) out.push_back(f.labels[scored[k].second]);
  return out;
}

std::string QuotedList(const std::vector<std::string_view>& items, const char* last_joint) {
  std::string s;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) s += i + 1 == items.size() ? last_joint : ", ";
    s += "« " + std::string(items[i]) + " »";
  }
  return s;
}

// Where a value sits, built only when a message needs it: a chain of frames
// ("stagiaires" → [1] → "quotite" is stagiaires[1].quotite).
struct PathFrame {
  const PathFrame* parent = nullptr;
  std::string_view key;
  long index = -1;
};

std::string PathOf(const PathFrame* frame, std::string_view last = {}) {
  std::string path;
  if (frame) path = PathOf(frame->parent);
  if (frame && frame->index >= 0) {
    path += "[" + std::to_string(frame->index) + "]";
  } else if (frame) {
    if (!path.empty()) path += ".";
    path += frame->key;
  }
  if (!last.empty()) {
    if (!path.empty()) path += ".";
    path += last;
  }
  return path;
}

// Every message names the field in words (its label); `where` (the path, with
// list indices) goes to Status::field() for machines.
class Checker {
 public:
  // The field sits at `here` (a path built only for a message), or at the
  // plain path `where`.
  Checker(const SituationSchema& schema, const FieldSpec& f, const PathFrame* here)
      : schema_(schema), f_(f), here_(here) {}
  Checker(const SituationSchema& schema, const FieldSpec& f, std::string_view where)
      : schema_(schema), f_(f), where_(where) {}

  Status Error(const std::string& what) const {
    const std::string where = here_ ? PathOf(here_) : std::string(where_);
    return Status::InvalidInput(schema_.InWords(where) + " " + what, where);
  }
  Status TypeError() const { return Error("doit être un " + std::string(FieldTypeFrench(f_.type))); }

  Status Parse(const Scalar& v, Fact* out) const {
    switch (f_.type) {
      case FieldType::kBool:
        if (v.kind != Scalar::Kind::kBool) return TypeError();
        out->kind = Fact::Kind::kBool;
        out->boolean = v.boolean;
        return Status::Ok();
      case FieldType::kNumber:
      case FieldType::kInteger: return Number(v, out);
      case FieldType::kEnum: return Enum(v, out);
      case FieldType::kText: return Text(v, out);
      case FieldType::kDate: return DateValue(v, out);
      case FieldType::kObject:
      case FieldType::kList: break;
    }
    return Status::Internal("champ non scalaire");
  }

 private:
  Status Number(const Scalar& v, Fact* out) const {
    if (v.kind != Scalar::Kind::kNumber || !std::isfinite(v.number)) return TypeError();
    const double x = v.number;
    // One rule for whole numbers: 1 and 1.0 are the same number everywhere.
    if (f_.type == FieldType::kInteger && std::floor(x) != x) return Error("doit être un nombre entier");
    if (f_.min && x < *f_.min) return Error("doit être supérieur ou égal à " + text::Number(*f_.min));
    if (f_.max && x > *f_.max) return Error("doit être inférieur ou égal à " + text::Number(*f_.max));
    out->kind = Fact::Kind::kNumber;
    out->number = x;
    return Status::Ok();
  }

  Status Enum(const Scalar& v, Fact* out) const {
    std::string text;
    if (v.kind == Scalar::Kind::kString) {
      text = std::string(v.text);
    } else if (v.kind == Scalar::Kind::kNumber && std::isfinite(v.number) && std::floor(v.number) == v.number &&
               std::fabs(v.number) < 1e15) {
      // Enums whose values are digits ("secteur": "1") take the number 1,
      // written 1 or 1.0 alike (the rule for whole numbers).
      text = std::to_string(static_cast<long long>(v.number));
      if (f_.EnumIndex(text) < 0) return TypeError();
    } else {
      return TypeError();
    }
    if (text.empty()) return Error("est vide : donnez une valeur permise, ou retirez le champ s'il n'est pas connu");
    if (f_.EnumIndex(text) < 0) {
      std::string message = ": « " + text::Truncate(text, 64) + " » n'est pas une valeur permise";
      const std::vector<std::string_view> near = NearestValues(f_, text);
      if (!near.empty()) {
        message += " ; vouliez-vous dire " + QuotedList(near, " ou ") + " ?";
      } else if (f_.values.size() <= 12) {
        message += " (valeurs permises : " + QuotedList(std::vector<std::string_view>(f_.labels.begin(), f_.labels.end()), " ou ") + ")";
      }
      return Error(message);
    }
    out->kind = Fact::Kind::kText;
    out->text = std::move(text);
    return Status::Ok();
  }

  Status Text(const Scalar& v, Fact* out) const {
    if (v.kind != Scalar::Kind::kString) return TypeError();
    const size_t limit = f_.max_length ? f_.max_length : kDefaultMaxText;
    if (text::CharCount(v.text) > limit) return Error("est trop long (" + std::to_string(limit) + " caractères au plus)");
    if (f_.compiled_pattern && !f_.compiled_pattern->Matches(v.text)) {
      return Error(": format invalide « " + text::Truncate(v.text, 64) + " »");
    }
    out->kind = Fact::Kind::kText;
    out->text = std::string(v.text);
    return Status::Ok();
  }

  Status DateValue(const Scalar& v, Fact* out) const {
    if (v.kind != Scalar::Kind::kString) return TypeError();
    auto d = Date::Parse(v.text);
    if (!d) {
      return Error(": date impossible « " + text::Truncate(v.text, 32) + " » (format attendu AAAA-MM-JJ, entre 1900 et 2199)");
    }
    if (*d > schema_.latest_input_date()) {
      // A payment or deadline computed from it would fall after the last
      // date capsante can read back (Date::Latest()): refused up front.
      return Error(": le " + d->ToFrench() + " est trop tardif (un versement ou une échéance tomberait après le " +
                   Date::Latest().ToFrench() + ") ; dates acceptées jusqu'au " + schema_.latest_input_date().ToFrench());
    }
    out->kind = Fact::Kind::kDate;
    out->date = *d;
    return Status::Ok();
  }

  const SituationSchema& schema_;
  const FieldSpec& f_;
  const PathFrame* here_ = nullptr;
  std::string_view where_;  // the path, with list indices, when here_ is null
};

// Reads a situation text straight into a Situation, in one pass: no tree,
// each key marked in a bit set so that a repeated one is refused. The cursor
// checks the syntax of what it reads; Read() gives kSyntax when the text is
// not JSON, and the caller then names the fault (CheckJsonText).
class TextReader {
 public:
  TextReader(const SituationSchema& schema, std::string_view text, Situation* out)
      : schema_(schema), cursor_(text), out_(out) {}

  enum class Outcome { kOk, kSyntax, kRefused };
  // kRefused: *refusal says why (a field, a type, a value).
  Outcome Read(Status* refusal) {
    const jsonscan::Type top = cursor_.Peek();
    if (top == jsonscan::Type::kInvalid) return Outcome::kSyntax;
    if (top != jsonscan::Type::kObject) {
      *refusal = Status::InvalidInput("la situation doit être un objet JSON { ... }");
      return Outcome::kRefused;
    }
    if (!cursor_.BeginObject()) return Outcome::kSyntax;
    Status st = Members(nullptr, nullptr, nullptr);
    if (syntax_) return Outcome::kSyntax;
    if (!st.ok()) {
      *refusal = std::move(st);
      return Outcome::kRefused;
    }
    return cursor_.Finish() ? Outcome::kOk : Outcome::kSyntax;
  }

 private:
  using Seen = std::bitset<SituationSchema::kMaxChildren>;

  // A fault in the text: reported by the caller, the message is unused.
  Status Syntax() {
    syntax_ = true;
    return Status::InvalidInput("JSON invalide");
  }

  Status Members(const FieldSpec* parent, Record* record, const PathFrame* frame) {
    Seen seen;
    std::string_view key;
    std::string unescaped_key;  // owns a key that had escapes: nested keys reuse the cursor's buffer
    while (true) {
      const int next = cursor_.NextKey(&key);
      if (next < 0) return Syntax();
      if (next == 0) return Status::Ok();
      if (!cursor_.InText(key)) key = unescaped_key.assign(key);
      const FieldSpec* f = schema_.Child(parent ? parent->id : -1, key);
      if (!f) {
        const std::string where = text::Truncate(PathOf(frame, key), 80);
        return Status::InvalidInput("champ inconnu « " + where + " »", where);
      }
      if (seen.test(static_cast<size_t>(f->position))) {
        const std::string where = PathOf(frame, key);
        return Status::InvalidInput(schema_.InWords(where) + " est donné deux fois : une seule valeur est permise", where);
      }
      seen.set(static_cast<size_t>(f->position));
      const PathFrame here{frame, key, -1};
      const jsonscan::Type type = cursor_.Peek();
      if (type == jsonscan::Type::kInvalid) return Syntax();
      if (type == jsonscan::Type::kNull) {  // null = not given
        if (!cursor_.ReadNull()) return Syntax();
        continue;
      }
      if (f->type == FieldType::kObject) {
        if (type != jsonscan::Type::kObject) return Checker(schema_, *f, &here).TypeError();
        if (!cursor_.BeginObject()) return Syntax();
        CAPSANTE_RETURN_IF_ERROR(Members(f, record, &here));
      } else if (f->type == FieldType::kList) {
        if (type != jsonscan::Type::kArray) return Checker(schema_, *f, &here).TypeError();
        CAPSANTE_RETURN_IF_ERROR(List(*f, &here));
      } else {
        CAPSANTE_RETURN_IF_ERROR(ScalarField(*f, type, record, &here));
      }
    }
  }

  Status List(const FieldSpec& f, const PathFrame* here) {
    std::vector<Record>* records = out_->mutable_records(f.slot);
    records->clear();
    if (!cursor_.BeginArray()) return Syntax();
    for (long index = 0;; ++index) {
      const int next = cursor_.NextElement();
      if (next < 0) return Syntax();
      if (next == 0) return Status::Ok();
      const PathFrame element{here, {}, index};
      if (f.max_elements && static_cast<size_t>(index) >= f.max_elements) {
        return Checker(schema_, f, here).Error(": trop d'éléments (" + std::to_string(f.max_elements) + " au plus)");
      }
      const jsonscan::Type type = cursor_.Peek();
      if (type == jsonscan::Type::kInvalid) return Syntax();
      if (type != jsonscan::Type::kObject) {
        const std::string where = PathOf(&element);
        return Status::InvalidInput(schema_.InWords(where) + " doit être un objet JSON", where);
      }
      if (!cursor_.BeginObject()) return Syntax();
      Record r(f.children.size());
      CAPSANTE_RETURN_IF_ERROR(Members(&f, &r, &element));
      for (int child : f.children) {
        const FieldSpec& c = schema_.field(child);
        if (c.required && !r[static_cast<size_t>(c.slot)].known()) {
          const std::string where = PathOf(&element, c.name);
          return Status::InvalidInput(schema_.InWords(where) + " est obligatoire", where);
        }
      }
      records->push_back(std::move(r));
    }
  }

  Status ScalarField(const FieldSpec& f, jsonscan::Type type, Record* record, const PathFrame* here) {
    Scalar v;
    bool read = true;
    switch (type) {
      case jsonscan::Type::kBool:
        v.kind = Scalar::Kind::kBool;
        read = cursor_.ReadBool(&v.boolean);
        break;
      case jsonscan::Type::kNumber:
        v.kind = Scalar::Kind::kNumber;
        read = cursor_.ReadNumber(&v.number);
        break;
      case jsonscan::Type::kString:
        v.kind = Scalar::Kind::kString;
        read = cursor_.ReadString(&v.text);
        break;
      case jsonscan::Type::kObject: v.kind = Scalar::Kind::kObject; break;
      case jsonscan::Type::kArray: v.kind = Scalar::Kind::kArray; break;
      case jsonscan::Type::kNull:
      case jsonscan::Type::kInvalid: break;
    }
    if (!read) return Syntax();
    Fact fact;
    CAPSANTE_RETURN_IF_ERROR(Checker(schema_, f, here).Parse(v, &fact));
    if (record) {
      (*record)[static_cast<size_t>(f.slot)] = std::move(fact);
    } else {
      if (f.parent < 0 && f.type == FieldType::kDate && f.name == "date") out_->set_date(fact.date);
      *out_->mutable_fact(f.slot) = std::move(fact);
      out_->set_origin(f.slot, FactOrigin::kUser);
    }
    return Status::Ok();
  }

  const SituationSchema& schema_;
  jsonscan::Cursor cursor_;
  Situation* out_;
  bool syntax_ = false;
};

}  // namespace

bool Situation::NestingExceeds(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') {
      if (++depth > max_depth) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

Status Situation::FromJson(const SituationSchema& schema, std::string_view text, Situation* out) {
  if (text.size() > kMaxInputBytes) {
    return Status::InvalidInput("situation trop volumineuse (" + std::to_string(text.size() / 1024) + " Kio ; 64 Kio au plus)");
  }
  Situation s(&schema);
  Status refusal;
  switch (TextReader(schema, text, &s).Read(&refusal)) {
    case TextReader::Outcome::kOk: break;
    case TextReader::Outcome::kRefused: {
      // A broken document is named as such whatever its content: the whole
      // text is checked before a refusal is reported (errors only).
      Status syntax = CheckJsonText(schema, text, kMaxDepth, /*check_duplicates=*/false);
      return syntax.ok() ? refusal : syntax;
    }
    case TextReader::Outcome::kSyntax: {
      Status syntax = CheckJsonText(schema, text, kMaxDepth, /*check_duplicates=*/false);
      return syntax.ok() ? Status::InvalidInput("JSON invalide") : syntax;
    }
  }
  if (!s.date_given_) {
    // The date defaults to today, and the result says which date it used.
    const FieldSpec* f = schema.Find("date");
    Fact& fact = s.facts_[static_cast<size_t>(f->slot)];
    fact.kind = Fact::Kind::kDate;
    fact.date = s.date_;
  }
  *out = std::move(s);
  return Status::Ok();
}

Status Situation::CheckJsonText(const SituationSchema& schema, std::string_view text, int max_depth,
                                bool check_duplicates, std::string_view situation_member) {
  const jsonscan::Problem p = jsonscan::Validate(text, max_depth, check_duplicates);
  switch (p.kind) {
    case jsonscan::Problem::Kind::kNone: return Status::Ok();
    case jsonscan::Problem::Kind::kSyntax:
      if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return Status::InvalidInput("JSON invalide : le texte est vide");
      return Status::InvalidInput("JSON invalide (octet " + std::to_string(p.offset + 1) +
                                  ") : vérifiez les guillemets, virgules et accolades");
    case jsonscan::Problem::Kind::kNumberRange:
      return Status::InvalidInput("JSON invalide (octet " + std::to_string(p.offset + 1) + ") : un nombre dépasse les limites permises");
    case jsonscan::Problem::Kind::kTooDeep:
      return Status::InvalidInput("situation trop imbriquée (" + std::to_string(max_depth) + " niveaux au plus)");
    case jsonscan::Problem::Kind::kDuplicateKey: {
      // Inside the situation, the field is named in words; elsewhere (a
      // request envelope) by its key.
      std::string_view inner = p.path;
      bool in_situation = situation_member.empty();
      if (!in_situation && inner.size() > situation_member.size() + 1 &&
          inner.substr(0, situation_member.size()) == situation_member && inner[situation_member.size()] == '.') {
        inner.remove_prefix(situation_member.size() + 1);
        in_situation = true;
      }
      const std::string words = in_situation ? schema.InWords(inner) : "« " + text::Truncate(p.path, 80) + " »";
      return Status::InvalidInput(words + " est donné deux fois : une seule valeur est permise", p.path);
    }
  }
  return Status::Internal("JSON");
}

Status Situation::SetFromText(std::string_view path, std::string_view text, FactOrigin origin) {
  const FieldSpec* f = schema_->Find(path);
  if (!f || !f->is_scalar() || f->in_list) return Status::InvalidInput("champ inconnu « " + std::string(path) + " »", std::string(path));
  const std::string where = f->path;
  Scalar v;
  std::string number_text;
  switch (f->type) {
    case FieldType::kBool:
      if (text != "true" && text != "false") return Checker(*schema_, *f, where).TypeError();
      v.kind = Scalar::Kind::kBool;
      v.boolean = text == "true";
      break;
    case FieldType::kNumber:
    case FieldType::kInteger: {
      char* end = nullptr;
      number_text = std::string(text);
      v.number = std::strtod(number_text.c_str(), &end);
      if (number_text.empty() || *end != '\0') return Checker(*schema_, *f, where).TypeError();
      v.kind = Scalar::Kind::kNumber;
      break;
    }
    default:
      v.kind = Scalar::Kind::kString;
      v.text = text;
      break;
  }
  Fact fact;
  CAPSANTE_RETURN_IF_ERROR(Checker(*schema_, *f, where).Parse(v, &fact));
  facts_[static_cast<size_t>(f->slot)] = std::move(fact);
  origins_[static_cast<size_t>(f->slot)] = origin;
  if (f->path == "date") set_date(facts_[static_cast<size_t>(f->slot)].date);
  return Status::Ok();
}

}  // namespace capsante

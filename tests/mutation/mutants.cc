#include "mutation/mutants.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

#include <yaml-cpp/yaml.h>

#include "capsante/date.h"
#include "expr/lexer.h"

namespace capsante::mutation {
namespace {

using expr::Token;
using expr::TokenKind;

// The number one step away: "2.5" → 2.4 / 2.6, "165" → 164 / 166,
// "0.10" → 0.09 / 0.11, "50%" → 49% / 51%. Negative results are dropped.
std::vector<std::string> NumberSteps(const std::string& raw) {
  std::string digits;
  bool percent = false;
  for (char c : raw) {
    if (c == '%') percent = true;
    else if (c != '_') digits.push_back(c);
  }
  const size_t dot = digits.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(digits.size() - dot - 1);
  const double step = std::pow(10.0, -decimals);
  const double value = std::strtod(digits.c_str(), nullptr);
  std::vector<std::string> out;
  for (double v : {value - step, value + step}) {
    if (v < -1e-12) continue;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v) < 1e-12 ? 0.0 : v);
    out.push_back(std::string(buf) + (percent ? "%" : ""));
  }
  return out;
}

bool IsNumberText(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return *end == '\0' && s.find_first_of("eExX") == std::string::npos;
}

class Finder {
 public:
  Finder(const std::string& file, const std::string& text, const SituationSchema& schema)
      : file_(file), text_(text), schema_(schema), aid_(std::filesystem::path(file).stem().string()) {}

  std::vector<Mutant> Run(int* skipped) {
    const YAML::Node root = YAML::Load(text_);
    professions_gate_ = root["professions"] && root["professions"].IsSequence() && root["professions"].size() > 0;
    if (const YAML::Node params = root["parametres"]) {
      for (const auto& kv : params) {
        const std::string base = "parametres." + kv.first.Scalar();
        const YAML::Node values = kv.second["valeurs"];
        for (size_t i = 0; values && i < values.size(); ++i) {
          const std::string at = base + ".valeurs[" + std::to_string(i) + "]";
          const YAML::Node v = values[i];
          DateScalar(v["depuis"], at + ".depuis");
          NumberScalar(v["valeur"], at + ".valeur");
          const YAML::Node scale = v["bareme"];
          for (size_t b = 0; scale && b < scale.size(); ++b) {
            NumberScalar(scale[b]["seuil"], at + ".bareme[" + std::to_string(b) + "].seuil");
            NumberScalar(scale[b]["valeur"], at + ".bareme[" + std::to_string(b) + "].valeur");
          }
        }
      }
    }
    if (const YAML::Node window = root["fenetre"]) {
      DateScalar(window["ouverture"], "fenetre.ouverture");
      DateScalar(window["fermeture"], "fenetre.fermeture");
    }
    NumberScalar(root["duree_mois"], "duree_mois");
    FlowList(root["professions"], "professions", schema_.Find("profession"));
    if (const YAML::Node conditions = root["conditions"]) {
      for (size_t i = 0; i < conditions.size(); ++i) Expression(conditions[i]["si"], "conditions[" + std::to_string(i) + "].si");
    }
    if (const YAML::Node defs = root["definitions"]) {
      for (const auto& kv : defs) Expression(kv.second, "definitions." + kv.first.Scalar());
    }
    if (const YAML::Node amount = root["montant"]) {
      for (const char* key : {"par_periode", "total", "plafond_par_periode", "taux"}) Expression(amount[key], std::string("montant.") + key);
    }
    if (const YAML::Node schedule = root["echeancier"]) {
      Expression(schedule["base"], "echeancier.base");
      const YAML::Node payments = schedule["versements"];
      for (size_t i = 0; payments && i < payments.size(); ++i) {
        const std::string at = "echeancier.versements[" + std::to_string(i) + "]";
        NumberScalar(payments[i]["apres_mois"], at + ".apres_mois");
        NumberScalar(payments[i]["repeter"], at + ".repeter");
        NumberScalar(payments[i]["tous_les_mois"], at + ".tous_les_mois");
        Expression(payments[i]["montant"], at + ".montant");
      }
    }
    *skipped = skipped_;
    return std::move(out_);
  }

 private:
  int LineOf(size_t offset) const {
    int line = 1;
    for (size_t i = 0; i < offset && i < text_.size(); ++i) line += text_[i] == '\n';
    return line;
  }

  void Add(const std::string& path, size_t offset, size_t length, const std::string& replacement) {
    Mutant m;
    m.aid = aid_;
    m.file = file_;
    m.offset = offset;
    m.length = length;
    m.replacement = replacement;
    m.line = LineOf(offset);
    m.key = aid_ + " " + path + ": " + text_.substr(offset, length) + " -> " + replacement;
    for (const auto& other : out_) {
      if (other.key == m.key) m.key += " #" + std::to_string(offset);
    }
    out_.push_back(std::move(m));
  }

  // The byte offset where a plain (unquoted) scalar's text starts, if the
  // file holds it verbatim there.
  std::optional<size_t> PlainOffset(const YAML::Node& n) const {
    if (!n || !n.IsScalar()) return std::nullopt;
    const size_t pos = static_cast<size_t>(n.Mark().pos);
    if (text_.compare(pos, n.Scalar().size(), n.Scalar()) == 0) return pos;
    if (pos < text_.size() && (text_[pos] == '"' || text_[pos] == '\'') && text_.compare(pos + 1, n.Scalar().size(), n.Scalar()) == 0) {
      return pos + 1;
    }
    return std::nullopt;
  }

  void NumberScalar(const YAML::Node& n, const std::string& path) {
    if (!n || n.IsNull()) return;
    if (!n.IsScalar() || !IsNumberText(n.Scalar())) return;
    const auto at = PlainOffset(n);
    if (!at) {
      ++skipped_;
      return;
    }
    for (const auto& r : NumberSteps(n.Scalar())) Add(path, *at, n.Scalar().size(), r);
  }

  void DateScalar(const YAML::Node& n, const std::string& path) {
    if (!n || n.IsNull() || !n.IsScalar()) return;
    const auto d = Date::Parse(n.Scalar());
    const auto at = PlainOffset(n);
    if (!d || !at) {
      ++skipped_;
      return;
    }
    for (int delta : {-1, 1}) Add(path, *at, n.Scalar().size(), d->AddDays(delta).ToString());
  }

  static std::string FlowListText(const std::vector<std::string>& items, bool quoted) {
    std::string s = "[";
    for (size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + (quoted ? "\"" + items[i] + "\"" : items[i]);
    return s + "]";
  }

  // Remove each member (when two or more), add each value the enum allows.
  void ListMembers(const std::string& path, size_t offset, size_t length, const std::vector<std::string>& items,
                   const FieldSpec* field, bool quoted) {
    if (items.size() >= 2) {
      for (size_t i = 0; i < items.size(); ++i) {
        std::vector<std::string> fewer = items;
        fewer.erase(fewer.begin() + static_cast<long>(i));
        Add(path, offset, length, FlowListText(fewer, quoted));
      }
    }
    if (!field) return;
    for (const auto& v : field->values) {
      if (std::find(items.begin(), items.end(), v) != items.end()) continue;
      std::vector<std::string> more = items;
      more.push_back(v);
      Add(path, offset, length, FlowListText(more, quoted));
    }
  }

  // A flow sequence of plain words: `professions: [medecin, infirmier]`.
  void FlowList(const YAML::Node& n, const std::string& path, const FieldSpec* field) {
    if (!n || !n.IsSequence()) return;
    const size_t pos = static_cast<size_t>(n.Mark().pos);
    if (pos >= text_.size() || text_[pos] != '[') {
      ++skipped_;
      return;
    }
    const size_t end = text_.find(']', pos);
    if (end == std::string::npos) return;
    std::vector<std::string> items;
    for (const auto& e : n) items.push_back(e.Scalar());
    ListMembers(path, pos, end + 1 - pos, items, field, false);
  }

  // Byte offset of a token's (line, column) inside the expression text;
  // columns count code points.
  static size_t ByteOffset(const std::string& expr, expr::Position p) {
    size_t i = 0;
    int line = 1;
    int col = 1;
    while (i < expr.size() && (line < p.line || (line == p.line && col < p.column))) {
      if (expr[i] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(expr[i]) & 0xC0) != 0x80) {
        ++col;
      }
      ++i;
      while (i < expr.size() && (static_cast<unsigned char>(expr[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
  }

  // The field path compared by `field in [...]` / `field == "X"` ending just
  // before token `end` (exclusive), or nullptr.
  const FieldSpec* ComparedField(const std::vector<Token>& t, size_t end) const {
    std::string path;
    size_t i = end;
    while (i > 0) {
      const Token& k = t[i - 1];
      if (k.kind == TokenKind::kIdentifier || k.kind == TokenKind::kDot) {
        path.insert(0, k.kind == TokenKind::kDot ? "." : k.text);
        --i;
      } else {
        break;
      }
    }
    if (path.empty() || path.rfind("item.", 0) == 0) return nullptr;
    if (path == "profession" && professions_gate_) return nullptr;  // the `professions:` gate decides first; it is mutated itself
    const FieldSpec* f = schema_.Find(path);
    return f && !f->values.empty() ? f : nullptr;
  }

  void Expression(const YAML::Node& n, const std::string& path) {
    if (!n || !n.IsScalar()) return;
    const std::string expr = n.Scalar();
    const auto base = PlainOffset(n);
    if (!base) {
      ++skipped_;
      return;
    }
    const std::vector<Token> t = expr::Lex(expr);
    auto at = [&](size_t i) { return *base + ByteOffset(expr, t[i].pos); };
    auto number_length = [&](size_t off) {
      size_t e = off;
      while (e < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[e])) || text_[e] == '_' || text_[e] == '.' || text_[e] == '%')) ++e;
      return e - off;
    };
    for (size_t i = 0; i < t.size(); ++i) {
      const Token& k = t[i];
      const bool call = i + 3 < t.size() && t[i + 1].kind == TokenKind::kLeftParen && t[i + 3].kind == TokenKind::kRightParen;
      if (k.kind == TokenKind::kIdentifier && call && k.text == "years" && t[i + 2].kind == TokenKind::kNumber) {
        // years(1) → months(11) / months(13)
        const size_t start = at(i);
        const size_t stop = at(i + 3) + 1;
        const int months = static_cast<int>(t[i + 2].number * 12);
        for (int m : {months - 1, months + 1}) Add(path, start, stop - start, "months(" + std::to_string(m) + ")");
        i += 3;
      } else if (k.kind == TokenKind::kIdentifier && call && k.text == "date" && t[i + 2].kind == TokenKind::kString) {
        const auto d = Date::Parse(t[i + 2].text);
        if (d) {
          for (int delta : {-1, 1}) Add(path, at(i + 2) + 1, t[i + 2].text.size(), d->AddDays(delta).ToString());
        }
        i += 3;
      } else if (k.kind == TokenKind::kNumber) {
        const size_t off = at(i);
        const size_t len = number_length(off);
        for (const auto& r : NumberSteps(text_.substr(off, len))) Add(path, off, len, r);
      } else if (k.kind == TokenKind::kGreaterEqual || k.kind == TokenKind::kGreater || k.kind == TokenKind::kLessEqual ||
                 k.kind == TokenKind::kLess) {
        const bool two = k.kind == TokenKind::kGreaterEqual || k.kind == TokenKind::kLessEqual;
        const char* other = k.kind == TokenKind::kGreaterEqual ? ">" : k.kind == TokenKind::kGreater ? ">=" : k.kind == TokenKind::kLessEqual ? "<" : "<=";
        Add(path, at(i), two ? 2 : 1, other);
      } else if (k.kind == TokenKind::kIn && i + 1 < t.size() && t[i + 1].kind == TokenKind::kLeftBracket) {
        size_t close = i + 2;
        std::vector<std::string> items;
        bool strings = true;
        while (close < t.size() && t[close].kind != TokenKind::kRightBracket) {
          if (t[close].kind == TokenKind::kString) items.push_back(t[close].text);
          else if (t[close].kind != TokenKind::kComma) strings = false;
          ++close;
        }
        if (close >= t.size() || !strings) continue;
        const size_t lhs_end = i > 0 && t[i - 1].kind == TokenKind::kNot ? i - 1 : i;
        const size_t start = at(i + 1);
        ListMembers(path, start, at(close) + 1 - start, items, ComparedField(t, lhs_end), true);
        i = close;
      } else if ((k.kind == TokenKind::kEqual || k.kind == TokenKind::kNotEqual) && i + 1 < t.size() &&
                 t[i + 1].kind == TokenKind::kString) {
        // field == "X" → field in ["X", "Y"]: one more member for each other value.
        const FieldSpec* field = ComparedField(t, i);
        if (!field) continue;
        const size_t start = at(i);
        const size_t stop = at(i + 1) + t[i + 1].text.size() + 2;
        for (const auto& v : field->values) {
          if (v == t[i + 1].text) continue;
          Add(path, start, stop - start, std::string(k.kind == TokenKind::kEqual ? "in" : "not in") + " [\"" + t[i + 1].text + "\", \"" + v + "\"]");
        }
        ++i;
      }
    }
  }

  const std::string& file_;
  const std::string& text_;
  const SituationSchema& schema_;
  std::string aid_;
  bool professions_gate_ = false;
  int skipped_ = 0;
  std::vector<Mutant> out_;
};

}  // namespace

std::vector<Mutant> FindMutants(const std::string& file, const std::string& text, const SituationSchema& schema, int* skipped) {
  return Finder(file, text, schema).Run(skipped);
}

}  // namespace capsante::mutation

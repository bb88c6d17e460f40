#include "util/yaml_util.h"

#include <yaml.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace capsante::yamlutil {

namespace {

const NodeData kEmptyMap{NodeKind::kMap, false, {}, {}, {}};
const NodeData kEmptySequence{NodeKind::kSequence, false, {}, {}, {}};
const std::string kNoText;

std::string At(const std::string& name, const Mark& m) {
  return name + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

// YAML parsers keep a repeated key (lookups find the first): the catalog
// refuses it, with the line of the second one.
Status CheckNoDuplicateKeys(const std::string& path, const Node& node, int depth = 0) {
  if (depth > 64) return Status::InvalidCatalog(path + ": YAML trop imbriqué (64 niveaux au plus)", path);
  if (node.IsSequence()) {
    for (const auto& item : node) CAPSANTE_RETURN_IF_ERROR(CheckNoDuplicateKeys(path, item, depth + 1));
  } else if (node.IsMap()) {
    size_t i = 0;
    for (const auto& kv : node) {
      if (kv.first.IsScalar()) {
        // Maps are small (a few dozen keys at most): compare with the keys before.
        size_t j = 0;
        for (const auto& before : node) {
          if (j++ == i) break;
          if (before.first.IsScalar() && before.first.Scalar() == kv.first.Scalar()) {
            const Mark m = kv.first.GetMark();
            return Status::InvalidCatalog(At(path, m) + ": clé « " + kv.first.Scalar() + " » répétée : une seule valeur est permise",
                                          path + ":" + std::to_string(m.line + 1));
          }
        }
      }
      CAPSANTE_RETURN_IF_ERROR(CheckNoDuplicateKeys(path, kv.second, depth + 1));
      ++i;
    }
  }
  return Status::Ok();
}

}  // namespace

// Builds a Document from libyaml's events: one stack of open collections,
// anchors kept for aliases.
class DocumentBuilder {
 public:
  DocumentBuilder(const std::string& name, const std::string& text, Document* doc)
      : name_(name), text_(text), doc_(doc) {
    doc_->nodes_.clear();
    doc_->root_ = nullptr;
    line_start_ = Bom();  // libyaml skips a byte order mark without counting it
  }

  Status Run() {
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) return Status::InvalidCatalog(name_ + ": YAML illisible (mémoire)", name_);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text_.data()), text_.size());
    Status st = Parse(&parser);
    yaml_parser_delete(&parser);
    if (st.ok() && !doc_->root_) doc_->root_ = NewNode(NodeKind::kNull, Mark{});  // an empty file
    return st;
  }

 private:
  struct Open {
    NodeData* node;
    const NodeData* key = nullptr;  // a mapping's key waiting for its value
  };

  Status Parse(yaml_parser_t* parser) {
    for (;;) {
      yaml_event_t event;
      if (!yaml_parser_parse(parser, &event)) return ParserError(*parser);
      Status st = Event(event);
      const bool done = event.type == YAML_DOCUMENT_END_EVENT || event.type == YAML_STREAM_END_EVENT;
      yaml_event_delete(&event);
      // Only the first document counts (as yaml-cpp's Load).
      if (!st.ok() || done) return st;
    }
  }

  Status Event(const yaml_event_t& e) {
    // yaml-cpp marks an empty value where the next token starts: so do we,
    // for messages to keep their positions.
    if (empty_value_) {
      empty_value_->mark = ToMark(e.start_mark);
      empty_value_ = nullptr;
    }
    switch (e.type) {
      case YAML_SCALAR_EVENT: {
        const auto& s = e.data.scalar;
        const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
        const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
        const bool null = plain && !s.tag &&
                          (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL");
        NodeData* n = NewNode(null ? NodeKind::kNull : NodeKind::kScalar, ToMark(e.start_mark));
        if (!null) n->scalar.assign(value);
        n->quoted = !plain;
        if (null && value.empty() && e.start_mark.index == e.end_mark.index) empty_value_ = n;
        return Attach(n, s.anchor);
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        const bool map = e.type == YAML_MAPPING_START_EVENT;
        NodeData* n = NewNode(map ? NodeKind::kMap : NodeKind::kSequence, ToMark(e.start_mark));
        CAPSANTE_RETURN_IF_ERROR(Attach(n, map ? e.data.mapping_start.anchor : e.data.sequence_start.anchor));
        open_.push_back({n});
        return Status::Ok();
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        open_.pop_back();
        return Status::Ok();
      case YAML_ALIAS_EVENT: {
        auto it = anchors_.find(reinterpret_cast<const char*>(e.data.alias.anchor));
        if (it == anchors_.end()) {
          return Status::InvalidCatalog(At(name_, ToMark(e.start_mark)) + ": YAML invalide : alias sans ancre", name_);
        }
        return Attach(it->second, nullptr);
      }
      default:
        return Status::Ok();
    }
  }

  Status ParserError(const yaml_parser_t& p) {
    Mark m;
    if (p.error == YAML_READER_ERROR) {
      m = ByteMark(std::min(p.problem_offset, text_.size()));
    } else {
      m = ToMark(p.problem_mark);
    }
    std::string message = p.problem ? p.problem : "erreur inconnue";
    if (p.context) message += std::string(" ") + p.context;
    return Status::InvalidCatalog(At(name_, m) + ": YAML invalide : " + message, name_);
  }

  NodeData* NewNode(NodeKind kind, Mark mark) {
    NodeData& n = doc_->nodes_.emplace_back();
    n.kind = kind;
    n.mark = mark;
    return &n;
  }

  Status Attach(const NodeData* n, const unsigned char* anchor) {
    if (anchor) anchors_[reinterpret_cast<const char*>(anchor)] = n;
    if (open_.empty()) {
      if (!doc_->root_) doc_->root_ = n;
      return Status::Ok();
    }
    Open& top = open_.back();
    if (top.node->kind == NodeKind::kSequence) {
      top.node->children.emplace_back(nullptr, n);
    } else if (!top.key) {
      top.key = n;
    } else {
      top.node->children.emplace_back(top.key, n);
      top.key = nullptr;
    }
    return Status::Ok();
  }

  // libyaml counts characters; messages count bytes (as yaml-cpp did). The
  // marks come in file order: lines are found forward with memchr, then the
  // characters before the mark on its line are walked.
  Mark ToMark(const yaml_mark_t& m) {
    Mark out{static_cast<int>(m.line), static_cast<int>(m.column)};
    if (!simple_breaks_) return out;  // other line breaks than "\n": libyaml's character column
    if (m.line < line_) {
      line_ = 0;
      line_start_ = Bom();
    }
    while (line_ < m.line) {
      const void* nl = std::memchr(text_.data() + line_start_, '\n', text_.size() - line_start_);
      if (!nl) return out;
      line_start_ = static_cast<size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
      ++line_;
    }
    size_t byte = line_start_;
    for (size_t c = 0; c < m.column && byte < text_.size(); ++c) {
      const unsigned char ch = static_cast<unsigned char>(text_[byte]);
      byte += ch < 0x80 ? 1 : ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : 2;
    }
    out.column = static_cast<int>(std::min(byte, text_.size()) - line_start_);
    return out;
  }

  size_t Bom() const { return text_.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0; }

  // libyaml also breaks lines at a lone "\r", U+0085, U+2028 and U+2029.
  static bool OnlyNewlines(std::string_view t) {
    for (size_t r = t.find('\r'); r != std::string_view::npos; r = t.find('\r', r + 1)) {
      if (r + 1 >= t.size() || t[r + 1] != '\n') return false;
    }
    return t.find("\xC2\x85") == std::string_view::npos && t.find("\xE2\x80\xA8") == std::string_view::npos &&
           t.find("\xE2\x80\xA9") == std::string_view::npos;
  }

  Mark ByteMark(size_t offset) const {
    Mark m{0, 0};
    size_t start = 0;
    for (size_t i = 0; i < offset; ++i) {
      if (text_[i] == '\n') {
        ++m.line;
        start = i + 1;
      }
    }
    m.column = static_cast<int>(offset - start);
    return m;
  }

  const std::string& name_;
  const std::string& text_;
  Document* doc_;
  std::vector<Open> open_;
  NodeData* empty_value_ = nullptr;
  std::unordered_map<std::string, const NodeData*> anchors_;
  const bool simple_breaks_ = OnlyNewlines(text_);
  size_t line_ = 0, line_start_ = 0;
};

Node Node::EmptyMap() { return Node(&kEmptyMap); }
Node Node::EmptySequence() { return Node(&kEmptySequence); }
bool Node::IsNull() const { return d_ && d_->kind == NodeKind::kNull; }
bool Node::IsScalar() const { return d_ && d_->kind == NodeKind::kScalar; }
bool Node::IsSequence() const { return d_ && d_->kind == NodeKind::kSequence; }
bool Node::IsMap() const { return d_ && d_->kind == NodeKind::kMap; }
const std::string& Node::Scalar() const { return d_ ? d_->scalar : kNoText; }
bool Node::Quoted() const { return d_ && d_->quoted; }
Mark Node::GetMark() const { return d_ ? d_->mark : Mark{}; }
size_t Node::size() const {
  return d_ && (d_->kind == NodeKind::kMap || d_->kind == NodeKind::kSequence) ? d_->children.size() : 0;
}

Node Node::operator[](std::string_view key) const {
  if (!IsMap()) return Node();
  for (const auto& [k, v] : d_->children) {
    if (k->kind == NodeKind::kScalar && k->scalar == key) return Node(v);
  }
  return Node();
}

NodeEntry NodeIterator::operator*() const {
  NodeEntry e;
  if (map_) {
    e.first = Node(p_->first);
    e.second = Node(p_->second);
  } else {
    static_cast<Node&>(e) = Node(p_->second);
  }
  return e;
}

NodeIterator Node::begin() const {
  if (!size()) return NodeIterator(nullptr, false);
  return NodeIterator(d_->children.data(), d_->kind == NodeKind::kMap);
}

NodeIterator Node::end() const {
  if (!size()) return NodeIterator(nullptr, false);
  return NodeIterator(d_->children.data() + d_->children.size(), d_->kind == NodeKind::kMap);
}

Status LoadFile(const std::string& path, Document* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("fichier illisible : " + path, path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return LoadText(path, buffer.str(), out);
}

Status LoadText(const std::string& name, const std::string& text, Document* out) {
  DocumentBuilder builder(name, text, out);
  CAPSANTE_RETURN_IF_ERROR(builder.Run());
  return CheckNoDuplicateKeys(name, out->root());
}

bool ScalarText(const Node& n, std::string* out) {
  if (!n || !n.IsScalar()) return false;
  *out = n.Scalar();
  return true;
}

Map::Map(const std::string* file, const Node& node, std::string context)
    : file_(file), node_(node), context_(std::move(context)) {}

std::string Map::Where(const Node& n) const {
  const Mark m = n.GetMark();
  if (m.is_null()) return *file_;
  return At(*file_, m);
}

Status Map::Error(const Node& n, const std::string& message) const {
  const std::string where = Where(n);
  return Status::InvalidCatalog(where + ": " + (context_.empty() ? "" : context_ + " : ") + message, where);
}

bool Map::Has(const std::string& key) const { return static_cast<bool>(node_[key]); }

Node Map::Get(const std::string& key) const {
  if (!node_.IsMap()) return Node();
  size_t i = 0;
  for (const auto& kv : node_) {
    if (kv.first.IsScalar() && kv.first.Scalar() == key) {
      if (read_.empty()) read_.resize(node_.size());
      read_[i] = true;
      return kv.second;
    }
    ++i;
  }
  return Node();
}

Status Map::String(const std::string& key, std::string* out, bool required) const {
  Node n = Get(key);
  if (!n || n.IsNull()) {
    if (required) return Error(node_, "clé « " + key + " » manquante");
    return Status::Ok();
  }
  if (!n.IsScalar()) return Error(n, "« " + key + " » doit être un texte");
  *out = n.Scalar();
  return Status::Ok();
}

Status Map::Bool(const std::string& key, bool* out) const {
  Node n = Get(key);
  if (!n || n.IsNull()) return Status::Ok();
  if (!n.IsScalar() || (n.Scalar() != "true" && n.Scalar() != "false")) {
    return Error(n, "« " + key + " » doit valoir true ou false");
  }
  *out = n.Scalar() == "true";
  return Status::Ok();
}

Status Map::Number(const std::string& key, std::optional<double>* out) const {
  Node n = Get(key);
  if (!n || n.IsNull()) return Status::Ok();
  if (!n.IsScalar()) return Error(n, "« " + key + " » doit être un nombre");
  const std::string& s = n.Scalar();
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || !std::isfinite(v)) return Error(n, "« " + key + " » doit être un nombre, pas « " + s + " »");
  *out = v;
  return Status::Ok();
}

Status Map::Int(const std::string& key, int* out) const {
  std::optional<double> v;
  CAPSANTE_RETURN_IF_ERROR(Number(key, &v));
  if (!v) return Status::Ok();
  if (std::floor(*v) != *v || *v < 0 || *v > 1e6) return Error(Get(key), "« " + key + " » doit être un entier positif");
  *out = static_cast<int>(*v);
  return Status::Ok();
}

Status Map::OptionalDate(const std::string& key, std::optional<Date>* out, bool* present) const {
  Node n = Get(key);
  if (present) *present = static_cast<bool>(n);
  if (!n || n.IsNull()) return Status::Ok();
  if (!n.IsScalar()) return Error(n, "« " + key + " » doit être une date AAAA-MM-JJ");
  auto d = Date::Parse(n.Scalar());
  if (!d) return Error(n, "« " + key + " » : date impossible « " + n.Scalar() + " » (format AAAA-MM-JJ)");
  *out = d;
  return Status::Ok();
}

Status Map::StringList(const std::string& key, std::vector<std::string>* out, bool required) const {
  Node n = Get(key);
  if (!n || n.IsNull()) {
    if (required) return Error(node_, "clé « " + key + " » manquante");
    return Status::Ok();
  }
  if (!n.IsSequence()) return Error(n, "« " + key + " » doit être une liste");
  for (const auto& item : n) {
    if (!item.IsScalar()) return Error(item, "« " + key + " » ne doit contenir que des textes");
    out->push_back(item.Scalar());
  }
  return Status::Ok();
}

Status Map::Child(const std::string& key, Map* out, bool required) const {
  Node n = Get(key);
  if (!n || n.IsNull()) {
    if (required) return Error(node_, "clé « " + key + " » manquante");
    *out = Map(file_, Node::EmptyMap(), context_);
    return Status::Ok();
  }
  if (!n.IsMap()) return Error(n, "« " + key + " » doit être un dictionnaire");
  *out = Map(file_, n, context_.empty() ? key : context_ + "." + key);
  return Status::Ok();
}

Status Map::Sequence(const std::string& key, Node* out, bool required) const {
  Node n = Get(key);
  if (!n || n.IsNull()) {
    if (required) return Error(node_, "clé « " + key + " » manquante");
    *out = Node::EmptySequence();
    return Status::Ok();
  }
  if (!n.IsSequence()) return Error(n, "« " + key + " » doit être une liste");
  *out = n;
  return Status::Ok();
}

Status Map::CheckNoUnknownKeys() const {
  if (!node_.IsMap()) return Status::Ok();
  size_t i = 0;
  for (const auto& kv : node_) {
    if (read_.empty() || !read_[i]) return Error(kv.first, "clé inconnue « " + kv.first.Scalar() + " »");
    ++i;
  }
  return Status::Ok();
}

}  // namespace capsante::yamlutil

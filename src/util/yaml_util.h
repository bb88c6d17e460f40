// Helpers to read YAML with positions, so every catalog error can say
// `file:line:column` and which key is wrong.
//
// The catalog is read with libyaml (an event parser, about ten times faster
// than yaml-cpp, which made 87 % of the catalog's load time)
// into a small read-only tree: a Document owns the nodes, a Node is a handle
// valid while its Document lives. Marks count bytes from 0, as yaml-cpp did,
// so messages keep their columns.
#ifndef CAPSANTE_UTIL_YAML_UTIL_H_
#define CAPSANTE_UTIL_YAML_UTIL_H_

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "capsante/date.h"
#include "capsante/status.h"

namespace capsante::yamlutil {

// Where a node starts: line and byte column, from 0; null when unknown.
struct Mark {
  int line = -1;
  int column = -1;
  bool is_null() const { return line < 0; }
};

struct NodeData;
class NodeIterator;

// A node of a Document, or nothing ("undefined": a key that is absent).
class Node {
 public:
  Node() = default;
  explicit Node(const NodeData* d) : d_(d) {}
  // An empty mapping or sequence, for optional sections that are absent.
  static Node EmptyMap();
  static Node EmptySequence();

  explicit operator bool() const { return d_ != nullptr; }
  bool IsNull() const;
  bool IsScalar() const;
  bool IsSequence() const;
  bool IsMap() const;
  // The text of a scalar (empty for anything else).
  const std::string& Scalar() const;
  // Not a plain scalar: quoted ('…', "…") or a block (|, >), as yaml-cpp's
  // tag "!" said. A quoted text starts one column after its mark.
  bool Quoted() const;
  Mark GetMark() const;
  // Entries of a mapping or items of a sequence.
  size_t size() const;
  // A mapping's value for `key`, or an undefined node.
  Node operator[](std::string_view key) const;

  // Iterating gives entries (NodeEntry): `first`/`second` are the key and
  // value of a mapping entry; for a sequence the entry is the item itself.
  NodeIterator begin() const;
  NodeIterator end() const;

 private:
  const NodeData* d_ = nullptr;
};

struct NodeEntry : Node {
  Node first, second;
};

class NodeIterator {
 public:
  using Pair = std::pair<const NodeData*, const NodeData*>;
  NodeIterator(const Pair* p, bool map) : p_(p), map_(map) {}
  NodeEntry operator*() const;
  NodeIterator& operator++() {
    ++p_;
    return *this;
  }
  bool operator!=(const NodeIterator& o) const { return p_ != o.p_; }

 private:
  const Pair* p_;
  bool map_;
};

enum class NodeKind : unsigned char { kNull, kScalar, kSequence, kMap };

struct NodeData {
  NodeKind kind = NodeKind::kNull;
  bool quoted = false;
  Mark mark;
  std::string scalar;
  // Mapping: (key, value) pairs in file order; sequence: (nullptr, item).
  std::vector<std::pair<const NodeData*, const NodeData*>> children;
};

// One parsed YAML file: owns its nodes (their addresses never change).
class Document {
 public:
  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Node root() const { return Node(root_); }

 private:
  friend class DocumentBuilder;
  std::deque<NodeData> nodes_;
  const NodeData* root_ = nullptr;
};

// Reads one YAML file. A syntax error or a key repeated in a mapping becomes
// InvalidCatalog with `file:line:column`.
Status LoadFile(const std::string& path, Document* out);
// The same for YAML text already in memory; `name` stands for the file.
Status LoadText(const std::string& name, const std::string& text, Document* out);

// A cursor on a mapping node that remembers its file, checks types and
// reports unknown keys.
class Map {
 public:
  Map(const std::string* file, const Node& node, std::string context);

  // "file:line:column" of the node (or of the key's value when given).
  std::string Where(const Node& n) const;
  std::string Where() const { return Where(node_); }
  Status Error(const Node& n, const std::string& message) const;

  bool Has(const std::string& key) const;
  Node Get(const std::string& key) const;

  // Each getter marks the key as read. Required ones fail when absent.
  Status String(const std::string& key, std::string* out, bool required = true) const;
  Status Bool(const std::string& key, bool* out) const;
  Status Number(const std::string& key, std::optional<double>* out) const;
  Status Int(const std::string& key, int* out) const;
  // A date or null; *present tells whether the key was there at all.
  Status OptionalDate(const std::string& key, std::optional<Date>* out, bool* present = nullptr) const;
  Status StringList(const std::string& key, std::vector<std::string>* out, bool required = false) const;
  // A nested mapping (must be a map when present).
  Status Child(const std::string& key, Map* out, bool required = true) const;
  // A sequence node (must be a sequence when present).
  Status Sequence(const std::string& key, Node* out, bool required = true) const;

  // After reading: every key not read is an error ("clé inconnue").
  Status CheckNoUnknownKeys() const;

  const Node& node() const { return node_; }
  const std::string& file() const { return *file_; }

 private:
  const std::string* file_;
  Node node_;
  std::string context_;
  // One flag per entry of the mapping: read by a getter.
  mutable std::vector<bool> read_;
};

// The text of a scalar, and its position (for expressions).
bool ScalarText(const Node& n, std::string* out);

}  // namespace capsante::yamlutil

#endif  // CAPSANTE_UTIL_YAML_UTIL_H_

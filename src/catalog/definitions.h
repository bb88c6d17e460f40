// Internal: named expressions of the catalog (definitions.yaml and each aid's
// `definitions`), bound on first use so that they may refer to each other in
// any order, and the scope every catalog expression is bound in.
#ifndef CAPSANTE_SRC_CATALOG_DEFINITIONS_H_
#define CAPSANTE_SRC_CATALOG_DEFINITIONS_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "capsante/catalog.h"
#include "capsante/status.h"
#include "expr/binder.h"
#include "util/yaml_util.h"

namespace capsante {

// A named expression waiting to be bound (cycles are refused).
struct PendingDefinition {
  std::string text;
  std::string file;
  yamlutil::Mark mark;
  std::shared_ptr<const expr::BoundExpr> bound;
  bool binding = false;
};
using DefinitionTable = std::map<std::string, PendingDefinition, std::less<>>;

// Names an expression reads: the aid's parameters, then its own definitions,
// then the shared ones.
class LoaderScope : public expr::BindScope {
 public:
  LoaderScope(const SituationSchema& schema, const std::vector<Parameter>* params, DefinitionTable* local,
              DefinitionTable* global)
      : schema_(schema), params_(params), local_(local), global_(global) {}

  const SituationSchema& schema() const override { return schema_; }
  int FindParam(std::string_view name, bool* is_scale) const override;
  std::shared_ptr<const expr::BoundExpr> FindDefinition(std::string_view name, expr::BindError* error) override;

  // Parses and binds `text` (found at `mark` in `file`).
  static Status Compile(const std::string& text, const std::string& file, const yamlutil::Mark& mark, expr::BindScope& scope,
                        const expr::Type* expected, expr::BoundPtr* out);

 private:
  static std::shared_ptr<const expr::BoundExpr> Resolve(std::string_view name, PendingDefinition* d,
                                                        expr::BindScope& scope, expr::BindError* error);

  const SituationSchema& schema_;
  const std::vector<Parameter>* params_;
  DefinitionTable* local_;
  DefinitionTable* global_;
};

// A `definitions` dictionary (name: expression) into `out`, unbound.
Status ReadDefinitions(const std::string& file, const yamlutil::Node& node, DefinitionTable* out);

}  // namespace capsante

#endif  // CAPSANTE_SRC_CATALOG_DEFINITIONS_H_

// Named expressions: the shared definitions (catalog/definitions.yaml) and
// each aid's own, bound on first use; the scope catalog expressions bind in.
#include "catalog/definitions.h"

#include "catalog/catalog_loader.h"
#include "compiled/compiled_aid.h"
#include "expr/parser.h"

namespace capsante {

namespace {


std::string ExprWhere(const std::string& file, const yamlutil::Mark& mark, const expr::Position& pos) {
  if (mark.is_null()) return file;
  const int line = mark.line + 1 + pos.line - 1;
  const int column = pos.line == 1 ? mark.column + pos.column : pos.column;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

int LoaderScope::FindParam(std::string_view name, bool* is_scale) const {
  if (!params_) return -1;
  for (size_t i = 0; i < params_->size(); ++i) {
    const Parameter& p = (*params_)[i];
    if (p.name == name) {
      *is_scale = !p.values.empty() && !p.values.front().scale.empty();
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::shared_ptr<const expr::BoundExpr> LoaderScope::FindDefinition(std::string_view name, expr::BindError* error) {
  if (local_) {
    auto it = local_->find(name);
    if (it != local_->end()) return Resolve(name, &it->second, *this, error);
  }
  if (global_) {
    auto it = global_->find(name);
    if (it != global_->end()) {
      LoaderScope global_scope(schema_, nullptr, nullptr, global_);
      return Resolve(name, &it->second, global_scope, error);
    }
  }
  return nullptr;
}

Status LoaderScope::Compile(const std::string& text, const std::string& file, const yamlutil::Mark& mark, expr::BindScope& scope,
                            const expr::Type* expected, expr::BoundPtr* out) {
  expr::ParseError perr;
  expr::NodePtr node = expr::Parse(text, &perr);
  if (!node) {
    const std::string where = ExprWhere(file, mark, perr.pos);
    return Status::InvalidCatalog(where + ": " + perr.message + " dans « " + text + " »", where);
  }
  expr::BindError berr;
  expr::BoundPtr bound = expr::Bind(*node, scope, &berr, expected);
  if (!bound) {
    const std::string where = ExprWhere(file, mark, berr.pos);
    return Status::InvalidCatalog(where + ": " + berr.message + " dans « " + text + " »", where);
  }
  *out = std::move(bound);
  return Status::Ok();
}

std::shared_ptr<const expr::BoundExpr> LoaderScope::Resolve(std::string_view name, PendingDefinition* d,
                                                                    expr::BindScope& scope, expr::BindError* error) {
  if (d->bound) return d->bound;
  if (d->binding) {
    error->message = "définition circulaire « " + std::string(name) + " »";
    return nullptr;
  }
  d->binding = true;
  expr::BoundPtr bound;
  Status st = Compile(d->text, d->file, d->mark, scope, nullptr, &bound);
  d->binding = false;
  if (!st.ok()) {
    error->message = "dans la définition « " + std::string(name) + " » : " + st.message();
    return nullptr;
  }
  d->bound = std::shared_ptr<const expr::BoundExpr>(std::move(bound));
  return d->bound;
}

Status ReadDefinitions(const std::string& file, const yamlutil::Node& node, DefinitionTable* out) {
  if (!node) return Status::Ok();
  if (!node.IsMap()) return Status::InvalidCatalog(file + ": « definitions » doit être un dictionnaire", file);
  for (const auto& kv : node) {
    PendingDefinition d;
    if (!kv.second.IsScalar()) {
      return Status::InvalidCatalog(file + ":" + std::to_string(kv.second.GetMark().line + 1) + ": une définition est une expression", file);
    }
    d.text = kv.second.Scalar();
    d.file = file;
    d.mark = kv.second.GetMark();
    (*out)[kv.first.Scalar()] = std::move(d);
  }
  return Status::Ok();
}

Status CatalogLoader::LoadDefinitions(const std::string& file) {
  yamlutil::Document doc;
  CAPSANTE_RETURN_IF_ERROR(yamlutil::LoadFile(file, &doc));
  const yamlutil::Node root = doc.root();
  if (!root.IsMap()) return Status::InvalidCatalog(file + ": le fichier des définitions est un dictionnaire YAML", file);
  CAPSANTE_RETURN_IF_ERROR(ReadDefinitions(file, root["definitions"], &global_defs_));
  // Bind them all now so that an unused broken one is still refused.
  LoaderScope scope(*c_->schema_, nullptr, nullptr, &global_defs_);
  for (auto& [name, def] : global_defs_) {
    expr::BindError err;
    auto bound = scope.FindDefinition(name, &err);
    if (!bound) return Status::InvalidCatalog(err.message, file);
    c_->compiled_->definitions[name] = bound;
  }
  return Status::Ok();
}

}  // namespace capsante

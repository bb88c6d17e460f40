// An aid's conditions: the text a person reads, the bound expression the
// engine evaluates, and the situation fields it reads.
#include <set>

#include "catalog/catalog_loader.h"

namespace capsante {

// conditions: [{texte, si, source, non_cite}], each `si` a boolean expression.
Status CatalogLoader::ReadConditions(const Map& m, LoaderScope& scope, Aid* aid, internal::CompiledAid* compiled) {
  const std::string& file = m.file();
  const expr::Type kBool = expr::Type::kBool;
  CAPSANTE_RETURN_IF_ERROR(m.Bool("conditions_partielles", &aid->partial_conditions));
  yamlutil::Node conditions;
  CAPSANTE_RETURN_IF_ERROR(m.Sequence("conditions", &conditions));
  for (const auto& cn : conditions) {
    Map cm(&file, cn, "conditions");
    if (!cn.IsMap()) return cm.Error(cn, "une condition est { texte, si, source }");
    Condition c;
    CAPSANTE_RETURN_IF_ERROR(cm.String("texte", &c.text));
    internal::CompiledCondition cc;
    CAPSANTE_RETURN_IF_ERROR(CompileAt(cm, "si", scope, &kBool, &cc.expression, &c.expression, true));
    std::set<int> read;
    expr::CollectFields(*cc.expression, &read);
    for (int id : read) cc.fields.push_back(c_->schema_->field(id).path);
    std::optional<SourceRef> source;
    CAPSANTE_RETURN_IF_ERROR(ReadSourceKey(cm, "source", &source, true));
    c.source = *source;
    CAPSANTE_RETURN_IF_ERROR(cm.String("non_cite", &c.not_quoted, false));
    CAPSANTE_RETURN_IF_ERROR(cm.CheckNoUnknownKeys());
    aid->conditions.push_back(std::move(c));
    compiled->conditions.push_back(std::move(cc));
  }
  return Status::Ok();
}

}  // namespace capsante

// libFuzzer target: the rule language's lexer, parser and binder must refuse
// any text with a positioned message, never crash. Binding uses the real
// situation schema so that the binder's paths are exercised too.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "capsante/schema.h"
#include "expr/binder.h"
#include "expr/eval.h"
#include "expr/parser.h"

namespace {

class FuzzScope : public capsante::expr::BindScope {
 public:
  explicit FuzzScope(const capsante::SituationSchema& s) : schema_(s) {}
  const capsante::SituationSchema& schema() const override { return schema_; }
  int FindParam(std::string_view name, bool* is_scale) const override {
    *is_scale = name == "bareme";
    return name == "forfait" ? 0 : (name == "bareme" ? 1 : -1);
  }
  std::shared_ptr<const capsante::expr::BoundExpr> FindDefinition(std::string_view, capsante::expr::BindError*) override {
    return nullptr;
  }

 private:
  const capsante::SituationSchema& schema_;
};

const capsante::SituationSchema& Schema() {
  static std::unique_ptr<capsante::SituationSchema> schema = [] {
    std::unique_ptr<capsante::SituationSchema> s;
    if (!capsante::SituationSchema::Load(std::string(CAPSANTE_DEFAULT_HOME) + "/catalog/situation.yaml", &s).ok()) std::abort();
    return s;
  }();
  return *schema;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  capsante::expr::ParseError perr;
  capsante::expr::NodePtr node = capsante::expr::Parse(text, &perr);
  if (!node) {
    if (perr.message.empty()) std::abort();  // every refusal says why
    return 0;
  }
  (void)node->ToString();
  FuzzScope scope(Schema());
  capsante::expr::BindError berr;
  capsante::expr::BoundPtr bound = capsante::expr::Bind(*node, scope, &berr);
  if (!bound) {
    if (berr.message.empty()) std::abort();
    return 0;
  }
  // Evaluate against an empty situation: everything unknown, nothing crashes.
  capsante::Situation situation(&Schema());
  static const std::vector<capsante::Bracket> kScale = {{1, 10}, {2, 20}};
  const std::vector<capsante::expr::ParamSlot> params = {{5000, nullptr}, {0, &kScale}};
  std::vector<int> missing;
  capsante::expr::EvalContext ctx;
  ctx.situation = &situation;
  ctx.params = &params;
  ctx.missing = &missing;
  (void)capsante::expr::Eval(*bound, &ctx);
  return 0;
}

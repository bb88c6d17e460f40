// Shared by the rule-language tests: the real situation schema, a scope with
// two parameters, and one call that parses, binds and evaluates.
#ifndef CAPSANTE_TESTS_EXPR_EXPR_TEST_UTIL_H_
#define CAPSANTE_TESTS_EXPR_EXPR_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "capsante/situation.h"
#include "expr/binder.h"
#include "expr/eval.h"
#include "expr/parser.h"

namespace capsante::expr {

class Fixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!schema_) {
      ASSERT_TRUE(SituationSchema::Load(std::string(CAPSANTE_DEFAULT_HOME) + "/catalog/situation.yaml", &schema_).ok());
    }
  }
  static inline std::unique_ptr<SituationSchema> schema_;
};

// Two parameters: `forfait` (5000) and the CAIM day scale `jours`.
class TestScope : public BindScope {
 public:
  explicit TestScope(const SituationSchema& s) : schema_(s) {}
  const SituationSchema& schema() const override { return schema_; }
  int FindParam(std::string_view name, bool* is_scale) const override {
    if (name == "forfait") { *is_scale = false; return 0; }
    if (name == "jours") { *is_scale = true; return 1; }
    return -1;
  }
  std::shared_ptr<const BoundExpr> FindDefinition(std::string_view, BindError*) override { return nullptr; }

 private:
  const SituationSchema& schema_;
};

inline const std::vector<Bracket> kScale = {{2.5, 31250}, {3, 37500}, {3.5, 43750}, {4, 50000}};
inline const std::vector<ParamSlot> kParams = {{5000, nullptr}, {0, &kScale}};

// What one evaluation gave, in words: "true", "false", "unknown", a number
// ("37500") or a date ("2025-02-28"); with the paths of the missing fields
// (only when unknown) and of the optional ones (declared(x) while unknown).
struct Outcome {
  std::string value;
  std::set<std::string> missing;
  std::set<std::string> optional;
};

// Parses, binds and evaluates `expression` over the JSON `situation`; a parse
// or bind error fails the test.
inline Outcome Evaluate(const SituationSchema& schema, const std::string& expression, const std::string& situation) {
  Outcome out;
  ParseError perr;
  NodePtr node = Parse(expression, &perr);
  EXPECT_NE(node, nullptr) << perr.message;
  if (!node) return out;
  TestScope scope(schema);
  BindError berr;
  BoundPtr bound = Bind(*node, scope, &berr);
  EXPECT_NE(bound, nullptr) << berr.message;
  if (!bound) return out;
  Situation s;
  const Status st = Situation::FromJson(schema, situation, &s);
  EXPECT_TRUE(st.ok()) << st.ToString();
  if (!st.ok()) return out;
  std::vector<int> missing, optional;
  EvalContext ctx;
  ctx.situation = &s;
  ctx.params = &kParams;
  ctx.missing = &missing;
  ctx.optional = &optional;
  const Value v = Eval(*bound, &ctx);
  switch (v.kind) {
    case Value::Kind::kUnknown: out.value = "unknown"; break;
    case Value::Kind::kBool: out.value = v.b ? "true" : "false"; break;
    case Value::Kind::kNumber: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.10g", v.n);
      out.value = buf;
      break;
    }
    case Value::Kind::kDate: out.value = Date::FromDays(v.i).ToString(); break;
    default: out.value = "?"; break;
  }
  if (!v.known()) {
    for (int id : missing) out.missing.insert(schema.field(id).path);
  }
  for (int id : optional) out.optional.insert(schema.field(id).path);
  return out;
}

// The bind error of `expression` (empty message if it binds).
inline BindError BindErrorOf(const SituationSchema& schema, const std::string& expression) {
  BindError berr;
  ParseError perr;
  NodePtr node = Parse(expression, &perr);
  EXPECT_NE(node, nullptr) << perr.message;
  if (!node) return berr;
  TestScope scope(schema);
  EXPECT_EQ(Bind(*node, scope, &berr), nullptr) << expression << " binds";
  return berr;
}

}  // namespace capsante::expr

#endif  // CAPSANTE_TESTS_EXPR_EXPR_TEST_UTIL_H_

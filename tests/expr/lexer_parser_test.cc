// Table-driven tests of the lexer and the Pratt parser: each row is a source
// text and either its canonical printed form or the error (column, message).
#include <gtest/gtest.h>

#include "expr/lexer.h"
#include "expr/parser.h"

namespace capsante::expr {
namespace {

struct ParseCase {
  const char* source;
  const char* printed;  // nullptr when an error is expected
  int error_column;
  const char* error_fragment;
};

const ParseCase kCases[] = {
    {"1 + 2 * 3", "(1 + (2 * 3))", 0, nullptr},
    {"(1 + 2) * 3", "((1 + 2) * 3)", 0, nullptr},
    {"1 - 2 - 3", "((1 - 2) - 3)", 0, nullptr},
    {"-x * 3", "((-x) * 3)", 0, nullptr},
    {"a and b or c", "((a and b) or c)", 0, nullptr},
    {"a or b and c", "(a or (b and c))", 0, nullptr},
    {"not a and b", "((not a) and b)", 0, nullptr},
    {"not a == b", "(not (a == b))", 0, nullptr},
    {"a == 1 or (b == 2)", "((a == 1) or (b == 2))", 0, nullptr},
    {"x in [\"ZIP\", \"ZAC\"]", "(x in [\"ZIP\", \"ZAC\"])", 0, nullptr},
    {"x not in [1, 2]", "(x not in [1, 2])", 0, nullptr},
    {"x not\n  in [1, 2]", "(x not in [1, 2])", 0, nullptr},
    {"x not in [1] and y", "((x not in [1]) and y)", 0, nullptr},
    {"not x in [1]", "(not (x in [1]))", 0, nullptr},
    {"not inscrit", "(not inscrit)", 0, nullptr},
    {"not in_zone and a", "((not in_zone) and a)", 0, nullptr},
    {"zonage.medecin == \"ZIP\"", "(zonage.medecin == \"ZIP\")", 0, nullptr},
    {"min(a, 20_000)", "min(a, 20000)", 0, nullptr},
    {"10% * h", "(0.1 * h)", 0, nullptr},
    {"date - years(1)", "(date - years(1))", 0, nullptr},
    {"sum(stagiaires, item.quotite * item.mois)", "sum(stagiaires, (item.quotite * item.mois))", 0, nullptr},
    {"2.5 <= j", "(2.5 <= j)", 0, nullptr},
    // Errors, with the column they point at.
    {"a < b < c", nullptr, 7, "ne s'enchaînent pas"},
    {"a = b", nullptr, 3, "« == »"},
    {"a ! b", nullptr, 3, "« not »"},
    {"1 +", nullptr, 4, "une valeur était attendue"},
    {"f(a, b", nullptr, 7, "« ) » attendu"},
    {"(a", nullptr, 3, "« ) » attendu"},
    {"[1, 2", nullptr, 6, "« ] » attendu"},
    {"a b", nullptr, 3, "élément inattendu"},
    {"\"abc", nullptr, 1, "texte non terminé"},
    {"a.", nullptr, 3, "un nom de champ était attendu"},
    {"12abc", nullptr, 1, "nombre suivi d'un nom"},
    {"a # b", nullptr, 3, "caractère inattendu"},
    {"", nullptr, 1, "une valeur était attendue"},
    {"a not b", nullptr, 3, "élément inattendu"},
    {"not in [1]", nullptr, 1, "une valeur était attendue, trouvé « not in »"},
    {"x not in", nullptr, 9, "une valeur était attendue"},
    {"x not in [1] not in [2]", nullptr, 14, "ne s'enchaînent pas"},
    {"x in [1] not in [2]", nullptr, 10, "ne s'enchaînent pas"},
};

TEST(ParserTest, Table) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.source);
    ParseError error;
    NodePtr node = Parse(c.source, &error);
    if (c.printed) {
      ASSERT_NE(node, nullptr) << error.message;
      EXPECT_EQ(node->ToString(), c.printed);
    } else {
      ASSERT_EQ(node, nullptr) << node->ToString();
      EXPECT_EQ(error.pos.column, c.error_column) << error.message;
      EXPECT_NE(error.message.find(c.error_fragment), std::string::npos) << error.message;
    }
  }
}

TEST(ParserTest, PositionsCountLinesAndCodePoints) {
  ParseError error;
  EXPECT_EQ(Parse("a and\n  é", &error), nullptr);
  EXPECT_EQ(error.pos.line, 2);
  EXPECT_EQ(error.pos.column, 3);
}

TEST(ParserTest, DeepNestingIsRefusedNotCrashing) {
  std::string deep(5000, '(');
  ParseError error;
  EXPECT_EQ(Parse(deep, &error), nullptr);
  std::string nested;
  for (int i = 0; i < 100; ++i) nested += "(";
  nested += "1";
  for (int i = 0; i < 100; ++i) nested += ")";
  EXPECT_EQ(Parse(nested, &error), nullptr);
  EXPECT_NE(error.message.find("trop imbriquée"), std::string::npos);
}

TEST(LexerTest, NumbersAndPercent) {
  auto tokens = Lex("50_000 2.5 10%");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_DOUBLE_EQ(tokens[0].number, 50000);
  EXPECT_DOUBLE_EQ(tokens[1].number, 2.5);
  EXPECT_DOUBLE_EQ(tokens[2].number, 0.1);
  EXPECT_EQ(tokens[3].kind, TokenKind::kEnd);
}

// `not in` is one token wherever the blank between the words is; `not`
// before a name that starts with "in" stays `not`.
TEST(LexerTest, NotInIsOneToken) {
  auto tokens = Lex("a not \t\n in [1]");
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kNotIn);
  EXPECT_EQ(tokens[1].text, "not in");
  EXPECT_EQ(tokens[1].pos.column, 3);
  EXPECT_EQ(tokens[2].kind, TokenKind::kLeftBracket);
  EXPECT_EQ(tokens[2].pos.line, 2);
  EXPECT_EQ(tokens[2].pos.column, 5);

  tokens = Lex("not index");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kNot);
  EXPECT_EQ(tokens[1].kind, TokenKind::kIdentifier);
  EXPECT_EQ(tokens[1].text, "index");

  tokens = Lex("notin");
  EXPECT_EQ(tokens[0].kind, TokenKind::kIdentifier);
  tokens = Lex("not in2");
  EXPECT_EQ(tokens[0].kind, TokenKind::kNot);
  EXPECT_EQ(Describe(TokenKind::kNotIn), "« not in »");
}

}  // namespace
}  // namespace capsante::expr

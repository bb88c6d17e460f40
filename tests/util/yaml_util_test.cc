// The catalog's YAML reader (libyaml into a small tree): positions in bytes
// from 0 as yaml-cpp gave them, so every catalog message keeps its column;
// null, quoting and aliases read as before.
#include "util/yaml_util.h"

#include <gtest/gtest.h>

namespace capsante::yamlutil {
namespace {

Node Load(Document* doc, const std::string& text) {
  const Status st = LoadText("x.yaml", text, doc);
  EXPECT_TRUE(st.ok()) << st.message();
  return doc->root();
}

TEST(YamlReaderTest, MarksCountBytesAfterAccents) {
  Document doc;
  const Node root = Load(&doc, "é: [à, b]\nsuite:\n  - x\n");
  const Node list = root["é"];
  ASSERT_TRUE(list.IsSequence());
  ASSERT_EQ(list.size(), 2u);
  auto it = list.begin();
  EXPECT_EQ((*it).GetMark().column, 5);  // "é: [" is five bytes
  ++it;
  EXPECT_EQ((*it).Scalar(), "b");
  EXPECT_EQ((*it).GetMark().column, 9);
  const Node item = *root["suite"].begin();
  EXPECT_EQ(item.GetMark().line, 2);
  EXPECT_EQ(item.GetMark().column, 4);
}

TEST(YamlReaderTest, NullsQuotesAndBlocks) {
  Document doc;
  const Node root = Load(&doc, "a:\nb: ~\nc: null\nd: ''\ne: \"null\"\nf: |\n  ligne\ng: plain\n");
  EXPECT_TRUE(root["a"].IsNull());
  EXPECT_EQ(root["a"].GetMark().line, 1);  // an empty value is marked where the next token starts
  EXPECT_TRUE(root["b"].IsNull());
  EXPECT_TRUE(root["c"].IsNull());
  EXPECT_TRUE(root["d"].IsScalar());
  EXPECT_TRUE(root["d"].Quoted());
  EXPECT_EQ(root["e"].Scalar(), "null");
  EXPECT_EQ(root["f"].Scalar(), "ligne\n");
  EXPECT_TRUE(root["f"].Quoted());
  EXPECT_FALSE(root["g"].Quoted());
  EXPECT_FALSE(root["absent"]);
  EXPECT_FALSE(root["g"]["x"]);  // a scalar has no keys
}

TEST(YamlReaderTest, AliasesAndByteOrderMark) {
  Document doc;
  const Node root = Load(&doc, "\xEF\xBB\xBF" "a: &s {x: 1}\nb: *s\n");
  ASSERT_EQ(root.size(), 2u);
  EXPECT_EQ(root["b"]["x"].Scalar(), "1");
  EXPECT_EQ(root["a"].GetMark().column, 3);
}

TEST(YamlReaderTest, SyntaxErrorsNameFileLineAndColumn) {
  Document doc;
  Status st = LoadText("aides/x.yaml", "a: 1\nb: [1, 2\n", &doc);
  EXPECT_EQ(st.code(), Status::Code::kInvalidCatalog);
  EXPECT_EQ(st.message().rfind("aides/x.yaml:3:1: YAML invalide : ", 0), 0u) << st.message();
  st = LoadText("x.yaml", "a: 1\n\xFF\n", &doc);
  EXPECT_EQ(st.message().rfind("x.yaml:2:1: YAML invalide : ", 0), 0u) << st.message();
  st = LoadText("x.yaml", "a: *nulle\n", &doc);
  EXPECT_EQ(st.code(), Status::Code::kInvalidCatalog);
  // A document read again holds only the new text.
  EXPECT_TRUE(LoadText("x.yaml", "c: 3\n", &doc).ok());
  EXPECT_EQ(doc.root().size(), 1u);
  EXPECT_TRUE(LoadText("x.yaml", "", &doc).ok());
  EXPECT_TRUE(doc.root().IsNull());
}

TEST(YamlReaderTest, UnknownKeysAreTheOnesNotRead) {
  Document doc;
  const Node root = Load(&doc, "lu: 1\npas_lu: 2\n");
  const std::string file = "x.yaml";
  Map m(&file, root, "");
  std::string v;
  ASSERT_TRUE(m.String("lu", &v).ok());
  EXPECT_EQ(v, "1");
  const Status st = m.CheckNoUnknownKeys();
  EXPECT_EQ(st.message(), "x.yaml:2:1: clé inconnue « pas_lu »");
}

}  // namespace
}  // namespace capsante::yamlutil

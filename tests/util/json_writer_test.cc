// The JSON writer: every document it writes is valid JSON, whatever bytes a
// request carried (an echoed path, a key, a text cut inside a character).
#include "util/json_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>
#include <utility>

namespace capsante::json {
namespace {

std::string Written(std::string_view text) {
  std::string out;
  Writer(&out).String(text);
  return out;
}

TEST(JsonWriterTest, Utf8IsKeptAndBrokenBytesBecomeReplacementCharacters) {
  struct Case {
    std::string in;
    std::string out;
  };
  const Case cases[] = {
      {"âge du médecin", "\"âge du médecin\""},
      {"€ et 𝄞", "\"€ et 𝄞\""},
      {"guillemet \" barre \\ fin\n", "\"guillemet \\\" barre \\\\ fin\\n\""},
      {"/api/v1/\x8d\xa0mulate", "\"/api/v1/\\ufffd\\ufffdmulate\""},       // stray continuation bytes
      {"coup\xc3", "\"coup\\ufffd\""},                                         // cut inside "é"
      {"\xc0\xaf", "\"\\ufffd\\ufffd\""},                                      // overlong "/"
      {"\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\""},                           // a surrogate
      {"\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\""},                // beyond U+10FFFF
      {"abcdefgh\xffijklmnop", "\"abcdefgh\\ufffdijklmnop\""},                 // inside the 8-byte fast path
  };
  for (const Case& c : cases) {
    const std::string out = Written(c.in);
    EXPECT_EQ(out, c.out) << c.in;
    EXPECT_TRUE(nlohmann::json::accept(out)) << out;
  }
}

// The writer looks at eight bytes at a time: every kind of byte, at every
// position of a text and of its last, shorter word, is escaped as one byte
// at a time would be.
TEST(JsonWriterTest, EveryPositionOfEveryKindOfByte) {
  const std::pair<std::string, std::string> pieces[] = {
      {"a", "a"},       {" ", " "},           {"\"", "\\\""},     {"\\", "\\\\"},
      {"\n", "\\n"},    {"\t", "\\t"},        {"\r", "\\r"},       {"\x01", "\\u0001"},
      {"\x1f", "\\u001f"}, {"\x7f", "\x7f"},     {"é", "é"},         {"€", "€"},
      {"\xff", "\\ufffd"}, {"\xc3", "\\ufffd"},  {"~", "~"},
  };
  std::mt19937 random(20261129);
  for (int round = 0; round < 3000; ++round) {
    std::string in, expected = "\"";
    const int count = static_cast<int>(random() % 24);
    for (int i = 0; i < count; ++i) {
      const auto& [piece, escaped] = pieces[random() % std::size(pieces)];
      // A cut "é" (\xc3) followed by a continuation byte would be whole again.
      if (piece == "\xc3" && i + 1 < count) continue;
      in += piece;
      expected += escaped;
    }
    expected += "\"";
    ASSERT_EQ(Written(in), expected) << in;
  }
}

// Text (catalog texts, valid UTF-8) looks sixteen then eight bytes at a time
// for quotes, backslashes and control characters only: on any valid UTF-8
// text, at every position and length, it writes what String writes.
TEST(JsonWriterTest, TextWritesWhatStringWritesForValidUtf8) {
  const std::string pieces[] = {"a", " ", "\"", "\\", "\n", "\t", "\r", "\x01", "\x1f", "\x7f", "é", "€", "𝄞", "~", "« »"};
  std::mt19937 random(20261130);
  for (int round = 0; round < 3000; ++round) {
    std::string in;
    const int count = static_cast<int>(random() % 40);
    for (int i = 0; i < count; ++i) in += pieces[random() % std::size(pieces)];
    std::string text;
    Writer(&text).Text(in);
    ASSERT_EQ(text, Written(in)) << in;
  }
}

TEST(JsonWriterTest, KeysShortOrLongPlainOrNot) {
  std::string out;
  Writer w(&out);
  // A literal key is a plain name, written as is; any other key is a
  // string_view, escaped.
  using std::string_view;
  w.BeginObject().Field("statut", 1).Field("", 2).Field(string_view("a\"b"), 3).Field(string_view("é"), 4);
  w.Field("une_cle_de_trente_sept_caracteres_oui", 5).Field(string_view("une_cle_de_trente_huit_caracteres_ouii"), 6);
  w.Field(string_view("une cle longue avec un \"guillemet\" au-dela des 40 octets"), 7).Field(string_view("x\xff"), 8).EndObject();
  EXPECT_EQ(out,
            "{\"statut\":1,\"\":2,\"a\\\"b\":3,\"é\":4,\"une_cle_de_trente_sept_caracteres_oui\":5,"
            "\"une_cle_de_trente_huit_caracteres_ouii\":6,"
            "\"une cle longue avec un \\\"guillemet\\\" au-dela des 40 octets\":7,\"x\\ufffd\":8}");
  EXPECT_TRUE(nlohmann::json::accept(out)) << out;
}

TEST(JsonWriterTest, KeyFromACharArrayStopsAtItsEnd) {
  // A char array that is not a literal takes the literal path too: only the
  // text before its terminating zero is written.
  char key[16] = "cle";
  std::string out;
  Writer(&out).BeginObject().Field(key, 1).EndObject();
  EXPECT_EQ(out, "{\"cle\":1}");
}

TEST(JsonWriterTest, NumbersAsPrintfWroteThem) {
  std::string out;
  Writer w(&out);
  w.BeginArray().Number(0).Number(-3).Number(1234.5).Number(0.1).Number(1.0 / 3).Number(2.5e-7).Number(1e15).Number(
      123456789012.25);
  w.Int(-9007199254740993LL).EndArray();
  EXPECT_EQ(out, "[0,-3,1234.5,0.1,0.3333333333,2.5e-07,1e+15,1.23456789e+11,-9007199254740993]");
}

}  // namespace
}  // namespace capsante::json

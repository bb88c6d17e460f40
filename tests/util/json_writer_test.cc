// The JSON writer: every document it writes is valid JSON, whatever bytes a
// request carried (an echoed path, a key, a text cut inside a character).
#include "util/json_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

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

}  // namespace
}  // namespace capsante::json

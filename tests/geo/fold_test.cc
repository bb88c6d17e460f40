#include <gtest/gtest.h>

#include "capsante/geo.h"

namespace capsante::geo {
namespace {

TEST(FoldName, AccentsAndCase) {
  EXPECT_EQ(FoldName("Châteauroux"), "chateauroux");
  EXPECT_EQ(FoldName("ÉCUEILLÉ"), "ecueille");
  EXPECT_EQ(FoldName("Œuilly"), "oeuilly");
}

TEST(FoldName, PunctuationAndSaints) {
  EXPECT_EQ(FoldName("Saint-Amand-Montrond"), "saint amand montrond");
  EXPECT_EQ(FoldName("St-Amand"), "saint amand");
  EXPECT_EQ(FoldName("  ste   Maure "), "sainte maure");
  EXPECT_EQ(FoldName("L'Île-Bouchard"), "l ile bouchard");
  EXPECT_EQ(FoldName("L’Île-Bouchard"), "l ile bouchard");  // typographic apostrophe
  EXPECT_EQ(FoldName("Stenay"), "stenay");                  // "st" only as a word
}

TEST(FoldName, InvalidUtf8DoesNotCrash) {
  EXPECT_EQ(FoldName(std::string("a\xC3") + "b"), "a b");
  EXPECT_EQ(FoldName("\xFF\xFE"), "");
}

TEST(Haversine, KnownDistance) {
  // Paris (Notre-Dame) to Lyon (Bellecour): about 392 km.
  EXPECT_NEAR(HaversineKm(48.8530, 2.3499, 45.7578, 4.8320), 392, 3);
  EXPECT_DOUBLE_EQ(HaversineKm(46.8, 1.7, 46.8, 1.7), 0);
}

}  // namespace
}  // namespace capsante::geo

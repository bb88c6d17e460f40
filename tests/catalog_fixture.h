// The shipped catalog, loaded once for all the test suites of a program that
// derive from CatalogTest (engine, window sweep, plans).
#ifndef CAPSANTE_TESTS_CATALOG_FIXTURE_H_
#define CAPSANTE_TESTS_CATALOG_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>

#include "capsante/catalog.h"
#include "capsante/status.h"

namespace capsante {

class CatalogTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (catalog_) return;
    Status st = Catalog::Load(CAPSANTE_DEFAULT_HOME, &catalog_);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }
  static inline std::unique_ptr<Catalog> catalog_;
};

}  // namespace capsante

#endif  // CAPSANTE_TESTS_CATALOG_FIXTURE_H_

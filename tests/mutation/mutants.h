// One-value changes to a catalog aid file ("mutants"), found by walking its
// YAML and the tokens of its expressions. Each mutant is a text replacement
// in the file, so everything else (comments, layout) stays as written.
// What is mutated: docs/testing.md, "Mutation testing of the catalog".
#ifndef CAPSANTE_TESTS_MUTATION_MUTANTS_H_
#define CAPSANTE_TESTS_MUTATION_MUTANTS_H_

#include <string>
#include <vector>

#include "capsante/schema.h"

namespace capsante::mutation {

struct Mutant {
  std::string aid;          // aid id (file stem)
  std::string file;         // path of the aid file
  std::string key;          // stable name: "<aid> <yaml path>: <old> -> <new>", used by the equivalents list
  int line = 0;             // 1-based line of the change in the file
  size_t offset = 0;        // bytes replaced in the file text
  size_t length = 0;
  std::string replacement;

  std::string Apply(const std::string& text) const { return text.substr(0, offset) + replacement + text.substr(offset + length); }
};

// Every mutant of one aid file. `skipped` counts values that could not be
// located in the text (e.g. an expression folded over several lines).
std::vector<Mutant> FindMutants(const std::string& file, const std::string& text, const SituationSchema& schema, int* skipped);

}  // namespace capsante::mutation

#endif  // CAPSANTE_TESTS_MUTATION_MUTANTS_H_

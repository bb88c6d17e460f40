// The pattern every subcommand follows (one file per subcommand, CLI11 style):
//
//   // cmd_<name>.cc
//   void Register<Name>(CLI::App& app, const GlobalOptions& global, int* exit_code);
//
// Register<Name> adds the subcommand with its own options struct (held in a
// shared_ptr captured by the callback) and sets a callback that stores the
// process exit code in *exit_code. Output goes to stdout, one-line French
// errors to stderr. Exit codes: see ExitCode.
#ifndef CAPSANTE_APPS_CLI_COMMAND_H_
#define CAPSANTE_APPS_CLI_COMMAND_H_

#include <string>

#include "capsante/status.h"

namespace CLI { class App; }

namespace capsante::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,         // I/O or internal error
  kExitInvalidInput = 2,    // bad situation, option or argument
  kExitInvalidCatalog = 3,  // the catalog or data files are broken
};

struct GlobalOptions {
  // Folder holding catalog/, sources/ and data/ (option --home, env
  // CAPSANTE_HOME, default: the source tree the binary was built from).
  std::string home;
};

// Prints "erreur : <message> (champ : <field>)" to stderr and returns the
// exit code matching the status code.
int ReportError(const Status& status);

}  // namespace capsante::cli

#endif  // CAPSANTE_APPS_CLI_COMMAND_H_

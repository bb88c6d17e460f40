// capsante simulate --lot FILE|-: many situations, one answer each, in input
// order, computed on every core (shared spec api-v1 §5, docs/api.md).
#ifndef CAPSANTE_APPS_CLI_LOT_H_
#define CAPSANTE_APPS_CLI_LOT_H_

#include <string>

#include "capsante/catalog.h"
#include "capsante/result.h"
#include "command.h"

namespace capsante::cli {

struct LotOptions {
  std::string input;        // file, or "-" for standard input
  bool csv_output = false;  // --format csv
  JsonOptions answer;       // --details
};

// Exit code: 0 when every line was valid, 2 when one was not (every valid
// line is still answered), 1 on a read error.
int RunLot(const LotOptions& options, const GlobalOptions& global, const Catalog& catalog);

}  // namespace capsante::cli

#endif  // CAPSANTE_APPS_CLI_LOT_H_

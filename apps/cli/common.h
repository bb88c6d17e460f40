// Helpers shared by the subcommands.
#ifndef CAPSANTE_APPS_CLI_COMMON_H_
#define CAPSANTE_APPS_CLI_COMMON_H_

#include <memory>
#include <string>

#include "capsante/catalog.h"
#include "capsante/situation.h"
#include "capsante/status.h"
#include "command.h"

namespace capsante::cli {

// The folder holding catalog/, sources/ and data/: --home, else CAPSANTE_HOME,
// else the source tree the binary was built from.
std::string ResolveHome(const GlobalOptions& global);

Status LoadCatalog(const GlobalOptions& global, std::unique_ptr<Catalog>* out);

// A source as a user can look it up: the document's title and issuer (never
// its file name), or the page's address and the date it was read.
std::string SourceLabel(const SourceRef& s);

// Reads a file ("-" or empty: standard input), refusing more than max_bytes.
Status ReadInput(const std::string& path, size_t max_bytes, std::string* out);

// Parses --date.
Status ParseDateOption(const std::string& text, const char* option, Date* out);

}  // namespace capsante::cli

#endif  // CAPSANTE_APPS_CLI_COMMON_H_

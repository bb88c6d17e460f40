// capsante: which installation aids a health professional can get, where,
// when, and why. One file per subcommand (cmd_*.cc).
#include <iostream>

#include <CLI/CLI.hpp>

#include "command.h"

namespace capsante::cli {
void RegisterSimulate(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterAides(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterAide(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterLint(CLI::App& app, const GlobalOptions& global, int* exit_code);
#ifdef CAPSANTE_HAVE_GEO
void RegisterCommunes(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterClassement(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterComparer(CLI::App& app, const GlobalOptions& global, int* exit_code);
void RegisterDonnees(CLI::App& app, const GlobalOptions& global, int* exit_code);
#endif
#ifdef CAPSANTE_HAVE_SERVER
void RegisterServe(CLI::App& app, const GlobalOptions& global, int* exit_code);
#endif
}  // namespace capsante::cli

int main(int argc, char** argv) {
  using namespace capsante::cli;
  CLI::App app{"capsante — les aides à l'installation des professionnels de santé, à l'euro près, avec leurs sources"};
  app.require_subcommand(1);
  GlobalOptions global;
  app.add_option("--home", global.home, "Dossier contenant catalog/, sources/ et data/ (défaut : CAPSANTE_HOME ou l'arbre source)");
  int exit_code = kExitOk;
  RegisterSimulate(app, global, &exit_code);
  RegisterAides(app, global, &exit_code);
  RegisterAide(app, global, &exit_code);
  RegisterLint(app, global, &exit_code);
#ifdef CAPSANTE_HAVE_GEO
  RegisterCommunes(app, global, &exit_code);
  RegisterClassement(app, global, &exit_code);
  RegisterComparer(app, global, &exit_code);
  RegisterDonnees(app, global, &exit_code);
#endif
#ifdef CAPSANTE_HAVE_SERVER
  RegisterServe(app, global, &exit_code);
#endif
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    std::cerr << "erreur : " << e.what() << "\n(capsante --help pour l'aide)\n";
    return kExitInvalidInput;
  }
  return exit_code;
}

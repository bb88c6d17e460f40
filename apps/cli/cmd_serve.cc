// capsante serve [--port 8080] [--host 127.0.0.1] [--threads N]: the JSON API
// and the web page (apps/server). Prints the address to open; stops cleanly
// on SIGTERM or SIGINT (Ctrl+C).
#include <pthread.h>
#include <signal.h>

#include <csignal>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include <CLI/CLI.hpp>

#include "common.h"
#include "server.h"

namespace capsante::cli {
namespace {

struct ServeOptions {
  int port = 8080;
  std::string host = "127.0.0.1";
  int threads = 0;
  std::string web;
  bool no_log = false;
};

int RunServe(const ServeOptions& o, const GlobalOptions& global) {
  const auto t0 = std::chrono::steady_clock::now();
  // Signals are taken by one thread (sigwait), never by a handler: block them
  // before any worker thread exists, so that every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  server::ServerOptions options;
  options.home = ResolveHome(global);
  options.web_dir = o.web;
  options.host = o.host;
  options.port = o.port;
  options.threads = o.threads;
  options.access_log = !o.no_log;
  std::unique_ptr<server::Server> srv;
  if (Status st = server::Server::Create(options, &srv); !st.ok()) return ReportError(st);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();

  const std::string host = srv->host().find(':') != std::string::npos ? "[" + srv->host() + "]" : srv->host();
  if (!srv->web_warning().empty()) std::cerr << "attention : " << srv->web_warning() << "\n";
  std::printf("capsante prêt en %.0f ms (%d fils réseau)\nOuvrez http://%s:%d/ dans votre navigateur — Ctrl+C pour arrêter.\n",
              ms, srv->threads(), host.c_str(), srv->port());
  std::fflush(stdout);

  std::thread waiter([&srv, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    srv->Stop();
  });
  Status st = srv->Run();
  // Run returned: wake the waiter if no signal came (it is a no-op otherwise).
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  srv.reset();
  std::printf("capsante arrêté.\n");
  std::fflush(stdout);
  if (!st.ok()) return ReportError(st);
  return kExitOk;
}

}  // namespace

void RegisterServe(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto opts = std::make_shared<ServeOptions>();
  CLI::App* sub = app.add_subcommand("serve", "Lance le serveur web : l'API JSON et la page du simulateur");
  sub->add_option("--port", opts->port, "Port d'écoute (défaut 8080 ; 0 = un port libre)");
  sub->add_option("--host", opts->host, "Adresse d'écoute (défaut 127.0.0.1)");
  sub->add_option("--threads", opts->threads, "Fils réseau (défaut : un par cœur)");
  sub->add_option("--web", opts->web, "Dossier de la page web (défaut : <home>/web)");
  sub->add_flag("--sans-journal", opts->no_log, "Pas de journal des requêtes");
  sub->callback([opts, &global, exit_code] { *exit_code = RunServe(*opts, global); });
}

}  // namespace capsante::cli

// `capsante serve`: the JSON API (api.h) and the web page over HTTP, on
// cpp-httplib (Debian's libcpp-httplib-dev).
//
// Contract:
//  - Create loads the catalog and the commune index once (shared read-only by
//    every worker thread) and binds the listening socket, so that port() is
//    known and connections queue before Run() is called.
//  - Run() serves until Stop() is called from another thread (cmd_serve.cc
//    calls it on SIGTERM/SIGINT); it returns once the workers are done and
//    the access log is flushed.
//  - Static files are served only from <web>/public and the DSFR dist folder
//    <web>/node_modules/@gouvfr/dsfr/dist (mounted at /dsfr/); any path with a
//    `..` or `.` segment, a backslash, a NUL or that resolves (symlinks
//    included) outside those folders is refused with 404.
//  - The access log holds one line per request: time, method, path (never the
//    query string), status, latency. Never a body: a situation holds personal
//    data (age, income).
#ifndef CAPSANTE_APPS_SERVER_SERVER_H_
#define CAPSANTE_APPS_SERVER_SERVER_H_

#include <cstddef>
#include <cstdio>
#include <memory>
#include <string>

#include "capsante/status.h"

namespace capsante::server {

struct ServerOptions {
  std::string home;      // folder holding catalog/, sources/ and data/
  std::string web_dir;   // the web folder (public/, node_modules/); empty: <home>/web
  std::string host = "127.0.0.1";
  int port = 8080;       // 0: any free port (see Server::port())
  int threads = 0;       // worker threads; 0: automatic (see docs/server.md)
  size_t cache_bytes = 16u << 20;  // in-memory cache of computed results; 0 disables it
  bool access_log = true;
  std::FILE* log = stderr;  // access log and start-up messages
};

class Server {
 public:
  static Status Create(const ServerOptions& options, std::unique_ptr<Server>* out);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  const std::string& host() const;
  int threads() const;
  // A French warning when the web page cannot be served in full (DSFR not
  // installed, public/ missing); empty when all is well.
  const std::string& web_warning() const;

  Status Run();
  void Stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace capsante::server

#endif  // CAPSANTE_APPS_SERVER_SERVER_H_

// `capsante serve`: the JSON API (api.h) and the web page over HTTP/1.1, on
// Boost.Beast over Asio (Debian's libboost-dev): a few network threads (one
// per core) serve every connection with asynchronous reads and writes, so
// idle or slow clients hold a socket, never a thread.
//
// Contract:
//  - Create loads the catalog and the commune index once (shared read-only by
//    every thread) and binds the listening socket, so that port() is known
//    and connections queue before Run() is called.
//  - Run() serves until Stop() is called from another thread (cmd_serve.cc
//    calls it on SIGTERM/SIGINT): no new connection is accepted, idle ones
//    are closed, requests in progress are answered; it returns once they are
//    done and the access log is flushed.
//  - Per connection: the request head must arrive within 5 s of the previous
//    answer (or of the connection), its body within 10 s of the head; head at
//    most 8 KiB, body at most 64 KiB (1 MiB for POST /api/v1/lot), beyond
//    that 431/413.
//  - Static files: see static_files.h. Access log: see access_log.h.
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
  int threads = 0;       // network threads; 0: one per core
  bool access_log = true;
  std::FILE* log = stderr;  // access log
};

// Limits of one connection (docs/server.md).
constexpr size_t kMaxHeaderBytes = 8 * 1024;
constexpr size_t kMaxBodyBytes = 64 * 1024;
constexpr size_t kMaxLotBodyBytes = 1024 * 1024;
constexpr int kHeaderSeconds = 5;
constexpr int kBodySeconds = 10;

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

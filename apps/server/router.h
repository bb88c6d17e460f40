// From an HTTP request to its answer, without sockets: decodes the target,
// sends API paths to the Api and the rest to the page's files, adds the
// security headers, compresses. server.cc only moves bytes.
#ifndef CAPSANTE_APPS_SERVER_ROUTER_H_
#define CAPSANTE_APPS_SERVER_ROUTER_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api.h"
#include "static_files.h"

namespace capsante::server {

struct HttpRequest {
  std::string_view method;
  std::string_view target;  // "/api/v1/communes?q=..."
  std::string_view accept_encoding;
  std::string_view if_none_match;
  std::string body;
};

struct HttpAnswer {
  int status = 200;
  std::string body;
  std::shared_ptr<const StaticFile> file;  // set instead of body for a page file
  bool file_gzip = false;
  std::string content_type;
  std::vector<std::pair<const char*, std::string>> headers;  // besides the security headers
  std::string path;  // decoded, for the access log
  size_t size() const;
  std::string_view payload() const;
};

// The headers every answer carries.
extern const std::pair<const char*, const char*> kSecurityHeaders[7];

class Router {
 public:
  Router(const Api& api, StaticFiles& files) : api_(api), files_(files) {}
  // Whether the request goes to a heavy route (see Api::IsHeavy).
  static bool IsHeavy(std::string_view method, std::string_view target);
  HttpAnswer Handle(HttpRequest request) const;
  // A French JSON error for what the HTTP layer refuses (400, 413, 431...).
  static HttpAnswer ErrorAnswer(int status, std::string_view message);
  // The head of `answer` in HTTP/1.1 (status line, headers, blank line),
  // appended to `out`: the security headers, Content-Type, the answer's own
  // headers, `Connection: close` or the Keep-Alive hint, Content-Length (the
  // payload's, also for HEAD; none on a 304). Written by hand rather than by
  // Beast's field container, which allocated once per header line.
  static void AppendHead(const HttpAnswer& answer, bool keep_alive, std::string* out);

 private:
  HttpAnswer Api(const HttpRequest& r, std::string path, std::string_view query) const;
  HttpAnswer File(const HttpRequest& r, std::string path) const;

  const class Api& api_;
  StaticFiles& files_;
};

// Percent-decoding; `plus_is_space` for query strings. False on a bad escape.
bool UrlDecode(std::string_view in, bool plus_is_space, std::string* out);

}  // namespace capsante::server

#endif  // CAPSANTE_APPS_SERVER_ROUTER_H_

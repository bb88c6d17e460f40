#include "router.h"

#include <charconv>

#include <boost/beast/http/status.hpp>

#include "buffers.h"
#include "gzip.h"
#include "server.h"

namespace capsante::server {

namespace {

constexpr const char* kJsonType = "application/json; charset=utf-8";

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void ParseQuery(std::string_view query, std::multimap<std::string, std::string>* out) {
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    std::string key, value;
    if (!UrlDecode(pair.substr(0, eq), true, &key)) continue;
    if (eq != std::string_view::npos && !UrlDecode(pair.substr(eq + 1), true, &value)) continue;
    out->emplace(std::move(key), std::move(value));
  }
}

}  // namespace

const std::pair<const char*, const char*> kSecurityHeaders[7] = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
     "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Cross-Origin-Resource-Policy", "same-origin"},
    {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"},
};

size_t HttpAnswer::size() const { return payload().size(); }

std::string_view HttpAnswer::payload() const {
  if (file) return file_gzip ? file->gzip : file->body;
  return body;
}

bool UrlDecode(std::string_view in, bool plus_is_space, std::string* out) {
  out->clear();
  out->reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      const int hi = Hex(in[i + 1]), lo = Hex(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      out->push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
  return true;
}

bool Router::IsHeavy(std::string_view method, std::string_view target) {
  return method == "POST" && Api::IsHeavy(target.substr(0, target.find('?')));
}

HttpAnswer Router::ErrorAnswer(int status, std::string_view message) {
  HttpAnswer a;
  a.status = status;
  a.body = ErrorJson(message);
  a.content_type = kJsonType;
  a.headers.emplace_back("Cache-Control", "no-store");
  return a;
}

void Router::AppendHead(const HttpAnswer& answer, bool keep_alive, std::string* out) {
  // The security headers never change: formatted once.
  static const std::string kSecurityLines = [] {
    std::string lines;
    for (const auto& [name, value] : kSecurityHeaders) lines.append(name).append(": ").append(value).append("\r\n");
    return lines;
  }();
  // An idle connection is closed after kHeaderSeconds: say so, one second
  // short, so that a client never sends on a socket the server is closing
  // (Node's fetch then keeps it one more second short of that).
  static const std::string kKeepAliveLine = "Keep-Alive: timeout=" + std::to_string(kHeaderSeconds - 1) + "\r\n";
  char number[24];
  const auto status = static_cast<boost::beast::http::status>(answer.status);
  out->append("HTTP/1.1 ");
  out->append(number, std::to_chars(number, number + sizeof number, answer.status).ptr);
  out->push_back(' ');
  const auto reason = boost::beast::http::obsolete_reason(status);
  out->append(reason.data(), reason.size());
  out->append("\r\n");
  out->append(kSecurityLines);
  if (!answer.content_type.empty()) out->append("Content-Type: ").append(answer.content_type).append("\r\n");
  for (const auto& [name, value] : answer.headers) out->append(name).append(": ").append(value).append("\r\n");
  out->append(keep_alive ? kKeepAliveLine : std::string_view("Connection: close\r\n"));
  if (answer.status != 304) {
    out->append("Content-Length: ");
    out->append(number, std::to_chars(number, number + sizeof number, answer.size()).ptr);
    out->append("\r\n");
  }
  out->append("\r\n");
}

HttpAnswer Router::Handle(HttpRequest r) const {
  const size_t q = r.target.find('?');
  const std::string_view raw_path = r.target.substr(0, q);
  const std::string_view query = q == std::string_view::npos ? std::string_view() : r.target.substr(q + 1);
  std::string path;
  if (raw_path.empty() || raw_path[0] != '/' || !UrlDecode(raw_path, false, &path)) {
    HttpAnswer a = ErrorAnswer(400, "adresse invalide");
    a.path = std::string(raw_path.substr(0, 100));
    return a;
  }
  HttpAnswer a = Api::IsApiPath(path) ? Api(r, path, query) : File(r, path);
  a.path = std::move(path);
  return a;
}

HttpAnswer Router::Api(const HttpRequest& r, std::string path, std::string_view query) const {
  ApiRequest ar;
  ar.method = std::string(r.method);
  ar.path = std::move(path);
  ParseQuery(query, &ar.query);
  ar.body = std::move(const_cast<HttpRequest&>(r).body);
  ApiResponse out = api_.Handle(ar);
  HttpAnswer a;
  a.status = out.status;
  a.content_type = out.content_type;
  a.headers.emplace_back("Cache-Control", "no-store");
  if (!out.allow.empty()) a.headers.emplace_back("Allow", out.allow);
  if (out.body.size() >= kMinCompressBytes && r.method != "HEAD" && AcceptsGzip(r.accept_encoding)) {
    a.headers.emplace_back("Vary", "Accept-Encoding");
    a.body = TakeBuffer();
    if (Gzip(out.body, 1, &a.body)) {
      a.headers.emplace_back("Content-Encoding", "gzip");
      GiveBack(std::move(out.body));
      return a;
    }
    GiveBack(std::move(a.body));
  }
  a.body = std::move(out.body);
  return a;
}

HttpAnswer Router::File(const HttpRequest& r, std::string path) const {
  if (r.method != "GET" && r.method != "HEAD") {
    HttpAnswer a = ErrorAnswer(405, "méthode " + std::string(r.method.substr(0, 16)) +
                                        " non autorisée sur cette adresse (méthode attendue : GET)");
    a.headers.emplace_back("Allow", "GET, HEAD");
    return a;
  }
  bool immutable = false;
  std::shared_ptr<const StaticFile> file = files_.Get(path, &immutable);
  if (!file) return ErrorAnswer(404, "fichier introuvable : " + path.substr(0, 100));
  HttpAnswer a;
  a.content_type = file->mime;
  a.headers.emplace_back("ETag", file->etag);
  a.headers.emplace_back("Cache-Control", immutable ? "public, max-age=86400" : "no-cache");
  a.headers.emplace_back("Vary", "Accept-Encoding");
  if (r.if_none_match == file->etag) {
    a.status = 304;
    a.content_type.clear();
    return a;
  }
  a.file_gzip = !file->gzip.empty() && r.method != "HEAD" && AcceptsGzip(r.accept_encoding);
  if (a.file_gzip) a.headers.emplace_back("Content-Encoding", "gzip");
  a.file = std::move(file);
  return a;
}

}  // namespace capsante::server

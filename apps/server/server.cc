#include "server.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <malloc.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <climits>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <list>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>

#include <httplib.h>

#include "api.h"

namespace capsante::server {

namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kMaxBodyBytes = 64 * 1024;  // 413 above
constexpr size_t kMinCompressBytes = 1024;
constexpr size_t kMaxCachedStaticFile = 4u << 20;

// ---------------------------------------------------------------------------
// Per-request context. cpp-httplib runs a request start to finish on one
// worker thread, so a thread_local carries what the pre-routing handler saw
// (start time, whether the client takes gzip) to the handler and the logger.
struct RequestContext {
  Clock::time_point start{};
  bool started = false;
  bool gzip = false;
};
thread_local RequestContext t_request;

// ---------------------------------------------------------------------------
// gzip (zlib), for the JSON answers and the page's text files.
bool Gzip(std::string_view in, int level, std::string* out) {
  z_stream zs{};
  if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return false;
  out->resize(deflateBound(&zs, static_cast<uLong>(in.size())) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out->data());
  zs.avail_out = static_cast<uInt>(out->size());
  const int rc = deflate(&zs, Z_FINISH);
  out->resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END;
}

bool AcceptsGzip(const std::string& accept_encoding) {
  // "gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8"; refuses "gzip;q=0".
  size_t pos = 0;
  while ((pos = accept_encoding.find("gzip", pos)) != std::string::npos) {
    const size_t end = accept_encoding.find(',', pos);
    const std::string item = accept_encoding.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    const size_t q = item.find("q=");
    if (q == std::string::npos || std::strtod(item.c_str() + q + 2, nullptr) > 0) return true;
    pos += 4;
  }
  return false;
}

// ---------------------------------------------------------------------------
// The access log: lines are formatted by the workers and appended to a buffer
// under a short lock; a background thread writes the buffer out, so that
// writing to the terminal or a file never slows the answers down.
class AccessLog {
 public:
  explicit AccessLog(std::FILE* out) : out_(out), writer_([this] { Loop(); }) {}
  ~AccessLog() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_one();
    writer_.join();
  }

  void Log(const std::string& method, const std::string& path, int status, double latency_ms) {
    char line[512];
    char when[32];
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    // The path only: the query string may hold what the user typed.
    std::string safe_path = path.substr(0, 160);
    for (char& c : safe_path) {
      if (static_cast<unsigned char>(c) < 0x21 || c == 0x7f || c == '"') c = '?';
    }
    std::string safe_method = method.substr(0, 10);
    int n;
    if (latency_ms >= 0) {
      n = std::snprintf(line, sizeof line, "%s %s %s %d %.3fms\n", when, safe_method.c_str(), safe_path.c_str(), status,
                        latency_ms);
    } else {
      n = std::snprintf(line, sizeof line, "%s %s %s %d -\n", when, safe_method.c_str(), safe_path.c_str(), status);
    }
    if (n <= 0) return;
    bool wake = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      buffer_.append(line, std::min(static_cast<size_t>(n), sizeof line - 1));
      wake = buffer_.size() > (64u << 10);
    }
    if (wake) cv_.notify_one();
  }

  void Message(const std::string& text) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      buffer_ += text;
      buffer_ += '\n';
    }
    cv_.notify_one();
  }

 private:
  void Loop() {
    std::string local;
    for (;;) {
      bool stop;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stop_ || buffer_.size() > (64u << 10); });
        local.swap(buffer_);
        stop = stop_;
      }
      if (!local.empty()) {
        std::fwrite(local.data(), 1, local.size(), out_);
        std::fflush(out_);
        local.clear();
      }
      if (stop) {
        std::lock_guard<std::mutex> lock(mu_);
        if (buffer_.empty()) return;
      }
    }
  }

  std::FILE* out_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::string buffer_;
  bool stop_ = false;
  std::thread writer_;
};

// ---------------------------------------------------------------------------
// A bounded LRU cache of computed answers (simulate, comparer, classement are
// pure functions of the request body and of today's date). Keys are 128-bit
// hashes of the request: the cache never holds a situation, only answers, in
// memory, and forgets them when full or when the server stops.
struct CachedAnswer {
  std::string body;
  mutable std::once_flag gzip_once;
  mutable std::string gzip;
  const std::string& Gzipped() const {
    std::call_once(gzip_once, [this] {
      if (!Gzip(body, 1, &gzip)) gzip.clear();  // fast: the first client waits for it
    });
    return gzip;
  }
};

struct Key128 {
  uint64_t a = 0, b = 0;
  bool operator==(const Key128& o) const { return a == o.a && b == o.b; }
};
struct Key128Hash {
  size_t operator()(const Key128& k) const { return static_cast<size_t>(k.a ^ (k.b * 0x9e3779b97f4a7c15ULL)); }
};

Key128 HashRequest(const std::string& method, const std::string& path, const std::string& query, const std::string& body,
                   int today) {
  // FNV-1a 64 and a second, differently seeded multiplicative hash.
  uint64_t a = 1469598103934665603ULL, b = 0x84222325cbf29ce4ULL ^ static_cast<uint64_t>(today);
  auto feed = [&](std::string_view s) {
    for (unsigned char c : s) {
      a = (a ^ c) * 1099511628211ULL;
      b = (b + c) * 0xff51afd7ed558ccdULL;
      b ^= b >> 29;
    }
    a = (a ^ 0xff) * 1099511628211ULL;
    b = (b + 0x1f) * 0xc4ceb9fe1a85ec53ULL;
  };
  feed(method);
  feed(path);
  feed(query);
  feed(std::to_string(today));
  feed(body);
  return {a, b};
}

class AnswerCache {
 public:
  explicit AnswerCache(size_t max_bytes) : max_bytes_(max_bytes) {}
  bool enabled() const { return max_bytes_ > 0; }

  std::shared_ptr<const CachedAnswer> Find(const Key128& key) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = map_.find(key);
    if (it == map_.end()) return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->second;
  }

  std::shared_ptr<const CachedAnswer> Insert(const Key128& key, std::string body) {
    auto entry = std::make_shared<CachedAnswer>();
    entry->body = std::move(body);
    const size_t cost = entry->body.size() * 5 / 4 + 256;  // the gzip copy, when made, is far smaller
    if (cost > max_bytes_ / 4) return entry;  // too big to be worth keeping
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = map_.find(key); it != map_.end()) return it->second->second;
    lru_.emplace_front(key, entry);
    map_[key] = lru_.begin();
    bytes_ += cost;
    while (bytes_ > max_bytes_ && !lru_.empty()) {
      auto& last = lru_.back();
      bytes_ -= last.second->body.size() * 5 / 4 + 256;
      map_.erase(last.first);
      lru_.pop_back();
    }
    return entry;
  }

 private:
  using Entry = std::pair<Key128, std::shared_ptr<const CachedAnswer>>;
  size_t max_bytes_;
  std::mutex mu_;
  std::list<Entry> lru_;
  std::unordered_map<Key128, std::list<Entry>::iterator, Key128Hash> map_;
  size_t bytes_ = 0;
};

// ---------------------------------------------------------------------------
// Static files.
struct StaticFile {
  std::string body;
  std::string gzip;  // empty when not worth it
  std::string mime;
  std::string etag;
};

const char* MimeType(std::string_view path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos) return nullptr;
  const std::string_view ext = path.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json; charset=utf-8";
  if (ext == "webmanifest") return "application/manifest+json; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "txt") return "text/plain; charset=utf-8";
  return nullptr;  // anything else is not part of the page
}

bool Compressible(std::string_view mime) {
  return mime.rfind("text/", 0) == 0 || mime.rfind("application/json", 0) == 0 ||
         mime.rfind("application/manifest", 0) == 0 || mime == "image/svg+xml";
}

std::string RealPath(const std::string& p) {
  char buf[PATH_MAX];
  if (!::realpath(p.c_str(), buf)) return {};
  return buf;
}

// A safe relative path: no empty, "." or ".." segment, no backslash, no NUL,
// no control character. `rel` has no leading slash.
bool SafeRelativePath(std::string_view rel) {
  if (rel.empty() || rel.size() > 512) return false;
  size_t start = 0;
  while (start <= rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string_view::npos) end = rel.size();
    const std::string_view seg = rel.substr(start, end - start);
    if (seg.empty() || seg == "." || seg == ".." || seg[0] == '.') return false;
    for (char c : seg) {
      if (c == '\\' || c == ':' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    }
    start = end + 1;
  }
  return true;
}

class StaticFiles {
 public:
  StaticFiles(std::string public_dir, std::string dsfr_dir)
      : public_root_(RealPath(public_dir)), dsfr_root_(RealPath(dsfr_dir)) {}

  bool has_public() const { return !public_root_.empty(); }
  bool has_dsfr() const { return !dsfr_root_.empty(); }

  // nullptr: not found (or refused).
  std::shared_ptr<const StaticFile> Get(const std::string& url_path, bool* immutable) {
    std::string root;
    std::string rel;
    *immutable = false;
    if (url_path == "/") {
      root = public_root_;
      rel = "index.html";
    } else if (url_path.rfind("/dsfr/", 0) == 0) {
      root = dsfr_root_;
      rel = url_path.substr(6);
      *immutable = true;  // pinned package version
    } else {
      root = public_root_;
      rel = url_path.substr(1);
    }
    if (root.empty() || !SafeRelativePath(rel) || !MimeType(rel)) return nullptr;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (auto it = cache_.find(url_path); it != cache_.end()) return it->second;
    }
    const std::string real = RealPath(root + "/" + rel);
    // Symlinks included: the resolved file must be inside the root.
    if (real.empty() || real.compare(0, root.size() + 1, root + "/") != 0) return nullptr;
    struct stat st{};
    if (::stat(real.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
    auto file = std::make_shared<StaticFile>();
    std::ifstream in(real, std::ios::binary);
    if (!in) return nullptr;
    std::ostringstream ss;
    ss << in.rdbuf();
    file->body = ss.str();
    file->mime = MimeType(rel);
    file->etag = "\"" + std::to_string(static_cast<long long>(st.st_mtime)) + "-" + std::to_string(file->body.size()) + "\"";
    if (Compressible(file->mime) && file->body.size() >= kMinCompressBytes) {
      std::string gz;
      if (Gzip(file->body, 6, &gz) && gz.size() < file->body.size()) file->gzip = std::move(gz);
    }
    if (file->body.size() <= kMaxCachedStaticFile) {
      std::lock_guard<std::mutex> lock(mu_);
      if (cached_bytes_ + file->body.size() + file->gzip.size() <= (48u << 20)) {
        cached_bytes_ += file->body.size() + file->gzip.size();
        cache_[url_path] = file;
      }
    }
    return file;
  }

 private:
  std::string public_root_;
  std::string dsfr_root_;
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const StaticFile>> cache_;
  size_t cached_bytes_ = 0;
};

const char* ReasonFrench(int status) {
  switch (status) {
    case 400: return "requête invalide";
    case 404: return "adresse inconnue";
    case 405: return "méthode non autorisée";
    case 408: return "délai de la requête dépassé";
    case 413: return "corps de la requête trop volumineux (64 Kio au plus)";
    case 414: return "adresse trop longue";
    case 415: return "type de contenu non pris en charge";
    case 416: return "plage demandée invalide";
    case 431: return "en-têtes trop volumineux";
    case 500: return "erreur interne du serveur";
    case 503: return "service momentanément indisponible";
    default: return "erreur";
  }
}

constexpr const char* kJsonType = "application/json; charset=utf-8";

}  // namespace

// ---------------------------------------------------------------------------
struct Server::Impl {
  ServerOptions options;
  std::unique_ptr<Api> api;
  std::unique_ptr<AccessLog> log;
  std::unique_ptr<AnswerCache> cache;
  std::unique_ptr<StaticFiles> files;
  httplib::Server http;
  int port = 0;
  int threads = 0;
  std::string warning;

  void SendJson(const httplib::Request& req, httplib::Response& res, int status, const std::string& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    if (t_request.gzip && body.size() >= kMinCompressBytes && req.method != "HEAD") {
      std::string gz;
      if (Gzip(body, 1, &gz)) {
        res.set_header("Content-Encoding", "gzip");
        res.set_header("Vary", "Accept-Encoding");
        res.set_content(std::move(gz), kJsonType);
        return;
      }
    }
    res.set_content(body, kJsonType);
  }

  void SendCached(const httplib::Request& req, httplib::Response& res, const CachedAnswer& answer) {
    res.status = 200;
    res.set_header("Cache-Control", "no-store");
    res.set_header("Vary", "Accept-Encoding");
    if (t_request.gzip && answer.body.size() >= kMinCompressBytes && req.method != "HEAD") {
      const std::string& gz = answer.Gzipped();
      if (!gz.empty()) {
        res.set_header("Content-Encoding", "gzip");
        res.set_content(gz, kJsonType);
        return;
      }
    }
    res.set_content(answer.body, kJsonType);
  }

  void HandleApi(const httplib::Request& req, httplib::Response& res) {
    ApiRequest ar;
    ar.method = req.method;
    ar.path = req.path;
    for (const auto& [k, v] : req.params) ar.query.emplace(k, v);
    ar.body = req.body;
    const bool may_cache = cache->enabled() && req.method == "POST";
    Key128 key;
    if (may_cache) {
      std::string query;
      for (const auto& [k, v] : ar.query) query += k + "=" + v + "&";
      key = HashRequest(ar.method, ar.path, query, ar.body, Date::Today().days());
      if (auto hit = cache->Find(key)) {
        SendCached(req, res, *hit);
        return;
      }
    }
    ApiResponse out = api->Handle(ar);
    if (!out.allow.empty()) res.set_header("Allow", out.allow);
    if (may_cache && out.cacheable && out.status == 200) {
      auto entry = cache->Insert(key, std::move(out.body));
      SendCached(req, res, *entry);
      return;
    }
    SendJson(req, res, out.status, out.body);
  }

  void HandleStatic(const httplib::Request& req, httplib::Response& res) {
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      SendJson(req, res, 405, ErrorJson("méthode " + req.method.substr(0, 16) + " non autorisée sur cette adresse (méthode attendue : GET)"));
      return;
    }
    bool immutable = false;
    std::shared_ptr<const StaticFile> file = files->Get(req.path, &immutable);
    if (!file) {
      SendJson(req, res, 404, ErrorJson("fichier introuvable : " + req.path.substr(0, 100)));
      return;
    }
    res.set_header("ETag", file->etag);
    res.set_header("Cache-Control", immutable ? "public, max-age=86400" : "no-cache");
    res.set_header("Vary", "Accept-Encoding");
    if (req.get_header_value("If-None-Match") == file->etag) {
      res.status = 304;
      return;
    }
    res.status = 200;
    if (t_request.gzip && !file->gzip.empty() && req.method != "HEAD") {
      res.set_header("Content-Encoding", "gzip");
      res.set_content(file->gzip, file->mime.c_str());
    } else {
      res.set_content(file->body, file->mime.c_str());
    }
  }

  void Dispatch(const httplib::Request& req, httplib::Response& res) {
    if (Api::IsApiPath(req.path)) {
      HandleApi(req, res);
    } else {
      HandleStatic(req, res);
    }
  }
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() {
  if (impl_) {
    impl_->http.stop();
    impl_->log.reset();  // flushes
  }
}

int Server::port() const { return impl_->port; }
const std::string& Server::host() const { return impl_->options.host; }
int Server::threads() const { return impl_->threads; }
const std::string& Server::web_warning() const { return impl_->warning; }

Status Server::Create(const ServerOptions& options, std::unique_ptr<Server>* out) {
  // Many workers, few cores: without a bound, glibc gives busy threads their
  // own arenas and the freed 100-200 KB answers stay resident.
  mallopt(M_ARENA_MAX, 2);
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (options.port < 0 || options.port > 65535) return Status::InvalidInput("--port va de 0 à 65535", "--port");
  if (options.threads < 0 || options.threads > 1024) return Status::InvalidInput("--threads va de 1 à 1024", "--threads");
  CAPSANTE_RETURN_IF_ERROR(Api::Create(options.home, &impl->api));

  const std::string web = options.web_dir.empty() ? options.home + "/web" : options.web_dir;
  impl->files = std::make_unique<StaticFiles>(web + "/public", web + "/node_modules/@gouvfr/dsfr/dist");
  if (!impl->files->has_public()) {
    impl->warning = "page web absente (" + web + "/public introuvable) : seule l'API répond";
  } else if (!impl->files->has_dsfr()) {
    impl->warning = "DSFR absent (" + web + "/node_modules/@gouvfr/dsfr) : lancez « npm ci --prefix web » pour la mise en forme de la page";
  }
  impl->cache = std::make_unique<AnswerCache>(options.cache_bytes);
  impl->log = std::make_unique<AccessLog>(options.log ? options.log : stderr);

  // One connection occupies one worker while it is kept alive: many more
  // workers than cores, so that 64 clients are served at once.
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  impl->threads = options.threads > 0 ? options.threads : static_cast<int>(std::max(128u, 32 * hw));
  const size_t n = static_cast<size_t>(impl->threads);
  httplib::Server& http = impl->http;
  http.new_task_queue = [n] { return new httplib::ThreadPool(n); };
  http.set_payload_max_length(kMaxBodyBytes);
  http.set_read_timeout(5, 0);
  http.set_write_timeout(5, 0);
  http.set_keep_alive_timeout(5);
  http.set_keep_alive_max_count(10000);
  http.set_tcp_nodelay(true);
  http.set_default_headers({
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"},
  });

  Impl* self = impl.get();
  http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response&) {
    t_request.start = Clock::now();
    t_request.started = true;
    t_request.gzip = AcceptsGzip(req.get_header_value("Accept-Encoding"));
    // Compression is done here, once per answer (and cached), never by the
    // library per request (its brotli at the highest quality is far too slow
    // for the 700 KB DSFR style sheet): hide the header from it.
    auto& headers = const_cast<httplib::Request&>(req).headers;
    headers.erase("Accept-Encoding");
    return httplib::Server::HandlerResponse::Unhandled;
  });
  auto dispatch = [self](const httplib::Request& req, httplib::Response& res) { self->Dispatch(req, res); };
  http.Get(".*", dispatch);
  http.Post(".*", dispatch);
  http.Put(".*", dispatch);
  http.Patch(".*", dispatch);
  http.Delete(".*", dispatch);
  http.Options(".*", dispatch);
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("Cache-Control", "no-store");
    res.set_content(ErrorJson(ReasonFrench(res.status)), kJsonType);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(ErrorJson("erreur interne du serveur"), kJsonType);
  });
  if (options.access_log) {
    http.set_logger([self](const httplib::Request& req, const httplib::Response& res) {
      double ms = -1;
      if (t_request.started) {
        ms = std::chrono::duration<double, std::milli>(Clock::now() - t_request.start).count();
      }
      t_request.started = false;
      self->log->Log(req.method, req.path, res.status, ms);
    });
  } else {
    http.set_logger([](const httplib::Request&, const httplib::Response&) { t_request.started = false; });
  }

  // The library listens with a backlog of 5 (compiled in): when 64 clients
  // connect at once, the handshakes beyond it are dropped and retried a
  // second later. Remember the socket and listen again with a deep backlog.
  auto listen_fd = std::make_shared<std::atomic<int>>(-1);
  http.set_socket_options([listen_fd](socket_t sock) {
    httplib::default_socket_options(sock);
    listen_fd->store(sock);
  });
  if (options.port == 0) {
    impl->port = http.bind_to_any_port(options.host);
    if (impl->port <= 0) return Status::IoError("impossible d'écouter sur " + options.host, options.host);
  } else {
    if (!http.bind_to_port(options.host, options.port)) {
      return Status::IoError("impossible d'écouter sur " + options.host + ":" + std::to_string(options.port) +
                                 " (port déjà pris ou adresse invalide)",
                             options.host);
    }
    impl->port = options.port;
  }
  if (listen_fd->load() >= 0) ::listen(listen_fd->load(), SOMAXCONN);
  *out = std::unique_ptr<Server>(new Server(std::move(impl)));
  return Status::Ok();
}

Status Server::Run() {
  impl_->http.listen_after_bind();
  // The workers are done: flush the access log before returning.
  impl_->log = std::make_unique<AccessLog>(impl_->options.log ? impl_->options.log : stderr);
  return Status::Ok();
}

void Server::Stop() { impl_->http.stop(); }

}  // namespace capsante::server

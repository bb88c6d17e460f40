// The network side of `capsante serve`: Boost.Beast over Asio. Every
// connection is a Session driven by asynchronous reads and writes; what to
// answer is decided by the Router (router.h).
//
// Threads: one event loop (io_context) per network thread, each run by that
// thread alone. A connection is accepted on the first loop and handed to the
// next loop in turn, then read, parsed, answered and written on that one
// thread: no lock, no strand and no wake-up of another thread per request
// (with one shared loop, 0.8 futex call per request and a handler hopping
// between threads, strace).
#include "server.h"

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "access_log.h"
#include "api.h"
#include "buffers.h"
#include "router.h"
#include "static_files.h"

namespace capsante::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

class Session;

struct Server::Impl {
  ServerOptions options;
  std::unique_ptr<Api> api;
  std::unique_ptr<StaticFiles> files;
  std::unique_ptr<Router> router;
  std::unique_ptr<AccessLog> log;
  // One loop per network thread; loops[0] also accepts.
  std::vector<std::unique_ptr<net::io_context>> loops;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> keep_running;  // until Stop
  size_t next_loop = 0;  // the loop of the next connection (touched by loops[0] only)
  std::optional<tcp::acceptor> acceptor;
  std::optional<net::steady_timer> accept_retry;
  std::vector<std::unique_ptr<net::steady_timer>> ticks;  // one per loop, see Tick
  std::unique_ptr<net::thread_pool> heavy;  // rankings and batches, off the network threads
  int port = 0;
  int threads = 0;
  std::string warning;
  std::atomic<bool> stopping{false};

  std::mutex sessions_mu;
  std::unordered_map<const Session*, std::weak_ptr<Session>> sessions;

  std::mutex run_mu;
  std::condition_variable run_cv;
  bool run_done = false;
  std::thread watchdog;

  void Accept();
  void OnAccept(beast::error_code ec, tcp::socket socket);
  // Asio reprograms its loop's timerfd (a system call) whenever a deadline
  // becomes the loop's earliest. With few connections, each read and write
  // deadline (2 to 10 s away) is, so two calls per request (strace, one
  // connection). A tick every second on each loop stays earlier than them all.
  void Tick(net::steady_timer* tick) {
    tick->expires_after(std::chrono::seconds(1));
    tick->async_wait([this, tick](beast::error_code ec) {
      if (!ec && !stopping) Tick(tick);
    });
  }
  void BeginStop();
  void StopLoops() {
    for (auto& loop : loops) loop->stop();
  }
};

namespace {

bool IsHttpParseError(const beast::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_method).category() && ec != http::error::end_of_stream &&
         ec != http::error::partial_message;
}

}  // namespace

// One connection: head (5 s) → body (10 s) → answer → head again while the
// client keeps the connection alive.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Server::Impl* server) : stream_(std::move(socket)), server_(server) {}

  ~Session() {
    std::lock_guard<std::mutex> lock(server_->sessions_mu);
    server_->sessions.erase(this);
  }

  void Start() {
    {
      std::lock_guard<std::mutex> lock(server_->sessions_mu);
      server_->sessions.emplace(this, weak_from_this());
    }
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::ReadHead, shared_from_this()));
  }

  // On shutdown: a connection waiting for a request is closed now; one
  // whose request is being read or answered is closed after the answer.
  void StopIfIdle() {
    if (state_ == State::kWaitingHead) Close();
  }

  beast::tcp_stream::executor_type executor() { return stream_.get_executor(); }

 private:
  enum class State { kWaitingHead, kReadingBody, kBusy, kClosing };

  void ReadHead() {
    state_ = State::kWaitingHead;
    if (server_->stopping) return Close();
    parser_.emplace();
    parser_->header_limit(kMaxHeaderBytes);
    // No limit while reading the head: a declared length over the limit is
    // answered in OnHead, with the limit of the path asked.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(std::chrono::seconds(kHeaderSeconds));
    http::async_read_header(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::OnHead, shared_from_this()));
  }

  void OnHead(beast::error_code ec, std::size_t) {
    if (ec) return OnReadError(ec);
    state_ = State::kReadingBody;
    start_ = Clock::now();
    const auto& req = parser_->get();
    const beast::string_view target = req.target();
    lot_ = target.substr(0, target.find('?')) == "/api/v1/lot";
    const std::size_t limit = lot_ ? kMaxLotBodyBytes : kMaxBodyBytes;
    if (parser_->content_length() && *parser_->content_length() > limit) return SendTooLarge();
    parser_->body_limit(limit);
    if (parser_->is_done()) return Process();
    if (beast::iequals(req[http::field::expect], "100-continue")) {
      auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      stream_.expires_after(std::chrono::seconds(kBodySeconds));
      return http::async_write(stream_, *cont, [self = shared_from_this(), cont](beast::error_code e, std::size_t) {
        if (e) return self->Close();
        self->ReadBody();
      });
    }
    ReadBody();
  }

  void ReadBody() {
    stream_.expires_after(std::chrono::seconds(kBodySeconds));
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  void OnBody(beast::error_code ec, std::size_t) {
    if (ec) return OnReadError(ec);
    Process();
  }

  void OnReadError(const beast::error_code& ec) {
    if (ec == http::error::header_limit) return SendError(431, "en-têtes trop volumineux (8 Kio au plus)");
    if (ec == http::error::body_limit) return SendTooLarge();  // a chunked body past the limit
    if (IsHttpParseError(ec)) return SendError(400, "requête HTTP invalide");
    // End of stream, time-out (idle or slow client), reset, shutdown.
    Close();
  }

  void Process() {
    state_ = State::kBusy;
    request_ = parser_->release();
    method_ = std::string(request_.method_string());
    keep_alive_ = request_.keep_alive();
    HttpRequest r;
    r.method = method_;
    r.target = std::string_view(request_.target().data(), request_.target().size());
    const auto accept = request_[http::field::accept_encoding];
    r.accept_encoding = std::string_view(accept.data(), accept.size());
    const auto etag = request_[http::field::if_none_match];
    r.if_none_match = std::string_view(etag.data(), etag.size());
    r.body = std::move(request_.body());
    if (!Router::IsHeavy(r.method, r.target)) return Send(server_->router->Handle(std::move(r)));
    // Long work runs on the heavy pool; the guard keeps the network threads
    // running until the answer is back.
    auto work = net::make_work_guard(stream_.get_executor());
    net::post(*server_->heavy, [self = shared_from_this(), r = std::move(r), work]() mutable {
      HttpAnswer answer = self->server_->router->Handle(std::move(r));
      net::post(self->stream_.get_executor(), [self, answer = std::move(answer), work]() mutable {
        self->Send(std::move(answer));
      });
    });
  }

  void SendTooLarge() {
    SendError(413, lot_ ? "corps de la requête trop volumineux (1 Mio au plus pour un lot)"
                        : "corps de la requête trop volumineux (64 Kio au plus)");
  }

  // An error found by the HTTP layer: answered, then the connection closes.
  void SendError(int status, std::string_view message) {
    state_ = State::kBusy;
    if (method_.empty() && parser_) method_ = std::string(parser_->get().method_string());
    keep_alive_ = false;
    HttpAnswer a = Router::ErrorAnswer(status, message);
    if (parser_) {
      const auto target = parser_->get().target();
      a.path = std::string(target.substr(0, target.find('?')));
    }
    linger_ = true;
    Send(std::move(a));
  }

  void Send(HttpAnswer answer) {
    answer_ = std::move(answer);
    keep_open_ = keep_alive_ && !server_->stopping;
    head_.clear();
    Router::AppendHead(answer_, keep_open_, &head_);
    // Head and body leave in one sendmsg (two buffers, no copy).
    const std::string_view payload = method_ == "HEAD" ? std::string_view() : answer_.payload();
    const std::array<net::const_buffer, 2> buffers{net::buffer(head_), net::buffer(payload.data(), payload.size())};
    stream_.expires_after(std::chrono::seconds(kBodySeconds));
    net::async_write(stream_, buffers, beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }

  void OnWrite(beast::error_code ec, std::size_t) {
    if (server_->log) {
      const double ms = start_ == Clock::time_point{} ? -1 : std::chrono::duration<double, std::milli>(Clock::now() - start_).count();
      server_->log->Log(method_.empty() ? "-" : method_, answer_.path.empty() ? "-" : answer_.path, answer_.status, ms);
    }
    GiveBack(std::move(answer_.body));
    answer_ = {};
    if (ec) return Close();
    if (!keep_open_) return linger_ ? Linger() : Close();
    method_.clear();
    start_ = {};
    ReadHead();
  }

  // After an error answer sent while the client may still be sending (a 413
  // before the body): read and drop what comes, for 2 s at most in all, and
  // close when the client does. Half-closing first would make some clients
  // (Node's fetch) fail on writing the rest of their body instead of reading
  // the answer.
  void Linger() {
    if (state_ != State::kClosing) {
      state_ = State::kClosing;
      stream_.expires_after(std::chrono::seconds(2));  // one deadline for the whole drain
      buffer_.consume(buffer_.size());
    }
    stream_.async_read_some(net::buffer(drain_), [self = shared_from_this()](beast::error_code e, std::size_t) {
      if (e) return self->Close();
      self->Linger();
    });
  }

  void Close() {
    state_ = State::kClosing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  Server::Impl* server_;
  beast::flat_buffer buffer_{kMaxHeaderBytes};
  std::optional<http::request_parser<http::string_body>> parser_;
  http::request<http::string_body> request_;
  std::string head_;  // the answer's status line and headers, reused
  HttpAnswer answer_;
  std::string method_;
  bool keep_alive_ = true;  // what the client asked
  bool keep_open_ = false;  // what the current answer says
  bool linger_ = false;
  bool lot_ = false;  // the request is a batch (its own body limit)
  State state_ = State::kWaitingHead;
  Clock::time_point start_{};
  char drain_[4096];
};

void Server::Impl::Accept() {
  // The new socket belongs to the next loop: its whole life runs there.
  net::io_context& loop = *loops[next_loop];
  next_loop = (next_loop + 1) % loops.size();
  acceptor->async_accept(net::any_io_executor(loop.get_executor()), beast::bind_front_handler(&Impl::OnAccept, this));
}

void Server::Impl::OnAccept(beast::error_code ec, tcp::socket socket) {
  if (stopping || !acceptor->is_open()) return;
  if (ec) {
    // Out of file descriptors, most often: try again shortly rather than spin.
    accept_retry->expires_after(std::chrono::milliseconds(50));
    accept_retry->async_wait([this](beast::error_code e) {
      if (!e) Accept();
    });
    return;
  }
  beast::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  std::make_shared<Session>(std::move(socket), this)->Start();
  Accept();
}

void Server::Impl::BeginStop() {
  stopping = true;
  beast::error_code ec;
  acceptor->close(ec);
  accept_retry->cancel();
  std::vector<std::weak_ptr<Session>> open;
  {
    std::lock_guard<std::mutex> lock(sessions_mu);
    for (const auto& [ptr, weak] : sessions) open.push_back(weak);
  }
  for (auto& weak : open) {
    if (auto s = weak.lock()) {
      // Each session is closed on its own strand.
      net::post(s->executor(), [weak] {
        if (auto live = weak.lock()) live->StopIfIdle();
      });
    }
  }
  // Each loop now ends once its last connection is done.
  for (size_t i = 0; i < loops.size(); ++i) {
    net::post(*loops[i], [tick = ticks[i].get()] { tick->cancel(); });
  }
  keep_running.clear();
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  if (impl_) {
    if (impl_->watchdog.joinable()) impl_->watchdog.join();
    impl_->log.reset();  // flushes
  }
}

int Server::port() const { return impl_->port; }
const std::string& Server::host() const { return impl_->options.host; }
int Server::threads() const { return impl_->threads; }
const std::string& Server::web_warning() const { return impl_->warning; }

Status Server::Create(const ServerOptions& options, std::unique_ptr<Server>* out) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (options.port < 0 || options.port > 65535) return Status::InvalidInput("--port va de 0 à 65535", "--port");
  if (options.threads < 0 || options.threads > 256) return Status::InvalidInput("--threads va de 1 à 256", "--threads");
  CAPSANTE_RETURN_IF_ERROR(Api::Create(options.home, &impl->api));

  const std::string web = options.web_dir.empty() ? options.home + "/web" : options.web_dir;
  impl->files = std::make_unique<StaticFiles>(web + "/public", web + "/node_modules/@gouvfr/dsfr/dist");
  if (!impl->files->has_public()) {
    impl->warning = "page web absente (" + web + "/public introuvable) : seule l'API répond";
  } else if (!impl->files->has_dsfr()) {
    impl->warning = "DSFR absent (" + web + "/node_modules/@gouvfr/dsfr) : lancez « npm ci --prefix web » pour la mise en forme de la page";
  }
  impl->router = std::make_unique<Router>(*impl->api, *impl->files);
  if (options.access_log) impl->log = std::make_unique<AccessLog>(options.log ? options.log : stderr);

  // Thousands of idle connections each hold a descriptor: take every one
  // the system allows this process.
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }

  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  impl->threads = options.threads > 0 ? options.threads : static_cast<int>(hw);
  impl->heavy = std::make_unique<net::thread_pool>(hw);
  for (int i = 0; i < impl->threads; ++i) {
    // Concurrency hint 1: the loop is run by one thread (others only post to it).
    impl->loops.push_back(std::make_unique<net::io_context>(1));
    impl->keep_running.push_back(net::make_work_guard(*impl->loops.back()));
    impl->ticks.push_back(std::make_unique<net::steady_timer>(*impl->loops.back()));
    impl->Tick(impl->ticks.back().get());
  }
  impl->acceptor.emplace(*impl->loops[0]);
  impl->accept_retry.emplace(*impl->loops[0]);
  tcp::acceptor& acceptor = *impl->acceptor;

  beast::error_code ec;
  const auto address = net::ip::make_address(options.host, ec);
  if (ec) return Status::IoError("adresse d'écoute invalide : " + options.host, options.host);
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(options.port));
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Status::IoError("impossible d'écouter sur " + options.host + ":" + std::to_string(options.port) +
                               " (port déjà pris ou adresse invalide)",
                           options.host);
  }
  impl->port = acceptor.local_endpoint().port();
  impl->Accept();
  *out = std::unique_ptr<Server>(new Server(std::move(impl)));
  return Status::Ok();
}

Status Server::Run() {
  Impl& impl = *impl_;
  std::vector<std::thread> workers;
  for (size_t i = 1; i < impl.loops.size(); ++i) workers.emplace_back([loop = impl.loops[i].get()] { loop->run(); });
  impl.loops[0]->run();
  for (auto& t : workers) t.join();
  impl.heavy->join();
  {
    std::lock_guard<std::mutex> lock(impl.run_mu);
    impl.run_done = true;
  }
  impl.run_cv.notify_all();
  // Every answer is written: flush the access log before returning.
  impl.log.reset();
  return Status::Ok();
}

void Server::Stop() {
  Impl* impl = impl_.get();
  net::post(*impl->loops[0], [impl] { impl->BeginStop(); });
  // Requests in progress get 10 s to finish, then the loop is stopped.
  if (!impl->watchdog.joinable()) {
    impl->watchdog = std::thread([impl] {
      std::unique_lock<std::mutex> lock(impl->run_mu);
      if (!impl->run_cv.wait_for(lock, std::chrono::seconds(10), [impl] { return impl->run_done; })) impl->StopLoops();
    });
  }
}

}  // namespace capsante::server

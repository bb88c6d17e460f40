// The access log: one line per request with time, method, path (never the
// query string), status and duration — never a body, never a header: a
// situation holds personal data (age, income). Lines are formatted by the
// network threads and appended to a buffer under a short lock; a background
// thread writes the buffer out, so a slow terminal never slows the answers.
#ifndef CAPSANTE_APPS_SERVER_ACCESS_LOG_H_
#define CAPSANTE_APPS_SERVER_ACCESS_LOG_H_

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace capsante::server {

class AccessLog {
 public:
  explicit AccessLog(std::FILE* out);
  ~AccessLog();  // writes out what is left
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // latency_ms < 0: unknown.
  void Log(std::string_view method, std::string_view path, int status, double latency_ms);

 private:
  void Loop();

  std::FILE* out_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::string buffer_;
  bool stop_ = false;
  std::thread writer_;
};

}  // namespace capsante::server

#endif  // CAPSANTE_APPS_SERVER_ACCESS_LOG_H_

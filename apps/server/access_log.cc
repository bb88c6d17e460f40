#include "access_log.h"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace capsante::server {

namespace {
constexpr size_t kFlushBytes = 64u << 10;
}

AccessLog::AccessLog(std::FILE* out) : out_(out), writer_([this] { Loop(); }) {}

AccessLog::~AccessLog() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_one();
  writer_.join();
}

void AccessLog::Log(std::string_view method, std::string_view path, int status, double latency_ms) {
  char when[32];
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  // The path only (the query string may hold what the user typed), without
  // control characters or quotes.
  std::string safe_path(path.substr(0, 160));
  for (char& c : safe_path) {
    if (static_cast<unsigned char>(c) < 0x21 || c == 0x7f || c == '"') c = '?';
  }
  std::string safe_method(method.substr(0, 10));
  for (char& c : safe_method) {
    if (static_cast<unsigned char>(c) < 0x21 || c == 0x7f) c = '?';
  }
  char line[512];
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
    wake = buffer_.size() > kFlushBytes;
  }
  if (wake) cv_.notify_one();
}

void AccessLog::Loop() {
  std::string local;
  for (;;) {
    bool stop;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stop_ || buffer_.size() > kFlushBytes; });
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

}  // namespace capsante::server

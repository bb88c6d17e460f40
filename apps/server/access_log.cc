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

namespace {

// "2026-11-29T21:05:03Z ", formatted once a second per thread.
std::string_view TimeStamp() {
  thread_local std::time_t last = -1;
  thread_local char text[32];
  thread_local size_t size = 0;
  const std::time_t now = std::time(nullptr);
  if (now != last) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    size = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ ", &tm);
    last = now;
  }
  return {text, size};
}

// Appends `in` cut to `max` bytes, every control character, space or quote
// (and DEL) replaced by '?', so that a line stays one line of four fields.
char* AppendSafe(char* p, std::string_view in, size_t max, bool quote_too) {
  for (char c : in.substr(0, max)) {
    const bool bad = static_cast<unsigned char>(c) < 0x21 || c == 0x7f || (quote_too && c == '"');
    *p++ = bad ? '?' : c;
  }
  return p;
}

}  // namespace

void AccessLog::Log(std::string_view method, std::string_view path, int status, double latency_ms) {
  // The path only (the query string may hold what the user typed), without
  // control characters or quotes. Formatted on the stack: no allocation.
  char line[512];
  const std::string_view when = TimeStamp();
  char* p = std::copy(when.begin(), when.end(), line);
  p = AppendSafe(p, method, 10, /*quote_too=*/false);
  *p++ = ' ';
  p = AppendSafe(p, path, 160, /*quote_too=*/true);
  const char* end = line + sizeof line;
  int n = latency_ms >= 0 ? std::snprintf(p, static_cast<size_t>(end - p), " %d %.3fms\n", status, latency_ms)
                          : std::snprintf(p, static_cast<size_t>(end - p), " %d -\n", status);
  if (n <= 0) return;
  p += std::min(static_cast<size_t>(n), static_cast<size_t>(end - p) - 1);
  bool wake = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    buffer_.append(line, static_cast<size_t>(p - line));
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

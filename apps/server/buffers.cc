#include "buffers.h"

#include <utility>
#include <vector>

namespace capsante::server {

namespace {

// Enough for every connection a thread answers at once in practice (an
// answer is held from its computation until its last byte is written).
constexpr size_t kKeptPerThread = 16;
// A lean answer is ~24 KB, a detailed one ~120 KB; batches (up to MBs) are
// not kept.
constexpr size_t kLargestKept = 256 * 1024;
constexpr size_t kFirstCapacity = 32 * 1024;

thread_local std::vector<std::string> free_buffers;

}  // namespace

std::string TakeBuffer() {
  if (free_buffers.empty()) {
    std::string fresh;
    fresh.reserve(kFirstCapacity);
    return fresh;
  }
  std::string b = std::move(free_buffers.back());
  free_buffers.pop_back();
  b.clear();
  return b;
}

void GiveBack(std::string&& buffer) {
  if (buffer.capacity() < kFirstCapacity || buffer.capacity() > kLargestKept) return;
  if (free_buffers.size() >= kKeptPerThread) return;
  free_buffers.push_back(std::move(buffer));
}

}  // namespace capsante::server

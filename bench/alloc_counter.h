// Counts heap allocations, so that a benchmark can report how many one
// iteration makes ("allocations" counter). Included by one benchmark program
// only: it replaces the global operator new and delete of the whole program.
// The count is a relaxed load and store, not a locked increment, so that
// counting does not slow the benchmarks it measures; they run on one thread.
#ifndef CAPSANTE_BENCH_ALLOC_COUNTER_H_
#define CAPSANTE_BENCH_ALLOC_COUNTER_H_

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

namespace capsante_bench {

inline std::atomic<std::size_t> allocations{0};

inline std::size_t Allocations() { return allocations.load(std::memory_order_relaxed); }

inline void* CountedAllocation(std::size_t size) {
  allocations.store(allocations.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}

}  // namespace capsante_bench

void* operator new(std::size_t size) { return capsante_bench::CountedAllocation(size); }
void* operator new[](std::size_t size) { return capsante_bench::CountedAllocation(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

#endif  // CAPSANTE_BENCH_ALLOC_COUNTER_H_

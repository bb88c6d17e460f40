// Reusable text buffers for the answers of the network threads. A lean answer
// takes tens of KB twice (its JSON, then its gzip); allocating and freeing
// blocks that size on every request cost more in malloc than the copy itself
// (perf: allocation was 17 % of the server's CPU). Each thread keeps a few
// emptied buffers and hands them out again; a connection holds one only while
// its answer is being built or written, so idle connections hold none.
#ifndef CAPSANTE_APPS_SERVER_BUFFERS_H_
#define CAPSANTE_APPS_SERVER_BUFFERS_H_

#include <string>

namespace capsante::server {

// An empty string, with the capacity of an earlier answer when one is free.
std::string TakeBuffer();
// Returns a buffer to this thread's free list (kept only if there is room and
// it is not huge, so a batch answer does not stay in memory).
void GiveBack(std::string&& buffer);

}  // namespace capsante::server

#endif  // CAPSANTE_APPS_SERVER_BUFFERS_H_

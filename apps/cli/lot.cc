#include "lot.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "capsante/batch.h"
#include "common.h"

namespace capsante::cli {

namespace {

// Lines read, answered in parallel, then written in order, per chunk: memory
// stays bounded whatever the size of the input.
constexpr size_t kChunkLines = 4096;

struct Chunk {
  std::vector<std::string> lines;
  std::vector<size_t> numbers;  // line numbers in the input (from 1)
  std::vector<std::string> outputs;
  std::vector<std::string> errors;
  std::vector<char> valid;
};

bool EndsWith(const std::string& s, const char* suffix) {
  const std::string_view t(suffix);
  return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

int RunLot(const LotOptions& o, const GlobalOptions& global, const Catalog& catalog) {
  std::unique_ptr<geo::CommuneIndex> communes;
  if (Status st = LoadCommunes(global, &communes); !st.ok()) return ReportError(st);
  const service::Env env{&catalog, communes.get()};

  std::ifstream file;
  std::istream* in = &std::cin;
  if (o.input != "-") {
    file.open(o.input, std::ios::binary);
    if (!file) return ReportError(Status::InvalidInput("fichier illisible : " + o.input, "--lot"));
    in = &file;
  }
  std::ios::sync_with_stdio(false);

  // CSV when the file says so or when its first line is not a JSON object.
  std::string line;
  size_t number = 0;
  std::optional<service::CsvHeader> csv;
  std::string first;
  bool have_first = false;
  while (std::getline(*in, line)) {
    ++number;
    if (IsBlank(line)) continue;
    const size_t start = line.find_first_not_of(" \t\xEF\xBB\xBF");
    if (EndsWith(o.input, ".csv") || (start != std::string::npos && line[start] != '{')) {
      csv.emplace();
      if (Status st = service::CsvHeader::Read(catalog.schema(), line, &*csv); !st.ok()) {
        return ReportError(Status::InvalidInput("ligne " + std::to_string(number) + " : " + st.message(), st.field()));
      }
    } else {
      first = line;
      have_first = true;
    }
    break;
  }

  const service::LotFormat format = o.csv_output ? service::LotFormat::kCsv : service::LotFormat::kJsonLines;
  if (o.csv_output) std::fwrite(service::kLotCsvHeader.data(), 1, service::kLotCsvHeader.size(), stdout);
  const unsigned workers = std::max(1u, std::thread::hardware_concurrency());
  const bool progress = ::isatty(STDERR_FILENO);
  size_t answered = 0;
  bool any_invalid = false;
  Chunk chunk;
  bool eof = false;
  while (!eof) {
    chunk.lines.clear();
    chunk.numbers.clear();
    if (have_first) {
      chunk.lines.push_back(std::move(first));
      chunk.numbers.push_back(number);
      have_first = false;
    }
    while (chunk.lines.size() < kChunkLines) {
      if (!std::getline(*in, line)) {
        eof = true;
        break;
      }
      ++number;
      if (IsBlank(line)) continue;
      chunk.lines.push_back(std::move(line));
      chunk.numbers.push_back(number);
    }
    const size_t n = chunk.lines.size();
    chunk.outputs.assign(n, {});
    chunk.errors.assign(n, {});
    chunk.valid.assign(n, 0);
    std::atomic<size_t> next{0};
    auto work = [&] {
      std::string json;
      for (;;) {
        const size_t begin = next.fetch_add(16);
        if (begin >= n) return;
        for (size_t i = begin; i < std::min(n, begin + 16); ++i) {
          std::string_view text = chunk.lines[i];
          if (csv) {
            if (Status st = csv->RowToJson(text, &json); !st.ok()) {
              service::AnswerLotError(chunk.numbers[i], st, format, &chunk.outputs[i], &chunk.errors[i]);
              continue;
            }
            text = json;
          }
          chunk.valid[i] = service::AnswerLotLine(env, chunk.numbers[i], text, format, o.answer, &chunk.outputs[i],
                                                  &chunk.errors[i]);
        }
      }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < workers && n > 16; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    for (size_t i = 0; i < n; ++i) {
      std::fwrite(chunk.outputs[i].data(), 1, chunk.outputs[i].size(), stdout);
      if (!chunk.valid[i]) {
        any_invalid = true;
        if (!chunk.errors[i].empty()) std::fprintf(stderr, "erreur : %s\n", chunk.errors[i].c_str());
      }
    }
    answered += n;
    if (progress) std::fprintf(stderr, "\rlot : %zu situations traitées", answered);
  }
  std::fflush(stdout);
  if (progress) std::fprintf(stderr, "\n");
  if (in->bad()) return ReportError(Status::IoError("lecture impossible : " + o.input, "--lot"));
  return any_invalid ? kExitInvalidInput : kExitOk;
}

}  // namespace capsante::cli

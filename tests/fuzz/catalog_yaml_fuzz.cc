// libFuzzer target: the catalog's YAML reading. The first byte chooses which
// file of a scratch home the rest replaces (an aid, definitions.yaml,
// contacts.yaml, situation.yaml or sources.yaml; the other files are the real ones), then
// Catalog::Load runs. It either loads or refuses with a catalog error naming
// its file; a crash, an empty message or another kind of error is a finding.
// Uses the public Catalog::Load only, so the loader may be split freely.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>

#include "capsante/catalog.h"

namespace {

namespace fs = std::filesystem;

// A scratch home: links to the real sources and catalog files, and an aides/
// folder with one aid. Built once per process.
const fs::path& ScratchHome() {
  static const fs::path home = [] {
    const fs::path real = CAPSANTE_DEFAULT_HOME;
    fs::path dir = fs::temp_directory_path() / ("capsante-yaml-fuzz-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "catalog" / "aides");
    fs::create_directory_symlink(real / "sources", dir / "sources");
    std::atexit([] { fs::remove_all(fs::temp_directory_path() / ("capsante-yaml-fuzz-" + std::to_string(getpid()))); });
    return dir;
  }();
  return home;
}

void Write(const fs::path& p, const char* data, size_t size) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(data, static_cast<std::streamsize>(size));
}

// The real file's text, read once. Writing it back from memory (ofstream
// retries a write that a signal interrupts) rather than with
// fs::copy_file, which throws on EINTR: libFuzzer's timeout timer sends
// signals, and a throw there is a harness crash, not a finding.
const std::string& RealText(const std::string& name) {
  static std::map<std::string, std::string> texts;
  auto it = texts.find(name);
  if (it == texts.end()) {
    std::ifstream in(fs::path(CAPSANTE_DEFAULT_HOME) / "catalog" / name, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    it = texts.emplace(name, std::move(text)).first;
  }
  return it->second;
}

void CopyReal(const char* name) {
  const std::string& text = RealText(name);
  Write(ScratchHome() / "catalog" / name, text.data(), text.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const fs::path& home = ScratchHome();
  CopyReal("situation.yaml");
  CopyReal("definitions.yaml");
  CopyReal("contacts.yaml");
  CopyReal("sources.yaml");
  CopyReal("aides/aide_esp.yaml");
  static const char* const kTargets[] = {"aides/aide_esp.yaml", "definitions.yaml", "contacts.yaml", "situation.yaml",
                                         "sources.yaml"};
  const char* target = kTargets[data[0] % 5];
  Write(home / "catalog" / target, reinterpret_cast<const char*>(data + 1), size - 1);

  std::unique_ptr<capsante::Catalog> catalog;
  const capsante::Status st = capsante::Catalog::Load(home.string(), &catalog);
  if (st.ok()) return 0;
  if (st.message().empty()) std::abort();
  if (st.code() != capsante::Status::Code::kInvalidCatalog && st.code() != capsante::Status::Code::kIoError) std::abort();
  return 0;
}

#include "schema/text_pattern.h"

namespace capsante {

namespace {

constexpr size_t kMaxPattern = 64;
constexpr int kMaxRepeat = 255;

bool ReadCount(std::string_view p, size_t* i, int* out) {
  int n = 0;
  const size_t start = *i;
  while (*i < p.size() && p[*i] >= '0' && p[*i] <= '9') {
    n = n * 10 + (p[*i] - '0');
    if (n > kMaxRepeat) return false;
    ++*i;
  }
  *out = n;
  return *i > start;
}

}  // namespace

bool TextPattern::Compile(std::string_view p, TextPattern* out, std::string* error) {
  auto fail = [&](const std::string& why) {
    *error = "motif non pris en charge (" + why + ")";
    return false;
  };
  if (p.size() > kMaxPattern) return fail("64 caractères au plus");
  if (p.size() < 2 || p.front() != '^' || p.back() != '$') return fail("il commence par ^ et finit par $");
  std::string_view body = p.substr(1, p.size() - 2);
  const bool grouped = !body.empty() && body.front() == '(';
  if (grouped) {
    if (body.back() != ')') return fail("un groupe couvre tout le motif");
    body = body.substr(1, body.size() - 2);
  }
  TextPattern result;
  result.alternatives_.emplace_back();
  for (size_t i = 0; i < body.size();) {
    const char c = body[i];
    if (c == '|') {
      if (!grouped) return fail("| seulement dans un groupe");
      result.alternatives_.emplace_back();
      ++i;
      continue;
    }
    Atom atom;
    if (c == '[') {
      ++i;
      bool closed = false;
      while (i < body.size()) {
        const auto lo = static_cast<unsigned char>(body[i]);
        if (lo == ']') {
          closed = true;
          ++i;
          break;
        }
        if (lo >= 128 || lo == '\\') return fail("classe de caractères ASCII sans échappement");
        unsigned hi = lo;
        if (i + 2 < body.size() && body[i + 1] == '-' && body[i + 2] != ']') {
          hi = static_cast<unsigned char>(body[i + 2]);
          if (hi >= 128 || hi < lo) return fail("intervalle invalide");
          i += 3;
        } else {
          ++i;
        }
        for (unsigned k = lo; k <= hi; ++k) atom.chars.set(k);
      }
      if (!closed || atom.chars.none()) return fail("classe de caractères non fermée ou vide");
    } else if (static_cast<unsigned char>(c) < 128 && std::string_view("()[]{}|?*+.\\^$").find(c) == std::string_view::npos) {
      atom.chars.set(static_cast<unsigned char>(c));
      ++i;
    } else {
      return fail("caractère « " + std::string(1, c) + " » réservé");
    }
    if (i < body.size() && body[i] == '?') {
      atom.min = 0;
      ++i;
    } else if (i < body.size() && body[i] == '{') {
      ++i;
      if (!ReadCount(body, &i, &atom.min)) return fail("répétition {n} ou {n,m}, 255 au plus");
      atom.max = atom.min;
      if (i < body.size() && body[i] == ',') {
        ++i;
        if (!ReadCount(body, &i, &atom.max) || atom.max < atom.min) return fail("répétition {n,m} avec n ≤ m");
      }
      if (i >= body.size() || body[i] != '}') return fail("répétition non fermée");
      ++i;
    }
    result.alternatives_.back().push_back(atom);
  }
  *out = std::move(result);
  return true;
}

// Backtracks over the repetition counts, remembering each (atom, position)
// that failed, so the work is bounded by atoms × text length.
bool TextPattern::MatchFrom(const Sequence& seq, size_t atom, std::string_view text, size_t pos,
                            std::vector<bool>* failed) {
  if (atom == seq.size()) return pos == text.size();
  const size_t key = atom * (text.size() + 1) + pos;
  if ((*failed)[key]) return false;
  const Atom& a = seq[atom];
  int taken = 0;
  while (taken < a.max && pos + static_cast<size_t>(taken) < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos + static_cast<size_t>(taken)]);
    if (c >= 128 || !a.chars.test(c)) break;
    ++taken;
  }
  for (int n = taken; n >= a.min; --n) {
    if (MatchFrom(seq, atom + 1, text, pos + static_cast<size_t>(n), failed)) return true;
  }
  (*failed)[key] = true;
  return false;
}

bool TextPattern::Matches(std::string_view text) const {
  std::vector<bool> failed;
  for (const auto& seq : alternatives_) {
    failed.assign(seq.size() * (text.size() + 1), false);
    if (MatchFrom(seq, 0, text, 0, &failed)) return true;
  }
  return false;
}

}  // namespace capsante

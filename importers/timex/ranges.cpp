// ranges(): joins two tagged dates written as one span ("between 2019 and 2028", "from May to
// July", "2019–2028") into a FuzzyDate range for callers such as the event extractor.
#include <algorithm>
#include <array>
#include <cctype>

#include "importers/timex/tagger.hpp"

namespace kb::timex {
namespace {

constexpr auto kRefinementWords = std::to_array<std::string_view>({
#include "lexicon/timex/refinement_words.inc"
});

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// `s` without surrounding whitespace.
std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && is_space(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) {
      return false;
    }
  }
  return true;
}

// The word ending right before byte `pos` (after skipping spaces) and where it starts.
std::string_view word_before(std::string_view text, std::size_t pos, std::size_t& start) {
  std::size_t e = pos;
  while (e > 0 && is_space(text[e - 1])) {
    --e;
  }
  std::size_t b = e;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1])) != 0) {
    --b;
  }
  start = b;
  return text.substr(b, e - b);
}

bool is_dash(std::string_view s) { return s == "-" || s == "\u2013" || s == "\u2014"; }

}  // namespace

std::vector<TimexRange> ranges(std::string_view text, const std::vector<Timex>& timexes) {
  std::vector<TimexRange> out;
  for (std::size_t k = 0; k + 1 < timexes.size(); ++k) {
    const Timex& a = timexes[k];
    const Timex& b = timexes[k + 1];
    if (!a.date || !b.date || a.type != TimexType::date || b.type != TimexType::date ||
        b.begin < a.end || b.end > text.size()) {
      continue;
    }
    const std::string_view gap = trim(text.substr(a.end, b.begin - a.end));
    std::size_t lead = a.begin;
    const std::string_view before = word_before(text, a.begin, lead);
    std::size_t begin = a.begin;
    if ((iequals(before, "between") && iequals(gap, "and")) ||
        (iequals(before, "from") &&
         (iequals(gap, "to") || iequals(gap, "until") || iequals(gap, "through") ||
          iequals(gap, "till") || is_dash(gap)))) {
      begin = lead;
    } else if (!(is_dash(gap) || iequals(gap, "to") || iequals(gap, "through"))) {
      continue;
    }
    auto joined = kb::FuzzyDate::range(*a.date, *b.date);
    if (!joined) {
      continue;
    }
    out.push_back(TimexRange{begin, b.end, k, k + 1, *joined});
    ++k;  // a timex belongs to one range at most
  }
  return out;
}

bool refines(std::string_view between) {
  bool comma = false;
  std::size_t k = 0;
  while (k < between.size()) {
    if (between[k] == ',') {
      comma = true;
      ++k;
      continue;
    }
    if (is_space(between[k])) {
      ++k;
      continue;
    }
    std::size_t e = k;
    while (e < between.size() && !is_space(between[e]) && between[e] != ',') {
      ++e;
    }
    const std::string_view w = between.substr(k, e - k);
    if (std::none_of(kRefinementWords.begin(), kRefinementWords.end(),
                     [&](std::string_view r) { return iequals(w, r); })) {
      return false;
    }
    k = e;
  }
  return comma;
}

}  // namespace kb::timex

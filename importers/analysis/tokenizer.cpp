// tokenize(): see tokenizer.hpp. The word lists below are data; each names the EWT convention
// it reproduces. The text is cut by the shared scanner (importers/text/scanner.hpp): its spaces
// separate chunks, its pieces say where a typographic mark stands, and its character tests
// answer the rest; the rules below merge and split the pieces of a chunk into words.
#include "importers/analysis/tokenizer.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <string>

#include "importers/analysis/features.hpp"
#include "importers/text/scanner.hpp"

namespace kb::analysis {
namespace {

// Abbreviations that keep their final period.
constexpr auto kAbbreviations = std::to_array<std::string_view>({
#include "lexicon/analysis/abbreviations.inc"
});
// Prefixes written with their hyphen as one word in EWT.
constexpr auto kHyphenPrefixes = std::to_array<std::string_view>({
#include "lexicon/analysis/hyphen_prefixes.inc"
});
// Units split off the number they are written against ("37km" -> "37" "km").
constexpr auto kNumberUnits = std::to_array<std::string_view>({
#include "lexicon/analysis/number_units.inc"
});
// Clitics split off the end of a word.
constexpr auto kClitics = std::to_array<std::string_view>({
#include "lexicon/analysis/clitics.inc"
});

using text::CharClass;
using text::is_ascii_digit;

// Spaces between chunks: C's isspace, NUL, and the no-break and typographic spaces.
bool separates(CharClass cls) {
  return cls == CharClass::blank || cls == CharClass::line_break || cls == CharClass::page_break ||
         cls == CharClass::null || cls == CharClass::space;
}

// Typographic marks that always stand alone: ‘ ’ “ ” « » – — … (and ASCII ones below).
bool stands_alone(CharClass cls) {
  return cls == CharClass::apostrophe || cls == CharClass::quote || cls == CharClass::dash ||
         cls == CharClass::ellipsis;
}

// The pieces of one whitespace-free chunk, for finding its typographic marks.
class Marks {
 public:
  explicit Marks(std::span<const text::Piece> pieces) : pieces_(pieces) {}

  // Length of the standalone mark that starts at byte `i`, else 0.
  std::size_t at(std::size_t i) const {
    const auto it =
        std::lower_bound(pieces_.begin(), pieces_.end(), i,
                         [](const text::Piece& p, std::size_t offset) { return p.begin < offset; });
    return it != pieces_.end() && it->begin == i && stands_alone(it->cls) ? it->end - it->begin : 0;
  }

  // Length of the standalone mark that ends at byte `e` and starts at `b` or after, else 0.
  std::size_t ending_at(std::size_t b, std::size_t e) const {
    const auto it =
        std::lower_bound(pieces_.begin(), pieces_.end(), e,
                         [](const text::Piece& p, std::size_t offset) { return p.end < offset; });
    return it != pieces_.end() && it->end == e && it->begin >= b && stands_alone(it->cls)
               ? e - it->begin
               : 0;
  }

 private:
  std::span<const text::Piece> pieces_;
};

bool ascii_punct_alone(char c) {
  return c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '"' ||
         c == '!' || c == '?' || c == ';' || c == '*' || c == '<' || c == '>' || c == '|' ||
         c == '~' || c == '=' || c == '+' || c == '#';
}

bool is_url(std::string_view w) {
  const std::string l = lower_ascii(w.substr(0, 8));
  if (l.starts_with("http://") || l.starts_with("https://") || l.starts_with("www.")) {
    return true;
  }
  const std::size_t at = w.find('@');
  return at != std::string_view::npos && at > 0 && w.find('.', at) != std::string_view::npos;
}

bool is_abbreviation(std::string_view w) {
  const std::string l = lower_ascii(w);
  if (std::find(kAbbreviations.begin(), kAbbreviations.end(), l) != kAbbreviations.end()) {
    return true;
  }
  // Initials and dotted acronyms: "J.", "U.N.", "e.g.", "i.e."
  if (l.size() >= 2 && l.size() % 2 == 0) {
    for (std::size_t i = 0; i < l.size(); i += 2) {
      if (!text::is_ascii_letter(l[i]) || l[i + 1] != '.') {
        return false;
      }
    }
    return l.size() > 2 || text::is_ascii_upper(w[0]);
  }
  return false;
}

struct Span {
  std::size_t b, e;
};

// Splits one alphanumeric core (no leading/trailing punctuation) into words: clitics at the end,
// hyphens and slashes inside.
void split_core(std::string_view s, std::size_t b, std::size_t e, std::vector<Span>& out) {
  if (b >= e) {
    return;
  }
  const std::string_view w = s.substr(b, e - b);
  // Clitics: n't, 's, 'm, 'd, 're, 've, 'll (with ' or ’), and the plural possessive "leaders'".
  for (std::string_view apos : {std::string_view("'"), std::string_view("’")}) {
    const std::string l = lower_ascii(w);
    std::string nt("n");
    nt.append(apos);
    nt.push_back('t');
    if (l.size() > nt.size() + 1 && l.ends_with(nt)) {
      split_core(s, b, e - nt.size(), out);
      out.push_back({e - nt.size(), e});
      return;
    }
    for (std::string_view c : kClitics) {
      std::string tail(apos);
      tail.append(c);
      if (l.size() > tail.size() && l.ends_with(tail)) {
        split_core(s, b, e - tail.size(), out);
        out.push_back({e - tail.size(), e});
        return;
      }
    }
    if (l.size() > apos.size() + 1 && l.ends_with(apos) && l[l.size() - apos.size() - 1] == 's') {
      split_core(s, b, e - apos.size(), out);
      out.push_back({e - apos.size(), e});
      return;
    }
  }
  // A number with its unit: "5pm", "37km", "2.5kg" (digits, then at most one '.' or ','
  // between digits, then a unit of kNumberUnits).
  std::size_t digits = 0;
  while (digits < w.size() &&
         (is_ascii_digit(w[digits]) ||
          (digits > 0 && (w[digits] == '.' || w[digits] == ',') && digits + 1 < w.size() &&
           is_ascii_digit(w[digits + 1]) && is_ascii_digit(w[digits - 1])))) {
    ++digits;
  }
  const std::string_view unit = w.substr(digits);
  if (digits > 0 && !unit.empty() &&
      std::find(kNumberUnits.begin(), kNumberUnits.end(),
                unit.size() == 1 ? std::string(unit) : lower_ascii(unit)) != kNumberUnits.end()) {
    out.push_back({b, b + digits});
    out.push_back({b + digits, e});
    return;
  }
  // "cannot" is two words in EWT: "can" "not".
  if (lower_ascii(w) == "cannot") {
    out.push_back({b, b + 3});
    out.push_back({b + 3, e});
    return;
  }
  // Hyphens and slashes between letters or numbers.
  for (std::size_t i = b + 1; i + 1 < e; ++i) {
    const char c = s[i];
    if (c != '-' && c != '/') {
      continue;
    }
    const char prev = s[i - 1];
    const char next = s[i + 1];
    if (c == '/' && is_ascii_digit(prev) && is_ascii_digit(next)) {
      continue;  // dates and fractions: "9/11", "11/28/2000"
    }
    if (c == '-') {
      const std::string head = lower_ascii(s.substr(b, i - b));
      if (std::find(kHyphenPrefixes.begin(), kHyphenPrefixes.end(), head) !=
          kHyphenPrefixes.end()) {
        continue;
      }
      if (!text::is_word_byte(prev) || !text::is_word_byte(next)) {
        continue;
      }
    }
    split_core(s, b, i, out);
    out.push_back({i, i + 1});
    split_core(s, i + 1, e, out);
    return;
  }
  out.push_back({b, e});
}

// Splits one whitespace-free chunk [b, e), whose scanner pieces `marks` holds, into words.
void split_chunk(std::string_view s, std::size_t b, std::size_t e, const Marks& marks,
                 std::vector<Span>& out) {
  if (is_url(s.substr(b, e - b))) {
    std::size_t end = e;
    while (end > b + 1 &&
           std::string_view(".,;:!?)\"'").find(s[end - 1]) != std::string_view::npos) {
      --end;
    }
    out.push_back({b, end});
    for (std::size_t i = end; i < e; ++i) {
      out.push_back({i, i + 1});
    }
    return;
  }
  std::vector<Span> tail;
  // Leading punctuation.
  while (b < e) {
    const std::size_t u = marks.at(b);
    const char c = s[b];
    if (u > 0) {
      out.push_back({b, b + u});
      b += u;
    } else if (ascii_punct_alone(c) || c == '\'' || c == '`' || c == '$' || c == ',' || c == ':' ||
               c == '/' || c == '&' || c == '@' ||
               (c == '-' && b + 1 < e && !is_ascii_digit(s[b + 1]))) {
      std::size_t k = b + 1;
      while (k < e && s[k] == c &&
             (c == '-' || c == '`' || c == '\'' || c == '!' || c == '?' || c == '*')) {
        ++k;  // "--", "``"
      }
      out.push_back({b, k});
      b = k;
    } else if (c == '.' && e - b >= 3 && s.substr(b, 3) == "...") {
      out.push_back({b, b + 3});
      b += 3;
    } else {
      break;
    }
  }
  // Trailing punctuation (collected in reverse).
  while (e > b) {
    const char c = s[e - 1];
    const std::size_t u = marks.ending_at(b, e);
    if (u > 0) {
      // a closing typographic quote; a ’ after "s" is read as a quote too, not a possessive
      tail.push_back({e - u, e});
      e -= u;
    } else if (c == '.' && e - b >= 2 && s[e - 2] == '.') {
      std::size_t k = e - 1;  // a run of dots is one word: "..", "...", "...."
      while (k > b && s[k - 1] == '.') {
        --k;
      }
      tail.push_back({k, e});
      e = k;
    } else if (c == '.') {
      if (is_abbreviation(s.substr(b, e - b))) {
        break;
      }
      tail.push_back({e - 1, e});
      --e;
    } else if (ascii_punct_alone(c) || c == ',' || c == ':' || c == '%' || c == '`' || c == '&' ||
               (c == '\'' && !(e - b >= 2 && s[e - 2] == 's')) || (c == '-' && e - b >= 1)) {
      std::size_t k = e - 1;  // runs are one word: "--", "!!!", "?!", "**"
      while (k > b &&
             (s[k - 1] == c || ((c == '!' || c == '?') && (s[k - 1] == '!' || s[k - 1] == '?'))) &&
             (c == '-' || c == '\'' || c == '!' || c == '?' || c == '*')) {
        --k;
      }
      tail.push_back({k, e});
      e = k;
    } else {
      break;
    }
  }
  // Inside: commas, colons and semicolons between non-digits split; the rest goes to split_core.
  std::size_t start = b;
  for (std::size_t i = b; i < e; ++i) {
    const char c = s[i];
    const bool between_digits =
        i > b && i + 1 < e && is_ascii_digit(s[i - 1]) && is_ascii_digit(s[i + 1]);
    const std::size_t u = marks.at(i);
    // sentences glued by a scraper: "in March.The new" (the standalone marks are not ASCII, so
    // a '.' never has u > 0)
    const bool glued = c == '.' && i + 1 < e && i > b && !between_digits &&
                       text::is_ascii_upper(s[i + 1]) && text::is_ascii_lower(s[i - 1]) &&
                       i + 2 < e && text::is_ascii_lower(s[i + 2]);
    if (((c == ',' || c == ';' || c == '(' || c == ')' || c == '"' || c == ':' || c == '!' ||
          c == '?') &&
         !between_digits) ||
        glued) {
      split_core(s, start, i, out);
      out.push_back({i, i + 1});
      start = i + 1;
    } else if (u > 0 && s.substr(i, u) != "’") {
      split_core(s, start, i, out);
      out.push_back({i, i + u});
      start = i + u;
      i += u - 1;
    }
  }
  split_core(s, start, e, out);
  out.insert(out.end(), tail.rbegin(), tail.rend());
}

}  // namespace

std::vector<Word> tokenize(std::string_view text, std::size_t base) {
  return tokenize(text, text::scan(text), base);
}

std::vector<Word> tokenize(std::string_view text, std::span<const text::Piece> pieces,
                           std::size_t base) {
  std::vector<Span> spans;
  for (std::size_t k = 0; k < pieces.size();) {
    if (separates(pieces[k].cls)) {
      ++k;
      continue;
    }
    std::size_t last = k + 1;
    while (last < pieces.size() && !separates(pieces[last].cls)) {
      ++last;
    }
    split_chunk(text, pieces[k].begin, pieces[last - 1].end, Marks(pieces.subspan(k, last - k)),
                spans);
    k = last;
  }
  std::vector<Word> words;
  words.reserve(spans.size());
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const Span& p = spans[k];
    if (p.e <= p.b) {
      continue;
    }
    Word w;
    w.form = std::string(text.substr(p.b, p.e - p.b));
    w.begin = base + p.b;
    w.end = base + p.e;
    w.space_after = k + 1 >= spans.size() || spans[k + 1].b > p.e;
    words.push_back(std::move(w));
  }
  return words;
}

}  // namespace kb::analysis

// Boilerplate cleaning: vocabulary tables (data, not site rules), paragraph normalisation, title
// labels and reprint detection.
#include "importers/readers/clean.hpp"

#include <array>
#include <cstdint>

#include "importers/readers/utf8.hpp"

namespace kb::importers::readers {
namespace {

// Whole lines that are navigation or UI.
constexpr auto kBoilerplateLines = std::to_array<std::string_view>({
#include "lexicon/readers/boilerplate_lines.inc"
});

// Substrings that mark a short line as furniture.
constexpr auto kBoilerplatePhrases = std::to_array<std::string_view>({
#include "lexicon/readers/boilerplate_phrases.inc"
});

// Trailing title labels that say what media a page carries.
constexpr auto kTitleLabels = std::to_array<std::string_view>({
#include "lexicon/readers/title_labels.inc"
});

// Lines longer than this are never boilerplate by vocabulary alone.
constexpr std::size_t kShortLine = 160;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_letter(char c) { return is_upper(c) || is_lower(c); }

// "Views: 147", "Просмотров: 12": a label followed by a number only.
bool is_counter(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon > 24) {
    return false;
  }
  const std::string_view rest = trim(s.substr(colon + 1));
  if (rest.empty() || rest.size() > 12) {
    return false;
  }
  for (const char c : rest) {
    if (!(c >= '0' && c <= '9') && c != ',' && c != '.' && c != ' ' && c != 'K' && c != 'k') {
      return false;
    }
  }
  return true;
}

// No ASCII letter but some non-ASCII bytes, few words: a UI string in another script.
bool is_foreign_ui(std::string_view s) {
  bool non_ascii = false;
  for (const char c : s) {
    if (is_ascii_letter(c)) {
      return false;
    }
    non_ascii = non_ascii || static_cast<std::uint8_t>(c) >= 0x80;
  }
  return non_ascii && count_words(s) <= 6;
}

bool has_letter(std::string_view s) {
  for (const char c : s) {
    if (is_ascii_letter(c) || static_cast<std::uint8_t>(c) >= 0x80) {
      return true;
    }
  }
  return false;
}

// Strips closing quotes/brackets at the end of `s`.
std::string_view without_closers(std::string_view s) {
  while (!s.empty()) {
    if (s.back() == '"' || s.back() == '\'' || s.back() == ')') {
      s.remove_suffix(1);
    } else if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99") ||
               s.ends_with("\xC2\xBB")) {  // ” ’ »
      s.remove_suffix(s.ends_with("\xC2\xBB") ? 2 : 3);
    } else {
      break;
    }
  }
  return s;
}

bool is_connector(std::string_view w) {
  return w == "of" || w == "the" || w == "and" || w == "for" || w == "de" || w == "&";
}

bool is_name_word(std::string_view w) {
  return !w.empty() && (is_upper(w[0]) || (w[0] >= '0' && w[0] <= '9'));
}

// Capitalised name ending right before `end` in `s` ("The Wall Street Journal").
std::string name_before(std::string_view s, std::size_t end) {
  std::vector<std::string_view> words;
  std::size_t e = end;
  while (e > 0 && words.size() < 8) {
    while (e > 0 && s[e - 1] == ' ') {
      --e;
    }
    std::size_t b = e;
    while (b > 0 && s[b - 1] != ' ') {
      --b;
    }
    const std::string_view w = s.substr(b, e - b);
    if (w.empty() || (!is_name_word(w) && !is_connector(w)) || w.back() == '.' || w.back() == ',') {
      break;
    }
    words.insert(words.begin(), w);
    e = b;
  }
  while (!words.empty() && is_connector(words.front()) && words.front() != "the") {
    words.erase(words.begin());
  }
  std::string out;
  for (const auto w : words) {
    out += out.empty() ? "" : " ";
    out += w;
  }
  return (out == "the" || out.empty()) ? std::string() : out;
}

// Capitalised name starting at `begin` in `s` ("The Atlantic on 3 May" -> "The Atlantic").
std::string name_after(std::string_view s, std::size_t begin) {
  std::string out;
  std::size_t i = begin;
  for (int n = 0; n < 8 && i < s.size(); ++n) {
    while (i < s.size() && s[i] == ' ') {
      ++i;
    }
    std::size_t e = i;
    while (e < s.size() && s[e] != ' ') {
      ++e;
    }
    std::string_view w = s.substr(i, e - i);
    const bool last = !w.empty() && (w.back() == '.' || w.back() == ',' || w.back() == ';');
    if (last) {
      w.remove_suffix(1);
    }
    if (w.empty() || (!is_name_word(w) && !(is_connector(w) && !out.empty()))) {
      break;
    }
    out += out.empty() ? "" : " ";
    out += w;
    i = e;
    if (last) {
      break;
    }
  }
  while (out.ends_with(" of") || out.ends_with(" the") || out.ends_with(" and")) {
    out.erase(out.rfind(' '));
  }
  return out;
}

// "(Reuters) -" near the start of `para`: the agency's name, else empty.
std::string wire_agency(std::string_view para) {
  const std::size_t open = para.find('(');
  if (open == std::string_view::npos || open > 60) {
    return {};
  }
  const std::size_t close = para.find(')', open);
  if (close == std::string_view::npos || close - open > 40) {
    return {};
  }
  const std::string_view after = trim(para.substr(close + 1, 5));
  if (!(after.starts_with("-") || after.starts_with("\xE2\x80\x94") ||
        after.starts_with("\xE2\x80\x93"))) {
    return {};
  }
  const std::string_view name = para.substr(open + 1, close - open - 1);
  return is_name_word(name) ? std::string(name) : std::string();
}

}  // namespace

bool is_boilerplate_line(std::string_view line) {
  const std::string_view s = trim(line);
  if (s.empty()) {
    return true;
  }
  if (s.size() > kShortLine) {
    return false;
  }
  const std::string lower = ascii_lower(s);  // the tables are lower-case
  std::string_view key = lower;
  while (!key.empty() && (key.back() == ':' || key.back() == '.' || key.back() == ' ')) {
    key.remove_suffix(1);
  }
  for (const auto w : kBoilerplateLines) {
    if (key == w) {
      return true;
    }
  }
  for (const auto p : kBoilerplatePhrases) {
    if (lower.find(p) != std::string::npos) {
      return true;
    }
  }
  return is_counter(s) || is_foreign_ui(s) || !has_letter(s);
}

bool is_sentence_like(std::string_view line) {
  const std::string_view s = trim(line);
  const std::size_t words = count_words(s);
  if (words >= 40) {
    return true;
  }
  const std::string_view core = without_closers(s);
  if (words < 8 || core.empty()) {
    return false;
  }
  const char c = core.back();
  // … and the ideographic full stop, exclamation and question marks (。！？).
  return c == '.' || c == '!' || c == '?' || core.ends_with("\xE2\x80\xA6") ||
         core.ends_with("\xE3\x80\x82") || core.ends_with("\xEF\xBC\x81") ||
         core.ends_with("\xEF\xBC\x9F");
}

std::string normalize_body(std::string_view raw) {
  const auto lines = split_lines(raw);
  std::string out;
  std::string para;
  const auto flush = [&] {
    if (!para.empty() && !is_boilerplate_line(para)) {
      out += out.empty() ? "" : "\n\n";
      out += para;
    }
    para.clear();
  };
  std::size_t i = 0;
  while (i < lines.size()) {
    // A block: consecutive non-blank lines.
    std::size_t j = i;
    std::size_t longest = 0;
    while (j < lines.size() && !trim(lines[j]).empty()) {
      longest = std::max(longest, lines[j].size());
      ++j;
    }
    const bool wrapped = j - i >= 2 && longest <= 90;
    for (std::size_t k = i; k < j; ++k) {
      const bool indented = !lines[k].empty() && (lines[k][0] == ' ' || lines[k][0] == '\t');
      if (!wrapped || (indented && k > i)) {
        flush();
      }
      const std::string piece = collapse_spaces(lines[k]);
      para += (para.empty() || piece.empty()) ? "" : " ";
      para += piece;
    }
    flush();
    i = (j == i) ? i + 1 : j;
  }
  return out;
}

std::string clean_title(std::string_view title) {
  std::string t = collapse_spaces(title);
  bool changed = true;
  while (changed) {
    changed = false;
    for (const auto label : kTitleLabels) {
      if (t.size() > label.size() + 1 && t.ends_with(label) &&
          t[t.size() - label.size() - 1] == ' ') {
        t.erase(t.size() - label.size() - 1);
        changed = true;
      }
    }
  }
  return t;
}

std::string strip_site_name(std::string_view title, std::string_view site) {
  std::string t = collapse_spaces(title);
  for (const std::string_view sep : {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " :: "}) {
    const std::size_t last = t.rfind(sep);
    if (last != std::string::npos && last > 0) {
      const std::string tail = std::string(trim(std::string_view(t).substr(last + sep.size())));
      const bool named = !site.empty() && equals_icase(tail, trim(site));
      const bool short_tail = site.empty() && sep == " | " && count_words(tail) <= 4;
      if (named || short_tail) {
        return std::string(trim(std::string_view(t).substr(0, last)));
      }
    }
    const std::size_t first = t.find(sep);
    if (first != std::string::npos && !site.empty() &&
        equals_icase(trim(std::string_view(t).substr(0, first)), trim(site))) {
      return std::string(trim(std::string_view(t).substr(first + sep.size())));
    }
  }
  return t;
}

void detect_reprint(Article& article) {
  std::string_view text = article.text;
  std::size_t checked = 0;
  std::string original;
  while (!text.empty() && checked < 3 && original.empty()) {
    const std::size_t end = text.find("\n\n");
    const std::string_view para = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 2);
    ++checked;
    if (const std::size_t at = para.find(" reprints "); at != std::string_view::npos) {
      const std::string name = name_before(para, at);
      if (!name.empty() && (article.publisher.empty() || equals_icase(name, article.publisher))) {
        article.publisher = name;
      }
    }
    for (const std::string_view cue :
         {" has published an article", " published an article", " has published a piece",
          " has published an interview", " has published an op-ed"}) {
      if (const std::size_t at = para.find(cue); at != std::string_view::npos && original.empty()) {
        original = name_before(para, at);
      }
    }
    const std::string low = ascii_lower(para);
    for (const std::string_view cue :
         {"originally published by ", "originally published in ", "originally published on ",
          "first appeared in ", "first appeared on ", "first published by ",
          "first published in "}) {
      if (const std::size_t at = low.find(cue); at != std::string::npos && original.empty()) {
        original = name_after(para, at + cue.size());
      }
    }
    if (original.empty() && checked == 1) {
      original = wire_agency(para);
    }
  }
  if (!original.empty() && !equals_icase(original, article.publisher)) {
    article.original_publisher = original;
  }
}

std::string publisher_from_copyright(std::string_view line) {
  const std::string_view s = trim(line);
  const std::size_t at = s.find("\xC2\xA9");
  if (at == std::string_view::npos || s.size() > 80) {
    return {};
  }
  std::string before = std::string(trim(s.substr(0, at)));
  if (!before.empty() && is_name_word(before)) {
    return before;
  }
  std::string_view after = trim(s.substr(at + 2));
  while (!after.empty() &&
         ((after[0] >= '0' && after[0] <= '9') || after[0] == ' ' || after[0] == '-')) {
    after.remove_prefix(1);
  }
  return name_after(after, 0);
}

}  // namespace kb::importers::readers

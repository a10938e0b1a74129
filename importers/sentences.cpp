// Sentence segmentation: ICU's sentence BreakIterator over a UTF-8 UText, so that its indices
// are already UTF-8 byte offsets (no UTF-16 copy, no index mapping).
#include "importers/sentences.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

namespace kb::importers {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f'; }

// Adds [b, e) of `s`, trimmed, split at every blank line, to `out`.
void add_trimmed(std::string_view s, std::size_t b, std::size_t e, std::vector<Sentence>& out) {
  while (b < e) {
    while (b < e && is_space(s[b])) {
      ++b;
    }
    // NBSP (C2 A0) counts as space at the edges too.
    while (b + 1 < e && s[b] == '\xC2' && s[b + 1] == '\xA0') {
      b += 2;
      while (b < e && is_space(s[b])) {
        ++b;
      }
    }
    const std::size_t blank = s.substr(0, e).find("\n\n", b);
    const std::size_t stop = blank == std::string_view::npos ? e : blank;
    std::size_t t = stop;
    while (t > b &&
           (is_space(s[t - 1]) || (t >= b + 2 && s[t - 2] == '\xC2' && s[t - 1] == '\xA0'))) {
      t -= is_space(s[t - 1]) ? std::size_t{1} : std::size_t{2};
    }
    if (t > b) {
      out.push_back(Sentence{b, t});
    }
    b = stop;
  }
}

// Fallback without ICU: paragraphs, then ". " / "! " / "? " before an upper-case letter.
void split_simple(std::string_view s, std::vector<Sentence>& out) {
  std::size_t start = 0;
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    const bool stop = (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' &&
                      s[i + 2] >= 'A' && s[i + 2] <= 'Z';
    if (stop) {
      add_trimmed(s, start, i + 1, out);
      start = i + 1;
    }
  }
  add_trimmed(s, start, s.size(), out);
}

}  // namespace

struct SentenceSplitter::Impl {
  std::unique_ptr<icu::BreakIterator> iter;
};

SentenceSplitter::SentenceSplitter() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->iter.reset(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  if (U_FAILURE(status)) {
    impl_->iter.reset();
  }
}

SentenceSplitter::~SentenceSplitter() = default;
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;

std::vector<Sentence> SentenceSplitter::split(std::string_view utf8) {
  std::vector<Sentence> out;
  if (utf8.empty()) {
    return out;
  }
  if (!impl_->iter) {
    split_simple(utf8, out);
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) {
    utext_close(text);
    split_simple(utf8, out);
    return out;
  }
  impl_->iter->setText(text, status);
  if (U_FAILURE(status)) {
    utext_close(text);
    split_simple(utf8, out);
    return out;
  }
  std::int32_t prev = impl_->iter->first();
  for (std::int32_t next = impl_->iter->next(); next != icu::BreakIterator::DONE;
       next = impl_->iter->next()) {
    add_trimmed(utf8, static_cast<std::size_t>(prev), static_cast<std::size_t>(next), out);
    prev = next;
  }
  // Detach the iterator from the UText before closing it.
  UText empty = UTEXT_INITIALIZER;
  utext_openUTF8(&empty, "", 0, &status);
  impl_->iter->setText(&empty, status);
  utext_close(text);
  return out;
}

std::vector<Sentence> split_sentences(std::string_view utf8) {
  SentenceSplitter splitter;
  return splitter.split(utf8);
}

}  // namespace kb::importers

// Sentence segmentation of article text with ICU's rule-based BreakIterator (English, with
// abbreviation suppressions), returning exact UTF-8 byte offsets.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace kb::importers {

// One sentence: bytes [begin, end) of the segmented text, trimmed of surrounding whitespace.
struct Sentence {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// A reusable sentence splitter: construction builds the ICU iterator once (the costly part);
// split() may then be called any number of times. Not thread-safe; use one per thread.
class SentenceSplitter {
 public:
  // Builds an English sentence iterator with ICU's abbreviation suppressions ("Mr.", "U.S.")
  // plus ranks, titles, months and initials ("Gen.", "Dr.", "Feb.", "F."). If ICU cannot build
  // it, split() falls back to paragraphs and ". " followed by an upper-case letter.
  SentenceSplitter();
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;
  SentenceSplitter(SentenceSplitter&&) noexcept;
  SentenceSplitter& operator=(SentenceSplitter&&) noexcept;

  // Sentences of `utf8`, in order, never spanning a blank line ("\n\n") and never empty.
  // Sentences glued by scrapers ("statementHe added", "in March.The new") are split when the
  // second starts with a common sentence-opening word.
  // Invalid UTF-8 is tolerated (offsets stay byte offsets into `utf8`).
  std::vector<Sentence> split(std::string_view utf8);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Convenience: split with a fresh SentenceSplitter (use the class in loops).
std::vector<Sentence> split_sentences(std::string_view utf8);

}  // namespace kb::importers

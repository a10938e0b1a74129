// The importers' one text scanner: decodes UTF-8 and cuts a text into pieces (runs of letters,
// digits or other word characters; single spaces, punctuation marks and invalid bytes) with byte
// spans and character classes. The date tagger's, the entity recogniser's and the UD word
// tokenizers are views over its pieces, each grouping them by its own conventions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace kb::text {

// What a character is, as the tokenizers tell characters apart. Every byte sequence has one
// class per character; the typographic classes keep the marks apart that some tokenizer treats
// differently from the others (the UD tokenizer splits off only ‘ ’ “ ” « » – — …).
enum class CharClass : std::uint8_t {
  letter,      // ASCII A-Z, a-z
  digit,       // ASCII 0-9
  blank,       // ' ', '\t'
  line_break,  // '\n', '\r'
  page_break,  // '\v', '\f' (spaces to C's isspace, marks to the date tagger)
  null,        // '\0'
  control,     // the other ASCII control characters and DEL
  punct,       // ASCII punctuation and symbols: '!' ... '/', ':' ... '@', '[' ... '`', '{' ... '~'
  space,       // U+00A0, U+2000..U+200B, U+202F, U+3000: no-break and typographic spaces
  soft_space,  // U+200C..U+200F, U+2028, U+2029, U+205F, U+FEFF: joiners, direction marks,
               // line and paragraph separators, BOM (the UD tokenizer keeps them in words)
  apostrophe,  // U+2018, U+2019 (‘ ’)
  other_apostrophe,  // U+201A, U+201B, U+02BC, U+2032 (‚ ‛ ʼ ′)
  quote,             // U+201C, U+201D, U+00AB, U+00BB (“ ” « »)
  other_quote,       // U+201E, U+201F („ ‟)
  dash,              // U+2013, U+2014 (– —)
  other_dash,        // U+2010, U+2011, U+2012, U+2015, U+2212 (‐ ‑ ‒ ― −)
  ellipsis,          // U+2026 (…)
  other_punct,       // the rest of General Punctuation, U+2016..U+206F (bullets, daggers, ‰)
  word,              // any other code point: letters, combining marks, symbols, ideographs
  invalid,           // one byte that starts no sequence char_at() decodes
};

// One character of a text.
struct Char {
  char32_t cp = 0;       // the code point; for an invalid byte, the byte
  std::uint8_t len = 1;  // its length in bytes (1 for an invalid byte)
  CharClass cls = CharClass::invalid;
};

// The character starting at byte `i` of `text`. Requires: i < text.size(). A sequence is
// decoded when its lead byte is C2..F4 and the continuation bytes follow (overlong three- and
// four-byte forms and surrogates are let through, as the entity recogniser always read them);
// otherwise the one byte at `i` is `invalid`, and scanning resumes at the next byte.
Char char_at(std::string_view text, std::size_t i);

// The class of the code point `cp` (for cp >= 0x80; ASCII via the byte).
CharClass classify(char32_t cp);

// A piece of a text: a maximal run of `letter`, `digit` or `word` characters, or else exactly
// one character of any other class.
struct Piece {
  std::size_t begin = 0;  // byte offset of the first byte
  std::size_t end = 0;    // byte offset one past the last byte
  char32_t cp = 0;        // the first character's code point (the byte if invalid)
  CharClass cls = CharClass::invalid;
};

// The pieces of `text`, in order, covering every byte (appended to `out`, cleared first).
// Linear in the size of `text`; never fails, whatever the bytes.
void scan(std::string_view text, std::vector<Piece>& out);
std::vector<Piece> scan(std::string_view text);

// The pieces of bytes [`begin`, `end`) of `text`, with offsets from `begin`: exactly what
// scan(text.substr(begin, end - begin)) returns, cut from `pieces` (the pieces of all of `text`)
// where both ends fall between characters, scanned afresh otherwise.
// Requires: begin <= end <= text.size(); `pieces` is scan(text).
std::vector<Piece> slice(std::string_view text, std::span<const Piece> pieces, std::size_t begin,
                         std::size_t end);

// True iff `cls` is one of the punctuation classes (ASCII or typographic).
constexpr bool is_mark(CharClass cls) {
  return cls == CharClass::punct || (cls >= CharClass::apostrophe && cls <= CharClass::other_punct);
}

// True iff the piece's class belongs to a non-ASCII character (or an invalid byte >= 0x80).
constexpr bool is_non_ascii(CharClass cls) { return cls >= CharClass::space; }

// The ASCII punctuation a mark stands for: the byte itself for ASCII (with '`' read as '\''),
// '\'' for apostrophes, '"' for quotes, '-' for dashes, '.' for the ellipsis, '*' for the rest
// of General Punctuation; 0 for a piece that is no mark.
char ascii_form(const Piece& p);

// True iff the piece starts with an upper-case letter (ASCII A-Z, or a code point ICU calls
// upper case).
bool starts_upper(const Piece& p);

// ASCII character tests on one byte, as the C locale answers them (a byte >= 0x80 is none).
constexpr bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
// True iff the byte `c` belongs to a word: an ASCII letter or digit, or any byte of a non-ASCII
// character (or an invalid byte).
constexpr bool is_word_byte(char c) {
  return is_ascii_letter(c) || is_ascii_digit(c) || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace kb::text

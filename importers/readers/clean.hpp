// Boilerplate cleaning shared by all readers: vocabulary tables of navigation / share / footer
// strings, paragraph normalisation, title labels and reprint ("original publisher") detection.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "importers/article.hpp"

namespace kb::importers::readers {

// True iff `line` (one line or block of text) is page furniture rather than article text:
// a known navigation/share/footer word, a copyright or terms line, "Views: 147", a short line in
// a non-Latin script (UI strings of language switchers), or a line without any letters.
bool is_boilerplate_line(std::string_view line);

// True iff `line` reads like running text: at least 8 words ending in sentence punctuation
// (closing quotes allowed), or at least 40 words.
bool is_sentence_like(std::string_view line);

// Turns raw body text into paragraphs joined by "\n\n": blank lines separate paragraphs;
// hard-wrapped blocks (several lines of at most ~90 characters) are re-flowed, splitting at
// indented lines; whitespace is collapsed and boilerplate lines (is_boilerplate_line) dropped.
std::string normalize_body(std::string_view raw);

// `title` without trailing labels such as "PHOTO", "VIDEO", "UPDATED" and with whitespace
// collapsed.
std::string clean_title(std::string_view title);

// `title` without a site-name suffix or prefix (" | Reuters", "Reuters - "): removed when it
// equals `site` (ignoring case) or, when `site` is empty, when it is the last " | "-separated
// part of at most 4 words.
std::string strip_site_name(std::string_view title, std::string_view site);

// Looks in the first paragraphs of `article.text` for reprint and wire-agency notes ("X reprints
// the article", "X has published an article", "(Reuters) -", "Originally published by X",
// "This article first appeared in X") and fills publisher (when empty) and original_publisher
// (when it differs from the publisher).
void detect_reprint(Article& article);

// Publisher named by a copyright line ("Caliber.az © 2025", "© 2024 Reuters"), else empty.
std::string publisher_from_copyright(std::string_view line);

}  // namespace kb::importers::readers

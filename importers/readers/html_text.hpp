// Text blocks of an HTML (or XHTML) DOM and the content-density choice of the article body.
// Shared by the HTML reader and by feeds, whose items carry HTML.
#pragma once

#include <libxml/tree.h>
#include <string>
#include <string_view>
#include <vector>

namespace kb::importers::readers {

// One block-level run of text (a <p>, <li>, heading, text directly in a <div> ...).
struct TextBlock {
  std::string text;                  // whitespace-collapsed
  std::size_t words = 0;             // words in `text`
  std::size_t link_words = 0;        // of which inside <a>
  const xmlNode* element = nullptr;  // the block element that holds the text
  bool heading = false;              // <h1>..<h6>
  bool paragraph = false;            // <p>, <pre>, <blockquote> or bare text in a container
};

// Text blocks under `root` in document order, skipping scripts, styles, forms, navigation,
// asides, footers, hidden elements and elements whose class/id says they are menus, share bars,
// cookie banners, comments, related links or ads (unless `strip_unlikely` is false: a page
// whose wrapper's class names say "advertisement" or "share" would lose everything).
std::vector<TextBlock> collect_blocks(const xmlNode* root, bool strip_unlikely = true);

// The article body among `blocks` by content density: paragraphs score by length and commas,
// discounted by link density; their container with the highest score (plus siblings scoring at
// least a quarter of it) holds the body. Link-heavy and boilerplate blocks inside are dropped,
// as are a leading copy of `title` and short non-sentences at the ends. Returns the paragraphs
// joined by "\n\n".
std::string select_body(const std::vector<TextBlock>& blocks, std::string_view title);

// All blocks of a fragment (a feed item's HTML) without container selection, still dropping
// link-heavy and boilerplate blocks; paragraphs joined by "\n\n".
std::string fragment_text(const std::vector<TextBlock>& blocks);

// Parses `html` with libxml2's HTML parser (recovering, no network) and returns fragment_text.
std::string html_fragment_to_text(std::string_view html);

// Text of a short HTML snippet (a feed title with entities or tags), on one line.
std::string html_inline_text(std::string_view html);

// Concatenated, whitespace-collapsed text of every text node under `node`.
std::string node_text(const xmlNode* node);

// Value of attribute `name` of `node`, or empty.
std::string attribute(const xmlNode* node, const char* name);

// The element's name as a string_view (empty for non-elements).
std::string_view element_name(const xmlNode* node);

}  // namespace kb::importers::readers

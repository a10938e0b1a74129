// Escaping shared by every output: Markdown, XML/HTML (SVG, TimelineJS text), CSV fields.
#pragma once

#include <string>
#include <string_view>

namespace kb::render {

// `text` with CommonMark's inline syntax characters backslash-escaped and line breaks turned
// into spaces, so that it reads literally inside a paragraph, list item or table cell.
std::string md_escape(std::string_view text);

// `text` with XML's special characters (& < > " ') replaced by entities; safe in XML and HTML
// text and attribute values.
std::string xml_escape(std::string_view text);

// A CSV field (RFC 4180): quoted, with quotes doubled, when it holds a comma, quote or line
// break; otherwise as is.
std::string csv_field(std::string_view s);

}  // namespace kb::render

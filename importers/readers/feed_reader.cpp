// RSS 0.9x/1.0/2.0 and Atom feeds: one article per <item>/<entry>, HTML content cleaned to text.
// libxml2's XML parser with XML_PARSE_NONET and without entity substitution (no XXE).
#include <libxml/parser.h>

#include <fmt/format.h>

#include "importers/readers/clean.hpp"
#include "importers/readers/formats.hpp"
#include "importers/readers/html_text.hpp"
#include "importers/readers/timestamps.hpp"
#include "importers/readers/utf8.hpp"

namespace kb::importers::readers {
namespace {

// Element names (local, namespace prefix ignored) by role, in order of preference.
constexpr auto kTimeNames = std::to_array<std::string_view>(
    {"pubDate", "published", "date", "issued", "updated", "modified"});
constexpr auto kContentNames =
    std::to_array<std::string_view>({"encoded", "content", "description", "summary"});

// First child element of `node` named `name`.
const xmlNode* child(const xmlNode* node, std::string_view name) {
  if (node == nullptr) {
    return nullptr;
  }
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (element_name(c) == name) {
      return c;
    }
  }
  return nullptr;
}

// Items of the feed: <item> under <channel> or the root (RSS 1.0), or Atom <entry>.
std::vector<const xmlNode*> items_of(const xmlNode* root) {
  std::vector<const xmlNode*> items;
  if (root == nullptr) {
    return items;
  }
  const auto scan = [&](const xmlNode* parent) {
    for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
      const std::string_view n = element_name(c);
      if (n == "item" || n == "entry") {
        items.push_back(c);
      }
    }
  };
  scan(root);
  if (const xmlNode* channel = child(root, "channel")) {
    scan(channel);
  }
  return items;
}

std::string item_link(const xmlNode* item) {
  for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
    if (element_name(c) != "link") {
      continue;
    }
    std::string href = attribute(c, "href");
    const std::string rel = attribute(c, "rel");
    if (!href.empty() && (rel.empty() || rel == "alternate")) {
      return href;
    }
    if (href.empty()) {
      std::string text = node_text(c);
      if (!text.empty()) {
        return text;
      }
    }
  }
  if (const xmlNode* guid = child(item, "guid")) {
    std::string text = node_text(guid);
    if (text.starts_with("http") && attribute(guid, "isPermaLink") != "false") {
      return text;
    }
  }
  return std::string(trim(attribute(item, "about")));  // RSS 1.0 rdf:about
}

// Body text of an item: XHTML content is walked directly, escaped HTML parsed, text kept.
std::string item_text(const xmlNode* item) {
  for (const auto name : kContentNames) {
    const xmlNode* c = child(item, name);
    if (c == nullptr) {
      continue;
    }
    std::string text;
    if (attribute(c, "type") == "xhtml") {
      text = fragment_text(collect_blocks(c));
    } else {
      std::string raw;
      for (const xmlNode* t = c->children; t != nullptr; t = t->next) {
        if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) &&
            t->content != nullptr) {
          raw += reinterpret_cast<const char*>(t->content);
        }
      }
      text = html_fragment_to_text(raw);
    }
    if (!text.empty()) {
      return text;
    }
  }
  return {};
}

Article read_item(const xmlNode* item, std::string_view origin, std::string_view publisher) {
  Article a;
  a.origin = fmt::format("{}:{}", origin, xmlGetLineNo(item));
  a.publisher = std::string(publisher);
  if (const xmlNode* t = child(item, "title")) {
    a.title = clean_title(html_inline_text(node_text(t)));
  }
  a.url = item_link(item);
  for (const auto name : kTimeNames) {
    const xmlNode* t = child(item, name);
    const auto ts = t != nullptr ? parse_timestamp(node_text(t)) : std::nullopt;
    if (ts) {
      a.published = ts->time;
      a.published_has_time = ts->has_time;
      a.published_offset = ts->offset;
      break;
    }
  }
  a.text = item_text(item);
  return a;
}

}  // namespace

Result<ReadResult> read_feed(std::string_view content, std::string_view origin,
                             const ReadOptions& options) {
  if (content.size() > 0x7fffffff) {
    return fail(Errc::parse, located(origin, 0, "feed larger than 2 GiB"));
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) {
    return fail(Errc::storage, located(origin, 0, "out of memory creating the XML parser"));
  }
  const int opts = XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                   XML_PARSE_NOCDATA;
  const std::string url(origin);
  xmlDocPtr doc = xmlCtxtReadMemory(ctxt, content.data(), static_cast<int>(content.size()),
                                    url.c_str(), nullptr, opts);
  const bool well_formed = ctxt->wellFormed != 0;
  xmlFreeParserCtxt(ctxt);
  const xmlNode* root = doc != nullptr ? xmlDocGetRootElement(doc) : nullptr;
  const std::string root_name(element_name(root));  // a copy: the doc may be freed below
  if (root_name != "rss" && root_name != "feed" && root_name != "RDF") {
    if (doc != nullptr) {
      xmlFreeDoc(doc);
    }
    return fail(Errc::parse, located(origin, 0,
                                     root == nullptr ? "not readable as XML"
                                                     : fmt::format("not an RSS or Atom feed (root "
                                                                   "element <{}>)",
                                                                   root_name)));
  }
  ReadResult result;
  if (!well_formed) {
    result.warnings.push_back(located(origin, 0, "malformed XML; read what could be recovered"));
  }
  const xmlNode* channel = child(root, "channel");
  const xmlNode* feed_title = child(channel != nullptr ? channel : root, "title");
  const std::string publisher = feed_title != nullptr ? node_text(feed_title) : std::string();
  ReadOptions item_options = options;
  item_options.url.clear();  // a URL override names one article, not every item
  for (const xmlNode* item : items_of(root)) {
    Article a = read_item(item, origin, publisher);
    if (a.text.empty()) {
      result.warnings.push_back(located(a.origin, 0, "feed item without text skipped"));
      continue;
    }
    finish_article(a, item_options);
    result.articles.push_back(std::move(a));
  }
  xmlFreeDoc(doc);
  if (result.articles.empty()) {
    result.warnings.push_back(located(origin, 0, "feed has no items"));
  }
  return result;
}

}  // namespace kb::importers::readers

// DOM -> text blocks, and the content-density choice of the body (after readability/boilerpipe:
// paragraphs vote for their container, discounted by link density). No site-specific rules.
#include "importers/readers/html_text.hpp"

#include <algorithm>
#include <array>
#include <libxml/HTMLparser.h>
#include <unordered_map>
#include <unordered_set>

#include "importers/readers/clean.hpp"
#include "importers/readers/timestamps.hpp"
#include "importers/readers/utf8.hpp"

namespace kb::importers::readers {
namespace {

// Elements whose content is never article text.
constexpr auto kSkipTags = std::to_array<std::string_view>(
    {"script", "style",  "noscript",   "template", "svg",      "iframe", "button",
     "select", "figure", "figcaption", "input",    "textarea", "nav",    "aside",
     "footer", "menu",   "head",       "object",   "embed",    "canvas"});
// Elements that start a new block of text.
constexpr auto kBlockTags = std::to_array<std::string_view>(
    {"p",      "div",        "li",     "h1",         "h2",      "h3",      "h4",      "h5",
     "h6",     "blockquote", "pre",    "td",         "th",      "section", "article", "main",
     "header", "dt",         "dd",     "figcaption", "tr",      "ul",      "ol",      "table",
     "body",   "address",    "center", "figure",     "details", "summary", "dl",      "hr"});
// class/id words of page furniture (readability's "unlikely candidates" plus a few more).
constexpr auto kUnlikely = std::to_array<std::string_view>(
    {"banner",     "breadcrumb", "combx",     "comment",   "community",    "disqus",   "footer",
     "gdpr",       "menu",       "related",   "remark",    "replies",      "rss",      "shoutbox",
     "sidebar",    "skyscraper", "social",    "sponsor",   "supplemental", "ad-break", "agegate",
     "pagination", "pager",      "popup",     "cookie",    "consent",      "share",    "sharing",
     "newsletter", "subscribe",  "promo",     "navbar",    "navigation",   "advert",   "masthead",
     "toolbar",    "widget",     "recommend", "read-more", "caption"});
// class/id words that keep an element even when it also looks unlikely.
constexpr auto kMaybe = std::to_array<std::string_view>(
    {"article", "body", "column", "content", "main", "story", "entry-content", "post-content"});
// A sibling of the chosen container whose score reaches this share of the container's is part
// of the body too.
constexpr double kSiblingShare = 0.2;
// Nesting depth beyond which the walk stops (hostile documents).
constexpr int kMaxDepth = 200;

bool in_list(std::string_view name, const auto& list) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool hidden(const xmlNode* n) {
  const std::string style = ascii_lower(attribute(n, "style"));
  const std::string role = attribute(n, "role");
  return xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden")) != nullptr ||
         attribute(n, "aria-hidden") == "true" || style.find("display:none") != std::string::npos ||
         style.find("display: none") != std::string::npos || role == "navigation" ||
         role == "banner" || role == "contentinfo" || role == "complementary";
}

bool unlikely(const xmlNode* n) {
  const std::string name(element_name(n));
  if (name == "body" || name == "html" || name == "article" || name == "main") {
    return false;
  }
  const std::string key = ascii_lower(attribute(n, "class") + " " + attribute(n, "id"));
  if (key.size() <= 1) {
    return false;
  }
  const auto has = [&](const auto& list) {
    return std::any_of(list.begin(), list.end(),
                       [&](std::string_view w) { return key.find(w) != std::string::npos; });
  };
  return has(kUnlikely) && !has(kMaybe);
}

// Walks the DOM, gathering text into blocks.
class BlockWalker {
 public:
  explicit BlockWalker(bool strip_unlikely) : strip_unlikely_(strip_unlikely) {}

  std::vector<TextBlock> blocks;

  void walk(const xmlNode* node, int depth) {
    if (depth > kMaxDepth) {
      return;
    }
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        add_text(c);
      } else if (c->type == XML_ELEMENT_NODE) {
        element(c, depth);
      }
    }
  }

  void flush() {
    std::string text = collapse_spaces(buf_);
    buf_.clear();
    if (text.empty()) {
      link_words_ = 0;
      return;
    }
    TextBlock b;
    b.words = count_words(text);
    b.link_words = std::min(link_words_, b.words);
    b.text = std::move(text);
    b.element = block_;
    const std::string_view tag = element_name(block_);
    b.heading = tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
    b.paragraph = !b.heading && tag != "li" && tag != "td" && tag != "th" && tag != "dt" &&
                  tag != "dd" && tag != "figcaption";
    blocks.push_back(std::move(b));
    link_words_ = 0;
  }

 private:
  void add_text(const xmlNode* c) {
    if (c->content == nullptr) {
      return;
    }
    const std::string_view t(reinterpret_cast<const char*>(c->content));
    buf_ += t;
    if (in_link_ > 0) {
      link_words_ += count_words(t);
    }
  }

  void element(const xmlNode* c, int depth) {
    const std::string_view name = element_name(c);
    if (in_list(name, kSkipTags) || hidden(c) || (strip_unlikely_ && unlikely(c))) {
      return;
    }
    if (name == "br") {
      buf_ += '\n';
      // Two <br> in a row end a paragraph.
      if (c->prev != nullptr && element_name(c->prev) == "br") {
        flush();
      }
      return;
    }
    if (in_list(name, kBlockTags)) {
      flush();
      const xmlNode* saved = block_;
      block_ = c;
      walk(c, depth + 1);
      flush();
      block_ = saved;
      return;
    }
    const bool link = name == "a";
    in_link_ += link ? 1 : 0;
    walk(c, depth + 1);
    in_link_ -= link ? 1 : 0;
  }

  bool strip_unlikely_;
  std::string buf_;
  std::size_t link_words_ = 0;
  int in_link_ = 0;
  const xmlNode* block_ = nullptr;
};

bool link_heavy(const TextBlock& b) { return b.words > 0 && b.link_words * 2 > b.words; }

// Paragraph weight: longer, comma-rich text looks like prose.
double paragraph_score(const TextBlock& b) {
  const double commas = static_cast<double>(std::count(b.text.begin(), b.text.end(), ','));
  return 1.0 + commas + std::min(3.0, static_cast<double>(b.text.size()) / 100.0);
}

// Keeps the blocks worth keeping, trims short non-sentences at both ends, joins them.
std::string join_kept(std::vector<const TextBlock*> kept, std::string_view title) {
  const auto dropped = [&](const TextBlock* b) {
    return link_heavy(*b) || is_boilerplate_line(b->text) || parse_timestamp(b->text) ||
           (!title.empty() && equals_icase(b->text, title));
  };
  std::erase_if(kept, dropped);
  const auto weak = [](const TextBlock* b) { return !is_sentence_like(b->text) && b->words < 8; };
  while (!kept.empty() && weak(kept.front())) {
    kept.erase(kept.begin());
  }
  while (!kept.empty() && weak(kept.back())) {
    kept.pop_back();
  }
  std::string out;
  for (const TextBlock* b : kept) {
    out += out.empty() ? "" : "\n\n";
    out += b->text;
  }
  return out;
}

}  // namespace

std::string_view element_name(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr) {
    return {};
  }
  return reinterpret_cast<const char*>(node->name);
}

std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) {
    return {};
  }
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

std::string node_text(const xmlNode* node) {
  std::string out;
  const auto rec = [&](const auto& self, const xmlNode* n, int depth) -> void {
    for (const xmlNode* c = n->children; c != nullptr && depth < kMaxDepth; c = c->next) {
      if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
          c->content != nullptr) {
        out += reinterpret_cast<const char*>(c->content);
      } else if (c->type == XML_ELEMENT_NODE) {
        self(self, c, depth + 1);
      }
    }
  };
  rec(rec, node, 0);
  return collapse_spaces(out);
}

std::vector<TextBlock> collect_blocks(const xmlNode* root, bool strip_unlikely) {
  BlockWalker w(strip_unlikely);
  if (root != nullptr) {
    w.walk(root, 0);
    w.flush();
  }
  return std::move(w.blocks);
}

std::string select_body(const std::vector<TextBlock>& blocks, std::string_view title) {
  std::unordered_map<const xmlNode*, double> score;
  for (const TextBlock& b : blocks) {
    if (!b.paragraph || b.text.size() < 25 || b.element == nullptr) {
      continue;
    }
    const double s = paragraph_score(b) * (link_heavy(b) ? 0.1 : 1.0);
    const std::string_view tag = element_name(b.element);
    const xmlNode* parent =
        (tag == "p" || tag == "pre" || tag == "blockquote") ? b.element->parent : b.element;
    // A paragraph votes for its container, half as much for the one above and a sixth for
    // the one above that (readability's dividers), so a body split into sections is one body.
    const xmlNode* n = parent;
    for (const double divider : {1.0, 2.0, 6.0}) {
      if (n == nullptr || n->type != XML_ELEMENT_NODE) {
        break;
      }
      score[n] += s / divider;
      n = n->parent;
    }
  }
  const xmlNode* top = nullptr;
  double best = 0.0;
  for (const auto& [node, s] : score) {
    if (s > best || (s == best && top != nullptr && node < top)) {
      best = s, top = node;
    }
  }
  if (top == nullptr) {
    return fragment_text(blocks);
  }
  // When three or more near-best containers (within 75% of the best) lie under one ancestor of
  // the best, that ancestor holds the body (error class: an article in several sibling
  // sections, of which only one was kept).
  std::vector<const xmlNode*> near;
  for (const auto& [node, s] : score) {
    if (node != top && s >= 0.75 * best) {
      near.push_back(node);
    }
  }
  if (near.size() >= 2) {
    for (const xmlNode* up = top->parent; up != nullptr && up->type == XML_ELEMENT_NODE;
         up = up->parent) {
      std::size_t under = 0;
      for (const xmlNode* c : near) {
        for (const xmlNode* a = c->parent; a != nullptr; a = a->parent) {
          if (a == up) {
            ++under;
            break;
          }
        }
      }
      if (under >= 2) {
        top = up;
        best = score[up];
        break;
      }
    }
  }
  // A score that rises again on the way up means more of the body lies in the ancestor's other
  // children (readability's rule): climb while the ancestors keep a third of the best score,
  // and take the first one that scores more than the one below it.
  {
    double last = best;
    for (const xmlNode* up = top->parent;
         up != nullptr && up->type == XML_ELEMENT_NODE && element_name(up) != "body";
         up = up->parent) {
      const auto it = score.find(up);
      if (it == score.end()) {
        continue;
      }
      if (it->second < best / 3.0) {
        break;
      }
      if (it->second > last) {
        top = up;
        break;
      }
      last = it->second;
    }
  }
  // The only element child of its parent: the parent is the same container, and its siblings
  // may hold the rest of the article (readability's rule).
  const auto only_child = [](const xmlNode* n) {
    for (const xmlNode* c = n->parent->children; c != nullptr; c = c->next) {
      if (c != n && c->type == XML_ELEMENT_NODE) {
        return false;
      }
    }
    return true;
  };
  while (top->parent != nullptr && top->parent->type == XML_ELEMENT_NODE &&
         element_name(top->parent) != "body" && only_child(top)) {
    top = top->parent;
    best = std::max(best, score[top]);
  }
  std::unordered_set<const xmlNode*> roots{top};
  if (top->parent != nullptr) {
    for (const xmlNode* sib = top->parent->children; sib != nullptr; sib = sib->next) {
      const auto it = score.find(sib);
      if (it != score.end() && it->second >= kSiblingShare * score[top]) {
        roots.insert(sib);
      }
    }
  }
  std::vector<const TextBlock*> kept;
  for (const TextBlock& b : blocks) {
    for (const xmlNode* n = b.element; n != nullptr; n = n->parent) {
      if (roots.contains(n)) {
        kept.push_back(&b);
        break;
      }
    }
  }
  return join_kept(std::move(kept), title);
}

std::string fragment_text(const std::vector<TextBlock>& blocks) {
  std::vector<const TextBlock*> kept;
  kept.reserve(blocks.size());
  for (const TextBlock& b : blocks) {
    kept.push_back(&b);
  }
  return join_kept(std::move(kept), {});
}

namespace {

// Parses `html` as an HTML fragment; nullptr when libxml2 gives up. Caller frees.
htmlDocPtr parse_fragment(std::string_view html) {
  const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                   HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED;
  const auto size = static_cast<int>(std::min<std::size_t>(html.size(), 0x7fffffff));
  return htmlReadMemory(html.data(), size, nullptr, "UTF-8", opts);
}

}  // namespace

std::string html_inline_text(std::string_view html) {
  if (html.find('<') == std::string_view::npos && html.find('&') == std::string_view::npos) {
    return collapse_spaces(html);
  }
  htmlDocPtr doc = parse_fragment(html);
  if (doc == nullptr) {
    return collapse_spaces(html);
  }
  std::string out = node_text(reinterpret_cast<const xmlNode*>(doc));
  xmlFreeDoc(doc);
  return out;
}

std::string html_fragment_to_text(std::string_view html) {
  if (html.find('<') == std::string_view::npos) {
    return normalize_body(html);
  }
  const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                   HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED;
  htmlDocPtr doc =
      htmlReadMemory(html.data(), static_cast<int>(std::min<std::size_t>(html.size(), 0x7fffffff)),
                     nullptr, "UTF-8", opts);
  if (doc == nullptr) {
    return {};
  }
  std::string out = fragment_text(collect_blocks(reinterpret_cast<const xmlNode*>(doc)));
  xmlFreeDoc(doc);
  return out;
}

}  // namespace kb::importers::readers

// HTML pages: metadata (Open Graph, article:*, JSON-LD, <time>, <title>, <h1>) and the body by
// content density (html_text). Encodings declared by the page are handled by libxml2.
#include <array>
#include <libxml/HTMLparser.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include <fmt/format.h>

#include "importers/readers/clean.hpp"
#include "importers/readers/formats.hpp"
#include "importers/readers/html_text.hpp"
#include "importers/readers/timestamps.hpp"
#include "importers/readers/utf8.hpp"

namespace kb::importers::readers {
namespace {

// <meta> keys (property, name or itemprop, lower-cased) that carry a publication time, in order
// of trust.
constexpr auto kTimeKeys = std::to_array<std::string_view>(
    {"article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
     "publish-date", "publish_date", "dc.date.issued", "dcterms.issued", "dc.date",
     "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "date"});
// A body of fewer words is read again without the class/id filter (readability's retry).
constexpr std::size_t kShortBody = 50;

// Keys of a modification time, used only when no publication time is given.
constexpr auto kModifiedKeys =
    std::to_array<std::string_view>({"article:modified_time", "og:updated_time", "datemodified"});

// What the page says about itself, gathered in one walk.
struct PageMeta {
  std::map<std::string, std::string> meta;  // lower-cased key -> first content
  std::string title_tag, canonical, time_datetime;
  std::vector<std::string> json_ld;
  std::vector<std::string> h1s;  // the first kMaxHeadings <h1>s' texts, in order
  // Short text nodes in document order (date lines, bylines), and how many came before the first
  // <h1>.
  std::vector<std::string> texts;
  std::optional<std::size_t> h1_at;
};

// Text nodes kept for date lines: at most this many, of at most this many bytes.
constexpr std::size_t kMaxTexts = 1000;
// <h1> elements kept as headline candidates.
constexpr std::size_t kMaxHeadings = 10;
constexpr std::size_t kMaxTextBytes = 160;
// A date line is short; a longer text holding a date is prose or a caption.
constexpr std::size_t kMaxDateLine = 100;

// The text of the first <h1> that has any ("" when none has).
std::string_view first_h1(const PageMeta& m) {
  for (const auto& h : m.h1s) {
    if (!h.empty()) {
      return h;
    }
  }
  return {};
}

void gather(const xmlNode* node, PageMeta& m, int depth) {
  for (const xmlNode* c = node->children; c != nullptr && depth < 200; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content != nullptr && m.texts.size() < kMaxTexts) {
      const std::string_view text = trim(reinterpret_cast<const char*>(c->content));
      if (text.size() >= 6 && text.size() <= kMaxTextBytes) {
        m.texts.emplace_back(text);
      }
    }
    if (c->type != XML_ELEMENT_NODE) {
      continue;
    }
    const std::string_view name = element_name(c);
    if (name == "meta") {
      std::string key = attribute(c, "property");
      key = key.empty() ? attribute(c, "name") : key;
      key = key.empty() ? attribute(c, "itemprop") : key;
      const std::string content = attribute(c, "content");
      if (!key.empty() && !content.empty()) {
        m.meta.emplace(ascii_lower(key), content);
      }
    } else if (name == "title" && m.title_tag.empty()) {
      m.title_tag = node_text(c);
    } else if (name == "h1" && m.h1s.size() < kMaxHeadings) {
      if (first_h1(m).empty()) {  // where the first <h1> with text begins
        m.h1_at = m.texts.size();
      }
      m.h1s.push_back(node_text(c));
    } else if (name == "link" && ascii_lower(attribute(c, "rel")) == "canonical") {
      m.canonical = attribute(c, "href");
    } else if (name == "time" && m.time_datetime.empty()) {
      m.time_datetime = attribute(c, "datetime");
    } else if (name == "script" && attribute(c, "type") == "application/ld+json") {
      m.json_ld.push_back(node_text(c));
    }
    if (name == "script" || name == "style" || name == "template") {
      continue;
    }
    gather(c, m, depth + 1);
  }
}

// Depth-first search of JSON-LD for the first object carrying `key`.
const nlohmann::json* find_key(const nlohmann::json& j, const char* key, int depth = 0) {
  if (depth > 16) {
    return nullptr;
  }
  if (j.is_object()) {
    if (const auto it = j.find(key); it != j.end()) {
      return &*it;
    }
    for (const auto& [k, v] : j.items()) {
      if (const auto* hit = find_key(v, key, depth + 1)) {
        return hit;
      }
    }
  } else if (j.is_array()) {
    for (const auto& v : j) {
      if (const auto* hit = find_key(v, key, depth + 1)) {
        return hit;
      }
    }
  }
  return nullptr;
}

std::string json_ld_string(const std::vector<nlohmann::json>& docs, const char* key,
                           const char* sub = nullptr) {
  for (const auto& d : docs) {
    const nlohmann::json* v = find_key(d, key);
    if (v != nullptr && sub != nullptr) {
      v = v->is_array() && !v->empty() ? &(*v)[0] : v;
      v = v->is_object() && v->contains(sub) ? &(*v)[sub] : nullptr;
    }
    if (v != nullptr && v->is_string()) {
      return v->get<std::string>();
    }
  }
  return {};
}

std::string meta_value(const PageMeta& m, std::string_view key) {
  const auto it = m.meta.find(std::string(key));
  return it == m.meta.end() ? std::string() : it->second;
}

// The publication times the metadata states, in order of trust.
std::vector<Timestamp> page_times(const PageMeta& m, const std::vector<nlohmann::json>& ld) {
  std::vector<Timestamp> out;
  for (const auto key : kTimeKeys) {
    if (const auto t = parse_timestamp(meta_value(m, key))) {
      out.push_back(*t);
    }
  }
  if (const auto t = parse_timestamp(json_ld_string(ld, "datePublished"))) {
    out.push_back(*t);
  }
  if (const auto t = parse_timestamp(m.time_datetime)) {
    out.push_back(*t);
  }
  return out;
}

// Whether a time leaves the publisher's day open: a time of day in UTC or with no zone, which
// many pages write for a local evening that is already the next day in UTC.
bool day_open(const Timestamp& t) { return t.has_time && t.offset.value_or(0) == 0; }

// When the page says it was last modified: a bound on its publication, or its time when nothing
// else is stated.
std::optional<Timestamp> modified_time(const PageMeta& m, const std::vector<nlohmann::json>& ld) {
  for (const auto key : kModifiedKeys) {
    if (const auto t = parse_timestamp(meta_value(m, key))) {
      return t;
    }
  }
  return parse_timestamp(json_ld_string(ld, "dateModified"));
}

// The site name in a <title> that is the headline plus a suffix ("<h1> - Coastal Courier").
std::string site_from_title(std::string_view title_tag, std::string_view h1) {
  if (h1.empty() || !title_tag.starts_with(h1) || title_tag.size() == h1.size()) {
    return {};
  }
  std::string_view rest = trim(title_tag.substr(h1.size()));
  for (const std::string_view sep : {"|", "-", "::", "\xE2\x80\x94", "\xE2\x80\x93", "\xC2\xB7"}) {
    if (rest.starts_with(sep)) {
      rest = trim(rest.substr(sep.size()));
      return count_words(rest) <= 5 ? std::string(rest) : std::string();
    }
  }
  return {};
}

// The lower-cased words of at least four bytes in a text (non-ASCII bytes count as letters).
std::set<std::string> long_words(std::string_view text) {
  std::set<std::string> out;
  std::string w;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const auto c = i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
    if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      w += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else {
      if (w.size() >= 4) {
        out.insert(w);
      }
      w.clear();
    }
  }
  return out;
}

// Whether an <h1> is the article's printed headline: not the site's name or logo, and sharing a
// word with the headline the metadata gives (error class: a sidebar story's or the blog's <h1>).
bool printed_headline(std::string_view h1, std::string_view meta_title, std::string_view site) {
  const std::string_view h = trim(h1);
  if (h.empty() || count_words(h) < 2 || ascii_lower(h) == ascii_lower(trim(site))) {
    return false;
  }
  if (meta_title.empty()) {
    return true;
  }
  const auto mine = long_words(h);
  const auto theirs = long_words(meta_title);
  return std::any_of(mine.begin(), mine.end(),
                     [&](const std::string& w) { return theirs.count(w) != 0; });
}

// The article's title: its printed headline (the <h1> the reader sees; Open Graph and JSON-LD
// titles are often a social-media or search variant, 6 of 88 development pages), else the
// metadata's headline, else <title>.
std::string page_title(const PageMeta& m, const std::vector<nlohmann::json>& ld,
                       std::string_view site) {
  std::string t = meta_value(m, "og:title");
  t = t.empty() ? json_ld_string(ld, "headline") : t;
  t = t.empty() ? meta_value(m, "twitter:title") : t;
  const std::string meta_title = t.empty() ? m.title_tag : t;
  for (const std::string& h1 : m.h1s) {
    if (printed_headline(h1, meta_title, site)) {
      return clean_title(strip_site_name(h1, site));
    }
  }
  t = t.empty() ? m.title_tag : t;
  return clean_title(strip_site_name(t, site));
}

// A time written in the first text blocks (a visible dateline), when the metadata has none.
std::optional<Timestamp> visible_time(const std::vector<TextBlock>& blocks) {
  for (std::size_t i = 0; i < blocks.size() && i < 60; ++i) {
    std::string_view s = blocks[i].text;
    for (const std::string_view p : {"Published:", "Published", "Updated:", "Posted:", "Posted"}) {
      if (s.starts_with(p)) {
        s.remove_prefix(p.size());
      }
    }
    if (const auto t = parse_timestamp(s)) {
      return t;
    }
  }
  return std::nullopt;
}

// Where a text's label of a modification time begins ("Updated 14 hours ago", "Last
// modified:"): a date after it is not the publication. npos when it has none.
std::size_t modification_label(std::string_view text) {
  const std::string low = ascii_lower(text);
  return std::min(low.find("updated"), low.find("modified"));
}

// The dates the page prints for the reader (short date lines, not prose or captions), the
// nearest after the article's headline first, then those before it, nearest first. Dates
// introduced as updates are passed over.
std::vector<Timestamp> printed_times(const PageMeta& m) {
  std::vector<Timestamp> out;
  const auto take = [&](std::size_t i) {
    std::string_view text = m.texts[i];
    if (i > 0 && m.texts[i - 1].size() < 24 &&
        modification_label(m.texts[i - 1]) != std::string::npos) {
      return;
    }
    text = text.substr(0, modification_label(text));
    if (text.size() <= kMaxDateLine) {
      if (const auto t = find_written_time(text)) {
        out.push_back(*t);
      }
    }
  };
  const std::size_t h1 = std::min(m.h1_at.value_or(0), m.texts.size());
  for (std::size_t i = h1; i < m.texts.size() && i < h1 + 200 && out.size() < 8; ++i) {
    take(i);
  }
  for (std::size_t i = h1; i > 0 && h1 - i < 300 && out.size() < 16; --i) {
    take(i - 1);
  }
  return out;
}

}  // namespace

Result<ReadResult> read_html(std::string_view content, std::string_view origin,
                             const ReadOptions& options) {
  if (content.size() > 0x7fffffff) {
    return fail(Errc::parse, located(origin, 0, "HTML document larger than 2 GiB"));
  }
  const int opts =
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  const std::string url(origin);
  htmlDocPtr doc =
      htmlReadMemory(content.data(), static_cast<int>(content.size()), url.c_str(), nullptr, opts);
  if (doc == nullptr || xmlDocGetRootElement(doc) == nullptr) {
    if (doc != nullptr) {
      xmlFreeDoc(doc);
    }
    return fail(Errc::parse, located(origin, 0, "not readable as HTML"));
  }
  PageMeta m;
  gather(reinterpret_cast<const xmlNode*>(doc), m, 0);
  std::vector<nlohmann::json> ld;
  for (const auto& s : m.json_ld) {
    auto j = nlohmann::json::parse(s, nullptr, /*allow_exceptions=*/false);
    if (!j.is_discarded()) {
      ld.push_back(std::move(j));
    }
  }
  Article a;
  a.origin = std::string(origin);
  a.publisher = meta_value(m, "og:site_name");
  a.publisher = a.publisher.empty() ? json_ld_string(ld, "publisher", "name") : a.publisher;
  a.publisher = a.publisher.empty() ? meta_value(m, "application-name") : a.publisher;
  a.publisher = a.publisher.empty() ? site_from_title(m.title_tag, first_h1(m)) : a.publisher;
  a.title = page_title(m, ld, a.publisher);
  a.url = m.canonical.empty() ? meta_value(m, "og:url") : m.canonical;
  auto blocks = collect_blocks(xmlDocGetRootElement(doc));
  a.text = select_body(blocks, a.title);
  // Too little text: read again keeping what the class and id names call furniture (a page
  // whose wrapper is "m-advertisement-off-canvas" came back empty), and keep the longer body.
  if (count_words(a.text) < kShortBody) {
    auto all = collect_blocks(xmlDocGetRootElement(doc), /*strip_unlikely=*/false);
    std::string again = select_body(all, a.title);
    if (count_words(again) > count_words(a.text)) {
      a.text = std::move(again);
      blocks = std::move(all);
    }
  }
  const std::string_view address = a.url.empty() ? std::string_view(origin) : a.url;
  const auto modified = modified_time(m, ld);
  // The publication time: the metadata's, with the publisher's day taken from another statement
  // when it leaves that open (error class: US evening articles dated the next day in UTC, 10 of
  // 91 development pages): another key stating the offset for that instant, else a date the page
  // prints for that instant, else a printed day one day off it.
  const auto stated = page_times(m, ld);
  const auto printed = printed_times(m);
  std::optional<Timestamp> t;
  if (!stated.empty()) {
    t = stated.front();
  }
  if (t && day_open(*t)) {
    const auto same_instant = [&](const Timestamp& o) {
      return o.has_time && o.offset.value_or(0) != 0 &&
             std::chrono::abs(o.time - t->time) <= std::chrono::hours(1);
    };
    if (const auto it = std::find_if(stated.begin(), stated.end(), same_instant);
        it != stated.end()) {
      t = *it;
    } else if (const auto p = std::find_if(printed.begin(), printed.end(), same_instant);
               p != printed.end()) {
      t = *p;
    } else {
      // The printed date nearest the headline that is within a day decides.
      for (const Timestamp& seen : printed) {
        const auto apart = (local_day(seen) - local_day(*t)).count();
        if (apart == 0) {
          break;
        }
        if (apart == 1 || apart == -1) {
          t = seen;
          break;
        }
      }
    }
  }
  if (!t && !printed.empty()) {
    t = printed.front();
  }
  t = t ? t : visible_time(blocks);
  if (!t) {
    // A dateline ("(ANSA) - Rome, January 24 -"); one without a year takes the year of the last
    // modification or of the URL.
    t = find_dateline_day(a.text, latest_publication(modified, address));
  }
  // A page that states no time at all (error class: NYT pages whose times are only in scripts).
  t = t ? t : find_url_day(address);
  t = t ? t : modified;
  if (t) {
    a.published = t->time;
    a.published_has_time = t->has_time;
    a.published_offset = t->offset;
  }
  xmlFreeDoc(doc);
  finish_article(a, options);
  ReadResult result;
  result.articles.push_back(std::move(a));
  return result;
}

}  // namespace kb::importers::readers

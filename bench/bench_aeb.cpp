// Article Extraction Benchmark (issue #13): runs kb's HTML reader on the 181 pages of
// ../shared/data/aeb (gzip HTML, true bodies in ground-truth.json) and scores the bodies with the
// benchmark's own metric (its README: \w+ tokens, 4-token shingles, per-page tp/fp/fn normalised,
// precision and recall averaged over pages, F1 of the averages, accuracy = exact token match),
// beside the published table. Also times the reader alone (MB/s of HTML, slowest page).
// Usage: bench_aeb [--aeb DIR] [--truth FILE] [--pages] [--dump FILE] [--only SHA-PREFIX]...
//        bench_aeb --growth   time and peak RSS of the reader on generated pages of 0.5, 5 and
//                             50 MB of paragraphs, and nested 1,000, 10,000 and 100,000 deep
//   --pages  one line per page, worst F1 first (sha, F1, P, R, words true/kb, title, URL)
//   --truth  titles and publication days of the pages (default eval/aeb/truth.tsv, made by
//            independent annotators, eval/aeb/README.md): the share of titles and days kb gets
//            right; a title is kept there only as a key (title_key below), not as text
//   --dump   the predicted bodies as {"<sha>": {"articleBody": "…", "title": "…",
//            "published": "…"}}, for eval/aeb/score.py (the metric in Python, a cross-check)
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <vector>
#include <zlib.h>

#include <date/date.h>
#include <fmt/format.h>

#include "importers/readers/reader.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The bytes of a gzip file, or nullopt when it cannot be inflated.
std::optional<std::string> gunzip(const std::string& gz) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
    return std::nullopt;
  }
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  z.avail_in = static_cast<uInt>(gz.size());
  std::string out;
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) {
    return std::nullopt;
  }
  return out;
}

// Python's \w on str: letters, digits and other numbers, and the underscore.
bool word_char(UChar32 c) {
  if (c == '_') {
    return true;
  }
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

// The \w+ tokens of `text` (invalid UTF-8 bytes separate tokens).
std::vector<std::string> tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && word_char(c)) {
      cur.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) {
    out.push_back(std::move(cur));
  }
  return out;
}

// A title as a comparable key: its \w+ tokens, lower-cased, joined by spaces, hashed with 64-bit
// FNV-1a (hex). Punctuation, quotes and spacing do not count; words and their order do. The
// truth file holds only this key, so no publisher's headline is copied into the repository.
// eval/aeb/truth.py computes the same key.
std::string title_key(std::string_view title) {
  std::string joined;
  for (const auto& tok : tokens(title)) {
    const auto* s = reinterpret_cast<const uint8_t*>(tok.data());
    const auto n = static_cast<int32_t>(tok.size());
    if (!joined.empty()) {
      joined += ' ';
    }
    for (int32_t i = 0; i < n;) {
      UChar32 c = 0;
      U8_NEXT(s, i, n, c);
      uint8_t buf[U8_MAX_LENGTH];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, static_cast<std::uint32_t>(u_tolower(c)));
      joined.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
    }
  }
  std::uint64_t h = 14695981039346656037ULL;
  for (const char ch : joined) {
    h ^= static_cast<unsigned char>(ch);
    h *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", h);
}

// One page's truth: its title's key ("-" when it has no headline) and its publication day as the
// publisher states it ("-" when the page states none).
struct PageTruth {
  std::string title_key, day;
};

// eval/aeb/truth.tsv: sha, title_key, day, evidence (a header line first). Empty when absent.
std::map<std::string, PageTruth> read_truth(const fs::path& p) {
  std::map<std::string, PageTruth> out;
  std::ifstream in(p);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::size_t b = 0;
    for (std::size_t tab = line.find('\t'); tab != std::string::npos;
         b = tab + 1, tab = line.find('\t', b)) {
      f.push_back(line.substr(b, tab - b));
    }
    f.push_back(line.substr(b));
    if (f.size() >= 3) {
      out[f[0]] = PageTruth{f[1], f[2]};
    }
  }
  return out;
}

// Counts of the 4-token shingles (the whole list as one when shorter than 4).
std::map<std::string, int> shingles(const std::vector<std::string>& toks) {
  std::map<std::string, int> out;
  if (toks.size() < 4) {
    std::string key;
    for (const auto& t : toks) {
      key += t + '\x1f';
    }
    ++out[key];
    return out;
  }
  for (std::size_t i = 0; i + 4 <= toks.size(); ++i) {
    ++out[toks[i] + '\x1f' + toks[i + 1] + '\x1f' + toks[i + 2] + '\x1f' + toks[i + 3]];
  }
  return out;
}

struct PageScore {
  double tp = 0, fp = 0, fn = 0;
  bool exact = false;
  std::size_t true_words = 0, kb_words = 0;
};

PageScore score_page(std::string_view truth, std::string_view predicted) {
  const auto t = tokens(truth);
  const auto p = tokens(predicted);
  PageScore s;
  s.exact = t == p;
  s.true_words = t.size();
  s.kb_words = p.size();
  const auto ts = shingles(t);
  const auto ps = shingles(p);
  for (const auto& [k, n] : ts) {
    const auto it = ps.find(k);
    const int m = it == ps.end() ? 0 : it->second;
    s.tp += std::min(n, m);
    s.fn += std::max(0, n - m);
  }
  for (const auto& [k, m] : ps) {
    const auto it = ts.find(k);
    s.fp += std::max(0, m - (it == ts.end() ? 0 : it->second));
  }
  const double all = s.tp + s.fp + s.fn;
  if (all > 0) {
    s.tp /= all, s.fp /= all, s.fn /= all;
  }
  return s;
}

// Page precision and recall as the benchmark defines them (nullopt: left out of the mean).
std::optional<double> page_precision(const PageScore& s) {
  if (s.fp == 0 && s.fn == 0) {
    return 1.0;
  }
  return s.tp + s.fp > 0 ? std::optional<double>(s.tp / (s.tp + s.fp)) : std::nullopt;
}
std::optional<double> page_recall(const PageScore& s) {
  if (s.fp == 0 && s.fn == 0) {
    return 1.0;
  }
  return s.tp + s.fn > 0 ? std::optional<double>(s.tp / (s.tp + s.fn)) : std::nullopt;
}

// Peak resident memory of this process so far (VmHWM), in MiB.
double peak_rss_mib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) {
      return std::stod(line.substr(6)) / 1024.0;
    }
  }
  return 0;
}

// Reads `html` once; prints a row of the growth table.
void growth_row(const char* kind, const std::string& html) {
  kb::importers::ReadOptions opts;
  opts.format = kb::importers::Format::html;
  const auto t0 = std::chrono::steady_clock::now();
  const auto read = kb::importers::read_articles(html, "generated.html", opts);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const std::size_t words =
      read && !read->articles.empty()
          ? static_cast<std::size_t>(
                std::count(read->articles[0].text.begin(), read->articles[0].text.end(), ' '))
          : 0;
  fmt::print("| {} | {:.1f} MB | {:.3f} | {:.1f} | {} | {} |\n", kind,
             static_cast<double>(html.size()) / 1e6, s, peak_rss_mib(), read ? "ok" : "error",
             words);
}

int growth() {
  fmt::print(
      "| page | size | seconds | peak RSS MiB (process so far) | read | body spaces |\n"
      "|---|---:|---:|---:|---|---:|\n");
  const std::string para =
      "<p>Paragraph of the report: the ministers met on Tuesday, agreed on a plan, and said "
      "that the money would follow within weeks, as officials had promised.</p>\n";
  for (const std::size_t mb : {std::size_t{1}, std::size_t{10}, std::size_t{100}}) {
    std::string html = "<html><head><title>Growth</title></head><body><article>";
    while (html.size() < mb * 500'000) {
      html += para;
    }
    html += "</article></body></html>";
    growth_row("paragraphs", html);
  }
  for (const std::size_t depth : {std::size_t{1000}, std::size_t{10000}, std::size_t{100000}}) {
    std::string html = "<html><body>";
    for (std::size_t i = 0; i < depth; ++i) {
      html += "<div>";
    }
    html += para;
    for (std::size_t i = 0; i < depth; ++i) {
      html += "</div>";
    }
    html += "</body></html>";
    growth_row(depth == 1'000    ? "nested 1,000"
               : depth == 10'000 ? "nested 10,000"
                                 : "nested 100,000",
               html);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path aeb = "../shared/data/aeb";
  bool pages = false;
  std::string dump;
  fs::path truth_file = "eval/aeb/truth.tsv";
  std::vector<std::string> only;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--aeb" && i + 1 < argc) {
      aeb = argv[++i];
    } else if (a == "--pages") {
      pages = true;
    } else if (a == "--dump" && i + 1 < argc) {
      dump = argv[++i];
    } else if (a == "--truth" && i + 1 < argc) {
      truth_file = argv[++i];
    } else if (a == "--growth") {
      return growth();
    } else if (a == "--only" && i + 1 < argc) {
      only.emplace_back(argv[++i]);
    } else {
      std::cerr << "usage: bench_aeb [--aeb DIR] [--truth FILE] [--pages] [--dump FILE] "
                   "[--only SHA]...\n";
      return 2;
    }
  }
  const fs::path truth_path = aeb / "ground-truth.json";
  if (!fs::exists(truth_path)) {
    std::cerr << "bench_aeb: no " << truth_path.string() << " (the benchmark is in ../shared)\n";
    return 1;
  }
  const auto truth = nlohmann::json::parse(read_file(truth_path));
  kb::importers::ReadOptions opts;
  opts.format = kb::importers::Format::html;

  const auto page_truth = read_truth(truth_file);
  struct Row {
    std::string sha, url, title, day;
    PageScore s;
    double ms = 0;
  };
  std::vector<Row> rows;
  nlohmann::json dumped = nlohmann::json::object();
  double seconds = 0, slowest = 0;
  std::size_t bytes = 0;
  for (const auto& [sha, entry] : truth.items()) {
    if (!only.empty() && std::none_of(only.begin(), only.end(),
                                      [&](const std::string& o) { return sha.starts_with(o); })) {
      continue;
    }
    const auto html = gunzip(read_file(aeb / "html" / (sha + ".html.gz")));
    if (!html) {
      std::cerr << "bench_aeb: cannot read html/" << sha << ".html.gz\n";
      return 1;
    }
    const std::string url = entry.value("url", "");
    const auto t0 = std::chrono::steady_clock::now();
    auto read = kb::importers::read_articles(*html, url, opts);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    seconds += ms / 1000.0;
    slowest = std::max(slowest, ms);
    bytes += html->size();
    std::string body, title, published, day;
    if (read && !read->articles.empty()) {
      const auto& art = read->articles.front();
      body = art.text;
      title = art.title;
      if (art.published) {
        published = date::format("%FT%TZ", *art.published);
        // The publisher's day: the local time the page stated.
        day = date::format(
            "%F", date::floor<date::days>(*art.published +
                                          std::chrono::minutes(art.published_offset.value_or(0))));
      }
    }
    Row r{sha, url, title, day, score_page(entry.value("articleBody", ""), body), ms};
    rows.push_back(std::move(r));
    dumped[sha] = {{"articleBody", body}, {"title", title}, {"published", published}, {"day", day}};
  }
  double psum = 0, rsum = 0;
  int pn = 0, rn = 0, exact = 0;
  for (const auto& r : rows) {
    if (const auto p = page_precision(r.s)) {
      psum += *p, ++pn;
    }
    if (const auto q = page_recall(r.s)) {
      rsum += *q, ++rn;
    }
    exact += r.s.exact ? 1 : 0;
  }
  const double p = pn ? psum / pn : 0, r = rn ? rsum / rn : 0;
  const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  if (pages) {
    std::vector<const Row*> order;
    for (const auto& row : rows) {
      order.push_back(&row);
    }
    const auto f = [](const Row* x) {
      const double pp = page_precision(x->s).value_or(0), rr = page_recall(x->s).value_or(0);
      return pp + rr > 0 ? 2 * pp * rr / (pp + rr) : 0.0;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](const Row* a, const Row* b) { return f(a) < f(b); });
    for (const Row* x : order) {
      fmt::print("{} F1 {:.3f} P {:.3f} R {:.3f} words {}/{} {:.1f} ms | {} | {}\n",
                 x->sha.substr(0, 12), f(x), page_precision(x->s).value_or(0),
                 page_recall(x->s).value_or(0), x->s.true_words, x->s.kb_words, x->ms, x->title,
                 x->url);
    }
  }
  if (!dump.empty()) {
    std::ofstream(dump) << dumped.dump(1) << "\n";
  }
  fmt::print("| extractor | F1 | P | R | accuracy |\n|---|---|---|---|---|\n");
  fmt::print("| **kb (this build, {} pages)** | **{:.3f}** | {:.3f} | {:.3f} | {:.3f} |\n",
             rows.size(), f1, p, r,
             rows.empty() ? 0.0 : static_cast<double>(exact) / static_cast<double>(rows.size()));
  for (const auto& [name, pf, pp, pr] :
       std::vector<std::tuple<const char*, double, double, double>>{
           {"rs_trafilatura", 0.970, 0.951, 0.990},
           {"go_trafilatura", 0.960, 0.940, 0.980},
           {"trafilatura 2.0.0", 0.958, 0.938, 0.978},
           {"newspaper4k 0.9.3.1", 0.949, 0.964, 0.934},
           {"Readability.js 0.6.0", 0.947, 0.914, 0.982},
           {"go_domdistiller", 0.927, 0.901, 0.956},
           {"readability-lxml", 0.922, 0.913, 0.931},
           {"goose3 3.1.20", 0.896, 0.940, 0.856},
           {"jusText 3.0.2", 0.804, 0.858, 0.756},
           {"html-text (all visible text)", 0.665, 0.500, 0.994}}) {
    fmt::print("| {} (published) | {:.3f} | {:.3f} | {:.3f} | |\n", name, pf, pp, pr);
  }
  if (!page_truth.empty()) {
    // Titles and days against the annotators' truth: pages the truth file lacks are not counted;
    // a page with no headline or no stated day counts for the title or the day only.
    int titled = 0, titles_right = 0, dated = 0, days_right = 0, undated_quiet = 0, undated = 0;
    for (const auto& row : rows) {
      const auto it = page_truth.find(row.sha);
      if (it == page_truth.end()) {
        continue;
      }
      const PageTruth& t = it->second;
      const bool title_ok = t.title_key != "-" && title_key(row.title) == t.title_key;
      const bool day_ok = t.day != "-" && row.day == t.day;
      if (t.title_key != "-") {
        ++titled, titles_right += title_ok ? 1 : 0;
      }
      if (t.day != "-") {
        ++dated, days_right += day_ok ? 1 : 0;
      } else {
        ++undated, undated_quiet += row.day.empty() ? 1 : 0;
      }
      if (pages && (!title_ok || !day_ok)) {
        fmt::print("truth {} title {} day {} (kb {}) | {}\n", row.sha.substr(0, 12),
                   title_ok ? "ok" : "WRONG", day_ok ? "ok" : "WRONG",
                   row.day.empty() ? "-" : row.day, row.title);
      }
    }
    const auto share = [](int a, int b) { return b ? static_cast<double>(a) / b : 0.0; };
    fmt::print(
        "\ntitles right {}/{} = {:.3f}; publication days right {}/{} = {:.3f}; pages stating no "
        "day left undated {}/{} ({})\n",
        titles_right, titled, share(titles_right, titled), days_right, dated,
        share(days_right, dated), undated_quiet, undated, truth_file.string());
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  fmt::print(
      "\nreader alone: {:.1f} MB of HTML in {:.2f} s = {:.1f} MB/s (one thread), slowest "
      "page {:.1f} ms\n",
      mb, seconds, seconds > 0 ? mb / seconds : 0.0, slowest);
  return 0;
}

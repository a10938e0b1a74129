// CoNLL-U reading and writing: see sentence.hpp.
#include "importers/analysis/sentence.hpp"

#include <charconv>

namespace kb::analysis {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    out.push_back(
        line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) {
      return out;
    }
    start = tab + 1;
  }
}

std::string field(std::string_view v) { return v == "_" ? std::string() : std::string(v); }

std::string clean(std::string_view v) {
  std::string s(v);
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') {
      c = ' ';
    }
  }
  return s.empty() ? "_" : s;
}

}  // namespace

std::string_view universal_relation(std::string_view deprel) {
  const std::size_t colon = deprel.find(':');
  return colon == std::string_view::npos ? deprel : deprel.substr(0, colon);
}

Result<std::vector<ParsedSentence>> read_conllu(std::string_view text) {
  std::vector<ParsedSentence> out;
  ParsedSentence cur;
  std::size_t lineno = 0;
  std::size_t pos = 0;
  auto flush = [&]() {
    if (!cur.words.empty()) {
      out.push_back(std::move(cur));
    }
    cur = ParsedSentence{};
  };
  while (pos <= text.size()) {
    const std::size_t nl = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++lineno;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') {
      if (line.starts_with("# text = ")) {
        cur.text = std::string(line.substr(9));
      }
      continue;
    }
    const std::vector<std::string_view> f = split_tabs(line);
    if (f.size() != 10) {
      return fail(Errc::parse,
                  "line " + std::to_string(lineno) + ": expected 10 tab-separated fields");
    }
    if (f[0].find('-') != std::string_view::npos || f[0].find('.') != std::string_view::npos) {
      continue;  // multiword token range or empty node
    }
    int id = 0;
    int head = 0;
    auto r1 = std::from_chars(f[0].data(), f[0].data() + f[0].size(), id);
    auto r2 = std::from_chars(f[6].data(), f[6].data() + f[6].size(), head);
    if (r1.ec != std::errc{} || id != static_cast<int>(cur.words.size()) + 1) {
      return fail(Errc::parse,
                  "line " + std::to_string(lineno) + ": word ids must count 1, 2, 3 …");
    }
    if (r2.ec != std::errc{} || f[6] == "_") {
      head = -1;
    }
    Word w;
    w.form = std::string(f[1]);
    w.lemma = field(f[2]);
    w.upos = field(f[3]);
    w.xpos = field(f[4]);
    w.head = head;
    w.deprel = field(f[7]);
    w.space_after = f[9].find("SpaceAfter=No") == std::string_view::npos;
    cur.words.push_back(std::move(w));
  }
  flush();
  for (const ParsedSentence& s : out) {
    for (const Word& w : s.words) {
      if (w.head > static_cast<int>(s.words.size())) {
        return fail(Errc::parse, "a head points past its sentence (word '" + w.form + "')");
      }
    }
  }
  return out;
}

std::string write_conllu(const std::vector<ParsedSentence>& sentences, std::size_t first_id) {
  std::string out;
  std::size_t id = first_id;
  for (const ParsedSentence& s : sentences) {
    out += "# sent_id = " + std::to_string(id++) + "\n";
    out += "# text = " + clean(s.text) + "\n";
    for (std::size_t i = 0; i < s.words.size(); ++i) {
      const Word& w = s.words[i];
      out += std::to_string(i + 1);
      out += '\t' + clean(w.form) + '\t' + clean(w.lemma) + '\t' + clean(w.upos) + '\t' +
             clean(w.xpos) + "\t_\t";
      out += (w.head < 0 ? std::string("_") : std::to_string(w.head));
      out += '\t' + clean(w.deprel) + "\t_\t";
      out += (w.space_after || i + 1 == s.words.size()) ? "_" : "SpaceAfter=No";
      out += '\n';
    }
    out += '\n';
  }
  return out;
}

}  // namespace kb::analysis

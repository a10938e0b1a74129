// TimeML reader (a small tag-stripping parser; .tml files are flat, well-formed XML) and the
// TempEval-3 Task A scorer.
#include "importers/timex/timeml.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

namespace kb::timex {
namespace {

// Appends the UTF-8 encoding of code point `cp`.
void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the entity starting at xml[i] == '&' into `out`; returns the index after it.
std::size_t decode_entity(std::string_view xml, std::size_t i, std::string& out) {
  const std::size_t semi = xml.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) {
    out += '&';
    return i + 1;
  }
  const std::string_view name = xml.substr(i + 1, semi - i - 1);
  if (name == "amp") {
    out += '&';
  } else if (name == "lt") {
    out += '<';
  } else if (name == "gt") {
    out += '>';
  } else if (name == "quot") {
    out += '"';
  } else if (name == "apos") {
    out += '\'';
  } else if (!name.empty() && name[0] == '#') {
    unsigned cp = 0;
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string_view digits = name.substr(hex ? 2 : 1);
    std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    append_utf8(out, cp);
  } else {
    out.append(xml.substr(i, semi - i + 1));
  }
  return semi + 1;
}

// The value of attribute `name` in the tag text `tag` ("" if absent).
std::string attribute(std::string_view tag, std::string_view name) {
  std::size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    const bool word_start =
        pos > 0 && (tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n');
    std::size_t q = pos + name.size();
    while (q < tag.size() && tag[q] == ' ') {
      ++q;
    }
    if (word_start && q < tag.size() && tag[q] == '=') {
      ++q;
      while (q < tag.size() && tag[q] == ' ') {
        ++q;
      }
      if (q < tag.size() && (tag[q] == '"' || tag[q] == '\'')) {
        const std::size_t close = tag.find(tag[q], q + 1);
        if (close != std::string_view::npos) {
          std::string raw;
          const std::string_view v = tag.substr(q + 1, close - q - 1);
          for (std::size_t i = 0; i < v.size();) {
            if (v[i] == '&') {
              i = decode_entity(v, i, raw);
            } else {
              raw += v[i++];
            }
          }
          return raw;
        }
      }
    }
    pos += name.size();
  }
  return {};
}

// Parses "YYYY-MM-DD..." or "YYYYMMDD" at the start of `v`.
std::optional<date::sys_days> parse_dct(std::string_view v) {
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  auto num = [&](std::size_t pos, std::size_t len, auto& out) {
    if (pos + len > v.size()) {
      return false;
    }
    auto [p, ec] = std::from_chars(v.data() + pos, v.data() + pos + len, out);
    return ec == std::errc() && p == v.data() + pos + len;
  };
  const bool dashed = v.size() >= 10 && v[4] == '-';
  const bool ok = dashed ? num(0, 4, y) && num(5, 2, m) && num(8, 2, d)
                         : num(0, 4, y) && num(4, 2, m) && num(6, 2, d);
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ok || !ymd.ok()) {
    return std::nullopt;
  }
  return date::sys_days{ymd};
}

}  // namespace

kb::Result<TimemlDoc> parse_timeml(std::string_view xml, std::string name) {
  TimemlDoc doc;
  doc.name = std::move(name);
  const std::size_t dct_pos = xml.find("<DCT>");
  const std::size_t dct_end = xml.find("</DCT>");
  std::optional<date::sys_days> dct;
  if (dct_pos != std::string_view::npos && dct_end != std::string_view::npos) {
    dct = parse_dct(attribute(xml.substr(dct_pos, dct_end - dct_pos), "value"));
  }
  const std::size_t text_pos = xml.find("<TEXT>");
  const std::size_t text_end = xml.rfind("</TEXT>");
  if (!dct || text_pos == std::string_view::npos || text_end == std::string_view::npos ||
      text_end < text_pos) {
    return kb::fail(kb::Errc::parse,
                    "not a TimeML document with <DCT> and <TEXT>: '" + doc.name + "'");
  }
  doc.dct = *dct;
  const std::string_view body = xml.substr(text_pos + 6, text_end - text_pos - 6);
  std::optional<TimemlTimex> open;
  std::optional<TimemlEvent> event;
  for (std::size_t i = 0; i < body.size();) {
    if (body[i] == '&') {
      i = decode_entity(body, i, doc.text);
      continue;
    }
    if (body[i] != '<') {
      doc.text += body[i++];
      continue;
    }
    const std::size_t close = body.find('>', i);
    if (close == std::string_view::npos) {
      break;
    }
    const std::string_view tag = body.substr(i, close - i + 1);
    if (tag.starts_with("<TIMEX3")) {
      TimemlTimex t;
      t.begin = doc.text.size();
      t.type = attribute(tag, "type");
      t.value = attribute(tag, "value");
      t.mod = attribute(tag, "mod");
      if (tag.ends_with("/>")) {
        t.end = t.begin;  // empty timexes carry no text and are not scored
      } else {
        open = std::move(t);
      }
    } else if (tag.starts_with("<EVENT") && !tag.ends_with("/>")) {
      event = TimemlEvent{doc.text.size(), doc.text.size(), attribute(tag, "class")};
    } else if (tag.starts_with("</EVENT") && event) {
      event->end = doc.text.size();
      if (event->end > event->begin) {
        doc.events.push_back(std::move(*event));
      }
      event.reset();
    } else if (tag.starts_with("</TIMEX3") && open) {
      open->end = doc.text.size();
      if (open->end > open->begin) {
        doc.timexes.push_back(std::move(*open));
      }
      open.reset();
    }
    i = close + 1;
  }
  return doc;
}

void TimexScore::add(const TimexScore& o) {
  gold += o.gold;
  system += o.system;
  strict_gold += o.strict_gold;
  strict_system += o.strict_system;
  relaxed_gold += o.relaxed_gold;
  relaxed_system += o.relaxed_system;
  pairs += o.pairs;
  value_ok += o.value_ok;
  type_ok += o.type_ok;
}

namespace {
double ratio(std::size_t a, std::size_t b) {
  return b == 0 ? 0.0 : 100.0 * static_cast<double>(a) / static_cast<double>(b);
}
double f1(double p, double r) { return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r); }
}  // namespace

double TimexScore::strict_p() const { return ratio(strict_system, system); }
double TimexScore::strict_r() const { return ratio(strict_gold, gold); }
double TimexScore::strict_f1() const { return f1(strict_p(), strict_r()); }
double TimexScore::relaxed_p() const { return ratio(relaxed_system, system); }
double TimexScore::relaxed_r() const { return ratio(relaxed_gold, gold); }
double TimexScore::relaxed_f1() const { return f1(relaxed_p(), relaxed_r()); }
double TimexScore::value_f1() const { return relaxed_f1() * ratio(value_ok, pairs) / 100.0; }
double TimexScore::type_f1() const { return relaxed_f1() * ratio(type_ok, pairs) / 100.0; }

TimexScore score_timexes(const std::vector<TimemlTimex>& gold,
                         const std::vector<TimemlTimex>& system) {
  TimexScore s;
  s.gold = gold.size();
  s.system = system.size();
  auto overlaps = [](const TimemlTimex& a, const TimemlTimex& b) {
    return a.begin < b.end && b.begin < a.end;
  };
  auto same = [](const TimemlTimex& a, const TimemlTimex& b) {
    return a.begin == b.begin && a.end == b.end;
  };
  // Both lists are small per document; quadratic matching keeps this obviously correct.
  for (const TimemlTimex& g : gold) {
    s.strict_gold +=
        std::any_of(system.begin(), system.end(), [&](const TimemlTimex& x) { return same(g, x); })
            ? 1U
            : 0U;
    s.relaxed_gold += std::any_of(system.begin(), system.end(),
                                  [&](const TimemlTimex& x) { return overlaps(g, x); })
                          ? 1U
                          : 0U;
  }
  for (const TimemlTimex& x : system) {
    const TimemlTimex* match = nullptr;
    for (const TimemlTimex& g : gold) {
      if (same(g, x)) {
        match = &g;
        break;
      }
      if (match == nullptr && overlaps(g, x)) {
        match = &g;
      }
    }
    if (match == nullptr) {
      continue;
    }
    s.strict_system += same(*match, x) ? 1U : 0U;
    ++s.relaxed_system;
    ++s.pairs;
    s.value_ok += match->value == x.value ? 1U : 0U;
    s.type_ok += match->type == x.type ? 1U : 0U;
  }
  return s;
}

}  // namespace kb::timex

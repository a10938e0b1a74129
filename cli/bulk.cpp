// Bulk changes: the --where filter and the confirmation.

#include "cli/bulk.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "cli/filter_options.hpp"

namespace kb::cli {

Result<std::vector<std::string>> split_words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < text.size()) {
        word += text[++i];
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < text.size()) {
      word += text[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) {
        out.push_back(std::move(word));
        word.clear();
        in_word = false;
      }
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote != 0) {
    return fail(Errc::invalid_argument, fmt::format("--where: unclosed {} quote", quote));
  }
  if (in_word) {
    out.push_back(std::move(word));
  }
  return out;
}

Result<std::vector<Id>> where_events(Repository& store, const std::string& where,
                                     const Context& ctx) {
  KB_ASSIGN(std::vector<std::string> words, split_words(where));
  if (words.empty()) {
    return fail(Errc::invalid_argument,
                "--where is empty: give a filter, e.g. --where \"--place Bakhmut --kind attack\"");
  }
  CLI::App parser("--where", "where");
  EventFilter f;
  add_filter_options(&parser, f);
  std::reverse(words.begin(), words.end());  // CLI11 takes the arguments last first
  try {
    parser.parse(words);
  } catch (const CLI::ParseError& e) {
    return fail(Errc::invalid_argument, fmt::format("--where \"{}\": {}", where, e.what()));
  }
  KB_ASSIGN(const TimelineQuery q, filter_query(f, ctx));
  KB_ASSIGN(const auto events, store.timeline(q));
  std::vector<Id> ids;
  ids.reserve(events.size());
  for (const auto& e : events) {
    ids.push_back(e.id);
  }
  return ids;
}

Result<bool> confirm_bulk(Context& ctx, std::size_t n, std::string_view action, bool yes,
                          std::string_view where) {
  if (n == 0) {
    return fail(Errc::not_found, fmt::format("no events match --where \"{}\"", where));
  }
  if (yes) {
    return true;
  }
  if (!ctx.in_is_tty) {
    if (n == 1) {
      return true;
    }
    return fail(Errc::invalid_argument,
                fmt::format("--where selects {} events: to {} without a terminal to ask on, "
                            "add --yes",
                            n, action));
  }
  std::string verb(action.substr(0, action.find(' ')));
  const std::string_view detail =
      action.find(' ') == std::string_view::npos ? "" : action.substr(action.find(' '));
  if (!verb.empty() && verb[0] >= 'a' && verb[0] <= 'z') {
    verb[0] = static_cast<char>(verb[0] - 'a' + 'A');
  }
  ctx.err << fmt::format("{} {} event{}{}? [y/N] ", verb, n, n == 1 ? "" : "s", detail);
  ctx.err.flush();
  std::string answer;
  std::getline(ctx.in, answer);
  if (answer != "y" && answer != "Y" && answer != "yes") {
    ctx.err << "kb: nothing changed\n";
    return false;
  }
  return true;
}

void add_bulk_options(CLI::App* sub, std::string& where, bool& yes) {
  sub->add_option("--where", where,
                  "Every event this filter selects, written as kb timeline's options in one "
                  "string: --where \"--place Bakhmut --kind attack --from 2023-05\"");
  sub->add_flag("--yes,-y", yes, "Do not ask for confirmation");
}

}  // namespace kb::cli

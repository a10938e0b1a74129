// Month and weekday words: see calendar_words.hpp.
#include "kb/calendar_words.hpp"

#include <algorithm>
#include <span>

namespace kb::calendar {
namespace {

int lookup(std::span<const NamedNumber> table, std::string_view word) {
  if (word.ends_with('.')) {
    word.remove_suffix(1);
  }
  for (const NamedNumber& n : table) {
    if (n.word.size() == word.size() &&
        std::equal(word.begin(), word.end(), n.word.begin(), [](char a, char b) {
          return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
        })) {
      return n.number;
    }
  }
  return 0;
}

}  // namespace

int month_number(std::string_view word) { return lookup(kMonthWords, word); }
int weekday_number(std::string_view word) { return lookup(kWeekdayWords, word); }

}  // namespace kb::calendar

// alias_key(): ICU case folding plus accent stripping (NFD, drop nonspacing marks).

#include "kb/text_key.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace kb {
namespace {

// Maps typographic variants onto their ASCII forms so that keys agree.
UChar32 unify(UChar32 c) {
  switch (c) {
    case 0x2018:  // left single quote
    case 0x2019:  // right single quote / apostrophe
    case 0x02BC:  // modifier letter apostrophe
    case 0x0060:  // grave accent used as apostrophe
      return '\'';
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
    case 0x2012:  // figure dash
    case 0x2013:  // en dash
    case 0x2014:  // em dash
      return '-';
    default:
      return c;
  }
}

}  // namespace

std::string alias_key(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<std::int32_t>(name.size())));
  text.foldCase();
  icu::UnicodeString decomposed = U_SUCCESS(status) != 0 ? nfd->normalize(text, status) : text;
  if (U_FAILURE(status) != 0) {
    decomposed = text;
  }
  icu::UnicodeString out;
  bool pending_space = false;
  for (std::int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) == U_NON_SPACING_MARK) {
      continue;
    }
    if (u_isUWhiteSpace(c) != 0) {
      pending_space = out.length() > 0;
      continue;
    }
    if (pending_space) {
      out.append(static_cast<UChar>(' '));
      pending_space = false;
    }
    out.append(unify(c));
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

}  // namespace kb

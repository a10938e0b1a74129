// Analyzer: see analyzer.hpp.
#include "importers/analysis/analyzer.hpp"

#include "importers/analysis/clusters.hpp"
#include "importers/analysis/tokenizer.hpp"
#include "importers/sentences.hpp"

namespace kb::analysis {

struct Analyzer::Impl {
  std::shared_ptr<const Models> models;
  std::shared_ptr<const WordClusters> clusters;  // none: words keep class 0
  importers::SentenceSplitter splitter;
};

namespace {

bool is_quote(const Word& w) {
  return w.form == "\"" || w.form == "\u201C" || w.form == "\u201D" || w.form == "''" ||
         w.form == "``";
}

}  // namespace

bool opens_inside_quotation(std::string_view sentence) {
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    if (sentence.substr(i).starts_with("\u201D")) {
      return i > 0;  // a closing mark
    }
    if (sentence.substr(i).starts_with("\u201C")) {
      return false;  // an opening mark
    }
    if (sentence[i] != '"') {
      continue;
    }
    // A straight mark closes when it touches the word before it and not the one after it.
    const bool after_word = i > 0 && sentence[i - 1] != ' ' && sentence[i - 1] != '\n' &&
                            sentence[i - 1] != '\t' && sentence[i - 1] != '(';
    const bool before_space = i + 1 == sentence.size() || sentence[i + 1] == ' ' ||
                              sentence[i + 1] == '\n' || sentence[i + 1] == ',' ||
                              sentence[i + 1] == '.';
    return after_word && before_space;
  }
  return false;
}

void analyze_with_opening_quote(const Models& models, std::vector<Word>& words) {
  std::vector<Word> with;
  with.reserve(words.size() + 1);
  Word quote;
  quote.form = "\"";
  quote.begin = words.empty() ? 0 : words.front().begin;
  quote.end = quote.begin;
  quote.space_after = false;
  for (const Word& w : words) {
    if (is_quote(w)) {
      quote.cluster = w.cluster;  // the closing quote's word classes, as clusters.hpp gives them
      quote.cluster_coarse = w.cluster_coarse;
      break;
    }
  }
  with.push_back(std::move(quote));
  with.insert(with.end(), std::make_move_iterator(words.begin()),
              std::make_move_iterator(words.end()));
  models.analyze(with);
  // Take the quote out: its dependents go to its head (or, were it the root, to its first
  // dependent, which becomes the root), and every head after it moves down by one.
  const int quote_head = with.front().head;
  int new_root = 0;  // 1-based in `with`
  if (quote_head <= 0) {
    for (std::size_t i = 1; i < with.size(); ++i) {
      if (with[i].head == 1) {
        new_root = static_cast<int>(i) + 1;
        break;
      }
    }
  }
  for (std::size_t i = 1; i < with.size(); ++i) {
    Word& w = with[i];
    if (static_cast<int>(i) + 1 == new_root) {
      w.head = 0;
      w.deprel = "root";
    } else if (w.head == 1) {
      w.head = quote_head > 0 ? quote_head : new_root;
    }
    w.head = w.head > 1 ? w.head - 1 : w.head;
    words[i - 1] = std::move(w);
  }
}

std::filesystem::path model_path(const std::filesystem::path& data_dir) {
  return data_dir / "analysis" / "en_ewt.kbm";
}

std::filesystem::path verbs_path(const std::filesystem::path& data_dir) {
  return data_dir / "analysis" / "wordnet-verbs.txt";
}

std::filesystem::path clusters_path(const std::filesystem::path& data_dir) {
  return data_dir / "analysis" / "clusters.kbc";
}

Analyzer::Analyzer(std::shared_ptr<const Models> models,
                   std::shared_ptr<const WordClusters> clusters)
    : impl_(std::make_unique<Impl>()) {
  impl_->models = std::move(models);
  impl_->clusters = std::move(clusters);
}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

Result<Analyzer> Analyzer::load(const std::filesystem::path& data_dir) {
  KB_ASSIGN(Models m, Models::load(model_path(data_dir), verbs_path(data_dir)));
  KB_ASSIGN(WordClusters c, WordClusters::load(clusters_path(data_dir)));
  return Analyzer(std::make_shared<const Models>(std::move(m)),
                  std::make_shared<const WordClusters>(std::move(c)));
}

ParsedSentence Analyzer::analyze_sentence(std::string_view text, std::size_t begin,
                                          std::size_t end) const {
  const std::string_view sentence = text.substr(begin, end - begin);
  return analyze_words(sentence, text::scan(sentence), begin, end);
}

ParsedSentence Analyzer::analyze_sentence(std::string_view text,
                                          std::span<const text::Piece> pieces, std::size_t begin,
                                          std::size_t end) const {
  return analyze_words(text.substr(begin, end - begin),
                       text::slice(text, pieces, begin, std::min(end, text.size())), begin, end);
}

ParsedSentence Analyzer::analyze_words(std::string_view sentence,
                                       std::span<const text::Piece> pieces, std::size_t begin,
                                       std::size_t end) const {
  ParsedSentence s;
  s.begin = begin;
  s.end = end;
  s.text = std::string(sentence);
  s.words = tokenize(s.text, pieces, begin);
  if (impl_->clusters) {
    impl_->clusters->assign(s.words);
  }
  // Analyse long runs in pieces, each a tree of its own attached to the first piece's root.
  std::size_t root = 0;
  for (std::size_t start = 0; start < s.words.size(); start += kMaxSentenceWords) {
    const std::size_t stop = std::min(s.words.size(), start + kMaxSentenceWords);
    std::vector<Word> piece(s.words.begin() + static_cast<std::ptrdiff_t>(start),
                            s.words.begin() + static_cast<std::ptrdiff_t>(stop));
    if (start == 0 && opens_inside_quotation(sentence)) {
      analyze_with_opening_quote(*impl_->models, piece);
    } else {
      impl_->models->analyze(piece);
    }
    for (std::size_t i = 0; i < piece.size(); ++i) {
      Word& w = piece[i];
      if (w.head == 0 && start > 0) {
        w.head = static_cast<int>(root);
        w.deprel = "parataxis";
      } else if (w.head > 0) {
        w.head += static_cast<int>(start);
      } else if (w.head == 0) {
        root = start + i + 1;
      }
      s.words[start + i] = std::move(w);
    }
  }
  return s;
}

std::vector<ParsedSentence> Analyzer::analyze(std::string_view text) {
  std::vector<ParsedSentence> out;
  const std::vector<text::Piece> pieces = text::scan(text);
  for (const importers::Sentence& sent : impl_->splitter.split(text)) {
    out.push_back(analyze_sentence(text, pieces, sent.begin, sent.end));
  }
  return out;
}

}  // namespace kb::analysis

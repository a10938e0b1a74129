// The topic gate (topic.hpp).
#include "importers/extract/topic.hpp"

#include <algorithm>
#include <array>

#include "importers/analysis/features.hpp"

namespace kb::importers::extract {

namespace {

constexpr std::string_view kMagic = "kb-topic-model-1";

enum FeatureTemplate : std::uint64_t { bias_feature = 1, title_words, text_words };

void words(std::string_view s, std::uint64_t tmpl, std::vector<std::uint64_t>& keys) {
  std::string w;
  const auto flush = [&] {
    if (w.size() >= 3 && w.size() <= 24) {
      keys.push_back(analysis::feat(tmpl, analysis::hash_string(w)));
    }
    w.clear();
  };
  for (const char c : s) {
    if (c >= 'a' && c <= 'z') {
      w.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      w.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      flush();
    }
  }
  flush();
}

}  // namespace

std::filesystem::path topic_model_path(const std::filesystem::path& data_dir) {
  return data_dir / "events" / "topic.kbm";
}

void topic_features(std::string_view title, std::string_view text,
                    std::vector<std::uint64_t>& keys) {
  keys.push_back(analysis::feat(bias_feature, 0));
  words(title, title_words, keys);
  words(text.substr(0, std::min(text.size(), kTopicBytes)), text_words, keys);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
}

float TopicModel::margin(std::string_view title, std::string_view text) const {
  std::vector<std::uint64_t> keys;
  topic_features(title, text, keys);
  std::array<float, 2> scores = {0.0F, 0.0F};
  model.score(keys, scores);
  return scores[1] - scores[0] + bias;
}

void TopicModel::write(std::string& out) const {
  analysis::put_str(out, kMagic);
  model.write(out);
  analysis::put_f32(out, bias);
}

Result<TopicModel> TopicModel::read(std::string_view bytes) {
  std::size_t pos = 0;
  KB_TRY(analysis::expect_magic(bytes, pos, kMagic));
  TopicModel m;
  KB_ASSIGN(m.model, analysis::LinearModel::read(bytes, pos));
  KB_ASSIGN(m.bias, analysis::get_f32(bytes, pos));
  if (m.model.classes() != 2) {
    return fail(Errc::parse, "the topic model has the wrong number of classes");
  }
  if (pos != bytes.size()) {
    return fail(Errc::parse, "trailing bytes after the topic model");
  }
  return m;
}

Result<TopicModel> TopicModel::load(const std::filesystem::path& path) {
  KB_ASSIGN(const std::string bytes, analysis::read_model_file(path, "topic model"));
  auto m = read(bytes);
  if (!m) {
    return fail(m.error().code, path.string() + ": " + m.error().message);
  }
  return m;
}

}  // namespace kb::importers::extract

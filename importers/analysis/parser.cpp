// Parser: see parser.hpp.
#include "importers/analysis/parser.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>

#include "importers/analysis/features.hpp"

namespace kb::analysis {
namespace {

constexpr std::uint64_t kNone = 0x7f7f7f7fULL;
constexpr int kShift = 0;

int left_action(int label) { return 1 + 2 * label; }
int right_action(int label) { return 2 + 2 * label; }

// Per-word inputs: hashed lower-case form and tag, and the word's fine class (clusters.hpp).
struct Input {
  std::uint64_t w;
  std::uint64_t t;
  std::uint64_t c = 0;
};

// The parser configuration. Words are 0..n-1; the root is word n, always last in the buffer.
struct State {
  int n = 0;
  std::vector<int> stack;
  int b0 = 0;  // front of the buffer; the buffer is b0..n
  std::vector<int> head, label;
  std::vector<int> lc1, lc2, rc1, rc2, vl, vr;
  std::vector<std::uint64_t> sl, sr;  // label sets of left and right children

  explicit State(int words)
      : n(words),
        head(static_cast<std::size_t>(words) + 1, -1),
        label(static_cast<std::size_t>(words) + 1, -1),
        lc1(static_cast<std::size_t>(words) + 1, -1),
        lc2(static_cast<std::size_t>(words) + 1, -1),
        rc1(static_cast<std::size_t>(words) + 1, -1),
        rc2(static_cast<std::size_t>(words) + 1, -1),
        vl(static_cast<std::size_t>(words) + 1, 0),
        vr(static_cast<std::size_t>(words) + 1, 0),
        sl(static_cast<std::size_t>(words) + 1, 0),
        sr(static_cast<std::size_t>(words) + 1, 0) {}

  bool done() const { return stack.empty() && b0 == n; }
  int s(std::size_t i) const { return stack.size() > i ? stack[stack.size() - 1 - i] : -1; }

  bool can_shift() const { return b0 < n; }
  bool can_left() const { return !stack.empty() && (b0 < n || stack.size() == 1); }
  bool can_right() const { return stack.size() >= 2; }

  void attach(int h, int d, int l) {
    const auto hi = static_cast<std::size_t>(h);
    const auto di = static_cast<std::size_t>(d);
    head[di] = h;
    label[di] = l;
    if (d < h) {
      if (lc1[hi] == -1 || d < lc1[hi]) {
        lc2[hi] = lc1[hi];
        lc1[hi] = d;
      } else if (lc2[hi] == -1 || d < lc2[hi]) {
        lc2[hi] = d;
      }
      ++vl[hi];
      sl[hi] |= 1ULL << (static_cast<unsigned>(l) & 63U);
    } else {
      if (rc1[hi] == -1 || d > rc1[hi]) {
        rc2[hi] = rc1[hi];
        rc1[hi] = d;
      } else if (rc2[hi] == -1 || d > rc2[hi]) {
        rc2[hi] = d;
      }
      ++vr[hi];
      sr[hi] |= 1ULL << (static_cast<unsigned>(l) & 63U);
    }
  }

  void apply(int action) {
    if (action == kShift) {
      stack.push_back(b0++);
      return;
    }
    const int l = (action - 1) / 2;
    const int d = stack.back();
    stack.pop_back();
    attach(action % 2 == 1 ? b0 : stack.back(), d, l);
  }
};

// Features of a state (see the template list in the parser's documentation).
void features(const State& st, const std::vector<Input>& in, std::vector<std::uint64_t>& f) {
  f.clear();
  auto word_at = [&](int i) { return i < 0 ? kNone : in[static_cast<std::size_t>(i)].w; };
  auto tag_at = [&](int i) { return i < 0 ? kNone : in[static_cast<std::size_t>(i)].t; };
  auto label_at = [&](int i) -> std::uint64_t {
    return i < 0 ? kNone : static_cast<std::uint64_t>(st.label[static_cast<std::size_t>(i)] + 2);
  };
  auto get = [&](const std::vector<int>& v, int i) {
    return i < 0 ? -1 : v[static_cast<std::size_t>(i)];
  };
  const int s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
  const int b0 = st.b0;
  const int b1 = b0 + 1 <= st.n ? b0 + 1 : -1;
  const int b2 = b0 + 2 <= st.n ? b0 + 2 : -1;
  const std::uint64_t s0w = word_at(s0), s0t = tag_at(s0), b0w = word_at(b0), b0t = tag_at(b0),
                      b1w = word_at(b1), b1t = tag_at(b1);
  const std::uint64_t b2w = word_at(b2), b2t = tag_at(b2), s1w = word_at(s1), s1t = tag_at(s1),
                      s2t = tag_at(s2);
  const std::uint64_t s0wt = mix(s0w, s0t), b0wt = mix(b0w, b0t), b1wt = mix(b1w, b1t),
                      s1wt = mix(s1w, s1t);
  std::uint64_t id = 0;
  auto add1 = [&](std::uint64_t a) { f.push_back(feat(++id, a)); };
  auto add2 = [&](std::uint64_t a, std::uint64_t b) { f.push_back(feat(++id, a, b)); };
  auto add3 = [&](std::uint64_t a, std::uint64_t b, std::uint64_t c) {
    f.push_back(feat(++id, a, b, c));
  };
  add1(0);
  add1(s0w), add1(s0t), add1(s0wt), add1(b0w), add1(b0t), add1(b0wt), add1(b1w), add1(b1t),
      add1(b1wt);
  add1(b2w), add1(b2t), add1(mix(b2w, b2t)), add1(s1w), add1(s1t), add1(s1wt), add1(s2t),
      add1(word_at(s2));
  add2(s0wt, b0wt), add2(s0wt, b0w), add2(s0w, b0wt), add2(s0wt, b0t), add2(s0t, b0wt),
      add2(s0w, b0w);
  add2(s0t, b0t), add2(b0t, b1t), add2(s1t, s0t), add2(s1w, s0w), add2(s1wt, s0t), add2(s1t, s0wt);
  add3(b0t, b1t, b2t), add3(s0t, b0t, b1t), add3(s1t, s0t, b0t), add3(s2t, s1t, s0t),
      add3(s1t, s0t, b1t);
  const std::uint64_t d = s0 < 0 ? kNone : static_cast<std::uint64_t>(std::min(b0 - s0, 6));
  const std::uint64_t d2 =
      (s0 < 0 || s1 < 0) ? kNone : static_cast<std::uint64_t>(std::min(s0 - s1, 6));
  add2(s0w, d), add2(s0t, d), add2(b0w, d), add2(b0t, d), add3(s0w, b0w, d), add3(s0t, b0t, d),
      add3(s1t, s0t, d2);
  const auto s0vl = static_cast<std::uint64_t>(get(st.vl, s0));
  const auto s0vr = static_cast<std::uint64_t>(get(st.vr, s0));
  const auto b0vl = static_cast<std::uint64_t>(get(st.vl, b0));
  const auto s1vr = static_cast<std::uint64_t>(get(st.vr, s1));
  add2(s0w, s0vr), add2(s0t, s0vr), add2(s0w, s0vl), add2(s0t, s0vl), add2(b0w, b0vl),
      add2(b0t, b0vl), add2(s1t, s1vr);
  const int s0l1 = get(st.lc1, s0), s0r1 = get(st.rc1, s0), b0l1 = get(st.lc1, b0),
            s1r1 = get(st.rc1, s1);
  const int s1l1 = get(st.lc1, s1), s0l2 = get(st.lc2, s0), s0r2 = get(st.rc2, s0),
            b0l2 = get(st.lc2, b0);
  add1(word_at(s0l1)), add1(tag_at(s0l1)), add1(label_at(s0l1)), add1(word_at(s0r1)),
      add1(tag_at(s0r1)), add1(label_at(s0r1));
  add1(word_at(b0l1)), add1(tag_at(b0l1)), add1(label_at(b0l1)), add2(tag_at(s1r1), label_at(s1r1)),
      add2(tag_at(s1l1), label_at(s1l1));
  add1(word_at(s0l2)), add1(tag_at(s0l2)), add1(label_at(s0l2)), add1(word_at(s0r2)),
      add1(tag_at(s0r2)), add1(label_at(s0r2));
  add1(word_at(b0l2)), add1(tag_at(b0l2)), add1(label_at(b0l2));
  add3(s0t, tag_at(s0l1), tag_at(s0l2)), add3(s0t, tag_at(s0r1), tag_at(s0r2)),
      add3(b0t, tag_at(b0l1), tag_at(b0l2));
  add3(s0t, tag_at(s0l1), b0t), add3(s0t, tag_at(s0r1), b0t), add3(s0t, b0t, tag_at(b0l1)),
      add3(s1t, tag_at(s1r1), s0t);
  add3(s0t, label_at(s0l1), label_at(s0r1)), add3(b0t, label_at(b0l1), b0t);
  const std::uint64_t s0sl = s0 < 0 ? kNone : st.sl[static_cast<std::size_t>(s0)];
  const std::uint64_t s0sr = s0 < 0 ? kNone : st.sr[static_cast<std::size_t>(s0)];
  const std::uint64_t b0sl = st.sl[static_cast<std::size_t>(b0)];
  add2(s0w, s0sr), add2(s0t, s0sr), add2(s0w, s0sl), add2(s0t, s0sl), add2(b0w, b0sl),
      add2(b0t, b0sl);
  add2(static_cast<std::uint64_t>(std::min<std::size_t>(st.stack.size(), 3)), b0 == st.n ? 1 : 0);
  add3(s0t, b0t, static_cast<std::uint64_t>(std::min<std::size_t>(st.stack.size(), 3)));
  // Word classes: attachments learned on one word carry to the words of its class.
  auto class_at = [&](int i) { return i < 0 ? kNone : in[static_cast<std::size_t>(i)].c; };
  const std::uint64_t s0c = class_at(s0), b0c = class_at(b0), b1c = class_at(b1),
                      s1c = class_at(s1);
  add1(s0c), add1(b0c), add1(b1c), add1(s1c);
  add2(s0c, b0c), add2(s0c, b0t), add2(s0t, b0c), add2(s1c, s0c), add2(b0c, b1c);
  add3(s0c, b0c, d), add3(s0t, b0c, b1t), add2(s0c, label_at(s0l1));
}

std::vector<Input> inputs(const std::vector<Word>& words) {
  std::vector<Input> in;
  in.reserve(words.size() + 1);
  for (const Word& w : words) {
    in.push_back(Input{hash_string(lower_ascii(w.form)), hash_string(w.xpos) ^ 0x51ULL,
                       0xc1a55ULL + w.cluster});
  }
  in.push_back(Input{hash_string("<ROOT>"), hash_string("<ROOT>") ^ 0x51ULL});
  return in;
}

// Best legal action by `scores` among actions for which `allowed(action)` holds.
template <class Allowed>
int best_action(const std::vector<float>& scores, const State& st, int labels, Allowed allowed) {
  int best = -1;
  float best_score = -std::numeric_limits<float>::infinity();
  auto consider = [&](int a) {
    if (allowed(a) && (best < 0 || scores[static_cast<std::size_t>(a)] > best_score)) {
      best = a;
      best_score = scores[static_cast<std::size_t>(a)];
    }
  };
  if (st.can_shift()) {
    consider(kShift);
  }
  for (int l = 0; l < labels; ++l) {
    if (st.can_left()) {
      consider(left_action(l));
    }
    if (st.can_right()) {
      consider(right_action(l));
    }
  }
  return best;
}

// Dynamic-oracle costs of the three unlabelled transitions (Goldberg & Nivre 2013, arc-hybrid).
struct Costs {
  int shift, left, right;
};
Costs costs(const State& st, const std::vector<int>& gold_head) {
  const int s0 = st.s(0), s1 = st.s(1), b0 = st.b0;
  auto gh = [&](int i) { return gold_head[static_cast<std::size_t>(i)]; };
  Costs c{0, 0, 0};
  if (st.can_shift()) {
    for (const int k : st.stack) {
      if (gh(k) == b0) {
        ++c.shift;
      }
      if (k != s0 && gh(b0) == k) {
        ++c.shift;
      }
    }
  }
  if (s0 >= 0) {
    int deps = 0;  // dependents of s0 still in the buffer are lost by either reduction
    for (int k = b0; k < st.n; ++k) {
      if (gh(k) == s0) {
        ++deps;
      }
    }
    c.left = deps + ((gh(s0) != b0 && (gh(s0) == s1 || gh(s0) > b0)) ? 1 : 0);
    c.right = deps + ((gh(s0) != s1 && gh(s0) >= b0) ? 1 : 0);
  }
  return c;
}

}  // namespace

void Parser::parse(std::vector<Word>& words) const {
  if (words.empty() || labels_.empty()) {
    return;
  }
  const int n = static_cast<int>(words.size());
  const std::vector<Input> in = inputs(words);
  State st(n);
  std::vector<std::uint64_t> f;
  std::vector<float> scores(model_.classes());
  const int labels = static_cast<int>(labels_.size());
  while (!st.done()) {
    features(st, in, f);
    std::fill(scores.begin(), scores.end(), 0.0F);
    model_.score(f, scores);
    st.apply(best_action(scores, st, labels, [](int) { return true; }));
  }
  for (int i = 0; i < n; ++i) {
    const int h = st.head[static_cast<std::size_t>(i)];
    Word& w = words[static_cast<std::size_t>(i)];
    w.head = h == n ? 0 : h + 1;
    w.deprel = labels_[static_cast<std::size_t>(st.label[static_cast<std::size_t>(i)])];
  }
}

Parser Parser::train(const std::vector<ParsedSentence>& sentences, const Options& options,
                     const std::function<void(int, const Parser&)>& progress) {
  Parser p;
  std::map<std::string, int> index;
  for (const ParsedSentence& s : sentences) {
    for (const Word& w : s.words) {
      index.emplace(w.deprel, 0);
    }
  }
  for (auto& [name, id] : index) {
    id = static_cast<int>(p.labels_.size());
    p.labels_.push_back(name);
  }
  const int labels = static_cast<int>(p.labels_.size());
  PerceptronTrainer trainer(static_cast<std::size_t>(1 + 2 * labels));
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (!sentences[i].words.empty()) {
      order.push_back(i);
    }
  }
  Rng rng{options.seed};
  std::vector<std::uint64_t> f;
  std::vector<float> scores(static_cast<std::size_t>(1 + 2 * labels));
  for (int it = 0; it < options.iterations; ++it) {
    shuffle(order, rng);
    for (std::size_t si : order) {
      const std::vector<Word>& words = sentences[si].words;
      const int n = static_cast<int>(words.size());
      std::vector<int> gold_head(static_cast<std::size_t>(n) + 1, -2);
      std::vector<int> gold_label(static_cast<std::size_t>(n) + 1, 0);
      for (int i = 0; i < n; ++i) {
        const int h = words[static_cast<std::size_t>(i)].head;
        gold_head[static_cast<std::size_t>(i)] = h <= 0 ? n : h - 1;
        gold_label[static_cast<std::size_t>(i)] =
            index.at(words[static_cast<std::size_t>(i)].deprel);
      }
      const std::vector<Input> in = inputs(words);
      State st(n);
      while (!st.done()) {
        features(st, in, f);
        std::fill(scores.begin(), scores.end(), 0.0F);
        trainer.score(f, scores);
        const Costs c = costs(st, gold_head);
        int best_cost = std::numeric_limits<int>::max();
        if (st.can_shift()) {
          best_cost = std::min(best_cost, c.shift);
        }
        if (st.can_left()) {
          best_cost = std::min(best_cost, c.left);
        }
        if (st.can_right()) {
          best_cost = std::min(best_cost, c.right);
        }
        const int s0 = st.s(0), s1 = st.s(1);
        auto zero_cost = [&](int a) {
          if (a == kShift) {
            return st.can_shift() && c.shift == best_cost;
          }
          const int l = (a - 1) / 2;
          const bool left = a % 2 == 1;
          if (left ? (!st.can_left() || c.left != best_cost)
                   : (!st.can_right() || c.right != best_cost)) {
            return false;
          }
          const int h = left ? st.b0 : s1;
          // a gold arc must carry its gold label; any label is as good on a non-gold arc
          return gold_head[static_cast<std::size_t>(s0)] != h ||
                 gold_label[static_cast<std::size_t>(s0)] == l;
        };
        const int guess = best_action(scores, st, labels, [](int) { return true; });
        const int good = best_action(scores, st, labels, zero_cost);
        if (!zero_cost(guess)) {
          trainer.update(f, static_cast<std::size_t>(good), static_cast<std::size_t>(guess));
        }
        trainer.tick();
        const bool explore =
            it > 0 && static_cast<double>(rng.next() % 1000000) < options.explore * 1000000.0;
        st.apply(explore ? guess : good);
      }
    }
    if (progress) {
      Parser snapshot;
      snapshot.labels_ = p.labels_;
      snapshot.model_ = trainer.average();
      progress(it + 1, snapshot);
    }
  }
  p.model_ = trainer.average(0.001F);
  return p;
}

void Parser::write(std::string& out) const {
  put_str(out, "kb-parser-1");
  put_u32(out, static_cast<std::uint32_t>(labels_.size()));
  for (const std::string& l : labels_) {
    put_str(out, l);
  }
  model_.write(out);
}

Result<Parser> Parser::read(std::string_view in, std::size_t& pos,
                            const std::shared_ptr<const void>& owner) {
  KB_TRY(expect_magic(in, pos, "kb-parser-1"));
  Parser p;
  KB_ASSIGN(std::uint32_t n, get_u32(in, pos));
  if (n == 0 || n > 1000) {
    return fail(Errc::parse, "parser model: bad label count");
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    KB_ASSIGN(std::string l, get_str(in, pos));
    p.labels_.push_back(std::move(l));
  }
  KB_ASSIGN(LinearModel m, LinearModel::read(in, pos, owner));
  if (m.classes() != 1 + 2 * static_cast<std::size_t>(n)) {
    return fail(Errc::parse, "parser model: weights do not match the labels");
  }
  p.model_ = std::move(m);
  return p;
}

}  // namespace kb::analysis

// Comparing two versions of a map: matching claims (by id, by equal text,
// by similar text among neighbours), then listing what changed in sections,
// claims and relations.

#include "engine/compare.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "engine/diff.hpp"

namespace argmap::engine {

const char* name_of(change_kind k) {
  switch (k) {
    case change_kind::section_added:
      return "section-added";
    case change_kind::section_removed:
      return "section-removed";
    case change_kind::section_renamed:
      return "section-renamed";
    case change_kind::claim_added:
      return "claim-added";
    case change_kind::claim_removed:
      return "claim-removed";
    case change_kind::text_changed:
      return "text-changed";
    case change_kind::id_changed:
      return "id-changed";
    case change_kind::moved:
      return "moved";
    case change_kind::attributes_changed:
      return "attributes-changed";
    case change_kind::tags_changed:
      return "tags-changed";
    case change_kind::relation_added:
      return "relation-added";
    case change_kind::relation_removed:
      return "relation-removed";
    case change_kind::relation_kind_changed:
      return "relation-kind-changed";
    case change_kind::premises_joined:
      return "premises-joined";
    case change_kind::premises_split:
      return "premises-split";
  }
  return "change";
}

namespace {

bool word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// The words of a text, lower-cased (ASCII): what "the same text" compares.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !word_byte(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t start = i;
    while (i < text.size() && word_byte(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start) break;
    std::string w(text.substr(start, i - start));
    for (char& c : w)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(std::move(w));
  }
  return out;
}

std::string joined(const std::vector<std::string>& ws) {
  std::string out;
  for (const std::string& w : ws) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// The Dice coefficient of two sorted sets of words.
double dice(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return 1;
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j])
      ++common, ++i, ++j;
    else if (a[i] < b[j])
      ++i;
    else
      ++j;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

// A text with each run of spaces as one space: how a claim reads.
std::string squeezed(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string section_title(const argument_graph& g, std::int32_t s) {
  return s == no_section ? std::string() : g.sections[static_cast<std::size_t>(s)].title;
}

class matcher {
 public:
  matcher(const argument_graph& a, const argument_graph& b, comparison& r) : a_(a), b_(b), r_(r) {
    r_.after_of.assign(a.claims.size(), -1);
    r_.before_of.assign(b.claims.size(), -1);
    r_.by_text.assign(b.claims.size(), false);
  }

  void run(double threshold) {
    by_id();
    by_equal_text();
    prepare_neighbours();
    for (int round = 0; round < 8 && by_similar_text(threshold); ++round) {
    }
  }

 private:
  void pair(std::size_t i, std::size_t j, bool text) {
    r_.after_of[i] = static_cast<std::int64_t>(j);
    r_.before_of[j] = static_cast<std::int64_t>(i);
    r_.by_text[j] = text;
  }

  void by_id() {
    for (std::size_t i = 0; i < a_.claims.size(); ++i) {
      if (!a_.claims[i].user_id) continue;
      auto j = b_.find(a_.claims[i].id);
      if (j && b_.claims[*j].user_id && r_.before_of[*j] < 0) pair(i, *j, false);
    }
  }

  void by_equal_text() {
    std::unordered_map<std::string, std::vector<std::size_t>> waiting;  // reversed: back is first
    for (std::size_t j = b_.claims.size(); j-- > 0;)
      if (r_.before_of[j] < 0) waiting[joined(words(b_.claims[j].text()))].push_back(j);
    for (std::size_t i = 0; i < a_.claims.size(); ++i) {
      if (r_.after_of[i] >= 0) continue;
      auto it = waiting.find(joined(words(a_.claims[i].text())));
      if (it == waiting.end() || it->second.empty()) continue;
      pair(i, it->second.back(), true);
      it->second.pop_back();
    }
  }

  void prepare_neighbours() {
    kids_.assign(b_.claims.size(), {});
    for (std::size_t j = 0; j < b_.claims.size(); ++j) {
      std::int32_t p = b_.claims[j].outline_parent;
      if (p >= 0)
        kids_[static_cast<std::size_t>(p)].push_back(j);
      else
        tops_[section_title(b_, b_.claims[j].section)].push_back(j);
    }
  }

  const std::vector<std::string>& set_of(
      const argument_graph& g, std::size_t c,
      std::unordered_map<std::size_t, std::vector<std::string>>& cache) {
    auto it = cache.find(c);
    if (it != cache.end()) return it->second;
    std::vector<std::string> ws = words(g.claims[c].text());
    std::sort(ws.begin(), ws.end());
    ws.erase(std::unique(ws.begin(), ws.end()), ws.end());
    return cache.emplace(c, std::move(ws)).first->second;
  }

  // One round of matching by similar text; whether it matched any pair.
  bool by_similar_text(double threshold) {
    constexpr std::size_t most_candidates = 1000;
    std::vector<std::tuple<double, std::size_t, std::size_t>> pairs;
    for (std::size_t i = 0; i < a_.claims.size(); ++i) {
      if (r_.after_of[i] >= 0) continue;
      std::int32_t p = a_.claims[i].outline_parent;
      const std::vector<std::size_t>* near = nullptr;
      if (p >= 0) {
        std::int64_t q = r_.after_of[static_cast<std::size_t>(p)];
        if (q < 0) continue;
        near = &kids_[static_cast<std::size_t>(q)];
      } else {
        auto it = tops_.find(section_title(a_, a_.claims[i].section));
        if (it == tops_.end()) continue;
        near = &it->second;
      }
      std::size_t looked = 0;
      for (std::size_t j : *near) {
        if (r_.before_of[j] >= 0) continue;
        if (++looked > most_candidates) break;
        double d = dice(set_of(a_, i, words_a_), set_of(b_, j, words_b_));
        if (d >= threshold) pairs.emplace_back(d, i, j);
      }
    }
    std::sort(pairs.begin(), pairs.end(), [](const auto& x, const auto& y) {
      if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) > std::get<0>(y);
      return std::tie(std::get<1>(x), std::get<2>(x)) < std::tie(std::get<1>(y), std::get<2>(y));
    });
    bool any = false;
    for (const auto& [d, i, j] : pairs) {
      if (r_.after_of[i] >= 0 || r_.before_of[j] >= 0) continue;
      pair(i, j, true);
      any = true;
    }
    return any;
  }

  const argument_graph& a_;
  const argument_graph& b_;
  comparison& r_;
  std::vector<std::vector<std::size_t>> kids_;  // per new claim: claims under it
  std::unordered_map<std::string, std::vector<std::size_t>>
      tops_;  // per section title: top-level claims
  std::unordered_map<std::size_t, std::vector<std::string>> words_a_, words_b_;
};

}  // namespace

std::string word_diff(std::string_view before, std::string_view after) {
  auto tokens = [](std::string_view t) {
    std::vector<text_line> out;
    std::size_t i = 0;
    while (i < t.size()) {
      while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n')) ++i;
      std::size_t start = i;
      while (i < t.size() && t[i] != ' ' && t[i] != '\t' && t[i] != '\n') ++i;
      if (i > start) out.push_back({t.substr(start, i - start), true});
    }
    return out;
  };
  const std::vector<text_line> a = tokens(before), b = tokens(after);
  const std::vector<edit> script = diff_lines(a, b);
  std::string out;
  std::size_t i = 0, j = 0;
  edit open = edit::keep;  // the kind of run being written
  auto close = [&] {
    if (open == edit::remove) out += "-]";
    if (open == edit::insert) out += "+}";
  };
  for (edit e : script) {
    const std::string_view word = e == edit::insert ? b[j].text : a[i].text;
    if (e != edit::insert) ++i;
    if (e != edit::remove) ++j;
    if (e != open) {
      close();
      if (!out.empty()) out += ' ';
      if (e == edit::remove) out += "[-";
      if (e == edit::insert) out += "{+";
      open = e;
    } else if (!out.empty()) {
      out += ' ';
    }
    out += word;
  }
  close();
  return out;
}

namespace {

// The second half of compare(): what changed, once claims are matched.
class differ {
 public:
  differ(const argument_graph& a, const argument_graph& b, comparison& r) : a_(a), b_(b), r_(r) {}

  void run() {
    sections();
    claims();
    relations();
    contradictions();
  }

 private:
  void add(change c) { r_.changes.push_back(std::move(c)); }

  // Sections: the same title is the same section (in order); an old section
  // whose claims went, for the most part, to one new section of another
  // title was renamed.
  void sections() {
    section_of_.assign(a_.sections.size(), no_section);
    std::vector<bool> taken(b_.sections.size(), false);
    std::map<std::string, std::vector<std::size_t>> by_title;
    for (std::size_t t = b_.sections.size(); t-- > 0;) by_title[b_.sections[t].title].push_back(t);
    for (std::size_t s = 0; s < a_.sections.size(); ++s) {
      auto& left = by_title[a_.sections[s].title];
      if (left.empty()) continue;
      section_of_[s] = static_cast<std::int32_t>(left.back());
      taken[left.back()] = true;
      left.pop_back();
    }
    for (std::size_t s = 0; s < a_.sections.size(); ++s) {
      if (section_of_[s] != no_section) continue;
      std::map<std::int32_t, std::size_t> went;
      std::size_t matched = 0;
      for (std::size_t i = 0; i < a_.claims.size(); ++i) {
        if (a_.claims[i].section != static_cast<std::int32_t>(s) || r_.after_of[i] < 0) continue;
        ++matched;
        ++went[b_.claims[static_cast<std::size_t>(r_.after_of[i])].section];
      }
      std::int32_t best = no_section;
      std::size_t most = 0;
      for (auto [t, n] : went)
        if (t != no_section && !taken[static_cast<std::size_t>(t)] && n > most) best = t, most = n;
      if (best != no_section && 2 * most >= matched) {
        section_of_[s] = best;
        taken[static_cast<std::size_t>(best)] = true;
        add({change_kind::section_renamed, static_cast<std::int64_t>(s), best, -1, -1, false,
             a_.sections[s].title + " -> " + b_.sections[static_cast<std::size_t>(best)].title});
      } else {
        add({change_kind::section_removed, static_cast<std::int64_t>(s), -1, -1, -1, false,
             a_.sections[s].title});
      }
    }
    for (std::size_t t = 0; t < b_.sections.size(); ++t)
      if (!taken[t])
        add({change_kind::section_added, -1, static_cast<std::int64_t>(t), -1, -1, false,
             b_.sections[t].title});
  }

  std::string place(const argument_graph& g, std::int32_t parent, std::int32_t section) const {
    std::string at =
        parent >= 0 ? "under " + g.claims[static_cast<std::size_t>(parent)].id : "top level";
    if (section != no_section)
      at += " in '" + g.sections[static_cast<std::size_t>(section)].title + "'";
    return at;
  }

  void claims() {
    for (std::size_t j = 0; j < b_.claims.size(); ++j) {
      std::int64_t i = r_.before_of[j];
      if (i < 0) {
        add({change_kind::claim_added, -1, static_cast<std::int64_t>(j), -1, -1, false, {}});
        continue;
      }
      claim(static_cast<std::size_t>(i), j);
    }
    for (std::size_t i = 0; i < a_.claims.size(); ++i)
      if (r_.after_of[i] < 0)
        add({change_kind::claim_removed, static_cast<std::int64_t>(i), -1, -1, -1, false, {}});
  }

  void claim(std::size_t i, std::size_t j) {
    const claim_node &x = a_.claims[i], &y = b_.claims[j];
    const auto bi = static_cast<std::int64_t>(i), aj = static_cast<std::int64_t>(j);
    if (squeezed(x.text()) != squeezed(y.text()))
      add({change_kind::text_changed, bi, aj, -1, -1, false, word_diff(x.text(), y.text())});
    if (r_.by_text[j] && (x.user_id || y.user_id) && (x.id != y.id || x.user_id != y.user_id))
      add({change_kind::id_changed, bi, aj, -1, -1, false,
           (x.user_id ? x.id : "(none)") + " -> " + (y.user_id ? y.id : "(none)")});
    // Moved: under another claim, or into another section without the
    // claim it is under (a subtree that moves is one move, its root's).
    const std::int64_t parent =
        x.outline_parent >= 0 ? r_.after_of[static_cast<std::size_t>(x.outline_parent)] : -1;
    const bool other_parent = (x.outline_parent >= 0) != (y.outline_parent >= 0) ||
                              (x.outline_parent >= 0 && parent != y.outline_parent);
    const bool carried =
        x.outline_parent >= 0 && !other_parent &&
        other_section(static_cast<std::size_t>(x.outline_parent), static_cast<std::size_t>(parent));
    if (other_parent || (other_section(i, j) && !carried))
      add({change_kind::moved, bi, aj, -1, -1, false,
           place(a_, x.outline_parent, x.section) + " -> " +
               place(b_, y.outline_parent, y.section)});
    attributes(x, y, bi, aj);
    tags(x, y, bi, aj);
  }

  // Whether old claim `i` and its match `j` are in sections that do not
  // correspond.
  bool other_section(std::size_t i, std::size_t j) const {
    const std::int32_t s = a_.claims[i].section;
    return (s == no_section ? no_section : section_of_[static_cast<std::size_t>(s)]) !=
           b_.claims[j].section;
  }

  void attributes(const claim_node& x, const claim_node& y, std::int64_t bi, std::int64_t aj) {
    std::map<std::string, std::string> before, after;
    for (const ast::attribute& at : x.attributes()) before[at.key] = at.value;
    for (const ast::attribute& at : y.attributes()) after[at.key] = at.value;
    if (before == after) return;
    std::string detail;
    auto note = [&](std::string_view sign, const std::string& key, const std::string& was,
                    const std::string* is) {
      if (!detail.empty()) detail += "; ";
      detail.append(sign).append(key).append(": \"").append(was).append("\"");
      if (is) detail.append(" -> \"").append(*is).append("\"");
    };
    for (const auto& [k, v] : before) {
      auto it = after.find(k);
      if (it == after.end())
        note("-", k, v, nullptr);
      else if (it->second != v)
        note("", k, v, &it->second);
    }
    for (const auto& [k, v] : after)
      if (!before.count(k)) note("+", k, v, nullptr);
    add({change_kind::attributes_changed, bi, aj, -1, -1, false, detail});
  }

  void tags(const claim_node& x, const claim_node& y, std::int64_t bi, std::int64_t aj) {
    std::vector<std::string> before(x.tags()), after(y.tags());
    std::sort(before.begin(), before.end());
    std::sort(after.begin(), after.end());
    if (before == after) return;
    std::string detail;
    for (const std::string& t : after)
      if (!std::binary_search(before.begin(), before.end(), t))
        detail += (detail.empty() ? "+#" : " +#") + t;
    for (const std::string& t : before)
      if (!std::binary_search(after.begin(), after.end(), t))
        detail += (detail.empty() ? "-#" : " -#") + t;
    add({change_kind::tags_changed, bi, aj, -1, -1, false, detail});
  }

  // An inference as the new version would name it: undercut or not, its
  // target (a new claim, or the new inference the target matched) and its
  // premises' new claims, sorted; `whole` false when a claim has no match.
  struct key {
    bool undercut = false;
    std::int64_t target = -1;
    std::vector<std::int64_t> premises;
    bool whole = true;
    friend bool operator<(const key& x, const key& y) {
      return std::tie(x.undercut, x.target, x.premises) <
             std::tie(y.undercut, y.target, y.premises);
    }
  };

  key old_key(std::size_t i) const {
    const inference& inf = a_.inferences[i];
    key k;
    k.undercut = inf.kind == inference_kind::undercut;
    k.target = k.undercut ? inference_of_[inf.target] : r_.after_of[inf.target];
    for (claim_index p : inf.premises) {
      k.premises.push_back(r_.after_of[p]);
      k.whole = k.whole && r_.after_of[p] >= 0;
    }
    k.whole = k.whole && k.target >= 0;
    std::sort(k.premises.begin(), k.premises.end());
    return k;
  }

  key new_key(std::size_t j) const {
    const inference& inf = b_.inferences[j];
    key k;
    k.undercut = inf.kind == inference_kind::undercut;
    k.target = inf.target;
    for (claim_index p : inf.premises) k.premises.push_back(p);
    std::sort(k.premises.begin(), k.premises.end());
    return k;
  }

  // Whether every claim of new inference `j` (and of what it undercuts)
  // was in the old version.
  bool known(std::size_t j) const {
    const inference& inf = b_.inferences[j];
    for (claim_index p : inf.premises)
      if (r_.before_of[p] < 0) return false;
    if (inf.kind == inference_kind::undercut) return known(inf.target);
    return r_.before_of[inf.target] >= 0;
  }

  void relations() {
    std::map<key, std::vector<std::size_t>> waiting;  // reversed: back is first
    for (std::size_t j = b_.inferences.size(); j-- > 0;) waiting[new_key(j)].push_back(j);
    inference_of_.assign(a_.inferences.size(), -1);
    std::vector<bool> used(b_.inferences.size(), false);
    std::vector<key> keys(a_.inferences.size());
    for (std::size_t i = 0; i < a_.inferences.size(); ++i) {
      keys[i] = old_key(i);
      if (!keys[i].whole) continue;
      auto it = waiting.find(keys[i]);
      if (it == waiting.end() || it->second.empty()) continue;
      const std::size_t j = it->second.back();
      it->second.pop_back();
      inference_of_[i] = static_cast<std::int64_t>(j);
      used[j] = true;
      const inference_kind was = a_.inferences[i].kind, is = b_.inferences[j].kind;
      if (was != is)
        add({change_kind::relation_kind_changed, relation_claim(i), b_.inferences[j].target,
             static_cast<std::int64_t>(i), static_cast<std::int64_t>(j), false,
             std::string(name_of(was)) + " -> " + name_of(is)});
    }
    regrouped(keys, used);
    for (std::size_t i = 0; i < a_.inferences.size(); ++i)
      if (inference_of_[i] < 0 && keys[i].whole && !split_[i])
        add({change_kind::relation_removed, relation_claim(i), -1, static_cast<std::int64_t>(i), -1,
             false, name_of(a_.inferences[i].kind)});
    for (std::size_t j = 0; j < b_.inferences.size(); ++j)
      if (!used[j] && known(j))
        add({change_kind::relation_added, -1,
             b_.inferences[j].kind == inference_kind::undercut
                 ? -1
                 : static_cast<std::int64_t>(b_.inferences[j].target),
             -1, static_cast<std::int64_t>(j), false, name_of(b_.inferences[j].kind)});
  }

  std::int64_t relation_claim(std::size_t i) const {
    const inference& inf = a_.inferences[i];
    return inf.kind == inference_kind::undercut ? -1 : static_cast<std::int64_t>(inf.target);
  }

  // Linked reasons split into separate ones, and separate ones joined: an
  // unmatched inference whose premises are exactly those of several
  // unmatched inferences of the other version, with the same target and kind.
  void regrouped(const std::vector<key>& keys, std::vector<bool>& used) {
    split_.assign(a_.inferences.size(), false);
    std::map<std::tuple<bool, std::int64_t>, std::vector<std::size_t>> new_by_target, old_by_target;
    for (std::size_t j = 0; j < b_.inferences.size(); ++j)
      if (!used[j])
        new_by_target[{b_.inferences[j].kind == inference_kind::undercut, b_.inferences[j].target}]
            .push_back(j);
    for (std::size_t i = 0; i < a_.inferences.size(); ++i)
      if (inference_of_[i] < 0 && keys[i].whole)
        old_by_target[{keys[i].undercut, keys[i].target}].push_back(i);
    // Split: one old linked reason -> several new ones.
    for (auto& [target, olds] : old_by_target)
      for (std::size_t i : olds) {
        if (keys[i].premises.size() < 2) continue;
        std::vector<std::size_t> parts;
        std::vector<std::int64_t> covered;
        for (std::size_t j : new_by_target[target]) {
          if (used[j] || b_.inferences[j].kind != a_.inferences[i].kind) continue;
          key k = new_key(j);
          if (std::includes(keys[i].premises.begin(), keys[i].premises.end(), k.premises.begin(),
                            k.premises.end())) {
            parts.push_back(j);
            covered.insert(covered.end(), k.premises.begin(), k.premises.end());
          }
        }
        std::sort(covered.begin(), covered.end());
        if (parts.size() < 2 || covered != keys[i].premises) continue;
        for (std::size_t j : parts) used[j] = true;
        split_[i] = true;
        inference_of_[i] = static_cast<std::int64_t>(parts.front());
        add({change_kind::premises_split, relation_claim(i), -1, static_cast<std::int64_t>(i),
             static_cast<std::int64_t>(parts.front()), false,
             std::to_string(parts.size()) + " reasons"});
      }
    // Joined: several old reasons -> one new linked reason.
    for (auto& [target, news] : new_by_target)
      for (std::size_t j : news) {
        if (used[j]) continue;
        key k = new_key(j);
        if (k.premises.size() < 2) continue;
        std::vector<std::size_t> parts;
        std::vector<std::int64_t> covered;
        for (std::size_t i : old_by_target[target]) {
          if (inference_of_[i] >= 0 || split_[i] || a_.inferences[i].kind != b_.inferences[j].kind)
            continue;
          if (std::includes(k.premises.begin(), k.premises.end(), keys[i].premises.begin(),
                            keys[i].premises.end())) {
            parts.push_back(i);
            covered.insert(covered.end(), keys[i].premises.begin(), keys[i].premises.end());
          }
        }
        std::sort(covered.begin(), covered.end());
        if (parts.size() < 2 || covered != k.premises) continue;
        used[j] = true;
        for (std::size_t i : parts)
          split_[i] = true, inference_of_[i] = static_cast<std::int64_t>(j);
        add({change_kind::premises_joined, -1, std::get<0>(target) ? -1 : std::get<1>(target),
             static_cast<std::int64_t>(parts.front()), static_cast<std::int64_t>(j), false,
             std::to_string(parts.size()) + " reasons"});
      }
  }

  void contradictions() {
    auto pair_of = [](std::int64_t x, std::int64_t y) {
      return std::pair(std::min(x, y), std::max(x, y));
    };
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<std::size_t>> waiting;
    for (std::size_t j = 0; j < b_.contradictions.size(); ++j)
      waiting[pair_of(b_.contradictions[j].a, b_.contradictions[j].b)].push_back(j);
    std::vector<bool> used(b_.contradictions.size(), false);
    for (std::size_t i = 0; i < a_.contradictions.size(); ++i) {
      std::int64_t x = r_.after_of[a_.contradictions[i].a], y = r_.after_of[a_.contradictions[i].b];
      if (x < 0 || y < 0) continue;
      auto& left = waiting[pair_of(x, y)];
      if (!left.empty()) {
        used[left.front()] = true;
        left.erase(left.begin());
        continue;
      }
      add({change_kind::relation_removed, static_cast<std::int64_t>(a_.contradictions[i].a), -1,
           static_cast<std::int64_t>(i), -1, true, "contradiction"});
    }
    for (std::size_t j = 0; j < b_.contradictions.size(); ++j)
      if (!used[j] && r_.before_of[b_.contradictions[j].a] >= 0 &&
          r_.before_of[b_.contradictions[j].b] >= 0)
        add({change_kind::relation_added, -1, static_cast<std::int64_t>(b_.contradictions[j].a), -1,
             static_cast<std::int64_t>(j), true, "contradiction"});
  }

  const argument_graph& a_;
  const argument_graph& b_;
  comparison& r_;
  std::vector<std::int32_t> section_of_;    // per old section: its new section
  std::vector<std::int64_t> inference_of_;  // per old inference: its new one
  std::vector<bool> split_;                 // per old inference: split or joined
};

}  // namespace

overlay overlay_of(const argument_graph& before, const argument_graph& after, const comparison& r) {
  overlay o;
  o.graph = after;
  o.claims.assign(after.claims.size(), presence::same);
  o.inferences.assign(after.inferences.size(), presence::same);
  for (std::size_t j = 0; j < after.claims.size(); ++j)
    if (r.before_of[j] < 0) o.claims[j] = presence::added;
  for (const change& c : r.changes) {
    switch (c.kind) {
      case change_kind::text_changed:
      case change_kind::id_changed:
      case change_kind::moved:
      case change_kind::attributes_changed:
      case change_kind::tags_changed:
        if (c.after >= 0) o.claims[static_cast<std::size_t>(c.after)] = presence::changed;
        break;
      case change_kind::relation_added:
        if (c.after_inference >= 0 && !c.contradiction)
          o.inferences[static_cast<std::size_t>(c.after_inference)] = presence::added;
        break;
      case change_kind::relation_kind_changed:
      case change_kind::premises_joined:
      case change_kind::premises_split:
        if (c.after_inference >= 0)
          o.inferences[static_cast<std::size_t>(c.after_inference)] = presence::changed;
        break;
      default:
        break;
    }
  }
  // A reason to or from a new claim is new.
  for (std::size_t i = 0; i < after.inferences.size(); ++i) {
    const inference& inf = after.inferences[i];
    bool fresh = inf.kind != inference_kind::undercut && r.before_of[inf.target] < 0;
    for (claim_index p : inf.premises) fresh = fresh || r.before_of[p] < 0;
    if (fresh) o.inferences[i] = presence::added;
  }
  // Ghosts: each removed claim, in the old reading order (a claim's parent
  // comes before it), where it was.
  std::vector<std::int64_t> at(before.claims.size(),
                               -1);  // per old claim: its index in the overlay
  for (std::size_t i = 0; i < before.claims.size(); ++i) at[i] = r.after_of[i];
  std::map<std::string, std::int32_t> section_by_title;
  for (std::size_t t = 0; t < after.sections.size(); ++t)
    section_by_title.emplace(after.sections[t].title, static_cast<std::int32_t>(t));
  for (std::size_t i = 0; i < before.claims.size(); ++i) {
    if (r.after_of[i] >= 0) continue;
    claim_node ghost = before.claims[i];
    const std::int32_t s = ghost.section;
    auto title = s == no_section
                     ? section_by_title.end()
                     : section_by_title.find(before.sections[static_cast<std::size_t>(s)].title);
    ghost.section = title == section_by_title.end() ? no_section : title->second;
    ghost.outline_parent =
        ghost.outline_parent >= 0
            ? static_cast<std::int32_t>(at[static_cast<std::size_t>(ghost.outline_parent)])
            : -1;
    ghost.outline_inference = -1;
    ghost.references = 0;
    at[i] = static_cast<std::int64_t>(o.graph.claims.size());
    o.graph.claims.push_back(std::move(ghost));
    o.claims.push_back(presence::removed);
  }
  // Ghost reasons: the old reasons that touch a removed claim, and those the
  // comparison lists as removed, between claims the overlay has (undercuts
  // left out: what they undercut may not be there).
  std::vector<bool> gone(before.inferences.size(), false);
  for (const change& c : r.changes)
    if (c.kind == change_kind::relation_removed && !c.contradiction && c.before_inference >= 0)
      gone[static_cast<std::size_t>(c.before_inference)] = true;
  for (std::size_t i = 0; i < before.inferences.size(); ++i) {
    const inference& inf = before.inferences[i];
    if (inf.kind == inference_kind::undercut) continue;
    bool touches = r.after_of[inf.target] < 0;
    for (claim_index p : inf.premises) touches = touches || r.after_of[p] < 0;
    if (!touches && !gone[i]) continue;
    inference ghost = inf;
    ghost.target = static_cast<std::uint32_t>(at[inf.target]);
    for (claim_index& p : ghost.premises) p = static_cast<claim_index>(at[p]);
    const auto index = static_cast<std::int32_t>(o.graph.inferences.size());
    for (claim_index p : ghost.premises)
      if (o.claims[p] == presence::removed && o.graph.claims[p].outline_inference < 0)
        o.graph.claims[p].outline_inference = index;
    o.graph.inferences.push_back(std::move(ghost));
    o.inferences.push_back(presence::removed);
  }
  return o;
}

comparison compare(const argument_graph& before, const argument_graph& after,
                   const compare_options& options) {
  comparison r;
  matcher(before, after, r).run(options.threshold);
  differ(before, after, r).run();
  return r;
}

}  // namespace argmap::engine

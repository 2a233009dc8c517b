// gen_map: writes a synthetic argument map to standard output, for benchmarks.
//
//   gen_map [--claims N] [--bytes B] [--fanout F] [--depth D] [--co-premises P]
//           [--references P] [--attributes P] [--section-every N] [--seed S]
//
// Roots carry trees of at most D levels with up to F children each, until N
// claims are written or the output reaches B bytes (whichever comes first). The P options are
// percentages of claims that get a co-premise, are written as a reference to an earlier or later
// id, or carry an attribute block. A tenth of the claims have tags, a third have ids, one in twenty
// continues on a second line, one in twenty is an undercut, and a section heading starts every N
// claims (1,000 unless told), before the next root. The same options give the same bytes.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct options {
  long claims = 10000;
  long bytes = -1;
  int fanout = 4;
  int depth = 6;
  int co_premises = 10;
  int references = 5;
  int attributes = 10;
  long section_every = 1000;
  unsigned long seed = 1;
};

class generator {
 public:
  explicit generator(const options& o) : o_(o), state_(o.seed * 2654435761u + 1) {}

  void run() {
    long root = 0;
    while (more()) {
      if (written_ / o_.section_every != section_) {
        section_ = written_ / o_.section_every;
        out_ += "\n# Section " + std::to_string(section_) + "\n";
      }
      claim(0, ++root, -1);
      flush(false);
    }
    flush(true);
  }

 private:
  std::uint32_t next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state_ >> 33);
  }
  bool chance(int percent) { return static_cast<int>(next() % 100) < percent; }

  void text() {
    static const char* words[] = {"the",     "policy", "would",  "reduce",   "costs",
                                  "because", "data",   "shows",  "markets",  "respond",
                                  "quickly", "to",     "prices", "although", "critics",
                                  "doubt",   "this",   "trade",  "partners", "retaliate"};
    int n = 5 + static_cast<int>(next() % 9);
    for (int i = 0; i < n; ++i) {
      if (i) out_ += ' ';
      out_ += words[next() % 20];
    }
    out_ += '.';
  }

  // Writes a claim and its subtree; `parent_id` is the parent's id number (-1: none).
  void claim(int level, long number, long parent_id) {
    std::string indent(static_cast<std::size_t>(level) * 2, ' ');
    ++written_;
    if (level > 0 && chance(o_.references) && ids_ > 1) {
      // An earlier id, never the parent's own (that would relate it to itself).
      long target = static_cast<long>(next() % static_cast<std::uint32_t>(ids_));
      if (target == parent_id) target = (target + 1) % ids_;
      out_ += indent + marker(level) + " @c" + std::to_string(target) + "\n";
      return;
    }
    out_ += indent;
    if (level > 0) out_ += marker(level) + " ";
    long my_id = -1;
    if (chance(33)) {
      my_id = ids_++;
      out_ += "[c" + std::to_string(my_id) + "] ";
    }
    text();
    if (chance(10)) out_ += " #topic" + std::to_string(next() % 20);
    if (chance(o_.attributes)) {
      out_ += " {weight: 0." + std::to_string(next() % 10) + ", source: \"Report " +
              std::to_string(number) + "\"}";
    }
    out_ += '\n';
    if (chance(5)) {
      out_ += indent + "    ";
      text();
      out_ += '\n';
    }
    if (level + 1 >= o_.depth) return;
    int children = static_cast<int>(next() % static_cast<unsigned>(o_.fanout + 1));
    for (int i = 0; i < children && more(); ++i) {
      claim(level + 1, number, my_id);
      if (chance(o_.co_premises) && more()) {
        ++written_;
        out_ += std::string(static_cast<std::size_t>(level + 1) * 2, ' ') + "& ";
        text();
        out_ += '\n';
      }
    }
  }

  std::string marker(int level) {
    if (level >= 2 && chance(5)) return "~";
    return chance(30) ? "-" : "+";
  }

  bool more() const {
    return written_ < o_.claims &&
           (o_.bytes < 0 || static_cast<long>(flushed_ + out_.size()) < o_.bytes);
  }

  void flush(bool all) {
    if (all || out_.size() > (1 << 20)) {
      std::fwrite(out_.data(), 1, out_.size(), stdout);
      flushed_ += out_.size();
      out_.clear();
    }
  }

  options o_;
  std::uint64_t state_;
  std::string out_;
  long written_ = 0;
  std::size_t flushed_ = 0;
  long section_ = -1;
  long ids_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i];
    long v = std::strtol(argv[i + 1], nullptr, 10);
    if (k == "--claims") o.claims = v;
    else if (k == "--bytes") o.bytes = v;
    else if (k == "--fanout") o.fanout = static_cast<int>(v);
    else if (k == "--depth") o.depth = static_cast<int>(v);
    else if (k == "--co-premises") o.co_premises = static_cast<int>(v);
    else if (k == "--references") o.references = static_cast<int>(v);
    else if (k == "--attributes") o.attributes = static_cast<int>(v);
    else if (k == "--section-every" && v > 0)
      o.section_every = v;
    else if (k == "--seed") o.seed = static_cast<unsigned long>(v);
    else {
      std::fprintf(stderr, "gen_map: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  if (argc % 2 == 0) {
    std::fprintf(stderr, "gen_map: option %s needs a value\n", argv[argc - 1]);
    return 2;
  }
  generator(o).run();
  return 0;
}

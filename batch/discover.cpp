#include "batch/discover.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "batch/ignore.hpp"
#include "core/utf8.hpp"
#include "io/read.hpp"

namespace argmap::batch {

namespace {

struct candidate {
  found_map map;
  std::uint64_t dev = 0, ino = 0;  // of the file read (a link's target); 0 for a problem
};

bool is_map_name(std::string_view name, bool partials) {
  return name.size() > 4 && name.ends_with(".arg") && (partials || name.front() != '_');
}

// The canonical path of `p`, or empty with errno set.
std::string real_path(const std::string& p) {
  char* r = realpath(p.c_str(), nullptr);
  if (r == nullptr) return {};
  std::string s = r;
  std::free(r);
  return s;
}

bool inside(const std::string& root, const std::string& path) {
  if (root == "/") return true;
  return path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
         path[root.size()] == '/';
}

class walker {
 public:
  walker(discovery& d, std::pair<std::uint64_t, std::uint64_t> output, std::size_t max_ignore_bytes,
         bool partials)
      : d_(d), output_(output), max_ignore_bytes_(max_ignore_bytes), partials_(partials) {}

  void walk(const std::string& root, std::vector<candidate>& out) {
    root_ = root;
    real_root_ = real_path(root);
    read_ignore_file();
    // An explicit stack: no recursion, each folder read once.
    std::vector<std::pair<std::string, std::string>> stack{{root, ""}};
    while (!stack.empty()) {
      auto [dir, prefix] = std::move(stack.back());
      stack.pop_back();
      std::vector<std::string> names;
      // The root may be a link the user named; below it, no link is followed.
      int dir_fd =
          open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | (prefix.empty() ? 0 : O_NOFOLLOW));
      DIR* handle = dir_fd >= 0 ? fdopendir(dir_fd) : nullptr;
      if (handle == nullptr) {
        if (dir_fd >= 0) close(dir_fd);
        warn(dir, fmt::format("skipped this folder: {}", std::strerror(errno)));
        continue;
      }
      while (dirent* e = readdir(handle)) {
        std::string_view n = e->d_name;
        if (n != "." && n != "..") names.emplace_back(n);
      }
      std::sort(names.begin(), names.end());
      for (const std::string& name : names) {
        std::string rel = prefix.empty() ? name : fmt::format("{}/{}", prefix, name);
        std::string full = fmt::format("{}/{}", dir, name);
        visit(dirfd(handle), name, rel, full, stack, out);
      }
      closedir(handle);
    }
  }

 private:
  void warn(const std::string& file, std::string message) {
    d_.diagnostics.push_back(
        unplaced(severity::warning, "skipped", printable_name(file), std::move(message)));
  }

  void read_ignore_file() {
    ignore_ = ignore_list();
    std::string name = root_ + "/.argmapignore";
    struct stat st {};
    if (lstat(name.c_str(), &st) != 0) return;  // none
    std::string text;
    diagnostic unread;
    // Never a link: its target could be any file, whose lines an error would quote.
    if (!io::read_file(name, text, unread, {.max_bytes = max_ignore_bytes_, .no_follow = true})) {
      unread.message = fmt::format("cannot read '{}': {}", name, unread.message);
      d_.diagnostics.push_back(std::move(unread));
      return;
    }
    ignore_ = ignore_list(text, name, d_.diagnostics);
  }

  void visit(int dir_fd, const std::string& name, const std::string& rel, const std::string& full,
             std::vector<std::pair<std::string, std::string>>& stack, std::vector<candidate>& out) {
    if (utf8::find_invalid(name) != std::string_view::npos) {
      warn(full,
           "skipped: the name is not valid UTF-8 (argmap names outputs and manifest entries in "
           "UTF-8)");
      return;
    }
    struct stat st {};
    if (fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
      if (is_map_name(name, partials_)) warn(full, fmt::format("skipped: {}", std::strerror(errno)));
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      if (name.front() == '.') return;
      if (st.st_dev == output_.first && st.st_ino == output_.second) return;
      if (ignore_.matches(rel, true)) return;
      stack.emplace_back(full, rel);
      return;
    }
    if (!is_map_name(name, partials_) || ignore_.matches(rel, false)) return;
    candidate c;
    c.map.path = full;
    c.map.relative = rel;
    if (S_ISREG(st.st_mode)) {
      c.dev = st.st_dev;
      c.ino = st.st_ino;
    } else if (S_ISLNK(st.st_mode)) {
      std::string target = real_path(full);
      struct stat ts {};
      if (target.empty()) {
        c.map.problem = errno == ELOOP ? "cannot read it: a loop of symbolic links"
                                       : fmt::format(
                                             "cannot read it: a symbolic link to a file that "
                                             "cannot be opened ({})",
                                             std::strerror(errno));
      } else if (real_root_.empty() || !inside(real_root_, target)) {
        c.map.problem = fmt::format(
            "not built: it is a symbolic link to '{}', outside the source folder '{}' (argmap "
            "builds "
            "only maps inside the folders it is given)",
            printable_name(target), root_);
      } else if (stat(target.c_str(), &ts) != 0 || !S_ISREG(ts.st_mode)) {
        warn(full,
             fmt::format("skipped: it links to {}, not a regular file", io::kind_of(ts.st_mode)));
        return;
      } else {
        c.dev = ts.st_dev;
        c.ino = ts.st_ino;
      }
    } else {
      warn(full, fmt::format("skipped: it is {}, not a regular file", io::kind_of(st.st_mode)));
      return;
    }
    out.push_back(std::move(c));
  }

  discovery& d_;
  std::pair<std::uint64_t, std::uint64_t> output_;
  std::size_t max_ignore_bytes_;
  bool partials_;
  std::string root_, real_root_;
  ignore_list ignore_;
};

}  // namespace

bool discovery::has_errors() const {
  return usage_error || std::any_of(diagnostics.begin(), diagnostics.end(),
                                    [](const diagnostic& x) { return x.level == severity::error; });
}

std::string printable_name(std::string_view name) {
  std::string out;
  std::size_t i = 0;
  while (i < name.size()) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    std::size_t bad = utf8::find_invalid(name.substr(i, std::min<std::size_t>(4, name.size() - i)));
    if (bad == 0 || c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02X}", c);
      ++i;
      continue;
    }
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.append(name.substr(i, len));
    i += len;
  }
  return out;
}

discovery discover(const std::vector<std::string>& sources,
                   std::pair<std::uint64_t, std::uint64_t> output, std::size_t max_ignore_bytes,
                   bool partials) {
  discovery d;
  std::vector<candidate> all;
  walker w(d, output, max_ignore_bytes, partials);
  for (const std::string& src : sources) {
    struct stat st {};
    if (stat(src.c_str(), &st) != 0) {
      d.diagnostics.push_back(
          unplaced(severity::error, "usage", {},
                   fmt::format("no such file or folder: '{}'", printable_name(src))));
      d.usage_error = true;
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      w.walk(src, all);
    } else if (S_ISREG(st.st_mode)) {
      std::string name = src.substr(src.rfind('/') == std::string::npos ? 0 : src.rfind('/') + 1);
      all.push_back({{src, name, {}}, st.st_dev, st.st_ino});
    } else {
      d.diagnostics.push_back(unplaced(severity::error, "usage", {},
                                       fmt::format("'{}' is {}, not a map or a folder",
                                                   printable_name(src), io::kind_of(st.st_mode))));
      d.usage_error = true;
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const candidate& x, const candidate& y) {
    return x.map.relative < y.map.relative;
  });
  for (std::size_t k = 0; k < all.size(); ++k) {
    if (k > 0 && all[k].map.relative == all[k - 1].map.relative) {
      const candidate& a = all[k - 1];
      const candidate& b = all[k];
      bool same =
          a.dev == b.dev && a.ino == b.ino && a.map.problem.empty() && b.map.problem.empty();
      if (same) continue;  // one file named twice
      d.diagnostics.push_back(unplaced(
          severity::error, "output-clash", {},
          fmt::format(
              "'{}' and '{}' would both be written as '{}' in the output folder; build them "
              "into different output folders or rename one",
              a.map.path, b.map.path, a.map.relative)));
      d.usage_error = true;
      continue;
    }
    d.maps.push_back(all[k].map);
  }
  return d;
}

std::string shown_path(const found_map& map, const std::string& file) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::path(map.path).parent_path();
  return (fs::path(map.relative).parent_path() / fs::path(file).lexically_relative(folder))
      .lexically_normal()
      .generic_string();
}

}  // namespace argmap::batch

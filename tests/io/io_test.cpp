// The io library: the one reader, the one writer, the output folder.

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/folder.hpp"
#include "io/read.hpp"
#include "io/write.hpp"

namespace fs = std::filesystem;
using namespace argmap;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

// A fresh, empty folder for one test, removed at its end.
struct scratch {
  fs::path dir;
  explicit scratch(const std::string& name)
      : dir(fs::temp_directory_path() / ("argmap-io-" + name)) {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~scratch() { fs::remove_all(dir); }
  std::size_t entries(const fs::path& sub = {}) const {
    return static_cast<std::size_t>(
        std::distance(fs::directory_iterator(dir / sub), fs::directory_iterator()));
  }
};

// A file-size limit makes writes fail half-way, even for root.
struct size_limit {
  rlimit old{};
  explicit size_limit(rlim_t bytes) {
    std::signal(SIGXFSZ, SIG_IGN);
    getrlimit(RLIMIT_FSIZE, &old);
    rlimit tiny = old;
    tiny.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &tiny);
  }
  ~size_limit() { setrlimit(RLIMIT_FSIZE, &old); }
};

}  // namespace

TEST_CASE("write_output replaces a file atomically, and a failed write leaves the old file intact") {
  scratch s("atomic");
  std::string path = (s.dir / "map.svg").string();
  argmap::diagnostic error;
  REQUIRE(io::write_output(path, "first", error));
  CHECK(slurp(path) == "first");
  REQUIRE(io::write_output(path, "second", error));
  CHECK(slurp(path) == "second");
  bool ok;
  {
    size_limit tiny(4);
    ok = io::write_output(path, std::string(100000, 'x'), error);
  }
  CHECK_FALSE(ok);
  CHECK(error.message.rfind("cannot write '" + path + "': ", 0) == 0);
  CHECK(slurp(path) == "second");
  CHECK(s.entries() == 1);  // no temporary left
  CHECK_FALSE(io::write_output((s.dir / "no-such-dir" / "x.svg").string(), "x", error));
}

TEST_CASE("write_output keeps permissions, follows links to their target, refuses folders") {
  scratch s("links");
  fs::path target = s.dir / "real.arg", link = s.dir / "link.arg";
  spit(target, "old");
  chmod(target.c_str(), 0600);
  fs::create_symlink("real.arg", link);
  argmap::diagnostic error;
  REQUIRE(io::write_output(link.string(), "new", error));
  CHECK(fs::is_symlink(link));
  CHECK(slurp(target) == "new");
  struct stat st {};
  stat(target.c_str(), &st);
  CHECK((st.st_mode & 0777) == 0600);

  fs::create_symlink("missing.arg", s.dir / "dangling.arg");
  CHECK_FALSE(io::write_output((s.dir / "dangling.arg").string(), "x", error));
  CHECK(error.message.find("does not exist") != std::string::npos);
  CHECK_FALSE(fs::exists(s.dir / "missing.arg"));

  fs::create_directory(s.dir / "folder.svg");
  CHECK_FALSE(io::write_output((s.dir / "folder.svg").string(), "x", error));
  CHECK(error.message.find("it is a directory") != std::string::npos);

  fs::create_hard_link(target, s.dir / "hard.arg");
  io::write_report report;
  REQUIRE(io::write_output(target.string(), "newer", error, &report));
  CHECK(report.other_links == 1);
  CHECK(slurp(s.dir / "hard.arg") == "new");  // the other link keeps the old text
}

TEST_CASE("write_output writes a FIFO or a device in place instead of replacing it") {
  scratch s("special");
  fs::path fifo = s.dir / "out.svg";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  // A reader at the other end, in a child process.
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open(fifo.c_str(), O_RDONLY);
    char buf[64];
    ssize_t n = read(fd, buf, sizeof buf);
    _exit(n == 5 && std::string(buf, 5) == "bytes" ? 0 : 1);
  }
  argmap::diagnostic error;
  CHECK(io::write_output(fifo.string(), "bytes", error));
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(fs::is_fifo(fifo));
  CHECK(io::write_output("/dev/null", "bytes", error));
  CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("read_file refuses special files without blocking and bounds every read") {
  scratch s("read");
  fs::path fifo = s.dir / "map.arg";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::string text;
  argmap::diagnostic why;
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(io::read_file(fifo.string(), text, why));
  CHECK(why.message == "it is not a regular file (a FIFO)");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK_FALSE(io::read_file("/dev/zero", text, why));
  CHECK(why.message == "it is not a regular file (a character device)");
  // Allowed streams are read up to the limit, not further.
  CHECK_FALSE(io::read_file("/dev/zero", text, why, {.max_bytes = 1000, .allow_streams = true}));
  CHECK(why.message == "file is larger than 1000 bytes");
  CHECK(io::read_file("/dev/null", text, why, {.allow_streams = true}));
  CHECK(text.empty());
  spit(s.dir / "real", "abc");
  fs::create_symlink("real", s.dir / "link");
  CHECK(io::read_file((s.dir / "link").string(), text, why));
  CHECK(text == "abc");
  CHECK_FALSE(io::read_file((s.dir / "link").string(), text, why, {.no_follow = true}));
  CHECK(why.message == "it is a symbolic link");
  CHECK_FALSE(io::read_file((s.dir / "real").string(), text, why, {.max_bytes = 2}));
  CHECK(why.message == "file is larger than 2 bytes");
}

TEST_CASE("temporary names are recognisable and nothing else is") {
  CHECK(io::is_temporary_name(".map.svg.argmap-tmp-a1B2c3"));
  CHECK_FALSE(io::is_temporary_name(".map.svg.argmap-tmp-a1B2c"));
  CHECK_FALSE(io::is_temporary_name("map.svg.argmap-tmp-a1B2c3"));
  CHECK_FALSE(io::is_temporary_name(".x.tmp-1"));
  CHECK_FALSE(io::is_temporary_name(".a.tmp-b.svg"));
  CHECK_FALSE(io::is_temporary_name(".map.argmap-tmp-abcdef.svg"));
}

TEST_CASE("a sweep removes stale temporaries only, never one a live process holds") {
  scratch s("sweep");
  spit(s.dir / ".map.svg.argmap-tmp-AAAAAA", "stale");
  spit(s.dir / ".x.tmp-1", "not argmap's");
  spit(s.dir / ".map.svg.argmap-tmp-BBBBBB", "live");
  fs::create_symlink("/etc/hostname", s.dir / ".link.argmap-tmp-CCCCCC");
  int held = open((s.dir / ".map.svg.argmap-tmp-BBBBBB").c_str(), O_RDONLY);
  REQUIRE(held >= 0);
  // Another process holds the lock (flock locks belong to open files).
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open((s.dir / ".map.svg.argmap-tmp-BBBBBB").c_str(), O_RDONLY);
    flock(fd, LOCK_EX);
    sleep(30);
    _exit(0);
  }
  usleep(200000);
  int dir = open(s.dir.c_str(), O_RDONLY | O_DIRECTORY);
  CHECK(io::sweep_temporaries(dir) == 1);
  close(dir);
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  close(held);
  CHECK_FALSE(fs::exists(s.dir / ".map.svg.argmap-tmp-AAAAAA"));
  CHECK(fs::exists(s.dir / ".map.svg.argmap-tmp-BBBBBB"));
  CHECK(fs::exists(s.dir / ".x.tmp-1"));
  CHECK(fs::is_symlink(s.dir / ".link.argmap-tmp-CCCCCC"));
  CHECK(fs::exists("/etc/hostname"));
}

TEST_CASE("an output folder writes several files together or none") {
  scratch s("together");
  argmap::diagnostic error;
  auto folder = io::output_folder::open((s.dir / "out").string(), error);
  REQUIRE(folder);
  REQUIRE(folder->write_together({{"sub/a.svg", "old svg"}, {"sub/a.dot", "old dot"}}, error));
  bool ok;
  {
    size_limit tiny(100);  // the first file fits, the second does not
    ok = folder->write_together({{"sub/a.dot", "new dot"}, {"sub/a.svg", std::string(1000, 'x')}},
                                error);
  }
  CHECK_FALSE(ok);
  CHECK(error.message.find("sub/a.svg") != std::string::npos);
  CHECK(slurp(s.dir / "out/sub/a.svg") == "old svg");
  CHECK(slurp(s.dir / "out/sub/a.dot") == "old dot");
  CHECK(s.entries("out/sub") == 2);
}

TEST_CASE("nothing an output folder does leaves it, whatever links it holds") {
  scratch s("confined");
  fs::create_directories(s.dir / "out");
  fs::create_directories(s.dir / "elsewhere");
  spit(s.dir / "elsewhere/victim.svg", "keep me");
  fs::create_directory_symlink("../elsewhere", s.dir / "out/sub");
  fs::create_symlink("../elsewhere/victim.svg", s.dir / "out/link.svg");
  argmap::diagnostic error;
  auto folder = io::output_folder::open((s.dir / "out").string(), error);
  REQUIRE(folder);
  CHECK_FALSE(folder->write_together({{"sub/victim.svg", "overwritten"}}, error));
  CHECK(error.message.find("'sub' is a symbolic link") != std::string::npos);
  CHECK(slurp(s.dir / "elsewhere/victim.svg") == "keep me");
  // A link where an output goes is replaced, not followed.
  REQUIRE(folder->write_together({{"link.svg", "new"}}, error));
  CHECK_FALSE(fs::is_symlink(s.dir / "out/link.svg"));
  CHECK(slurp(s.dir / "elsewhere/victim.svg") == "keep me");
  CHECK_FALSE(folder->write_together({{"../victim.svg", "x"}}, error));
  CHECK_FALSE(folder->write_together({{"/tmp/victim.svg", "x"}}, error));
  // Removal: only plain files with the recorded hash, never through a link.
  std::uint64_t h = io::content_hash("keep me");
  CHECK(folder->remove_if_unchanged("sub/victim.svg", h) == io::output_folder::removal::refused);
  CHECK(folder->remove_if_unchanged("../elsewhere/victim.svg", h) ==
        io::output_folder::removal::refused);
  fs::create_symlink("../elsewhere/victim.svg", s.dir / "out/link2.svg");
  CHECK(folder->remove_if_unchanged("link2.svg", h) == io::output_folder::removal::refused);
  CHECK(fs::exists(s.dir / "elsewhere/victim.svg"));
  CHECK(folder->remove_if_unchanged("link.svg", io::content_hash("other")) ==
        io::output_folder::removal::changed);
  CHECK(folder->remove_if_unchanged("link.svg", io::content_hash("new")) ==
        io::output_folder::removal::removed);
  CHECK(folder->remove_if_unchanged("link.svg", 0) == io::output_folder::removal::missing);
  // Reading never follows a link either.
  std::string text;
  CHECK_FALSE(folder->read("link2.svg", text, error, 1000));
  CHECK_FALSE(folder->read("sub/victim.svg", text, error, 1000));
}

TEST_CASE("is_plain_relative accepts only paths inside") {
  CHECK(io::is_plain_relative("a.svg"));
  CHECK(io::is_plain_relative("sub/a.svg"));
  CHECK_FALSE(io::is_plain_relative(""));
  CHECK_FALSE(io::is_plain_relative("/a.svg"));
  CHECK_FALSE(io::is_plain_relative("../a.svg"));
  CHECK_FALSE(io::is_plain_relative("sub/../../a.svg"));
  CHECK_FALSE(io::is_plain_relative("sub//a.svg"));
  CHECK_FALSE(io::is_plain_relative("./a.svg"));
}

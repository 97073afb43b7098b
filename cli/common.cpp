#include "cli/common.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <cstdlib>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "engine/builtin_rules.hpp"
#include "engine/render.hpp"

namespace fs = std::filesystem;

namespace jf::cli {

Lang resolve_lang(const std::string& flag) {
  if (flag == "zh") return Lang::zh;
  if (flag == "en") return Lang::en;
  if (!flag.empty()) throw ToolError(fmt::format("unknown language `{}` (use en or zh)", flag));
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) return std::string_view(v).substr(0, 2) == "zh" ? Lang::zh : Lang::en;
  }
  return Lang::en;
}

std::string read_source_file(const std::string& path, size_t max_bytes) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) throw ToolError(fmt::format("{}: no such file or directory", path));
  if (S_ISDIR(st.st_mode)) throw ToolError(fmt::format("{}: is a directory", path));
  if (!S_ISREG(st.st_mode)) throw ToolError(fmt::format("{}: not a regular file", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ToolError(fmt::format("{}: cannot be read (permission denied?)", path));
  size_t want = std::min<size_t>(static_cast<size_t>(st.st_size), max_bytes + 1);
  std::string text(want, '\0');
  in.read(text.data(), static_cast<std::streamsize>(want));
  text.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) throw ToolError(fmt::format("{}: read error", path));
  return text;
}

namespace {

bool has_ext(const fs::path& p, std::initializer_list<const char*> exts) {
  std::string e = p.extension().string();
  return std::any_of(exts.begin(), exts.end(), [&](const char* x) { return e == x; });
}

// A YAML file is a scheme when a line starts with `scheme:` (its top level);
// config, CI and data files in the same folders are skipped.
bool yaml_is_scheme(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::string line;
  for (int n = 0; n < 10000 && std::getline(in, line); ++n) {
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (line.rfind("scheme:", 0) == 0) return true;
  }
  return false;
}

template <typename Keep>
void walk(const std::string& root, Keep keep, std::set<std::string>& out, std::vector<std::string>& errors) {
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    errors.push_back(fmt::format("{}: {}", root, ec.message()));
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      errors.push_back(fmt::format("{}: {}", it->path().string(), ec.message()));
      break;
    }
    std::error_code fec;
    if (it->is_regular_file(fec) && keep(it->path())) out.insert(it->path().lexically_normal().string());
  }
}

}  // namespace

std::vector<std::string> collect_schemes(const std::vector<std::string>& paths, std::vector<std::string>& errors,
                                         bool skip_non_schemes) {
  std::set<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) errors.push_back(fmt::format("{}: no such file or directory", p));
    else if (fs::is_directory(st))
      walk(p, [](const fs::path& f) { return has_ext(f, {".assess"}) || (has_ext(f, {".yaml", ".yml"}) && yaml_is_scheme(f)); },
           out, errors);
    else if (!(skip_non_schemes && has_ext(p, {".yaml", ".yml"}) && !yaml_is_scheme(p)))
      out.insert(fs::path(p).lexically_normal().string());
  }
  return {out.begin(), out.end()};
}

std::vector<std::string> collect_rule_files(const std::vector<std::string>& paths) {
  std::set<std::string> out;
  std::vector<std::string> errors;
  for (const std::string& p : paths) {
    if (fs::is_directory(p)) walk(p, [](const fs::path& f) { return has_ext(f, {".rules"}); }, out, errors);
    else if (fs::exists(p)) out.insert(p);
    else throw ToolError(fmt::format("{}: no such file or directory", p));
  }
  if (!errors.empty()) throw ToolError(errors.front());
  return {out.begin(), out.end()};
}

void print_errors(const std::vector<Diagnostic>& errors, const SourceSet& sources, Lang lang) {
  std::fputs(render_text(errors, sources, {lang, use_color(stderr)}).c_str(), stderr);
}

RuleSet load_rules(SourceSet& sources, const std::vector<std::string>& extra, bool with_builtin,
                   const Globals& g) {
  RuleSet set;
  std::vector<Diagnostic> errors;
  if (with_builtin)
    for (const EmbeddedFile& f : builtin_rule_files())
      set.add_file(sources, sources.add(std::string(f.path), std::string(f.text)), true, errors);
  for (const std::string& path : collect_rule_files(extra))
    set.add_file(sources, sources.add(path, read_source_file(path, g.limits.max_file_bytes)), false, errors);
  if (!errors.empty()) {
    print_errors(errors, sources, resolve_lang(g.lang));
    throw ToolError(fmt::format("{} error{} in rule files", errors.size(), errors.size() == 1 ? "" : "s"));
  }
  return set;
}

void write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
      throw ToolError("cannot write to standard output");
    return;
  }
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  if (!fs::is_directory(dir)) throw ToolError(fmt::format("{}: directory {} does not exist", path, dir.string()));
  std::string tmp = (dir / ("." + target.filename().string() + ".jianfu-XXXXXX")).string();
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) throw ToolError(fmt::format("{}: cannot create a file in {}", path, dir.string()));
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  bool ok = done == text.size() && ::fsync(fd) == 0;
  ok = (::close(fd) == 0) && ok;
  if (!ok || ::chmod(tmp.c_str(), 0644) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    throw ToolError(fmt::format("{}: write failed", path));
  }
}

bool use_color(FILE* stream) {
  const char* no = std::getenv("NO_COLOR");
  if (no && *no) return false;
  return ::isatty(::fileno(stream)) != 0;
}

}  // namespace jf::cli

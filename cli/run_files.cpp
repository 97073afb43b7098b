#include "cli/run_files.hpp"

#include <fmt/format.h>

#include <map>
#include <mutex>
#include <utility>

#include "cli/common.hpp"

namespace jf::cli {
namespace {

std::mutex g_mutex;
std::map<std::pair<dev_t, ino_t>, std::string> g_inputs;  // identity -> path as first read
std::map<std::string, std::string> g_outputs;             // key -> path as given

}  // namespace

void note_input(const struct stat& st, const std::string& path) {
  std::lock_guard lock(g_mutex);
  g_inputs.emplace(std::pair{st.st_dev, st.st_ino}, path);
}

void refuse_if_input(const struct stat& st, const std::string& output) {
  std::lock_guard lock(g_mutex);
  auto hit = g_inputs.find({st.st_dev, st.st_ino});
  if (hit == g_inputs.end()) return;
  if (hit->second == output) throw ToolError(msg("cli.out.is_input", {arg("path", output)}));
  throw ToolError(msg("cli.out.is_input_as", {arg("path", output), arg("input", hit->second)}));
}

void refuse_stdout_if_input(const struct stat& st) {
  std::lock_guard lock(g_mutex);
  auto hit = g_inputs.find({st.st_dev, st.st_ino});
  if (hit != g_inputs.end())
    throw ToolError(msg("cli.out.is_input_as", {word("path", "cli.out.stdout_name"), arg("input", hit->second)}));
}

std::string identity_key(const struct stat& st) { return fmt::format("inode {}:{}", st.st_dev, st.st_ino); }

void note_output(const std::string& key, const std::string& output) {
  std::lock_guard lock(g_mutex);
  auto [it, fresh] = g_outputs.emplace(key, output);
  if (!fresh)
    throw ToolError(msg("cli.out.written_twice", {arg("path", output), arg("other", it->second)}));
}

}  // namespace jf::cli

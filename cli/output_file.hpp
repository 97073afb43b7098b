// Writing reports: to stdout, or atomically to a file.
#pragma once
#include <string>
#include <string_view>

namespace jf::cli {

/// A report written piece by piece: to stdout when `path` is empty or "-",
/// else to a temporary in the same directory that replaces `path` on
/// commit(), so readers never see half a report. Without commit() — an
/// error, or the run interrupted by SIGINT, SIGTERM or SIGHUP — the
/// temporary is removed. Throws ToolError on any failure.
class OutputFile {
 public:
  explicit OutputFile(std::string path);
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  void write(std::string_view text);
  void commit();

 private:
  void discard();

  std::string path_, tmp_;
  int fd_ = -1;
  int slot_ = -1;  // in the interrupt handler's list of temporaries
};

/// Writes `text` to `path` atomically (a temporary in the same directory,
/// then rename), or to stdout when `path` is empty or "-". Throws ToolError
/// on any failure and leaves no partial file behind.
void write_output(const std::string& path, const std::string& text);

}  // namespace jf::cli

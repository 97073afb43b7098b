// Writing reports: to stdout, or atomically to a file.
#pragma once
#include <sys/types.h>

#include <string>
#include <string_view>

namespace jf::cli {

/// A report written piece by piece:
///  - to stdout when `path` is empty or "-";
///  - to a character device or FIFO (`-o /dev/null`, `-o /dev/stderr`, a
///    named pipe) directly, as a shell redirection would: such a target is
///    never replaced;
///  - else to a temporary next to the file the path resolves to (symlinks
///    followed, so the link stays a link) that replaces it on commit(), so
///    readers never see half a report. The result keeps the replaced file's
///    mode, or gets 0666 minus the umask when new.
/// Directories, block devices and dangling symlinks are refused, and so is
/// any target that is an input or another output of the run
/// (run_files.hpp). Without commit() — an error, or the run interrupted by
/// SIGINT, SIGTERM, SIGHUP, SIGQUIT or SIGXFSZ — the temporary is removed.
/// Throws ToolError on any failure.
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
  void refuse_stdout_onto_input() const;

  std::string path_;    // as given, for messages
  std::string target_;  // the file the rename replaces (symlinks resolved)
  std::string tmp_;
  int fd_ = -1;
  bool direct_ = false;  // a device or FIFO, written in place
  mode_t mode_ = 0644;
  int slot_ = -1;  // in the interrupt handler's list of temporaries
};

/// Writes `text` to `path` as OutputFile does, or to stdout when `path` is
/// empty or "-". Throws ToolError on any failure and leaves no partial file
/// behind.
void write_output(const std::string& path, const std::string& text);

}  // namespace jf::cli

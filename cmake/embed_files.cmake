# Writes OUT: a C++ file holding every DIR/*.EXT file as a raw string, sorted
# by name, returned by FUNCTION (declared in HEADER as
# `const std::vector<EmbeddedFile>& FUNCTION();`), so the binary needs no file
# at run time. Used for the built-in rule pack (rules/*.rules) and lexicon
# (lexicon/*.yaml). Run with cmake -P.
foreach(var OUT DIR EXT HEADER FUNCTION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_files.cmake needs -D${var}=…")
  endif()
endforeach()
file(GLOB files ${DIR}/*.${EXT})
list(SORT files)
get_filename_component(dir_name ${DIR} NAME)
set(body "// Generated from ${dir_name}/*.${EXT} by cmake/embed_files.cmake. Do not edit.\n#include \"${HEADER}\"\nnamespace jf {\nconst std::vector<EmbeddedFile>& ${FUNCTION}() {\n  static const std::vector<EmbeddedFile> files = {\n")
foreach(f ${files})
  get_filename_component(name ${f} NAME)
  file(READ ${f} text)
  string(FIND "${text}" ")jfembed\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${f} contains the raw-string delimiter")
  endif()
  string(APPEND body "    {\"builtin:${name}\", R\"jfembed(${text})jfembed\"},\n")
endforeach()
string(APPEND body "  };\n  return files;\n}\n}  // namespace jf\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)

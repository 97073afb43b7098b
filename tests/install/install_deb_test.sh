#!/usr/bin/env bash
# `cpack -G DEB` from the build tree, then the package inspected: its Depends
# are runtime packages only, and it holds the binary and the man pages.
set -eu
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp" > cpack.log 2>&1) ||
  { cat "$tmp/cpack.log"; fail "cpack"; }
debs=("$tmp"/jianfu_*.deb)
[ -f "${debs[0]}" ] || { cat "$tmp/cpack.log"; fail "no jianfu_*.deb"; }
deb=${debs[0]}

depends=$(dpkg-deb -f "$deb" Depends)
[ -n "$depends" ] || fail "the .deb declares no Depends"
names=$(echo "$depends" | tr ',|' '\n\n' | awk '{print $1}')
for pkg in $names; do
  case $pkg in
    *-dev | gcc* | g++* | cpp* | clang* | llvm* | cmake | make | build-essential)
      fail "Depends names a build package: $pkg ($depends)" ;;
  esac
done
# Every shared library the binary links directly (its NEEDED entries; what
# those need in turn comes with their own packages' Depends, as
# dpkg-shlibdeps decides) comes from a package it depends on.
for name in $(readelf -d "$build/jianfu" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
  lib=$(ldd "$build/jianfu" | awk -v n="$name" '$1 == n && $3 ~ /^\// {print $3}')
  [ -n "$lib" ] || continue
  owner=$(dpkg -S "$lib" 2>/dev/null || dpkg -S "$(readlink -f "$lib")" 2>/dev/null || true)
  owner=${owner%%:*}
  [ -n "$owner" ] || continue  # not from a package (none expected)
  echo "$names" | grep -qxF -- "$owner" || fail "$lib is in $owner, missing from Depends: $depends"
done

dpkg-deb -c "$deb" | awk '{print $6}' > "$tmp/files"
for f in ./usr/bin/jianfu ./usr/share/man/man1/jianfu.1 ./usr/share/man/man1/jianfu-check.1 \
         ./usr/share/bash-completion/completions/jianfu ./usr/share/doc/jianfu/README.md; do
  grep -qx -- "$f" "$tmp/files" || fail "the .deb lacks $f"
done
dpkg-deb -I "$deb" | grep -q "Package: jianfu" || fail "dpkg-deb -I"
echo "deb: Depends runtime only ($depends); binary, man pages, completions, docs present: ok"

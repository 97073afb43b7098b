#!/usr/bin/env bash
# Moves sources into the layer folders (base/ dsl/ engine/ render/ pipeline/
# cli/, docs/contributing.md) and rewrites #include paths to match. Run from a
# checkout's root, e.g. after merging a branch that still adds files at the old
# places. Idempotent: a second run changes nothing.
#
#   scripts/arch-migrate.sh          move, rewrite, then run scripts/check-layers
#   scripts/arch-migrate.sh --dry    only print what would move
#
# The rules are patterns, so files that did not exist when they were written
# land in the right folder too (engine/render_html.cpp -> render/).
set -euo pipefail

dry=0
if [[ ${1:-} == --dry ]]; then dry=1; fi
[[ -d dsl && -d engine && -d cli ]] || { echo "arch-migrate: run me from the repository root" >&2; exit 2; }

# new_path OLD -> prints the layer path of OLD (OLD itself when it stays).
# Keep in step with docs/contributing.md ("Layers").
new_path() {
  local p=$1 dir=${1%%/*} name=${1#*/}
  case $dir in
    dsl)
      case $name in
        span.*|source.*|utf8.*|limits.*|spelling.*|text_util.*|rules_ast.*|lexicon.*) echo "base/$name"; return ;;
        table_phrases_clauses.*) echo "base/clauses.${name#*.}"; return ;;
        results_validate*) echo "engine/$name"; return ;;
      esac ;;
    engine)
      case $name in
        diagnostic.*|model.*|model_*|display_width.*) echo "base/$name"; return ;;
        render.*|render_*|report.*|report_*|json_text.*) echo "render/$name"; return ;;
        check_pipeline.*|suppress.*|builtin_rules.*) echo "pipeline/$name"; return ;;
      esac ;;
  esac
  echo "$p"
}

in_git=0
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then in_git=1; fi

# (0) Merge conflicts caused by this branch's renames, in C++ files. A hunk
# where one side only renamed includes (compared with the merge base) takes
# the other side. A hunk of #include lines only becomes the union of both
# sides' includes in the new paths, less any include one side deleted
# (present in the merge base, absent from that side's file). Other hunks are
# left for a person; a file left with no conflict markers is staged. Files
# edited since the merge are only given the second treatment.
resolve_includes_pl=$(cat <<'PERL'
      BEGIN {
        open my $m, "<", "$ENV{STAGES}/map" or die;
        { local $/ = "\n"; while (<$m>) { chomp; my ($o, $n) = split /\t/; $map{$o} = $n } }
        sub mapped {
          my $p = $map{$_[0]} // $_[0];
          if ($ENV{LAYER} eq "dsl") {
            $p = "base/rule_meta.hpp" if $p eq "engine/rule_set.hpp";
            $p = "base/results.hpp" if $p eq "engine/scorer.hpp";
          }
          return $p;
        }
        sub incs { my %s; for (@_) { $s{mapped($1)} = 1 while /#include "([^"]+)"/g } return \%s }
        sub norm { my $t = shift; $t =~ s{#include "([^"]+)"}{"#include \"" . mapped($1) . "\""}ge; $t =~ s/[ \t]+$//mg; $t }
        sub slurp { local $/; open my $h, "<", $_[0] or return ""; my $t = <$h>; return $t }
        my ($base, $ours, $theirs) = map { incs(slurp("$ENV{STAGES}/$_")) } 1, 2, 3;
        %deleted = map { $_ => 1 } grep { !$ours->{$_} || !$theirs->{$_} } keys %$base;
      }
      s{^<<<<<<< [^\n]*\n(.*?)(?:^\|\|\|\|\|\|\| [^\n]*\n(.*?))?^=======\n(.*?)^>>>>>>> [^\n]*\n}{
        my ($whole, $a, $o, $b) = ($&, $1, $2, $3);
        if (defined $o && norm($o) eq norm($b)) {
          norm($a);
        } elsif (defined $o && norm($o) eq norm($a)) {
          norm($b);
        } elsif (grep { /\S/ && !/^\s*#\s*include\s+"[^"]+"\s*$/ } split /\n/, $a . $b) {
          $whole;
        } else {
          my (@out, %seen);
          for my $l (split /\n/, $a . $b) {
            next unless $l =~ /#include "([^"]+)"/;
            my $p = mapped($1);
            next if $seen{$p}++ || $deleted{$p};
            push @out, "#include \"$p\"\n";
          }
          join "", @out;
        }
      }gmse;
PERL
)
resolved=()
if ((in_git)) && ((dry == 0)); then
  mapfile -t conflicted < <(git diff --name-only --diff-filter=U 2>/dev/null | grep -E '\.(cpp|hpp|h)$' || true)
  for f in "${conflicted[@]}"; do
    [[ -f $f ]] && grep -q '^<<<<<<< ' "$f" || continue
    stages=$(mktemp -d)
    for n in 1 2 3; do git show ":$n:$f" >"$stages/$n" 2>/dev/null || : >"$stages/$n"; done
    includes=$(cat "$f" "$stages"/[123] | grep -ohE '#include "[^"]+"' | sed 's/#include "//; s/"$//' | sort -u)
    while read -r inc; do
      [[ -n $inc ]] && printf '%s\t%s\n' "$inc" "$(new_path "$inc")"
    done <<<"$includes" >"$stages/map"
    # Untouched since the merge (same as merging the stages again)? Then
    # redo the merge with the base in each hunk (diff3).
    unmark='s/^\(<<<<<<<\|>>>>>>>\|=======\||||||||\).*/\1/'
    if cmp -s <(git merge-file -p "$stages/2" "$stages/1" "$stages/3" | sed "$unmark") <(sed "$unmark" "$f"); then
      git merge-file -p --diff3 -L ours -L base -L theirs "$stages/2" "$stages/1" "$stages/3" >"$f" || true
    fi
    LAYER=${f%%/*} STAGES=$stages perl -0 -i -pe "$resolve_includes_pl" "$f"
    rm -rf "$stages"
    if ! grep -q '^<<<<<<< ' "$f"; then
      resolved+=("$f")
      echo "resolved include conflicts: $f"
    fi
  done
fi

# (a) Moves.
moved=0
while IFS= read -r -d '' f; do
  f=${f#./}
  to=$(new_path "$f")
  [[ $to == "$f" ]] && continue
  if ((in_git)) && [[ -n $(git ls-files -u -- "$f") ]]; then
    echo "arch-migrate: $f is in conflict; resolve it, then run me again" >&2
    continue
  fi
  if [[ -e $to ]]; then
    echo "arch-migrate: both $f and $to exist; merge them by hand" >&2
    exit 1
  fi
  echo "move $f -> $to"
  moved=$((moved + 1))
  if ((dry)); then continue; fi
  mkdir -p "$(dirname "$to")"
  if ((in_git)) && git ls-files --error-unmatch "$f" >/dev/null 2>&1; then
    git mv "$f" "$to"
  else
    mv "$f" "$to"
  fi
done < <(find dsl engine -maxdepth 1 -type f -print0 | sort -z)
if ((dry)); then echo "$moved file(s) would move"; exit 0; fi

# (b) Paths of moved files: every #include in the C++ sources and headers of
# the tree (tests/, fuzz/, bench/ included), and every mention of such a file
# (any extension: engine/render_html.css moves too) in comments, CMake files
# (embed_files.cmake writes an #include; ${CMAKE_SOURCE_DIR}/engine/x.css) and
# docs. A path inside another folder (tests/dsl/x.cpp) is not one of ours.
# docs/contributing.md names the old paths on purpose and is left alone.
mapfile -d '' files < <(find . -path ./.git -prune -o -path './build*' -prune -o \
  -path ./docs/contributing.md -prune -o -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \
  -o -name '*.cmake' -o -name CMakeLists.txt -o -name '*.md' \) -print0)
map=$(mktemp)
trap 'rm -f "$map"' EXIT
mention='(dsl|engine)/[A-Za-z0-9_]+\.[A-Za-z0-9]+'
# Every old path the tree names, mapped to its new path.
for f in "${files[@]}"; do
  grep -ohE "$mention" "$f" || true
done | sort -u | while read -r old; do
  new=$(new_path "$old")
  if [[ $new != "$old" ]]; then printf '%s\t%s\n' "$old" "$new"; fi
done >"$map"
if [[ -s $map ]]; then
  for f in "${files[@]}"; do
    grep -qE "$mention" "$f" || continue
    MAP=$map perl -i -pe '
      BEGIN { open my $m, "<", $ENV{MAP} or die; while (<$m>) { chomp; my ($o, $n) = split /\t/; $r{$o} = $n } }
      s{(?<![A-Za-z0-9_.-])(?<![A-Za-z0-9_.-]/)((?:dsl|engine)/[A-Za-z0-9_]+\.[A-Za-z0-9]+)}{$r{$1} // $1}ge;' "$f"
  done
fi

# Types that left an engine header for the base layer: a dsl/ file that needs
# only them now includes the base header (what this branch did by hand).
for f in dsl/*.cpp dsl/*.hpp; do
  [[ -e $f ]] || continue
  perl -i -pe 's{#include "engine/rule_set\.hpp"}{#include "base/rule_meta.hpp"};
               s{#include "engine/scorer\.hpp"}{#include "base/results.hpp"}' "$f"
done

# RuleSet::add_file(sources, file, builtin, errors) became the pipeline's
# add_rule_file(set, sources, file, builtin, errors[, limits]): the engine no
# longer calls the rules parser. (Tally::add_file takes one argument, so a
# call with a comma is always the RuleSet one.)
for f in "${files[@]}"; do
  case $f in *.cpp | *.hpp | *.h) ;; *) continue ;; esac
  grep -qE '(\.|->)add_file\([^(),]+,' "$f" || continue
  if [[ $f == ./engine/rule_set.* ]]; then continue; fi
  perl -i -pe 's{\b([A-Za-z_]\w*(?:(?:\.|->)[A-Za-z_]\w*)*)(?:\.|->)add_file\(([^(),]+),}{add_rule_file($1, $2,}g' "$f"
  if ! grep -q '#include "pipeline/rule_loader.hpp"' "$f"; then
    # after the file's last #include "..." line
    perl -0 -i -pe 's{((?:.*\n)*#include "[^"]+"\n)}{$1#include "pipeline/rule_loader.hpp"\n}' "$f"
  fi
  echo "add_file -> add_rule_file: $f"
done

# validate_results moved from dsl/results_loader.hpp to the engine
# (engine/results_validate.hpp): callers outside dsl/ include it beside the
# loader.
for f in "${files[@]}"; do
  case $f in ./dsl/* | ./engine/results_validate.*) continue ;; *.cpp | *.hpp) ;; *) continue ;; esac
  grep -q 'validate_results(' "$f" || continue
  grep -q '#include "engine/results_validate.hpp"' "$f" && continue
  perl -0 -i -pe 's{(#include "dsl/results_loader.hpp"\n)}{$1#include "engine/results_validate.hpp"\n}' "$f"
  if grep -q '#include "engine/results_validate.hpp"' "$f"; then echo "validate_results: $f"; fi
done

if ((${#resolved[@]})); then git add -- "${resolved[@]}"; fi
left=$( ((in_git)) && git diff --name-only --diff-filter=U 2>/dev/null || true)
if [[ -n $left ]]; then
  echo "arch-migrate: still in conflict (resolve, then run me again):"
  printf '  %s\n' $left
fi
echo "arch-migrate: $moved file(s) moved"
if [[ -x scripts/check-layers ]]; then
  scripts/check-layers . || { echo "arch-migrate: fix the includes above by hand" >&2; exit 1; }
fi

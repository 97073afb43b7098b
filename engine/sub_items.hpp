// How many sub-items an indicator's wording lists (IndicatorFacts::sub_items):
// （1）… （2）…, ①…, 一是 二是 …, or 甲、乙及丙 before a per-item deduction.
// The patterns are data (lexicon/vocabulary/wording.yaml).
#pragma once
#include <string_view>

namespace jf {

/// The largest enumerator of a list written in `text`; 0 when it lists nothing.
/// One byte scan where the vocabulary's patterns have the shapes the scan
/// reads (a bracket class, one or two digits, a bracket class; a class of
/// numerals and a literal), else count_sub_items_by_regex.
int count_sub_items(std::string_view text);

/// The same count by RE2, pattern by pattern: the reference the scan must
/// equal (tests/engine_sub_items_test.cpp), and the path for other shapes.
int count_sub_items_by_regex(std::string_view text);

/// Whether the vocabulary's patterns have the shapes the scan reads (when
/// not, count_sub_items is count_sub_items_by_regex).
bool sub_items_scanned();

}  // namespace jf

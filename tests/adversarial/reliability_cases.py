"""Issue 18's cases, one module per item group, gathered for cases.all_cases()."""
import bounds_cases
import escape_cases
import misc_cases
import output_cases
import reader_cases
import regex_cases
import trust_cases


def all_reliability_cases():
    yield from output_cases.all_output_cases()
    yield from bounds_cases.bounds_cases()
    yield from regex_cases.regex_cases()
    yield from trust_cases.trust_cases()
    yield from escape_cases.escape_cases()
    yield from misc_cases.misc_cases()
    yield from reader_cases.reader_cases()

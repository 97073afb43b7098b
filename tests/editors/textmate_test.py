"""The editor packages in editors/: the TextMate grammars highlight every
keyword the parsers accept (read from the parsers' own sources), and the VS
Code extension's package.json names files that exist.

Usage: textmate_test.py SOURCE_DIR JIANFU_BINARY
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tmtokenize import Grammar, scopes_at  # noqa: E402

SRC = os.environ.get("JIANFU_SOURCE_DIR", "")
JIANFU = os.environ.get("JIANFU_BINARY", "jianfu")
HIGHLIGHT = ("keyword.", "storage.", "constant.language", "support.")


def read(rel):
    with open(os.path.join(SRC, rel), encoding="utf-8") as f:
        return f.read()


def grammar(name):
    return Grammar(json.loads(read("editors/textmate/" + name)))


def between(text, start, end):
    i = text.index(start)
    return text[i:text.index(end, i)]


# ---- the words each parser accepts, read from its sources -----------------

def enum_words():
    """Spellings of the model's enums and their aliases: every `enum` of the
    JSON Schema `jianfu schema yaml` prints from the field table."""
    schema = json.loads(subprocess.run([JIANFU, "schema", "yaml"], capture_output=True, text=True,
                                       check=True).stdout)
    words = set()

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "enum":
                    words.update(w for w in v if isinstance(w, str) and re.fullmatch(r"\w+", w))
                else:
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)
    return words


def scheme_keywords():
    """The keywords of the hand-written `.assess` grammar."""
    src = read("dsl/scheme_grammar_def.hpp")
    words = set(re.findall(r'\bkw\("(\w+)"\)', src))
    words |= set(re.findall(r'"(\w+)"', between(src, "kWords[] = {", "};")))
    return words


def table_statements():
    """The indicator statements the field table names (base/model_fields.cpp),
    as `jianfu schema --docs` generates them in the `assess-statements` block."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "statements.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write("<!-- BEGIN generated: assess-statements -->\n<!-- END generated: assess-statements -->\n")
        out = subprocess.run([JIANFU, "schema", "--docs", path], capture_output=True, text=True, timeout=60,
                             check=True).stdout
    return set(re.findall(r"^\| `(\w+)` \|", out, re.M))


def table_text_statements():
    """The statements the grammar does not spell out: the text fields the
    table gives an `.assess` keyword (dsl/assess_text_fields.hpp), `KEYWORD "…"`."""
    return table_statements() - scheme_keywords()


def text_statement_sample(words):
    """A scheme that uses each text statement once, on an indicator."""
    lines = ['scheme "sample" {', "  units 3", "}", 'department d "d"', "indicator i {", "  owner d",
             "  points 10", "  score threshold", "  report yearly forms 1"]
    lines += ['  %s "%s text"' % (w, w) for w in sorted(words)]
    return "\n".join(lines + ["}", ""])


def rules_keywords():
    src = read("dsl/rules_grammar_def.hpp")
    words = set(re.findall(r'\bkw_\w+\{"(\w+)"\}', src))
    words |= set(re.findall(r'"(\w+)"', between(read("dsl/rules_lexer.cpp"), "words[] = {", "};")))
    return words


# ---- highlighted words in sample files ------------------------------------

def words_outside_text(g, text):
    """{word: [scopes of each occurrence]} for words not inside a comment or a string."""
    tokens = g.tokenize(text)
    found = {}
    for n, line in enumerate(text.split("\n"), 1):
        for m in re.finditer(r"\w+", line):
            scopes = scopes_at(tokens, n, m.start())
            # texts, and names such as `load-not-reduced` in a rule header
            if any(s.startswith(("comment.", "string.", "entity.name.")) for s in scopes):
                continue
            found.setdefault(m.group(), []).append(scopes)
    return found


def samples(folder, ext, extra):
    paths = sorted(os.path.join(folder, f) for f in os.listdir(os.path.join(SRC, folder)) if f.endswith(ext))
    return [read(p) for p in paths] + [read(extra)]


def highlighted(scopes):
    return any(s.startswith(HIGHLIGHT) for s in scopes)


class Keywords(unittest.TestCase):
    def check_every_word(self, g, texts, words):
        self.assertGreater(len(words), 20, "reading the parser's keywords from its sources found too few")
        found = {}
        for text in texts:
            for w, occurrences in words_outside_text(g, text).items():
                found.setdefault(w, []).extend(occurrences)
        missing = sorted(w for w in words if w not in found)
        self.assertEqual(missing, [], "keywords no sample file uses: add them to tests/editors/samples")
        plain = sorted(w for w in words if not all(highlighted(s) for s in found[w]))
        self.assertEqual(plain, [], "keywords the grammar leaves unhighlighted somewhere")

    def test_scheme_keywords(self):
        words = scheme_keywords() | enum_words()
        self.assertIn("indicator", words)
        self.assertIn("third_party", words)
        texts = samples("examples", ".assess", "tests/editors/samples/every-keyword.assess")
        self.check_every_word(grammar("assess.tmLanguage.json"), texts, words - {"bottom_percent"})

    def test_table_text_statements(self):
        # The text statements come from the field table, not from the grammar's
        # word lists: the test writes its own sample with each of them, which
        # the parser must accept and the TextMate grammar highlight.
        words = table_text_statements()
        self.assertTrue({"content", "standard", "method", "from"} <= words, words)
        text = text_statement_sample(words)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "statements.assess")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            r = subprocess.run([JIANFU, "check", "--select", "JF001", path], capture_output=True, text=True,
                               timeout=60)
        self.assertEqual(r.returncode, 0, text + r.stdout + r.stderr)
        found = words_outside_text(grammar("assess.tmLanguage.json"), text)
        missing = sorted(w for w in words if w not in found)
        self.assertEqual(missing, [], "text statements missing from the generated sample")
        plain = sorted(w for w in words if not all(highlighted(s) for s in found[w]))
        self.assertEqual(plain, [], "text statements the grammar leaves unhighlighted")

    def test_rules_keywords(self):
        words = rules_keywords()
        self.assertIn("explain", words)
        self.assertIn("matches", words)
        texts = samples("rules", ".rules", "tests/editors/samples/every-keyword.rules")
        self.check_every_word(grammar("jianfu-rules.tmLanguage.json"), texts, words)

    def test_rules_enum_words(self):
        # bare enum words in expressions (`i.score.mode == rank`)
        g = grammar("jianfu-rules.tmLanguage.json")
        for w in sorted(enum_words()):
            with self.subTest(word=w):
                self.assertIn("constant.language.enum.jianfu-rules", scopes_at(g.tokenize(f"  where x == {w}\n"), 1, 13))

    def test_samples_parse(self):
        # The samples are real: the parsers accept them.
        for path, flags in (("every-keyword.assess", ["check", "--select", "JF001"]),
                            ("every-keyword.rules", ["rules", "--rules"])):
            with self.subTest(path=path):
                full = os.path.join(SRC, "tests/editors/samples", path)
                r = subprocess.run([JIANFU, *flags, full], capture_output=True, text=True, timeout=60)
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)


class Scopes(unittest.TestCase):
    def scope(self, g, text, line, col):
        return scopes_at(g.tokenize(text), line, col)

    def test_assess(self):
        g = grammar("assess.tmLanguage.json")
        text = ('indicator 收入 "财政 report 收入" {  # owner report\n'
                "  deduct 1 per late_report\n"
                "  owner：两办\n"
                "# jianfu: allow JF102 -- agreed\n")
        self.assertIn("storage.type.assess", self.scope(g, text, 1, 0))
        self.assertIn("entity.name.type.assess", self.scope(g, text, 1, 10))
        self.assertEqual(self.scope(g, text, 1, 16)[-1], "string.quoted.double.assess")  # `report` in a text
        self.assertEqual(self.scope(g, text, 1, 35)[-1], "comment.line.number-sign.assess")
        self.assertIn("constant.numeric.assess", self.scope(g, text, 2, 9))
        self.assertIn("variable.other.reference.assess", self.scope(g, text, 2, 18))  # not `report`
        self.assertIn("invalid.illegal.fullwidth.assess", self.scope(g, text, 3, 7))
        self.assertIn("keyword.other.suppression.assess", self.scope(g, text, 4, 2))

    def test_rules(self):
        g = grammar("jianfu-rules.tmLanguage.json")
        text = ('rule JF102 guaranteed-penalty {\n'
                '  message en "{i.name} of {count(xs)} {{x}}"\n'
                '  example """\n'
                '    group A { }\n'
                '    """\n'
                '  where i.score.mode == rank  # and\n')
        self.assertIn("constant.other.rule-id.jianfu-rules", self.scope(g, text, 1, 5))
        self.assertIn("entity.name.function.rule.jianfu-rules", self.scope(g, text, 1, 11))
        self.assertIn("meta.interpolation.jianfu-rules", self.scope(g, text, 2, 15))
        self.assertIn("variable.other.property.jianfu-rules", self.scope(g, text, 2, 17))
        self.assertIn("support.function.jianfu-rules", self.scope(g, text, 2, 27))
        self.assertIn("constant.character.escape.brace.jianfu-rules", self.scope(g, text, 2, 38))
        self.assertEqual(self.scope(g, text, 4, 12)[-1], "string.quoted.triple.jianfu-rules")  # `{` kept
        self.assertIn("keyword.operator.comparison.jianfu-rules", self.scope(g, text, 6, 21))
        self.assertEqual(self.scope(g, text, 6, 32)[-1], "comment.line.number-sign.jianfu-rules")


class Package(unittest.TestCase):
    def test_json_files_parse(self):
        for root, _, files in os.walk(os.path.join(SRC, "editors")):
            for f in files:
                if f.endswith(".json"):
                    with self.subTest(file=f), open(os.path.join(root, f), encoding="utf-8") as fh:
                        json.load(fh)

    def test_vscode_package_points_at_files(self):
        base = os.path.join(SRC, "editors/vscode")
        pkg = json.loads(read("editors/vscode/package.json"))
        self.assertTrue(os.path.isfile(os.path.join(base, pkg["main"])), pkg["main"])
        languages = {lang["id"]: lang for lang in pkg["contributes"]["languages"]}
        self.assertEqual(set(languages), {"assess", "jianfu-rules"})
        for lang in languages.values():
            self.assertTrue(os.path.isfile(os.path.join(base, lang["configuration"])), lang["configuration"])
            json.loads(read(os.path.join("editors/vscode", lang["configuration"])))
        for g in pkg["contributes"]["grammars"]:
            path = os.path.join(base, g["path"])
            self.assertTrue(os.path.isfile(path), g["path"])
            self.assertIn(g["language"], languages)
            with open(path, encoding="utf-8") as fh:
                self.assertEqual(json.load(fh)["scopeName"], g["scopeName"])
        for i in languages:
            self.assertIn("onLanguage:" + i, pkg["activationEvents"])

    def test_vscode_yaml_validation_maps_files_to_the_shipped_schemas(self):
        # The YAML extension checks scheme YAML and .jianfu.yaml against the
        # schemas the binary prints (`jianfu schema yaml|config`): in the
        # checkout `schemas` is a link to docs/schema, so there is one copy
        # in git; `cmake --install` copies the files into the extension.
        base = os.path.join(SRC, "editors/vscode")
        pkg = json.loads(read("editors/vscode/package.json"))
        entries = pkg["contributes"]["yamlValidation"]
        by_schema = {}
        for e in entries:
            path = os.path.normpath(os.path.join(base, e["url"]))
            self.assertTrue(path.startswith(base + os.sep), e["url"])  # inside the extension
            self.assertTrue(os.path.isfile(path), e["url"])
            by_schema[os.path.basename(path)] = e["fileMatch"]
        self.assertEqual(set(by_schema), {"scheme.schema.json", "config.schema.json"})
        for name, which in (("scheme.schema.json", "yaml"), ("config.schema.json", "config")):
            with self.subTest(schema=name):
                printed = subprocess.run([JIANFU, "schema", which], capture_output=True, text=True, timeout=60,
                                         check=True).stdout
                self.assertEqual(os.path.realpath(os.path.join(base, "schemas", name)),
                                 os.path.realpath(os.path.join(SRC, "docs/schema", name)),
                                 "editors/vscode/schemas should be the link to docs/schema")
                self.assertEqual(read(os.path.join("editors/vscode/schemas", name)), printed,
                                 "docs/schema/%s is stale: jianfu schema %s > it" % (name, which))

        def glob(p):
            # VS Code's globs: `**/` is any number of folders, `*` stays in one.
            out, i = "", 0
            while i < len(p):
                if p.startswith("**/", i):
                    out, i = out + "(?:.*/)?", i + 3
                elif p[i] == "*":
                    out, i = out + "[^/]*", i + 1
                else:
                    out, i = out + re.escape(p[i]), i + 1
            return re.compile(out + r"\Z")

        def matches(patterns, path):
            # A pattern without a slash is matched against the file name.
            return any(glob(p).match(path if "/" in p else os.path.basename(path)) for p in patterns)

        self.assertTrue(matches(by_schema["config.schema.json"], "project/.jianfu.yaml"))
        self.assertFalse(matches(by_schema["config.schema.json"], "project/ci.yaml"))
        for path in ("county/schemes/huaxi-2025.yaml", "county/schemes/2025/huaxi.yml", "huaxi-2025.scheme.yaml"):
            self.assertTrue(matches(by_schema["scheme.schema.json"], path), path)
        for path in ("project/.jianfu.yaml", ".github/workflows/ci.yaml", "docker-compose.yml"):
            self.assertFalse(matches(by_schema["scheme.schema.json"], path), path)

    def test_extension_script_parses(self):
        node = shutil.which("node")
        if not node:
            self.skipTest("node is not installed")
        r = subprocess.run([node, "--check", os.path.join(SRC, "editors/vscode/extension.js")],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)


if __name__ == "__main__":
    SRC, JIANFU = sys.argv[1], sys.argv[2]
    unittest.main(argv=sys.argv[:1], verbosity=2)

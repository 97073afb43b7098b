#!/usr/bin/env python3
"""Drives `jianfu lsp` through a pipe as an editor would, with framed
JSON-RPC messages: lifecycle, diagnostics (UTF-16 columns on a CJK line with
a character outside the BMP), .jianfu.yaml, Chinese, hover, code actions,
document symbols, definition and references (across the files of a
workspace folder, bounded to it), completion (in .assess, YAML and .rules,
positions after CJK and astral characters, penalty triggers), formatting of
.rules, and hostile input (malformed JSON, bad headers, a huge Content-Length, a
client that disappears). Usage: lsp_session_test.py JIANFU SOURCE_DIR"""
import json
import os
import pathlib
import queue
import subprocess
import sys
import tempfile
import threading

JIANFU, SOURCE = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2])
WAIT = 60  # seconds a message may take on a loaded machine before the test gives up (a hang, not a timing)

SCHEME = """scheme "测试县2025年度考核" {
  year 2025
  total 100
  units 甲镇, 乙镇, 丙乡, 丁乡
}

department 两办 kind office
department 农业农村局 kind line

indicator 产业发展 {
  owner 农业农村局
  points 100
  score threshold target "达到年度目标"
}
indicator 生态𠀀 { owner 农业农村句 points 5 score threshold }
"""
TYPO_LINE = 14  # 0-based line of the misspelt owner (JF002, fixable)

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def frame(obj):
    body = json.dumps(obj, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Client:
    def __init__(self, cwd, *flags):
        self.p = subprocess.Popen([JIANFU, "lsp", *flags], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, cwd=cwd, env={**os.environ, "LANG": "C"})
        self.q = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self.p.stderr.read(), daemon=True).start()

    def _read(self):
        out = self.p.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.q.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.decode().partition(":")
                headers[k.strip().lower()] = v.strip()
            self.q.put(json.loads(out.read(int(headers["content-length"]))))

    def raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, obj):
        self.raw(frame(obj))

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)

    def wait(self, match):
        while True:
            m = self.q.get(timeout=WAIT)
            if m is None:
                raise EOFError("the server closed its output")
            if match(m):
                return m

    def diagnostics(self, uri):
        m = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        return m["params"]["diagnostics"]

    def finish(self):
        r = self.request("shutdown", None)
        check(r.get("result", "missing") is None, "shutdown answers null")
        self.notify("exit", None)
        self.p.stdin.close()
        return self.p.wait(timeout=WAIT)


def cli_json(path, lang="en"):
    out = subprocess.run([JIANFU, "--lang", lang, "check", "--format", "json", "--fail-on", "never", path],
                         capture_output=True, text=True, cwd=os.path.dirname(path), check=True).stdout
    return json.loads(out)["diagnostics"]


def utf16_units(s):
    return len(s.encode("utf-16-le")) // 2


def session_en(tmp):
    path = os.path.join(tmp, "draft.assess")
    pathlib.Path(path).write_text(SCHEME, encoding="utf-8")
    uri = pathlib.Path(path).as_uri()
    c = Client(tmp)
    init = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}, "locale": "en"})
    caps = init["result"]["capabilities"]
    check(caps.get("hoverProvider") is True, "hover advertised")
    check(caps["textDocumentSync"]["change"] == 1, "full sync advertised")
    check(caps.get("documentFormattingProvider") is True, "formatting advertised")
    c.notify("initialized", {})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "assess", "version": 1, "text": SCHEME}})
    diags = c.diagnostics(uri)

    # The same findings as `jianfu check`, placed in UTF-16 units.
    expected = cli_json(path)
    check(sorted(d.get("code") for d in diags) == sorted(d["rule"] for d in expected),
          f"same rules as check: {[d.get('code') for d in diags]} vs {[d['rule'] for d in expected]}")
    lines = SCHEME.split("\n")
    for e in expected:
        got = [d for d in diags if d.get("code") == e["rule"]]
        if not got:
            continue
        start = got[0]["range"]["start"]
        line = lines[e["line"] - 1]
        want = utf16_units(line[: e["column"] - 1])
        check(start == {"line": e["line"] - 1, "character": want},
              f"{e['rule']} starts at {start}, expected line {e['line'] - 1} character {want}")
        check(got[0]["message"].startswith(e["message"]), f"{e['rule']} message as check prints it")
    typo = [d for d in diags if d.get("code") == "JF002"]
    check(len(typo) == 1, "one JF002")
    if typo:
        # 生态𠀀 { owner : 𠀀 is two UTF-16 units, so the column is one more than in code points.
        check(typo[0]["range"]["start"] == {"line": TYPO_LINE, "character": 23}, f"JF002 UTF-16 start {typo[0]['range']}")
        check(typo[0]["range"]["end"] == {"line": TYPO_LINE, "character": 28}, f"JF002 UTF-16 end {typo[0]['range']}")
        check(typo[0]["severity"] == 1, "error severity is 1")
        check("codeDescription" not in typo[0], "no codeDescription without a URL")
    jf203 = [d for d in diags if d.get("code") == "JF203"]
    check(bool(jf203) and jf203[0]["severity"] == 2, "warning severity is 2")

    # Formatting is `jianfu fmt`'s layout, as one edit over the whole text.
    want = subprocess.run([JIANFU, "fmt", "--stdin-filename", path, "-"], input=SCHEME, capture_output=True,
                          text=True).stdout
    f = c.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}})
    edits = f.get("result")
    check(want != "", "fmt formats the session's scheme")
    if want == SCHEME:
        check(edits == [], f"no edit when the layout is already canonical: {edits}")
    else:
        check(isinstance(edits, list) and len(edits) == 1 and edits[0]["newText"] == want
              and edits[0]["range"]["start"] == {"line": 0, "character": 0}, f"one whole-document edit: {str(edits)[:300]}")

    # Hover on the finding: its message and the `explain` text of its rule.
    explain = subprocess.run([JIANFU, "--lang", "en", "explain", "JF002"], capture_output=True, text=True).stdout
    h = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": TYPO_LINE, "character": 25}})
    value = (h.get("result") or {}).get("contents", {}).get("value", "")
    check("JF002" in value and explain.strip() in value, f"hover shows explain JF002: {value[:200]!r}")
    h = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 0}})
    check(h.get("result") is None, "no hover away from findings and rule ids")

    # Code actions on the typo: the fix `check --fix` makes, and a suppression.
    a = c.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                                               "range": {"start": {"line": TYPO_LINE, "character": 24},
                                                         "end": {"line": TYPO_LINE, "character": 24}},
                                               "context": {"diagnostics": typo}})
    actions = a.get("result") or []
    fixes = [x for x in actions if x["kind"] == "quickfix" and "allow" not in json.dumps(x["edit"], ensure_ascii=False)]
    sup = [x for x in actions if "# jianfu: allow JF002 -- " in json.dumps(x["edit"], ensure_ascii=False)]
    check(len(fixes) == 1, f"one fix for JF002: {actions}")
    check(len(sup) == 1, "a suppression for JF002")
    check(any(x["kind"] == "source.fixAll" for x in actions), "a fix-all action")
    if fixes:
        (edit,) = fixes[0]["edit"]["changes"][uri]
        check(edit["newText"] == "农业农村局", f"fix text {edit}")
        # Apply it as an editor does and send the new text: the finding goes.
        line = lines[TYPO_LINE]
        s, e = edit["range"]["start"]["character"], edit["range"]["end"]["character"]
        units = line.encode("utf-16-le")
        fixed_line = (units[: 2 * s] + edit["newText"].encode("utf-16-le") + units[2 * e:]).decode("utf-16-le")
        check(fixed_line == lines[TYPO_LINE].replace("农业农村句", "农业农村局"), f"fix applied at UTF-16 range: {fixed_line}")
        fixed = "\n".join(lines[:TYPO_LINE] + [fixed_line] + lines[TYPO_LINE + 1:])
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                            "contentChanges": [{"text": fixed}]})
        after = c.diagnostics(uri)
        check(not any(d.get("code") == "JF002" for d in after), "JF002 gone after the fix")
    if sup:
        (edit,) = sup[0]["edit"]["changes"][uri]
        check(edit["range"]["start"] == {"line": TYPO_LINE, "character": 0}, "suppression above the finding's line")

    # Unknown method, bad params, closing.
    r = c.request("textDocument/definitionOfEverything", {})
    check(r.get("error", {}).get("code") == -32601, f"unknown method: {r}")
    r = c.request("textDocument/hover", {"textDocument": {"uri": "file:///nowhere.assess"}, "position": {"line": 0, "character": 0}})
    check(r.get("error", {}).get("code") == -32602, f"hover on a closed document: {r}")
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    check(c.diagnostics(uri) == [], "diagnostics cleared on close")
    check(c.finish() == 0, "exit after shutdown gives 0")


def session_zh_config(tmp):
    d = os.path.join(tmp, "county")
    os.makedirs(d)
    pathlib.Path(d, ".jianfu.yaml").write_text("ignore: [JF203]\n", encoding="utf-8")
    path = os.path.join(d, "draft.assess")
    pathlib.Path(path).write_text(SCHEME, encoding="utf-8")
    uri = pathlib.Path(path).as_uri()
    c = Client(tmp)
    c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}, "locale": "zh-CN"})
    c.notify("initialized", {})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "assess", "version": 1, "text": SCHEME}})
    diags = c.diagnostics(uri)
    codes = sorted(x.get("code") for x in diags)
    check("JF203" not in codes and "JF002" in codes, f".jianfu.yaml ignore honoured: {codes}")
    zh = {x["rule"]: x["message"] for x in cli_json(path, "zh")}
    for x in diags:
        check(x["message"].startswith(zh.get(x.get("code"), "?")), f"Chinese message for {x.get('code')}: {x['message']}")
    h = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": TYPO_LINE, "character": 25}})
    explain = subprocess.run([JIANFU, "--lang", "zh", "explain", "JF002"], capture_output=True, text=True).stdout
    check(explain.strip() in h["result"]["contents"]["value"], "Chinese hover is `explain --lang zh`")
    syms = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}}).get("result") or []
    details = {x["name"]: x.get("detail") for x in syms}
    check(details.get("产业发展") == "100 分", f"Chinese symbol detail: {details}")
    check(c.finish() == 0, "zh session exits 0")


def session_other_files(tmp):
    d = os.path.join(tmp, "other")
    os.makedirs(d)
    files = {
        "broken.rules": ("jianfu-rules", "rule JF900 broken {\n  when oops(\n}\n"),
        ".jianfu.yaml": ("yaml", "ignore: [JF205]\nbogus: 1\n"),
        "ci.yaml": ("yaml", "on: push\njobs: {}\n"),
        "huaxi-2025.yaml": ("yaml", (SOURCE / "examples" / "huaxi-2025.yaml").read_text(encoding="utf-8")),
    }
    c = Client(d)
    c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}, "locale": "en"})
    got = {}
    for name, (lang, text) in files.items():
        pathlib.Path(d, name).write_text(text, encoding="utf-8")
        uri = pathlib.Path(d, name).as_uri()
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": lang, "version": 1, "text": text}})
        got[name] = c.diagnostics(uri)
    r = got["broken.rules"]
    check(len(r) == 1 and r[0]["range"]["start"] == {"line": 2, "character": 0} and "expected ')'" in r[0]["message"],
          f".rules compile error: {r}")
    r = got[".jianfu.yaml"]
    check(len(r) == 1 and r[0]["range"]["start"]["line"] == 1 and "bogus" in r[0]["message"], f"config error: {r}")
    check(got["ci.yaml"] == [], f"a YAML file that is not a scheme is left alone: {got['ci.yaml']}")
    # The scheme in YAML: check's findings (its config, .jianfu.yaml above, is broken: rules wait, one error says so).
    huaxi = got["huaxi-2025.yaml"]
    check(any("configuration cannot be used" in x["message"] for x in huaxi), f"broken config reported: {huaxi[:2]}")
    # Hover on a rule id in a suppression comment.
    uri = pathlib.Path(d, "broken.rules").as_uri()
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                        "contentChanges": [{"text": "# see JF102\n"}]})
    h = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 8}})
    check("guaranteed-penalty" in ((h.get("result") or {}).get("contents", {}).get("value", "")), f"hover on a rule id: {h}")
    check(c.finish() == 0, "other-files session exits 0")


def session_hostile(tmp):
    c = Client(tmp)
    # Before initialize: requests refused, the server stays up.
    r = c.request("textDocument/hover", {})
    check(r.get("error", {}).get("code") == -32002, f"request before initialize: {r}")
    c.raw(b"Content-Length: 9\r\n\r\n{not json")
    r = c.wait(lambda m: "error" in m)
    check(r["error"]["code"] == -32700 and r["id"] is None, f"malformed JSON: {r}")
    c.raw(b"Content-Length: 2\r\n\r\n[]")
    r = c.wait(lambda m: "error" in m)
    check(r["error"]["code"] == -32600, f"not an object: {r}")
    deep = b"[" * 100000 + b"]" * 100000
    c.raw(b"Content-Length: %d\r\n\r\n" % len(deep) + deep)
    r = c.wait(lambda m: "error" in m)
    check(r["error"]["code"] == -32600, f"deep nesting refused: {r}")
    # Headers that are not headers, a length that is not a number: dropped, the next message still answered.
    c.raw(b"Content-Type: text/plain\r\n\r\n")
    c.raw(b"Content-Length: -5\r\n\r\n")
    c.raw(b"this is not a header\r\n\r\n")
    r = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    check("capabilities" in r.get("result", {}), f"initialize after garbage: {r}")
    r = c.request("initialize", {"capabilities": {}})
    check(r.get("error", {}).get("code") == -32600, "second initialize refused")
    # A huge Content-Length: the body is skipped as it streams, never stored;
    # then the client disappears mid-body and the server ends cleanly.
    c.raw(b"Content-Length: 99999999999999\r\n\r\n" + b"x" * 100000)
    c.p.stdin.close()
    code = c.p.wait(timeout=WAIT)
    check(code == 1, f"EOF without shutdown exits 1, not a crash: {code}")


def session_limits(tmp):
    c = Client(tmp, "--max-file-size", "100")
    c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    uri = "untitled:Untitled-1"
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "assess", "version": 1, "text": SCHEME}})
    diags = c.diagnostics(uri)
    check(len(diags) == 1 and "100" in diags[0]["message"], f"oversized document reported, not checked: {diags}")
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "units 甲\n"}]})
    diags = c.diagnostics(uri)
    check(any(d.get("code") == "JF001" for d in diags), f"untitled .assess checked once small: {diags}")
    check(c.finish() == 0, "limits session exits 0")

NAV_SCHEME = """scheme "导航测试" {
  year 2025
  total 100
  units 甲镇, 乙镇
}

department 两办 kind office
department 农业农村局 kind line

group 发展 points 60 {
  indicator 产业发展 {
    owner 农业农村局
    points 60
    score threshold target "达到年度目标"
  }
}
indicator 𠀀核查 { owner 两办 points 40 score threshold proves 产业发展 }
inspection 年终考核 by 两办 annual
# jianfu: allow JF203 -- 只为测试
inspection 暗访 by 两办 spot kind third_party
"""
NAV_LINES = NAV_SCHEME.split("\n")


def at(line, needle, nth=0, shift=0):
    """The LSP position of the nth `needle` on line `line` (UTF-16 units), moved by `shift` code points."""
    text, start = NAV_LINES[line], -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return {"line": line, "character": utf16_units(text[: start + shift])}


def span(line, needle, nth=0):
    return {"start": at(line, needle, nth), "end": at(line, needle, nth, len(needle))}


def session_navigation(tmp):
    d = os.path.join(tmp, "nav")
    os.makedirs(d)
    path = os.path.join(d, "nav.assess")
    pathlib.Path(path).write_text(NAV_SCHEME, encoding="utf-8")
    uri = pathlib.Path(path).as_uri()
    c = Client(d)
    caps = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}, "locale": "en"})["result"]["capabilities"]
    for cap in ("documentSymbolProvider", "definitionProvider", "referencesProvider"):
        check(caps.get(cap) is True, f"{cap} advertised")
    c.notify("initialized", {})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "assess", "version": 1, "text": NAV_SCHEME}})
    c.diagnostics(uri)
    doc = {"textDocument": {"uri": uri}}

    # Outline: departments, the group holding its indicator, the top-level indicator, the inspection.
    syms = c.request("textDocument/documentSymbol", doc).get("result") or []
    names = [(x["name"], x["kind"], [y["name"] for y in x.get("children", [])]) for x in syms]
    check(names == [("两办", 5, []), ("农业农村局", 5, []), ("发展", 3, ["产业发展"]), ("𠀀核查", 8, []), ("年终考核", 24, []),
                     ("暗访", 24, [])],
          f"document symbols: {names}")
    if len(syms) == 6:
        check(syms[3]["selectionRange"] == span(16, "𠀀核查"), f"UTF-16 selection range: {syms[3]['selectionRange']}")
        check(syms[2]["range"]["start"] == at(9, "group") and syms[2]["range"]["end"]["line"] == 15,
              f"group range covers its block: {syms[2]['range']}")
        check(syms[2]["children"][0]["selectionRange"] == span(10, "产业发展"), "indicator selection range")
        check(syms[2].get("detail") == "60 points", f"group detail: {syms[2].get('detail')}")

    # Definition from a use (after an astral character: UTF-16 columns) to the declaration.
    def definition(pos):
        return c.request("textDocument/definition", {**doc, "position": pos})

    r = definition(at(16, "两办", shift=1)).get("result")
    check(r == [{"uri": uri, "range": span(6, "两办")}], f"owner goes to its department: {r}")
    r = definition(at(16, "产业发展", shift=4)).get("result")  # the cursor just after the word
    check(r == [{"uri": uri, "range": span(10, "产业发展")}], f"proves goes to its indicator: {r}")
    r = definition(at(17, "年终考核", shift=2)).get("result")
    check(r == [{"uri": uri, "range": span(17, "年终考核")}], f"an inspection's id is its own declaration: {r}")
    r = definition(at(18, "JF203", shift=2))
    check("error" not in r and r.get("result") is None, f"a rule id in an allow comment goes nowhere: {r}")
    r = definition(at(1, "2025"))
    check("error" not in r and r.get("result") is None, f"a number goes nowhere: {r}")

    # References: every use of the department, with and without its declaration.
    def references(pos, decl):
        return c.request("textDocument/references", {**doc, "position": pos, "context": {"includeDeclaration": decl}})

    r = references(at(6, "两办"), True).get("result") or []
    want = [{"uri": uri, "range": x} for x in (span(6, "两办"), span(16, "两办"), span(17, "两办"), span(19, "两办"))]
    check(sorted(json.dumps(x, sort_keys=True) for x in r) == sorted(json.dumps(x, sort_keys=True) for x in want), f"references of 两办: {r}")
    r = references(at(11, "农业农村局"), False).get("result") or []
    check(r == [{"uri": uri, "range": span(11, "农业农村局")}], f"references without the declaration: {r}")

    # Malformed: a position is required.
    r = c.request("textDocument/definition", doc)
    check(r.get("error", {}).get("code") == -32602, f"definition without a position: {r}")
    r = c.request("textDocument/references", doc)
    check(r.get("error", {}).get("code") == -32602, f"references without a position: {r}")

    # A rule id in .jianfu.yaml: nothing to go to, no error.
    cfg = os.path.join(d, ".jianfu.yaml")
    pathlib.Path(cfg).write_text("ignore: [JF203]\n", encoding="utf-8")
    curi = pathlib.Path(cfg).as_uri()
    c.notify("textDocument/didOpen", {"textDocument": {"uri": curi, "languageId": "yaml", "version": 1, "text": "ignore: [JF203]\n"}})
    r = c.request("textDocument/definition", {"textDocument": {"uri": curi}, "position": {"line": 0, "character": 11}})
    check("error" not in r and r.get("result") is None, f"a rule id in .jianfu.yaml goes nowhere: {r}")
    r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": curi}})
    check(r.get("result") == [], f"no symbols in a config: {r}")
    check(c.finish() == 0, "navigation session exits 0")

NAV_YAML = """scheme:
  name: 测试
  units: [甲镇, 乙镇]
departments:
  - {id: 两办, kind: office}
indicators:
  - id: 𠀀甲
    owner: 两办
    points: 100
    score: {mode: threshold}
    proves: [𠀀甲]
"""


def session_completion(tmp):
    d = os.path.join(tmp, "complete")
    os.makedirs(d)
    c = Client(d)
    caps = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})["result"]["capabilities"]
    check("completionProvider" in caps, "completionProvider advertised")
    c.notify("initialized", {})

    def open_doc(name, lang, text):
        uri = pathlib.Path(d, name).as_uri()
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": lang, "version": 1, "text": text}})
        c.diagnostics(uri)
        return uri

    def complete(uri, pos):
        r = c.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": pos})
        items = (r.get("result") or {}).get("items")
        check(isinstance(items, list), f"completion answers a list: {r}")
        return items or []

    def labels(uri, pos):
        return [x["label"] for x in complete(uri, pos)]

    uri = open_doc("nav.assess", "assess", NAV_SCHEME)
    # Declared ids after owner/proves, replacing the word typed so far (UTF-16 range after 𠀀).
    items = complete(uri, at(16, "两办", shift=1))
    check([x["label"] for x in items] == ["两办"], f"department ids after owner: {items}")
    if items:
        check(items[0]["textEdit"]["range"] == {"start": at(16, "两办"), "end": at(16, "两办", shift=1)},
              f"the edit replaces the typed prefix: {items[0]['textEdit']}")
    check(labels(uri, at(16, "产业发展", shift=2)) == ["产业发展"], "indicator ids after proves")
    check(labels(uri, at(18, "JF203", shift=2)) == [], "nothing in a comment")
    # Statement keywords on an empty line; enum words where a field takes one.
    words = labels(uri, {"line": 5, "character": 0})
    check({"department", "indicator", "inspection", "owner", "proves", "points"} <= set(words), f"keywords: {words}")
    check(labels(uri, at(6, "office", shift=2)) == ["office"], "department kinds after kind")
    check(labels(uri, at(13, "threshold", shift=1)) == ["threshold"], "score modes after score")
    check(labels(uri, at(17, "annual", shift=1)) == ["annual"], "inspection frequencies after by DEPT")
    kinds = labels(uri, at(6, "office"))
    check(set(kinds) == {"office", "line", "assessment", "supervision", "efficiency", "third_party"}, f"every department kind: {kinds}")
    kinds = labels(uri, at(19, "third_party"))
    check(set(kinds) == {"regular", "third_party"}, f"`kind` on an inspection line: inspection kinds: {kinds}")

    yuri = open_doc("nav.yaml", "yaml", NAV_YAML)
    ylines = NAV_YAML.split("\n")

    def yat(line, needle, shift=0):
        text = ylines[line]
        return {"line": line, "character": utf16_units(text[: text.index(needle) + shift])}

    check(labels(yuri, yat(4, "office", 2)) == ["office"], "YAML: enum word in a flow mapping")
    check(labels(yuri, yat(7, "两办", 1)) == ["两办"], "YAML: department id after owner")
    check(labels(yuri, yat(9, "threshold", 1)) == ["threshold"], "YAML: score mode in score: {mode: }")
    items = complete(yuri, yat(10, "𠀀甲", 1))
    check([x["label"] for x in items] == ["𠀀甲"], f"YAML: indicator id in proves: [...]: {items}")
    if items:
        check(items[0]["textEdit"]["range"]["end"]["character"] - items[0]["textEdit"]["range"]["start"]["character"] == 2,
              "an astral character is two UTF-16 units")
    check(labels(yuri, yat(8, "points", 2)) == ["points"], "YAML: indicator keys")
    check("departments" in labels(yuri, {"line": 3, "character": 0}), "YAML: top-level keys")

    ruri = open_doc("mine.rules", "jianfu-rules", "# for i in indicators where i.poi\nfor i in indicators where i.poi\n")
    fields = labels(ruri, {"line": 1, "character": 31})
    check("points" in fields and all(f.startswith("poi") for f in fields), f".rules: fields after a dot: {fields}")
    items = complete(ruri, {"line": 1, "character": 31})
    points = [x.get("detail", "") for x in items if x["label"] == "points"]
    check(points and "indicator" in points[0] and "group" in points[0], f".rules: the detail names the elements: {points}")
    check("indicators" in labels(ruri, {"line": 1, "character": 12}), ".rules: top-level names")
    check(labels(ruri, {"line": 0, "character": 33}) == [], ".rules: nothing in a comment")

    r = c.request("textDocument/completion", {"textDocument": {"uri": uri}})
    check(r.get("error", {}).get("code") == -32602, f"completion without a position: {r}")
    check(c.finish() == 0, "completion session exits 0")


WS_RULES = """# the project's own rule
rule XJ01 photo-required {
  category proof
  severity warning
  summary en "Photo evidence is required"
  summary zh "要求拍照留痕"
  for i in indicators
  where photo in i.evidence
  at i
  message en "{i.name} requires photo evidence"
  message zh "{i.name}要求拍照留痕"
}
"""
WS_DEPTS = """scheme "跨文件" {
  year 2025
  units 甲镇, 乙镇
}

department 两办 kind office
department 农业农村局 kind line
"""
WS_ITEMS = """indicator 产业发展 { owner 农业农村局 points 60 score threshold }
# jianfu: allow XJ01 -- 只为测试
indicator 𠀀核查 { owner 两办 points 40 score threshold proves 产业发展 }
indicator 外来 { owner 外部局 points 1 score threshold }
penalty overall bottom 1 -> notice
"""
WS_MESSY_RULES = "rule XJ02 tidy-me { category proof severity info   # why info\n  native }\n"


def session_workspace(tmp):
    """Cross-file definitions and references in a workspace folder, completion
    of penalty triggers, and `fmt`'s layout for a .rules document."""
    d = os.path.join(tmp, "ws")
    outside = os.path.join(tmp, "outside")
    os.makedirs(os.path.join(d, "schemes"))
    os.makedirs(outside)
    files = {".jianfu.yaml": "rules: [local.rules]\n", "local.rules": WS_RULES,
             "schemes/depts.assess": WS_DEPTS, "schemes/items.assess": WS_ITEMS}
    for name, text in files.items():
        pathlib.Path(d, name).write_text(text, encoding="utf-8")
    # A department declared outside the folder, linked in: never read.
    pathlib.Path(outside, "secret.assess").write_text("department 外部局 kind line\n", encoding="utf-8")
    os.symlink(os.path.join(outside, "secret.assess"), os.path.join(d, "schemes", "link.assess"))
    uri_of = {name: pathlib.Path(d, name).as_uri() for name in files}
    c = Client(d)
    init = c.request("initialize", {"processId": None, "rootUri": pathlib.Path(d).as_uri(), "capabilities": {},
                                    "locale": "en"})
    folders = init["result"]["capabilities"].get("workspace", {}).get("workspaceFolders", {})
    check(folders == {"supported": True, "changeNotifications": True}, f"workspace folders advertised: {folders}")
    c.notify("initialized", {})
    items = uri_of["schemes/items.assess"]
    c.notify("textDocument/didOpen", {"textDocument": {"uri": items, "languageId": "assess", "version": 1, "text": WS_ITEMS}})
    c.diagnostics(items)
    ilines, dlines, rlines = WS_ITEMS.split("\n"), WS_DEPTS.split("\n"), WS_RULES.split("\n")

    def pos(lines, line, needle, shift=0):
        return {"line": line, "character": utf16_units(lines[line][: lines[line].index(needle) + shift])}

    def rng(lines, line, needle):
        return {"start": pos(lines, line, needle), "end": pos(lines, line, needle, len(needle))}

    def ask(method, uri, p, **extra):
        return c.request(method, {"textDocument": {"uri": uri}, "position": p, **extra})

    # A department declared in another scheme file of the folder (not open).
    r = ask("textDocument/definition", items, pos(ilines, 2, "两办", 1)).get("result")
    check(r == [{"uri": uri_of["schemes/depts.assess"], "range": rng(dlines, 5, "两办")}], f"definition in another file: {r}")
    # An indicator declared in this file stays here.
    r = ask("textDocument/definition", items, pos(ilines, 2, "产业发展", 1)).get("result")
    check(r == [{"uri": items, "range": rng(ilines, 0, "产业发展")}], f"a local declaration first: {r}")
    # Declared only in a file a symlink brings in from outside the folder: not read.
    r = ask("textDocument/definition", items, pos(ilines, 3, "外部局", 1))
    check("error" not in r and r.get("result") is None, f"a file outside the workspace is not read: {r}")
    # References across the files, with and without the declaration.
    r = ask("textDocument/references", items, pos(ilines, 0, "农业农村局", 1), context={"includeDeclaration": True})
    got = sorted(json.dumps(x, sort_keys=True) for x in (r.get("result") or []))
    want = sorted(json.dumps(x, sort_keys=True) for x in (
        {"uri": uri_of["schemes/depts.assess"], "range": rng(dlines, 6, "农业农村局")},
        {"uri": items, "range": rng(ilines, 0, "农业农村局")}))
    check(got == want, f"references across files: {r}")
    r = ask("textDocument/references", items, pos(ilines, 0, "农业农村局", 1), context={"includeDeclaration": False})
    check(r.get("result") == [{"uri": items, "range": rng(ilines, 0, "农业农村局")}], f"references, uses only: {r}")

    # The client closes the folder: the other files are no longer read; it opens it again.
    folder = {"uri": pathlib.Path(d).as_uri(), "name": "ws"}
    c.notify("workspace/didChangeWorkspaceFolders", {"event": {"added": [], "removed": [folder]}})
    r = ask("textDocument/definition", items, pos(ilines, 2, "两办", 1))
    check("error" not in r and r.get("result") is None, f"no folder, no other files: {r}")
    c.notify("workspace/didChangeWorkspaceFolders", {"event": {"added": [folder], "removed": []}})
    r = ask("textDocument/definition", items, pos(ilines, 2, "两办", 1)).get("result")
    check(r == [{"uri": uri_of["schemes/depts.assess"], "range": rng(dlines, 5, "两办")}], f"folder added back: {r}")

    # A project rule's id in a suppression goes to its header in the config's pack.
    rule_at = pos(ilines, 1, "XJ01", 2)
    r = ask("textDocument/definition", items, rule_at).get("result")
    check(r == [{"uri": uri_of["local.rules"], "range": rng(rlines, 1, "XJ01")}], f"rule id to its rule file: {r}")
    r = ask("textDocument/references", items, rule_at, context={"includeDeclaration": True}).get("result") or []
    got = sorted((x["uri"], x["range"]["start"]["line"]) for x in r)
    check(got == sorted([(items, 1), (uri_of["local.rules"], 1)]), f"rule id references: {r}")
    r = ask("textDocument/references", items, rule_at, context={"includeDeclaration": False}).get("result") or []
    check([(x["uri"], x["range"]["start"]["line"]) for x in r] == [(items, 1)], f"rule id uses: {r}")

    # Completion of a penalty's trigger: after `penalty overall` in .assess,
    # after `trigger.kind ==` / `in [` in a rule.
    words = [x["label"] for x in (ask("textDocument/completion", items, pos(ilines, 4, "bottom")).get("result") or {}).get("items", [])]
    check(set(words) == {"bottom", "last", "below"}, f"triggers after `penalty overall`: {words}")
    ruri = pathlib.Path(d, "draft.rules").as_uri()
    rtext = "rule XJ03 x {\n  for p in penalties\n  where p.trigger.kind in [bottom, \n  where p.trigger.kind == \n}\n"
    c.notify("textDocument/didOpen", {"textDocument": {"uri": ruri, "languageId": "jianfu-rules", "version": 1, "text": rtext}})
    words = [x["label"] for x in (ask("textDocument/completion", ruri, {"line": 2, "character": 35}).get("result") or {}).get("items", [])]
    check(set(words) == {"bottom", "bottom_percent", "last", "below"}, f"trigger kinds in a rule's list: {words}")
    words = [x["label"] for x in (ask("textDocument/completion", ruri, {"line": 3, "character": 26}).get("result") or {}).get("items", [])]
    check(set(words) == {"bottom", "bottom_percent", "last", "below"}, f"trigger kinds after ==: {words}")

    # Formatting a .rules document is `jianfu fmt`'s layout.
    muri = pathlib.Path(d, "messy.rules").as_uri()
    c.notify("textDocument/didOpen", {"textDocument": {"uri": muri, "languageId": "jianfu-rules", "version": 1,
                                                       "text": WS_MESSY_RULES}})
    want = subprocess.run([JIANFU, "fmt", "--stdin-filename", "messy.rules", "-"], input=WS_MESSY_RULES,
                          capture_output=True, text=True).stdout
    f = c.request("textDocument/formatting", {"textDocument": {"uri": muri}, "options": {"tabSize": 2, "insertSpaces": True}})
    edits = f.get("result")
    check(want.startswith("rule XJ02 tidy-me {\n  category proof\n"), f"fmt lays out the rule: {want!r}")
    check(isinstance(edits, list) and len(edits) == 1 and edits[0]["newText"] == want, f"one edit with fmt's text: {edits}")
    f = c.request("textDocument/formatting", {"textDocument": {"uri": ruri}, "options": {"tabSize": 2, "insertSpaces": True}})
    check(f.get("result") == [], f"no edit for a rule file that does not parse: {f}")
    check(c.finish() == 0, "workspace session exits 0")


with tempfile.TemporaryDirectory() as tmp:
    for session in (session_en, session_zh_config, session_other_files, session_navigation, session_completion,
                    session_workspace, session_hostile,
                    session_limits):
        try:
            session(tmp)
        except Exception as e:  # a hang or a closed pipe is a failure of that session, the others still run
            check(False, f"{session.__name__}: {type(e).__name__}: {e}")
print(f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)

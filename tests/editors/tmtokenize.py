"""A small TextMate grammar interpreter: enough of what editors do with a
grammar (match, begin/end, captures, contentName, include of #repository
items and $self, line by line) to tell which scopes each character of a file
gets. Regular expressions run with Python's `re`; the grammars under
editors/textmate use only what `re` and Oniguruma read the same way.
"""
import re


class Grammar:
    def __init__(self, data):
        self.data = data
        self.scope = data["scopeName"]
        self._cache = {}

    def _regex(self, text):
        if text not in self._cache:
            self._cache[text] = re.compile(text)
        return self._cache[text]

    def _expand(self, patterns, seen=None):
        """The rules a list of patterns stands for, includes resolved, in order."""
        out = []
        for p in patterns:
            inc = p.get("include")
            if inc is None:
                if "match" in p or "begin" in p:
                    out.append(p)
                if "patterns" in p and "match" not in p and "begin" not in p:
                    out.extend(self._expand(p["patterns"], seen))
                continue
            if inc == "$self" or inc == "$base":
                target = {"patterns": self.data["patterns"]}
            elif inc.startswith("#"):
                target = self.data["repository"][inc[1:]]
            else:
                raise ValueError("include of another grammar: " + inc)
            key = id(target)
            seen = set() if seen is None else seen
            if key in seen:
                continue
            out.extend(self._expand([target], seen | {key}))
        return out

    def _rules(self, rule):
        """The rules inside a begin/end rule (the top level for None), expanded once."""
        key = id(rule)
        if key not in self._cache:
            self._cache[key] = self._expand(rule.get("patterns", []) if rule else self.data["patterns"])
        return self._cache[key]

    def tokenize(self, text):
        """[(line_no, start, end, scopes)] for every character run of `text`."""
        tokens = []
        stack = []  # (rule, content scopes)
        for n, line in enumerate(text.split("\n"), 1):
            line += "\n"
            pos = 0
            while pos < len(line):
                rules = self._rules(stack[-1][0] if stack else None)
                best = None  # (start, order, match, rule or None for the end)
                if stack:
                    m = self._regex(stack[-1][0]["end"]).search(line, pos)
                    if m:
                        best = (m.start(), -1, m, None)
                for order, rule in enumerate(rules):
                    m = self._regex(rule.get("match") or rule["begin"]).search(line, pos)
                    if m and (best is None or m.start() < best[0]):
                        best = (m.start(), order, m, rule)
                base = [self.scope] + [s for _, scopes in stack for s in scopes]
                if best is None:
                    tokens.append((n, pos, len(line), base))
                    break
                start, _, m, rule = best
                if start > pos:
                    tokens.append((n, pos, start, base))
                if rule is None:  # the end of the innermost begin/end rule
                    top, _ = stack.pop()
                    outer = [self.scope] + [s for _, scopes in stack for s in scopes]
                    own = outer + ([top["name"]] if "name" in top else [])
                    self._captured(tokens, n, m, own, top.get("endCaptures", top.get("captures", {})))
                    pos = m.end()  # an empty end (`$`) still ends the rule: the stack shrank
                    continue
                own = base + ([rule["name"]] if "name" in rule else [])
                if "match" in rule:
                    self._captured(tokens, n, m, own, rule.get("captures", {}))
                    pos = m.end() if m.end() > pos else pos + 1
                else:
                    self._captured(tokens, n, m, own, rule.get("beginCaptures", rule.get("captures", {})))
                    scopes = ([rule["name"]] if "name" in rule else []) + (
                        [rule["contentName"]] if "contentName" in rule else [])
                    stack.append((rule, scopes))
                    pos = m.end()
        return tokens

    @staticmethod
    def _captured(tokens, n, m, scopes, captures):
        if m.end() == m.start():
            return
        marks = [list(scopes) for _ in range(m.end() - m.start())]
        for group, c in captures.items():
            g = int(group)
            if g <= (m.re.groups or 0) and m.start(g) >= 0 and "name" in c:
                for i in range(m.start(g), m.end(g)):
                    marks[i - m.start()].append(c["name"])
        i = 0
        while i < len(marks):
            j = i
            while j < len(marks) and marks[j] == marks[i]:
                j += 1
            tokens.append((n, m.start() + i, m.start() + j, marks[i]))
            i = j


def scopes_at(tokens, line, col):
    """The scopes of the character at 1-based `line`, 0-based `col`."""
    for n, s, e, scopes in tokens:
        if n == line and s <= col < e:
            return scopes
    return []

"""check_schemas.py JIANFU SOURCE_DIR: the JSON Schemas of `jianfu schema`
accept every shipped YAML scheme and config, and reject broken ones.

Needs python3-yaml and python3-jsonschema (Debian); exits 77 (skipped) without them.
"""
import json
import subprocess
import sys
from pathlib import Path

try:
    import jsonschema
    import yaml
except ImportError as e:
    print(f"skipped: {e}")
    sys.exit(77)

jianfu, src = sys.argv[1], Path(sys.argv[2])
here = Path(__file__).parent
failures = []


def schema(which):
    out = subprocess.run([jianfu, "schema", which], check=True, capture_output=True, text=True).stdout
    s = json.loads(out)
    cls = jsonschema.validators.validator_for(s)
    assert cls is jsonschema.Draft202012Validator, f"{which}: not a draft 2020-12 schema"
    cls.check_schema(s)
    return cls(s)


def errors(validator, path):
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(doc)]


def expect(validator, paths, valid):
    if not paths:
        failures.append(f"no files to check ({'valid' if valid else 'invalid'})")
    for p in paths:
        errs = errors(validator, p)
        if valid and errs:
            failures.append(f"{p}: rejected: {errs[:3]}")
        if not valid and not errs:
            failures.append(f"{p}: accepted, but it is broken")


scheme = schema("yaml")
config = schema("config")
good_schemes = [p for p in sorted(here.glob("good-*.yaml")) if not p.name.startswith("good-config")]
expect(scheme, sorted(src.glob("examples/*.yaml")) + good_schemes, True)
bad_schemes = [p for p in sorted(here.glob("bad-*.yaml")) if not p.name.startswith("bad-config")]
expect(scheme, bad_schemes, False)
expect(config, sorted(here.glob("good-config*.jianfu.yaml")), True)
expect(config, sorted(here.glob("bad-config*.jianfu.yaml")), False)

# The bad files are broken for jianfu too: the schema says what the loader says.
def syntax_errors(path):
    r = subprocess.run([jianfu, "check", "--format", "json", str(path)], capture_output=True, text=True)
    return "JF001" in {d["rule"] for d in json.loads(r.stdout)["diagnostics"]}


for p in bad_schemes:
    if not syntax_errors(p):
        failures.append(f"{p}: jianfu reads it without a JF001, but the schema rejects it")
for p in good_schemes:
    if syntax_errors(p):
        failures.append(f"{p}: the schema accepts it, but jianfu reports a JF001")

for f in failures:
    print(f, file=sys.stderr)
sys.exit(1 if failures else 0)

#!/usr/bin/env python3
"""Lints the container and CI files with what Debian offers (hadolint and
actionlint are not packaged in Debian 12): action.yml and the pre-commit
hooks parsed as YAML and checked for the keys their readers require, the
Dockerfile read instruction by instruction.

usage: ci_files_test.py SOURCE_DIR PROJECT_VERSION"""
import json
import re
import sys
from pathlib import Path

import yaml

src, version = Path(sys.argv[1]), sys.argv[2]
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


# --- action.yml: a docker action that runs the published image -------------
action = yaml.safe_load((src / "action.yml").read_text(encoding="utf-8"))
for key in ("name", "description", "runs"):
    check(isinstance(action.get(key), (str, dict)) and action.get(key), f"action.yml: no '{key}'")
runs = action.get("runs") or {}
check(runs.get("using") == "docker", "action.yml: runs.using is not 'docker'")
image = str(runs.get("image", ""))
check(image.startswith("docker://"), "action.yml: runs.image is not a published image (docker://…): it would compile")
check(image.endswith(":" + version), f"action.yml: the image tag is not the project version {version}: {image}")
args = [str(a) for a in runs.get("args", [])]
check(args[:1] == ["check"], "action.yml: args do not start with 'check'")
check("--format" in args and args[args.index("--format") + 1 : args.index("--format") + 2] == ["sarif"],
      "action.yml: no --format sarif")
inputs = action.get("inputs") or {}
used = set(re.findall(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}", " ".join(args)))
for name, spec in inputs.items():
    check(isinstance(spec, dict) and spec.get("description"), f"action.yml: input '{name}' has no description")
    check(name in used, f"action.yml: input '{name}' is never used")
    check(spec.get("required") or "default" in spec, f"action.yml: optional input '{name}' has no default")
for name in used - set(inputs):
    check(False, f"action.yml: args use undeclared input '{name}'")

# --- .pre-commit-hooks.yaml: the system hook and the image hook agree -------
hooks = yaml.safe_load((src / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
check(isinstance(hooks, list), ".pre-commit-hooks.yaml: not a list of hooks")
hooks = hooks if isinstance(hooks, list) else []
for h in hooks:
    for key in ("id", "name", "entry", "language"):
        check(key in h, f".pre-commit-hooks.yaml: hook {h.get('id')} has no '{key}'")
ids = [h.get("id") for h in hooks]
check(len(ids) == len(set(ids)), ".pre-commit-hooks.yaml: duplicate ids")
by_language = {h.get("language"): h for h in hooks}
system, docker = by_language.get("system"), by_language.get("docker_image")
check(system is not None and docker is not None, ".pre-commit-hooks.yaml: needs a 'system' and a 'docker_image' hook")
if system and docker:
    hook_image, _, hook_args = docker["entry"].partition(" ")
    check("docker://" + hook_image == image, f"pre-commit image {hook_image} is not the action's {image}")
    check("jianfu " + hook_args == system["entry"], "the docker_image hook runs another command than the system hook")
    check(docker.get("files") == system.get("files"), "the two hooks select different files")

# --- Dockerfile: two stages, the runtime one from the .deb ----------------
lines = (src / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ").splitlines()
instructions = [l.strip().split(None, 1) for l in lines if l.strip() and not l.strip().startswith("#")]
known = {"FROM", "RUN", "COPY", "ADD", "WORKDIR", "ENTRYPOINT", "CMD", "ENV", "ARG", "LABEL", "USER", "EXPOSE",
         "VOLUME", "SHELL", "HEALTHCHECK", "STOPSIGNAL", "ONBUILD"}
for ins in instructions:
    check(ins[0] in known and len(ins) == 2, f"Dockerfile: bad instruction: {' '.join(ins)}")
stages, current = [], None
for ins in instructions:
    if ins[0] == "FROM":
        words = ins[1].split()
        current = {"image": words[0], "name": words[2] if len(words) == 3 and words[1].upper() == "AS" else None,
                   "body": []}
        stages.append(current)
    elif current is not None:
        current["body"].append(ins)
check(len(stages) == 2, f"Dockerfile: {len(stages)} stages, expected 2 (build, runtime)")
for s in stages:
    check(re.fullmatch(r"debian:12(-slim)?", s["image"]) is not None, f"Dockerfile: base {s['image']} is not debian:12")
if len(stages) == 2:
    build, runtime = stages
    names = {s["name"] for s in stages if s["name"]}
    for ins in runtime["body"]:
        m = re.match(r"--from=(\S+)", ins[1]) if ins[0] == "COPY" else None
        check(not m or m.group(1) in names, f"Dockerfile: COPY from unknown stage {m.group(1) if m else ''}")
    check(any("cpack -G DEB" in ins[1] for ins in build["body"] if ins[0] == "RUN"), "Dockerfile: build stage makes no .deb")
    runtime_runs = " ".join(ins[1] for ins in runtime["body"] if ins[0] == "RUN")
    check(re.search(r"apt-get install[^&]*jianfu_\*\.deb", runtime_runs) is not None,
          "Dockerfile: runtime stage does not install the .deb")
    check(re.search(r"\b(g\+\+|gcc|clang|cmake|-dev)\b", runtime_runs) is None, "Dockerfile: runtime stage installs build tools")
    entry = [ins[1] for ins in runtime["body"] if ins[0] == "ENTRYPOINT"]
    check(len(entry) == 1 and json.loads(entry[0]) == ["jianfu"], "Dockerfile: ENTRYPOINT is not [\"jianfu\"] (exec form)")
for ins in instructions:
    if ins[0] == "RUN" and "apt-get install" in ins[1]:
        check("--no-install-recommends" in ins[1], "Dockerfile: apt-get install without --no-install-recommends")
        check("rm -rf /var/lib/apt/lists" in ins[1], "Dockerfile: apt lists left in the layer")

for f in failures:
    print("FAIL:", f)
if failures:
    sys.exit(1)
print("action.yml, .pre-commit-hooks.yaml, Dockerfile: ok")

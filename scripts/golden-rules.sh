#!/usr/bin/env bash
# Scores the English segmenter on the 48 "Golden Rules" that pySBD publishes.
# The rules are third-party test sentences: they are fetched from PyPI (pySBD's sdist) into
# a temporary folder at run time and never stored in this repository.
# Usage: scripts/golden-rules.sh [path/to/songngu]   (needs python3 and pip)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/target/release/songngu}
[ -x "$bin" ] || (cd "$here" && cargo build --release --quiet)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --no-binary :all: pysbd==0.3.3 -d "$work" >/dev/null
tar xzf "$work"/pysbd-0.3.3.tar.gz -C "$work"
python3 - "$work" "$bin" <<'PY'
import json, subprocess, sys
work, binary = sys.argv[1], sys.argv[2]
sys.path.insert(0, f"{work}/pysbd-0.3.3")
from benchmarks.english_golden_rules import GOLDEN_EN_RULES
# One rule per line: each line is one paragraph for `segment` (none contains a newline).
text = "\n".join(rule for rule, _ in GOLDEN_EN_RULES)
out = subprocess.run([binary, "segment", "-", "--lang", "en", "--format", "json"],
                     input=text.encode(), capture_output=True, check=True).stdout
got = [[] for _ in GOLDEN_EN_RULES]
for line in out.decode().splitlines():
    unit = json.loads(line)
    got[unit["block"]].append(unit["text"])
passed = 0
for (rule, expected), sentences in zip(GOLDEN_EN_RULES, got):
    if sentences == expected:
        passed += 1
    else:
        print(f"FAIL {rule!r}\n  got:  {sentences}\n  want: {expected}")
print(f"{passed} passed, {len(GOLDEN_EN_RULES) - passed} failed")
sys.exit(0 if passed == len(GOLDEN_EN_RULES) else 1)
PY

#!/usr/bin/env bash
# Checks songngu's XLIFF with an independent reader: translate-toolkit (PyPI), installed in
# a throwaway venv in a temporary folder that is removed at the end.
#
# 1. XLIFF 1.2: songngu writes a sample (examples/xliff_sample.rs) and
#    translate.storage.xliff (xlifffile.parsefile) must read it unit for unit: the same
#    ids, sources, targets, the state (target `state`, `approved`, the toolkit's own
#    state), the old-English note, the other notes and the alt-trans match quality.
# 2. XLIFF 2.0: the same with translate.storage.xliff2, if the installed toolkit has it.
# 3. The way back: the toolkit translates the untranslated unit, signs one off, adds a
#    note and saves; songngu must read the saved file as the toolkit left it.
# 4. A real work file: `songngu xliff export --xliff-version 1.2` on the bundled example
#    (examples/seed.v2.en.txt against a copy of tmx/seed.tmx, document
#    `seed-2019-11-28`), and the toolkit must read it unit for unit as songngu reads it:
#    ids, sources, targets, the position (`resname`) and the target state.
#
# Usage: scripts/xliff-translate-toolkit.sh
# Needs python3 with venv, cargo, and PyPI. Not part of CI.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check translate-toolkit
echo "translate-toolkit $("$work/venv/bin/python" -c 'import translate.__version__ as v; print(v.sver)')"

cd "$here"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$here/target}
cargo build --quiet --example xliff_sample --bin songngu
sample="$CARGO_TARGET_DIR/debug/examples/xliff_sample"
songngu="$CARGO_TARGET_DIR/debug/songngu"
"$sample" write "$work/sample-1.2.xlf" 1.2 >"$work/expected.jsonl"
"$sample" write "$work/sample-2.0.xlf" 2.0 >/dev/null

status=0
"$work/venv/bin/python" - "$work" <<'PY' || status=1
import json
import sys

from translate.storage import xliff

work = sys.argv[1]
expected = [json.loads(line) for line in open(f"{work}/expected.jsonl", encoding="utf-8")]
failures = 0


def check(what, got, want):
    global failures
    if got == want:
        print(f"  ok    {what}")
    else:
        failures += 1
        print(f"  FAIL  {what}: got {got!r}, want {want!r}")


def text(value):
    # The toolkit gives "" or None for a missing target.
    return value if value else None


print("XLIFF 1.2 with translate.storage.xliff.xlifffile.parsefile")
store = xliff.xlifffile.parsefile(f"{work}/sample-1.2.xlf")
units = store.units
check("unit count", len(units), len(expected))
check("source language", store.getsourcelanguage(), "en")
check("target language", store.gettargetlanguage(), "vi")
state_name = {v: k for k, v in xliff.xlifffile.UnitClass.statemap.items()}
for unit, want in zip(units, expected):
    uid = want["id"]
    check(f"{uid} id", unit.getid().split("\x04")[-1], uid)
    check(f"{uid} source", unit.source, want["en"])
    check(f"{uid} target", text(unit.target), want["vi"])
    target = unit.getlanguageNode(lang=None, index=1)
    check(f"{uid} target state", None if target is None else target.get("state"), want["state_v12"])
    check(f"{uid} approved", unit.isapproved(), want["state"] == "reviewed")
    toolkit_state = state_name.get(unit.get_state_n(), "(untranslated)")
    print(f"        toolkit state of {uid}: {toolkit_state}")
    check(f"{uid} old English note", text(unit.getnotes(origin="old-source")), want["old_en"])
    other_notes = [n for n in unit._getnotelist() if n != want["old_en"]]
    check(f"{uid} notes", other_notes, want["notes"])
    alts = unit.getalttrans(origin="songngu")
    score = int(alts[0].xmlelement.get("match-quality")) if alts else None
    check(f"{uid} alt-trans match-quality", score, want["score"])
    if alts:
        check(f"{uid} alt-trans target", alts[0].target, want["vi"])

print("XLIFF 2.0")
try:
    from translate.storage import xliff2
except ImportError as error:
    print(f"  this translate-toolkit has no XLIFF 2.0 reader ({error})")
else:
    store2 = xliff2.Xliff2File.parsefile(f"{work}/sample-2.0.xlf")
    units2 = store2.units
    print(f"  translate.storage.xliff2.Xliff2File.parsefile read {len(units2)} units")
    check("unit count", len(units2), len(expected))
    check("source language", store2.getsourcelanguage(), "en")
    check("target language", store2.gettargetlanguage(), "vi")
    for unit, want in zip(units2, expected):
        uid = want["id"]
        check(f"{uid} id", unit.getid(), uid)
        check(f"{uid} source", unit.source, want["en"])
        check(f"{uid} target", text(unit.target), want["vi"])
        check(f"{uid} segment state", unit.xmlelement.get("state"), want["state"])
        check(f"{uid} segment subState", unit.xmlelement.get("subState"), want["sub_state"])
        check(f"{uid} istranslated", unit.istranslated(), want["state"] in ("translated", "reviewed"))
        # The toolkit looks for <notes> in <segment>; XLIFF 2.0 puts them in <unit>.
        notes = unit.getunitelement().find(unit.namespaced("notes"))
        categories = [] if notes is None else [n.get("category") for n in notes]
        print(f"        unit notes of {uid}: {categories}; toolkit getnotes(): {unit.getnotes()!r}")

print("The way back: translate-toolkit edits the 1.2 file and saves it")
untranslated = next(u for u in units if not u.target)
untranslated.settarget("Hội thảo & <bạn>")
suggested = next(u for u in units if u.getid().endswith("u0c1d2e3f4a"))
suggested.set_state_n(suggested.S_SIGNED_OFF)
suggested.addnote("đã kiểm tra", origin="translator")
store.savefile(f"{work}/back-1.2.xlf")
print(f"  edited {untranslated.getid().split(chr(4))[-1]} (translated) and u0c1d2e3f4a (signed off, note)")

print(f"failures: {failures}")
sys.exit(1 if failures else 0)
PY

echo "songngu reads the file translate-toolkit saved:"
if "$sample" read "$work/back-1.2.xlf" >"$work/back.jsonl"; then
    "$work/venv/bin/python" - "$work" <<'PY' || status=1
import json
import sys

work = sys.argv[1]
before = {u["id"]: u for u in map(json.loads, open(f"{work}/expected.jsonl", encoding="utf-8"))}
after = {u["id"]: u for u in map(json.loads, open(f"{work}/back.jsonl", encoding="utf-8"))}
failures = 0


def check(what, got, want):
    global failures
    if got == want:
        print(f"  ok    {what}")
    else:
        failures += 1
        print(f"  FAIL  {what}: got {got!r}, want {want!r}")


check("same ids in the same order", list(after), list(before))
first = after["u3f2a9c01b7"]
check("u3f2a9c01b7 target", first["vi"], "Hội thảo & <bạn>")
check("u3f2a9c01b7 state", first["state"], "translated")
second = after["u0c1d2e3f4a"]
check("u0c1d2e3f4a state", second["state"], "reviewed")
check("u0c1d2e3f4a score", second["score"], before["u0c1d2e3f4a"]["score"])
check("u0c1d2e3f4a notes", second["notes"], before["u0c1d2e3f4a"]["notes"] + ["đã kiểm tra"])
for uid, unit in before.items():
    if uid not in ("u3f2a9c01b7", "u0c1d2e3f4a"):
        check(f"{uid} unchanged", after.get(uid), unit)
print(f"failures: {failures}")
sys.exit(1 if failures else 0)
PY
else
    status=1
fi

echo "The bundled example: songngu xliff export --xliff-version 1.2, read by translate-toolkit"
mkdir "$work/seed"
cp examples/seed.v2.en.txt tmx/seed.tmx "$work/seed/"
# A folder without songngu.toml: the defaults, and the memory given on the command line.
(cd "$work/seed" && env -i PATH="$PATH" SONGNGU_LANG=en-US "$songngu" xliff export seed.v2.en.txt \
    --tm seed.tmx --doc seed-2019-11-28 -o seed.xlf --xliff-version 1.2)
if "$sample" read "$work/seed/seed.xlf" >"$work/seed.jsonl"; then
    "$work/venv/bin/python" - "$work" <<'PY' || status=1
import json
import sys

from translate.storage import xliff

work = sys.argv[1]
expected = [json.loads(line) for line in open(f"{work}/seed.jsonl", encoding="utf-8")]
failures = 0


def check(what, got, want):
    global failures
    if got == want:
        print(f"  ok    {what}")
    else:
        failures += 1
        print(f"  FAIL  {what}: got {got!r}, want {want!r}")


store = xliff.xlifffile.parsefile(f"{work}/seed/seed.xlf")
units = store.units
check("unit count", len(units), len(expected))
check("document", store.getfilenames(), ["seed-2019-11-28"])
check("ids in order", [u.getid().split("\x04")[-1] for u in units], [w["id"] for w in expected])
for unit, want in zip(units, expected):
    uid = want["id"]
    check(f"{uid} source", unit.source, want["en"])
    check(f"{uid} target", unit.target if unit.target else None, want["vi"])
    check(f"{uid} resname (position)", unit.xmlelement.get("resname"), want["name"])
    target = unit.getlanguageNode(lang=None, index=1)
    check(f"{uid} target state", None if target is None else target.get("state"), want["state_v12"])
    print(f"        {uid}: songngu state {want['state']}, toolkit isfuzzy={unit.isfuzzy()} istranslated={unit.istranslated()}")
print(f"failures: {failures}")
sys.exit(1 if failures else 0)
PY
else
    status=1
fi
exit $status

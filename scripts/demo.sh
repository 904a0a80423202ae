#!/usr/bin/env bash
# The whole pipeline on the bundled example, as the README's first command runs it:
# the English article was translated into `tmx/seed.tmx`; the English was then revised
# (`examples/seed.v2.en.txt`, five changes listed in `examples/seed.v2.changes.md`).
# This segments the revision, counts its units by state (`status`), reports its drift against the memory, and exports the
# bilingual release with the drift marked, and leaves a project of the example for
# `songngu serve`. Everything it writes goes to `target/demo/`; the bundled memory is only
# read.
set -euo pipefail
cd "$(dirname "$0")/.."
# SONGNGU_BIN and SONGNGU_DEMO_OUT let the test suite run this script with its own build
# and a temporary folder.
bin=${SONGNGU_BIN:-}
if [ -z "$bin" ]; then
    cargo build --release --quiet
    bin=target/release/songngu
fi
# The project below is set up from inside its folder: the binary by its absolute path.
abs_bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
out=${SONGNGU_DEMO_OUT:-target/demo}
rm -rf "$out"
mkdir -p "$out"
en=examples/seed.v2.en.txt
tm=tmx/seed.tmx
doc=seed-2019-11-28

echo "== 1. segment: the revised English, in sentence units (the first lines)"
"$bin" segment "$en" 2>&1 | head -6

echo
echo "== 2. status: the original edition against $tm, then the revision (units by state)"
"$bin" --no-config status examples/seed.en.txt "$en" --tm "$tm"

echo
echo "== 3. check: where the Vietnamese in $tm has fallen out of step with the revision"
status=0
"$bin" check "$en" --tm "$tm" --doc "$doc" || status=$?
# 1 means drift was found, which is the point of the example; 2 is an error.
[ "$status" -le 1 ] || exit "$status"

echo
echo "== 4. export: the release is refused while drift remains ..."
status=0
"$bin" export "$en" --tm "$tm" --doc "$doc" --to release -o "$out/release" >/dev/null 2>&1 || status=$?
if [ -e "$out/release" ]; then written="but $out/release exists"; else written="nothing written"; fi
echo "   exit code $status, $written"
echo "   ... and made with --allow-drift, which the manifest records:"
"$bin" export "$en" --tm "$tm" --doc "$doc" --to release -o "$out/release" --allow-drift \
    | grep -v '^ ' | tail -2
ls -1 "$out/release" | sed 's/^/   /'

# A project of the example for the review page: copies, so the bundled memory stays as it is.
project="$out/project"
mkdir -p "$project"
cp "$tm" "$en" "$project/"
(cd "$project" && "$abs_bin" init --article "$doc=$(basename "$en")" --tm "$(basename "$tm")" >/dev/null)

echo
echo "Look at the five changes in the report above (3 stale with their word diff, 2 missing,"
echo "1 orphaned), then open $out/release/seed.v2.bilingual.html: the marked rows are the"
echo "units a translator has to update."
echo "To fix them in a browser and release the article, run the review page in a copy of the"
echo "example project: cd $project && $abs_bin serve --open"

#!/usr/bin/env bash
# Writes proportional to the change and bounded memory (issue 12, items 2 and 3), measured
# on the real binary, side by side with a baseline build when one is given:
#
# - `translate` of one unit into a copy of a generated memory of N TUs (1,000,000: about
#   730 MB): wall time, peak resident memory against the memory's size, bytes written;
# - `tm import` of that memory into a new one: peak resident memory against the input;
# - `align --into` of a generated bitext of P English sentences into a new memory, and
#   `align` alone for comparison: peak resident memory against the two articles.
#
# Then the criterion bench (`cargo bench --bench journal`) in the same run, unless
# `--no-criterion`.
#
# Usage: scripts/bench-journal.sh [--tus N] [--pairs P] [--baseline BIN] [--no-criterion]
#                                 [--align-only]
#   --tus N         TUs of the generated memory (default 1000000; needs about 3 GB of disk)
#   --pairs P       English sentences of the generated bitext (default 500000)
#   --align-only    only the `align` rows (no memory is generated, no criterion bench)
#   --baseline BIN  another songngu executable (say, a release build of the commit before
#                   the journal) measured on the same inputs
# Needs GNU time (/usr/bin/time; Debian package `time`).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tus=1000000
pairs=500000
baseline=
criterion=yes
align_only=
while [ $# -gt 0 ]; do
    case "$1" in
        --tus) tus=$2; shift 2 ;;
        --pairs) pairs=$2; shift 2 ;;
        --baseline) baseline=$2; shift 2 ;;
        --no-criterion) criterion=; shift ;;
        --align-only) align_only=yes; criterion=; shift ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$here"
cargo build --release --quiet
bin=$here/target/release/songngu
memory=$work/memory.tmx
[ -n "$align_only" ] || cargo bench --quiet --bench tmx -- --generate "$memory" --tus "$tus" >/dev/null
cargo bench --quiet --bench align -- --generate "$work/bi.en.txt" "$work/bi.vi.txt" --sentences "$pairs" >/dev/null
cp examples/seed.en.txt "$work/a.en.txt"
unit=$("$bin" segment "$work/a.en.txt" --format json 2>/dev/null | head -1 | sed -E 's/.*"id":"([^"]+)".*/\1/')
memory_size=$( [ -n "$align_only" ] && echo 0 || stat -c %s "$memory")
bitext_size=$(( $(stat -c %s "$work/bi.en.txt") + $(stat -c %s "$work/bi.vi.txt") ))

# measure NAME BIN ARGS...: runs BIN ARGS in $work, prints "seconds peak_kb written_bytes".
measure() {
    local name=$1; shift
    (cd "$work" && /usr/bin/time -f "%e %M %O %U %S" -o "$work/time.$name" "$@" >/dev/null 2>"$work/err.$name") || {
        echo "$name failed:" >&2; cat "$work/err.$name" >&2; exit 1; }
    read -r seconds kb blocks _ < <(tail -1 "$work/time.$name")
    echo "$seconds $kb $(( blocks * 512 ))"
}
# cpu NAME: user + system seconds of the run NAME.
cpu() { tail -1 "$work/time.$1" | awk '{printf "%.1f", $4 + $5}'; }
ratio() { awk "BEGIN{printf \"%.2f\", $1 * 1000 / $2}"; }
mb() { awk "BEGIN{printf \"%.0f\", $1 / 1e6}"; }

if [ -n "$align_only" ]; then
    echo "bitext: $pairs English sentences, $(mb "$bitext_size") MB"
else
    echo "memory: $tus TUs, $(mb "$memory_size") MB; bitext: $pairs English sentences, $(mb "$bitext_size") MB"
fi
echo
echo "| command | build | time | peak resident | of the input | written |"
echo "| --- | --- | --- | --- | --- | --- |"
for build in after ${baseline:+before}; do
    exe=$bin
    [ "$build" = before ] && exe=$baseline
    if [ -z "$align_only" ]; then
    cp "$memory" "$work/m.tmx"
    rm -f "$work/m.tmx.journal"
    read -r s kb w < <(measure "translate-$build" "$exe" translate a.en.txt --doc seed --unit "$unit" --vi "Hội nghị về ứng xử có trách nhiệm của quốc gia trên không gian mạng" --tm m.tmx --user lan)
    echo "| translate one unit into $(mb "$memory_size") MB | $build | $s s | $(( kb / 1000 )) MB | $(ratio "$kb" "$memory_size")x | $(( w / 1000 )) kB |"
    rm -f "$work/m.tmx" "$work/m.tmx.journal" "$work/new.tmx"
    read -r s kb w < <(measure "import-$build" "$exe" tm import memory.tmx --into new.tmx)
    echo "| tm import of $tus TUs into a new memory | $build | $s s | $(( kb / 1000 )) MB | $(ratio "$kb" "$memory_size")x | $(mb "$w") MB |"
    rm -f "$work/new.tmx"
    fi
    read -r s kb w < <(measure "align-into-$build" "$exe" --max-input-mb 1024 align bi.en.txt bi.vi.txt --into al.tmx --doc big)
    echo "| align --into, $pairs sentences | $build | $s s ($(cpu "align-into-$build") s CPU) | $(( kb / 1000 )) MB | $(ratio "$kb" "$bitext_size")x | $(mb "$w") MB |"
    rm -f "$work/al.tmx"
    read -r s kb w < <(measure "align-$build" "$exe" --max-input-mb 1024 align bi.en.txt bi.vi.txt)
    echo "| align alone, $pairs sentences | $build | $s s ($(cpu "align-$build") s CPU) | $(( kb / 1000 )) MB | $(ratio "$kb" "$bitext_size")x | |"
done
rm -f "$work/memory.tmx"
if [ -n "$criterion" ]; then
    echo
    cargo bench --bench journal 2>&1 | grep -E "^(memory|one translation)|^save-one|time:"
fi

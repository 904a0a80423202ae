#!/usr/bin/env bash
# `xliff import` of a 100,000-unit work file through the real binary: the untouched
# `xliff export --all` file, and the same file with every target changed. Each run imports
# into a fresh copy of the memory, whose index is made current first (untimed, as after
# any earlier command). Prints the best wall time of N runs with its CPU time (user +
# system) and peak resident memory, and checks the results: the untouched import leaves the
# memory byte for byte as it was; with --baseline, both builds write the same memory (the
# dates of now aside).
#
# Usage: scripts/bench-xliff-import.sh [--room DIR] [--units N] [--runs N] [--baseline BIN]
#   --room DIR      reuse a newsroom: DIR/bench.orig.tmx (the memory before the import),
#                   DIR/bench.en.txt, DIR/work.xlf and DIR/work.changed.xlf (the script
#                   writes them there when DIR/bench.orig.tmx is missing)
#   --units N       sentences of the generated article and TUs of its memory (100000)
#   --runs N        runs of each import; the best is shown (default 3)
#   --baseline BIN  another songngu executable to time the same way, in the same run
# Needs GNU time (/usr/bin/time; Debian package `time`).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
room=
units=100000
runs=3
baseline=
while [ $# -gt 0 ]; do
    case "$1" in
        --room) room=$2; shift 2 ;;
        --units) units=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --baseline) baseline=$2; shift 2 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$here"
cargo build --release --quiet
bin=$here/target/release/songngu
room=${room:-$work/room}
# The work file of 100,000 units is about 90 MB, past the default limit of 64 MiB.
limit=(--max-input-mb 200)
if [ ! -f "$room/bench.orig.tmx" ]; then
    cargo run --release --quiet --example newsroom -- "$room" "$units" "$units" >/dev/null
    mv "$room/bench.tmx" "$room/bench.orig.tmx"
    "$bin" "${limit[@]}" xliff export "$room/bench.en.txt" --tm "$room/bench.orig.tmx" \
        --doc bench-article --all -o "$room/work.xlf" >/dev/null
    sed 's|</target>| (sửa)</target>|' "$room/work.xlf" > "$room/work.changed.xlf"
fi

# import BIN FILE OUT: imports FILE into a fresh copy of the memory, once per run; prints
# "wall user system peak_kb" of the fastest run and leaves its memory at OUT.
import() {
    local exe=$1 file=$2 out=$3 best= line
    for _ in $(seq "$runs"); do
        rm -rf "$work/run" && mkdir "$work/run"
        cp "$room/bench.orig.tmx" "$work/run/bench.tmx"
        "$exe" tm lookup "$work/run/bench.tmx" "warm the index" >/dev/null
        /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$exe" "${limit[@]}" xliff import \
            "$room/$file" --en "$room/bench.en.txt" --tm "$work/run/bench.tmx" >/dev/null
        read -r line < "$work/time"
        if [ -z "$best" ] || awk "BEGIN{exit !(${line%% *} < ${best%% *})}"; then
            best=$line
            cp "$work/run/bench.tmx" "$out"
        fi
    done
    echo "$best"
}
row() {
    read -r wall user sys kb <<< "$3"
    printf '| %s | %s | %s s | %s s | %s MB |\n' "$1" "$2" "$wall" \
        "$(awk "BEGIN{printf \"%.2f\", $user + $sys}")" "$(( kb / 1000 ))"
}
# The memory with the dates written now blanked out.
undated() { sed -E "s/$(date -u +%Y%m%d)T[0-9]{6}Z/NOW/g" "$1"; }

echo "| build | work file | wall (best of $runs) | CPU user+sys | peak resident |"
echo "| --- | --- | --- | --- | --- |"
builds=("this:$bin")
[ -n "$baseline" ] && builds+=("baseline:$baseline")
for build in "${builds[@]}"; do
    name=${build%%:*} exe=${build#*:}
    row "$name" "untouched" "$(import "$exe" work.xlf "$work/$name.untouched.tmx")"
    cmp -s "$work/$name.untouched.tmx" "$room/bench.orig.tmx" \
        || { echo "$name: the untouched import changed the memory" >&2; exit 1; }
    row "$name" "every target changed" "$(import "$exe" work.changed.xlf "$work/$name.changed.tmx")"
done
if [ -n "$baseline" ] && ! cmp -s <(undated "$work/this.changed.tmx") \
    <(undated "$work/baseline.changed.tmx"); then
    echo "the two builds wrote different memories" >&2
    exit 1
fi

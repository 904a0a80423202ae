#!/usr/bin/env bash
# Opens a generated memory and answers one lookup through the real binary, side by side:
# with a current index in `.songngu-cache/`, and with the index deleted (the memory is
# indexed from the TMX and the index saved again). Then a concordance search: the first
# (which builds the concordance index) and a later one. Prints wall time and peak resident
# memory of each, at 100,000 and 1,000,000 TUs (the latter needs about 900 MB of disk).
#
# Usage: scripts/bench-index.sh [--tus "100000 1000000"] [--baseline BIN] [--runs N]
#   --tus LIST      sizes to generate (default "100000 1000000")
#   --baseline BIN  another songngu executable (say, a build of main before the index) to
#                   time on the same memory, same query
#   --runs N        runs of each measurement; the best is shown (default 3)
# Needs GNU time (/usr/bin/time; Debian package `time`).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
sizes="100000 1000000"
baseline=
runs=3
while [ $# -gt 0 ]; do
    case "$1" in
        --tus) sizes=$2; shift 2 ;;
        --baseline) baseline=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$here"
cargo build --release --quiet
bin=$here/target/release/songngu
# The third TU of the generated memory with one word changed: a fuzzy match.
query="the said burs citizens bata brinmentng government in Tuesday gontion ministry coningng reached the donmentng citizens after schools colys the boristta serlys percent would bata borbles Minh highway and changed gorbles after rice Tuesday conist fertions."

# best_of CMD...: runs CMD `runs` times, prints "seconds peak_kb" of the fastest run.
best_of() {
    local best= best_kb= start end seconds kb
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        /usr/bin/time -f "%M" -o "$work/time" "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        seconds=$(awk "BEGIN{printf \"%.3f\", ($end - $start) / 1e9}")
        read -r kb < "$work/time"
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then
            best=$seconds; best_kb=$kb
        fi
    done
    echo "$best $best_kb"
}
row() { printf '| %s | %s | %s s | %s MB |\n' "$1" "$2" "$3" "$(( $4 / 1000 ))"; }

echo "| TUs | what | time | peak resident |"
echo "| --- | --- | --- | --- |"
for tus in $sizes; do
    file=$work/memory-$tus.tmx
    cargo bench --quiet --bench tmx -- --generate "$file" --tus "$tus" >/dev/null
    cache=$work/.songngu-cache
    lookup=(tm lookup "$file" "$query" --min 60 --limit 10 --format json)
    # The index deleted before every run: each run indexes the TMX and saves the index.
    read -r s kb < <(best_of bash -c "rm -rf '$cache'; '$bin' $(printf '%q ' "${lookup[@]}")")
    row "$tus" "open + one lookup, index deleted" "$s" "$kb"
    read -r s kb < <(best_of "$bin" "${lookup[@]}")
    row "$tus" "open + one lookup, current index" "$s" "$kb"
    if [ -n "$baseline" ]; then
        read -r s kb < <(best_of "$baseline" "${lookup[@]}")
        row "$tus" "open + one lookup, $(basename "$baseline") (baseline)" "$s" "$kb"
    fi
    concordance=(tm concordance "$file" "growth reached" --limit 20)
    read -r s kb < <(best_of bash -c "rm -f '$cache/memory-$tus.tmx.conc.idx'; '$bin' $(printf '%q ' "${concordance[@]}")")
    row "$tus" "concordance, its index deleted" "$s" "$kb"
    read -r s kb < <(best_of "$bin" "${concordance[@]}")
    row "$tus" "concordance, current index" "$s" "$kb"
    if [ -n "$baseline" ]; then
        read -r s kb < <(best_of "$baseline" "${concordance[@]}")
        row "$tus" "concordance, $(basename "$baseline") (baseline)" "$s" "$kb"
    fi
    echo "| $tus | index files | $(du -sh "$cache" | cut -f1) | |"
    rm -rf "$cache" "$file"
done

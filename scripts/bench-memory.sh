#!/usr/bin/env bash
# Loads a generated English → Vietnamese memory into the store, indexes it and answers
# lookups through the real binary, then prints the peak resident memory against the file
# size (the target is at most 0.75x) and the time per lookup.
#
# Usage: scripts/bench-memory.sh [--tus N] [--file PATH]
#   --tus N     TUs to generate (default 1000000, about 730 MB; needs that much disk)
#   --file PATH use an existing TMX file instead of generating one
# Needs GNU time (/usr/bin/time; Debian package `time`).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tus=1000000
file=
while [ $# -gt 0 ]; do
    case "$1" in
        --tus) tus=$2; shift 2 ;;
        --file) file=$2; shift 2 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$here"
cargo build --release --quiet
if [ -z "$file" ]; then
    file=$work/memory.tmx
    cargo bench --quiet --bench tmx -- --generate "$file" --tus "$tus"
fi
bin=$here/target/release/songngu
size=$(stat -c %s "$file")

# 10,000 queries: 5,000 sources of the memory with two words changed, 5,000 sentences
# not in it.
python3 - "$file" "$work/queries.txt" <<'PY'
import random, re, sys
random.seed(1)
sources = []
with open(sys.argv[1], encoding="utf-8") as tmx:
    for line in tmx:
        match = re.search(r'xml:lang="en[^"]*"', line)
        if match:
            seg = next(tmx, "")
            text = re.sub(r"<(bpt|ept|it|ph|ut)\b[^>]*>.*?</\1>|<[^>]+>", "", seg).strip()
            if text:
                sources.append(text)
        if len(sources) >= 50000:
            break
queries = []
for text in random.sample(sources, min(5000, len(sources))):
    words = text.split()
    for _ in range(2):
        words[random.randrange(len(words))] = "changed"
    queries.append(" ".join(words))
queries += ["An unrelated sentence number %d about weather and sports results." % i for i in range(5000)]
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(queries) + "\n")
PY

measure() {
    # Both runs index the TMX (the figures are about indexing and lookups): the index
    # cache beside the memory goes first; scripts/bench-index.sh measures the cache.
    rm -rf "$(dirname "$file")/.songngu-cache"
    /usr/bin/time -f "%e %M" "$bin" tm lookup "$file" "$@" --min 60 --limit 10 --format json 2>"$work/time" >/dev/null
    tail -1 "$work/time"
}
read -r load_seconds load_kb < <(measure "no such sentence")
read -r all_seconds all_kb < <(measure --queries "$work/queries.txt")
python3 - "$size" "$load_seconds" "$load_kb" "$all_seconds" "$all_kb" <<'PY'
import sys
size, load_s, load_kb, all_s, all_kb = int(sys.argv[1]), *map(float, sys.argv[2:])
print(f"file: {size / 1e6:.0f} MB")
print(f"load and index: {load_s:.1f} s, peak resident {load_kb / 1e3:.0f} MB = {load_kb * 1e3 / size:.2f}x the file")
print(f"10,000 lookups: {(all_s - load_s) * 1000 / 10000:.2f} ms per lookup, peak resident {all_kb / 1e3:.0f} MB = {all_kb * 1e3 / size:.2f}x the file")
PY

#!/usr/bin/env bash
# The whole `songngu segment` process (start, rules, read, segment, ids, print) on ~10 MB
# of generated news, beside the sentencex crate segmenting the same text in-process (after
# the file is read, so sentencex pays for none of the rest). Best of N runs each.
#
# Usage: scripts/bench-segment-process.sh [--runs N]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=5
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$here"
cargo build --release --quiet --bin songngu --example sentencex_segment
cargo bench --quiet --bench segment -- --generate "$work/news.txt"
python3 - "$work/news.txt" "$runs" <<'PY'
import os, subprocess, sys, time
path, runs = sys.argv[1], int(sys.argv[2])
size = os.path.getsize(path)
def whole_process():
    start = time.perf_counter()
    subprocess.run(["target/release/songngu", "--no-config", "segment", path],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start
def sentencex():
    out = subprocess.run(["target/release/examples/sentencex_segment", path],
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[-2])
songngu = min(whole_process() for _ in range(runs))
peer = min(sentencex() for _ in range(runs))
mb = size / 1e6
print(f"songngu segment, whole process: {songngu:.3f} s, {mb / songngu:.1f} MB/s")
print(f"sentencex, in-process:          {peer:.3f} s, {mb / peer:.1f} MB/s")
print(f"songngu / sentencex speed: {peer / songngu:.2f}x")
PY

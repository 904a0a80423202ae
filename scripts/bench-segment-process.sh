#!/usr/bin/env bash
# The whole `songngu segment` process (start, rules, read, segment, ids, print) on ~10 MB
# of generated news, beside the sentencex crate segmenting the same text in-process (after
# the file is read, so sentencex pays for none of the rest). Best of N runs each, the runs
# of each program interleaved so that a busy machine slows them alike; wall time, CPU time
# (user + system, every thread) and peak resident memory of each process.
#
# Usage: scripts/bench-segment-process.sh [--runs N] [--baseline BIN] [--text FILE]
#   --baseline BIN  another songngu executable (say, a build of main before a change) timed
#                   on the same text in the same run
#   --text FILE     segment this English text instead of the generated news (the generated
#                   news repeats its sentences; real prose, say Debian's vim manuals,
#                   shows whether the engine's remembered answers still pay)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=5
baseline=
text=
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --baseline) baseline=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
        --text) text=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$here"
cargo build --release --quiet --bin songngu --example sentencex_segment
if [ -z "$text" ]; then
    text=$work/news.txt
    cargo bench --quiet --bench segment -- --generate "$text"
fi
python3 - "$text" "$runs" "$baseline" <<'PY'
import os, subprocess, sys, time
path, runs, baseline = sys.argv[1], int(sys.argv[2]), sys.argv[3]
size = os.path.getsize(path)
mb = size / 1e6
def whole_process(binary, *options):
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen([binary, "--no-config", "segment", *options, path],
                                 stdout=null, stderr=null)
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{binary} failed: {status}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
def sentencex():
    out = subprocess.run(["target/release/examples/sentencex_segment", path],
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[-2])
programs = [("songngu segment, whole process", "target/release/songngu", ())]
programs.append(("  the same, --format json", "target/release/songngu", ("--format", "json")))
if baseline:
    programs.append((f"baseline {os.path.basename(baseline)}", baseline, ()))
times = {name: [] for name, _, _ in programs}
peer = []
for _ in range(runs):
    for name, binary, options in programs:
        times[name].append(whole_process(binary, *options))
    peer.append(sentencex())
peer = min(peer)
for name, _, _ in programs:
    wall = min(t[0] for t in times[name])
    cpu = min(t[1] for t in times[name])
    peak = max(t[2] for t in times[name])
    print(f"{name + ':':32} {wall:.3f} s, {mb / wall:.1f} MB/s "
          f"(CPU {cpu:.3f} s, peak {peak:.0f} MB; {peer / wall:.2f}x sentencex)")
print(f"{'sentencex, in-process:':32} {peer:.3f} s, {mb / peer:.1f} MB/s")
wall = min(t[0] for t in times[programs[0][0]])
print(f"songngu / sentencex speed: {peer / wall:.2f}x")
PY

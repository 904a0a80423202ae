#!/usr/bin/env python3
"""Precision of the checks on real translations: runs the checks over eval/real/pairs.tsv
(built by fetch.py) with examples/check_pairs.rs, joins every finding with its label in
eval/real/labels.tsv, and prints the precision overall and per kind.

Fails (exit 1) when a finding has no label: label it by hand (pair, kind, key, true/false,
reason) and run again. `--findings FILE` scores a findings file made earlier instead
(e.g. by an older commit's check_pairs).

Usage: python3 eval/real/score.py [--findings FILE]
"""
import argparse
import collections
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def findings(args):
    if args.findings:
        return pathlib.Path(args.findings).read_text(encoding="utf-8")
    pairs = HERE / "pairs.tsv"
    if not pairs.exists():
        subprocess.run([sys.executable, str(HERE / "fetch.py"), "--out", str(pairs),
                        "--cache", str(HERE / ".cache")], check=True, cwd=ROOT)
    return subprocess.run(["cargo", "run", "--quiet", "--example", "check_pairs", "--",
                           str(pairs)], check=True, cwd=ROOT, capture_output=True,
                          text=True).stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--findings")
    args = ap.parse_args()
    labels = {}
    for line in (HERE / "labels.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        pair, kind, key, label, _reason = line.split("\t")
        labels[(pair, kind, key)] = label == "true"
    per_kind = collections.defaultdict(lambda: [0, 0])
    unlabelled = []
    for line in findings(args).splitlines():
        pair, kind, _severity, key, _detail = line.split("\t")
        label = labels.get((pair, kind, key))
        if label is None:
            unlabelled.append(line)
            continue
        per_kind[kind][0] += 1
        per_kind[kind][1] += label
    if unlabelled:
        print(f"{len(unlabelled)} findings have no label in eval/real/labels.tsv:",
              file=sys.stderr)
        for line in unlabelled:
            print("  " + line, file=sys.stderr)
        sys.exit(1)
    total = [sum(v[0] for v in per_kind.values()), sum(v[1] for v in per_kind.values())]
    print("| kind | findings | true | precision |")
    print("| --- | ---: | ---: | ---: |")
    for kind, (n, t) in sorted(per_kind.items()) + [("**all**", total)]:
        print(f"| {kind} | {n} | {t} | {t / n:.2f} |" if n else f"| {kind} | 0 | 0 | - |")


if __name__ == "__main__":
    main()

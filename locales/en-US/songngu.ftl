### songngu: every message a person reads, in US English.
###
### locales/vi/songngu.ftl must define the same messages, with the same attributes and
### the same variables (a unit test in src/i18n.rs checks this).
### Conventions: error and warning messages are lower case, tokens in backticks.
### Numbers passed as variables are formatted for the locale (1,234.5); line and column
### numbers are passed as text so that `file:line:column` stays clickable.

## Command-line help. The CLI looks messages up by name:
## `<command>-about` for a command and `<command>-arg-<argument>` for an argument,
## with a `.value-name` attribute for arguments that take a value.

cli-about = Publish every article in English and Vietnamese and keep the two versions true to each other.
cli-usage-heading = Usage
cli-commands-heading = Commands
cli-arguments-heading = Arguments
cli-options-heading = Options
cli-options-placeholder = OPTIONS
cli-command-placeholder = COMMAND
cli-arg-help = Print help
cli-arg-version = Print version
cli-arg-ui-lang = Language of messages and help: `en` or `vi` (default: from `SONGNGU_LANG`, `LC_ALL`, `LC_MESSAGES` or `LANG`)
    .value-name = LANG
cli-arg-config = Read this project file instead of looking for `songngu.toml` in the current folder and above
    .value-name = FILE
cli-arg-no-config = Use no project file: only the defaults and the command line
cli-arg-source-lang = The articles' source language, a tag of English such as `en-GB` (default: the project's, else `en`)
    .value-name = LANG
cli-arg-target-lang = The translation language, a tag of Vietnamese such as `vi-VN` (default: the project's, else `vi`)
    .value-name = LANG
cli-arg-accepted = The file of accepted findings (default: the project's, else `accepted.toml`)
    .value-name = FILE
cli-arg-kinds = How a kind of finding is treated, over the project's setting: `KIND=off`, `info`, `warning` or `error` (repeat for more), e.g. `--kind length=off`
    .value-name = KIND=SETTING

segment-about = Split an article into sentence units
segment-arg-file = The article to read, plain text or Markdown; `-` reads standard input
    .value-name = FILE
segment-arg-lang = Language of the article: `en` or `vi` (default: `vi` when the file name contains `.vi.`, otherwise `en`)
    .value-name = LANG
segment-arg-format = Output format: `text` (one unit per line, a blank line between paragraphs) or `json` (JSON Lines, one object per unit) [default: `text`]
    .value-name = FORMAT
segment-arg-srx = Segment with the rules of this SRX 2.0 file instead of the built-in ones
    .value-name = FILE
segment-arg-paragraphs = How plain text is split into paragraphs: `lines` (every non-empty line) or `blank` (blocks separated by blank lines, for hard-wrapped text) [default: `lines`]
    .value-name = MODE

## Output of `segment`

# $units (number) and $paragraphs (number): what was found in the article.
segment-summary =
    { $units ->
        [one] { $units } unit
       *[other] { $units } units
    } in { $paragraphs ->
        [one] { $paragraphs } paragraph
       *[other] { $paragraphs } paragraphs
    }

## Prefixes of the lines written to standard error

cli-error = songngu: error: { $message }
cli-warning = songngu: warning: { $message }

## Reading input

# $path: the file; $reason: why, e.g. `io-permission-denied` or the system's message.
error-read = cannot read `{ $path }`: { $reason }
error-is-directory = `{ $path }` is a directory, not an article
error-stdin = cannot read standard input: { $reason }
error-write = cannot write to standard output: { $reason }
# $line and $column (text) start at 1; $offset (number) is a byte offset from 0.
error-invalid-utf8 = `{ $path }`:{ $line }:{ $column }: the text is not valid UTF-8 (byte { $offset }); save the file as UTF-8
error-invalid-utf16 = `{ $path }`: the text is not valid UTF-16 (byte { $offset })
error-binary = `{ $path }` looks like a binary file, not an article (NUL byte at { $offset })
io-not-found = no such file or directory
io-permission-denied = permission denied
io-is-directory = it is a directory

## SRX rule files (`segment --srx`)

srx-error-read = cannot read SRX file `{ $path }`: { $reason }
srx-error-malformed = `{ $path }`:{ $line }:{ $column }: not a usable SRX file: { $message }
srx-error-no-rules = `{ $path }` has no language rules for `{ $lang }`
# $rule: `LANGUAGERULENAME#N`; $message: the engine's reason, in English.
srx-problem = `{ $path }`:{ $line }:{ $column }: rule `{ $rule }` was left out: { $message }
srx-problems =
    { $count ->
        [one] { $count } rule of `{ $path }` could not be applied
       *[other] { $count } rules of `{ $path }` could not be applied
    }

## Command-line mistakes (what clap reports)

clap-unknown-argument = unexpected argument `{ $arg }`
clap-unknown-subcommand = unknown command `{ $name }`
clap-missing-subcommand = `{ $name }` needs a command
# $commands: the commands there are, comma-separated.
clap-available-commands = commands: { $commands }
# $args: the missing arguments, comma-separated.
clap-missing-argument =
    { $count ->
        [one] missing required argument: { $args }
       *[other] missing required arguments: { $args }
    }
clap-missing-value = `{ $arg }` needs a value
clap-invalid-value = invalid value `{ $value }` for `{ $arg }`
clap-unexpected-value = unexpected value `{ $value }` for `{ $arg }`
clap-argument-conflict = `{ $arg }` cannot be used with `{ $other }`
clap-argument-repeated = `{ $arg }` cannot be used more than once
clap-possible-values = possible values: { $values }
clap-tip-similar = tip: did you mean `{ $suggestion }`?
clap-tip-escape = tip: to pass `{ $arg }` as a value, use `-- { $arg }`
clap-try-help = For more information, try `{ $help }`.
# $detail: clap's own description, in English, for the rare cases not listed above.
clap-other = invalid command line: { $detail }

## The translation memory: `songngu tm ...`

tm-about = Work with the translation memory (TMX files)
tm-stats-about = Count the TUs, languages, props and problems of a TMX file
tm-stats-arg-tm = The TMX file; none given: each of the project's memory files
    .value-name = TM
tm-stats-arg-format = Output format: `text` or `json` (JSON Lines) [default: `text`]
    .value-name = FORMAT
tm-validate-about = Check a TMX file and list every problem (exit 1 when there are any)
tm-validate-arg-tm = The TMX file; none given: each of the project's memory files
    .value-name = TM
tm-validate-arg-format = Output format: `text` or `json` (JSON Lines) [default: `text`]
    .value-name = FORMAT
tm-convert-about = Read any TMX 1.1-1.4b file and write it as TMX 1.4b in UTF-8
tm-convert-arg-input = The TMX file to read
    .value-name = IN
tm-convert-arg-output = The TMX file to write; `-` writes standard output
    .value-name = OUT
tm-lookup-about = Find exact and fuzzy matches for a sentence
tm-lookup-arg-tm = The TMX file, then the sentence; alone (without `--queries`), the sentence, looked up in `--tm` or the project's memory
    .value-name = TM
tm-lookup-arg-text = The sentence to look up
    .value-name = TEXT
tm-lookup-arg-memories = A memory file to read (repeatable); none given: the project's memory
    .value-name = TM
tm-lookup-arg-queries = A file with one sentence to look up per line, all answered after loading the memory once
    .value-name = FILE
tm-lookup-arg-min = Lowest score to show, 0-100 [default: 75]
    .value-name = SCORE
tm-lookup-arg-limit = Most matches to show per sentence [default: 5]
    .value-name = N
tm-lookup-arg-format = Output format: `text` or `json` (JSON Lines, one line per sentence) [default: `text`]
    .value-name = FORMAT
tm-lookup-arg-source-lang = Language of the sources [default: `en`]
    .value-name = LANG
tm-lookup-arg-target-lang = Language of the translations [default: `vi`]
    .value-name = LANG
tm-concordance-about = Find a word or phrase in the memory's sources or translations
tm-concordance-arg-tm = The TMX file, then the phrase; alone, the phrase, found in `--tm` or the project's memory
    .value-name = TM
tm-concordance-arg-phrase = The word or phrase to find
    .value-name = PHRASE
tm-concordance-arg-memories = A memory file to read (repeatable); none given: the project's memory
    .value-name = TM
tm-concordance-arg-target = Search the translations instead of the sources
tm-concordance-arg-ignore-diacritics = Ignore diacritics (`Hung` finds `Hùng`)
tm-concordance-arg-case-sensitive = Tell upper and lower case apart
tm-concordance-arg-limit = Most TUs to show [default: 20]
    .value-name = N
tm-concordance-arg-format = Output format: `text` or `json` (JSON Lines) [default: `text`]
    .value-name = FORMAT
tm-concordance-arg-source-lang = Language of the sources [default: `en`]
    .value-name = LANG
tm-concordance-arg-target-lang = Language of the translations [default: `vi`]
    .value-name = LANG
tm-import-about = Merge a TMX file from another tool into the memory, with a report
tm-import-arg-file = The TMX file to import
    .value-name = FILE
tm-import-arg-into = The memory to merge into (created if missing); none given: the project's first memory file
    .value-name = TM
tm-import-arg-dry-run = Report what would happen and change nothing
tm-import-arg-duplicates = What to do with TUs already in the memory: `keep-newest` or `keep-all` [default: `keep-newest`]
    .value-name = POLICY
tm-import-arg-no-wait = Fail at once if another songngu process is writing the memory, instead of waiting
tm-import-arg-format = Output format: `text` or `json` [default: `text`]
    .value-name = FORMAT
tm-import-arg-source-lang = Language of the sources [default: `en`]
    .value-name = LANG
tm-import-arg-target-lang = Language of the translations [default: `vi`]
    .value-name = LANG
tm-export-about = Write the memory, or one document's TUs, as TMX 1.4b
tm-export-arg-tm = The memory; none given: the project's (when it has one memory file)
    .value-name = TM
tm-export-arg-output = The TMX file to write; `-` writes standard output
    .value-name = OUT
tm-export-arg-doc = Only the TUs of this document
    .value-name = ID
tm-export-arg-for-tool = Made for a CAT tool: `omegat` writes inline Markdown as the tags OmegaT makes of a work file's inline codes (`xliff export --for omegat`), for the OmegaT project's `tm/auto/`
    .value-name = TOOL

## Output of `tm`

# $tus, $tuvs, $notes, $problems (numbers); $version, $encoding (text).
tm-stats-summary = `{ $path }`: TMX { $version }, { $encoding }, { $tus ->
        [one] { $tus } TU
       *[other] { $tus } TUs
    }, { $tuvs ->
        [one] { $tuvs } variant
       *[other] { $tuvs } variants
    }, { $notes ->
        [one] { $notes } note
       *[other] { $notes } notes
    }, { $problems ->
        [0] no problems
        [one] { $problems } problem
       *[other] { $problems } problems
    }
# $languages: `tag (count), ...`
tm-stats-languages = languages: { $languages }
tm-stats-props = props: { $props }
tm-problem-error = `{ $path }`:{ $line }:{ $column }: error: { $message }
tm-problem-warning = `{ $path }`:{ $line }:{ $column }: warning: { $message }
# The problems of a TMX file, one message per problem code (`tmx-problem-` and the code);
# the English is the library's own message.
tmx-problem-tu-without-tuv = `<tu>` without any `<tuv>`; skipped
tmx-problem-tuv-without-lang = `<tuv>` without `xml:lang` (or `lang`); the TU is skipped
tmx-problem-tuv-without-seg = `<tuv>` without `<seg>`; the TU is skipped
tmx-problem-tuv-two-segs = `<tuv>` with more than one `<seg>`; the TU is skipped
tmx-problem-text-in-tu = text directly in `<{ $parent }>`; the TU is skipped
# $place: header (in the header) or tu
tmx-problem-element-in-meta = { $place ->
        [header] `<{ $element }>` inside a prop or note; the prop or note is skipped
       *[tu] `<{ $element }>` inside a prop or note; the TU is skipped
    }
tmx-problem-misplaced-element = `<{ $element }>` cannot be in `<{ $parent }>`; the TU is skipped
# $parent: header and seg keep the element, tu and tuv skip the TU
tmx-problem-unknown-element = { $parent ->
        [header] `<{ $element }>` in `<header>` is not TMX; kept as is
        [seg] `<{ $element }>` in `<seg>` is not TMX; kept as is
       *[other] unknown element `<{ $element }>` in `<{ $parent }>`; the TU is skipped so nothing is lost silently
    }
tmx-problem-unexpected-element = unexpected `<{ $element }>` in `<{ $parent }>`, skipped
tmx-problem-text-in-body = text in `<{ $parent }>` outside any `<tu>` is ignored
tmx-problem-text-in-header = text in `<header>` outside its children is ignored
tmx-problem-text-in-tmx = text in `<tmx>` outside `<header>` and `<body>` is ignored
# $evidence: bom, pattern or eight-bit (the bytes are 8-bit)
tmx-problem-encoding-mismatch = { $evidence ->
        [bom] the XML declaration says `{ $declared }` but the byte order mark says { $encoding }; read as { $encoding }
        [pattern] the XML declaration says `{ $declared }` but the byte pattern says { $encoding }; read as { $encoding }
       *[eight-bit] the XML declaration says `{ $declared }` but the bytes are 8-bit; read as { $encoding }
    }
tmx-problem-latin1-as-windows-1252 = `{ $declared }` is decoded as windows-1252 (bytes 0x80 to 0x9F become `€`, `‚`... rather than C1 controls)
tmx-problem-xml-version = XML version `{ $version }`; read with the rules of XML 1.0
tmx-problem-missing-version = `<tmx>` has no `version`
tmx-problem-unknown-version = unknown TMX version `{ $version }`; read as TMX 1.4
tmx-problem-missing-header = no `<header>` before `<body>`
# $root: empty (`<tmx/>`) or open
tmx-problem-missing-body = { $root ->
        [empty] `<tmx>` has neither `<header>` nor `<body>`: no TUs
       *[open] `<tmx>` has no `<body>`: no TUs
    }
# $attributes: `name`, `name`...
tmx-problem-body-attrs = attributes of `<body>` are not kept ({ $attributes }); its namespace declarations move to `<tmx>`
tmx-problem-missing-header-attr = `<header>` lacks required { $attributes }
tmx-problem-bad-segtype = `segtype="{ $value }"` is not block, paragraph, sentence or phrase
# $attribute: none for the language of a `<tuv>`
tmx-problem-bad-lang = { $attribute ->
        [none] `{ $value }` is not a language tag
       *[other] `{ $attribute }="{ $value }"` is not a language tag
    }
tmx-problem-conflicting-lang = `xml:lang="{ $xml_lang }"` and `lang="{ $lang }"` differ; `xml:lang` is used
tmx-problem-bad-date = `{ $attribute }="{ $value }"` is not a TMX date (`YYYYMMDDThhmmssZ`); kept as written
tmx-problem-bad-usagecount = `usagecount="{ $value }"` is not a number
tmx-problem-prop-without-type = `<prop>` without `type`; kept with its attributes
tmx-problem-missing-source-tuv = no `<tuv>` in the source language `{ $srclang }`
tmx-problem-misplaced-meta = `<prop>`/`<note>` after the content it belongs before; kept
tmx-problem-seg-attrs = attributes of `<seg>` are not kept ({ $attributes }); its namespace declarations move to `<tuv>`
tmx-problem-bad-i = `<{ $element }>` without a numeric `i`
tmx-problem-duplicate-i = two `<{ $element }>` with `i="{ $i }"`
tmx-problem-ept-without-bpt = `<ept i="{ $i }">` without a `<bpt>` before it
tmx-problem-unbalanced-bpt = `<bpt i="{ $i }">` without its `<ept>`
tmx-problem-it-without-pos = `<it>` without `pos="begin"` or `pos="end"`
tmx-problem-bad-x = `<{ $element }>` with a non-numeric `x`
tmx-problem-duplicate-x = two `<{ $element }>` with `x="{ $x }"`
tmx-problem-misplaced-sub = `<sub>` outside native code (`bpt`, `ept`, `it`, `ph`, `ut`)
tmx-problem-misplaced-inline = `<{ $element }>` directly inside native code
tm-converted = wrote `{ $path }` ({ $tus ->
        [one] { $tus } TU
       *[other] { $tus } TUs
    })
tm-exported = wrote `{ $path }` ({ $tus ->
        [one] { $tus } TU
       *[other] { $tus } TUs
    })
# $count (number): matches found for $query.
tm-lookup-query = { $query } — { $count ->
        [0] no match
        [one] { $count } match
       *[other] { $count } matches
    }
tm-concordance-found = “{ $phrase }”: { $count ->
        [0] not found
        [one] { $count } TU
       *[other] { $count } TUs
    }
tm-import-done = imported `{ $path }` into `{ $into }`: { $tus } read, { $added } added, { $duplicates ->
        [one] { $duplicates } copy of a TU
       *[other] { $duplicates } copies of TUs
    } already there ({ $replaced } newer, merged into them; { $kept } left out as not newer or bringing nothing), { $unpaired } without both languages, { $problems ->
        [one] { $problems } problem
       *[other] { $problems } problems
    }
tm-import-dry-run = dry run, nothing written: importing `{ $path }` into `{ $into }` would read { $tus }, add { $added }, find { $duplicates ->
        [one] { $duplicates } copy of a TU
       *[other] { $duplicates } copies of TUs
    } already there ({ $replaced } newer, to merge into them; { $kept } left out as not newer or bringing nothing), { $unpaired } without both languages, { $problems ->
        [one] { $problems } problem
       *[other] { $problems } problems
    }

## Translation memory errors

# $message: the reader's own reason, in English.
error-tmx = `{ $path }`:{ $line }:{ $column }: not usable TMX: { $message }
error-locked = `{ $path }` is being written by another songngu process ({ $holder }); try again when it is done
error-locked-unknown = `{ $path }` is being written by another songngu process; try again when it is done
error-changed-on-disk = `{ $path }` was changed by another program since it was read; nothing was written, run the command again
error-damaged-tus = `{ $path }` has { $count ->
        [one] a damaged TU (listed above): saving would lose it
       *[other] { $count } damaged TUs (listed above): saving would lose them
    }, so nothing was changed; repair the file first (see `songngu tm validate`)
error-unwritable = cannot write `{ $path }`: these TUs hold characters that XML cannot carry: { $tus }
error-no-query = nothing to look up: give a sentence or `--queries FILE`
error-no-phrase = nothing to find: give a word or phrase
# $how: how the command names a memory, as typed (`--tm TM`, `--into TM`, `songngu tm compact TM`...).
error-tm-no-memory-no-project = no translation memory to read: give one (`{ $how }`), or run in a project (`songngu init`) that lists its memory
error-tm-no-memory-listed = no translation memory to read: `{ $project }` lists none; give one with `{ $how }`, or add `memory = ["tmx/news.tmx"]` to the project file
error-tm-no-memory-yet = no translation memory to read: the project's { $count ->
        [one] memory `{ $paths }` does not exist yet
       *[other] memories ({ $paths }) do not exist yet
    } (the first translation writes it); give one with `{ $how }`
error-tm-no-memory-to-write-no-project = no translation memory to write into: give one (`{ $how }`), or run in a project (`songngu init`) that lists its memory
error-tm-no-memory-to-write-listed = no translation memory to write into: `{ $project }` lists none; give one with `{ $how }`, or add `memory = ["tmx/news.tmx"]` to the project file
# $how: how to name the one memory, as typed.
error-tm-several-memories-given = { $count } memory files given ({ $paths }): name the one to use with `{ $how }`
error-tm-several-memories = `{ $project }` lists { $count } memory files ({ $paths }): name the one to use with `{ $how }`

## Alignment: `songngu align`

align-about = Pair a Vietnamese article with its English, sentence by sentence
align-arg-en = The English article (plain text or Markdown)
    .value-name = EN
align-arg-vi = The Vietnamese article (plain text or Markdown)
    .value-name = VI
align-arg-segmented = The inputs are already split: one sentence per line, a blank line between paragraphs
align-arg-format = Output format: `text` (side by side), `tsv` (`EN_INDICES<TAB>VI_INDICES` per link) or `json` (JSON Lines with texts and confidence) [default: `text`]
    .value-name = FORMAT
align-arg-glossary = A bilingual glossary to help: `English<TAB>Vietnamese` per line
    .value-name = FILE
align-arg-into = Store the pairs as translation units in this memory (as the document `--doc`, else the project's for this article)
    .value-name = TM
align-arg-tm = A translation memory whose translations teach the aligner which words translate which (repeat for more) [default: the `--into` memory, else the project's]
    .value-name = TM
align-arg-doc = The id of the document the stored pairs belong to [default: the project's for this article]
    .value-name = ID
align-arg-user = Who stores the pairs [default: the project's translator, else `SONGNGU_USER` or the system user]
    .value-name = NAME
# $links, $low (numbers)
align-summary = { $links ->
        [one] { $links } link
       *[other] { $links } links
    }, { $low ->
        [0] none of low confidence
       *[other] { $low } of low confidence (marked `?`)
    }
align-not-same-article = most links are of low confidence: these may not be the same article
# $path: the file with no sentences (empty, or only blank lines).
align-no-sentences = `{ $path }` has no sentences: every sentence of the other side is left unmatched
# $en, $vi: the two files.
align-nothing-to-align = `{ $en }` and `{ $vi }` have no sentences: nothing to align
# $en, $vi: the files; $en_sentences, $vi_sentences, $en_chars, $vi_chars (numbers): their
# sizes; $expected (number): the characters a Vietnamese translation of the English has.
align-lengths-differ = the two sides differ in length far more than a translation does: `{ $en }` has { $en_sentences ->
        [one] { $en_sentences } sentence
       *[other] { $en_sentences } sentences
    } ({ $en_chars } characters), `{ $vi }` has { $vi_sentences ->
        [one] { $vi_sentences } sentence
       *[other] { $vi_sentences } sentences
    } ({ $vi_chars } characters, where a translation would have about { $expected })
# $path: the glossary; $line (number): from 1.
align-glossary-line = `{ $path }`:{ $line }: not a glossary entry: expected `English<TAB>Vietnamese`
# $added, $updated, $removed (numbers): TUs of the document; $omitted (number): English sentences stored as left out of the translation; $vi_only (number): Vietnamese sentences without English stored as additions.
align-stored = `{ $path }`: { $added ->
        [one] { $added } pair added
       *[other] { $added } pairs added
    }, { $updated } updated{ $removed ->
        [0] {""}
       *[other] , { $removed } removed
    }{ $omitted ->
        [0] {""}
        [one] , { $omitted } sentence recorded as left out of the translation
       *[other] , { $omitted } sentences recorded as left out of the translation
    }{ $vi_only ->
        [0] {""}
        [one] , { $vi_only } Vietnamese-only sentence recorded as the editor's addition
       *[other] , { $vi_only } Vietnamese-only sentences recorded as the editor's additions
    }

## ---------------------------------------------------------------------------------------
## Revision drift (src/drift/revision.rs): explanations of `stale`, `missing` and
## `orphaned` findings. The English bundle also renders the `message` of JSON output.
## ---------------------------------------------------------------------------------------

# $edit (text): what kind of edit, one of `typo`, `number`, `date`, `name`, `rewrite`.
drift-stale = the English changed since it was translated ({ $edit })
drift-missing = not translated yet
# $score (0-100, as text): the score of the best fuzzy match in the memory.
drift-missing-suggestion = not translated yet; the memory has a { $score }% match
drift-orphaned = this translation's English is no longer in the article
drift-omitted = the published translation leaves this English out on purpose
drift-needs-review = the aligner doubted this pair: read the translation and approve it with `songngu review`
drift-added-orphaned = the English this addition of the editor followed is no longer in the article: it is kept in the memory and not published

## ---------------------------------------------------------------------------------------
## songngu check (src/cli/check.rs) and the project file
## ---------------------------------------------------------------------------------------

check-about = Check where the Vietnamese has fallen out of step with the English
check-arg-en = The current English article (plain text or Markdown)
    .value-name = EN
check-arg-tm = A translation memory file (repeat for more) [default: the project's]
    .value-name = TM
check-arg-doc = The article's document id in the memory [default: the project's, else the memory's only one]
    .value-name = ID
check-arg-vi = Check this Vietnamese article against the English directly (aligned first); with a memory (`--tm` or the project's), also against its translations
    .value-name = VI
check-arg-format = Output format: `text` (a report by paragraph) or `json` (JSON Lines, one finding per line) [default: `text`]
    .value-name = FORMAT
check-arg-glossary = Glossary of names that are translated: `English<TAB>Vietnamese` per line
    .value-name = FILE
check-arg-fail-on = The lowest severity that fails the check: `info`, `warning` or `error` [default: the project's, else `error`]
    .value-name = SEVERITY
check-arg-accept = Mark the finding with this id as accepted, so it no longer fails the check (repeat for more)
    .value-name = ID
check-arg-reason = Why the accepted findings are fine
    .value-name = TEXT
check-arg-user = Who accepts [default: the project's translator, else `SONGNGU_USER` or the system user]
    .value-name = NAME

# $n: the paragraph's number, from 1.
check-paragraph = paragraph { $n }
check-outside-article = no longer in the article
# $by, $at: who accepted the finding and when.
check-accepted = accepted by { $by } at { $at }
# $by, $at as above; $reason: why the finding is fine, as the editor wrote it.
check-accepted-reason = accepted by { $by } at { $at }: { $reason }
# When a finding was accepted (UTC)
check-accepted-date = { $year }-{ $month }-{ $day }T{ $hour }:{ $minute }:{ $second }Z
check-label-old = old:
check-label-new = new:
check-label-en = en:
check-label-vi = vi:
# $score: 0-100.
check-label-suggestion = memory ({ $score }%):
# The line naming a finding's id, the one `check --accept ID` takes.
check-label-id = id
# A finding's head line: $severity, $kind (labels above) and $explanation.
check-finding-head = { $severity } { $kind } { $explanation }
# $units, $current, $stale, $missing, $orphaned, $extra, $failing, $accepted: numbers;
# $kinds: "kind count, kind count" already localized; $added (number): Vietnamese-only sentences of the editor the memory places in the article.
check-summary = { $units ->
        [one] { $units } unit
       *[other] { $units } units
    }: { $current } current, { $stale } stale, { $missing } missing; { $orphaned } orphaned, { $extra } extra; { $failing ->
        [0] the check passes
        [one] { $failing } finding fails the check
       *[other] { $failing } findings fail the check
    }{ $accepted ->
        [0] {""}
       *[other] {" "}({ $accepted } accepted)
    }{ $kinds ->
        [none] {""}
       *[other] {" "}— { $kinds }
    }{ $others ->
        [none] {""}
       *[other] ; not failing: { $others }
    }{ $added ->
        [0] {""}
        [one] ; the Vietnamese also has { $added } sentence of the editor's, published as it is
       *[other] ; the Vietnamese also has { $added } sentences of the editor's, published as they are
    }
drift-extra = this Vietnamese has no English counterpart
# $confidence: the link's confidence, `0.56`; $en, $vi: how many sentences each side joins.
drift-alignment = the pairing of these sentences is in doubt (confidence { $confidence }): a sentence may have been left out or added here, or the wrong sentences paired
drift-alignment-merge = these { $en } English and { $vi } Vietnamese sentences are joined in doubt (confidence { $confidence }): one of them may have been left out or added rather than merged

severity-error = error
severity-warning = warning
severity-info = info
kind-stale = stale
kind-missing = missing
kind-orphaned = orphaned
kind-extra = extra
kind-needs-review = needs review
kind-omitted = omitted
kind-number = number
kind-date = date
kind-time = time
kind-name = name
kind-url = url
kind-same-as-source = same as source
kind-normalization = normalization
kind-punctuation = punctuation
kind-inconsistent = inconsistent
kind-length = length
kind-tag = tag
kind-alignment = alignment

# $docs: the document ids in the memory, comma-separated.
# $doc: the id given; $docs: the document ids in the memory, comma-separated.
error-unknown-doc = the memory has no document `{ $doc }`, and the project lists no article with that id (the memory holds: { $docs })
error-which-doc = say which document this article is with `--doc ID` (the memory holds: { $docs })
error-check-needs-tm = nothing to check against: give `--tm TM` (or a project with a memory) or `--vi VI`
# $id: a finding id.
error-no-finding = there is no finding `{ $id }` in this report

## ---------------------------------------------------------------------------------------
## songngu init, update, translate (src/cli/init.rs, update.rs, translate.rs)
## ---------------------------------------------------------------------------------------

init-about = Write a project file `songngu.toml` in the current folder
init-arg-translator = The translator's id, recorded on the units they write [default: `SONGNGU_USER`, else the system user]
    .value-name = NAME
init-arg-tm = A translation memory file (repeat for more) [default: `tmx/memory.tmx`]
    .value-name = TM
init-arg-article = An article of the project as `DOC_ID=PATH` (repeat for more)
    .value-name = ID=PATH
init-arg-fail-on = The lowest severity that fails a check: `info`, `warning` or `error` [default: `error`]
    .value-name = SEVERITY
init-arg-glossary = The project's glossary of translated names: `English<TAB>Vietnamese` per line
    .value-name = FILE
init-arg-force = Replace an existing `songngu.toml`
# $path: the file written.
init-written = wrote `{ $path }`
error-init-exists = `{ $path }` exists already; use `--force` to replace it
# $value: what was given.
error-init-article = `{ $value }` is not `DOC_ID=PATH`
# $path, $reason
error-write-file = cannot write `{ $path }`: { $reason }

update-about = Bring the memory up to date with a revised English article and list what needs work
update-arg-en = The revised English article
    .value-name = EN
update-arg-doc = The article's document id [default: the project's, else the memory's only one]
    .value-name = ID
update-arg-tm = The memory file to update [default: the project's first]
    .value-name = TM
update-arg-user = Recorded only as the changer of pre-translated units (`--pretranslate`): moving a unit changes no one's translation
    .value-name = NAME
update-arg-pretranslate = Fill the units without translation from exact matches in the memory and repetitions in the article, stored as `needs-review` for a person to confirm (the default)
update-arg-no-pretranslate = Do not pre-translate: units without translation stay missing (the last of the two flags wins)
update-pretranslated-exact = pre-translated from { $from } (to review)
update-pretranslated-repetition = pre-translated, repeats { $from } (to review)
update-needs-missing-conflict = missing (the memory has different translations)
update-pretranslated-summary = { $pretranslated ->
    [0] No unit pre-translated: the memory holds no agreed translation of the English still missing
    [one] 1 unit pre-translated from the memory, stored as `needs-review` for a person to confirm
   *[other] { $pretranslated } units pre-translated from the memory, stored as `needs-review` for a person to confirm
  }
update-pretranslation-conflicts = { $conflicts ->
    [one] 1 unit left missing: the memory translates its English in different ways
   *[other] { $conflicts } units left missing: the memory translates their English in different ways
  }
update-arg-json = Print the counts as one JSON object
update-needs-stale = stale
update-needs-missing = missing
# $doc: the document id; $docs: the ids already in the memory, comma-separated.
update-new-doc = `{ $doc }` is a new document in this memory: nothing to carry over (the memory holds: { $docs })
# $path; $carried, $moved, $stale, $missing, $orphaned: numbers.
update-summary = `{ $path }`: { $carried } translations carried over ({ $moved } moved), { $stale } stale, { $missing } missing, { $orphaned } orphaned (kept)
# $retired: number, at least 1: old translations whose English left the article, retired now.
update-retired = { $retired ->
        [one] { $retired } old translation retired: kept in the memory and offered as a fuzzy match, no longer listed by `check` or `export` (`--show-obsolete` lists it)
       *[other] { $retired } old translations retired: kept in the memory and offered as fuzzy matches, no longer listed by `check` or `export` (`--show-obsolete` lists them)
    }
# Before the English of an old translation `update`, `translate` or `xliff import` retired now.
retired-unit = retired

translate-about = Store the Vietnamese of one unit of an article
translate-arg-en = The English article
    .value-name = EN
translate-arg-doc = The article's document id [default: the project's, else the memory's only one]
    .value-name = ID
translate-arg-unit = The unit's id
    .value-name = UNIT
translate-arg-vi = The Vietnamese text
    .value-name = TEXT
translate-arg-status = `translated` or `reviewed` [default: `translated`]
    .value-name = STATUS
translate-arg-tm = The memory file [default: the project's first]
    .value-name = TM
translate-arg-user = Who translates [default: the project's translator, else `SONGNGU_USER` or the system user]
    .value-name = NAME
translate-arg-expect-version = Store only if the memory still holds this version of the unit (the `version` of `check --format json`); otherwise nothing is written and the exit code is 2
    .value-name = VERSION
# $unit: a unit id.
translate-added = unit { $unit }: translation added
translate-replaced = unit { $unit }: translation replaced
translate-unchanged = unit { $unit }: already stored, nothing changed

review-about = Approve translations a person has read: their status becomes `reviewed`, the text stays
review-arg-en = The English article
    .value-name = EN
review-arg-doc = The article's document id [default: the project's, else the memory's only one]
    .value-name = ID
review-arg-unit = A unit to approve (repeat for more); see `songngu check`
    .value-name = UNIT
review-arg-all-needs-review = Approve every current translation marked `needs-review` (a doubtful alignment)
review-arg-tm = The memory file [default: the project's first]
    .value-name = TM
review-arg-user = Who approves [default: the project's translator, else `SONGNGU_USER` or the system user]
    .value-name = NAME
review-arg-force-readonly = Write the memory even if it is read-only (it stays read-only)
review-approved = unit { $unit }: approved
review-already = unit { $unit }: already reviewed, nothing changed
# $approved, $already: numbers.
review-summary = { $approved ->
        [one] { $approved } translation approved
       *[other] { $approved } translations approved
    }{ $already ->
        [0] {""}
       *[other] , { $already } already reviewed
    }
# $unit; $status: `stale`, `missing` or `omitted`.
error-not-reviewable = unit `{ $unit }` has no current translation to approve ({ $status ->
        [stale] its English changed since it was translated: translate it again first
        [omitted] the published translation leaves it out
       *[other] it is not translated yet
    })
error-no-unit = the article has no unit `{ $unit }` (see `songngu segment`)
error-empty-translation = the Vietnamese is empty
error-unit-changed = unit `{ $unit }` changed since version { $expected } was read: the memory now holds “{ $vi }” ({ $change }); nothing was written. Read the unit again (`songngu check --format json`) and redo the edit
error-unit-changed-by = changed { $at } by { $by }
error-unit-changed-at = changed { $at }
error-unit-changed-undated = no date recorded
error-unit-changed-gone = unit `{ $unit }` changed since version { $expected } was read: the memory holds no translation of it now; nothing was written
error-release-refused = the release is refused: { $failing ->
        [one] one finding fails
       *[other] { $failing } findings fail
    } the check; fix them, or accept them with a reason

## ---------------------------------------------------------------------------------------
## songngu xliff, songngu export (src/cli/xliff.rs, export.rs)
## ---------------------------------------------------------------------------------------

xliff-about = XLIFF files for CAT tools (OmegaT, Trados, memoQ)
xliff-export-about = Write the units of an article that need work as an XLIFF file
xliff-export-arg-en = The current English article
    .value-name = EN
xliff-export-arg-doc = The article's document id [default: the project's, else the memory's only one]
    .value-name = ID
xliff-export-arg-tm = A translation memory file (repeat for more) [default: the project's]
    .value-name = TM
xliff-export-arg-output = The XLIFF file to write; `-` writes standard output
    .value-name = PATH
xliff-export-arg-xliff-version = XLIFF version: `2.0` or `1.2` [default: `2.0`]
    .value-name = VERSION
xliff-export-arg-all = Every unit, also those that need no work
xliff-export-arg-no-context = No context notes (the sentences before and after each unit, and its heading)
xliff-export-arg-for-tool = Made for a CAT tool: `omegat` writes XLIFF 1.2 with every unit's target filled (its translation, else a copy of the English)
    .value-name = TOOL
xliff-export-arg-omegat-tm = With `--for omegat`: also write the memory here for the OmegaT project's `tm/auto/` folder (as `tm export --for omegat` writes it)
    .value-name = PATH
xliff-import-about = Store the translations of an XLIFF file in the memory
xliff-import-arg-file = The translated XLIFF file
    .value-name = FILE
xliff-import-arg-en = The current English article [default: the project's article of the file's document]
    .value-name = EN
xliff-import-arg-tm = The memory file to write [default: the project's first]
    .value-name = TM
xliff-import-arg-user = Who translated [default: the project's translator, else `SONGNGU_USER` or the system user]
    .value-name = NAME
# $path; $units: a number.
xliff-exported = `{ $path }`: { $units ->
        [one] { $units } unit
       *[other] { $units } units
    }{ $all ->
        [yes] {" "}to translate
       *[no] { $work ->
            [0] , none to translate
           *[other] , { $work } to translate
        }
    }
# The labels of a work file's context notes (in the translator's language).
xliff-context-previous = Previous
xliff-context-next = Next
xliff-context-heading = Heading
# $en: the English article; $path: the XLIFF file that was not written.
# $path: the TMX written for OmegaT; $tus: how many TUs it holds.
xliff-omegat-tm-written = `{ $path }`: the memory for OmegaT ({ $tus ->
        [one] { $tus } TU
       *[other] { $tus } TUs
    }), to put in the OmegaT project's `tm/auto/` folder
xliff-nothing-to-do = nothing in `{ $en }` needs work; `{ $path }` was not written
# $unit: a unit id.
xliff-refused-gone = unit { $unit }: not in the current English article any more; not imported
# $unit: a unit id; $missing: the Markdown of the source's inline codes (tags) the target lost, quoted, comma-separated; $unexpected: those the target has instead; $altered: "true" when there are such.
xliff-refused-codes = unit { $unit }: the translation lost or changed the tags of the English ({ $missing }{ $altered ->
        [true] ; found instead: { $unexpected }
       *[other] {""}
    }); put them back as in the source (the tags can be moved, not dropped or edited); not imported
# $unit: a unit id; $was: the English the unit was exported with; $now: the English at its place now.
xliff-refused-changed = unit { $unit }: the English changed since the file was exported: was “{ $was }”, now “{ $now }”; not imported
# $count (number); $units: unit ids, comma-separated.
xliff-not-translated = { $count ->
        [one] { $count } unit is
       *[other] { $count } units are
    } not translated (still as exported, state `initial`): { $units }
# $count (number); $units: unit ids, comma-separated.
xliff-stored-initial = stored although the file still marks { $count ->
        [one] it
       *[other] them
    } `initial` (the Vietnamese was edited): { $units }
# $path; $stored, $unchanged, $untranslated, $refused: numbers.
xliff-imported = `{ $path }`: { $stored } translations stored, { $unchanged } unchanged, { $untranslated } not translated, { $refused } refused
error-xliff-write = cannot write XLIFF: { $message }
error-align-spill = cannot keep the sentences to align in a temporary file: { $message }
# $doc: a document id.
error-xliff-which-article = which article is document `{ $doc }`? give `--en EN` or list it in `songngu.toml`

## issue 11, provenance and state: align --into, xliff import, tm export, document ids
## (src/cli/align.rs, xliff.rs, tm.rs, check.rs)

# $option: the option that took it (`--doc`).
error-empty-doc = `{ $option }` needs a document id; an empty or blank one is refused
# $en: the English article; $project: the project file, or nothing.
error-align-which-doc = which document are these pairs? give `--doc ID`, or list `{ $en }` as an `[[article]]` in { $project ->
        [none] a project file `songngu.toml`
       *[other] `{ $project }`
    }
# $file: the XLIFF file.
error-xliff-empty-doc = `{ $file }` names no document (its `original` is empty); nothing was imported
# $file: the XLIFF file; $doc: the document id it names; $docs: the memory's documents, comma-separated.
error-xliff-unknown-doc = `{ $file }` is for document `{ $doc }`, which neither the memory nor the project knows; nothing was imported (list the article in `songngu.toml` first if it is new; the memory holds: { $docs })
# $file: the XLIFF file; $found: its language tag; $expected: the project's.
error-xliff-source-lang = `{ $file }` is from `{ $found }`, but the project's English is `{ $expected }`; nothing was imported
# $file: the XLIFF file; $found: its language tag; $expected: the project's.
error-xliff-target-lang = `{ $file }` is into `{ $found }`, but the project's Vietnamese is `{ $expected }`; nothing was imported
# $unit: the file's unit id; $en: its English; $other: the id of the article's unit with that English.
xliff-refused-unknown-id = unit { $unit }: not in the current article (no unit has this id; its English “{ $en }” is unit { $other }); not imported
# $path: the memory; $doc: the document id asked for; $count: how many documents it has; $docs: some of them, comma-separated.
error-tm-export-unknown-doc = `{ $path }` has no document `{ $doc }`; nothing was written ({ $count ->
        [0] it has no documents
        [one] its document: { $docs }
       *[other] its { $count } documents: { $docs }
    })
# $count: how many more documents are not listed.
tm-export-more-docs = { $count } more

status-about = Show where each article stands: its units by state (current, stale, missing, needing review, reviewed), its orphans, the old translations retired, and the last change and who made it
status-arg-articles = English articles [default: every `[[article]]` of the project]
    .value-name = ARTICLE
status-arg-tm = A translation memory file (repeat for more) [default: the project's]
    .value-name = TM
status-arg-format = Output format: `text` or `json` (JSON Lines: one line per article, then the total) [default: `text`]
    .value-name = FORMAT
# $path: the English article; $doc: its document id; $counts: status-counts, then the last change.
status-article = `{ $path }` ({ $doc }): { $counts }
status-total = total of { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    }: { $counts }
# current = translated + review (needing review) + reviewed; retired: old translations retired (kept as fuzzy matches), orphaned: those not retired yet.
status-counts = { $units ->
        [one] { $units } unit
       *[other] { $units } units
    }: { $current } current ({ $translated } translated, { $review } needing review, { $reviewed } reviewed), { $stale } stale, { $missing } missing, { $omitted } left out on purpose; { $retired } retired, { $orphaned } orphaned
status-last-change = last change { $at } by { $by }
status-last-change-anonymous = last change { $at }
status-no-change = no dated change
status-date = { $year }-{ $month }-{ $day } { $hour }:{ $minute } UTC
error-no-articles = no articles: name one, or list them as `[[article]]` in the project file
export-about = Export the bilingual release of an article (refused while drift remains)
export-arg-en = The current English article
    .value-name = EN
export-arg-doc = The article's document id [default: the project's, else the memory's only one]
    .value-name = ID
export-arg-to = What to write: `vi`, `bilingual-html`, `bilingual-md`, `tmx`, `xliff` or `release` (all of them in a folder, with `manifest.json`)
    .value-name = FORMAT
export-arg-output = The file to write (a folder for `release`); `-` writes standard output
    .value-name = PATH
export-arg-allow-drift = Export even though the check finds drift; recorded in the manifest
export-arg-tm = A translation memory file (repeat for more) [default: the project's]
    .value-name = TM
export-arg-glossary = Glossary of names that are translated: `English<TAB>Vietnamese` per line
    .value-name = FILE
export-arg-fail-on = The lowest severity that stops the export: `info`, `warning` or `error` [default: the project's, else `error`]
    .value-name = SEVERITY
export-arg-xliff-version = XLIFF version of the `xliff` output: `2.0` or `1.2` [default: `2.0`]
    .value-name = VERSION
export-arg-user = Who exports [default: the project's translator, else `SONGNGU_USER` or the system user]
    .value-name = NAME
export-refused = the export is refused: findings above fail the check; fix them, accept them with `songngu check --accept`, or export with `--allow-drift`
# $path
export-written = wrote `{ $path }`
export-with-drift = exported with drift (`--allow-drift`): flagged units are marked and the manifest records it
# $message
error-export = cannot export: { $message }
export-wording-en = English
export-wording-vi = Vietnamese
export-wording-legend = Marks
export-wording-stale = the English changed since this was translated: the Vietnamese is out of date
export-wording-missing = not translated: the English stands in its place
export-wording-finding = a check found a difference between the English and the Vietnamese
export-wording-accepted = an editor accepted the finding

## Cross-language checks (`src/drift/checks`): why a Vietnamese unit disagrees with its English.
## Arguments are the texts as written; $en, $vi and $expected of `check-length-*` and the
## counts of `check-tag-emphasis` and `check-inconsistent-memory-*` are whole numbers.

check-number-missing = the number `{ $number }` is not in the Vietnamese
check-number-extra = the Vietnamese has the number `{ $number }`, which the English does not
check-number-differs = the number differs: `{ $en }` in the English, `{ $vi }` in the Vietnamese
# $currency: currency codes (`USD`), comma-separated.
check-number-currency-missing = the amount is in `{ $currency }` in the English, but the Vietnamese names no currency
# $en, $vi: currency codes, comma-separated.
check-number-currency-differs = the currency differs: `{ $en }` in the English, `{ $vi }` in the Vietnamese
check-date-missing = the date `{ $date }` is not in the Vietnamese
check-date-extra = the Vietnamese has the date `{ $date }`, which the English does not
check-date-differs = the date differs: `{ $en }` in the English, `{ $vi }` in the Vietnamese
check-time-missing = the time `{ $time }` is not in the Vietnamese
check-time-extra = the Vietnamese has the time `{ $time }`, which the English does not
check-time-differs = the time differs: `{ $en }` in the English, `{ $vi }` in the Vietnamese
check-name-missing = the name `{ $name }` is not in the Vietnamese
check-name-glossary = the glossary translates `{ $term }` as `{ $translation }`, which is not in the Vietnamese
check-name-world-missing = `{ $name }` is `{ $expected }` in Vietnamese, and the Vietnamese does not name it
check-name-world-differs = `{ $en }` is `{ $expected }` in Vietnamese, but the Vietnamese has `{ $vi }` ({ $meaning }) instead
check-name-world-extra = the Vietnamese names `{ $name }` ({ $meaning }), which the English does not
check-url-missing = the address `{ $url }` is not in the Vietnamese
check-url-extra = the Vietnamese has the address `{ $url }`, which the English does not
check-url-differs = the address differs: `{ $en }` in the English, `{ $vi }` in the Vietnamese
check-same-as-source = the Vietnamese is the English left untranslated
check-same-as-source-partial = { $share }% of the Vietnamese words are English words copied from the source: the unit looks partly untranslated
check-normalization-nfc = the Vietnamese is not in Unicode NFC (some diacritics are separate characters); normalize it to NFC
check-normalization-tone-mix = this unit places tone marks as in `{ $words }`, the rest of the article as in `{ $preferred }`
check-punctuation-question = the English asks a question but the Vietnamese has no `?`
check-punctuation-exclamation = the English has `!` but the Vietnamese does not
check-punctuation-unbalanced = the Vietnamese opens and closes `{ $marks }` unevenly
check-punctuation-double-space = the Vietnamese has two spaces in a row
check-punctuation-final-stop = the English sentence ends with a full stop and the Vietnamese ends without one
check-inconsistent-target = the same English is translated differently in unit `{ $unit }`: “{ $other }”
check-inconsistent-source = the same Vietnamese translates a different English in unit `{ $unit }`: “{ $other }”
check-inconsistent-memory-target = the memory translates this English differently (other translations: { $count }), for example: “{ $other }”
check-inconsistent-memory-source = the memory uses this Vietnamese for a different English (other sources: { $count }), for example: “{ $other }”
check-length-short = the Vietnamese is much shorter than the English suggests: { $vi } characters for { $en } (about { $expected } expected)
check-length-long = the Vietnamese is much longer than the English suggests: { $vi } characters for { $en } (about { $expected } expected)
check-tag-link-missing = the link to `{ $target }` is not in the Vietnamese
check-tag-link-extra = the Vietnamese links to `{ $target }`, which the English does not
check-tag-link-differs = the link target differs: `{ $en }` in the English, `{ $vi }` in the Vietnamese
check-tag-code-missing = the code `{ $code }` is not in the Vietnamese (code stays as written)
check-tag-code-extra = the Vietnamese has the code `{ $code }`, which the English does not
check-tag-emphasis = emphasis markers `{ $markup }`: { $en } in the English, { $vi } in the Vietnamese
check-tag-html-missing = the HTML tag `{ $tag }` is not in the Vietnamese
check-tag-html-extra = the Vietnamese has the HTML tag `{ $tag }`, which the English does not

## Size limits and damaged memories (issue 11: limits)

cli-arg-max-input-mb = The largest article, XLIFF file, glossary or queries file to read, in MiB (default: `SONGNGU_MAX_INPUT_MB`, else 64)
    .value-name = MB
# $value: what the variable holds; $max (number): the largest value allowed.
error-max-input-env = `SONGNGU_MAX_INPUT_MB` is `{ $value }`: expected a whole number of MiB from 1 to { $max }
# $limit: the limit as text (`64 MiB`); $what: one of the input-kind-* texts below.
error-too-large = `{ $path }` is larger than the limit of { $limit } for { $what }
error-too-large-raise = `{ $path }` is larger than the limit of { $limit } for { $what }; raise it with `--max-input-mb` or `SONGNGU_MAX_INPUT_MB`
error-too-large-stdin = standard input is larger than the limit of { $limit } for { $what }; raise it with `--max-input-mb` or `SONGNGU_MAX_INPUT_MB`
input-kind-article = an article
input-kind-xliff = an XLIFF file
input-kind-glossary = a glossary
input-kind-queries = a queries file
input-kind-srx = an SRX file
input-kind-project = a project file
input-kind-accepted = an accepted-findings file
# `export` and `xliff export` over a memory with damaged TUs.
error-damaged-output = `{ $path }` has { $count ->
        [one] a damaged TU (listed above): its unit
       *[other] { $count } damaged TUs (listed above): their units
    } would be missing from the output, so nothing was written; repair the file first (see `songngu tm validate`)

## Issue 11, outputs: what `-o` accepts and refuses, read-only files, symbolic links.
## $output: the file or folder asked for; $input: the file it would overwrite;
## $role: what that file is (article, memory, project, accepted, glossary, work-file, input).
error-output-is-input = refusing to write `{ $output }`: it is the same file as { $role ->
        [article] the article
        [memory] the translation memory
        [project] the project file
        [accepted] the accepted-findings file
        [glossary] the glossary
        [work-file] the XLIFF work file
       *[input] the input
    } `{ $input }`; nothing was written
error-output-holds-input = refusing to write the release into `{ $output }`: the folder holds { $role ->
        [article] the article
        [memory] the translation memory
        [project] the project file
        [accepted] the accepted-findings file
        [glossary] the glossary
        [work-file] the XLIFF work file
       *[input] the input
    } `{ $input }`, which replacing the folder would remove; nothing was written
# $path: the symbolic link; $target: where it points.
error-dangling-link = `{ $path }` is a symbolic link to `{ $target }`, which does not exist; nothing was written
error-read-only = `{ $path }` is read-only; nothing was written (give `--force-readonly` to replace it anyway)
error-not-writable = `{ $path }` is not a file songngu can write (a block device, a socket or a folder); nothing was written
error-omegat-tm-to-stdout = the OmegaT memory goes beside the work file and cannot go to standard output (`--omegat-tm -`); give a file
error-release-to-stdout = a release is a folder and cannot go to standard output (`-o -`); give a folder
tm-convert-arg-force-readonly = Replace the output even if it is read-only (it stays read-only)
tm-export-arg-force-readonly = Replace the output even if it is read-only (it stays read-only)
tm-import-arg-force-readonly = Write the memory even if it is read-only (it stays read-only)
align-arg-force-readonly = Write the memory of `--into` even if it is read-only (it stays read-only)
check-arg-force-readonly = Write the accepted-findings file (`--accept`) even if it is read-only (it stays read-only)
check-arg-show-obsolete = Also list the old translations retired because their English left the article or was translated anew (kept in the memory, offered as fuzzy matches)
export-arg-show-obsolete = Also list the old translations retired because their English left the article or was translated anew
update-arg-force-readonly = Write the memory even if it is read-only (it stays read-only)
translate-arg-force-readonly = Write the memory even if it is read-only (it stays read-only)
xliff-export-arg-force-readonly = Replace the output even if it is read-only (it stays read-only)
xliff-import-arg-force-readonly = Write the memory even if it is read-only (it stays read-only)
export-arg-force-readonly = Replace the output file even if it is read-only (it stays read-only)

## The journal of a memory (issue 12: writes proportional to the change)

tm-compact-about = Write a memory's journal of changes into its TMX file, so that the TMX alone is the whole memory
tm-compact-arg-tm = The memory; none given: each of the project's memory files
    .value-name = TM
tm-compact-arg-no-wait = Fail at once if another songngu process is writing the memory, instead of waiting
tm-compact-arg-force-readonly = Write the memory even if it is read-only (it stays read-only)
tm-docs-about = List the documents (articles) a memory holds, with their units counted
tm-docs-arg-tm = The memory; none given: each of the project's memory files
    .value-name = TM
tm-docs-arg-format = Output format: `text` or `json` (JSON Lines: one line per document, then the total) [default: `text`]
    .value-name = FORMAT
tm-docs-arg-source-lang = Language of the sources [default: `en`]
    .value-name = LANG
tm-docs-arg-target-lang = Language of the translations [default: `vi`]
    .value-name = LANG
# $units: TUs with English (old English kept after a revision included); $translated: of those, with Vietnamese; $added: Vietnamese without English.
tm-docs-doc = { $doc }: { $units ->
        [one] { $units } unit
       *[other] { $units } units
    }, { $translated } translated{ $added ->
        [0] {""}
       *[other] , { $added } added by an editor
    }
tm-docs-total = `{ $path }`: { $docs ->
        [one] { $docs } document
       *[other] { $docs } documents
    }, { $units ->
        [one] { $units } unit
       *[other] { $units } units
    }{ $without ->
        [0] {""}
        [one] ; { $without } TU of no document
       *[other] ; { $without } TUs of no document
    }
# $changes (number): changes the journal held.
tm-compacted = compacted `{ $path }`: { $changes ->
        [one] { $changes } change
       *[other] { $changes } changes
    } from `{ $journal }` written into it, the journal removed
tm-compact-nothing = `{ $path }` has no journal: the TMX is the whole memory, nothing to do
# $changes (number): changes in the journal, shown by `tm stats`.
tm-stats-journal = journal `{ $journal }`: { $changes ->
        [one] { $changes } change
       *[other] { $changes } changes
    } not yet in the TMX, included above (`songngu tm compact` writes them in)
error-journal-mismatch = `{ $journal }` holds changes to another version of `{ $path }`: the TMX was changed by another program (or `git`) since; nothing was read or written. Put back the version of `{ $path }` the journal extends and run `songngu tm compact`, or move the journal away to use the TMX as it is
# $reason: the reader's own reason, in English.
error-journal-damaged = `{ $journal }` is not a journal songngu can read ({ $reason }); nothing was read or written

## ---------------------------------------------------------------------------------------
## Library errors, one message per variant (src/cli/errors/). The English reproduces the
## library's own `Display`. $detail is always text from a parser (TOML, XML) or a reader
## that has no typed reason, in English; $reason of an I/O error is the system's.
## ---------------------------------------------------------------------------------------

# The project file (songngu.toml). $message: the TOML parser's own text, in English.
error-config-syntax = { $path }:{ $line }:{ $column }: { $message }
error-config-invalid-utf8 = { $path }:{ $line }:{ $column }: invalid UTF-8 at byte { $offset }; save the file as UTF-8
# $role: `source` or `target`; $expected: `en` or `vi`.
error-config-language = { $path }: `{ $value }` is not a language tag songngu supports as { $role } (expected { $expected })
# $expected: one of the `config-expected-*` messages.
error-config-option = `{ $option } { $value }`: expected { $expected }
config-expected-english-tag = a language tag of English (en, en-US, en-GB...)
config-expected-vietnamese-tag = a language tag of Vietnamese (vi, vi-VN)
config-expected-kind-setting = KIND=off|info|warning|error, KIND being a finding kind such as `length`
error-config-empty-doc = { $path }:{ $line }:{ $column }: an `[[article]]` needs a document id; `doc` is empty or blank
error-config-unknown-kind = { $path }: unknown check kind `{ $kind }` in [check.kinds]
error-config-unknown-setting = { $path }: `{ $value }` for `{ $key }` is not one of off, info, warning, error
# The accepted-findings file. $message: the TOML parser's own text, in English.
error-accepted-syntax = { $path }:{ $line }:{ $column }: { $message }

# What is wrong in a TOML file (`songngu.toml`, the accepted-findings file): the
# $message of error-config-syntax and error-accepted-syntax.
toml-problem-unclosed-array = unclosed array, expected `]`
toml-problem-unclosed-table = unclosed table header, expected `]`
toml-problem-unclosed-array-table = unclosed array-of-tables header, expected `]]`
toml-problem-unclosed-inline-table = unclosed inline table, expected `{"}"}`
toml-problem-invalid-string = invalid string: the closing quote is missing, or the string holds a control character
toml-problem-key-without-value = key with no value, expected `=`
toml-problem-missing-value = missing value after `=`
toml-problem-unquoted-string = string values must be quoted
toml-problem-invalid-key = invalid key: a key without quotes can only have ASCII letters, digits, `-` and `_`
toml-problem-duplicate-key = duplicate key: this key or table is already defined above
toml-problem-missing-comma = missing comma between array elements
toml-problem-extra-comma-in-array = extra comma in array
toml-problem-extra-comma-in-inline-table = extra comma in inline table
toml-problem-invalid-escape = invalid escape in a string (after `\`); write `\\` for a backslash
toml-problem-leading-zero = a number cannot start with a zero
toml-problem-trailing-content = unexpected content after the value; a key-value pair ends the line
# $allowed: the keys allowed there, `a`, `b`; $count (number): how many.
toml-problem-unknown-key = unknown key `{ $key }`{ $count ->
        [0] {""}
       *[other] ; the keys allowed here: { $allowed }
    }
toml-problem-missing-key = missing key `{ $key }`
# $found and $expected: string, integer, float, boolean, datetime, array or table.
toml-problem-wrong-type = wrong type: expected a { $expected }, found a { $found }
# $detail: the TOML parser's own words, in English, for a problem songngu does not name.
toml-problem-other = { $detail }

# Saving a file (src/memory/persist.rs).
error-access = cannot access `{ $path }`: { $reason }
# $detail: what the read-back of the written file found, in English.
error-verify-failed = the new content of `{ $path }` failed its check and was not saved: { $detail }

# The memory (src/memory/store.rs).
error-memory-unknown-file = `{ $path }` is not one of the memory's files
error-memory-unknown-entry = no TU number { $id } in the memory
error-memory-preview = the memory was opened for a dry run and cannot be saved

# What makes a journal unreadable ($reason of `error-journal-damaged`).
journal-damage-not-a-journal = it does not start as a journal
journal-damage-short-header = a short header
journal-damage-no-header = no header
journal-damage-bad-key = a bad key
journal-damage-short-record = a short record
journal-damage-unknown-record = an unknown record
journal-damage-missing-tu = a change to a TU that is not there
journal-damage-changed-twice = a change to a TU changed before

# Why a TMX file cannot be read ($message of `error-tmx`).
tmx-error-io = cannot read the file: { $reason }
tmx-error-empty = the file is empty
tmx-error-only-bom = the file holds only a byte order mark
tmx-error-utf32 = the file is UTF-32 encoded, which TMX readers do not support; convert it to UTF-8
tmx-error-gzip = the file is gzip-compressed; decompress it first
tmx-error-zip = the file is a zip archive, not a TMX document
tmx-error-unsupported-encoding = unsupported encoding `{ $encoding }`
tmx-error-invalid-utf8 = invalid UTF-8 at byte { $byte }; if the file is in a legacy encoding, declare it (for example `<?xml version="1.0" encoding="windows-1252"?>`)
tmx-error-invalid-data = invalid { $encoding } data at byte { $byte }
tmx-error-truncated-data = the file ends in the middle of a { $encoding } character
# $detail: the XML parser's own text, in English.
tmx-error-syntax = { $detail }
tmx-error-misplaced-declaration = the XML declaration is only allowed at the very start of the file
tmx-error-bad-declaration = malformed XML declaration: { $detail }
tmx-error-no-root = no root element
tmx-error-not-tmx = not a TMX document: the root element is `<{ $root }>`
tmx-error-text-before-root = text before the root element
tmx-error-after-root = content after the end of the root element: { $detail }
tmx-error-misplaced-doctype = a second `<!DOCTYPE>`, or one after the root element
tmx-error-doctype-case = `<!DOCTYPE>` must be written in upper case
tmx-error-entity-declaration = entity declarations are not supported (found `<!ENTITY`)
tmx-error-parameter-entity = parameter entity references are not supported (found `{ $reference }`)
tmx-error-undefined-entity = undefined entity `&{ $name };` (only `&lt;`, `&gt;`, `&amp;`, `&apos;`, `&quot;` exist)
tmx-error-invalid-char-ref = invalid character reference `&{ $reference };`
tmx-error-forbidden-char = character { $char } is not allowed in XML 1.0
tmx-error-forbidden-char-ref = character reference `&{ $reference };` stands for { $char }, which XML 1.0 does not allow
tmx-error-cdata-end-in-text = `]]>` is not allowed in text
tmx-error-lt-in-attribute = `<` is not allowed in an attribute value
tmx-error-duplicate-attribute = duplicate attribute `{ $name }`
tmx-error-attribute-syntax = malformed attribute: { $detail }
tmx-error-invalid-name = invalid element or attribute name `{ $name }`
# $elements: the names of the elements left open.
tmx-error-unclosed-at-eof = unexpected end of file: { $elements } not closed
# $limit: the limit's name (max_attr_len, max_attrs, max_file_bytes, max_element_bytes);
# $what: the reader's description of it, in English (the Vietnamese words each known
# limit itself and shows $what only for a limit it does not know).
tmx-error-limit = limit `{ $limit }` ({ $max }) exceeded: { $what }
tmx-error-not-a-tu = expected one `<tu>` element: { $detail }
tmx-error-damaged-tu = damaged `<tu>`: { $detail }

# Why a TMX output cannot be written (src/tmx/error.rs `WriteError`).
tmx-write-io = cannot write the TMX output: { $reason }
# $reason: one of the `tmx-invalid-*` messages.
tmx-write-tu = cannot write tu #{ $number }: { $reason }
tmx-write-tu-with-id = cannot write tu #{ $number } (tuid `{ $tuid }`): { $reason }
tmx-write-header = cannot write the header: { $reason }
tmx-write-root = cannot write the `<tmx>` element: { $reason }
tmx-invalid-forbidden-char = character { $char } in { $place } is not allowed in XML 1.0
tmx-invalid-bad-name = invalid name `{ $name }`
tmx-invalid-duplicate-attribute = duplicate attribute `{ $name }` on `<{ $element }>`
tmx-invalid-version-attribute = attribute `version` belongs in the version argument, not in the root attributes
tmx-invalid-bad-doctype = the DOCTYPE `{ $doctype }` cannot be written as given
tmx-invalid-bad-version = the version `{ $version }` cannot be written as given
tmx-invalid-too-deep = markup nested deeper than { $depth } levels
tmx-invalid-no-tuv = `<tu>` without any `<tuv>`
tmx-invalid-no-lang = `<tuv>` without `xml:lang` or `lang`

# Why an XLIFF file cannot be read: `error-xliff-at` frames one of the `xliff-error-*`.
error-xliff-at = `{ $path }`:{ $line }:{ $column }: { $message }
xliff-error-encoding = invalid { $encoding } at byte { $byte }; XLIFF files must be UTF-8 (or UTF-16 with a byte order mark)
# $detail: the XML parser's own text, in English.
xliff-error-malformed = malformed XML: { $detail }
xliff-error-not-xliff = not an XLIFF document: the root element is `{ $root }`
xliff-error-unsupported-version = unsupported XLIFF version `{ $version }`
xliff-error-no-version = unsupported XLIFF version (no `version` attribute)
xliff-error-version-mismatch = `version="{ $version }"` does not match the namespace `{ $namespace }`
xliff-error-missing-attribute = `<{ $element }>` without `{ $attribute }`
xliff-error-duplicate-unit-id = duplicate unit id `{ $id }` (first used on line { $first-line })
xliff-error-unit-outside-file = `<{ $element }>` outside a `<file>`
xliff-error-no-file = no `<file>` element
xliff-error-bad-code-point = `<cp hex="{ $hex }"/>` is not a valid code point

# Why an XLIFF document cannot be written; $reason: one of the `xliff-invalid-*`.
xliff-write-doc = cannot write the XLIFF { $version } document: { $reason }
xliff-write-unit = cannot write unit #{ $number } (`{ $id }`) as XLIFF { $version }: { $reason }
# $field: one of the `xliff-field-*` messages.
xliff-invalid-forbidden-char = character { $char } in { $field } cannot be written in XML 1.0
xliff-field-document-id = the document id
xliff-field-unit-name = the unit name
xliff-field-english = the English text
xliff-field-vietnamese = the Vietnamese text
xliff-field-old-english = the old English text
xliff-field-note = a note
xliff-invalid-bad-id = the id `{ $id }` is not an XML NMTOKEN
xliff-invalid-duplicate-id = the unit id is used by unit #{ $number }
xliff-invalid-bad-lang = `{ $field }` is not a language tag: `{ $value }`
xliff-invalid-score-out-of-range = match score { $score } is above 100
xliff-invalid-score-without-target = a match score without a Vietnamese suggestion
xliff-invalid-state-without-target = state `{ $state }` without a Vietnamese text
xliff-invalid-empty-target = an empty Vietnamese text (use `None` for no translation)
xliff-invalid-no-units = XLIFF 2.0 requires at least one unit

# Why a release cannot be exported ($message of `error-export`).
export-error-invalid-unit = unit #{ $number } (`{ $unit }`) does not belong to `{ $path }`: { $problem }
export-unit-no-such-block = its block is not in the document
export-unit-outside-its-block = its range is not inside its block
export-unit-out-of-order = it is out of document order or overlaps the unit before
export-unit-text-differs = its text is not the document's text at its range
export-error-drift = `{ $doc }` has drift ({ $stale } stale, { $missing } missing, { $findings } open findings); release it with drift allowed or fix it first
# $format: the output format's name (html, markdown...).
export-error-write = cannot write the { $format } output: { $reason }
# $detail: the JSON writer's own text, in English.
export-error-manifest = cannot write the manifest: { $detail }
export-error-bad-file-name = `{ $name }` cannot be the name of a release file
export-error-duplicate-file = two release files are named `{ $name }`
export-error-not-a-release = `{ $path }` exists and is not a release folder; nothing was written

## `tm merge`: a three-way merge of memory files, the git merge driver (issue 14)

tm-merge-about = Merge two versions of a memory changed from a common one, TU by TU (the git merge driver of a memory); exit 1 on conflicts
tm-merge-arg-base = The common version (`%O` of a git merge driver)
    .value-name = BASE
tm-merge-arg-ours = Our version (`%A`)
    .value-name = OURS
tm-merge-arg-theirs = Their version (`%B`)
    .value-name = THEIRS
tm-merge-arg-output = The merged memory; may be OURS (`-o %A` for git); `-` writes standard output
    .value-name = OUT
tm-merge-arg-force-readonly = Replace the output even if it is read-only (it stays read-only)
tm-merge-arg-no-wait = Fail at once if another songngu process is writing the output memory, instead of waiting
tm-merge-arg-format = Output format: `text` (on standard error) or `json` (JSON Lines on standard output: one line per conflict, then the summary) [default: `text`]
    .value-name = FORMAT
error-tm-merge-json-stdout = `--format json` writes to standard output, so the merged memory cannot go there too: give `-o` a file
# $tus, $kept, $ours, $theirs, $added, $deleted, $conflicts (numbers).
tm-merged = merged into `{ $path }`: { $tus ->
        [one] { $tus } TU
       *[other] { $tus } TUs
    } ({ $kept } unchanged or changed alike, { $ours } from ours, { $theirs } from theirs, { $added } added, { $deleted } deleted)
tm-merged-conflicts = merged into `{ $path }` with { $conflicts ->
        [one] { $conflicts } conflict
       *[other] { $conflicts } conflicts
    }: for each, keep the right version in the file and remove its prop `x-songngu-conflict` ({ $tus ->
        [one] { $tus } TU
       *[other] { $tus } TUs
    }: { $kept } unchanged or changed alike, { $ours } from ours, { $theirs } from theirs, { $added } added, { $deleted } deleted)
tm-merge-tu-unit = unit `{ $unit }` of `{ $doc }`
tm-merge-tu-tuid = TU `{ $tuid }`
tm-merge-tu-source = the TU of “{ $source }”
# $tu: one of tm-merge-tu-*.
tm-merge-conflict-both = conflict: { $tu } was changed differently on both sides; both versions are kept, ours marked `x-songngu-conflict=ours`, theirs `x-songngu-conflict=theirs`
tm-merge-conflict-deleted-by-ours = conflict: { $tu } was deleted on our side and changed on theirs; their version is kept, marked `x-songngu-conflict=deleted-by-ours`
tm-merge-conflict-deleted-by-theirs = conflict: { $tu } was deleted on their side and changed on ours; our version is kept, marked `x-songngu-conflict=deleted-by-theirs`
error-tm-merge-journal = `{ $path }` has a journal of changes, `{ $journal }`: run `songngu tm compact` on it first; nothing was written

## serve
serve-about = Serve the review page of the project in this folder: every article side by side with its Vietnamese, its drift and findings, and the forms to fix, approve, accept and release. The first line printed is the address to open, with its access token
serve-arg-port = The port to listen on; 0 picks a free one [default: 0]
    .value-name = N
serve-arg-bind = The address to listen on; anything but this machine (127.0.0.1, ::1) lets others on the network reach the page with the token [default: 127.0.0.1]
    .value-name = ADDR
serve-arg-open = Open the page in the browser
# $addr: the address given with --bind.
serve-warning-exposed = listening on { $addr }, not only on this machine: anyone who can reach it and has the address printed above can change the memory
# $program: xdg-open or open; $reason: why it failed.
serve-warning-open = cannot open the browser with `{ $program }` ({ $reason }): open the address above yourself
error-serve-no-project = no project file (`songngu.toml`) here: `serve` shows the articles a project lists; run `songngu init`, then list them as `[[article]]`
# $addr: address and port; $reason: why.
error-serve-bind = cannot listen on { $addr }: { $reason }
# $reason: why.
error-serve-io = the review server stopped: { $reason }

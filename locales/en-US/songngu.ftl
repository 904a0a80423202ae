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

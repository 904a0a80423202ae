# The review page (`songngu serve`). Every id starts with `serve-`.

serve-language = Language
serve-language-en-us = English
serve-language-vi = Tiếng Việt
serve-language-switch = Switch

## Refusals: short pages for a request that is not let in.
serve-refused-title = Not allowed
serve-refused-host = This page answers only under the address songngu printed (the Host header names another server).
serve-refused-token = The access token is wrong. Open the address that `songngu serve` printed.
serve-refused-no-token = Open the address that `songngu serve` printed: it holds the access token.
serve-refused-origin = This request comes from another site and was refused.
serve-refused-csrf = This form is stale or comes from elsewhere: reload the page and try again.
serve-not-found = There is nothing here. Articles are listed on the overview.

## Errors of an action, shown on the article.
serve-error-empty = The translation is empty: nothing was saved.
# $unit: the unit's id.
serve-error-no-unit = The article has no unit { $unit }.
# $unit: the unit's id; $state: its state (serve-state-*).
serve-error-not-reviewable = Unit { $unit } is { $state }: there is no current translation to approve.
serve-error-no-finding = That finding is no longer in the check: the page was out of date. Here is the article as it is now.
# $path: the memory file; $count: how many TUs are damaged.
serve-error-damaged = `{ $path }` has { $count ->
    [one] a damaged TU
   *[other] { $count } damaged TUs
}: repair it (`songngu tm validate`) before working on this article.
serve-error-no-reason = Say why the finding is fine: the reason is recorded with it.

## The states of a unit (as `check --format json` names them) and of its translation.
serve-state-current = current
serve-state-stale = stale
serve-state-missing = missing
serve-state-omitted = omitted
serve-review-translated = translated
serve-review-reviewed = reviewed
serve-review-needs-review = needs review

## Overview.
serve-overview-title = Articles
serve-col-article = Article
serve-col-units = Units
serve-col-current = Current
serve-col-stale = Stale
serve-col-missing = Missing
serve-col-needs-review = Needs review
serve-col-reviewed = Reviewed
serve-col-errors = Errors
serve-col-warnings = Warnings
serve-col-infos = Notes
serve-col-release = Release
serve-gate-refused = refused: findings remain
serve-gate-ready = ready to release

## Article.
serve-filter-todo = Only what needs work
serve-filter-all = All units
serve-keys = Keys: j or n for the next unit that needs work, k or p for the previous one.
serve-old-en = Before:
serve-new-en = Now:
serve-no-translation = not translated
# $score: 0-100.
serve-suggestion = From the memory ({ $score }%):
serve-use-suggestion = Use this
serve-vietnamese = Vietnamese
serve-save = Save
serve-approve = Approve
serve-reason = Why this is fine
serve-accept = Accept
# $by: who; $at: when (ISO 8601).
serve-accepted-by = accepted by { $by } at { $at }
serve-orphans = No longer in the article
serve-release = Release this article
serve-release-files = The release, in the project's `release` folder:

## What an action did.
# $unit: the unit's id.
serve-saved = Saved the Vietnamese of { $unit }; the checks below ran again.
# $unit: the unit's id.
serve-approved = Approved { $unit }.
serve-accepted = Finding accepted; the reason is recorded.
serve-released = Released: the files are listed below.
# $unit: the unit's id.
serve-conflict = Not saved: the Vietnamese of { $unit } changed since this page was loaded. Compare, then save again.
serve-conflict-theirs = In the memory now:
serve-conflict-yours = Yours:
serve-conflict-approve = Not approved: the Vietnamese of { $unit } changed since this page was loaded. Read it again, then approve.
serve-release-refused = Release refused: { $failing ->
        [one] one finding fails
       *[other] { $failing } findings fail
    } the check. Fix or accept these first:
# $unit: the unit's id; $state: its state (serve-state-*).
serve-refused-unit = { $unit }: { $state }
# $unit: the unit's id; $count: its open findings.
serve-refused-findings = { $unit }: { $count ->
    [one] a finding
   *[other] { $count } findings
}

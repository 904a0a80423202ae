"""The overview of the bundled example after its English revision: the article with the
counts `songngu status` gives, and its release refused."""

import json

from harness import DOC, must


def test_overview_lists_the_article_with_its_counts_and_the_release_refused(page, server, project):
    page.goto(server.url)
    # The token is exchanged for a cookie and dropped from the address.
    assert page.url == server.base + "/"
    line = page.locator(f'tr[data-doc="{DOC}"]')
    assert line.count() == 1
    # The same counts as `songngu status --format json` (JSON Lines: the article, the total).
    counts = json.loads(must(project, "status", "--format", "json").stdout.splitlines()[0])
    assert counts["doc"] == DOC
    for state in ("current", "stale", "missing", "needs_review", "reviewed"):
        assert line.locator(f'[data-count="{state}"]').inner_text() == str(counts[state]), state
    assert line.locator("td").nth(1).inner_text() == str(counts["units"])
    # The bundled example's revision: 3 stale, 2 missing, 1 needing review.
    assert [line.locator(f'[data-count="{s}"]').inner_text() for s in ("stale", "missing", "needs_review")] == [
        "3",
        "2",
        "1",
    ]
    # Five errors (the drift) and one warning (the doubtful alignment) hold it back.
    assert line.locator('[data-count="error"]').inner_text() == "5"
    assert line.locator('[data-count="warning"]').inner_text() == "1"
    gate = line.locator("[data-gate]")
    assert gate.get_attribute("data-gate") == "refused"
    assert "refused" in gate.inner_text()
    assert line.get_by_role("link", name=DOC).get_attribute("href") == f"/a/{DOC}"

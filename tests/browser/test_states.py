"""The article page's rows against `songngu check --format json` on the same project: the
same unit ids in the same states."""

import json
from collections import Counter

from harness import ARTICLE, check_records, must, open_article


def test_rows_by_state_are_the_units_check_reports(page, server, project):
    open_article(page, server)
    rows = page.locator("[data-unit]")
    shown = {}
    for i in range(rows.count()):
        r = rows.nth(i)
        unit = r.get_attribute("data-unit")
        assert unit not in shown, f"{unit} has two rows"
        shown[unit] = r.get_attribute("data-state")

    code, records = check_records(project)
    assert code == 1
    # `check` reports a unit that is not current by its state; every other unit of the
    # article (what `segment` lists) is current.
    units = [json.loads(l)["id"] for l in must(project, "segment", ARTICLE, "--format", "json").stdout.splitlines()]
    expected = {unit: "current" for unit in units}
    for record in records:
        if record["kind"] in ("stale", "missing", "omitted"):
            expected[record["unit"]] = record["kind"]
    assert shown == expected
    assert Counter(shown.values()) == Counter({"current": 17, "stale": 3, "missing": 2})

    # The counts above the article say the same.
    for state, count in Counter(shown.values()).items():
        assert page.locator(f'[data-count="{state}"]').inner_text().endswith(f": {count}")
    # Every finding `check` reports on a unit is shown on that unit's row, and the
    # orphaned one (no row: its English left the article) in the list of what was removed.
    for record in records:
        finding = page.locator(f'[data-finding="{record["id"]}"]')
        assert finding.count() == 1, record
        assert finding.get_attribute("data-kind") == record["kind"]
        if record["kind"] == "orphaned":
            assert finding.locator("xpath=ancestor::*[@data-orphans]").count() == 1
        else:
            assert finding.locator(f'xpath=ancestor::*[@data-unit="{record["unit"]}"]').count() == 1
    # A stale row shows the old and the new English, the changed words marked.
    stale = [r for r in records if r["kind"] == "stale"]
    for record in stale:
        r = page.locator(f'[data-unit="{record["unit"]}"]')
        deleted = [p["text"] for p in record["diff"] if p["op"] == "delete"]
        inserted = [p["text"] for p in record["diff"] if p["op"] == "insert"]
        assert [t.strip() for t in r.locator("del").all_inner_texts()] == [t.strip() for t in deleted]
        assert [t.strip() for t in r.locator("ins").all_inner_texts()] == [t.strip() for t in inserted]

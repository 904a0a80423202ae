"""Article and memory text is shown as text: an English article and a stored translation
that carry markup and attribute breakouts do not run in the page."""

import json

import pytest

from harness import Server, must, row

SCRIPT = "<script>window.pwned=1</script>"
BREAKOUT = '" onmouseover="window.pwned=1'
EN = f"Alert {SCRIPT} in the headline\n\nThe mayor said {BREAKOUT} and left. Officials met on Monday.\n"
VI = f'Thị trưởng nói {BREAKOUT} <img src=x onerror="window.pwned=1"> rồi đi.'


@pytest.fixture
def hostile(tmp_path):
    (tmp_path / "hostile.en.txt").write_text(EN, encoding="utf-8")
    must(tmp_path, "init", "--article", "hostile=hostile.en.txt", "--tm", "memory.tmx")
    units = must(tmp_path, "segment", "hostile.en.txt").stdout
    assert SCRIPT in units
    # A translation with markup of its own, stored as the command line stores any.
    segmented = must(tmp_path, "segment", "hostile.en.txt", "--format", "json").stdout
    unit = next(u["id"] for u in map(json.loads, segmented.splitlines()) if BREAKOUT in u["text"])
    must(tmp_path, "translate", "hostile.en.txt", "--unit", unit, "--vi", VI)
    server = Server(tmp_path)
    yield server, unit
    server.stop()


def test_markup_in_the_article_and_the_memory_stays_text(page, hostile):
    server, unit = hostile
    for path in ("/", "/a/hostile?todo=1", "/a/hostile"):
        if path == "/":
            page.goto(server.url)
        else:
            page.goto(server.base + path)
        # Point at every text, as a reader would.
        for element in page.locator("main p, main td, main textarea").all():
            if element.is_visible():
                element.hover()
        assert page.evaluate("typeof window.pwned") == "undefined", path
        assert page.evaluate("document.scripts.length") == 1
        assert page.locator("main img, main script, main [onmouseover], main [onerror]").count() == 0

    # The text is there, as text.
    body = page.locator("main").inner_text()
    assert SCRIPT in body
    assert BREAKOUT in body
    assert row(page, unit).locator(".vi p").first.inner_text() == VI
    assert row(page, unit).get_by_label("Vietnamese").input_value() == VI

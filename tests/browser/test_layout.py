"""The page at phone width (390 px) and at desktop width: screenshots saved as artefacts
(target/browser-artifacts/), and nothing wider than a phone's screen."""

import pytest

from harness import DOC, artifact, open_article

PAGES = {"overview": "/", "article": f"/a/{DOC}", "todo": f"/a/{DOC}?todo=1"}


@pytest.mark.parametrize("width, height, name", [(390, 844, "phone"), (1280, 900, "desktop")])
def test_screenshots_and_no_horizontal_overflow(browser, server, width, height, name):
    context = browser.new_context(locale="en-US", viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        open_article(page, server)
        for label, path in PAGES.items():
            page.goto(server.base + path)
            page.screenshot(path=artifact(f"{label}-{name}.png"), full_page=True)
            overflow = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert overflow[0] <= width, f"{path} at {width} px is {overflow[0]} px wide"
            if width == 390 and label != "overview":
                # Side by side becomes one column: the Vietnamese under the English.
                unit = page.locator("[data-unit]").first
                en, vi = unit.locator(".en").bounding_box(), unit.locator(".vi").bounding_box()
                assert vi["y"] >= en["y"] + en["height"] - 1
        # The picture in the README: what needs work, at desktop width, its first screen.
        if name == "desktop":
            page.goto(server.base + PAGES["todo"])
            page.screenshot(path=artifact("review-page.png"))
    finally:
        context.close()


def test_print_shows_the_article_without_its_controls(page, server):
    open_article(page, server)
    page.emulate_media(media="print")
    rows = page.locator("[data-unit]")
    assert rows.count() > 0 and rows.first.is_visible()
    # Forms and buttons are for the screen: a printed review is the text and its findings.
    assert page.locator("form:visible, button:visible").count() == 0
    # The English and Vietnamese of a unit are both printed.
    assert rows.first.locator(".en").is_visible() and rows.first.locator(".vi").is_visible()
    page.pdf(path=artifact("article-print.pdf"))

"""The interface in Vietnamese: from the browser's Accept-Language, and by the switch."""

from harness import DOC, messages, open_article, submit

VI = messages("vi")
EN = messages("en-US")


def test_a_vietnamese_browser_gets_the_vietnamese_interface(browser, server):
    context = browser.new_context(locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(server.url)
        assert page.locator("html").get_attribute("lang") == "vi"
        assert VI["serve-overview-title"] in page.title()
        heads = page.locator("table.overview th").all_inner_texts()
        assert heads[0] == VI["serve-col-article"]
        assert VI["serve-col-stale"] in heads and VI["serve-col-release"] in heads
        assert page.locator("[data-gate]").inner_text() == VI["serve-gate-refused"]

        with page.expect_navigation():
            page.get_by_role("link", name=DOC).click()
        assert page.locator("html").get_attribute("lang") == "vi"
        assert page.get_by_role("button", name=VI["serve-release"]).count() == 1
        assert page.get_by_role("button", name=VI["serve-save"]).count() > 0
        assert page.get_by_label(VI["serve-vietnamese"]).count() > 0
        assert page.get_by_role("link", name=VI["serve-filter-todo"]).count() == 1
        stale = page.locator('[data-state="stale"]').first
        assert stale.locator(".en .state").inner_text().lower() == VI["serve-state-stale"].lower()
        # None of the English interface's words.
        body = page.locator("body").inner_text()
        for id in ("serve-save", "serve-release", "serve-filter-todo", "serve-keys"):
            assert EN[id] not in body, id
    finally:
        context.close()


def test_the_switch_changes_the_language_and_stays_on_the_page(page, server):
    open_article(page, server)
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_label(EN["serve-language"]).select_option("vi")
    submit(page, page.get_by_role("button", name=EN["serve-language-switch"]))
    assert page.url.endswith(f"/a/{DOC}")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("button", name=VI["serve-release"]).count() == 1
    # It is remembered: the overview is Vietnamese too.
    page.goto(page.url.split("/a/")[0] + "/")
    assert VI["serve-overview-title"] in page.title()
    # And back.
    page.get_by_label(VI["serve-language"]).select_option("en-US")
    submit(page, page.get_by_role("button", name=VI["serve-language-switch"]))
    assert page.locator("html").get_attribute("lang") == "en"
    assert EN["serve-overview-title"] in page.title()

"""The keyboard alone: j/n and k/p move between the units that need work, and from such a
unit Tab reaches its editor and its Save button, so that a unit is fixed without a mouse."""

from harness import open_article

FOCUSED_UNIT = "document.activeElement.closest('[data-unit]')?.dataset.unit ?? null"


def test_keys_move_to_the_next_unit_that_needs_work_and_reach_its_form(page, server):
    open_article(page, server)
    todo = page.locator('[data-todo="true"]')
    units = [todo.nth(i).get_attribute("data-unit") for i in range(todo.count())]
    # The five changes and the doubtful pair, in the article's order.
    assert len(units) == 6
    all_units = page.locator("[data-unit]")
    order = [all_units.nth(i).get_attribute("data-unit") for i in range(all_units.count())]
    assert units == [u for u in order if u in units]

    assert page.evaluate(FOCUSED_UNIT) is None
    page.keyboard.press("j")
    assert page.evaluate(FOCUSED_UNIT) == units[0]
    page.keyboard.press("n")
    assert page.evaluate(FOCUSED_UNIT) == units[1]
    page.keyboard.press("j")
    assert page.evaluate(FOCUSED_UNIT) == units[2]
    page.keyboard.press("k")
    assert page.evaluate(FOCUSED_UNIT) == units[1]
    page.keyboard.press("p")
    assert page.evaluate(FOCUSED_UNIT) == units[0]
    # The unit that has focus is in view.
    assert page.locator(f'[data-unit="{units[0]}"]').evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }"
    )
    # Past the last one, focus stays on the last.
    for _ in units:
        page.keyboard.press("j")
    assert page.evaluate(FOCUSED_UNIT) == units[-1]

    # From the first unit, Tab reaches its editor within the unit; the keys do not act
    # while typing; Tab then Enter saves.
    page.keyboard.press("Home")
    for _ in units:
        page.keyboard.press("k")
    assert page.evaluate(FOCUSED_UNIT) == units[0]
    for _ in range(10):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED_UNIT) == units[0]
        if page.evaluate("document.activeElement.tagName") == "TEXTAREA":
            break
    assert page.evaluate("document.activeElement.name") == "vi"
    page.keyboard.press("Control+A")
    text = (
        "Ngày 27/11/2019, tại Hà Nội, Bộ Thông tin và Truyền thông tổ chức hội thảo "
        "“Ứng xử có trách nhiệm của quốc gia trên không gian mạng”. j"
    )
    page.keyboard.insert_text(text[:-1])
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.value") == text
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Save"
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    assert navigation.value.status == 200
    assert page.locator(f'[data-unit="{units[0]}"]').get_attribute("data-state") == "current"
    # The page opens again at the unit just saved, in view, not at the top.
    assert page.evaluate(FOCUSED_UNIT) == units[0]
    assert page.locator(f'[data-unit="{units[0]}"]').evaluate(
        "e => { const r = e.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }"
    )
    # One less to do, and j goes to what is left.
    page.keyboard.press("j")
    assert page.evaluate(FOCUSED_UNIT) == units[1]


def test_the_filter_shows_only_what_needs_work(page, server):
    open_article(page, server)
    with page.expect_navigation():
        page.get_by_role("link", name="Only what needs work").click()
    assert page.url.endswith("?todo=1")
    rows = page.locator("[data-unit]")
    assert rows.count() == 6
    assert page.locator('[data-todo="false"]').count() == 0

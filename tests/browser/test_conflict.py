"""Two people on one unit: the page was loaded, then another translator stored the unit
with the command line; the page's save is refused with both versions shown, and the
memory keeps the command line's text."""

from harness import ARTICLE, MEMORY, must, open_article, row, submit

UNIT = "u574db1605d"  # stale: "one thousand" became "1,200"
THEIRS = (
    "Đặc biệt, sự kiện được tổ chức trong khuôn khổ Ngày An toàn thông tin Việt Nam - "
    "sự kiện thu hút hơn 1.200 khách mời, tạo sức lan tỏa rộng rãi tại Việt Nam và trong khu vực."
)
YOURS = (
    "Đáng chú ý, sự kiện diễn ra trong khuôn khổ Ngày An toàn thông tin Việt Nam, "
    "thu hút hơn 1.200 khách mời và tạo sức lan tỏa rộng rãi trong nước và khu vực."
)


def test_a_save_over_a_change_made_meanwhile_is_refused_with_both_versions(page, server, project):
    open_article(page, server)
    r = row(page, UNIT)
    assert r.get_attribute("data-state") == "stale"
    r.get_by_label("Vietnamese").fill(YOURS)

    # Meanwhile, another translator, at the command line.
    must(project, "translate", ARTICLE, "--unit", UNIT, "--vi", THEIRS)
    memory_before = (project / MEMORY).read_bytes()

    response = submit(page, r.get_by_role("button", name="Save"))
    assert response.status == 409
    conflict = page.locator(f'[data-conflict="{UNIT}"]')
    assert conflict.count() == 1
    assert conflict.get_attribute("role") == "alert"
    text = conflict.inner_text()
    assert THEIRS in text and YOURS in text
    assert page.locator('.notice[role="status"]').count() == 0

    # Nothing written: the memory holds the command line's text, and the page shows it.
    assert (project / MEMORY).read_bytes() == memory_before
    memory = memory_before.decode("utf-8")
    assert THEIRS in memory and YOURS not in memory
    r = row(page, UNIT)
    assert r.get_attribute("data-state") == "current"
    assert r.locator(".vi p").first.inner_text() == THEIRS

    # Saving again from the page as it is now (the editor chose their version) goes through.
    r.get_by_label("Vietnamese").fill(YOURS)
    assert submit(page, r.get_by_role("button", name="Save")).status == 200
    assert YOURS in (project / MEMORY).read_text(encoding="utf-8")

"""The editor's whole job in the browser, no terminal: the bundled example goes from
"refused" to "released". Every stale and missing unit is translated again through the
page, the doubtful alignment approved, the remaining finding accepted with a reason; the
page then says the check passes (and `songngu check` agrees), and the release made from
the page is downloaded."""

from harness import DOC, check_records, open_article, row, run, submit

# Faithful Vietnamese for the revision's five changes: the numbers, names and dates of the
# English kept, so that the cross-language checks pass.
FIXES = {
    # stale: the partner left the sentence (it became a sentence of its own, below).
    "u8f224bbdd2": "Ngày 27/11/2019, tại Hà Nội, Bộ Thông tin và Truyền thông tổ chức hội thảo "
    "“Ứng xử có trách nhiệm của quốc gia trên không gian mạng”.",
    # missing: the new sentence.
    "u96a2041c0b": "Hội thảo được tổ chức với sự phối hợp của Viện Chính sách Chiến lược Úc "
    "(Australian Strategic Policy Institute).",
    # stale: reworded.
    "uc9a010337c": "Do đó, cần nghiên cứu và thảo luận thêm để các quy tắc này có thể được đưa vào thực tiễn.",
    # missing: the new sentence.
    "uf4f35b82c8": "Ông cũng đề xuất tổ chức hội thảo hằng năm để các quốc gia thành viên có thể "
    "rà soát tiến độ áp dụng các bộ quy tắc ứng xử.",
    # stale: "one thousand" became "1,200".
    "u574db1605d": "Đặc biệt, sự kiện được tổ chức trong khuôn khổ Ngày An toàn thông tin Việt Nam - "
    "sự kiện thu hút hơn 1.200 khách mời, tạo sức lan tỏa rộng rãi tại Việt Nam và trong khu vực.",
}
REASON = "Bản tiếng Anh đã bỏ câu này; bản tiếng Việt bỏ theo."


def test_an_editor_takes_the_example_from_refused_to_released(page, server, project):
    open_article(page, server)
    gate = page.locator("main [data-gate]")
    assert gate.get_attribute("data-gate") == "refused"

    # Releasing now is refused, and the page says which units hold it back.
    response = submit(page, page.get_by_role("button", name="Release this article"))
    assert response.status == 409
    refused = page.locator('[data-release="refused"]')
    assert refused.count() == 1
    for unit in FIXES:
        assert unit in refused.inner_text()
    assert page.locator('[data-release="files"]').count() == 0

    # The sentence the revision removed: the editor accepts its removal, with a reason.
    removed = page.locator("[data-orphans] .finding")
    assert removed.count() == 1
    fingerprint = removed.get_attribute("data-finding")
    removed.get_by_label("Why this is fine").fill(REASON)
    assert submit(page, removed.get_by_role("button", name="Accept")).status == 200
    assert "accepted" in page.locator('.notice[role="status"]').inner_text()
    accepted = page.locator(f'[data-finding="{fingerprint}"] [data-accepted]')
    assert REASON in accepted.inner_text()
    assert "lan" in accepted.inner_text()
    assert REASON in (project / "accepted.toml").read_text(encoding="utf-8")

    # The page's own list of what needs work is the five changes and the doubtful pair.
    todo = page.locator('[data-todo="true"]')
    todo_units = {todo.nth(i).get_attribute("data-unit") for i in range(todo.count())}
    assert set(FIXES) <= todo_units
    assert len(todo_units - set(FIXES)) == 1

    for unit, vi in FIXES.items():
        r = row(page, unit)
        assert r.get_attribute("data-state") in ("stale", "missing")
        r.get_by_label("Vietnamese").fill(vi)
        response = submit(page, r.get_by_role("button", name="Save"))
        assert response.status == 200
        # Feedback at once: the notice, and the unit current with the new text.
        assert f"Saved the Vietnamese of {unit}" in page.locator('.notice[role="status"]').inner_text()
        r = row(page, unit)
        assert r.get_attribute("data-state") == "current"
        assert r.get_attribute("data-todo") == "false", r.inner_text()
        assert r.locator(".vi p").first.inner_text() == vi

    # The doubtful alignment: read, and approved.
    doubtful = page.locator('[data-todo="true"]:has([data-review="needs-review"])')
    assert doubtful.count() == 1
    unit = doubtful.get_attribute("data-unit")
    submit(page, doubtful.get_by_role("button", name="Approve"))
    assert f"Approved {unit}" in page.locator('.notice[role="status"]').inner_text()
    assert row(page, unit).locator("[data-review]").get_attribute("data-review") == "reviewed"

    # Faithful translations leave no finding open.
    assert page.locator("[data-unit] .finding:not(:has([data-accepted]))").count() == 0

    # The page says the check passes, the overview too, and so does the command line.
    assert page.locator("main [data-gate]").get_attribute("data-gate") == "ready"
    assert page.locator('[data-todo="true"]').count() == 0
    code, records = check_records(project)
    assert code == 0, records

    # The release, from the page, and one of its files downloaded.
    response = submit(page, page.get_by_role("button", name="Release this article"))
    assert response.status == 200
    assert page.locator('.notice[role="status"]').count() == 1
    files = page.locator('[data-release="files"] a')
    names = files.all_inner_texts()
    vi_file = next(n for n in names if n.endswith(".vi.txt") or n.endswith(".vi.md"))
    with page.expect_download() as download:
        page.get_by_role("link", name=vi_file, exact=True).click()
    text = open(download.value.path(), encoding="utf-8").read()
    for vi in FIXES.values():
        assert vi in text
    assert download.value.suggested_filename == vi_file
    # What was downloaded is the release written in the project.
    assert (project / "release" / DOC / vi_file).read_text(encoding="utf-8") == text

    page.goto(server.base + "/")
    assert page.locator(f'tr[data-doc="{DOC}"] [data-gate]').get_attribute("data-gate") == "ready"
    assert run(project, "check", "seed.v2.en.txt").returncode == 0

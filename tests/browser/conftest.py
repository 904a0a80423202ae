"""Fixtures of the browser tests: one Chromium for the run (the distribution's, never a
downloaded one), a fresh page per test, and per test its own copy of the bundled example
with `songngu serve` running in it, stopped by Ctrl-C at the end."""

import os

import pytest
from playwright.sync_api import sync_playwright

from harness import Server, example_project

CHROMIUM = os.environ.get("SONGNGU_CHROMIUM", "/usr/bin/chromium")
# No sandbox (CI runs as root), and nothing that reaches the network on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """An English-speaking browser at desktop width."""
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # The page's own script and style must pass its Content-Security-Policy.
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and errors.append(message.text),
    )
    yield page
    assert not errors, f"the page's script failed or was blocked: {errors}"


@pytest.fixture
def project(tmp_path):
    return example_project(tmp_path)


@pytest.fixture
def server(project):
    server = Server(project)
    yield server
    server.stop()

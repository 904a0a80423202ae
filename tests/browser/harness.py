"""What the browser tests share: the songngu binary run in a project folder with a clean
environment (as the Rust tests run it), the bundled example as a project, a running
`songngu serve`, and the few page actions every test repeats."""

import json
import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("SONGNGU_BIN", ROOT / "target" / "debug" / "songngu"))
ARTIFACTS = Path(os.environ.get("SONGNGU_BROWSER_ARTIFACTS", ROOT / "target" / "browser-artifacts"))
DOC = "seed-2019-11-28"
ARTICLE = "seed.v2.en.txt"
MEMORY = "seed.tmx"


def env(lang="en-US"):
    """A clean environment: the interface language pinned, the same user every time."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "SONGNGU_LANG": lang, "SONGNGU_USER": "lan"}


def run(folder, *args):
    """Runs songngu in `folder` (English interface): the finished process, output as text."""
    return subprocess.run(
        [str(BIN), *args], cwd=folder, env=env(), capture_output=True, text=True, check=False
    )


def must(folder, *args):
    done = run(folder, *args)
    assert done.returncode == 0, f"songngu {' '.join(args)}: {done.returncode}\n{done.stdout}{done.stderr}"
    return done


def example_project(folder):
    """The bundled example after its English revision, as `scripts/demo.sh` shows it: the
    memory translated from `examples/seed.en.txt`, the revised English as the project's
    article (3 stale, 2 missing, 1 orphaned, 1 needing review)."""
    shutil.copy(ROOT / "tmx" / MEMORY, folder / MEMORY)
    shutil.copy(ROOT / "examples" / ARTICLE, folder / ARTICLE)
    must(folder, "init", "--article", f"{DOC}={ARTICLE}", "--tm", MEMORY)
    return folder


def check_records(folder, article=ARTICLE):
    """`songngu check --format json` in `folder`: its exit code and its records."""
    done = run(folder, "check", article, "--format", "json")
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


class Server:
    """`songngu serve --port 0` in a project folder, with the interface language pinned."""

    def __init__(self, folder, lang="en-US"):
        self.folder = folder
        self.process = subprocess.Popen(
            [str(BIN), "serve", "--port", "0"],
            cwd=folder,
            env=env(lang),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # The first line is the address with the access token.
        self.url = self.process.stdout.readline().strip()
        match = re.fullmatch(r"(http://127\.0\.0\.1:\d+)/\?token=[0-9a-f]+", self.url)
        if not match:
            self.process.kill()
            _, err = self.process.communicate()
            raise AssertionError(f"serve printed {self.url!r} first\n{err}")
        self.base = match.group(1)

    def stop(self):
        """Ctrl-C: the server must stop by itself, cleanly (exit 0, nothing on stderr
        about a failure)."""
        self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate()
        assert self.process.returncode == 0, f"serve exited {self.process.returncode}\n{out}{err}"
        assert "panicked" not in err, err
        return out, err


def submit(page, button):
    """Clicks a form's button and waits for the page the server answers with: its
    response (the status says whether the action was refused)."""
    with page.expect_navigation() as navigation:
        button.click()
    return navigation.value


def open_article(page, server, doc=DOC):
    """The first visit with the printed address (token exchanged for the session cookie),
    then the article from the overview's link, as an editor gets there."""
    page.goto(server.url)
    with page.expect_navigation():
        page.get_by_role("link", name=doc, exact=True).click()
    assert page.url.endswith(f"/a/{doc}"), page.url


def row(page, unit):
    return page.locator(f'[data-unit="{unit}"]')


def messages(locale):
    """The page's messages of a locale (`locales/<locale>/serve.ftl`), by id: simple
    one-line messages only, which is all the tests look for."""
    found = {}
    text = (ROOT / "locales" / locale / "serve.ftl").read_text(encoding="utf-8")
    for line in text.splitlines():
        m = re.match(r"^([a-z][a-z0-9-]*) = (.*)$", line)
        if m:
            found[m.group(1)] = m.group(2)
    return found


def artifact(name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name

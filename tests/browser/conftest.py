"""End-to-end fixtures: Tremplin served in-process by uvicorn, Debian's Chromium driven by Playwright,
axe-core (from npm) injected in each page.

- The server runs in a thread on a free localhost port, on a migrated temporary SQLite database
  seeded with the demo accounts, a few hand-written offers (checked by the real legality service),
  one CV of the test jobseeker (read by the real CV analysis service) and nothing else: the tests
  create the rest through the pages.
- Chromium is ``TREMPLIN_TEST_CHROMIUM`` (default ``/usr/bin/chromium``): never a downloaded browser.
- axe-core is fetched once with ``npm pack axe-core`` into ``.cache/axe/`` (reused afterwards).
- Screenshots go to ``test-artifacts/browser/`` (ignored by git).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tarfile
import threading
import time
from pathlib import Path

import pytest

from ..cache_lock import cache_lock
from .data import CV_TEXT, JOBSEEKER_ID, OFFERS

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "axe"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

def _install_rome_model(referentials: Path) -> None:
    """A small occupation-coding model (no embeddings) for the CV analysis and the occupation proposals.

    Trained once and kept in .cache/ under a key made of the service's code and the referentials'
    manifests, then copied into the server's models directory."""
    import hashlib

    import tremplin.services.rome_coding as rome_coding
    from tremplin.services.rome_coding import train
    from tremplin.services.rome_coding.service import model_dir

    digest = hashlib.sha256()
    for path in sorted(Path(rome_coding.__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    for path in sorted(referentials.glob("*/manifest.json")):
        if "." not in path.parent.name:  # the installed version, not the previous ones kept beside it
            digest.update(path.read_bytes())
    cached = ROOT / ".cache" / "console-test-models" / f"rome_coding-{digest.hexdigest()[:16]}"
    with cache_lock(cached):
        if not (cached / "model.json").exists():
            train(use_embeddings=False, n_synthetic=3000, base=cached)
    target = model_dir()
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(cached, target)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch_axe(target: Path) -> None:
    """``npm pack axe-core`` into a private folder, then install axe.min.js atomically."""
    import tempfile

    if os.environ.get("TREMPLIN_OFFLINE") in ("1", "true"):
        pytest.fail("axe-core is not cached in .cache/axe and TREMPLIN_OFFLINE forbids npm")
    npm = shutil.which("npm")
    assert npm, "npm is needed to fetch axe-core (npm pack axe-core)"
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        out = subprocess.run([npm, "pack", "axe-core", "--silent", "--pack-destination", scratch], check=True,
                             capture_output=True, text=True, timeout=180)
        tgz = Path(scratch) / out.stdout.strip().splitlines()[-1]
        with tarfile.open(tgz) as archive:
            data = archive.extractfile(archive.getmember("package/axe.min.js")).read()
        tmp = Path(scratch) / "axe.min.js"
        tmp.write_bytes(data)
        tmp.replace(target)


@pytest.fixture(scope="session")
def axe_source() -> str:
    target = CACHE / "axe.min.js"
    with cache_lock(target):
        if not target.exists():
            _fetch_axe(target)
    return target.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def server_env(tmp_path_factory):
    home = tmp_path_factory.mktemp("console-home")
    return {"TREMPLIN_HOME": str(home), "TREMPLIN_DATABASE_URL": f"sqlite:///{home / 'console.db'}"}


def _apply_env(env: dict[str, str]) -> None:
    env = {k: v for k, v in env.items() if k.startswith("TREMPLIN_")}
    from tremplin.settings import reset_settings
    from tremplin.store.db import get_engine

    os.environ.update(env)
    reset_settings()
    get_engine.cache_clear()


@pytest.fixture(autouse=True)
def _server_settings(server_env, monkeypatch):
    """Every browser test runs with the live server's settings (other tests may have changed them)."""
    for key, value in server_env.items():
        if key.startswith("TREMPLIN_"):
            monkeypatch.setenv(key, value)
    _apply_env(server_env)
    yield


@pytest.fixture(scope="session")
def live_server(server_env, referentials):
    import uvicorn

    from tremplin.api.app import create_app
    from tremplin.domain import Offer
    from tremplin.store.db import migrate, session_scope
    from tremplin.web import casefiles
    from tremplin.web.accounts import seed_demo_accounts

    saved = {k: os.environ.get(k) for k in server_env if k.startswith("TREMPLIN_")}
    _apply_env(server_env)
    migrate()
    _install_rome_model(referentials)
    # A small lexical search index over a part of the real corpus (the full hybrid index takes minutes).
    from tremplin.services.search import build_index
    from tremplin.services.search.corpus import load_documents

    docs = load_documents()
    wanted = [d for d in docs if any(w in d.title.lower() for w in ("démission", "chômage", "rupture"))][:150]
    build_index(wanted + docs[:150], dense=False)
    with session_scope() as db:
        accounts = seed_demo_accounts(db, jobseeker_id=JOBSEEKER_ID)
        for payload in OFFERS:
            casefiles.store_offer(db, Offer.model_validate(payload), source="test")
    with session_scope() as db:
        try:
            casefiles.check_pending_offers(db)
        except Exception as exc:  # noqa: BLE001 - reported by the offer test, the other pages still run
            server_env["legality_error"] = repr(exc)
    # The test jobseeker's file starts with a CV read by the real CV analysis service (through the console's
    # gateway, as an upload would), so that every test finds job titles to propose from, whichever pytest-xdist
    # worker runs it: each worker has its own server and database, and the tests must not rely on the CV
    # uploaded by another test. This also warms the CV analysis up (language models load once per process).
    from tremplin.governance.access import Actor
    from tremplin.web import gateway

    cv_bytes = CV_TEXT.encode("utf-8")
    with session_scope() as db:
        proposal, analysis = gateway.analyse_cv(db, cv_bytes, "cv-depart.txt", "text/plain",
                                                JOBSEEKER_ID, Actor(id="seed-browser-tests", role="counsellor"))
        casefiles.add_item(db, kind="cv_profile", proposal=proposal, subject_id=JOBSEEKER_ID,
                           title="CV « cv-depart.txt »",
                           data={"analysis_id": analysis.id, "filename": "cv-depart.txt", "size": len(cv_bytes)})
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the console server did not start"
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "accounts": accounts, "legality_error": server_env.get("legality_error")}
    server.should_exit = True
    thread.join(timeout=10)
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    _apply_env({})


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("TREMPLIN_TEST_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.fail(f"Chromium not found at {executable}: apt-get install chromium (or set TREMPLIN_TEST_CHROMIUM)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server["url"], locale="fr-FR", bypass_csp=True,
                                  viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)
    context.set_default_navigation_timeout(60_000)
    tab = context.new_page()
    yield tab
    context.close()


class A11y:
    """Runs axe-core in the page; fails on any serious or critical violation; saves a screenshot."""

    def __init__(self, source: str):
        self.source = source
        self.checked: list[str] = []

    def check(self, page, name: str) -> list[dict]:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(content=self.source)
        result = page.evaluate(
            """async () => {
                const r = await axe.run(document, {runOnly: {type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
                return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
            }"""
        )
        bad = [v for v in result if v["impact"] in ("serious", "critical")]
        (ARTIFACTS / f"{name}.axe.json").write_text(json.dumps(result, ensure_ascii=False, indent=1))
        self.checked.append(name)
        assert not bad, f"{name}: axe-core violations {json.dumps(bad, ensure_ascii=False, indent=1)}"
        return result


@pytest.fixture(scope="session")
def a11y(axe_source):
    return A11y(axe_source)


@pytest.fixture
def sign_in_as(page, live_server):
    def _sign_in(role: str):
        page.goto("/connexion")
        login, _password = live_server["accounts"][role]
        page.locator("form", has=page.locator(f'input[name="login"][value="{login}"]')).get_by_role("button").click()
        page.wait_for_load_state()
        assert page.get_by_text("Vous êtes connecté·e.").is_visible()
        return page

    return _sign_in

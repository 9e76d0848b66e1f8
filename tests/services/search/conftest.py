"""Fixtures of information search: a small index (a few dozen real documents), built once per session.

The documents are real fiches and articles from the referentials (fetched once by the session
fixture ``referentials``), chosen by subject; the whole corpus is never embedded in tests. The
embedding cache is shared between runs under ``.cache/test-search-cache``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SUBJECTS = ("démission", "rupture conventionnelle", "chômage", "congés payés", "salaire, primes et avantages",
            "préavis", "période d'essai")
ARTICLES = ("L1237-1", "L1237-11", "L1237-12", "L1237-13", "L1237-14", "L3221-3", "L1221-19", "L3141-3")


def pick_documents() -> list:
    """About forty documents on a few subjects: fiches of both kinds and some articles."""
    from tremplin.referentials import fiches, law
    from tremplin.services.search.corpus import article_documents, fiche_documents
    from tremplin.text.analysis import fold

    subjects = [fold(s) for s in SUBJECTS]
    chosen, per_subject = [], {s: 0 for s in subjects}
    for doc in fiche_documents(fiches.iter_fiches()):
        title = fold(f"{doc.context} {doc.title}")
        for subject in subjects:
            if subject in title and per_subject[subject] < 5:
                per_subject[subject] += 1
                chosen.append(doc)
                break
    chosen += list(article_documents(law.article(n) for n in ARTICLES))
    return chosen


@pytest.fixture(scope="session")
def small_docs(referentials) -> list:
    docs = pick_documents()
    assert 25 <= len(docs) <= 60, len(docs)
    return docs


@pytest.fixture(scope="session")
def search_home(tmp_path_factory, small_docs, shared_data) -> Path:
    """A TREMPLIN_HOME holding a small hybrid index (vocabularies from the shared mirror)."""
    import os

    from tremplin.services.search import build_index
    from tremplin.services.search.resources import load_vocabularies
    from tremplin.settings import reset_settings

    home = tmp_path_factory.mktemp("search-home")
    shared_cache = ROOT / ".cache" / "test-search-cache"
    shared_cache.mkdir(parents=True, exist_ok=True)
    (home / "cache").mkdir()
    (home / "cache" / "search").symlink_to(shared_cache)
    previous = os.environ.get("TREMPLIN_HOME")
    os.environ["TREMPLIN_HOME"] = str(home)
    reset_settings()
    try:
        build_index(small_docs, vocabularies=load_vocabularies(mirror=shared_data, use_npm=False))
    finally:
        if previous is None:
            os.environ.pop("TREMPLIN_HOME", None)
        else:
            os.environ["TREMPLIN_HOME"] = previous
        reset_settings()
    return home


@pytest.fixture
def search_env(search_home, monkeypatch) -> Path:
    """Run a test against the small index (its own settings, fresh engine)."""
    from tremplin.settings import reset_settings
    from tremplin.store.db import get_engine

    monkeypatch.setenv("TREMPLIN_HOME", str(search_home))
    monkeypatch.delenv("TREMPLIN_DATABASE_URL", raising=False)
    reset_settings()
    get_engine.cache_clear()
    yield search_home
    reset_settings()
    get_engine.cache_clear()

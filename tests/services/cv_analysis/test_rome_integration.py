"""Occupation coding of experiences and target job through rome_coding's public function."""

from __future__ import annotations

import pytest

from tests.services.cv_analysis.conftest import HAND
from tremplin.errors import DataUnavailable
from tremplin.services.cv_analysis import parse_cv

SOPHIE = (HAND / "sophie_martin_aide_soignante.txt").read_bytes()


def test_experiences_and_target_are_coded(cv_rome_home):
    p = parse_cv(SOPHIE, "cv.txt", mode="on")
    codes = [e.rome.top for e in p.experiences]
    assert codes[:2] == ["J1501", "J1301"]  # aide-soignant, agent de service hospitalier
    assert p.target_rome.status == "coded" and p.target_rome.top == "J1501"
    assert all(0 <= c.confidence <= 1 for e in p.experiences for c in e.rome.candidates)


def test_without_a_model_coding_is_unavailable_and_said(cv_env):
    p = parse_cv(SOPHIE, "cv.txt", mode="on")
    assert {e.rome.status for e in p.experiences} == {"unavailable"}
    assert any("codage des métiers" in w for w in p.warnings)
    with pytest.raises(DataUnavailable):
        parse_cv(SOPHIE, "cv.txt", mode="on", require_rome=True)


def test_a_broken_coder_does_not_lose_the_cv(cv_env, monkeypatch):
    from tremplin.services.cv_analysis import resources

    def broken():
        def code(items, mode=None):
            raise RuntimeError("boom")

        return code

    monkeypatch.setattr(resources, "occupation_coder", broken)
    p = parse_cv(SOPHIE, "cv.txt", mode="on")
    assert len(p.experiences) == 3 and {e.rome.status for e in p.experiences} == {"unavailable"}
    assert any("a échoué" in w for w in p.warnings)


def test_occupation_coding_switched_off_is_respected(cv_rome_home):
    from tremplin.governance.oversight import set_mode
    from tremplin.store.db import migrate, session_scope

    migrate()
    with session_scope() as session:
        set_mode(session, "rome_coding", "off", actor_id="admin-1", actor_role="administrator",
                 reason="contrôle de qualité en cours")
    p = parse_cv(SOPHIE, "cv.txt", mode="on")
    assert len(p.experiences) == 3 and {e.rome.status for e in p.experiences} == {"unavailable"}
    assert any("désactivé" in w for w in p.warnings)
    with session_scope() as session:
        set_mode(session, "cv_analysis", "off", actor_id="admin-1", actor_role="administrator", reason="essai")
    from tremplin.errors import ServiceDisabled

    with pytest.raises(ServiceDisabled):
        parse_cv(SOPHIE, "cv.txt")

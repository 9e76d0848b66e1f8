"""The search rules that need no index: S08 (is there a reliable answer at all?)."""

from __future__ import annotations

import numpy as np
import pytest

from tremplin.services.search import rules
from tremplin.services.search.rules import AnswerEvidence


def test_answer_evidence_reads_the_allowed_documents():
    dense = np.array([0.90, 0.84, 0.86, 0.70], dtype=np.float32)
    lexical = np.array([0.0, 2.0, 1.0, 3.0], dtype=np.float32)
    coverage = np.array([0.0, 0.8, 0.3, 1.0], dtype=np.float32)
    ev = rules.answer_evidence(dense, lexical, coverage, content_words=3)
    assert ev.top_cosine == pytest.approx(0.90)
    assert ev.covered_cosine == pytest.approx(0.84)  # doc 2 covers too little of the question, doc 3 is far
    assert ev.best_coverage == pytest.approx(1.0) and ev.content_words == 3
    mask = np.array([False, False, True, True])
    ev = rules.answer_evidence(dense, lexical, coverage, mask)
    assert ev.top_cosine == pytest.approx(0.86) and ev.covered_cosine == pytest.approx(0.70)
    assert rules.answer_evidence(None, lexical, coverage).top_cosine is None
    assert rules.answer_evidence(dense, None, None).covered_cosine == 0.0


def test_answerable_rule_s08():
    assert rules.answerable(AnswerEvidence(0.88, 0.0, 0.0, 4))  # a document says the same thing
    assert rules.answerable(AnswerEvidence(0.85, 0.84, 0.6, 4))  # holds the question's words, close enough
    assert not rules.answerable(AnswerEvidence(0.85, 0.0, 0.3, 4))  # close-ish in meaning, no words in common
    assert not rules.answerable(AnswerEvidence(0.86, 0.80, 1.0, 5))  # common words, another subject
    assert rules.answerable(AnswerEvidence(0.83, 0.82, 1.0, 1))  # one word the documents contain
    assert not rules.answerable(AnswerEvidence(0.83, 0.0, 0.0, 1))  # one unknown word
    assert rules.answerable(AnswerEvidence(None, None, 0.0, 3))  # no semantic index: the rule does not apply
    assert not rules.answerable(AnswerEvidence(0.88, 0.0, 0.0, 4), min_cosine=0.9)
    s08 = next(r for r in rules.RULESET.rules if r.id == "S08")
    assert s08.parameters["min_cosine"] == rules.ANSWER_MIN_COSINE

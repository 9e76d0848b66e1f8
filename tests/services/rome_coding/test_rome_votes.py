"""Votes of the labelled offers and professional-domain shares (model 1.3 ranker features).

These run on a hand-built RomeCoder (no training): four codes in two fiches of two domains.
"""

from __future__ import annotations

import numpy as np
import pytest

from tremplin.services.rome_coding.model import RomeCoder


@pytest.fixture
def coder() -> RomeCoder:
    m = RomeCoder()
    # D1402 and its fine code D1402-1 (same fiche), D1212 (same domain D12 is not D14), K2111 (other domain)
    m.codes_ = ["D1212", "D1402", "D1402-1", "K2111"]
    m.code_parent_idx_ = np.array([0, 1, 1, 3])
    m.code_domain_ = np.array([0, 1, 1, 2])
    m.n_domains_ = 3
    # five labelled offers: three coded D1402, one D1212, one K2111 (fiche indices)
    m.pair_fiche_ = np.array([1, 1, 1, 0, 3])
    return m


def test_votes_go_to_the_fiche_of_the_nearest_offers_and_to_all_its_codes(coder):
    S = np.array([[0.9, 0.8, 0.7, 0.1, 0.0]], dtype=np.float32)
    votes = coder._pair_votes(S, None, 1)[0]
    expected_d14 = (0.81 + 0.64 + 0.49) / (0.81 + 0.64 + 0.49 + 0.01)
    assert votes[1] == pytest.approx(expected_d14, rel=1e-5)
    assert votes[2] == votes[1]  # a fine code gets its fiche's vote
    assert votes[0] == pytest.approx(0.01 / (0.81 + 0.64 + 0.49 + 0.01), rel=1e-4)
    assert votes[3] == 0.0
    assert votes[[0, 1, 3]].sum() == pytest.approx(1.0, rel=1e-5)


def test_hidden_offers_do_not_vote(coder):
    # the query is itself one of the D1402 offers (and shares its title with another): both hidden
    S = np.array([[1.0, 1.0, 0.2, 0.5, 0.0]], dtype=np.float32)
    votes = coder._pair_votes(S, [[0, 1]], 1)[0]
    assert votes[0] == pytest.approx(0.25 / (0.25 + 0.04), rel=1e-5)
    assert votes[1] == pytest.approx(0.04 / (0.25 + 0.04), rel=1e-5)


def test_no_similar_offer_means_no_vote(coder):
    votes = coder._pair_votes(np.zeros((2, 5), dtype=np.float32), None, 2)
    assert not votes.any()
    assert not coder._pair_votes(np.zeros((1, 0), dtype=np.float32), None, 1).any()


def test_domain_shares_sum_the_best_codes_by_domain(coder):
    C = np.array([[0.2, 0.5, 0.3, 0.0]], dtype=np.float32)
    shares = coder._domain_shares(C, 2)[0]  # only the two best codes (0.5 and 0.3, both in D14) count
    assert shares[1] == pytest.approx(1.0) and shares[2] == pytest.approx(1.0)
    assert shares[0] == 0.0 and shares[3] == 0.0
    shares = coder._domain_shares(C, 4)[0]
    assert shares[0] == pytest.approx(0.2) and shares[1] == pytest.approx(0.8)

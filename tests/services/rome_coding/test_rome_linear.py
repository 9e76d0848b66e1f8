"""The linear title → fiche classifier (``rome_coding/linear.py``) and its wiring in the model."""

import json

import numpy as np
import pandas as pd
import pytest
from scipy import sparse

from tremplin.errors import DataUnavailable

TOY = {  # fiche → appellations
    "D1102": ["Boulanger", "Ouvrier boulanger", "Boulanger pâtissier", "Chef boulanger"],
    "N4103": ["Conducteur de bus", "Conducteur d'autocar", "Chauffeur de bus", "Conducteur de car scolaire"],
    "J1501": ["Aide-soignant", "Aide-soignant de nuit", "Auxiliaire de soins", "Aide-soignant en EHPAD"],
    "M1203": ["Comptable", "Aide-comptable", "Comptable fournisseurs", "Technicien comptable"],
    "F1703": ["Maçon", "Maçon coffreur", "Aide-maçon", "Chef maçon"],
    "K2204": ["Agent d'entretien", "Agent de nettoyage", "Laveur de vitres", "Agent de propreté"],
    "G1602": ["Cuisinier", "Commis de cuisine", "Chef de cuisine", "Cuisinier de collectivité"],
    "H2913": ["Soudeur", "Soudeur TIG", "Soudeur à l'arc", "Chaudronnier soudeur"],
}
TEXTS = {
    "D1102": "Pétrit la pâte, façonne et cuit le pain et les viennoiseries au fournil.",
    "N4103": "Conduit un véhicule de transport en commun de voyageurs sur une ligne régulière.",
    "J1501": "Réalise les soins d'hygiène et de confort des patients à l'hôpital.",
    "M1203": "Enregistre les opérations comptables, établit les bilans et les déclarations fiscales.",
    "F1703": "Construit les murs et les fondations d'un bâtiment en parpaings et en béton.",
    "K2204": "Nettoie et entretient les locaux, les surfaces et les vitres.",
    "G1602": "Prépare les plats, les entrées et les desserts en cuisine.",
    "H2913": "Assemble des pièces métalliques par soudure à l'arc ou au chalumeau.",
}

PAIR_DESCRIPTIONS = {  # descriptions of labelled offers
    "D1102": "Boulangerie artisanale recrute : pain au levain, baguettes, travail de nuit au fournil.",
    "K2204": "Entreprise de propreté : entretien de bureaux le soir, nettoyage des sols et des vitres.",
}


def _toy_referential():
    from tremplin.services.rome_coding.model import Referential

    codes = pd.DataFrame({"code": list(TOY), "label": [apps[0] for apps in TOY.values()], "parent": [None] * len(TOY)})
    rows = [(f"{code}-{i}", label, label, code, i == 0) for code, apps in TOY.items() for i, label in enumerate(apps)]
    appellations = pd.DataFrame(rows, columns=["code_ogr", "label", "short_label", "code", "principal"])
    texts = pd.DataFrame({"code": list(TEXTS), "kind": "definition", "text": list(TEXTS.values())})
    return Referential(codes=codes, appellations=appellations, texts=texts, version="toy")


def _fit_classifier():
    from tremplin.services.rome_coding.linear import FicheClassifier
    from tremplin.services.rome_coding.model import _word_string
    from tremplin.services.rome_coding.textprep import label_words

    fiches = list(TOY)
    examples = [(label_words(label), fiches.index(code)) for code, apps in TOY.items() for label in apps]
    clf = FicheClassifier().fit(
        [" ".join(w) for w, _ in examples], [_word_string(w) for w, _ in examples], [f for _, f in examples],
        ["appellation"] * len(examples), len(fiches),
        [_word_string(label_words(t)) for t in [*TEXTS.values(), *PAIR_DESCRIPTIONS.values()]],
        [fiches.index(c) for c in [*TEXTS, *PAIR_DESCRIPTIONS]],
        [None] * len(TEXTS) + [f"pair:{c}" for c in PAIR_DESCRIPTIONS],
    )
    return clf, fiches


def test_classifier_learns_a_toy_referential():
    from tremplin.services.rome_coding.model import _word_string
    from tremplin.services.rome_coding.textprep import label_words

    clf, fiches = _fit_classifier()
    queries = {"boulangere": "D1102", "chauffeur autocar": "N4103", "soignante nuit": "J1501",
               "comptables": "M1203", "coffreur": "F1703", "nettoyage vitres": "K2204", "commis cuisine": "G1602"}
    words = [label_words(q) for q in queries]
    scores = clf.title_scores([" ".join(w) for w in words], [_word_string(w) for w in words])
    assert scores.shape == (len(queries), len(fiches))
    assert [fiches[i] for i in scores.argmax(axis=1)] == list(queries.values())
    desc = clf.desc_scores(["le pain cuit au fournil", "", "soudure des pièces métalliques au chalumeau"])
    assert fiches[int(desc[0].argmax())] == "D1102" and not desc[1].any()
    assert fiches[int(desc[2].argmax())] == "H2913"


def test_leave_out_scores_equal_a_refit_without_those_examples():
    from tremplin.services.rome_coding.linear import _Centroids

    rng = np.random.default_rng(0)
    X = sparse.random(40, 60, density=0.2, random_state=1, format="csr", dtype=np.float32)
    labels = rng.integers(0, 5, size=40)
    weights = rng.uniform(0.5, 2.0, size=40)
    Q = sparse.random(3, 60, density=0.3, random_state=2, format="csr", dtype=np.float32)
    full = _Centroids(X, labels, weights, 5)
    drop = [int(np.flatnonzero(labels == 0)[0]), int(np.flatnonzero(labels == 0)[1]), int(np.flatnonzero(labels == 3)[0])]
    keep = np.setdiff1d(np.arange(40), drop)
    refit = _Centroids(X[keep], labels[keep], weights[keep], 5).scores(Q)
    left_out = full.scores(Q, [drop, [], drop])
    np.testing.assert_allclose(left_out[0], refit[0], rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(left_out[2], refit[2], rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(left_out[1], full.scores(Q)[1])  # nothing left out: the full model
    assert not np.allclose(left_out[0], full.scores(Q)[0])


def test_description_examples_of_a_pair_are_left_out_by_its_key():
    clf, fiches = _fit_classifier()
    text = ["pain au levain et baguettes"]
    kept = clf.desc_scores(text)[0, fiches.index("D1102")]
    left = clf.desc_scores(text, [{"pair:D1102"}])[0, fiches.index("D1102")]
    assert 0 < left < kept
    clf.release()  # coding time: nothing can be left out any more, and nothing is kept for it
    assert clf.desc_scores(text, [{"pair:D1102"}])[0, fiches.index("D1102")] == pytest.approx(kept)


def test_ranker_training_queries_get_out_of_fold_classifier_scores(monkeypatch):
    from tremplin.services.rome_coding import linear
    from tremplin.services.rome_coding.model import Pair, RomeCoder, _word_string

    monkeypatch.setattr(linear.FicheClassifier, "release", lambda self: None)  # keep the training state
    pairs = [Pair("Boulangère de nuit", "D1102"), Pair("Chauffeur de car", "N4103"), Pair("Plongeur", "G1602")]
    model = RomeCoder(n_synthetic=200, candidates_per_scorer=3, use_linear=True, linear_candidates=2,
                      max_iter=20).fit(
        _toy_referential(), pairs)
    assert model.use_linear_ and model.linear_ is not None
    d = model.doc_key_.index("pair:plongeur")
    [masked] = model._candidates(["Plongeur"], mask_docs=[[d]], raw_scores=True)
    [seen] = model._candidates(["Plongeur"], raw_scores=True)
    fiche = int(model.code_fiche_[model.codes_.index("G1602")])

    def lin(ranking):
        return next(c.features["lin"] for c in ranking.candidates if c.code == "G1602")

    # the masked score is the cosine to the fiche's centroid computed without the hidden title
    title = model.linear_._title
    keep = np.setdiff1d(np.arange(title.X.shape[0]), [d])
    expected = linear._Centroids(title.X[keep], title.labels[keep], title.weights[keep], title.S.shape[0])
    Q = model.linear_.title_matrix([masked.prepared.text], [_word_string(masked.words)])
    assert lin(masked) == pytest.approx(float(expected.scores(Q)[0, fiche]), abs=1e-5)
    assert lin(seen) > 0.5 and lin(masked) < 0.2  # only the pair itself said « plongeur » is in G1602
    # the classifier's best fiches join the candidates, and its features reach the ranker
    [ranking] = model.rank(["Boulangère pâtissière"])
    assert ranking.candidates[0].code == "D1102" and ranking.candidates[0].features["lin_rank"] == 1.0


def test_model_without_the_classifier_has_zero_features():
    from tremplin.services.rome_coding.model import FEATURES, RomeCoder

    model = RomeCoder(n_synthetic=200, candidates_per_scorer=3, use_linear=False, max_iter=20).fit(
        _toy_referential())
    assert model.linear_ is None
    [ranking] = model.rank(["Soudeur"])
    assert ranking.candidates[0].code == "H2913"
    assert all(c.features[f] == 0 for c in ranking.candidates for f in FEATURES if f.startswith("lin"))


def test_old_format_model_is_refused(rome_home):
    from tremplin.services.rome_coding import service

    meta_path = service.model_dir() / service.META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    assert meta["format"] == service.FORMAT and meta["linear_classifier"] is False  # off by default
    service.load_model()
    meta["format"] = 4
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    service._CACHE.clear()
    with pytest.raises(DataUnavailable) as old:
        service.load_model()
    assert "format 4" in str(old.value) and f"format {service.FORMAT}" in str(old.value)
    assert "tremplin train rome" in str(old.value.hint)

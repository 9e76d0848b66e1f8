"""The learned sentence detector (trial): features, training, exact pre-filter, file round trip, scanning."""

from __future__ import annotations

import pytest

from tremplin.services.legality import sentence_model as sm
from tremplin.services.legality.context import Ctx
from tremplin.services.legality.eval.build import load_templates
from tremplin.services.legality.text import fold

CONFIG = sm.FeatureConfig(prefix=6, pairs=True, min_count=1)


def _examples() -> list[sm.Example]:
    # Wordings written for this test; real-looking lawful sentences stand for real offers.
    positives = {
        "age": ["Candidats de moins de 30 ans uniquement.", "Âge maximum 35 ans pour ce poste.",
                "Nous cherchons une personne jeune de moins de 25 ans.", "Profil recherché : moins de 40 ans."],
        "fee": ["Frais de dossier de 50 euros à payer avant l'entretien.", "Une participation de 90 euros est "
                "demandée aux candidats.", "Le candidat règle des frais d'inscription.",
                "Frais de formation payés par le candidat avant l'embauche."],
    }
    lawful = ["Vous accueillez les clients en magasin.", "Expérience de 2 ans souhaitée en vente.",
              "Poste à pourvoir rapidement, horaires du lundi au vendredi.", "Vous gérez les stocks et les commandes.",
              "Mutuelle et tickets restaurant.", "Travail en équipe dans une ambiance conviviale.",
              "Les frais de déplacement sont remboursés par l'entreprise.", "Contrat de 35 heures par semaine."]
    out = []
    for cat, texts in positives.items():
        out += [sm.Example(fold(t), cat, f"t:{cat}{i}", "template") for i, t in enumerate(texts)]
    out += [sm.Example(fold(t), sm.NONE, f"t:n{i}", "template") for i, t in enumerate(lawful[:3])]
    out += [sm.Example(fold(t), sm.NONE, f"o:{i}", "real") for i, t in enumerate(lawful[3:] * 3)]
    return out


@pytest.fixture(scope="module")
def model() -> sm.SentenceModel:
    return sm.train(_examples(), CONFIG, c=10.0, prune=0.0, threshold=0.5)


def test_tokens_cut_words_and_hide_numbers():
    assert sm.tokens(fold("Âgé de 25 ans, célibataire"), 6) == ["age", "de", "#", "ans", "celiba"]
    feats = sm.features(fold("moins de 30 ans"), CONFIG)
    assert {"moins", "de", "#", "ans", "moins de", "de #", "# ans"} == feats


def test_sentence_spans_split_on_sentence_ends_and_drop_short_pieces():
    folded = fold("Vendeur H/F\nNous recherchons un vendeur. Moins de 30 ans ! Ok.")
    pieces = [folded[s:e].strip() for s, e in sm.sentence_spans(folded)]
    assert pieces == ["vendeur h/f", "nous recherchons un vendeur", "moins de 30 ans"]


def test_trained_model_separates_unseen_wordings(model):
    assert model.flag(fold("Réservé aux moins de 28 ans."))[0][0] == "age"
    assert model.flag(fold("Des frais de 120 euros sont à payer par le candidat."))[0][0] == "fee"
    assert model.flag(fold("Vous gérez les commandes des clients.")) == []


def test_exact_prefilter_never_drops_a_sentence_that_reaches_the_threshold(model):
    sentences = [fold(t["text"]) for t in load_templates("heldout") if t.get("text")]
    sentences += [ex.folded for ex in _examples()]
    for threshold in (0.3, 0.5, 0.7):
        model.set_threshold(threshold)
        for s in sentences:
            above = {c for c, p in model.proba(s).items() if p >= threshold}
            assert {c for c, _ in model.flag(s)} == above, s
    model.set_threshold(0.5)


def test_vocabulary_comes_from_template_wordings_only():
    vocab = sm.vocabulary(_examples(), CONFIG)
    words = {w for f in vocab for w in f.split()}
    assert "ambian" not in words and "mutuel" not in words and "stocks" not in words  # « real » sentences only
    assert "moins" in vocab


def test_file_round_trip_keeps_scores(model, tmp_path):
    path = tmp_path / "model.json"
    sm.save(model, path)
    again = sm.load(path)
    for ex in _examples():
        for c, p in model.proba(ex.folded).items():
            assert again.proba(ex.folded)[c] == pytest.approx(p, abs=1e-3)
    assert again.threshold == model.threshold and again.classes == model.classes


def test_load_refuses_another_json(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(ValueError):
        sm.load(path)


def test_scan_leaves_sentences_flagged_by_rules_to_them(model):
    offer = {"intitule": "Vendeur H/F", "description": "Vous accueillez les clients. Réservé aux moins de 28 ans."}
    ctx = Ctx(offer)
    found = model.scan(ctx)
    assert [(c, f) for c, f, *_ in found] == [("age", "description")]
    _, _, start, end, _ = found[0]
    assert model.scan(ctx, {"description": [(start + 3, start + 8)]}) == []
    assert model.scan(ctx, {"intitule": [(start, end)]}) == found  # another field's finding does not count


def test_template_examples_keep_target_positives_and_lawful_look_alikes():
    templates = [{"id": "a", "category": "age", "text": "Moins de 30 ans."},
                 {"id": "b", "category": "age", "kind": "negative", "text": "Ouvert à tous les âges."},
                 {"id": "c", "category": "contract", "text": "CDD de 30 mois."},
                 {"id": "d", "category": "pay", "text": "Salaire {monthly_below} € brut par mois."}]
    examples = sm.template_examples(templates)
    assert [(e.group, e.label) for e in examples] == [("t:a", "age"), ("t:b", sm.NONE), ("t:d", "pay")]
    assert "{" not in examples[-1].folded  # placeholders filled as in the evaluation

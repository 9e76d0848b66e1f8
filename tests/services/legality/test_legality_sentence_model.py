"""The learned sentence detector, version 3: features, training, per-category thresholds, fast scoring = reference
scoring, weights file (version-2 files still read), wiring into ``check_offer`` (off by default), the train and
evaluate commands, oversight of its findings."""

from __future__ import annotations

import json
import random

import pytest
from typer.testing import CliRunner

from tremplin.cli import app
from tremplin.errors import DataUnavailable
from tremplin.services.legality import check_offer, check_text
from tremplin.services.legality import sentence_model as sm
from tremplin.services.legality import sentence_training as st
from tremplin.services.legality.context import Ctx
from tremplin.services.legality.eval.build import load_templates
from tremplin.services.legality.text import fold

CONFIG = sm.FeatureConfig(prefix=6, pairs=True, min_count=1)
runner = CliRunner()

# Wordings written for these tests; lawful everyday sentences stand for real offers.
POSITIVES = {
    "age": ["Candidats de moins de 30 ans uniquement.", "Âge maximum 35 ans pour ce poste.",
            "Nous cherchons une personne jeune de moins de 25 ans.", "Profil recherché : moins de 40 ans."],
    "fee": ["Frais de dossier de 50 euros à payer avant l'entretien.",
            "Une participation de 90 euros est demandée aux candidats.",
            "Le candidat règle des frais d'inscription.", "Frais de formation payés par le candidat avant l'embauche."],
}
LAWFUL = ["Vous accueillez les clients en magasin.", "Expérience de 2 ans souhaitée en vente.",
          "Poste à pourvoir rapidement, horaires du lundi au vendredi.", "Vous gérez les stocks et les commandes.",
          "Mutuelle et tickets restaurant.", "Travail en équipe dans une ambiance conviviale.",
          "Les frais de déplacement sont remboursés par l'entreprise.", "Contrat de 35 heures par semaine."]


def _examples() -> list[st.Example]:
    out = []
    for cat, texts in POSITIVES.items():
        out += [st.Example(fold(t), cat, f"t:{cat}{i}", "template") for i, t in enumerate(texts)]
    out += [st.Example(fold(t), sm.NONE, f"t:n{i}", "template") for i, t in enumerate(LAWFUL[:3])]
    out += [st.Example(fold(t), sm.NONE, f"o:{i}", "real") for i, t in enumerate(LAWFUL[3:] * 3)]
    return out


@pytest.fixture(scope="module")
def model() -> sm.SentenceModel:
    return st.train(_examples(), CONFIG, c=10.0, prune=0.0, thresholds=0.5)


def _flags(model, text: str) -> list[str]:
    return [f.category for f in model.scan(Ctx({"description": text}))]


# ------------------------------------------------------------------------------------------------ features


def test_tokens_cut_words_and_fold_numbers():
    assert sm.tokens(fold("Âgé de 25 ans, célibataire, 35h, bac+2"), 6) == \
        ["age", "de", "0", "ans", "celiba", "0", "bac", "0"]
    assert sm.tokens(fold("Sœur"), 6) == ["soeur"]
    assert sm.features(fold("moins de 30 ans"), CONFIG) == \
        ["moins", "de", "0", "ans", "moins de", "de 0", "0 ans"]


def test_pieces_split_on_sentence_ends_and_spans_point_at_them():
    folded = fold("Vendeur H/F\nNous recherchons un vendeur. Moins de 30 ans ! Ok.")
    kept = list(sm.sentences(folded))
    assert [p.strip() for _, p in kept] == ["vendeur h/f", "nous recherchons un vendeur", "moins de 30 ans"]
    assert [folded[slice(*sm.piece_span(folded, i))] for i, _ in kept] == \
        ["vendeur h/f", "nous recherchons un vendeur", "moins de 30 ans"]


@pytest.mark.parametrize("text", [
    "Poste : vendeur·euse — 1 500 € brut/mois\u2022 CDI.", "cœur de métier ; 2ème étage ! ok? 12,50€",
    "a\x01b c\u00a0d\u2009e ▪ f ► g \uf0a7 h", "ÉQUIPE Jeune et dynamique (H/F)...", "", "   .  ", "x" * 50,
])
def test_fast_tokenisation_equals_the_reference(text):
    for folded in (fold(text), text):  # also raw text, with characters fold would have replaced
        reference = []
        for piece in sm.pieces(folded):
            reference += [sm._MARK, *sm.WORD.findall(sm.model_text(piece))]
        words, marks = sm._fast_words(folded)
        assert [sm._MARK, *words] == reference and marks == reference.count(sm._MARK) - 1


# ------------------------------------------------------------------------------------------------ training


def test_trained_model_separates_unseen_wordings(model):
    assert _flags(model, "Réservé aux moins de 28 ans.") == ["age"]
    assert _flags(model, "Des frais de 120 euros sont à payer par le candidat.") == ["fee"]
    assert _flags(model, "Vous gérez les commandes des clients.") == []


def test_vocabulary_comes_from_template_wordings_only():
    vocab = st.vocabulary(_examples(), CONFIG)
    words = {w for f in vocab for w in f.split()}
    assert "ambian" not in words and "mutuel" not in words and "stocks" not in words  # « real » sentences only
    assert "moins" in vocab


def test_template_examples_keep_target_positives_and_lawful_look_alikes_but_not_pay():
    templates = [{"id": "a", "category": "age", "text": "Moins de 30 ans."},
                 {"id": "b", "category": "age", "kind": "negative", "text": "Ouvert à tous les âges."},
                 {"id": "c", "category": "contract", "text": "CDD de 30 mois."},
                 {"id": "d", "category": "pay", "text": "Salaire {monthly_below} € brut par mois."},
                 {"id": "e", "category": "fee", "text": "Frais de {fee_amount} € à régler."}]
    examples = st.template_examples(templates)
    assert [(e.group, e.label) for e in examples] == [("t:a", "age"), ("t:b", sm.NONE), ("t:e", "fee")]
    assert "{" not in examples[-1].text  # placeholders filled as in the evaluation
    assert "pay" not in sm.TARGET_CATEGORIES


def test_cross_validation_chooses_per_category_thresholds_within_the_rule():
    cv = st.cross_validate(_examples(), folds=3, config=CONFIG, c=10.0, prune=0.0)
    assert set(cv["thresholds"]) == {"age", "fee"}
    assert all(t is None or t in st.THRESHOLDS for t in cv["thresholds"].values())
    figures = cv["figures"]
    assert figures["estimated_added_precision"] is None or \
        figures["estimated_added_precision"] >= st.CV_MIN_ADDED_PRECISION


def _oof(rows):
    """Examples and out-of-fold (category, score) for choose_thresholds: (label, source, group, predicted, score)."""
    examples = [st.Example("x", label, group, source) for label, source, group, _, _ in rows]
    return examples, [(c, p) for *_, c, p in rows]


def test_choose_thresholds_counts_a_flagged_real_offer_once_per_template_wording():
    # 20 age positives at 0.95, 20 lawful templates at 0.55; one real offer (of 10) flagged « age » at 0.90.
    rows = [("age", "template", f"t:a{i}", "age", 0.95) for i in range(20)]
    rows += [("none", "template", f"t:n{i}", "age", 0.55) for i in range(20)]
    rows += [("none", "real", f"o:{i}", "age", 0.90 if i == 0 else 0.2) for i in range(10)]
    examples, best = _oof(rows)
    chosen = st.choose_thresholds(examples, best, ["age", "fee"])
    # at 0.90 or below the real offer costs 10 % × 40 wordings = 4 wrong findings against 0.17 × 20 right: too many
    assert chosen["thresholds"] == {"age": 0.95, "fee": None}  # ties: the highest
    assert chosen["figures"]["real_offers_flagged"] == 0 and chosen["figures"]["template_true"] == 20
    assert chosen["per_category"]["age"]["template_recall"] == 1.0


def test_choose_thresholds_leaves_an_imprecise_category_off_and_keeps_a_precise_one():
    rows = [("age", "template", f"t:a{i}", "age", 0.8) for i in range(30)]
    rows += [("fee", "template", f"t:f{i}", "fee", 0.8) for i in range(30)]
    rows += [("none", "template", f"t:n{i}", "fee", 0.8) for i in range(30)]  # lawful look-alikes read as fee
    rows += [("none", "real", f"o:{i}", "fee", 0.1) for i in range(50)]
    examples, best = _oof(rows)
    chosen = st.choose_thresholds(examples, best, ["age", "fee"])
    assert chosen["thresholds"] == {"age": 0.8, "fee": None}
    assert chosen["figures"]["estimated_added_precision"] == 1.0


def test_choose_thresholds_ignores_sentences_the_rules_flag_and_handles_no_candidate():
    rows = [("age", "template", f"t:a{i}", "age", 0.9) for i in range(5)]
    examples, best = _oof(rows + [("none", "real", "o:1", "age", 0.99)])
    examples[-1].ruled = True  # the model never reads it
    assert st.choose_thresholds(examples, best, ["age"])["thresholds"] == {"age": 0.9}
    nothing = st.choose_thresholds(examples, [("age", 0.1)] * len(examples), ["age"])
    assert nothing["thresholds"] == {"age": None} and nothing["per_category"] == {}


def test_training_refuses_to_write_a_detector_with_every_category_off(monkeypatch):
    from tremplin.errors import InvalidInput

    monkeypatch.setattr(st, "choose_thresholds", lambda examples, best, classes: {"thresholds": dict.fromkeys(
        classes), "figures": {}, "per_category": {}, "rule": ""})
    with pytest.raises(InvalidInput, match="aucune catégorie"):
        st.fit_with_thresholds(_examples(), folds=2, config=CONFIG)


def test_per_category_thresholds_decide_on_the_best_category_only(model):
    text = "Réservé aux moins de 28 ans."
    assert _flags(model, text) == ["age"]
    fee_off = st.train(_examples(), CONFIG, c=10.0, prune=0.0, thresholds={"age": 0.5, "fee": None})
    assert fee_off.enabled == ("age",) and fee_off.threshold_of("fee") is None
    assert _flags(fee_off, text) == ["age"]
    assert _flags(fee_off, "Des frais de 120 euros sont à payer par le candidat.") == []  # best category off
    age_high = st.train(_examples(), CONFIG, c=10.0, prune=0.0, thresholds={"age": 0.999, "fee": 0.5})
    assert _flags(age_high, text) == []  # not given to fee: its best category is under its own threshold
    for m in (fee_off, age_high):
        ctx = Ctx({"description": f"{text} Des frais de 120 euros sont à payer. Mutuelle."})
        assert [(f.category, f.start) for f in m.scan(ctx)] == [(f.category, f.start) for f in m.scan(ctx,
                                                                                                  reference=True)]


# ------------------------------------------------------------------------------------- fast = reference


@pytest.fixture(scope="module")
def templates_model() -> sm.SentenceModel:
    """A model of realistic size: the tune and held-out wordings, pruned as in production."""
    examples = [ex for split in ("tune", "heldout") for ex in st.template_examples(load_templates(split))]
    return st.train(examples, thresholds=0.6)


def test_fast_logits_equal_the_reference_scoring(templates_model):
    texts = [fold(t["text"]) for t in load_templates("heldout") if t.get("text")] + [fold(t) for t in LAWFUL]
    fast = templates_model.logits(texts)
    for row, text in zip(fast, texts, strict=True):
        assert list(row) == pytest.approx(templates_model.reference_logits(text), abs=1e-9)


def test_fast_scan_makes_the_reference_decisions(templates_model):
    rng = random.Random(7)
    wordings = [t["text"].replace("{", "").replace("}", "") for t in load_templates("tune") if t.get("text")]
    offers = []
    for i in range(120):  # offers made of template wordings and lawful sentences, in random order and fields
        sentences = rng.sample(wordings, 3) + rng.sample(LAWFUL, 3)
        rng.shuffle(sentences)
        offers.append({"id": str(i), "intitule": rng.choice(["Vendeur (H/F)", sentences[0]]),
                       "description": rng.choice([" ", "\n", " • "]).join(sentences[1:]),
                       "salaire": {"libelle": "Mensuel de 1 900 € sur 12 mois"}})
    flagged = 0
    for offer in offers:
        ctx = Ctx(offer)
        fast = templates_model.scan(ctx)
        reference = templates_model.scan(ctx, reference=True)
        assert [(f.category, f.field, f.start, f.end) for f in fast] == \
            [(f.category, f.field, f.start, f.end) for f in reference]
        assert [f.logit for f in fast] == pytest.approx([f.logit for f in reference], abs=1e-9)
        flagged += bool(fast)
    assert 0 < flagged < len(offers)  # the comparison covered both outcomes


# ------------------------------------------------------------------------------------------------ file


def test_file_round_trip_keeps_decisions_and_version(model, tmp_path):
    path = tmp_path / "model.json"
    sm.save(model, path)
    again = sm.load(path)
    assert again.version == model.version and again.thresholds == model.thresholds
    assert model.version.startswith("3+") and json.loads(path.read_text(encoding="utf-8"))["thresholds"] == [0.5, 0.5]
    texts = [ex.text for ex in _examples()]
    assert again.logits(texts).tolist() == model.logits(texts).tolist()  # trained weights are kept as rounded


def _as_v2(model: sm.SentenceModel, threshold: float) -> dict:
    """A version-2 weights file, as ``tremplin train legality-sentences`` wrote it before version 3."""
    data = model.to_dict()
    del data["thresholds"]
    data.update({"format": sm.FORMAT_V2, "threshold": threshold})
    core = {k: data[k] for k in ("config", "classes", "bias", "threshold", "weights")}
    import hashlib

    digest = hashlib.sha256(json.dumps(core, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
    data["info"] = {"sha256": digest, "version": f"2+{digest[:10]}"}
    return data


def test_version_2_file_loads_decides_as_before_and_is_written_back_unchanged(model, tmp_path):
    path = tmp_path / "v2.json"
    data = _as_v2(model, 0.62)
    path.write_text(json.dumps(data), encoding="utf-8")
    old = sm.load(path)
    assert old.format_version == 2 and old.version == data["info"]["version"] and old.thresholds == (0.62, 0.62)
    assert old.enabled == ("age", "fee")
    for text in ("Réservé aux moins de 28 ans.", "Des frais de 120 euros sont à payer par le candidat.",
                 "Vous gérez les commandes des clients."):
        assert _flags(old, text) == _flags(st.train(_examples(), CONFIG, c=10.0, prune=0.0, thresholds=0.62), text)
    again = tmp_path / "again.json"
    sm.save(old, again)
    written = json.loads(again.read_text(encoding="utf-8"))
    assert written["format"] == sm.FORMAT_V2 and written["threshold"] == 0.62 and "thresholds" not in written
    assert sm.load(again).version == old.version
    path.write_text(json.dumps(_as_v2(model, 0.5)), encoding="utf-8")
    old = sm.load(path)
    added = [x for x in check_offer(OFFER, sentence_model=old).findings if x.rule == sm.RULE_ID]
    assert [x.detector for x in added] == [f"{sm.DETECTOR}:{old.version}"]
    assert "seuil de 0,50" in added[0].explanation


@pytest.mark.parametrize(("content", "message"), [
    (b"{not json", "JSON invalide ligne 1"),
    (b"\xff\xfe", "pas en UTF-8"),
    (b'{"format": "something else"}', "format « something else » inconnu"),
    (b'{"format": "tremplin-legality-sentence-model/1"}', "l'ancien « tremplin-legality-sentence-model/2 »"),
    (b"[1, 2]", "un objet JSON est attendu"),
])
def test_bad_weights_file_gives_a_clear_french_error(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(DataUnavailable) as err:
        sm.load(path)
    assert message in str(err.value) and "tremplin train legality-sentences" in str(err.value)


def test_altered_or_inconsistent_weights_are_refused(model, tmp_path):
    path = tmp_path / "model.json"
    sm.save(model, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    feature = next(iter(data["weights"]))
    data["weights"][feature][0][1] += 1.0
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataUnavailable, match="empreinte"):
        sm.load(path)
    data["bias"] = data["bias"][:-1]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataUnavailable, match="« bias » : 2 nombres attendus"):
        sm.load(path)
    with pytest.raises(DataUnavailable, match="introuvable"):
        sm.load(tmp_path / "none.json")


@pytest.mark.parametrize(("thresholds", "message"), [
    ([0.5], "« thresholds » : 2 seuils attendus"),
    ([0.5, 1.0], "strictement entre 0 et 1 ou null"),
    ([0.5, "0.7"], "strictement entre 0 et 1 ou null"),
    ([None, None], "aucune catégorie activée"),
    (0.5, "« thresholds » : 2 seuils attendus"),
])
def test_bad_per_category_thresholds_are_refused_in_french(model, tmp_path, thresholds, message):
    data = model.to_dict()
    data["thresholds"] = thresholds
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataUnavailable, match=message):
        sm.load(path)


def test_version_2_file_with_a_per_category_threshold_list_is_refused(model, tmp_path):
    data = _as_v2(model, 0.6)
    data["threshold"] = [0.6, 0.7]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataUnavailable, match="« threshold » : un nombre strictement entre 0 et 1"):
        sm.load(path)
    with pytest.raises(ValueError, match="2 seuils attendus"):
        sm.SentenceModel(model.config, model.classes, model.bias, model.weights, (0.5,))


# ------------------------------------------------------------------------------------------------ wiring


OFFER = {"id": "m1", "intitule": "Vendeur (H/F)", "dateCreation": "2026-02-01",
         "description": "Vous accueillez les clients. Profil : moins de vingt-huit printemps de préférence.\nMutuelle."}


def test_check_offer_adds_a_review_finding_only_when_given_a_model(model):
    assert all(f.rule != sm.RULE_ID for f in check_offer(OFFER).findings)  # off by default
    report = check_offer(OFFER, sentence_model=model)
    added = [f for f in report.findings if f.rule == sm.RULE_ID]
    assert len(added) == 1
    f = added[0]
    assert (f.category, f.severity, f.field, f.suggestion) == ("age", "review", "description", None)
    assert OFFER["description"][f.span[0]:f.span[1]] == f.text == "Profil : moins de vingt-huit printemps de préférence"
    assert "Signal statistique" in f.explanation and "conseiller" in f.explanation and "L1132-1" in f.explanation
    assert f.detector == f"{sm.DETECTOR}:{model.version}"
    assert report.verdict == "review"
    assert check_offer(OFFER, sentence_model=False).verdict in ("ok", "advise")  # the rules miss this wording


def test_sentences_the_rules_flag_are_left_to_them(model):
    text = "Candidats de moins de 30 ans uniquement."
    rules = check_text(text)
    assert "age" in rules.categories
    assert [f.rule for f in check_offer({"text": text}, text_only=True, sentence_model=model).findings] == \
        [f.rule for f in rules.findings]


def test_setting_switches_the_installed_model_on(model, home, monkeypatch):
    from tremplin.settings import get_settings, reset_settings

    monkeypatch.setenv("TREMPLIN_LEGALITY_SENTENCE_MODEL", "1")
    reset_settings()
    report = check_offer(OFFER)  # nothing installed: rules alone, without a word
    assert all(f.rule != sm.RULE_ID for f in report.findings) and not report.warnings
    path = get_settings().models_dir / sm.INSTALLED_FILE
    sm.save(model, path)
    assert sm.RULE_ID in check_offer(OFFER).rules_fired
    monkeypatch.setenv("TREMPLIN_LEGALITY_SENTENCE_MODEL", "0")
    reset_settings()
    assert sm.RULE_ID not in check_offer(OFFER).rules_fired
    monkeypatch.setenv("TREMPLIN_LEGALITY_SENTENCE_MODEL", "1")
    reset_settings()
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(DataUnavailable, match="détecteur de phrases invalide"):
        check_offer(OFFER)


@pytest.mark.parametrize("db", ["sqlite"])
def test_counsellors_decide_on_the_model_findings(model, tmp_path, home, monkeypatch, db):
    from tremplin.settings import get_settings, reset_settings

    monkeypatch.setenv("TREMPLIN_LEGALITY_SENTENCE_MODEL", "1")
    reset_settings()
    sm.save(model, get_settings().models_dir / sm.INSTALLED_FILE)
    offer = tmp_path / "offer.json"
    offer.write_text(json.dumps(OFFER, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["legality", "decide", "m1", "--actor", "conseillere-1", "--rule", sm.RULE_ID,
                                 "--outcome", "override", "--reason", "phrase lue : pas de critère d'âge",
                                 "--offer", str(offer), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["status"] == "overridden"
    rates = json.loads(runner.invoke(app, ["legality", "overrides", "--format", "json"]).stdout)
    row = {r["rule"]: r for r in rates["rules"]}[sm.RULE_ID]
    assert row["title"] == sm.RULE_TITLE and row["overridden"] == 1


# ------------------------------------------------------------------------------------------------ commands


def test_train_command_writes_a_weights_file_without_real_offer_words(tmp_path, home):
    from tremplin.services.legality.eval.build import split_of

    tune_ids = [str(i) for i in range(400) if split_of(str(i)) == "tune"][:12]
    lines = [json.dumps({"id": i, "intitule": "Agent zorglubien (H/F)", "dateCreation": "2026-02-01",
                         "description": f"Vous entretenez les zorglubiens du site. {LAWFUL[int(i) % 8]}"})
             for i in tune_ids]
    offers = tmp_path / "offers.jsonl"
    offers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "weights.json"
    result = runner.invoke(app, ["train", "legality-sentences", "--offers", str(offers), "--output", str(out),
                                 "--folds", "2", "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    meta = json.loads(result.stdout)
    trained = sm.load(out)
    assert meta["version"] == trained.version and "pay" not in trained.classes
    assert trained.version.startswith("3+") and meta["thresholds"] == dict(zip(trained.classes, trained.thresholds,
                                                                                strict=True))
    assert trained.info["real_offers"] == len(tune_ids) and "heldout8" in trained.info["template_sets"]
    assert not any("zorglu" in f for f in trained.weights)
    missing = runner.invoke(app, ["train", "legality-sentences", "--offers", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 2 and "introuvable" in missing.stderr


def test_train_until_a_set_leaves_the_later_sets_out(tmp_path, home):
    """--until: the detector measured on sets written after it must not have learnt them."""
    from tremplin.services.legality.eval.build import split_of

    offers = tmp_path / "offers.jsonl"
    offers.write_text("".join(json.dumps({"id": str(i), "intitule": "Agent (H/F)", "description": LAWFUL[i % 8]}) + "\n"
                              for i in range(60) if split_of(str(i)) == "tune"), encoding="utf-8")
    out = tmp_path / "weights.json"
    result = runner.invoke(app, ["train", "legality-sentences", "--offers", str(offers), "--output", str(out),
                                 "--folds", "2", "--until", "heldout3", "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    assert sm.load(out).info["template_sets"] == ["tune", "heldout", "heldout2", "heldout3"]
    unknown = runner.invoke(app, ["train", "legality-sentences", "--offers", str(offers), "--until", "heldout99"])
    assert unknown.exit_code == 2 and "heldout99" in unknown.stderr and "--until" in unknown.stderr


def test_evaluate_refuses_a_bad_weights_file(tmp_path, home):
    offers = tmp_path / "offers.jsonl"
    offers.write_text(json.dumps({"id": "1", "description": "Vendeur."}) + "\n", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "legality", "--offers", str(offers), "--sentence-model", str(bad)])
    assert result.exit_code == 2 and "--sentence-model" in result.stderr and "JSON invalide" in result.stderr


def test_evaluate_sets_rules_plus_model_against_rules_alone(model, tmp_path, home, shared_data):
    from tremplin.services.legality.eval.build import load_labels

    labels = load_labels()
    wanted = {k for split in ("tune", "heldout") for k in [i for i, v in labels.items() if v["split"] == split][:15]}
    src = shared_data / "offers" / "offers_dev.jsonl"
    offers = tmp_path / "offers.jsonl"
    offers.write_bytes(b"\n".join(line for line in src.read_bytes().splitlines() if json.loads(line)["id"] in wanted))
    weights = tmp_path / "weights.json"
    sm.save(model, weights)
    base = ["evaluate", "legality", "--offers", str(offers), "--variants", "1", "--format", "json", "-q"]
    alone = json.loads(runner.invoke(app, base).stdout)
    result = runner.invoke(app, [*base, "--sentence-model", str(weights)])
    assert result.exit_code == 0, result.output
    both = json.loads(result.stdout)
    section = both["sentence_model"]
    assert section["model_version"] == model.version and "sentence_model" not in alone
    for split in ("tune", "heldout"):  # the rules' figures are those of a run without the model
        rules = section["per_set"][split]["rules"]
        assert rules["precision"] == alone[split]["all"]["precision"]
        assert rules["recall_discrimination_fee_pay"] == alone[split]["all"]["recall_discrimination_fee_pay"]
        assert section["per_set"][split]["rules_plus_model"]["precision"] == both[split]["all"]["precision"]
    assert section["real_offers"]["rules"]["share_review"] == alone["real_offers"]["share_review"]
    assert f"--sentence-model {weights}" in both["command"]
    text = runner.invoke(app, [*base[:6], "-q", "--sentence-model", str(weights)])
    assert text.exit_code == 0 and "règles seules → règles + détecteur" in text.stdout

"""How much of the occupation-coding error is in the labels? An analysis of the TRAIN half.

For each offer of the train half of ``offers_dev.jsonl`` (``split_of`` in
``services/rome_coding/evaluate.py``) it compares three things France Travail gives with the offer:
the title the recruiter wrote, the appellation chosen (``appellationlibelle``) and the code
(``romeCode``). It writes, per category, how many offers there are and how well the installed
model does on them:

1. ``appellation_fiche``: is the appellation listed, in the ROME v3 tree of July 2021 (mirror
   ``market/arbo_rome_ogr_202107.csv``) or in ROME 4.0, under the fiche of the offer's code?
2. ``title_vs_appellation``: after the model's own preparation (one gender, no tags, no noise
   words, light plural stemming), are the title's words those of the appellation, do they share
   at least one word, or none (then the code was chosen from something the title does not say)?
3. ``generic``: are all the title's words found together in appellations of three or more
   different fiches (a generic title such as "Commercial", "Vendeur", "Chef d'équipe")?

Needs a trained model under TREMPLIN_HOME and TREMPLIN_DATA_MIRROR set. Only the train half
is read unless ``--split`` says otherwise (the eval half is kept for evaluation).

    .venv/bin/python benchmarks/rome_label_noise.py [--split train] [--examples 0]

Writes benchmarks/results/rome_label_noise.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _machine import command, machine, save_result  # noqa: E402


def _key(label: str) -> str:
    from tremplin.text.normalize import fold

    return " ".join(fold(label).replace("(", " ").replace(")", " ").split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train", choices=["train", "eval", "all"])
    parser.add_argument("--examples", type=int, default=0, help="print up to N offers of each category")
    args = parser.parse_args()

    from tremplin.referentials import rome
    from tremplin.services.rome_coding.evaluate import read_offers
    from tremplin.services.rome_coding.model import STOP_WORDS, _light_stem
    from tremplin.services.rome_coding.service import code_occupations, load_model
    from tremplin.settings import get_settings

    mirror = get_settings().data_mirror
    if mirror is None:
        raise SystemExit("TREMPLIN_DATA_MIRROR must point at the shared data folder")
    mirror = Path(mirror)
    offers = read_offers(mirror / "offers" / "offers_dev.jsonl", args.split)
    model, meta = load_model()
    if meta.get("pairs", 0) and args.split != "eval":
        raise SystemExit("the installed model was trained with labelled pairs: its figures on the train half would "
                         "be fitted ones; train it on the referential alone (tremplin train rome)")
    parents = model.parents_

    frames = rome.frames()
    v4: dict[str, set[str]] = defaultdict(set)
    for label, short, code in zip(frames["appellations"]["label"], frames["appellations"]["short_label"],
                                  frames["appellations"]["code"], strict=True):
        v4[_key(label)].add(parents.get(code, code))
        v4[_key(short)].add(parents.get(code, code))
    v3: dict[str, set[str]] = defaultdict(set)
    with open(mirror / "market" / "arbo_rome_ogr_202107.csv", encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter=";"):
            if len(row) >= 5 and row[2].strip() and row[4].strip():
                v3[_key(row[3])].add(row[0] + row[1] + row[2])

    def words(text: str) -> set[str]:
        return {_light_stem(w) for w in model._prepare(text).words if w not in STOP_WORDS and len(w) > 2}

    # fiches of every appellation word set, to tell generic titles
    app_words = [(words(str(label)), parents.get(str(code), str(code)))
                 for label, code in zip(frames["appellations"]["label"], frames["appellations"]["code"], strict=True)]

    results = code_occupations([o["intitule"] for o in offers], top=10, threshold=0.5, mode="on")
    tables: dict[str, Counter] = {name: Counter() for name in ("appellation_fiche", "title_vs_appellation", "generic")}
    right1: dict[str, Counter] = {name: Counter() for name in tables}
    right3: dict[str, Counter] = {name: Counter() for name in tables}
    examples: dict[tuple[str, str], list] = defaultdict(list)
    for offer, result in zip(offers, results, strict=True):
        gold = parents.get(offer["romeCode"], offer["romeCode"])
        appellation = offer.get("appellationlibelle") or ""
        fiches = v3.get(_key(appellation)) or v4.get(_key(appellation))
        cat = {
            "appellation_fiche": ("appellation introuvable" if not fiches else
                                  "appellation sous la fiche du code" if gold in fiches else
                                  "appellation sous une autre fiche"),
        }
        t, a = words(offer["intitule"]), words(appellation)
        cat["title_vs_appellation"] = ("mêmes mots" if t and t == a else "au moins un mot commun" if t & a
                                       else "aucun mot commun")
        n_fiches = len({f for ws, f in app_words if t and t <= ws})
        cat["generic"] = "générique (3 fiches ou plus)" if n_fiches >= 3 else "spécifique"
        names = list(dict.fromkeys(c.parent.code for c in result.candidates))
        ok1, ok3 = bool(names) and names[0] == gold, gold in names[:3]
        for table, value in cat.items():
            tables[table][value] += 1
            right1[table][value] += ok1
            right3[table][value] += ok3
            if len(examples[(table, value)]) < args.examples and not ok1:
                examples[(table, value)].append((offer["intitule"], gold, appellation, names[:2]))

    n = len(offers)
    report = {
        "split": args.split,
        "offers": n,
        "model_version": meta.get("model_version"),
        "model_training_pairs": meta.get("pairs", 0),
        "tables": {
            table: {value: {"offers": k, "share": round(k / n, 4), "top1": round(right1[table][value] / k, 3),
                            "top3": round(right3[table][value] / k, 3)}
                    for value, k in counts.most_common()}
            for table, counts in tables.items()
        },
        "command": command(),
        "machine": machine(),
    }
    save_result("rome_label_noise", report)
    print(json.dumps(report["tables"], ensure_ascii=False, indent=1))
    for (table, value), rows in examples.items():
        if not rows:
            continue
        print(f"--- {table} / {value}")
        for row in rows:
            print("   ", row)


if __name__ == "__main__":
    main()

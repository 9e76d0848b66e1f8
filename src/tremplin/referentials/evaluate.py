"""How well do the derived code → competence links agree with real offers?

France Travail offers carry the ROME code the agency assigned (``romeCode``) and the competences
the recruiter picked from the ROME (``competences[].code``). Each (code, competence) pair seen
in real offers is evidence of a true link. We measure the share of those pairs that the
derived links contain within the first k competences of the code (recall@k), separately for
competences (savoir-faire, macro-competences included) and savoirs.

This is a partial check: offers use only a handful of a code's competences, and recruiters
pick among all ROME competences, not only those of the code's fiche.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tremplin.errors import InvalidInput

KS = (5, 10, 20, 30)


def evaluate_links(offers_path: str | Path) -> dict[str, Any]:
    from tremplin.referentials import rome

    path = Path(offers_path)
    if not path.is_file():
        raise InvalidInput(f"fichier d'offres introuvable : {path}", field="offers")
    frames = rome.frames()
    known = {"competences": set(frames["competences"]["code_ogr"]), "savoirs": set(frames["savoirs"]["code_ogr"])}
    pairs: dict[str, set[tuple[str, str]]] = {"competences": set(), "savoirs": set()}
    offers = with_code = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            offers += 1
            try:
                offer = json.loads(line)
            except json.JSONDecodeError:
                continue
            code = offer.get("romeCode")
            if not code:
                continue
            with_code += 1
            for item in offer.get("competences") or []:
                ogr = str(item.get("code") or "")
                for kind in ("competences", "savoirs"):
                    if ogr in known[kind]:
                        pairs[kind].add((code, ogr))
    result: dict[str, Any] = {"offers": offers, "offers_with_rome_code": with_code,
                              "method": rome.info().get("links_method"), "rome_version": rome.version()}
    for kind, table in (("competences", "code_competences"), ("savoirs", "code_savoirs")):
        links = frames[table]
        found = {}
        for k in KS:
            top = links[links["rank"] <= k]
            linked = set(zip(top["code"], top["code_ogr"], strict=True))
            found[f"recall@{k}"] = round(sum(p in linked for p in pairs[kind]) / len(pairs[kind]), 3) if pairs[kind] else None
        codes = {c for c, _ in pairs[kind]}
        result[kind] = {"pairs": len(pairs[kind]), "codes": len(codes), **found}
    return result

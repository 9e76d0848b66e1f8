"""Realism report: simulated marginals next to real ones, where real data exists.

Real data comes only from the local mirror (``TREMPLIN_DATA_MIRROR``): the 2,797 real offers
(``offers/offers_dev.jsonl``), the tension indicators 2021 per ROME × bassin
(``market/cities-tension-utf8.csv``) and jobseekers per bassin (``market/secteurs_bassins.csv``).
Nothing here feeds back into the simulator: the report shows the gaps, it does not close them.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from tremplin.simulate import params as P
from tremplin.simulate.files import Territory
from tremplin.simulate.sources import _mirror_file, load_real_offers

_SALARY = re.compile(r"(Mensuel|Annuel|Horaire) de ([\d]+(?:[.,]\d+)?) Euros(?: à ([\d]+(?:[.,]\d+)?) Euros)?")


def parse_salary(label: str | None) -> float | None:
    """Monthly gross minimum from a France Travail ``salaire.libelle`` (None when absent)."""
    if not label:
        return None
    m = _SALARY.search(label)
    if not m:
        return None
    value = float(m.group(2).replace(",", "."))
    if m.group(1) == "Annuel":
        return value / 12
    if m.group(1) == "Horaire":
        return value * P.MONTHLY_HOURS_FULL_TIME
    return value


def _pct(x: float) -> float:
    return round(100 * float(x), 1)


def contract_table(territory: Territory, real: list[dict] | None) -> dict:
    sim = territory.table("offers", ["contract_type"])["contract_type"].value_counts(normalize=True)
    rows = []
    real_share = pd.Series(dtype=float)
    by_source = {}
    if real:
        rdf = pd.DataFrame({"type": [o.get("typeContrat") for o in real], "source": [o.get("_source") for o in real]})
        real_share = rdf["type"].value_counts(normalize=True)
        for src, g in rdf.groupby("source"):
            by_source[src] = {k: _pct(v) for k, v in g["type"].value_counts(normalize=True).items()}
    for t in sorted(set(sim.index) | set(real_share.index), key=lambda k: -(sim.get(k, 0) + real_share.get(k, 0))):
        rows.append({"contrat": t, "simulé_%": _pct(sim.get(t, 0)), "réel_%": _pct(real_share.get(t, 0)) if real else None})
    return {"rows": rows, "real_by_source": by_source, "real_n": len(real or [])}


def salary_table(territory: Territory, real: list[dict] | None) -> dict:
    offers = territory.table("offers", ["salary_label", "contract_type", "weekly_hours"])
    sim = offers["salary_label"].map(parse_salary)
    out = {"rows": []}
    real_vals = pd.Series(dtype=float)
    real_types = pd.Series(dtype=object)
    if real:
        labels = [o.get("salaire", {}).get("libelle") if isinstance(o.get("salaire"), dict) else o.get("salaire") for o in real]
        real_vals = pd.Series([parse_salary(x) for x in labels], dtype=float)
        real_types = pd.Series([o.get("typeContrat") for o in real])
    for name, s, r in (
        ("toutes offres", sim, real_vals),
        ("CDI", sim[offers["contract_type"] == "CDI"], real_vals[real_types == "CDI"] if len(real_vals) else real_vals),
        ("CDD", sim[offers["contract_type"] == "CDD"], real_vals[real_types == "CDD"] if len(real_vals) else real_vals),
        ("MIS", sim[offers["contract_type"] == "MIS"], real_vals[real_types == "MIS"] if len(real_vals) else real_vals),
    ):
        s, r = s.dropna(), r.dropna()
        out["rows"].append({
            "offres": name,
            "simulé_n": int(len(s)), "simulé_q25": _q(s, 0.25), "simulé_médiane": _q(s, 0.5), "simulé_q75": _q(s, 0.75),
            "réel_n": int(len(r)), "réel_q25": _q(r, 0.25), "réel_médiane": _q(r, 0.5), "réel_q75": _q(r, 0.75),
        })
    out["share_shown_sim_%"] = _pct(sim.notna().mean())
    out["share_shown_real_%"] = _pct(real_vals.notna().mean()) if len(real_vals) else None
    return out


def _q(s: pd.Series, q: float):
    return round(float(s.quantile(q)), 0) if len(s) else None


def tension_table(territory: Territory) -> dict:
    path = _mirror_file("market", "cities-tension-utf8.csv")
    if not path:
        return {"available": False}
    raw = pd.read_csv(path, sep=";", dtype=str)
    t = pd.DataFrame({
        "fiche": raw["ROME"], "bassin": raw["cbassin"],
        "oee": pd.to_numeric(raw["oee"].str.replace(",", "."), errors="coerce"),
        "defm": pd.to_numeric(raw["defm_abc"].str.replace(",", "."), errors="coerce"),
    })
    bassins = set(territory.table("bassins")["code"])
    t = t[t["bassin"].isin(bassins)]
    offers = territory.table("offers", ["rome_fiche", "bassin"])
    js = territory.table("jobseekers", ["main_rome_code", "bassin"])
    from tremplin.simulate.universe import Universe  # noqa: F401  (documentation of the fiche notion)

    fiche_of = _fiche_map(territory)
    js = js.assign(fiche=js["main_rome_code"].map(fiche_of).fillna(js["main_rome_code"]))
    so = offers.groupby(["rome_fiche", "bassin"]).size().rename("sim_offers")
    sj = js.groupby(["fiche", "bassin"]).size().rename("sim_jobseekers")
    sim = pd.concat([so, sj], axis=1).fillna(0)
    sim.index.names = ["fiche", "bassin"]
    merged = t.set_index(["fiche", "bassin"]).join(sim, how="outer").fillna(0)
    merged = merged[(merged["defm"] >= 20) & (merged["sim_jobseekers"] >= 5)]
    merged["real_ratio"] = merged["oee"] / merged["defm"]
    merged["sim_ratio"] = merged["sim_offers"] / merged["sim_jobseekers"]
    out = {"available": True, "cells": int(len(merged))}
    if len(merged) >= 5:
        out["spearman_ratio"] = round(float(merged["real_ratio"].rank().corr(merged["sim_ratio"].rank())), 3)
        out["spearman_offers"] = round(float(merged["oee"].rank().corr(merged["sim_offers"].rank())), 3)
        out["spearman_jobseekers"] = round(float(merged["defm"].rank().corr(merged["sim_jobseekers"].rank())), 3)
        top = merged.sort_values("defm", ascending=False).head(12).reset_index()
        out["rows"] = [{
            "fiche": r["fiche"], "bassin": r["bassin"], "réel_offres/DE": round(r["real_ratio"], 2),
            "simulé_offres/DE": round(r["sim_ratio"], 2), "réel_DE": round(r["defm"], 0), "simulé_DE": int(r["sim_jobseekers"]),
        } for _, r in top.iterrows()]
        out["scale_note"] = ("les niveaux diffèrent par construction (offres réelles annuelles de tous canaux vs offres simulées "
                             "sur la période) : comparer les rangs (corrélation de Spearman), pas les niveaux")
    return out


def _fiche_map(territory: Territory) -> dict:
    offers = territory.table("offers", ["rome_code", "rome_fiche"]).drop_duplicates()
    return dict(zip(offers["rome_code"], offers["rome_fiche"], strict=True))


def bassin_table(territory: Territory) -> dict:
    js = territory.table("jobseekers", ["bassin"])["bassin"].value_counts(normalize=True)
    path = _mirror_file("market", "secteurs_bassins.csv")
    rows = []
    real = pd.Series(dtype=float)
    if path:
        raw = pd.read_csv(path, sep=";", dtype=str)
        raw["n"] = pd.to_numeric(raw["demandeurs_emploi"], errors="coerce")
        real = raw[raw["code_bassin"].isin(js.index)].groupby("code_bassin")["n"].sum()
        real = real / real.sum() if real.sum() else real
    names = territory.table("bassins").set_index("code")["name"].to_dict()
    for b in sorted(js.index):
        rows.append({"bassin": b, "nom": names.get(b, ""), "simulé_%": _pct(js[b]), "réel_%": _pct(real.get(b, np.nan)) if len(real) else None})
    return {"rows": rows}


def distance_table(territory: Territory) -> dict:
    js = territory.table("jobseekers", ["jobseeker_id", "latitude", "longitude", "mobility_radius_km"]).set_index("jobseeker_id")
    off = territory.table("offers", ["offer_id", "latitude", "longitude"]).set_index("offer_id")
    from tremplin.simulate.geography import haversine_km

    out = {}
    for name in ("applications", "hires"):
        t = territory.table(name, ["jobseeker_id", "offer_id"])
        if not len(t):
            continue
        a = js.loc[t["jobseeker_id"]]
        b = off.loc[t["offer_id"]]
        d = pd.Series(haversine_km(a["latitude"].to_numpy(), a["longitude"].to_numpy(), b["latitude"].to_numpy(), b["longitude"].to_numpy()))
        out[name] = {"n": int(len(d)), **{f"q{int(q * 100)}_km": round(float(d.quantile(q)), 1) for q in (0.25, 0.5, 0.75, 0.9)},
                     "share_same_commune_%": _pct((d < 0.01).mean())}
    out["declared_radius"] = {f"q{int(q * 100)}_km": round(float(js["mobility_radius_km"].quantile(q)), 1) for q in (0.25, 0.5, 0.75, 0.9)}
    out["real_reference"] = ("aucune donnée réelle de distance dans le miroir ; ordre de grandeur publié : la moitié des actifs "
                             "qui changent de commune pour travailler parcourent moins de 15 km environ (INSEE, navettes "
                             "domicile-travail) — à vérifier avant usage")
    return out


def population_table(territory: Territory) -> dict:
    p = territory.table("protected_attributes")
    j = territory.table("jobseekers", ["education_level", "unemployment_months_at_start", "registered_on"])
    stock = j["unemployment_months_at_start"] > 0
    rows = [
        {"indicateur": "femmes", "simulé_%": _pct((p["sex"] == "F").mean()), "référence_%": _pct(P.SHARE_WOMEN), "source": "DARES (ABC)"},
        {"indicateur": "moins de 25 ans", "simulé_%": _pct((p["age_at_start"] < 25).mean()), "référence_%": _pct(P.AGE_BANDS[0][2]), "source": "DARES (ABC)"},
        {"indicateur": "50 ans et plus", "simulé_%": _pct((p["age_at_start"] >= 50).mean()), "référence_%": _pct(P.AGE_BANDS[3][2]), "source": "DARES (ABC)"},
        {"indicateur": "RQTH / BOE", "simulé_%": _pct(p["rqth"].mean()), "référence_%": _pct(P.SHARE_RQTH), "source": "Agefiph"},
        {"indicateur": "résidents QPV", "simulé_%": _pct(p["qpv"].mean()), "référence_%": "12 à 13 (national)", "source": "ONPV"},
        {"indicateur": "nationalité hors UE", "simulé_%": _pct((p["nationality_group"] == "hors UE").mean()), "référence_%": 11.0, "source": "DARES"},
        {"indicateur": "sans diplôme (infra 3)", "simulé_%": _pct(j["education_level"].isna().mean()), "référence_%": _pct(P.EDUCATION_SHARES[0][1]), "source": "DARES"},
        {"indicateur": "inscrits depuis 12 mois ou plus (stock au départ)", "simulé_%": _pct((j.loc[stock, "unemployment_months_at_start"] >= 12).mean()) if stock.any() else None,
         "référence_%": _pct(P.SHARE_LONG_TERM), "source": "DARES (ABC)"},
    ]
    return {"rows": rows}


def market_table(territory: Territory) -> dict:
    o = territory.table("offers", ["status", "n_applications", "filled_within_30_days", "posts"])
    j = territory.table("jobseekers", ["exit_reason"])
    return {
        "offers_status_%": {k: _pct(v) for k, v in o["status"].value_counts(normalize=True).items()},
        "filled_within_30_days_%": _pct(o["filled_within_30_days"].mean()),
        "applications_per_offer": {"mean": round(float(o["n_applications"].mean()), 2), "median": float(o["n_applications"].median()),
                                   "q90": float(o["n_applications"].quantile(0.9)), "max": int(o["n_applications"].max())},
        "share_offers_without_application_%": _pct((o["n_applications"] == 0).mean()),
        "jobseeker_exit_%": {k: _pct(v) for k, v in j["exit_reason"].value_counts(normalize=True).items()},
    }


def build_report(territory: Territory) -> dict:
    real = load_real_offers()
    return {
        "territory_id": territory.territory_id,
        "simulated": True,
        "real_data": "miroir TREMPLIN_DATA_MIRROR" if real is not None else "absent : colonnes « réel » vides",
        "contracts": contract_table(territory, real),
        "salaries": salary_table(territory, real),
        "tension": tension_table(territory),
        "bassins": bassin_table(territory),
        "distances": distance_table(territory),
        "population": population_table(territory),
        "market": market_table(territory),
    }


def _md_table(rows: list[dict]) -> str:
    if not rows:
        return "_(aucune donnée)_\n"
    cols = list(dict.fromkeys(c for r in rows for c in r))
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        lines.append("| " + " | ".join("" if r.get(c) is None else str(r.get(c)) for c in cols) + " |")
    return "\n".join(lines) + "\n"


def render_markdown(report: dict) -> str:
    out = [f"# Rapport de réalisme — territoire SIMULÉ {report['territory_id']}\n",
           "Chiffres simulés comparés aux données réelles disponibles dans le miroir. Le simulateur n'a pas été réglé sur ces écarts.\n",
           "## Types de contrat des offres\n", _md_table(report["contracts"]["rows"])]
    if report["contracts"]["real_by_source"]:
        out.append("Répartition réelle par source de l'échantillon (l'échantillon réel n'est pas représentatif) :\n")
        for src, shares in report["contracts"]["real_by_source"].items():
            out.append(f"- {src} : " + ", ".join(f"{k} {v} %" for k, v in shares.items()) + "\n")
    out += ["\n## Salaires mensuels bruts minimaux affichés (€)\n", _md_table(report["salaries"]["rows"]),
            f"\nOffres affichant un montant : simulé {report['salaries']['share_shown_sim_%']} %, réel {report['salaries']['share_shown_real_%']} %.\n",
            "\n## Offres par demandeur, fiche ROME × bassin, comparées aux indicateurs de tension 2021\n"]
    t = report["tension"]
    if t.get("available") and t.get("rows"):
        out.append(f"Cellules comparées : {t['cells']} ; corrélation de rang (Spearman) du ratio offres/DE : {t['spearman_ratio']} ; "
                   f"des offres : {t['spearman_offers']} ; des demandeurs : {t['spearman_jobseekers']}. {t['scale_note']}.\n\n")
        out.append(_md_table(t["rows"]))
    else:
        out.append("_(indicateurs de tension indisponibles ou trop peu de cellules)_\n")
    out += ["\n## Demandeurs par bassin d'emploi\n", _md_table(report["bassins"]["rows"]),
            "\n## Distances domicile – offre (km, à vol d'oiseau)\n"]
    d = report["distances"]
    rows = [{"ensemble": k, **v} for k, v in d.items() if isinstance(v, dict)]
    out.append(_md_table(rows))
    out.append(f"\n{d['real_reference']}.\n")
    out += ["\n## Population de demandeurs\n", _md_table(report["population"]["rows"]), "\n## Marché simulé\n"]
    m = report["market"]
    out.append(f"- statut final des offres : {m['offers_status_%']}\n- pourvues en 30 jours ou moins : {m['filled_within_30_days_%']} %\n"
               f"- candidatures par offre : {m['applications_per_offer']}\n- offres sans candidature : {m['share_offers_without_application_%']} %\n"
               f"- sortie des demandeurs : {m['jobseeker_exit_%']}\n")
    return "".join(out)

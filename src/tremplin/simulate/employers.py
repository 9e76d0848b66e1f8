"""Companies and their offers (France Travail « Offres d'emploi v2 » shape).

Companies: NAF sector drawn from the national hirings by sector (ROME × NAF hiring table of the
mirror), size band from ``params.SIZE_BANDS``, location population-weighted. Offers: a company
drawn by hiring weight of its size band, then a fiche ROME from the company's sector's hirings
(``P(fiche | NAF) ∝ hirings``), a ROME 4.0 code of that fiche and one of its appellations.
Without the hiring table, sectors and fiches are drawn uniformly (a warning says so).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tremplin.simulate import params as P
from tremplin.simulate.columns import ListCol
from tremplin.simulate.population import smic_hourly
from tremplin.simulate.rng import choice_index, grouped_choice, stream, triangular
from tremplin.simulate.textkit import (
    fill_by_choice,
    join_groups,
    lower_first,
    pick,
    regex_replace,
    strip_final_dot,
)
from tremplin.simulate.universe import Universe, draw_in_groups, draw_many_in_groups

SECTOR_NOUNS = {
    "01": ["EARL", "GAEC", "Ferme"], "02": ["Exploitation forestière"], "10": ["Boulangerie", "Fromagerie", "Salaisons"],
    "11": ["Brasserie artisanale"], "16": ["Scierie", "Menuiserie industrielle"], "22": ["Plasturgie"],
    "25": ["Décolletage", "Mécanique de précision"], "28": ["Industries mécaniques"], "33": ["Maintenance industrielle"],
    "41": ["Constructions", "Promotion immobilière"], "42": ["Travaux publics"], "43": ["Bâtiment", "Électricité", "Plomberie", "Menuiserie"],
    "45": ["Garage", "Carrosserie"], "46": ["Distribution", "Négoce"], "47": ["Supermarché", "Boutique", "Pharmacie"],
    "49": ["Transports", "Taxis"], "52": ["Logistique"], "55": ["Hôtel", "Résidence de tourisme"],
    "56": ["Restaurant", "Brasserie", "Traiteur"], "62": ["Informatique", "Solutions numériques"],
    "64": ["Banque"], "65": ["Assurances"], "68": ["Agence immobilière"], "69": ["Cabinet comptable", "Cabinet juridique"],
    "70": ["Conseil"], "71": ["Bureau d'études"], "73": ["Agence de communication"], "78": ["Intérim", "Travail temporaire"],
    "81": ["Propreté", "Espaces verts"], "84": ["Commune de", "Communauté de communes"], "85": ["École", "Centre de formation"],
    "86": ["Clinique", "Centre médical"], "87": ["EHPAD", "Résidence seniors"], "88": ["Association d'aide à domicile", "Crèche"],
    "93": ["Remontées mécaniques", "Club sportif"], "96": ["Salon de coiffure", "Institut de beauté"],
}
NAME_WORDS = np.array(
    ["du Lac", "des Alpes", "du Mont-Blanc", "des Aravis", "Savoie", "du Léman", "Dupraz", "Favre", "Bouvier",
     "Perrin", "Mermoz", "Rey", "Tissot", "Pollet", "Curtet", "Baud", "Berthet", "Vuagnat", "Duret", "Gay",
     "Morel", "Girard", "Blanc", "Martin", "Excelsior", "Horizon", "Avenir", "Étoile", "Arc-en-ciel", "Nova"],
    dtype=object,
)
LEGAL = np.array(["", "", " SARL", " SAS", " SA", " & Fils", " Services", " Groupe"], dtype=object)
QUALIF = {  # France Travail qualificationCode -> label
    "ouvrier_employe": ("6", "Employé non qualifié"),
    "qualifie": ("6", "Employé qualifié"),
    "technicien": ("7", "Technicien"),
    "cadre": ("9", "Cadre"),
}
SIZE_PHRASE = {
    "1-2": "une très petite entreprise", "3-5": "une petite équipe de {size} personnes",
    "6-9": "une entreprise de {size} salariés", "10-19": "une PME de {size} salariés",
    "20-49": "une PME de {size} collaborateurs", "50-99": "une entreprise de près de {size} salariés",
    "100-199": "une entreprise de plus de 100 salariés", "200-499": "un établissement de plus de 200 salariés",
    "500+": "un groupe de plus de 500 salariés",
}


def generate_companies(seed: int, n: int, communes: pd.DataFrame, rome_naf: pd.DataFrame | None, naf_labels, id_prefix: str) -> dict:
    rng = stream(seed, "companies")
    if rome_naf is not None and len(rome_naf):
        by_naf = rome_naf.groupby("naf", sort=True).agg(hirings=("hirings", "sum"), label=("naf_label", "first"))
        naf_codes = by_naf.index.to_numpy(dtype=object)
        naf = naf_codes[choice_index(rng, by_naf["hirings"].to_numpy(dtype=float), n)]
        label_of = by_naf["label"]
        naf_label = label_of.reindex(naf).fillna("").to_numpy(dtype=object)
    else:
        naf = np.full(n, "", dtype=object)
        naf_label = np.full(n, "Secteur non renseigné", dtype=object)
    band = choice_index(rng, np.array([b[3] for b in P.SIZE_BANDS]), n)
    lo = np.array([b[1] for b in P.SIZE_BANDS])[band]
    hi = np.array([b[2] for b in P.SIZE_BANDS])[band]
    size = lo + np.floor(rng.random(n) * (hi - lo + 1)).astype(int)
    c = choice_index(rng, communes["population"].to_numpy(dtype=float) ** 1.1, n)
    division = pd.Series(naf, dtype=object).str[:2].to_numpy(dtype=object)
    nouns = pick(rng, ["Société", "Entreprise", "Établissements"], n)
    for div in np.unique(division):
        options = SECTOR_NOUNS.get(div)
        if options:
            m = division == div
            nouns[m] = pick(rng, options, int(m.sum()))
    name = nouns + " " + pick(rng, NAME_WORDS, n) + pick(rng, LEGAL, n)
    return {
        "company_id": np.char.add(f"{id_prefix}C", np.char.zfill(np.arange(n).astype(str), 6)).astype(object),
        "name": name,
        "naf_code": naf,
        "naf_label": naf_label,
        "size_band": np.array([b[0] for b in P.SIZE_BANDS], dtype=object)[band],
        "headcount": size,
        "commune_code": communes["code"].to_numpy(dtype=object)[c],
        "bassin": communes["bassin"].to_numpy(dtype=object)[c],
        "is_temp_agency": naf == "7820Z",
        "_hiring_weight": np.array([b[4] for b in P.SIZE_BANDS])[band],
        "_commune_idx": c,
    }


def _fiche_given_naf(uni: Universe, rome_naf: pd.DataFrame | None, company_naf: np.ndarray, rng) -> np.ndarray:
    """A fiche (index in ``uni``) for each offer given its company's sector."""
    n = len(company_naf)
    fiches = np.unique(uni.parent_idx)
    if rome_naf is None or not len(rome_naf):
        return fiches[np.floor(rng.random(n) * len(fiches)).astype(int)]
    t = rome_naf.assign(k=uni.index(rome_naf["rome"].to_numpy())).query("k >= 0").sort_values(["naf", "k"])
    naf_codes, start = np.unique(t["naf"].to_numpy(dtype=object).astype(str), return_index=True)
    offsets = np.concatenate([start, [len(t)]])
    cum = t.groupby("naf", sort=True)["hirings"].cumsum().to_numpy(dtype=float)
    g = np.searchsorted(naf_codes, company_naf.astype(str))
    g = np.clip(g, 0, len(naf_codes) - 1)
    known = naf_codes[g] == company_naf.astype(str)
    out = fiches[np.floor(rng.random(n) * len(fiches)).astype(int)]
    if known.any():
        pick_ = grouped_choice(rng, g[known], offsets, cum)
        out[known] = t["k"].to_numpy()[pick_]
    return out


def generate_offers(
    seed: int, n: int, companies: dict, communes: pd.DataFrame, uni: Universe, rome_naf, tension,
    start, weeks: int, below_smic_share: float, id_prefix: str,
) -> dict:
    rng = stream(seed, "offers")
    start64 = np.datetime64(start, "D")
    comp = choice_index(rng, companies["_hiring_weight"], n)
    naf = companies["naf_code"][comp]
    fiche = _fiche_given_naf(uni, rome_naf, naf, rng)
    ch_off, ch_codes = uni.children()
    code = ch_codes[np.maximum(draw_in_groups(rng, ch_off, fiche), 0)]
    app = draw_in_groups(rng, uni.app_offsets, code)
    app_ogr, app_label = uni.app_ogr[np.maximum(app, 0)], uni.app_label[np.maximum(app, 0)]
    domain = uni.domain[code]

    # contract type (params.CONTRACT_SHARES), temp agencies post missions, tourism posts seasonal jobs
    ctypes = np.array([c for c, _ in P.CONTRACT_SHARES], dtype=object)
    cw = np.array([s for _, s in P.CONTRACT_SHARES])
    contract = ctypes[choice_index(rng, cw, n)]
    seasonal = np.isin(domain, ["G", "A"]) & (rng.random(n) < 0.12)
    contract[seasonal] = "SAI"
    temp = companies["is_temp_agency"][comp]
    contract[temp & (rng.random(n) < 0.9)] = "MIS"
    contract[~temp & (contract == "MIS")] = np.where(rng.random(int((~temp & (contract == "MIS")).sum())) < 0.5, "CDD", "MIS")
    duration = np.zeros(n)
    for c, spec in P.CONTRACT_DURATION_MONTHS.items():
        m = contract == c
        duration[m] = triangular(rng, spec, int(m.sum()))
    duration = np.where(duration > 0, np.maximum(1, np.round(duration)), 0)
    alternance = np.isin(contract, ["CDD", "CDI"]) & (rng.random(n) < P.SHARE_ALTERNANCE)

    # dates: uniform over the period; seasonal contracts before the winter and summer seasons
    week = np.floor(rng.random(n) * max(weeks - 1, 1)).astype(int)
    created = start64 + week * 7 + np.floor(rng.random(n) * 7).astype(int)
    sai = contract == "SAI"
    if sai.any():
        season_start = np.where(rng.random(int(sai.sum())) < 0.6, 36, 14)  # ISO weeks ~ september / april
        year0 = np.datetime64(f"{start.year}-01-01", "D")
        yr = np.floor(rng.random(int(sai.sum())) * max(1, round(weeks / 52))).astype(int)
        d = year0 + (yr * 52 + season_start + np.floor(rng.random(int(sai.sum())) * 8).astype(int)) * 7
        d = np.clip(d, start64, start64 + (weeks - 1) * 7 - 1)
        created[sai] = d
    lifetime = np.round(triangular(rng, P.OFFER_LIFETIME_WEEKS, n)).astype(int)

    # hours
    part = rng.random(n) < P.SHARE_PART_TIME_OFFERS
    hours = np.where(part, pick(rng, [20, 24, 25, 28, 30], n).astype(float), np.where(rng.random(n) < 0.15, 39.0, 35.0))

    # level, education and experience required
    cadre = uni.cadre[code]
    edu_req = np.where(
        cadre, pick(rng, [5, 6, 7, 7], n).astype(int),
        np.where(rng.random(n) < 0.45, 0, pick(rng, [3, 3, 4, 4, 5], n).astype(int)),
    )
    exp_req_months = np.where(rng.random(n) < 0.42, 0, pick(rng, [6, 12, 12, 24, 24, 36, 60], n).astype(int))
    level = np.where(
        cadre, "cadre", np.where(edu_req >= 5, "technicien", np.where(exp_req_months >= 24, "qualifie", "ouvrier_employe"))
    ).astype(object)

    # salary: a multiple of the SMIC of the creation date, never below it unless the scenario asks
    med = np.array([P.SALARY_MULTIPLIER[lv][0] for lv in level])
    sd = np.array([P.SALARY_MULTIPLIER[lv][1] for lv in level])
    smic_h = smic_hourly(created)
    smic_month_ft = smic_h * P.MONTHLY_HOURS_FULL_TIME
    fte_min = np.maximum(smic_month_ft * med * np.exp(rng.normal(0, 1, n) * sd), smic_month_ft)
    prorata = hours / 35.0
    salary_min = np.round(fte_min * prorata / 10) * 10
    floor = smic_month_ft * prorata
    salary_min = np.maximum(salary_min, np.ceil(floor))
    below = rng.random(n) < below_smic_share
    salary_min[below] = np.floor(floor[below] * rng.uniform(0.82, 0.97, int(below.sum())))
    spread = np.where(rng.random(n) < 0.45, 0.0, rng.uniform(0.04, 0.25, n))
    salary_max = np.round(salary_min * (1 + spread) / 10) * 10
    salary_max = np.maximum(salary_max, salary_min)
    hourly = np.round(salary_min / (hours * 52 / 12), 2)
    show = np.where(
        rng.random(n) < P.SHARE_SALARY_MISSING, "none",
        np.where(np.isin(contract, ["MIS", "SAI"]) & (rng.random(n) < 0.6), "hourly",
                 np.where(cadre & (rng.random(n) < 0.7), "annual", "monthly")),
    )
    months_paid = np.where(rng.random(n) < 0.25, 13.0, 12.0)

    # skills, licence, languages
    k = 3 + np.floor(rng.random(n) * 6).astype(int)
    s_row, s_item = draw_many_in_groups(rng, uni.comp_offsets, code, k)
    skill_ogr = uni.comp_ogr[s_item]
    skill_required = rng.random(len(s_row)) < 0.4
    licence_req = np.where(domain == "N", rng.random(n) < 0.75, rng.random(n) < np.where(np.isin(domain, ["F", "I", "A"]), 0.3, 0.06))
    english = rng.random(n) < np.where(cadre, 0.35, np.where(np.isin(domain, ["G", "D"]), 0.15, 0.03))
    posts = np.where(rng.random(n) < 0.88, 1, np.where(rng.random(n) < 0.65, 2, 3 + np.floor(rng.random(n) * 3).astype(int)))
    c_idx = companies["_commune_idx"][comp]
    tension_flag = np.zeros(n, dtype=bool)
    if tension is not None:
        hot = tension[tension["tension"] >= 4]
        hot_keys = (hot["rome"].astype(str) + "|" + hot["bassin"].astype(str)).to_numpy(dtype=object)
        keys = uni.codes[uni.parent_idx[code]].astype(object) + "|" + companies["bassin"][comp].astype(object)
        tension_flag = pd.Index(keys).isin(hot_keys)

    return {
        "offer_id": np.char.add(f"{id_prefix}O", np.char.zfill(np.arange(n).astype(str), 7)).astype(object),
        "company_id": companies["company_id"][comp],
        "rome_code": uni.codes[code],
        "rome_fiche": uni.codes[uni.parent_idx[code]],
        "appellation_code": app_ogr,
        "appellation_label": app_label,
        "naf_code": naf,
        "commune_code": communes["code"].to_numpy(dtype=object)[c_idx],
        "bassin": companies["bassin"][comp],
        "created_on": created,
        "contract_type": contract,
        "contract_months": duration,
        "alternance": alternance,
        "weekly_hours": hours,
        "salary_min_monthly": salary_min,
        "salary_max_monthly": salary_max,
        "salary_hourly": hourly,
        "salary_display": show.astype(object),
        "salary_months": months_paid,
        "below_smic": below | (salary_min < np.floor(floor) - 0.5),
        "smic_monthly_prorata": np.round(floor, 2),
        "education_required": np.where(edu_req == 0, -1, edu_req),
        "experience_required_months": exp_req_months,
        "qualification": level,
        "skills": ListCol.from_owner(s_row, skill_ogr, n),
        "skills_required": ListCol.from_owner(s_row, skill_required, n),
        "licence_required": licence_req,
        "english_required": english,
        "posts": posts.astype(np.int64),
        "in_tension": tension_flag,
        "_code_idx": code,
        "_skill_ids": ListCol.from_owner(s_row, uni.comp_id[s_item], n),
        "_skill_labels": ListCol.from_owner(s_row, uni.comp_label[s_item], n),
        "_lifetime_weeks": lifetime,
        "_company_idx": comp,
        "_commune_idx": c_idx,
    }


# ------------------------------------------------------------------------------------------
# Descriptions: composed from ROME definitions and competences, with varied structure.
# ------------------------------------------------------------------------------------------
INTROS = [
    "{company_name}, {size_phrase} installée à {place}, recrute {article} {title}.",
    "Dans le cadre de son développement, {size_phrase} du secteur « {sector} » recherche {article} {title} pour son site de {place}.",
    "Nous recrutons {article} {title} H/F.",
    "Rejoignez {company_name} ! Nous sommes {size_phrase} basée à {place}.",
    "Poste à pourvoir rapidement à {place}.",
    "Vous souhaitez donner un nouvel élan à votre carrière ? {company_name} vous attend.",
]
MISSION_HEADINGS = ["Vos missions :", "Missions principales", "Descriptif du poste :", "Au quotidien, vous :", "Le poste :", "Vos responsabilités"]
PROFILE_HEADINGS = ["Profil recherché :", "Votre profil", "Compétences attendues :", "Ce que nous attendons de vous :", "Qualités requises"]
BULLETS = ["- ", "• ", "* ", "→ "]
CONDITIONS = [
    "Contrat : {contract_label}. {hours_text}. {salary_text}",
    "Nous vous proposons un {contract_label_lower} ({hours_text}). {salary_text}",
    "Conditions : {hours_text}, {contract_label_lower}. {salary_text}",
    "{salary_text} {hours_text}. Prise de poste dès que possible.",
]


def describe_offers(rng: np.random.Generator, offers: dict, companies: dict, communes: pd.DataFrame, uni: Universe) -> tuple[np.ndarray, np.ndarray]:
    """(intitule, description) for every offer."""
    n = len(offers["offer_id"])
    code = offers["_code_idx"]
    comp = offers["_company_idx"]
    place = communes["name"].to_numpy(dtype=object)[offers["_commune_idx"]]
    title = offers["appellation_label"]
    # intitule: the appellation, sometimes with H/F, sometimes in capitals or with the contract
    variant = np.floor(rng.random(n) * 5).astype(int)
    intitule = np.where(
        variant == 0, title + " (H/F)",
        np.where(variant == 1, _upper(title),
                 np.where(variant == 2, title + " - " + offers["contract_type"], title)),
    ).astype(object)
    size_band = companies["size_band"][comp]
    headcount = companies["headcount"][comp].astype(str).astype(object)
    size_phrase = np.empty(n, dtype=object)
    for band, phrase in SIZE_PHRASE.items():
        m = size_band == band
        size_phrase[m] = np.char.replace(np.full(int(m.sum()), phrase), "{size}", headcount[m].astype(str)).astype(object) if m.any() else size_phrase[m]
    sector = companies["naf_label"][comp]
    sector = np.where(sector == "", "services", sector).astype(object)
    article = np.full(n, "un(e)", dtype=object)

    n_def = np.array([len(d) for d in uni.definitions])[code]
    # take up to 4 definition sentences, starting at a random one (vectorised over a flat index)
    take = np.minimum(n_def, 2 + np.floor(rng.random(n) * 3).astype(int))
    start = np.floor(rng.random(n) * np.maximum(n_def - take + 1, 1)).astype(int)
    flat_owner = np.repeat(np.arange(n), take)
    flat_pos = start[flat_owner] + (np.arange(take.sum()) - np.repeat(np.cumsum(take) - take, take))
    def_sent = _flat_defs(uni, code, flat_owner, flat_pos)
    bullet = pick(rng, BULLETS, n)
    missions_list = join_groups(flat_owner, bullet[flat_owner] + strip_final_dot(def_sent), n, "\n")
    missions_prose = join_groups(flat_owner, "Le ou la titulaire du poste " + lower_first(strip_final_dot(def_sent)) + ".", n, " ")
    skills = offers["_skill_labels"]
    s_owner = skills.owners()
    s_bullets = join_groups(s_owner, bullet[s_owner] + skills.values.astype(object), n, "\n")
    s_inline = join_groups(s_owner, lower_first(skills.values.astype(object)), n, ", ")
    exp = offers["experience_required_months"]
    exp_text = np.where(exp == 0, "Débutant·e accepté·e.", np.where(exp >= 12, "Expérience de " + (exp // 12).astype(str).astype(object) + " an(s) minimum sur un poste similaire.", "Une première expérience de " + exp.astype(str).astype(object) + " mois est souhaitée."))
    edu = offers["education_required"]
    from tremplin.simulate.params import EDUCATION_OFFER_LABELS

    edu_text = np.array([("Formation : " + EDUCATION_OFFER_LABELS[e] + ".") if e >= 3 else "" for e in range(9)], dtype=object)[np.maximum(edu, 0)]
    lic = np.where(offers["licence_required"], " Permis B indispensable.", "").astype(object)
    cl = pd.Series(offers["contract_type"], dtype=object).map(P.CONTRACT_LABELS).fillna("").to_numpy(dtype=object)
    dur = offers["contract_months"]
    cl = np.where(dur > 0, cl + " de " + np.char.mod("%d", dur.astype(int)).astype(object) + " mois", cl).astype(object)
    hours_text = np.char.mod("%g", offers["weekly_hours"]).astype(object) + "h par semaine"
    salary_text = salary_labels(offers)
    salary_sentence = np.where(salary_text == "", "Salaire selon profil et expérience.", "Rémunération : " + salary_text.astype(object) + ".").astype(object)
    cols = {
        "company_name": companies["name"][comp], "size_phrase": size_phrase, "place": place, "article": article,
        "title": title, "sector": _lower(sector),
        "contract_label": cl, "contract_label_lower": lower_first(cl), "hours_text": hours_text,
        "salary_text": salary_sentence,
    }
    intro = fill_by_choice(INTROS, np.floor(rng.random(n) * len(INTROS)).astype(int), cols)
    conditions = fill_by_choice(CONDITIONS, np.floor(rng.random(n) * len(CONDITIONS)).astype(int), cols)
    mh = pick(rng, MISSION_HEADINGS, n)
    ph = pick(rng, PROFILE_HEADINGS, n)
    profile = exp_text + " " + edu_text + lic
    structure = np.floor(rng.random(n) * 4).astype(int)
    body = np.empty(n, dtype=object)
    a = structure == 0  # intro / bullets / profile bullets / conditions
    body[a] = intro[a] + "\n\n" + mh[a] + "\n" + missions_list[a] + "\n\n" + ph[a] + "\n" + s_bullets[a] + "\n" + profile[a] + "\n\n" + conditions[a]
    b = structure == 1  # prose
    body[b] = intro[b] + " " + missions_prose[b] + "\n\nVous savez notamment " + s_inline[b] + ". " + profile[b] + "\n" + conditions[b]
    c = structure == 2  # conditions first
    body[c] = conditions[c] + "\n\n" + intro[c] + "\n" + mh[c] + "\n" + missions_list[c] + "\n\nCompétences : " + s_inline[c] + ".\n" + profile[c]
    d = structure == 3  # short
    body[d] = intro[d] + "\n" + missions_list[d] + "\n" + profile[d] + " " + salary_sentence[d]
    body = regex_replace(regex_replace(body, r"[ ]{2,}", " "), r"^\s+|\s+$", "")
    return intitule, body


def _upper(values: np.ndarray) -> np.ndarray:
    import pyarrow as pa
    import pyarrow.compute as pc

    return np.asarray(pc.utf8_upper(pa.array(values, type=pa.string())).to_numpy(zero_copy_only=False), dtype=object)


def _lower(values: np.ndarray) -> np.ndarray:
    import pyarrow as pa
    import pyarrow.compute as pc

    return np.asarray(pc.utf8_lower(pa.array(values, type=pa.string())).to_numpy(zero_copy_only=False), dtype=object)


def _flat_defs(uni: Universe, code: np.ndarray, owner: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """Definition sentences for (offer, position) pairs via a flat per-code table (large n)."""
    lens = np.array([len(d) for d in uni.definitions])
    offsets = np.concatenate([[0], np.cumsum(lens)])
    flat = np.array([s for d in uni.definitions for s in d], dtype=object)
    return flat[offsets[code[owner]] + pos]


def salary_labels(offers: dict) -> np.ndarray:
    """France Travail ``salaire.libelle`` strings ('' when the offer shows no amount)."""
    show = offers["salary_display"]
    lo, hi = offers["salary_min_monthly"], offers["salary_max_monthly"]
    months = offers["salary_months"]
    m_txt = np.char.mod("%.1f", months).astype(object)
    same = hi <= lo
    monthly = np.where(
        same, "Mensuel de " + np.char.mod("%.2f", lo).astype(object) + " Euros sur " + m_txt + " mois",
        "Mensuel de " + np.char.mod("%.2f", lo).astype(object) + " Euros à " + np.char.mod("%.2f", hi).astype(object) + " Euros sur " + m_txt + " mois",
    )
    annual = np.where(
        same, "Annuel de " + np.char.mod("%.2f", lo * months).astype(object) + " Euros",
        "Annuel de " + np.char.mod("%.2f", lo * months).astype(object) + " Euros à " + np.char.mod("%.2f", hi * months).astype(object) + " Euros",
    )
    hourly = "Horaire de " + np.char.mod("%.2f", offers["salary_hourly"]).astype(object) + " Euros"
    return np.select([show == "monthly", show == "annual", show == "hourly"], [monthly, annual, hourly], "").astype(object)

"""Ground-truth profiles of the jobseekers sampled for CV documents.

The profile is what a perfect CV reader would extract; ``tremplin.simulate.cvs.write_cvs``
(written by the CV area) lays it out as PDF, DOCX and ODT documents. A profile is a plain dict:

``jobseeker_id``, ``identity`` {first_name, last_name, email, phone, commune, postcode},
``title`` (target job), ``experiences`` [{title, rome_code, appellation_code, employer, place,
start "YYYY-MM", end "YYYY-MM" or null, missions [str]}], newest first, ``education``
[{diploma, level (3–8), school, year}], ``skills`` [{code, label}], ``languages``
[{language, level (CEFR or "langue maternelle")}], ``driving_licence``, ``vehicle``,
``mobility_km``, ``interests`` [str].

The sample is small (``--cv-sample``), so this module builds it row by row.
"""

from __future__ import annotations

import numpy as np

from tremplin.simulate.rng import stream

DIPLOMAS = {
    3: ["CAP {field}", "BEP {field}", "Titre professionnel {field}"],
    4: ["Baccalauréat professionnel {field}", "Baccalauréat général", "Baccalauréat technologique STMG", "Brevet professionnel {field}"],
    5: ["BTS {field}", "DUT {field}", "Titre professionnel de niveau 5 {field}"],
    6: ["Licence professionnelle {field}", "Bachelor {field}", "BUT {field}", "Licence {field}"],
    7: ["Master {field}", "Diplôme d'ingénieur {field}", "Master 2 {field}"],
    8: ["Doctorat {field}"],
}
FIELDS = {
    "A": "agriculture", "B": "arts appliqués", "C": "banque assurance", "D": "commerce", "E": "communication",
    "F": "bâtiment", "G": "hôtellerie-restauration", "H": "production industrielle", "I": "maintenance",
    "J": "santé", "K": "services aux personnes", "L": "spectacle", "M": "gestion administration", "N": "transport logistique",
}
SCHOOLS = {
    3: "Lycée professionnel {city}", 4: "Lycée {city}", 5: "Lycée {city} (section de technicien supérieur)",
    6: "Université Savoie Mont Blanc", 7: "Université Grenoble Alpes", 8: "Université Grenoble Alpes",
}
INTERESTS = ["Randonnée", "Ski", "Football", "Lecture", "Cuisine", "Bénévolat associatif", "Musique", "Photographie",
             "Course à pied", "Jardinage", "Escalade", "Voyages", "Bricolage", "Cyclisme"]
CEFR = ["A2", "B1", "B2", "C1"]


def _ym(day64) -> str:
    return str(np.datetime64(day64, "M"))


def cv_profiles(cfg, js: dict, ident: dict, uni, comp: dict, rows: np.ndarray) -> list[dict]:
    rng = stream(cfg.seed, "cv-profiles")
    vocab_label = dict(zip(uni.comp_vocab, uni.comp_vocab_label, strict=True))
    out = []
    occ_codes, occ_titles, occ_app, occ_months = (js["occupations_code"], js["occupations_title"], js["occupations_appellation"],
                                                 js["occupations_months"])
    skills = js["skills"]
    company_names = comp["name"]
    for r in rows:
        r = int(r)
        sl = slice(int(occ_codes.offsets[r]), int(occ_codes.offsets[r + 1]))
        end = np.datetime64(js["registered_on"][r], "D") - int(rng.integers(0, 40))
        experiences = []
        for code, title, app, months in zip(occ_codes.values[sl], occ_titles.values[sl], occ_app.values[sl], occ_months.values[sl], strict=True):
            months = int(months)
            if months <= 0:
                continue
            # split long experience into one or two jobs with different employers
            n_jobs = 1 if months < 36 or rng.random() < 0.5 else 2
            for part in range(n_jobs):
                m = months // n_jobs if part < n_jobs - 1 else months - (months // n_jobs) * (n_jobs - 1)
                start = end - int(m * 30.44)
                idx = int(uni.index([code])[0])
                defs = list(uni.definitions[idx]) if idx >= 0 else []
                missions = [s.rstrip(".") for s in rng.permutation(defs)[: int(rng.integers(1, 4))]] if defs else []
                experiences.append({
                    "title": str(title), "rome_code": str(code), "appellation_code": str(app) or None,
                    "employer": str(company_names[int(rng.integers(0, len(company_names)))]),
                    "place": str(js["commune_code"][r]),
                    "start": _ym(start), "end": _ym(end), "missions": missions,
                })
                end = start - int(rng.integers(0, 120))
        if experiences and rng.random() < 0.15:
            experiences[0]["end"] = None  # "depuis …" (still in a small job while registered)
        level = int(js["education_level"][r])
        education = []
        if level >= 3:
            dom = str(js["main_code"][r])[0]
            field_ = FIELDS.get(dom, "")
            birth = int(js["birth_year"][r])
            for lv in sorted({level, max(3, level - 2)} if level >= 5 and rng.random() < 0.6 else {level}, reverse=True):
                tpl = DIPLOMAS[lv][int(rng.integers(0, len(DIPLOMAS[lv])))]
                education.append({
                    "diploma": tpl.format(field=field_).strip(), "level": lv,
                    "school": SCHOOLS[lv].format(city="d'Annecy" if rng.random() < 0.5 else "de Thonon-les-Bains"),
                    "year": birth + {3: 18, 4: 18, 5: 20, 6: 21, 7: 23, 8: 27}[lv],
                })
        s_sl = slice(int(skills.offsets[r]), int(skills.offsets[r + 1]))
        langs = []
        lang_values = js["languages"].values[int(js["languages"].offsets[r]): int(js["languages"].offsets[r + 1])]
        for lang in lang_values:
            if lang == "Français":
                lv = "langue maternelle" if js["nationality_group"][r] == "FR" else CEFR[int(rng.integers(1, 4))]
            else:
                lv = CEFR[int(rng.integers(0, 4))]
            langs.append({"language": str(lang), "level": lv})
        desired = js["desired_codes"].values[int(js["desired_codes"].offsets[r])]
        d_idx = int(uni.index([desired])[0])
        a0, a1 = uni.app_offsets[d_idx], uni.app_offsets[d_idx + 1]
        title = str(uni.app_label[int(rng.integers(a0, a1))]) if a1 > a0 else str(uni.labels[d_idx])
        out.append({
            "jobseeker_id": str(js["jobseeker_id"][r]),
            "simulated": True,
            "identity": {
                "first_name": str(ident["first_name"][r]), "last_name": str(ident["last_name"][r]),
                "email": str(ident["email"][r]), "phone": str(ident["phone"][r]), "commune": str(js["commune_code"][r]),
            },
            "title": title,
            "target_rome_code": str(desired),
            "experiences": experiences,
            "education": education,
            "skills": [{"code": str(c), "label": str(vocab_label.get(c, ""))} for c in skills.values[s_sl]],
            "languages": langs,
            "driving_licence": bool(js["driving_licence"][r]),
            "vehicle": bool(js["vehicle"][r]),
            "mobility_km": float(js["mobility_radius_km"][r]),
            "interests": [str(x) for x in rng.choice(INTERESTS, size=int(rng.integers(0, 4)), replace=False)],
        })
    return out

"""Generated CV documents with their ground truth (simulated people, clearly labelled as such).

``write_cvs(profiles, out_dir, seed)`` lays out jobseeker profiles as CV files — PDF (reportlab),
DOCX (python-docx), ODT (odfpy), RTF and plain text — and writes next to each file the truth of
what it shows (``<name>.truth.json``). Layouts vary the way real CVs do: one column, a sidebar on
the left or on the right, dates in a left-hand column, compact one-line entries, employer first;
section names and orders, heading case (capitals, letter-spaced), fonts, bullets, date formats
("mars 2021", "sept. 2018", "03/2021", years only, "de janvier 2015 à juin 2017", "depuis…"),
phone formats, an optional photo or date of birth (to check they are flagged).

Profiles follow :mod:`tremplin.simulate.profiles` (what the simulator writes). Missing pieces
(names, employers, schools, missions) are filled from the seed. ``random_profiles(n, seed)``
builds such profiles from the ROME 4.0 referential alone, so the generator also works standalone.

Every document says it is generated: in its metadata (PDF title and subject, DOCX and ODT
properties, RTF information group), in its file name (``cv_genere_…``) and in its truth file.
"""

from __future__ import annotations

import io
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NOTICE = "Document généré automatiquement par Tremplin : CV fictif de test, la personne n'existe pas."
FORMATS = ("pdf", "docx", "odt", "rtf", "txt")
LAYOUTS = {
    "pdf": ("classic", "sidebar_left", "sidebar_right", "date_table", "compact", "employer_first"),
    "docx": ("classic", "sidebar_left", "date_table", "compact", "employer_first"),
    "odt": ("classic", "sidebar_left", "date_table", "compact", "employer_first"),
    "rtf": ("classic", "compact", "date_table"),
    "txt": ("classic", "compact", "date_table", "employer_first"),
}

# ------------------------------------------------------------------------------------ vocabulary

FIRST_NAMES_F = ["Sophie", "Marie", "Camille", "Léa", "Chloé", "Manon", "Julie", "Sarah", "Laura", "Emma", "Inès",
                 "Aïcha", "Fatou", "Nadia", "Yasmine", "Sandrine", "Nathalie", "Isabelle", "Christine", "Céline",
                 "Amandine", "Mélanie", "Élodie", "Aurélie", "Pauline", "Lucie", "Clémence", "Anaïs", "Samira",
                 "Mariama", "Linh", "Ana", "Joana", "Katarzyna", "Elif", "Hélène", "Brigitte", "Coralie", "Océane",
                 "Justine", "Margaux", "Noémie", "Zoé", "Khadija", "Awa", "Leïla", "Sonia", "Véronique"]
FIRST_NAMES_M = ["Thomas", "Nicolas", "Julien", "Kevin", "Maxime", "Lucas", "Hugo", "Antoine", "Romain", "Alexandre",
                 "Mohamed", "Karim", "Mamadou", "Youssef", "Mehdi", "Olivier", "Philippe", "Stéphane", "Frédéric",
                 "Christophe", "Sébastien", "Jérôme", "Guillaume", "Benoît", "Cédric", "Loïc", "Yannick", "Rayan",
                 "Bilal", "Moussa", "Minh", "João", "Tomasz", "Emre", "François", "Jean-Luc", "Pierre-Yves", "Théo",
                 "Nathan", "Enzo", "Damien", "Fabien", "Grégory", "Ibrahim", "Ousmane", "David", "Pascal", "Hervé"]
LAST_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
              "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
              "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
              "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
              "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Diallo",
              "Traoré", "Benali", "Haddad", "Nguyen", "Tran", "Da Silva", "Ferreira", "Kowalski", "Yilmaz",
              "Mensah", "Cissé", "Benoît", "Pollet", "Jacquemoud", "Baud", "Favre", "Duret", "Mugnier", "Pasquier"]
STREETS = ["rue des Alpes", "avenue de Genève", "chemin des Vignes", "rue du Lac", "place de la Mairie",
           "boulevard du Fier", "allée des Tilleuls", "route de Thônes", "impasse des Lilas", "rue Sommeiller",
           "avenue de la Gare", "rue de la République", "chemin du Crêt", "rue des Écoles", "route d'Annecy"]
EMPLOYER_TEMPLATES = [
    "{Last} SARL", "SAS {Last} et Fils", "Boulangerie {Last}", "Transports {Last}", "Garage {Last}",
    "Hôtel du Lac", "Restaurant Le Belvédère", "EHPAD Les Tilleuls", "Clinique du Parc", "Mairie de {City}",
    "Centre hospitalier de {City}", "Groupe Alpes Services", "Alpes Logistique SAS", "Atelier {Last}",
    "Cabinet {Last}", "Association Trait d'Union", "Supermarché Casino", "Intermarché", "Leclerc",
    "Carrefour Market", "La Poste", "Maison {Last}", "Novalys", "Kerys Industrie", "Altéa Conseil",
    "Sodimat", "Menuiserie {Last}", "Entreprise {Last} BTP", "Pharmacie du Centre", "Camping Les Pins",
    "Lycée {Last}", "Crèche Les Petits Loups", "Résidence Le Clos Fleuri", "ADMR de {City}", "Adecco",
]
SCHOOLS = {
    3: ["Lycée professionnel {Name}", "CFA de {City}", "GRETA de {City}", "AFPA de {City}"],
    4: ["Lycée {Name}", "Lycée professionnel {Name}", "IFAS de {City}", "CFA de {City}"],
    5: ["Lycée {Name}", "IUT de {City}", "CFA de {City}", "AFPA de {City}"],
    6: ["Université Savoie Mont Blanc", "Université Grenoble Alpes", "IFSI de {City}", "IUT de {City}",
        "Université Lyon 2"],
    7: ["Université Grenoble Alpes", "INSA Lyon", "IAE Savoie Mont Blanc", "École de commerce de {City}",
        "Université Claude Bernard Lyon 1"],
    8: ["Université Grenoble Alpes", "Université Paris-Saclay"],
}
SCHOOL_NAMES = ["Germain Sommeiller", "Les Carillons", "Jean Moulin", "Louis Lachenal", "Charles Baudelaire",
                "Berthollet", "Gabriel Fauré", "Mont-Blanc René Dayve", "Victor Hugo", "Jules Ferry"]
FIELDS = {
    "A": "agriculture", "B": "arts appliqués", "C": "banque assurance", "D": "commerce", "E": "communication",
    "F": "bâtiment", "G": "hôtellerie-restauration", "H": "production industrielle", "I": "maintenance",
    "J": "santé", "K": "services aux personnes", "L": "spectacle", "M": "gestion administration",
    "N": "transport logistique",
}
DIPLOMAS = {
    3: ["CAP {field}", "BEP {field}", "Titre professionnel {field} (niveau 3)"],
    4: ["Baccalauréat professionnel {field}", "Bac pro {field}", "Baccalauréat général", "Brevet professionnel {field}",
        "Baccalauréat technologique STMG"],
    5: ["BTS {field}", "DUT {field}", "Titre professionnel de niveau 5 {field}"],
    6: ["Licence professionnelle {field}", "Licence {field}", "Bachelor {field}", "BUT {field}"],
    7: ["Master {field}", "Master 2 {field}", "Diplôme d'ingénieur {field}"],
    8: ["Doctorat {field}"],
}
SOFT = ["Rigueur", "Esprit d'équipe", "Autonomie", "Sens du service", "Ponctualité", "Adaptabilité", "Patience",
        "Sens de l'organisation", "Dynamisme", "Curiosité", "Polyvalence", "Sens de l'écoute", "Réactivité",
        "Bienveillance", "Discrétion", "Esprit d'initiative"]
INTERESTS = ["Randonnée", "Ski", "Football", "Lecture", "Cuisine", "Bénévolat associatif", "Musique", "Photographie",
             "Course à pied", "Jardinage", "Escalade", "Voyages", "Bricolage", "Cyclisme", "Natation", "Théâtre"]
LANGS = ["Anglais", "Espagnol", "Allemand", "Italien", "Portugais", "Arabe"]
CEFR = ["A1", "A2", "B1", "B2", "C1", "C2"]
LEVEL_WORDS = {"A1": "débutant", "A2": "notions", "B1": "intermédiaire", "B2": "courant", "C1": "courant",
               "C2": "bilingue"}

HEADINGS = {
    "profile": ["Profil", "Profil professionnel", "À propos", "Objectif professionnel", "Présentation"],
    "experience": ["Expériences professionnelles", "Expérience professionnelle", "Parcours professionnel",
                   "Expériences", "Parcours", "Emplois occupés"],
    "education": ["Formation", "Formations", "Diplômes", "Diplômes et formations", "Formation et diplômes",
                  "Études"],
    "skills": ["Compétences", "Compétences professionnelles", "Savoir-faire", "Compétences techniques",
               "Domaines de compétences"],
    "soft": ["Qualités", "Savoir-être", "Atouts", "Qualités personnelles", "Points forts"],
    "languages": ["Langues", "Langues étrangères", "Compétences linguistiques"],
    "extra": ["Informations complémentaires", "Permis et mobilité", "Divers", "Mobilité"],
    "interests": ["Centres d'intérêt", "Loisirs", "Centres d'intérêts", "Passions"],
    "contact": ["Contact", "Coordonnées"],
}
MONTHS_FULL = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
               "novembre", "décembre"]
MONTHS_ABBR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
CURRENT_WORDS = ["aujourd'hui", "à ce jour", "présent", "en cours", "actuellement"]


# --------------------------------------------------------------------------------- profiles


def _commune_names(departement: str = "74") -> list[tuple[str, str, str]]:
    """(INSEE, name, postcode) of communes, from the geography referential (a small fallback without it)."""
    try:
        from tremplin.referentials import geo

        out = [(c.insee, c.name, c.postcodes[0]) for c in geo.communes(departement=departement) if c.postcodes]
        if out:
            return out
    except Exception:  # noqa: BLE001 - the generator must work without referentials
        pass
    return [("74010", "Annecy", "74000"), ("74281", "Thonon-les-Bains", "74200"), ("74012", "Annemasse", "74100"),
            ("74056", "Chamonix-Mont-Blanc", "74400"), ("74225", "Rumilly", "74150"), ("74236", "Sallanches", "74700"),
            ("74042", "Bonneville", "74130"), ("74133", "La Roche-sur-Foron", "74800")]


def _commune_by_insee(insee: str, fallback: list[tuple[str, str, str]]) -> tuple[str, str, str] | None:
    for item in fallback:
        if item[0] == insee:
            return item
    try:
        from tremplin.referentials import geo

        c = geo.commune(insee)
        return (c.insee, c.name, c.postcodes[0] if c.postcodes else "")
    except Exception:  # noqa: BLE001
        return None


def random_profiles(n: int, seed: int, *, departement: str = "74") -> list[dict]:
    """Profiles in the simulator's shape, drawn from the ROME 4.0 referential (needs ``tremplin data fetch``)."""
    from tremplin.referentials import rome

    rng = random.Random(seed)
    frames = rome.frames()
    apps = frames["appellations"]
    apps = apps[~apps["rare"].astype(bool)]
    by_code: dict[str, list[tuple[str, str]]] = {}
    for code, label, ogr in zip(apps["code"], apps["label"], apps["code_ogr"], strict=True):
        by_code.setdefault(str(code), []).append((str(label), str(ogr)))
    codes = sorted(by_code)
    communes = _commune_names(departement)
    profiles = []
    for i in range(n):
        main = rng.choice(codes)
        path = [main]
        try:
            neighbours = [m.target for m in rome.mobility(main) if m.target in by_code]
        except Exception:  # noqa: BLE001
            neighbours = []
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4])):
            path.append(rng.choice(neighbours) if neighbours and rng.random() < 0.7 else rng.choice(codes))
        end_year, end_month = 2025, rng.randint(1, 12)
        current = rng.random() < 0.25
        experiences = []
        cursor = end_year * 12 + end_month - 1 - rng.randint(0, 8)
        for j, code in enumerate(path):
            label, ogr = rng.choice(by_code[code])
            months = rng.choice([3, 6, 8, 12, 18, 24, 30, 36, 48, 60, 84])
            start = cursor - months + 1
            try:
                sentences = [s.strip() for s in rome.get(code).definition.split("\n") if s.strip()]
            except Exception:  # noqa: BLE001
                sentences = []
            sentences = [x for x in sentences if not re.match(r"^(?:Le|La|Les|L')\b|^Le/", x)] or sentences
            missions = [x.rstrip(".") for x in rng.sample(sentences, k=min(len(sentences), rng.randint(1, 4)))]
            experiences.append({
                "title": label, "rome_code": code, "appellation_code": ogr, "employer": None,
                "place": rng.choice(communes)[0],
                "start": f"{start // 12}-{start % 12 + 1:02d}",
                "end": None if (j == 0 and current) else f"{cursor // 12}-{cursor % 12 + 1:02d}",
                "missions": missions,
            })
            cursor = start - 1 - rng.choice([0, 0, 1, 2, 3, 6, 12])
        level = rng.choices([3, 4, 5, 6, 7, 8], weights=[22, 30, 20, 14, 12, 2])[0]
        birth = rng.randint(1962, 2003)
        education = []
        levels = [level] + ([max(3, level - 2)] if level >= 5 and rng.random() < 0.6 else [])
        for lv in levels:
            field_ = FIELDS.get(main[0], "")
            education.append({"diploma": rng.choice(DIPLOMAS[lv]).format(field=field_).strip(), "level": lv,
                              "school": None, "year": birth + {3: 18, 4: 18, 5: 20, 6: 21, 7: 23, 8: 27}[lv]})
        try:
            skills = [{"code": c.code_ogr, "label": c.label} for c in rome.competences(main, limit=12)]
        except Exception:  # noqa: BLE001
            skills = []
        rng.shuffle(skills)
        langs = [{"language": "Français", "level": "langue maternelle" if rng.random() < 0.85 else rng.choice(CEFR[2:])}]
        for lang in rng.sample(LANGS, k=rng.choice([0, 1, 1, 2])):
            langs.append({"language": lang, "level": rng.choice(CEFR)})
        target_label = rng.choice(by_code[main])[0]
        commune = rng.choice(communes)
        profiles.append({
            "jobseeker_id": f"gen-{seed}-{i:05d}",
            "simulated": True,
            "identity": {"first_name": None, "last_name": None, "email": None, "phone": None, "commune": commune[0]},
            "title": target_label,
            "target_rome_code": main,
            "experiences": experiences,
            "education": education,
            "skills": skills[: rng.randint(3, 8)],
            "languages": langs,
            "driving_licence": rng.random() < 0.8,
            "vehicle": rng.random() < 0.7,
            "mobility_km": rng.choice([10, 20, 30, 40, 50, 100]),
            "interests": rng.sample(INTERESTS, k=rng.randint(0, 4)),
        })
    return profiles


# ------------------------------------------------------------------------------------ styles


@dataclass
class Style:
    fmt: str
    layout: str
    date_style: str  # full, abbr, numeric, years, prose, capital
    current_style: str  # since, word
    current_word: str
    range_sep: str
    sep: str  # between title, employer, place
    heading_case: str  # upper, title, spaced
    bullet: str
    font: str
    headings: dict[str, str]
    order: list[str]
    phone_style: str
    lang_style: str
    feminine: bool
    photo: bool = False
    dob: bool = False
    extra_protected: str | None = None
    entry_variant: str = "title_then_dates"
    edu_variant: str = "one_line"
    title_upper: bool = False
    show_profile: bool = True
    txt_encoding: str = "utf-8"


def _style(rng: random.Random, fmt: str) -> Style:
    layout = rng.choice(LAYOUTS[fmt])
    main_order = ["experience", "education"] if rng.random() < 0.7 else ["education", "experience"]
    side = ["skills", "soft", "languages", "extra", "interests"]
    rng.shuffle(side)
    side.remove("interests")
    side.append("interests")  # interests come last, as they nearly always do
    date_style = rng.choice(["full", "abbr", "numeric", "years", "prose", "capital"])
    return Style(
        fmt=fmt,
        layout=layout,
        date_style=date_style,
        current_style=rng.choice(["since", "word"]),
        current_word=rng.choice(CURRENT_WORDS),
        range_sep=rng.choice([" – ", " - ", " à ", " — "]) if date_style != "prose" else " à ",
        sep=rng.choice([" — ", " | ", ", ", " - "]),
        heading_case=rng.choice(["upper", "upper", "title", "spaced"]) if fmt in ("pdf", "docx", "odt") else rng.choice(
            ["upper", "title"]),
        bullet=rng.choice(["•", "-", "›", "–"]),
        font=rng.choice(["Helvetica", "Times-Roman", "Courier", "Vera", "DejaVuSans", "LiberationSans"]),
        headings={k: rng.choice(v) for k, v in HEADINGS.items()},
        order=main_order + side,
        phone_style=rng.choice(["spaces", "dots", "plain", "intl"]),
        lang_style=rng.choice(["colon_cefr", "paren_word", "dash_level", "inline"]),
        feminine=rng.random() < 0.5,
        photo=fmt in ("pdf", "docx", "odt") and rng.random() < 0.15,
        dob=rng.random() < 0.15,
        extra_protected=rng.choice([None, None, None, None, None, "nationality", "family"]),
        entry_variant=rng.choice(["title_then_dates", "dates_line", "title_dates_end"]),
        edu_variant=rng.choice(["one_line", "two_lines"]),
        title_upper=rng.random() < 0.2,
        show_profile=rng.random() < 0.6,
        txt_encoding="cp1252" if fmt == "txt" and rng.random() < 0.25 else "utf-8",
    )


# --------------------------------------------------------------------------- rendering helpers


def gendered(label: str, feminine: bool) -> str:
    """One gendered form of a ROME label 'Conducteur / Conductrice d'engins' (what a person writes)."""
    label = re.sub(r"\s*\((?:H/F|F/H|h/f)\)\s*", " ", label).strip()
    label = re.sub(r"\((?:e|s|ne|le|se|ère|euse|rice)\)", "", label)  # "technico-commercial(e)": nobody writes it
    label = re.sub(r"\s*\((?:[^()]*\s){3,}[^()]*\)\s*$", "", label)  # a long explanation in brackets neither
    parts = re.split(r"\s*/\s*", label, maxsplit=1)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        return label
    left, right = parts
    n = len(left.split())
    masculine = " ".join([left, *right.split()[n:]]).strip()
    return right if feminine else masculine


def _ym(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    parts = str(value).split("-")
    return int(parts[0]), int(parts[1]) if len(parts) > 1 else 1


def _point(ym: tuple[int, int], style: Style) -> tuple[str, str]:
    """(text, truth) of one date in the CV's style; truth keeps the precision written."""
    year, month = ym
    if style.date_style == "years":
        return str(year), f"{year}"
    if style.date_style == "numeric":
        return f"{month:02d}/{year}", f"{year}-{month:02d}"
    if style.date_style == "abbr":
        return f"{MONTHS_ABBR[month - 1]} {year}", f"{year}-{month:02d}"
    if style.date_style == "capital":
        return f"{MONTHS_FULL[month - 1].capitalize()} {year}", f"{year}-{month:02d}"
    return f"{MONTHS_FULL[month - 1]} {year}", f"{year}-{month:02d}"


def render_dates(start: str | None, end: str | None, style: Style) -> tuple[str, dict]:
    s = _ym(start)
    e = _ym(end)
    if s is None:
        return "", {"start": None, "end": None, "current": False}
    s_text, s_truth = _point(s, style)
    if e is None:
        if style.current_style == "since" or style.date_style == "prose":
            text = f"Depuis {s_text}"
        else:
            text = f"{s_text}{style.range_sep if style.range_sep.strip() != 'à' else ' - '}{style.current_word}"
        return text, {"start": s_truth, "end": None, "current": True}
    e_text, e_truth = _point(e, style)
    if s_truth == e_truth:
        return s_text, {"start": s_truth, "end": e_truth, "current": False}
    if style.date_style == "prose":
        de = "D'" if s_text[:1].lower() in "aeiouyéèâ" else "De "
        return f"{de}{s_text} à {e_text}", {"start": s_truth, "end": e_truth, "current": False}
    return f"{s_text}{style.range_sep}{e_text}", {"start": s_truth, "end": e_truth, "current": False}


def _phone(digits: str, style: str) -> str:
    pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
    if style == "dots":
        return ".".join(pairs)
    if style == "plain":
        return digits
    if style == "intl":
        return "+33 " + digits[1] + " " + " ".join(pairs[1:])
    return " ".join(pairs)


def _heading(text: str, style: Style) -> str:
    if style.heading_case == "upper":
        return text.upper()
    if style.heading_case == "spaced":
        return "  ".join(" ".join(word.upper()) for word in text.split())
    return text


def _ascii_mail(text: str) -> str:
    import unicodedata

    base = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", base)


# ------------------------------------------------------------------------------- the content


@dataclass
class Item:
    kind: str  # entry (header lines + dates), bullet, para, item, row (date table: dates, lines)
    lines: list[str] = field(default_factory=list)
    dates: str = ""
    bold_first: bool = True


@dataclass
class Part:
    kind: str
    heading: str
    items: list[Item]
    side: bool = False


@dataclass
class Content:
    name: str
    title: str
    contact: list[str]
    parts: list[Part]
    truth: dict
    photo: bool


def build_content(profile: dict, style: Style, rng: random.Random, communes: list[tuple[str, str, str]]) -> Content:
    ident = profile.get("identity") or {}
    fem = style.feminine
    first = ident.get("first_name") or rng.choice(FIRST_NAMES_F if fem else FIRST_NAMES_M)
    last = ident.get("last_name") or rng.choice(LAST_NAMES)
    home = _commune_by_insee(str(ident.get("commune") or ""), communes) or rng.choice(communes)
    name_style = rng.choice(["first LAST", "First Last", "LAST First"])
    if name_style == "first LAST":
        name = f"{first} {last.upper()}"
    elif name_style == "LAST First":
        name = f"{last.upper()} {first}"
    else:
        name = f"{first} {last}"
    email = ident.get("email") or f"{_ascii_mail(first)}.{_ascii_mail(last)}{rng.randint(1, 99)}@example.org"
    digits = re.sub(r"\D", "", str(ident.get("phone") or ""))
    if len(digits) != 10 or not digits.startswith("0"):
        digits = "0" + rng.choice("67") + "".join(str(rng.randint(0, 9)) for _ in range(8))
    phone = _phone(digits, style.phone_style)
    street = f"{rng.randint(1, 120)} {rng.choice(STREETS)}"
    address = f"{street}, {home[2]} {home[1]}"
    contact = [address, phone, email] if rng.random() < 0.5 else [f"{phone} | {email}", address]
    if style.layout.startswith("sidebar"):
        contact = [street, f"{home[2]} {home[1]}", phone, email]
    truth: dict[str, Any] = {
        "identity": {"full_name": name, "first_name": first, "last_name": last},
        "contact": {"email": email, "phone": phone, "postcode": home[2], "city": home[1], "commune_code": home[0],
                    "address": address},
        "flags": [],
    }
    if style.dob:
        year = rng.randint(1965, 2003)
        line = rng.choice([f"Née le {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}" if fem else
                           f"Né le {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}",
                           f"Date de naissance : {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}",
                           f"{2025 - year} ans"])
        contact.append(line)
        truth["flags"].append("age" if line.endswith("ans") else "date_of_birth")
    if style.extra_protected == "nationality":
        contact.append("Nationalité française")
        truth["flags"].append("nationality")
    elif style.extra_protected == "family":
        contact.append(rng.choice(["Mariée, 2 enfants" if fem else "Marié, 2 enfants", "Célibataire"]))
        truth["flags"].append("family_status")
    if style.photo:
        truth["flags"].append("photo")

    title = gendered(profile.get("title") or "", fem)
    if style.title_upper:
        title = title.upper()
    truth["target_job"] = title or None

    parts: list[Part] = []
    # ---- experiences
    exp_items: list[Item] = []
    exp_truth = []
    for exp in profile.get("experiences") or []:
        job = gendered(exp.get("title") or "", fem)
        employer = exp.get("employer") or rng.choice(EMPLOYER_TEMPLATES).format(
            Last=rng.choice(LAST_NAMES), City=rng.choice(communes)[1])
        place_c = _commune_by_insee(str(exp.get("place") or ""), communes) if exp.get("place") else None
        place = place_c[1] if place_c else rng.choice(communes)[1]
        if rng.random() < 0.15:
            place = f"{place} ({home[2][:2]})"
        dates_text, dates_truth = render_dates(exp.get("start"), exp.get("end"), style)
        missions = [m for m in exp.get("missions") or [] if m]
        exp_truth.append({"title": job, "employer": employer, "place": place, **dates_truth,
                          "rome_code": exp.get("rome_code")})
        exp_items.extend(_entry_items(style, job, employer, place, dates_text, missions, rng))
    parts.append(Part("experience", style.headings["experience"], exp_items))
    truth["experiences"] = exp_truth
    # ---- education
    edu_items: list[Item] = []
    edu_truth = []
    for ed in profile.get("education") or []:
        level = ed.get("level")
        school = ed.get("school") or rng.choice(SCHOOLS.get(level, SCHOOLS[4])).format(
            Name=rng.choice(SCHOOL_NAMES), City=rng.choice(communes)[1])
        year = ed.get("year")
        diploma = ed.get("diploma") or "Baccalauréat"
        span = rng.random() < 0.4 and year
        if span:
            length = {5: 2, 6: 3, 7: 2, 8: 3}.get(level, 2)
            dates_text, _ = render_dates(f"{year - length}-09", f"{year}-06", style)
        else:
            dates_text = str(year) if year else ""
        edu_truth.append({"diploma": diploma, "school": school, "year": year, "level": level})
        edu_items.extend(_education_items(style, diploma, school, dates_text, rng))
    parts.append(Part("education", style.headings["education"], edu_items))
    truth["education"] = edu_truth
    # ---- skills, soft skills, languages, extra, interests
    skills = [s.get("label") if isinstance(s, dict) else str(s) for s in profile.get("skills") or []]
    skills = [s for s in skills if s]
    if skills:
        parts.append(Part("skills", style.headings["skills"],
                          [Item("bullet" if rng.random() < 0.7 else "item", [s]) for s in skills], side=True))
    truth["skills"] = skills
    soft = rng.sample(SOFT, k=rng.randint(0, 4))
    if soft:
        parts.append(Part("soft", style.headings["soft"], [Item("item", [", ".join(soft)])] if rng.random() < 0.5
                          else [Item("bullet", [s]) for s in soft], side=True))
    truth["soft_skills"] = soft
    lang_items, lang_truth = _languages(profile.get("languages") or [], style, rng)
    if lang_items:
        parts.append(Part("languages", style.headings["languages"], lang_items, side=True))
    truth["languages"] = lang_truth
    extra: list[Item] = []
    licence = bool(profile.get("driving_licence"))
    vehicle = bool(profile.get("vehicle")) if licence else False
    truth["licences"] = ["B"] if licence else []
    truth["vehicle"] = None
    if licence:
        text = rng.choice(["Permis B", "Permis de conduire B", "Permis B (voiture)"])
        if vehicle and rng.random() < 0.7:
            text += rng.choice([" – véhiculée" if fem else " – véhiculé", ", véhicule personnel"])
            truth["vehicle"] = True
        extra.append(Item("item", [text]))
    km = profile.get("mobility_km")
    truth["mobility_km"] = None
    if km and rng.random() < 0.7:
        km = int(km)
        extra.append(Item("item", [rng.choice([f"Mobilité : {km} km autour de {home[1]}",
                                               f"Mobile dans un rayon de {km} km"])]))
        truth["mobility_km"] = km
    if extra:
        parts.append(Part("extra", style.headings["extra"], extra, side=True))
    interests = list(profile.get("interests") or [])
    if interests:
        parts.append(Part("interests", style.headings["interests"], [Item("item", [", ".join(interests)])], side=True))
    truth["interests"] = interests
    # ---- order and profile paragraph
    order = {k: i for i, k in enumerate(style.order)}
    parts.sort(key=lambda p: order.get(p.kind, 99))
    if style.show_profile and title:
        qualities = [f"motivé{'e' if fem else ''}", f"rigoureu{'se' if fem else 'x'}", "à l'écoute"]
        sentence = rng.choice([
            f"{title} avec {max(1, len(exp_truth))} expérience(s), je recherche un poste de {title.lower()}.",
            f"Professionnel{'le' if fem else ''} {qualities[0]}, {qualities[1]} et {qualities[2]}, je souhaite mettre "
            "mon expérience au service de votre entreprise.",
            "Disponible immédiatement, je recherche un emploi stable dans ma région.",
        ])
        parts.insert(0, Part("profile", style.headings["profile"], [Item("para", [sentence])]))
        if qualities[0] in sentence:
            truth["soft_skills"] = qualities + [s for s in truth["soft_skills"]]
    return Content(name=name, title=title, contact=contact, parts=parts, truth=truth, photo=style.photo)


def _entry_items(style: Style, job: str, employer: str, place: str, dates: str, missions: list[str],
                 rng: random.Random) -> list[Item]:
    sep = style.sep
    bullets = [Item("bullet", [m]) for m in missions]
    if style.layout == "date_table":
        return [Item("row", [job, f"{employer}{sep}{place}"], dates=dates)] + bullets
    if style.layout == "compact":
        link = rng.choice([" chez ", sep])
        return [Item("entry", [f"{dates} : {job}{link}{employer} ({place})" if dates else f"{job}{link}{employer}"])] + \
            bullets
    if style.layout == "employer_first":
        return [Item("entry", [f"{employer.upper()}{sep}{place}", job, dates])] + bullets
    variant = style.entry_variant
    if variant == "title_then_dates":
        return [Item("entry", [f"{job}{sep}{employer}{sep}{place}", dates])] + bullets
    if variant == "dates_line":
        return [Item("entry", [f"{dates}{sep}{job}", f"{employer}, {place}"])] + bullets
    return [Item("entry", [job, f"{employer}, {place}{sep}{dates}"])] + bullets


def _education_items(style: Style, diploma: str, school: str, dates: str, rng: random.Random) -> list[Item]:
    if style.layout == "date_table":
        return [Item("row", [diploma, school], dates=dates)]
    variant = style.edu_variant
    if variant == "one_line" or style.layout == "compact":
        return [Item("entry", [f"{dates}{style.sep}{diploma}{style.sep}{school}" if dates else
                               f"{diploma}{style.sep}{school}"])]
    return [Item("entry", [diploma, f"{school}{style.sep}{dates}" if dates else school])]


def _languages(langs: list[dict], style: Style, rng: random.Random) -> tuple[list[Item], list[dict]]:
    truth = []
    texts = []
    for lang in langs:
        name = str(lang.get("language") or "")
        level = str(lang.get("level") or "")
        if not name:
            continue
        cefr = level if level in CEFR else None
        if level == "langue maternelle":
            text, t = f"{name} : langue maternelle", {"language": name, "cefr": None, "level_text": "langue maternelle"}
        elif style.lang_style == "paren_word" and cefr:
            word = LEVEL_WORDS[cefr]
            text, t = f"{name} ({word})", {"language": name, "cefr": None, "level_text": word}
        elif style.lang_style == "dash_level" and cefr:
            text, t = f"{name} – niveau {cefr}", {"language": name, "cefr": cefr, "level_text": None}
        else:
            text, t = f"{name} : {cefr or level}", {"language": name, "cefr": cefr, "level_text": None if cefr else level}
        texts.append(text)
        truth.append(t)
    if not texts:
        return [], []
    if style.lang_style == "inline" and len(texts) > 1:
        return [Item("item", [" ; ".join(texts)])], truth
    return [Item("bullet" if rng.random() < 0.3 else "item", [t]) for t in texts], truth


# ------------------------------------------------------------------------------------ writers


def _photo_png(rng: random.Random) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (120, 150), (200 + rng.randint(0, 40), 200, 210))
    draw = ImageDraw.Draw(img)
    draw.ellipse((35, 20, 85, 75), fill=(150, 120, 100))
    draw.rectangle((20, 85, 100, 150), fill=(60, 80, 120))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


_FONT_FILES = {
    "Vera": ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf"),
    "DejaVuSans": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                   "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                   "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"),
    "LiberationSans": ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                       "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
                       "/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf"),
}
_STANDARD = {
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "Times-Roman": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "Courier": ("Courier", "Courier-Bold", "Courier-Oblique"),
}


def _pdf_fonts(name: str) -> tuple[str, str, str]:
    if name in _STANDARD:
        return _STANDARD[name]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    files = _FONT_FILES.get(name)
    if files is None:
        return _STANDARD["Helvetica"]
    names = (name, f"{name}-Bold", f"{name}-Italic")
    try:
        for font_name, path in zip(names, files, strict=True):
            if font_name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(font_name, path))
    except Exception:  # noqa: BLE001 - a missing system font: fall back to a standard one
        return _STANDARD["Helvetica"]
    return names


class _Pdf:
    """A tiny layout engine over the reportlab canvas: columns, wrapping, pages (drawn at the end)."""

    def __init__(self, fonts: tuple[str, str, str]):
        from reportlab.lib.pagesizes import A4

        self.width, self.height = A4
        self.fonts = fonts
        self.ops: list[list] = [[]]
        self.margin = 42.0
        self.cols: dict[str, dict] = {}

    def column(self, name: str, x: float, width: float, top: float | None = None) -> None:
        self.cols[name] = {"x": x, "w": width, "y": top if top is not None else self.height - self.margin, "page": 0}

    def _op(self, page: int, op) -> None:
        while len(self.ops) <= page:
            self.ops.append([])
        self.ops[page].append(op)

    def _ensure(self, col: dict, needed: float) -> None:
        if col["y"] - needed < self.margin:
            col["page"] += 1
            col["y"] = self.height - self.margin

    def text(self, colname: str, text: str, *, size: float = 10, bold: bool = False, italic: bool = False,
             indent: float = 0, after: float = 2, prefix: str = "") -> None:
        from reportlab.lib.utils import simpleSplit

        col = self.cols[colname]
        font = self.fonts[1] if bold else self.fonts[2] if italic else self.fonts[0]
        width = col["w"] - indent - (10 if prefix else 0)
        lines = simpleSplit(text, font, size, width) or [""]
        for i, line in enumerate(lines):
            self._ensure(col, size * 1.3)
            col["y"] -= size * 1.25
            x = col["x"] + indent
            y = col["y"]
            if prefix and i == 0:
                self._op(col["page"], ("text", x, y, prefix, self.fonts[0], size))
            self._op(col["page"], ("text", x + (10 if prefix else 0), y, line, font, size))
        col["y"] -= after

    def row(self, colname: str, left: str, lines: list[str], *, size: float = 10, left_width: float = 95) -> None:
        """A table row: the dates in a left-hand column as wide as the longest date, the entry on the right."""
        from reportlab.lib.utils import simpleSplit

        col = self.cols[colname]
        self._ensure(col, size * 2.6)
        top_y = col["y"] - size * 1.25
        self._op(col["page"], ("text", col["x"], top_y, left, self.fonts[0], size - 0.5))
        y = col["y"]
        for i, line in enumerate(lines):
            font = self.fonts[1] if i == 0 else self.fonts[0]
            for part in simpleSplit(line, font, size, col["w"] - left_width) or [""]:
                y -= size * 1.25
                self._op(col["page"], ("text", col["x"] + left_width, y, part, font, size))
        col["y"] = y - 2

    def gap(self, colname: str, amount: float) -> None:
        self.cols[colname]["y"] -= amount

    def image(self, colname: str, png: bytes, w: float, h: float, x: float | None = None) -> None:
        col = self.cols[colname]
        self._op(col["page"], ("image", x if x is not None else col["x"], col["y"] - h, w, h, png))

    def save(self, path: Path, title: str) -> None:
        from reportlab.lib.utils import ImageReader
        from reportlab.pdfgen import canvas

        c = canvas.Canvas(str(path), pagesize=(self.width, self.height), invariant=1)
        c.setTitle(title)
        c.setSubject(NOTICE)
        c.setKeywords(["CV généré", "données fictives", "Tremplin"])
        c.setCreator("Tremplin — générateur de CV fictifs")
        for ops in self.ops:
            for op in ops:
                if op[0] == "text":
                    _, x, y, text, font, size = op
                    c.setFont(font, size)
                    c.drawString(x, y, text)
                else:
                    _, x, y, w, h, png = op
                    c.drawImage(ImageReader(io.BytesIO(png)), x, y, w, h)
            c.showPage()
        c.save()


def _items_pdf(pdf: _Pdf, col: str, items: list[Item], style: Style, size: float, date_width: float = 95) -> None:
    for item in items:
        if item.kind == "row":
            pdf.row(col, item.dates, item.lines, size=size, left_width=date_width)
        elif item.kind == "entry":
            pdf.gap(col, 3)
            for i, line in enumerate(item.lines):
                if line:
                    pdf.text(col, line, size=size, bold=i == 0 and item.bold_first, italic=i > 0 and bool(
                        re.search(r"\d{4}", line)), after=0.5)
        elif item.kind == "bullet":
            pdf.text(col, item.lines[0], size=size, indent=8, prefix=style.bullet, after=0.5)
        else:
            pdf.text(col, item.lines[0], size=size, after=1)


def write_pdf(content: Content, style: Style, path: Path, rng: random.Random) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    fonts = _pdf_fonts(style.font)
    pdf = _Pdf(fonts)
    size = 9.5 if style.font != "Courier" else 8.5
    dates = [item.dates for part in content.parts for item in part.items if item.kind == "row"]
    date_width = max([95.0] + [stringWidth(d, fonts[0], size - 0.5) + 14 for d in dates])
    left, right = pdf.margin, pdf.width - pdf.margin
    if style.layout in ("sidebar_left", "sidebar_right"):
        side_w = 165
        gutter = 24
        if style.layout == "sidebar_left":
            pdf.column("side", left, side_w)
            pdf.column("main", left + side_w + gutter, right - left - side_w - gutter)
        else:
            pdf.column("main", left, right - left - side_w - gutter)
            pdf.column("side", right - side_w, side_w)
        if content.photo:
            pdf.image("side", _photo_png(rng), 80, 100)
            pdf.gap("side", 108)
        pdf.text("main", content.name, size=20, bold=True, after=4)
        if content.title:
            pdf.text("main", content.title, size=13, after=10)
        pdf.text("side", _heading(style.headings["contact"], style), size=11, bold=True, after=3)
        for line in content.contact:
            pdf.text("side", line, size=size - 0.5, after=1)
        pdf.gap("side", 8)
        for part in content.parts:
            col = "side" if part.side else "main"
            pdf.gap(col, 8)
            head = _heading(part.heading, style)
            if col == "side" and style.heading_case == "spaced" and len(head) > 26:
                head = part.heading.upper()
            pdf.text(col, head, size=11.5, bold=True, after=4)
            _items_pdf(pdf, col, part.items, style, size - (0.5 if part.side else 0), date_width)
    else:
        pdf.column("main", left, right - left)
        if content.photo:
            pdf.image("main", _photo_png(rng), 70, 88, x=right - 70)
        pdf.text("main", content.name, size=20, bold=True, after=3)
        if content.title:
            pdf.text("main", content.title, size=13, after=4)
        for line in content.contact:
            pdf.text("main", line, size=size, after=0.5)
        if content.photo:
            pdf.gap("main", max(0, 40 - 14 * len(content.contact)))
        for part in content.parts:
            pdf.gap("main", 10)
            pdf.text("main", _heading(part.heading, style), size=12, bold=True, after=4)
            _items_pdf(pdf, "main", part.items, style, size, date_width)
    pdf.save(path, f"CV fictif — {content.name}")


def write_docx(content: Content, style: Style, path: Path, rng: random.Random) -> None:
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    props = doc.core_properties
    props.title = f"CV fictif — {content.name}"
    props.comments = NOTICE
    props.keywords = "CV généré, données fictives, Tremplin"
    props.author = "Tremplin (générateur)"
    from datetime import datetime

    props.created = props.modified = datetime(*FIXED_TIME)
    props.last_modified_by = "Tremplin (générateur)"
    props.revision = 1
    normal = doc.styles["Normal"]
    normal.font.name = rng.choice(["Calibri", "Arial", "Times New Roman", "Garamond"])
    normal.font.size = Pt(10)
    use_heading_style = rng.random() < 0.5

    def para(container, text: str, *, bold=False, size=None, style_name=None):
        p = container.add_paragraph(style=style_name) if style_name else container.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        return p

    def heading(container, text: str):
        if use_heading_style and container is doc:
            doc.add_heading(text, level=1)
        else:
            para(container, text, bold=True, size=12)

    def items(container, its: list[Item]):
        table = None
        for item in its:
            if item.kind == "row":
                if table is None:
                    table = container.add_table(rows=0, cols=2)
                cells = table.add_row().cells
                cells[0].text = item.dates
                cells[1].text = ""
                first = cells[1].paragraphs[0]
                first.add_run(item.lines[0]).bold = True
                for line in item.lines[1:]:
                    cells[1].add_paragraph(line)
                continue
            if item.kind == "bullet" and table is not None:
                cell = table.rows[-1].cells[1]
                cell.add_paragraph(item.lines[0], style="List Bullet")
                continue
            table = None
            if item.kind == "entry":
                for i, line in enumerate(item.lines):
                    if line:
                        para(container, line, bold=i == 0)
            elif item.kind == "bullet":
                if container is doc:
                    para(container, item.lines[0], style_name="List Bullet")
                else:
                    para(container, f"{style.bullet} {item.lines[0]}")
            else:
                para(container, item.lines[0])

    if style.layout == "sidebar_left":
        table = doc.add_table(rows=1, cols=2)
        side, main = table.rows[0].cells
        side.width = Cm(5.5)
        main.width = Cm(12)
        if content.photo:
            side.paragraphs[0].add_run().add_picture(io.BytesIO(_photo_png(rng)), width=Cm(3))
        para(main, content.name, bold=True, size=20)
        if content.title:
            para(main, content.title, size=13)
        para(side, _heading(style.headings["contact"], style), bold=True, size=12)
        for line in content.contact:
            para(side, line)
        for part in content.parts:
            target = side if part.side else main
            para(target, _heading(part.heading, style), bold=True, size=12)
            items(target, part.items)
    else:
        if content.photo:
            doc.add_picture(io.BytesIO(_photo_png(rng)), width=Cm(3))
        para(doc, content.name, bold=True, size=20)
        if content.title:
            para(doc, content.title, size=13)
        for line in content.contact:
            para(doc, line)
        for part in content.parts:
            heading(doc, _heading(part.heading, style))
            items(doc, part.items)
    doc.save(str(path))


def write_odt(content: Content, style: Style, path: Path, rng: random.Random) -> None:
    from odf import dc, draw, table, text
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, TableColumnProperties, TextProperties
    from odf.style import Style as OStyle

    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text=f"CV fictif — {content.name}"))
    doc.meta.addElement(dc.Description(text=NOTICE))
    font = rng.choice(["Liberation Sans", "DejaVu Serif", "Arial"])
    bold = OStyle(name="Gras", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold", fontname=font))
    big = OStyle(name="Nom", family="paragraph")
    big.addElement(TextProperties(fontweight="bold", fontsize="20pt"))
    sub = OStyle(name="Titre", family="paragraph")
    sub.addElement(TextProperties(fontsize="13pt"))
    head = OStyle(name="Rubrique", family="paragraph")
    head.addElement(TextProperties(fontweight="bold", fontsize="12pt"))
    head.addElement(ParagraphProperties(margintop="0.3cm"))
    body = OStyle(name="Corps", family="paragraph")
    body.addElement(TextProperties(fontsize="10pt", fontname=font))
    for s in (bold, big, sub, head, body):
        doc.automaticstyles.addElement(s)
    h1 = OStyle(name="Heading 1", family="paragraph")
    h1.addElement(TextProperties(fontweight="bold", fontsize="13pt"))
    doc.styles.addElement(h1)
    use_h = rng.random() < 0.5

    def p(container, value: str, st=body):
        container.addElement(text.P(stylename=st, text=value))

    def items(container, its: list[Item]):
        tbl = None
        last_cell = None
        for item in its:
            if item.kind == "row":
                if tbl is None:
                    tbl = table.Table(name=f"T{rng.randint(0, 10**9)}")
                    c1 = OStyle(name=f"c{rng.randint(0, 10**9)}", family="table-column")
                    c1.addElement(TableColumnProperties(columnwidth="3.5cm"))
                    doc.automaticstyles.addElement(c1)
                    tbl.addElement(table.TableColumn(stylename=c1))
                    tbl.addElement(table.TableColumn())
                    container.addElement(tbl)
                row = table.TableRow()
                cell1 = table.TableCell()
                cell1.addElement(text.P(stylename=body, text=item.dates))
                cell2 = table.TableCell()
                cell2.addElement(text.P(stylename=bold, text=item.lines[0]))
                for line in item.lines[1:]:
                    cell2.addElement(text.P(stylename=body, text=line))
                row.addElement(cell1)
                row.addElement(cell2)
                tbl.addElement(row)
                last_cell = cell2
                continue
            if item.kind == "bullet" and last_cell is not None:
                lst = text.List()
                li = text.ListItem()
                li.addElement(text.P(stylename=body, text=item.lines[0]))
                lst.addElement(li)
                last_cell.addElement(lst)
                continue
            tbl = None
            last_cell = None
            if item.kind == "entry":
                for i, line in enumerate(item.lines):
                    if line:
                        p(container, line, bold if i == 0 else body)
            elif item.kind == "bullet":
                lst = text.List()
                li = text.ListItem()
                li.addElement(text.P(stylename=body, text=item.lines[0]))
                lst.addElement(li)
                container.addElement(lst)
            else:
                p(container, item.lines[0])

    def heading(container, value: str):
        if use_h:
            container.addElement(text.H(outlinelevel=1, stylename=h1, text=value))
        else:
            p(container, value, head)

    root = doc.text
    photo_href = None
    if content.photo:
        photo_href = doc.addPicture("Pictures/photo.png", "image/png", _photo_png(rng))
    if style.layout == "sidebar_left":
        tbl = table.Table(name="Mise_en_page")
        c1 = OStyle(name="colside", family="table-column")
        c1.addElement(TableColumnProperties(columnwidth="5.5cm"))
        doc.automaticstyles.addElement(c1)
        tbl.addElement(table.TableColumn(stylename=c1))
        tbl.addElement(table.TableColumn())
        row = table.TableRow()
        side = table.TableCell()
        main = table.TableCell()
        row.addElement(side)
        row.addElement(main)
        tbl.addElement(row)
        root.addElement(tbl)
        if photo_href:
            holder = text.P()
            frame = draw.Frame(width="3cm", height="3.8cm", anchortype="paragraph")
            frame.addElement(draw.Image(href=photo_href))
            holder.addElement(frame)
            side.addElement(holder)
        p(main, content.name, big)
        if content.title:
            p(main, content.title, sub)
        p(side, _heading(style.headings["contact"], style), head)
        for line in content.contact:
            p(side, line)
        for part in content.parts:
            target = side if part.side else main
            p(target, _heading(part.heading, style), head)
            items(target, part.items)
    else:
        if photo_href:
            holder = text.P()
            frame = draw.Frame(width="3cm", height="3.8cm", anchortype="paragraph")
            frame.addElement(draw.Image(href=photo_href))
            holder.addElement(frame)
            root.addElement(holder)
        p(root, content.name, big)
        if content.title:
            p(root, content.title, sub)
        for line in content.contact:
            p(root, line)
        for part in content.parts:
            heading(root, _heading(part.heading, style))
            items(root, part.items)
    _declare_every_odf_namespace()
    doc.save(str(path))


def _declare_every_odf_namespace() -> None:
    """odfpy keeps the namespaces a document declares in one dict shared by the whole process, filled as elements
    are made anywhere: without this, a document's bytes would depend on the ODF documents made before it in the
    process. Declaring every namespace odfpy knows, in a fixed order, leaves them depending on the seed only."""
    from odf.element import Element
    from odf.namespaces import nsdict

    Element.namespaces.clear()
    Element.namespaces.update(sorted(nsdict.items()))


def _rtf_escape(value: str) -> str:
    out = []
    for ch in value:
        code = ord(ch)
        if ch in "\\{}":
            out.append("\\" + ch)
        elif code < 128:
            out.append(ch)
        else:
            try:
                byte = ch.encode("cp1252")
                out.append("\\'" + byte.hex())
            except UnicodeEncodeError:
                out.append(f"\\u{code if code < 32768 else code - 65536}?")
    return "".join(out)


def _plain_lines(content: Content, style: Style) -> list[tuple[str, str]]:
    """(kind, text) lines for RTF and TXT: kind is name, title, heading, bold, bullet, text."""
    lines: list[tuple[str, str]] = [("name", content.name)]
    if content.title:
        lines.append(("title", content.title))
    lines.extend(("text", line) for line in content.contact)
    for part in content.parts:
        lines.append(("blank", ""))
        lines.append(("heading", _heading(part.heading, style)))
        for item in part.items:
            if item.kind == "row":
                lines.append(("bold", f"{item.dates}\t{item.lines[0]}"))
                lines.extend(("text", f"\t{line}") for line in item.lines[1:])
            elif item.kind == "entry":
                lines.extend(("bold" if i == 0 else "text", line) for i, line in enumerate(item.lines) if line)
            elif item.kind == "bullet":
                lines.append(("bullet", item.lines[0]))
            else:
                lines.append(("text", item.lines[0]))
    return lines


def write_rtf(content: Content, style: Style, path: Path, rng: random.Random) -> None:
    del rng
    parts = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}{\\f1\\froman Times New Roman;}}",
             "{\\info{\\title " + _rtf_escape(f"CV fictif — {content.name}") + "}{\\doccomm " + _rtf_escape(NOTICE)
             + "}}", "\\f0\\fs20 "]
    for kind, line in _plain_lines(content, style):
        text = _rtf_escape(line).replace("\t", "\\tab ")
        if kind == "name":
            parts.append("{\\b\\fs36 " + text + "}\\par")
        elif kind == "title":
            parts.append("{\\fs26 " + text + "}\\par")
        elif kind == "heading":
            parts.append("{\\b\\fs24 " + text + "}\\par")
        elif kind == "bold":
            parts.append("{\\b " + text + "}\\par")
        elif kind == "bullet":
            parts.append("{\\pntext\\'95\\tab}" + "\\'95 " + text + "\\par")
        elif kind == "blank":
            parts.append("\\par")
        else:
            parts.append(text + "\\par")
    parts.append("}")
    path.write_bytes("\n".join(parts).encode("ascii"))


def write_txt(content: Content, style: Style, path: Path, rng: random.Random) -> None:
    del rng
    out = []
    for kind, line in _plain_lines(content, style):
        if kind == "bullet":
            out.append(f"{style.bullet} {line}")
        elif kind == "heading":
            out.append(line)
            if style.heading_case == "title":
                out.append("-" * len(line))
        else:
            out.append(line.replace("\t", "    ") if style.layout != "date_table" else line)
    data = "\n".join(out) + "\n"
    try:
        encoded = data.encode(style.txt_encoding)
    except UnicodeEncodeError:
        encoded = data.encode("utf-8")
    path.write_bytes(encoded)


FIXED_TIME = (2025, 1, 1, 0, 0, 0)


def _stable_zip(path: Path) -> None:
    """Rewrite a DOCX/ODT archive with fixed entry dates (same seed → same bytes); ``mimetype`` first, stored."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info.filename)) for info in source.infolist()]
    entries.sort(key=lambda e: (e[0].filename != "mimetype",))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info, data in entries:
            stable = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            stable.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            stable.external_attr = 0o644 << 16
            target.writestr(stable, data)
    path.write_bytes(buffer.getvalue())


WRITERS = {"pdf": write_pdf, "docx": write_docx, "odt": write_odt, "rtf": write_rtf, "txt": write_txt}


def write_cvs(profiles: list[dict], out_dir: str | Path, seed: int, *, formats: tuple[str, ...] | None = None,
              layouts: dict[str, tuple[str, ...]] | None = None) -> list[tuple[Path, dict]]:
    """Write one CV per profile into ``out_dir`` and its truth next to it; returns [(path, truth)].

    Formats cycle over ``formats`` (all five by default) so every format is represented; the layout
    and the rest of the style are drawn from the seed. Same seed, same profiles → same documents.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    formats = tuple(formats or FORMATS)
    communes = _commune_names()
    written: list[tuple[Path, dict]] = []
    for i, profile in enumerate(profiles):
        rng = random.Random(f"{seed}:{i}:{profile.get('jobseeker_id', '')}")
        fmt = formats[i % len(formats)]
        style = _style(rng, fmt)
        if layouts and fmt in layouts:
            style.layout = rng.choice(layouts[fmt])
        content = build_content(profile, style, rng, communes)
        ident = str(profile.get("jobseeker_id") or i)
        stem = f"cv_genere_{re.sub(r'[^A-Za-z0-9_-]+', '_', ident)}"
        path = out / f"{stem}.{fmt}"
        WRITERS[fmt](content, style, path, rng)
        if fmt in ("docx", "odt"):
            _stable_zip(path)
        truth = {
            "generated": True,
            "notice": NOTICE,
            "file": path.name,
            "format": fmt,
            "layout": style.layout,
            "style": {"date_style": style.date_style, "font": style.font, "headings": style.heading_case,
                      "order": style.order, "phone": style.phone_style, "languages": style.lang_style},
            "jobseeker_id": profile.get("jobseeker_id"),
            **content.truth,
        }
        (out / f"{stem}.truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=2), encoding="utf-8")
        written.append((path, truth))
    return written

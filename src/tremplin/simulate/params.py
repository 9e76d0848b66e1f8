"""Every number the simulator draws from, with where it comes from.

Three kinds of numbers live here, and each says which it is:

* **public figure** — a published statistic, rounded; the publication is named. These are
  orders of magnitude recalled from the publication (France entière, around 2023): check them
  against the current series before using them for anything but a simulation.
* **law** — a legal value (SMIC), with the text that set it.
* **assumption** — a modelling choice made for the simulator, stated as such. The realism
  report (``tremplin simulate --report``) shows how the result compares with real data where
  real data exists; none of these numbers was tuned to that report.
"""

from __future__ import annotations

from datetime import date

# --------------------------------------------------------------------------------------------
# Law: SMIC horaire brut (France métropolitaine). Monthly SMIC for 35 h = hourly × 151.67 h.
# --------------------------------------------------------------------------------------------
SMIC_HOURLY: list[tuple[date, float, str]] = [
    (date(2019, 1, 1), 10.03, "décret n° 2018-1173 du 19 décembre 2018"),
    (date(2020, 1, 1), 10.15, "décret n° 2019-1387 du 18 décembre 2019"),
    (date(2021, 1, 1), 10.25, "décret n° 2020-1598 du 16 décembre 2020"),
    (date(2021, 10, 1), 10.48, "arrêté du 27 septembre 2021 (revalorisation automatique)"),
    (date(2022, 1, 1), 10.57, "décret n° 2021-1741 du 22 décembre 2021"),
    (date(2022, 5, 1), 10.85, "arrêté du 20 avril 2022 (revalorisation automatique)"),
    (date(2022, 8, 1), 11.07, "arrêté du 29 juillet 2022 (revalorisation automatique)"),
    (date(2023, 1, 1), 11.27, "décret n° 2022-1608 du 22 décembre 2022"),
    (date(2023, 5, 1), 11.52, "arrêté du 26 avril 2023 (revalorisation automatique)"),
    (date(2024, 1, 1), 11.65, "décret n° 2023-1216 du 20 décembre 2023"),
    (date(2024, 11, 1), 11.88, "décret n° 2024-951 du 23 octobre 2024"),
]
SMIC_KNOWN_UNTIL = date(2025, 12, 31)  # after this date the last known value is used (with a warning)
MONTHLY_HOURS_FULL_TIME = 151.67  # 35 h × 52 / 12 (Code du travail, L3121-27 durée légale)

# --------------------------------------------------------------------------------------------
# Jobseekers (demandeurs d'emploi inscrits, catégories A, B, C).
# --------------------------------------------------------------------------------------------
# public figure: DARES – France Travail, « Demandeurs d'emploi inscrits à France Travail »,
# séries trimestrielles, catégories A, B, C, France entière, 2023 (rounded).
SHARE_WOMEN = 0.51
AGE_BANDS = [  # (min age, max age inclusive, share)
    (18, 24, 0.13),
    (25, 34, 0.27),
    (35, 49, 0.31),
    (50, 64, 0.29),
]
SHARE_LONG_TERM = 0.45  # registered for 12 months or more (same publication, rounded)

# public figure: DARES – France Travail, demandeurs d'emploi par niveau de formation (ABC), rounded.
# Levels follow the 2019 French nomenclature (décret n° 2019-14): 3 = CAP/BEP, 4 = Bac,
# 5 = Bac+2, 6 = Bac+3/4, 7 = Bac+5, 8 = doctorat. ``None`` = no diploma (below level 3).
EDUCATION_SHARES: list[tuple[int | None, float]] = [
    (None, 0.21),
    (3, 0.28),
    (4, 0.26),
    (5, 0.11),
    (6, 0.08),
    (7, 0.055),
    (8, 0.005),
]
EDUCATION_LABELS = {
    None: "Sans diplôme ou niveau inférieur au CAP",
    3: "CAP, BEP ou équivalent (niveau 3)",
    4: "Baccalauréat ou équivalent (niveau 4)",
    5: "Bac+2 : BTS, DUT ou équivalent (niveau 5)",
    6: "Bac+3 ou Bac+4 : licence, BUT, maîtrise (niveau 6)",
    7: "Bac+5 : master, diplôme d'ingénieur (niveau 7)",
    8: "Doctorat (niveau 8)",
}
# France Travail offer wording of education requirements (Offres d'emploi v2, formations.niveauLibelle).
EDUCATION_OFFER_LABELS = {
    3: "CAP, BEP et équivalents",
    4: "Bac ou équivalent",
    5: "Bac+2 ou équivalents",
    6: "Bac+3, Bac+4 ou équivalents",
    7: "Bac+5 et plus ou équivalents",
    8: "Bac+5 et plus ou équivalents",
}

# public figure: Agefiph, « Tableau de bord emploi et chômage des personnes handicapées », 2023:
# about 8.5 % of ABC jobseekers are bénéficiaires de l'obligation d'emploi (rounded).
SHARE_RQTH = 0.085
# public figure: DARES, demandeurs d'emploi par nationalité (ABC), rounded: about 3 % EU and
# 11 % non-EU nationals.
NATIONALITY_SHARES = [("FR", 0.86), ("UE", 0.03), ("hors UE", 0.11)]
# assumption: priority neighbourhoods (QPV) lie in towns; a jobseeker living in a commune of at
# least QPV_MIN_POPULATION inhabitants lives in a QPV with this probability (the national share of
# jobseekers living in a QPV is of the order of 12-13 %, ONPV reports; a territory with few
# towns gets fewer).
QPV_MIN_POPULATION = 10_000
QPV_SHARE_IN_TOWNS = 0.22

# assumptions (no single public series): driving licence, vehicle, mobility radius.
SHARE_LICENCE = 0.74  # lower for the young and in QPV, see population.py
SHARE_VEHICLE_GIVEN_LICENCE = 0.82
MOBILITY_RADIUS_MEDIAN_KM = 22.0
MOBILITY_RADIUS_NO_VEHICLE_KM = 10.0

# assumption: share of women among jobseekers seeking each grand domaine of the ROME (ordre de
# grandeur inspired by DARES « Portraits statistiques des métiers »; used only to make
# occupational choice gendered as it is in reality).
WOMEN_SHARE_BY_DOMAIN = {
    "A": 0.30, "B": 0.45, "C": 0.65, "D": 0.62, "E": 0.55, "F": 0.10, "G": 0.55,
    "H": 0.25, "I": 0.08, "J": 0.82, "K": 0.75, "L": 0.45, "M": 0.68, "N": 0.18,
}

# assumption: share of the jobseekers of the period already registered on day one; the others
# register along the period.
SHARE_IN_STOCK_AT_START = 0.62

# --------------------------------------------------------------------------------------------
# Companies and offers.
# --------------------------------------------------------------------------------------------
# public figure (order of magnitude): INSEE, establishments by size band (tranche d'effectif
# salarié); weighted towards hiring establishments (assumption).
SIZE_BANDS = [  # (label INSEE tranche, min, max, share among hiring establishments, hiring weight)
    ("1-2", 1, 2, 0.26, 1.0),
    ("3-5", 3, 5, 0.22, 1.6),
    ("6-9", 6, 9, 0.16, 2.4),
    ("10-19", 10, 19, 0.14, 3.5),
    ("20-49", 20, 49, 0.11, 5.5),
    ("50-99", 50, 99, 0.05, 8.0),
    ("100-199", 100, 199, 0.03, 11.0),
    ("200-499", 200, 499, 0.02, 15.0),
    ("500+", 500, 2000, 0.01, 22.0),
]
COMPANIES_PER_OFFER = 0.28  # assumption: a hiring establishment publishes ~3.5 offers on the period
DEFAULT_OFFERS_PER_JOBSEEKER = 0.30  # assumption: offers per jobseeker over 24 months (the scale
# benchmark's ratio, 300,000 offers for 1,000,000 jobseekers); offers of other channels are not simulated

# Contract mix. Source: measured on the 2,797 real offers of the development sample
# (shared/data/offers, France Travail API output, see docs/simulation.md « rapport de réalisme »),
# then shifted towards temporary contracts because that sample over-represents CDI (its largest
# source is a scrape of engineering and IT offers); the report prints both side by side.
CONTRACT_SHARES = [("CDI", 0.60), ("CDD", 0.24), ("MIS", 0.12), ("SAI", 0.03), ("LIB", 0.01)]
CONTRACT_LABELS = {
    "CDI": "Contrat à durée indéterminée",
    "CDD": "Contrat à durée déterminée",
    "MIS": "Mission intérimaire",
    "SAI": "Contrat travail saisonnier",
    "LIB": "Profession libérale",
}
# assumption: durations in months of fixed-term contracts (min, mode, max of a triangular law)
CONTRACT_DURATION_MONTHS = {"CDD": (1, 6, 18), "MIS": (0.25, 1, 6), "SAI": (1, 4, 6)}
SHARE_PART_TIME_OFFERS = 0.18  # assumption
SHARE_ALTERNANCE = 0.05  # assumption: apprenticeship/professionalisation among CDD/CDI offers

# assumption: salary of an offer, as a multiple of the monthly SMIC, by qualification level.
# Median gross pay (INSEE « Les salaires dans le secteur privé », 2022: median net ~2,100 €,
# i.e. ~1.6 SMIC gross) is the anchor of the middle levels.
SALARY_MULTIPLIER = {  # level -> (median multiple of the SMIC, dispersion of the log)
    "ouvrier_employe": (1.12, 0.08),
    "qualifie": (1.30, 0.12),
    "technicien": (1.55, 0.14),
    "cadre": (2.35, 0.22),
}
SHARE_SALARY_HOURLY = 0.12  # assumption: salary shown as an hourly rate (mostly MIS and SAI)
SHARE_SALARY_MISSING = 0.30  # assumption: « selon profil », no amount

# --------------------------------------------------------------------------------------------
# Behavioural model (assumptions; documented in docs/simulation.md).
# --------------------------------------------------------------------------------------------
WEEK_DAYS = 7
# Job search: applications per searching week ~ Poisson(base × intensity × discouragement)
APPLICATIONS_PER_WEEK = 0.55
DISCOURAGEMENT_PER_YEAR = 0.25  # search intensity falls by this share per year of unemployment
SEARCH_UTILITY = {  # jobseeker's utility of applying to an offer
    "same_code": 2.2,
    "same_fiche": 1.4,
    "mobility": 0.8,
    "skills": 1.5,  # × share of the offer's competences the jobseeker has
    "distance": 2.0,  # × distance / mobility radius
    "contract_ok": 0.8,
    "hours_ok": 0.5,
    "salary": 1.2,  # × (offer salary − desired salary) / desired salary, capped
    "popularity": 0.6,  # × offer attractiveness (company size, salary rank, CDI)
}
MAX_DISTANCE_OVER_RADIUS = 1.6  # offers further than this × radius are not considered
# Hiring: employer's utility of an applicant (the true match utility, without bias and noise)
HIRE_UTILITY = {
    "intercept": -1.1,
    "experience_in_code": 1.3,  # × min(1, months in the offer's code / 24)
    "experience_in_fiche": 0.6,  # × same, for the parent fiche or a mobility neighbour
    "skills": 1.8,  # × share of the offer's competences held
    "education_ok": 0.7,
    "education_short": -0.9,  # per missing level
    "experience_requirement_met": 0.6,
    "distance": -0.9,  # × distance / 30 km
    "licence_required_missing": -1.8,
    "unemployment_years": -0.35,  # scarring: × years of unemployment (capped at 3)
    "employability": 1.0,  # × latent employability (hidden, N(0,1))
    "training_in_code": 0.8,  # completed a training aimed at the offer's fiche
}
HIRE_NOISE_SCALE = 0.8  # logistic noise of the employer's judgement
HIRE_THRESHOLD = 0.35  # hire the best applicant of a week if their utility exceeds this
OFFER_LIFETIME_WEEKS = (4, 8, 14)  # triangular (min, mode, max) before expiry
WITHDRAWAL_WEEKLY = 0.012  # employer gives up or fills it through another channel
HIRE_DELAY_DAYS = (2, 20)
# Other exits from the register (job found outside the simulated offers, administrative exits)
EXIT_OTHER_WEEKLY = 0.0085
EXIT_ADMIN_WEEKLY = 0.004
SHORT_CONTRACT_MONTHS = 4  # after a contract of at most this length the person searches again

# E-mails: expected e-mails per jobseeker and month of registration (assumption)
EMAILS_PER_MONTH = 0.10

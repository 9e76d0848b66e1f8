"""French vocabulary of CVs: section headings, diplomas and their levels, languages, licences, soft skills.

Entries are written folded (lowercase, no accents) because look-ups go through
``normalise.squash``/``fold``. Sources for facts are named next to them.
"""

from __future__ import annotations

import re

# ------------------------------------------------------------------------------ section headings
# Kind → headings as people write them (after folding; "d'" and punctuation vanish in squash form).
SECTION_HEADINGS: dict[str, list[str]] = {
    "experience": [
        "experience", "experiences", "experience professionnelle", "experiences professionnelles",
        "parcours professionnel", "parcours", "mon parcours", "emplois", "emplois occupes", "postes occupes",
        "historique professionnel", "carriere", "experiences significatives", "experience significative",
        "vie professionnelle", "stages et emplois", "emplois et stages", "experiences et stages",
        "stages", "experiences pro", "experience pro", "activites professionnelles", "parcours pro",
        "professional experience", "work experience", "experience", "missions", "missions realisees",
        "dernieres experiences", "principales experiences", "experiences recentes", "jobs",
        "experiences en alternance", "parcours professionnel et stages",
    ],
    "education": [
        "formation", "formations", "diplomes", "diplome", "diplomes et formations", "formation et diplomes",
        "formations et diplomes", "diplomes et certifications", "etudes", "cursus", "cursus scolaire",
        "parcours scolaire", "parcours academique", "parcours de formation", "scolarite", "formations suivies",
        "formation initiale", "formation continue", "education", "niveau d etudes", "etudes et diplomes",
        "diplomes obtenus", "formation professionnelle", "parcours universitaire", "formations et certifications",
    ],
    "skills": [
        "competences", "competence", "competences professionnelles", "competences techniques", "savoir faire",
        "domaines de competences", "domaines de competence", "aptitudes", "aptitudes professionnelles",
        "expertise", "expertises", "competences cles", "mes competences", "competences metier",
        "competences informatiques", "informatique", "logiciels", "outils", "outils et logiciels",
        "connaissances", "connaissances techniques", "connaissances informatiques", "savoirs",
        "skills", "hard skills", "competences acquises", "bureautique", "techniques", "points de competence",
    ],
    "soft_skills": [
        "qualites", "savoir etre", "atouts", "qualites personnelles", "qualites professionnelles", "soft skills",
        "points forts", "mes atouts", "mes qualites", "savoir etre professionnels", "qualites humaines",
        "competences personnelles", "competences comportementales", "personnalite",
    ],
    "languages": [
        "langues", "langue", "langues etrangeres", "langues parlees", "competences linguistiques",
        "langues vivantes", "languages", "langues pratiquees",
    ],
    "interests": [
        "centres d interet", "centres d interets", "centre d interet", "centre d interets", "loisirs", "passions",
        "activites extra professionnelles", "hobbies", "interets", "loisirs et centres d interet",
        "centres d interet et loisirs", "activites personnelles", "vie personnelle", "passe temps",
    ],
    "extra": [
        "informations complementaires", "divers", "autres informations", "infos complementaires",
        "informations diverses", "complements", "informations", "atouts complementaires", "autres",
        "permis", "permis de conduire", "mobilite", "permis et mobilite", "mobilite et permis",
        "permis mobilite", "disponibilite", "plus", "infos", "info", "infos diverses", "a savoir", "autre",
    ],
    "profile": [
        "profil", "mon profil", "profil professionnel", "a propos", "a propos de moi", "resume", "presentation",
        "objectif", "objectif professionnel", "projet professionnel", "poste recherche", "accroche", "synthese",
        "qui suis je", "en bref", "summary", "profile", "mon projet", "projet", "about me",
    ],
    "contact": [
        "contact", "contacts", "coordonnees", "informations personnelles", "etat civil", "me contacter",
        "infos personnelles", "details personnels", "renseignements personnels",
    ],
    "certifications": [
        "certifications", "certification", "habilitations", "certificats", "attestations",
        "habilitations et certifications", "certifications et habilitations", "agrements", "caces",
    ],
    "volunteering": [
        "benevolat", "engagements", "engagement", "vie associative", "activites associatives",
        "engagement associatif", "experiences associatives", "experience associative", "benevolat et engagements",
    ],
    "references": ["references", "recommandations"],
    "projects": ["projets", "realisations", "projets realises", "principales realisations", "portfolio"],
}

HEADING_INDEX: dict[str, str] = {h: kind for kind, heads in SECTION_HEADINGS.items() for h in heads}

# ------------------------------------------------------------------------------------- diplomas
# Level in the French nomenclature of certification levels (décret n° 2019-14 du 8 janvier 2019
# relatif au cadre national des certifications professionnelles; arrêté du 8 janvier 2019 fixant
# les correspondances). Health diplomas: arrêté du 10 juin 2021 (DEAS, DEAP at level 4).
# Patterns are applied to folded text, most specific first.
DIPLOMA_LEVELS: list[tuple[str, int | None, str]] = [
    (r"\bdoctorat\b|\bph\.?\s?d\b|\bdocteur\b|\bhdr\b|habilitation a diriger", 8, "Doctorat"),
    (r"\bmaster\s*(?:2|ii)\b|\bm2\b", 7, "Master"),
    (r"\bmaster\s*(?:1|i)\b|\bm1\b|\bmaitrise\b", 6, "Master 1 / Maîtrise"),
    (r"\bmasters?\b|\bmastere\b|\bmba\b|\bdess\b|\bdea\b|diplome d'?\s?ingenieur|\bingenieur\b|\bbac\s*\+\s*5\b"
     r"|\bgrande ecole\b|\bdnsep\b|\bdscg\b|\bcapes\b|\bagregation\b", 7, "Master / Ingénieur"),
    (r"\blicence\b|\bbachelor\b|\bl3\b|\bbac\s*\+\s*[34]\b|\bdcg\b|bachelor universitaire de technologie"
     r"|d\.?e\.?\s*(?:d'?)?\s*infirmier|diplome d'?etat (?:d'?)?infirmier|educateur specialise"
     r"|assistant(?:e)? de service social|\bdeass\b|\bdees\b|\bdeeje\b|\bcesf\b", 6, "Licence / Bachelor"),
    (r"\bbtsa?\b|\bdut\b|\bdeug\b|\bdeust\b|\bdma\b|\bbac\s*\+\s*2\b|\bprepa\b|brevet de technicien superieur"
     r"|diplome universitaire de technologie", 5, "BTS / DUT"),
    (r"\bbaccalaureat\b|\bbac\b(?!\s*\+)|\bbac\s*pro\b|brevet professionnel|brevet de technicien\b"
     r"|\bbma\b|\bdaeu\b|\bdeas\b|aide.soignant|\bdeap\b|auxiliaire de puericulture|\bbpjeps\b", 4, "Baccalauréat"),
    (r"\bcap\b|\bcapa\b|\bbep\b|\bbepa\b|mention complementaire|\bdeaes\b|\bdeavs\b"
     r"|certificat d'aptitude professionnelle|brevet d'etudes professionnelles", 3, "CAP / BEP"),
    (r"\bbrevet des colleges\b|\bdnb\b|\bcfg\b|certificat de formation generale|\bclea\b", None, "Brevet"),
]
# Short abbreviations that are ordinary words in lower case ("but", "de"...): matched case-sensitively.
DIPLOMA_ABBREVIATIONS: list[tuple[str, int | None]] = [
    (r"\bBUT\b", 6), (r"\bLP\b", 6), (r"\bBP\b", 4), (r"\bBT\b", 4), (r"\bMC\b", 3),
]
# "Titre professionnel de niveau 5", "niveau Bac+2", old roman levels (V = CAP ... I = Bac+5).
LEVEL_MENTION = re.compile(r"\bniveau\s*:?\s*([3-8]|i{1,3}|iv|v)\b(?!\s*(?:de|d'|en)\s)")
OLD_LEVELS = {"v": 3, "iv": 4, "iii": 5, "ii": 6, "i": 7}
OTHER_CERTIFICATES = re.compile(
    r"\bcqp\b|\bcaces\b|\bssiap\b|\bsst\b|\bhaccp\b|\bfimo\b|\bfco\b|\bbafa\b|\bpse\s?[12]\b|\bpsc\s?1\b"
    r"|\bhabilitation\b|\bcertificat\b|\bcertification\b|\bformation\b|\battestation\b|\btitre professionnel\b"
    r"|\btitre pro\b|\bbrevet\b"
)
DIPLOMA_PATTERNS = [(re.compile(p), level, label) for p, level, label in DIPLOMA_LEVELS]
# Words that open a diploma line (used to tell the diploma from the school in an education entry).
DIPLOMA_HEADS = re.compile(
    r"^(?:cap|capa|bep|bepa|bac|baccalaureat|bts|btsa|dut|but|deug|deust|licence|master|mastere|maitrise|doctorat|"
    r"diplome|titre|certificat|certification|cqp|brevet|bp|bt|bpjeps|mba|dess|dea|bachelor|mention|deas|deap|"
    r"deaes|de|habilitation|formation|caces|permis|attestation|d\.e\.|ingenieur|prepa|classe|niveau|mc|dcg|dscg|"
    r"daeu|cfg|dnb|bafa|ssiap|sst|tp)\b"
)
SCHOOL_WORDS = re.compile(
    r"\b(?:lycee|college|universite|univ|iut|ecole|institut|ifsi|ifas|greta|afpa|cfa|campus|faculte|fac|"
    r"centre de formation|organisme|cnam|sciences po|conservatoire|academie|insa|esc|iae|ensam|polytech|"
    r"business school|school|university|irts|cned|ifap|ifpa|afpi|aftral|promotrans|cfppa|mfr|maison familiale|"
    r"chambre des metiers|cci|escp|essec|hec|edhec|kedge|neoma|skema|em lyon|grenoble|ens|enseignement|"
    r"lycee professionnel|lp)\b"
)

# ------------------------------------------------------------------------------------ languages
LANGUAGES = {
    "francais": "Français", "anglais": "Anglais", "espagnol": "Espagnol", "allemand": "Allemand",
    "italien": "Italien", "portugais": "Portugais", "arabe": "Arabe", "chinois": "Chinois", "mandarin": "Chinois",
    "russe": "Russe", "japonais": "Japonais", "neerlandais": "Néerlandais", "polonais": "Polonais",
    "roumain": "Roumain", "turc": "Turc", "vietnamien": "Vietnamien", "wolof": "Wolof", "creole": "Créole",
    "breton": "Breton", "basque": "Basque", "catalan": "Catalan", "corse": "Corse", "grec": "Grec",
    "hebreu": "Hébreu", "hindi": "Hindi", "ukrainien": "Ukrainien", "serbe": "Serbe", "croate": "Croate",
    "bulgare": "Bulgare", "tamoul": "Tamoul", "bambara": "Bambara", "lingala": "Lingala", "swahili": "Swahili",
    "kabyle": "Kabyle", "berbere": "Berbère", "amazigh": "Berbère", "persan": "Persan", "farsi": "Persan",
    "coreen": "Coréen", "suedois": "Suédois", "danois": "Danois", "norvegien": "Norvégien", "finnois": "Finnois",
    "tcheque": "Tchèque", "hongrois": "Hongrois", "albanais": "Albanais", "armenien": "Arménien",
    "georgien": "Géorgien", "ourdou": "Ourdou", "bengali": "Bengali", "thai": "Thaï", "tagalog": "Tagalog",
    "lsf": "Langue des signes française", "langue des signes": "Langue des signes française",
    "occitan": "Occitan", "alsacien": "Alsacien", "luxembourgeois": "Luxembourgeois", "slovaque": "Slovaque",
    "english": "Anglais", "spanish": "Espagnol", "german": "Allemand", "italian": "Italien",
}
LANGUAGE_RE = re.compile(r"\b(" + "|".join(sorted((re.escape(k) for k in LANGUAGES), key=len, reverse=True)) + r")\b")
CEFR_RE = re.compile(r"(?<![a-z0-9])([abc][12])(?![0-9])(?:\s*[/+]\s*([abc][12]))?")
# Level words as written (kept as written; CEFR is only filled when the CV states it).
LEVEL_WORDS = [
    "langue maternelle", "maternelle", "natif", "native", "bilingue", "courant", "couramment", "tres bon niveau",
    "bon niveau", "niveau avance", "avance", "intermediaire", "professionnel", "operationnel", "lu ecrit parle",
    "lu, ecrit, parle", "ecrit et oral", "scolaire", "notions", "debutant", "elementaire", "moyen", "correct",
    "technique", "lu", "parle", "ecrit", "en cours d'apprentissage", "maitrise", "toeic", "toefl", "ielts",
    "dele", "delf", "dalf", "goethe", "cambridge", "bright", "linguaskill",
]

# --------------------------------------------------------------------------- driving licences
# Categories of the French driving licence (Code de la route, art. R221-4), and what people write.
LICENCE_CATEGORIES = ["AM", "A1", "A2", "A", "B1", "BE", "B", "C1E", "C1", "CE", "C", "D1E", "D1", "DE", "D"]
LICENCE_RE = re.compile(
    r"\bpermis(?:\s+de\s+conduire)?\s*(?:de\s+)?(?:cat[ée]gories?|cat\.?)?\s*:?\s*"
    r"((?:(?:AM|A1|A2|A|B1|BE|B|C1E|C1|CE|C|D1E|D1|DE|D|EB|EC|ED)\b(?:\s*(?:\([^)]{0,20}\))?\s*(?:,|/|\+|et|-|&)?\s*))+)",
    re.IGNORECASE,
)
LICENCE_WORDS = {
    "poids lourd": "C", "poids-lourd": "C", "super lourd": "CE", "super-lourd": "CE", "transport en commun": "D",
    "permis voiture": "B", "permis auto": "B", "permis moto": "A", "permis bateau": None,
}
LICENCE_PENDING_RE = re.compile(r"en cours(?: d'obtention)?|en preparation|code obtenu|code en poche|en formation",
                                re.IGNORECASE)
NO_LICENCE_RE = re.compile(r"\bsans permis\b|\bpas de permis\b|\bpermis\s*:\s*non\b|\bnon titulaire du permis\b")
VEHICLE_RE = re.compile(
    r"\bvehicule(?:e|\(e\))?\b(?!\s+(?:de\s+(?:societe|fonction|service)|utilitaire|leger\b|lourd))|\bvehicule personnel\b"
    r"|\bvoiture personnelle\b|\bvehicule perso\b|\bmotorise(?:e|\(e\))?\b|\bpossede un vehicule\b"
    r"|\bdispose d'un vehicule\b|\bvoiture\b(?=.*\b(?:personnelle|perso)\b)"
)
NO_VEHICLE_RE = re.compile(r"\bnon vehicule|\bpas de vehicule|\bsans vehicule|\bnon motorise")

# --------------------------------------------------------------------------------- soft skills
SOFT_SKILLS = [
    "autonome", "autonomie", "rigoureux", "rigoureuse", "rigueur", "ponctuel", "ponctuelle", "ponctualite",
    "dynamique", "dynamisme", "motive", "motivee", "motivation", "serieux", "serieuse", "curieux", "curieuse",
    "curiosite", "organise", "organisee", "sens de l'organisation", "esprit d'equipe", "travail en equipe",
    "sens du travail en equipe", "polyvalent", "polyvalente", "polyvalence", "adaptabilite",
    "capacite d'adaptation", "reactif", "reactive", "reactivite", "patient", "patiente", "patience", "empathie",
    "empathique", "bienveillant", "bienveillante", "bienveillance", "sens de l'ecoute", "ecoute", "a l'ecoute",
    "communication", "aisance relationnelle", "sens du relationnel", "relationnel", "diplomate", "diplomatie",
    "creatif", "creative", "creativite", "minutieux", "minutieuse", "minutie", "soigneux", "soigneuse",
    "fiable", "fiabilite", "honnete", "honnetete", "discret", "discrete", "discretion", "perseverant",
    "perseverante", "perseverance", "force de proposition", "sens des responsabilites", "leadership",
    "sens du service", "sens du contact", "gestion du stress", "resistance au stress", "calme", "assidu",
    "assidue", "volontaire", "enthousiaste", "souriant", "souriante", "aimable", "courtois", "courtoise",
    "sens commercial", "esprit d'initiative", "prise d'initiative", "initiative", "persuasion", "tenacite",
    "tenace", "methodique", "methode", "sens de l'observation", "sens du detail", "esprit d'analyse",
    "esprit de synthese", "capacite d'analyse", "pedagogue", "pedagogie", "disponible", "flexible",
    "flexibilite", "respect des consignes", "respect des delais", "gout du challenge", "sens de l'accueil",
    "resilience", "ouverture d'esprit", "confiance en soi", "bonne humeur", "energique", "loyal", "loyale",
]
SOFT_SKILL_RE = re.compile(r"(?<![a-z])(" + "|".join(sorted((re.escape(s) for s in SOFT_SKILLS), key=len, reverse=True))
                           + r")(?![a-z])")

# ------------------------------------------------------------------------------------ employers
EMPLOYER_WORDS = re.compile(
    r"\b(?:sas|sasu|sarl|eurl|sa|sci|scop|snc|gie|inc|ltd|gmbh|spa|groupe|group|groupement|holding|cie|"
    r"et fils|& fils|societe|ste|entreprise|ets|etablissements|industries?|services|international|france|"
    r"hopital|centre hospitalier|chu|chru|ch|clinique|ehpad|ehpa|ssiad|esat|ime|mas|fam|creche|"
    r"mairie|commune|ville de|conseil departemental|conseil regional|region|departement|prefecture|"
    r"ministere|rectorat|education nationale|collectivite|communaute de communes|agglomeration|metropole|"
    r"association|asso|fondation|federation|mutuelle|cooperative|caisse|banque|credit|assurances?|"
    r"restaurant|brasserie|hotel|camping|boulangerie|patisserie|boucherie|charcuterie|fromagerie|epicerie|"
    r"supermarche|hypermarche|magasin|boutique|pharmacie|garage|carrosserie|cabinet|agence|studio|atelier|"
    r"laboratoire|labo|transports?|logistique|btp|batiment|construction|menuiserie|plomberie|electricite|"
    r"nettoyage|proprete|securite|interim|manpower|adecco|randstad|synergie|start-?up|usine|site|"
    r"carrefour|leclerc|auchan|intermarche|lidl|aldi|casino|monoprix|franprix|super u|hyper u|systeme u|"
    r"decathlon|ikea|leroy merlin|castorama|fnac|darty|boulanger|amazon|la poste|sncf|ratp|edf|engie|orange|"
    r"mcdonald'?s|quick|burger king|kfc|sodexo|elior|compass|onet|isor|derichebourg|veolia|suez|vinci|"
    r"bouygues|eiffage|colas|spie|airbus|safran|thales|renault|stellantis|peugeot|michelin|danone|nestle|"
    r"lactalis|bonduelle|sephora|zara|h&m|kiabi|action|gifi|centrakor|picard|biocoop|geodis|dhl|ups|fedex|"
    r"chronopost|dpd|kuehne|xpo|stef|schenker|ceva|gefco|norbert dentressangle|keolis|transdev|france travail|"
    r"pole emploi|caf|cpam|urssaf|msa|apec|crous|ccas|cias|ucpa|ligue|club|academie|lycee|college|ecole|"
    r"universite|institut|creperie|pizzeria|bar|cafe|traiteur|cantine|cuisine centrale|residence|foyer)\b"
)
EMPLOYER_PREFIX = re.compile(r"^(?:chez|employeur\s*:|entreprise\s*:|societe\s*:|@|au sein de|au sein d')\s*")
CONTRACT_WORDS = re.compile(
    r"^(?:cdi|cdd|interim|interimaire|mission d'interim|stage|stagiaire|alternance|apprentissage|apprenti|"
    r"contrat de professionnalisation|contrat pro|freelance|independant|auto.entrepreneur|micro.entrepreneur|"
    r"temps partiel|temps plein|saisonnier|saison|job d'ete|job etudiant|benevole|benevolat|service civique|"
    r"vacataire|vacation|extra|extras|cui|cae|pec|parcours emploi competences|emploi d'avenir|ces|intermittent|"
    r"titulaire|contractuel|contractuelle|remplacement|remplacements|mission|missions|temps partiel choisi|"
    r"cdd de remplacement|cdi chantier|cdi interimaire|(?:\d+\s*(?:mois|ans?|semaines?)))$"
)
SENIORITY_WORDS = {"senior", "junior", "confirme", "confirmee", "debutant", "debutante", "stagiaire", "apprenti",
                   "apprentie", "alternant", "alternante", "adjoint", "adjointe", "assistant", "assistante"}

# ------------------------------------------------------------------------------------- contact
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
PHONE_RE = re.compile(
    r"(?<![\d])(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?[1-9]|0[1-9])(?:[\s.\-/]?\d{2}){4}(?![\d])"
)
URL_RE = re.compile(r"(?:https?://|www\.)[^\s,;]+|(?:linkedin\.com|github\.com|gitlab\.com|behance\.net|viadeo\.com)/[^\s,;]+",
                    re.IGNORECASE)
POSTCODE_RE = re.compile(r"(?<!\d)((?:0[1-9]|[1-8]\d|9[0-8]|2[AB])\s?\d{3})(?!\d)\s*,?\s*([A-Za-zÀ-ÿ'’\- ]{2,40})?")
CITY_POSTCODE_RE = re.compile(r"([A-ZÀ-Ý][A-Za-zÀ-ÿ'’\- ]{1,40}?)\s*\(\s*((?:0[1-9]|[1-8]\d|9[0-8])\s?\d{3})\s*\)")
STREET_RE = re.compile(
    r"\b\d{1,4}\s*(?:bis|ter|b)?\s*,?\s*(?:rue|avenue|av\.?|boulevard|bd|chemin|che\.?|allee|all\.?|impasse|imp\.?|"
    r"place|pl\.?|route|rte|quai|cours|square|sq\.?|residence|res\.?|lotissement|lot\.?|hameau|lieu.dit|"
    r"voie|passage|sentier|faubourg|fbg|cite|clos|parc|domaine|chaussee|rond.point|esplanade|promenade|montee)\b",
    re.IGNORECASE,
)
CONTACT_LABELS = re.compile(
    r"^(?:tel|tél|telephone|téléphone|portable|mobile|phone|gsm|e-?mail|courriel|mail|adresse|address|domicile|"
    r"linkedin|site|web|github|portfolio)\s*[:.\-]?\s*",
    re.IGNORECASE,
)

# ------------------------------------------------------------------- protected characteristics
# Discrimination grounds of Code du travail L1132-1 that a CV may state; flagged, never used.
PROTECTED_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("date_of_birth", re.compile(
        r"\bn[ée]e?\s+le\b|\bdate\s+de\s+naissance\b|\bnaissance\s*:|\bborn\s+on\b|\bddn\s*:", re.IGNORECASE)),
    ("age", re.compile(r"(?<![\d,.])(?:1[6-9]|[2-6]\d|7[0-5])\s*ans\b(?!\s*d['’]\s*(?:exp|anc))(?=\s*$|\s*[,.;)|–-]|\s+\()",
                       re.IGNORECASE)),
    ("nationality", re.compile(r"\bnationalit[ée]\b|\bde nationalit[ée]\b|\bressortissant", re.IGNORECASE)),
    ("family_status", re.compile(
        r"\bc[ée]libataire\b|\bmari[ée]e?\b(?!\s+(?:de|des|du)\b)|\bpacs[ée]e?\b|\bdivorc[ée]e?\b|\bveu(?:f|ve)\b|"
        r"\bconcubinage\b|\bsituation\s+(?:de\s+)?famil|\b\d+\s+enfants?\b|\bsans\s+enfant|\ben\s+couple\b|"
        r"\bm[eè]re\s+de\b|\bp[eè]re\s+de\b", re.IGNORECASE)),
    ("gender", re.compile(r"^(?:m\.|mme|mlle|monsieur|madame|mademoiselle)\s+|\bsexe\s*:|\bgenre\s*:", re.IGNORECASE)),
    ("health", re.compile(
        r"\brqth\b|\btravailleur\s+handicap|\bhandicap|\binvalidit[ée]|\bmaladie\b|\bsant[ée]\s*:|\bmdph\b|"
        r"\baah\b|\bboeth\b|\bmi.temps\s+th[ée]rapeutique|\binaptitude\b", re.IGNORECASE)),
    ("religion", re.compile(
        r"\breligion\b|\bconfession\b|\bcatholique\b|\bmusulman|\bjuif\b|\bjuive\b|\bprotestant|\bbouddhiste|"
        r"\bsyndiqu[ée]|\bmilitant\s+(?:politique|au parti)|\bparti\s+(?:socialiste|communiste|politique)",
        re.IGNORECASE)),
    ("birthplace", re.compile(r"\blieu\s+de\s+naissance\b|\bn[ée]e?\s+[àa]\s+[A-Z]", re.IGNORECASE)),
    ("social_security", re.compile(r"(?<!\d)[12]\s?\d{2}\s?(?:0[1-9]|1[0-2])\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}(?:\s?\d{2})?(?!\d)")),
]

# ------------------------------------------------------------------------------------ mobility
MOBILITY_RE = re.compile(
    r"\bmobilit[ée]\b|\bmobile\b|\bpr[eê]te?\s+[àa]\s+(?:me\s+)?d[ée]m[ée]nager|\bd[ée]m[ée]nagement\s+possible|"
    r"\bdans un rayon de\b|\bkm autour\b|\bkm\b.*\bautour\b|\btoute la france\b|\bfrance enti[eè]re\b|"
    r"\bd[ée]placements?\s+(?:accept|possible)", re.IGNORECASE)
RADIUS_RE = re.compile(r"(\d{1,4})\s*(?:km|kilom[eè]tres?)\b", re.IGNORECASE)
NATIONAL_RE = re.compile(r"toute la france|france enti[eè]re|national|tout le territoire|internationale?|europe",
                         re.IGNORECASE)

# ------------------------------------------------------------------------------------ target job
TARGET_PREFIX = re.compile(
    r"^(?:poste\s+recherch[ée]|objectif(?:\s+professionnel)?|emploi\s+recherch[ée]|m[ée]tier\s+recherch[ée]|"
    r"projet\s+professionnel|candidature\s+(?:au\s+poste\s+de|pour\s+le\s+poste\s+de|:)|poste\s+vis[ée]|"
    r"m[ée]tier\s+vis[ée]|recherche\s+(?:un\s+)?(?:poste|emploi|contrat)\s+(?:de|d['’]|en\s+tant\s+que|comme)|"
    r"je\s+recherche\s+un\s+(?:poste|emploi)\s+(?:de|d['’]|en\s+tant\s+que|comme)|"
    r"[àa]\s+la\s+recherche\s+d['’]un\s+(?:poste|emploi)\s+(?:de|d['’]|en\s+tant\s+que|comme))\s*:?\s*",
    re.IGNORECASE,
)
TARGET_INLINE = re.compile(
    r"(?:recherche|la recherche d['’]un|souhaite (?:occuper|trouver)|vise)\s+(?:un\s+)?(?:poste|emploi|contrat|"
    r"cdi|cdd|alternance)\s+(?:en\s+cdi\s+|en\s+cdd\s+)?(?:de|d['’]|en\s+tant\s+que|comme)\s+([^.,;\n]{3,60})",
    re.IGNORECASE,
)

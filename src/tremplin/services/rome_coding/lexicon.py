"""The small, hand-written lexicon of occupation coding.

Four lists, each short enough to review by hand (folded forms: lower case, no accents):

- :data:`ABBREVIATIONS`: abbreviations, acronyms and anglicisms seen in French job titles,
  with the words of the referential they stand for. The expansion is *added* to the title
  (the abbreviation is kept: some appellations contain it, e.g. "infirmier ... (IDE)").
- :data:`PHRASES`: English job titles of several words, with their French wording.
- :data:`NOISE_WORDS`: words that say something about the contract, the seniority, the
  schedule or the ad itself, not about the occupation ("senior", "CDI", "alternance"…).
  They are removed from titles before matching.
- :data:`TRAINEE_WORDS`: words naming a trainee status ("apprenti", "stagiaire", "étudiant"):
  an apprentice baker is coded as a baker, so they are removed too.

Sources: ROME 4.0 appellations (for the target words), France Travail offer titles
(for which abbreviations occur). Each expansion was checked to use words that appear in
ROME 4.0 appellation labels.
"""

from __future__ import annotations

ABBREVIATIONS: dict[str, str] = {
    # health and care
    "as": "aide-soignant",
    "ash": "agent des services hospitaliers",
    "ide": "infirmier soins generaux",
    "idec": "infirmier coordinateur",
    "ibode": "infirmier de bloc operatoire",
    "iade": "infirmier anesthesiste",
    "avs": "auxiliaire de vie sociale",
    "aes": "accompagnant educatif et social",
    "aesh": "accompagnant d'eleves en situation de handicap",
    "amp": "aide medico-psychologique",
    "atsem": "agent territorial specialise des ecoles maternelles",
    "eje": "educateur de jeunes enfants",
    "asv": "auxiliaire specialise veterinaire",
    "mk": "masseur kinesitherapeute",
    "kine": "masseur kinesitherapeute",
    "ehpad": "etablissement personnes agees",
    "alsh": "animateur accueil de loisirs",
    "bafa": "animateur",
    # building and industry
    "btp": "batiment travaux publics",
    "vrd": "voirie reseaux divers",
    "cvc": "chauffage ventilation climatisation",
    "cfo": "courants forts",
    "cfa": "courants faibles",
    "be": "bureau d'etudes",
    "moe": "maitrise d'oeuvre",
    "moa": "maitrise d'ouvrage",
    "amoa": "assistance maitrise d'ouvrage",
    "cn": "commande numerique",
    "cnc": "commande numerique",
    "cnd": "controle non destructif",
    "tig": "soudeur",
    "mig": "soudeur",
    "caces": "cariste",
    "pl": "poids lourd",
    "spl": "super poids lourd",
    "vl": "vehicule leger",
    "vn": "vehicules neufs",
    "vo": "vehicules d'occasion",
    "qhse": "qualite hygiene securite environnement",
    "hse": "hygiene securite environnement",
    "r&d": "recherche et developpement",
    "rd": "recherche et developpement",
    "ssiap": "agent de securite incendie",
    "aps": "agent de prevention et de securite",
    # commerce, office, management
    "rh": "ressources humaines",
    "grh": "gestion des ressources humaines",
    "drh": "directeur des ressources humaines",
    "rrh": "responsable des ressources humaines",
    "adv": "administration des ventes",
    "sav": "service apres-vente",
    "pgc": "produits de grande consommation",
    "ls": "libre-service",
    "daf": "directeur administratif et financier",
    "dsi": "directeur des systemes d'information",
    "it": "informatique",
    "si": "systemes d'information",
    "dpo": "delegue a la protection des donnees",
    "ia": "intelligence artificielle",
    # anglicisms
    "dev": "developpeur",
    "developer": "developpeur",
    "fullstack": "developpeur full-stack",
    "frontend": "developpeur front-end",
    "backend": "developpeur back-end",
    "js": "javascript",
    "devops": "ingenieur devops",
    "software": "logiciel",
    "engineer": "ingenieur",
    "sales": "commercial",
    "business": "commercial",
    "buyer": "acheteur",
    "driver": "chauffeur",
    "cook": "cuisinier",
    "waiter": "serveur",
    "nurse": "infirmier",
    "recruiter": "charge de recrutement",
    "warehouse": "entrepot",
    "workshop": "atelier",
    "instructor": "instructeur",
    "store": "magasin",
    "team": "equipe",
    "leader": "chef",
    "lead": "chef",
    "manager": "responsable",
}

# English job titles whose word order differs from the French one (folded, matched as phrases).
PHRASES: dict[str, str] = {
    "software engineer": "ingenieur logiciel",
    "software developer": "developpeur logiciel",
    "data engineer": "ingenieur data",
    "business developer": "developpeur commercial",
    "business analyst": "analyste fonctionnel",
    "key account manager": "responsable grands comptes",
    "account manager": "charge de clientele",
    "sales manager": "responsable commercial",
    "store manager": "directeur de magasin",
    "office manager": "assistant de direction",
    "team leader": "chef d'equipe",
    "customer success": "charge de clientele",
    "supply chain": "logistique",
}

NOISE_WORDS: frozenset[str] = frozenset(
    {
        # seniority, experience
        "senior", "sr", "junior", "jr", "confirme", "confirmee", "experimente", "experimentee",
        "debutant", "debutante",
        # contract and schedule
        "cdi", "cdd", "interim", "interimaire", "alternance", "contrat", "temps", "plein", "partiel",
        "saisonnier", "saisonniere", "vacataire", "remplacement", "pec", "cui", "freelance",
        # the ad itself
        "urgent", "h", "f", "hf", "fh", "x", "poste", "offre", "recrute",
        "salaire", "motivant", "selon", "profil", "ref", "reference",
    }
)

TRAINEE_WORDS: frozenset[str] = frozenset(
    {"apprenti", "apprentie", "alternant", "alternante", "stagiaire", "stage", "etudiant", "etudiante"}
)

"""Hand-written test data for the browser tests (not real offers, not a real person)."""

JOBSEEKER_ID = "DE-74-000123"

# Hand-written offers (not real ones): one with two unlawful mentions, one lawful.
OFFERS = [
    {"id": "DEMO-OF-1", "intitule": "Serveuse", "typeContrat": "CDD", "dureeTravailLibelle": "35H/semaine",
     "lieuTravail": {"libelle": "74 - ANNECY", "commune": "74010"},
     "entreprise": {"nom": "Brasserie du Lac"},
     "salaire": {"libelle": "Mensuel de 1900.00 Euros sur 12 mois"},
     "description": "Brasserie au bord du lac recherche une serveuse âgée de 20 à 30 ans, de nationalité française, "
                    "pour la saison d'été. Service du midi et du soir, accueil de la clientèle, prise de commandes. "
                    "Merci de joindre une photo à votre candidature."},
    {"id": "DEMO-OF-2", "intitule": "Cuisinier / Cuisinière (H/F)", "typeContrat": "CDI",
     "dureeTravailLibelle": "35H/semaine", "lieuTravail": {"libelle": "74 - ANNECY", "commune": "74010"},
     "entreprise": {"nom": "Restaurant des Alpes"}, "salaire": {"libelle": "Mensuel de 2100.00 Euros sur 12 mois"},
     "description": "Restaurant traditionnel recherche un cuisinier ou une cuisinière pour préparer les entrées, "
                    "les plats et les desserts, dans le respect des règles d'hygiène. Débutant accepté."},
]

CV_TEXT = """Camille DURAND
12 rue des Lilas, 74000 Annecy
camille.durand@example.org - 06 12 34 56 78

Aide-soignante

EXPÉRIENCES PROFESSIONNELLES
Septembre 2019 - aujourd'hui : Agent de service hospitalier, EHPAD Les Tilleuls, Annecy
- Entretien des chambres, aide aux repas
Juin 2016 - Août 2019 : Serveuse, Brasserie du Port, Annecy
- Service en salle, encaissement

FORMATION
2018 : Diplôme d'État d'aide-soignant (DEAS), IFAS d'Annecy
2015 : Baccalauréat professionnel Accompagnement, soins et services à la personne

COMPÉTENCES
Soins d'hygiène et de confort
Aide à la prise des repas
Travail en équipe

LANGUES
Anglais : niveau A2

PERMIS
Permis B, véhicule personnel
"""

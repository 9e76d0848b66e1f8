"""Fictitious identities for simulated people (first and last names, e-mail, phone).

Names are common French given names and surnames (the kind listed in INSEE's « Fichier des
prénoms » and among the most frequent surnames in France), with a share of names of other
origins, more frequent among non-French nationals, so that CVs and e-mails look like a real
caseload. Phone numbers use the 06 39 98 range and e-mail addresses the reserved ``.example``
domain (RFC 2606), so no real person can be reached.
"""

from __future__ import annotations

import numpy as np

from tremplin.simulate.textkit import pick

FIRST_F = ["Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine", "Céline", "Aurélie", "Julie", "Camille",
           "Émilie", "Laura", "Manon", "Léa", "Chloé", "Sarah", "Pauline", "Mélanie", "Audrey", "Virginie", "Stéphanie",
           "Christine", "Valérie", "Anne", "Sophie", "Élodie", "Amandine", "Laetitia", "Caroline", "Jessica", "Océane",
           "Inès", "Clara", "Emma", "Lucie", "Margaux", "Justine", "Charlotte", "Morgane", "Nadège"]
FIRST_M = ["Jean", "Philippe", "Michel", "Alain", "Patrick", "Nicolas", "Christophe", "Pierre", "Stéphane", "Laurent",
           "Julien", "Sébastien", "David", "Frédéric", "Olivier", "Thomas", "Alexandre", "Romain", "Maxime", "Kevin",
           "Anthony", "Jérémy", "Guillaume", "Mathieu", "Florian", "Quentin", "Lucas", "Hugo", "Théo", "Benjamin",
           "Vincent", "Éric", "Thierry", "Bruno", "Cédric", "Dylan", "Jordan", "Loïc", "Yannick", "Franck"]
FIRST_F_OTHER = ["Fatima", "Amina", "Khadija", "Yasmine", "Nadia", "Leila", "Samira", "Aïcha", "Mariam", "Fatou",
                 "Ana", "Maria", "Sofia", "Elena", "Ioana", "Agnieszka", "Thi Lan", "Mei", "Zeynep", "Rokia"]
FIRST_M_OTHER = ["Mohamed", "Karim", "Youssef", "Mehdi", "Rachid", "Samir", "Bilal", "Mamadou", "Moussa", "Ibrahima",
                 "João", "Carlos", "Luis", "Marco", "Andrei", "Piotr", "Minh", "Wei", "Mehmet", "Omar"]
LAST = ["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon",
        "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont",
        "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin",
        "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément",
        "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Favre", "Dupraz", "Bouvier", "Tissot",
        "Pollet", "Curtet", "Baud", "Vuagnat", "Duret", "Berthet"]
LAST_OTHER = ["Benali", "Haddad", "Bouzid", "Mansouri", "Cherif", "Diallo", "Traoré", "Koné", "Camara", "Diop",
              "Da Silva", "Ferreira", "Pereira", "Rodrigues", "Rossi", "Popescu", "Kowalski", "Nguyen", "Tran", "Yilmaz"]


def identities(rng: np.random.Generator, sex: np.ndarray, nationality: np.ndarray, ids: np.ndarray) -> dict:
    n = len(sex)
    other_p = np.where(nationality == "FR", 0.12, np.where(nationality == "UE", 0.55, 0.85))
    other = rng.random(n) < other_p
    women = sex == "F"
    first = np.where(
        women,
        np.where(other, pick(rng, FIRST_F_OTHER, n), pick(rng, FIRST_F, n)),
        np.where(other, pick(rng, FIRST_M_OTHER, n), pick(rng, FIRST_M, n)),
    ).astype(object)
    last = np.where(other & (rng.random(n) < 0.9), pick(rng, LAST_OTHER, n), pick(rng, LAST, n)).astype(object)
    import unicodedata

    def ascii_lower(values):
        return np.array(
            [unicodedata.normalize("NFKD", v).encode("ascii", "ignore").decode().lower().replace(" ", "") for v in np.unique(values)],
            dtype=object,
        ), np.unique(values, return_inverse=True)[1]

    fa, fi = ascii_lower(first)
    la, li = ascii_lower(last)
    sep = pick(rng, [".", "_", "", "-"], n)
    num = np.where(rng.random(n) < 0.5, np.char.mod("%d", rng.integers(1, 99, n)).astype(object), "")
    email = fa[fi] + sep + la[li] + num + "@" + pick(rng, ["courriel.example", "messagerie.example", "boite.example"], n)
    phone = "06 39 98 " + np.char.zfill(np.char.mod("%d", rng.integers(0, 100, n)), 2).astype(object) + " " + np.char.zfill(
        np.char.mod("%d", rng.integers(0, 100, n)), 2
    ).astype(object)
    ident = np.char.zfill(np.char.mod("%d", rng.integers(0, 10_000_000, n)), 7).astype(object) + pick(rng, list("ABCDEFGHJKLMNPRSTUVWXYZ"), n)
    return {"jobseeker_id": ids, "first_name": first, "last_name": last, "email": email, "phone": phone, "pes_identifier": ident}

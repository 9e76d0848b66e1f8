"""E-mails from jobseekers to their counsellor, with their hidden labels.

Each e-mail has an intent (one of ``INTENTS``), an urgency (``normale``, ``haute``,
``critique``: loss of resources or distress), a register (``soutenu``, ``courant``,
``familier``), optional spelling mistakes, a signature, and sometimes a quoted earlier reply of
the counsellor. Labels go to ``truth/emails_truth.parquet``; the e-mail table has only what a
counsellor would receive. Volumes and mixes are assumptions (docs/simulation.md).
"""

from __future__ import annotations

import numpy as np

from tremplin.simulate.rng import choice_index, stream
from tremplin.simulate.textkit import add_typos, dates_fr, fill_by_choice, month_names, pick

INTENTS = {  # intent -> share (assumption)
    "actualisation": 0.14, "paiement": 0.18, "attestation_documents": 0.12, "rendez_vous": 0.14,
    "formation": 0.09, "recherche_emploi": 0.10, "changement_situation": 0.09, "reclamation": 0.06,
    "probleme_technique": 0.05, "autre": 0.03,
}
URGENCY_BY_INTENT = {  # (P(haute), P(critique))
    "paiement": (0.30, 0.20), "reclamation": (0.30, 0.10), "actualisation": (0.20, 0.05),
    "attestation_documents": (0.20, 0.05), "changement_situation": (0.10, 0.05), "probleme_technique": (0.20, 0.03),
}
REGISTERS = ["soutenu", "courant", "familier"]

SUBJECTS = {
    "actualisation": ["Actualisation", "Problème actualisation {month}", "actualisation du mois de {month}", "Oubli d'actualisation", ""],
    "paiement": ["Paiement", "Allocation non reçue", "Virement {month}", "Question sur mon indemnisation", "ARE pas versée", ""],
    "attestation_documents": ["Demande d'attestation", "Attestation employeur", "Documents", "Justificatif demandé", "attestation"],
    "rendez_vous": ["Rendez-vous", "Report de mon rendez-vous du {date}", "Demande de rendez-vous", "RDV", "Convocation du {date}"],
    "formation": ["Formation", "Demande de formation", "Projet de formation {training}", "Financement formation"],
    "recherche_emploi": ["Recherche d'emploi", "Offres en {title}", "Candidature", "Conseils pour ma recherche"],
    "changement_situation": ["Changement de situation", "Reprise d'emploi", "Déménagement", "Arrêt maladie", "Nouvelle adresse"],
    "reclamation": ["Réclamation", "Contestation", "Radiation injustifiée", "Mécontentement", "Trop-perçu contesté"],
    "probleme_technique": ["Problème sur le site", "Impossible de me connecter", "Bug espace personnel", "Mot de passe"],
    "autre": ["Question", "Renseignement", "Bonjour", ""],
}
# bodies per intent and register; placeholders: month, date, title, training, amount, company
BODIES = {
    "actualisation": {
        "soutenu": ["Je me permets de vous écrire car je n'ai pas pu effectuer mon actualisation du mois de {month} dans les délais. Pourriez-vous m'indiquer la marche à suivre afin de régulariser ma situation ?",
                    "Je souhaiterais savoir si mon actualisation de {month} a bien été prise en compte, car je n'ai reçu aucune confirmation."],
        "courant": ["Je n'ai pas réussi à faire mon actualisation pour {month}, le site me mettait une erreur. Est-ce que vous pouvez la faire pour moi ?",
                    "J'ai oublié de m'actualiser ce mois-ci ({month}). Qu'est-ce que je dois faire maintenant ?"],
        "familier": ["j'ai pas pu m'actualiser pour {month}, ça bloquait. je fais comment ?",
                     "oubli d'actualisation pour {month}, est-ce que c'est grave ? merci"],
    },
    "paiement": {
        "soutenu": ["Je constate que le versement de mon allocation pour le mois de {month} n'a pas été effectué. Pourriez-vous m'en indiquer la raison ?",
                    "Le montant versé ce mois-ci ({amount} €) ne correspond pas à celui des mois précédents. Je vous remercie de bien vouloir vérifier mon dossier."],
        "courant": ["Je n'ai toujours pas reçu mon paiement de {month}. Est-ce qu'il y a un problème avec mon dossier ?",
                    "J'ai reçu seulement {amount} € ce mois-ci au lieu de d'habitude, je ne comprends pas pourquoi."],
        "familier": ["toujours rien reçu sur mon compte pour {month}... c'est normal ?",
                     "pourquoi j'ai eu que {amount} euros ce mois ci ??"],
    },
    "attestation_documents": {
        "soutenu": ["Pourriez-vous me transmettre une attestation d'inscription à France Travail ? Elle m'est demandée par mon bailleur.",
                    "Je vous prie de trouver ci-joint mon attestation employeur concernant mon dernier contrat chez {company}."],
        "courant": ["J'aurais besoin d'une attestation de paiement pour la CAF. Vous pouvez me l'envoyer ?",
                    "Voici les documents que vous m'avez demandés (bulletins de salaire et attestation employeur)."],
        "familier": ["il me faut une attestation pour la caf, vous pouvez m'envoyer ça ?",
                     "je vous envoie les papiers demandés, dites moi si il manque un truc"],
    },
    "rendez_vous": {
        "soutenu": ["Je ne pourrai malheureusement pas me présenter à mon rendez-vous du {date} en raison d'un entretien d'embauche. Serait-il possible de le reporter ?",
                    "Je souhaiterais obtenir un rendez-vous avec mon conseiller afin de faire le point sur mon projet professionnel."],
        "courant": ["Je ne peux pas venir au rendez-vous du {date}, est-ce qu'on peut le décaler ?",
                    "Est-ce que je peux avoir un rendez-vous avec vous la semaine prochaine pour parler de ma recherche ?"],
        "familier": ["je pourrai pas venir le {date}, on peut changer ?",
                     "c'est possible d'avoir un rdv bientôt ?"],
    },
    "formation": {
        "soutenu": ["Je souhaiterais suivre la formation « {training} » et voudrais savoir si elle peut être financée dans le cadre de mon parcours.",
                    "Pourriez-vous m'indiquer les démarches pour intégrer une formation qualifiante dans le domaine de {title} ?"],
        "courant": ["J'ai vu une formation qui m'intéresse ({training}). Est-ce que France Travail peut la financer ?",
                    "Je voudrais me former pour travailler comme {title}. Vous avez des formations à me proposer ?"],
        "familier": ["je voudrais faire une formation {training}, c'est possible ?",
                     "y a des formations pour devenir {title} ?"],
    },
    "recherche_emploi": {
        "soutenu": ["Je recherche activement un poste de {title} et souhaiterais être informé(e) des offres correspondant à mon profil.",
                    "Je vous informe que j'ai postulé auprès de l'entreprise {company} et souhaiterais votre avis sur ma lettre de motivation."],
        "courant": ["Je cherche toujours un poste de {title}. Est-ce que vous avez des offres à me proposer ?",
                    "J'ai un entretien chez {company} la semaine prochaine, vous auriez des conseils ?"],
        "familier": ["toujours rien trouvé comme {title}, vous avez des offres ?",
                     "j'ai un entretien chez {company}, des conseils ?"],
    },
    "changement_situation": {
        "soutenu": ["Je vous informe que j'ai retrouvé un emploi chez {company} à compter du {date}. Je vous remercie de mettre à jour mon dossier.",
                    "Je vous informe de mon déménagement ; ma nouvelle adresse vous sera communiquée par le formulaire en ligne."],
        "courant": ["Je commence un CDD chez {company} le {date}, est-ce que je dois faire quelque chose ?",
                    "Je suis en arrêt maladie depuis le {date}, je vous envoie l'arrêt de travail."],
        "familier": ["j'ai trouvé un taf chez {company} à partir du {date}, je fais quoi pour mon dossier ?",
                     "je déménage la semaine prochaine, faut que je change mon adresse où ?"],
    },
    "reclamation": {
        "soutenu": ["Je conteste la décision de radiation qui m'a été notifiée le {date}. J'étais bien présent(e) à mon rendez-vous et je demande le réexamen de ma situation.",
                    "Je conteste le trop-perçu de {amount} € qui m'est réclamé et souhaite obtenir le détail du calcul."],
        "courant": ["Je ne suis pas d'accord avec la radiation du {date}, j'avais prévenu de mon absence. Je veux faire une réclamation.",
                    "On me demande de rembourser {amount} € mais je ne comprends pas pourquoi. C'est une erreur."],
        "familier": ["c'est n'importe quoi cette radiation, j'avais prévenu !!",
                     "{amount} euros de trop perçu ?? je rembourserai pas c'est pas normal"],
    },
    "probleme_technique": {
        "soutenu": ["Je rencontre des difficultés pour me connecter à mon espace personnel depuis le {date} : un message d'erreur s'affiche systématiquement.",
                    "Le téléversement de mes documents échoue sur votre site. Pourriez-vous m'indiquer une autre manière de vous les transmettre ?"],
        "courant": ["Je n'arrive plus à me connecter à mon espace depuis le {date}. J'ai essayé de changer le mot de passe mais ça ne marche pas.",
                    "L'application plante quand je veux envoyer mes documents."],
        "familier": ["le site marche pas, j'arrive pas à me connecter",
                     "impossible d'envoyer mes papiers sur l'appli ça bug"],
    },
    "autre": {
        "soutenu": ["Je souhaiterais obtenir des informations sur les aides à la mobilité auxquelles je pourrais prétendre.",
                    "Pourriez-vous me confirmer le nom de mon conseiller référent ?"],
        "courant": ["Est-ce que vous pouvez me dire qui est mon conseiller maintenant ?",
                    "J'ai une question sur les aides pour passer le permis."],
        "familier": ["c'est qui mon conseiller maintenant ?",
                     "y a des aides pour le permis ?"],
    },
}
URGENT_HIGH = [
    " Merci de me répondre rapidement, c'est urgent.",
    " J'ai besoin d'une réponse avant la fin de la semaine.",
    " C'est assez pressé.",
]
URGENT_CRITICAL = [
    " Je n'ai plus aucune ressource ce mois-ci et je ne peux plus payer mon loyer.",
    " Je suis à découvert et je n'ai plus rien pour nourrir mes enfants.",
    " Je suis à bout, je ne sais plus quoi faire, je n'en peux plus.",
    " Mon propriétaire menace de m'expulser si je ne paie pas.",
]
GREETINGS = {
    "soutenu": ["Madame, Monsieur,\n\n", "Bonjour Madame, Monsieur,\n\n", "Bonjour,\n\n"],
    "courant": ["Bonjour,\n\n", "Bonjour,\n", "Bonjour Madame,\n\n", "Bonjour Monsieur,\n\n"],
    "familier": ["Bonjour\n", "Salut,\n", "", "bonjour "],
}
CLOSINGS = {
    "soutenu": ["\n\nJe vous prie d'agréer, Madame, Monsieur, mes salutations distinguées.\n", "\n\nVous remerciant par avance, je vous prie de recevoir mes sincères salutations.\n", "\n\nBien cordialement,\n"],
    "courant": ["\n\nCordialement,\n", "\n\nMerci d'avance.\n", "\n\nBonne journée,\n", "\n\nMerci\n"],
    "familier": ["\nmerci\n", "\n", "\nmerci d'avance\n", "\nbonne journée\n"],
}
SIGNATURES = [
    "{first_name} {last_name}", "{first_name} {last_name}\nIdentifiant : {ident}", "{last_name} {first_name}",
    "{first_name}", "{first_name} {last_name}\n{phone}", "{first_name} {last_name}\n\nEnvoyé de mon iPhone", "",
]
COUNSELLOR_QUOTES = [
    "Bonjour,\nPouvez-vous nous transmettre votre attestation employeur ?\nCordialement,\nVotre conseiller",
    "Bonjour,\nVotre rendez-vous est fixé au {date}.\nCordialement,\nL'équipe France Travail",
    "Bonjour,\nNous avons bien reçu votre demande, elle est en cours de traitement.\nCordialement",
    "Bonjour,\nMerci de vous actualiser avant le 15 du mois.\nBien cordialement,\nVotre conseillère",
]


def generate_emails(seed: int, people: dict, catalogue_titles: list[str], start_day: int, end_day: int, rate_per_month: float,
                    id_prefix: str, chunk: int = 0, id_start: int = 0) -> tuple[dict, dict]:
    """E-mails of jobseekers during their registration (``people``: arrays aligned by jobseeker).

    ``chunk`` keys the random stream of this slice of jobseekers, ``id_start`` numbers its e-mails.
    """
    rng = stream(seed, "emails", chunk)
    reg = np.maximum(people["registered"], start_day)
    end = np.where(people["exit_day"] >= 0, np.minimum(people["exit_day"] + 14, end_day), end_day)
    span = np.maximum(end - reg, 0)
    n_mail = rng.poisson(rate_per_month * span / 30.44)
    owner = np.repeat(np.arange(len(reg)), n_mail)
    n = len(owner)
    day = reg[owner] + np.floor(rng.random(n) * np.maximum(span[owner], 1)).astype(np.int64)
    order = np.lexsort((owner, day))
    owner, day = owner[order], day[order]
    intents = np.array(list(INTENTS), dtype=object)
    intent = intents[choice_index(rng, np.array(list(INTENTS.values())), n)]
    # e-mails sent just before a hire are often about the change of situation
    near_exit = (people["exit_day"][owner] >= 0) & (people["exit_day"][owner] - day < 14) & (people["exit_type"][owner] == 1)
    intent[near_exit & (rng.random(n) < 0.5)] = "changement_situation"
    p_high = np.array([URGENCY_BY_INTENT.get(i, (0.08, 0.01))[0] for i in intents])
    p_crit = np.array([URGENCY_BY_INTENT.get(i, (0.08, 0.01))[1] for i in intents])
    i_idx = np.zeros(n, np.int64)
    for k, name in enumerate(intents):
        i_idx[intent == name] = k
    u = rng.random(n)
    urgency = np.where(u < p_crit[i_idx], "critique", np.where(u < p_crit[i_idx] + p_high[i_idx], "haute", "normale")).astype(object)
    age = people["age"][owner]
    r = rng.random(n)
    p_sout = np.where(age < 26, 0.15, np.where(age >= 50, 0.45, 0.30))
    p_fam = np.where(age < 26, 0.40, np.where(age >= 50, 0.10, 0.20))
    register = np.where(r < p_sout, "soutenu", np.where(r < p_sout + p_fam, "familier", "courant")).astype(object)

    cols = {
        "month": month_names(day - 20),
        "date": dates_fr(day + rng.integers(-20, 20, n)),
        "title": people["title"][owner],
        "training": pick(rng, catalogue_titles or ["une formation qualifiante"], n),
        "amount": np.char.mod("%d", rng.integers(120, 1400, n)).astype(object),
        "company": pick(rng, people["company_names"], n) if len(people["company_names"]) else np.full(n, "une entreprise", dtype=object),
        "first_name": people["first_name"][owner], "last_name": people["last_name"][owner],
        "ident": people["ident"][owner], "phone": people["phone"][owner],
    }
    body = np.empty(n, dtype=object)
    subject = np.empty(n, dtype=object)
    for it in INTENTS:
        m_i = intent == it
        if not m_i.any():
            continue
        rows = np.flatnonzero(m_i)
        subject[rows] = fill_by_choice(SUBJECTS[it], np.floor(rng.random(len(rows)) * len(SUBJECTS[it])).astype(int),
                                       {k: v[rows] for k, v in cols.items()})
        for reg_name in REGISTERS:
            rr = rows[register[rows] == reg_name]
            if len(rr):
                tpl = BODIES[it][reg_name]
                body[rr] = fill_by_choice(tpl, np.floor(rng.random(len(rr)) * len(tpl)).astype(int), {k: v[rr] for k, v in cols.items()})
    hi = urgency == "haute"
    body[hi] = body[hi] + pick(rng, URGENT_HIGH, int(hi.sum()))
    cr = urgency == "critique"
    body[cr] = body[cr] + pick(rng, URGENT_CRITICAL, int(cr.sum()))
    greet = np.empty(n, dtype=object)
    close = np.empty(n, dtype=object)
    for reg_name in REGISTERS:
        m = register == reg_name
        greet[m] = pick(rng, GREETINGS[reg_name], int(m.sum()))
        close[m] = pick(rng, CLOSINGS[reg_name], int(m.sum()))
    sig_choice = np.floor(rng.random(n) * len(SIGNATURES)).astype(int)
    signature = fill_by_choice(SIGNATURES, sig_choice, cols)
    text = greet + body + close + signature
    # spelling mistakes: more frequent in the familiar register
    typo_rate = np.where(register == "familier", 0.35, np.where(register == "courant", 0.12, 0.03))
    with_typos = rng.random(n) < np.where(register == "soutenu", 0.15, 0.6)
    changed = np.zeros(n, bool)
    if with_typos.any():
        idx = np.flatnonzero(with_typos)
        rate = float(typo_rate[idx].mean())
        new, ch = add_typos(rng, text[idx], rate)
        text[idx] = new
        changed[idx] = ch
    quoted = rng.random(n) < 0.22
    if quoted.any():
        q = fill_by_choice(COUNSELLOR_QUOTES, np.floor(rng.random(int(quoted.sum())) * len(COUNSELLOR_QUOTES)).astype(int),
                           {"date": cols["date"][quoted]})
        q = _quote(q)
        header = "\n\nLe " + dates_fr(day[quoted] - rng.integers(1, 20, int(quoted.sum()))) + " à " + np.char.zfill(
            np.char.mod("%d", rng.integers(8, 18, int(quoted.sum()))), 2).astype(object) + ":" + np.char.zfill(
            np.char.mod("%d", rng.integers(0, 60, int(quoted.sum()))), 2).astype(object) + ", France Travail <ne-pas-repondre@francetravail.example> a écrit :\n"
        text[quoted] = text[quoted] + header + q
        subject[quoted] = "RE: " + subject[quoted]
    subject = np.where(subject == "", "(sans objet)", subject).astype(object)
    hour = rng.integers(6, 23, n)
    minute = rng.integers(0, 60, n)
    received = (day.astype("datetime64[D]").astype("datetime64[s]") + ((hour * 60 + minute) * 60).astype("timedelta64[s]"))
    ids = np.char.add(f"{id_prefix}M", np.char.zfill(np.arange(id_start, id_start + n).astype(str), 8)).astype(object)
    mails = {"email_id": ids, "jobseeker_id": people["ids"][owner], "received_at": received, "subject": subject, "body": text}
    truth = {
        "email_id": ids, "intent": intent, "urgency": urgency, "register": register, "has_typos": changed,
        "has_quoted_reply": quoted, "signature_style": sig_choice,
    }
    return mails, truth


def _quote(values: np.ndarray) -> np.ndarray:

    from tremplin.simulate.textkit import regex_replace

    return "> " + regex_replace(values, "\n", "\n> ")

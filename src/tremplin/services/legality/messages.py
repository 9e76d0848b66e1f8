"""Every sentence the legality service shows to people, in French, in one place (for translation).

Keys are detector ids. ``explain`` is written for the recruiter: what is wrong and why,
in plain words; the article is appended by the service. ``suggest`` is a corrected
wording or what to do. Templates use ``{text}`` (the offending words) and the
detector's params.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- sex
    "sex.explicit_person": {
        "explain": "L'offre désigne le sexe de la personne recherchée (« {text} »). Une offre doit s'adresser "
                   "indifféremment aux femmes et aux hommes.",
        "suggest": "Décrivez le poste et les compétences, sans indiquer de sexe ; ajoutez « (H/F) » à l'intitulé.",
    },
    "sex.explicit_quality": {
        "explain": "« {text} » réserve le poste à un sexe. Si le poste demande des capacités physiques, décrivez "
                   "les tâches (port de charges, station debout) plutôt que la personne.",
        "suggest": "Exemple : « Port de charges jusqu'à 25 kg » au lieu de « {text} ».",
    },
    "sex.explicit_only": {
        "explain": "L'offre est réservée à un sexe (« {text} »). C'est interdit hors des rares emplois où le sexe "
                   "est la condition déterminante (artistes pour un rôle, mannequins, modèles).",
        "suggest": "Supprimez cette mention et ouvrez le poste aux femmes et aux hommes (H/F).",
    },
    "sex.only_admitted": {
        "explain": "L'offre n'admet qu'un sexe (« {text} »). C'est interdit hors des rares emplois où le sexe est "
                   "la condition déterminante (artistes pour un rôle, mannequins, modèles).",
        "suggest": "Supprimez cette mention et ouvrez le poste aux femmes et aux hommes (H/F).",
    },
    "sex.bracketed": {
        "explain": "Le sexe du candidat est précisé entre parenthèses (« {text} »), ce qui réserve le poste à un sexe.",
        "suggest": "Remplacez la mention par « (H/F) ».",
    },
    "sex.explicit_only_after": {
        "explain": "L'offre exprime une préférence pour un sexe (« {text} »).",
        "suggest": "Supprimez cette mention et ouvrez le poste aux femmes et aux hommes (H/F).",
    },
    "sex.explicit_gender": {
        "explain": "L'offre précise le sexe attendu (« {text} »), ce qui est interdit.",
        "suggest": "Supprimez la mention du sexe ; l'intitulé peut porter « (H/F) ».",
    },
    "sex.profile_sex": {
        "explain": "Le profil recherché indique un sexe (« {text} »), ce qui est interdit.",
        "suggest": "Décrivez le profil par l'expérience et les compétences, et ajoutez « (H/F) » à l'intitulé.",
    },
    "sex.abbreviation": {
        "explain": "L'offre désigne le sexe recherché par une abréviation (« {text} » : « JF » jeune femme, « JH » "
                   "jeune homme, « H » ou « F » seuls), ce qui est interdit.",
        "suggest": "Décrivez le poste sans indiquer de sexe et ajoutez « (H/F) » à l'intitulé.",
    },
    "sex.feminine_candidate": {
        "explain": "L'offre ne s'adresse qu'aux femmes (« {text} »).",
        "suggest": "Écrivez « un ou une candidate » ou « candidat(e) ».",
    },
    "sex.gendered_title": {
        "explain": "L'intitulé « {word} » n'existe qu'au {gender_fr} et ne porte ni « H/F » ni forme inclusive : "
                   "l'offre doit montrer clairement qu'elle s'adresse aux femmes comme aux hommes.",
        "suggest": "{suggestion}",
    },
    "sex.feminine_recruit": {
        "explain": "L'offre recherche « {word} » au seul féminin et ne mentionne nulle part « H/F » : elle semble "
                   "réservée aux femmes.",
        "suggest": "Utilisez le doublet (« vendeur / vendeuse ») ou ajoutez « (H/F) ».",
    },
    # --- age
    "age.explicit_limit": {
        "explain": "L'offre fixe une condition d'âge (« {text} »). Les limites d'âge sont interdites dans une offre, "
                   "sauf quand la loi les impose (apprentissage, contrat de professionnalisation).",
        "suggest": "Supprimez l'âge et décrivez l'expérience ou les compétences attendues (ex. « débutant accepté », "
                   "« 5 ans d'expérience »).",
    },
    "age.decade": {
        "explain": "« {text} » décrit la tranche d'âge de la personne recherchée : c'est un critère d'âge.",
        "suggest": "Supprimez la mention d'âge et décrivez l'expérience ou les compétences attendues.",
    },
    "age.birth_year": {
        "explain": "L'offre pose une condition sur l'année de naissance (« {text} »), c'est-à-dire une limite d'âge.",
        "suggest": "Supprimez cette condition.",
    },
    "age.birth_decade": {
        "explain": "L'offre vise les personnes nées dans une décennie donnée (« {text} »), c'est-à-dire une tranche "
                   "d'âge.",
        "suggest": "Supprimez cette condition : décrivez les compétences attendues, pas la génération.",
    },
    "age.limit_words": {
        "explain": "L'offre mentionne une limite d'âge (« {text} »), ce qui est interdit.",
        "suggest": "Supprimez la limite d'âge.",
    },
    "age.adult_only": {
        "explain": "L'offre exige d'être majeur (« {text} »). C'est admis seulement si la loi interdit le poste aux "
                   "mineurs (travaux dangereux, vente d'alcool, travail de nuit…).",
        "suggest": "Si une règle l'impose, citez-la (ex. « poste interdit aux mineurs : travail de nuit ») ; sinon "
                   "supprimez la condition.",
    },
    "age.young_person": {
        "explain": "« {text} » sous-entend un âge recherché. Une formule indirecte sur l'âge est aussi "
                   "discriminatoire qu'une limite chiffrée.",
        "suggest": "Parlez du niveau d'expérience (« débutant accepté ») plutôt que de l'âge.",
    },
    "age.young_profile": {
        "explain": "« {text} » décrit l'âge de la personne recherchée plutôt que ses compétences.",
        "suggest": "Remplacez par des qualités professionnelles (« motivé(e), dynamique ») sans référence à l'âge.",
    },
    "age.young_only": {
        "explain": "Le poste semble réservé aux jeunes (« {text} »).",
        "suggest": "Ouvrez le poste à toute personne ayant le profil ; « débutant accepté » suffit.",
    },
    "age.generation": {
        "explain": "« {text} » renvoie à une tranche d'âge.",
        "suggest": "Décrivez les compétences attendues (ex. « aisance avec les outils numériques »).",
    },
    "age.student_only": {
        "explain": "Réserver le poste aux étudiants, ou les exclure (« {text} »), revient à trier les candidats "
                   "selon l'âge ou la situation.",
        "suggest": "Indiquez les horaires ou la disponibilité attendus (ex. « disponible le week-end ») plutôt que le "
                   "statut d'étudiant.",
    },
    "age.retirees": {
        "explain": "Exclure les retraités ou les seniors (« {text} ») est une discrimination liée à l'âge.",
        "suggest": "Supprimez cette exclusion.",
    },
    "age.junior_senior": {
        "explain": "« {text} » peut être compris comme une indication d'âge.",
        "suggest": "Préférez « débutant » ou « expérimenté(e) », avec le nombre d'années d'expérience.",
    },
    # --- minors
    "minors.under_16": {
        "explain": "L'offre s'adresse à des jeunes de moins de 16 ans (« {text} »). Le travail est interdit avant "
                   "16 ans, sauf apprentissage dès 15 ans après le collège et stages d'observation scolaires.",
        "suggest": "Fixez l'âge d'accès à 16 ans au moins, ou précisez qu'il s'agit d'un apprentissage ou d'un stage "
                   "d'observation.",
    },
    # --- family
    "family.single": {
        "explain": "L'offre mentionne la situation de famille (« {text} »), ce qui est interdit.",
        "suggest": "Si le poste comporte des déplacements, indiquez-les (« déplacements fréquents ») sans parler de "
                   "la vie privée.",
    },
    "family.no_children": {
        "explain": "L'offre écarte les personnes ayant des enfants (« {text} »).",
        "suggest": "Décrivez les horaires ou la disponibilité demandés, sans référence aux enfants.",
    },
    "family.no_obligations": {
        "explain": "« {text} » vise la situation de famille des candidats.",
        "suggest": "Indiquez les contraintes du poste (horaires, déplacements) sans parler de la famille.",
    },
    "family.situation": {
        "explain": "L'offre fait référence à la situation familiale (« {text} »). Elle ne peut être ni exigée ni "
                   "demandée à un candidat.",
        "suggest": "Supprimez cette mention.",
    },
    "family.pregnancy": {
        "explain": "L'offre fait référence à la grossesse (« {text} »). Un employeur ne peut rechercher aucune "
                   "information sur l'état de grossesse ni en tenir compte.",
        "suggest": "Supprimez toute mention de grossesse.",
    },
    "family.married": {
        "explain": "L'offre exige ou préfère une situation matrimoniale (« {text} »).",
        "suggest": "Supprimez cette mention.",
    },
    "family.request": {
        "explain": "L'offre demande des informations sur la famille du candidat (« {text} »), sans lien avec le "
                   "poste : c'est interdit au recrutement.",
        "suggest": "Supprimez cette demande ; ces informations ne se demandent qu'après l'embauche, pour la "
                   "mutuelle ou la paie.",
    },
    "family.couple": {
        "explain": "Rechercher un couple (« {text} ») fait de la situation de famille un critère d'embauche.",
        "suggest": "Publiez une offre par poste (ex. « gardien(ne) » et « agent(e) d'entretien »), chacune ouverte à "
                   "tous.",
    },
    "family.parent": {
        "explain": "« {text} » vise des personnes selon leur situation de famille.",
        "suggest": "Décrivez les horaires (« horaires adaptés, compatibles avec une vie de famille ») sans désigner "
                   "de public.",
    },
    # --- origin
    "origin.nationality_required": {
        "explain": "L'offre exige une nationalité (« {text} »). Seuls certains emplois publics peuvent en fixer une, "
                   "dans les conditions de la loi.",
        "suggest": "Si c'est une question de droit au travail, écrivez « autorisation de travail en France requise ».",
    },
    "origin.explicit": {
        "explain": "L'offre fait de l'origine un critère (« {text} »), ce qui constitue une discrimination (délit "
                   "pénal).",
        "suggest": "Supprimez toute référence à l'origine.",
    },
    "origin.native": {
        "explain": "« {text} » fait de l'origine un critère de recrutement (décision du Défenseur des droits "
                   "2018-205).",
        "suggest": "Supprimez cette mention ; pour une langue, indiquez un niveau (ex. « anglais courant, niveau "
                   "C1 »).",
    },
    "origin.native_speaker": {
        "explain": "« {text} » renvoie à l'origine plutôt qu'à une compétence linguistique.",
        "suggest": "Indiquez le niveau de langue attendu (ex. « anglais bilingue, niveau C2 »).",
    },
    "origin.ethnic_type": {
        "explain": "« {text} » fait référence à l'apparence ethnique ou à la couleur de peau : c'est une "
                   "discrimination interdite.",
        "suggest": "Supprimez cette mention.",
    },
    "origin.untyped": {
        "explain": "« {text} » vise l'apparence ethnique des candidats : c'est une discrimination interdite.",
        "suggest": "Supprimez cette mention.",
    },
    "origin.skin": {
        "explain": "La couleur de peau (« {text} ») ne peut jamais être un critère de recrutement.",
        "suggest": "Supprimez cette mention.",
    },
    "origin.race": {
        "explain": "L'offre fait référence à une prétendue race ou à une ethnie (« {text} »), ce qui est interdit.",
        "suggest": "Supprimez cette mention.",
    },
    "origin.surname": {
        "explain": "Le nom de famille est un critère de discrimination interdit (« {text} »).",
        "suggest": "Supprimez cette mention.",
    },
    "origin.sought_nationality": {
        "explain": "La personne recherchée est désignée par une nationalité (« {text} ») : l'offre choisit les "
                   "candidats selon leur origine, ce qui est interdit.",
        "suggest": "Décrivez le métier et les compétences attendues, sans nationalité.",
    },
    "origin.foreigners": {
        "explain": "L'offre écarte les étrangers (« {text} »).",
        "suggest": "Si c'est une question de droit au travail, écrivez « autorisation de travail en France requise ».",
    },
    "origin.exclusion": {
        "explain": "L'offre exclut des personnes selon leur origine ou leur nationalité (« {text} »).",
        "suggest": "Supprimez cette exclusion.",
    },
    # --- religion
    "religion.dress_ban": {
        "explain": "L'offre restreint le port de signes religieux (« {text} »). Hors service public, une telle "
                   "restriction n'est possible que si le règlement intérieur la prévoit et qu'elle est justifiée et "
                   "proportionnée : un conseiller vérifie.",
        "suggest": "Si une tenue est exigée pour des raisons d'hygiène ou de sécurité, décrivez-la (ex. « port d'une "
                   "charlotte et d'une blouse »).",
    },
    "religion.explicit": {
        "explain": "L'offre fait de la religion un critère (« {text} »), ce qui est interdit.",
        "suggest": "Supprimez toute référence à la religion.",
    },
    "religion.word": {
        "explain": "L'offre fait référence aux convictions religieuses des candidats (« {text} »).",
        "suggest": "Supprimez cette mention.",
    },
    # --- appearance
    "appearance.physique": {
        "explain": "L'apparence physique est un critère de discrimination interdit (« {text} »).",
        "suggest": "Si une tenue est demandée, décrivez-la (« tenue fournie », « tenue correcte exigée »).",
    },
    "origin.colour_pref": {
        "explain": "L'offre exprime une préférence fondée sur la couleur de peau (« {text} »), ce qui est "
                   "discriminatoire et pénalement sanctionné.",
        "suggest": "Supprimez cette mention : seules les compétences peuvent départager les candidatures.",
    },
    "origin.typed_profile": {
        "explain": "Désigner les candidats par leur couleur de peau ou comme « typés » (« {text} ») est une "
                   "discrimination fondée sur l'origine.",
        "suggest": "Supprimez toute référence à l'apparence ethnique ; décrivez les compétences attendues.",
    },
    "origin.asked": {
        "explain": "Demander d'où vient le candidat ou ses parents (« {text} ») n'a pas de lien avec l'emploi et "
                   "ouvre la voie à une discrimination fondée sur l'origine.",
        "suggest": "Ne posez pas de question sur l'origine du candidat ni de sa famille.",
    },
    "origin.same_community": {
        "explain": "L'offre recherche une personne de la même origine ou communauté que l'équipe (« {text} »), ce qui "
                   "est discriminatoire.",
        "suggest": "Supprimez cette mention et décrivez le poste et les compétences attendues.",
    },
    "origin.passport": {
        "explain": "Exiger un passeport d'une nationalité donnée (« {text} ») revient à imposer une condition de "
                   "nationalité, interdite hors emplois publics qui la prévoient.",
        "suggest": "Demandez une autorisation de travail en France (titre de séjour ou pièce d'identité) plutôt "
                   "qu'une nationalité.",
    },
    "appearance.unwanted_looks": {
        "explain": "L'offre écarte des personnes en raison de leur physique (« {text} »), ce qui est discriminatoire.",
        "suggest": "Supprimez cette mention : décrivez les compétences et les qualités professionnelles attendues.",
    },
    "appearance.looks": {
        "explain": "L'offre juge l'apparence de la personne (« {text} »), ce qui est interdit.",
        "suggest": "Décrivez les qualités professionnelles attendues (accueil, sens du contact).",
    },
    "appearance.attractive": {
        "explain": "L'offre juge l'apparence physique de la personne (« {text} »), ce qui est discriminatoire.",
        "suggest": "Décrivez la tenue ou le savoir-être attendus (« tenue professionnelle fournie », « sens de "
                   "l'accueil ») plutôt que le physique.",
    },
    "appearance.judge": {
        "explain": "L'offre juge ou sélectionne sur l'apparence physique (« {text} »), ce qui est discriminatoire sauf "
                   "pour un mannequin ou un rôle.",
        "suggest": "Supprimez cette mention ; décrivez les compétences et la tenue attendues.",
    },
    "appearance.measurements": {
        "explain": "L'offre demande les mensurations de la personne (« {text} ») : c'est une information sur "
                   "l'apparence physique sans lien avec le poste, sauf pour un mannequin ou un rôle.",
        "suggest": "Supprimez cette demande ; si une tenue doit être fournie, demandez la taille après l'embauche.",
    },
    "appearance.weight": {
        "explain": "L'offre fixe une condition de poids (« {text} »), critère d'apparence physique interdit.",
        "suggest": "Si le poste comporte des contraintes physiques, décrivez les tâches (port de charges, travail en "
                   "hauteur) ; l'aptitude relève du médecin du travail.",
    },
    "appearance.body": {
        "explain": "L'offre impose une silhouette ou un poids (« {text} »), critère d'apparence interdit.",
        "suggest": "Supprimez cette mention.",
    },
    "appearance.height": {
        "explain": "L'offre fixe une taille ou une mensuration (« {text} »). Sauf pour les mannequins, c'est une "
                   "discrimination liée à l'apparence.",
        "suggest": "Supprimez cette condition ou décrivez la tâche qui l'exigerait.",
    },
    "appearance.build": {
        "explain": "« {text} » décrit le physique de la personne recherchée.",
        "suggest": "Décrivez plutôt les contraintes du poste (ex. « port de charges jusqu'à 25 kg »).",
    },
    "appearance.body_marks": {
        "explain": "L'offre interdit des éléments d'apparence (« {text} »). Une telle règle doit être justifiée par "
                   "la tâche (hygiène, sécurité) et proportionnée.",
        "suggest": "Si c'est une règle d'hygiène ou de sécurité, dites-le (ex. « bijoux retirés en production "
                   "alimentaire »).",
    },
    "appearance.presentation": {
        "explain": "« {text} » peut être compris comme un critère d'apparence physique.",
        "suggest": "Précisez ce qui est attendu (« tenue professionnelle fournie », « sens de l'accueil »).",
    },
    # --- health & disability
    "health.screening_result": {
        "explain": "L'offre exige le résultat d'un dépistage (« {text} ») : l'état de santé n'est pas une "
                   "information que l'employeur peut demander, seul le médecin du travail se prononce sur l'aptitude.",
        "suggest": "Supprimez cette exigence ; renvoyez à la visite d'information et de prévention.",
    },
    "health.good_health": {
        "explain": "L'offre exige un état de santé (« {text} »). Seul le médecin du travail apprécie l'aptitude "
                   "d'une personne au poste.",
        "suggest": "Décrivez les contraintes physiques du poste (port de charges, station debout).",
    },
    "health.fitness": {
        "explain": "« {text} » vise la condition physique des personnes.",
        "suggest": "Décrivez les contraintes du poste plutôt que la forme des candidats.",
    },
    "health.able_bodied": {
        "explain": "« {text} » écarte les personnes handicapées.",
        "suggest": "Décrivez les tâches ; un aménagement du poste est possible (aides de l'Agefiph).",
    },
    "health.no_condition": {
        "explain": "L'offre écarte des personnes selon leur santé ou leur handicap (« {text} »).",
        "suggest": "Supprimez cette mention ; l'aptitude est vérifiée par le médecin du travail.",
    },
    "health.disability_excluded": {
        "explain": "L'offre exclut les personnes handicapées (« {text} »).",
        "suggest": "Supprimez cette exclusion ; précisez au contraire que le poste est ouvert à tous.",
    },
    "health.sick_leave": {
        "explain": "« {text} » vise l'état de santé des candidats.",
        "suggest": "Supprimez cette mention.",
    },
    "health.medical_data": {
        "explain": "L'offre demande des informations médicales au candidat (« {text} »), sans lien direct et "
                   "nécessaire avec l'emploi.",
        "suggest": "Supprimez cette demande ; la visite d'information et de prévention a lieu après l'embauche.",
    },
    "health.specific_condition": {
        "explain": "L'offre exclut des personnes selon une maladie ou un trouble (« {text} »).",
        "suggest": "Supprimez cette exclusion.",
    },
    "health.genetic": {
        "explain": "Les caractéristiques génétiques sont un critère de discrimination interdit (« {text} »).",
        "suggest": "Supprimez cette mention.",
    },
    # --- residence, bank, economic situation
    "residence.exclusion": {
        "explain": "L'offre écarte des candidats selon leur lieu de résidence (« {text} »).",
        "suggest": "Supprimez cette exclusion.",
    },
    "residence.required": {
        "explain": "L'offre impose un lieu de résidence (« {text} »). C'est admis seulement si le poste l'exige "
                   "(astreintes avec délai d'intervention, logement de fonction).",
        "suggest": "Indiquez la contrainte réelle (ex. « astreintes : intervention sous 30 minutes »).",
    },
    "residence.named_place": {
        "explain": "L'offre écarte des personnes selon le quartier, la cité ou la commune d'où elles viennent "
                   "(« {text} »), un critère de lieu de résidence interdit.",
        "suggest": "Supprimez cette condition ; si le poste impose un temps de trajet, décrivez les horaires.",
    },
    "residence.not_living": {
        "explain": "L'offre écarte des personnes selon le lieu où elles habitent (« {text} »).",
        "suggest": "Supprimez cette condition.",
    },
    "residence.bank": {
        "explain": "La domiciliation bancaire est un critère de discrimination interdit (« {text} »).",
        "suggest": "Supprimez cette condition ; les coordonnées bancaires sont demandées à l'embauche pour la paie.",
    },
    "residence.economic": {
        "explain": "L'offre écarte des personnes selon leur situation économique (« {text} »).",
        "suggest": "Supprimez cette exclusion.",
    },
    # --- opinions
    "opinions.excluded": {
        "explain": "L'offre fait des opinions politiques ou des activités syndicales un critère (« {text} »).",
        "suggest": "Supprimez cette mention.",
    },
    "opinions.request": {
        "explain": "L'offre demande ou exige une information sur les opinions ou l'engagement (« {text} »), sans lien "
                   "avec l'emploi.",
        "suggest": "Supprimez cette demande.",
    },
    "opinions.compatible": {
        "explain": "L'offre fait des opinions politiques un critère (« {text} »).",
        "suggest": "Décrivez les missions et les valeurs professionnelles, sans condition d'opinion.",
    },
    # --- orientation & identity
    "orientation.explicit": {
        "explain": "L'offre fait de l'orientation sexuelle ou de l'identité de genre un critère (« {text} »).",
        "suggest": "Supprimez cette mention.",
    },
    "orientation.words": {
        "explain": "L'offre fait référence à la vie privée ou à l'orientation des candidats (« {text} »).",
        "suggest": "Supprimez cette mention.",
    },
    # --- language
    "language.accent": {
        "explain": "Exiger l'absence d'accent (« {text} ») discrimine selon l'origine et la capacité à s'exprimer "
                   "dans une autre langue.",
        "suggest": "Indiquez le niveau de français attendu (ex. « français courant, à l'écrit et à l'oral »).",
    },
    "language.foreign_unneeded": {
        "explain": "L'offre exige une langue étrangère (« {text} ») pour un poste qui ne paraît pas en avoir besoin "
                   "(langue de l'équipe, poste sans public étranger) : écarter les candidats selon les langues qu'ils "
                   "parlent est une discrimination (article L1132-1).",
        "suggest": "N'exigez une langue que si le poste l'utilise réellement, et dites pourquoi (clientèle, "
                   "documentation) ; sinon, supprimez l'exigence.",
    },
    "language.native_speaker": {
        "explain": "« {text} » exige une langue maternelle : écarter quelqu'un pour la langue qu'il a apprise enfant "
                   "est interdit (critères de la langue et de l'origine) ; seul un niveau utile au poste peut être "
                   "demandé.",
        "suggest": "Indiquez le niveau de langue utile au poste (ex. « anglais bilingue, niveau C2 »).",
    },
    "language.not_french": {
        "explain": "Le texte de l'offre est rédigé en langue étrangère (environ {share} % de mots anglais). Une offre "
                   "diffusée en France doit être rédigée en français, même si la langue est une compétence requise.",
        "suggest": "Rédigez l'offre en français ; indiquez si besoin « anglais courant exigé ».",
    },
    "language.foreign_passage": {
        "explain": "Une partie de l'offre est rédigée en langue étrangère (« {text_short} »).",
        "suggest": "Traduisez ce passage en français.",
    },
    "language.foreign_title": {
        "explain": "L'intitulé est en langue étrangère et l'offre ne comporte pas de description française "
                   "suffisante.",
        "suggest": "Ajoutez une description détaillée du poste en français (un terme étranger sans équivalent est "
                   "admis s'il est expliqué).",
    },
    # --- fees
    "fee.named_fee": {
        "explain": "L'offre demande des frais au candidat (« {text} »). Aucune somme ne peut être exigée d'une "
                   "personne qui cherche un emploi.",
        "suggest": "Supprimez ces frais ; si une formation est nécessaire, elle est à la charge de l'employeur.",
    },
    "fee.candidate_pays": {
        "explain": "L'offre met une dépense à la charge du candidat (« {text} »).",
        "suggest": "Supprimez cette condition ; l'employeur fournit ce qui est nécessaire au travail.",
    },
    "fee.purchase": {
        "explain": "L'offre impose un achat ou un paiement au candidat (« {text} »), ce qui est interdit.",
        "suggest": "Supprimez cette obligation ; le matériel, la tenue et la formation sont fournis par "
                   "l'employeur.",
    },
    "fee.paid_item": {
        "explain": "« {text} » : un droit d'entrée ou une prestation payante est demandé au candidat.",
        "suggest": "Supprimez ce paiement.",
    },
    "fee.amount_due": {
        "explain": "L'offre demande une somme d'argent au candidat (« {text} »).",
        "suggest": "Supprimez ce paiement : postuler et être recruté doit être gratuit.",
    },
    "fee.worker_pays": {
        "explain": "L'offre fait payer une somme au candidat ou au salarié (« {text} ») : aucune somme ne peut être "
                   "exigée d'un demandeur d'emploi pour un recrutement, et le matériel de travail est à la charge de "
                   "l'employeur.",
        "suggest": "Supprimez cette somme ; si un équipement ou une formation est nécessaire, l'employeur le fournit "
                   "ou le prend en charge.",
    },
    "fee.pay_to_apply": {
        "explain": "L'offre subordonne la candidature à un paiement (« {text} »).",
        "suggest": "Supprimez ce paiement : postuler doit être gratuit.",
    },
    "fee.billed": {
        "explain": "L'offre fait payer au candidat ou au salarié une formation, un équipement ou des frais, ou les "
                   "retient sur sa rémunération (« {text} ») : aucune somme ne peut être demandée pour accéder à un "
                   "emploi, et la tenue et le matériel imposés sont à la charge de l'employeur.",
        "suggest": "Supprimez cette somme ; si une formation ou une tenue est nécessaire, indiquez qu'elle est "
                   "fournie et prise en charge par l'employeur.",
    },
    # --- pay
    "pay.below_smic": {
        "explain": "La rémunération annoncée ({amount} € {net_fr}par {unit}{monthly_note}) est inférieure au SMIC "
                   "en vigueur à la date de l'offre : {smic} € brut de l'heure{territory_fr} depuis le {smic_from}"
                   "{floor_note}.",
        "suggest": "Portez la rémunération au moins au SMIC ({smic} € brut de l'heure{floor_suggest}).",
    },
    "pay.below_smic_words": {
        "explain": "L'offre annonce une rémunération inférieure au SMIC (« {text} »). Hors apprentissage, contrat de "
                   "professionnalisation et jeunes de moins de 18 ans sans 6 mois de pratique, c'est interdit.",
        "suggest": "Portez la rémunération au moins au SMIC.",
    },
    "pay.in_kind": {
        "explain": "Un travail payé en nature ou en bons plutôt qu'en salaire (« {text} ») ne garantit pas le SMIC à un "
                   "salarié.",
        "suggest": "Versez un salaire en argent au moins égal au SMIC ; les avantages en nature s'y ajoutent.",
    },
    "pay.unpaid_work": {
        "explain": "Un temps de travail accompli pour l'employeur (essai, intégration, formation) doit être payé "
                   "(« {text} »).",
        "suggest": "Rémunérez l'essai, l'intégration et la formation comme du temps de travail, au moins au SMIC.",
    },
    "pay.commission_only": {
        "explain": "Une rémunération uniquement à la commission (« {text} ») ne garantit pas le SMIC à un salarié.",
        "suggest": "Prévoyez un fixe au moins égal au SMIC, complété par des commissions.",
    },
    # --- candidate data
    "data.photo": {
        "explain": "Demander une photo (« {text} ») n'a pas de lien direct et nécessaire avec l'emploi et expose à "
                   "des discriminations liées à l'apparence ou à l'origine.",
        "suggest": "Supprimez la demande de photo.",
    },
    "data.birth": {
        "explain": "La date de naissance ou l'âge (« {text} ») n'est pas une information utile pour apprécier la "
                   "capacité à occuper le poste.",
        "suggest": "Supprimez cette demande.",
    },
    "data.nationality": {
        "explain": "Demander la nationalité (« {text} ») n'a pas de lien avec les compétences et expose à une "
                   "discrimination.",
        "suggest": "Si besoin, demandez seulement « une autorisation de travail en France ».",
    },
    "data.social_security": {
        "explain": "Le numéro de sécurité sociale (« {text} ») ne peut être demandé qu'à l'embauche, pas au stade "
                   "de la candidature.",
        "suggest": "Supprimez cette demande de l'offre.",
    },
    "data.bank": {
        "explain": "Les coordonnées bancaires (« {text} ») ne sont utiles qu'à l'embauche, pour la paie.",
        "suggest": "Supprimez cette demande de l'offre.",
    },
    "data.criminal_record": {
        "explain": "Exiger un extrait de casier judiciaire (« {text} ») restreint les libertés, sauf pour les "
                   "professions où la loi l'impose : un conseiller vérifie si c'est le cas.",
        "suggest": "Si la profession est réglementée, citez-la (ex. « carte professionnelle CNAPS ») ; sinon "
                   "supprimez l'exigence.",
    },
    "data.vehicle": {
        "explain": "Le permis ou un véhicule (« {text} ») ne peut être exigé que si l'emploi le nécessite "
                   "réellement, ce que l'offre ne dit pas.",
        "suggest": "Indiquez la tâche qui le justifie (ex. « permis B exigé : tournées chez les clients »).",
    },
    # --- contract
    "contract.cdd_trial": {
        "explain": "« {text} » présente le contrat temporaire comme un essai avant un emploi durable. Un CDD ou une "
                   "mission ne peut pas pourvoir durablement un emploi permanent.",
        "suggest": "Indiquez le motif du contrat (remplacement, surcroît temporaire d'activité…) ; pour un emploi "
                   "durable, proposez un CDI avec période d'essai.",
    },
    "contract.strikers": {
        "explain": "Recruter pour remplacer des salariés grévistes est interdit (« {text} »).",
        "suggest": "Retirez l'offre.",
    },
    "contract.cdd_too_long": {
        "explain": "La durée annoncée du CDD ({months} mois) dépasse la durée maximale de {limit} mois, "
                   "renouvellements compris, sauf accord de branche ou cas particuliers.",
        "suggest": "Ramenez la durée à {limit} mois ou indiquez le cas qui permet une durée plus longue.",
    },
    "contract.temp_too_long": {
        "explain": "La mission annoncée ({months} mois) dépasse la durée maximale de {limit} mois, renouvellements "
                   "compris, sauf accord de branche.",
        "suggest": "Ramenez la durée de la mission à {limit} mois au plus.",
    },
    "contract.trial_too_long": {
        "explain": "La période d'essai annoncée ({duration}) dépasse le maximum légal pour un {contract}"
                   "{category_fr} : {limit}.",
        "suggest": "Ramenez la période d'essai à {limit} au plus.",
    },
    # --- working time
    "time.part_time_below_min": {
        "explain": "La durée annoncée ({hours} heures par semaine) est inférieure au minimum légal du temps partiel "
                   "({minimum} heures), sauf accord de branche, demande écrite du salarié ou remplacement.",
        "suggest": "Portez la durée à {minimum} heures ou précisez la dérogation applicable.",
    },
    "time.weekly_over_max": {
        "explain": "La durée annoncée ({hours} heures par semaine) dépasse la durée maximale de {maximum} heures.",
        "suggest": "Réduisez la durée hebdomadaire à {maximum} heures au plus.",
    },
    "time.daily_over_max": {
        "explain": "La durée annoncée ({hours} heures par jour) dépasse la durée quotidienne maximale de {maximum} "
                   "heures, sauf dérogation.",
        "suggest": "Réduisez la durée quotidienne ou précisez la dérogation.",
    },
    "time.no_rest": {
        "explain": "L'offre annonce un travail sans jour de repos (« {text} ») : le repos hebdomadaire d'au moins "
                   "24 heures consécutives, plus 11 heures de repos quotidien, est obligatoire.",
        "suggest": "Indiquez les jours de repos (ex. « 2 jours de repos par semaine, dont le dimanche par roulement »).",
    },
    "time.seven_days": {
        "explain": "Travailler 7 jours sur 7 (« {text} ») est interdit : un salarié ne peut travailler plus de six "
                   "jours par semaine.",
        "suggest": "Précisez le repos hebdomadaire (ex. « 2 jours de repos par semaine, planning par roulement »).",
    },
    # --- internships
    "intern.misuse": {
        "explain": "Un stage ne peut servir à remplacer un salarié, faire face à un surcroît d'activité, occuper un "
                   "emploi saisonnier ou un poste permanent (« {text} »).",
        "suggest": "Recrutez un salarié (CDD de remplacement ou saisonnier) ; un stage doit avoir un objectif "
                   "pédagogique.",
    },
    "intern.unpaid": {
        "explain": "Un stage de plus de deux mois doit être gratifié (« {text} »).",
        "suggest": "Indiquez la gratification légale.",
    },
    "intern.low_gratification": {
        "explain": "La gratification annoncée ({amount} € par mois) est inférieure au minimum légal (environ "
                   "{floor} € pour un temps plein, soit {rate} € de l'heure).",
        "suggest": "Portez la gratification au minimum légal.",
    },
    # --- undeclared work
    "undeclared.explicit": {
        "explain": "L'offre favorise le travail non déclaré (« {text} »), ce qui est interdit.",
        "suggest": "Retirez l'offre ; un emploi salarié est déclaré et donne lieu à un bulletin de paie.",
    },
    "undeclared.cash_pay": {
        "explain": "Un paiement en espèces (« {text} ») laisse craindre du travail non déclaré ; au-delà de 1 500 € "
                   "par mois, le salaire doit être versé par virement ou chèque.",
        "suggest": "Indiquez un paiement par virement, avec bulletin de paie.",
    },
    # --- misleading
    "misleading.contract": {
        "explain": "Le texte parle d'un contrat « {text} » alors que le type de contrat saisi est {field_value} : "
                   "l'offre est incohérente.",
        "suggest": "Corrigez le type de contrat ou le texte pour qu'ils disent la même chose.",
    },
    "misleading.experience_field": {
        "explain": "Le texte indique « {text} » alors que le champ expérience dit « {field_value} ».",
        "suggest": "Mettez le champ expérience en accord avec le texte (« débutant accepté » ou l'expérience "
                   "réellement exigée).",
    },
    "misleading.experience_field_beginner": {
        "explain": "Le texte exige {years} ans d'expérience (« {text} ») alors que le champ expérience indique "
                   "« débutant accepté ».",
        "suggest": "Mettez le champ expérience en accord avec le texte.",
    },
    "misleading.experience_text": {
        "explain": "L'offre exige de l'expérience (« {text} ») et accepte aussi les débutants (« {beginner} ») : "
                   "elle se contredit.",
        "suggest": "Choisissez : expérience exigée (et combien) ou débutant accepté.",
    },
    "misleading.working_time": {
        "explain": "Le texte indique « {text} » alors que la durée saisie est « {field_value} ».",
        "suggest": "Corrigez la durée du travail ou le texte.",
    },
    "misleading.place": {
        "explain": "Le lieu de travail écrit dans le texte (« {text} ») n'est pas dans le département du lieu saisi "
                   "dans l'offre (« {field_value} ») : les candidats et la recherche par lieu sont trompés.",
        "suggest": "Corrigez le lieu de travail de l'offre ou le texte pour qu'ils désignent le même endroit.",
    },
    "misleading.salary": {
        "explain": "Le montant indiqué dans le texte (« {text} ») ne correspond pas au salaire saisi "
                   "(« {field_value} »).",
        "suggest": "Mettez le salaire du texte et celui du champ en accord.",
    },
    "misleading.salary_unit": {
        "explain": "Le salaire saisi comme annuel ({amount} €) correspond à un montant mensuel : l'offre annonce "
                   "une rémunération fausse.",
        "suggest": "Corrigez l'unité du salaire (mensuel) ou le montant annuel.",
    },
    "misleading.self_employed": {
        "explain": "Le contrat saisi ({field_value}) est un contrat de travail salarié, mais le texte décrit une "
                   "activité indépendante (« {text} ») : l'offre trompe sur la nature de l'emploi.",
        "suggest": "Choisissez : contrat de travail salarié, ou annonce pour des indépendants avec numéro SIREN.",
    },
    "misleading.scam": {
        "explain": "« {text} » est une promesse de gains trompeuse, typique des fausses offres.",
        "suggest": "Indiquez une rémunération réaliste et vérifiable (fixe, variable moyen constaté).",
    },
    "misleading.empty": {
        "explain": "L'offre ne contient ni intitulé ni description : elle ne décrit pas l'emploi proposé.",
        "suggest": "Ajoutez un intitulé et une description du poste.",
    },
    # --- formalities
    "formal.no_date": {
        "explain": "L'offre n'est pas datée. Toute offre publiée doit l'être.",
        "suggest": "Renseignez la date de création de l'offre (elle est fixée automatiquement à la publication).",
    },
    "formal.employer_identity": {
        "explain": "L'offre est publiée par un intermédiaire et l'employeur n'est pas identifié : son nom et son "
                   "adresse doivent être communiqués à l'éditeur, même si l'offre reste anonyme pour les candidats.",
        "suggest": "Renseignez le nom et l'adresse de l'employeur dans les informations réservées à l'éditeur.",
    },
    "formal.temp_agency": {
        "explain": "L'offre semble venir d'une agence d'intérim (« {text} ») mais n'indique pas sa qualité "
                   "d'entreprise de travail temporaire.",
        "suggest": "Ajoutez le nom de l'agence et la mention « entreprise de travail temporaire ».",
    },
    "formal.self_employed": {
        "explain": "L'offre s'adresse à des travailleurs indépendants (« {text} ») sans numéro d'identification "
                   "(SIREN) de l'annonceur ; un conseiller vérifie aussi qu'il ne s'agit pas d'un salariat déguisé.",
        "suggest": "Indiquez le numéro SIREN de l'annonceur ou, si le poste est salarié, un contrat de travail.",
    },
    # --- a protected group next to an exclusion, a restriction or a preference (groups.py)
    "group.sex": {
        "explain": "L'offre écarte, réserve ou préfère un sexe (« {text} »). Une offre doit s'adresser indifféremment "
                   "aux femmes et aux hommes, sauf pour les rares emplois où le sexe est la condition déterminante.",
        "suggest": "Supprimez cette mention ; décrivez les tâches et les compétences et ajoutez « (H/F) » à l'intitulé.",
    },
    "group.family": {
        "explain": "L'offre tient compte de la situation de famille ou d'une grossesse (« {text} »), ce qui est "
                   "interdit.",
        "suggest": "Supprimez cette mention ; si le poste impose des déplacements ou des horaires, décrivez-les.",
    },
    "group.origin": {
        "explain": "L'offre écarte, réserve ou préfère des personnes selon leur origine, leur nationalité ou leur "
                   "apparence ethnique (« {text} »).",
        "suggest": "Supprimez cette mention ; si c'est une question de droit au travail, écrivez « autorisation de "
                   "travail en France requise ».",
    },
    "group.origin_self": {
        "explain": "L'offre pose une condition de naissance ou de nationalité française (« {text} »). Hors emplois "
                   "publics qui l'exigent, c'est interdit.",
        "suggest": "Supprimez cette condition ; si c'est une question de droit au travail, écrivez « autorisation de "
                   "travail en France requise ».",
    },
    "group.religion": {
        "explain": "L'offre écarte, réserve ou préfère des personnes selon leur religion ou leurs pratiques "
                   "religieuses (« {text} »).",
        "suggest": "Supprimez cette mention. Une règle de neutralité ne peut venir que du règlement intérieur, "
                   "justifiée et proportionnée (L1321-2-1), pas d'une offre.",
    },
    "group.religion_practising": {
        "explain": "L'offre écarte des personnes pratiquantes (« {text} ») : c'est une exclusion liée aux convictions "
                   "religieuses.",
        "suggest": "Supprimez cette mention.",
    },
    "group.health": {
        "explain": "L'offre écarte des personnes selon leur état de santé ou leur handicap (« {text} »). Seul le "
                   "médecin du travail apprécie l'aptitude au poste.",
        "suggest": "Supprimez cette exclusion ; décrivez les contraintes du poste (port de charges, station "
                   "debout) et indiquez que le poste est ouvert à tous.",
    },
    "group.residence": {
        "explain": "L'offre écarte ou réserve des personnes selon leur lieu de résidence (« {text} »).",
        "suggest": "Supprimez cette mention ; si le poste impose une astreinte, indiquez un délai d'intervention "
                   "plutôt qu'un lieu d'habitation.",
    },
    "group.economic": {
        "explain": "L'offre écarte des personnes à cause de leur situation économique (« {text} »), ce que la loi "
                   "interdit (particulière vulnérabilité économique).",
        "suggest": "Supprimez cette exclusion.",
    },
    "group.opinions": {
        "explain": "L'offre écarte des personnes pour leurs activités syndicales, leurs opinions ou leur "
                   "engagement (« {text} »).",
        "suggest": "Supprimez cette mention.",
    },
    "group.orientation": {
        "explain": "L'offre écarte, réserve ou préfère des personnes selon leur orientation sexuelle ou leur identité "
                   "de genre (« {text} »).",
        "suggest": "Supprimez cette mention.",
    },
    "group.conditional": {
        "explain": "L'offre écarte les candidats selon une caractéristique personnelle protégée (« {text} ») : "
                   "la condition porte sur la personne (âge, sexe, origine, santé, famille, religion, lieu de vie, "
                   "opinions…), pas sur les compétences du poste.",
        "suggest": "Supprimez cette condition ; décrivez les exigences réelles du poste (compétences, horaires, "
                   "contraintes physiques).",
    },
    "group.criteria": {
        "explain": "La liste des critères du poste contient une caractéristique personnelle protégée (« {text} ») : "
                   "sexe, âge, origine, situation de famille, apparence, santé, religion ou lieu de vie.",
        "suggest": "Gardez seulement les critères liés au poste (diplômes, expérience, permis justifié, horaires).",
    },
    "group.age": {
        "explain": "L'offre écarte une catégorie d'âge (« {text} »). Un critère d'âge n'est permis que dans les cas "
                   "prévus par la loi (apprentissage, contrats aidés).",
        "suggest": "Supprimez cette exclusion et décrivez l'expérience ou la disponibilité attendues.",
    },
    # --- a protected property next to a requirement, an exclusion or a preference (properties.py)
    "prop.health": {
        "explain": "L'offre écarte des personnes selon leur état de santé, une maladie ou un handicap (« {text} »). "
                   "Seul le médecin du travail apprécie l'aptitude au poste.",
        "suggest": "Supprimez cette exclusion ; décrivez les contraintes réelles du poste (port de charges, station "
                   "debout, travail de nuit).",
    },
    "prop.health_required": {
        "explain": "L'offre pose une condition ou une question sur la santé du candidat (« {text} »). L'état de "
                   "santé ne peut pas être un critère de recrutement ni être demandé dans une candidature.",
        "suggest": "Supprimez cette mention ; l'aptitude au poste est vérifiée par la médecine du travail.",
    },
    "prop.appearance": {
        "explain": "L'offre pose un critère d'apparence physique (« {text} ») sans lien démontré avec le poste.",
        "suggest": "Supprimez ce critère ; une tenue de travail ou une règle d'hygiène se décrit comme telle, "
                   "« bonne présentation » suffit pour un poste en contact avec le public.",
    },
    "prop.family": {
        "explain": "L'offre tient compte de la situation de famille, d'un projet d'enfant ou d'une grossesse "
                   "(« {text} »), ce qui est interdit.",
        "suggest": "Supprimez cette mention ; si le poste impose des déplacements ou des horaires, décrivez-les.",
    },
    "prop.origin": {
        "explain": "L'offre pose un critère d'origine, de nationalité, de nom ou d'apparence ethnique (« {text} »).",
        "suggest": "Supprimez cette mention ; si c'est une question de droit au travail, écrivez « autorisation de "
                   "travail en France requise ».",
    },
    "prop.origin_self": {
        "explain": "L'offre réserve l'embauche aux Français ou applique une « préférence nationale » (« {text} ») : "
                   "la nationalité ne peut être un critère que pour certains emplois publics.",
        "suggest": "Supprimez cette mention ; si c'est une question de droit au travail, écrivez « autorisation de "
                   "travail en France requise ».",
    },
    "prop.religion": {
        "explain": "L'offre pose un critère de religion, de croyance ou de pratique religieuse (« {text} »).",
        "suggest": "Supprimez cette mention. Une règle de neutralité ne peut venir que du règlement intérieur, "
                   "justifiée et proportionnée (L1321-2-1), pas d'une offre.",
    },
    "prop.opinions": {
        "explain": "L'offre pose un critère d'opinions politiques, d'activité syndicale ou de mandat électif "
                   "(« {text} »).",
        "suggest": "Supprimez cette mention.",
    },
    "prop.orientation": {
        "explain": "L'offre pose un critère d'orientation sexuelle ou d'identité de genre (« {text} »).",
        "suggest": "Supprimez cette mention.",
    },
    "prop.residence": {
        "explain": "L'offre pose un critère de lieu de résidence, d'adresse ou de domiciliation bancaire "
                   "(« {text} »).",
        "suggest": "Supprimez cette mention ; si le poste impose une astreinte, indiquez un délai d'intervention "
                   "plutôt qu'un lieu d'habitation ; le salaire peut être versé sur le compte de son choix.",
    },
    "prop.language": {
        "explain": "L'offre écarte des personnes pour leur langue maternelle ou leur accent (« {text} ») : une "
                   "langue ne peut être exigée que comme compétence utile au poste.",
        "suggest": "Indiquez le niveau de langue utile au poste (par exemple « français courant, écrit et oral »), "
                   "sans viser la langue maternelle ni l'accent.",
    },
    "prop.language_excl": {
        "explain": "L'offre écarte des personnes pour les langues qu'elles parlent en dehors du travail, leur "
                   "langue maternelle ou leur bilinguisme (« {text} ») : seule une compétence linguistique utile au "
                   "poste peut être demandée.",
        "suggest": "Indiquez le niveau de français (ou d'une autre langue) utile au poste, sans écarter les "
                   "personnes qui en parlent d'autres.",
    },
    "prop.fee": {
        "explain": "L'offre fait payer quelque chose au candidat ou au futur salarié (« {text} ») : aucune somme ne "
                   "peut être demandée pour un recrutement, et l'équipement de travail est à la charge de "
                   "l'employeur.",
        "suggest": "Supprimez cette demande de paiement ; le matériel, la tenue et la formation sont fournis par "
                   "l'employeur.",
    },
    "prop.sex": {
        "explain": "L'offre ne s'adresse qu'à un sexe (« {text} »). Une offre doit s'adresser indifféremment aux "
                   "femmes et aux hommes.",
        "suggest": "Écrivez les deux formes ou une forme neutre (« votre futur·e collègue », « H/F »).",
    },
    "prop.age": {
        "explain": "L'offre fixe l'âge de la personne recherchée (« {text} »). Un critère d'âge n'est permis que "
                   "dans les cas prévus par la loi (apprentissage, contrats aidés).",
        "suggest": "Supprimez cette mention et décrivez l'expérience ou la disponibilité attendues.",
    },
    "prop.sex_person": {
        "explain": "L'offre écarte, réserve ou préfère un sexe (« {text} »). Une offre doit s'adresser indifféremment "
                   "aux femmes et aux hommes, sauf pour les rares emplois où le sexe est la condition déterminante.",
        "suggest": "Supprimez cette mention ; décrivez les tâches et les compétences et ajoutez « (H/F) » à l'intitulé.",
    },
    "prop.age_limit": {
        "explain": "L'offre fixe un âge minimum ou maximum (« {text} »). Un critère d'âge n'est permis que dans les "
                   "cas prévus par la loi (apprentissage, contrats aidés).",
        "suggest": "Supprimez cette limite et décrivez l'expérience ou la disponibilité attendues.",
    },
    "prop.age_cue": {
        "explain": "L'offre écarte, réserve ou préfère une tranche d'âge (« {text} »). Un critère d'âge n'est permis "
                   "que dans les cas prévus par la loi (apprentissage, contrats aidés).",
        "suggest": "Supprimez cette mention et décrivez l'expérience ou la disponibilité attendues.",
    },
    # --- pay transparency
    "transparency.vague": {
        "explain": "La rémunération n'est pas chiffrée (« {text} »). La directive européenne sur la transparence "
                   "des salaires (à transposer au plus tard le 7 juin 2026) demandera d'indiquer un montant ou une "
                   "fourchette.",
        "suggest": "Indiquez une fourchette (ex. « 2 000 à 2 300 € brut par mois selon expérience »).",
    },
    "transparency.missing": {
        "explain": "L'offre n'indique pas la rémunération. La directive européenne sur la transparence des salaires "
                   "(à transposer au plus tard le 7 juin 2026) demandera d'indiquer un montant ou une fourchette.",
        "suggest": "Indiquez un salaire ou une fourchette de salaire.",
    },
    # --- learned sentence detector (sentence_model.py): no suggestion, it only points at a sentence to read
    "sentence_model": {
        "explain": "Signal statistique, à vérifier par un conseiller : aucune règle n'a relevé cette phrase, mais un "
                   "détecteur appris la rapproche de formulations illégales vues à l'entraînement (catégorie : "
                   "{label} ; score {score} pour un seuil de {threshold}). Ce n'est pas un constat de la loi : le "
                   "détecteur peut se tromper, et c'est au conseiller de dire si la phrase écarte ou désavantage "
                   "des candidats.",
    },
}

WARNINGS = {
    "truncated": "Texte très long : seuls les {cap} premiers caractères du champ ont été contrôlés ; la suite doit "
                 "être vérifiée par un conseiller.",
    "html": "Le champ contenait du HTML : les balises ont été retirées avant le contrôle.",
    "empty": "L'offre ne contient aucun texte à contrôler.",
    "no_smic": "Aucune valeur du SMIC n'est connue pour la date de l'offre ({date}) : la rémunération n'a pas été "
               "comparée au SMIC.",
    "law_text": "Le texte des articles n'est pas chargé (référentiel « droit » absent) : les articles sont cités "
                "d'après les métadonnées embarquées. Lancez « tremplin data fetch ».",
}

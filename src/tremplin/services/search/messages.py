"""Every French text the search service shows, in one place (for review and translation)."""

EMPTY_QUERY = "la question est vide : écrivez quelques mots (par exemple « durée du préavis de démission »)"
QUERY_TOO_LONG = "la question fait {length} caractères ; {limit} au plus sont acceptés"
QUERY_TYPE = "la question doit être un texte"
TOP_RANGE = "le nombre de résultats doit être compris entre 1 et {limit}"
UNKNOWN_AUDIENCE = "public « {value} » inconnu"
AUDIENCE_HINT = "publics possibles : particulier, professionnel, salarié, employeur"
UNKNOWN_THEME = "aucun document ne correspond au thème « {value} »"
THEME_HINT = "exemples de thèmes : {examples}"
ONLY_STOP_WORDS = (
    "La question ne contient que des mots très courants (« le », « de », « pour »…) : "
    "précisez ce que vous cherchez, par exemple « indemnité de licenciement »."
)
NO_RESULT = "Aucun document ne répond à cette question. Reformulez-la avec d'autres mots."
NO_RELIABLE_ANSWER = (
    "Pas de réponse fiable : aucune fiche ni aucun article ne semble traiter de cette question. Tremplin "
    "répond aux questions sur le travail, l'emploi et les démarches administratives ; reformulez avec les "
    "mots de votre situation (contrat, salaire, congés, chômage…)."
)
NOT_FRENCH = (
    "La question ne semble pas rédigée en français : les documents sont en français et les résultats "
    "viennent surtout de la recherche sémantique, qui est multilingue."
)
LONG_QUERY = (
    "Question longue : la recherche sémantique n'en a lu que les {words} premiers mots importants ; "
    "la recherche par mots en a retenu les {terms} termes les plus précis."
)
CORRECTED = "Mots corrigés : {pairs}."
RULES_ONLY = (
    "La recherche sémantique est suspendue par un administrateur : résultats de la recherche par mots seule."
)
NO_INDEX = "l'index de recherche n'est pas construit"
NO_INDEX_HINT = "lancez « tremplin search build » (les référentiels doivent être installés : « tremplin data fetch »)"
BAD_INDEX = "l'index de recherche est illisible ou d'une version ancienne ({detail})"
SOURCE_LABELS = {
    "fiche-service-public": "Fiche service-public.fr",
    "fiche-ministere-travail": "Fiche du ministère du Travail",
    "code-du-travail": "Code du travail",
}

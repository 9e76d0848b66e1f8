"""Protected groups named next to an exclusion, a restriction or a preference.

Recruiters word a discriminatory criterion in endless ways, but most of them put a
*group of people* (« les seniors », « femmes voilées », « candidats du 93 », « gens du
voyage », « hétéros ») next to a *marker* that excludes it (« s'abstenir », « ne seront
pas retenus », « pas de … », « nous ne prenons pas de … »), reserves the job to it
(« uniquement », « réservé aux », « nous ne recrutons que des … ») or prefers it (« de
préférence », « seront privilégiés », « conviendrait davantage à … »). This detector
looks for that shape, category by category, instead of listing whole sentences.

Each group says which markers make it unlawful: a restriction or a preference in favour
of disabled workers or of jobseekers is lawful (positive action, insertion schemes), so
those groups only react to exclusions. Groups are matched only as words for people
(« personnel blanc », not « chaussures blanches ») and a clause that pairs a group with its
counterpart (« hommes et femmes », « croyants ou non ») or states a non-discrimination
policy is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tremplin.services.legality.alternation import compile_skipping
from tremplin.services.legality.context import Ctx
from tremplin.services.legality.findings import Hit
from tremplin.services.legality.lexicon import (
    NEG_BEFORE,
    apply_exceptions,
    is_diversity_statement,
    lawful_context,
)
from tremplin.services.legality.text import clause_bounds, fast, finditer_near_words

# ----------------------------------------------------------------------------------------- markers
# Exclusion written after the group: « seniors s'abstenir », « femmes enceintes non acceptées ».
_EXCL_AFTER = (
    r"(?:s'abstenir|abstenez-vous|abstenir|(?:desole\w*\s*,?\s*)?(?:pas|non) possible|(?:poste |emploi )?(?:non|pas) accessible|"
    r"non (?:accepte|admis|retenu|souhaite|desire|autorise|tolere|bienvenu|"
    r"recevable|pris en compte|prioritaire)\w*|refuse\w*|exclu\w*|interdit\w*|proscrit\w*|indesirable\w*|"
    r"(?:ne |n')?(?:sont|seront|serait|serons|est|sera) pas (?:les )?(?:bienvenu|accepte|admis|retenu|pris|"
    r"considere|etudie|souhaite|autorise|tolere|adapte|fait|faite|concu|prioritaire|recu|convoque|rappele|contacte)"
    r"\w*|pas (?:les )?bienvenu\w*|"
    r"(?:ne |n')?(?:conviennent|conviendront|conviendrait|convient|correspondent|correspond) pas|"
    r"inutile de (?:postuler|candidater|nous contacter|se presenter)|(?:merci de |priere de )?ne pas (?:postuler|"
    r"candidater|se presenter|repondre|envoyer)|(?:sont|seront|sera) (?:ecarte|elimine|rejete|refuse)\w*|"
    r"(?:ne )?(?:peuvent|pourront|pourra|peut) pas (?:postuler|candidater|etre (?:retenu|recrute|embauche)\w*)|"
    r"incompatible\w*|pas (?:accepte|admis|retenu|souhaite|autorise|tolere)\w*|passez votre chemin)"
)
# Exclusion written before the group: « pas de jeunes mamans », « nous ne prenons pas de candidats du 93 ».
_VERBS_NEG = (r"(?:prenons|prend|prendrons|recrutons|recrute|recruterons|acceptons|accepte|accepterons|embauchons|"
              r"embauche|retenons|retiendrons|voulons|veut|veulent|souhaitons|cherchons|recherchons|engageons|"
              r"employons|emploie|travaillons|considerons|etudions|etudierons)")
_EXCL_BEFORE = (
    r"(?:\bpas (?:de|d'|des|les|a(?:ux?)?)|\baucune?|\bsans|\bzero|\beloigne\w* (?:du|de la|des|de)|\bsauf (?:les|des|a(?:ux?)?)|\ba l'exclusion (?:des|de)|"
    r"\bexcepte (?:les|des)|\b(?:ne|n') ?" + _VERBS_NEG + r" (?:pas|plus|jamais|aucune?)(?: de| d'| les| des| avec "
    r"(?:des|les))?|\b(?:ne|n') ?(?:pouvons|peut|pourrons|pouvez|pourra) (?:pas|plus) (?:malheureusement )?"
    r"(?:accueillir|recruter|embaucher|employer|accepter|prendre|retenir|integrer|recevoir)(?: de| d'| les| des)?|"
    # « ne donnera pas suite aux candidatures de seniors »
    r"\b(?:ne |n')?donn\w* (?:pas|aucune) suite (?:a(?:ux?)?|a des)|\brefus\w* (?:les|des|d'|de)|"
    r"\binterdit\w* (?:a(?:ux?)?|pour)|\b(?:non|pas) ouvert\w* a(?:ux?)?|\bferme\w* a(?:ux?)?|\b(?:ne )?(?:convient|conviendrait|"
    r"convient) pas (?:a(?:ux?)?|a des|pour)|\b(?:pas|non) (?:adapte|compatible|accessible)\w* (?:a(?:ux?)?|a des|pour|avec)|"
    r"\binaccessible\w* a(?:ux?)?|\bincompatible\w* avec|\bne pas etre|\bn'etre pas|\bne pas avoir ete|\bevitez les|"
    r"\bpas avoir(?: de| d'| des)?|\bn'avoir (?:pas|aucune?|jamais)(?: de| d')?|\bevit\w* (?:de )?(?:recruter|prendre|"
    r"embaucher|retenir|engager|employer)(?: des| les| de| d')?|"
    # « les tournées de nuit sont trop risquées pour les filles »: the job said unsuited to a group
    r"\btrop (?:\w+ )?(?:risque|dur|dure|physique|difficile|dangereu|penible|lourd|exigeant|fatigant)\w* pour(?: les| des| une?)?)"
)
# Restriction: « uniquement », « réservé aux », « nous ne recrutons que des ».
_ONLY_BEFORE = (
    r"(?:\buniquement|\bexclusivement|\bseulement|\bstrictement|\breserve\w* (?:a(?:ux?)?|a des|pour)|"
    r"\b(?:ouvert|accessible)\w* (?:uniquement|exclusivement|seulement) (?:a(?:ux?)?|a des)|\bseul(?:e|s|es)? (?:les |des )?|"
    r"\b(?:ne|n') ?\w+ (?:\w+ )?qu(?:e |')(?:des|les|d'|de|a des|a(?:ux?)?|avec des)|\brien que des|\bque pour (?:des|les)|"
    r"\b(?:sera|seront|est|sont) (?:attribue|confie|destine|reserve|propose)e?s? (?:exclusivement |uniquement )?"
    r"a(?:ux?)?(?: une?| des)?)"
)
_ONLY_AFTER = r"(?:uniquement|exclusivement|seulement|only|exige\w*|requis\w*|obligatoire\w*|imperati\w*|"\
    r"indispensable\w*)"
# Preference: « de préférence », « seront privilégiés », « conviendrait davantage à ».
_PREF_BEFORE = (
    r"(?:\bde preference|\bpreference (?:pour|a(?:ux?)?|a des|donnee a(?:ux?)?|sera donnee a(?:ux?)?)|\bprivilegi\w*|"
    r"\bidealement|\bplutot|\b(?:nous )?pref(?:erons|ererions|ere|erent|erez)(?: plutot)?|\bideal(?:e|s|es)? (?:pour|a)(?: une?| des| les)?|\b(?:plutot |surtout |davantage |mieux )?"
    r"(?:fait|faite|adapte\w*|destine\w*|concu\w*|pense\w*) pour (?:un|une|des|les)|\bconvien(?:drait|t|nent|draient) (?:davantage |mieux |plutot |parfaitement |surtout )?"
    r"(?:a(?:ux?)?|a une?|a des|pour)|\bpense pour)"
)
_PREF_AFTER = r"(?:de preference|privilegie\w*|prefere\w*|souhaite\w*|bienvenu\w* uniquement|en priorite)"

_NEGATED_GAP = re.compile(r"\b(?:pas|jamais|nullement|aucunement|non plus|ni)\b")

_EXCL_AFTER_RX = re.compile(r"^\s*(?:\([^()\n]{1,30}\)\s*)?[,:–-]?\s*((?:[a-z'()]+\s+){0,3}?)" + _EXCL_AFTER)
_ONLY_AFTER_RX = re.compile(r"^\s*(?:\([^()\n]{1,12}\)\s*)?,?\s*(?:[a-z]+\s+)?" + _ONLY_AFTER + r"\b")
_PREF_AFTER_RX = re.compile(r"^\s*(?:\([^()\n]{1,12}\)\s*)?,?\s*((?:[a-z'()]+\s+){0,2}?)" + _PREF_AFTER + r"\b")
_TAIL = r"(?:(?:\s+|(?<='))[a-z'()-]+){0,2}?\s*(?:[(:,]\s*)?$"
_EXCL_BEFORE_RX = re.compile(_EXCL_BEFORE + _TAIL)
_ONLY_BEFORE_RX = re.compile(_ONLY_BEFORE + _TAIL)
_PREF_BEFORE_RX = re.compile(_PREF_BEFORE + _TAIL)


@dataclass(frozen=True, slots=True)
class Group:
    id: str  # detector id (keys the messages)
    category: str
    rx: object  # Fast pattern of the group words
    anchors: frozenset[str]
    markers: tuple[str, ...]  # which of "excl", "only", "pref" make it unlawful
    severity: str = "block"
    rule: str = "R10-DISCRIM"
    unless: re.Pattern | None = None  # searched in the clause: cancels
    pair: re.Pattern | None = None  # the counterpart that makes a lawful pair (« hommes et femmes »)
    exceptions: tuple[str, ...] = ()
    articles: tuple[str, ...] = ("L1132-1", "L5321-2")
    only_severity: str | None = None  # severity for a restriction, when it differs


def _g(id: str, category: str, pattern: str, anchors: str, markers: str, **kw) -> Group:
    for key in ("unless", "pair"):
        if isinstance(kw.get(key), str):
            kw[key] = compile_skipping(kw[key])
    # anchors in every inflection (« handicapé » also anchors « handicapées »), except words marked « ! » (exact)
    words = frozenset(w[:-1] if w.endswith("!") else w + s for w in anchors.split()
                      for s in (("",) if w.endswith("!") else ("", "s", "e", "es")))
    return Group(id, category, fast(pattern), words, tuple(markers.split()), **kw)


_PEOPLE = (r"(?:personnes?|candidat(?:\(e\)|e)?s?|candidatures?|profils?|gens|personnel|salarie\w*|collaborat\w*|"
           r"individus?|collegues?|recrues?|employe\w*|equipier\w*|intervenant\w*|agents?)")

GROUPS: tuple[Group, ...] = (
    _g("group.sex", "sex",
       r"\b(?:hommes?|femmes?|garcons?|filles?|gars|mecs?|nanas?|messieurs|dames|(?:la )?gent (?:masculine|feminine)|"
       + _PEOPLE + r"\s+(?:de sexe\s+)?(?:masculin|feminin)e?s?|candidates|une candidate|sexe (?:masculin|feminin))(?![a-z0-9])",
       "homme femme garcon fille gars mec nana messieurs dame gent masculin feminin masculine feminine candidate",
       "excl only pref", exceptions=("EXC-R1142-1",), articles=("L1142-1", "L1146-1", "L5321-2"),
       unless=r"(?:sages?-femmes?|sage femme|(?:rayon|mode|pret-a-porter|vetements?|chaussures?|collection|coiffure|"
              r"clientele|public|equipe|section|championnat|vestiaires?|toilettes|sanitaires|foyer|residence|"
              r"maison|prison|detention|service|unite|pavillon|ligue|club|categorie|chambre|dortoir)s? "
              r"(?:\w+ )?(?:hommes?|femmes?|filles?|garcons?|dames|masculin\w*|feminin\w*)|"
              r"(?:hommes?|femmes?) (?:de (?:menage|chambre|service|terrain|l'art|metier|confiance)|d'(?:entretien|"
              r"affaires|etat))|filles? au pair|jeunes? filles? (?:en|de) (?:difficulte|l'ase)|"
              r"femmes? victimes|violences|femmes? enceintes?|voilee|voile|foulard|hijab)",
       pair=r"(?:hommes?|femmes?|garcons?|filles?|masculin\w*|feminin\w*|messieurs|dames|mixte)"),
    _g("group.family", "family",
       r"\b(?:celibataires?|(?:personnes?|candidat\w*|hommes?|femmes?) mariee?s?|mariee?s|(?:femmes? )?enceintes?|"
       r"futures? mamans?|jeunes (?:mamans?|meres|parents|papas?)|(?:mamans?|meres?|peres?|papas?|parents?) (?:de|d') "
       r"(?:jeunes |tres jeunes |petits |jeunes? )?enfants?|mamans?|meres? (?:de famille|celibataires?|"
       r"isolees?|seules?|au foyer)|meres|peres? de famille|parents (?:de (?:jeunes |tres jeunes )?enfants|"
       r"isoles?|solos?)|familles? monoparentales?|personnes? (?:avec|ayant) (?:des |de jeunes )?enfants|"
       r"enfants? (?:en bas age|a charge|de moins de \d+ ans)|" + _PEOPLE + r" (?:avec|ayant) (?:des |de jeunes |de petits )?enfants|vie (?:de famille|familiale)|(?:contraintes?|obligations?|charges?|attaches?) "
       r"(?:familiales?|de famille)|projets? (?:d'enfants?|de (?:bebe|grossesse|maternite))|grossesses?|"
       r"divorce\w*|veu(?:f|ve)s?)(?![a-z0-9])",
       "celibataire marie mariee enceinte maman mamans mere meres pere parent parents famille enfant enfants "
       "familiale familiales bebe maternite grossesse divorce veuf veuve monoparentale monoparentales",
       "excl only pref", articles=("L1142-1", "L1132-1", "L1225-1", "L5321-2"),
       unless=r"(?:accompagn|suivi|suivre|soins?|consultation|accueil|aide |aider|soutien|atelier|patient|prise en charge|"
              r"aupres|beneficiaire|public|sensibilis|prevention|maternite (?:de|du)|service de|usager|"
              r"residence|logement|chambre|studio|appartement|pmi|creche|garde|ecole|eleves|animation|"
              r"conge|remplacement|mutuelle|prevoyance|cheques?|prime|allocation|indemnit)",
       pair=r"(?:celibataires?|marie\w*|couples?|avec ou sans|parents? ou non|enfants? ou non)"),
    _g("group.origin", "origin",
       r"\b(?:etrangers|immigree?s|immigration|issu\w* de l'immigration|refugiee?s|migrants?|migrantes?|"
       r"demandeurs? d'asile|gens du voyage|roms|tziganes?|manouches|maghrebins|maghrebines|africains|africaines|"
       r"asiatiques|arabes|noirs|noires|blacks|beurs|rebeus|europeen(?:\(ne\)|ne)?s|europeen\(ne\)|"
       r"(?:un|une|des) europeen(?:\(ne\)|ne)?s?|"
       r"francais(?:\(e\)|e)?s? (?:de souche|d'origine|de naissance|pure souche|de france)|"
       r"(?:que|uniquement) des francais(?:\(es\)|es)?|(?<=aux |les |des )francais(?:\(es\)|es)?(?![a-z(])|"
       # « ressortissants hors Union européenne », « non-Européens », « extracommunautaires »
       r"ressortissants? (?:hors|non|extra)[- ]?(?:de l'|de l' )?(?:union europeenne|ue|europeens?|communautaires?)|"
       r"ressortissants? (?:etrangers?|de pays tiers|d'un pays tiers|africains?|maghrebins?)|non[- ]europeen(?:ne)?s|"
       r"extra-?communautaires|"
       # « personnes issues de la communauté portugaise »: a national community as the people sought
       r"(?:issu\w* de |membres? de )?la communaute (?!(?:educative|medicale|scientifique|urbaine|rurale|"
       r"religieuse|hospitaliere|locale|professionnelle|universitaire|numerique|catholique|hindoue|musulmane|juive|"
       r"chretienne|protestante|bouddhiste|sikhe|evangelique|orthodoxe|israelite|islamique|paroissiale)\b)[a-z-]+(?:aise|oise|ienne|"
       r"enne|ane|ine|aque|ise|ole|ande|que|e)\b|"
       r"ne(?:\(e\)|e)?s? (?:en france|a l'etranger|hors (?:de france|d'europe|ue|de l'ue)|en europe|francais)|"
       + _PEOPLE + r"\s+(?:d'origine\s+[a-z-]+|etrangere?s?|de couleur|noire?s?|blanche?s?|blancs?|black|beurs?|"
       r"rebeus?|arabes?|maghrebin\w*|africain\w*|asiatiques?|europeen\w*|francais(?:\(e\)|e)?s?|typee?s?|"
       r"issu\w* de l'immigration|immigree?s?|de nationalite [a-z-]+|(?:originaires? )?(?:d'afrique|d'asie|du maghreb|"
       r"d'europe de l'est|des pays de l'est|d'amerique latine|du moyen-orient)(?: [a-z]+)?))(?![a-z0-9])",
       "etranger etrangers etrangere etrangeres immigre immigree immigres immigrees immigration refugie refugies "
       "refugiee refugiees migrant migrants migrante asile voyage roms tzigane tziganes manouches maghrebin "
       "maghrebins maghrebine maghrebines africain africains africaine africaines asiatique asiatiques arabe arabes "
       "noir noirs noire noires black blacks beur beurs rebeu rebeus europeen europeens europeenne europeennes "
       "couleur blanc blancs blanche blanches typee typees francais francaise francaises origine nationalite "
       "nes nees etranger ressortissant ressortissants europeen europeens extracommunautaires "
       "extra communaute afrique asie maghreb",
       "excl only pref", exceptions=("EXC-R1142-1",), articles=("L1132-1", "L5321-2", "C. pén. 225-2"),
       unless=r"(?:(?:langue|marche|cuisine|produit|pays|client|zone|cultur|specialite|plat|export|filiale|fournisseur|"
              r"partenaire|import|societe|entreprise|groupe|projet|reseau|union|parlement|commission|fonds|"
              r"programme|norme|reglement|directive|institution|etudiant|erasmus|echange|diplome|permis|"
              r"certificat|titre|vin|fromage|art|musique|danse|litterature|histoire|langues)\w*\s+(?:\w+\s+)?"
              r"(?:etrangere?s?|europeen\w*|asiatiques?|africain\w*|arabes?|maghrebin\w*|noire?s?|blanche?s?)|"
              r"titre de sejour|autorisation de travail|permis de travail|sans-papiers|sans papiers|"
              # « accueil des réfugiés » is a public served; « à l'accueil » is a desk, no lawful context
              r"accompagn|accueil\w* (?:des|de(?! l')|d'|les)|accueillir|aupres|public|soutien|insertion|integration|cours de|fle\b|"
              r"(?:ou|et|comme) (?:non|pas)|toutes (?:les )?(?:origines|nationalites))",
       pair=r"(?:ou (?:non|pas|etrangers?)|et (?:etrangers?|non))"),
    _g("group.religion", "religion",
       r"\b(?:(?:femmes?|personnes?|candidat\w*|filles?|salariee?s?) (?:non[- ])?voilee?s?|voilee?s|musulman\w*|juifs?|juives?|"
       r"catholiques|chretien\w*|protestant\w*|croyant\w*|non[- ]pratiquant\w*|athees?|bouddhistes|hindous?|"
       r"sikhs?|pratiquant\w* (?:religieu\w*|musulman\w*|catholiques?|juifs?)|(?:le |la |du |de la )?(?:port (?:du |de "
       r"|d'un |d'une )?)?(?:voile|foulard|hijab|kippa|turban|niqab|burqa|signes? (?:religieux|ostentatoires?))|(?:la |les )?prieres?|(?:le )?(?:jeune du )?ramadan|fetes? religieuses?|"
       r"pratiques? religieuses?)(?![a-z0-9])",
       "voile voilee voilees musulman musulmane musulmans musulmanes juif juifs juive juives catholique catholiques "
       "chretien chretienne chretiens chretiennes protestant protestante protestants croyant croyante croyants "
       "pratiquant pratiquante pratiquants pratiquantes athee athees bouddhiste bouddhistes hindou hindous sikh "
       "sikhs foulard hijab kippa turban niqab burqa signe signes priere prieres ramadan religieuse religieuses",
       "excl only pref", only_severity="block", exceptions=("EXC-EXIGENCE-ESSENTIELLE", "EXC-EMPLOI-PUBLIC"),
       articles=("L1132-1", "L1121-1", "L5321-2"),
       unless=r"(?:bateau|voilier|\bnavig|planche a voile|regate|etablissement|enseignement|ecole|college|lycee|"
              r"institution|diocese|eglise|paroisse|association|aumoner|tourisme|patrimoine|edifice|mobilier|"
              r"art |fait religieux|voile (?:de|du) (?:bateau|navire)|cantine|repas|menus?|halal|casher|"
              r"pause|salle de priere|lieu de culte)",
       pair=r"(?:ou (?:non|pas|athees?)|croyants? ou|ou croyant)"),
    _g("group.health", "health_disability",
       r"\b(?:handicape\w*|(?:personnes?|travailleu\w*|salarie\w*|candidat\w*|profils?|agents?|employe\w*) "
       r"(?:en situation de handicap|a mobilite reduite|malades?|invalides?|porteu\w* (?:d'un|de) handicap)|travailleurs? handicape\w*|rqth|pmr|invalides|malades|diabetiques?|"
       r"epileptiques?|asthmatiques?|seropositi\w*|cardiaques|depressi\w*|dyslexiques?|autistes?|bipolaires?|"
       r"(?:personnes?|candidat\w*|gens) (?:sourde?s?|malentendante?s?|aveugles?|malvoyante?s?|non-?voyante?s?)|"
       r"sourd(?:e|s|es)|malentendant(?:e|s|es)|malvoyant(?:e|s|es)|non-?voyant(?:e|s|es)|"
       r"obeses?|(?:personnes?|candidat\w*) (?:ayant|avec|beneficiant d'une?|titulaires? d'une?) (?:une |un |des "
       r")?(?:rqth|handicap|maladie|pathologie|traitement|restriction|reconnaissance)\w*|"
       r"(?:problemes?|soucis|antecedents?) (?:de sante|medicaux|de dos|cardiaques?|psychiatriques?)|"
       r"(?:personnes?|candidat\w*) (?:ayant|avec) (?:des |de )?(?:problemes?|soucis|antecedents?) (?:de sante|medicaux)|"
       r"(?:un |une |d'un )?handicaps?|"
       r"mi-temps therapeutiques?|restrictions? medicales?|arrets? (?:maladie|de travail)|(?:personnes?|candidat\w*) "
       r"sous traitement\w*(?: medica\w*)?|traitements? medica\w*)(?![a-z0-9])",
       "handicape handicapes handicapee handicapees handicap rqth pmr invalide invalides malade malades maladie "
       "diabetique epileptique asthmatique seropositif seropositive cardiaque cardiaques depressif depressive "
       "dyslexique autiste bipolaire obese antecedent antecedents therapeutique probleme! problemes! souci! soucis! "
       "medicaux medicales psychiatriques pathologie reduite traitement traitements sourde sourdes sourds "
       "malentendant malentendante malentendants malentendantes aveugle aveugles malvoyant malvoyants malvoyante "
       "malvoyantes voyant voyants arret arrets",
       "excl", articles=("L1132-1", "L5321-2"),
       # « accueil des personnes handicapées » is a public served; « à l'accueil du musée » is a desk
       unless=r"(?:accompagn|soins?\b|soigner|patient|prise en charge|aupres|accueil\w* (?:des|de(?! l'| la)|d'|les)|accueillir|"
              r"etablissement|foyer|esat|\bime\b|"
              r"\bmas\b|\bfam\b|public|residents?|usagers?|beneficiaires?|(?:locaux|batiment|site|bureaux|lieu|acces|"
              r"parking|magasin)\w*\s+(?:\w+\s+)?(?:non|pas|in)\s*accessible|mutuelle|prevoyance|garantie|assurance|"
              r"remplacement|indemni|sans (?:aucun )?(?:probleme|souci) (?:de|pour) (?:communication|deplacement|horaires)|"
              r"maladies? professionnelles?|"
              # the law's exception to an age limit (« la limite haute ne s'appliquant pas aux travailleurs handicapés »)
              r"\bne s'appliqu\w*|\bprevue?s? par la loi|"
              # « parler une autre langue est un handicap »: the word said of a trait, not of a person
              r"\b(?:est|sera|serait|constitue|devient) (?:un |une )?(?:vrai |reel |gros |veritable )?handicap\b"
              r"(?! (?:\w+ )?(?:physique|mental|psychique|moteur|visuel|auditif)))",
       pair=r"(?:ou non|valides? ou)"),
    _g("group.residence", "residence",
       r"\b(?:banlieues?|cites|quartiers? (?:nord|sud|est|ouest|sensibles?|populaires?|difficiles?)|zones? urbaines? "
       r"sensibles?|zus|zup|hlm|seine-saint-denis|(?:du|le|dans le) 9[1-5]|"
       + _PEOPLE + r"\s+(?:habitant|residant|vivant|venant|domicilie\w*|issu\w*|originaires?)?\s*(?:de |des |du |d'|en "
       r"|dans (?:les |le |la )?)(?:la |les |l')?(?:banlieues?|cites?|quartiers?|hlm|9[1-5]|departement \d+|"
       r"zones? \w+)|" + _PEOPLE + r"\s+(?:habitant|residant|vivant|domicilie\w*)\s+(?:hors|en dehors|loin)\s+(?:de |du |d')?"
       r"(?:la |l'|le )?(?:commune|ville|departement|secteur|region|zone|agglomeration|canton)|"
       r"(?:habitants?|residents?)\s+(?:de |des |du |d')(?:la |les |l')?(?:banlieues?|cites?|quartiers?|"
       r"hlm|zup|zus|cites?|9[1-5]|seine-saint-denis|(?:certaine?s |ces )?zones?(?: \w+)?|commune|ville|village|"
       r"canton))(?![a-z0-9])",
       "banlieue banlieues cite cites quartier quartiers zone zones zus zup hlm seine 91 92 93 94 95 departement "
       "hors! dehors! loin! commune! communes! village! canton!",
       "excl only", only_severity="review", articles=("L1132-1", "L5321-2"),
       unless=r"(?:\bqpv\b|prioritaire|politique de la ville|emplois? francs?|\bzrr\b|(?:entreprise|societe|agence|"
              r"magasin|site|bureaux|locaux|depot|entrepot|siege|chantier)\w*\s+(?:\w+\s+){0,3}?(?:situe|base|"
              r"implante|localise)\w*)"),
    _g("group.economic", "residence",
       r"\b(?:chomeurs?(?: de longue duree)?|demandeurs? d'emploi(?: de longue duree)?|beneficiaires? (?:du|des) "
       r"(?:rsa|minima sociaux|aah)|rsa|rmistes?|sdf|personnes? (?:precaires?|en (?:grande )?precarite|surendettee?s?|"
       r"sans (?:logement|domicile))|interdits? bancaires?|fiches? (?:a la )?banque de france|(?:au )?chomage depuis)(?![a-z0-9])",
       "chomeur chomeurs chomage demandeur demandeurs rsa minima aah rmiste sdf precaire precaires precarite "
       "surendette surendettee bancaire bancaires banque domicile!",
       "excl", articles=("L1132-1", "L5321-2"),
       unless=r"(?:accompagn|insertion|aupres|accueil|public|orient|aider|aide aux|suivi|conseill|inscri|"
              r"cumul|eligib|iae|pec\b|contrat aide)"),
    _g("group.opinions", "opinions",
       r"\b(?:syndique\w*|syndicalistes?|delegue\w* (?:syndica\w*|du personnel)|representants? (?:syndica\w*|du "
       r"personnel)|militant\w*(?: (?:syndica\w*|politiques?|associati\w*|cgt|fo|cfdt|sud))?|"
       r"(?:membres?|adherent\w*|encarte\w*) (?:d'un|d'une|a un|a une|du|de la|de|des|d') (?:syndicat|parti|organisation "
       r"syndicale)\w*|encarte\w*|grevistes?|anciens? elus?|elus? (?:syndica\w*|du personnel|du cse|cse)|"
       r"(?:adherents?|militants?|sympathisants?|membres?) (?:de la |du |de )?(?:cgt|fo|cfdt|sud|cfe-cgc|cftc|unsa|"
       r"lfi|rn|ps|lr)|appartenances? (?:syndicales?|politiques?)|monde syndical|"
       r"adhesion (?:a|au|a un|a une|a notre) (?:\w+ )?(?:parti|association politique|syndicat|mouvement politique)\w*|"
       r"activites? (?:syndicales?|politiques?)|engagements? (?:syndica\w*|politiques?)|engage\w* (?:politiquement|syndicalement)|mandats? "
       r"(?:syndica\w*|electifs?))(?![a-z0-9])",
       "syndique syndiquee syndiques syndiquees syndicaliste syndicalistes syndical syndicale syndicaux syndicales "
       "syndicat parti! partis! delegue delegues militant militante militants militantes encarte encartes greviste grevistes "
       "elu elus sympathisant sympathisants cgt cfdt cftc unsa electif electifs politiquement syndicalement "
       "appartenance monde adhesion",
       "excl only", exceptions=("EXC-EXIGENCE-ESSENTIELLE",), articles=("L1132-1", "L5321-2"),
       unless=r"(?:relations? (?:avec les )?(?:partenaires|organisations|representants|elus)|dialogue social|"
              r"instances?|negociation|\bcse\b (?:et|,)|accompagn|aupres des|avec les (?:elus|representants)|"
              r"remplac\w* (?:des |les )?grevistes|sans engagement)",
       pair=r"(?:ou non|syndique\w* ou)"),
    _g("group.orientation", "sexual_orientation_identity",
       r"\b(?:homosexuel\w*|homos?|heterosexuel\w*|heteros?|gays?|lesbiennes?|bisexuel\w*|transgenres?|"
       r"transsexuel\w*|non-binaires?|queers?|lgbt\w*|travestis?|cisgenres?|cis\b|(?:personnes?|candidat\w*|femmes?|hommes?) trans)(?![a-z0-9])",
       "homosexuel homosexuelle homosexuels homosexuelles homo homos heterosexuel heterosexuelle heterosexuels "
       "hetero heteros gay gays lesbienne lesbiennes bisexuel bisexuelle bisexuels transgenre transgenres "
       "transsexuel transsexuels binaire binaires queer queers lgbt lgbtq lgbtqia travesti travestis trans "
       "cisgenre cisgenres cis",
       "excl only pref", articles=("L1132-1", "L5321-2", "C. pén. 225-2"),
       unless=r"(?:friendly|inclusi|lutte|association|militant\w* pour|droits|soutien|accompagn|sensibilis|"
              r"prevention|sante sexuelle|public|centre|fierte|pride|accueil)"),
    _g("group.origin_self", "origin",
       r"\b(?:etre|etes|vous etes|soyez|tu es)\s+ne(?:\(e\)|e)?s?\s+(?:en france|a l'etranger|en europe|francais\w*|"
       r"de parents francais)|\b(?:ne|n') ?\w+ (?:\w+ )?qu(?:e |')(?:des|les) (?:francais|europeen)\w*(?:\(n?es\))?|"
       r"\b(?:uniquement|exclusivement|seulement) (?:des|les|aux|pour des) (?:francais|europeen)\w*(?:\(n?es\))?\b"
       r"(?! (?:et|ou|de|du|des|d'))",
       "france etranger europe francais francaise francaises europeen europeens europeenne europeennes",
       "self", exceptions=("EXC-EMPLOI-PUBLIC",), articles=("L1132-1", "L5321-2", "C. pén. 225-2"),
       unless=r"(?:langue|parler|parlant|ecrit|oral|redig|communiqu|cours|texte|document|clients?|clientele|marche|"
              r"produits?|fournisseurs?|vins?|fromages?|titre de sejour|ressortissant)"),
    _g("group.religion_practising", "religion",
       r"\bpratiquant(?:\(e\)|e)?s?(?:\(e?s\))?", "pratiquant pratiquante pratiquants pratiquantes", "excl",
       exceptions=("EXC-EXIGENCE-ESSENTIELLE",), articles=("L1132-1", "L5321-2"),
       unless=r"(?:sport|football|rugby|tennis|judo|course|arts? martia|danse|musique|instrument|yoga|golf|club|"
              r"licencie|equitation|escalade|natation|ski|velo|cyclis)"),
    _g("group.age", "age",
       r"\b(?:seniors?|retraitee?s?|(?:jeunes )?retraitee?s?|quinquagenaires?|sexagenaires?|quadragenaires?|"
       r"personnes? (?:agees?|d'un certain age)|etudiant(?:\(e\)|e)?s?|lyceens?|jeunes(?! diplome| entreprise| societe| "
       r"structure| public| enfants| mamans| meres| parents| papas))(?![a-z0-9])",
       "senior seniors retraite retraitee retraites retraitees quinquagenaire quinquagenaires sexagenaire "
       "quadragenaire agee agees certain etudiant etudiante etudiants etudiantes lyceen lyceens jeunes",
       "excl", severity="review", rule="R07-AGE", exceptions=("EXC-APPRENTISSAGE", "EXC-AIDES-EMPLOI"),
       articles=("L1132-1", "L5321-2"),
       unless=r"(?:accompagn|aupres|public|accueil|soins?\b|residents?|usagers?|beneficiaires?|patients?|clients?|"
              r"cotisation|caisse|regime|complementaire|epargne|\bper\b|pension|residence|logement|"
              r"jeunes (?:diplome|pousse|plant|arbre|chien|cheva)|tarif|reduction|carte)"),
)

_ANCHORS = frozenset().union(*(g.anchors for g in GROUPS))
_BY_ANCHOR: dict[str, list[Group]] = {}
for _group in GROUPS:
    for _word in _group.anchors:
        _BY_ANCHOR.setdefault(_word, []).append(_group)


def _marker(g: Group, folded: str, c0: int, c1: int, gs: int, ge: int) -> tuple[str, int, int] | None:
    """(kind, start, end) of the marker that makes the group unlawful, or None."""
    before = folded[max(c0, gs - 70):gs]
    base = max(c0, gs - 70)
    after = folded[ge:min(c1, ge + 60)]
    if "self" in g.markers:
        return "self", gs, ge
    if "excl" in g.markers:
        m = _EXCL_AFTER_RX.match(after)
        if m and not _NEGATED_GAP.search(m.group(1) or "") and not re.match(r"\s*(?:ou|et)\b", after):
            return "excl", ge + m.end(1), ge + m.end()
        m = _EXCL_BEFORE_RX.search(before)
        if m:
            return "excl", base + m.start(), gs
    if "only" in g.markers:
        m = _ONLY_BEFORE_RX.search(before)
        if m and not NEG_BEFORE.search(folded[c0:base + m.start()]):
            return "only", base + m.start(), gs
        m = _ONLY_AFTER_RX.match(after)
        if m:
            return "only", ge, ge + m.end()
    if "pref" in g.markers:
        m = _PREF_BEFORE_RX.search(before)
        if m and not NEG_BEFORE.search(folded[c0:base + m.start()]):
            return "pref", base + m.start(), gs
        m = _PREF_AFTER_RX.match(after)
        if m and not _NEGATED_GAP.search(m.group(1) or ""):
            return "pref", ge + m.end(1), ge + m.end()
    return None


_PLACE_SUBJECT = re.compile(r"\b(?:locaux|batiments?|site|bureaux|lieux?|acces|parking|magasin|etablissement|"
                            r"ascenseur|etage|immeuble)\w*\s+(?:\w+\s+)?$")
_PAIR_AFTER = re.compile(r"\s*(?:et|ou|/|comme|ainsi que|,|&)\s*(?:les |des |aux? |a des |une? |pour (?:les |des )?)?")
_PAIR_JOIN = re.compile(r"\s*(?:et|ou|/|comme|ainsi que|,|&)\s*(?:les |des |aux? |a des |une? |pour (?:les |des )?)?$")


def _pair_before(pair: re.Pattern, folded: str, a: int, gs: int) -> bool:
    """Whether the group is the second half of a lawful pair (« femmes et hommes », « croyants ou non »)."""
    j = _PAIR_JOIN.search(folded, a, gs)
    if j is None or j.start() == gs:
        return False
    return any(m.end() == j.start() for m in pair.finditer(folded, a, j.start()))


def detect_groups(ctx: Ctx, dropped: list) -> list[Hit]:
    hits: list[Hit] = []
    if ctx.words.isdisjoint(_ANCHORS):
        return hits
    for ft in ctx.free_fields:
        fw = ft.words
        if fw.isdisjoint(_ANCHORS):
            continue
        folded = ft.folded
        present = fw & _ANCHORS
        wanted = {id(g) for w in present for g in _BY_ANCHOR[w]}
        for g in GROUPS:
            if id(g) not in wanted:
                continue
            for m in finditer_near_words(g.rx, ft, g.anchors, 60, 60):
                gs, ge = m.span()
                c0, c1 = clause_bounds(folded, gs, ge)
                if c1 < len(folded) and folded[c1] == ":":  # « Signes religieux : non autorisés »
                    c1 = clause_bounds(folded, c1 + 1, c1 + 1)[1]
                found = _marker(g, folded, c0, c1, gs, ge)
                if found is None:
                    continue
                kind, ms, me = found
                if kind == "excl" and ms < gs and _PLACE_SUBJECT.search(folded, max(c0, ms - 40), ms):
                    continue  # « locaux non accessibles aux personnes à mobilité réduite »: the premises, not a rule
                if g.pair is not None and (
                        _PAIR_AFTER.match(folded, ge, c1) and g.pair.match(folded, _PAIR_AFTER.match(folded, ge, c1).end())
                        or _pair_before(g.pair, folded, max(c0, gs - 40), gs)):
                    continue
                if g.unless is not None and lawful_context(
                        g.unless, folded[c0:ms] + " | " + folded[me:c1] if (ms < gs or me > ge) else folded[c0:c1]):
                    continue  # (the marker itself, « ne pouvons pas accueillir », is not a context word)
                if is_diversity_statement(folded, gs, ge):
                    continue
                severity = g.only_severity if (kind != "excl" and g.only_severity) else g.severity
                severity, exc = apply_exceptions(ctx, severity, g.exceptions)
                if severity is None:
                    dropped.append((g.rule, exc, ft.name))
                    continue
                hits.append(Hit(g.id, g.rule, g.category, severity, ft.name, min(ms, gs), max(me, ge),
                                params={"kind": kind}, exception=exc, articles=g.articles))
                break  # one finding per group and field
    return hits


# ------------------------------------------------------------------------------------------ conditions
# « Si vous êtes étranger, inutile de postuler », « Ce poste n'est pas pour vous si vous êtes diabétique »: the
# criterion is a condition on the reader, the exclusion is in the other half of the sentence.
_IF_YOU = r"\bsi (?:vous|tu) (?:etes|es|avez|as|portez|portes|habitez|habites|residez|vivez|vis|venez|viens|souffrez|" \
          r"depassez|depasses|n'etes pas|n'avez pas|n'es pas)\s+"
_GO_AWAY = (r"(?:inutile de (?:postuler|candidater|nous contacter|envoyer|nous ecrire|vous presenter)|ne (?:postulez|"
            r"candidatez|postule|candidate) pas|merci de ne pas (?:postuler|candidater|nous contacter)|passez votre chemin|"
            r"passe ton chemin|(?:ce|le|notre) (?:poste|job|emploi|travail) n'est pas (?:fait |adapte |ouvert )?pour "
            r"(?:vous|toi)|abstenez-vous|abstiens-toi|s'abstenir|votre candidature ne sera pas (?:retenue|etudiee|"
            r"consideree)|nous ne (?:pourrons|pouvons) pas (?:retenir|donner suite|vous recruter|vous embaucher)|pas la "
            r"peine de (?:postuler|candidater)|ne perdez pas votre temps)")
_CONDITIONAL = fast(_IF_YOU + r"([^,.;\n]{2,60}?)\s*[,:]\s*(?:alors\s+|merci\s+|desole\s*,?\s*)?" + _GO_AWAY + r"|"
                    + _GO_AWAY + r"\s+" + _IF_YOU + r"([^,.;\n]{2,60})|"
                    r"\bne (?:postulez|candidatez|postule|candidate) qu(?:e |')" + _IF_YOU[2:] + r"([^,.;\n]{2,60})")
_CONDITION_TOKENS = frozenset("si".split())
_GO_AWAY_TOKENS = frozenset("inutile postulez candidatez postule candidate chemin abstenez abstiens abstenir peine "
                            "perdez".split())
_GO_AWAY_PHRASES = ("pas pour vous", "pas pour toi", "pas fait pour", "pas adapte pour", "pas ouvert pour",
                    "ne sera pas retenue", "ne sera pas etudiee", "ne sera pas consideree", "donner suite",
                    "vous recruter", "vous embaucher")
# What the condition is about → category (checked in this order).
_CONDITION_CATEGORIES = (
    ("sexual_orientation_identity", re.compile(r"\b(?:homosexuel\w*|homo|gay|lesbienne|bisexuel\w*|trans\w*|"
                                               r"heterosexuel\w*|lgbt\w*|non-binaire)")),
    ("family", re.compile(r"\b(?:enceinte|enfants?|marie\w*|celibataire|maman|mere|pere|parent|grossesse|famille)")),
    ("health_disability", re.compile(r"\b(?:diabet\w*|malade|maladie|handicap\w*|rqth|epilep\w*|asthm\w*|"
                                     r"traitement|cardiaque|depressi\w*|problemes? de sante|invalide|dos fragile)")),
    ("religion", re.compile(r"\b(?:voile|voilee|foulard|musulman\w*|juif|juive|chretien\w*|catholique|croyant\w*|"
                            r"pratiquant\w*|religi\w*|kippa|barbe religieuse)")),
    ("origin", re.compile(r"\b(?:etranger\w*|francais\w*|nationalite|origine|immigr\w*|ne (?:a|en|hors)|refugie\w*|"
                          r"noir\w*|arabe|maghrebin\w*|africain\w*|asiatique|europeen\w*)")),
    ("opinions", re.compile(r"\b(?:syndiqu\w*|syndicat|militant\w*|greviste|engage\w* politiquement|politique)")),
    ("residence", re.compile(r"\b(?:cite|cites|banlieue|quartier|hlm|zup|loin|hors|au chomage|chomeur|rsa|"
                             r"seine-saint-denis|9[1-5])\b")),
    ("appearance", re.compile(r"\b(?:surpoids|gros|grosse|obese|tatoue\w*|tatouage|piercing|mince|petite? taille|"
                              r"grande? taille|moche|barbu)")),
    ("age", re.compile(r"\b(?:\d{2} ans|plus de \d{2}|moins de \d{2}|senior|retraite\w*|etudiant\w*|jeune|vieux|"
                       r"la (?:trentaine|quarantaine|cinquantaine|soixantaine))")),
    ("sex", re.compile(r"\b(?:un homme|une femme|homme|femme|garcon|fille)\b")),
    ("language", re.compile(r"\baccent")),
)
_CONDITION_RULE = {"age": "R07-AGE", "sex": "R08-SEX", "family": "R09-FAMILY"}


def detect_conditional(ctx: Ctx, dropped: list) -> list[Hit]:
    hits: list[Hit] = []
    if "si" not in ctx.words:
        return hits
    for ft in ctx.free_fields:
        if "si" not in ft.words:
            continue
        if ft.words.isdisjoint(_GO_AWAY_TOKENS) and not any(p in ft.folded for p in _GO_AWAY_PHRASES):
            continue  # no « inutile de postuler », « passez votre chemin », « n'est pas pour vous »…
        for m in finditer_near_words(_CONDITIONAL, ft, _CONDITION_TOKENS, 130, 90):
            what = m.group(1) or m.group(2) or m.group(3) or ""
            category = next((c for c, rx in _CONDITION_CATEGORIES if rx.search(what)), None)
            if category is None or is_diversity_statement(ft.folded, *m.span()):
                continue
            if re.search(r"\b(?:pas|plus|aucun\w*) (?:de |d')?(?:permis|diplome|experience|vehicule|voiture|cv)\b|"
                         r"\b(?:permis|diplome|experience|vehicule|disponib)", what):
                continue  # « si vous n'avez pas le permis, inutile de postuler »: a job requirement, not a person
            exceptions = {"sex": ("EXC-R1142-1",), "appearance": ("EXC-R1142-1",), "origin": ("EXC-EMPLOI-PUBLIC",),
                          "religion": ("EXC-EXIGENCE-ESSENTIELLE",), "opinions": ("EXC-EXIGENCE-ESSENTIELLE",),
                          "age": ("EXC-APPRENTISSAGE", "EXC-AIDES-EMPLOI")}.get(category, ())
            # A health or appearance condition may hide a real constraint of the job (port de charges): a counsellor
            # decides; the other criteria are excluded outright.
            base = "review" if category in ("health_disability", "appearance") else "block"
            severity, exc = apply_exceptions(ctx, base, exceptions)
            rule = _CONDITION_RULE.get(category, "R10-DISCRIM")
            if severity is None:
                dropped.append((rule, exc, ft.name))
                continue
            hits.append(Hit("group.conditional", rule, category, severity, ft.name, m.start(), m.end(),
                            params={"kind": "condition"}, exception=exc))
    return hits


# ------------------------------------------------------------------------------------------ criteria lists
# « Critères : homme, 25-35 ans, permis B », « Profil : mince, grande, souriante »: a list of personal attributes.
_CRITERIA_HEAD = fast(r"\b(?:criteres?(?: de selection| exiges?| requis)?|(?<!description du )(?<!descriptif du )"
                      r"profil(?: recherche| souhaite| ideal| requis)?|"
                      r"conditions?(?: requises?| d'acces)?|exigences?|prerequis|requis)\s*:\s*")
_CRITERIA_ITEM = re.compile(r"[^,;.\n]+")
_CRITERIA_CLASSES = (
    ("sex", "R08-SEX", re.compile(r"^(?:une? )?(?:homme|femme|masculin|feminin|sexe (?:masculin|feminin)|h|f|jf|jh|"
                                  r"jeune (?:homme|femme|fille))s?$")),
    ("age", "R07-AGE", re.compile(r"^(?:(?:entre |de )?\d{2}\s*(?:a|-|/|et)\s*\d{2} ans|(?:moins de |plus de |max(?:imum)? "
                                  r")?\d{2} ans(?: max(?:imum)?| min(?:imum)?| environ)?|jeune|senior|junior de \d{2} ans)$")),
    ("origin", "R10-DISCRIM", re.compile(r"^(?:europeen(?:\(ne\)|ne)?|francais(?:\(e\)|e)? de (?:souche|naissance)|"
                                         r"nationalite francaise|de nationalite \w+|blanc(?:\(he\)|he)?|caucasien\w*|"
                                         r"ne(?:\(e\)|e)? en france|d'origine \w+)$")),
    ("family", "R09-FAMILY", re.compile(r"^(?:celibataire|marie(?:\(e\)|e)?|sans enfants?|pas d'enfants?|sans "
                                        r"attaches?|sans charges? de famille)$")),
    ("appearance", "R10-DISCRIM", re.compile(r"^(?:mince|svelte|grande?|petite?|elancee?|jolie?|belle|beau|sexy|"
                                             r"physique (?:agreable|avenant|attrayant)|belle presentation physique|"
                                             r"taille \d{2}|1\s?m\s?\d{2}(?: minimum)?)$")),
    ("health_disability", "R10-DISCRIM", re.compile(r"^(?:en )?(?:bonne|parfaite|excellente) sante|^pas de handicap$|"
                                                    r"^valide$|^sans handicap$")),
    ("religion", "R10-DISCRIM", re.compile(r"^(?:catholique|musulman\w*|juif|juive|chretien\w*|protestant\w*|"
                                           r"non voilee|pas de voile|(?:non[- ])?croyant\w*(?:\(e\))?|"
                                           r"(?:non[- ])?pratiquant\w*(?:\(e\))?)$")),
    ("residence", "R10-DISCRIM", re.compile(r"^(?:habiter|resider|vivre|etre domicilie\w*|domicile) (?:a|en|sur|dans)?\s*"
                                            r"\S+")),
)
_CRITERIA_TOKENS = frozenset("critere criteres profil condition conditions exigence exigences prerequis requis".split())


def detect_criteria_list(ctx: Ctx, dropped: list) -> list[Hit]:
    hits: list[Hit] = []
    if ctx.words.isdisjoint(_CRITERIA_TOKENS):
        return hits
    for ft in ctx.free_fields:
        if ft.words.isdisjoint(_CRITERIA_TOKENS):
            continue
        folded = ft.folded
        for head in finditer_near_words(_CRITERIA_HEAD, ft, _CRITERIA_TOKENS, 0, 40):
            if folded.endswith(("description du ", "descriptif du "), max(0, head.start() - 16), head.start()):
                continue  # the France Travail section title « Description du profil : », not a list of criteria
            end = folded.find("\n", head.end())
            end = len(folded) if end < 0 else end
            dot = folded.find(". ", head.end(), end)
            end = dot if dot >= 0 else end
            for item in _CRITERIA_ITEM.finditer(folded, head.end(), min(end, head.end() + 200)):
                text = item.group(0).strip()
                for category, rule, rx in _CRITERIA_CLASSES:
                    if not rx.search(text):
                        continue
                    exc_ids = {"sex": ("EXC-R1142-1",), "appearance": ("EXC-R1142-1",),
                               "origin": ("EXC-EMPLOI-PUBLIC",), "age": ("EXC-APPRENTISSAGE", "EXC-AIDES-EMPLOI"),
                               "religion": ("EXC-EXIGENCE-ESSENTIELLE",)}.get(category, ())
                    base = "review" if category in ("residence", "appearance") else "block"
                    severity, exc = apply_exceptions(ctx, base, exc_ids)
                    if severity is None:
                        dropped.append((rule, exc, ft.name))
                        break
                    s = item.start() + (len(item.group(0)) - len(item.group(0).lstrip()))
                    hits.append(Hit("group.criteria", rule, category, severity, ft.name, s, s + len(text),
                                    params={"kind": "criteria"}, exception=exc))
                    break
    return hits

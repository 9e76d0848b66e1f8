"""Lexicon detectors: French patterns for each category, with negation and context handling.

Patterns run on folded text (lower case, no accents: see ``text.fold``). Each pattern says
which rule and category it serves, its severity (explicit criterion → BLOCK, indirect
formula or « proxy » → REVIEW, wording hint → ADVISE), the words that must be present for
it to be worth running, and the contexts that cancel it:

- ``negatable``: a negation just before the match in the same clause cancels it
  (« pas de photo », « sans limite d'âge »), unless the negation is part of the pattern;
- ``diversity``: a sentence that states a non-discrimination policy (« sans distinction
  d'âge, de sexe ou d'origine ») cancels it;
- ``unless`` / ``unless_before`` / ``requires``: pattern-specific context in the clause;
- ``exceptions``: legal exceptions (rules.EXCEPTIONS) whose context, when present in the
  offer, drop the finding or lower its severity.

The French explanations and suggestions live in ``messages.py``, keyed by pattern id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tremplin.services.legality.alternation import compile_skipping
from tremplin.services.legality.context import Ctx
from tremplin.services.legality.findings import Hit
from tremplin.services.legality.rules import EXCEPTIONS, SEVERITY_ORDER
from tremplin.services.legality.text import Fast, clause_bounds, fast, sentence_bounds

NEG_BEFORE = re.compile(
    r"(?:\b(?:pas|sans|aucun|aucune|ni|non|jamais|nullement|independamment|peu importe|n'exige(?:ons)? pas|"
    r"ne (?:demandons|requiert|exigeons|faut) pas)\b|\bquel(?:le)?s? que soi\w*|\bsans distinction)"
    r"[^.;\n]{0,28}$"
)
NEG_AFTER = re.compile(
    r"^[^.;\n]{0,25}?\b(?:non|pas|n'est pas|ne sont pas)\s+(?:obligatoire|exige|requis|necessaire|demande|indispensable"
    r"|imperatif|souhaite)\w*|^[^.;\n]{0,25}?\bfacultati\w*|^[^.;\n]{0,12}?\b(?:n'est|ne sont|ne sera|ne seront) pas\b"
    # « les candidatures féminines ne sont pas traitées »: a denied processing excludes the group, it denies no need
    r"(?! (?:traite|retenu|accepte|etudie|examine|considere|convoque|contacte|admis|recu|rappele|selectionne|presente|"
    r"embauche|recrute|pris en compte|prise en compte|bienvenu)\w*)"
)
# « pas besoin d'être croyant », « inutile d'avoir … »: a need of being or having denied right before the match, even
# where a negation alone would not cancel it (« pas de croyants » excludes, « pas besoin d'être croyant » opens);
# « inutile d'envoyer votre CV » shuts out, hence « être » or « avoir » after the denied need
_DENIED_NEED_OPENING = (r"(?:\b(?:pas|nul|aucun|sans) (?:besoin|obligation) d'|\b(?:pas|plus) (?:oblige|obligee|necessaire|"
                        r"indispensable|obligatoire|requis) d'|\binutile d')")
DENIED_NEED_WORDS = _DENIED_NEED_OPENING + r"(?:etre|avoir)\b"
DENIED_NEED = re.compile(_DENIED_NEED_OPENING + r"(?:(?:etre|avoir)\b(?: \w+){0,2} ?)?$")
# « quel que soit votre âge » is a statement; « quel que soit leur niveau », « quelle que soit l'organisation » (after
# an exclusion) say nothing of the candidates' protected properties
WHATEVER_PROTECTED = (
    r"\bquel(?:le)?s? que soi(?:t|ent)? (?:(?:leur|votre|son|sa|vos|ses|leurs|l'|le|la|les) ?)?(?:\w+ )?(?:age|origine|"
    r"sexe|genre|religion|confession|nationalite|handicap|situation|apparence|physique|orientation|opinion|conviction|"
    r"lieu|domicile|residence|couleur|croyance|identite|appartenance|etat|sante|langue|accent|nom|prenom|famille|"
    r"profil|morphologie|taille|poids|look|culture|sensibilite|quartier|adresse|vie|statut)"
)
DIVERSITY = re.compile(
    r"sans distinction|independamment|" + WHATEVER_PROTECTED + r"|sans considerat|toutes? (?:les )?(?:candidatures|"
    r"personnes|profils)|egalite des chances|diversite|discriminat|ouvert(?:e|es|s)? a (?:tou|tous|toutes)|inclusi|"
    r"engage\w* (?:pour|en faveur|contre|dans)|lutte contre|valoris\w* (?:toutes|la diversite|les differences)|"
    r"\bfriendly\b|egalite professionnelle|handi-?accueillant|aucune discrimination|tous les talents|"
    r"toutes les differences|\bmixite|\baucune limite d'age|\btoutes (?:les )?generations|\bde tous (?:les )?ages|\bque (?:vous ayez|tu aies) \d{2} (?:ou|comme|et) \d{2} ans|\brespect (?:de|des) (?:la|les) (?:personne|difference)|charte de la diversite"
)


@dataclass(frozen=True, slots=True)
class Pat:
    id: str
    rule: str
    category: str
    severity: str
    rx: Fast
    needs: frozenset[str] | None = None
    negatable: bool = True
    diversity: bool = True
    unless: re.Pattern | None = None  # searched in the clause (whole): cancels
    unless_before: re.Pattern | None = None  # searched in the clause before the match: cancels
    unless_after: re.Pattern | None = None  # searched in the clause after the match: cancels
    requires: re.Pattern | None = None  # searched in the sentence: must be present
    exceptions: tuple[str, ...] = ()
    scope: str = "free"  # "free" (recruiter's free text), "title", "all"
    articles: tuple[str, ...] | None = None
    raw: re.Pattern | None = None  # searched in the raw matched text (case/accents): must be present


def P(id: str, rule: str, category: str, severity: str, pattern: str, needs: str | None = None, **kw) -> Pat:
    for key in ("unless", "unless_before", "unless_after", "requires", "raw"):
        if isinstance(kw.get(key), str):
            kw[key] = compile_skipping(kw[key])
    words = None
    if needs:
        # anchors in every inflection: « handicapé » also anchors « handicapées »
        words = frozenset(w + suffix for w in needs.split() for suffix in ("", "s", "e", "es", "x"))
    return Pat(id, rule, category, severity, fast(pattern), words, **kw)


# --------------------------------------------------------------------------------------- sex
_GENDER_PAIR = r"(?:homme|femme)s?\s*(?:ou|et|/|,|-)\s*(?:une? |des )?(?:homme|femme)"
_SEX = [
    P("sex.explicit_person", "R08-SEX", "sex", "block",
      # the person sought, wanted or required (« Le client exige un chauffeur homme »)
      r"\b(?:recherch|recrut|embauch|cherch|souhait|exig|voulons|voudrions|veut|veulent|prefer|privilegi)\w*[^\S\n]+(?:(?:un|une|d'un|d'une|des|de|notre|nouvel|nouvelle)"
      r"[^\S\n]+)?(?:(?!homme|femme|fille|garcon|dame)[a-z'-]+[^\S\n]+)?(?:jeunes?\s+)?(?:homme|femme|fille|garcon|dame|monsieur|"
      r"madame|demoiselle|gars|mec|nana)s?\b"
      r"(?!\s*(?:ou|et|/|,|-)\s*(?:une? |des )?(?:homme|femme|garcon|fille)|\s+(?:de menage|de chambre|d'entretien|"
      r"de compagnie|de service|de ménage|au foyer|d'affaires|de terrain|de metier|de l'art|politique))",
      "homme hommes femme femmes fille filles garcon garcons dame dames monsieur madame demoiselle gars mec mecs "
      "nana nanas", exceptions=("EXC-R1142-1",), articles=("L1142-1", "L1146-1", "L5321-2")),
    P("sex.explicit_quality", "R08-SEX", "sex", "block",
      r"(?<!ou )(?<!et )(?<!/)(?<!sage-)(?<!sage )(?<!sages-)(?<!et des )(?<!ou des )(?<!et une )(?<!ou une )(?<!et un )"
      r"(?<!ou un )\b(?:homme|femme)s?\s+(?:fort|forte|forts|fortes|robuste|costaud|serieu\w*|dynamique|"
      r"motive\w*|souriant\w*|de confiance|energique|capable|disponible|sporti\w*|polyvalent\w*|solide|vigoureu\w*|"
      r"resistant\w*|muscle\w*|baraque\w*|pour (?:le |la |les )?(?:dechargement|chargement|livraison|demenagement)|"
      r"pour (?:la|le|l'|les) (?:manutention|port|entretien|menage|accueil|service|vente|cuisine|chantier|"
      r"nettoyage|travaux))\b",
      "homme hommes femme femmes", exceptions=("EXC-R1142-1",), articles=("L1142-1", "L1146-1", "L5321-2")),
    P("sex.explicit_only", "R08-SEX", "sex", "block",
      r"\b(?:uniquement|exclusivement|seulement|reserve\w*|destine\w*|ouvert\w* uniquement|que des|rien que des|"
      r"100 ?% (?:entre )?)\s*"
      r"(?:a |aux |a des |a un |a une |pour |pour des |pour un |pour une |des )?"
      r"(?:hommes?|femmes?|filles?|garcons?|personnes? de sexe (?:masculin|feminin)|candidates\b)"
      r"(?!\s*(?:ou|et|comme|/)\s*(?:aux? |des )?(?:hommes?|femmes?))",
      "homme hommes femme femmes fille filles garcon garcons candidates masculin feminin",
      negatable=False, exceptions=("EXC-R1142-1",), articles=("L1142-1", "L1146-1", "L5321-2")),
    # « seules les candidatures de femmes seront retenues », « seuls des hommes » : the only sex admitted
    P("sex.only_admitted", "R08-SEX", "sex", "block",
      r"\bseul(?:e|s|es)\s+(?:les |des )?(?:candidatures?\s+(?:de |d')|profils?\s+|personnes?\s+)?"
      r"(?:hommes?|femmes?|filles?|garcons?)\b(?!\s*(?:ou|et|/)\s*(?:les |des )?(?:hommes?|femmes?))",
      "seul seule seuls seules", negatable=False, exceptions=("EXC-R1142-1",),
      articles=("L1142-1", "L1146-1", "L5321-2")),
    # « Chauffeur-livreur (homme) », « Commis (garçon) » : the sex written in brackets after the job
    P("sex.bracketed", "R08-SEX", "sex", "block",
      r"(?<=[a-z] )\(\s*(?:homme|femme|garcon|fille|masculin|feminin)e?s?\s*\)|(?<=[a-z])\(\s*(?:homme|femme|garcon|"
      r"fille)s?\s*\)",
      "homme hommes femme femmes garcon garcons fille filles masculin feminin", negatable=False,
      # the customers' side of a shop or a room (« rayon prêt-à-porter (femme) », « vestiaires (hommes) »)
      unless=r"(?:pret-a-porter|vetement|habillement|textile|mode\b|rayon|univers|collection|lingerie|chaussure|"
      r"coiff|barbier|parfum|cosmeti|vestiaire|toilette|sanitaire|douche|dortoir|chambre|taille|sport\w* (?:homme|femme)|"
      r"equipe (?:premiere|senior|reserve)|categorie|club|tournoi|"
      # the public served (« actions éducatives auprès d'adultes (hommes) »)
      r"aupres|accompagn|public|usager|resident|patient|beneficiaire|accueilli|heberge|detenu|adultes|mineurs)",
      exceptions=("EXC-R1142-1",), articles=("L1142-1", "L1146-1", "L5321-2")),
    P("sex.explicit_only_after", "R08-SEX", "sex", "block",
      r"\b(?:hommes|femmes)\s+(?:uniquement|exclusivement|seulement|exige\w*|de preference|souhaite\w*)\b|"
      # « Candidate uniquement » (not « candidate uniquement par mail », the verb)
      r"\bcandidates?\s+(?:uniquement|exclusivement|seulement)\b(?!\s*(?:par|via|sur|en|depuis|a partir|au|a l'))",
      "hommes femmes candidate candidates", exceptions=("EXC-R1142-1",), articles=("L1142-1", "L1146-1", "L5321-2")),
    P("sex.explicit_gender", "R08-SEX", "sex", "block",
      # « Expérience en chantier, sexe masculin »: the sex as an item of a list of requirements
      r"\bde sexe (?:masculin|feminin)\b|(?:^|(?<=[,;\n•*-]))\s*sexe\s*:?\s*(?:masculin|feminin)e?s?\b(?!\s*(?:ou|et|/|,|-|et/ou|ou bien)\s*(?:masculin|feminin))|\b(?:profil|candidat\w*|personnel|personne|presence|recrue|collaborat\w*)"
      r"\s+(?:exclusivement |uniquement |plutot |de preference )?(?:masculin|feminin)e?s?\b|"
      r"\b(?:recherch|recrut|embauch|cherch|souhait)\w*\s+(?:[a-z']+\s+){0,3}?(?:collegue|equipier|equipiere|"
      r"employee?|salariee?|intervenant\w*|renfort)s?\s+(?:masculin|feminin)e?s?\b|"
      r"\b(?:poste|emploi|job|metier|travail|offre|recrutement|embauche)s?\s+(?:exclusivement|uniquement|strictement|reserve\w* (?:au sexe|"
      r"aux?|a la gent))\s+(?:masculin|feminin)e?s?\b",
      "sexe masculin feminin masculine feminine", exceptions=("EXC-R1142-1",),
      unless=r"(?:encourag|bienvenu|egalement|aussi|favoris|feminis|mixite|parite|toutes les candidatures|en particulier)",
      articles=("L1142-1", "L1146-1", "L5321-2")),
    P("sex.explicit_gender", "R08-SEX", "sex", "block",
      r"\b(?:de preference|plutot|idealement|uniquement|exclusivement|obligatoirement|necessairement)\s*,?\s*"
      r"(?:masculin|feminin)e?s?\b(?!\s*(?:ou|et|/)\s*(?:masculin|feminin))|"
      r"\bvoix (?:feminine|masculine)\s+(?:\w+\s+)?(?:exige\w*|obligatoire|imperati\w*|requise?|souhaite\w*|uniquement|"
      r"de preference|indispensable)|"
      r"\b(?:recrue|personne recrutee|candidate? retenue?|titulaire du poste|nouvel(?:le)? (?:arrivant|collaborat)\w*)\s+"
      r"sera\s+(?:donc |forcement |obligatoirement |necessairement )?(?:une femme|un homme)\b",
      "masculin feminin masculine feminine voix sera", exceptions=("EXC-R1142-1",),
      unless=r"(?:clientele|public|rayon|collection|vetement|mode\b|pret-a-porter|lingerie|equipe (?:de|premiere)|club|"
      r"championnat|categorie|chorale|choeur|doublage|personnage|role\b)",
      articles=("L1142-1", "L1146-1", "L5321-2")),
    P("sex.profile_sex", "R08-SEX", "sex", "block",
      r"\b(?:profil|candidat\w*|personne|sexe|genre)\s*(?:recherche\w*|souhaite\w*|ideal|attendu|requis|voulu)?\s*"
      r":\s*(?:[-•*]\s*)?(?:une? |des )?(?:jeunes? )?(?:homme|femme|masculin|feminin|fille|garcon|monsieur|madame)(?:e|s|es)?\b"
      r"(?!\s*(?:ou|et|/|,|-|et/ou|ou bien)\s*(?:une? )?(?:homme|femme|masculin|feminin))",
      "homme hommes femme femmes masculin feminin masculine feminine fille garcon monsieur madame",
      exceptions=("EXC-R1142-1",), articles=("L1142-1", "L1146-1", "L5321-2")),
    P("sex.abbreviation", "R08-SEX", "sex", "block",
      r"\b(?:recherch|cherch|recrut|embauch)\w*\s+(?:un |une |des )?(?:jf|jh)\b|\b(?:jf|jh)\s+(?:serieu\w*|motive\w*|"
      r"dynamique|\d{2}|pour|de confiance|souriant\w*|disponible)|\b(?:poste|sexe|profil|genre|candidat\w*)\s*:\s*"
      r"(?:h|f)\s+(?:uniquement|exclusivement|seulement)\b",
      "jf jh poste sexe profil genre", exceptions=("EXC-R1142-1",), articles=("L1142-1", "L5321-2")),
    P("sex.feminine_candidate", "R08-SEX", "sex", "review",
      r"\b(?:recherch|recrut|souhait)\w*\s+(?:une|des|notre|la|nouvelle)\s+(?:future\s+)?candidates?\b"
      r"(?!\s*(?:ou|/|et)\s*(?:un |des )?candidats?)",
      "candidate candidates", exceptions=("EXC-R1142-1",), articles=("L1142-1", "L5321-2")),
    # « poste pour un homme », « un travail pour une femme »: the job itself given a sex
    P("sex.explicit_person", "R08-SEX", "sex", "block",
      r"\b(?:poste|emploi|travail|job|mission|place)\s+(?:(?:reserve|destine|ideal|fait|prevu|concu)\w*\s+)?(?:pour|a) "
      r"(?:un|une) (?:homme|femme|monsieur|dame|fille|garcon)\b(?!\s*(?:ou|et|/)\s|\s*,\s*(?:une? )?(?:homme|femme|dame|"
      r"monsieur|fille|garcon))",
      "homme femme monsieur dame fille garcon", exceptions=("EXC-R1142-1",), articles=("L1142-1", "L1146-1", "L5321-2")),
    # « poste féminin », « le marin devra être un homme », « le quota est de trois femmes »: the job or the
    # person hired given a sex
    P("sex.explicit_gender", "R08-SEX", "sex", "block",
      r"\b(?:poste|emploi|job)s? (?:exclusivement |uniquement |strictement )?(?:masculin|feminin)s?\b"
      r"(?!\s*(?:ou|et|/)\s*(?:masculin|feminin))|"
      r"\b(?:devra|doit|doivent|devront|devrait) (?:imperativement |obligatoirement |absolument |forcement |donc )?"
      r"etre (?:un homme|une femme|des hommes|des femmes|de sexe (?:masculin|feminin))\b(?!\s*(?:ou|et|/)\s)|"
      r"\bquotas? (?:est |sera )?(?:de |d')?(?:\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix) "
      r"(?:femmes|hommes|candidates|filles|garcons)\b",
      "masculin feminin masculins feminins homme femme hommes femmes quota quotas", exceptions=("EXC-R1142-1",),
      unless=r"(?:encourag|bienvenu|egalement|aussi|feminis|mixite|parite|egalite|traditionnellement|historiquement)",
      articles=("L1142-1", "L1146-1", "L5321-2")),
    P("sex.explicit_gender", "R08-SEX", "sex", "block", r"\bsexe\s*=\s*(?:f|h|m|homme|femme|masculin|feminin)\b",
      "sexe", exceptions=("EXC-R1142-1",), articles=("L1142-1", "L1146-1", "L5321-2")),
    # « un employé de genre masculin »: the sex named as a gender
    P("sex.explicit_gender", "R08-SEX", "sex", "block",
      r"\bde genre (?:masculin|feminin)\b(?!\s*(?:ou|et|/|,)\s*(?:de genre )?(?:masculin|feminin))",
      "masculin feminin", exceptions=("EXC-R1142-1",),
      unless=r"(?:grammati|\bnoms?\b|\bmots?\b|accord|encourag|bienvenu|egalement|aussi|mixite|parite)", articles=("L1142-1", "L1146-1", "L5321-2")),
]

# --------------------------------------------------------------------------------------- family
_FAMILY = [
    # « En cas de grossesse, le contrat sera rompu »: pregnancy as a reason to end the contract
    P("family.pregnancy", "R09-FAMILY", "family", "block",
      r"\ben cas de (?:grossesse|maternite)\b[^.;\n]{0,60}?\b(?:rompu|rupture|fin (?:du|de) contrat|mis fin|termine|"
      r"licenci\w*|arrete|non renouvel\w*)",
      "grossesse maternite", negatable=False, articles=("L1142-1", "L1132-1")),
    P("family.single", "R09-FAMILY", "family", "block", r"\bcelibataires?\b", "celibataire celibataires",
      # « célibataire ou en couple : cela ne nous regarde pas »: the choices listed, none preferred
      unless=r"celibataires?,? ou (?:en couple|marie|pacse)|(?:en couple|marie\w*|pacse\w*),? ou celibataire",
      unless_before=r"(?:logement|chambre|studio|hebergement|loge)\w*[^.;\n]{0,20}$",
      articles=("L1142-1", "L1132-1", "L5321-2")),
    P("family.no_children", "R09-FAMILY", "family", "block",
      # « pas d'enfants », « ne devra pas avoir d'enfants à garder », « pas de gosses »
      r"\b(?:sans|pas d'|pas de|aucun|n'avez pas d'|n'ayant pas d'|(?:ne )?pas avoir d'|n'avoir pas d'|"
      r"n'(?:ayez|ait|aient) pas d')\s*(?:\w+\s+)?(?:enfants?|gosses?|momes?|gamin(?:e|s|es)?|marmots?|bambins?|"
      r"mioches?)\b(?!\s*(?:de|du|des|d')\s(?!preference))",
      "enfant enfants gosse mome gamin gamine marmot bambin mioche", negatable=False,
      unless_before=r"\bavec ou\s*$",
      articles=("L1142-1", "L1132-1", "L5321-2")),
    P("family.no_obligations", "R09-FAMILY", "family", "block",
      # « sans obligations envers des enfants », « une personne sans famille »
      r"\b(?:sans|pas|pas d'|pas de|aucune?|n'a pas|n'ayant pas|n'avez pas|n'ait pas)\s*(?:d')?(?:obligations?|contraintes?|"
      r"charges?|responsabilites?) (?:envers|vis-a-vis|liees? a|aupres) (?:des |de ses |de vos |de leurs |ses |vos |leurs |d'|de )?"
      r"(?:jeunes )?(?:enfants?|famille)\b|\b(?:personnes?|candidat\w*|profils?|quelqu'un|salarie\w*)\s+sans famille\b|"
      r"\blibre de (?:toute |toutes |tout )?(?:obligations?|contraintes?|attaches?|charges?|engagements?)"
      r"(?: de famille| familiale?s?)\b|\b(?:sans|pas de|aucune?) (?:attaches?|charges?|obligations?|contraintes?) "
      r"familiale?s?\b|\b(?:sans|pas de|aucune?|n'ait pas de|n'ayez pas de|(?:ne )?pas avoir de|n'avoir pas de) (?:famille|personnes?) a charge\b",
      "libre familiale familiales famille attache attaches obligation obligations contrainte contraintes enfant enfants",
      negatable=False,
      articles=("L1142-1", "L1132-1", "L5321-2")),
    P("family.situation", "R09-FAMILY", "family", "review",
      r"\b(?:situation|statut|etat) (?:familiale?|de famille|matrimoniale?|marital)\b",
      "situation statut etat", unless_before=r"(?:quel(?:le)?s? que soi\w*|independamment|sans distinction|"
      r"sans considerat\w*)[^.;\n]{0,40}$", articles=("L1142-1", "L1132-1", "L1221-6")),
    P("family.pregnancy", "R09-FAMILY", "family", "block",
      r"\b(?:(?:pas|aucune?|sans|non|ni)\s+(?:de\s+|en\s+)?(?:projet de\s+)?(?:grossesse|enceinte)s?|"
      r"projet de (?:grossesse|maternite|bebe)|grossesse (?:en cours|prevue|a venir|envisagee)|test de grossesse|"
      r"(?:etre|etes|n'etes pas|ne pas etre) enceinte)\b",
      "grossesse enceinte enceintes maternite bebe", negatable=False,
      unless_before=r"(?:femmes?|patientes?|accompagn\w*|suivi\w*|soins?|consultations?)[^.;\n]{0,25}$",
      articles=("L1225-1", "L1225-2", "L1132-1", "L1142-1")),
    P("family.married", "R09-FAMILY", "family", "block",
      r"\bmarie(?:e|es|s)?\b", "marie mariee mariees maries", negatable=False,
      raw=r"[Mm]ari[éÉ]", requires=r"(?:de preference|uniquement|exige|souhaite|obligatoire|requis|seulement|idealement|"
      r"plutot|privilegi|ideal|"
      r"personnes? mariee?s?|etre marie|couple marie|vous etes marie|celibataire|pas marie)",
      articles=("L1142-1", "L1132-1", "L5321-2")),
    P("family.request", "R09-FAMILY", "family", "review",
      r"\b(?:preciser|precisez|indiquer|indiquez|mentionner|mentionnez|communiquer|communiquez|declarer|signaler|"
      r"nous dire|(?:indique|precise|mentionne|signale|dis)(?:-nous|-moi)?(?= (?:\w+ ){0,4}?si tu\b))\s+(?:\w+\s+){0,4}?(?:si vous (?:avez des enfants|etes (?:marie|enceinte|en couple|celibataire))|"
      r"si tu (?:as des enfants|es (?:marie|enceinte|en couple|celibataire))|"
      r"(?:le )?nombre (?:d'enfants|de personnes a charge)|(?:vos |votre |les )?enfants? a charge|(?:votre )?situation "
      r"(?:familiale|de famille|matrimoniale)|(?:un )?projet de (?:grossesse|maternite|bebe))",
      "preciser precisez indiquer indiquez mentionner mentionnez communiquer communiquez declarer signaler dire indique "
      "precise mentionne signale dis",
      unless=r"(?:mutuelle|prevoyance|a l'embauche|pour (?:la|le) (?:mutuelle|contrat|paie)|fiche de renseignement)",
      articles=("L1221-6", "L1132-1", "L1225-1")),
    P("family.couple", "R09-FAMILY", "family", "review",
      r"\b(?:recherch\w*|recrut\w*|pour)\s+(?:un |une |des )?couples?\b(?!\s+(?:de serrage|moteur|maxi\w*|nominal))|"
      r"\bcouples?\s+(?:de (?:gardiens?|concierges?|gerants?|intendants?|regisseurs?|cuisiniers?)|pour (?:la|le|l') "
      r"(?:gestion|gardiennage|entretien|accueil))|\bcouple\s+recherche\b",
      "couple couples", articles=("L1142-1", "L1132-1")),
    P("family.parent", "R09-FAMILY", "family", "review",
      r"\b(?:mere|pere|maman|papa)s? de famille\b|\b(?:ideal|parfait|convient|adapte)\w* (?:pour|a|aux) (?:une |des )?"
      r"(?:mamans?|mere|meres|parents?|jeunes? parents?)\b",
      "famille maman mamans papa parents parent mere meres", articles=("L1142-1", "L1132-1"),
      # a role to play (« une actrice pour le rôle d'une mère de famille »), not the person hired
      unless=r"\brole\b|\bpersonnage|\bcasting|\bcourt-metrage|\bfilm\b|\bcomedien\w*|\bactrice"),
]

# --------------------------------------------------------------------------------------- origin
# A mother tongue required (« native speaker », « langue maternelle », « dont le français est la première langue »):
# a language as a person, not a skill. It falls under two criteria of L1132-1, origin and language, and is reported
# under both (heldout4 to heldout8 label it so; tune, held-out and heldout2 label it origin only).
_NATIVE_SPEAKER = (
    r"\bnative (?:english |french |german |spanish |italian )?speakers?\b|\blangue maternelle\b|"
    r"\blocut(?:eur|rice)s?\s+(?:natif|native|de naissance)s?\b|"
    r"\b(?:anglais|francais|allemand|espagnol|italien|arabe|chinois|portugais|neerlandais)\s+(?:langue maternelle|"
    r"natif|native)\b|\bbilingue de naissance\b|"
    r"\b(?:franco|anglo|hispano|germano|luso|arabo|italo|russo|sino|neerlando)phones?\s+(?:natif|native|de naissance)"
    r"(?:\((?:ve|e)\))?s?\b|\bnati(?:f|ve|fs|ves)\s+(?:franco|anglo|hispano|germano|luso|arabo|italo|russo|sino|"
    r"neerlando)phones?\b|"
    # « première langue » said of a person's language, not of a school subject (« anglais en première langue »,
    # « première langue vivante ») nor of the working language (« première langue de travail »)
    r"\b(?<!en )(?<!comme )(?:premiere langue|langue premiere)\b(?! (?:vivante|etrangere|de travail|parlee|utilisee))"
)
_SPOKEN_FROM_BIRTH = (
    # a language spoken from birth (« maîtrise du français de naissance », « parlé depuis le berceau », « avoir grandi
    # en parlant anglais »): the mother tongue put another way
    r"\b(?:maitrise\w* (?:du |de l')|parl\w* (?:le |l')?|niveau (?:de |d')?)(?:francais|anglais|allemand|espagnol|"
    r"italien|arabe|portugais|chinois|neerlandais) (?:de naissance|depuis (?:le berceau|la naissance|l'enfance))\b|"
    r"\bgrandi\w* en parlant (?:le |l')?(?:francais|anglais|allemand|espagnol|italien|arabe|portugais|chinois)\b|"
    r"\b(?:parl\w*|francais|anglais|allemand|espagnol|italien|arabe|portugais|chinois) depuis le berceau\b"
)
_NATIVE_SPEAKER_NEEDS = ("native speaker speakers maternelle natif natifs bilingue locuteur locutrice locuteurs premiere "
                         "francophone anglophone hispanophone germanophone lusophone arabophone italophone russophone "
                         "sinophone neerlandophone")
_NATIVE_SPEAKER_NEEDS_LANGUAGE = (_NATIVE_SPEAKER_NEEDS + " naissance berceau grandi muttersprache muttersprachler materna "
                                  "madrelingua madre moedertaal tongue")
_NATIVE_SPEAKER_UNLESS = r"(?:ou (?:equivalent|niveau)|niveau (?:c1|c2|bilingue)|ou bilingue|ou courant)"

_ORIGIN = [
    P("origin.nationality_required", "R10-DISCRIM", "origin", "block",
      r"\b(?:de |d'une? )?nationalite\s*:?\s*(?:francaise|europeenne|etrangere|[a-z]{4,}(?:e|ne|aise|ienne))\b",
      "nationalite", requires=r"(?:exige|obligatoire|uniquement|requis|seulement|imperati|de preference|souhaite|"
      r"\betre de\b|\bpossed|\bavoir la\b|\bvous etes de\b|\bde nationalite\b|titulaire)",
      unless=r"(?:autorisation de travail|titre de sejour|permis de travail|\bou ressortissant|\bressortissant|"
      r"toutes nationalites|preciser|indiquer|mentionner)", exceptions=("EXC-EMPLOI-PUBLIC",),
      articles=("L1132-1", "L5321-2")),
    P("origin.explicit", "R10-DISCRIM", "origin", "block",
      r"\b(?:d'|de |d'une? )?origines? (?:francaise|europeenne|etrangere|maghrebine|africaine|asiatique|arabe|"
      r"nord-africaine|antillaise|occidentale|caucasienne|bretonne|[a-z]+ienne|[a-z]+aise)\b",
      "origine origines", requires=r"(?:candidat|personne|profil|s'abstenir|uniquement|exclusivement|de preference|"
      r"souhait|exige|pas de|vous etes|etre d'|requis|\bissu|ideal|obligatoire|\bdes\b personnes)",
      unless=r"(?:produit|appellation|controlee|garantie|viande|lait|fromage|\bvin|origine des|pays d'origine|"
      r"origine geographique|\baop\b|\baoc\b|\bigp\b|label|matiere|ingredient|fabrication|tracabilite|"
      r"provenance|ressources|race bovine|animal)", articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    P("origin.native", "R10-DISCRIM", "origin", "block",
      r"\b(?:natif|native|natifs|natives)\s+(?:europeen\w*|francais\w*|d'europe|de france|du pays|allemand\w*|"
      r"anglais\w*|espagnol\w*|italien\w*|american\w*|britanni\w*|portugais\w*)\b|"
      r"\bfrancais(?:\(e\)|\(es\)|e|es)?s? de souche\b|"
      r"\bde souche (?:francaise|europeenne)\b|\bfrancais(?:e|es)? de (?:naissance|pure souche)\b|"
      r"\bfrancais\w* pure? souche\b|\bpure? souche (?:francaise|europeenne)\b|"
      r"(?<!de )\bsouche (?:francaise|europeenne|gauloise|bretonne|alsacienne|corse)\s+(?:\w+\s+)?(?:souhaite\w*|exige\w*|"
      r"requis\w*|obligatoire|uniquement|de preference|privilegie\w*|recherche\w*|imperati\w*)|"
      r"\bnati(?:f|ve|fs|ves)(?:\(ve\)|\(e\)|\(ive\))?s?\s+(?:de la region|du coin|du pays|de la ville|du departement|"
      r"d'ici|de la commune|du village|de l'ile)\b|\boriginaires? (?:de la region|du coin|du pays|de la ville|du "
      r"departement|de la commune|du village|de l'ile)\s+(?:\w+\s+)?(?:exige|obligatoire|uniquement|de preference|"
      r"souhaite|imperati|requis|privilegi)\w*",
      "natif native natifs natives souche naissance originaire originaires", articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    P("origin.native_speaker", "R10-DISCRIM", "origin", "review", _NATIVE_SPEAKER, _NATIVE_SPEAKER_NEEDS,
      unless=_NATIVE_SPEAKER_UNLESS, articles=("L1132-1", "L5321-2")),
    P("origin.ethnic_type", "R10-DISCRIM", "origin", "block",
      r"\b(?:type|physique|profil|personne|candidat\w*|allure|look)s?\s+(?:de type\s+)?(?:europeen\w*|caucasien\w*|"
      r"africain\w*|asiatique\w*|maghrebin\w*|mediterraneen\w*|nordique\w*|occidental\w*|latin\w*|metisse?\w*|"
      r"black|blanc\w*|beur\w*|rebeu\w*)\b",
      "europeen europeenne europeens europeennes caucasien caucasienne africain africaine africains asiatique "
      "asiatiques maghrebin maghrebine maghrebins mediterraneen mediterraneenne nordique nordiques occidental "
      "occidentale latin latine latino metis metisse black blanc blanche blancs blanches beur beurs rebeu",
      exceptions=("EXC-R1142-1",), articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    P("origin.untyped", "R10-DISCRIM", "origin", "block",
      r"\bnon[- ]type(?:e|es|s)?\b|\bpersonnes? typee?s?\b", "typee typees type types", negatable=False,
      exceptions=("EXC-R1142-1",), articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    P("origin.skin", "R10-DISCRIM", "origin", "block",
      r"\b(?:peau|teint) (?:blanche?|claire?|noire?|mate|fonce\w*|pale|blanc)\b|\bcouleur de (?:la )?peau\b|"
      r"\b(?:personnes?|candidat\w*(?:\(e\))?|profils?|gens|personnel|employe\w*|individus?|agents?|hote\w*|"
      r"vendeu\w*|serveu\w*|collaborat\w*) de couleur(?: (?:blanche?s?|noire?s?|blancs?|noirs?))?\b",
      "peau teint couleur", exceptions=("EXC-R1142-1",), articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    # « pas de personnes de couleur »: the exclusion is the point, the negation does not cancel it
    P("origin.skin", "R10-DISCRIM", "origin", "block",
      r"\b(?:pas de|pas d'|aucune?|sans|ni)\s*(?:personnes?|candidat\w*|gens|profils?|employe\w*|individus?|agents?)\s+de "
      r"couleur\b", "couleur", negatable=False, exceptions=("EXC-R1142-1",), articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    # « né en Bretagne de parents bretons »: the birthplace and the parents' origin as the criterion
    P("origin.native", "R10-DISCRIM", "origin", "block",
      r"\bne(?:e|s|es|\(e\))? (?:en|a|au|aux|dans) [^.;,\n]{2,30}? de parents\b|\bde parents (?:francais|europeens|"
      r"[a-z]+ais|[a-z]+iens)\b(?=[^.;\n]{0,30}(?:exige|souhait|obligatoire|uniquement|seulement|de preference|requis))",
      "parents", articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    # « même titulaire d'un titre de séjour, une personne non européenne ne sera pas retenue »: nationality itself
    P("origin.exclusion", "R10-DISCRIM", "origin", "block",
      r"\bmeme (?:avec (?:un |une |le |la )?|titulaires? (?:d'un |du )|muni\w* d'un |en possession d'un )(?:titre|carte) de sejour\b",
      "sejour", negatable=False,
      requires=r"(?:non[- ]?europeen|extra[- ]?europeen|hors (?:de l')?(?:ue|union|europe)|etrangers?|nationalite)",
      articles=("L1132-1", "L5321-2")),
    P("origin.race", "R10-DISCRIM", "origin", "block",
      r"\b(?:race|ethnie|origine ethnique|appartenance ethnique)\b|\bbbr\b", "race ethnie ethnique bbr",
      unless=r"(?:race (?:bovine|ovine|canine|feline|de chien|de chat|animale)|races (?:bovines|ovines|animales)|"
      r"chevaux|bovins|troupeau|elevage|\bchien)", articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    P("origin.surname", "R10-DISCRIM", "origin", "block",
      r"\b(?:pre)?noms? (?:de famille )?(?:a consonance|d'origine|francais|a connotation)\b|\bpatronyme (?:francais|europeen)\b|"
      r"\b(?:nom|patronyme)s? (?:de famille )?(?:bien |tres )?(?:de chez nous|d'ici|du terroir|bien francais|de la region)\b|"
      # « du personnel “bien de chez nous” »: the people wanted as natives of the place
      r"\b(?:personnel|personnes?|gens|profils?|candidat\w*|quelqu'un|employe\w*|salarie\w*)\s*(?:«\s*|\"\s*)?bien de chez nous\b",
      "nom noms prenom prenoms patronyme chez", articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    # The person sought carries a nationality (« recrutons des peintres polonais », « cherche garde d'enfants
    # philippine »): the job is offered to a nation, not to a skill. Names of languages used for a skill
    # (« traducteur anglais ») and the cooking or goods of a country are left out.
    P("origin.sought_nationality", "R10-DISCRIM", "origin", "block",
      r"\b(?:recrut|recherch|cherch|embauch|engag|souhait|voul|veu)\w*\s+(?:des |un |une |d'une? |nos |notre |sa |son )?(?:nouvel\w* )?"
      r"(?:[a-z'-]+\s+){1,3}?(?:polonais|portugais|roumain|philippin|marocain|algerien|tunisien|turc|turque|senegalais|"
      r"malien|ivoirien|camerounais|congolais|vietnamien|indien|pakistanais|sri-lankais|ukrainien|bulgare|serbe|"
      r"albanais|moldave|bresilien|malgache|comorien|haitien|cap-verdien|chinoise?)(?:\(e\)|\(ne\)|ne|e|es|nes|s)?"
      r"(?:\s*\([hf/ ]+\))?(?=[\s,.;:!)]|$)",
      "polonais polonaise roumain roumaine philippin philippine marocain marocaine algerien algerienne tunisien "
      "tunisienne turc turque senegalais senegalaise malien malienne ivoirien ivoirienne camerounais congolais "
      "vietnamien vietnamienne indien indienne pakistanais ukrainien ukrainienne bulgare serbe albanais albanaise "
      "moldave bresilien bresilienne malgache comorien haitien portugais portugaise chinois chinoise",
      unless=r"(?:cuisin|restaurant|traiteur|specialit|gastronom|epicerie|produits?|marche\b|client|export|import|"
      r"filiale|fournisseur|partenaire|societe|entreprise|groupe|traduct|traducteur|interpr|professeur|enseign|"
      r"formateur|cours\b|langue|parlant|parler|bilingue|maitris|courant|ambassade|consulat|dossiers?)",
      articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    P("origin.foreigners", "R10-DISCRIM", "origin", "block",
      r"\b(?:pas d'|pas de|sans|aucun|non)\s*etrangers?\b|\betrangers?\s+(?:s'abstenir|exclus?|non acceptes?|refuses?)"
      r"|\b(?:origine|nationalite) etrangere\s+(?:s'abstenir|exclue?|non acceptee?|refusee?)",
      "etranger etrangers etrangere", negatable=False, unless_before=r"\baccents?\s*$",
      articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    P("origin.exclusion", "R10-DISCRIM", "origin", "block",
      r"\b(?:personnes?|candidat\w*|profils?)\s+(?:d'origine|de nationalite)\s+\w+\s+(?:s'abstenir|exclu\w*|"
      r"non accept\w*|refuse\w*|pas les bienvenu\w*)|\bpas de (?:candidat\w* |personnes? )?(?:d'origine|de nationalite)"
      r"\s+\w+",
      "origine nationalite", negatable=False, articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    # « éducateur sportif, de préférence blanc »: a colour of skin as the preference, not a garment's
    P("origin.colour_pref", "R10-DISCRIM", "origin", "block",
      r"\b(?:de preference|uniquement|exclusivement|plutot|idealement)\s*,?\s*(?:blanc|blanche|noir|noire|black|beur|rebeu|"
      r"caucasien|caucasienne|metisse?)s?\b(?!\s+(?:ou|et)\b)",
      "blanc blanche noir noire black beur rebeu caucasien caucasienne metis metisse",
      unless=r"(?:tenue|pantalon|chemise|vetement|chaussure|couleur|t-shirt|tee-shirt|polo|tablier|veste|uniforme|"
      r"fond|papier|vin|chocolat|carte|tableau|encre|stylo|cheveux|jean|robe|jupe|chaussettes|gants|casquette)",
      exceptions=("EXC-R1142-1",), articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    # a profile named by its colour or as « typé » (« on recherche des profils blacks », « évitons les profils typés »)
    P("origin.typed_profile", "R10-DISCRIM", "origin", "block",
      r"\b(?:profils?|personnes?|candidat\w*|physiques?|apparences?)\s+(?:non\s+|pas\s+)?(?:types?|typees?|blacks?|beurs?|"
      r"rebeus?|caucasien\w*|europeen\w* de type|basanes?)\b",
      "type types typee typees black blacks beur beurs rebeu rebeus caucasien caucasienne basane basanes",
      unless=r"(?:types? de (?:poste|contrat|mission|profil)|tout type|profil type|type (?:cdi|cdd))",
      exceptions=("EXC-R1142-1",), articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    # « Vous venez d'où ? Vos parents sont de quel pays ? »: the origin asked
    P("origin.asked", "R10-DISCRIM", "origin", "review",
      r"\b(?:vous venez|tu viens|venez-vous|viens-tu) d'ou\s*\?|\bde quel pays (?:venez-vous|viens-tu|etes-vous|es-tu|"
      r"sont (?:vos|tes) parents)|\b(?:vos|tes) parents (?:sont|viennent) (?:de|d') ?quel pays|"
      r"\b(?:quel(?:le)? est|indiquez|precisez) (?:votre|ton|ta) (?:origine|pays d'origine|pays de naissance)\b",
      "venez viens pays origine", negatable=False, articles=("L1132-1", "L1221-6", "L5321-2")),
    # « quelqu'un de la même communauté » next to a team named by its origin
    P("origin.same_community", "R10-DISCRIM", "origin", "block",
      r"\b(?:quelqu'un|personnes?|profils?|candidat\w*|collegues?|recrues?)\s+(?:de la|du|issu\w* de la|de) meme "
      r"(?:communaute|origine|ethnie|culture|couleur|nationalite)\b",
      "meme", articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    # « Passeport français obligatoire »: a nationality required through the document that proves it
    P("origin.passport", "R10-DISCRIM", "origin", "block",
      r"\bpasseports? (?:francais|europeens?|de l'union europeenne|de l'ue|ue)\s+(?:\w+\s+)?(?:obligatoire|exige\w*|requis|"
      r"indispensable|imperati\w*|demande|uniquement|seulement|necessaire|acceptes?)\b|"
      r"\bseul(?:e|s|es)? (?:les |le |un |des )?passeports? (?:francais|europeens?|de l'union europeenne|de l'ue|ue)\b",
      "passeport", unless=r"(?:ou (?:titre|carte|autorisation|permis)|titre de sejour|autorisation de travail|"
      r"permis de travail|voyage|deplacements?|missions? a l'etranger|hors (?:de )?france|etranger)",
      exceptions=("EXC-EMPLOI-PUBLIC",), articles=("L1132-1", "L5321-2")),
]

# --------------------------------------------------------------------------------------- religion
_RELIGIOUS_ITEMS = (r"(?:voile|foulard|hijab|kippa|turban|burqa|niqab|burkini|signes? (?:religieux|ostentatoires?|"
                    r"d'appartenance religieuse)|tenue religieuse|croix)")
# A job that is itself a ministry of worship (a chaplain, a priest, an imam): the faith is the job's essential and
# determining requirement (L1133-1), not a criterion on an ordinary worker.
MINISTRY_OF_WORSHIP = (r"\baumonier(?:e|s|es)?\b|\baumonier ?\((?:e|ere)\)|\bministres? du culte\b|\bpretres?\b|"
                       r"\bpasteure?s?\b(?! (?:allemand|belge|australien|berger))|\bimams?\b|\brabbins?\b|"
                       r"\bcatechistes?\b|\bdiacres?\b|\b(?:animat\w*|agent|charge\w*|responsable|coordinat\w*|"
                       r"laic\w*)(?:\(\w+\))?(?: / \w+)? (?:en|de|d'|de la) pastorale\b|\bcatechese\b")
_RELIGION = [
    P("religion.dress_ban", "R10-DISCRIM", "religion", "review",
      r"\b(?:pas de|sans|aucun|aucune|interdi\w*|proscri\w*|refus\w*|ne (?:pas )?porter|retirer|enlever|ni)\s+"
      r"(?:(?:le |la |les |du |de |d'un |d'une |un |une )?port(?:er)? (?:du |de |d'un |d'une )?)?(?:le |la |les |de |d'un |"
      r"d'une |un |une )?" + _RELIGIOUS_ITEMS + r"\b"
      r"|\b(?:port (?:du |de |d'un |d'une |des )?)?" + _RELIGIOUS_ITEMS + r"\s*:?\s+(?:\w+\s+){0,2}?(?:interdi\w*|proscri\w*"
      r"|refuse\w*|non accept\w*|non autorise\w*|pas (?:accepte|autorise|tolere)\w*|s'abstenir|exclu\w*)",
      "voile foulard hijab kippa turban burqa niqab burkini signe signes religieux religieuse ostentatoire "
      "ostentatoires croix", negatable=False,
      unless=r"(?:bateau|voilier|\bnavig|moniteur de voile|ecole de voile|planche a voile|regate|\bvoiles? (?:de|du) "
      r"(?:bateau|navire)|sanitaire|charlotte|hygiene alimentaire|securite des machines)",
      exceptions=("EXC-EMPLOI-PUBLIC",), articles=("L1132-1", "L1121-1", "L5321-2")),
    P("religion.explicit", "R10-DISCRIM", "religion", "block",
      r"\bde (?:confession|religion|foi) (?:catholique|musulmane?|juive?|chretienne?|protestante?|orthodoxe|"
      r"bouddhiste|hindoue?|evangelique|islamique|israelite)\b|"
      r"\b(?:etre|vous etes|tu es|personne|candidat\w*(?:\(e\))?|profil|collaborat\w*)\s+(?:de preference\s+)?(?:catholique|"
      r"musulman\w*|juif|juive|chretien\w*|protestant\w*|bouddhiste|athee|croyant\w*|pratiquant\w*|religieu\w*)"
      r"(?:s|es)?\b|"
      r"\b(?:catholique|musulman\w*|juif|juive|chretien\w*|protestant\w*|bouddhiste|athee|croyant\w*|pratiquant\w*)"
      r"(?:\((?:e|ne)\))?(?:s|es)?\s+(?:de preference|uniquement|exclusivement|exige\w*|souhaite\w*|requis\w*|s'abstenir|"
      r"obligatoire|seulement|non accept\w*|exclu\w*)\b",
      "confession religion foi catholique musulman musulmane juif juive chretien chretienne protestant "
      "protestante bouddhiste athee croyant croyante pratiquant pratiquante religieux religieuse pratiquants "
      "musulmans croyants", negatable=False,
      unless=r"(?:etablissement|enseignement|ecole|college|lycee|institution|diocese|eglise|paroisse|"
      r"association) (?:\w+ )?(?:catholique|chretien|protestant|juif|musulman)|tourisme religieux|art religieux|"
      r"patrimoine religieux|fait religieux|edifice religieux|" + MINISTRY_OF_WORSHIP,
      exceptions=("EXC-EXIGENCE-ESSENTIELLE",), articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    # « agent d'entretien (non musulman) », « de préférence non pratiquant »: a faith shut out by name
    P("religion.explicit", "R10-DISCRIM", "religion", "block",
      r"(?:\(\s*|\b(?:personnes?|candidat\w*|profils?|uniquement|seulement|exclusivement|de preference|etre)\s+)non[- ]?"
      r"(?:musulman|juif|juive|chretien|catholique|croyant|pratiquant|protestant|bouddhiste)\w*",
      "musulman musulmane juif juive chretien chretienne catholique croyant croyante pratiquant pratiquante protestant "
      "bouddhiste", negatable=False, exceptions=("EXC-EXIGENCE-ESSENTIELLE",),
      unless=MINISTRY_OF_WORSHIP, articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    # « les croyants, quelle que soit leur religion, ne sont pas les bienvenus », « toutes religions confondues »: the
    # « whatever » qualifies the group shut out, it is no statement of openness (left from 1.12)
    P("religion.explicit", "R10-DISCRIM", "religion", "block",
      r"\b(?:croyant|pratiquant|musulman|juif|juive|chretien|catholique|protestant|religieu)\w*\s*,\s*(?:quel(?:le)?s? que soi"
      r"(?:t|ent) (?:leur|sa|son|votre|vos) (?:religion|confession|culte|foi|croyance)s?|tou(?:te)?s (?:religions?|"
      r"confessions?|croyances?|cultes?) confondu\w*)\s*,\s*(?:ne |n')[^.;\n]{0,40}?\b(?:pas|plus|jamais)\b",
      "croyant croyants pratiquant pratiquants musulman musulmans juif juifs chretien chretiens catholique catholiques "
      "protestant protestants religieux", negatable=False, diversity=False,
      exceptions=("EXC-EXIGENCE-ESSENTIELLE",), articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    P("religion.word", "R10-DISCRIM", "religion", "review",
      r"\b(?:religion|convictions? religieuses?|appartenance religieuse|pratique religieuse)\b",
      "religion religieuse religieuses", requires=r"(?:exige|obligatoire|preciser|indiquer|compatible|conforme|"
      r"adherer|partager|pratiqu|s'abstenir|uniquement|de preference|souhait)",
      exceptions=("EXC-EXIGENCE-ESSENTIELLE",), articles=("L1132-1", "L5321-2")),
]

# --------------------------------------------------------------------------------------- appearance
_HEIGHT_OF_THINGS = (r"(?:hauteur|largeur|longueur|profondeur|plafond|\bportes?\b|etagere|rayonnage|meuble|cloture|haie|"
                     r"vehicule|remorque|colis|piece|bassin|piscine|echelle|mur|grillage|\bde haut|\bde long|\bde large)")
_APPEARANCE = [
    P("appearance.physique", "R10-DISCRIM", "appearance", "block",
      r"\bphysique (?:(?:agreable|irreprochable|sympathique)s?|(?:avenant|attrayant|plaisant|seduisant|engageant|"
      r"soigne|joli|parfait)(?:e|s|es)?|attracti(?:f|ve|fs|ves)|harmonieu(?:x|se|ses)|impeccables?|de mannequin|"
      r"avantageu(?:x|se|ses))\b|"
      # « apparence (physique) séduisante »: looks as a quality, not the care of one's dress (« apparence soignée »)
      r"\bapparence (?:physique )?(?:agreable|avenant|attrayant|attirant|seduisant|plaisant|harmonieu|jolie|parfait)"
      r"\w*(?! (?:des|du|de la|de l'|de vos|de nos|de votre|de notre)\b)",
      "physique apparence", exceptions=("EXC-R1142-1",), articles=("L1132-1", "L5321-2"),
      # « condition physique irréprochable »: fitness for the job (a health matter), not looks
      unless_before=r"(?:condition|forme|aptitude|capacite|resistance|endurance)s?\s*$"),
    # looks that exclude (« les candidats au physique « atypique » ne seront pas retenus »): the negation that
    # follows is the exclusion itself
    P("appearance.unwanted_looks", "R10-DISCRIM", "appearance", "block",
      r"\bphysique\s*\"?\s*(?:atypique|disgracieu\w*|ingrat|quelconque|hors normes?)\b", "physique",
      negatable=False, exceptions=("EXC-R1142-1",), articles=("L1132-1", "L5321-2")),
    P("appearance.looks", "R10-DISCRIM", "appearance", "block",
      r"\b(?:jolie?s?|belles?|beaux?|charmante?s?|sexy|ravissante?s?|mignonne?s?|canon)\s+(?:jeunes?\s+)?"
      r"(?:fille|femme|garcon|homme|personne|hotesse|vendeuse|serveuse|candidate?|apparence|silhouette|physique|"
      r"allure|gueule|visage|sourire et (?:belle|jolie))s?\b|\bbien (?:de sa|fait de sa) personne\b|"
      r"\b(?:vous etes|tu es|etre)\s+(?:\w+\s+(?:et\s+)?)?(?:jolie?|belle|beau|sexy|mince|svelte|elancee?|"
      r"charmante?|seduisante?)s?\b|"
      # the persons sought said good-looking (« barmaids canons recherchées »), or judged so (« jugées belles »)
      r"\b(?:barmaids?|hotesses?|hotes|serveuses?|serveurs|vendeuses?|vendeurs|filles|femmes|hommes|barmen|"
      r"candidat\w*|profils?|personnes?)\s+(?:jolie?s?|belles?|beaux|canons?|sexy|seduisant\w*|mignon\w*|"
      r"craquant\w*)\b|\bjuge(?:e|s|es)? (?:belles?|beaux|jolie?s?|seduisant\w*|attirant\w*|attrayant\w*)\b",
      "jolie joli belle belles beau beaux charmante sexy ravissante mignonne canon canons bien mince svelte elancee "
      "elance seduisante craquant craquante mignon", exceptions=("EXC-R1142-1",), articles=("L1132-1", "L5321-2")),
    P("appearance.attractive", "R10-DISCRIM", "appearance", "block",
      r"\b(?:apparence|allure|look|visage|frimousse|plastique)\s+(?:tres\s+|plutot\s+)?(?:\w+\s+et\s+)?(?:agreable|avenant|attrayant|"
      r"attractif|seduisant|plaisant|jolie?|belle|beau|parfait|harmonieux|sexy|engageant|de mannequin|irreprochable|"
      r"impeccable)e?s?\b|\b(?:le|votre|un|ton|son) physique\s+(?:\w+\s+){0,2}?(?:compte|important|primordial|"
      r"essentiel|determinant|indispensable|exige|requis|critere|pris en compte|fait la difference)\w*|"
      r"\b(?:dentition|dents)\s+(?:\w+\s+)?(?:parfaite?s?|impeccables?|blanches?|alignees?|soignees?|irreprochables?|"
      r"saines?)\b|\bsourire (?:impeccable|parfait|ravageur|eclatant|colgate|de star)s?\b|"
      # a style of looks (« look BCBG exigé », « look jeune »), a face that fits (« la gueule de l'emploi »)
      r"\blook (?:bcbg|jeune|branche|tendance|sexy|glamour|fashion|mannequin|europeen)\b|"
      r"\b(?:la |une )?(?:gueule|tete) de l'emploi\b|\bcorps (?:athletique|muscle|sculpte|mince|svelte|parfait|de reve|"
      r"d'athlete)\b",
      "apparence allure look visage frimousse plastique physique dentition dents sourire gueule tete corps",
      unless=r"(?:prothes|dentaire|cabinet|orthodont|soins?|patients?|hygiene bucco|vehicule|produit|site|vitrine|"
      r"magasin|rayon|boutique|stand|locaux|espace|dossier)", exceptions=("EXC-R1142-1",),
      articles=("L1132-1", "L5321-2")),
    P("appearance.judge", "R10-DISCRIM", "appearance", "block",
      r"\bjuger (?:de |du |de la )?(?:votre|ta|sa|leur|le|la|l') ?(?:silhouette|physique|apparence|allure|look|corpulence|"
      r"morphologie|plastique)\b|\bphotos? en pied\b|\b(?:de|en) (?:grande|petite) taille\b",
      "juger silhouette physique apparence allure corpulence morphologie pied taille",
      requires=r"(?:juger|photo|privilegi|preference|souhait|exig|uniquement|imperati|candidat|personne|profil|vous)",
      unless=r"(?:article|produit|vetement|colis|meuble|piece|arbre|vehicule|engin|entreprise|structure|societe|"
      r"magasin|ville|commune|equipe|prothes|chaussure|rayon)", exceptions=("EXC-R1142-1",),
      articles=("L1132-1", "L5321-2")),
    P("appearance.measurements", "R10-DISCRIM", "appearance", "block",
      r"\bmensurations?\b", "mensuration mensurations",
      requires=r"(?:indiqu|precis|joindre|jointe?s?|communiqu|fournir|transmettre|exige|obligatoire|demand|candidature|"
      r"\bcv\b|requis|souhait|\d{2,3}\s*(?:-|/)\s*\d{2})",
      unless=r"(?:prise de mesures|clients?|retouche|couture|confection|patron)", exceptions=("EXC-R1142-1",),
      articles=("L1132-1", "L1221-6", "L5321-2")),
    P("appearance.weight", "R10-DISCRIM", "appearance", "block",
      r"\b(?:poids|peser)\s+(?:du candidat\s+|corporel\s+)?(?:inferieur|superieur|maximum|minimum|max|min|maximal|"
      r"minimal|ideal|de moins de|de plus de|ne depassant pas|n'excedant pas|entre|jusqu'a|au plus|au moins)?\s*(?:a\s+|de\s+)?"
      r":?\s*\d{2,3}\s*(?:kg|kilos?)\b",
      "poids peser",
      unless=r"(?:charges?|colis|marchandise|produit|port|porter|soulever|manutention|bagage|materiel|sacs?|carton|"
      r"pieces?|palettes?|animal|animaux|vehicule|poids lourd|chargement|levage|outil|equipement|machine|\bpl\b)",
      exceptions=("EXC-R1142-1",), articles=("L1132-1", "L5321-2")),
    P("appearance.body", "R10-DISCRIM", "appearance", "block",
      r"\b(?:mince|svelte|elance\w*|corpulence \w+|en surpoids|obese|poids (?:maximum|max|ideal|proportionne|"
      r"inferieur|minimum)|silhouette (?:fine|elancee|mince|sportive|harmonieuse|svelte))\b",
      "mince svelte elance elancee corpulence surpoids obese poids silhouette",
      requires=r"(?:vous|candidat|profil|personne|exige|souhait|recherch|requis|obligatoire|ideal|\bet\b|etre|"
      r"indispensable|imperati|necessaire|demande)",
      unless=r"(?:charge|colis|marchandise|produit|kg\b|tonne|pesee|peser|bagage|materiel|animal|vehicule|"
      r"poids lourd|poids-lourd|perte de poids|pes\w+ des)", exceptions=("EXC-R1142-1",),
      articles=("L1132-1", "L5321-2")),
    P("appearance.height", "R10-DISCRIM", "appearance", "block",
      r"\btaille\s*(?:minimum|minimale|min|maximum|maximale|max|requise|exigee|souhaitee)?\s*:?\s*(?:de\s+)?"
      r"(?:1\s?m\s?\d{2}|1[.,]\d{2}\s?m|1\d{2}\s?cm)\b|\b(?:mesurer|mesurant|mesure|mesurez|mesuriez)\s+(?:au moins |plus de |minimum |"
      r"au minimum |moins de )?(?:1\s?m\s?\d{2}|1[.,]\d{2}\s?m|1\d{2}\s?cm)\b|"
      r"\btaille\s*(?:de vetement\s*)?:?\s*(?:3[2-9]|4[0-8])(?:\s*(?:a|-|/|ou)\s*(?:3[2-9]|4[0-8]))?\s*(?:maximum|max|"
      r"minimum|min|au plus|exige\w*)\b|"
      r"\b(?:grande?|petite?) taille (?:exige|souhait|obligatoire|requis)\w*|"
      # « 1m80 minimum et carrure imposante exigés »: a height with its bound, no verb
      r"\b1\s?m\s?\d{2}\s*(?:minimum|min|au moins|maximum|max|exige\w*|requis\w*|obligatoire)\b",
      "taille mesurer mesurant mesure mesurez mesuriez 1m", negatable=False, exceptions=("EXC-R1142-1",),
      unless=_HEIGHT_OF_THINGS, articles=("L1132-1", "L5321-2")),
    # « Agent de sécurité : 1m80 minimum exigé »: « 1m80 » is one word, so the bare height with its bound is anchored on
    # it; a person or a job must be in the sentence (« porte d'accès : 1m80 minimum » is about the place)
    P("appearance.height", "R10-DISCRIM", "appearance", "block",
      r"\b(?:1m\d{2}|1[.,]\d{2}\s?m)\s*(?:au )?(?:minimum|min|au moins|maximum|max|exige\w*|requis\w*|obligatoire)\b",
      "m " + " ".join(f"1m{n}" for n in range(50, 100)), negatable=False, exceptions=("EXC-R1142-1",),
      requires=r"(?:\bagent|vigile|securite|surete|gardiennage|portier|videur|physionomiste|candidat|profil|\bvous\b|"
      r"personne|\bhote|hotesse|serveu|vendeu|mannequin|steward|homme|femme|taille|mesur)",
      unless=_HEIGHT_OF_THINGS, articles=("L1132-1", "L5321-2")),
    P("appearance.build", "R10-DISCRIM", "appearance", "review",
      r"\b(?:vous etes|tu es|etre|profil|personne)\s+(?:\w+\s+(?:et\s+)?)?(?:grand|grande|petit|petite|costaud|"
      r"baraque|robuste|corpulent\w*|athletique|muscle\w*)e?s?\b|\b(?:un|votre|le|ton) physique (?:de sporti\w*|"
      r"d'athlete|athletique|sporti\w*|muscle\w*|costaud|robuste|imposant|de demenageur|de rugbyman|solide)\b|"
      r"\bcarrure (?:imposante|athletique|solide|de rugbyman|de videur|impressionnante)\b",
      "grand grande petit petite costaud baraque robuste corpulent corpulente athletique muscle musclee sportif "
      "sportive athlete imposant rugbyman demenageur carrure",
      unless=r"(?:petite?s? (?:entreprise|equipe|structure|societe|main)|grande? (?:entreprise|equipe|structure|"
      r"societe|distribution|surface|capacite|autonomie|rigueur|qualite|disponibilite|curiosite|aisance|"
      r"polyvalence|reactivite|sens)|grand (?:sens|compte|public|groupe|nombre|plaisir|interet|esprit)|"
      r"robustesse|solution robuste|code robuste)", exceptions=("EXC-R1142-1",), articles=("L1132-1", "L5321-2")),
    P("appearance.body_marks", "R10-DISCRIM", "appearance", "review",
      r"\b(?:pas de|sans|aucun|aucune|ni|ni de|zero)\s+(?:tatouages?|piercings?|barbe|dreadlocks?|cheveux (?:longs|colores)"
      r"|tatoues?)\b|\b(?:tatouages?|piercings?|barbe|calvitie|chauves?|tatoue\w*|(?:personnes?|candidat\w*) tatoue\w*)"
      r"\s+(?:\w+\s+){0,2}?(?:interdit\w*|non accept\w*|proscrit\w*|"
      r"refuse\w*|s'abstenir|non autorise\w*|exclu\w*)|\b(?:tatouages?|piercings?|barbe|calvitie|chauves?)\b[^.;\n]{0,30}?"
      r"\b(?:profils?|candidat\w*|personnes?)\s+(?:non|pas) (?:retenu|accepte|admis)\w*",
      "tatouage tatouages piercing piercings barbe dreadlocks cheveux tatoue tatoues calvitie chauve chauves",
      negatable=False,
      exceptions=("EXC-R1142-1",), articles=("L1132-1", "L1121-1", "L5321-2")),
    # « bonne présentation », « présentation soignée » are lawful for a job in contact with the public (tidiness,
    # not looks): only the person's appearance or allure is advised against.
    P("appearance.presentation", "R10-DISCRIM", "appearance", "advise",
      r"\b(?:apparence|allure|look) (?:soignee|impeccable|irreprochable|agreable|avenante|correcte exigee)\b",
      "apparence allure look", exceptions=("EXC-R1142-1",), articles=("L1132-1", "L1121-1")),
    # « physique de déménageur exigé », « un physique de mannequin est souhaité »: a body type named by a figure
    P("appearance.build", "R10-DISCRIM", "appearance", "block",
      r"\bphysique d(?:e |')(?:un |une )?(?:demenageur|athlete|sporti(?:f|ve)|mannequin|top[- ]?model|rugbyman|culturiste|"
      r"bodybuilder|catcheur|videur|danseu(?:r|se)|militaire|acteur|actrice|star|miss|colosse|armoire a glace)s?\b"
      r"(?=[^.;\n]{0,40}\b(?:exige|demande|souhaite|requis|attendu|apprecie|impose|indispensable|obligatoire|de rigueur|"
      r"recherche|prefere|privilegie|un plus|ideal|necessaire|imperati)\w*)",
      "physique", exceptions=("EXC-R1142-1",), articles=("L1132-1", "L5321-2")),
    # « silhouette mince appréciée », « silhouette de mannequin attendue »
    P("appearance.build", "R10-DISCRIM", "appearance", "block",
      r"\bsilhouettes? (?:mince|fine|elancee|svelte|de mannequin|harmonieuse|sportive|athletique|filiforme|parfaite)s?\b"
      r"(?=[^.;\n]{0,40}\b(?:exige|demande|souhaite|requis|attendu|apprecie|impose|indispensable|obligatoire|de rigueur|"
      r"recherche|prefere|privilegie|un plus|ideal|necessaire|imperati)\w*)",
      "silhouette silhouettes", exceptions=("EXC-R1142-1",),
      unless=r"(?:vetement|robe|coupe|collection|mode\b|tenue|conseill\w* (?:les|nos|vos) client|clientes?\b)",
      articles=("L1132-1", "L5321-2")),
]

# --------------------------------------------------------------------------------------- health & disability
_HEALTH = [
    # an HIV test result asked of the candidate (« test VIH négatif à présenter avant l'embauche »): no information an
    # employer may ask for, and it sorts people by their health (hepatitis B immunity of care staff is another matter)
    P("health.screening_result", "R10-DISCRIM", "health_disability", "block",
      r"\b(?:tests?|depistages?|serologies?|resultats?|certificats?|attestations?) (?:de |du |d')?(?:vih|sida)\s+"
      r"(?:negati\w*|a (?:presenter|fournir|produire|joindre)|exige\w*|obligatoire\w*|requis\w*)|"
      r"\b(?:vih|sida)\s*(?:-|:)?\s*negati\w*\s+(?:exige|obligatoire|requis|a (?:presenter|fournir))\w*",
      "vih sida", negatable=False,
      unless=r"(?:laboratoire|prelev\w* (?:des|les)|realiser des|effectuer des|analyse\w* des|patients?|usagers?|"
      r"beneficiaires?|prevention|campagne|centre de depistage|cegidd)", articles=("L1132-1", "L1221-6")),
    P("health.good_health", "R10-DISCRIM", "health_disability", "block",
      r"\b(?:en )?(?:(?:bonne|parfaite|excellente|tres bonne) (?:condition (?:de sante|physique et mentale)|"
      r"forme physique et mentale)|(?:bon|parfait|excellent|tres bon) etat de sante)\b|"
      r"\bsante (?:parfaite|irreprochable|de fer|excellente)\b|"
      r"\b(?:en )?(?:bonne|parfaite|excellente|tres bonne) sante\b(?! (?:financiere|economique|de l'entreprise|"
      r"des (?:patients|animaux|salaries|residents|enfants|plantes|cultures|sols)|au travail|et (?:la )?securite))",
      "sante", unless_before=r"(?:preserv|veill|garant|assur|maint|favoris|contribu|promo|soin|suivi|surveill|"
      r"bien-etre|animaux|patients|residents|enfants|plantes|cheptel|troupeau|elevage|entreprise|societe|"
      r"financ)[^.;\n]{0,40}$", articles=("L1132-1", "L5321-2", "L1133-3")),
    P("health.fitness", "R10-DISCRIM", "health_disability", "advise",
      r"\b(?:bonne|excellente|parfaite|tres bonne) (?:condition|forme) physique\b|\b(?:en )?(?:bonne|excellente|"
      r"parfaite) forme\b",
      "condition forme physique", articles=("L1132-1", "L1133-3")),
    P("health.able_bodied", "R10-DISCRIM", "health_disability", "block",
      r"\b(?:personnes?|candidat\w*|profils?|etre|vous etes|hommes?|femmes?|gens|salarie\w*|travailleurs?)\s+valides?\b"
      r"(?!\s+(?:par|pour|avec|aupres|en amont|ou) )|\bvalides? uniquement\b|"
      r"\bvalide (?:physiquement|et en bonne sante)\b",
      "valide valides", articles=("L1132-1", "L5321-2"),
      # a ticket, a card or an offer that is valid
      unless=r"\b(?:titres?|cartes?|billets?|pass|abonnements?|offres?|codes?|bons?|coupons?|tickets?|permis|"
      r"passeports?|visas?|certificats?|attestations?|diplomes?|habilitations?|tarifs?|promotions?)\b"),
    P("health.no_condition", "R10-DISCRIM", "health_disability", "block",
      r"\b(?:pas de|sans|aucun|aucune|non|ni|n'avoir aucun|n'avoir aucune|ne pas avoir de|pas d'|pas avoir de|"
      r"pas avoir d'|n'avoir pas de)\s*"
      r"(?:\w+\s+){0,1}?(?:handicap\w*|probleme\w* (?:de sante|de dos|medica\w*|physique\w*|cardiaque\w*)|"
      r"maladie\w*(?: chronique\w*)?|antecedents?(?: medica\w*| de sante| psychiatriques?)?|pathologie\w*|"
      r"restriction\w* medica\w*|traitement\w* medica\w*|allergie\w*|infirmite\w*|invalidite\w*|"
      r"troubles? (?:dys\w*|psy\w*|de l'apprentissage|cognitifs?|neuro\w*|du spectre autistique)|"
      r"(?:diabetique|epileptique|seropositi\w*|asthmatique|dyslexique|autiste|bipolaire|schizophrene|obese|"
      r"handicape)e?s?)\b",
      "handicap handicape handicapes handicapee probleme problemes maladie maladies antecedent antecedents "
      "pathologie pathologies restriction restrictions traitement allergie allergies infirmite invalidite trouble troubles "
      "diabetique diabetiques epileptique epileptiques seropositif seropositifs seropositive asthmatique dyslexique "
      "autiste bipolaire schizophrene obese",
      negatable=False, unless=r"(?:arret maladie|conge maladie|maladies? professionnelles?|prevention|prevoyance|"
      r"sans (?:aucun )?probleme (?:de|pour) (?:communication|deplacement|horaires)|mutuelle|garantie|"
      r"assurance|mi-temps therapeutique|patients?|personnes? (?:atteintes|agees)|\bsoin)",
      articles=("L1132-1", "L5321-2")),
    P("health.disability_excluded", "R10-DISCRIM", "health_disability", "block",
      r"\b(?:handicap\w*|travailleurs? handicape\w*|personnes? handicapee?s?|rqth|personnes? en situation de "
      r"handicap|invalides?)\s+(?:\w+\s+){0,2}?(?:s'abstenir|non accept\w*|exclu\w*|refuse\w*|pas accept\w*|"
      r"impossible|incompatible\w*|pas les bienvenu\w*|ne (?:peuvent|pourront) pas)|"
      # « RQTH : non », « Handicap : NON »: the answer written in the form
      r"\b(?:rqth|handicap)\s*:\s*non\b(?!\s*(?:obligatoire|requise?|exigee?|necessaire|indispensable|/|ou\b))",
      "handicap handicape handicapes handicapee handicapees rqth invalide invalides", negatable=False,
      articles=("L1132-1", "L5321-2")),
    P("health.sick_leave", "R10-DISCRIM", "health_disability", "review",
      r"\b(?:pas d'|pas de|aucun|sans|peu d')\s*arrets? (?:de travail|maladie)\b|\barrets? (?:de travail|maladie)\s+"
      r"(?:a repetition|frequents?|repetes?)\b",
      "arret arrets", negatable=False, articles=("L1132-1", "L5321-2")),
    P("health.medical_data", "R10-DISCRIM", "health_disability", "review",
      r"\b(?:certificat medical|dossier medical|questionnaire (?:medical|de sante)|bilan de sante|"
      r"informations? medicales?)\b",
      "certificat dossier questionnaire bilan informations medical medicale medicales",
      requires=r"(?:joindre|fournir|envoy\w*|transmet\w*|communiqu\w*|adress\w*|avec (?:votre|la) candidature|dans votre candidature|\bau cv|avec (?:le|votre) "
      r"cv|obligatoire pour postuler|exige\w* (?:a|pour) (?:la )?candidature)",
      unless=r"(?:medecin du travail|visite medicale|medecine du travail|dossiers? medicaux des patients|"
      r"patients?|secretari|archiv|gestion des dossiers|saisie|codage)", articles=("L1132-1", "L1221-6")),
    P("health.specific_condition", "R10-DISCRIM", "health_disability", "block",
      r"\b(?:diabetique|epileptique|seropositi\w*|asthmatique|depressi\w*|cardiaque|dyslexique|autiste|"
      r"bipolaire|obese)s?\s+(?:\w+\s+){0,2}?(?:s'abstenir|exclu\w*|non accept\w*|refuse\w*|pas accept\w*)",
      "diabetique epileptique seropositif asthmatique depressif cardiaque dyslexique autiste bipolaire obese",
      negatable=False, articles=("L1132-1", "L5321-2")),
    # « vue parfaite sans lunettes ni lentilles »: the sight without correction as a condition
    P("health.no_condition", "R10-DISCRIM", "health_disability", "review",
      r"\bsans (?:port de |porter de )?(?:lunettes|lentilles|correction)(?: (?:ni|ou) (?:lunettes|lentilles))?\b",
      "lunettes lentilles correction", negatable=False,
      requires=r"(?:\bvue\b|vision|visuel|\byeux\b|exige|obligatoire|requis|imperati)",
      unless=r"(?:lunettes (?:de protection|de securite|fournies)|soleil|opticien|optique|vente|client)",
      articles=("L1132-1", "L5321-2")),
    P("health.genetic", "R10-DISCRIM", "health_disability", "block",
      r"\b(?:test|examen|caracteristiques?|profil|depistage) genetiques?\b", "genetique genetiques",
      unless=r"(?:laboratoire|recherche|biolog|analyse|technicien|ingenieur|sequencage|\bchercheu)",
      articles=("L1132-1", "L5321-2")),
]

# --------------------------------------------------------------------------------------- residence & economic
_RESIDENCE = [
    P("residence.exclusion", "R10-DISCRIM", "residence", "block",
      r"\b(?:banlieues?|cites?|quartiers?(?: (?:nord|sud|est|ouest|sensibles?|populaires?|difficiles?))?|hlm|zup|zus|"
      r"seine-saint-denis|le 93)\b[^.;\n]{0,25}?(?:s'abstenir|exclu\w*|non accept\w*|refuse\w*|pas les bienvenu\w*)|"
      r"\b(?:pas de|sans|aucun|aucune)\s+(?:candidat\w*|personnes?|profils?|habitants?|residents?)\s+(?:de |des |du |"
      r"d'|issu\w* (?:de |des |du )?|habitant (?:en |dans |a )?|venant (?:de |des |du )?)(?:la |les |l')?(?:banlieues?|"
      r"cites?|quartiers?|hlm|zones? \w+|seine-saint-denis)\b|\b(?:habitants?|residents?|candidat\w*|personnes?)\s+"
      r"(?:\w+\s+){0,3}?(?:banlieues?|cites?|quartiers?|hlm)\b[^.;\n]{0,25}?(?:s'abstenir|exclu\w*|non accept\w*)",
      "banlieue banlieues cite cites quartier quartiers hlm zup zus seine 93", negatable=False,
      unless=r"(?:\bqpv\b|prioritaire|politique de la ville|emplois? francs?)", articles=("L1132-1", "L5321-2")),
    P("residence.required", "R10-DISCRIM", "residence", "review",
      r"\b(?:resider|residant|residez|residiez|habiter|habitant|habitez|etre domicilie\w*|domicilie\w*)\s+"
      r"(?:\w+\s+){0,2}?(?:a|au|aux|en|dans|sur|pres|a proximite|a moins|hors|sur place)\b|"
      r"\b(?:residez|residiez|habitez|habitiez|resider|habiter|vivre|vivez)\s+(?:obligatoirement|imperativement|"
      r"exclusivement|uniquement|necessairement)\b|\bresidence (?:\w+\s+)?(?:obligatoire|imperative|exigee|requise)\s+"
      r"(?:dans|a|sur|en|au)\b|\bdomicile\s+(?:\w+\s+){0,2}?(?:a moins de|a proximite|proche|pres)\b[^.;\n]{0,30}?"
      r"\b(?:obligatoire|exige|imperati|requis|indispensable)",
      "resider residant residez residiez habiter habitant habitez domicilie domiciliee domicilies residence domicile",
      requires=r"(?:exclusivement|uniquement|obligatoirement|imperativement|"
      r"seulement|\bexige|obligatoire|imperatif|indispensable|\brequis|devez (?:resider|habiter|etre domicilie)|"
      # « obligation de résider dans un rayon de 10 km »: a requirement put as a noun
      r"\bobligation d(?:e |')(?:resider|habiter|demeurer|vivre|etre domicilie))",
      unless=r"(?:\bqpv\b|prioritaire|politique de la ville|emplois? francs?|\bzrr\b|"
      # an on-call duty with a time to arrive is a reason of service (« intervenir en moins de 30 minutes »)
      r"intervenir (?:en|sous|dans)|delai d'(?:intervention|arrivee)|temps d'(?:intervention|arrivee)|"
      r"(?:etre sur (?:site|place)|arriver|rejoindre le site) (?:en|sous|dans) (?:moins de )?\d|logement (?:fourni|de "
      r"fonction|possible|sur place|propose|mis a disposition)|astreinte|\bpompier|sapeur|gardien|concierge|loge de|"
      r"logement de fonction|titre de sejour|autorisation de travail|residents?\b (?:de l'etablissement|de l'ehpad)|"
      r"les residents|des residents|aux residents|aupres des residents)", articles=("L1132-1", "L5321-2")),
    # a place named (« les gens du Mirail », « tu viens de Frais-Vallon ? », « candidats des Hauts de l'île ») and a
    # verdict on the people who come from it, in the same sentence or right after a question: a neighbourhood, a
    # quarter or a town as the reason to turn someone down. The name is written with a capital (raw check).
    P("residence.named_place", "R10-DISCRIM", "residence", "review",
      r"\b(?:gens|personnes?|candidat\w*|profils?|jeunes|ceux|celles|habitants?|residents?|tu viens|vous venez|"
      r"venant|qui viennent|qui vient|qui habitent|qui vivent|qui vient)\s+(?:du|de la|des|de l'|de|d')\s*(?:quartier |"
      r"cite )?(?:du |de la |des |de l'|de |d')?(?!(?:pays|l'etranger|l'union|l'ue|l'europe|l'afrique|l'asie|afrique|"
      r"asie|europe|maghreb|amerique|l'amerique|l'est|pole emploi|france travail|l'apec|cap emploi|mission locale|"
      r"metier|secteur|l'ecole|ecole|bts|but|master|licence)\b)[a-z][a-z'-]+"
      r"(?:[^.;\n]{0,70}?)(?:\bne (?:\w+ ){0,2}?(?:sont|seront|sera|est|serons) pas (?:pris|retenu|accepte|admis|recu|"
      r"considere|etudie|les bienvenu)\w*|\bn'(?:en |y )?(?:\w+ ){0,2}?(?:veulent|voulons|veut|prenons|prend|embauch\w*|"
      r"recrut\w*|accept\w*) pas\b|\binutile\b|\bs'abstenir|\bexclu\w*|\brefuse\w*|\bpasse[rz]? (?:votre|ton) chemin|"
      r"\bpas la peine\b|\bcandidature ne sera pas\b|\b(?:non|pas) (?:retenu|accepte|desire|souhaite|pris)\w*)",
      "gens personne personnes candidat candidats candidate candidates profil profils jeunes ceux celles habitant "
      "habitants resident residents viens venez venant viennent vient habitent vivent",
      raw=r"(?:\b(?:du|de la|des|de l'|de|d')\s*(?:quartier |cite )?(?:du |de la |des |de l'|de |d')?[A-ZÀ-Ý])",
      unless=r"(?:\bqpv\b|prioritaire|politique de la ville|emplois? francs?)", articles=("L1132-1", "L5321-2")),
    P("residence.not_living", "R10-DISCRIM", "residence", "block",
      r"\b(?:ne pas|n'|ne)\s*(?:habit\w*|resid\w*|viv\w*|etre domicilie\w*|etre issu\w*|venir)\s+(?:pas\s+)?(?:en|dans|"
      r"d'une?|des|de la|du)\s+(?:une |un |la |les |le )?(?:cites?|banlieues?|quartiers?|hlm|zup|zus|foyers?|"
      r"logements? sociaux|zones? (?:sensibles?|urbaines?))\b",
      "cite cites banlieue banlieues quartier quartiers hlm zup zus foyer foyers sociaux zone zones", negatable=False,
      unless=r"(?:\bqpv\b|prioritaire|politique de la ville|emplois? francs?)", articles=("L1132-1", "L5321-2")),
    # an address in given districts (« adresse dans le 7e ou le 16e arrondissement appréciée », « domicile dans les
    # quartiers résidentiels »), a residence of some years (« résidence dans le département depuis au moins cinq ans
    # exigée »), the countryside or living outside a place as an exclusion (« pas de candidats vivant hors de … »)
    P("residence.required", "R10-DISCRIM", "residence", "review",
      r"\b(?:adresse|domicile|domicilie\w*|residence|resid\w*|habit\w*|vivre|vivant)\s+(?:\w+\s+){0,3}?(?:dans|en|au|aux)\s+"
      r"(?:le |les |un |une )?(?:\d{1,2}(?:e|eme|er)\b[^.;\n]{0,30}?arrondissements?|quartiers? (?:residentiels?|chics?|"
      r"huppes?|bourgeois|aises?|prises?)|beaux quartiers)|"
      r"\b(?:residence|domicile|domicilie\w*|resid\w*|habit\w*|install\w*)\s+[^.;\n]{0,60}?\bdepuis (?:au moins |plus de |"
      r"minimum )?(?:\d+|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix) ans\b|"
      r"\b(?:pas de|aucun|aucune)\s+(?:candidat\w*|personnes?|profils?)\s+(?:vivant|habitant|residant|domicilie\w*)\s+"
      r"(?:hors|en dehors|loin|a plus de)\b|"
      r"\b(?:domicilie\w*|habit\w*|resid\w*|vivant|vivent)\s+(?:en|dans|a la)\s+(?:une |la )?(?:zones? rurales?|campagne|"
      r"milieu rural)\b[^.;\n]{0,40}?(?:non retenu|pas retenu|exclu|s'abstenir|refus|pas accept)",
      "adresse domicile domicilie domicilies domiciliee residence resider residant habiter habitant habitent vivre "
      "vivant vivent installe installes",
      requires=r"(?:exige|obligatoire|imperati|apprecie|souhait|de preference|uniquement|exclusivement|priorit|requis|"
      r"indispensable|retenu|\bpas de\b|\baucun|exclu|s'abstenir|refus|condition|critere|privilegi)",
      unless=r"(?:\bqpv\b|prioritaire|politique de la ville|emplois? francs?|\bzrr\b|astreinte|logement de fonction|"
      r"anciennete|experience|agence (?:situee|basee)|nos (?:bureaux|locaux))",
      articles=("L1132-1", "L5321-2")),
    P("residence.bank", "R10-DISCRIM", "residence", "block",
      r"\b(?:compte (?:bancaire|courant)|domiciliation bancaire|banque)\b[^.;\n]{0,40}?(?:exige\w*|obligatoire|"
      r"imperati\w*|requis\w*|indispensable|uniquement|necessaire)|"
      # « les candidats dont le compte bancaire est domicilié à l'étranger ne seront pas retenus »
      r"\bcompte (?:bancaire|courant)\b[^.;\n]{0,80}?(?:ne seront pas retenu\w*|ne sont pas retenu\w*|non retenu\w*|"
      r"exclu\w*|refuse\w*|s'abstenir)|\b(?:exige\w*|obligatoire\w*|imperati\w*)\s+"
      r"(?:\w+\s+){0,3}?(?:compte (?:bancaire|courant)|domiciliation bancaire)|\bdomiciliation bancaire\b",
      "bancaire banque domiciliation courant", unless=r"(?:candidature|postul|\bcv\b|agence bancaire|conseiller "
      r"bancaire|secteur bancaire|produits? bancaires?|operations? bancaires?|gestion (?:de|des) comptes?|clients?)",
      articles=("L1132-1", "L5321-2")),
    P("residence.economic", "R10-DISCRIM", "residence", "block",
      r"\b(?:beneficiaires? (?:du|des) (?:rsa|minima sociaux|aah)|rsa|chomeurs?(?: de longue duree)?|demandeurs? "
      r"d'emploi(?: de longue duree)?|personnes? (?:en difficulte|precaires?|surendettees?|sans domicile)|precaires?|"
      r"surendette\w*|sdf|sans domicile fixe|interdits? bancaires?|fiche\w* (?:a la )?banque de france|"
      r"fichage bancaire)\s+(?:\w+\s+){0,2}?(?:s'abstenir|exclu\w*|non accept\w*|refuse\w*|pas accept\w*)|"
      r"\b(?:pas de|aucun|sans)\s+(?:beneficiaires? du rsa|rsa|chomeurs?|sdf|interdits? bancaires?|fiche\w* banque de "
      r"france)\b|\b(?:ne pas etre|ne pas avoir ete) (?:fiche|interdit bancaire|au chomage)\w*",
      "rsa chomeur chomeurs demandeur demandeurs precaire precaires surendette surendettee sdf domicile interdit "
      "interdits fiche fichage", negatable=False, articles=("L1132-1", "L5321-2")),
]

# --------------------------------------------------------------------------------------- opinions
_OPINION_WORDS = (r"(?:syndiqu\w*|syndicalistes?|militant\w*|engagement (?:politique|syndical)|engage\w* "
                  r"(?:politiquement|syndicalement)|activites? syndicales?|activites? politiques?|appartenance "
                  r"(?:politique|syndicale)|affiliation (?:politique|syndicale)|adherent\w* (?:a un|d'un|a une|d'une) "
                  r"(?:syndicat|parti|organisation syndicale)|mandat (?:syndical|electif)|elus? (?:syndica\w*|"
                  r"du personnel)|lanceurs? d'alerte|opinions? politiques?)")
_OPINIONS = [
    P("opinions.excluded", "R10-DISCRIM", "opinions", "block",
      r"\b(?:non|pas de|pas d'|sans|aucun|aucune|ni|n'etre|ne pas etre|ne pas avoir)\s+(?:\w+\s+){0,2}?"
      + _OPINION_WORDS + r"|" + _OPINION_WORDS + r"\s+(?:\w+\s+){0,3}?(?:s'abstenir|exclu\w*|non accept\w*|"
      r"pas les bienvenu\w*|ne (?:sont|seront) pas (?:les )?bienvenu\w*|refuse\w*|tolere\w*|interdit\w*)",
      "syndique syndiquee syndiques syndiquees syndicaliste syndicalistes militant militante militants "
      "engagement engage engagee activite activites appartenance affiliation adherent adherente mandat elu elus "
      "lanceur lanceurs opinion opinions politique politiques syndicale syndical", negatable=False,
      unless=r"(?:relations? (?:avec les )?(?:partenaires|organisations) sociaux|dialogue social|representants? du "
      r"personnel|instances? representatives?|sans engagement de (?:duree|votre part)|sans engagement financier)",
      exceptions=("EXC-EXIGENCE-ESSENTIELLE",), articles=("L1132-1", "L5321-2", "L1121-1")),
    P("opinions.request", "R10-DISCRIM", "opinions", "block",
      r"\b(?:preciser|precisez|indiquer|indiquez|mentionner|mentionnez|communiquer|communiquez|declarer|declarez|"
      r"faire figurer|joindre|joignez)\s+(?:\w+\s+){0,2}?(?:appartenance|affiliation|"
      r"engagement|opinions?|adhesion)\s+(?:syndicale?|politiques?)\b|\bcarte (?:d'electeur|du parti|d'adherent "
      r"(?:syndical|a un parti)|syndicale)\b|\b(?:candidat|profil|personne|etre)\s+apolitique\b|\bapolitique\s+"
      r"(?:exige|obligatoire|souhaite|requis|imperatif|de preference)",
      "appartenance affiliation engagement opinion opinions adhesion carte apolitique electeur",
      articles=("L1132-1", "L5321-2", "L1221-6")),
    P("opinions.compatible", "R10-DISCRIM", "opinions", "block",
      r"\b(?:opinions?|convictions?|idees) politiques?\b", "opinion opinions conviction convictions idees",
      requires=r"(?:compatible|conforme|partag|adher|exige|doivent|devez|obligatoire|de preference|souhait)",
      exceptions=("EXC-EXIGENCE-ESSENTIELLE",), articles=("L1132-1", "L5321-2")),
]

# --------------------------------------------------------------------------------------- orientation & identity
_ORIENTATION = [
    # the sex of the persons one is attracted to, the lived gender against the civil one, a partner's sex asked,
    # a transition or a chosen first name refused
    P("orientation.explicit", "R10-DISCRIM", "sexual_orientation_identity", "block",
      r"\battir(?:e|ee|es|ees|e\(e\)s?)\s+par (?:le sexe oppose|les personnes du sexe oppose|le meme sexe|les (?:hommes|femmes))\b|"
      r"\bgenre (?:vecu|ressenti)\b[^.;\n]{0,60}?\b(?:correspond\w*|conforme|identique)\b|"
      r"\b(?:aucun|pas de|sans)\s+prenom d'usage\b|\b(?:aucune|pas de|sans) transition (?:en cours|de genre|de sexe|"
      r"medicale|sociale)\b",
      "attire attiree attires attirees genre prenom transition", negatable=False,
      unless=r"(?:pris en compte|respect|accompagn|politique|charte|inclusi|bienvenu|accueil)",
      articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    P("orientation.words", "R10-DISCRIM", "sexual_orientation_identity", "review",
      r"\b(?:conjoint\w*|partenaire|compagnon|compagne|en couple)\b[^.\n]{0,40}?\b(?:(?:avec )?un homme ou (?:avec )?une "
      r"femme|(?:avec )?une femme ou (?:avec )?un homme|de quel sexe|du meme sexe)\b",
      "couple conjoint conjointe partenaire compagnon compagne", negatable=False, articles=("L1132-1", "L5321-2")),
    P("orientation.explicit", "R10-DISCRIM", "sexual_orientation_identity", "block",
      r"\b(?:heterosexuel\w*|homosexuel\w*|gays?|lesbiennes?|bisexuel\w*|transgenres?|transsexuel\w*|"
      r"non-binaires?|queers?|lgbt\w*|(?:personnes?|candidat\w*|femmes?|hommes?) trans)\b",
      "heterosexuel heterosexuelle heterosexuels homosexuel homosexuelle homosexuels gay gays lesbienne "
      "lesbiennes bisexuel bisexuelle transgenre transgenres transsexuel trans queer lgbt lgbtq lgbtqia "
      "binaire binaires", negatable=False,
      unless=r"(?:friendly|inclusi|engage|lutte|charte|signataire|label|autre cercle|diversite|"
      r"accueil (?:de|des) (?:tous|toutes)|sans considerat|independamment|"
      r"associati\w*|permanences?|militant\w* pour|droits des|soutien|accompagn|sensibilis|prevention|sante sexuelle|public|"
      r"centre lgbt|fierte|pride|"
      # the public served (« l'accueil des personnes trans au centre »), the noun, not a choice among candidates
      r"(?<!pas d')(?<!aucun )\baccueil (?:de |des |d')(?:\w+ )?(?:personnes?|publics?|jeunes|usagers?|femmes|hommes))",
      articles=("L1132-1", "L5321-2", "C. pén. 225-2")),
    P("orientation.words", "R10-DISCRIM", "sexual_orientation_identity", "review",
      r"\b(?:orientation sexuelle|identite de genre|m(?:œ|oe)urs|vie privee)\b",
      "orientation identite mœurs moeurs vie", requires=r"(?:exige|preciser|indiquer|conforme|compatible|"
      r"irreprochable|bonnes|doit|devez|de preference|souhait)", articles=("L1132-1", "L5321-2")),
]

# --------------------------------------------------------------------------------------- language (accent)
# A foreign language required where the job does not need it: the team's language (« c'est la langue du chantier »),
# a need denied by the text itself (« sans aucun contact avec l'international », « y compris en entrepôt »), or a
# manual job with no public named in the sentence (« Plonge : parler tamoul obligatoire »). It sorts candidates by
# the languages they speak, an L1132-1 criterion; a language a client-facing job uses stays silent.
_LANGS = (r"(?:anglais|allemand|espagnol|italien|portugais|arabe|turc|polonais|roumain|tamoul|breton|creole|neerlandais|"
          r"russe|chinois|mandarin|cantonais|vietnamien|berbere|kabyle|wolof|lingala|bambara|serbe|croate|bulgare|"
          r"ukrainien|albanais|hindi|ourdou|bengali|farsi|persan|hebreu|grec|japonais|coreen|basque|corse|alsacien|"
          r"occitan|catalan|tagalog|tchetchene|georgien|armenien|moldave|hongrois|tcheque|slovaque|swahili|soninke|"
          r"peul|malgache|comorien|haoussa|somali|tigrigna|amharique|pendjabi|cinghalais|thai|khmer|lao)")
_LANG_REQUIRED = (
    r"\b" + _LANGS +
    r"(?:\s+(?:courant|parle|fluent|couramment|c1|c2|b2|ecrit et parle|lu,? ecrit,? parle))?[\s,]*(?:[a-z']+[\s,]+){0,4}?"
    r"(?:exige|obligatoire|indispensable|imperati|requis|necessaire)\w*|"
    r"\b(?:il faut|vous devez|devez|doit|devra|devrez)\s+(?:savoir\s+)?parler\s+(?:couramment\s+)?(?:le |l')?" + _LANGS +
    r"\b|\b" + _LANGS + r" etant la langue\b|\blangue (?:d'equipe|de l'equipe|du chantier|de travail)\s+(?:\w+\s+){0,3}?"
    r"(?:etant |est |: )(?:le |l')?" + _LANGS + r"\b")
_LANG_UNNEEDED = (
    r"(?:langue (?:du chantier|d'equipe|de l'equipe|de travail du chantier|parlee (?:sur|dans|par))|s'integrer|"
    r"reste de l'equipe|toute l'equipe|sans (?:aucun |aucune )?(?:contact|clientele|relation)|aucun contact|"
    r"y compris (?:en|au|a l'|pour|dans)|meme pour (?:l'|le |la |les )|pour tous les (?:postes|ouvriers|salaries|employes)|"
    r"\b(?:macon|man(?:oe|œ)uvre|plonge|plongeur|ouvrier|agent d'entretien|agent de tri|agent de proprete|"
    r"agent de nettoyage|carreleur|plaquiste|peintres? en batiment|cueilleu|preparat\w* de commandes|cariste|"
    r"manutentionnaire|livreu|magasinier|terrassier|couvreur|etancheur|coffreur|ferrailleur|femme de chambre|"
    r"valet de chambre|vendangeu|saisonnier agricole|ouvrier\w* agricole|entrepot|chantier|atelier|nettoyage|"
    r"conditionnement|emballage)\w*)")
_LANGUAGE = [
    P("language.foreign_unneeded", "R10-DISCRIM", "language", "review", _LANG_REQUIRED,
      _LANGS[3:-1].replace("|", " ") + " langue", requires=_LANG_UNNEEDED,
      unless=r"(?:\bou\b[^.;\n]{0,20}" + _LANGS + r"|un plus|apprecie|serait un atout|atout|souhaite|bienvenu|"
      r"(?<!contact )(?<!aucun )(?<!sans )(?<!aucune )clien(?:ts?|tele)\b(?! etrangere)|clientele (?:etrangere|internationale)|"
      r"touris|export|etranger|(?<!avec l')(?<!avec l')international(?!e? du groupe)|"
      r"traduct|interpr|enseign|professeur|formateur|accueil|"
      # a team or partners abroad the job coordinates with
      r"coordonn\w*|partenaires?|filiale|siege)",
      articles=("L1132-1", "L5321-2")),
    P("language.accent", "R10-DISCRIM", "language", "block",
      r"\b(?:sans|aucun|pas d'|pas de|ne pas avoir d'|non)\s*(?:\w+\s+){0,2}?accents?\b(?!\s+(?:sur|mis|particulier|"
      r"tonique))|\baccents?\s+(?:etranger|regional|du sud|prononce|marque|fort)s?\s*:?\s+(?:\w+\s+)?(?:s'abstenir|"
      r"exclu\w*|non accept\w*|refuse\w*)|\b(?:francais|anglais)\s+(?:parfait\s+)?sans accent\b|"
      r"\baccents?\s+(?:\w+\s+){0,2}?(?:serait|sera|est|seraient)\s+(?:\w+\s+)?(?:redhibitoire|eliminatoire|genant|"
      r"un frein|un obstacle|un handicap|incompatible)\w*",
      "accent accents", negatable=False, unless=r"(?:mett\w* l'accent|mis l'accent|l'accent (?:est )?mis)",
      articles=("L1132-1", "L5321-2")),
    # the language spoken from birth is read as the mother tongue here only (the origin detector keeps its own words)
    P("language.native_speaker", "R10-DISCRIM", "language", "review", _NATIVE_SPEAKER + "|" + _SPOKEN_FROM_BIRTH + "|"
      # the mother tongue in the language it is asked in (« Deutsch als Muttersprache », « madrelingua »)
      r"\b(?:muttersprache|muttersprachler\w*|lengua materna|madrelingua|lingua madre|moedertaal|mother tongue)\b",
      _NATIVE_SPEAKER_NEEDS_LANGUAGE,
      unless=_NATIVE_SPEAKER_UNLESS, articles=("L1132-1", "L5321-2")),
]

# --------------------------------------------------------------------------------------- fees
# A sum reimbursed or paid by the employer is no fee, unless the text denies it (« sans aucune prise en charge »,
# « non remboursé ») or makes it conditional (« remboursée après un an d'ancienneté »): the candidate pays first.
_NOT_DENIED = r"(?<!non )(?<!pas )(?<!sans )(?<!aucune )(?<!aucun )(?<!jamais )"
_UNCONDITIONAL = (r"(?! (?:apres|si|sous|a condition|au bout|une fois|en cas|partiellement|a hauteur|sur vos|lorsque|"
                  r"des que|a l'issue|a la fin|progressivement|par deduction|qu'|que (?:si|sous|lorsque|apres|pour)\b))")
# « vous remboursez la formation », « les chauffeurs remboursent leur tenue »: the worker pays back, nothing is refunded
REIMBURSED = (r"\b" + _NOT_DENIED + r"rembours(?!able|ez\b|erez\b|(?:ent|eront) (?:la|le|les|leur|leurs|sa|son|ses|"
              r"l') ?(?:formation|tenue|uniforme|materiel|kit|equipement|permis|stage|badge|carte|frais d'inscription))"
              r"\w*\b" + _UNCONDITIONAL)
EMPLOYER_PAYS = r"\b" + _NOT_DENIED + r"pris(?:e|es)? en charge"
# « emploi garanti ou remboursé », « satisfait ou remboursé »: a money-back promise, the sum is paid first
_FEE_CANCEL = (r"(?:" + _NOT_DENIED + r"(?<!ou )rembours\w*\b(?! pas\b| jamais\b| rien\b| aucun)" + _UNCONDITIONAL + "|" + EMPLOYER_PAYS + r"|offert\w*|gratuit\w*|aucun frais|"
               r"sans frais|pas de frais|a la charge de (?:l'employeur|l'entreprise|la societe|notre)|"
               r"finance\w* par (?!(?:le |la |les |chaque )?(?:candidat|postulant|salarie|stagiaire|participant|"
               r"interimaire|recrue|saisonnier|travailleu|beneficiaire|vous))|"
               r"employeur (?:paie|prend|finance)|indemni\w*|avantage|reduction|tarifs? preferentiels?|"
               # a discount, not the handing over of a thing (« la remise du badge »)
               r"remises?\b(?! (?:du|de la|des|de l'|d'une?|de votre|de vos|de son|de sa|en)\b)|"
               r"frais de (?:deplacement|transport|route|repas|sante|mission|hebergement|bouche)|note de frais|"
               r"participation (?:de l'employeur|employeur|patronale|de l'entreprise|aux benefices|au transport)|"
               r"mutuelle|comite|\bcse\b|aucune? (?:participation|somme)|rien a (?:payer|acheter|regler|debourser|avancer|financer)|"
               r"ne (?:vous |te )?coute(?:ra)? rien|\bni (?:\w+ ){1,3}?a (?:payer|regler|acheter)\b|jamais d'argent)")
_FEE = [
    P("fee.named_fee", "R05-FEE", "fee", "block",
      r"\bfrais (?:de dossier|d'inscription|de candidature|d'entree|de recrutement|d'adhesion|de gestion de "
      r"(?:votre )?(?:dossier|candidature)|de kit|de selection|d'ouverture(?: de (?:dossier|compte))?|de participation|"
      r"de formation|de mise en relation|de placement|d'activation|de reservation|d'acces|de constitution (?:de|du) dossier)"
      r"\b|"
      # « Frais de badge : 15 € »: a charge named by a label and its sum
      r"\bfrais (?:de |d'|du )[^.;:\n]{1,60}?:\s*\d+(?:[ .,]\d+)?\s?(?:€|euros?\b|e\b)",
      "frais", unless=_FEE_CANCEL + r"|(?:de|des|pour|aux|a) (?:nos|vos|les|leurs|ses|des) (?:clients?|locataires|"
      r"adherents|usagers|acquereurs|emprunteurs|etudiants|eleves|patients|assures|beneficiaires|familles|"
      r"stagiaires|apprenants)|\bvous (?:gerez|calculez|facturez|encaissez|traitez|suivez|appliquez)|"
      r"\b(?:gerer|calculer|facturer|encaisser|traiter|appliquer|gestion des)\b", exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",),
      articles=("L5321-3", "L5331-1")),
    P("fee.candidate_pays", "R05-FEE", "fee", "block",
      r"\b(?:a votre charge|a la charge (?:du|des|de la|de l') (?:candidat|stagiaire|salarie|participant|vendeu|conseill|"
      r"collaborat|distribut|representant|commercia|agent|recrue|nouve|employe|personnel|interesse|futur|postulant|"
      r"benevole|intervenant|animat|formateu|chauffeu|livreu|coursier|partenaire|ambassad|membre|adherent)\w*|"
      r"a vos (?:propres )?"
      r"frais|de votre poche|aux frais du candidat|a regler par le candidat|payant(?:e|es|s)? pour (?:le|les) "
      r"candidat\w*)\b",
      "charge frais poche payant payante", unless=_FEE_CANCEL + r"|(?:deplacement|transport|repas|essence|"
      r"carburant|logement|hebergement|vehicule|permis|tenue de ville)", exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",),
      articles=("L5321-3", "L5331-1")),
    P("fee.purchase", "R05-FEE", "fee", "block",
      r"\b(?:achat|acquisition|paiement|reglement|versement|location|abonnement)\s+[^.;\n]{0,45}?\b(?:obligatoire|"
      r"prealable|exige\w*|impose\w*|demande\w*|a votre charge|a prevoir)\b|"
      r"\b(?:kit|pack|tenue|uniforme|materiel|equipement|formation|badge|licence|echantillons?|stock)\w*\s*"
      r"(?:\([^.;\n()]{0,50}\)\s*)?(?:\w+\s+){0,3}?a (?:acheter|payer|regler|financer|acquerir|louer)\b|"
      r"\b(?:achat|acquisition|location|paiement|financement) (?:de |du |des |d')?(?:votre|vos|ton|tes)\s+(?:\w+\s+){0,3}?"
      r"(?:kit|pack|materiel|stock|tenue|uniforme|echantillons?|equipement|badge|licence|demonstrat\w*)|"
      r"\bvous (?:financez|payez|reglez|achetez|versez|avancez|assumez|acquerez|louez)\s+(?:vous-meme\s+)?(?:votre|vos)\s+"
      r"(?:\w+\s+){0,2}?(?:kit|pack|tenue|uniforme|materiel|stock|echantillons?|formation|inscription|licence|frais|"
      r"equipement|badge|vehicule de demonstration|demonstrat\w*)|\b(?:(?:vous )?devr(?:ez|a|iez|ont)|doi(?:t|vent|vez)|il (?:vous )?"
      r"faut|merci de|vous aurez a|avant (?:l'entretien|l'embauche|de commencer|votre integration))\s+(?:\w+\s+){0,2}?"
      r"(?:acheter|payer|regler|verser|financer|investir|acquerir|louer|avancer|souscrire)\s+(?:\w+\s+){0,4}?(?:kit|pack|starter|"
      r"tenue|uniforme|materiel|stock|echantillons?|formation|inscription|dossier|droit|caution|licence|franchise|"
      r"abonnement|cotisation|adhesion|somme|montant|\d+(?:[ .,]\d+)?\s?(?:€|euros?))",
      "achat acquisition paiement reglement versement location abonnement acheter payer regler verser financer "
      "investir acquerir louer avancer financez payez reglez achetez versez avancez assumez acquerez louez souscrire",
      negatable=False,
      unless=_FEE_CANCEL + r"|(?:gestion (?:des )?achats|service achats?|acheteu\w*|achats? (?:de|des) "
      r"(?:matieres|marchandises|fournitures|pieces|produits)|vos clients|le client|la clientele|fournisseurs?|"
      r"commandes? clients?|paiement (?:des|du) (?:salaires?|fournisseurs?|factures?|clients?)|encaiss\w*|"
      r"paiement (?:mensuel|par virement)|a l'achat de (?:vehicule|logement)|aide a l'achat)",
      requires=r"(?:kit|pack|starter|tenue|uniforme|materiel|stock|echantillon|formation|inscription|dossier|droit|"
      r"caution|licence|franchise|abonnement|cotisation|adhesion|\d\s?(?:€|euros?)|demarrage)",
      exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
    P("fee.billed", "R05-FEE", "fee", "block",
      r"\b(?:formation|kit|pack|tenue|uniforme|materiel|equipement|inscription|licence|badge|carte "
      r"professionnelle|accompagnement|coaching)s?\s+(?:[\w']+,?\s+){0,7}?(?:facture\w*|payable\w*|"
      r"a (?:regler|payer|verser|financer))\b|\bdedui\w* (?:de|du|des|sur) (?:vos|votre|le|la|les) (?:premier\w* )?"
      r"(?:salaires?|paies?|payes?|commissions?|remunerations?|versements?|gains)\b|"
      r"\b(?:reten\w*|retir\w*|deduit\w*|deduir\w*|preleve\w*|decompte\w*|enlev\w*|soustrai\w*|ot(?:e|ons|ent|era)\b)\s+(?:\w+\s+){0,3}?\d+(?:[ .,]\d+)?\s?"
      r"(?:€|euros?)\s+(?:\w+\s+){0,5}?(?:sur|de|du) (?:(?:votre|vos|le|la|les) )?(?:premier\w* )?(?:salaire|paie|paye|"
      r"remuneration|commissions?|versements?)|\bretenue\w* sur (?:salaire|paie|paye|commissions?)\s+(?:\w+\s+){0,3}?"
      r"(?:pour|de|au titre)\s+(?:la |le |les |votre |vos |du |des )?(?:tenue|formation|materiel|kit|frais|badge|"
      r"uniforme|equipement|dossier|inscription)",
      "facture facturee facturees factures payable payables regler payer verser financer retenu retenue retenus "
      "retenons retiendrons deduit deduite deduits deduire deduirons preleve prelevee prelevons decompte retirons retire "
      "enleve enlevons enlevent enlever soustrait soustrayons ote otons otent",
      negatable=False,
      unless=_FEE_CANCEL + r"|(?:clients?|clientele|vous facturez|facturation (?:des|aux)|factur\w* (?:aux?|des) "
      r"(?:clients|entreprises|stagiaires)|organisme de formation|centre de formation|vendre|vente|commercialis|"
      r"cpf|opco|pole emploi|france travail)",
      exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
    # « les écarts de caisse sont prélevés sur la paie », « nettoyage des tenues : 20 € prélevés chaque mois sur votre
    # salaire », « chaque verre cassé est décompté sur la fiche de paie », « l'agence prélève 5 % de frais de gestion sur
    # chacune de vos paies »: a charge of the job taken from the worker's pay, the sum before or none; what is
    # deducted must be named in the sentence (a contribution, the mutual, meal vouchers, rent stay lawful)
    P("fee.billed", "R05-FEE", "fee", "block",
      r"\b(?:preleve|retenu|deduit|decompte|impute|retire)(?:e|s|es)?\s+(?:\w+\s+){0,2}?sur (?:la |le |les |votre |vos |"
      r"sa |son |leur |leurs |ta |tes |chaque |chacune de (?:vos|leurs|ses) )?(?:premier(?:e|s|es)? )?(?:fiche de |bulletin de )?(?:paie|paye|"
      r"salaire|remuneration)s?\b|"
      r"\b(?:preleve|prelevent|retient|retiennent|deduit|deduisent|retire|retirent)\s+\d+(?:[.,]\d+)?\s?(?:%|€|euros?\b)"
      r"[^.;\n]{0,40}?\bsur (?:\w+\s+){0,3}?(?:paie|paye|salaire|remuneration)s?\b",
      "retenu retenue retenus deduit deduite deduits preleve prelevee prelevent retient retiennent deduisent retirent "
      "retire decompte impute",
      negatable=False,
      requires=r"(?:ecarts?|manquants?|\bcasse|cassee?s?|tenues?|uniformes?|blouses?|materiel|outil\w*|vehicule|"
      r"camionnette|equipement|frais|nettoyage|entretien|vaisselle|verres?|pertes?|degats?|dommages?|amendes?|"
      r"contraventions?|formation|badge|telephone|tablette|gestion|stock|caisse|pack|kit|demarrage|cartes? de visite|"
      r"logiciel|licence|publicite|vitrine)",
      unless=_FEE_CANCEL + r"|(?:clients?|clientele|cotisation|charges sociales|impot|a la source|prevoyance|"
      r"part salariale|titres?[- ]restaurant|tickets?[- ]restaurant|acompte|avance|saisie|loyer|logement|cantine|"
      r"repas|retraite)",
      exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
    P("fee.paid_item", "R05-FEE", "fee", "block",
      r"\b(?:kit|pack|starter|tenue|uniforme|formation|stage|inscription|session|selection|candidature|coaching|"
      r"accompagnement|atelier|module|certification|preparation)\s+(?:\w+\s+){0,2}?payant(?:e|es|s)?\b|\b(?:droit|ticket) d'entree\b|\bfranchise de \d",
      "payant payante payants payantes droit ticket franchise", negatable=False,
      unless=r"(?:non payant|gratuit|offert|pris en charge|prise en charge|finance\w* par (?:l'employeur|"
      r"l'entreprise|nous|la societe|votre employeur)|parking|cantine|restaurant d'entreprise|pour nos clients|"
      r"clients? payants?|formations? payantes? (?:a|aux|pour) (?:nos|des|les) clients|vend\w*|commerciali\w*|"
      r"organis\w* (?:des|de) formations|animer des formations|concevoir)",
      exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
    P("fee.amount_due", "R05-FEE", "fee", "block",
      r"\b(?:abonnement|cotisation|adhesion|inscription|caution|depot de garantie|participation(?: financiere)?|"
      r"contribution(?: financiere)?|cheque|mandat|virement|retenue|prelevement)\s+(?:\w+\s+){0,3}?(?:de\s+)?"
      r"\d+(?:[ .,]\d+)?\s?(?:€|euros?)|"
      # « un book photo par notre studio est obligatoire (150 €) »: a thing required, and its price
      r"\bobligatoires?\s*(?:\(\s*|:\s*)\d+(?:[ .,]\d+)?\s?(?:€|euros?)|\b(?:abonnement|abonnee?s?|caution|depot|garantie|inscription|cotisation|adhesion|"
      r"investissement (?:de depart|initial|de demarrage)|"
      r"apport (?:initial|personnel)|mise de (?:depart|fonds)|droit d'entree)\s+[^.;\n]{0,50}?(?:de\s+)?"
      r"\d+(?:[ .,]\d+)?\s?(?:€|euros?)|"
      # « Adhésion annuelle à notre coopérative de vendeurs indépendants : 120 € »: a label names the sum it precedes
      r"\b(?:abonnement|cotisation|adhesion|inscription|caution|droit d'entree)\b[^.;:\n]{0,80}:\s*\d+(?:[ .,]\d+)?\s?"
      r"(?:€|euros?)|\b\d+(?:[ .,]\d+)?\s?(?:€|euros?)\s+(?:\w+\s+){0,2}?(?:a regler|a payer|a verser|de frais\b|"
      r"d'inscription|de participation|de caution|pour (?:postuler|l'inscription|acceder|l'ouverture|le dossier|"
      r"recevoir))",
      "abonnement cotisation adhesion inscription caution depot participation contribution cheque mandat virement "
      "regler payer verser frais postuler investissement apport fonds paiement versement garantie abonne abonnes abonnee "
      "abonnees retenue prelevement obligatoire", negatable=False,
      unless=_FEE_CANCEL + r"|(?:transport|navigo|salle de sport|mutuelle|club (?:de sport|sportif|de gym|de fitness|"
      r"de remise en forme|d'entreprise)|prime|bonus|\bca\b|chiffre d'affaires|"
      r"capital|salaire|remuneration|brut|cheques?[- ](?:cadeaux?|vacances|dejeuner|restaurant)|"
      r"(?:part|participation|cotisation|contribution|abondement|charges?)s? (?:de l'employeur|employeur|patronale)|"
      r"(?:l'employeur|employeur) (?:prend|paie|finance|verse|abonde|participe|rembourse|offre)|patronale|"
      r"titres?[- ]restaurant|tickets?[- ]restaurant|cotisations? (?:sociales|salariales)|retenue (?:a la source|de garantie)|"
      r"prelevement (?:a la source|automatique|sepa|bancaire)|loyer|logement|cantine|prime de participation|participation aux resultats|interessement|panier|accord (?:en "
      r"vigueur|d'entreprise|de participation)|epargne salariale|moyenne)",
      exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
    # The worker or the candidate as the payer of a sum (« chaque cueilleur règle 35 € à l'exploitation », « s'acquitte
    # de 49 € », « à financer par le candidat (90 €) »), a service the candidate must buy (« coaching obligatoire …
    # facturé 49 € », « au prix de 29 € » to apply), access to job offers or to a list of employers sold, a purchase
    # named by a label and its sum (« Achat de la mallette : 250 € »).
    P("fee.worker_pays", "R05-FEE", "fee", "block",
      r"\b(?:candidat|postulant|cueilleu|saisonnier|salarie|vendangeu|employe|stagiaire|participant|intervenant|livreu|"
      r"chauffeu|travailleu|ouvrier|recrue|vendeu|conseill|commercia|agent|nouveau|nouvelle)\w*(?:\([a-z]+\))?\s+"
      r"(?:\w+\s+){0,2}?(?:regle|verse|avance|s'acquitte de|s'acquittent de|doit (?:regler|payer|verser)|"
      r"doivent (?:regler|payer|verser))\s+(?:\w+\s+)?\d+(?:[ .,]\d+)?\s?(?:€|euros?\b)|"
      r"\bs'acquitt\w* (?:de |d')(?:la somme de |un montant de )?\d+(?:[ .,]\d+)?\s?(?:€|euros?\b)|"
      r"\b(?:a (?:financer|regler|payer|avancer|acheter)|(?:finance|regle|paye|avance|supporte|acquitte)e?s?) par "
      r"(?:le |la |les |l'|chaque )?(?:\w+ )?(?:candidat|postulant|salarie|stagiaire|"
      r"participant|interimaire|recrue|saisonnier|travailleu|beneficiaire|collaborat|employe(?!ur)|ouvrier|chauffeu|livreu)\w*|"
      # « c'est le candidat qui paye », « c'est vous qui payez »
      r"\bc'est (?:le |la |au |a la |a )?(?:candidat|postulant|salarie|employe|recrue|stagiaire|saisonnier|travailleu|"
      r"interimaire|vous|toi)\w* qui (?:paye|paie|payez|paies|regle|reglez|finance|financez|avance|avancez)\b|"
      # « nous facturons 150 € la relecture de votre CV »
      r"\bnous (?:vous )?factur(?:ons|erons)\s+(?:\w+\s+)?\d+(?:[ .,]\d+)?\s?(?:€|euros?\b)|"
      r"\b(?:est|sont|sera|seront) factur\w* (?:au candidat |aux candidats )?\d+(?:[ .,]\d+)?\s?(?:€|euros?\b)|"
      r"\b(?:procur\w*|achet\w*|command\w*)[^.;\n]{0,60}?\bau prix (?:\w+ )?de \d+(?:[ .,]\d+)?\s?(?:€|euros?\b)|"
      r"\bacces (?:a|aux) (?:nos |notre |la |les |l')?(?:offres|annonces|liste|fichier|base|espace|contacts?|"
      r"recruteurs?|employeurs?)\w*[^.;\n]{0,40}?\d+(?:[ .,]\d+)?\s?(?:€|euros?\b)|"
      r"\b(?:liste|fichier|annuaire|carnet|base) (?:des |d'|de |du )(?:\w+\s+)?(?:employeurs|entreprises|exploitations|"
      r"offres|recruteurs|contacts|adresses|agences)[^.;\n]{0,70}?\d+(?:[ .,]\d+)?\s?(?:€|euros?\b)|"
      r"\b(?:achat|location) (?:de |du |des |d')(?:la |le |les |l'|votre |vos )?[^.;:\n]{0,40}:\s*\d+(?:[ .,]\d+)?\s?"
      r"(?:€|euros?\b)|\bcheque de caution\s+(?:de\s+)?\d+(?:[ .,]\d+)?\s?(?:€|euros?\b|e\b)",
      "regle paie paye verse avance acquitte acquittent acquitter regler payer verser financer avancer facture "
      "factures facturee facturees prix acces liste fichier annuaire carnet achat location caution finance supporte "
      "acheter facturons facturerons paye paie payez reglez",
      negatable=False,
      unless=_FEE_CANCEL + r"|(?:\bbruts?\b|\bnets?\b|de l'heure|par heure|vos clients|aux clients|des clients|"
      r"cotisations?|part salariale|mutuelle|impots?|"
      r"nos clients|la clientele|client final|"
      r"gestion des achats|service achats?|acheteu\w*|achats? (?:de|des) (?:matieres|marchandises|fournitures|"
      r"pieces|produits)|budget|chiffre d'affaires|\bca\b|panier moyen|commandes? clients?|tarif (?:public|client)|prix de vente|devis)",
      requires=r"(?:candidat|postul|embauch|emploi|recrut|travail|poste|mission|entretien|saison|salari|obligatoire|"
      r"\bcv\b|(?:doit|doivent) etre|professionnel|"
      r"avant|pour (?:sa|son|votre|la|le|l')|carte|assurance|tenue|blouse|badge|materiel|formation|caces|guide|"
      r"profil|dossier|offres|liste|fichier|vendanges|exploitation|cueill|demonstration|mallette|caution|licence|"
      r"logiciel|equipement|outil|\bepi\b|visite medicale|\bport\b|entrer)",
      exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
    P("fee.pay_to_apply", "R05-FEE", "fee", "block",
      r"\b(?:reglez|regler|payez|payer|versez|verser|envoyez|envoyer|joindre|joignez|acquitt(?:er|ez|era|eront))\s+"
      r"(?:\w+\s+){0,3}?(?:\d+(?:[ .,]"
      r"\d+)?\s?(?:€|euros?\b)|(?:un |une |le |votre )?(?:cheque|mandat|paiement|reglement)\b)|"
      r"\b(?:numero|appel|sms)\s+surtaxe\w*\b",
      "reglez regler payez payer versez verser envoyez envoyer joindre joignez surtaxe surtaxes surtaxee acquitter "
      "acquittez acquittera acquitteront",
      requires=r"(?:postul|candidat|dossier|inscri|entretien|acceder|offre|annonce|avant|pour (?:recevoir|obtenir)|"
      r"surtax|frais)", unless=_FEE_CANCEL + r"|(?:cheques?[- ](?:cadeaux?|vacances|dejeuner|restaurant))",
      negatable=False, exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1", "L5331-5")),
    # « chaque candidat paie sa place, 15 € », « Job dating — Entrée : 10 € »: a price to meet the recruiter (left
    # from 1.12)
    P("fee.pay_to_apply", "R05-FEE", "fee", "block",
      r"\b(?:paie|paye|payez|paient|payent|reglez|regle|reglent|achete|achetez)\s+(?:sa|votre|ta|leur|son) (?:place|"
      r"participation|entree|inscription|ticket|billet)\b",
      "paie paye payez paient payent reglez regle reglent achete achetez", negatable=False,
      requires=r"(?:\d\s?(?:€|euros?\b)|job ?dating|recrut|candidat|entretien|forum (?:de l')?emploi|postul|participant)",
      unless=_FEE_CANCEL + r"|(?:visiteurs?|spectateurs?|public|clients?|concert|spectacle|musee|exposition|"
      r"billetterie|caisse)", exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
    P("fee.pay_to_apply", "R05-FEE", "fee", "block",
      r"\bentree\s*:\s*\d+(?:[ .,]\d+)?\s?(?:€|euros?\b)", "entree", negatable=False,
      requires=r"(?:job ?dating|recrut|candidat|entretien|forum (?:de l')?emploi|postul|session)",
      unless=_FEE_CANCEL + r"|(?:visiteurs?|spectateurs?|public|clients?|concert|spectacle|musee|exposition|"
      r"billetterie|caisse)", exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
    # « coût de la visite médicale refacturé au candidat », « gants perdus refacturés 12 € la paire »: a cost of the
    # employer passed on to the worker
    P("fee.billed", "R05-FEE", "fee", "block",
      r"\brefactur\w*\s+(?:\w+\s+){0,2}?(?:au|aux|a la|a l')\s*(?:candidat|postulant|salarie|employe|recrue|stagiaire|"
      r"saisonnier|personnel|interimaire|collaborat|agent|ouvrier|chauffeu|livreu|travailleu)\w*|"
      r"\brefactur\w*\s+(?:\w+\s+)?\d+(?:[ .,]\d+)?\s?(?:€|euros?\b)",
      "refacture refacturee refactures refacturees refacturer refacturons refacturons", negatable=False,
      unless=_FEE_CANCEL + r"|(?:clients?|clientele|fournisseurs?|filiales?|partenaires?|assureurs?|locataires?)",
      exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
    # « 12,40 € brut, moins 30 € par mois de location des EPI »: a charge taken from the stated pay
    P("fee.billed", "R05-FEE", "fee", "block",
      r"\bmoins \d+(?:[ .,]\d+)?\s?(?:€|euros?)\s+(?:\w+\s+){0,3}?(?:de|pour|d')\s*(?:la |le |les |l')?(?:location|achat|"
      r"tenues?|epi|materiel|uniformes?|badge|nettoyage|entretien|frais|formation|telephone|vehicule|outillage|equipement)",
      "moins", negatable=False, requires=r"(?:\bbrut|\bnet\b|salaire|\bpaie|\bpaye|horaire|remuneration|de l'heure|smic)",
      unless=_FEE_CANCEL + r"|(?:clients?|promotion|remise|reduction|tarif)", exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
    # « sont à acheter vous-même »: the worker's own purse, whatever the thing
    P("fee.purchase", "R05-FEE", "fee", "block",
      r"\ba (?:acheter|payer|financer|regler|louer) (?:vous-memes?|toi-meme|par vous-memes?|par vos (?:propres )?soins|"
      r"sur vos (?:propres )?deniers|de votre poche)\b",
      "acheter payer financer regler louer", negatable=False, unless=_FEE_CANCEL, exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
    # « nos conseillers salariés louent leur bureau à l'agence pour 90 € par mois »: an employee renting the tools of the job
    P("fee.worker_pays", "R05-FEE", "fee", "block",
      r"\b(?:lou(?:ent|ez|e|er)|location (?:de|du)) (?:leur|votre|son|sa|ton|ta|un|une|le|la) (?:bureau|poste de travail|"
      r"fauteuil|siege|place|vehicule|materiel|stand|cabine|espace de travail|outil\w*|camion|fourgon)\b[^.;\n]{0,50}?"
      r"\d+(?:[ .,]\d+)?\s?(?:€|euros?\b)",
      "louent louez loue louer location", negatable=False,
      requires=r"(?:salarie\w*|employe\w*|\bcdi\b|\bcdd\b|embauch\w*)",
      unless=_FEE_CANCEL + r"|(?:independant|auto-?entrepreneur|micro-?entrepreneur|freelance|clients?)", exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
    # « une retenue de 5 % est opérée sur le salaire … pour financer la publicité »: a share of pay taken for the business
    P("fee.billed", "R05-FEE", "fee", "block",
      r"\bretenues? (?:de )?\d+(?:[.,]\d+)?\s?(?:%|€|euros?\b)[^.;\n]{0,40}?\bsur (?:le |les |la |votre |vos |leur |leurs |"
      r"chaque |son |sa )?(?:salaire|paie|paye|remuneration|commission)s?\b",
      "retenue retenues", negatable=False,
      requires=r"(?:pour (?:financer|payer|couvrir)|publicite|vitrine|frais|materiel|tenue|formation|locaux|marketing)",
      unless=_FEE_CANCEL + r"|(?:cotisation|charges sociales|impot|a la source|prevoyance|mutuelle|retraite|saisie)",
      exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
    # « la mise en relation … est payante pour la personne qui gardera les enfants »
    P("fee.paid_item", "R05-FEE", "fee", "block",
      r"\b(?:mise en relation|placement|inscription|acces aux (?:offres|annonces|missions))\b[^.;:\n]{0,50}?\bpayant\w*\s+"
      r"pour (?:le |la |les |chaque )?(?:candidat|personne|salarie|intervenant|postulant|travailleu|aide|garde|nounou|"
      r"assistant|employe)\w*",
      "payant payante payants payantes", negatable=False, unless=_FEE_CANCEL, exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
    # « notre formation certifiante (90 €) vous ouvre les portes d'un CDD chez nous », « bootcamp : 90 €, les meilleurs
    # sont embauchés »: a training the candidate pays for as the way into the job
    P("fee.paid_item", "R05-FEE", "fee", "block",
      r"\b(?:formation|bootcamp|academie)s?\b[^.;:\n()]{0,50}?(?:\(\s*|:\s*)\d+(?:[ .,]\d+)?"
      r"\s?(?:€|euros?\b)",
      "formation formations bootcamp academie", negatable=False,
      requires=r"(?:embauch|recrut|\bcdi\b|\bcdd\b|chez nous|\bposte\b|postuler|decrocher)",
      unless=_FEE_CANCEL + r"|(?:remuner|\bpaye|\bbrut|\bnet\b|salaire|indemni|gratification|valeur|\bcpf\b|opco|"
      r"france travail|pole emploi|region|clients?|de l'heure|par mois|/ ?mois|mensuel)", exceptions=("EXC-AGENTS-ARTISTES-SPORTIFS",), articles=("L5321-3", "L5331-1")),
]

# --------------------------------------------------------------------------------------- undeclared work
_CASH = r"(?:en especes|en liquide|en cash|\bcash\b|au black|au noir|de la main a la main|en argent liquide)"
_UNDECLARED = [
    P("undeclared.explicit", "R23-UNDECLARED", "undeclared", "block",
      r"\b(?:non declare\w*|sans (?:etre )?declar\w*|travail dissimule|au black|au noir|de la main a la main|"
      r"sans (?:fiche|bulletin)s? de (?:paie|paye|salaire)|pas de (?:fiche|bulletin)s? de (?:paie|paye|salaire))\b",
      "declare declaree declares declarer declaration dissimule black noir main fiche fiches bulletin bulletins",
      negatable=False, requires=r"(?:pay|paie|remuner|salaire|travail|job|emploi|boulot|poste|possible|cash|"
      r"especes|liquide|regle|verse|heure|jour|semaine|mission|contrat)",
      unless=r"(?:lutte contre|controle|inspect|prevention|sanction|signal|fraude|ne (?:sera|sont) jamais|interdit|"
      r"tableau noir|film noir|(?:couleur|encre|peinture|tenue|pantalon|chaussures?|vetements?) (?:\w+ )?noir|"
      r"au noir (?:et|ou) blanc|en noir|noir et blanc|cafe noir|point noir|marche noir de|humour noir)",
      articles=("L8221-1",)),
    P("undeclared.cash_pay", "R23-UNDECLARED", "undeclared", "review",
      r"\b(?:pay\w*|paie|paiement|reglement|remuner\w*|salaire|regle\w*|verse\w*|paye\w*)\s+(?:\w+\s+){0,3}?" + _CASH
      + r"|" + _CASH + r"\s+(?:\w+\s+){0,4}?(?:chaque|a la fin|en fin|le soir|tous les|par jour|par semaine|"
      r"sans)\b",
      "especes liquide cash black noir main", negatable=False,
      unless=r"(?:encaiss\w*|fond de caisse|caisse|clients?|manipulation|remise en banque|transport de fonds|"
      r"convoy|gestion des especes|comptage|tenue de caisse|rendu de monnaie|tickets?|cheques?|carte bancaire|"
      r"especes (?:animales|vegetales|protegees|d'arbres|vivantes))", articles=("L8221-1",)),
]

# --------------------------------------------------------------------------------------- candidate data
_APPLICATION = (r"(?:\bcv\b|curriculum|candidature|lettre de motivation|postul|joindre|jointe?s?|envoy\w*|"
                r"adress\w*|accompagn\w*|merci de|obligatoire|exige\w*|indiquer|indiquez|preciser|precisez|"
                r"communiquer|fournir|transmettre|demand\w*|avec (?:votre|une|la|photo))")
_AT_HIRING = (r"(?:a l'embauche|lors de l'embauche|a la signature|lors de la signature|pour (?:le|la|l') "
              r"(?:contrat|paie|embauche|declaration|dpae|mutuelle)|a votre arrivee|le jour de|premier jour|"
              r"une fois (?:retenu|embauche|recrute)|apres (?:l'entretien|votre recrutement|embauche)|dossier "
              r"d'embauche|dossier administratif|formalites d'embauche)")
_CANDIDATE_DATA = [
    P("data.photo", "R11-CANDIDATE-DATA", "candidate_data", "review",
      r"\bphoto(?:graphie)?s?(?: d'identite| recente)?\b", "photo photos photographie",
      requires=_APPLICATION,
      unless=r"(?:sans photo|cv anonyme|pas de photo|prendre des photos|photos? (?:de|des|du) (?:chantiers?|produits?|"
      r"biens?|vehicules?|interventions?|travaux|realisations?|plats|pieces|logements?|sinistres?|dommages?|"
      r"installations?)|rapports? (?:avec|via|d'intervention)|retouche|photographe|shooting|appareil photo|"
      r"reportage|photos? envoyees|prise de vues?|prises? de photos|studio photo|\bbook\b|argentique|"
      r"photo(?:s)? (?:avant|apres)|mettre en ligne|annonces? immobilieres?|reseaux sociaux)",
      unless_after=r"^[^.;\n]{0,20}(?:non obligatoire|facultative|pas necessaire|appreciee?s? mais)",
      exceptions=("EXC-R1142-1",), articles=("L1221-6", "L1121-1")),
    P("data.birth", "R11-CANDIDATE-DATA", "candidate_data", "review",
      r"\b(?:date (?:et lieu )?de naissance|lieu de naissance|votre age|l'age du candidat|annee de naissance)\b",
      "naissance age", requires=_APPLICATION, unless=_AT_HIRING, articles=("L1221-6", "L1132-1")),
    P("data.nationality", "R11-CANDIDATE-DATA", "candidate_data", "block",
      r"\b(?:preciser|precisez|indiquer|indiquez|mentionner|mentionnez|communiquer|communiquez|declarer)\s+"
      r"(?:\w+\s+){0,4}?nationalite\b|\bnationalite\s*(?:a preciser|a indiquer|a mentionner|demandee)\b",
      "nationalite", unless=_AT_HIRING, articles=("L1221-6", "L1132-1")),
    P("data.social_security", "R11-CANDIDATE-DATA", "candidate_data", "review",
      r"\b(?:numero|n°|no|num)\.?\s*(?:de\s+)?(?:securite sociale|secu|ss)\b|\bcarte vitale\b|"
      r"\battestation de securite sociale\b",
      "securite secu ss vitale", requires=_APPLICATION, unless=_AT_HIRING, articles=("L1221-6",)),
    P("data.bank", "R11-CANDIDATE-DATA", "candidate_data", "review",
      r"\b(?:rib|releve d'identite bancaire|coordonnees bancaires|iban)\b",
      "rib releve iban coordonnees", requires=r"(?:candidature|\bcv\b|postul|lettre de motivation|envoy\w* "
      r"(?:votre|vos)|avec votre)", unless=_AT_HIRING, articles=("L1221-6",)),
    P("data.criminal_record", "R13-CASIER", "candidate_data", "review",
      r"\b(?:casier judiciaire|extrait de casier|bulletin (?:n ?°? ?|numero )?[23]\b|b3 du casier)",
      "casier bulletin b3", exceptions=("EXC-PROFESSION-REGLEMENTEE", "EXC-EMPLOI-PUBLIC"),
      articles=("L1121-1", "L1221-6")),
    P("data.vehicle", "R12-LICENCE", "candidate_data", "review",
      r"\b(?:vehicule (?:personnel )?(?:exige|obligatoire|indispensable|imperatif|requis)|vehicule\w* (?:exige|"
      r"obligatoire|indispensable)|etre vehicule\w*|vehicule personnel (?:exige|obligatoire|indispensable|necessaire))"
      r"\b|\b(?:permis (?:b|de conduire|vl|auto|voiture))\s+(?:et\s+(?:un\s+)?vehicule\s+(?:personnel\s+)?)?"
      r"(?:\w+\s+){0,2}?(?:exige|obligatoire|indispensable|imperatif|requis|necessaire|impose)\w*\b|"
      r"\b(?:exige|obligatoire|indispensable|imperatif)\w*\s*:?\s*permis (?:b|de conduire)\b|"
      r"\bvehicule (?:exige|obligatoire)\s+et\s+permis\b",
      "vehicule vehicules vehiculee permis", exceptions=("EXC-PERMIS-JUSTIFIE",),
      articles=("L1221-6", "L1132-1")),
]

# --------------------------------------------------------------------------------------- age (lexical proxies)
_AGE_WORDS = [
    # « Retraités et préretraités s'abstenir »: a status that stands for an age
    P("age.young_profile", "R07-AGE", "age", "review",
      r"\b(?:(?:pre)?retraite|seniors?)s?\b(?:\s+(?:et|ou)\s+(?:pre)?retraites?)?[^.;\n]{0,30}?(?:s'abstenir|exclu\w*|"
      r"non accept\w*|pas accept\w*|refuse\w*|pas les bienvenu\w*|non retenu\w*)|\bpas de (?:pre)?retraites\b",
      "retraite retraites preretraite preretraites senior seniors", negatable=False,
      unless=r"(?:cumul|caisse de retraite|regime|cotisation|depart a la retraite|mutuelle|prevoyance)",
      articles=("L1132-1", "L5321-2")),
    P("age.young_person", "R07-AGE", "age", "review",
      r"\b(?:un|une|des|de|recherch\w* (?:un|une)?|recrut\w* (?:un|une)?|pour)\s+jeunes?\s+(?:homme|femme|fille|garcon|"
      r"personne|candidat\w*|profil|recrue|equipier\w*|collaborat\w*|vendeu\w*|serveu\w*|motive\w*|dynamique\w*|"
      r"h/f|f/h|de moins)\b",
      "jeune jeunes", exceptions=("EXC-APPRENTISSAGE", "EXC-AIDES-EMPLOI"), articles=("L1132-1", "L5321-2")),
    P("age.young_profile", "R07-AGE", "age", "review",
      r"\b(?:vous etes|tu es|etre|profil|personne|candidat\w*|equipe recherche un|equipier\w*|collaborat\w*|"
      r"quelqu'une? de|"
      r"vendeu\w*|serveu\w*|recrue|agent\w*|assistant\w*|commercia\w*|hote\w*)\s+(?:plutot |assez |tres )?jeunes?\b"
      r"(?!\s+(?:diplome|entreprise|societe|structure|equipe|start|retraite|parent|conducteur|permis|enfant|public|"
      r"dans le|sur le|dans la))",
      "jeune jeunes", exceptions=("EXC-APPRENTISSAGE",), articles=("L1132-1", "L5321-2")),
    P("age.young_only", "R07-AGE", "age", "review",
      r"\b(?:reserve\w*|destine\w*|uniquement|exclusivement|ideal|ideale|convient|conviendrait)\s+(?:a |aux |pour "
      r"(?:un |une |des )?|a un |a une )jeunes?\b(?!\s+(?:diplome\w*|entreprise|enfants?|public))",
      "jeune jeunes", exceptions=("EXC-APPRENTISSAGE", "EXC-AIDES-EMPLOI"), articles=("L1132-1", "L5321-2")),
    P("age.generation", "R07-AGE", "age", "review",
      r"\b(?:digital natives?|generation (?:y|z|millennials?)|millennials?|trentenaire|quadragenaire|quinquagenaire|"
      r"sexagenaire|d'age mur|jeunesse (?:exigee|souhaitee|requise)|jeune retraite\w* (?:exclu|s'abstenir)|"
      r"(?:du|de|d'un|d'une|de la) meme (?:age|tranche d'age|generation|classe d'age)|"
      # « quelqu'un de notre tranche d'âge »: the team's own age as the criterion
      r"(?:de|dans) (?:notre|nos|leur) (?:tranche|classe)s? d'age)\b",
      "digital native natives generation millennial millennials trentenaire quadragenaire quinquagenaire "
      "sexagenaire mur jeunesse meme tranche classe", articles=("L1132-1", "L5321-2")),
    P("age.decade", "R07-AGE", "age", "block",
      r"\b(?:la |une |votre )?(?:petite |jeune |belle )?(?:vingtaine|trentaine|quarantaine|cinquantaine|soixantaine)\b"
      r"(?!\s*(?:de\s|d'|d\s)(?!annees))",
      "vingtaine trentaine quarantaine cinquantaine soixantaine",
      requires=r"(?:\bvous\b|\btu\b|candidat|profil|personne|\bage|ayant|avoir|recherch|recrut|souhait|ideal|"
      r"\betre\b)", unless=r"(?:mise? en quarantaine|confinement|isolement|sanitaire|depuis|il y a|pendant|durant|existe|"
      r"cree|fonde|experience|anciennete|d'histoire|d'existence|specialise|implante)",
      exceptions=("EXC-APPRENTISSAGE",), articles=("L1132-1", "L5321-2")),
    P("age.birth_year", "R07-AGE", "age", "block",
      r"\bne(?:\(e\)|e)?s?\s+(?:apres|avant|entre|en|a partir de|depuis|posterieurement a|au plus tot en|au plus tard en)"
      r"\s+(?:l'an(?:nee)? )?(?:19|20)\d{2}\b|\bannees? de naissance\s*:?\s*(?:posterieure|anterieure|superieure|inferieure|apres|avant|"
      r"entre|minimum|maximum|au plus tot|au plus tard|(?:19|20)\d{2}\s*(?:-|a|et)\s*(?:19|20)\d{2})",
      " ".join(["naissance"] + [str(y) for y in range(1950, 2011)]),
      requires=r"(?:candidat|\bvous\b|profil|personne|\betre\b|recherch|postul|recrut|\bage)",
      unless=r"(?:entreprise|societe|structure|marque|start-?up|agence|groupe|association|projet|concept|maison|"
      r"enseigne|boutique|restaurant|cabinet|reseau|magasin)\b[^.;\n]{0,40}\bne",
      exceptions=("EXC-APPRENTISSAGE",), articles=("L1132-1", "L5321-2")),
    # « nés dans les années 90 », « née dans les années 2000 »: a decade of birth is an age bracket
    P("age.birth_decade", "R07-AGE", "age", "block",
      r"\bne(?:\(e\)|e)?s?(?:\(e?s\))?\s+(?:dans|pendant|durant|au cours de|au debut de|a la fin de|apres|avant|a partir "
      r"de|depuis)\s+(?:les |des )?annees\s+(?:19|20)?\d0\b",
      "annees", unless=r"(?:entreprise|societe|structure|marque|start-?up|agence|groupe|association|projet|concept|"
      r"maison|enseigne|boutique|restaurant|cabinet|reseau|magasin|club|festival|salon|atelier|domaine|"
      r"recette|produit|tradition|idee|style|mouvement)\b[^.;\n]{0,40}\bne",
      exceptions=("EXC-APPRENTISSAGE",), articles=("L1132-1", "L5321-2")),
    P("age.student_only", "R07-AGE", "age", "review",
      r"\b(?:poste|job|emploi|contrat|offre)s?\s+(?:reserve\w*\s+)?(?:aux?\s+|pour\s+(?:les\s+)?|d')?etudiants?\b|"
      r"\b(?:reserve\w*|destine\w*|uniquement|exclusivement|seulement)\s+(?:a |aux |pour |pour les |des )?etudiant\w*"
      r"|\b(?:vous n'etes pas|tu n'es pas|ne pas etre|non|pas d')\s*etudiant\w*|"
      r"\betudiant(?:\(e\)|e)?s?(?:\(e?s\))?\s+(?:uniquement|exclusivement|seulement)\b|\b(?:vous etes|tu es|etre|statut)\s+"
      r"etudiant(?:\(e\)|e)?s?\b(?!\s+(?:en|de|dans) (?:bts|master|licence|but|formation|alternance|ecole|soins|"
      r"medecine|pharmacie|\w+ annee))",
      "etudiant etudiante etudiants etudiantes", negatable=False,
      unless=r"(?:bienvenu|accepte|possible|egalement|ou (?:non|salarie|retraite)|\(etudiants?,|etudiants?, (?:retraite|"
      r"salarie|double|demandeur)|double emploi|"
      r"pouvant s'adresser|apprecie|stage|alternance|apprenti|these|doctora|encadr|forme[rz]? des etudiants|"
      r"accueil (?:des|d') etudiants|residences?|logement)", articles=("L1132-1", "L5321-2")),
    P("age.retirees", "R07-AGE", "age", "review",
      r"\b(?:pas de|sans|non|aucun)\s+(?:jeunes\s+)?retraites?\b|\bretraites?\s+(?:\w+\s+)?(?:s'abstenir|exclus?|"
      r"non acceptes?|refuses?)\b|\bseniors?\s+(?:\w+\s+)?(?:s'abstenir|exclus?|non acceptes?|refuses?)\b",
      "retraite retraites senior seniors", negatable=False,
      unless=r"(?:cotisation|caisse|plan d'epargne|regime de|complementaire|mutuelle|\bperco|\bper\b)",
      articles=("L1132-1", "L5321-2")),
    P("age.junior_senior", "R07-AGE", "age", "advise",
      r"\b(?:profil|candidat\w*|vous etes|personne)\s+(?:plutot\s+)?(?:junior|senior)s?\b",
      "junior senior juniors seniors",
      # « senior au sens de l'expérience : huit ans de projets »: the seniority meant is the experience
      unless=r"(?:au sens de|en termes d'|cote) (?:l')?experience|\bexperience (?:de|d')(?:au moins )?(?:\d+|un|deux|trois|"
             r"quatre|cinq|six|sept|huit|neuf|dix)|\b(?:au moins|minimum|plus de) (?:\d+|deux|trois|quatre|cinq|six|sept|huit|"
             r"neuf|dix) ans (?:de|d')", articles=("L1132-1", "L5321-2")),
]

ALL_PATTERNS: tuple[Pat, ...] = tuple(
    _SEX + _FAMILY + _ORIGIN + _RELIGION + _APPEARANCE + _HEALTH + _RESIDENCE + _OPINIONS + _ORIENTATION
    + _LANGUAGE + _FEE + _UNDECLARED + _CANDIDATE_DATA + _AGE_WORDS
)


def _lower(severity: str, effect: str) -> str:
    """Lower a severity to an exception's effect level (never raise it)."""
    if SEVERITY_ORDER[effect] < SEVERITY_ORDER[severity]:
        return effect
    return severity


def apply_exceptions(ctx: Ctx, severity: str, exceptions: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(new severity or None if dropped, id of the exception applied or None)."""
    for exc_id in exceptions:
        if ctx.exc(exc_id):
            effect = EXCEPTIONS[exc_id].effect
            if effect == "drop":
                return None, exc_id
            lowered = _lower(severity, effect)
            if lowered != severity:
                return lowered, exc_id
    return severity, None


# « même avec un titre de séjour », « (hors apprentissage) »: a lawful context named only to be set aside.
_SET_ASIDE = re.compile(r"(?:\bmeme (?:avec|si|titulaires?|munie?s?|en possession|detenteur\w*|dote\w*)\b|"
                        r"\b(?:hors|sauf|excepte)\b)[^,.;:!?()\n]{0,22}$")


def lawful_context(unless: re.Pattern, clause: str) -> bool:
    """Whether the clause holds one of the lawful contexts of ``unless`` that is not set aside."""
    for m in unless.finditer(clause):
        if not _SET_ASIDE.search(clause, max(0, m.start() - 40), m.start()):
            return True
    return False


def is_diversity_statement(folded: str, start: int, end: int) -> bool:
    a, b = sentence_bounds(folded, start, end)
    return bool(DIVERSITY.search(folded, a, b))


_TOKEN = re.compile(r"[a-z0-9]+")
#: Characters around an anchor word within which a pattern must match (patterns are shorter than this).
WINDOW = 220


def _windows(ft, index: dict[str, list[Pat]]) -> dict[int, list[tuple[int, int]]]:
    """Per candidate pattern (by id()), the merged windows around the occurrences of its anchor words."""
    found: dict[int, list[tuple[int, int]]] = {}
    folded = ft.folded
    n = len(folded)
    for word, pats in index.items():
        if "oe" in word and word not in folded:
            word = word.replace("oe", "œ")  # words_of() spells « œ » as « oe »; the folded text keeps « œ »
        k = len(word)
        pos = folded.find(word)
        while pos >= 0:
            end = pos + k
            if (pos == 0 or not folded[pos - 1].isalnum()) and (end >= n or not folded[end].isalnum()):
                a, b = max(0, pos - WINDOW), min(n, end + WINDOW)
                for pat in pats:
                    found.setdefault(id(pat), []).append((a, b))
            pos = folded.find(word, end)
    for key, spans in found.items():
        spans.sort()
        merged = [spans[0]]
        for a, b in spans[1:]:
            if a <= merged[-1][1]:
                if b > merged[-1][1]:
                    merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        found[key] = merged
    return found


_ALL_NEEDS = frozenset().union(*(p.needs for p in ALL_PATTERNS if p.needs))
_PATS_BY_WORD = {w: [p for p in ALL_PATTERNS if p.needs and w in p.needs] for w in _ALL_NEEDS}
_PATS_BY_WORD_FREE = {w: [p for p in pats if p.scope != "title"] for w, pats in _PATS_BY_WORD.items()}
_NO_NEEDS = [p for p in ALL_PATTERNS if p.needs is None]
_BY_ID = {id(p): p for p in ALL_PATTERNS}


def run_patterns(ctx: Ctx, patterns: tuple[Pat, ...] = ALL_PATTERNS, dropped: list | None = None) -> list[Hit]:
    """Run the lexicon patterns, each only around the words it needs (« anchors »)."""
    hits: list[Hit] = []
    words = ctx.words
    default = patterns is ALL_PATTERNS
    if default:
        candidates = None
        if words.isdisjoint(_ALL_NEEDS) and not _NO_NEEDS:
            return hits
    else:
        candidates = [p for p in patterns if p.needs is None or not words.isdisjoint(p.needs)]
        if not candidates:
            return hits
    fields = ctx.free_fields
    for ft in fields:
        index: dict[str, list[Pat]] = {}
        full: list[Pat] = []
        if default:
            # Inverted index: the anchor words present in the field give the patterns to run (no per-pattern test).
            title = ft.name == "intitule"
            for w in ft.words & _ALL_NEEDS:
                pats = _PATS_BY_WORD[w] if title else _PATS_BY_WORD_FREE[w]
                if pats:
                    index[w] = pats
            full = [p for p in _NO_NEEDS if title or p.scope != "title"]
        else:
            for pat in candidates:
                if pat.scope == "title" and ft.name != "intitule":
                    continue
                if pat.needs is None:
                    full.append(pat)
                    continue
                common = pat.needs & ft.words
                for w in common:
                    index.setdefault(w, []).append(pat)
        if not index and not full:
            continue
        wins = _windows(ft, index) if index else {}
        by_id = _BY_ID if default else {id(p): p for p in candidates}
        todo = [(p, [(0, len(ft.folded))]) for p in full] + [(by_id[k], v) for k, v in wins.items()]
        for pat, spans in todo:
            seen: set[tuple[int, int]] = set()
            for a, b in spans:
                for m in pat.rx.finditer(ft.folded, a, b):
                    if m.span() in seen:
                        continue
                    seen.add(m.span())
                    hit = _check_match(ctx, pat, ft, m, dropped)
                    if hit is not None:
                        hits.append(hit)
    return hits


def _check_match(ctx: Ctx, pat: Pat, ft, m, dropped: list | None) -> Hit | None:
    folded = ft.folded
    start, end = m.span()
    if pat.raw is not None and not pat.raw.search(ft.clean[start:end]):
        return None
    c0, c1 = clause_bounds(folded, start, end)
    before = folded[c0:start]
    if pat.negatable and NEG_BEFORE.search(before) or DENIED_NEED.search(before):
        return None
    if pat.negatable and NEG_AFTER.search(folded[end:c1 + 1]):
        return None
    if pat.unless is not None and pat.unless.search(folded, c0, c1):
        return None
    if pat.unless_before is not None and pat.unless_before.search(before):
        return None
    if pat.unless_after is not None and pat.unless_after.search(folded[end:c1]):
        return None
    if pat.requires is not None:
        s0, s1 = sentence_bounds(folded, start, end)
        if not pat.requires.search(folded, s0, s1):
            return None
    if pat.diversity and is_diversity_statement(folded, start, end):
        return None
    severity, exc = apply_exceptions(ctx, pat.severity, pat.exceptions)
    if severity is None:
        if dropped is not None:
            dropped.append((pat.rule, exc, ft.name))
        return None
    return Hit(pat.id, pat.rule, pat.category, severity, ft.name, start, end, exception=exc, articles=pat.articles)

"""A protected property named in the same clause as a requirement, an exclusion or a preference (issue #5).

The group detector (``groups.py``) looks for a *group of people* (« les seniors », « femmes voilées »). Recruiters
also write the *property* itself: « pas de projet bébé », « adresse en cité : candidature non étudiée »,
« incompatible avec un traitement de longue durée », « Origine : européenne », « Indiquez si vous êtes adhérent
d'un syndicat ». Measured on wordings nobody had written for the detectors (heldout2, heldout3), lists of whole
phrases did not generalise. This detector works on two vocabularies instead:

* per category, the words that name the protected property (residence: quartier, cité, adresse, domicile,
  habiter…; health: maladie, traitement, arrêts maladie, invalidité, mal de dos…), inflections and frequent typos
  included;
* the cues that turn a mention into a criterion: an exclusion (« pas de », « sans », « s'abstenir », « ne seront pas
  retenus », « incompatible »), a restriction (« uniquement », « réservé »), a requirement (« exigé »,
  « obligatoire »), a preference (« de préférence », « privilégié », « idéal pour »), a question put to the reader
  (« indiquez si », « précisez ») or a field (« Origine : … »).

Both must sit in the same clause, close to each other. Lawful contexts are left alone: the job's public (« accompagner
des personnes malades »), the employer's benefits (mutuelle, congé maternité), positive action (offers reserved to
disabled workers, emplois francs), statements that no such criterion applies (« aucune condition de nationalité »).
A finding here is « à examiner » unless the cue is an outright exclusion of a property that can never be a job
requirement: a counsellor decides the rest.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from tremplin.services.legality.alternation import compile_skipping
from tremplin.services.legality.context import Ctx
from tremplin.services.legality.findings import Hit
from tremplin.services.legality.lexicon import (
    DENIED_NEED_WORDS,
    EMPLOYER_PAYS,
    MINISTRY_OF_WORSHIP,
    REIMBURSED,
    WHATEVER_PROTECTED,
    apply_exceptions,
    is_diversity_statement,
    lawful_context,
)
from tremplin.services.legality.text import (
    clause_bounds,
    fast,
    finditer_in_windows,
    sentence_bounds,
    word_positions,
)

# ------------------------------------------------------------------------------------------------ cues
_CUE_EXCL = (
    r"\bpas (?:de|d'|des|les|du|la|le|a|en|une?)\b|\bpas d'|\b(?:non|pas) adapte\w*|\bsans\b|\baucune?\b|\bhors\b|\ba l'exclusion|\bexcepte|"
    r"\bsauf\b|\bne\b[^.;:!?\n]{0,50}?\b(?:pas|plus|jamais|point)\b|\bn'(?:\w+ ){1,2}?(?:pas|plus|jamais)\b|"
    # « on ne prend personne de … »: the pronoun right after the verb is an exclusion too
    r"\b(?:ne|n') ?[a-z]+ personne (?:de|du|des|d'|qui|venant|habitant)\b|"
    r"\bne [a-z']+ (?:\w+ )?qu(?:e\b|')|\bn'[a-z]+ (?:\w+ )?qu(?:e\b|')|"
    r"\brefus\w*|\beliminatoire\w*|\bredhibitoire\w*|\bs'abstenir|\bsabsten\w*|\bpas (?:fait|faite|concu|"
    r"concue|pense|pensee|destine|destinee) pour\b|\babstenez|\babstenir|\babstiens|\babstiendr\w*|"
    r"\bnon (?:accept|admis|retenu|etudi|recevable|desir|souhait|bienvenu|pris|compatible|autoris|toler|consider|"
    r"prioritair|recherch|voulu|merci\b)\w*|\bmoins de chances?\b|"
    r"\bexclu\w*|\binterdi(?:t|ction)\w*|\bincompatible\w*|\bpass(?:ez|er|e) (?:votre|ton) chemin|\bpas pour (?:vous|toi)|\binutile\b|"
    r"\bmerci de ne pas|\bevit\w*|\becart\w*|\brejet\w*|\bproscri\w*|\bindesirable\w*|\bbannis?\b|\bpas question|"
    r"\bhors de question|\bstop\b|\bjamais\b|\bno\b(?= [a-z])|\bnot (?:accepted|allowed|welcome|suitable|hired)|\bnever\b|"
    r"\bwithout\b|\birrecevab\w*|\bdeconseill\w*|\b(?:pas|non) recommande\w*|\bmise?s? (?:de cote|a l'ecart|au placard)|"
    r"\bferme\w* (?:l'acces|la porte|les portes|aux?|a des)\b|\b(?:cherchez|cherche|allez voir|voyez|postulez|passez) ailleurs\b|"
    r"\bc'est (?:non|niet|mort|exclu|hors de question)\b|\bnon[- ](?:embauche|recrutement|selection)\w*|"
    r"\bmotif (?:de |d')(?:refus|rejet|non|ecart|eviction)\w*|\bn'[a-z]+ (?:\w+ )?ni\b|\bne [a-z']+ (?:\w+ )?ni\b|\bpa (?:de|d')|\bc'est mort\b|\boubliez\b|\bpas la peine\b|\bnope\b|(?:^|(?<=[\n:•]))\s*ni\b|"
    # a processing put on hold (« place la candidature en attente »), the absence of a membership checked, a
    # negative score (« = -10 points »), a clause opening with « Ni »
    r"\b(?:place|met|mettent|placent|mise?s?)\w* (?:la |les |votre |vos )?candidatures? en attente\b|"
    r"\babsence (?:de |d')(?:tout\w* |toute )?(?:adhesion|engagement|appartenance|mandat|activite)\w*|=\s*-\s*\d+|\binaccept\w*|\bpas acceptee?s?\b|\bpas admise?s?\b|\bpas retenue?s?\b|\bniet\b|=\s*(?:non|refus|stop|exclu)"
)
_CUE_ONLY = (
    r"\buniquement\b|\bseulement\b|\bexclusivement\b|\bstrictement\b|\breserve\w*|\bseul(?:e|s|es)? (?:les|des|une?|aux?)\b|"
    r"\brien que (?:des|les)\b|\bonly\b|\bexclusi\w*|\b(?<!ainsi )(?<!tels )(?<!telles )(?<!plus )(?<!moins )"
    r"(?<!autant )(?<!bien )(?<!tant )(?<!alors )(?<!meme )que (?:des|les)\b"
)
_CUE_REQ = (
    r"\bexige\w*|\bexigence\w*|\brequis\w*|\brequise?s?\b|\bobligatoire\w*|\bobligatoirement\b|\bimperati\w*|"
    r"\bindispensable\w*|\bnecessaire\w*|\bimpose\w*|\brequired\b|\bmandatory\b|"
    # « demandée » as a requirement, not « les demandes » (the noun)
    r"\b(?<!les )(?<!des )(?<!aux )(?<!vos )(?<!ses )(?<!leurs )(?<!la )(?<!une )(?<!nos )demandee?s?\b|\bcondition\w*|\bcritere\w*|\b(?:il )?faut\b|"
    r"\bdevez\b|\bdevrez\b|\bdoi(?:t|vent|s)\b|\bdevra\w*|\bpreciser\b|\bjustifier\b|\bjustifiez\b|\bmust\b|"
    r"\bprise?s? en compte\b|\bmaxi(?:mum|mal|male|maux|males)?\b|\bmini(?:mum|mal|male|maux|males)?\b|\bmax\b|"
    r"\bmin\b|\baccepte(?:e|s|es)?\b|\btolere(?:e|s|es)?\b|"
    # sharing the recruiter's convictions (« partageant nos valeurs politiques »)
    r"\bpartag(?:er|eant|eante?s?|ez|ent|e)\b(?= (?:nos|notre|les memes|nos memes|leurs|ses|ces) )"
)
_CUE_PREF = (
    r"\bpreferred\b|\bpreferably\b|\bde preference\b|\bpreferen\w*|\bprivilegi\w*|\bidealement\b|\bideal(?:e|s|es)? (?:pour|si)\b|\bprioritair\w*|"
    r"\ben priorite\b|\bpriorite (?:absolue |totale )?(?:aux?|a|donnee|sera)\b|\bplutot\b|\bprefer\w*|\bconvien(?:drait|draient|t|nent)\b|\bun plus\b|\bapprecie\w*|"
    r"\bbienvenu\w*|\bsouhait\w*|\bvoulons\b|\bveut\b|\bidealement\b|\bavantage\w*|\bconseill(?:e|ee|es|ees|ons)\b"
)
_CUE_REQ_SCORE = (
    # a scoring grid (« apparence physique notée sur 10 », « coefficient 2 », « = +5 points »): the property is graded
    r"|\bnote\w* sur \d+\b|\bcoefficient\b|=\s*\+?\s*\d+ ?(?:points?|pts)\b"
    # what the reader must do to a trait (« cheveux crépus à lisser »)
    r"|\ba (?:lisser|defriser|raser|cacher|masquer|camoufler)\b"
)
_CUE_ASK = (
    r"\bindiquez\b|\bindiquer\b|\bprecisez\b|\bpreciser\b|\bmentionnez\b|\bmentionner\b|\bsignalez\b|\bsignaler\b|"
    r"\bjoindre\b|\bjoignez\b|\bdites\b|\bnous dire\b|\bfournir\b|\bfournissez\b|\bdeclarez\b|\bdeclarer\b|\bcommuniquez\b|"
    r"\b(?:etes|avez|portez|vivez|habitez|pratiquez|comptez|prevoyez|envisagez)[- ]vous\b|"
    # a question put to the reader (« Vous êtes X ? Nous vous attendons ») and what is asked of them
    r"\bvous etes\b[^.?!\n;]{1,40}\?|\b(?:nous )?(?:demandons|reclamons|exigeons)\b|"
    # the same question put familiarly (« Précise-nous si tu es syndiqué », « Indique ta confession »), or as a form
    # to fill in (« orientation sexuelle à renseigner »)
    r"\b(?:indique|precise|mentionne|signale|dis)(?:-nous|-moi| nous| moi)?\b(?= (?:si|ta|ton|tes|le|la|les|ici)\b)|"
    r"\ba (?:renseigner|preciser|indiquer|mentionner|declarer)\b"
)
_CUE_SEEK = (
    r"\b(?:recrut|embauch|engag|cherch|recherch)(?:ons|eons|e|ent|ez)\b(?! (?:a|au|aux|en|dans|pour|sur) )|"
    r"\bch\. |\bnous (?:voulons|prenons|visons|ciblons)\b|\bce que nous (?:cherchons|voulons)\b|"
    r"\bparfait\b|\bexactement\b|\bproches? de nos\b"
)
# Measured on the real offers: the exclusion cues run fastest with « \b » checked in Python (exact mode: « =\s*non »
# has none); the restriction, requirement and question cues run faster as plain patterns (every alternative starts
# with « \b », the engine skips ahead by itself), the others as they were.
_CUES = {
    "excl": fast(_CUE_EXCL, exact=True),
    "only": re.compile(_CUE_ONLY),
    "req": re.compile(_CUE_REQ + _CUE_REQ_SCORE),
    "pref": fast(_CUE_PREF),
    "ask": re.compile(_CUE_ASK),
    "seek": fast(_CUE_SEEK),
}
_CUE_ORDER = ("excl", "only", "req", "pref", "ask", "seek")
# Words every cue contains (a cheap first pass on the field's words, instead of the cue patterns).
_CUE_WORDS = frozenset(
    "pas sans aucun aucune hors sauf excepte ne n non point jamais plus chemin inutile merci question stop "
    "pa mort oubliez peine nope que faut ailleurs motif dis renseigner "
    "niet uniquement seulement exclusivement strictement seul seule seuls seules rien only faut devez devrez must "
    "plutot priorite voulons veut dites dire etes avez portez vivez habitez pratiquez comptez prevoyez envisagez "
    "no not never without required mandatory preferred preferably "
    "demandons reclamons exigeons doit doivent dois ni mis mise mises ferme ferment fermera voulons ideal maxi maximum maximal maximale maximaux mini minimum minimal minimale minimaux "
    "max min accepte acceptee acceptes acceptees tolere toleree toleres tolerees "
    "partager partageant partageante partageantes partageants partagez partagent partage "
    "attente absence coefficient lisser defriser raser cacher masquer camoufler fermee fermees fermes".split())
_CUE_STEMS = ("refus", "eliminatoire", "redhibitoire", "abstien", "abstenez", "abstenir", "exclu", "interdit", "interdiction",
              "incompatible", "inaccept", "indesirable", "ecart", "rejet", "proscri", "evit", "reserve", "exige",
              "requis", "requise", "obligatoire", "imperati", "indispensable", "necessaire", "impose", "demande",
              "condition", "critere", "devra", "preferen", "privilegi", "prioritair", "prefer", "convien", "apprecie",
              "bienvenu", "souhait", "ideal", "avantage", "conseill", "justifi", "adapte", "accept", "admis", "retenu",
              "etudi", "recevable", "desir", "pris", "compatible", "autoris", "toler", "consider", "bannis", "precis",
              "indiqu", "mentionn", "signal", "joign", "joindre", "fourni", "declar", "communiqu", "pass", "abstiendr",
              "sabsten", "irrecevab", "deconseill", "recommand", "note")


# Words of the search cue, looked for only near the properties that take it (they occur in most offers).
_SEEK_WORDS = frozenset("recrutons recrute recrutent recrutez embauchons embauche embauchent embauchez engageons engage "
                        "engagent engagez cherchons cherche cherchent cherchez recherchons recherche recherchent "
                        "recherchez ch voulons prenons visons ciblons parfait exactement proche proches".split())

_IS_CUE: dict[str, bool] = {}  # token → whether it is a cue word (cached: the same words recur in every offer)


def _is_cue(w: str) -> bool:
    got = _IS_CUE.get(w)
    if got is None:
        got = w in _CUE_WORDS or w.startswith(_CUE_STEMS)
        if len(_IS_CUE) < 200_000:
            _IS_CUE[w] = got
    return got


# Words already classified (set operations in C instead of a Python loop over every word of every field).
_CUE_SEEN: set[str] = set()
_CUE_YES: set[str] = set()


def _cue_positions(ft) -> list[tuple[int, int]]:
    new = ft.words - _CUE_SEEN
    if new and len(_CUE_SEEN) < 300_000:
        _CUE_SEEN.update(new)
        _CUE_YES.update(w for w in new if _is_cue(w))
    words = ft.words & _CUE_YES if not new or len(_CUE_SEEN) < 300_000 else {w for w in ft.words if _is_cue(w)}
    spans = word_positions(ft.folded, words) if words else []
    folded = ft.folded
    for ch in ":=":
        i = folded.find(ch)
        while i >= 0:
            spans.append((i, i + 1))
            i = folded.find(ch, i + 1)
    spans.sort()
    return spans


def _seek_positions(ft, cue_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The cue positions plus those of the search cue's words."""
    words = ft.words & _SEEK_WORDS
    if not words:
        return cue_spans
    return sorted(cue_spans + word_positions(ft.folded, words))

# A statement that no such criterion applies, or a law reference: never a criterion.
_LAWFUL = re.compile(
    r"\baucune? (?:condition|critere|exigence|restriction|distinction|limite|discrimination|importance)|"
    r"\b(?:sans|pas de) (?:condition|critere|exigence|restriction|distinction|limite|consideration)|\bpeu importe|\bqu'importe|"
    r"\baucune preference\b|\b(?:aucun|pas de|sans) (?:probleme|souci)s?\b(?! (?:de|d'|du|des|avec)\b)|\bc'est prive\b|"
    # « aucune croyance demandée », « pas besoin d'être … », « on s'en fiche », « … sont aussi les bienvenus »: the
    # property is said not to count
    r"\baucune? (?:\w+ ){1,2}(?:demande|exige|requis|necessaire|attendu|impose)\w*|" + DENIED_NEED_WORDS + r"|"
    r"\b(?:on |nous )?s'en (?:fiche|fout|moque)\b|\b(?:aussi|egalement|tout autant) (?:les )?bienvenu|"
    # « quelle que soit l'organisation » after an exclusion is no statement: only a protected property makes one
    + WHATEVER_PROTECTED + r"|"
    r"\bindifferent|\bjamais (?:un |une |des )?(?:critere|obstacle|frein|probleme)|"
    r"\bn'(?:est|sont) (?:pas|jamais) (?:un |des |une )?(?:critere|condition|obstacle|frein|"
    r"probleme|exige|requis|demande|obligatoire|necessaire|important)|\bne (?:sont|seront|sera|est) pas (?:un |des )?"
    r"(?:critere|obstacle|frein|pris en compte)|\bn'a (?:pas|aucune) (?:d')?importance|\bne compte pas|\bpas d'importance|"
    r"\b(?:ne |n')?(?:demandons|exigeons|regardons|tenons compte|posons|prenons en compte) (?:pas|aucun|jamais)|"
    r"\bconformement a la loi|\bconformement (?:au code|a la reglementation)|\bderogation legale|\bla loi (?:interdit|prevoit|impose)|\bprevue?s? par la loi|"
    r"\bne s'appliqu\w* pas (?:aux?|pour)\b|\binterdit par la loi|\bau sens de l'article|"
    r"\bcode du travail|\bl\.? ?1132|\btoutes? et tous\b|\btous et toutes\b|\bouvert\w* a (?:tou|toutes|tous)|"
    r"\btou(?:te)?s (?:les )?(?:nationalites|origines|ages|religions|confessions|profils|tailles|morphologies|"
    r"horizons|situations)|\bsans discrimination|\bnon[- ]discrimination|\bdiscrimin|\bn'(?:exclu|ecart|elimin|refus)\w*|"
    r"\ben raison de (?:son|sa|ses|leur|leurs)\b|\bne (?:sont|seront|sera|est) pas (?:exclu|ecarte|refuse|"
    r"elimine|incompatible|un obstacle|un frein)\w*|"
    # « Orientation sexuelle : ça ne nous regarde pas, on juge le travail »: none of the employer's business
    r"\b(?:ca |cela )?ne (?:nous|me) regarde(?:nt)? (?:pas|en rien)\b|\bon (?:ne )?(?:juge|regarde|evalue)s? (?:que |uniquement |seulement )?(?:le travail|les "
    r"competences|le savoir-faire)\b"
)

# « Religion : indifférente, sauf Témoins de Jéhovah », « ouvert à tous, excepté … »: an exception to a statement of
# openness excludes what it names (an exception to a law reference, « la loi impose …, sauf handicap », does not).
_OPENNESS = re.compile(r"indifferent|peu importe|qu'importe|ouvert|tou(?:te)?s |sans distinction|aucune? ")
_EXCEPT = re.compile(r"\b(?:sauf|excepte|hormis|a l'exception (?:de|des|du|d'))")


def _states_lawful(clause: str, at: int) -> bool:
    """Whether the clause states that no criterion applies, other than in an exception naming the property at ``at``."""
    for m in _LAWFUL.finditer(clause):
        if m.end() <= at and _OPENNESS.match(clause, m.start()) and _EXCEPT.search(clause, m.end(), at):
            continue
        return True
    return False


_PERSON = r"(?:personnes?|candidat\w*|profils?|gens|individus?|salarie\w*|collaborat\w*|cv|candidatures?|agents?|employe\w*)"


@dataclass(frozen=True, slots=True)
class Prop:
    id: str
    category: str
    rule: str
    rx: object  # Fast pattern of the property words
    anchors: frozenset[str]
    cues: tuple[str, ...]  # which cue kinds make it a criterion
    severity: str  # for an exclusion or a restriction; preferences, requirements and questions are « review »
    unless: re.Pattern | None = None  # searched in the clause: a lawful context
    exceptions: tuple[str, ...] = ()
    reach: int = 70  # how far (characters) the cue may be from the property words
    field_form: bool = True  # « Origine : européenne »
    positive: re.Pattern | None = None  # positive action: lawful unless the cue excludes (« QPV prioritaires »)
    near: re.Pattern | None = None  # for words that are the criterion by themselves: what must be close (a number)


def _anchors(words: str) -> frozenset[str]:
    out: set[str] = set()
    for w in words.split():
        if w.endswith("!"):
            out.add(w[:-1])
        else:
            out.update((w, w + "s", w + "e", w + "es", w + "x"))
    return frozenset(out)


_MINISTRY = compile_skipping(MINISTRY_OF_WORSHIP)
# A political or trade-union organisation hiring for its own cause (« animateur de campagne pour un parti politique »,
# « collaborateur de groupe d'élus ») and asking adherence to its own programme or orientations (L1133-1).
_TENDENCY_EMPLOYER = compile_skipping(
    r"\b(?:pour|au sein d'|au sein du) (?:un |le |notre )parti\b|"
    r"\b(?:pour|d'|de|du|au sein d'|au sein du|au sein de) (?:un |une |le |la |notre )?(?:parti politique|"
    r"groupe (?:d'elus|politique|parlementaire)|mouvement politique|syndicat|confederation syndicale|federation syndicale|"
    r"organisation syndicale)|\b(?:collaborat\w*|assistant\w*|attache\w*) (?:de groupe|d'elus?|parlementaire)")
_TENDENCY_ROLE = compile_skipping(
    r"\b(?:campagne|collaborat\w*|assistant\w* parlementaire|attache\w*|charge\w*(?:\(e\))? de (?:mission|communication|"
    r"campagne|plaidoyer)|communication|porte-parole|permanent\w*|plume|conseiller\w* politique|elus?|delegue\w*|"
    r"juriste|formateur\w* syndica\w*|animat\w* (?:de campagne|militant|du reseau))")
_TENDENCY_JOB = compile_skipping(
    r"\b(?:adher\w*|adhesion|souscri\w*|partag\w*|defend\w*|porter) (?:au |aux |a l'|a la |le |les |la |l')?"
    r"(?:programme|orientations?|ligne|projet|positions?|valeurs|statuts|charte) (?:politiques? )?"
    r"(?:du|de la|de l'|des|de ce|de notre|ses|leurs?) ?(?:parti|groupe|syndicat|organisation|mouvement|elus?)?")


def _p(id: str, category: str, rule: str, pattern: str, anchors: str, cues: str, severity: str,
       unless: str | None = None, **kw) -> Prop:
    for key in ("positive", "near"):
        if isinstance(kw.get(key), str):
            kw[key] = compile_skipping(kw[key])
    # words end at a word boundary (« secte » is not « secteur »)
    return Prop(id, category, rule, fast(pattern + r"(?![a-z0-9])"), _anchors(anchors), tuple(cues.split()), severity,
                compile_skipping(unless) if unless else None, **kw)


_PUBLIC_CARE = (r"accompagn|\bsoins?\b|soign|patient|prise en charge|aupres (?:de|des|d')|accueil\w* (?:de|des|d'|du|les)\b|"
                r"etablissement|foyer|(?<!vous )(?<!t')\baccueillir|\bdetenu\w*|\bsans consentement|"
                r"esat\b|\bime\b|\bmas\b|\bfam\b|usager|beneficiaire|residents?\b|\bpublic|sensibilis|prevention|"
                r"mutuelle|prevoyance|assurance|complementaire|indemni|remplacement|en remplacement|conge|"
                # the candidate's own follow-up (« un suivi psychiatrique, même ancien ») is no public
                r"suivi\b(?! (?:psychiatrique|psychologique|medical|therapeutique|psy)\b(?! (?:des|de|du|d')))|"
                r"(?:prevention|declaration|risques?|gestion|taux|analyse|enquetes?|suivi) (?:des |d'|de )?"
                r"(?:accidents?|maladies?)|medecine du travail|visite medicale|"
                r"clients?\b|clientele|eleves?\b|enfants?\b|jeunes\b|aidant|infirmi|aide-soignant|ehpad|hopital|"
                r"clinique|pharmac|laboratoire|(?<!non )recherche|essais? cliniques?|therapeute|kine|ergotherap|orthophon|"
                r"educat|animat|amenagement|politique handicap|referent|mission handicap|"
                r"boeth|oeth|agefiph|fiphfp|ea\b|entreprise adaptee")

PROPS: tuple[Prop, ...] = (
    # --- health and disability: exclusions only (a restriction in favour of disabled workers is lawful)
    _p("prop.health", "health_disability", "R10-DISCRIM",
       r"\b(?:(?:personnes?|candidat\w*|salarie\w*|gens|etes|etant|sont|qui) (?:\w+ )?(?:atteinte?s?|souffrant\w*|"
       r"souffr(?:e|ent|ez)) (?:de |d'|du |des |par )\w+|souffr(?:ez|ant) (?:de |d'|du |des )\w+|"
       r"scleros\w*|fibromyalg\w*|parkinson\w*|alzheimer\w*|crohn\b|polyarthrit\w*|arthros\w*|rhumatis\w*|"
       r"spondyl\w*|migraine\w*|endometrios\w*|schizophren\w*|bipolair\w*|anorexi\w*|boulimi\w*|psychos\w*|"
       r"hospitalise(?:e|s|es|\(e\))?\b|hospitalisations? (?:en psychiatrie|psychiatriques?|recentes?|longues?|"
       r"repetees)|cannes?(?: blanches?| anglaises?)?|bequilles?|deambulateur\w*|amput\w*|paralys\w*|"
       r"paraplegi\w*|tetraplegi\w*|myop\w*|daltoni\w*|mutil\w*|begai\w*|begaie\w*|avc\b|infarctus|"
       r"(?:suivis?|prises? en charge|therapies?|traitements?) (?:psychologiques?|psy)\b|"
       r"accidents? vasculaires?(?: cerebra\w*)?|crises? cardiaques?|attaques? cerebrales?|"
       r"(?:eu|ayant eu|victimes?) (?:un |une |des )?(?:accidents? du travail|maladies? professionnelles?)|"
       r"handicap\w*|rqth|invalid\w*|mi-temps therapeutique\w*|therapeutique\w*|maladi\w*|malade\w*|pathologi\w*|"
       r"traitements? (?:medica\w*|lourds?|de (?:longue|long) duree|au long cours|de fond|chroniques?|a vie)|"
       r"traitements? (?:\w+ )?(?:ou une |ou un |ou )?ald|\bald\b|affections? (?:de longue duree|chroniques?)|"
       r"mal (?:au|de|du) (?:dos|genou|genoux|epaules?|dos)|maux de dos|dos fragile|problemes? (?:de )?(?:dos|sante|"
       r"medica\w*|cardiaques?|respiratoires?|articulaires?|psy\w*)|soucis (?:de )?(?:sante|dos)|lombalgi\w*|"
       r"hernies?(?: discales?)?|allergi\w*|allergique\w*|asthm\w*|diabet\w*|epilep\w*|cardiaque\w*|cancer\w*|vih\b|"
       r"seropositi\w*|\bsida\b|hepatite\w*|depressi\w*|burn[- ]?out|psychiatri\w*|troubles? (?:psy\w*|"
       r"musculo\w*|de (?:sante|l'humeur|la personnalite))|tms\b|antecedents? (?:medica\w*|de sante|psy\w*|"
       r"cardiaques?|de (?:maladie|cancer|depression))|(?:en |une |de )?(?:bonne|parfaite|excellente) sante|"
       r"sante (?:fragile|de fer|irreprochable|parfaite)|etat de sante|dossier medical|arrets? (?:maladie|de travail|"
       r"frequents?|repetes?|longs?)|absences? (?:pour (?:raisons? )?(?:medicales?|de sante)|repetees|frequentes)|"
       r"medicaments?|fauteuil roulant|mobilite reduite|mdph|reconnaissance (?:de |d')?(?:handicap|travailleur|la "
       r"qualite|mdph)|aah\b|dys(?:lex|prax|ortho|calcul|phas)\w*|tdah|hyperacti\w*|autis\w*|insuline\w*|"
       r"pacemaker\w*|stimulateur cardiaque|sous (?:traitement|insuline|antidepresseur\w*|anticoagul\w*|"
       r"chimio\w*|dialyse)|dialyse\w*|chimio\w*|greff\w*|prothese\w*|handi\b|sourd\w*|malentendant\w*|aveugle\w*|malvoyant\w*|"
       r"begai\w*|begue\w*|boit\w*|claudica\w*|obes\w*|addicti\w*|alcoolique\w*|toxicomane\w*|"
       r"(?:moins|pas) (?:de |d')?(?:\d+|cinq|dix) (?:jours? )?d'arrets?)",
       "atteint atteinte atteints atteintes souffrant souffrants souffre souffrent souffrez canne cannes bequille bequilles crohn eu victime victimes begaient begaie begayer "
       "handicap handicape handicapee rqth invalide invalidite therapeutique maladie malade pathologie traitement "
       "ald affection mal maux dos lombalgie hernie allergie allergies allergique asthme asthmatique diabete "
       "diabetique epilepsie epileptique cardiaque cancer vih seropositif seropositive sida hepatite depression "
       "depressif depressive burn burnout psychiatrique troubles! trouble! tms antecedent sante medical! medicaux! "
       "arret arrets absence medicament fauteuil mobilite sourd malentendant aveugle malvoyant begaiement begue boiteux "
       "claudication obese obesite addiction alcoolique toxicomane problemes! probleme! soucis! mdph reconnaissance "
       "aah dyslexique dyslexiques dyslexie dyspraxique dyspraxiques dyspraxie dysorthographie dyscalculie dysphasie "
       "tdah hyperactif hyperactive hyperactivite autiste autistes autisme insuline pacemaker stimulateur "
       "antidepresseur antidepresseurs dialyse chimio chimiotherapie greffe greffee greffes prothese protheses handi "
       "avc infarctus vasculaire vasculaires crise crises attaque attaques psychologique psychologiques",
       "excl", "review",
       unless=_PUBLIC_CARE + r"|\b(?:est|sera|serait|constitue|devient) (?:un |une )?(?:vrai |reel |gros |veritable )?"
       r"handicap\b(?! (?:\w+ )?(?:pour (?:vous|le|la|les)|physique|mental|psychique|moteur|visuel|auditif))|\ballergi\w* (?:aux?|a la|a l')|\bsans (?:aucun )?(?:probleme|souci)s? (?:de|pour|d')|\b(?:locaux|batiment|site|"
       r"bureaux|lieu|acces|parking)\w*\s+(?:\w+\s+)?(?:non|pas|in)\s*accessible|\bpas de (?:souci|probleme)\b"),
    # Health as a requirement or a question (« bonne santé exigée », « signalez vos allergies »): to review.
    _p("prop.health_required", "health_disability", "R10-DISCRIM",
       r"\b(?:(?:en |une |de )?(?:bonne|parfaite|excellente) sante|sante (?:de fer|irreprochable|parfaite)|"
       r"antecedents? (?:medica\w*|de sante|psy\w*|cardiaques?)|dossier medical|(?:votre |son )etat de sante|"
       r"(?:vos|votre|tes|ton|ta|d'eventuel(?:le)?s?|vos eventuel(?:le)?s?|tes eventuel(?:le)?s?|tout(?:e|es)? "
       r"(?:vos |tes )?) (?:maladies?|pathologies?|traitements?(?: medica\w*)?|allergies?|handicaps?|arrets? maladie|"
       r"problemes? de sante|soucis de sante|absences? pour maladie)|"
       # « dis-nous si tu as des soucis de santé »: the question put familiarly
       r"si (?:tu as|vous avez) (?:des |un |une )?(?:problemes?|soucis|ennuis) (?:de )?sante|"
       # the question put straight (« Avez-vous des problèmes de santé ? », « Suivez-vous un traitement ? »)
       r"(?:avez|as)[- ](?:vous|tu) (?:des |un |une )?(?:problemes?|soucis|ennuis) (?:de )?sante|"
       r"(?:suivez[- ]vous|suis[- ]tu) (?:un |des )?traitements?|depistage\w*|tests? (?:de |du )?(?:vih|sida|grossesse|drogues?|"
       r"stupefiants?)|serologi\w*|vih\b|hepatites?|bilans? (?:sanguins?|de sante|medicaux|medical|biologiques?)|"
       r"analyses? (?:de sang|sanguines?|d'urine)|prises? de sang|vue (?:parfaite|excellente|de lynx|sans correction)|"
       r"acuite visuelle (?:parfaite|de 10)\w*|(?:sans|aucune) correction (?:visuelle|de la vue))",
       "sante antecedent dossier medical! etat maladie maladies pathologie traitement allergie handicap arret arrets "
       "soucis "
       "probleme! problemes! absence depistage test tests serologie serologique vih hepatite hepatites bilan bilans "
       "sang sanguin sanguine sanguins sanguines urine vue acuite correction",
       "ask req", "review",
       unless=_PUBLIC_CARE + r"|\bpoids lourds?|\bcaces\b|\bhabilitation|\bpermis\b|\bvisite\b|\baptitude\b|"
       r"\bmedecin du travail|\bfiche de poste|\bcertificat|\bvaccin|\bhygiene|\bsecurite\b|\bdonnees|\bdossiers? "
       r"(?:des|de|du)\b|\btraitement (?:des|de|du|d')|\bqualite\b|\bservice\b",
       field_form=False),
    # --- appearance
    _p("prop.appearance", "appearance", "R10-DISCRIM",
       r"\b(?:cheveux (?!(?:attaches|noues|propres|couverts|ramasses|attaches|proteges))\w+|coiffures? "
       r"(?:excentriques?|afro|tressees?|colorees?|extravagantes?|voyantes?)|tresses?|nattes?|afro\b|"
       r"(?:mauvaise|belle|jolie|vilaine) peau|peau (?:grasse|abimee|a problemes?|parfaite|nette)|acne\w*|boutons? "
       r"(?:d'acne|au visage)|kilos? (?:en trop|superflus?)|poids (?:en trop|maxim\w*|minim\w*|accepte)|"
       r"(?:votre|vos|son|sa|leur) (?:taille|poids)|taille (?:et|,) (?:\w+ )?poids|imc\b|indice de masse corporelle|"
       r"porte\w* (?:du|un|une|en) (?:xxs|xs|s|m|l|xl|3[2-9]|4[0-6])\b|fai(?:re|t|tes|sant) (?:du|un|une) "
       r"(?:xxs|xs|s|m|3[2-9]|4[0-6])\b|(?:porteu\w*|port) (?:de )?lunettes|a lunettes|lunettes (?:de vue|correctrices)|avec (?:des )?lunettes|dents? (?:abimee|jaune|manquante|de travers)\w*|appareils? "
       r"dentaires?|bien (?:foutue?s?|roulee?s?|gaulee?s?|balancee?s?)|(?:bonne|belle|jolie) (?:gueule|tete|bouille)|"
       r"gueule d'ange|cheveux|"
       # a clothing size as a condition (« taille de vêtement 38 au maximum », « taille 36 ou 38 »), complexion and
       # features, the brand's aesthetic standards, a look asked for (« look surfeur exigé »), a pretty face
       r"tailles? (?:de (?:vetements?|confection|tenue|uniforme|robe|pantalon) )?(?:xxs|xs|3[2-9]|4[0-6])\b|"
       r"tailles? de (?:vetements?|confection)|teint (?:clair|pale|mat|fonce|hale|bronze|de porcelaine)|"
       r"traits (?:fins|reguliers|harmonieux|delicats)|(?:standards?|criteres?|canons?|normes?) (?:esthetiques?|de beaute)|"
       r"look (?!(?:soigne|professionnel|correct|adapte|de la marque|de l'enseigne)\b)[a-z]{4,}|minois|"
       r"surpoids|en surpoids|obes\w*|(?:trop )?(?:gros|grosse|grosses|ronde?s?|maigres?|petite?s?|grande?s?) "
       r"(?:personnes?|gabarits?|tailles?)|kilos en trop|(?:un |le |votre |du |beau |belle |joli )physique|"
       r"physique (?:agreable|avenant|attrayant|attirant|de mannequin|irreprochable|parfait|plaisant|soigne|"
       r"harmonieux|athletique|sportif|sympa|impeccable|seduisant|exceptionnel|avantageux)|"
       # « Physique : … » is a field of the person; « Poste physique : … » says what the job demands
       r"(?<!poste )(?<!travail )(?<!metier )(?<!emploi )(?<!activite )(?<!job )physique(?= :)|"
       r"(?:beau|belle|beaux|belles|jolie?s?) (?:gosses?|gars|filles?|garcons?|femmes?|hommes?|visages?|"
       r"gueules?|physiques?|allures?|silhouettes?)|bg\b|canons?\b|sexy|mannequin\w*|"
       r"tatou\w*|piercing\w*|percing\w*|barbe\w*|barbus?|moustach\w*|cheveux (?:longs|colores|teints|rouges|verts|"
       r"bleus|roses|crepus)|coupe (?:afro|iroquoise)|dreadlocks?|dreads?\b|locks\b|rastas?\b|crete\b|"
       r"(?:bonne |belle |jolie )?(?:silhouette|morphologie|apparence|allure|plastique|frimousse|bouille)|"
       r"mensurations?|taille (?:\d{2}|mannequin|fine|xs|s|36|38|40)|poids (?:de forme|ideal|maximum|max|\d{2})|"
       r"(?:moins de |maximum |max |pas plus de )\d{2,3}\s?kg|\d{2,3}\s?kg (?:max|maximum)|"
       r"1\s?m\s?\d{2}|\d{3}\s?cm|mesur(?:er|ez|ant|ent|e)\b (?:au moins |plus de |moins de |entre |au minimum |minimum |"
       r"au maximum |maximum |max |min |au plus |pas plus de |pas moins de )?(?:d'|de )?\d|minces?|svelte\w*|elance\w*|"
       r"look (?:jeune|sexy|soigne|branche|tendance|classique)|teint\b|couleur de peau|visage\w*|dents?\b|"
       r"laids?|laides?|moches?|disgraci\w*|vilain\w*|personnes? (?:fortes?|rondes?|grosses?|corpulente?s?|enrobee?s?)|"
       r"fortes? corpulences?|corpulen\w*|enrobe\w*|embonpoint|roux|rousses?|taches de rousseur|rouquin\w*|"
       r"seduisant\w*|attirant\w*|sex-appeal|charmante?s?|mignonne?s?|stature\w*|carrure\w*|gabarits?|"
       r"\d[,.]\d{2} ?m\b|calvitie|chauves?|(?:petite|grande|courte) taille|"
       # a weight or a clothing size asked of the person, beauty as a criterion, hair colour
       r"(?:depasser|peser|pesant|pese) (?:plus de |moins de |au plus |au maximum )?\d{2,3} ?(?:kilos?|kg)|"
       r"\d{2,3} ?kilos\b|tailles? (?:de vetements?|vestimentaires?|de confection)|taille (?:3[2-9]|4[0-6]) ?/ ?(?:3[2-9]|4[0-8])|"
       r"beaute\b|(?:beaux|belles|jolie?s|mignonne?s|mignons) et (?:bien faite?s?|\w+)|"
       r"(?:serveu\w*|vendeu\w*|hote\w*|barm\w*|personnes?|candidat\w*(?:\(e\))?|hommes?|femmes?|filles?|garcons?|gars|"
       r"employe\w*|agents?|gens|profils?|equipier\w*) (?:beaux|belles|jolies|mignonnes|mignons|sexy|belle|beau|jolie|"
       r"joli|mignonne|mignon|bronze\w*)\b|blond(?:e|es|s|inette|inettes)?\b|"
       # the teeth and the smile as features of the person (« dents saines et sourire impeccable »)
       r"dents (?:saines|blanches|parfaites|impeccables|alignees|bien alignees)|(?:belles|jolies) dents|"
       r"dentition (?:parfaite|saine|impeccable|soignee)|sourire (?:impeccable|parfait|eclatant|ultra-?bright)|"
       r"brunes?\b(?! (?:du|des|et)\b)(?! de (?!preference))|brunettes?)",
       "coiffure coiffures tresse tresses natte nattes afro peau acne kilo kilos poids imc indice "
       "portent portant lunettes dents appareil appareils foutu foutue gueule tete dentition "
       "foutues roulee roulees gaulee gaulees balancee balancees "
       "surpoids obese obesite gros grosse grosses ronde rondes maigre petite petites grande grandes kilos physique "
       "beau belle beaux belles jolie jolies gosse gosses bg canon sexy mannequin tatoue tatouee tatoues tatouage "
       "tatouages piercing piercings percing barbe barbes barbu barbus moustache cheveux coupe dreadlocks dreads "
       "dread locks rasta rastas crete silhouette morphologie apparence allure plastique frimousse bouille "
       "mensurations taille poids kg kgs 1m cm mesurer mesurez mesurant mesurent mesure mince minces svelte elance elancee look teint peau visage "
       "dents dent laid laide laids moche moches disgracieux vilain fortes forte corpulence "
       "corpulent corpulente corpulentes enrobe enrobee enrobes enrobees embonpoint roux rousse rousses rousseur "
       "tailles vetement vetements traits esthetique esthetiques minois "
       "depasser peser pesant pese vetement vetements vestimentaire vestimentaires beaute blond blonde blondes "
       "blondinette blondinettes brune brunes brunette brunettes mignons "
       "rouquin rouquine seduisant seduisante seduisants seduisantes seduisant attirant attirante sex charmant "
       "charmante mignon mignonne stature carrure gabarit gabarits m calvitie chauve chauves",
       "excl only req pref ask seek", "review",
       # (the appearance of the sex on the identity papers is the gender identity's criterion: see prop.orientation)
       unless=r"\bconseil\w* en image|\bconseillerez|\bsexe (?:inscrit|indique|mentionne|de naissance|biologique|assigne)|\bmorphologie (?:des|de vos|du client)|\bstyle\b|\btatoueu\w*|"
              r"\bperceu\w*|\bbarbier\w*|\bcoiffeu\w*|\bcoiffage|\bsalon de coiffure|(?<!standards )(?<!standard )(?<!criteres )(?<!canons )(?<!normes )\bestheti\w*|\bsalon\b(?! auto| de l'auto)|"
              r"\bcasting|\bdefile\w*|\bmannequins? (?:hommes?|femmes?|enfants?|h|f|pour|photo|cabine|mode|vivants?)\b|\btravaux publics|\bbitum\w*|\benrobage|\bvoirie|\benrobes? (?:h|f|bitum\w*|a chaud|routier)\b|\bmannequin (?:cabine|photo|de defile)|\bessayages?|\bprototypes?|\blunettes? (?:de (?:protection|"
              r"securite|soleil|chantier)|masque|anti)|\bopticien|\boptique|\bverres? correcteurs?|\bsoins? (?:de|du) "
              r"(?:la )?peau|\bdermato|\bvotre taille (?:d'entreprise|de)|\bleur taille (?:d'entreprise|de)|"
              r"\bpoids lourds?|\bvehicule|\bcamion|"
              r"\bcharges?\b|\bcolis|\bport\b|\bsoulever|\bmanutention|\bkg de|\bkilos? de|\bmachines?|"
              r"\bpieces?|\bproduits?|\bvetements?\b(?! ?(?:3[2-9]|4[0-6]|xs|s|m)\b)|\bpret-a-porter|"
              r"\b(?:institut|produits?|soins?|conseill\w*|centre|salon|rayon|marques?|articles?|secteur|univers|"
              r"metiers?|espace|parfumerie|cosmetique\w*) (?:de |et )?(?:la )?beaute|\bbeaute (?:des|du|de la|et)\b|"
              r"\bbieres?|\btabac|\bblond (?:venitien )?(?:de|du)|\bsucre|\bchocolat|\bcuir|"
              r"\bcharlotte|\bhygiene|\bsecurite|\bmasque|\bgants|\bepi\b|\buniforme|\btenue|\bprotection|"
              r"\bcondition physique|\beffort\w* physique|\bactivite physique|\btravail physique|\bphysique (?:et|ou) "
              r"(?:mental|intellectuel)|\bengagement physique|\bresistance physique|\bpresence physique|"
              r"\bcapacite\w* physique|\baptitude\w* physique|\bforme physique|\bpersonnes? physiques?|\bsoins? du visage|"
              r"\bsoins? (?:des|de) dents|\barracheurs? de dents|\b(?:cabinet|assistant\w*|prothesiste|soins?|chirurgien|"
              r"hygien\w*|centre|clinique) dentaires?|\bdentiste|\bprothes|\bimplant|\bsourire (?:aux|et)|\bbarbecue|"
              r"\bgrande? (?:surface|distribution|entreprise|taille d'entreprise|ville|region|equipe|autonomie|"
              r"rigueur|capacite|qualite|disponibilite|ecoute|experience)|\bpetite? (?:entreprise|structure|equipe|"
              r"enfance|ville|commune)|\btaille (?:humaine|de haies?|des (?:arbres|haies|vignes)|douce|de pierre)|"
              r"\bbelle (?:entreprise|equipe|experience|aventure|opportunite|carriere|maison|structure|marque|"
              r"enseigne|histoire|clientele|ambiance|vue)|\bbeau (?:projet|poste|challenge|defi|metier|cadre|"
              r"parcours)|\bbg\b [a-z]|\bcanons? (?:a|de)\b|\bcrete (?:de|du)|\bteint\w* (?:de|des) (?:tissus|bois)|"
              # a height of the premises or of a thing (« hauteur sous plafond 1m80 », « porte de 1m80 »), not of the
              # person
              r"\b(?:hauteur|largeur|longueur|profondeur|plafond|portes?|portails?|passages?|etageres?|rayonnages?|"
              r"meubles?|clotures?|haies?|remorques?|bassins?|piscines?|echelles?|murs?|grillages?|gabarit (?:du|des|de "
              r"la|d'un) (?:vehicule|camion|local|quai)|quais?|mezzanines?|sous-sol|cave)\b[^.;\n]{0,40}?\b1\s?m\s?\d{2}\b|"
              r"\b1\s?m\s?\d{2}\s+(?:de (?:haut|hauteur|large|largeur|long|longueur|profondeur)|sous plafond)"),
    # --- family and pregnancy
    _p("prop.family", "family", "R09-FAMILY",
       r"\b(?:conjoint(?:e|s|es)?\b|epou(?:x|se)s?|concubin\w*|(?:vos|votre|ses|leurs|propres) (?:\w+ )?enfants?|"
       r"(?:sans|avec|pas d'|pa d'|aucun|ni) ?enfants?(?: (?:a charge|en bas age|petits|jeunes))?|"
       # how many children the person has (« ayant plus de deux enfants », « qui ont trois enfants »)
       r"(?:ayant|ont|avez|aient|possedant) (?:deja )?(?:plus de |moins de |au moins |au plus )?(?:\d|un|deux|trois|"
       r"quatre|cinq) enfants?|(?:plus|moins) de (?:\d|un|deux|trois|quatre|cinq) enfants?|"
       r"nombre d'enfants|enfants? (?:a charge|a (?:faire )?garder|"
       # the question put straight (« Avez-vous des enfants ? », « vous avez des enfants ? »)
       r"(?:avez|as)[- ](?:vous|tu) (?:des|deja des) enfants|(?:vous avez|tu as) (?:des|deja des) enfants(?=\s*\?)|"
       r"en bas age|deja grands|grands|scolarises|petits)|dont les enfants|bebes?|progeniture|marmots?|"
       r"mari(?:e|ee|es|ees)\b|mariee?\(e\)s?|mariage|personnes? a charge|(?:en|d'un|un) conge (?:maternite|parental)|pacse\w*|pacs\b|divorce\w*|separee?s?\b|"
       r"celibat\w*|veu(?:f|ve|fs|ves)\b|personnes? seules?|vivant seule?s?|vivre seule?s?|seule?s? sans (?:enfant|famille)|"
       r"(?:vie|charges?|contraintes?|obligations?|attaches?|situation) (?:de famille|familiale?s?)|"
       r"(?:pere|mere|maman|papa)s? (?:de famille|celibataires?|isolee?s?|solos?|au foyer)|(?:jeunes?|futur(?:e|es|s)?) "
       r"(?:mamans?|meres?|peres?|papas?|parents?)|(?:meres?|peres?) de (?:jeunes |tres jeunes |petits )?enfants|"
       r"mamans?|papas?|parents? (?:de (?:jeunes |tres jeunes )?enfants|"
       r"isolee?s?|solos?|celibataires?)|fonder une famille|enceinte\w*|grossesse\w*|(?:projet|desir|envie)s? (?:de |d')?"
       r"(?:bebe|enfants?|grossesse|maternite|famille)|conges? (?:maternite|parental)s? (?:prevus?|a venir|en vue)|"
       r"situation (?:familiale|de famille|matrimoniale)|charges? de famille|se marier|(?:jeunes?|futurs?) maries|"
       r"attend\w* (?:un|une|des) (?:enfant|bebe|heureux evenement)|familles? nombreuses?|en couple|concubinage|"
       r"deja (?:parents?|mamans?|papas?|meres?|peres?)|parents? deja|enfants? (?:prevus?|a venir))",
       "conjoint conjointe conjoints epoux epouse concubin concubine enfant enfants bebe "
       "bebes progeniture marmot marmots marie mariee maries mariees mariage pacse pacsee pacses pacs divorce divorcee "
       "divorces divorcees separe separee separes celibataire celibataires celibat veuf veuve veufs veuves seul seule "
       "seules seuls famille familiale familial familiales mere meres maman mamans papa papas parent parents "
       "enceinte enceintes grossesse grossesses maternite parental personne personnes marier nombreuse nombreuses couple concubinage",
       "excl only pref ask", "block",
       unless=r"\bmutuelle|\bprevoyance|\bcreche|\bcompatibles? avec (?:une|la|votre|ta|leur) vie (?:de famille|familiale)|"
              r"\b(?:horaires?|plannings?|emplois? du temps|organisation)\w* (?:\w+ ){0,2}?(?:pense|concu|adapte|amenage)\w* "
              r"(?:pour|a) (?:la |une |votre )?vie (?:de famille|familiale)|"
              r"\bconcili\w*|\bamenagements? (?:de|du|des) (?:poste|temps|horaires?)|\bconges? (?:maternite|paternite|parental|de naissance)"
              r"(?! (?:prevu|a venir|en vue|dans))(?<!en conge maternite)(?<!en conge parental)|"
              r"\brole\b|\bcasting|\bpersonnage|\bfilm|\bcourt-metrage|\btheatre|\bcomedien\w*|\bactrice|"
              r"\bmaintien|\bprime\w*|\ballocation|\bsupplement familial|\bcheques?|\bcomite|\bcse\b|"
              r"\baccompagn|\baupres|\bpublic|\baccueil|\bbeneficiaire|\busager|\bsuivi|\bsoutien|\baide (?:aux|a la)|"
              r"\bassistant\w* (?:maternel|familial)|\bgarde d'enfants|\bnounou|\bbaby|\bpuericult|\bpmi\b|"
              r"\becole|\beleves|\bcolleg|\bperiscolaire|\bcentre de loisirs|\banimat|\beducat|\bcreche|"
              r"\bmaternelle|\bsage-femme|\bmaternite (?:de|du)|\bservice|\bclient|\bclientele|\bmagasin|\brayon|"
              r"\bjouets?|\bvetements?|\bpuericulture|\bentreprise familiale|\bgroupe familial|\bmaison familiale|"
              r"\bambiance familiale|\besprit familial|\bsociete familiale|\bstructure familiale|\bfamille de produits|"
              r"\bpere noel|\bparent\w* d'eleves|\bmaison mere|\bsociete mere|\bgroupe|\bfiliale|\bparentheses?|"
              r"\bapparent\w*|\btransparen\w*|\bcompagnon\w* (?:du devoir|batisseur)|\bcompagnonnage|"
              r"\bseul(?:e)? (?:en |sur |au |a |le |la |responsable|maitre|interlocut|face)|\ben autonomie|"
              r"\bvous (?:serez|travaillerez|etes) seule?|\btravail(?:ler)? seule?|\bposte (?:seul|isole)|"
              r"\bcharges? (?:lourdes?|de travail|locatives?)|\bprise en charge|\bchargee? de|\bcharge d'"
              r"|\battaches? (?:commerciales?|de presse)|\battach\w* (?:a|au)\b|\bvie privee (?:et|des)|"
              r"\brespect (?:de la )?vie privee|\bcollaborat\w* (?:des|de)|\bdes enfants\b(?! et)(?:[^.]{0,20}?\bans)|"
              r"\bprojet\w* (?:de l'|d'|de )(?:entreprise|service|etablissement|structure)|\bsituation (?:geograph|"
              r"financiere)|\bdivorce\w* (?:des|de vos) clients|\bdroit de la famille|\bnotari|\bavocat|\bjuridique"),
    # --- origin and nationality
    _p("prop.origin", "origin", "R10-DISCRIM",
       r"\b(?:prenoms? (?:\w+ )?(?:a consonance|d'origine|etrangers?|arabes?|africains?|maghrebins?|francais)\w*|"
       r"(?:algerie|maroc|tunisie|senegal|mali|cote d'ivoire|cameroun|congo|comores|haiti|turquie|roumanie|bulgarie|"
       r"pologne|ukraine|syrie|afghanistan|pakistan|sri lanka|vietnam|chine|tchetchenie|albanie|kosovo)\b|"
       r"(?:algerien|marocain|tunisien|senegalais|malien|ivoirien|camerounais|congolais|comorien|haitien|antillais|"
       r"guadeloupeen|martiniquais|reunionnais|guyanais|mahorais|kurde|roumain|bulgare|ukrainien|tchetchene|"
       r"kosovar|afghan|syrien|pakistanais|sri-lankais|cambodgien|laotien)(?:ne|nne|e|s|es|nes|nnes)?\b|"
       r"(?:roumain(?:e?s)|bulgares|ukrainien(?:ne)?s|tchetchenes|albanaises|kurdes|tamouls|vietnamien(?:ne)?s|"
       r"turc(?:que)?s|turques|russes|chinoises|polonaises|portugaises|bresilien(?:ne)?s)\b(?! (?:courant|lu|ecrit|parle|bilingue|souhaite|exige|requis|obligatoire|serait|"
       r"est un|indispensable|apprecie|un plus|niveau|natif|maternel|[abc][12]\b))|"
       r"origines?|nationalites?|double nationalite|"
       # a birthplace given as the value of a filter or field (« pays de naissance = France »); asked alone, it is
       # candidate data
       r"(?:pays|lieu|ville|departement) de naissance(?=\s*[:=]\s*(?:la |le |l')?[a-z])|ressortissant\w*|consonance\w*|noms? (?:a consonance|"
       r"etranger|francais|de famille)|patronymes?|couleur (?:de peau|de la peau)|peau (?:blanche|noire|claire|"
       r"foncee|mate)|races?\b|ethni\w*|de souche|(?:type|typee?s?|physique) (?:europeen|caucasien|africain|"
       r"asiatique|maghrebin|mediterraneen|nordique)\w*|caucasien\w*|pays de l'est|europe de l'est|hors (?:union "
       r"europeenne|ue|europe|cee|eee|schengen)|(?:union europeenne|ue|europe) (?:uniquement|seulement)|"
       r"extra-?communautaires?|non[- ]europeen\w*|europeen\w*|etranger\w*|binationa\w*|plurinationa\w*|"
       r"originaires? (?:d'|de |du |des )(?:asie|afrique|europe|maghreb|orient|moyen-orient|amerique|antilles|"
       r"l'etranger|l'est|pays|inde|chine)\w*|asie\w*|(?:type|typee?s?|physique|origine) (?:slave|latin|scandinave|"
       r"oriental|indien|antillais|metisse?|noir|blanc)\w*|slaves?|francais(?:e|es)? (?:de naissance|"
       r"d'origine|uniquement|seulement|exclusivement|obligatoire)|nationalite francaise|ne(?:e|\(e\))?s? (?:en|a|hors) "
       r"(?:france|l'etranger|europe)|maghreb\w*|africain\w*|asiatique\w*|arabe\w*|(?:personnes?|candidat\w*|peau|gens|profils?|hommes?|femmes?|employe\w*|salarie\w*|"
       r"personnel|equipe|type) (?:\w+ )?(?:noire?s?|blanche?s?|blancs?|metis(?:se|ses)?)\b|"
       # a nationality said of the person sought (« candidats espagnols », a title « Agent - Portugais de préférence »)
       r"(?:candidat|personne|profil|ouvrier|salarie|employe|homme|femme|gens|agent|chauffeur|travailleu?r|nounou|"
       r"nourrice|gouvernante|domestique|baby-?sitter|menager|jardinier|macon|manoeuvre|recrue)\w* "
       r"(?:de nationalite )?(?:portugais|espagnol|italien|anglais|allemand|polonais|russe|chinois|turc|roumain|"
       r"francais|philippin|thai|malgache|japonais|coreen|americain|bresilien|grec|serbe|hongrois|indien|"
       r"mauricien|neerlandais)\w*\b(?! (?:courant|lu|ecrit|parle|bilingue|niveau|langue|natif|maternel|[abc][12]\b))|"
       # the reader's nationality asked as a plus (« Vous êtes Portugais ? c'est un plus »)
       r"vous etes (?:de nationalite )?(?:portugais|espagnol|italien|anglais|allemand|polonais|russe|chinois|turc|"
       r"roumain|philippin|bresilien|marocain|algerien|tunisien|senegalais|ukrainien)\w*\b(?! (?:courant|bilingue|"
       r"parle|niveau|[abc][12]\b))|"
       # a team kept of one nationality (« équipe 100 % française »)
       r"(?:equipe|personnel|effectifs?|salaries|collaborateurs) (?:a )?100 ?% (?:francais|europeen|blanc)\w*|"
       r"(?:(?<=^)|(?<=\n)|(?<=- ))(?:portugais|espagnol|italien|anglais|allemand|polonais|russe|chinois|turc|roumain|"
       r"francais)\w* (?:de preference|uniquement|seulement|exclusivement)|"
       r"beurs?|rebeus?|renois|gitans?|roms?\b|tziganes?|manouches?|gens du voyage|immigr\w*|"
       r"sans[- ]papiers|(?:francaise?s?|europeen\w*) (?:et|,) (?:blanc|blanche|blancs|blanches|noire?s?)\b|"
       r"(?:francaise?s?|europeen\w*|ici|en france) depuis (?:plusieurs|des|deux|trois|quatre|\d) generations|"
       r"(?:de|sur) (?:plusieurs|deux|trois|quatre|\d) generations (?:francaises?|de francais))",
       "prenom! prenoms! algerie maroc tunisie senegal mali cote cameroun congo comores haiti turquie roumanie "
       "bulgarie pologne ukraine syrie afghanistan pakistan sri vietnam chine tchetchenie albanie kosovo algerien "
       "algerienne algeriens algeriennes marocain marocaine marocains marocaines tunisien tunisienne tunisiens "
       "tunisiennes senegalais senegalaise senegalaises malien malienne maliens maliennes ivoirien ivoirienne "
       "ivoiriens ivoiriennes camerounais camerounaise camerounaises congolais congolaise congolaises comorien "
       "comorienne comoriens comoriennes haitien haitienne haitiens haitiennes guadeloupeen guadeloupeenne "
       "guadeloupeens martiniquais martiniquaise reunionnais reunionnaise guyanais guyanaise mahorais mahoraise kurde "
       "kurdes roumain roumaine roumains roumaines bulgare bulgares ukrainien ukrainienne ukrainiens ukrainiennes "
       "tchetchene tchetchenes albanais albanaise kosovar kosovars afghan afghane afghans syrien syrienne syriens "
       "syriennes pakistanais pakistanaise tamoul tamouls cambodgien cambodgiens laotien laotiens vietnamien "
       "vietnamienne vietnamiens turc turque turcs turques polonais polonaise polonaises portugais portugaise "
       "portugaises chinois chinoise chinoises russe russes italien italienne italiens italiennes espagnol espagnole "
       "espagnols espagnoles anglais anglaise anglaises allemand allemande allemands allemandes americain "
       "americaine americains bresilien bresilienne bresiliens philippin philippine philippins philippines thai "
       "thaie malgache malgaches japonais japonaise coreen coreenne grec grecque serbe serbes hongrois hongroise "
       "indien indienne mauricien mauricienne neerlandais neerlandaise "
       "origine origines nationalite nationalites double naissance ressortissant ressortissants ressortissante consonance "
       "nom! noms! patronyme patronymes couleur peau race races ethnie ethnique ethniques souche typee typees "
       "caucasien caucasienne caucasiens hors! ue! europe! extracommunautaire extracommunautaires "
       "extra communautaire communautaires europeen europeenne europeens europeennes etranger etrangere etrangers "
       "etrangeres francais francaise francaises ne nee nes nees maghreb maghrebin maghrebine maghrebins africain "
       "africaine africains asiatique asiatiques arabe arabes noir noirs noire noires blanc blancs blanche blanches generations "
       "beur beurs rebeu rebeus renoi renois gitan gitans rom roms tzigane tziganes manouche manouches voyage "
       "immigre immigree immigres immigration immigrees papiers accent binational binationale binationaux "
       "plurinational asie asiatiques slave slaves latin latine oriental orientale indien indienne antillais "
       "antillaise metis metisse originaire originaires pays",
       "excl only req pref", "block", exceptions=("EXC-EMPLOI-PUBLIC",),
       unless=r"\bau noir\b|\baccents?\b(?! (?:\w+ )?(?:africain|maghrebin|arabe|asiatique|antillais|oriental|"
              r"slave|de l'est|des (?:cites|banlieues))\w*)|\blangues? (?:etrangeres?|europeennes?|arabe|francaise)|\b(?:l'|en |parl\w* )arabe|\bmaitrise|\bbilingue|\bcourant|\blu,? (?:ecrit|parle)|\bcuisine\w*|\bpieces? d'origine|"
              r"\bd'origine (?:constructeur|controlee|animale|vegetale|naturelle|biologique|france)|\bproduits?|"
              r"\bappellation|\bmarches?\b|\bclient\w* (?:\w+ )?(?:etrang|europ|asiat|africa|maghreb|arab|internation|"
              r"chin|japon|anglo|hispan|russ)\w*|\bfournisseur|\bfiliale|\binternational\w*|\bexport|\bimport|"
              r"\bmulticultur|\bequipe de \d+ nationalites|\baccompagn|\baupres|\baccueil\w* (?:de|des|d'|du)\b|\bpublic|\bsoutien|"
              r"\binsertion|\bintegration|\bcours\b|\bfle\b|\btitre de sejour|\bautorisation de travail|"
              r"\bpermis de travail|\bvisa|\bdroit (?:de|au) travail|\bemplois? publics?|\bfonction publique|"
              r"\bconcours|\btitulaire|\bfonctionnaire|\bdefense|\barmee|\bgendarmerie|\bpolice|\bhabilitation|"
              r"\bsecret defense|\bdiplome\w* (?:etranger|europeen|d'un pays|dans un pays|de l'union|en europe)|\bpermis (?:de conduire )?(?:etranger|europeen)|"
              r"\bsejour\w* a l'etranger|\bdeplacements? (?:a l'etranger|en europe)|\ba l'etranger\b|\ben europe\b|"
              r"\bparlement|\bcommission|\bfonds\b|\bprogramme|\bnorme|\breglement|\bdirective|\berasmus|\bprojets?|"
              r"\bnoir (?:et blanc|mat)|\bblanc (?:cassé|casse)|\btableau blanc|\bcol blanc|\bliste noire|"
              r"\bboite noire|\bmarche noir|\bnoir (?:sur|ou)|\bblanche? (?:ou|et) (?:noir|couleur)|\bvin\w*|"
              r"\bfromage|\bviande|\bpoisson|\bfruit|\blegume|\bhors (?:ue|europe) (?:pour|vers)|\bnoms? (?:de|des) "
              r"(?:domaine|produits?|clients?|marques?)|\bvotre nom\b|\bnom (?:et|,) prenom|\bnom du|\bnom de l'|"
              r"\bau nom de|\btype (?:de|d')|\bcouleur (?:de|du|des) (?:vehicule|produit|tissu)|\bde couleur\b(?! de peau)"
              r"|\bregion d'origine des produits|\bpays d'origine (?:des|du)|\bcertificats? d'origine|\bmaladie|"
              r"\bscene|\bpays de l'est (?:et|,) |\bexpatri|\bmobilite internationale|\bvolontariat"),
    # --- religion
    _p("prop.religion", "religion", "R10-DISCRIM",
       r"\b(?:baptis\w*|bapteme\w*|agnosti\w*|catho\b|cathos\b|musulm\w*|orthodoxe\w*|pentecot\w*|"
       r"adventist\w*|baha'?i\w*|religi(?:on|eu)\w*|confession\w*|culte\w*|\bfoi\b|croyan\w*|croyant\w*|pratiquant\w*|pratique religieuse|"
       r"musulman\w*|islam\w*|chretien\w*|catholique\w*|protestant\w*|evangeli(?:que|ques|ste|stes|sme)\b|juif\w*|juive\w*|"
       r"judaisme|temoins? de jehovah|jehovah|mormon\w*|bouddhis\w*|hindou\w*|sikh\w*|athee\w*|laic\w*|sectes?|"
       r"scientolog\w*|salafis\w*|voile\w*|foulard\w*|hijab\w*|kippa\w*|turban\w*|niqab\w*|burqa\w*|burkini\w*|"
       r"signes? (?:religieux|ostensibles?|ostentatoires?|convictionnels?|confessionnels?)|ramadan|jeune religieux|"
       r"prieres?|mosquee\w*|synagogue\w*|paroisse\w*|shabbat|sabbat|careme|jours? saints?|fetes? religieuses?|"
       r"pratiqu\w* (?:religieu\w*|leur (?:religion|foi|culte))|communaute (?:protestante|catholique|musulmane|juive|"
       r"chretienne|evangelique|religieuse))",
       "bapteme baptise baptisee baptises catho cathos agnostique orthodoxe orthodoxes "
       "religion religions religieux religieuse religieuses confession confessionnel confessionnelle culte cultes foi "
       "croyance croyances croyant croyante croyants pratiquant pratiquante pratiquants pratiquantes musulman "
       "musulmane musulmans musulmanes islam islamique chretien chretienne chretiens catholique catholiques "
       "protestant protestante protestants evangelique evangeliques evangeliste juif juifs juive juives judaisme "
       "temoins temoin jehovah mormon mormons bouddhiste bouddhistes bouddhisme hindou hindous sikh sikhs athee athees "
       "laic laique laicite secte sectes scientologie salafiste voile voilee voilees foulard hijab kippa turban niqab "
       "burqa burkini signe signes ramadan priere prieres mosquee synagogue paroisse communaute shabbat sabbat "
       "careme saints",
       "excl only req pref ask", "block", exceptions=("EXC-EXIGENCE-ESSENTIELLE",),
       unless=r"\bbateau|\bvoilier|\bnavig|\bplanche a voile|\bregate|\bvoile (?:de|du) (?:bateau|navire)|\bvoiles? "
              r"(?:legeres?|habitable)|\bmoniteur de voile|\bcentre nautique|\betablissement|\benseignement|\becole|"
              r"\bcollege|\blycee|\binstitution|\bdiocese|\beglise|\baumoner|\btourisme|\bpatrimoine|\bedifice|"
              + MINISTRY_OF_WORSHIP + "|"
              # time off or a schedule arranged for religious holidays: a benefit offered, no criterion
              r"\b(?:amenag|adapt|conges?|absences?|jours?|flexib|souple)\w*[^.;\n]{0,40}\bfetes? religieuses?|"
              r"\bfetes? religieuses?[^.;\n]{0,40}\b(?:conges?|rtt|poses?|posees?|recuper\w*)\b|"
              # knowledge of a field (« histoire religieuse de la région », « art sacré »), the habilitation that the
              # regulation of ritual slaughter asks for
              r"\b(?:histoire|sociologie|anthropologie|sciences?) (?:\w+ )?religi\w*|\bart sacre|\bpatrimoine (?:\w+ )?religieux|\babattage rituel|"
              r"\bsacrificat\w*|"
              r"\bfetes? religieuses?[^.;\n]{0,25}\b(?:sur demande|possibles?|accorde\w*|respecte\w*|pris\w* en compte)|"
              r"\bmobilier|\bfait religieux|\bcantine|\brepas|\bmenus?\b|\bhalal|\bcasher|\bsalle de priere|"
              r"\blieu de culte|\bcathedrale|\bguide|\bvisite|\bculture\w*|\bfoi (?:de|du)\b|\bbonne foi|\bma foi|"
              r"\bfoie|\bjeune (?:diplome|public|equipe|entreprise|societe|talent)|\blaicite (?:et|,)|"
              r"\bprincipe de (?:neutralite|laicite)|\breglement interieur|\bfonction publique|\bservice public|"
              r"\bneutralite du service|\bculte de la (?:performance|qualite|excellence|satisfaction)|\bculte du|"
              r"\bprotestant\w* (?:de|du) (?:france|la)|\bassociation|\bfondation|\bcommunaute (?:de communes|"
              r"d'agglomeration|urbaine)|\bvoile (?:de|du)\b(?! (?:religieux|islamique))"),
    # --- political and trade-union opinions, mandates
    _p("prop.opinions", "opinions", "R10-DISCRIM",
       r"\b(?:milit(?:e|es|ez|er|ons|ent|ait|aient|ant)\b|(?:un|au|du|le|d'un|a un|meme|notre|son|leur|quel) parti\b"
       r"(?! pris)|adher\w* (?:a|au|aux) (?:un |une |le |la |notre |meme |quel |leur |son )?(?:parti|syndicat|mouvement|organisation politique)|anti-?(?:nucleaire|capital|militar|fasc|vax|vaccin|pass|corrida|chasse|"
       r"mondialis|globalis|specis|imperial|racis|sionis|europe|euro|syndica)\w*|souverainist\w*|royalist\w*|"
       r"identitaires?|"
       # « la famille qui emploie est très conservatrice » describes the employer, not the candidate
       r"(?<!est )(?<!sont )(?<!tres )(?<!plutot )(?<!assez )conservat(?:eur|eurs|rice|rices)\b(?! (?:de|du|des|alimentaire|du patrimoine))|"
       r"progressist\w*|(?:idees|valeurs|convictions|opinions|engagements?) (?:politiques|de gauche|de droite)|syndica\w*|syndique\w*|syndicat\w*|cgt|cfdt|cftc|cfe-cgc|unsa|solidaires|fo\b|force ouvriere|"
       r"sud (?:rail|ptt|sante|education|solidaires)|de sud\b|greve\w*|greviste\w*|manif(?:s|estants?|estantes?|estations?)?\b|manifest\w* (?:contre|pour|dans la rue|avec)|gilets? jaunes?|"
       r"militan\w*|sympathisant\w*|(?:adherent|membre)\w* (?:d'un |d'une |de la |du |de |des |a un |a une )?(?:parti|"
       r"syndicat|organisation|cgt|cfdt|fo\b|sud\b|mouvement)\w*|encarte\w*|partis? politiques?|(?:opinions?|idees|"
       r"convictions?|engagements?|appartenance|orientation|couleur|sensibilite|affiliation)s? politiques?|"
       r"(?:engage\w*|actif|active) politiquement|"
       r"extreme[- ](?:gauche|droite)|(?:de|a) (?:gauche|droite)\b|gauchis\w*|droitis\w*|communist\w*|socialist\w*|"
       r"ecologist\w*|insoumis\w*|lepenist\w*|frontist\w*|nationalist\w*|anarchist\w*|zadist\w*|antifa\w*|"
       r"facho\w*|fachos?\b|\blfi\b|\brn\b|\bps\b|\blr\b|\bfn\b|opinions?|convictions? (?:politiques?|syndicales?|"
       r"philosophiques?)|engagements? (?:politiques?|syndica\w*|associati\w*|militants?)|mandats? "
       r"(?:syndica\w*|electifs?|locaux|local|municipa\w*|d'elu|politiques?)|"
       # inclusive endings: « élu(e) municipal(e) », « délégué(e) du personnel », « élu(e) CSE »
       r"elu(?:\(e\)|e)?s? (?:municipa\w*|locaux|du cse|cse|au cse|du personnel|syndica\w*|politiques?)|"
       r"ancien(?:ne|\(ne\))?s? elu(?:\(e\)|e)?s?|delegue(?:\(e\)|e)?s? (?:syndica\w*|du personnel)|representant(?:\(e\)|e)?s? "
       r"(?:syndica\w*|du personnel)|candidat\w* (?:a|aux) (?:une |des |l')?elections?|elections?|vote\w*|"
       r"prud'?hom\w*|actions? collectives?|conseillers? municipa\w*|maires?(?: en exercice| adjoints?)|"
       r"(?:quel parti|pour qui) (?:vous )?vot\w*|sensibilite\w* (?:de )?(?:droite|gauche)|"
       r"sensibilites? (?:liberale|conservatrice|progressiste|ecologiste|socialiste|communiste|souverainiste|"
       r"republicaine)s?|confederation paysanne|coordination rurale|fnsea|"
       # ideologies and parties named (« projet autonomiste », « idées régionalistes », « engagement au Rassemblement
       # national »), a party or union card, political stands, being close to the ruling majority or to its opposition
       r"autonomist\w*|regionalist\w*|independantist\w*|separatist\w*|gaullist\w*|centrist\w*|trotskist\w*|"
       r"marxist\w*|rassemblement national|front national|france insoumise|parti (?:socialiste|communiste|"
       r"republicain|radical|animaliste|pirate)|les republicains|cartes? (?:de |d'un |du )?(?:parti|syndicat|"
       r"militant)|cartes? (?:syndicale|politique|d'adherent)s?|prises? de positions? (?:politiques?|syndicales?)|"
       r"(?:proche|proches|fidele|fideles) (?:de la|du|des) (?:majorite|opposition|maire|municipalite)"
       r"(?: municipale| presidentielle| departementale| regionale| en place| sortante)?)",
       "milite militer militez militons militent militait parti! adherer! adherez! adhere! adherant! anti "
       "souverainiste souverainistes royaliste royalistes identitaire identitaires conservateur conservateurs "
       "conservatrice conservatrices progressiste progressistes idees! "
       "syndical syndicale syndicaux syndicales syndique syndiquee syndiques syndiquees syndicat syndicats "
       "syndicalisme syndicaliste syndicalistes cgt cfdt cftc cfe unsa solidaires fo force sud greve greves greviste "
       "grevistes manif manifs manifestant manifestants manifestation manifestations gilet gilets militant militante "
       "militants militantes militantisme sympathisant sympathisante sympathisants adherent adherente adherents "
       "adherentes encarte encartee encartes parti partis politique politiques extreme gauche droite gauchiste "
       "droitiste communiste communistes socialiste socialistes ecologiste ecologistes insoumis lepeniste "
       "frontiste nationaliste nationalistes anarchiste anarchistes zadiste zadistes antifa facho fachos lfi rn ps "
       "lr fn opinion opinions conviction convictions engagement engagements mandat mandats elu elus elue elues "
       "delegue delegues representant representants election elections vote votes voter prudhomme prudhommes "
       "prudhommal prud collective collectives conseiller conseillers municipal municipaux maire maires votez "
       "sensibilite sensibilites confederation coordination fnsea autonomiste autonomistes regionaliste "
       "regionalistes independantiste independantistes separatiste separatistes gaulliste gaullistes centriste "
       # (a party card, a political stand are anchored by « parti », « syndicale », « politiques »; closeness to a
       # majority by the rarer « majorité », « opposition »: frequent words here would cost every offer a scan)
       "centristes trotskiste marxiste marxistes rassemblement front insoumise socialiste republicain republicains "
       "majorite opposition municipalite",
       "excl only pref ask req", "block", exceptions=("EXC-EXIGENCE-ESSENTIELLE",),
       unless=r"\brelations? (?:avec les )?(?:partenaires|organisations|representants|elus|syndicats)|"
              r"\bsyndicats? (?:intercommuna\w*|mixtes?|des eaux|d'initiative|de (?:communes|copropriete|pays))|"
              r"\bcommunes (?:du|de ce|de notre) syndicat|\bsivom|\bsivu\b|"
              r"\bdialogue social|\binstances?|\bnegociation|\baccords? (?:d'entreprise|collectifs?|signes?)|"
              r"\borganisations syndicales\b(?!.{0,30}(?:pas|exclu))|\baccompagn|\baupres (?:des|de)|"
              r"\bavec les (?:elus|representants)|\bremplac\w* (?:des |les )?grevistes|\bsans engagement|"
              r"\bconseil municipal|\bcollectivite|\bmairie|\bcommune\b|\bcabinet du maire|\bassistant\w* (?:parlementaire|"
              r"d'elus?)|\bcollaborat\w* d'elus?|\bactualite|\brevue de presse|\bjournalis|\bpolitiques? (?:publiques?|"
              r"commerciales?|de (?:la|l'|prix|qualite|securite|rse|handicap|diversite|remuneration|l'emploi)|"
              r"rh|salariales?|sociales?|tarifaires?|d'achat|de l'entreprise|environnementales?|interne)|"
              r"\bpolitique (?:de|du|des|d')(?! (?:droite|gauche))|\bpolitique (?:handicap|diversite|rse|qualite|salariale|sociale|rh|commerciale|tarifaire)|\bsciences? politiques?|\bsciences po\b|\bgreve (?:de|des) "
              r"(?:transports?|trains?)|\bmanif\w* (?:sportives?|culturelles?|commerciales?|evenementielles?)|"
              r"\borganis\w* (?:des |de |d')?(?:manif|evenement)|\bmanifestations? (?:d'interet|de|du|des)\b|"
              r"\bsalons? et manifestations|\bevenements? et manifestations|\bvote\w* (?:des|de la) (?:budget|"
              r"deliberation)|\belections? (?:professionnelles|du cse)? ?(?:organis|prepar)|\bbureau de vote|"
              r"\bregie|\bmandat\w* (?:de gestion|de vente|exclusifs?|simples?|immobilier|de recherche)|"
              r"\bmandataire|\bagent commercial|\bimmobili|\badherents? (?:du club|de l'association|du reseau|a la mutuelle)|"
              r"\bengagement\w* (?:qualite|client|de service|rse|ecologique|environnemental|associatif (?:est|sera) un plus)|"
              r"\ba (?:gauche|droite) (?:de|du|des)|\bsur la (?:gauche|droite)|\bconduite a gauche|"
              r"\bcollectives? (?:de|du|des)\b|\bactions? collectives? (?:de|en) (?:formation|prevention)|"
              r"\brestauration collective|\bcuisine collective|\bps\d|\brn\d|\bsud[- ](?:est|ouest)|"
              r"\bsud (?:de|du|des|et)\b|\bau sud\b|\bdu sud\b|"
              # knowledge of a field is a skill (« la connaissance du monde syndical est appréciée »)
              r"\b(?:connaissance|maitrise|pratique|culture)s? (?:du |des |de l'|de la )?(?:monde|milieu|secteur|univers|"
              r"fonctionnement|droit|paysage|enjeux) (?:\w+ )?(?:syndica\w*|politiques?|associati\w*|des (?:syndicats|"
              r"partis|elus|collectivites))"),
    # --- sexual orientation and gender identity
    _p("prop.orientation", "sexual_orientation_identity", "R10-DISCRIM",
       r"\b(?:orientation sexuelle|identite (?:de genre|sexuelle)|sexe (?:de naissance|biologique|a l'etat civil)|"
       # the sex assigned at birth or on the identity papers as the norm (« conforme au genre de naissance »)
       r"(?:genre|sexe) (?:inscrit |indique |assigne |declare )?(?:de|a (?:leur|sa|la|votre|ta)) naissance|"
       r"(?:genre|sexe) (?:[a-z']+ ){0,4}?(?:celui|celle) (?:de|inscrit sur) (?:votre|ta|sa|leur|la) (?:carte d'identite|piece "
       r"d'identite|etat civil)|(?:genre|sexe) (?:indique|inscrit|mentionne|figurant|declare) (?:sur|a|dans) (?:votre |ta |sa |"
       r"leur |la |vos |les |l')?(?:carte d'identite|pieces? d'identite|etat civil|papiers)|"
       r"transition (?:de genre|de sexe)?|changement de sexe|transidentit\w*|transgenre\w*|transsexu\w*|trans\b|"
       r"non[- ]binaire\w*|genre fluide|queer\w*|homosexu\w*|heterosexu\w*|bisexu\w*|homos?\b|heteros?\b|gays?\b|"
       r"lesbien\w*|lgbt\w*|travesti\w*|drag (?:queen|king)s?|efemine\w*|effemine\w*|vie (?:sexuelle|intime)|"
       r"en couple avec (?:un homme|une femme)|mariage pour tous|change\w* de (?:sexe|genre|prenom)|(?:couples?|personnes?) "
       r"de meme sexe|meme sexe|ni (?:homme|femme|masculin|feminin) ni (?:homme|femme|masculin|feminin)|"
       r"(?:hommes?|femmes?|garcons?|filles?|mecs?) qui (?:aiment|preferent|sortent avec|couchent avec) (?:les |des )?"
       r"(?:hommes|femmes|garcons|filles|mecs)|(?:personnes?|candidat\w*|salarie\w*|gens|etes|sont|etant) en transition)",
       "orientation identite genre sexe transition changement transidentite transgenre transgenres transsexuel "
       "transsexuelle trans non binaire binaires fluide queer homosexuel homosexuelle homosexuels homosexuelles "
       "homosexualite heterosexuel heterosexuelle heterosexuels hetero heteros homo homos gay gays lesbienne "
       "lesbiennes lgbt lgbtq lgbtqia travesti travestis drag efemine effemine effeminee sexuelle intime couple "
       "mariage change changer changement meme ni aiment preferent sortent couchent",
       "excl only req pref ask", "block",
       unless=r"\bfriendly|\binclusi|\blutte|\bassociati\w* (?:lgbt\w*|de (?:lutte|defense|soutien|sante)|d'aide|"
              r"militante?s?|communautaires?)|\bpermanence|\bdroits\b|\bsoutien|\baccompagn|\bsensibilis|\bprevention|"
              r"\bsante sexuelle|\bpublic|\bcentre (?:lgbt\w*|de sante|communautaire|d'accueil|de depistage|"
              r"d'hebergement|social)|\bfierte|\bpride|\baccueil\w* (?:des|de(?! l')|d'|les)|\baccueillir|\bcharte|"
              r"\bautre cercle|"
              r"\bquel que soit son genre|\bpartenaire|\btransition (?:ecologique|energetique|numerique|digitale|"
              r"professionnelle|de carriere)|\btrans (?:port|fert|action)|\bvie (?:sexuelle|intime) (?:des|de nos)|"
              r"\bidentite (?:visuelle|graphique|de marque)|(?<!cours de )(?<!personnes en )(?<!personne en )"
              r"\btransition\b(?! (?:de genre|de sexe|\())"),
    # --- residence and bank domiciliation
    _p("prop.residence", "residence", "R10-DISCRIM",
       r"(?<!s')(?<!')\b(?:adresses? (?:en|dans|a|au|aux|hors|situee?s?|postales?|de residence|personnelles?)|"
       r"(?:cv|candidat\w*|candidatures?|personnes?|gens|profils?) (?:venant|provenant|en provenance|arrivant)"
       r" (?:de|du|des|d')(?! ?(?:se |s'|finir|terminer|obtenir|quitter|sortir|etre|decrocher|valider|reussir|"
       r"l'immigration))|banlieusard\w*|intra-?muros|provinciaux|franciliens?|parisien\w*|lyonnais\w*|"
       r"marseillais\w*|\bcp\s?\d{2}(?= ?(?:ou|et|,|/|uniquement|seulement|exclusivement))|autres departements|"
       r"(?:candidat\w*|cv|personnes?|gens|profils?|habit\w*|resid\w*|domicili\w*|venant|provenant|originaires?)"
       r" (?:du|de la|de l'|des|d'|de|en|a|dans le|dans l') ?(?:val[- ]d'oise|essonne|yvelines|seine[- ]saint[- ]denis|"
       r"hauts[- ]de[- ]seine|val[- ]de[- ]marne|seine[- ]et[- ]marne|nord|pas[- ]de[- ]calais|bouches[- ]du[- ]rhone|"
       r"grigny|sevran|clichy[- ]sous[- ]bois|la courneuve|bobigny|aulnay[- ]sous[- ]bois|saint[- ]denis|"
       r"villiers[- ]le[- ]bel|sarcelles|trappes|mantes[- ]la[- ]jolie|vaulx[- ]en[- ]velin|venissieux)\b|"
       r"(?:votre|sa|leur|la|une) banque (?:est|soit|doit etre)|(?:comptes? (?:\w+ )?(?:au|a la|chez|a)|est (?:la|le|au|"
       r"a la|chez)) (?:caisse d'epargne|credit agricole|credit mutuel|banque populaire|banque postale|"
       r"societe generale|bnp(?: paribas)?|lcl|cic|boursorama|hello ?bank|fortuneo|n26|revolut|nickel)\b|comptes? (?:bancaires?|courants?|cheques?|de depot)? ?(?:a la|au|chez|dans|"
       r"aupres de(?: la)?)|habit(?:er|ez|ant|ants|ante|antes)\b|"
       r"(?:domicile|residence|habiter|resider|vivre|loger|domicilie\w*)(?= (?:obligatoire(?:ment)?|exige\w*|impose\w*|"
       r"requis\w*|imperati\w*|indispensable|souhaite\w*|uniquement|seulement|exclusivement) (?:a|en|dans|au|aux|sur|pres)\b)|"
       r"(?:gens|personnes?|candidat\w*|profils?|jeunes|habitants?) (?:du|de notre|de la|d'ici|du meme) ?(?:village|bourg|"
       r"hameau|canton|commune|coin|cru)\b|"
       r"domicilie(?:e|s|es)?\b|domiciliation|(?:votre|son|leur|lieu de) domicile|lieux? de residence|domicile (?:a|en|dans|hors|situe|proche|"
       r"a moins)|residen(?:ce|t|ts|te|tes|ts?) (?:a|en|dans|hors|au|aux|du|des|de|sur|pres|loin|proche|principale)|"
       r"residant\w* (?:a|en|dans|hors|au|aux|du|des|de|sur|pres|loin)|resid(?:ez|er) (?:a|en|dans|hors|au|aux|sur|pres|"
       r"loin|proche)|habit(?:ant|ants|ante|antes|er|ez|ent|es|e) (?:a|en|dans|hors|au|aux|du|des|de|d'|sur|pres|loin|proche|"
       r"la|le|les|l')|"
       # « vivant sur l'île de Ré uniquement »: where the person lives, like « habitant à »
       r"(?:viv(?:ant|ante|ants|antes|ent|ez)|habitez|residez) (?:a|en|dans|au|aux|sur|du cote (?:de|du|des)|pres (?:de|du|des)) "
       r"(?:l'|la |le |les )?(?!(?:couple|concubinage|colocation|"
       r"famille|harmonie|equipe)\b)[a-z]+|"
       r"(?:viv(?:ant|ez|re|ent|ons)|vi[st]) (?:a|en|dans|hors|au|aux|sur|pres|loin|loin de) (?:la |le |les |l'|une |un )?"
       r"(?:cites?|banlieues?|quartiers?|zones?|campagne|villes?|communes?|agglomeration|regions?|departements?|\d|"
       r"[a-z]+ (?:rurale?|urbaine?)|qpv)|"
       # « originaires de pays hors UE » names an origin (prop.origin), not a place of residence
       r"originaires? (?:de|du|des|d')(?! ?(?:pays|l'etranger|l'union|l'ue|l'europe|l'afrique|l'asie|afrique|asie|"
       r"europe|maghreb|l'immigration)\b)|"
       # the priority neighbourhoods of city policy named as where the person lives (an exclusion stays unlawful)
       r"(?:resid\w*|habit\w*|domicili\w*|adresses?) (?:en|dans un|dans les|d'un|des) (?:qpv|quartiers? prioritaires?)|quartiers?|(?<!ment )(?<!dessus )(?<!deja )"
       r"(?:les|des|en|aux|une|d'une|la) cites?\b|cite (?:hlm|sensible|"
       r"populaire|[a-z]+ (?:du|de) nord)|banlieues?|zup\b|zus\b|hlm\b|zone (?:rurale|urbaine sensible|sensible)|"
       r"zones? (?:rurales?|sensibles?|urbaines? sensibles?)|hors (?:agglomeration|de la ville|de la commune|"
       r"du departement|de la region|metropole)|departements? \d{2,3}|(?:du|le|dans le|\() ?(?:9[1-5])\b\)?|"
       r"(?:habit|resid|viv|domicili|demeur|loge)\w* (?:a|au) (?:plus|moins) (?:de |d')\d+ ?(?:km|kilometres?|"
       r"minutes?|mn|min|h)\b|"
       r"dom-?toms?|dom\b|outre-?mer|codes? postaux?|code postal|banques? partenaires?|"
       r"(?:ouverture d'un|ouvrir un) compte (?:bancaire|courant|chez|dans|aupres)|compte (?:bancaire )?(?:chez|dans|aupres)|compte bancaire (?:a la|au)|"
       r"domiciliation bancaire|"
       r"(?:dans|chez) (?:notre|une|la) banque|compte (?:bancaire )?(?:a la|au|a|chez|dans) (?:la |une )?"
       r"(?:banque|caisse|credit|societe generale|bnp|lcl|boursorama)|banques? en ligne|neobanques?|"
       r"sans domicile(?: fixe)?|\bsdf\b|heberge\w* (?:chez|par) (?:un |des |une )?(?:tiers|ami|famille|proche)|"
       r"sans (?:logement|abri)|centre-ville|guyane|martinique|guadeloupe|(?:a|ile de) la reunion|mayotte|antilles|"
       # the kind of home the person lives in (social housing, a caravan, a shelter)
       r"(?:en|dans un|dans des|d'un|en) (?:logements? sociaux|logement social|hlm|habitat social)|logements? sociaux|"
       r"caravanes?|mobil[- ]?homes?|(?:vi\w+|habit\w*|loge\w*|heberge\w*|resid\w*|install\w*) (?:au|en|dans un) camping|"
       r"camping a l'annee|squats?\b|squatt\w*|"
       r"(?:heberge|hebergee|heberges|hebergees|hebergement|vivant|vivent|loge\w*) (?:en|dans un|dans une|au|a l') ?"
       r"(?:foyer|chrs|centre d'hebergement|hotel social|residence sociale|structure d'urgence|caravane)\w*|chrs\b|"
       r"hotels? sociaux|lieux? (?:de residence|d'habitation|de vie|de domicile)|"
       r"(?:domicile|residence|banque|domiciliation|commune de residence)(?= ?:))",
       "venant provenant provenance arrivant "
       "banlieusard banlieusards banlieusarde intra muros provinciaux francilien franciliens parisien parisiens "
       "parisienne parisiennes lyonnais lyonnaise marseillais marseillaise cp essonne yvelines oise marne "
       "calais rhone grigny sevran clichy courneuve bobigny aulnay villiers sarcelles trappes mantes "
       "vaulx venissieux epargne agricole mutuel banque postale bnp lcl cic boursorama fortuneo n26 "
       "revolut habiter habitez habitant habitants habitante habitantes comptes compte "
       "adresse adresses domicile domicilie domiciliee domicilies domiciliees domiciliation residence residences "
       "resident residents residente residentes residant residants residez resider habitant habitants habitante "
       "habitantes habiter habitez habitent habites habite demeurant logeant loge vivant vivez vivre vivent originaire originaires quartier quartiers cite "
       "cites qpv vis! vit! vivons village bourg hameau canton commune coin cru banlieue banlieues zup zus hlm zone zones hors! departement departements 91 92 93 94 95 seine dom "
       "domtom doms tom outre outremer code codes postal postaux banque banques ouverture compte comptes sans sdf "
       "heberge hebergee heberges hebergees neobanque centre guyane martinique guadeloupe reunion mayotte antilles "
       "logement logements caravane caravanes mobil mobilhome camping squat squats squatteur "
       "hebergement chrs hotels habitation",
       "excl only req pref ask", "review",
       unless=r"\bvehicul|\bpermis\b|\bvoiture|\bdeplac|\bqu'(?:a|apres|lors de) (?:l'etablissement|la signature|"
              r"l'embauche|votre embauche|la redaction)|\bnati(?:f|ve|fs|ves) (?:de|du|des|d')|"
              r"\b(?:entreprise|societe|agence|magasin|site|bureaux|locaux|depot|entrepot|siege|chantier|poste|"
              r"etablissement|restaurant|boutique|usine|structure|cabinet)\w*\s+(?:\w+\s+){0,3}?(?:situe|base|implante|"
              r"localise|se trouve|est a)\w*|\bsecteur d'intervention|\binterventions?|\bdeplacements?|\btournees?|"
              r"\btrajets?|\bclients?\b(?!\s+n(?:e\b|'))(?! (?:de |du |d'|chez )(?:la |l')?(?:bnp|banque|caisse|credit|societe generale|lcl|cic|"
              r"boursorama|poste|banque postale|hsbc))|\bclientele|\bindemnit|\bkilometr|\bdomicile[- ]travail|\baide a domicile|"
              r"\ba domicile\b|\bau domicile|\bdomicile (?:des|du|de la|de nos|de vos|de personnes|d')|"
              r"\bresidents?\b(?! (?:de|du|des|en|a|hors|d'))|\b(?:notre|nos|cette) residences?\b|\bresidence (?:autonomie|services?|senior|hoteliere|"
              r"etudiante|principale|secondaire|de tourisme)|\bbanque (?:alimentaire|de donnees|d'images)|"
              r"\bbanques? (?:et|,) assurances?|\bbancaire (?:et|,)|\bconseill\w* (?:bancaire|clientele)|\bagence "
              r"bancaire|\bsecteur bancaire|\betablissement bancaire|\bvirement|\bsalaire verse (?:par|le|chaque|"
              r"mensuellement)|\bmutuelle|\bhabitat (?:social|inclusif|indigne)(?! ne\b)|\bbailleur|"
              r"\blogements?\b(?! sociaux| social)(?!.{0,60}\b(?:pas|exclu\w*|refus\w*|retenu\w*|etudie\w*)\b)|"
              r"\bcamping (?:de|du|des|\d|etoile|municipal)|\bcaravaning|\b(?:terrain|gestion|accueil|animat\w*) "
              r"(?:de |du )?camping|"
              # where the workplace is (« magasins de centre-ville », « le quartier est animé »), not the person
              r"\b(?:magasins?|boutiques?|agences?|restaurants?|commerces?|enseignes?|sites?|bureaux|points? de vente)\s+"
              r"(?:\w+\s+)?(?:de|du|en|au) (?:centre-ville|quartier)|\b(?:le|ce|notre) quartier (?:est|etant)\b|"
              r"\bimmobili|\bgardien|\bconcierge|\bagent de (?:proprete|residence)|\bproche "
              r"(?:de|du|des)|\ba proximite|\bvenir (?:renforcer|rejoindre|completer|travailler|integrer|vous|nous|en)|"
              r"\bissu\w* (?:d'une|d'un|de la|du|de formation|de l'ecole|d'ecole|du secteur|du milieu|d'un bac)|"
              r"\bcommunes? (?:de|du|des) (?:secteur|nord|sud|est|ouest|canton)|"
              r"\bdom (?:perignon|juan)|\bcorse (?:et|du sud)|\bvivre (?:une|des|l'|de|en equipe|ensemble|"
              r"pleinement)|\bvit (?:une|un|de)|\bcite (?:educative|scolaire|des sciences|universitaire|administrative|"
              r"judiciaire)|\bci-dessus|(?<!mauvaises )(?<!mauvaise )\bexperience|\bdiplome|\ba l'etranger (?:et|ou)|\bdeplacements? (?:a "
              r"l'etranger|en france)|\bcadre de vie|\bqualite de vie|\blogement (?:fourni|de fonction)"
              r"|\bcampagne (?:de|d'|marketing|publicitaire|commerciale|de recrutement|de vaccination)|"
              r"\bzone (?:de (?:chalandise|stockage|production|travail|livraison|intervention)|commerciale|"
              r"industrielle|d'activite|artisanale|geographique)|\bhors (?:agglomeration|zone)\b(?! (?:[a-z'-]+ ){0,3}?(?:s'abstenir|"
              r"non|pas|refus|exclu|inutile))|(?<!interieur de )\bla ville\b(?!.{0,20}(?:uniquement|seulement|exclusivement))",
       reach=60, positive=r"\bqpv\b|\bprioritaire|\bpolitique de la ville|\bemplois? francs?|\bzrr\b|\bzfu\b"),
    # --- language: a mother tongue, an accent, « native » — a language as a person, not a skill
    _p("prop.language", "language", "R10-DISCRIM",
       r"\b(?:accents?|parl(?:ez|ant|er|ent) [^.;,\n]{0,40}?(?:a la maison|en famille|avec (?:votre|leur|son|vos|"
       r"ses|leurs) (?:entourage|famille|proches|parents))|"
       r"parl(?:ant|ent|ez|er) (?:une autre langue|l'arabe|arabe|une langue etrangere|[a-z]+ a la maison|"
       r"[a-z]+ chez (?:vous|eux))|sans accent|"
       r"autre langue que le francais|francais (?:sans accent|parfait et sans|langue maternelle|natif)|"
       r"prononciation|elocution (?:parfaite|sans)|parler (?:parfaitement|comme un|sans))",
       "entourage proches langue francais accent accents parlant parlent parlez parler prononciation elocution",
       "excl only req pref", "review",
       unless=r"\b(?:clients?|clientele|interlocuteurs?|partenaires?|fournisseurs?|filiales?)\b.{0,40}?"
              r"(?:germanophones?|anglophones?|hispanophones?|italophones?|lusophones?|arabophones?|etrangere?s?)|"
              r"\btraduire|\btraduction|\binterpret|\benseign|\bprofesseur|\bformateur|\bcours de|\blangue "
              r"maternelle (?:ou|et) (?:bilingue|niveau)|\baccent (?:sur|mis sur)|\bmettre l'accent|\bl'accent (?:est|sera) mis|"
              r"\bnatif\w* (?:digital|du numerique)|\bdigital natives?|\bnativement|\bde naissance (?:de|du|des)|"
              r"\bmaison (?:de|du|des|d')|\ba la maison (?:de|du)|\bmaison mere|\ben famille (?:d'accueil|de)|"
              r"\bfamille (?:de produits|d'accueil)|\bparler (?:en public|de|des|du|avec)|\bprononciation (?:des|de)"
              r"|\baccents? (?:aigus?|graves?)|\baccentu",
       field_form=False),
    _p("prop.language_excl", "language", "R10-DISCRIM",
       r"\b(?:bilingues?|langues? (?:maternelles?|natales?|d'origine)|seul le francais (?:doit|peut|sera|est)|"
       r"(?:parler|parle|parlent|parlez) (?:\w+ )?(?:a la pause|aux pauses|pendant les pauses|entre (?:vous|collegues|"
       r"eux))|autres? langues? (?:que le francais )?(?:a la pause|entre collegues|dans les locaux)|"
       r"(?<!ne )(?<!pas )(?:parl(?:ant|ent|ez|er|e)|locuteurs?|locutrices?) (?:le |l'|une? |des |en )?(?:creole|patois|"
       r"dialectes?|langues? regionales?|langues? (?:d'origine|etrangeres?)|breton|basque|corse|alsacien|occitan|"
       r"catalan|flamand|arabe|berbere|kabyle|wolof|bambara|lingala|tamoul|romani|turc|polonais|roumain)\w*|"
       r"(?:parler|parle|parlent|parlez) que (?:le )?francais|aucune autre langue|pas d'autres? langues?)",
       "bilingue bilingues langue langues seul parler parle parlent parlez autre autres parlant locuteur locuteurs "
       "locutrice locutrices aucune",
       "excl", "review",
       unless=r"\bautre langue (?:n'est |ne sera |n'y est )?(?:pas )?(?:requise|exigee|necessaire|demandee|utile)|\btraduire|\btraduction|\binterpret|\benseign|\bprofesseur|\bformateur|\bcours de",
       field_form=False),
    # --- fees asked of the candidate (« frais de dossier : 50 € », « caution demandée », « retenu sur salaire »)
    _p("prop.fee", "fee", "R05-FEE",
       r"\b(?:(?:apport|amen|remett|prevoy)(?:ez|er)\b|en especes|en liquide|(?:pai|paie|paient|payent|paye|"
       r"financent|finance|regle|reglent|verse|versent|achete|achetent|fournit|fournissent)\b(?= (?:lui|elle|eux|"
       r"elles)-?memes?| (?:son|sa|ses|leur|leurs|votre|vos)\b| (?:environ |au moins |pres de )?\d)|"
       r"souscri\w*|formules? (?:d'accompagnement|premium|payante)|audiotel|"
       r"(?:€|euros?) (?:ttc )?(?:l'appel|par appel|la minute|par sms|le sms|par envoi|l'envoi|par message|le message|par texto)|"
       # a sum asked to hold a place, renting the work tools from the employer
       r"(?:une |la )?somme (?:de |d')?(?:environ )?\d+|pour (?:reserver|retenir|bloquer|garantir|confirmer) (?:votre|sa|ta|leur) "
       r"(?:place|inscription|creneau|candidature|participation)|lou(?:ez|er|erez|eront|ent) (?:votre|vos|son|sa|ses|leur|leurs|un|une|le|la|les) "
       r"(?:\w+ )?(?:vehicule|voiture|scooter|velo|camion|camionnette|materiel|outils?|tenue|uniforme|casier|poste|"
       r"terminal|telephone|badge|equipement)\w*|location (?:de |du |d'un |d'une )?(?:votre |vos )?(?:vehicule|scooter|velo|"
       r"camion|materiel|outils?|tenue|uniforme|casier|terminal|equipement)\w*|reverse\w*|reverser\w*|commission sur (?:votre|"
       r"vos|le) (?:premier )?salaire|frais (?:administratifs?|annexes|fixes)|droits? (?:de |d')\w+|"
       r"frais (?:de |d')?(?:dossier|inscription|candidature|traitement|etude|gestion|ouverture|envoi|formation|"
       r"adhesion|mise en relation|placement|reservation|participation|session|selection|recrutement|demarrage|"
       r"installation|constitution|service|abonnement|badge|tenue|materiel)|cautions?|depots? de garantie|"
       r"(?:kits?|packs?(?! (?:office|microsoft|adobe)))(?: de (?:demarrage|demonstration|depart|vente|lancement|bienvenue))?|forfaits?|acomptes?|cotisations?|"
       r"abonnements? (?:premium|candidat|payant|mensuel)|comptes? (?:candidat )?premium|premium|droits? "
       r"(?:d'entree|d'inscription|d'adhesion)|(?:formation|reunion|session|inscription|candidature|stage|entretien|"
       r"dossier|test|evaluation|selection|recrutement|kit|badge|tenue|acces|atelier|seminaire|information|"
       r"certification|examen|habilitation|module|cursus|programme|parcours|coaching)s?\b"
       # « Formation obligatoire à 90 € avant de commencer », « coaching obligatoire …, 40 € la séance »: a service
       # made compulsory and priced (a wage « de l'heure », « brut » is pay, not a price)
       r"[^.;\n]{0,40}?\b(?:payant\w*|obligatoire\w*\b(?=[^.;\n]{0,80}?\d+ ?(?:€|euros?\b)(?! ?(?:de l'heure|/ ?h|brut|"
       r"net|par heure|par mois|bruts?|nets?)\b)))|factur\w*|(?<!capacite )(?<!apte )a regler(?! (?:les|des|la|le|un|une|vos|ses))|"
       r"a payer|reglement|paiement\w*|(?:reglerez|payerez|paierez|verserez|acheterez|financerez|reglez|"
       r"payez|versez|achetez|financez)\b|"
       r"payer\b|payez\b|paye par (?:vos soins|le candidat|vous)|versement\w* (?:de|initial|prealable)|verser\b|versez\b|"
       r"achat\w*|achet\w*|a (?:vos|votre|ta|tes) (?:propres )?(?:frais|charge)|a (?:leurs?|ses|sa|son) (?:propres )?frais|a la charge (?:du|de la|de l'|des) "
       r"(?:candidat|salarie|vendeur|vendeuse|conseill\w*|nouvel\w*|collaborat\w*|stagiaire|benevole|intervenant|"
       r"postulant|recrue|extra|livreu|chauffeu|animat)\w*|(?:achet\w*|pay\w*|regle\w*|"
       r"fourni\w*|financ\w*|a acheter|a payer|a fournir) par vos soins|"
       r"(?:retenu|retenue|retenus|retenues|preleve|prelevee|preleves|deduit|deduite|deductible|defalque)e?s? (?:sur|de|du|des) "
       r"(?:vos |votre |le |les |la |ton |ta |tes |sa |son |ses |leurs? )?(?:premiers? |premieres? )?(?:salaires?|paies?|payes?|remuneration|commissions?)|"
       r"(?:retenue|prelevement|deduction)s? sur (?:le |la |votre |vos |les |ton |ta |tes )?(?:salaire|paie|paye|"
       r"remuneration)s?|investissement (?:initial|de depart|personnel)|participation financiere|"
       r"non rembours\w*|numeros? surtaxe\w*|surtaxe\w*|08 ?9\d|coute\w*|cout (?:de|du|d')|\bcoute |frais (?:de |d')\w+|"
       r"adhesion\w*|licence\w*|cartes? (?:de membre|d'adherent)|moyennant|avance de|acquer\w*|"
       r"financer (?:vous-meme|vous meme|soi-meme|personnellement)|verseront|versera|contribution\w*|"
       r"€ ?/ ?min\w*|par minute|la minute|"
       # joining a file or a network written with the verb (« Inscrivez-vous à notre fichier (45 € par an) »), access to
       # the employer's contact details (« Accès aux coordonnées de l'employeur : 45 € »)
       r"(?:inscrivez|abonnez|adherez)[- ]vous|(?:acces|accedez|acceder) (?:aux?|a la|a l') ?(?:coordonnees|contacts?|"
       r"numeros?|offres?|annonces?)|coordonnees (?:de l'employeur|du recruteur|de l'entreprise|du client)|"
       # something sold to the candidate, a payment as the way to apply, an access code, a share of the pay
       r"(?:vous )?(?:sera|seront|est|sont) vendue?s?\b|vendue?s? (?:a |au prix de |pour )?(?:environ )?\d|"
       r"en (?:reglant|payant|versant|achetant|souscrivant|acquittant)|codes? d'acces|"
       r"avance\w* par (?:le candidat|la candidate|vous|vos soins|le salarie|le stagiaire)|(?:pas|jamais) rembours\w*|"
       # the employer's side of the charge (« nous prélevons 40 € », « nous vendons la liste »), a sum to plan for
       # (« comptez 40 € »), a service given « contre 40 € », a place booked or contacts unlocked by the reader
       r"(?:encaiss|prelev|factur|vend|retien|dedui)ons\b|comptez\b|contre (?:environ )?\d+|"
       r"(?:reservez|debloquez|debloquer) (?:votre|vos|les|la|le|sa|son|leurs?)\b|d'avance (?:sur|pour)\b)",
       "apportez apporter amenez amener remettez remettre prevoyez especes liquide "
       "financent versent paient payent achetent paie! verse! regle! reglent! finance! fournit! fournissent! "
       "souscrire souscrivez souscription souscrit formule formules audiotel appel reverse reverser reverserez "
       "reversez reverseront reversement commission droit droits "
       "frais caution cautions depot depots kit kits forfait forfaits acompte acomptes cotisation cotisations "
       "abonnement abonnements compte comptes premium droit droits payant payante payants payantes facture facturee "
       "factures facturees facturer facturation regler payer reglement paiement paiements payez paye versement "
       "versements verser versez achat achats acheter achete achetee achetes achetez achetent achetera acheteront "
       "charge soins retenu retenue retenus retenues preleve prelevee preleves prelevement deduction deduit deduite "
       "defalque deductible "
       "investissement "
       "participation rembourse remboursable remboursables surtaxe surtaxes surtaxee 089 08 0899 0892 0891 0897 0890 "
       "cout coute coutera adhesion licence carte cartes moyennant avance acquerir financer verseront versera "
       "contribution min minute reglerez payerez paierez verserez acheterez financerez reglez achetez financez "
       "sms envoi message texto somme pack packs inscrivez abonnez adherez acces accedez acceder coordonnees "
       "reserver louez louer louerez loueront louent location vendu vendue vendus vendues reglant payant versant achetant souscrivant acquittant code codes "
       "encaissons prelevons facturons vendons retenons deduisons comptez contre reservez debloquez debloquer "
       "obligatoire obligatoires",
       "fee", "block",
       unless=r"\baucuns? frais|\bsans frais|\bne vous sera (?:jamais )?demande|\brien ne vous sera|\bjamais\b|"
              # « vous n'avez rien à acheter », « candidater ne coûte rien »: nothing asked
              r"\brien a (?:payer|acheter|regler|debourser|avancer|financer)\b(?! (?:maintenant|tout de suite|aujourd'hui|"
              r"avant|a l'avance|d'avance|pour l'instant))|\bne (?:vous |te )?coute(?:ra)? rien|"
              r"\bni (?:\w+ ){1,3}?a (?:payer|regler|acheter)\b|"
              + REIMBURSED + "|" + EMPLOYER_PAYS + r"|\boffert\w*|\bfourni(?:e|s|es|t|ssons|ssent)?\b|\bgratui\w*|"
              r"\bprime\w*|\bindemni\w*|\bmutuelle|\bticket\w*|\btitres?[- ]restaurant|\bpanier|\bavantage\w*|"
              r"\ba (?:nos|notre) (?:frais|charge)|\ba la charge (?:de l'employeur|de l'entreprise|de la societe)|"
              r"\bpar (?:l'employeur|l'entreprise)|\bfinanc\w* par (?:nous|l'entreprise|l'employeur|nos soins|"
              r"votre employeur|l'opco|le cpf|france travail)|\bcpf\b|\bopco|\bchiffre d'affaires|\bbudget|"
              r"\bdevis|\bfactures? (?:clients?|fournisseurs?)|\bcomptab|\bfacturation (?:client|fournisseur)|"
              r"\bacheteur|\bachats? (?:de|des) (?:produits|marchandises|matieres|pieces)|\bservice achats?|"
              r"\bapprovisionn|\bgestion (?:des|de la) (?:achats|facturation|caisse)|\bencaiss(?!ons)|\bcaisse\b(?! a outils)|"
              r"\bsaisie|\bsuivi (?:des|de la)|\brelance|\bimpayes|"
              r"\bpaiements? (?:des|du) (?:salaires?|clients?|fournisseurs?|factures?)|\bmoyens? de paiement|"
              r"(?<!propre )\bterminal de paiement|\bcaution (?:morale|bancaire)|\bforfait (?:jours?|annuel|heures?|mobilite)|"
              r"\bau forfait|\bforfait\w* (?:de|en) \d+ jours|\bcotisations? (?:sociales?|patronales?|salariales?|"
              r"retraite)|\bcharges? (?:sociales?|patronales?)|\bpremium\b(?!.{0,30}€)|\bmarques? premium|"
              r"\bgamme|\bclients? premium|"
              # the hotel as a place of stay paid for the worker (« nuits d'hôtel prises en charge »), not any hotel:
              # « l'uniforme de l'hôtel sera retenu sur salaire » stays a charge on the worker
              r"\b(?:nuits?|nuitees?|frais|sejours?|chambres?|notes?) (?:d' ?|a l' ?|en )hotel|\bhotel\w* (?:paye|offert|"
              r"pris en charge|rembourse)\w*|\bvehicules? premium|\bparticipation (?:de l'employeur|employeur|"
              r"patronale|aux benefices|a hauteur|aux frais de (?:transport|mutuelle))|\binteressement|"
              r"\bparticipation\b(?! financiere)(?!.{0,45}(?:€|\beuros?\b))|\bsalaire (?:verse|paye)|\bpaye (?:le|chaque|tous|a)\b|"
              # rent for housing the employer offers, kept from the pay: a benefit in kind, not a fee to get the job
              r"\bloyers?\b|\blogements? (?:possible|facultatif|propose|disponible|sur place)|"
              # one's own meals or commute (« les repas restent à votre charge »), tips handed over whole to the staff
              r"\b(?:repas|dejeuners?|trajets?|transports?)\b(?: \w+){0,2}? (?:restent|reste|sont|est|a) (?:a )?"
              r"(?:vos|votre|ta|leur|sa) (?:frais|charge)|\breverse\w* (?:integralement|en totalite|a 100 ?%|"
              r"aux? (?:salaries|equipes?|serveurs|personnel))|\bintegralement reverse"),
)

# A number that can be an age or a birth year. The lookahead on the first digit adds no condition (every alternative
# starts with 1 to 7) but lets the regex engine skip to candidate places instead of trying the lookbehind everywhere.
_AGE_NEAR = r"(?=[1-7])(?<![\d,.])(?:1[6-9]|[2-7]\d|19[4-9]\d|200\d)(?![\d,.]\d)"

PROPS += (
    _p("prop.origin_self", "origin", "R10-DISCRIM",
       r"\b(?:(?:preference|priorite) (?:nationale|aux (?:francais|nationaux))|francais de souche|(?:embauch|recrut|"
       r"engag|pren|cherch|recherch)\w+ (?:un|une|des|que des|uniquement des|seulement des) francaise?s?\b"
       r"(?! (?:courant|lu|ecrit|parle|bilingue|niveau|langue|natif|maternel|[abc][12]\b)))",
       "preference priorite souche francais! francaise! francaises!",
       "self", "block", exceptions=("EXC-EMPLOI-PUBLIC",),
       unless=r"\bemplois? publics?|\bfonction publique|\bmarches? publics?", field_form=False),
    _p("prop.age_limit", "age", "R07-AGE",
       r"\b(?:19|[2-7]\d) ?ans (?:maxi(?:mum)?|max|au plus|au maximum|mini(?:mum)?|min|au minimum)\b",
       "ans", "self", "block", exceptions=("EXC-APPRENTISSAGE", "EXC-AIDES-EMPLOI"),
       near=_AGE_NEAR,
       unless=r"\bans (?:\w+ ){0,2}(?:d'|de )(?:experience|anciennete|pratique|metier)|\b(?:experience|anciennete|"
              r"pratique)\w* (?:\w+ )?(?:de |d'|:|minimum|exigee)?\s*(?:de )?\d+ ans|\bexistence|\bdepuis \d|\bcreee?|"
              r"\bfondee?|\bapprenti|\balternan|\bvehicule|\bmateriel|\bmachine|\bpublic|\benfants?|\bclients?\b|\bresidents?|\bpatients?|"
              r"\beleves?|\bbeneficiaires?|\bcontrat|\bduree|\bengagement|\bcarriere|\bretraite|\bpratique",
       field_form=False),
    _p("prop.sex_person", "sex", "R08-SEX",
       r"\b(?:mesdames|mesdemoiselles|messieurs(?= ?,)|(?:une?|des|les|la|le) (?:femmes?|dames?|filles?|nanas?|collaboratrices?|hommes?|mecs?|gars|messieurs|"
       r"monsieur|garcons?|jeunes? (?:femmes?|hommes?|filles?))|vous etes (?:une femme|un homme)|sexe (?:masculin|"
       r"feminin)(?! ?(?:ou|et|/|,) ?(?:masculin|feminin)\b)|sexe(?= ?: ?(?:h|f|m|homme|femme|masculin|feminin)\b"
       # « Sexe : masculin ou féminin », « Sexe : H/F »: an open choice, no criterion
       r"(?! ?(?:ou|et|/|,) ?(?:h|f|m|homme|femme|masculin|feminin)\b)))\b",
       "mesdames mesdemoiselles femme femmes dame dames fille filles nana nanas collaboratrice collaboratrices homme hommes mec mecs gars "
       "messieurs monsieur garcon garcons sexe",
       "excl only pref req", "block", exceptions=("EXC-R1142-1",),
       unless=r"\b(?:hommes?|femmes?|filles?|garcons?|messieurs|dames?) (?:et|ou|&|/) (?:les |des |aux |une |un )?"
              r"(?:hommes?|femmes?|filles?|garcons?|messieurs|dames?)\b|\bmesdames,? (?:et )?messieurs|\bmessieurs,? "
              r"(?:et )?mesdames|\bh ?/ ?f\b|\bf ?/ ?h\b|\bmixte|\btoutes et tous|"
              r"\bfemmes? (?:de (?:menage|chambre|service|terrain|l'art|metier|confiance)|d'(?:entretien|affaires))|"
              r"\bhommes? (?:de (?:menage|terrain|l'art|metier|confiance|main)|d'(?:entretien|affaires))|"
              r"\bsages?-femmes?|\b(?:rayon|mode|pret-a-porter|vetements?|chaussures?|collection|coiffure|clientele|"
              r"public|vestiaires?|toilettes|foyer|prison|detention|unite|pavillon|club|categorie|chambre|dortoir)s? "
              r"(?:\w+ )?(?:hommes?|femmes?|dames|masculin\w*|feminin\w*)|\bfemmes? victimes|\bviolences|"
              r"\b(?:accompagn|aupres|accueil|public|beneficiaire)\w*|"
              # the person is qualified by another property (« femmes portant le voile »): that one is the criterion
              r"\b(?:voil\w*|foulard|hijab|kippa|turban|enceinte\w*|barbe\w*|barbus?|cheveux|tatou\w*|piercing\w*|"
              r"handicap\w*|musulman\w*|juive?s?|enfants?|maternite|grossesses?|bebes?|celibat\w*|ethni\w*|origine\w*|"
              r"couleur|trans|transgenres?|"
              r"transsexuel\w*|cisgenres?)\b",
       reach=50),
    # --- sex: the reader addressed in one gender only, a one-letter restriction (« H uniquement (pas de F) »)
    _p("prop.sex", "sex", "R08-SEX",
       r"\b(?:votre|notre|la|une) (?:future|nouvelle) (?![a-z]*(?:carriere|matiere|filiere|barriere|lumiere|maniere|"
       r"premiere|derniere|entiere|frontiere|euse\b|perceuse|tondeuse|machine))(?:[a-z]+(?:trice|euse|ienne|iere)|"
       r"(?:assist|consult|ger|commerc|enseign|interven|surveill|represent|soign|etudi|gouvern|command)ante)s?\b"
       r"(?! ?\(?(?:h|f|e|m)\b)(?!\s*/)|(?<![\d,.] )(?<![\d,.])\bh\b(?= (?:uniquement|seulement|exclusivement|only))|"
       r"\bpas de f\b|\bf\b(?= (?:uniquement|seulement|exclusivement))|\bvous etes (?:une femme|un homme)\b"
       r"(?! ou)|(?<![\d,.] )(?<![\d,.])\b(?:h|f) "
       r"(?:de preference|prefere)",
       "future nouvelle uniquement seulement exclusivement only preference prefere femme homme", "self", "review", exceptions=("EXC-R1142-1",),
       unless=r"\b(?:h|f) ?/ ?(?:h|f)\b|\(h/f\)|\bh/f\b|\bf/h\b|\bhomme ou femme|\(e\)|\bou (?:un|une|le|la)\b|"
              r"\bou\s+\w+(?:eur|teur)s?\b|\bequipe|\bentreprise|\bagence|\bboutique|\bstructure|\bplateforme|"
              r"\bresidence|\bcollection|\bantenne|\bcampagne|\bclientele",
       field_form=False),
    _p("prop.age_cue", "age", "R07-AGE",
       r"\b(?:(?:au-dela|au dela|au-dessus|au dessus|au-dessous|au dessous|en dessous|en-dessous|passe|apres|plus|moins|"
       r"\+|(?:superieur|inferieur)e? a|pas plus|pas moins) (?:de )?(?:19|[2-7]\d) ?(?:ans|printemps|balais|berges|piges)\b|(?:19|[2-7]\d) ?ans (?:et plus|"
       r"et moins|maxi\w*|mini\w*|max|min|ou plus|ou moins|revolus)|"
       r"vingtenaires?|trentenaires?|quadragenaires?|quinquagenaires?|sexagenaires?|quadras?|quinquas?|"
       # « Vieux-Port », « Vieille-Brioude »: a hyphen makes a place name
       r"moins jeunes|plus ages|jeunots?|vieux(?!-)|vieilles?(?!-)|(?:la |une )?(?:vingtaine|trentaine|quarantaine|"
       r"cinquantaine|soixantaine))",
       "ans printemps balais berges piges vos vingtenaire vingtenaires trentenaire trentenaires quadragenaire quadragenaires quinquagenaire "
       "quinquagenaires sexagenaire sexagenaires quadra quadras quinqua quinquas jeunes ages jeunot jeunots vieux "
       "vieille vieilles vingtaine trentaine quarantaine cinquantaine soixantaine",
       "excl only pref req ask", "block", exceptions=("EXC-APPRENTISSAGE", "EXC-AIDES-EMPLOI"),
       unless=r"\benfants?|\bpublic|\bclients?\b|\bclientele|\bresidents?|\bpatients?|\busagers?|\beleves?|"
              r"\bbeneficiaires?|\baccompagn|\baupres|\baccueil|\bmission locale|"
              # « expérience souhaitée, âge 25-40 ans »: the word « âge » says the numbers are the person's age
              r"\bexperience(?![^.;\n]{0,25}\bagee?s?\b)|\banciennete|"
              r"\bexistence|\bdepuis \d|\bcreee?|\bfondee?|\bapprenti|\balternan|\bprofessionnalisation|"
              r"\bcontrat aide|\bpec\b|\bcui\b|\beligib|\bvehicule|\bmateriel|\bmachine|\bbatiment|\bparc|\barbres?|"
              r"\bvieux (?:port|quartier|lyon|nice|bourg|village|centre|metier)|\bvieilles? (?:pierres?|voitures?|"
              r"batisses?)|\bmoins de (?:2[0-9]|3[0-9]) ans d'|\bcarriere|\bdepart|\bretraite|\bvingtaine (?:de|d')|"
              r"\btrentaine (?:de|d')|\bquarantaine (?:de|d')|\bcinquantaine (?:de|d')|\bsoixantaine (?:de|d')",
       field_form=False),
    # --- age of the person written without the word « limite » (« profil âgé de 25 à 32 ans », « né après 1995 »)
    _p("prop.age", "age", "R07-AGE",
       r"\bne(?:\(e\)|e|\(e\)s|es)? (?:avant|apres|en|entre|a partir de|depuis) (?:19[4-9]\d|200\d)\b|"
       r"\b(?:profil|candidat\w*|personne|qq1|quelqu'un|quelqu'une|collaborat\w*|recrue|jeune|vous|h|f|homme|femme|"
       r"garcon|fille|salarie\w*|employe\w*|vendeu\w*|serveu\w*|equipier\w*) (?:\w+ )?(?:agee?s? )?(?:de |d')?"
       r"(?:moins|plus|\+) de (?:1[6-9]|[2-7]\d) ?ans\b|(?<!l')(?<!moyenne d')\bagee?s? (?:de |d'|entre )"
       r"(?:1[6-9]|[2-7]\d)(?: (?:a|-|et) \d{2})? ?ans|"
       r"\bpas (?:de|d') ?\+ de \d{2}|\bvos (?:1[6-9]|[2-7]\d) ans\b(?! d'| de )|"
       # not « 3-5 ans d'expérience », « 20 à 30 ans de métier »; « 25/35 ans dispo » is an age
       r"(?<![\d,.])\b(?:entre )?(?:1[6-9]|[2-6]\d) ?(?:/|-|a|et) ?(?:[2-7]\d) ?ans\b(?! d'| de )|\b(?:\+|plus) de \d{2} ans (?:svp|s'abstenir|merci de|non|pas)",
       "ne nee nes nees moins plus age agee ages agees vos ans",
       "self", "block", exceptions=("EXC-APPRENTISSAGE", "EXC-AIDES-EMPLOI"),
       near=_AGE_NEAR,
       unless=r"\benfants?|\bpublic|\bclients?\b|\bclientele|\bresidents?|\bpatients?|\busagers?|\beleves?|"
              r"\bbeneficiaires?|\baccompagn|\baupres|\baccueil|\bmission locale|"
              # « expérience souhaitée, âge 25-40 ans »: the word « âge » says the numbers are the person's age
              r"\bexperience(?![^.;\n]{0,25}\bagee?s?\b)|\banciennete|"
              r"\bprise en charge|\binsertion|\bdispositif|\bdecrochage|\bentreprise|\bsociete|\bexistence|\bdepuis \d|\bcreee?|\bfondee?|\bapprenti|\balternan|"
              r"\bprofessionnalisation|\bcontrat aide|\bpec\b|\bcui\b|\beligib|\bmoins de 26 ans (?:ou|et)|"
              r"\bvehicule|\bmateriel|\bmachine|\bbatiment|\bparc|\barbres?",
       field_form=False),
)

# Whom the recruiter says it seeks can be the criterion itself (« nous recrutons des chrétiens engagés »).
_SEEKABLE = frozenset(("prop.religion", "prop.origin", "prop.opinions", "prop.orientation", "prop.appearance",
                       "prop.family"))
PROPS = tuple(replace(p, cues=(*p.cues, "seek")) if p.id in _SEEKABLE else p for p in PROPS)

_EN_CUES = "excl only req pref"
PROPS += (
    _p("prop.sex_person", "sex", "R08-SEX", r"\b(?:women|woman|men|females?|males?|girls?|guys|ladies)",
       "women woman men female females male males girl girls guys ladies", _EN_CUES, "block",
       exceptions=("EXC-R1142-1",), unless=r"\b(?:women|men) (?:and|or|&) (?:women|men)\b|\bh ?/ ?f\b|\bf ?/ ?h\b|"
       r"\bm ?/ ?f\b|\bf ?/ ?m\b", field_form=False, reach=40),
    _p("prop.age_cue", "age", "R07-AGE", r"\b(?:elderly|older (?:people|candidates|workers)|old people|over (?:19|[2-7]\d)|"
       r"under (?:19|[2-7]\d)|young (?:people|candidates|men|women|team only))",
       "elderly older old over under young", _EN_CUES, "block", exceptions=("EXC-APPRENTISSAGE", "EXC-AIDES-EMPLOI"),
       field_form=False, reach=40),
    _p("prop.family", "family", "R09-FAMILY", r"\b(?:kids(?![- ](?:club|corner|area|zone|room|menu|camp|clubs))|children|pregnant|mothers?|"
       r"moms?|mums?|married|single parents?)",
       "kids children pregnant mother mothers mom moms mum mums married single", _EN_CUES, "block", field_form=False,
       reach=40),
    _p("prop.origin", "origin", "R10-DISCRIM", r"\b(?:foreigners?|immigrants?|black people|blacks|arabs?|africans?|"
       r"asians?|(?<=non-)europeans?|(?<=non )europeans?|french (?:nationals?|citizens?))",
       "foreigner foreigners immigrant immigrants black blacks arab arabs african africans asian asians "
       "europeans nationals citizens", _EN_CUES, "block", exceptions=("EXC-EMPLOI-PUBLIC",), field_form=False,
       reach=40),
    _p("prop.religion", "religion", "R10-DISCRIM", r"\b(?:muslims?|jews|jewish|christians?|hijabs?|headscarf|headscarves|"
       r"religious people)",
       "muslim muslims jews jewish christian christians hijab hijabs headscarf headscarves religious", _EN_CUES, "block",
       exceptions=("EXC-EXIGENCE-ESSENTIELLE",), field_form=False, reach=40),
    _p("prop.health", "health_disability", "R10-DISCRIM", r"\b(?:disabled|handicapped|sick people|chronic illness)",
       "disabled handicapped sick chronic", "excl", "review", field_form=False, reach=40),
    _p("prop.appearance", "appearance", "R10-DISCRIM", r"\b(?:fat|overweight|tattoos?|tattooed|ugly|good[- ]looking|"
       r"slim)",
       "fat overweight tattoo tattoos tattooed ugly good looking slim", _EN_CUES, "review",
       unless=r"\bslim (?:fit|jeans?)", field_form=False,
       reach=40),
    # a language as a birth trait (« native English speaker only »), not a level of skill: an origin criterion, as
    # « langue maternelle française » is read in French
    _p("prop.origin", "origin", "R10-DISCRIM", r"\b(?:native (?:\w+ )?speakers?|mother tongue|first language)",
       "native mother first", _EN_CUES, "review", field_form=False, reach=40),
)

_BY_ANCHOR: dict[str, list[Prop]] = {}
_PROP_ANCHORS: dict[int, set[str]] = {id(p): set(p.anchors) for p in PROPS}
for _prop in PROPS:
    for _w in _prop.anchors:
        _BY_ANCHOR.setdefault(_w, []).append(_prop)
_ANCHORS = set(_BY_ANCHOR)

# Every « stem\w* » of a property pattern is an anchor too, for any word it starts (« scientologues »,
# « psychiatrie », « manifesté »): the word lists cannot hold every inflection. Words are checked once, then cached.
_STEM_AT = re.compile(r"(?:\\b|\||\(\?:|\()([a-z]{4,})\\w\*")
_PROP_STEMS: tuple[tuple[Prop, tuple[str, ...]], ...] = tuple(
    (p, tuple(sorted(set(_STEM_AT.findall(p.rx.pattern))))) for p in PROPS)
# stems that only occur inside longer phrases of a pattern (« candidat\w* … noirs », « mini », « maxi »)
_PHRASE_STEMS = frozenset("candidat collaborat conseill associati attend change boit employe engage equipier maxi "
                          "mini medica nouvel regle salarie serveu vendeu vote fourni financ pratiqu municipa "
                          "sensibilite".split())
_PROP_STEMS = tuple((p, tuple(st for st in sts if st not in _PHRASE_STEMS)) for p, sts in _PROP_STEMS)
_ALL_STEMS = tuple(sorted({st for _, sts in _PROP_STEMS for st in sts}))
_SEEN_WORDS: set[str] = set()


def _learn_words(words: frozenset[str]) -> None:
    """Register as anchors the new words that start with a property stem."""
    new = words - _SEEN_WORDS
    if not new:
        return
    if len(_SEEN_WORDS) < 300_000:
        _SEEN_WORDS.update(new)
    for w in new:
        if w in _ANCHORS or not w.startswith(_ALL_STEMS):
            continue
        for prop, stems in _PROP_STEMS:
            if stems and w.startswith(stems):
                _PROP_ANCHORS[id(prop)].add(w)
                _BY_ANCHOR.setdefault(w, []).append(prop)
        if w in _BY_ANCHOR:
            _ANCHORS.add(w)

# Fees: the property words alone are not enough, a sum or a charge on the reader must be there too.
_AMOUNT = fast(r"\d[\d .,]*\s*(?:€|euros?\b|eur\b|balles\b|boules\b|e\b(?! (?:annee|etage|edition|mois))|ttc\b|ht\b)|"
                     r"\b(?:quelques|cent|cinquante|mille|vingt|trente|quarante|soixante) (?:\w+ )?euros?\b|"
                     # a sum given as a share of the pay (« l'équivalent d'une semaine de salaire »)
                     r"\b(?:l'equivalent d'|l'equivalent de )?(?:une|un|deux|trois|\d+) (?:semaines?|mois|jours?|journees?) "
                     r"de (?:votre |son |leur )?(?:salaire|remuneration|paie)\b", exact=True)
_CHARGED = fast(
    r"\b(?:seront preleve\w*|sera preleve\w*|preleve\w* (?:directement|pour|a|lors)|vous-meme|(?:lui|elle|eux|"
    r"elles)-?memes?|(?:apport|amen|remett|prevoy|pay|regl|vers|souscriv)ez\b|en especes|en liquide|audiotel|"
    r"(?:verser|payer|paier|regler|acheter|financer)(?:ez|ont|a)\b|en (?:reglant|payant|versant|achetant|souscrivant)|"
    r"(?:pas|jamais) rembours\w*|avance\w* par (?:le candidat|la candidate|vous|vos soins|le salarie)|"
    r"votre propre|vos propres|condition (?:pour|d'|de) (?:etre|l'embauche|embauche|travailler|postuler|acceder)|"
    r"(?:condition|prealable) (?:a|de) (?:l'embauche|votre embauche|l'emploi)|"
    r"seul moyen|"
    # a sum due at a stage of the recruitment (« avant l'entretien », « lors de votre candidature », « pour intégrer
    # l'équipe »), taken « sur le candidat », or asked « par personne » for a recruiting session
    r"avant (?:l'|votre |tout |le |la )?(?:premier\w* )?(?:entretien|rendez-vous|journee|tournee|semaine|jour|"
    r"recrutement)|lors (?:de|du) (?:votre |la |le )?(?:candidature|inscription|recrutement)|"
    r"(?:sur|aux?) (?:le |les )?candidat\w*|pour (?:integrer|rejoindre|passer) (?:l'|le |la |votre |notre |nos |les )|"
    r"(?:journee|session|seance|salon|epreuve)s? (?:de |d')(?:recrutement|selection)\b|"
    r"pour (?:reserver|retenir|bloquer|garantir|confirmer) (?:votre|sa|ta|leur) (?:place|inscription|creneau|candidature)|"
    r"lou(?:ez|er|erez|eront|ent) (?:votre|vos|son|sa|ses|leur|leurs)\b|pour (?:debloquer|obtenir|recevoir|consulter|"
    r"acceder|participer|etre place|avoir acces)|sur (?:votre|vos|leur|leurs|son|sa|ses) (?:premier |premiere |"
    r"\w+ )?(?:salaires?|paies?|payes?|remunerations?|mois de salaire)|(?:reverse|reverser)\w*|"
    r"(?:prelev|retien|deduis|deduir)\w*|"
    r"a (?:vos|votre|ta|tes) (?:propres )?(?:frais|charge)|a (?:leurs?|ses|sa|son) (?:propres )?frais|a la charge (?:du|de la|des|de l'(?!employeur|entreprise|etablissement|"
    r"association|agence|organisat|enseigne|structure))|(?:achet\w*|pay\w*|regle\w*|fourni\w*|"
    r"financ\w*|a acheter|a payer|a fournir) par vos soins|retenu\w* (?:sur|de)|"
    r"preleve\w* (?:sur|de)|deduit\w* (?:sur|de|du)|deductions? sur|non rembours\w*|payant\w*|factur\w*(?: [^.;]{0,16}?)? (?:au|a la|aux|a) "
    r"(?:candidat|salarie|nouvel|stagiaire|conseill|vendeu|benevole|recrue|personne)\w*|surtaxe\w*|"
    r"vous (?:sera|seront|serez) (?:demande|factur|preleve|retenu)\w*|(?:a|au) (?:acheter|regler|payer|verser|"
    r"acquerir|financer)|avant (?:le|la|l'|votre|toute|de) (?:demarrage|prise|embauche|debut|signature|"
    r"commencer|mission|formation)|"
    r"faut (?:\w+ )?(?:payer|acheter|regler|verser|avancer|financer)|"
    r"(?:achete|achetez|paye|payez|regle|reglez|verse|versez|finance|financez|avance|avancez)\w* (?:son|sa|ses|votre|"
    r"vos|leur|leurs|un|une|le|la|les)\b|(?:doit|doivent|devez|devra|devront|dois|devras|devrez) (?:\w+ )?(?:acheter|regler|payer|verser|"
    r"financer|avancer|s'acquitter|prevoir)|est demande|sont demandes|sera demande|seront demandes|demande\w* "
    r"(?:au|aux|a la) (?:candidat|postulant|nouvel|recrue)|obligatoire|imposee?s?\b|avant (?:de commencer|l'embauche|la prise|"
    r"le debut|votre|toute)|pour (?:postuler|etre (?:present|retenu|recrute|embauche|mis)|acceder|candidater|"
    r"etre mis)|a l'inscription|a la signature|lors de l'inscription|08 ?9\d)|"
    # a charge per call or message: « € » has no word boundary before it
    r"(?:€|\beuros?) (?:ttc )?(?:l'appel|par appel|la minute|par sms|par envoi|l'envoi|par message|par texto)", exact=True)

_READER = re.compile(r"\b(?:vous|votre|vos|candidat\w*|postulant\w*|recrue\w*|nouvel\w*|embauche\w*|inscri\w*|"
                     r"entretiens?|chaque (?:\w+ )?(?:recrute|embauche|nouveau|nouvelle|salarie|livreur|vendeu\w*)|"
                     r"selection|epreuves?|tests? (?:de |d')\w+|"
                     r"postuler|recrute\w*|acceder|acces|job|poste|mission\w*|selectionne\w*)\b")

# A sales job's words (« vente », « clients ») say the purchases are the customers', unless the reader is the one told to
# buy (« vous devez acheter votre stock », « la tablette de vente est à acheter »).
_SALES = re.compile(r"\bclients?\b|\bclientele|\bvente\b|\bvendre")
_OWN_PURCHASE = re.compile(r"\b(?:devez|doit|doivent|devrez|devra|devront|dois|devras|faut) (?:\w+ )?(?:acheter|payer|regler|financer)\b|"
                           r"\b(?:est|sont|reste|restent) a (?:acheter|payer|regler|financer)\b|\ba (?:vos|votre|ta|tes|leurs?|ses|sa|son) (?:propres )?frais\b")

_PAY_CONTEXT = re.compile(r"\b(?:remuner\w*|salaires?|brut|bruts|net|nets|payee?s?|paie|de l'heure|taux horaire|smic)\b")

# Field form: « Origine : européenne », « Religion : catholique », « Situation familiale : marié ».
_FIELD_VALUE_LAWFUL = re.compile(r"^\s*(?:indifferent\w*|peu importe|tous|toutes|sans importance|non requis\w*|"
                                 r"aucune?|n/?a|-|/|ouvert\w* a tous)")
_FIELD_NAMES = re.compile(r"^(?:sexe|genre|age|origine|nationalite|religion|confession|situation (?:familiale|de famille|matrimoniale)|"
                          r"etat civil|enfants?|physique|apparence|taille|poids|sante|etat de sante|handicap|"
                          r"orientation|opinions?|syndicat|appartenance (?:syndicale|politique|religieuse)|"
                          r"domicile|lieu de residence|residence|quartier|couleur de peau|langue maternelle|accent|"
                          r"corpulence|morphologie|silhouette|mensurations|imc|coiffure|cheveux|confession|culte|"
                          r"convictions?|parti|sensibilite|croyances?|pratique religieuse|(?:pays|lieu|ville) de naissance)"
                          r"(?:\s+(?:du|de la|des|de l'|d')\s*(?:candidat|candidate|postulant|salarie|personne)\w*"
                          r"(?:\s*\(e\))?|\s+(?:politiques?|religieuses?|syndicales?|sexuelles?|souhaite\w*|requis\w*|exige\w*|"
                          r"demande\w*|prefere\w*|attendu\w*|ideal\w*))?\s*$")


# Categories whose property words in a job title are a criterion by themselves (a title names the job, not its public).
_TITLE_SELF = frozenset(("origin", "religion", "opinions", "sexual_orientation_identity", "age", "appearance",
                         "family"))


_FIELD_COLON = re.compile(r"(?:\s+(?:du|de la|des|de l'|d')\s*(?:candidat|candidate|postulant|salarie|personne)\w*"
                          r"(?:\s*\(e\))?|\s+(?:souhaite\w*|requis\w*|exige\w*|demande\w*|prefere\w*|attendu\w*))?"
                          # « sexe = F », « pays de naissance = France »: a filter of a recruiting software
                          r"\s*[:=]\s*")


def _field_form(folded: str, c0: int, ms: int, me: int, c1: int) -> bool:
    """« Nationalité : française » — the property word is a field name followed by a value."""
    line0 = folded.rfind("\n", 0, ms) + 1
    head = folded[max(line0, ms - 30):me]
    if not _FIELD_NAMES.match(folded[max(line0, c0):me].strip(" -*•\t")):
        return False
    rest = folded[me:me + 60]
    colon = _FIELD_COLON.match(rest)
    if not colon or _FIELD_VALUE_LAWFUL.match(rest[colon.end():]):
        return False
    return bool(head) and bool(re.match(r"[a-z0-9]", rest[colon.end():colon.end() + 1] or " "))




_SEEK_BREAK = re.compile(r"\b(?:pour|afin|avec|aupres|chez|dans)\b")


def _cue(prop: Prop, folded: str, c0: int, c1: int, ms: int, me: int,
         spans: list[tuple[int, int]] | None = None) -> tuple[str, int, int] | None:
    lo, hi = max(c0, ms - prop.reach), min(c1, me + prop.reach)
    colon = folded.find(":", me, c1)
    if colon < 0:
        # « Tu vis en cité ? Désolé, nos clients n'en veulent pas »: the answer to a question, read from its start
        colon = folded.find("?", me, c1)
    if 0 <= colon < me + 90:
        # « Résidents du 13e et du 14e arrondissement : nous ne donnerons pas suite »: a long label, then the verdict
        hi = max(hi, min(c1, colon + prop.reach))
    if spans is not None and not _near(spans, lo, hi, 0):
        return None  # every cue contains a cue word (or « : », « = »): none in the window, no regex to run
    end = min(c1, hi + 25)  # a cue that starts within reach counts whole (« … rend la candidature irrecevable »)
    for kind in _CUE_ORDER:
        if kind not in prop.cues:
            continue
        for m in _CUES[kind].finditer(folded, lo, end):
            if m.start() >= hi:
                break
            if ms < m.start() and m.end() <= me:
                continue  # a cue word inside the property words (« non pratiquant ») is not a cue
            if kind == "seek" and not (m.end() <= ms <= m.end() + 40
                                       and not _SEEK_BREAK.search(folded, m.end(), ms)):
                continue  # whom one hires comes right after the verb (« recrutons des chrétiens »)
            return kind, m.start(), m.end()
    return None


def _fee(folded: str, c0: int, c1: int, ms: int, me: int) -> tuple[str, int, int] | None:
    a, b = max(c0, ms - 90), min(c1, me + 110)
    charged = _CHARGED.search(folded, a, b)
    if charged is None:
        return None
    amount = _AMOUNT.search(folded, a, b)
    strong = re.search(r"a (?:vos|votre|ta|tes) (?:propres )?(?:frais|charge)|a (?:leurs?|ses|sa|son) (?:propres )?frais|(?:achet\w*|pay\w*|a acheter|a payer) par vos soins|"
                       r"\d+ ?% (?:de|du) (?:votre|vos|leur|son|sa) (?:premier |premiere )?(?:mois de )?"
                       r"(?:salaire|remuneration|paie)|(?:lui|elle|eux|elles)-?memes?|audiotel|"
                       r"retenu\w* sur|preleve\w* sur|deduit\w* "
                       r"(?:sur|de|du)|non rembours|payant|surtaxe|08 ?9\d|(?:a|au) (?:acheter|regler|payer)|"
                       r"facture\w*(?: [^.;]{0,16}?)? (?:au|a)\b|achete\w* (?:son|sa|ses)|vous sera demande|"
                       r"prevoy\w* (?:le |la |les )?(?:paiement|reglement|somme|montant|cout)",
                       folded[a:b])
    if amount is None and strong is None:
        return None
    return "fee", charged.start(), charged.end()


def _fee_positions(folded: str, anchors) -> list[tuple[int, int]]:
    """Sums and charges on the reader, looked for only around the fee words (the rest of the text is not read)."""
    n = len(folded)
    windows: list[tuple[int, int]] = []
    for s, e in word_positions(folded, anchors):
        # _fee reads 90 characters before and 110 after the fee words, which reach ~40 beyond their anchor word
        a, b = max(0, s - 130), min(n, e + 150)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(b, windows[-1][1]))
        else:
            windows.append((a, b))
    spans: list[tuple[int, int]] = []
    for a, b in windows:
        spans.extend(m.span() for m in _CHARGED.finditer(folded, a, b))
        spans.extend(m.span() for m in _AMOUNT.finditer(folded, a, b))
    spans.sort()
    return spans


def _fee_reader(folded: str, c0: int, c1: int, ms: int, me: int) -> tuple[str, int, int] | None:
    """A sum next to a fee word and the reader (« Frais de vérification de vos références : 50 € »)."""
    a, b = max(c0, ms - 90), min(c1, me + 110)
    amount = _AMOUNT.search(folded, a, b)
    if amount is None or _PAY_CONTEXT.search(folded, a, b):
        return None  # « rémunéré 11 € de l'heure, paiement le 5 du mois »: the pay, not a fee
    reader = _READER.search(folded, a, b)
    return ("fee", reader.start(), reader.end()) if reader else None


def _purpose_start(folded: str, c0: int, ms: int) -> int:
    """« Pour valider votre inscription et postuler : paiement de 45 € »: what a colon follows says what the sum pays
    for, so the fee cues are also looked for before it (in the same sentence, within the fee window)."""
    if c0 > 1 and folded[c0 - 1] == ":":
        return max(clause_bounds(folded, c0 - 1, c0 - 1, 90, 0)[0], ms - 90)
    return c0


def _near(spans: list[tuple[int, int]], s: int, e: int, reach: int) -> bool:
    """Whether some span of the sorted list lies within ``reach`` characters of [s, e)."""
    i = bisect_left(spans, (s - reach - 200, 0))
    for a, b in spans[i:]:
        if a > e + reach:
            return False
        if b >= s - reach:
            return True
    return False


def _matches(prop: Prop, ft, present: frozenset[str], cues: list[tuple[int, int]] | None):
    """Matches of the property words, looked for only around anchor words that have a cue nearby."""
    folded = ft.folded
    anchors = [(s, e) for s, e in word_positions(folded, present & _PROP_ANCHORS[id(prop)])
               if cues is None or _near(cues, s, e, prop.reach + 90)]
    return finditer_in_windows(prop.rx, folded, anchors, 45, 50)


# « Pas de candidats domiciliés en Seine-Saint-Denis, notre client… », « merci de ne pas postuler à l'accueil »: an
# exclusion aimed at the applicants themselves is no description of the job's public or place, whatever context
# word (client, accueil) the clause also holds. Only for the categories whose lawful contexts are a public or a place:
# the others hold legal conditions (« titre de séjour exigé pour les candidats hors UE ») that stay lawful.
_PUBLIC_OR_PLACE = frozenset(("health_disability", "residence"))
_APPLICANT_BEFORE = re.compile(r"\b(?:candidat(?:e|s|es|\(e\)s?)?|postulant\w*|candidatures?)\b(?: qui)?[^.;:\n]{0,20}$")
_APPLYING = re.compile(r"postul|candidater|candidatez")


def _excludes_applicants(folded: str, c0: int, ms: int, ks: int, ke: int) -> bool:
    return bool(_APPLICANT_BEFORE.search(folded, max(c0, ms - 30), ms) or folded.startswith(("candidat", "postulant"), ms)
                # the group named, then right after it « merci de ne pas postuler »
                or ms < ks <= ms + 60 and "?" not in folded[ms:ks] and _APPLYING.search(folded, ks, ke + 12))


def _scan(ctx: Ctx, ft, dropped: list, hits: list[Hit], done: set[str], back=None) -> None:
    """Run every property on one field (``back`` maps positions of a corrected copy to the field's)."""
    _learn_words(ft.words)
    present = ft.words & _ANCHORS
    if not present:
        return
    folded = ft.folded
    wanted = {id(p) for w in present for p in _BY_ANCHOR[w]}
    # Where a cue is (or, for fees, a sum or a charge): property words far from every cue are skipped unread.
    cue_spans: list[tuple[int, int]] | None = None
    seek_spans: list[tuple[int, int]] | None = None
    near_cache: dict = {}  # spans of each « near » pattern (the age properties share one)
    fee_spans: list[tuple[int, int]] | None = None
    for prop in PROPS:
        if id(prop) not in wanted or prop.category in done:
            continue
        if prop.cues == ("self",):
            near = None
            if prop.near is not None:
                near = near_cache.get(prop.near.pattern)
                if near is None:
                    near = near_cache[prop.near.pattern] = [m.span() for m in prop.near.finditer(folded)]
                if not near:
                    continue
        elif prop.cues == ("fee",):
            if fee_spans is None:
                fee_spans = _fee_positions(folded, present & prop.anchors)
            near = fee_spans
        else:
            if cue_spans is None:
                cue_spans = _cue_positions(ft)
            near = cue_spans
            if "seek" in prop.cues:
                if seek_spans is None:
                    seek_spans = _seek_positions(ft, cue_spans)
                near = seek_spans
            if ft.name == "intitule" and prop.category in _TITLE_SELF:
                near = None  # in a title the property words are the criterion (a title is short: read it all)
        if near is not None and not near:
            continue
        for m in _matches(prop, ft, present, near):
            ms, me = m.span()
            c0, c1 = clause_bounds(folded, ms, me, 200, 200)
            if c1 < len(folded) and folded[c1] in ":?" and c1 < me + 90:
                # « Origine : européenne », « Ancien délégué syndical ? Ce poste n'est pas pour vous. »
                c1 = clause_bounds(folded, c1 + 1, c1 + 1, 0, 120)[1]
            if c0 > 1 and folded[c0 - 1] == ":" and ms - c0 < 60:
                # « Condition d'embauche : avoir un compte au Crédit Agricole »: a short label before the colon
                head0 = clause_bounds(folded, c0 - 1, c0 - 1, 60, 0)[0]
                if c0 - head0 <= 45:
                    c0 = head0
            if prop.cues == ("self",):
                found = ("self", ms, me)
            elif prop.cues == ("fee",):
                f0 = _purpose_start(folded, c0, ms)
                found = _fee(folded, f0, c1, ms, me) or _fee_reader(folded, f0, c1, ms, me)
            else:
                found = _cue(prop, folded, c0, c1, ms, me, near)
                if found is None and prop.field_form and _field_form(folded, c0, ms, me, c1):
                    found = ("field", me, min(c1, me + 40))
                if found is None and ft.name == "intitule" and prop.category in _TITLE_SELF:
                    found = ("title", ms, me)
            if found is None:
                continue
            kind, ks, ke = found
            if prop.category == "family" and folded.startswith("marie", ms) and ft.clean[ms:ms + 1].isupper():
                continue  # « contacter Marie »: a first name, not « mariée »
            lo, hi = min(ms, ks), max(me, ke)
            clause = folded[c0:c1]
            if _states_lawful(clause, ms - c0) or is_diversity_statement(folded, ms, me):
                continue
            if prop.unless is not None and lawful_context(prop.unless, clause) and not (
                    kind == "excl" and prop.category in _PUBLIC_OR_PLACE and _excludes_applicants(folded, c0, ms, ks, ke)):
                continue
            if prop.cues == ("fee",) and _SALES.search(clause) and not _OWN_PURCHASE.search(clause):
                continue
            if prop.category == "religion" and kind != "excl" and _MINISTRY.search(
                    folded, *sentence_bounds(folded, ms, me)):
                continue  # « aumônier catholique : l'appartenance au culte est requise »: the job is the ministry
            if prop.category == "opinions" and kind != "excl" and _TENDENCY_JOB.search(clause) and \
                    _TENDENCY_EMPLOYER.search(folded, *sentence_bounds(folded, ms, me)) and \
                    _TENDENCY_ROLE.search(folded, *sentence_bounds(folded, ms, me)):
                continue  # a party's campaign worker asked to adhere to the party's programme: the job is the cause
            if prop.positive is not None and kind != "excl" and prop.positive.search(clause):
                continue
            severity = prop.severity if kind in ("excl", "only", "fee", "self") else "review"
            severity, exc = apply_exceptions(ctx, severity, prop.exceptions)
            if severity is None:
                dropped.append((prop.rule, exc, ft.name))
                continue
            if back is not None:
                lo, hi = back[lo], back[hi]
            hits.append(Hit(prop.id, prop.rule, prop.category, severity, ft.name, lo, hi,
                            params={"kind": kind}, exception=exc))
            done.add(prop.category)
            break  # one finding per property and field


# ------------------------------------------------------------------------------------------------ typos
# « nationnalité », « sabstenir », « exclusivemnt », « religon »: a word with one letter missing or one letter
# too many, compared with a long and distinctive property or cue word, is read as that word, in a second pass
# over a corrected copy of the field. Replaced or swapped letters are not corrected: too many real French words
# are one letter away from a property word that way (« variées » / « mariées », « concession » / « confession »).
# Long, distinctive words only (property and cue words), in their usual inflections: their one-letter neighbours
# are rarely French words. Checked on the real offers: no real word of theirs is corrected.
_TYPO_WORDS = (
    "nationalite nationalites ressortissant ressortissants consonance etranger etrangers etrangere etrangeres "
    "maghrebin maghrebins maghrebine maghrebines africain africains africaine africaines europeen europeens "
    "europeenne europeennes enceinte enceintes grossesse grossesses celibataire celibataires divorce divorcee "
    "divorces divorcees concubin concubinage maternite paternite handicap handicaps handicape handicapes handicapee "
    "handicapees invalidite maladie maladies pathologie pathologies syndique syndiques syndiquee syndiquees syndicat "
    "syndicats syndicaliste syndicalistes militant militants militante militantes sympathisant sympathisants "
    "religion religions religieux religieuse religieuses musulman musulmans musulmane musulmanes catholique "
    "catholiques chretien chretiens chretienne chretiennes homosexuel homosexuels homosexuelle homosexuelles "
    "transgenre transgenres lesbienne lesbiennes tatouage tatouages tatoue tatoues tatouee tatouees piercing "
    "piercings banlieue banlieues quartier quartiers domicile domicilie domicilies origine origines obligatoire "
    "obligatoires uniquement exclusivement seulement strictement abstenir inscription inscriptions candidature "
    "candidatures domiciles domiciliee domiciliees malade malades maternites ressortissante ressortissantes"
)
_TYPO_CANON = frozenset(_TYPO_WORDS.split())


def _deletions(w: str) -> set[str]:
    return {w[:i] + w[i + 1:] for i in range(len(w))}


def _typo_index() -> dict[str, str]:
    index: dict[str, str] = {}
    clash: set[str] = set()
    for w in _TYPO_CANON:
        for d in _deletions(w):
            if d in _TYPO_CANON:
                continue
            if d in index and index[d] != w:
                clash.add(d)
            index[d] = w
    for d in clash:
        del index[d]
    return index


_TYPO_INDEX = _typo_index()
_TYPO_CACHE: dict[str, str | None] = {}


def _correct(token: str) -> str | None:
    """The property or cue word a token is a one-letter typo of (letter missing or doubled), or None."""
    got = _TYPO_CACHE.get(token, "")
    if got != "":
        return got
    out = None
    if len(token) >= 6 and token.isalpha() and token not in _TYPO_CANON:
        out = _TYPO_INDEX.get(token)  # one letter missing
        if out is None:
            out = next((d for d in _deletions(token) if d in _TYPO_CANON), None)  # one letter too many
    if len(_TYPO_CACHE) < 200_000:
        _TYPO_CACHE[token] = out
    return out


class _Corrected:
    """A field's folded text with typos replaced (same interface as FieldText for ``_scan``)."""

    __slots__ = ("name", "folded", "words", "clean")

    def __init__(self, name: str, folded: str, words: frozenset[str]):
        self.name, self.folded, self.words, self.clean = name, folded, words, folded


_TOKEN = re.compile(r"[a-z]+")


_TYPO_SEEN: set[str] = set()
_TYPO_HAS: set[str] = set()  # words seen that are a typo of a vocabulary word


def _corrected(ft) -> tuple[_Corrected, list[int]] | None:
    new = ft.words - _TYPO_SEEN
    if new:
        if len(_TYPO_SEEN) < 300_000:
            _TYPO_SEEN.update(new)
        _TYPO_HAS.update(w for w in new if _correct(w) is not None)
    typos = ft.words & _TYPO_HAS
    if not typos:
        return None
    fixes = {w: _correct(w) for w in typos}
    if not fixes:
        return None
    folded = ft.folded
    parts: list[str] = []
    back: list[int] = []
    pos = 0
    for m in _TOKEN.finditer(folded):
        fix = fixes.get(m.group(0))
        if fix is None:
            continue
        parts.append(folded[pos:m.start()])
        back.extend(range(pos, m.start()))
        parts.append(fix)
        # every character of the replacement maps to the typo's span (its start, then its end)
        back.extend([m.start()] * (len(fix) - 1) + [m.end() - 1])
        pos = m.end()
    parts.append(folded[pos:])
    back.extend(range(pos, len(folded) + 1))
    text = "".join(parts)
    return _Corrected(ft.name, text, (ft.words - fixes.keys()) | frozenset(fixes.values())), back


def detect_properties(ctx: Ctx, dropped: list) -> list[Hit]:
    hits: list[Hit] = []
    for ft in ctx.free_fields:
        done: set[str] = set()
        _learn_words(ft.words)
        if not ft.words.isdisjoint(_ANCHORS):
            _scan(ctx, ft, dropped, hits, done)
        corrected = _corrected(ft)
        if corrected is not None:
            _scan(ctx, corrected[0], dropped, hits, done, back=corrected[1])
    return hits

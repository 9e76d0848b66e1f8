"""The prepared offer the detectors read: text fields, structured values, legal contexts.

Built once per offer. Everything a detector needs — folded text of every field, the
word set used to skip detectors that cannot fire, the contract family, the weekly
hours, the date that selects legal parameters, the contexts in which a legal
exception applies — is computed here, lazily, so a detector pays only for what it uses.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from tremplin.services.legality.text import FieldText, fast, search_near_words

#: Longest text we analyse per field; beyond it the text is cut and the report says so.
FIELD_CAP = 20_000
#: Longest total text per offer.
OFFER_CAP = 60_000

# Free-text fields of the France Travail v2 shape, in reading order.
_SIMPLE_TEXT_FIELDS = (
    "intitule", "description", "experienceCommentaire", "complementExercice", "conditionExercice",
    "dureeTravailLibelle", "deplacementLibelle", "appellationlibelle",
)


class cached_property:  # named as the functools decorator it replaces
    """``functools.cached_property`` without its lock: a Ctx is built and read by one thread, and the lock of
    Python 3.11's version costs on each of the ~15 first reads per offer."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name: str):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        # stored in the instance's dict, which Python reads before this (non-data) descriptor on later reads
        value = obj.__dict__[self.name] = self.func(obj)
        return value


def _s(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | float | bool):
        return str(value)
    return None


def _rx(pattern: str):
    return fast(pattern)


# ----------------------------------------------------------------------------- exception contexts
# Offer-level contexts (regex over the folded text of the whole offer) in which a legal
# exception of rules.EXCEPTIONS applies. The detectors consult them through Ctx.exc(id).

_JUSTIFIED_LICENCE = (
    r"\b(?:deplacements?|tournees?|livraisons?|livrer|livreu\w*|vehicule (?:de service|de societe|d'entreprise|utilitaire|"
    r"fourni|mis a disposition|de fonction)|itineran\w*|chauffeur|conducteur|routier|chantiers|\bclients? (?:sur|dans|"
    r"chez)|chez (?:les|nos|des|vos) (?:clients?|particuliers|patients|beneficiaires|usagers)|interventions? (?:sur|chez|"
    r"a domicile)|a domicile|domicile des|secteur geographique|zone (?:d'intervention|geographique)|plusieurs sites|"
    r"differents sites|sur site|trajets?|\bkm\b|kilometres|astreintes?|depannage|ambulan\w*|\btaxi\b|\bvtc\b|"
    r"auto-ecole|moniteur d'auto|horaires decales|transports? en commun|non desservi|site isole|itinerance|prospection|"
    r"non accessible|inaccessible|sans (?:voiture|vehicule)|zone rurale|montagne|"
    r"\bvrp\b|navette|coursier|remorque|poids lourds?|\bpl\b|\bspl\b|\bcaces\b|commercial terrain|terrain|"
    r"visites? (?:clients?|chez|a domicile)|sur la route|conduite (?:de|du|d'un) (?:vehicule|camion|bus|car|engin)|"
    r"sorties|accompagnements? (?:exterieurs?|en sortie|des (?:residents|usagers|beneficiaires|personnes|jeunes|"
    r"enfants))|transports? (?:des|de|d') ?(?:residents|usagers|enfants|personnes|patients|beneficiaires|jeunes|"
    r"eleves)|rendez-vous (?:medicaux|exterieurs)|activites exterieures|multi-?sites|entre (?:les |nos )?(?:sites|"
    r"etablissements|agences|magasins))"
)

# « moins de 26 ans (hors apprentissage) »: an apprenticeship named only to be left out is no apprenticeship context.
_NOT_SET_ASIDE = r"(?<!hors )(?<!sauf )(?<!excepte )(?<!hors l')(?<!hors d')(?<!hors contrat d')(?<!hors contrats d')"

EXCEPTION_CONTEXTS: dict[str, re.Pattern] = {
    "EXC-APPRENTISSAGE": _rx(_NOT_SET_ASIDE + r"(?:\bapprenti\w*|\bapprentissage\b|\balternan\w*|contrat de "
                             r"professionnalisation|\bcontrat pro\b|\bcontrats? en alternance|\bcfa\b)"),
    "EXC-AIDES-EMPLOI": _rx(r"\bpec\b|parcours emploi competences?|\bcie\b|contrat (?:unique d'insertion|aide|"
                            r"initiative emploi)|emplois? francs?|\biae\b|insertion par l'activite|chantier d'insertion"
                            r"|entreprise d'insertion|\bcddi\b|\bsiae\b|1 jeune 1 solution|aide a l'embauche|"
                            r"\beligible|service civique|garantie jeunes|\bcej\b|contrat d'engagement jeune"),
    "EXC-R1142-1": _rx(r"(?<!physique de )(?<!silhouette de )(?<!allure de )(?<!corps de )\bmannequins?\b|\bmodeles? (?:photo|vivants?|pour (?:des|la|une) (?:photo|defile|shooting|"
                       r"collection)|hommes?|femmes?|masculins?|feminins?)\b|\bcasting\b|\brole (?:feminin|masculin)\b|"
                       r"\bcomedien\w*|\bactrices?\b|\bacteurs? (?:pour|de|d') (?:un|une|le|la|notre) (?:role|film|"
                       r"serie|tournage|spectacle|piece)|\bfigurant\w*|\binterpreter (?:un|le) role\b"),
    "EXC-EXIGENCE-ESSENTIELLE": _rx(r"(?<!physique de )(?<!silhouette de )(?<!allure de )(?<!corps de )\bmannequins?\b|\bcasting\b|\bcomedien\w*|enseignement catholique|\bdiocese\b|"
                                    r"\bparoisse\b|\beglise\b|\baumoneri\w*|\bmosquee\b|\bsynagogue\b|"
                                    r"association cultuelle|parti politique|groupe (?:parlementaire|politique)|"
                                    r"assistant\w* parlementaire|collaborat\w* (?:d'elu|parlementaire)|"
                                    r"(?:confederation|union|federation) syndicale|\bcongregation\b"),
    "EXC-EMPLOI-PUBLIC": _rx(r"fonction publique|fonctionnaire|\bconcours\b|droits civiques|\bstatutaire\b|"
                             r"cadre d'emplois|\bcategorie [abc]\b|collectivites? (?:territoriales?|locales?)|"
                             r"\bmairie\b|centre hospitalier|"
                             r"\bministere\b|droit public|\bchu\b|communaute (?:de communes|d'agglomeration|urbaine)|"
                             r"conseil (?:departemental|regional)|\bprefecture\b|service public|\bmetropole\b|"
                             r"\bcommune de\b|etat membre de l'union|education nationale|"
                             r"inspection academique|rectorat|\bcollege\b|\blycee\b|voie contractuelle"),
    "EXC-DROIT-PUBLIC": _rx(r"\bfonction publique|\bfonctionnaire|\bagents? contractuels? de droit public|\bcontrat de "
                            r"droit public|\beducation nationale|\binspection academique|\brectorat|\bvoie "
                            r"contractuelle|\bnon titulaires?|\bstatutaire\b|\bcadre d'emplois|\bpraticien hospitalier|"
                            r"\bgrille indiciaire"),
    "EXC-PROFESSION-REGLEMENTEE": _rx(r"\bcnaps\b|carte professionnelle|agents? (?:de securite|de surveillance|"
                                      r"de prevention|cynophile|de surete)|securite privee|\bssiap\b|gardiennage|"
                                      r"convoyeur|transport de fonds|surete|\bmineurs?\b|\benfants?\b|periscolaire|"
                                      r"\bcreche\b|\becoles?\b|\banimat\w*|\beducat\w*|\bbafa\b|\btaxi\b|\bvtc\b|"
                                      r"\bbanque\b|\bbancaire\b|\bassurances?\b|notari\w*|\bavocat\b|"
                                      r"fonction publique|\bpolice\b|gendarmerie|\bdouane\b|penitentiaire|\barmes?\b|"
                                      r"nucleaire|aeroport\w*|vulnerables?|personnes agees|\bdomicile\b|\behpad\b|"
                                      r"medico-social|handicap|\bhopital\b|\bclinique\b|\bsoins?\b|jeunesse|"
                                      r"\bsport\w*|\bcasino\b|\bjeux\b|\bcoffre|\bfonds\b|\bagent de securite\b|"
                                      r"droits civiques|\bconcours\b|\bmairie\b|collectivites? territoriales?"),
    "EXC-ZONES": _rx(r"\bqpv\b|quartiers? prioritaires?|politique de la ville|emplois? francs?|\bzrr\b|"
                     r"zone de revitalisation|zones? franches?"),
    "EXC-AGENTS-ARTISTES-SPORTIFS": _rx(r"agents? (?:artistique|sporti\w*|d'artistes?)|artistes? du spectacle|"
                                        r"\bimpresario\b"),
    "EXC-MINEURS-SCOLAIRES": _rx(r"stages? d'observation|sequences? d'observation|\b(?:eleves?|collegiens?) de "
                                 r"(?:3e|3eme|troisieme|4e|4eme)|\b3e\b|\b3eme\b|\btroisieme\b|periode de formation "
                                 r"en milieu professionnel|\bpfmp\b|stage de (?:3e|3eme|troisieme|seconde)"),
    "EXC-REMPLACEMENT": _rx(r"\bremplac\w*|conge (?:maternite|parental|maladie)|absence d'une?|arret maladie|"
                            r"job etudiant|etudiants? (?:bienvenu|accepte)|a la demande du salarie|"
                            r"complement d'activite|\bcumul\w*|cumul emploi-retraite|retraites? (?:bienvenu|accepte)|"
                            r"complement de (?:revenus?|retraite)"),
    "EXC-ACCORD-BRANCHE": _rx(r"\b(?:nettoyage|proprete|agents? d'entretien|agents? de service|aide a domicile|"
                              r"auxiliaire de vie|services? a la personne|particulier employeur|periscolaire|"
                              r"centre de loisirs|animat\w*|sport\w*|entraineur|coach|menage|garde d'enfants?|"
                              r"assistant\w* maternel\w*|cantine|restauration scolaire|surveillant|cours particuliers|"
                              r"portage de repas|distribution (?:de )?(?:journaux|prospectus|imprimes)|distributeur|"
                              r"enseign\w*|format\w*|musique|spectacle|pharmac\w*|commerce de detail|boulangerie|"
                              r"hotel\w*|restaura\w*|cafe|bar|association|aesh|accompagnant\w* (?:des )?eleves|"
                              r"transport scolaire|conducteur\w* (?:de bus|scolaire)|medico-social|"
                              r"soins? a domicile|ssiad|ehpad)\b"),
    "EXC-SMIC-REDUIT": _rx(_NOT_SET_ASIDE + r"(?:\bapprenti\w*|\bapprentissage\b|\balternan\w*)|contrat de professionnalisation|"
                           r"\bcontrat pro\b|\bmineurs?\b|moins de 18 ans|grille (?:des )?(?:apprentis|alternants)|"
                           r"\bcfa\b"),
    "EXC-VRP": _rx(r"\bvrp\b|voyageur,? representant,? placier|agents? commerci\w*|commercial\w* (?:terrain|"
                   r"itinerant|independant)|\bmandataire\b|\bcommission\w*"),
    "EXC-PERMIS-JUSTIFIE": _rx(_JUSTIFIED_LICENCE),
}

#: Words one of which must be present for an exception context to match (skips the regex otherwise).
EXCEPTION_GATES: dict[str, frozenset[str]] = {
    "EXC-R1142-1": frozenset("mannequin mannequins modele modeles casting role comedien comedienne comediens actrice "
                             "actrices acteur acteurs figurant figurants figurante interpreter".split()),
    "EXC-EXIGENCE-ESSENTIELLE": frozenset("mannequin mannequins casting comedien comedienne enseignement diocese "
                                          "paroisse eglise aumonerie mosquee synagogue cultuelle parti groupe "
                                          "assistant assistante assistants collaborateur collaboratrice confederation "
                                          "union federation congregation".split()),
    "EXC-DROIT-PUBLIC": frozenset("fonction fonctionnaire fonctionnaires agent agents contrat education inspection "
                                  "rectorat voie non statutaire cadre praticien grille".split()),
    "EXC-AGENTS-ARTISTES-SPORTIFS": frozenset("agent agents artistes artiste impresario".split()),
    "EXC-ZONES": frozenset("qpv quartier quartiers politique emploi emplois zrr zone zones".split()),
    "EXC-MINEURS-SCOLAIRES": frozenset("stage stages sequence sequences eleve eleves collegien collegiens 3e 3eme "
                                       "troisieme periode pfmp".split()),
    "EXC-VRP": frozenset("vrp voyageur agent agents commercial commerciaux commerciale mandataire commission "
                         "commissions".split()),
    "EXC-AIDES-EMPLOI": frozenset("pec parcours cie contrat emploi emplois iae insertion chantier entreprise cddi siae "
                                  "jeune aide eligible service garantie cej".split()),
}

_NAF_BRANCH_PREFIXES = ("81.2", "88.1", "97", "93.1", "88.91", "85.", "73.11", "56.", "55.", "47.", "90.", "94.9")


# ----------------------------------------------------------------------------- contract families

CONTRACT_FAMILIES = {
    "CDI": "cdi", "DIN": "cdi", "CDD": "cdd", "DDI": "cdd", "SAI": "cdd", "CCE": "cdd",
    "MIS": "temp", "TTI": "temp_cdi", "FRA": "independent", "LIB": "independent", "REP": "independent",
}


def _parse_date(value: Any) -> date | None:
    text = _s(value)
    if not text:
        return None
    text = text.strip()
    try:
        if len(text) >= 10 and text[4] == "-" and text[7] == "-":
            return date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except (ValueError, IndexError):
        return None


_HOURS = fast(r"(\d{1,2})\s*h(?:eures?)?\s*(\d{2})?", re.I)
_TEXT_WEEKLY = re.compile(r"\b(\d{1,2})\s*(?:h|heures?)\s*(\d{2})?\s*(?:par|/|a la|chaque)\s*(?:semaine|sem\b)|"
                          r"\b(\d{1,2})\s*(?:h|heures?)\s*(\d{2})?\s*hebdo")


_INTERNSHIP_TITLE = fast(r"\bstag(?:e|iaire)s?\b", exact=True)
_INTERNSHIP_TEXT = fast(r"\b(?:offre de stage|convention de stage|stage (?:de fin d'etudes|conventionne|de \d+ mois)|"
                        r"recherch\w+ (?:un |une |des )?stagiaire|stagiaire (?:h/f|en|pour|de)|stage (?:en|h/f))\b",
                        exact=True)


class Ctx:
    """One offer, prepared for the detectors."""

    def __init__(self, offer: dict[str, Any], *, text_only: bool = False, as_of: date | None = None,
                 field_cap: int = FIELD_CAP, offer_cap: int = OFFER_CAP):
        self.d = offer
        self.text_only = text_only
        self._as_of = as_of
        self.truncated_fields: list[str] = []
        self.fields: list[FieldText] = []
        self.by_name: dict[str, FieldText] = {}
        budget = offer_cap
        for name, raw in self._iter_text_fields(offer):
            if not raw or not raw.strip():
                continue
            cap = min(field_cap, max(budget, 0))
            if cap <= 0:
                self.truncated_fields.append(name)
                continue
            ft = FieldText.of(name, raw, cap=cap)
            budget -= len(ft.clean)
            if ft.truncated:
                self.truncated_fields.append(name)
            self.fields.append(ft)
            self.by_name[name] = ft
        self.all = "\n".join(f.folded for f in self.fields)
        self.words = frozenset().union(*(f.words for f in self.fields)) if self.fields else frozenset()
        self._exc: dict[str, bool] = {}

    # -------------------------------------------------------------- fields

    @staticmethod
    def _iter_text_fields(offer: dict[str, Any]):
        for name in _SIMPLE_TEXT_FIELDS:
            value = _s(offer.get(name))
            if value:
                yield name, value
        salaire = offer.get("salaire")
        if isinstance(salaire, dict):
            for key in ("libelle", "commentaire", "complement1", "complement2"):
                value = _s(salaire.get(key))
                if value:
                    yield f"salaire.{key}", value
        elif _s(salaire):
            yield "salaire", _s(salaire)
        entreprise = offer.get("entreprise")
        if isinstance(entreprise, dict) and _s(entreprise.get("description")):
            yield "entreprise.description", _s(entreprise.get("description"))
        for list_name, keys in (("qualitesProfessionnelles", ("libelle", "description")),
                                ("competences", ("libelle",)), ("formations", ("commentaire", "domaineLibelle")),
                                ("langues", ("libelle",)), ("permis", ("libelle",))):
            items = offer.get(list_name)
            if isinstance(items, list):
                for i, item in enumerate(items[:100]):
                    if isinstance(item, dict):
                        for key in keys:
                            value = _s(item.get(key))
                            if value:
                                yield f"{list_name}[{i}].{key}", value
        # The --text mode puts everything in "text".
        value = _s(offer.get("text"))
        if value:
            yield "text", value

    @cached_property
    def free_fields(self) -> list[FieldText]:
        """Fields written freely by the recruiter (where wording rules apply)."""
        skip = ("salaire.libelle", "dureeTravailLibelle", "appellationlibelle", "deplacementLibelle")
        return [f for f in self.fields if f.name not in skip and not f.name.startswith(("competences", "langues",
                                                                                       "permis", "formations["))]

    @cached_property
    def title(self) -> FieldText | None:
        return self.by_name.get("intitule")

    @cached_property
    def body(self) -> FieldText | None:
        return self.by_name.get("description") or self.by_name.get("text")

    def has_word(self, *words: str) -> bool:
        w = self.words
        return any(x in w for x in words)

    def exc(self, exc_id: str) -> bool:
        """Whether the context of a legal exception is present in the offer."""
        if exc_id not in self._exc:
            pattern = EXCEPTION_CONTEXTS.get(exc_id)
            gate = EXCEPTION_GATES.get(exc_id)
            if gate is not None and self.words.isdisjoint(gate):
                found = False
            elif gate is not None:
                found = any(search_near_words(pattern, ft, gate, 60, 90) is not None for ft in self.fields)
            else:
                found = bool(pattern and pattern.search(self.all))
            if exc_id in ("EXC-APPRENTISSAGE", "EXC-SMIC-REDUIT") and self.d.get("alternance") is True:
                found = True
            if exc_id == "EXC-ACCORD-BRANCHE":
                naf = _s(self.d.get("codeNAF")) or ""
                found = found or naf.startswith(_NAF_BRANCH_PREFIXES)
            self._exc[exc_id] = found
        return self._exc[exc_id]

    # -------------------------------------------------------------- structured values

    @cached_property
    def offer_date(self) -> date:
        """The date that selects legal parameters: creation date, else update date, else today."""
        if self._as_of:
            return self._as_of
        return (_parse_date(self.d.get("dateCreation")) or _parse_date(self.d.get("dateActualisation"))
                or datetime.now(UTC).date())

    @cached_property
    def has_date(self) -> bool:
        return bool(_parse_date(self.d.get("dateCreation")) or _parse_date(self.d.get("dateActualisation")))

    @cached_property
    def territory(self) -> str:
        lieu = self.d.get("lieuTravail")
        texts = []
        if isinstance(lieu, dict):
            texts = [_s(lieu.get(k)) or "" for k in ("libelle", "codePostal", "commune")]
        elif isinstance(lieu, str):
            texts = [lieu]
        for t in texts:
            t = t.strip().lower()
            if t.startswith("976") or "mayotte" in t or t.startswith("976 -"):
                return "mayotte"
        return "metropole"

    @cached_property
    def type_contrat(self) -> str | None:
        value = _s(self.d.get("typeContrat"))
        return value.strip().upper() if value else None

    @cached_property
    def contract_family(self) -> str | None:
        return CONTRACT_FAMILIES.get(self.type_contrat or "")

    @cached_property
    def contract_duration_months(self) -> float | None:
        """Duration from typeContratLibelle (« Contrat à durée déterminée - 6 Mois »)."""
        label = _s(self.d.get("typeContratLibelle")) or ""
        m = re.search(r"(\d+)\s*(mois|jour|semaine|an)", label, re.I)
        if not m:
            return None
        n = int(m.group(1))
        unit = m.group(2).lower()
        return {"mois": n, "jour": n / 30.0, "semaine": n / 4.33, "an": n * 12}[unit]

    @cached_property
    def field_weekly_hours(self) -> float | None:
        label = _s(self.d.get("dureeTravailLibelle"))
        if not label:
            return None
        m = _HOURS.search(label)
        if not m:
            return None
        hours = int(m.group(1)) + (int(m.group(2)) / 60 if m.group(2) else 0)
        return hours if 0 < hours <= 80 else None

    @cached_property
    def text_weekly_hours(self) -> float | None:
        """Weekly hours stated in the text (« 10h/semaine », « contrat de 28 heures »), when one figure is given."""
        found = set()
        for ft in self.free_fields:
            if ft.words.isdisjoint(("semaine", "sem", "hebdo", "hebdomadaire", "hebdomadaires")):
                continue
            for m in _TEXT_WEEKLY.finditer(ft.folded):
                hh, mm = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
                h = int(hh) + (int(mm) / 60 if mm else 0)
                if 0 < h <= 60:
                    found.add(round(h, 2))
        return found.pop() if len(found) == 1 else None

    @cached_property
    def field_full_time(self) -> bool | None:
        conv = (_s(self.d.get("dureeTravailLibelleConverti")) or "").lower()
        label = (_s(self.d.get("dureeTravailLibelle")) or "").lower()
        if "plein" in conv or "complet" in conv:
            return True
        if "partiel" in conv or "partiel" in label:
            return False
        hours = self.field_weekly_hours
        if hours is not None:
            return hours >= 35
        if "temps plein" in label:
            return True
        return None

    @cached_property
    def qualification(self) -> str | None:
        """"executive", "technician", "employee" or None (unknown)."""
        code = _s(self.d.get("qualificationCode"))
        label = (_s(self.d.get("qualificationLibelle")) or "").lower()
        if code == "9" or "cadre" in label:
            return "executive"
        if code in ("7", "8") or "technicien" in label or "maîtrise" in label or "maitrise" in label:
            return "technician"
        if code in ("1", "2", "3", "4", "5", "6") or "employ" in label or "ouvrier" in label:
            return "employee"
        if re.search(r"\bstatut cadre\b|\bposte cadre\b|\bcadre (?:au forfait|dirigeant)|forfait jours?\b", self.all):
            return "executive"
        return None

    @cached_property
    def experience_field(self) -> tuple[str | None, float | None]:
        """(requirement "E"/"D"/"S" or None, years or None) from the structured fields."""
        code = (_s(self.d.get("experienceExige")) or "").strip().upper() or None
        label = (_s(self.d.get("experienceLibelle")) or "").lower()
        years = None
        m = re.search(r"(\d+(?:[.,]\d+)?)\s*(an|mois)", label)
        if m:
            n = float(m.group(1).replace(",", "."))
            years = n if m.group(2).startswith("an") else n / 12
        if code is None:
            if "débutant" in label or "debutant" in label:
                code = "D"
            elif "exig" in label:
                code = "E"
            elif "souhait" in label:
                code = "S"
        return code, years

    @cached_property
    def employer_name(self) -> str | None:
        ent = self.d.get("entreprise")
        if isinstance(ent, dict):
            return _s(ent.get("nom"))
        return None

    @cached_property
    def amounts(self) -> dict[str, list]:
        """Pay amounts per field (structured salary and text), parsed once for every detector."""
        from tremplin.services.legality.pay import parse_field_salary, parse_text_amounts

        out: dict[str, list] = {}
        money = ("euro", "euros", "eur", "k", "smic", "brut", "bruts", "net", "nets", "thb", "balles")
        for ft in self.fields:
            if ft.name in ("salaire.libelle", "salaire"):
                a = parse_field_salary(ft)
                if a is not None:
                    out[ft.name] = [a]
                    continue
            if not (ft.name.startswith("salaire") or ft in self.free_fields):
                continue
            if "€" not in ft.folded and ft.words.isdisjoint(money) and not (
                    "horaire" in ft.words and not ft.words.isdisjoint(("taux", "salaire", "remuneration"))) and not (
                    ":" in ft.folded and not ft.words.isdisjoint(("salaire", "remuneration"))) and \
                    "e de l'heure" not in ft.folded and "e l'heure" not in ft.folded:
                continue  # (« 7e de l'heure »: euros written as a lone « e »)
            found = parse_text_amounts(ft)
            if found:
                out[ft.name] = found
        return out

    @cached_property
    def is_internship(self) -> bool:
        title = self.title.folded if self.title else ""
        return bool(_INTERNSHIP_TITLE.search(title)) or bool(_INTERNSHIP_TEXT.search(self.all))

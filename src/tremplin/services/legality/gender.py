"""Gendered job titles: detection of titles without « H/F » or an inclusive form, and a correction.

The Ministry of Labour's prescribed way to comply with L1142-1 is a title that visibly
addresses women and men: « Cadre H/F », « Employé(e) », a doublet « Serveur / Serveuse ».
A title whose job noun has only one grammatical gender and carries none of these marks
gets an ADVISE finding with a corrected title.

The masculine ↔ feminine pairs come from a built-in list of common job nouns and, when
the ROME referential is installed, from its appellations (« Câbleur / Câbleuse … »).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tremplin.services.legality.text import fast, fold

# Common job nouns (and the adjectives that often follow them), masculine → feminine.
_PAIRS = """
accompagnateur accompagnatrice; acheteur acheteuse; administrateur administratrice; agent agente;
aide-soignant aide-soignante; ambulancier ambulanciere; animateur animatrice; apprenti apprentie;
artisan artisane; assistant assistante; associe associee; attache attachee; auditeur auditrice;
auxiliaire auxiliaire; avocat avocate; boucher bouchere; boulanger boulangere; brancardier brancardiere;
cadreur cadreuse; caissier caissiere; cariste cariste; charge chargee; charcutier charcutiere;
charpentier charpentiere; chauffeur chauffeuse; chef cheffe; chercheur chercheuse; coiffeur coiffeuse;
commercant commercante; commercial commerciale; commis commis; comptable comptable; concepteur conceptrice;
conducteur conductrice; conseiller conseillere; consultant consultante; contremaitre contremaitresse;
controleur controleuse; convoyeur convoyeuse; coordinateur coordinatrice; coordonnateur coordonnatrice;
correcteur correctrice; couturier couturiere; couvreur couvreuse; cuisinier cuisiniere; decorateur decoratrice;
demenageur demenageuse; depanneur depanneuse; dessinateur dessinatrice;
developpeur developpeuse; directeur directrice; docteur docteure; dresseur dresseuse; ebeniste ebeniste;
educateur educatrice; electricien electricienne; electromecanicien electromecanicienne; employe employee;
encadrant encadrante; enseignant enseignante; entraineur entraineuse; equipier equipiere; estheticien estheticienne;
etudiant etudiante; expert experte; facteur factrice; ferronnier ferronniere; fleuriste fleuriste;
formateur formatrice; fromager fromagere; gardien gardienne; gerant gerante;
gestionnaire gestionnaire; gouvernant gouvernante; graphiste graphiste; grutier grutiere; guide guide;
hote hotesse; infirmier infirmiere; informaticien informaticienne; ingenieur ingenieure; inspecteur inspectrice;
installateur installatrice; instituteur institutrice; intendant intendante; jardinier jardiniere;
juriste juriste; laveur laveuse; livreur livreuse; logisticien logisticienne; macon maconne;
magasinier magasiniere; manutentionnaire manutentionnaire; maraicher maraichere;
mecanicien mecanicienne; medecin medecin; menuisier menuisiere; metallier metalliere; moniteur monitrice;
monteur monteuse; negociateur negociatrice; nettoyeur nettoyeuse; operateur operatrice; opticien opticienne;
ouvrier ouvriere; patissier patissiere; paysagiste paysagiste; peintre peintre; pharmacien pharmacienne;
plaquiste plaquiste; plombier plombiere; poissonnier poissonniere; polisseur polisseuse; preparateur preparatrice;
president presidente; professeur professeure; programmeur programmeuse; projeteur projeteuse;
puericulteur puericultrice; receptionniste receptionniste; redacteur redactrice; referent referente;
regisseur regisseuse; regleur regleuse; representant representante; responsable responsable;
restaurateur restauratrice; routier routiere; secretaire secretaire; serveur serveuse; serrurier serruriere;
soudeur soudeuse; superviseur superviseuse; surveillant surveillante; tailleur tailleuse; technicien technicienne;
teleconseiller teleconseillere; televendeur televendeuse; tourneur tourneuse; traducteur traductrice;
traiteur traiteuse; travailleur travailleuse; tuyauteur tuyauteuse; usineur usineuse; vendeur vendeuse;
veilleur veilleuse; vigneron vigneronne; viticulteur viticultrice; polyvalent polyvalente; confirme confirmee;
qualifie qualifiee; specialise specialisee; experimente experimentee; diplome diplomee; salarie salariee;
adjoint adjointe; second seconde; premier premiere; commis commis; valet femme; homme femme;
steward hotesse; barman barmaid; majordome gouvernante; maitre maitresse; berger bergere; eleveur eleveuse;
agriculteur agricultrice; cueilleur cueilleuse; vendangeur vendangeuse; chaudronnier chaudronniere;
frigoriste frigoriste; plasticien plasticienne; prothesiste prothesiste; ajusteur ajusteuse; fraiseur fraiseuse;
carrossier carrossiere; tolier toliere; decolleteur decolleteuse; cableur cableuse; bobinier bobiniere;
ascensoriste ascensoriste; chauffagiste chauffagiste; climaticien climaticienne; dessinateur-projeteur
dessinatrice-projeteuse; aide-menager aide-menagere; menager menagere; auxiliaire auxiliaire; puericultrice
puericultrice; sage-femme sage-femme; masseur masseuse; kinesitherapeute kinesitherapeute; orthophoniste
orthophoniste; psychologue psychologue; brancardier brancardiere; aide aide; ouvrier-paysagiste
ouvriere-paysagiste; poseur poseuse; facadier facadiere; terrassier terrassiere; coffreur coffreuse;
bancheur bancheuse; ferrailleur ferrailleuse; etancheur etancheuse; carreleur carreleuse; solier soliere;
parqueteur parqueteuse; vitrier vitriere; storiste storiste; miroitier miroitiere; boucher-charcutier
bouchere-charcutiere; caviste caviste; sommelier sommeliere; plongeur plongeuse; barista barista
"""

#: Nouns that are the same in both genders (« Comptable », « Secrétaire »): no finding on their own.
_EPICENE = set("""
cariste comptable fleuriste gestionnaire graphiste guide juriste manutentionnaire medecin paysagiste peintre plaquiste
receptionniste responsable secretaire ebeniste auxiliaire frigoriste prothesiste ascensoriste chauffagiste
kinesitherapeute orthophoniste psychologue aide storiste caviste barista commis cadre architecte dentiste analyste
garagiste libraire photographe stagiaire membre pilote artiste journaliste concierge interprete geometre
infographiste pedicure-podologue podologue opticien-lunetiste pharmacien-adjoint sage-femme agent-de-maitrise
""".split())
_EPICENE.difference_update({"agent-de-maitrise"})

#: A title that already addresses both sexes (a Fast pattern, exact: the matches of the pattern as written).
INCLUSIVE = fast(
    r"\b[hfm]\s*/\s*[hfmx]\b|\([hfm]\s*/?\s*[hfmx]\)|\b[hf]\s*-\s*[hf]\b|\bhomme\s*(?:ou|/|et)\s*femme|"
    r"\bfemme\s*(?:ou|/|et)\s*homme|\(e\)|\(ne\)|\(euse\)|\(rice\)|\(trice\)|\(ere\)|\(se\)|\(es\)|\(ive\)|\(te\)|"
    r"[a-z]\.e\b|[a-z]\.(?:euse|rice|trice|ere|ne)\b|[a-z]·|[a-z]-e\b|[a-z]-(?:euse|rice|trice|ere|ne|te)\b|"
    r"[a-z](?:e|eu|eur|ier|ien|if|ant)\s*/\s*(?:e|euse|rice|trice|ere|iere|ienne|ive|ante|se|ne|te)\b|"
    r"\b(?:h|f)\s*ou\s*(?:f|h)\b|\bhf\b|\bfh\b", exact=True
)
_DOUBLET = re.compile(r"\b([a-z][a-z'-]+)\s*/\s*([a-z][a-z'-]+)\b")
_WORDS = re.compile(r"[a-z][a-z'-]*")


def _builtin_pairs() -> dict[str, tuple[str, str]]:
    pairs: dict[str, tuple[str, str]] = {}
    for item in _PAIRS.replace("\n", " ").split(";"):
        parts = item.split()
        if len(parts) != 2:
            continue
        masc, fem = parts
        if masc == fem:
            _EPICENE.add(masc)
            continue
        pairs.setdefault(masc, (masc, fem))
        pairs.setdefault(fem, (masc, fem))
    return pairs


def lexicon() -> dict[str, tuple[str, str]]:
    """folded word → (masculine, feminine), from the built-in list and, if installed, ROME appellations."""
    from tremplin.settings import get_settings

    return _lexicon(str(get_settings().referentials_dir))


@lru_cache(maxsize=4)
def _lexicon(referentials_dir: str) -> dict[str, tuple[str, str]]:
    pairs = _builtin_pairs()
    try:
        from tremplin.referentials import rome

        appellations = rome.appellations()
    except Exception:  # referential not installed: built-in list only
        appellations = []
    for app in appellations:
        label = getattr(app, "label", "") or ""
        if " / " not in label:
            continue
        left, right = label.split(" / ", 1)
        lw = fold(left).split()
        rw = fold(right).split()
        for a, b in zip(lw, rw[: len(lw)], strict=False):
            if a == b or not a.isalpha() or not b.replace("-", "").isalpha():
                continue
            if a in _EPICENE or b in _EPICENE or len(a) < 3 or len(b) < 3:
                continue
            pairs.setdefault(a, (a, b))
            pairs.setdefault(b, (a, b))
    return pairs


def _display_pair(word_raw: str, masc: str, fem: str, raw_title: str) -> str:
    """Rebuild the doublet with the accents of the original word when we can."""
    folded_raw = fold(word_raw)
    cap = word_raw[:1].isupper()

    def restore(folded: str) -> str:
        # reuse the original spelling for the shared prefix (keeps accents: « Hôte » → « Hôtesse »)
        n = 0
        while n < min(len(folded), len(folded_raw)) and folded[n] == folded_raw[n]:
            n += 1
        out = word_raw[:n] + folded[n:]
        if out.endswith(("èr", "ÈR")):
            out = out[:-2] + out[-2:].replace("è", "e").replace("È", "E")  # « Lingère » → « Linger »
        if len(word_raw) > 1 and word_raw.isupper():
            return out.upper()  # « CHEF » → « CHEF / CHEFFE »
        return out[:1].upper() + out[1:] if cap else out

    return f"{restore(masc)} / {restore(fem)}"


# Feminine endings of job nouns and their masculine: a title that starts with an unknown word in one of them
# (« Repasseuse », « Lingère ») names the job in the feminine only.
_FEMININE_ENDINGS = (("euse", "eur"), ("trice", "teur"), ("iere", "ier"), ("gere", "ger"), ("chere", "cher"),
                     ("ienne", "ien"))


_NOT_JOBS = frozenset("matiere lumiere carriere filiere premiere derniere maniere frontiere barriere riviere priere "
                      "croisiere chaudiere cuisiniere theiere verriere serieuse heureuse precieuse".split())


def _feminine_guess(word: str) -> tuple[str, str] | None:
    if len(word) < 6 or not word.isalpha() or word in _NOT_JOBS:
        return None
    for fem_end, masc_end in _FEMININE_ENDINGS:
        if word.endswith(fem_end):
            return word[: -len(fem_end)] + masc_end, word
    return None


def check_title(title_raw: str, title_folded: str) -> dict | None:
    """None if the title is inclusive or epicene; else the gendered word, its span and a corrected title."""
    if not title_folded.strip() or INCLUSIVE.search(title_folded):
        return None
    lex = lexicon()
    sep = next((x for x in ("/", " ou ", " et ") if x in title_folded), None)
    if sep is not None:
        left, _, right = title_folded.partition(sep)
        lw = _WORDS.findall(left)[-4:]
        rw = _WORDS.findall(right)[:4]
        for a in lw:
            for b in rw:
                if a != b and (a[:4] == b[:4] or (lex.get(a) is not None and lex.get(a) == lex.get(b))):
                    return None  # « Ouvrier / Ouvrière », « Assistant maternel / Assistante maternelle »
    for m in _WORDS.finditer(title_folded):
        word = m.group(0).strip("'-")
        if word in _EPICENE:
            continue
        pair = lex.get(word)
        if pair is None and m.start() == _WORDS.search(title_folded).start():
            pair = _feminine_guess(word)
        if pair is None:
            continue
        masc, fem = pair
        start, end = m.start(), m.start() + len(word)
        raw_word = title_raw[start:end]
        if word in ("femme", "homme", "valet"):
            # « Femme de chambre » ↔ « Valet de chambre », « Femme de ménage » ↔ « Homme de ménage ».
            if title_folded[end:].lstrip().startswith("de chambre"):
                doublet = "Valet / Femme" if word == "valet" else "Femme / Valet"
            else:
                doublet = "Femme / Homme" if word == "femme" else "Homme / Femme"
        else:
            doublet = _display_pair(raw_word, masc, fem, title_raw)
        corrected = (title_raw[:start] + doublet + title_raw[end:]).strip()
        corrected = re.sub(r"\s+", " ", corrected)
        if not re.search(r"\(?\b[hH]\s*/\s*[fF]\b\)?", corrected):
            corrected = f"{corrected} (H/F)"
        gender = "feminine" if word == fem else "masculine"
        return {"start": start, "end": end, "word": raw_word, "gender": gender, "suggestion": corrected}
    return None

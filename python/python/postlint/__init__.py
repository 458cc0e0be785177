"""postlint for Python: a linter for social-media posts, in Danish and English.

    >>> from postlint import Linter
    >>> linter = Linter(locale="en")
    >>> result = linter.check("Læs mere her: https://bit.ly/3xYz")
    >>> result.findings[0].rule
    'links.shortener'
    >>> result.verdict
    'review'

A `Linter` compiles a guideline once (the built-in ``recommended`` pack, a guideline file,
or a guideline's TOML text); ``check`` answers one post, ``check_many`` many on every core
with the GIL released. ``Result.to_dict()`` is the JSON report's ``posts[]`` object, exactly
as ``postlint check --format jsonl`` writes it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date as _date, datetime as _datetime
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

from . import _postlint
from ._postlint import PostlintError

__all__ = [
    "Linter",
    "Result",
    "Finding",
    "Suggestion",
    "Edit",
    "Span",
    "Length",
    "PostlintError",
    "__version__",
]

__version__: str = _postlint.__version__

DateLike = Union[str, _date, _datetime]


def _date_text(value: Optional[DateLike]) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, _datetime):
        if value.tzinfo is None:
            # A local time in the guideline's zone, as the command line reads one.
            return value.replace(microsecond=0).isoformat()
        return value.isoformat()
    if isinstance(value, _date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class Span:
    """Where a finding is: UTF-8 byte offsets into the text, 1-based line and column
    (the column in Unicode scalar values, as Python counts ``str``)."""

    start: int
    end: int
    line: int
    column: int


@dataclass(frozen=True)
class Edit:
    """Replace the bytes ``start..end`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Suggestion:
    """A way to fix a finding; ``applicability`` is ``safe``, ``unsafe`` or ``display``."""

    title: str
    message_id: str
    applicability: str
    edits: List[Edit]


@dataclass(frozen=True)
class Finding:
    """One finding: the rule, its severity, the message, where, and how to fix it."""

    rule: str
    severity: str
    message: str
    message_id: str
    args: Dict[str, Any]
    span: Span
    suggestions: List[Suggestion]
    route: Optional[str]
    waived: Optional[Dict[str, Any]] = None
    omitted: int = 0


@dataclass(frozen=True)
class Length:
    """A post's length on one platform, counted the platform's way."""

    name: str
    length: int
    limit: int
    unit: str


class Result:
    """What a check says of one post. Built lazily from the report's JSON line: a batch of
    results costs its parsing only for the fields that are read."""

    __slots__ = ("_line", "_raw", "_findings")

    def __init__(self, line: str) -> None:
        self._line = line
        self._raw: Optional[Dict[str, Any]] = None
        self._findings: Optional[List[Finding]] = None

    def _data(self) -> Dict[str, Any]:
        if self._raw is None:
            self._raw = json.loads(self._line)
        return self._raw

    def to_dict(self) -> Dict[str, Any]:
        """The JSON report's ``posts[]`` object (the contract in ``docs/contracts.md``)."""
        return json.loads(self._line)

    def to_json(self) -> str:
        """The same object as one line of JSON, as ``--format jsonl`` writes it."""
        return self._line

    @property
    def source(self) -> str:
        """The post's name: ``source=``, the index in ``check_many``, or ``-``."""
        return self._data()["source"]

    @property
    def language(self) -> Optional[str]:
        """``da``, ``en``, or ``None`` when the post is too short to tell."""
        return self._data()["language"]

    @property
    def verdict(self) -> str:
        """``pass``, ``review`` or ``block``."""
        return self._data()["verdict"]

    @property
    def reviewers(self) -> List[str]:
        """The roles that must look, sorted."""
        return list(self._data()["reviewers"])

    @property
    def scores(self) -> Dict[str, Any]:
        """``salesiness``, ``sentiment``, ``lix``, ``flesch``."""
        return self._data()["scores"]

    @property
    def content_type(self) -> Optional[str]:
        """The post's dominant purpose (``job``, ``news``, ``offer`` …)."""
        return self._data().get("content_type")

    @property
    def audit(self) -> Dict[str, Any]:
        """What judged the post: version, guideline and its SHA-256, moment, zone, locale."""
        return self._data()["audit"]

    @property
    def platforms(self) -> List[Length]:
        """The length on each checked platform."""
        return [
            Length(name=p["name"], length=p["length"], limit=p["limit"], unit=p["unit"])
            for p in self._data()["platforms"]
        ]

    @property
    def findings(self) -> List[Finding]:
        """The findings, sorted by where they start."""
        if self._findings is None:
            self._findings = [_finding(f) for f in self._data()["findings"]]
        return self._findings

    def __repr__(self) -> str:
        return f"Result(source={self.source!r}, verdict={self.verdict!r}, findings={len(self.findings)})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Result) and self._data() == other._data()

    __hash__ = None  # type: ignore[assignment]


def _finding(f: Dict[str, Any]) -> Finding:
    return Finding(
        rule=f["rule"],
        severity=f["severity"],
        message=f["message"],
        message_id=f["message_id"],
        args=f["args"],
        span=Span(**f["span"]),
        suggestions=[
            Suggestion(
                title=s["title"],
                message_id=s["message_id"],
                applicability=s["applicability"],
                edits=[Edit(**e) for e in s["edits"]],
            )
            for s in f["suggestions"]
        ],
        route=f["route"],
        waived=f.get("waived"),
        omitted=f.get("omitted", 0),
    )


class Linter:
    """A compiled guideline. Build it once; check any number of posts, from any thread.

    ``guideline`` is ``None`` (the built-in ``recommended`` pack), a path to a guideline
    file (``str`` or ``os.PathLike``), or a guideline's TOML text (a ``str`` with a newline
    or an ``=`` in it). ``locale`` is the message language (``da``, ``en``, or one a
    guideline catalogue adds); ``date`` the moment embargoes and quiet periods are judged by
    (default: now). A guideline that does not load raises ``PostlintError`` with its file,
    line and column.
    """

    def __init__(
        self,
        guideline: Union[None, str, "os.PathLike[str]"] = None,
        *,
        locale: Optional[str] = None,
        date: Optional[DateLike] = None,
        allow_outside_paths: bool = False,
    ) -> None:
        toml: Optional[str] = None
        path: Optional[str] = None
        if isinstance(guideline, os.PathLike):
            path = os.fspath(guideline)
        elif isinstance(guideline, str):
            if "\n" in guideline or "=" in guideline:
                toml = guideline
            else:
                path = guideline
        elif guideline is not None:
            raise TypeError("guideline must be None, a path or a guideline's TOML text")
        self._native = _postlint.NativeLinter(
            toml=toml,
            path=path,
            locale=locale,
            date=_date_text(date),
            allow_outside_paths=allow_outside_paths,
        )

    @property
    def locale(self) -> str:
        """The message language."""
        return self._native.locale

    def check(
        self,
        text: str,
        *,
        platforms: Optional[Sequence[str]] = None,
        language: Optional[str] = None,
        date: Optional[DateLike] = None,
        source: str = "-",
    ) -> Result:
        """Checks one post. Front matter between ``+++`` lines is read as in a draft file;
        ``platforms``, ``language`` and ``date`` override it; ``source`` names the post."""
        line = self._native.check_json(
            text,
            source=source,
            platforms=list(platforms) if platforms is not None else None,
            language=language,
            date=_date_text(date),
        )
        return Result(line)

    def check_many(
        self,
        texts: Iterable[str],
        *,
        platforms: Optional[Sequence[str]] = None,
        language: Optional[str] = None,
        date: Optional[DateLike] = None,
        threads: int = 0,
    ) -> List[Result]:
        """Checks many posts on every core (``threads=0``) with the GIL released; the
        results are in the order of ``texts``, each named by its index."""
        lines = self._native.check_many_json(
            list(texts),
            platforms=list(platforms) if platforms is not None else None,
            language=language,
            date=_date_text(date),
            threads=threads,
        )
        return [Result(line) for line in lines]

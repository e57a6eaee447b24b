"""One exception root; every message says what to do next."""

from __future__ import annotations


class CoderError(Exception):
    """Root of every error the library raises on purpose."""


class InputError(CoderError):
    """An input file or record cannot be used."""


class FrontendError(CoderError):
    """A front-end cannot run (missing model, unsupported language, ...)."""


class CodebookError(CoderError):
    """A codebook is invalid; ``problems`` lists every one as 'file:line: reason'."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        self.problems = problems
        if problems:
            message = message + "\n" + "\n".join(f"  {p}" for p in problems)
        super().__init__(message)

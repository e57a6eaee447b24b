"""Event coder: Arabic and English news text -> CAMEO + ACLED political events in Parquet.

Public API: ``load_codebook`` (validate a codebook folder), ``Coder`` (a run's configuration),
``code_documents`` (the pure per-batch function: documents in, rows out).
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["Coder", "code_documents", "load_codebook", "__version__"]


def __getattr__(name: str) -> Any:
    # imported on first use, so `import coder` stays cheap for the CLI's argument errors
    if name == "load_codebook":
        from coder.codebook.load import load_codebook

        return load_codebook
    if name in ("Coder", "code_documents"):
        from coder import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'coder' has no attribute {name!r}")

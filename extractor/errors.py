"""One exception tree for the library.

The CLI turns these into messages and exit codes, the service into HTTP answers,
each in one place. Exceptions of other libraries are translated at the boundary.
"""

from __future__ import annotations


class ExtractorError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(ExtractorError):
    """An input file or document cannot be read at all."""


class DocumentError(ExtractorError):
    """One document is unusable (bad JSON, missing text, bad date); the batch goes on."""


class ModelLoadError(ExtractorError):
    """A model folder is missing, incomplete or of an unknown kind."""


class CorpusError(ExtractorError):
    """A corpus file does not follow the contract."""


class DocumentTooLong(DocumentError):
    """A document's text is over the configured limit."""

"""Every error sitrep raises on purpose derives from :class:`SitrepError`.

::

    SitrepError
    ├── ConfigError          a setting or config file is invalid
    ├── InputError           one input (file, row, page) cannot be read as an article
    │   └── UnsupportedFormat    the format is unknown or was forced wrongly
    ├── StoreError           the database cannot be opened or written
    ├── LookupFailed         a place, actor, event or article named by the user is unknown
    └── DataError            a bundled or user data file (actors, gazetteer) is malformed

Messages say what was wrong, with which input, and what to do about it.
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base class of sitrep's own errors."""


class ConfigError(SitrepError):
    """A setting or a config file is invalid."""


class InputError(SitrepError):
    """One input cannot be read as an article.

    ``source`` names the input (a path, ``path:line`` or a URL) so batch runs can
    record it beside the reason and go on with the rest.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnsupportedFormat(InputError):
    """The input's format is unknown, or ``--format`` does not fit it."""


class StoreError(SitrepError):
    """The database cannot be opened or written."""


class LookupFailed(SitrepError):
    """Something named by the user (place, actor, event, article) is not known."""


class DataError(SitrepError):
    """A bundled or user-supplied data file is malformed."""

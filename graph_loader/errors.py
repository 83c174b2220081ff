"""The project's exceptions: one root, a few subclasses, each mapped to an HTTP code by the API."""


class OfficialsGraphError(Exception):
    """Root of every error this project raises on purpose."""


class InputError(OfficialsGraphError):
    """An input document could not be read or is not usable text."""


class ConfigError(OfficialsGraphError):
    """Settings or command-line options are invalid."""


class NotFound(OfficialsGraphError):
    """A requested entity does not exist in the store."""


class StoreError(OfficialsGraphError):
    """The graph store failed to read or write."""


class BadRequest(OfficialsGraphError):
    """A request's parameters do not fit together (each one alone was valid)."""

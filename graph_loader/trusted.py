"""Building pydantic models from data this project already validated (rows a store wrote).

``model_construct`` skips validation but still walks the fields; on hot read paths (thousands of
pieces of evidence per answer) setting the instance state directly is several times faster.
Never use it on input from outside: it checks nothing.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


class Picklable(BaseModel):
    """A model that crosses process boundaries often (worker → loader): pickled as its field
    values and rebuilt without validation, several times faster than pydantic's own pickling."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self.__dict__, self.__pydantic_fields_set__))


def _rebuild(cls: type[M], fields: dict[str, Any], fields_set: set[str]) -> M:
    obj = trusted(cls, fields)
    object.__setattr__(obj, "__pydantic_fields_set__", fields_set)
    return obj


def trusted(cls: type[M], fields: dict[str, Any]) -> M:
    """An instance of ``cls`` holding ``fields`` as given: every field must be present and valid."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", fields)
    object.__setattr__(obj, "__pydantic_fields_set__", set(fields))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj

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
    values and rebuilt without validation, several times faster than pydantic's own pickling.

    Which fields were set explicitly is not kept (every field counts as set once unpickled): this
    project never dumps with ``exclude_unset``, and the pickles are a sixth smaller and quicker.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return (trusted, (type(self), self.__dict__))


# the slots pydantic keeps an instance's state in, set through their descriptors (no name lookup)
_new = object.__new__
_set = object.__setattr__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def trusted(cls: type[M], fields: dict[str, Any]) -> M:
    """An instance of ``cls`` holding ``fields`` as given: every field must be present and valid."""
    obj = _new(cls)
    _set(obj, "__dict__", fields)
    _set_fields_set(obj, set(fields))
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj

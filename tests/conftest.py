"""Shared fixtures: the shared seeds and scorer beside the repository, and an extraction helper."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from graph_loader.extract.document import extract
from graph_loader.models import DocumentFacts
from graph_loader.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "tests" / "corpus"


def facts_of(text: str, name: str = "test.txt") -> DocumentFacts:
    """Normalize and extract one text, as the pipeline does."""
    norm = normalize(text)
    return extract(name, norm.text, norm.removed)


def dicts_with(obj: object, keys: set[str]) -> Iterator[dict]:
    """Every dict in a JSON tree that has all of ``keys`` (hops, pieces of evidence…)."""
    if isinstance(obj, dict):
        if keys <= obj.keys():
            yield obj
        for v in obj.values():
            yield from dicts_with(v, keys)
    elif isinstance(obj, list):
        for v in obj:
            yield from dicts_with(v, keys)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir() or not (SHARED / "eval" / "score.py").is_file():
        pytest.skip(f"the shared seeds and scorer are not beside the repository ({SHARED})")
    return SHARED


@pytest.fixture(scope="session")
def scorer(shared_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", shared_dir / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

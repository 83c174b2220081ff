"""Fuzzing every operation from the OpenAPI schema: no input makes the API fail with a 5xx."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from conftest import ROOT
from hypothesis import HealthCheck, settings

from api.main import create_app
from graph_loader.loader import load
from graph_loader.store.embedded import EmbeddedStore

_tmp = tempfile.TemporaryDirectory(prefix="og-fuzz-")
_store = EmbeddedStore(Path(_tmp.name) / "g.sqlite")
load([str(ROOT / "data" / "samples")], _store)
app = create_app(_store)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: schemathesis.Case) -> None:
    response = case.call()
    assert response.status_code < 500, (case.method, case.formatted_path, case.query, response.text[:300])
    if response.status_code >= 400:
        assert "error" in response.json()  # every error in the one shape

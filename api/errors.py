"""The one place where the project's exceptions become HTTP answers, all as ``{"error": {...}}``."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph_loader.errors import BadRequest, ConfigError, InputError, NotFound, OfficialsGraphError, StoreError

STATUS: dict[type[OfficialsGraphError], int] = {
    NotFound: 404,
    BadRequest: 400,
    InputError: 422,
    ConfigError: 500,
    StoreError: 503,
}


def error_body(status: int, kind: str, message: str, detail: object = None) -> JSONResponse:
    """The single error shape of the API."""
    body: dict[str, object] = {"status": status, "type": kind, "message": message}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse({"error": body}, status_code=status)


def install(app: FastAPI) -> None:
    """Register the handlers mapping exceptions to status codes."""

    @app.exception_handler(OfficialsGraphError)
    async def domain_error(_: Request, exc: OfficialsGraphError) -> JSONResponse:
        status = next((code for cls, code in STATUS.items() if isinstance(exc, cls)), 500)
        return error_body(status, type(exc).__name__, str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        return error_body(422, "ValidationError", "invalid request parameters", detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_body(exc.status_code, "HTTPError", str(exc.detail))

"""``/chains`` and ``/paths``: the accountability chains and the connections between two entities."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import RootModel

from api.deps import GraphDep, RunDep
from api.schemas import json_response
from graph_loader.queries import MAX_CHAIN_DEPTH, MAX_HOPS, BodyChain, LocalityChain, Path, PersonChain

router = APIRouter(tags=["chains"])


class PathList(RootModel[list[Path]]):
    """The connections found, shortest first."""


Depth = Annotated[
    int, Query(ge=1, le=MAX_CHAIN_DEPTH, description=f"Steps up the chain (≤ {MAX_CHAIN_DEPTH}).")
]


@router.get("/chains/body/{body_id}", response_model=BodyChain)
async def body_chain(body_id: str, g: GraphDep, run: RunDep, depth: Depth = MAX_CHAIN_DEPTH) -> Response:
    """From a body up the REPORTS_TO chain, each step with its heads and their other posts, then its places."""
    return await run(lambda: json_response(g.body_chain(body_id, depth)))


@router.get("/chains/person/{person_id}", response_model=PersonChain)
async def person_chain(person_id: str, g: GraphDep, run: RunDep, depth: Depth = MAX_CHAIN_DEPTH) -> Response:
    """Every post the person holds, each up its body's chain; meetings; teams sent to the places they govern."""
    return await run(lambda: json_response(g.person_chain(person_id, depth)))


@router.get("/chains/locality/{locality_id}", response_model=LocalityChain)
async def locality_chain(locality_id: str, g: GraphDep, run: RunDep) -> Response:
    """Who was responsible in a place: inspection teams, local groups with heads, meetings and their chairs."""
    return await run(lambda: json_response(g.locality_view(locality_id)))


@router.get("/paths", response_model=list[Path])
async def paths(
    g: GraphDep,
    run: RunDep,
    source: Annotated[str, Query(alias="from", min_length=1, description="Id of the first entity.")],
    target: Annotated[str, Query(alias="to", min_length=1, description="Id of the second entity.")],
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS, description=f"At most {MAX_HOPS}.")] = 4,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Response:
    """The shortest connections between two entities, each hop with its evidence."""
    return await run(lambda: json_response(PathList(g.paths(source, target, max_hops, limit))))

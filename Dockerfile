# The API image (docker-compose.yml's `api` service): officials-graph with the Neo4j driver.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    OFFICIALS_GRAPH_CYPHER_DIR=/app/cypher \
    OFFICIALS_GRAPH_DATA_DIR=/data

WORKDIR /app
COPY pyproject.toml README.md LICENSE ./
COPY graph_loader ./graph_loader
COPY api ./api
# the Neo4j store's Cypher files live at the top of the repository, outside the package
COPY cypher ./cypher
RUN pip install '.[neo4j]' \
 && useradd --create-home --uid 10001 app \
 && mkdir -p /data && chown app /data

USER app
EXPOSE 8000
CMD ["officials-graph", "serve", "--host", "0.0.0.0"]

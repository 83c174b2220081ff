"""officials-graph: officials, bodies and events from Chinese environmental-inspection articles."""

__version__ = "0.1.0"

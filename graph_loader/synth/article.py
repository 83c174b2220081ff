"""The article writer: the genre mixins and the page layout composed into one class."""

from __future__ import annotations

from graph_loader.synth.inspections import InspectionsMixin
from graph_loader.synth.meetings import MeetingsMixin
from graph_loader.synth.notices import NoticesMixin
from graph_loader.synth.page import PageMixin

__all__ = ["Article"]


class Article(MeetingsMixin, NoticesMixin, InspectionsMixin, PageMixin):
    """Writes one article and its gold facts: ``Article(world, seed, i).page()``."""

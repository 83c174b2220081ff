"""Deterministic synthetic corpus of environmental-inspection articles, with ground-truth facts.

**What it is for.** A *sanity check* of the extractor at scale: thousands of articles whose facts are
known exactly, so that a change in the extractor (or in this generator) that breaks a whole pattern shows
up as a drop in the shared scorer's numbers. **It is not a substitute for real articles**: the wording
comes from a few dozen templates written for this package, the world is invented, and an extractor tuned
on it learns these templates, not the genre. Quality is measured on the real seeds and on the hand-written
corpus in ``tests/corpus``; this corpus only catches drift.

**The world.** :func:`generate` and :func:`iter_articles` build, once per seed, a small consistent world:
ten real provinces (from ``lexicons/divisions.tsv``), three real prefectures in each, two real counties
(districts, county-level cities, banners) under each prefecture (four districts for a municipality), and
two invented townships (镇/乡/街道, with plausible names that are not division names) in each county: about
200 places and 6,000 officials. Every locality has a set of posts
(县委书记, 县委副书记、县长, 县委常委、常务副县长, 县委常委、政法委书记, 县生态环境局局长, 镇党委书记, …),
each held by a chain of invented officials for spans of three to seven years up to 2025, with the
reforms of the period (纪委书记 gains 监委主任 in 2018, 环保局 becomes 生态环境局 or a city bureau's 分局 in
2019, 农业局 becomes 农业农村局) and some promotions (常务副县长 → 县长 → 县委书记). Names are Han names
(surnames from ``lexicons/surnames.txt``, compound surnames included) and a few minority names (Uyghur
names with ``·``, Mongolian names); no name contains a division name. Central inspection teams follow a
calendar of rounds and batches loosely modelled on the public one (试点, 第一轮 four batches, “回头看”,
第二轮, 第三轮); batch membership after 2021 is illustrative only. Each team has an invented 组长 and 副组长.
All persons are fictional; places are real divisions with their real hierarchy.

**Articles.** Article ``i`` of seed ``s`` depends on ``random.Random(s * 1_000_003 + i)`` and the world
only, so it can be produced without the articles before it, and memory stays flat for any corpus size.
Genres (several templates each, with random choices inside): mobilization / advance / dispatch meetings
(``meeting``), leading-group notices with rosters, offices and working groups (``leading_group``), a team's
mobilization meeting at the province (``arrival``), 下沉督察 with 交办信访件 and a dispatch meeting
(``sinking``), the team's feedback meeting (``feedback``), rectification meetings after the feedback
(``remediation``), discipline-commission accountability notices (``accountability``) and batch launch
reports (``campaign``). Dates run from 2016 to 2024 and are printed in the ways real pages print them:
publication stamps, datelines (``天山网5月10日电``), bare ``X月X日`` with the year stated elsewhere or not at
all, notice signing dates.

**Noise** (each with a probability per article, recorded in the gold's ``synth.noise``): traditional
characters (OpenCC ``s2tw``) with tone-marked pinyin (pypinyin) after a stable subset of characters, the
body pasted twice, site navigation and breadcrumbs, a site date line with its weekday, share bars, font
controls, previous/next links, related-links lists with other dates, copyright and ICP blocks, a spam line,
a crawl stamp, UTF-8-read-as-GBK mojibake, ``?`` runs, ``&nbsp;`` leftovers, names padded with spaces,
bylines (记者, 通讯员, 编辑, 审核), and a few files encoded in GB18030. Every article ends with the line
``（本文为虚构示例，文中人物均为虚构）`` like the rest of the invented corpus.

**Ground truth** is written in the shared document-facts format (``shared/eval/README.md``) and follows
its annotation rules and the corpus conventions of ``tests/corpus/README.md``: bylines are not persons;
stacked titles are split with the shared prefix carried over (alternatives given as role lists);
``市/县/区`` in a post is the article's place, while posts of other places are written with that place's
name; names under 县领导/市领导 have no posts; chair/attendees/speakers per rule 6; localities with their
parents from the gazetteer (townships under their county); bodies and ``parent`` only as the text states;
assignments for 进驻/下沉/交办/反馈 and for tasks given to named groups; the article date by the seed rule.
Extra keys (``date_note``, ``synth``) are ignored by the scorer. Popular places publish more, so the
same officials recur across articles with the same posts, which exercises cross-document resolution.

**Speed.** About 2,800 articles/s in memory on one core (``iter_articles``); :func:`generate` writes two
files per article and is bound by file creation (about 1,900/s on tmpfs, 100,000 articles in under a
minute).

**Layout** written by :func:`generate`::

    OUT/articles/<file>          one article per file (UTF-8; ``*.gb18030.txt`` in GB18030)
    OUT/gold/<file stem>.json    its facts (``python shared/eval/score.py --gold OUT/gold --pred …``)
    OUT/manifest.json            the :class:`SynthReport` counts

**Modules** of this package, one job each:

``lexicon``
    the fixed vocabulary (name parts, clauses, working groups, boilerplate) and Chinese numerals;
``draw``
    the random-draw helpers;
``model``
    the value types (:class:`~graph_loader.synth.model.Place`, posts, tenures, campaigns);
``posts``
    the posts of each level and how they are written, reforms included;
``world``
    the world of one seed (:class:`~graph_loader.synth.world.World`, :func:`world_size`);
``noise``
    traditional characters with pinyin ruby, mojibake;
``gold``
    pieces of the ground truth (events, alternatives, event dates);
``base``, ``meetings``, ``notices``, ``inspections``, ``page``, ``article``
    the article writer: its state and gold recording, the genre mixins, the page around the text, and
    the class composing them;
``corpus``
    :func:`iter_articles`, :func:`generate` and :class:`SynthReport`.

Example
-------
>>> from graph_loader.synth import iter_articles
>>> name, text, gold = next(iter_articles(1, seed=7))
>>> gold["doc"] == name and text.endswith("（本文为虚构示例，文中人物均为虚构）\\n")
True
"""

from __future__ import annotations

from graph_loader.synth.base import GENRES
from graph_loader.synth.corpus import SynthReport, generate, iter_articles
from graph_loader.synth.page import DISCLAIMER
from graph_loader.synth.world import world_size

__all__ = ["DISCLAIMER", "GENRES", "SynthReport", "generate", "iter_articles", "world_size"]

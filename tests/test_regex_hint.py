"""The cheap pre-test of noise patterns: a line it rules out is a line the pattern cannot match."""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS, ROOT, SHARED

from graph_loader.normalize import _nfkc, _noise_rules, _unify_characters, strip_ruby, to_simplified
from graph_loader.read import Source, read_source
from graph_loader.regex_hint import required_chars
from graph_loader.synth import iter_articles


def hint(regex: str) -> str | None:
    found = required_chars(re.compile(regex))
    return None if found is None else "".join(sorted(found))


@pytest.mark.parametrize(
    ("regex", "expected"),
    [
        (r"点击(次数|数)?\s*:", "点"),  # the smallest set of any required element
        (r"(首页|主页)\s*>", ">"),
        (r"(分享到|转发)", "分转"),  # one of the branches' characters
        (r"(分享到|\w+)", None),  # a branch that needs nothing in particular
        (r"(?:微信)?\s*$", None),  # optional: nothing required
        (r"[abc]{2,}", "abc"),
        (r"[^abc]+", None),  # a negated class says nothing
        (r"(?i:icp)", None),  # case-insensitive: left alone
        (r"(?=[甲乙])\w+", "乙甲"),  # a lookahead's characters are in the line too
        (r"(?!甲)\w+", None),
        (r"(?>微博|微信)+", "微"),
    ],
)
def test_required_characters(regex: str, expected: str | None) -> None:
    assert hint(regex) == expected


def corpus_lines() -> list[str]:
    """Lines of real and generated pages, as they come and as the noise step sees them."""
    files = [*sorted((SHARED / "seeds").glob("*")), *sorted((ROOT / "data" / "samples").glob("*.txt"))]
    files += sorted((CORPUS / "articles").glob("*.txt"))
    texts = [read_source(Source(p, p.name), max_bytes=8 << 20).text for p in files if p.is_file()]
    texts += [text for _, text, _ in iter_articles(60, seed=11)]
    lines: set[str] = set()
    for text in texts:
        ready = to_simplified(strip_ruby(_nfkc(_unify_characters(text)))[0])
        lines.update(line.strip() for t in (text, ready) for line in t.splitlines() if line.strip())
    return sorted(lines)


def test_a_line_ruled_out_never_matches() -> None:
    rules = _noise_rules()
    hinted = [p for p in rules.line_patterns if p.needs is not None]
    assert len(hinted) >= len(rules.line_patterns) * 2 // 3  # the pre-test covers most patterns
    lines = corpus_lines()
    assert len(lines) > 500
    skipped = matched = 0
    for pattern in hinted:
        assert pattern.needs is not None
        for line in lines:
            if pattern.regex.search(line) is not None:
                matched += 1
                assert not pattern.needs.isdisjoint(line), (pattern.regex.pattern, line)
            elif pattern.needs.isdisjoint(line):
                skipped += 1
    assert matched > 20 and skipped > 10 * matched  # real noise matched, most clean lines skipped

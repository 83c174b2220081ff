"""The posts of a place: which slots each level has, the stacked titles of a slot at a given month
(with the reforms of the period), and how a post is written for another place or reduced to its bureau."""

from __future__ import annotations

import datetime as dt

from graph_loader.synth.model import Place, RolePart

PROVINCE_SLOTS = ("secretary", "head", "deputy_sec", "exec_deputy", "vice_head", "congress", "cppcc", "env")
PREFECTURE_SLOTS = (
    "secretary",
    "head",
    "deputy_sec",
    "exec_deputy",
    "discipline",
    "propaganda",
    "politics_law",
    "secretary_general",
    "vice_head",
    "vice_head2",
    "congress",
    "cppcc",
    "env",
)
COUNTY_SLOTS = (
    "secretary",
    "head",
    "deputy_sec",
    "exec_deputy",
    "discipline",
    "propaganda",
    "organization",
    "politics_law",
    "party_office",
    "vice_head",
    "vice_head2",
    "congress",
    "congress_vice",
    "cppcc",
    "env",
    "env_deputy",
    "housing",
    "agri",
    "land",
    "gov_office",
)
TOWNSHIP_SLOTS = ("secretary", "head", "vice_head", "discipline", "office", "congress")
YM0 = 2015 * 12 + 6
YM1 = 2025 * 12
_YM_SUPERVISION = 2018 * 12 + 2  # 监委 from March 2018
_YM_REFORM = 2019 * 12  # 生态环境局, 农业农村局, 自然资源局


def months(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def _head_titles(p: Place) -> tuple[str, str, str]:
    """(head, deputy head, executive deputy head) titles of a place."""
    w = p.word
    if w == "自治区":
        return "自治区主席", "自治区副主席", "自治区常务副主席"
    if w == "街道":
        return "街道办事处主任", "街道办事处副主任", "街道办事处常务副主任"
    return w + "长", "副" + w + "长", "常务副" + w + "长"


def _part(text: str, *alts: str) -> RolePart:
    return RolePart(text, (text, *alts))


def slot_roles(p: Place, slot: str, ym: int, branch: str | None) -> tuple[RolePart, ...]:
    """The stacked posts of a slot at a place, as they stand at month ``ym``."""
    w, party = p.word, p.party
    head, deputy, executive = _head_titles(p)
    if p.level == "township":
        discipline = "纪工委书记" if w == "街道" else "纪委书记"
        table: dict[str, tuple[RolePart, ...]] = {
            "secretary": (_part(party + "书记"),),
            "head": (_part(party + "副书记"), RolePart(head, (head, head.removeprefix("街道")), head=True)),
            "deputy_sec": (_part(party + "副书记"),),
            "vice_head": (
                _part(party + "委员"),
                RolePart(deputy, (deputy, deputy.removeprefix("街道")), head=True),
            ),
            "discipline": (_part(party + "委员"), _part(w + discipline, discipline)),
            "office": (_part(w + "党政办主任", "党政办主任", w + "党政办公室主任"),),
            "congress": (_part(w + ("人大工委主任" if w == "街道" else "人大主席")),),
        }
        return table[slot]
    reform = ym >= _YM_REFORM
    if slot == "secretary":
        return (_part(party + "书记"),)
    if slot == "head":
        return (_part(party + "副书记"), RolePart(head, (head,), head=True))
    if slot == "deputy_sec":
        return (_part(party + "副书记"),)
    if slot == "exec_deputy":
        return (_part(party + "常委"), RolePart(executive, (executive,), head=True))
    if slot in ("vice_head", "vice_head2"):
        return (RolePart(deputy, (deputy,), head=True),)
    if slot == "discipline":
        parts = [_part(party + "常委"), _part(w + "纪委书记", "纪委书记")]
        if ym >= _YM_SUPERVISION:
            parts.append(_part(w + "监委主任", "监委主任"))
        return tuple(parts)
    if slot in ("propaganda", "organization", "politics_law"):
        post = {
            "propaganda": "宣传部部长",
            "organization": "组织部部长",
            "politics_law": "政法委书记",
        }[slot]
        return (_part(party + "常委"), _part(post, party + post))
    if slot == "secretary_general":
        return (_part(party + "常委"), _part("秘书长", party + "秘书长"))
    if slot == "party_office":
        return (_part(party + "常委"), _part("办公室主任", party + "办公室主任", party + "办主任"))
    if slot == "congress":
        return (_part(w + "人大常委会主任"),)
    if slot == "congress_vice":
        return (_part(w + "人大常委会副主任"),)
    if slot == "cppcc":
        return (_part(w + "政协主席"),)
    if slot in ("env", "env_deputy"):
        chief = "局长" if slot == "env" else "副局长"
        if p.level == "province" and w != "市":
            dept = w + ("生态环境厅" if reform else "环境保护厅")
            return (_part(dept + chief.replace("局", "厅"), dept[len(w) :] + chief.replace("局", "厅")),)
        if reform and branch:
            return (RolePart(branch + chief, (branch + chief,), fixed=True),)
        if reform:
            bureau = w + "生态环境局"
            alts: tuple[str, ...] = (bureau[len(w) :] + chief,)
        else:
            bureau = w + "环保局"
            alts = (w + "环境保护局" + chief, "环保局" + chief)
        if slot == "env":
            return (_part(bureau + chief, *alts),)
        return (
            _part(bureau + "党组成员", bureau[len(w) :] + "党组成员"),
            _part("副局长", bureau + "副局长", *alts),
        )
    if slot == "housing":
        return (_part(w + "住房和城乡建设局局长", w + "住建局局长"),)
    if slot == "agri":
        return (_part(w + ("农业农村局局长" if reform else "农业局局长")),)
    if slot == "land":
        return (_part(w + ("自然资源局局长" if reform else "国土资源局局长")),)
    if slot == "gov_office":
        return (_part(w + "政府办公室主任", w + "政府办主任"),)
    raise KeyError(slot)


ERA_SPLITS = {
    "discipline": (_YM_SUPERVISION,),
    "env": (_YM_REFORM,),
    "env_deputy": (_YM_REFORM,),
    "agri": (_YM_REFORM,),
    "land": (_YM_REFORM,),
}


def bureau_of(text: str) -> str | None:
    """The bureau in a bureau head's title: 县生态环境局局长 → 县生态环境局."""
    for tail in ("党组成员", "副局长", "局长", "副厅长", "厅长"):
        if text.endswith(tail) and text[: -len(tail)].endswith(("局", "厅")):
            return text[: -len(tail)]
    return None


def prefixed(p: Place, part: RolePart) -> str:
    """A post of another place, written with the place's name: 永兴县委常委, 永兴县县长, 马田镇党委书记."""
    w, text = p.word, part.text
    if part.head:
        if w in ("自治区", "街道") and text.startswith(w):
            return p.prefix + text[len(w) :]
        return p.prefix + text
    if text.startswith(w):
        return p.prefix + text[len(w) :]
    return p.prefix + text

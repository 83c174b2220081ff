"""Notice articles: the notice setting up a leading group with its roster, office and working groups
(``leading_group``) and the discipline commission's accountability notice or news (``accountability``)."""

from __future__ import annotations

import datetime as dt

from graph_loader.synth.base import ArticleBase
from graph_loader.synth.draw import sample
from graph_loader.synth.lexicon import PROBLEMS, PUNISH, WORKING_GROUPS, cn_num, xun
from graph_loader.synth.model import Official
from graph_loader.synth.posts import bureau_of


class NoticesMixin(ArticleBase):
    """Writers of the ``leading_group`` and ``accountability`` genres."""

    def _leading_group(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        f = self.focal
        camp = self.pick_campaign(earliest=dt.date(2016, 3, 1))
        self.date = self.clamp(camp.start - dt.timedelta(days=rng.randint(3, 50)))
        self.notice_date = self.date
        core = (
            f"迎接{camp.short_insp()}工作领导小组"
            if rng.random() < 0.7
            else (f"迎接中央{camp.eco}督察工作领导小组")
        )
        lg_forms = self.lg_names(core)
        lg = self.body(lg_forms, "leading_group", f.name)
        if f.level == "township":
            issuers = [
                (
                    f"中共{f.name}委员会",
                    [f"中共{f.name}委员会", f"{f.name}党委", f"{f.word}党委"],
                    "party_committee",
                ),
                (f"{f.name}人民政府", [f"{f.name}人民政府", f"{f.word}政府"], "government"),
            ]
            number = f"{f.short}党字〔{self.date.year}〕{rng.randint(3, 60)}号"
            addressees = f"各村（居）委会，{f.word}直各单位："
        else:
            issuers = [
                (
                    f"中共{f.prefix}委办公室",
                    [f"中共{f.prefix}委办公室", f"{f.party}办公室", f"{f.prefix}委办公室"],
                    "office",
                ),
                (f"{f.name}人民政府办公室", [f"{f.name}人民政府办公室", f"{f.word}政府办公室"], "office"),
            ]
            number = f"{f.word}委办发〔{self.date.year}〕{rng.randint(3, 90)}号"
            addressees = (
                f"{self.units().replace('、', '，')}："
                if rng.random() < 0.5
                else f"各乡镇党委、人民政府，{f.word}委各部门，{f.word}级国家机关各部门："
            )
            if f.level == "prefecture":
                addressees = f"各县（市、区）党委和人民政府，{f.word}直各部门："
        for _text, alts, kind in issuers:
            self.body(alts, kind, f.name)
        issuer_text = " ".join(x[0] for x in issuers)
        base = f"关于成立{lg_forms[0]}的通知"
        title = rng.choice((f"{issuer_text}{base}", base, f"{f.name}{base}"))
        ev = self.event(
            [title, base, f"{f.name}{base}", f"{issuer_text}{base}"], "notice", self.date, "day", f.name
        )
        del ev
        prov = self.province()
        team = self.team_body(camp)
        self.loc(prov)
        p1 = (
            f"根据中央{camp.eco}督察工作安排，{team}将于近期对{self.we()[:1]}省开展{camp.insp()[0]}。"
            if prov.word == "省"
            else f"根据中央{camp.eco}督察工作安排，{team}将于近期进驻{prov.short}开展{camp.insp()[0]}。"
        )
        if prov.word != "省":
            self.assign(team, prov.name, "进驻督察")
        else:
            self.assign(team, prov.name, f"开展{camp.insp()[0]}")
        self.inspection_event(camp, "year", [f"{team}进驻{prov.short}"])
        decider = f"{f.word}党委、{f.word}政府" if f.level == "township" else f"{f.word}委、{f.word}政府"
        p1 += f"为切实加强对迎检工作的组织领导，经{decider}研究，决定成立{lg_forms[0]}。现将组成人员名单通知如下："
        paras = [number, addressees, p1]
        # roster

        def lg_post(pos: str) -> tuple[str, ...]:
            return (f"领导小组{pos}", pos, f"{lg_forms[0]}{pos}")

        leader = self.off(f, "secretary")
        co = self.off(f, "head")
        lines: list[str] = []

        def roster(label: str, offs: list[Official], pos: str | None) -> None:
            for k, o in enumerate(offs):
                title = self.title(o)
                if pos:
                    self.person(o.name, [(lg_post(pos), f.name)])
                lab = label if k == 0 else "　" * 5
                lines.append(f"{lab}{self.pad(o.name)}　{title}")

        roster("组　　长：", [leader, co] if rng.random() < 0.4 else [leader], "组长")
        if co.pid not in self.used:
            roster("常务副组长：", [co], "常务副组长")
        vice_slots = ("exec_deputy", "discipline", "vice_head", "vice_head2", "deputy_sec")
        vices = self.fresh(f, vice_slots, rng.randint(2, 3))
        roster("副 组 长：", vices, "副组长")
        member_slots = (
            "env",
            "party_office",
            "gov_office",
            "housing",
            "agri",
            "land",
            "propaganda",
            "office",
            "congress",
        )
        members = self.fresh(f, member_slots, rng.randint(3, 6))
        if f.level == "county" and rng.random() < 0.6:
            for ti in self.w.children.get(self.fi, []):
                o = self.off(ti, "head")
                if o.pid not in self.used:
                    members.append(Official(o.pid, o.name, o.place, o.roles[1:]))
        roster("成　　员：", members, None)
        paras.extend(lines)
        # office
        host = next(
            (o for o in members if o.roles and "环" in o.roles[0].text and bureau_of(o.roles[0].text)), None
        )
        office_alts = [lg_forms[0] + "办公室", "领导小组办公室", "办公室"]
        office = self.body(office_alts, "office", f.name, lg)
        director = host or (vices[0] if vices else leader)
        s = "领导小组下设办公室"
        if host is not None:
            s += f"，办公室设在{self._bureau_body(host)}"
        s += f"，{director.name}同志兼任办公室主任"
        self.person(
            director.name, [(("领导小组办公室主任", "办公室主任", f"{lg_forms[0]}办公室主任"), f.name)]
        )
        deputy = next((o for o in members if o is not host and o.pid != director.pid), None)
        if deputy is not None and rng.random() < 0.6:
            s += f"，{deputy.name}同志任办公室副主任"
            self.person(
                deputy.name,
                [(("领导小组办公室副主任", "办公室副主任", f"{lg_forms[0]}办公室副主任"), f.name)],
            )
        paras.append(s + "，负责领导小组日常工作。")
        # working groups
        groups = sample(rng, WORKING_GROUPS, rng.randint(3, 5))
        parent_name, parent = ("领导小组办公室", office) if rng.random() < 0.35 else ("领导小组", lg)
        if rng.random() < 0.25:
            n = len(groups) + rng.randint(1, 3)
            paras.append(
                f"{parent_name}下设{groups[0][0]}、{groups[1][0]}等{n}个工作组，具体负责迎检日常事务。"
            )
            for g in groups[:2]:
                self.body([g[0]], "working_group", f.name, parent)
        else:
            paras.append(
                f"{parent_name}下设{'、'.join(g[0] for g in groups)}{len(groups)}个工作组，各组职责如下："
            )
            pool = [o for o in [*vices, *members] if o.pid != leader.pid]
            for k, (g, duty) in enumerate(groups):
                self.body([g], "working_group", f.name, parent)
                if pool and rng.random() < 0.7:
                    o = pool.pop(0)
                    head_s = f"组长{o.name}。"
                    self.person(o.name, [((g + "组长", "组长"), f.name)])
                else:
                    head_s = ""
                paras.append(f"（{cn_num(k + 1)}）{g}：{head_s}{duty}。")
                self.assign(g, f.name, duty.removeprefix("负责"))
        paras.append(
            f"{self.units()}要高度重视，明确专人负责，确保督察期间通讯畅通、随叫随到。"
            "领导小组成员如有变动，由所在单位接任者自然递补，不再另行发文。"
        )
        sign = (
            "　　".join(x[0] for x in issuers)
            + "\n"
            + "　" * 8
            + f"{self.date.year}年{self.date.month}月{self.date.day}日"
        )
        return title, paras, sign

    def pad(self, name: str) -> str:
        if len(name) == 2 and self.rng.random() < 0.6:
            self.note("name_padding")
            return name[0] + "　" + name[1]
        return name

    def _accountability(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        f = self.focal
        camp = self.pick_campaign(latest=dt.date(2024, 6, 1))
        self.date = self.clamp(camp.start + dt.timedelta(days=rng.randint(20, 120)))
        prov = self.province()
        team = self.team_body(camp)
        if self.date.year >= 2018:
            issuer = f"{f.name}纪委监委"
            alts = [issuer, f"中共{f.name}纪律检查委员会", f"{f.word}纪委监委", f"{f.name}纪委"]
        else:
            issuer = f"中共{f.name}纪律检查委员会"
            alts = [issuer, f"{f.name}纪委", f"{f.word}纪委"]
        self.body(alts, "other", f.name)
        news_style = rng.random() < 0.3
        base = f"关于{team}交办环境问题责任追究情况的通报"
        title = f"{issuer}{base}"
        paras: list[str] = []
        year = f"{camp.start.year}年" if camp.start.year != self.date.year else ""
        p1 = (
            f"{year}{camp.start.month}月{xun(camp.start)}，{team}进驻{prov.name}开展{camp.insp()[0]}。"
            f"督察期间，督察组先后向{self.we()}交办群众信访举报件{rng.randint(15, 120)}件。"
        )
        self.loc(prov)
        self.inspection_event(camp, "month", [f"{team}进驻{prov.name}"])
        self.assign(team, prov.name, "进驻督察")
        self.assign(team, f.name, "交办群众信访举报件")
        punished: list[tuple[str, str]] = []
        pool: list[Official] = []
        if f.level == "county":
            for ti in self.w.children.get(self.fi, []):
                pool.extend(self.fresh(ti, ("head", "vice_head", "secretary", "discipline"), 1))
            pool.extend(self.fresh(f, ("env_deputy", "env", "housing", "agri", "land"), 3))
        else:
            for ci in self.sub_counties():
                pool.extend(self.fresh(ci, ("vice_head", "vice_head2", "env"), 1))
            pool.extend(self.fresh(f, ("env", "vice_head2"), 1))
        rng.shuffle(pool)
        pool = pool[: rng.randint(3, 5)]
        for o in pool:
            punished.append((self.full(o), rng.choice(PUNISH)))
            if o.place.level != "township":
                self._bureau_body(o)
        if news_style:
            self.needs_pub = True
            self.day_known = False
            n = len(punished)
            title = f"{f.short}{'纪委监委' if self.date.year >= 2018 else '纪委'}通报{n}起生态环境保护领域失职失责典型问题"
            self.event(
                [title, f"{f.name}{title[len(f.short) :]}", "生态环境保护领域失职失责典型问题通报"],
                "notice",
                self.date,
                "month",
                f.name,
            )
            paras.append(f"近日，{issuer}通报{cn_num(n)}起生态环境保护领域失职失责典型问题。{p1}")
            for k, (who, pun) in enumerate(punished):
                name = pool[k].name
                paras.append(
                    f"{cn_num(k + 1)}、{who}{rng.choice(('履职不到位', '监管不力', '失职失责'))}问题。"
                    f"{name}对{rng.choice(PROBLEMS)}，经研究，{pun.replace('对其', '对' + name)}。"
                )
            paras.append(f"{issuer}指出，各级党组织和广大党员干部要引以为戒，切实扛起生态环境保护政治责任。")
            return title, paras, None
        self.notice_date = self.date
        self.event([title, base, issuer + base], "notice", self.date, "day", f.name)
        paras.append(
            f"各乡镇党委、政府，{f.word}直各部门："
            if f.level == "county"
            else f"各县（市、区）纪委监委，{f.word}直各部门："
        )
        paras.append(
            p1 + f"{f.word}委、{f.word}政府高度重视，逐件明确责任领导、责任单位，限期查处整改。"
            f"经{f.word}纪委常委会研究，并报{f.word}委同意，决定对以下人员进行责任追究："
        )
        for k, (who, pun) in enumerate(punished):
            paras.append(f"{cn_num(k + 1)}、{who}，对{rng.choice(PROBLEMS)}，{pun}。")
        paras.append(
            f"全{f.word}各级党组织和广大党员干部要引以为戒，严格落实“党政同责、一岗双责”。"
            "对督察组交办问题整改中敷衍塞责、弄虚作假的，发现一起、查处一起，绝不姑息。"
        )
        sign = (
            "　" * 12 + issuer + "\n" + "　" * 14 + f"{self.date.year}年{self.date.month}月{self.date.day}日"
        )
        return title, paras, sign

"""Meeting articles: mobilization, advance and dispatch meetings (``meeting``), dispatch meetings during
the team's 下沉督察 (``sinking``) and rectification meetings after the feedback (``remediation``), with
the participant, inspection, petition and working-group sentences they share."""

from __future__ import annotations

import datetime as dt

from graph_loader.synth.base import ArticleBase
from graph_loader.synth.draw import sample
from graph_loader.synth.gold import Event
from graph_loader.synth.lexicon import VENUES, WORKING_GROUPS, cn_num, xun
from graph_loader.synth.model import Campaign


class MeetingsMixin(ArticleBase):
    """Writers of the ``meeting``, ``sinking`` and ``remediation`` genres."""

    def _participants(self, ev: Event, *, mobilize: bool) -> list[str]:
        """The sentences naming who chaired, attended and spoke at a meeting of the focal place."""
        rng = self.rng
        f = self.focal
        sec = self.off(f, "secretary")
        head = self.off(f, "head")
        out: list[str] = []
        pattern = rng.randrange(5)
        chair = head
        talk = "作动员讲话" if mobilize else rng.choice(("讲话", "作讲话"))
        if pattern == 0:
            out.append(f"{self.full(sec)}出席会议并{talk}，{self.full(head)}主持会议。")
            ev.add("attend", sec.name)
            ev.add("speak", sec.name)
            ev.add("chair", head.name)
        elif pattern == 1:
            out.append(f"{self.full(sec)}{talk}，{self.full(head)}主持会议。")
            ev.add("speak", sec.name)
            ev.add("chair", head.name)
        elif pattern == 2:
            out.append(f"会议由{self.full(head)}主持，{self.full(sec)}出席并{talk}。")
            ev.add("chair", head.name)
            ev.add("attend", sec.name)
            ev.add("speak", sec.name)
        elif pattern == 3:
            out.append(f"{self.full(sec)}主持会议并讲话。{self.full(head)}出席会议。")
            ev.add("chair", sec.name)
            ev.add("speak", sec.name)
            ev.add("attend", head.name)
            chair = sec
        else:
            out.append(f"{self.full(sec)}出席会议并讲话。")
            ev.add("attend", sec.name)
            ev.add("speak", sec.name)
            chair = sec
        slots = (
            "deputy_sec",
            "exec_deputy",
            "congress",
            "cppcc",
            "discipline",
            "propaganda",
            "secretary_general",
            "politics_law",
        )
        att = self.fresh(f, slots, rng.randint(1, 4))
        if att:
            names = "，".join(self.full(o) for o in att)
            tail = "同志" if rng.random() < 0.2 else ""
            out.append(f"{names}{tail}{rng.choice(('出席会议', '出席', '参加会议'))}。")
            for o in att:
                ev.add("attend", o.name)
        if f.level != "township" and rng.random() < 0.5:
            lead = self.fresh(
                f,
                (
                    "vice_head",
                    "vice_head2",
                    "organization",
                    "congress_vice",
                    "party_office",
                ),
                rng.randint(2, 4),
            )
            if len(lead) >= 2:
                out.append(
                    f"{self.leaders_word()}{'、'.join(self.nm(o) for o in lead)}{rng.choice(('参加会议', '出席会议'))}。"
                )
                for o in lead:
                    ev.add("attend", o.name)
        sup = self.parent_place(f)
        if (
            sup is not None
            and sup.key in self.w.index
            and f.level in ("county", "township")
            and rng.random() < 0.3
        ):
            slots2 = (
                ("exec_deputy", "vice_head", "vice_head2", "politics_law") if sup.level != "township" else ()
            )
            guest = self.fresh(sup, slots2 or ("vice_head", "exec_deputy"), 1)
            if guest:
                verb = rng.choice(("到会指导", "出席会议并讲话", "出席会议"))
                out.append(f"{self.full(guest[0])}{verb}。")
                ev.add("attend", guest[0].name)
                if "讲话" in verb:
                    ev.add("speak", guest[0].name)
        out.append(f"{self.units()}主要负责人参加会议。")
        self._chair_off = chair
        self._sec_off = sec
        return out

    def _inspection_context(self, camp: Campaign, *, before: bool) -> str:
        """A sentence about the team entering the province; records team, inspection and assignment."""
        rng = self.rng
        prov = self.province()
        team = self.team_body(camp)
        pname = prov.short if rng.random() < 0.6 else prov.name
        self.loc(prov)
        if before:
            d = camp.start
            if rng.random() < 0.5 and (camp.start - self.date).days < 20:
                s = f"据悉，{team}将于近日进驻{pname}，开展为期一个月的{camp.eco}督察。"
                self.inspection_event(
                    camp, "month" if self.date.month == d.month else "none", [f"{team}进驻{prov.short}"]
                )
            else:
                s = (
                    f"根据中央{camp.eco}督察工作安排，{team}将于{d.month}月{xun(d)}"
                    f"进驻{pname}开展{camp.insp()[0]}。"
                )
                self.inspection_event(camp, "month", [f"{team}进驻{prov.short}"])
            if rng.random() < 0.5:
                s += "督察期间，督察组将根据工作需要下沉到部分市县开展督察。"
        else:
            s = f"{self.md(camp.start)}，{team}进驻{pname}，开展{camp.insp()[0]}。"
            self.inspection_event(camp, "day", [f"{team}进驻{prov.short}"])
        self.assign(team, prov.name, "进驻督察")
        return s

    def _leading_group_sentence(self, camp: Campaign) -> tuple[str, str]:
        """`下设办公室及…N个专项工作组` at a meeting; returns the sentence and the group's gold name."""
        rng = self.rng
        core = f"迎接{camp.short_insp()}工作领导小组"
        names = self.lg_names(core)
        written = names[1] if rng.random() < 0.6 else names[0]
        lg = self.body([written, *names], "leading_group", self.focal.name)
        groups = sample(rng, WORKING_GROUPS, rng.randint(3, 5))
        style = rng.randrange(3)
        if style == 0:
            listed = "、".join(g[0][:-1] for g in groups)
            s = f"{written}下设办公室及{listed}{len(groups)}个专项工作组，各组要立即集中办公，实行24小时值班值守。"
            office = [written + "办公室", "领导小组办公室", "办公室"]
            self.body(office, "office", self.focal.name, lg)
            for g in groups:
                self.body([g[0], g[0][:-1] + "专项工作组"], "working_group", self.focal.name, lg)
        elif style == 1:
            listed = "、".join(g[0] for g in groups)
            s = f"会议明确，{written}下设{listed}{len(groups)}个工作组，各组要立即进入工作状态。"
            for g in groups:
                self.body([g[0]], "working_group", self.focal.name, lg)
        else:
            n = len(groups) + rng.randint(2, 4)
            s = f"{self.we()}已成立{written}，下设{groups[0][0]}等{n}个工作组，全力做好迎检各项工作。"
            self.body([groups[0][0]], "working_group", self.focal.name, lg)
        return s, lg

    def _meeting(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        f = self.focal
        kind = rng.choice(("mobilize", "advance", "dispatch"))
        camp = self.pick_campaign(earliest=dt.date(2016, 2, 1) if kind == "mobilize" else dt.date(2015, 1, 1))
        if kind == "mobilize":
            self.date = self.clamp(camp.start - dt.timedelta(days=rng.randint(2, 35)))
        elif kind == "advance":
            self.date = self.clamp(camp.start + dt.timedelta(days=rng.randint(-12, -1)))
        else:
            self.date = self.clamp(camp.start + dt.timedelta(days=rng.randint(6, 26)))
        insp = camp.short_insp() if rng.random() < 0.8 else "中央环保督察"
        if kind == "mobilize":
            mname = rng.choice(
                (f"迎接{insp}工作动员部署会", f"迎接{insp}工作动员会", f"保障{insp}工作动员会议")
            )
        elif kind == "advance":
            mname = rng.choice((f"{insp}迎检工作推进会", f"迎接{insp}工作推进会"))
        else:
            n = rng.randint(2, 6)
            mname = rng.choice((f"迎接{insp}第{cn_num(n)}次调度会", f"{insp}交办件办理工作调度会"))
        tod = rng.choice(("", "", "上午", "下午"))
        when = self.md(self.date) + tod
        if rng.random() < 0.12:
            when = rng.choice(("日前", "近日"))
            self.day_known = False
            self.needs_pub = True
        party_gov = f"{f.party if f.level != 'township' else f.word + '党委'}、{f.word}政府"
        opening = 1 if f.level == "township" else rng.randrange(3)
        ev = self.event(
            [mname, f.name + mname, self.scope() + mname, f.short + mname],
            "meeting",
            self.date,
            "day" if self.day_known else "month",
            f.name,
        )
        if opening == 0:
            venue = f.word + rng.choice(VENUES) if f.level != "township" else f.word + "政府会议室"
            first = f"{when}，{self.scope()}{mname}在{venue}召开。"
        elif opening == 1:
            first = f"{when}，{f.name}召开{mname}，{rng.choice(('安排部署迎检工作', '对迎检工作进行再动员、再部署、再落实', '听取迎检工作进展情况'))}。"
        else:
            first = f"{when}，{party_gov}召开{mname}，{rng.choice(('安排部署下一阶段工作', '全面动员部署迎检工作'))}。"
            ev.names.append(party_gov.replace("、", "") + mname)
        if f.level == "township":
            first = first.replace(f"{when}，{f.name}", f"{when}，{self.parent_place(f).name}{f.name}", 1)  # type: ignore[union-attr]
        paras = [first + "".join(self._participants(ev, mobilize=kind == "mobilize"))]
        paras.append(self._inspection_context(camp, before=kind != "dispatch"))
        if kind == "dispatch":
            paras[-1] += self._petitions(camp)
        if rng.random() < 0.6 and f.level != "township":
            env = self.off(f, "env")
            paras.append(f"会上，{self.full(env)}通报了{self.scope()}生态环境问题排查整改情况。")
            ev.add("speak", env.name)
            self._bureau_body(env)
        if rng.random() < 0.25:
            sup = self.parent_place(f)
            if sup is not None and sup.key in self.w.index:
                boss = self.off(sup, "secretary")
                paras.append(
                    f"会议传达学习了{self.full(boss)}在全{sup.word if sup.word != '自治区' else '区'}"
                    f"生态环境保护工作会议上的讲话精神。"
                )
        if rng.random() < 0.55:
            year = self.date.year
            town = self.town_of() if f.level == "county" else None
            s = f"{year}年以来，{self.scope()}共排查各类环境问题{rng.randint(60, 400)}个，已完成整改{rng.randint(30, 59)}个"
            if town is not None and rng.random() < 0.7:
                s += f"，{self.loc(town)}等地{rng.choice(('非法采砂', '畜禽养殖污染', '尾砂乱堆乱放', '小散乱污企业'))}等问题仍较为突出"
            paras.append(s + "。")
        else:
            paras.append(f"会上，宣读了《{f.name}迎接{camp.short_insp()}工作方案》。")
        if f.level == "prefecture" and rng.random() < 0.5:
            heads = []
            for ci in self.sub_counties()[:2]:
                o = self.off(ci, "secretary")
                if o.pid not in self.used:
                    heads.append(o)
            if heads:
                paras.append("、".join(self.full(o) for o in heads) + "在分会场参加会议并作表态发言。")
                for o in heads:
                    ev.add("attend", o.name)
                    ev.add("speak", o.name)
        sec = self._sec_off
        paras.append(self.speech(sec.name, n=rng.randint(2, 3)))
        chair = self._chair_off
        if chair.pid != sec.pid and rng.random() < 0.55:
            paras.append(self.speech(f"{chair.name}在主持时", rng.choice(("强调", "指出", "要求")), n=2))
            ev.add("speak", chair.name)
        if rng.random() < 0.5:
            s, lg = self._leading_group_sentence(camp)
            paras.append(s)
            if rng.random() < 0.4 and lg + "办公室" not in self.bodies:
                office = self.body([lg + "办公室", "领导小组办公室"], "office", f.name, lg)
                paras.append(f"{lg}办公室要每日汇总交办件办理进展，实行清单化管理、销号式推进。")
                self.assign(office, f.name, "每日汇总交办件办理进展")
        title = rng.choice((f"{self.we()}召开{mname}", f"{f.short}召开{mname}", f"{f.name}召开{mname}"))
        return title, paras, None

    def _petitions(self, camp: Campaign) -> str:
        """下沉督察 and 交办信访件 sentences for a place after the team's arrival."""
        rng = self.rng
        f = self.focal
        team = camp.team(f.province)
        pref = self.ancestor("prefecture")
        s = ""
        sink = camp.start + dt.timedelta(days=rng.randint(3, 6))
        if pref is not None and sink < self.date and rng.random() < 0.8:
            pname = pref.prefix if rng.random() < 0.5 else pref.name
            s += f"{self.md(sink)}起，督察组下沉{pname}开展督察。"
            self.loc(pref)
            self.assign(team, pref.name, "下沉督察")
        n = rng.randint(12, 140)
        s += f"截至{self.md(self.date - dt.timedelta(days=1))}，督察组累计向{self.we()}交办信访件{n}件，已办结{rng.randint(1, n)}件"
        self.assign(team, f.name, f"交办信访件{n}件")
        if f.level == "prefecture":
            subs = self.sub_counties()
            if subs:
                c = self.w.places[rng.choice(subs)]
                s += f"，其中涉及{self.loc(c)}的{rng.randint(1, n)}件"
        return s + "。"

    def _sinking(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        f = self.focal
        camp = self.pick_campaign(earliest=dt.date(2016, 1, 1))
        self.date = self.clamp(camp.start + dt.timedelta(days=rng.randint(8, 26)))
        insp = camp.short_insp()
        n = rng.randint(2, 6)
        mname = rng.choice(
            (
                f"迎接{insp}第{cn_num(n)}次调度会",
                f"{insp}交办信访件办理工作调度会",
                f"{insp}交办件办理工作专题会议",
            )
        )
        ev = self.event([mname, f.name + mname, f.short + mname], "meeting", self.date, "day", f.name)
        party_gov = f"{f.word}委、{f.word}政府" if f.level != "township" else f"{f.word}党委、{f.word}政府"
        p1 = (
            f"{self.md(self.date)}，{party_gov}召开{mname}，听取督察进驻以来信访件办理和问题整改进展情况，"
            "安排部署下一阶段工作。"
        )
        p1 += "".join(self._participants(ev, mobilize=False))
        paras = [p1]
        paras.append(self._inspection_context(camp, before=False) + self._petitions(camp))
        if f.level == "prefecture":
            heads = [self.off(ci, "secretary") for ci in self.sub_counties()[:2]]
            heads = [o for o in heads if o.pid not in self.used]
            if heads:
                paras.append("会上，" + "、".join(self.full(o) for o in heads) + "作表态发言。")
                for o in heads:
                    ev.add("speak", o.name)
        else:
            if rng.random() < 0.5:
                town = self.town_of()
                if town is not None:
                    o = self.off(town, "secretary")
                    if o.pid not in self.used:
                        paras.append(f"会上，{self.full(o)}汇报了交办件办理情况。")
                        ev.add("speak", o.name)
        sec = self._sec_off
        paras.append(self.speech(sec.name, n=rng.randint(2, 3)))
        if rng.random() < 0.5:
            s, lg = self._leading_group_sentence(camp)
            paras.append(s)
        title = rng.choice((f"{self.we()}召开{mname}", f"{f.short}召开{mname}", f"{f.name}召开{mname}"))
        return title, paras, None

    def _remediation(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        f = self.focal
        camp = self.pick_campaign(latest=dt.date(2024, 5, 1))
        feedback = camp.start + dt.timedelta(days=rng.randint(85, 125))
        self.date = self.clamp(feedback + dt.timedelta(days=rng.randint(8, 70)))
        prov = self.province()
        team = self.team_body(camp)
        mname = rng.choice(
            (
                f"中央{camp.eco}督察反馈意见整改工作推进会",
                f"中央{camp.eco}督察反馈问题整改工作专题会议",
                f"落实{team}反馈问题整改工作会议",
            )
        )
        ev = self.event([mname, f.name + mname, self.scope() + mname], "meeting", self.date, "day", f.name)
        when = self.md(self.date) + rng.choice(("", "上午", "下午"))
        if rng.random() < 0.1:
            when = "近日"
            self.day_known = False
            self.needs_pub = True
            ev.precision = "month"
        p1 = f"{when}，{f.name}召开{mname}，{rng.choice(('安排部署督察反馈问题整改工作', '推动反馈问题整改落实'))}。"
        p1 += "".join(self._participants(ev, mobilize=False))
        paras = [p1]
        fb_names = [
            f"{team}向{prov.name}反馈督察情况",
            f"{team}向{prov.short}反馈督察情况",
            "反馈督察情况",
            "反馈督察意见",
        ]
        if rng.random() < 0.5:
            s = f"{feedback.year}年{feedback.month}月{feedback.day}日，{team}向{prov.short}反馈督察情况，"
            fb = self.event(fb_names, "other", feedback, "day", prov.name)
        else:
            s = f"{feedback.year}年{feedback.month}月，{team}向{prov.short}反馈了{camp.insp()[0]}情况，"
            fb = self.event(fb_names, "other", feedback, "month", prov.name)
        del fb
        self.loc(prov)
        self.assign(team, prov.name, "反馈督察情况")
        s += f"其中涉及{self.we()}的问题{rng.randint(5, 40)}个。"
        paras.append(s)
        sec = self._sec_off
        paras.append(self.speech(sec.name, n=2))
        core = f"中央{camp.eco}督察反馈意见整改工作领导小组"
        if rng.random() < 0.6:
            forms = self.lg_names(core)
            short_forms = [f"{f.word}整改工作领导小组", f"{f.name}整改工作领导小组", "整改工作领导小组"]
            if rng.random() < 0.5:
                lg = self.body([forms[0], *forms[1:]], "leading_group", f.name)
                office_forms = [forms[0] + "办公室", forms[1] + "办公室", "领导小组办公室"]
                written = office_forms[1]
            else:
                lg = self.body(short_forms, "leading_group", f.name)
                office_forms = [
                    short_forms[0] + "办公室",
                    short_forms[1] + "办公室",
                    "整改工作领导小组办公室",
                    f"{f.word}整改办",
                ]
                written = office_forms[0]
            office = self.body(office_forms, "office", f.name, lg)
            paras.append(
                f"会议要求，{written}要加强统筹调度，每半月通报一次整改进展，确保{self.date.year}年底前完成阶段性整改任务。"
            )
            self.assign(office, f.name, "每半月通报一次整改进展")
        if self.date.year >= 2018 and rng.random() < 0.4:
            dis = self.body([f"{f.word}纪委监委", f"{f.name}纪委监委", f"{f.word}纪委"], "other", f.name)
            paras.append(f"{f.word}纪委监委要全程跟进监督，对敷衍整改、虚假整改的严肃追责问责。")
            self.assign(dis, f.name, "整改全程跟进监督")
        title = rng.choice((f"{self.we()}召开{mname}", f"{f.short}召开{mname}", f"{f.name}召开{mname}"))
        return title, paras, None

"""Articles about the central inspection teams themselves: the team's mobilization meeting at the
province (``arrival``), its feedback meeting (``feedback``) and a batch's launch report (``campaign``)."""

from __future__ import annotations

import datetime as dt

from graph_loader.synth.base import ArticleBase
from graph_loader.synth.draw import sample
from graph_loader.synth.lexicon import cn_num
from graph_loader.synth.model import Place


class InspectionsMixin(ArticleBase):
    """Writers of the ``arrival``, ``feedback`` and ``campaign`` genres."""

    def _arrival(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        f = self.focal
        camp = self.pick_campaign(earliest=dt.date(2016, 1, 1))
        self.date = camp.start
        team = self.team_body(camp)
        lead, dep = self.leaders_off(camp, f.province)
        capital = self._capital()
        sec, head = self.off(f, "secretary"), self.off(f, "head")
        mname = f"{team}督察{f.name}工作动员会"
        ev = self.event(
            [mname, f"督察{f.name}工作动员会", f"督察{f.short}工作动员会"],
            "meeting",
            self.date,
            "day",
            f.name,
        )
        where = f"在{self.loc(capital)}召开" if capital is not None else "召开"
        p1 = f"{self.md(self.date)}，{mname}{where}。"
        p1 += f"督察组组长{self.team_post(lead, team, '组长')}作动员讲话"
        ev.add("speak", lead.name)
        if rng.random() < 0.5:
            p1 += f"，{self.full(sec)}作表态讲话，{self.full(head)}主持会议。"
            ev.add("speak", sec.name)
            ev.add("chair", head.name)
        else:
            p1 += f"，{self.full(sec)}主持会议并讲话。{self.full(head)}出席会议。"
            ev.add("chair", sec.name)
            ev.add("speak", sec.name)
            ev.add("attend", head.name)
        p1 += f"督察组副组长{self.team_post(dep, team, '副组长')}出席会议。"
        ev.add("attend", dep.name)
        lead_list = self.fresh(
            f, ("deputy_sec", "exec_deputy", "vice_head", "congress", "cppcc"), rng.randint(2, 4)
        )
        if lead_list:
            p1 += f"{self.leaders_word()}{'、'.join(self.nm(o) for o in lead_list)}出席会议。"
            for o in lead_list:
                ev.add("attend", o.name)
        paras = [p1]
        p2 = f"经党中央、国务院批准，{camp.insp()[0]}近日全面启动"
        if len(camp.provinces) > 1 and rng.random() < 0.6:
            shorts = [self.w.place_of(self.w.gaz.get(c)).short for c in camp.provinces]
            for c in camp.provinces:
                self.loc(self.w.place_of(self.w.gaz.get(c)))
            p2 += f"，对{'、'.join(shorts)}等{len(shorts)}省（区、市）开展督察"
        end = self.date + dt.timedelta(days=30)
        p2 += (
            f"。{team}进驻{f.short}后，督察进驻时间约为1个月。督察进驻期间（{self.md(self.date)}至{self.md(end)}）"
            f"设立专门值班电话和专门邮政信箱，受理被督察对象生态环境保护方面的来电来信举报。"
        )
        paras.append(p2)
        self.inspection_event(camp, "day", [f"{team}进驻{f.short}"], locality=f.name)
        self.assign(team, f.name, "进驻督察")
        paras.append(self.speech(lead.name, "指出", 2).replace(self.scope() + "上下", "被督察地方"))
        paras.append(
            f"{sec.name}表示，{f.short}坚决拥护党中央、国务院的决策部署，坚决支持、主动配合督察组工作，"
            "对督察组交办的问题立行立改、边督边改，对督察发现的问题照单全收、全面整改。"
        )
        if head.pid != sec.pid and ev.chair == [head.name] and rng.random() < 0.6:
            paras.append(
                f"{head.name}在主持会议时指出，{self.scope()}各级各部门要严格按照督察组要求做好各项配合保障工作。"
            )
            ev.add("speak", head.name)
        paras.append("督察组有关同志，" + self.units() + "主要负责同志参加会议。")
        title = rng.choice(
            (mname + where, f"{team}进驻{f.short}开展{camp.eco}督察", f"{camp.insp()[0]}{team}进驻{f.short}")
        )
        return title, paras, None

    def _capital(self) -> Place | None:
        f = self.focal
        prefs = [c for c in self.w.gaz.children(f.code) if c.level == "prefecture" and not c.historical]
        if not prefs:
            return None
        return self.w.place_of(prefs[0])

    def _feedback(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        f = self.focal
        camp = self.pick_campaign(latest=dt.date(2024, 7, 1))
        self.date = self.clamp(camp.start + dt.timedelta(days=rng.randint(85, 130)))
        team = self.team_body(camp)
        lead, dep = self.leaders_off(camp, f.province)
        sec, head = self.off(f, "secretary"), self.off(f, "head")
        capital = self._capital()
        mname = f"{team}督察{f.name}情况反馈会"
        ev = self.event(
            [mname, f"督察{f.name}情况反馈会", "督察情况反馈会", f"{team}向{f.name}反馈督察情况"],
            "meeting",
            self.date,
            "day",
            f.name,
        )
        end = camp.start + dt.timedelta(days=30)
        p1 = f"{self.md(self.date)}，{team}向{f.name}反馈督察情况。"
        if capital is not None and rng.random() < 0.5:
            p1 += f"反馈会在{self.loc(capital)}召开。"
        p1 += f"督察组组长{self.team_post(lead, team, '组长')}通报督察意见，"
        ev.add("speak", lead.name)
        if rng.random() < 0.5:
            p1 += f"{self.full(sec)}主持会议并作表态讲话。督察组副组长{self.team_post(dep, team, '副组长')}，{self.full(head)}出席会议。"
            ev.add("chair", sec.name)
            ev.add("speak", sec.name)
            ev.add("attend", dep.name)
            ev.add("attend", head.name)
        else:
            p1 += f"督察组副组长{self.team_post(dep, team, '副组长')}出席会议。{self.full(sec)}作表态发言，{self.full(head)}主持会议。"
            ev.add("attend", dep.name)
            ev.add("speak", sec.name)
            ev.add("chair", head.name)
        others = self.fresh(
            f, ("deputy_sec", "exec_deputy", "vice_head", "congress", "cppcc"), rng.randint(2, 3)
        )
        if others:
            p1 += f"{self.leaders_word()}{'、'.join(self.nm(o) for o in others)}参加会议。"
            for o in others:
                ev.add("attend", o.name)
        paras = [p1]
        until = f"{end.year}年" if end.year != camp.start.year else ""
        paras.append(
            f"{camp.start.year}年{camp.start.month}月{camp.start.day}日至{until}{end.month}月{end.day}日，{team}"
            f"对{f.name}开展了{camp.insp()[0]}。督察组认为，{f.short}生态环境保护工作取得积极进展，"
            "但与党中央要求和人民群众期待相比仍有差距。"
        )
        self.inspection_event(camp, "day", [f"{team}督察{f.short}"], locality=f.name)
        paras.append(
            "督察组指出，一些地方和部门对生态环境保护工作重视不够，"
            "部分历次督察反馈问题整改不到位，污水收集处理设施建设滞后，群众身边的突出环境问题仍然较多。"
        )
        what = ["反馈督察情况"]
        if rng.random() < 0.6:
            paras.append(
                f"督察组还梳理了一批生态环境损害责任追究问题，已移交{f.short}，要求依纪依法调查处理，严肃问责。"
            )
            what.append("移交责任追究问题")
        self.assign(team, f.name, "、".join(what))
        paras.append(
            f"督察组要求，{f.short}应根据督察报告，抓紧研究制定整改方案，在30个工作日内报送党中央、国务院。"
        )
        paras.append(f"{sec.name}表示，{f.short}将坚决扛起整改主体责任，对督察反馈问题照单全收、逐一整改。")
        title = rng.choice(
            (
                f"{team}向{f.name}反馈督察情况",
                f"{f.short}召开中央{camp.eco}督察反馈会",
                f"中央{camp.eco}督察组向{f.short}反馈督察情况",
            )
        )
        if title.startswith("中央" + camp.eco):
            self.team_body(camp, None, f"中央{camp.eco}督察组")
        return title, paras, None

    def _campaign(self) -> tuple[str, list[str], str | None]:
        rng = self.rng
        camp = self.pick_campaign(earliest=dt.date(2016, 6, 1))
        self.date = camp.start + dt.timedelta(days=rng.randint(0, 2))
        n = len(camp.provinces)
        provs = [self.w.place_of(self.w.gaz.get(c)) for c in camp.provinces]
        for p in provs:
            self.loc(p)
        title = rng.choice(
            (
                f"{camp.insp()[0]}全面启动",
                f"{n}个中央{camp.eco}督察组完成督察进驻",
                f"{camp.insp()[0]}{n}个督察组全部完成进驻",
            )
        )
        paras = [
            f"经党中央、国务院批准，{camp.insp()[0]}近日全面启动。{cn_num(n)}个督察组将分别对"
            f"{'、'.join(p.short for p in provs)}等{n}省（区、市）开展督察。"
        ]
        self.event(list(camp.insp()), "inspection", camp.start, "month", None)
        k = min(n, rng.randint(2, 5))
        chosen = sorted(sample(rng, range(n), k))
        lines = []
        for j in chosen:
            code = camp.provinces[j]
            team = self.team_body(camp, code)
            lead, dep = self.leaders_off(camp, code)
            if lead.pid in self.used or dep.pid in self.used:
                lines.append(f"{team}进驻{provs[j].short}。")
            else:
                lines.append(
                    f"{team}组长{self.team_post(lead, team, '组长')}、副组长{self.team_post(dep, team, '副组长')}，"
                    f"进驻{provs[j].short}。"
                )
            self.assign(team, provs[j].name, "进驻督察")
        paras.append(f"{self.md(camp.start)}，各督察组陆续完成进驻。其中，" + "".join(lines))
        paras.append(
            "督察进驻时间约为1个月。进驻期间，各督察组分别设立专门值班电话和邮政信箱，"
            "受理被督察对象生态环境保护方面的来电来信举报。"
        )
        paras.append(
            "本轮督察将坚持问题导向，重点督察习近平生态文明思想贯彻落实情况、"
            "历次督察反馈问题整改情况，以及人民群众身边的突出生态环境问题。"
        )
        return title, paras, None

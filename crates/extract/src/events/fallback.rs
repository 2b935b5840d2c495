//! Argument spans read from the text itself where the entity recognizer found nothing in a trigger's
//! slot: sports teams, small listed companies, bands, transliterated names.
//!
//! For each trigger the noun phrase standing in the slot the argument rules read (the subject right
//! before the trigger, the object right after it, the subject of a money clause before its verb) is
//! taken as a mention when it is shaped like what the slot holds: a person slot takes a surname-led
//! name of two to four chars, a ·-joined or transliterated name or a Latin name, at the end of the
//! phrase (`27岁柴琦岳`); an organisation slot takes a phrase ending in a company or organisation
//! suffix, carrying a stock code (`甲乙集团(01234)`), written in Latin letters, or (after verbs that
//! only take organisations, like `加盟`) any short clean phrase. Beyond the slots next to the verb,
//! the readers know where news puts the other parties: investors before `领投`/`跟投`, the club that
//! announces or signs someone (`甲队官宣：乙加盟`, `甲队签下乙`, `甲队已将乙裁掉`, `与乙解约`), the
//! source of a `从…离职`, the target of `对…的收购`, the employer before a title (`甲电气副总经理及
//! 财务总监乙`), the topic of a headline (`甲科技：乙辞任董事长`), and a title standing for an
//! unnamed holder (`甲银行前行长辞职`, `两高管离职`, `甲队悍将退出`). A phrase overlapping a
//! recognized entity is never read again (unless the recognizer only saw a piece of it), so the
//! recognizer's canonical names win wherever it found something. The synthesized mentions carry the
//! entity kind of their slot; their name is their text.

use super::triggers::{Trigger, TriggerKind};
use crate::ner::lexicon;
use zhnews_model::{Entity, EntityKind};

/// Chars that never stand inside a name phrase: function words, pronouns, copulas.
const STOP_CHARS: &str = "的了在于是被将把已也又还就都并而但从向对由让给到至曾称说这那其他她它我你们着过吗呢吧啊之所与和及或等今昨据更";

/// Adverbs and light verbs between a subject and its predicate (`正式加盟`, `宣布退出`), longest first.
const ADVERBS: &[&str] = &[
    "如愿以偿地",
    "全资",
    "被曝",
    "被传",
    "被爆",
    "曝出",
    "传出",
    "如愿以偿的",
    "因个人原因",
    "因家庭原因",
    "因工作原因",
    "第一次",
    "因伤",
    "因病",
    // Manner and sequence adverbs (`含泪辞职`, `随后集体辞职`).
    "含泪",
    "愤然",
    "黯然",
    "无奈",
    "当场",
    "直接",
    "最终",
    "最后",
    "随即",
    "立即",
    "却",
    "因故",
    "突然",
    "毅然",
    "官方",
    "火速",
    "集体",
    "全部",
    "纷纷",
    "突",
    "相继",
    "先后",
    // Time words between a subject and its verb (`甲公司今日宣布`).
    "今日",
    "今天",
    "昨日",
    "昨天",
    "日前",
    "近日",
    "近期",
    "本周",
    "上周",
    "当天",
    "当日",
    "也",
    "已",
    "再度",
    "宣布正式",
    "正式宣布",
    "宣布将",
    "官宣",
    "宣布",
    "正式",
    "已经",
    "终于",
    "再次",
    "重新",
    "即将",
    "成功",
    "确认",
    "决定",
    "租借",
    "转会",
    "选择",
    "同意",
    "主动",
    "首次",
    "大规模",
    "大幅",
    "继续",
    "计划",
    "拟",
    "将",
    "已",
    "也",
    "又",
    "还",
    "再",
    "均",
    "曾",
    "刚",
    "要",
    "被",
];

/// Words right after a trigger before its object (`加盟了`, `加盟到`, `收购了`).
const OBJECT_LEADS: &[&str] = &["了", "到", "至", "进", "入", "为"];

/// Words that end a descriptor in front of a name (`前锋`, `外援`, `主播`, `董事`).
const DESCRIPTOR_ENDINGS: &[&str] = &[
    "球员", "外援", "国脚", "主播", "教头", "中锋", "前锋", "后卫", "门将", "主帅", "教练", "男星",
    "女星", "歌手", "演员", "艺人", "成员", "队长", "新星", "球星", "选手", "冠军", "董事", "总裁",
    "经理", "主席", "总监", "官", "岁", "人", "长", "代表", "秘书", "监事", "执董", "董秘", "助理",
    "CEO", "CFO", "CTO", "COO", "CMO", "员工", "职员", "手", "哥",
];

/// Suffixes of teams, bands, parties and boards the company list does not hold.
pub(super) const GROUP_SUFFIXES: &[&str] = &[
    "事务所",
    "训练营",
    "剧团",
    "公会",
    "社",
    "队",
    "俱乐部",
    "组合",
    "乐队",
    "乐团",
    "战队",
    "党",
    "董事会",
    "委员会",
    "联盟",
    "中心",
    "平台",
    "工作室",
    "公司",
    "集团",
    "团队",
    "机构",
];

/// Endings of what is quit when it is an activity, an arena or a state rather than a body.
const QUIT_NOT_BODIES: &[&str] = &[
    "比赛", "赛", "赛事", "市场", "舞台", "江湖", "竞争", "竞选", "选举", "大选", "争夺", "角逐",
    "圈", "行业", "领域", "业务", "项目", "计划", "协议", "合作", "谈判", "交易", "群", "群聊",
    "登录", "账号", "程序", "游戏", "直播", "节目", "状态", "模式", "系统", "机制", "页面", "应用",
    "申办", "投资", "持股", "历史", "生活", "视野", "话题", "讨论", "战斗", "战争", "会议", "活动",
    "考试", "学业", "名单",
];

/// Common words ending in a char that also spells foreign names (`宣布` + `朗…`): the char
/// belongs to the word, not to a name glued after it.
const GLUED_VERBS: &[&str] = &[
    "宣布", "发布", "公布", "颁布", "散布", "遍布", "顺利", "胜利", "表达", "到达", "抵达", "传达",
    "下达", "独特", "奇特", "偶尔", "攻克", "来自", "加盟", "签约",
];

/// The kind of argument a slot holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// A person.
    Person,
    /// An organisation with a name-shaped phrase.
    Org,
    /// An organisation after a verb that takes nothing else (`加盟`): any short clean phrase.
    OrgLoose,
    /// A company in a money clause.
    Company,
    /// The subject of a funding, investment, valuation or deal clause (`甲完成B轮融资`): a
    /// company whatever its name, when the phrase is short.
    DealSubject,
    /// The company whose stake or business is sold (`收购甲乙股权`): any short clean phrase.
    StakeHolder,
    /// An investor named before `领投`/`跟投` (`由甲资本领投`): any short clean phrase.
    Investor,
    /// The side that signs or announces a person (`甲签下乙`, `甲官宣乙加盟`): any short clean
    /// phrase, even one shaped like a transliterated name (clubs often are).
    Signer,
    /// The organisation a `从…` phrase names right before a leaving verb (`从甲辞职`): a short
    /// clean phrase that is no post or place in an organisation.
    Source,
}

/// Headline lead-ins before a colon that are no company (`官方：`, `独家：`).
const NOT_TOPICS: &[&str] = &[
    "官方",
    "消息",
    "快讯",
    "独家",
    "重磅",
    "突发",
    "最新",
    "官宣",
    "曝",
    "传",
    "媒体",
    "记者",
    "编者按",
    "注",
    "标题",
    "来源",
    "日讯",
    "专访",
    "观点",
    "评论",
    "事件",
    "新闻",
    "问题",
    "回应",
    "声明",
    "真相",
    "内幕",
];

/// Verbs with which a side announces whom it has signed (`甲队官宣乙加盟`).
const ANNOUNCERS: &[&str] = &[
    "官宣", "宣布", "迎来", "欢迎", "确认", "引进", "找来", "请来", "招来", "签下",
];

/// Mentions read from the text for the slots of `triggers` in `chars[start..end]` that no entity of
/// `known` covers.
pub(crate) fn mentions(
    chars: &[char],
    start: usize,
    end: usize,
    triggers: &[Trigger],
    known: &[Entity],
) -> Vec<Entity> {
    use TriggerKind::*;
    let mut out: Vec<Entity> = Vec::new();
    for t in triggers {
        let word: String = chars[t.start..t.end].iter().collect();
        let mut wanted: Vec<((usize, usize), Slot)> = Vec::new();
        // `乙的加盟`, `乙的辞职`: a move told as a noun has its mover before `的`.
        let possessor = matches!(t.kind, Leave | Quit | Join)
            && t.start > start + 1
            && chars[t.start - 1] == '的'
            && phrase_before(chars, start, t.start).is_none();
        let subject_end = if possessor { t.start - 1 } else { t.start };
        // A phrase never runs into another trigger (`离开甲队加盟乙队`).
        let before = phrase_before(chars, start, subject_end).and_then(|(ps, pe)| {
            let cut = triggers
                .iter()
                .filter(|o| o.end <= pe && o.end > ps)
                .map(|o| o.end)
                .max();
            // `递交辞任董事的辞呈`: what follows another verb is the content of the letter.
            if possessor && cut.is_some() {
                return None;
            }
            let ps = cut.unwrap_or(ps);
            // `甲董事长因丑闻辞职`: a reason between the mover and a talent verb is no name.
            let talent_verb = matches!(t.kind, Leave | Quit | Join);
            let pe = (ps + 2..pe)
                .find(|&i| talent_verb && chars[i] == '因')
                .unwrap_or(pe);
            (ps < pe).then_some((ps, pe))
        });
        let after = phrase_after(chars, end, t.end).and_then(|(ps, pe)| {
            let pe = triggers
                .iter()
                .filter(|o| o.start >= ps && o.start < pe)
                .map(|o| o.start)
                .min()
                .unwrap_or(pe);
            (ps < pe).then_some((ps, pe))
        });
        match t.kind {
            Join | Leave | Quit | Appoint | RoleChange => {
                if let Some(p) = before {
                    wanted.push((p, Slot::Person));
                    let clause = super::sentences::clause_start(chars, p.0, start);
                    // `甲和乙加盟`, `甲、乙先后离职`: each coordinated name.
                    let mut left = p.0;
                    while left > clause + 1 && matches!(chars[left - 1], '和' | '与' | '及' | '、')
                    {
                        let Some(q) = phrase_before(chars, clause, left - 1) else {
                            break;
                        };
                        wanted.push((q, Slot::Person));
                        left = q.0;
                    }
                    // `甲队官宣乙加盟`: the announcing side is what the person joins.
                    if matches!(word.as_str(), "加盟" | "加入" | "回归" | "入职") {
                        // `甲战队官宣：乙加盟`: the announcement may stand before a colon.
                        let clause = if clause > start && matches!(chars[clause - 1], '：' | ':') {
                            super::sentences::clause_start(chars, clause - 1, start)
                        } else {
                            clause
                        };
                        let head: String = chars[clause..t.start].iter().collect();
                        let verb = ANNOUNCERS
                            .iter()
                            .filter_map(|v| head.rfind(v))
                            .max()
                            .map(|b| clause + head[..b].chars().count());
                        // The announcer opens the clause (`甲队在今夏找来了乙加盟`), or stands
                        // right before the verb.
                        if let Some(v) = verb
                            && let Some(q) = phrase_after(chars, v, clause)
                                .filter(|q| q.0 == clause)
                                .and_then(|q| phrase_before(chars, clause, q.1))
                                .or_else(|| phrase_before(chars, clause, v))
                        {
                            wanted.push((q, Slot::Signer));
                        }
                    }
                }
                // `甲科技：乙辞任董事长`: a headline's topic is the company the news is about.
                if matches!(t.kind, Leave | Quit)
                    && let Some(colon) = (start..t.start).find(|&i| matches!(chars[i], '：' | ':'))
                    && let Some(q) = phrase_before(chars, start, colon)
                    && q.0 == start
                {
                    let text: String = chars[q.0..q.1].iter().collect();
                    // A media name, a time (`事件后`) or a subject matter is no company.
                    let media = text
                        .ends_with(['报', '网', '社', '讯', '台', '后', '前', '时', '中'])
                        || NOT_TOPICS.iter().any(|w| text.contains(w));
                    if !media {
                        wanted.push((q, Slot::DealSubject));
                    }
                }
                // `从甲公司离职`.
                if matches!(t.kind, Leave | Quit) {
                    let clause = super::sentences::clause_start(chars, t.start, start);
                    if let Some(from) = (clause..t.start).rev().find(|&i| chars[i] == '从')
                        && let Some(q) = phrase_after(chars, t.start, from + 1)
                        && q.1 == t.start
                    {
                        wanted.push((q, Slot::Source));
                    }
                }
                if let Some(p) = after {
                    // `退出美国队`, `退出某党`: what a person quits is a body unless it names an
                    // activity or an arena (`退出比赛`, `退出市场`).
                    let quits_body = word == "退出" && {
                        let text: String = chars[p.0..p.1].iter().collect();
                        // A distance or a year (`退出100米`) names an event, not a body.
                        !QUIT_NOT_BODIES.iter().any(|w| text.ends_with(w))
                            && !text.chars().any(|c| c.is_ascii_digit())
                    };
                    let slot = if matches!(word.as_str(), "加盟" | "转会" | "转投" | "投奔")
                        || quits_body
                    {
                        Slot::OrgLoose
                    } else {
                        Slot::Org
                    };
                    if matches!(t.kind, Join | Quit)
                        || matches!(word.as_str(), "离开" | "离任" | "出走" | "离队" | "辞去")
                    {
                        wanted.push((p, slot));
                    }
                }
            }
            Fire => {
                // `乙被甲公司解雇`: the person stands before the passive marker.
                let clause = super::sentences::clause_start(chars, t.start, start);
                if let Some(bei) = (clause..t.start)
                    .rev()
                    .find(|&i| matches!(chars[i], '被' | '遭'))
                {
                    if let Some(q) = phrase_before(chars, start, bei) {
                        wanted.push((q, Slot::Person));
                    }
                    if bei + 1 < t.start
                        && let Some(q) = phrase_before(chars, bei + 1, t.start)
                    {
                        wanted.push((q, Slot::Org));
                    }
                } else if let Some(yu) = (clause..t.start)
                    .rev()
                    .find(|&i| matches!(chars[i], '与' | '和'))
                    .filter(|_| word == "解约")
                {
                    // `甲队宣布与乙解约`.
                    if let Some(q) = phrase_before(chars, yu + 1, t.start) {
                        wanted.push((q, Slot::Person));
                    }
                    if let Some(q) = phrase_before(chars, clause, yu) {
                        wanted.push((q, Slot::Signer));
                    }
                } else {
                    if let Some(p) = before {
                        wanted.push((p, Slot::Org));
                    }
                    if let Some(p) = after {
                        wanted.push((p, Slot::Person));
                    }
                }
            }
            Hire => {
                // `甲队签下乙`: the side signing someone is an organisation whatever its name.
                let slot = if matches!(word.as_str(), "签下" | "聘请" | "招揽") {
                    Slot::Signer
                } else if t.kind == Hire {
                    Slot::OrgLoose
                } else {
                    Slot::Org
                };
                if let Some(p) = before {
                    wanted.push((p, slot));
                }
                if let Some(p) = after {
                    wanted.push((p, Slot::Person));
                }
                // `甲队与乙签约`: the partner after `与` is the person when shaped like a name,
                // and the side before it is the club.
                let clause = super::sentences::clause_start(chars, t.start, start);
                if word == "签约"
                    && let Some((ps, pe)) = before
                    && ps > clause + 1
                    && matches!(chars[ps - 1], '与' | '和' | '同')
                    && person_tail(chars, ps, pe).is_some_and(|(s, _)| s == ps)
                    && let Some(q) = phrase_before(chars, clause, ps - 1)
                    && person_tail(chars, q.0, q.1) != Some(q)
                {
                    wanted.push(((ps, pe), Slot::Person));
                    wanted.push((q, Slot::Signer));
                }
            }
            Ipo | Layoff | Funding | Investment | Valuation | Acquire | Sell => {
                if let Some(p) = subject_before(chars, start, t.start) {
                    // Listings and layoffs are told of many non-companies (teams, cities), so
                    // their subjects need a company shape; deal subjects do not.
                    // A listing on a named exchange (`甲在科创板上市`, `甲登陆纳斯达克`) is a company's.
                    let clause = super::sentences::clause_start(chars, t.start, start);
                    let clause_end = super::sentences::clause_end(chars, t.end, end);
                    let on_exchange = t.kind == Ipo && {
                        let text: String = chars[clause..clause_end].iter().collect();
                        super::arguments::names_exchange(&text)
                    };
                    let slot = if matches!(t.kind, Ipo | Layoff) && !on_exchange {
                        Slot::Company
                    } else {
                        Slot::DealSubject
                    };
                    let text: String = chars[p.0..p.1].iter().collect();
                    // `重启港股IPO`: an exchange or a verb is no part of the listed company.
                    let listing_words = t.kind == Ipo
                        && (super::arguments::names_exchange(&text)
                            || ["重启", "启动", "暂停", "终止", "筹备", "冲刺", "申请"]
                                .iter()
                                .any(|v| text.contains(v)));
                    if !listing_words {
                        wanted.push((p, slot));
                    }
                }
                if matches!(t.kind, Acquire | Sell)
                    && let Some(p) = after
                {
                    match stake_holder(chars, p) {
                        Some(holder) => wanted.push((holder, Slot::StakeHolder)),
                        None => wanted.push((p, Slot::DealSubject)),
                    }
                }
                // `甲队裁掉乙`, `甲队已将乙裁掉`: one person let go, by the side before the verb.
                if t.kind == Layoff && word == "裁掉" {
                    let clause = super::sentences::clause_start(chars, t.start, start);
                    let fronted = (clause..t.start)
                        .rev()
                        .find(|&i| matches!(chars[i], '将' | '把'))
                        .and_then(|j| {
                            let person = phrase_before(chars, j + 1, t.start)?;
                            let side = phrase_before(chars, clause, j)?;
                            Some((side, person))
                        });
                    let plain = after.zip(before).map(|(p, b)| (b, p));
                    if let Some((side, person)) = fronted.or(plain)
                        && fit(chars, person.0, person.1, Slot::Person).is_some()
                    {
                        wanted.push((person, Slot::Person));
                        wanted.push((side, Slot::Signer));
                    }
                }
                // `完成对甲的收购`: the target stands between `对` and `的`.
                if t.kind == Acquire {
                    let clause = super::sentences::clause_start(chars, t.start, start);
                    if let Some(dui) = (clause..t.start).rev().find(|&i| chars[i] == '对')
                        && let Some(q) = phrase_after(chars, t.start, dui + 1)
                        && chars.get(q.1) == Some(&'的')
                    {
                        match stake_holder(chars, q) {
                            Some(holder) => wanted.push((holder, Slot::StakeHolder)),
                            None => wanted.push((q, Slot::DealSubject)),
                        }
                    }
                }
            }
            Spend => {}
        }
        if matches!(t.kind, Funding | Investment) {
            for p in investor_phrases(chars, start, end) {
                wanted.push((p, Slot::Investor));
            }
        }
        let talent = matches!(t.kind, Join | Leave | Quit | Appoint | RoleChange);
        for ((ps, pe), slot) in wanted {
            let named_inside = known
                .iter()
                .any(|x| x.kind == EntityKind::Person && x.start >= ps && x.end <= pe);
            let subject = before == Some((ps, pe));
            // Before the verb (`乙被免职`), not its object (`解雇了一名局长`).
            let fronted = pe <= t.start;
            let pieces = match fit(chars, ps, pe, slot) {
                Some(piece) => vec![piece],
                // `甲银行前行长辞职`, `两高管离职`: a title standing for the person; else a
                // description of an unnamed person (`女大学生辞职`, `乙被免职` with 乙 a `校长`).
                None if slot == Slot::Person
                    && !named_inside
                    && (matches!(t.kind, Leave | Quit | Join) && subject || t.kind == Fire) =>
                {
                    // `公司高级管理人员`, `甲队两名球员`: a known employer opening the description
                    // is not part of the person.
                    let employer_end = known
                        .iter()
                        .filter(|x| {
                            matches!(x.kind, EntityKind::Company | EntityKind::Org)
                                && x.start == ps
                                && x.end + 2 <= pe
                        })
                        .map(|x| x.end)
                        .max();
                    // `甲队先后有三名球员退出`: the body that has them, then the people.
                    let has = (ps + 1..pe).rev().find(|&i| chars[i] == '有');
                    let body = has.and_then(|h| {
                        let mut be = h;
                        while let Some(n) = MEMBER_ADVERBS.iter().find_map(|w| {
                            let n = w.chars().count();
                            (be >= ps + n && chars[be - n..be].iter().copied().eq(w.chars()))
                                .then_some(n)
                        }) {
                            be -= n;
                        }
                        fit(chars, ps, be, Slot::Org)
                    });
                    let titled = if matches!(t.kind, Leave | Quit) {
                        title_subject(chars, has.map_or(ps, |h| h + 1), pe)
                    } else {
                        Vec::new()
                    };
                    let from = match (has, employer_end) {
                        (Some(h), _) => h + 1,
                        (None, Some(e)) => e,
                        (None, None) => ps,
                    };
                    let people = if titled.is_empty() {
                        described_person(chars, (from, pe), fronted, t.kind == Join)
                            .into_iter()
                            .collect()
                    } else {
                        titled
                    };
                    if people.is_empty() {
                        people
                    } else {
                        people.into_iter().chain(body).collect()
                    }
                }
                None => continue,
            };
            for (s, e, kind) in pieces {
                let overlaps = |x: &Entity| x.start < e && s < x.end;
                // A person name read inside an organisation phrase (`收购江苏某某股权`) is the
                // recognizer's slip; any other overlap means the recognizer saw the slot.
                // So is a shorter organisation inside a deal party's phrase (`浙大` in `浙大联创`).
                let slip = |x: &Entity| {
                    kind != EntityKind::Person
                        && (x.kind == EntityKind::Person
                            || x.kind == EntityKind::Org
                                && matches!(slot, Slot::Investor | Slot::DealSubject))
                        && x.start >= s
                        && x.end <= e
                        && x.end - x.start < e - s
                };
                if known.iter().any(|x| overlaps(x) && !slip(x)) || out.iter().any(overlaps) {
                    continue;
                }
                let text: String = chars[s..e].iter().collect();
                out.push(Entity {
                    kind,
                    text: text.clone(),
                    start: s,
                    end: e,
                    name: text,
                    owner: None,
                });
            }
        }
        if !talent {
            continue;
        }
        // The mover's employer named before their title (`甲乙电气副总经理丙辞职`).
        let movers: Vec<usize> = known
            .iter()
            .chain(&out)
            .filter(|e| e.kind == EntityKind::Person && e.start >= start && e.end <= t.start)
            .map(|e| e.start)
            .collect();
        for mover in movers {
            let Some((s, e)) = org_before_title(chars, start, mover) else {
                continue;
            };
            let overlaps = |x: &Entity| x.start < e && s < x.end;
            // `甲队主帅乙辞职` read as two people: a name before a title before the mover is
            // the employer, whatever the recognizer called it.
            let misread = |x: &Entity| x.kind == EntityKind::Person && x.start == s && x.end == e;
            if known.iter().any(|x| overlaps(x) && !misread(x)) || out.iter().any(overlaps) {
                continue;
            }
            let text: String = chars[s..e].iter().collect();
            out.push(Entity {
                kind: EntityKind::Company,
                text: text.clone(),
                start: s,
                end: e,
                name: text,
                owner: None,
            });
        }
    }
    out
}

/// The company whose stake or business a phrase names (`甲乙科技股权`, `丙公司100`+`%股权`): the
/// phrase without the stake words, when it had them.
fn stake_holder(chars: &[char], (start, end): (usize, usize)) -> Option<(usize, usize)> {
    let mut e = end;
    while e > start && (chars[e - 1].is_ascii_digit() || chars[e - 1] == '.') {
        e -= 1;
    }
    // `乙公司约57%股权`: the approximation belongs to the share.
    if e < end && e > start + 2 && matches!(chars[e - 1], '约' | '近' | '逾' | '超') {
        e -= 1;
    }
    let rest: String = chars[end..chars.len().min(end + 6)].iter().collect();
    let text: String = chars[start..e].iter().collect();
    let stake_after = e < end && rest.starts_with('%');
    for word in ["控股权", "股权", "股份", "业务", "资产"] {
        if let Some(head) = text.strip_suffix(word) {
            let n = head.chars().count();
            return (n >= 2).then_some((start, start + n));
        }
    }
    (stake_after && e - start >= 2).then_some((start, e))
}

/// Words a position title is made of, as written after the employer (`独立董事`, `副总经理`).
const TITLE_PARTS: &[&str] = &[
    "董事会秘书",
    "创始人",
    "创办人",
    "合伙人",
    "科学家",
    "研究员",
    "工程师",
    "证券事务代表",
    "首席执行官",
    "首席财务官",
    "首席技术官",
    "首席运营官",
    "总经理",
    "董事长",
    "副主席",
    "主教练",
    "负责人",
    "领导人",
    "主持人",
    "董事",
    "总裁",
    "经理",
    "主席",
    "主帅",
    "教练",
    "行长",
    "董秘",
    "监事",
    "会长",
    "总监",
    "CEO",
    "CFO",
    "CTO",
    "COO",
    "财务",
    "技术",
    "运营",
    "执行",
    "非执行",
    "独立",
    "联合",
    "首席",
    "常务",
    "副",
    "总",
    "前",
    "原",
    // A title chain (`创始人兼CEO`).
    "兼",
];

/// Titles that name one office holder and may stand for the person (`行长`, `CEO`, `高管`).
const HEAD_TITLES: &[&str] = &[
    "董事会秘书",
    "首席执行官",
    "首席财务官",
    "首席技术官",
    "首席运营官",
    "董事长",
    "董事",
    "总经理",
    "总裁",
    "行长",
    "董秘",
    "高管",
    "主帅",
    "主教练",
    "CEO",
    "CFO",
    "CTO",
    "COO",
];

/// Roles of players that may stand for them after their team or a count (`甲队悍将退出国家队`).
const PLAYER_TITLES: &[&str] = &[
    "悍将", "国脚", "球员", "主力", "外援", "球星", "队长", "中锋", "前锋", "后卫", "门将",
];

/// A title standing as the subject of a leaving (`甲银行前行长`, `两高管`, `CEO`): the title with its
/// modifiers and count as a person, and the organisation before it when one is named.
fn title_subject(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize, EntityKind)> {
    let text: String = chars[start..end].iter().collect();
    // A player named by role (`甲队悍将`, `三名国脚`) needs the team or a count before it.
    let player = PLAYER_TITLES.iter().find(|h| text.ends_with(*h));
    let Some(head) = HEAD_TITLES.iter().find(|h| text.ends_with(*h)).or(player) else {
        return Vec::new();
    };
    if player.is_some() && text.chars().count() <= head.chars().count() {
        return Vec::new();
    }
    let mut title_start = end - head.chars().count();
    'strip: while title_start > start {
        for part in TITLE_PARTS {
            let n = part.chars().count();
            if title_start >= start + n
                && chars[title_start - n..title_start]
                    .iter()
                    .copied()
                    .eq(part.chars())
            {
                title_start -= n;
                continue 'strip;
            }
        }
        break;
    }
    // `两高管`, `3名董事`: the count belongs to the people.
    let mut q = title_start;
    if q > start && matches!(chars[q - 1], '名' | '位') {
        q -= 1;
    }
    let digits = |c: char| c.is_ascii_digit() || "一两二三四五六七八九十几多".contains(c);
    let mut k = q;
    while k > start && digits(chars[k - 1]) {
        k -= 1;
    }
    if k < q {
        // `又一高管离职`: one unnamed holder is a count, not a person the text tells of.
        if chars[k..q].iter().collect::<String>() == "一" {
            return Vec::new();
        }
        title_start = k;
    }
    // `甲证券一月内两高管辞职`: a time phrase between the organisation and the title is neither.
    let mut org_end = title_start;
    loop {
        let rest: String = chars[start..org_end].iter().collect();
        if let Some(head) = ["内", "来", "间"]
            .iter()
            .find_map(|x| rest.strip_suffix(x))
            .and_then(|h| h.strip_suffix(['月', '年', '周', '日', '天']))
            .map(|h| h.strip_suffix('个').unwrap_or(h))
        {
            let digits = head.chars().rev().take_while(|&c| digits(c)).count();
            if digits > 0 {
                org_end = start + head.chars().count() - digits;
                continue;
            }
        }
        if let Some(head) = [
            "近日", "日前", "近期", "今年", "去年", "本月", "上月", "昨日", "今日",
        ]
        .iter()
        .find_map(|x| rest.strip_suffix(x))
        {
            org_end = start + head.chars().count();
            continue;
        }
        break;
    }
    let rest: String = chars[start..org_end].iter().collect();
    let mut out = Vec::new();
    match rest.chars().count() {
        0 => {}
        2..=10
            if !rest.starts_with(DETERMINERS)
                && !["公司", "集团", "球队", "该公司"].contains(&rest.as_str()) =>
        {
            out.push((start, org_end, EntityKind::Company));
        }
        // `公司董事长`: the generic employer is left to the reference resolver.
        _ if rest.ends_with("公司") || rest.ends_with("集团") => {}
        _ => return Vec::new(),
    }
    out.push((title_start, end, EntityKind::Person));
    out
}

/// Nouns that name a person by what they are (`女大学生`, `游戏开发人员`, `洛阳警察`), longest
/// first where one ends another.
const PERSON_HEADS: &[&str] = &[
    "管理人员",
    "开发人员",
    "工作人员",
    "人员",
    "员工",
    "职工",
    "职员",
    "雇员",
    "球员",
    "队员",
    "演员",
    "程序员",
    "公务员",
    "飞行员",
    "运动员",
    "大学生",
    "研究生",
    "毕业生",
    "实习生",
    "学生",
    "先生",
    "女士",
    "教师",
    "老师",
    "医生",
    "护士",
    "律师",
    "工程师",
    "设计师",
    "分析师",
    "厨师",
    "主持人",
    "记者",
    "编辑",
    "主编",
    "教练",
    "主帅",
    "教头",
    "董事",
    "高管",
    "领导",
    "干部",
    "主管",
    "经理",
    "校长",
    "院长",
    "局长",
    "厅长",
    "处长",
    "科长",
    "县长",
    "市长",
    "镇长",
    "书记",
    "警察",
    "民警",
    "交警",
    "小伙",
    "姑娘",
    "女孩",
    "男孩",
    "小将",
    "老将",
    "球星",
    "国脚",
    "外援",
    "超巨",
    "冠军",
    "选手",
    "歌手",
    "艺人",
    "明星",
    "网红",
    "主播",
    "彩民",
    "店长",
    "总监",
    "总裁",
    "董事长",
    "总经理",
    "主任",
];

/// Adverbs between a body and the `有` that introduces its members (`甲队陆续有…`).
pub(crate) const MEMBER_ADVERBS: &[&str] =
    &["陆续", "先后", "相继", "已", "又", "也", "还", "共", "已经"];

/// Heads that name a mass of staff rather than a person (`员工加入`): no joiner without a name.
const STAFF_HEADS: &[&str] = &["人员", "员工", "职工", "职员", "雇员", "工作人员"];

/// Openers that make a description a crowd or a reference, not someone the news is about
/// (`大批员工离职`, `该员工`).
const CROWD_OPENERS: &[&str] = &[
    "大批",
    "大量",
    "许多",
    "很多",
    "不少",
    "一些",
    "一批",
    "部分",
    "大部分",
    "多数",
    "大多数",
    "众多",
    "所有",
    "全体",
    "其他",
    "其余",
    "有的",
    "有些",
    "不少",
];

/// A description standing as the subject of a move in place of a name (`女大学生`, `公司高级管理
/// 人员`, `21岁小将`, `多名主力球员`): the whole phrase as a person, when it ends with a person noun,
/// is no crowd or reference and is short. A `subject` is no count of one (`又一高管`); `join` leaves
/// out staff nouns (`新员工加入`).
fn described_person(
    chars: &[char],
    (start, end): (usize, usize),
    subject: bool,
    join: bool,
) -> Option<(usize, usize, EntityKind)> {
    let text: String = chars[start..end].iter().collect();
    let n = end - start;
    let head = PERSON_HEADS.iter().find(|h| text.ends_with(*h))?;
    // `又一高管离职`, `一位高管`: one unnamed holder is a count, told of as a trend, not a person.
    let one = text.starts_with('一') || text.starts_with("又一");
    if !(2..=10).contains(&n)
        || one && subject
        || text.starts_with(['该', '这', '那', '其', '本', '各', '每', '此', '某'])
        || CROWD_OPENERS.iter().any(|w| text.starts_with(w))
        || join && (STAFF_HEADS.iter().any(|h| text.ends_with(h)) || n == head.chars().count())
    {
        return None;
    }
    // An object dismissed is one person (`解雇了一名局长`); several (`辞退多名员工`) are job cuts.
    let staff = STAFF_HEADS.iter().any(|h| text.ends_with(h));
    let counted = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || "两二三四五六七八九十几多数".contains(c));
    if !subject && (staff || counted) {
        return None;
    }
    // A Latin word or a stray symbol is no description (`KD`).
    if text.chars().any(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some((start, end, EntityKind::Person))
}

/// Chars that open a reference rather than a name (`该集团`, `其公司`, `多家公司`).
const DETERMINERS: &[char] = &[
    '该', '这', '那', '其', '本', '各', '每', '某', '此', '多', '两', '几',
];

/// The employer right before a title right before `person` (`家家悦独立董事陈某`): the phrase
/// before `person` with its title words stripped from the end, when some were and a name is left.
fn org_before_title(chars: &[char], floor: usize, person: usize) -> Option<(usize, usize)> {
    // The title chain, joins included (`副总经理及财务总监`, `董事、总经理`).
    let ends_title = |p: usize| {
        TITLE_PARTS.iter().find_map(|part| {
            let n = part.chars().count();
            (p >= floor + n && chars[p - n..p].iter().copied().eq(part.chars())).then_some(n)
        })
    };
    let mut end = person;
    let mut stripped = false;
    loop {
        if let Some(n) = ends_title(end) {
            end -= n;
            stripped = true;
        } else if stripped
            && end > floor + 1
            && matches!(chars[end - 1], '及' | '、' | '兼')
            && ends_title(end - 1).is_some()
        {
            end -= 1;
        } else {
            break;
        }
    }
    if !stripped {
        return None;
    }
    let (start, end) = phrase_before(chars, floor, end)?;
    // Only a phrase opening its clause: one glued to a name or after `的` is a field of work
    // (`甲公司模型预训练负责人`, `甲的资深AI负责人`).
    let opens = start == floor
        || super::sentences::breaks_at(chars, start - 1)
        || matches!(
            chars[start - 1],
            '：' | ':' | '”' | '“' | '」' | '】' | '！' | '？'
        );
    if !opens {
        return None;
    }
    // `原甲公司CTO`: the marker of a former employer is no part of its name.
    let mut start = start;
    while end > start + 2 && matches!(chars[start], '原' | '前') {
        start += 1;
    }
    let text: String = chars[start..end].iter().collect();
    let bare_suffix = lexicon::COMPANY_SUFFIXES
        .iter()
        .chain(GROUP_SUFFIXES)
        .any(|x| text == *x);
    // A determiner makes it a reference, not a name (`该公司`); other one-char modifiers open
    // names often enough here (`家家悦`, `大连…`).
    let generic =
        text.starts_with(DETERMINERS) || text.starts_with("公司") || text.starts_with("集团");
    (stripped && (2..=10).contains(&(end - start)) && !bare_suffix && !generic)
        .then_some((start, end))
}

/// Phrases before a deal verb that name the deal, not its company: a round (`第二轮`, `本轮`, `B轮`),
/// or a clause opened by a conjunction (`且第三轮`, `并完成`).
fn deal_word(text: &str) -> bool {
    text.contains('轮')
        // A time phrase (`今年3月`, `上周`), not a name.
        || text.contains('年')
        || text.ends_with(['月', '日', '周'])
        || text.starts_with('第')
        || text.starts_with([
            '且', '并', '而', '又', '还', '本', '该', '此', '其', '这', '那',
        ])
        || text.ends_with("融资")
        // A preposition or light verb, not a name (`伴随5000万元融资的甲`).
        || ["伴随", "随着", "对于", "关于", "完成", "获得", "通过", "此前", "目前"]
            .iter()
            .any(|w| text.starts_with(w))
        || ["投资方", "投资人", "投资者", "投资机构"]
            .iter()
            .any(|w| text.contains(w))
}

/// Listed companies written with their stock code (`星河控股(08123)`, `甲乙科技（600123）`) that no
/// entity of `known` covers: the name before the code, without it.
pub(crate) fn listed(chars: &[char], known: &[Entity]) -> Vec<Entity> {
    let mut out = Vec::new();
    for close in 0..chars.len() {
        if !matches!(chars[close], ')' | '）') {
            continue;
        }
        let Some(open) = stock_code_before(chars, 0, close + 1) else {
            continue;
        };
        let code: String = chars[open + 1..close].iter().collect();
        let digits = [".HK", ".SH", ".SZ", ".hk", ".sh", ".sz"]
            .iter()
            .find_map(|x| code.strip_suffix(x))
            .unwrap_or(&code);
        if !(4..=6).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let floor = (0..open)
            .rev()
            .find(|&i| super::sentences::breaks_at(chars, i))
            .map_or(0, |i| i + 1);
        let Some((mut s, e)) = phrase_before(chars, floor, open) else {
            continue;
        };
        // `乙辞任甲集团(01828)执董`: the name starts after the person and the verb before it.
        if let Some(cut) = known
            .iter()
            .filter(|x| x.end > s && x.end < e && x.start >= s)
            .map(|x| x.end)
            .chain(
                super::triggers::find(chars, s, e, &[])
                    .iter()
                    .filter(|t| t.end < e)
                    .map(|t| t.end),
            )
            .max()
        {
            s = cut;
        }
        let text: String = chars[s..e].iter().collect();
        // A name with its stock code is a name even when it opens with a modifier (`大昌…`).
        let generic = text.starts_with(DETERMINERS);
        if e - s < 2 || e - s > 10 || generic || known.iter().any(|x| x.start < e && s < x.end) {
            continue;
        }
        out.push(Entity {
            kind: EntityKind::Company,
            text: text.clone(),
            start: s,
            end: e,
            name: text,
            owner: None,
        });
    }
    out
}

pub(crate) fn is_phrase_char(c: char) -> bool {
    (lexicon::is_han(c) && !STOP_CHARS.contains(c))
        || c.is_ascii_alphanumeric()
        || lexicon::is_name_dot(c)
        || matches!(c, '-' | '－' | '—' | '&')
}

/// A stock code in brackets ending at `end` (`(01828)`, `（600000）`): its start.
fn stock_code_before(chars: &[char], floor: usize, end: usize) -> Option<usize> {
    if end < floor + 3 || !matches!(chars[end - 1], ')' | '）') {
        return None;
    }
    let mut i = end - 1;
    while i > floor && (chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.') {
        i -= 1;
    }
    (i > floor && matches!(chars[i - 1], '(' | '（') && end - 1 - i >= 4).then(|| i - 1)
}

/// The phrase ending right before `pos` (adverbs skipped), within `[floor, pos)`.
fn phrase_before(chars: &[char], floor: usize, pos: usize) -> Option<(usize, usize)> {
    let mut end = pos;
    'skip: loop {
        for adverb in ADVERBS {
            let n = adverb.chars().count();
            if end >= floor + n && chars[end - n..end].iter().copied().eq(adverb.chars()) {
                // `悍将`, `老将`: 将 ending a noun is no adverb.
                if *adverb == "将"
                    && end >= floor + 2
                    && "悍大主干老小猛名战爱强".contains(chars[end - 2])
                {
                    break 'skip;
                }
                end -= n;
                continue 'skip;
            }
        }
        break;
    }
    // A name's Latin alias in brackets (`巴特勒(Jimmy Butler)加盟`): the name before it.
    if end > floor + 2 && matches!(chars[end - 1], ')' | '）') {
        let open = (floor..end - 1)
            .rev()
            .take(24)
            .find(|&i| matches!(chars[i], '(' | '（'));
        if let Some(open) = open
            && open + 1 < end - 1
            && chars[open + 1..end - 1]
                .iter()
                .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '.' | '-'))
        {
            end = open;
        }
    }
    // A quoted name (`“冰鉴科技”获…`): its inside.
    if end > floor && matches!(chars[end - 1], '”' | '"' | '」' | '』') {
        let open = (floor..end - 1)
            .rev()
            .take(16)
            .find(|&i| matches!(chars[i], '“' | '"' | '「' | '『'))?;
        return (open + 1 < end - 1).then_some((open + 1, end - 1));
    }
    let mut start = end;
    loop {
        if let Some(code) = stock_code_before(chars, floor, start) {
            start = code;
            continue;
        }
        let noun_jiang = start == end
            && start >= floor + 2
            && chars[start - 1] == '将'
            && "悍大主干老小猛名战爱强".contains(chars[start - 2]);
        if start > floor && (is_phrase_char(chars[start - 1]) || noun_jiang) {
            start -= 1;
            continue;
        }
        // A blank inside a Latin name (`Jimmy Butler`).
        if start > floor + 1
            && chars[start - 1] == ' '
            && chars[start - 2].is_ascii_alphabetic()
            && start < end
            && chars[start].is_ascii_alphabetic()
        {
            start -= 1;
            continue;
        }
        break;
    }
    // Time words and sentence adverbs opening the clause are no part of the name (`近日甲集团`).
    'lead: loop {
        for lead in LEADS {
            let n = lead.chars().count();
            if start + n < end && chars[start..start + n].iter().copied().eq(lead.chars()) {
                start += n;
                continue 'lead;
            }
        }
        break;
    }
    // `今年甲队…`: 今 stops a phrase, the rest of the time word is no part of the name.
    if start > floor
        && start + 1 < end
        && matches!(chars[start - 1], '今' | '昨')
        && matches!(chars[start], '年' | '天' | '日')
    {
        start += 1;
    }
    (start < end && end - start <= 16).then_some((start, end))
}

/// True when the clause `[clause, pos)` has a phrase of its own right before the predicate at `pos`
/// that is neither an adverb, a time nor a clause opener (`丙重回了…`, not `，随后加入…`,
/// `，今年8月加入…`): the clause names its own subject, whether recognized or not.
pub(crate) fn has_own_subject(chars: &[char], clause: usize, pos: usize) -> bool {
    const OPENERS: &[&str] = &[
        "随后", "此后", "之后", "后来", "然后", "而后", "并且", "现在", "如今", "目前", "当时",
        "同年", "次年", "当年",
    ];
    let Some((start, end)) = phrase_before(chars, clause, pos) else {
        return false;
    };
    let text: String = chars[start..end].iter().collect();
    let time = text.chars().all(|c| {
        c.is_ascii_digit() || "年月日号底初中旬前后今去明上下本半个一二三四五六七八九十".contains(c)
    });
    let filler = LEADS.contains(&text.as_str())
        || OPENERS.contains(&text.as_str())
        || ADVERBS.contains(&text.as_str());
    !(time || filler) && text.chars().count() >= 2
}

/// Words that open a clause before its subject.
const LEADS: &[&str] = &[
    "近日", "日前", "今日", "昨日", "今天", "昨天", "目前", "此前", "随后", "近期", "同时", "其中",
    "另外", "此外", "而且", "不过", "然而", "最近", "如今", "当天", "当日", "本周", "上周",
];

/// The phrase starting right after `pos` (a `了`/`到` skipped), within `[pos, ceiling)`.
fn phrase_after(chars: &[char], ceiling: usize, pos: usize) -> Option<(usize, usize)> {
    let mut start = pos;
    for lead in OBJECT_LEADS {
        let n = lead.chars().count();
        if start + n <= ceiling && chars[start..start + n].iter().copied().eq(lead.chars()) {
            start += n;
            break;
        }
    }
    if start < ceiling && matches!(chars[start], '“' | '"' | '「' | '『') {
        let close = (start + 1..ceiling.min(start + 18))
            .find(|&i| matches!(chars[i], '”' | '"' | '」' | '』'))?;
        return (start + 1 < close).then_some((start + 1, close));
    }
    let mut end = start;
    while end < ceiling {
        let c = chars[end];
        // `加盟火箭后`: the clause goes on after the object.
        if is_phrase_char(c) && c != '后' {
            end += 1;
        } else if matches!(c, '(' | '（') {
            // A stock code right after the name.
            let close = (end + 1..ceiling.min(end + 10)).find(|&i| matches!(chars[i], ')' | '）'));
            match close {
                Some(k) if stock_code_before(chars, start, k + 1) == Some(end) => end = k + 1,
                _ => break,
            }
        } else if c == ' '
            && end > start
            && chars[end - 1].is_ascii_alphabetic()
            && end + 1 < ceiling
            && chars[end + 1].is_ascii_alphabetic()
        {
            end += 1;
        } else {
            break;
        }
    }
    (start < end && end - start <= 16).then_some((start, end))
}

/// Words after which an investor is named (`由甲领投`, `获乙领投`), cut off the investor phrase.
const INVESTOR_LEADS: &[&str] = &[
    "获得", "获", "由", "此轮", "本轮", "确认", "宣布", "表示", "透露", "称",
];

/// The investor phrases of a sentence: each phrase before `领投`/`跟投`/`参投` and the phrases
/// coordinated with it by `、`/`和`/`及`/`与` (`由甲资本领投，乙创投、丙基金跟投`).
fn investor_phrases(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    const MARKERS: &[&str] = &["领投", "跟投", "参投", "领衔投资", "独家投资"];
    let sentence: String = chars[start..end].iter().collect();
    let mut out = Vec::new();
    for marker in MARKERS {
        for (b, _) in sentence.match_indices(marker) {
            let mut pos = start + sentence[..b].chars().count();
            // `甲、乙等跟投`, `甲共同领投`.
            for filler in ["共同", "联合", "等"] {
                let n = filler.chars().count();
                if pos >= start + n && chars[pos - n..pos].iter().copied().eq(filler.chars()) {
                    pos -= n;
                }
            }
            let clause = super::sentences::clause_start(chars, pos, start);
            let mut right = pos;
            while let Some((ps, pe)) = phrase_before(chars, clause, right) {
                let text: String = chars[ps..pe].iter().collect();
                // `获乙资本领投`: the investor follows the verb.
                let cut = INVESTOR_LEADS
                    .iter()
                    .filter_map(|l| text.rfind(l).map(|i| i + l.len()))
                    .max()
                    .map_or(0, |i| text[..i].chars().count());
                // `由和君资本领投`: after 由 a 和 opens the name, it joins nothing.
                let mut ps = ps;
                if cut == 0
                    && ps > clause + 1
                    && matches!(chars[ps - 1], '和' | '与' | '及')
                    && matches!(chars[ps - 2], '由' | '获')
                {
                    ps -= 1;
                }
                if ps + cut < pe {
                    out.push((ps + cut, pe));
                }
                if cut > 0
                    || ps <= clause + 1
                    || !matches!(chars[ps - 1], '、' | '和' | '及' | '与')
                {
                    break;
                }
                right = ps - 1;
            }
        }
    }
    out
}

/// Light verbs between the subject of a money clause and its trigger.
const DEAL_VERBS: &[&str] = &[
    "完成", "获得", "再获", "宣布", "获", "将", "拟", "已", "正式", "成功", "启动", "进行", "计划",
    "赴", "在", "于", "以", "斥资", "出资", "耗资", "对", "就",
];

/// The subject of a money clause: the phrase opening the clause before its first light verb
/// (`甲已于近日完成B轮融资`, `甲获得乙投资`, `甲宣布裁员`), or right before the trigger.
fn subject_before(chars: &[char], floor: usize, pos: usize) -> Option<(usize, usize)> {
    let clause = super::sentences::clause_start(chars, pos, floor);
    let head: String = chars[clause..pos].iter().collect();
    // `甲：12亿元竞得乙`: a headline's topic before the colon is the subject of a clause that opens
    // with the sum.
    if head.starts_with(|c: char| c.is_ascii_digit())
        && clause > floor
        && matches!(chars[clause - 1], '：' | ':')
    {
        return phrase_before(chars, floor, clause - 1);
    }
    // A sum (`甲24亿元竞得乙`) ends the subject like a light verb does.
    let first_digit = head.find(|c: char| c.is_ascii_digit());
    let first_verb = DEAL_VERBS
        .iter()
        .filter_map(|v| head.find(v))
        .chain(first_digit)
        .filter(|&b| b > 0)
        .min();
    let phrase = match first_verb {
        Some(b) => phrase_before(chars, clause, clause + head[..b].chars().count())?,
        None => phrase_before(chars, clause, pos)?,
    };
    // `甲领投乙`: the raiser is the one after the investor.
    let text: String = chars[phrase.0..phrase.1].iter().collect();
    match text.rfind("领投") {
        Some(i) => {
            let cut = text[..i].chars().count() + 2;
            (phrase.0 + cut + 2 <= phrase.1).then_some((phrase.0 + cut, phrase.1))
        }
        None => Some(phrase),
    }
}

/// The part of the phrase `[start, end)` that fits `slot`, with its entity kind.
fn fit(chars: &[char], start: usize, end: usize, slot: Slot) -> Option<(usize, usize, EntityKind)> {
    let mut start = start;
    if slot != Slot::Person {
        // `储能电池初创公司深蓝动力`: a description ending in 公司 stands before the name itself.
        let phrase: String = chars[start..end].iter().collect();
        // So does one ending in 品牌/平台 (`健康管理品牌甲乙`).
        if let Some((b, n)) = ["公司", "品牌", "平台", "企业", "厂商"]
            .iter()
            .filter_map(|w| phrase.rfind(w).map(|b| (b, w.chars().count())))
            .max()
        {
            let after = phrase[..b].chars().count() + n;
            if start + after + 2 <= end {
                start += after;
            }
        }
        // `原甲公司CTO`: the marker of a former employer is no part of its name.
        while end - start > 2 && matches!(chars[start], '原' | '前') {
            start += 1;
        }
    }
    let mut end = end;
    if matches!(slot, Slot::Org | Slot::OrgLoose) {
        // `退出甲小队只为了…`: the object ends with its group suffix.
        let text: String = chars[start..end].iter().collect();
        if let Some((b, x)) = GROUP_SUFFIXES
            .iter()
            .filter_map(|x| text.rfind(x).map(|b| (b, *x)))
            .max_by_key(|(b, x)| b + x.len())
        {
            let cut = text[..b + x.len()].chars().count();
            if cut > x.chars().count() {
                end = start + cut;
            }
        }
    }
    let text: String = chars[start..end].iter().collect();
    match slot {
        Slot::Person => person_tail(chars, start, end).map(|(s, e)| (s, e, EntityKind::Person)),
        Slot::Org
        | Slot::OrgLoose
        | Slot::Company
        | Slot::DealSubject
        | Slot::StakeHolder
        | Slot::Investor
        | Slot::Signer
        | Slot::Source => {
            let n = end - start;
            if n < 2
                || !matches!(
                    slot,
                    Slot::Company
                        | Slot::DealSubject
                        | Slot::StakeHolder
                        | Slot::Investor
                        | Slot::Signer
                ) && person_tail(chars, start, end) == Some((start, end))
                    // One Latin word in an organisation's slot is a brand (`离开Twitch`).
                    && !(chars[start..end].iter().all(|c| c.is_ascii_alphanumeric())
                        && slot != Slot::Person)
            {
                return None;
            }
            let coded = stock_code_before(chars, start, end).is_some();
            let latin = text.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ')
                && text.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2;
            let suffixed = lexicon::COMPANY_SUFFIXES
                .iter()
                .chain(lexicon::ORG_SUFFIXES)
                .chain(GROUP_SUFFIXES)
                .any(|x| text.ends_with(x) && text.chars().count() > x.chars().count())
                && !lexicon::SUFFIX_WORDS_NOT_NAMES.contains(&text.as_str());
            // Deal parties are often named with a modifier char (`小米`, `新潮传媒`, `和君资本`):
            // only a determiner or a function word makes them generic there.
            let generic = if matches!(
                slot,
                Slot::DealSubject | Slot::Investor | Slot::StakeHolder | Slot::Signer
            ) {
                text.starts_with(DETERMINERS)
                    || text.starts_with(['的', '是', '为', '被', '与', '及'])
            } else {
                lexicon::GENERIC_MODIFIERS
                    .iter()
                    .any(|g| text.starts_with(g) && g.chars().count() == 1)
            };
            // A sum or a count (`45亿元`, `3名`) is no organisation.
            let mut lead = text.chars();
            let counted = lead
                .next()
                .is_some_and(|c| "一两二三四五六七八九十几数多".contains(c))
                && lead
                    .next()
                    .is_some_and(|c| "笔个家名位只支批次项条款".contains(c));
            let numeric = counted
                || text.starts_with(|c: char| c.is_ascii_digit())
                || text.chars().zip(text.chars().skip(1)).any(|(a, b)| {
                    a.is_ascii_digit() && matches!(b, '亿' | '万' | '千' | '元' | '名' | '人' | '%')
                });
            if numeric {
                return None;
            }
            // The subject of a money clause (`甲完成B轮融资`) is a company whatever its name.
            let loose = matches!(slot, Slot::OrgLoose | Slot::Signer) && n <= 8
                || slot == Slot::Source
                    && n <= 6
                    && !text.ends_with(['上', '里', '中', '内', '位'])
                    && !["岗位", "职位", "一线", "公司", "单位", "体制"]
                        .iter()
                        .any(|w| text.ends_with(w))
                || slot == Slot::StakeHolder && n <= 10
                || matches!(slot, Slot::DealSubject | Slot::Investor)
                    && (2..=8).contains(&n)
                    && !deal_word(&text);
            let quoted = start > 0
                && end < chars.len()
                && matches!(chars[start - 1], '“' | '"' | '「' | '『')
                && matches!(chars[end], '”' | '"' | '」' | '』');
            // A position (`转型教练`) or a role word is no organisation.
            let title = lexicon::is_title_before(&text)
                || [
                    "球队",
                    "队伍",
                    "本队",
                    "新队",
                    "母队",
                    "东家",
                    "新东家",
                    "老东家",
                    "公司",
                    "集团",
                    "团队",
                    "平台",
                    "机构",
                    "组织",
                ]
                .contains(&text.as_str());
            // `加盟转型教练`: a post after the verb is what the person becomes, not where.
            let post = !suffixed
                && (HEAD_TITLES.iter().any(|t| text.ends_with(t))
                    || ["教练", "助教", "顾问", "球员"]
                        .iter()
                        .any(|t| text.ends_with(t)));
            if generic || title || post || !(coded || latin || suffixed || loose || quoted) {
                return None;
            }
            let kind = if matches!(
                slot,
                Slot::Company | Slot::DealSubject | Slot::StakeHolder | Slot::Investor
            ) || coded
            {
                EntityKind::Company
            } else {
                EntityKind::Org
            };
            Some((start, end, kind))
        }
    }
}

/// The name at the end of a phrase: a transliterated or dotted name, a Latin name, or a surname and
/// one to three given-name chars after a descriptor (`27岁柴琦岳`, `前锋阿马杜-迪亚洛`).
fn person_tail(chars: &[char], start: usize, end: usize) -> Option<(usize, usize)> {
    let text = &chars[start..end];
    // Latin name (`Ninja`, `Jimmy Butler`).
    if text
        .iter()
        .all(|c| c.is_ascii_alphabetic() || *c == ' ' || *c == '-')
        && text.len() >= 3
        && text[0].is_ascii_uppercase()
    {
        return Some((start, end));
    }
    // A Latin name after a descriptor (`知名主播Shroud`).
    let mut l = end;
    while l > start && (chars[l - 1].is_ascii_alphabetic() || chars[l - 1] == ' ') {
        l -= 1;
    }
    if l > start && end - l >= 3 && chars[l].is_ascii_uppercase() {
        let head: String = chars[start..l].iter().collect();
        if DESCRIPTOR_ENDINGS.iter().any(|d| head.ends_with(d)) {
            return Some((l, end));
        }
    }
    // Transliterated or dotted name at the end: run of translit chars and dots.
    let mut s = end;
    while s > start
        && (lexicon::is_translit(chars[s - 1])
            || lexicon::is_name_dot(chars[s - 1])
            || matches!(chars[s - 1], '-' | '－'))
    {
        s -= 1;
    }
    let run = end - s;
    let head_ok = |from: usize| {
        from == start || {
            let head: String = chars[start..from].iter().collect();
            DESCRIPTOR_ENDINGS.iter().any(|d| head.ends_with(d))
                || head.chars().all(|c| c.is_ascii_digit())
        }
    };
    // A two-char transliteration standing alone (`卡特`).
    if run == 2
        && s == start
        && chars[s..end].iter().all(|&c| lexicon::is_translit(c))
        && chars[s..end].iter().any(|&c| lexicon::is_foreign_only(c))
    {
        return Some((s, end));
    }
    if run >= 3
        && lexicon::is_han(chars[end - 1])
        && (lexicon::is_translit_ending(chars[end - 1]) || run >= 4)
    {
        // Trim to a start the descriptor allows (`前锋阿马杜-迪亚洛`: 锋 is no translit char).
        let mut from = s;
        while from < end - 2 && !head_ok(from) {
            from += 1;
        }
        if head_ok(from) && !lexicon::is_name_dot(chars[from]) {
            return Some((from, end));
        }
        // `聊聊卡列维奇退出…`: a run made only of transliteration chars, one of them never used in
        // Chinese words, is a foreign name whatever verb stands before it.
        // A verb ending in such a char is no part of it (`宣布`, `发布`).
        let glued = s > start && {
            let pair: String = chars[s - 1..=s].iter().collect();
            GLUED_VERBS.contains(&pair.as_str())
        };
        let from = if glued { s + 1 } else { s };
        if end - from >= 3
            && lexicon::is_translit_ending(chars[end - 1])
            && chars[from..end].iter().all(|&c| lexicon::is_translit(c))
            && chars[from..end]
                .iter()
                .any(|&c| lexicon::is_foreign_only(c))
        {
            return Some((from, end));
        }
    }
    // Chinese name: surname + 1..=2 given chars, after a descriptor or alone.
    for len in [3usize, 2, 4] {
        if end < start + len {
            continue;
        }
        let from = end - len;
        if !head_ok(from) {
            continue;
        }
        let name = &chars[from..end];
        let surname_len = if len >= 3 && lexicon::is_compound_surname(name[0], name[1]) {
            2
        } else if matches!(
            lexicon::surname(name[0]),
            Some(lexicon::SurnameClass::Common | lexicon::SurnameClass::Ordinary)
        ) || (len == 3 && lexicon::surname(name[0]).is_some())
        {
            1
        } else {
            continue;
        };
        let given = &name[surname_len..];
        if given.is_empty() || given.len() > 2 {
            continue;
        }
        let weight: Option<f32> = given
            .iter()
            .map(|&c| lexicon::given_weight(c))
            .try_fold(0.0, |acc, w| w.map(|w| acc + w));
        let word: String = name.iter().collect();
        if weight.is_some_and(|w| w >= -(given.len() as f32))
            && !lexicon::is_title_before(&word)
            && !lexicon::is_not_name_ending(name[len - 1])
        {
            return Some((from, end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(EntityKind, String)> {
        let chars: Vec<char> = text.chars().collect();
        let triggers = super::super::triggers::find(&chars, 0, chars.len(), &[]);
        mentions(&chars, 0, chars.len(), &triggers, &[])
            .into_iter()
            .map(|e| (e.kind, e.text))
            .collect()
    }

    fn assert_found(found: &[(EntityKind, String)], kind: EntityKind, text: &str) {
        assert!(
            found.iter().any(|(k, t)| *k == kind && t == text),
            "{kind:?} {text} not in {found:?}"
        );
    }

    #[test]
    fn reads_teams_and_transliterated_names_around_a_join() {
        let found = read("卡西拉斯正式加盟东方龙队");
        assert_found(&found, EntityKind::Person, "卡西拉斯");
        assert_found(&found, EntityKind::Org, "东方龙队");
    }

    #[test]
    fn keeps_the_name_after_a_descriptor() {
        let found = read("24岁后卫周明远加盟远洋");
        assert_found(&found, EntityKind::Person, "周明远");
        assert_found(&found, EntityKind::Org, "远洋");
    }

    #[test]
    fn reads_a_listed_company_with_its_stock_code() {
        let chars: Vec<char> = "近日星河控股（08123）宣布裁员".chars().collect();
        let found = listed(&chars, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].kind, found[0].name.as_str()),
            (EntityKind::Company, "星河控股")
        );
        assert!(listed(&"他(Adam)加盟".chars().collect::<Vec<_>>(), &[]).is_empty());
    }

    #[test]
    fn reads_the_employer_before_a_title() {
        let found = read("远山电气副总经理周明远辞职");
        assert_found(&found, EntityKind::Company, "远山电气");
        assert_found(&found, EntityKind::Person, "周明远");
    }

    #[test]
    fn leaves_common_nouns_and_known_entities_alone() {
        assert!(read("大批员工离职").is_empty());
        assert!(read("他们加入讨论").is_empty());
        let chars: Vec<char> = "王小明加盟东方龙队".chars().collect();
        let known = Entity {
            kind: EntityKind::Person,
            text: "王小明".into(),
            start: 0,
            end: 3,
            name: "王小明".into(),
            owner: None,
        };
        let triggers = super::super::triggers::find(&chars, 0, chars.len(), &[]);
        let found = mentions(&chars, 0, chars.len(), &triggers, &[known]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "东方龙队");
    }
}

//! Talent moves: who leaves, joins, is appointed or dismissed, from and to which company, in what role.
//!
//! The mover is the nearest person before the trigger (coordinated people each get an event); the
//! company left or joined is the trigger's object, the company the person is introduced with
//! (`零一万物联合创始人李先刚`), or the one a `从…`/`被…` phrase names.

use super::*;

/// The subject people of a talent trigger: the nearest person before it in the sentence and those
/// coordinated with them; `接替乙出任` skips the predecessor.
fn subjects<'a>(s: &Sentence<'a>, pos: usize) -> Vec<&'a Entity> {
    let Some(mut person) = s.before(pos, PERSON, s.start) else {
        return Vec::new();
    };
    let between = s.text(person.end, pos);
    if between.contains("接替")
        || between.contains("取代")
        || s.text(person.start.saturating_sub(2).max(s.start), person.start)
            .ends_with("接替")
    {
        let replaced_at = s
            .text(s.start, person.start)
            .rfind("接替")
            .map(|b| s.text(s.start, person.start)[..b].chars().count() + s.start);
        match replaced_at.and_then(|p| s.before(p, PERSON, s.start)) {
            Some(p) => person = p,
            None => return Vec::new(),
        }
    }
    // `甲向董事长乙递交辞呈`: the one addressed is not the mover; the one before `向` is.
    let lead_floor = person
        .start
        .saturating_sub(12)
        .max(s.clause_start(person.start));
    let lead = s.text(lead_floor, person.start);
    if let Some(b) = lead.rfind('向')
        && !lead[..b].ends_with(['方', '面', '转', '意', '倾', '走', '导', '趋', '取', '一'])
    {
        let at = lead_floor + lead[..b].chars().count();
        match s.before(at, PERSON, s.start) {
            Some(p) => person = p,
            None => return Vec::new(),
        }
    }
    // A person followed by `的` is a possessor (`在他的要求下辞职` is someone else's move), unless
    // the trigger names that person's own move as a noun (`李某的离职`, `乙的书面辞职报告`).
    if s.text(person.end, person.end + 1) == "的" && !is_nominal_move(s, person, pos) {
        return Vec::new();
    }
    if !s.may_govern(person, pos) {
        return Vec::new();
    }
    // A person from an earlier clause is no subject of a clause with a name-like subject of its
    // own that the recognizer missed (`甲去了乙队，丙重回了丁队`).
    let clause = s.clause_start(pos);
    if person.end <= clause && crate::events::fallback::has_own_subject(s.chars, clause, pos) {
        return Vec::new();
    }
    // `在甲任内离职`, `在甲手下辞职`: the one whose term or team it was is not the mover.
    let lead = s.text(person.start.saturating_sub(1), person.start);
    let rest = s.text(person.end, pos);
    if matches!(lead.as_str(), "在" | "于")
        && [
            "任内", "任期", "手下", "麾下", "治下", "执政", "时期", "期间",
        ]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        return Vec::new();
    }
    s.coordinated_left(person)
}

/// True when `person` is the possessor of the move named at `pos` (`乙的离职`, `乙的书面辞职报告`,
/// `乙的辞呈`): only `的` and `书面` stand between them.
fn is_nominal_move(s: &Sentence<'_>, person: &Entity, pos: usize) -> bool {
    let between = s.text(person.end, pos);
    matches!(between.as_str(), "的" | "的书面")
}

/// The organisation opening the sentence that announces what follows (`甲队官方宣布，…`): the first
/// organisation, after at most a short lead, followed within a few chars by an announcing word, and
/// before `pos`.
fn opening_announcer<'a>(s: &Sentence<'a>, pos: usize) -> Option<&'a Entity> {
    let org = s
        .entities
        .iter()
        .copied()
        .find(|e| ORG_LIKE.contains(&e.kind) && e.end <= pos)?;
    let lead = s.text(s.clause_start(org.start), org.start);
    let after = s.text(org.end, (org.end + 6).min(pos));
    let announces = ["官宣", "宣布", "官方", "确认"]
        .iter()
        .any(|w| after.contains(w));
    let clause_ends = s.clause_end(org.end) < pos;
    (lead.chars().count() <= 4 && announces && clause_ends).then_some(org)
}

/// Verbs of motion that tell of a join only with an organisation as their object (`来到甲队`).
const MOTION_VERBS: &[&str] = &["来到", "去了", "前往", "返回"];

/// Words between a person and an appointment trigger that make it the person's past, told as
/// background (`此前担任`, `曾在腾讯担任`, `早年历任`), not a move the article reports.
const BIOGRAPHY_MARKERS: &[&str] = &["曾", "此前", "之前", "以前", "早年", "先后", "历任", "当时"];

fn is_biography(between_person_and_trigger: &str) -> bool {
    BIOGRAPHY_MARKERS
        .iter()
        .any(|m| between_person_and_trigger.contains(m))
}

/// Leaving, quitting, joining, appointment and role-change events, one per subject person.
pub(super) fn talent(s: &Sentence<'_>, t: Trigger) -> Vec<Built> {
    use TriggerKind::*;
    let trigger_text = s.text(t.start, t.end);
    let mut out = Vec::new();
    let people = subjects(s, t.start);
    // Coordinated movers (`甲及乙辞任`) are one phrase in the text: each event cites all of it.
    let coordinated = (people.len() > 1).then(|| {
        let first = people.first().map_or(0, |p| p.start);
        let last = people.last().map_or(0, |p| p.end);
        (first, last)
    });
    for person in people.iter().copied() {
        let affiliation = s.affiliation(person);
        let mut args = vec![match coordinated {
            Some((start, end)) => Argument {
                role: Role::Person,
                start,
                end,
            },
            None => arg(Role::Person, person),
        }];
        let detail = match t.kind {
            Leave | Quit => {
                let transitive = matches!(
                    trigger_text.as_str(),
                    "离开"
                        | "辞去"
                        | "辞任"
                        | "请辞"
                        | "卸任"
                        | "离任"
                        | "退出"
                        | "不再担任"
                        | "不再出任"
                        | "不再主持"
                        | "不再负责"
                        | "出走"
                        | "离队"
                );
                let object = if transitive {
                    s.after(t.end, ORG_LIKE, 12)
                } else {
                    None
                };
                // `从甲公司离职`.
                let source = s
                    .before(t.start, ORG_LIKE, s.clause_start(t.start))
                    .filter(|c| {
                        let lead = s.text(c.start.saturating_sub(1), c.start);
                        c.start > person.end && (lead == "从" || lead == "自" || lead == "在")
                    });
                // `甲队陆续有两名球员退出`: the body that has the movers.
                let source = source.or_else(|| {
                    s.before(person.start, ORG_LIKE, s.clause_start(person.start))
                        .filter(|c| {
                            let mut between = s.text(c.end, person.start);
                            while let Some(rest) = crate::events::fallback::MEMBER_ADVERBS
                                .iter()
                                .find_map(|w| between.strip_prefix(w))
                            {
                                between = rest.to_owned();
                            }
                            between == "有"
                        })
                });
                // `退出` needs what is quit (`退出比赛` is no move), unless the clause ends with it
                // (`某某宣布退出！`) or the body is named before it (`从甲组合退出`).
                let ends_clause = t.end >= s.end
                    || crate::events::sentences::is_clause_break(s.chars[t.end])
                    || s.text(t.end, t.end + 1) == " ";
                if t.kind == Quit && object.is_none() && source.is_none() && !ends_clause {
                    continue;
                }
                // `离开公司` where 公司 could not be resolved: the company the person is introduced with.
                let generic_object = s.text(t.end, t.end + 2) == "公司" && affiliation.is_some();
                if trigger_text == "离开" && object.is_none() && source.is_none() && !generic_object
                {
                    // `离开北京`, `离开岗位`: without a company it is not a job move.
                    continue;
                }
                let from = object
                    .or(source)
                    .or(affiliation.filter(|a| !a.former).map(|a| a.company))
                    .or_else(|| s.announcing_company(person.start));
                if let Some(f) = from {
                    args.push(arg(Role::From, f));
                }
                let role = affiliation
                    .filter(|a| Some(a.company.name.as_str()) == from.map(|f| f.name.as_str()))
                    .and_then(|a| a.role);
                if let Some((rs, re)) = role {
                    args.push(Argument {
                        role: Role::Role,
                        start: rs,
                        end: re,
                    });
                }
                EventDetail::TalentMove {
                    action: TalentAction::Leave,
                    person: person.name.clone(),
                    from: from.map(|f| f.name.clone()),
                    to: None,
                    role: role.map(|(a, b)| s.text(a, b)),
                }
            }
            Join => {
                let nominal = is_nominal_move(s, person, t.start);
                let motion = MOTION_VERBS.contains(&trigger_text.as_str());
                let object = if nominal {
                    // `乙的加盟让甲队…`: the side the arrival strengthens.
                    let rest = s.text(t.end, t.end + 6);
                    rest.find(['让', '使', '令', '帮'])
                        .map(|b| t.end + rest[..b].chars().count() + 1)
                        .and_then(|at| s.after(at, ORG_LIKE, 1))
                } else if motion {
                    // `乙来到甲队`, `乙去了甲队效力`: a place-like verb names a move only with an
                    // organisation right after it that ends the clause or is served at.
                    s.after(t.end, ORG_LIKE, 1)
                        .filter(|o| {
                            let rest = s.text(o.end, o.end + 2);
                            o.end >= s.clause_end(o.end)
                                || [
                                    "效力", "担任", "出任", "执教", "任职", "工作", "打球", "报到",
                                ]
                                .contains(&rest.as_str())
                        })
                        .filter(|_| {
                            let between = s.text(person.end, t.start);
                            between.chars().count() <= 8 && !between.contains('的')
                        })
                        // `来到湖南大学看望师生`: coming to a university, a ministry or a town is a
                        // visit; only a firm or a team is joined by arriving.
                        .filter(|o| {
                            o.kind == EntityKind::Company
                                || ["队", "俱乐部", "战队"].iter().any(|x| o.name.ends_with(x))
                        })
                } else {
                    s.after(t.end, ORG_LIKE, 15)
                };
                if motion && object.is_none() {
                    continue;
                }
                // `加入董事会`: the board is the company's, the one the person is introduced
                // with or the one announcing.
                let board = ["董事会", "董事局", "管理层", "监事会"]
                    .iter()
                    .any(|b| s.text(t.end, t.end + 3).starts_with(b));
                let board_of = || {
                    board
                        .then(|| {
                            s.announcing_company(person.start)
                                .or_else(|| affiliation.filter(|a| !a.former).map(|a| a.company))
                        })
                        .flatten()
                };
                let intransitive =
                    matches!(trigger_text.as_str(), "加盟" | "加入" | "回归" | "入职");
                // `甲公司宣布，乙已正式入职。`: with nothing after the verb, the company whose
                // announcement tells of the arrival is the one joined.
                let bare = {
                    let mut e = t.end;
                    if s.text(e, e + 1) == "了" {
                        e += 1;
                    }
                    e >= s.clause_end(e)
                };
                // `甲队官方宣布，乙加盟球队`: a generic object is the side that announces.
                let generic = ["球队", "该队", "本队", "俱乐部", "公司", "该公司", "团队"]
                    .iter()
                    .any(|w| {
                        let rest = s.text(t.end, t.end + 4);
                        let rest = rest.trim_start_matches('了');
                        rest.starts_with(w)
                            && rest[w.len()..]
                                .chars()
                                .next()
                                .is_none_or(|c| !crate::events::fallback::is_phrase_char(c))
                    });
                let Some(to) = object
                    .or_else(board_of)
                    .or_else(|| intransitive.then(|| s.announcer(person)).flatten())
                    .or_else(|| {
                        (intransitive && (bare || generic) && !nominal)
                            .then(|| s.announcing_company(person.start))
                            .flatten()
                    })
                    .or_else(|| {
                        (intransitive && generic)
                            .then(|| opening_announcer(s, person.start))
                            .flatten()
                    })
                else {
                    continue;
                };
                let gap = if to.start > t.end {
                    s.text(t.end, to.start)
                } else {
                    String::new()
                };
                if gap.contains("后") || gap.contains('，') {
                    continue;
                }
                let from = affiliation
                    .filter(|a| a.company.name != to.name)
                    .map(|a| a.company);
                args.push(arg(Role::To, to));
                if let Some(f) = from {
                    args.push(arg(Role::From, f));
                }
                // `加入乙公司，担任CTO` / `加入乙公司出任CTO`: the role at the new company.
                // The role follows the company or, with the company announcing, the verb.
                let role = role_after(s, to.end.max(t.end));
                if let Some((rs, re)) = role {
                    args.push(Argument {
                        role: Role::Role,
                        start: rs,
                        end: re,
                    });
                }
                EventDetail::TalentMove {
                    action: TalentAction::Join,
                    person: person.name.clone(),
                    from: from.map(|f| f.name.clone()),
                    to: Some(to.name.clone()),
                    role: role.map(|(a, b)| s.text(a, b)),
                }
            }
            _ => {
                // Appointments and role changes: `出任字节跳动CTO`, `升任集团总裁`.
                if is_biography(&s.text(person.end.min(t.start), t.start)) {
                    // `曾担任…`, `此前曾在腾讯担任…`: biography, not news.
                    continue;
                }
                let end = s.clause_end(t.end);
                let mut from_pos = t.end;
                if s.text(t.end, t.end + 1) == "为" {
                    from_pos += 1;
                }
                let company = s.after(from_pos, ORG_LIKE, 2);
                let role_start = company.map_or(from_pos, |c| c.end);
                let Some((rs, re)) =
                    title_span(s, role_start, end).or_else(|| title_prefix(s, role_start, end))
                else {
                    continue;
                };
                let to = company.or(affiliation.filter(|a| !a.former).map(|a| a.company));
                if let Some(c) = to {
                    args.push(arg(Role::To, c));
                }
                args.push(Argument {
                    role: Role::Role,
                    start: rs,
                    end: re,
                });
                EventDetail::TalentMove {
                    action: if t.kind == RoleChange {
                        TalentAction::RoleChange
                    } else {
                        TalentAction::Appoint
                    },
                    person: person.name.clone(),
                    from: None,
                    to: to.map(|c| c.name.clone()),
                    role: Some(s.text(rs, re)),
                }
            }
        };
        out.push(Built {
            detail,
            arguments: args,
        });
    }
    out
}

/// A title right at `from` ending before `to` or before a `，`/`、`/`一职` (`担任CTO一职`).
fn title_prefix(s: &Sentence<'_>, from: usize, to: usize) -> Option<(usize, usize)> {
    let text = s.text(from, to);
    for stop in ["一职", "职务", "职位", "、", "并", "及", "，", "的"] {
        if let Some(b) = text.find(stop) {
            let cut = text[..b].chars().count();
            if cut > 0
                && let Some(span) = title_span(s, from, from + cut)
            {
                return Some(span);
            }
        }
    }
    None
}

/// The role given right after a company joined (`，担任CTO`, `出任首席科学家`).
fn role_after(s: &Sentence<'_>, pos: usize) -> Option<(usize, usize)> {
    let mut p = pos;
    if s.text(p, p + 1) == "，" || s.text(p, p + 1) == "," || s.text(p, p + 1) == "并" {
        p += 1;
    }
    for verb in ["担任", "出任", "任"] {
        if s.text(p, p + verb.chars().count()) == verb {
            let from = p + verb.chars().count();
            let end = s.clause_end(from);
            return title_span(s, from, end).or_else(|| title_prefix(s, from, end));
        }
    }
    None
}

/// Dismissal verbs whose passive (`乙被免职`) tells of a dismissal even when no employer is named.
const SUFFERED: &[&str] = &[
    "解雇",
    "开除",
    "辞退",
    "免职",
    "撤职",
    "解聘",
    "双开",
    "炒鱿鱼",
];

/// A dismissal (`甲公司解雇了乙`, `乙被甲公司开除`), kept only when the organisation is known.
pub(super) fn fire(s: &Sentence<'_>, t: Trigger) -> Vec<Built> {
    let head = s.text(
        t.start.saturating_sub(6).max(s.clause_start(t.start)),
        t.start,
    );
    let passive = head.contains('被') || head.contains('遭');
    let (person, actor) = if passive {
        let bei = t.start
            - (head.chars().count()
                - head
                    .chars()
                    .position(|c| c == '被' || c == '遭')
                    .unwrap_or(0));
        let actor = s.before(t.start, ORG_LIKE, bei);
        // `被辞退的前总经理乙`: a relative clause names the person right after it.
        let relative = (s.text(t.end, t.end + 1) == "的")
            .then(|| {
                // Only the person's description stands between (`前副总裁及子公司前总经理`).
                s.after(t.end + 1, PERSON, 16).filter(|p| {
                    s.chars[t.end + 1..p.start].iter().all(|&c| {
                        crate::events::fallback::is_phrase_char(c) || matches!(c, '、' | '及')
                    })
                })
            })
            .flatten();
        let person = relative.or_else(|| s.before(bei, PERSON, s.start));
        let actor = actor.or_else(|| {
            relative
                .is_some()
                .then(|| s.announcing_company(bei))
                .flatten()
        });
        (person, actor)
    } else {
        // `甲公司解雇了乙` / `甲公司已将乙裁掉`.
        // `甲队宣布与乙解约`: the person stands after `与`.
        let with = (s.text(t.start, t.end) == "解约")
            .then(|| {
                let head = s.text(s.clause_start(t.start), t.start);
                let yu = head.rfind(['与', '和'])?;
                let at = s.clause_start(t.start) + head[..yu].chars().count() + 1;
                s.after(at, PERSON, 12).filter(|p| p.end <= t.start)
            })
            .flatten();
        // `辞退甲公司非洲区负责人、副总裁乙`: a long title phrase may stand between.
        let titled = || {
            let end = s.clause_end(t.end);
            let all: Vec<&Entity> = s.entities.clone();
            s.entities.iter().copied().find(|e| {
                e.kind == EntityKind::Person && e.start >= t.end && e.end <= end && {
                    let phrase =
                        crate::events::spans::person_start(s.chars, t.end, (e.start, e.end), &all);
                    // What stands between the verb and the phrase is part of the description.
                    phrase <= t.end + 12
                        && s.chars[t.end..phrase]
                            .iter()
                            .all(|&c| crate::events::fallback::is_phrase_char(c) || c == '、')
                }
            })
        };
        let person = with
            .or_else(|| s.after(t.end, PERSON, 8))
            .or_else(titled)
            .or_else(|| {
                let jiang = s.text(s.clause_start(t.start), t.start).rfind('将')?;
                let at = s.clause_start(t.start)
                    + s.text(s.clause_start(t.start), t.start)[..jiang]
                        .chars()
                        .count()
                    + 1;
                s.after(at, PERSON, 8).filter(|p| p.end <= t.start)
            });
        let actor = person.and_then(|p| s.before(p.start.min(t.start), ORG_LIKE, s.start));
        (person, actor)
    };
    let Some(person) = person else {
        return Vec::new();
    };
    let word = s.text(t.start, t.end);
    // `双开` is a dismissal only as something suffered (`被双开`; `双开门` is a fridge).
    if word == "双开" && !passive {
        return Vec::new();
    }
    let from = actor.or(s
        .affiliation(person)
        .filter(|a| !a.former)
        .map(|a| a.company));
    // Without the organisation that dismisses, `罢免某人` is as often politics as employment; a
    // person who suffers it (`乙被免职`, `乙遭开除`) was dismissed by someone all the same.
    if from.is_none()
        && !(passive && SUFFERED.contains(&word.as_str()) && s.may_govern(person, t.start))
    {
        return Vec::new();
    }
    let mut args = vec![arg(Role::Person, person)];
    if let Some(f) = from {
        args.push(arg(Role::From, f));
    }
    vec![Built {
        detail: EventDetail::TalentMove {
            action: TalentAction::Leave,
            person: person.name.clone(),
            from: from.map(|f| f.name.clone()),
            to: None,
            role: None,
        },
        arguments: args,
    }]
}

/// A company taking a person on (`甲队签下乙`): a join seen from the company's side.
pub(super) fn hire(s: &Sentence<'_>, t: Trigger) -> Option<Built> {
    // `签约美籍华裔球员乙`: the person signed ends the noun phrase after the verb; a mention inside
    // the description before it is part of the description.
    let first = s.after(t.end, PERSON, 12);
    let person = first
        .map(|f| {
            s.entities
                .iter()
                .copied()
                .filter(|e| {
                    e.kind == EntityKind::Person
                        && e.start >= f.end
                        && e.start - f.end <= 6
                        && s.chars[f.end..e.start]
                            .iter()
                            .all(|&c| crate::events::fallback::is_phrase_char(c))
                })
                .max_by_key(|e| e.end)
                .unwrap_or(f)
        })
        .or_else(|| s.before(t.start, PERSON, s.clause_start(t.start)))?;
    // The hiring side stands before the verb (`甲队签下乙`); an organisation after it is the person's
    // description (`签下前某大学中锋乙`).
    // A side named in an earlier clause signs only if no clause since opened with another person
    // (`甲队选了乙，丙去了丁队，签下戊`: 甲队 is not the one signing 戊) and it is no part of a
    // person's description (`签下前某大学中锋乙，签下丙`).
    let clause = s.clause_start(t.start);
    let blocked = |c: &Entity| {
        s.entities.iter().any(|e| {
            let subject = s.text(s.clause_start(e.start), e.start).chars().count() <= 2;
            let described = e.start >= c.end
                && e.start - c.end <= 8
                && s.chars[c.end..e.start]
                    .iter()
                    .all(|&ch| crate::events::fallback::is_phrase_char(ch));
            e.kind == EntityKind::Person
                && e.start >= c.end
                && e.end <= clause
                && (subject || described)
        })
    };
    let company = s
        .before(t.start, ORG_LIKE, s.start)
        .filter(|c| c.end <= t.start && s.may_govern(c, t.start))
        .filter(|c| c.end > clause || !blocked(c))?;
    let mut args = vec![arg(Role::Person, person), arg(Role::To, company)];
    let role = role_after(s, person.end);
    if let Some((rs, re)) = role {
        args.push(Argument {
            role: Role::Role,
            start: rs,
            end: re,
        });
    }
    Some(Built {
        detail: EventDetail::TalentMove {
            action: TalentAction::Join,
            person: person.name.clone(),
            from: None,
            to: Some(company.name.clone()),
            role: role.map(|(a, b)| s.text(a, b)),
        },
        arguments: args,
    })
}

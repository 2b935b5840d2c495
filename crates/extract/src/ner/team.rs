//! Sports teams outside the dictionary: a place's team (`上海队`, `西班牙男篮`), a club written
//! with its sport and 俱乐部 after a firm or club name (`恒大足球俱乐部`), and club nicknames that
//! are ordinary words (`火箭` rocket, `热火` zeal, `雷霆` thunder), read as clubs only where the
//! text is about sport.
//!
//! The boundary: the dictionary (`config/dict/orgs.txt`) holds the clubs whose names are safe
//! anywhere (湖人, 皇马, 国足); this module adds what needs grammar or context. Teams are
//! organisations ([`EntityKind::Org`]), never firms.

use super::doc::Doc;
use super::{Candidate, priority};
use crate::segment::jieba;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;
use zhnews_model::EntityKind;

/// Words that, after a place, name its team (`新疆队`, `日本女排`).
const TEAM_WORDS: &[&str] = &[
    "队",
    "男篮",
    "女篮",
    "男足",
    "女足",
    "男排",
    "女排",
    "国家队",
    "国奥队",
    "青年队",
];

/// Sport words written between a club's name and 俱乐部 (`恒大足球俱乐部`).
const CLUB_SPORTS: &[&str] = &["足球", "篮球", "排球", "电竞", "冰球", "棒球", "乒乓球"];

/// Club nicknames that are ordinary words, with the canonical name of the club in
/// `config/dict/orgs.txt`. Only NBA and Chinese clubs reported under their nickname alone.
pub(crate) const GATED_NICKNAMES: &[(&str, &str)] = &[
    ("火箭", "休斯顿火箭队"),
    ("勇士", "金州勇士队"),
    ("太阳", "菲尼克斯太阳队"),
    ("热火", "迈阿密热火队"),
    ("雷霆", "俄克拉荷马城雷霆队"),
    ("骑士", "克利夫兰骑士队"),
    ("公牛", "芝加哥公牛队"),
    ("魔术", "奥兰多魔术队"),
    ("国王", "萨克拉门托国王队"),
    ("开拓者", "波特兰开拓者队"),
    ("老鹰", "亚特兰大老鹰队"),
    ("黄蜂", "夏洛特黄蜂队"),
    ("活塞", "底特律活塞队"),
    ("步行者", "印第安纳步行者队"),
    ("奇才", "华盛顿奇才队"),
    ("掘金", "丹佛掘金队"),
    ("灰熊", "孟菲斯灰熊队"),
    ("鹈鹕", "新奥尔良鹈鹕队"),
    ("爵士", "犹他爵士队"),
    ("独行侠", "达拉斯独行侠队"),
    ("76人", "费城76人队"),
    ("国安", "北京国安"),
    ("上港", "上海上港"),
    ("泰达", "天津泰达"),
    ("亚泰", "长春亚泰"),
];

/// Words that make a text one about team sport, so a nickname in it is a club.
const SPORT_CUES: &[&str] = &[
    "NBA",
    "CBA",
    "中超",
    "球队",
    "球员",
    "球迷",
    "季后赛",
    "常规赛",
    "总决赛",
    "总冠军",
    "主场",
    "客场",
    "篮板",
    "助攻",
    "控卫",
    "中锋",
    "前锋",
    "后卫",
    "主帅",
    "主教练",
    "选秀",
    "新赛季",
    "上赛季",
    "本赛季",
    "转会",
    "交易流言",
    "自由球员",
    "湖人",
    "快船",
    "凯尔特人",
    "猛龙",
    "篮网",
    "马刺",
];

/// Words right before a nickname that make it a club there (`加盟火箭`, `击败雷霆`).
const CLUB_VERBS_BEFORE: &[&str] = &[
    "加盟",
    "效力",
    "效力于",
    "投奔",
    "转投",
    "离开",
    "击败",
    "战胜",
    "负于",
    "输给",
    "迎战",
    "对阵",
    "做客",
    "客场",
    "主场",
];

/// Words right after a nickname that make it a club there (`火箭管理层`, `雷霆主帅`).
const CLUB_WORDS_AFTER: &[&str] = &[
    "管理层",
    "老板",
    "主帅",
    "主教练",
    "球员",
    "球迷",
    "主场",
    "队史",
    "队内",
    "阵容",
    "前锋",
    "后卫",
    "中锋",
    "控卫",
];

struct Tables {
    nicknames: AhoCorasick,
    cues: AhoCorasick,
}

static TABLES: LazyLock<Option<Tables>> = LazyLock::new(|| {
    let nicknames = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(GATED_NICKNAMES.iter().map(|(nickname, _)| nickname))
        .ok()?;
    let cues = AhoCorasick::new(SPORT_CUES).ok()?;
    Some(Tables { nicknames, cues })
});

/// Adds team candidates of `doc` to `out`.
pub(crate) fn candidates(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    place_teams(doc, out);
    nicknames(doc, out);
}

/// `上海队` (one jieba token), `西班牙 男篮` (two): a place followed by a team word.
fn place_teams(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    for (index, token) in doc.tokens.iter().enumerate() {
        // Most tokens end in none of the team words' last chars: answer those first.
        if !token.word.ends_with(['队', '篮', '足', '排']) {
            continue;
        }
        if let Some(team) = TEAM_WORDS
            .iter()
            .filter(|w| token.word.ends_with(**w) && token.word.len() > w.len())
            .max_by_key(|w| w.len())
        {
            let place = &token.word[..token.word.len() - team.len()];
            if is_place(place) {
                out.push(Candidate::unnamed(
                    token.start,
                    token.end,
                    EntityKind::Org,
                    priority::ORG_SUFFIX,
                ));
            }
            continue;
        }
        if TEAM_WORDS.contains(&token.word)
            && let Some(place) = index.checked_sub(1).map(|i| &doc.tokens[i])
            && place.tag == "ns"
            && place.end - place.start >= 2
        {
            out.push(Candidate::unnamed(
                place.start,
                token.end,
                EntityKind::Org,
                priority::ORG_SUFFIX,
            ));
        }
    }
}

/// Whether jieba reads `word` as one place name of 2+ chars.
fn is_place(word: &str) -> bool {
    if word.chars().count() < 2 {
        return false;
    }
    let tags = jieba().tag(word, false);
    tags.len() == 1 && tags[0].tag == "ns"
}

/// Club nicknames that are ordinary words, where the text is about sport or the words around
/// the nickname say it is a club.
fn nicknames(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let Some(tables) = TABLES.as_ref() else {
        return;
    };
    let mut sport_text: Option<bool> = None;
    for found in tables.nicknames.find_iter(doc.text) {
        let start = doc.char_of_byte(found.start());
        let end = doc.char_of_byte(found.end());
        if !(doc.is_boundary(start) && doc.is_boundary(end)) {
            continue;
        }
        let before = doc.token_ending_at(start).map(|t| t.word).unwrap_or("");
        let after = doc.token_at(end).map(|t| t.word).unwrap_or("");
        let local = CLUB_VERBS_BEFORE.contains(&before) || CLUB_WORDS_AFTER.contains(&after);
        if !local && !*sport_text.get_or_insert_with(|| tables.cues.is_match(doc.text)) {
            continue;
        }
        let (_, club) = GATED_NICKNAMES[found.pattern().as_usize()];
        out.push(Candidate {
            start,
            end,
            kind: EntityKind::Org,
            name: Some(club.to_owned()),
            owner: None,
            priority: priority::DICT_SHORT,
        });
    }
}

/// `恒大足球俱乐部`, `甲乙足球俱乐部`, `苏宁队`: a firm or club followed by its sport and
/// 俱乐部, or by 队, is the club. A firm so extended becomes an organisation named by its text;
/// a club keeps its canonical name.
pub(crate) fn extend_clubs(doc: &Doc<'_>, accepted: &mut [Candidate]) {
    for candidate in accepted.iter_mut() {
        if !matches!(candidate.kind, EntityKind::Company | EntityKind::Org) {
            continue;
        }
        let Some(next) = doc.token_at(candidate.end) else {
            continue;
        };
        let end = if next.word == "俱乐部" || next.word == "队" {
            next.end
        } else if CLUB_SPORTS.contains(&next.word)
            && let Some(club) = doc.token_at(next.end)
            && matches!(club.word, "俱乐部" | "队")
        {
            club.end
        } else {
            continue;
        };
        candidate.end = end;
        if candidate.kind == EntityKind::Company {
            candidate.kind = EntityKind::Org;
            candidate.name = None;
        }
    }
}

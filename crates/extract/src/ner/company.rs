//! Companies and organisations outside the dictionary: brand + suffix (`星展银行`, `衔远科技`), full
//! legal names (`北京月之暗面科技有限公司`) and their `（以下简称“X”）` short forms, Latin brands next
//! to company cues (`Anthropic公司`, `MiniMax融资`), and organisations by suffix (`XX大学`).

use super::doc::{Doc, Token};
use super::lexicon;
use super::{Candidate, priority};
use crate::segment::jieba;
use zhnews_model::EntityKind;

/// Suffixes that make a company given any plausible brand, even a common word (`城市`); the others
/// (`公司`, `资本`, `科技`…) also end generic phrases (`背景公司`, `大量资本`) and need a name-like brand.
const STRONG_SUFFIXES: &[&str] = &[
    "集团",
    "控股",
    "股份",
    "证券",
    "创投",
    "信托",
    "影业",
    "地产",
    "置业",
    "药业",
    "制药",
    "珠宝",
    "乳业",
    "酒业",
    "工作室",
];

/// Words after a Latin brand that mark it as a company.
const LATIN_COMPANY_CUES_AFTER: &[&str] = &[
    "融资",
    "估值",
    "创始人",
    "联合创始人",
    "CEO",
    "首席执行官",
    "旗下",
    "母公司",
    "上市",
    "市值",
    "股价",
    "董事长",
    "总裁",
    "收购",
    "宣布",
];

/// Further words after a common-word brand + weak suffix that mark it as a company: what firms do
/// (`完成`…融资, `发布`) and the first word of a title (`首席`科学家).
const COMMON_BRAND_CUES_AFTER: &[&str] = &[
    "完成",
    "获得",
    "获",
    "发布",
    "推出",
    "首席",
    "联合创始人",
    "副总裁",
    "高管",
];

/// Words before a Latin brand that mark it as a company.
const LATIN_COMPANY_CUES_BEFORE: &[&str] = &[
    "收购",
    "投资",
    "入股",
    "竞争对手",
    "母公司",
    "子公司",
    "开发商",
    "发行商",
    "厂商",
    "制造商",
    "供应商",
    "运营商",
    "服务商",
    "初创公司",
    "创业公司",
    "独角兽",
    "科技公司",
    "游戏公司",
];

/// Role nouns right before a name that make it a firm (`芯片制造商台积电`, `初创公司澜图`).
const FIRM_ROLES_BEFORE: &[&str] = &[
    "开发商",
    "发行商",
    "厂商",
    "制造商",
    "供应商",
    "运营商",
    "服务商",
    "初创公司",
    "创业公司",
    "独角兽",
    "子公司",
    "母公司",
    "竞争对手",
];

/// Adds company and org candidates of `doc` to `out`.
pub(crate) fn candidates(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    for index in 0..doc.tokens.len() {
        suffixed_at(doc, index, out);
        latin_brand_at(doc, index, out);
    }
}

/// The longest company or org suffix ending `word`, with its kind.
fn suffix_of(word: &str) -> Option<(&'static str, EntityKind)> {
    // Most tokens end in a char no suffix ends in: answer those without scanning the lists.
    let last = word.chars().next_back()?;
    if !lexicon::is_suffix_last_char(last) {
        return None;
    }
    let company = lexicon::COMPANY_SUFFIXES
        .iter()
        .filter(|s| word.ends_with(**s))
        .max_by_key(|s| s.len());
    let org = lexicon::ORG_SUFFIXES
        .iter()
        .filter(|s| word.ends_with(**s))
        .max_by_key(|s| s.len());
    match (company, org) {
        (Some(c), Some(o)) if o.len() > c.len() => Some((o, EntityKind::Org)),
        (Some(c), _) => Some((c, EntityKind::Company)),
        (None, Some(o)) => Some((o, EntityKind::Org)),
        (None, None) => None,
    }
}

/// How a token may serve inside a brand.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BrandToken {
    /// Not a name part: the brand stops before it.
    Stop,
    /// A common word (`国际`, `城市`): allowed, but not the brand's only evidence.
    Common,
    /// A name-like token: unknown to jieba, a proper noun tag, or Latin.
    Strong,
    /// A place name: may lead a brand (`北京银行`, `重庆国际信托`).
    Place,
}

/// Words that end a brand even inside a legal name (`该有限公司`).
const DETERMINERS: &[&str] = &[
    "该", "这", "那", "其", "本", "各", "每", "某", "此", "一家", "这家", "那家", "该家", "多家",
    "两家", "几家", "每家", "一些", "这些", "那些", "多个", "上述", "以上", "被", "为", "是", "的",
    "和", "与", "及", "旗下", "下属",
];

fn classify(token: &Token<'_>, legal: bool) -> BrandToken {
    let word = token.word;
    if word
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '&')
    {
        return if word.chars().any(|c| c.is_ascii_alphabetic()) || word.len() >= 3 {
            BrandToken::Strong
        } else {
            BrandToken::Stop
        };
    }
    if !word.chars().all(lexicon::is_han) || lexicon::is_name_stop_word(word) {
        return BrandToken::Stop;
    }
    if legal && lexicon::is_generic_modifier(word) && !DETERMINERS.contains(&word) {
        return BrandToken::Common;
    }
    if lexicon::is_generic_modifier(word)
        || lexicon::is_title_before(word)
        || lexicon::is_verb_after(word)
    {
        return BrandToken::Stop;
    }
    if !jieba().has_word(word) {
        return BrandToken::Strong;
    }
    match token.tag {
        "ns" => BrandToken::Place,
        "nz" | "nr" | "nrt" | "nrfg" | "nt" | "j" | "eng" => BrandToken::Strong,
        "n" | "ng" | "nl" | "an" | "vn" | "a" | "l" | "g" | "b" | "s" => BrandToken::Common,
        _ => BrandToken::Stop,
    }
}

fn suffixed_at(doc: &Doc<'_>, index: usize, out: &mut Vec<Candidate>) {
    let token = &doc.tokens[index];
    let Some((suffix, kind)) = suffix_of(token.word) else {
        return;
    };
    if lexicon::SUFFIX_WORDS_NOT_NAMES.contains(&token.word) {
        return;
    }
    // `阿里投资了…`, `腾讯控股过…`: a verb-like suffix followed by an aspect particle is the verb.
    if token.word == suffix
        && VERB_LIKE_SUFFIXES.contains(&suffix)
        && doc
            .tokens
            .get(index + 1)
            .is_some_and(|next| matches!(next.word, "了" | "过" | "着"))
    {
        return;
    }
    let legal = lexicon::LEGAL_SUFFIXES.contains(&suffix);
    let strong_suffix = legal || STRONG_SUFFIXES.contains(&suffix) || kind == EntityKind::Org;
    let suffix_len = suffix.chars().count();
    let token_len = token.end - token.start;
    // Brand chars inside the suffix's own token (`招商银行` is one token).
    let inner = token_len - suffix_len;
    let mut brand_len = inner;
    let inner_text: String = token.word.chars().take(inner).collect();
    let inner_generic =
        lexicon::is_generic_modifier(&inner_text) || lexicon::is_name_stop_word(&inner_text);
    // `科技有限公司` is one token: a generic inner part is fine before a legal form.
    if inner > 0 && inner_generic && !legal {
        return;
    }
    // The brand inside the token counts as a name only if jieba does not know it as a common word
    // (`星展银行` yes, `艺术网` no).
    let mut strong = inner > 0 && !inner_generic && {
        let tags = jieba().tag(&inner_text, false);
        tags.len() != 1 || {
            let inner_token = Token {
                word: tags[0].word,
                tag: tags[0].tag,
                start: 0,
                end: inner,
            };
            matches!(
                classify(&inner_token, legal),
                BrandToken::Strong | BrandToken::Place
            )
        }
    };
    let max_brand = if legal { 20 } else { 6 };
    let mut start = token.start;
    let mut places = 0;
    let mut j = index;
    while j > 0 {
        let prev = &doc.tokens[j - 1];
        let len = prev.end - prev.start;
        if brand_len + len > max_brand {
            break;
        }
        let class = classify(prev, legal);
        // `大模型应用公司月影智能科技有限公司`: the description before a legal name is no part of it.
        if class == BrandToken::Stop || prev.word == "公司" {
            break;
        }
        // A Latin word is a brand only right before the suffix (`FALCOM公司`, not `AI应用层公司`).
        let latin = prev.word.is_ascii();
        if latin && !legal && (j != index || inner > 0) {
            break;
        }
        // A suffix word inside the brand (`科技` before `公司`) makes a generic phrase unless legal.
        if !legal && suffix_of(prev.word).is_some_and(|(s, _)| s == prev.word) {
            break;
        }
        // Past two chars only a place (`重庆国际信托`) or a name token before common words
        // (`雷曼兄弟公司`) extends the brand.
        if !legal
            && brand_len >= 2
            && class != BrandToken::Place
            && (strong || class != BrandToken::Strong)
        {
            break;
        }
        if class == BrandToken::Place {
            places += 1;
            if !legal && places > 1 {
                break;
            }
        }
        if class == BrandToken::Strong {
            strong = true;
        }
        brand_len += len;
        start = prev.start;
        j -= 1;
    }
    if brand_len == 0 {
        return;
    }
    // `原云岚机器人CTO` (jieba keeps `原云岚` whole): a former-employer marker opening the brand's
    // first token is no part of the name.
    let first = doc.tokens[j].word;
    if brand_len > 2 && first.chars().count() > 1 && first.starts_with(['原', '前']) {
        start += 1;
        brand_len -= 1;
    }
    // The brand must carry a name: a strong token, or a place/common word before a strong suffix.
    // A bank needs a name or a place (`北京银行`), not a common word (`发卡银行`).
    let bank = suffix == "银行" && places > 0;
    // A common word before a weak suffix (`星河科技`) is a company only when what follows says so
    // (`星河科技宣布`, `星河科技首席科学家`); alone it is as often a phrase (`信息科技`).
    let cue_after = doc.tokens.get(index + 1).is_some_and(|next| {
        LATIN_COMPANY_CUES_AFTER.contains(&next.word)
            || COMMON_BRAND_CUES_AFTER.contains(&next.word)
            || lexicon::is_title_before(next.word)
    });
    let named_by_context = cue_after && brand_len == 2 && inner == 0;
    if !strong && !strong_suffix && !bank && !named_by_context {
        return;
    }
    if brand_len < 2 && !legal {
        return;
    }
    let priority = if legal {
        priority::LEGAL
    } else if kind == EntityKind::Org {
        priority::ORG_SUFFIX
    } else {
        priority::COMPANY_SUFFIX
    };
    out.push(Candidate {
        start,
        end: token.end,
        kind,
        name: None,
        owner: None,
        priority,
    });
}

fn latin_brand_at(doc: &Doc<'_>, index: usize, out: &mut Vec<Candidate>) {
    let token = &doc.tokens[index];
    if token.tag != "eng" || token.end - token.start < 2 {
        chinese_brand_after_role(doc, index, out);
        return;
    }
    let word = token.word;
    let upper = word.chars().filter(|c| c.is_ascii_uppercase()).count();
    // Brand-like casing: all caps (CAPCOM) or inner capitals (OpenAI, MiniMax).
    let brand_cased = upper >= 2 || (upper == 1 && word.len() >= 4);
    if !brand_cased {
        return;
    }
    let before = index
        .checked_sub(1)
        .map(|i| doc.tokens[i].word)
        .unwrap_or("");
    let after = doc.tokens.get(index + 1).map(|t| t.word).unwrap_or("");
    if LATIN_COMPANY_CUES_AFTER.contains(&after) || LATIN_COMPANY_CUES_BEFORE.contains(&before) {
        out.push(Candidate {
            start: token.start,
            end: token.end,
            kind: EntityKind::Company,
            name: None,
            owner: None,
            priority: priority::LATIN_BRAND,
        });
    }
}

/// A Chinese name-like token right after a firm role noun: `芯片制造商澜图` → company 澜图.
fn chinese_brand_after_role(doc: &Doc<'_>, index: usize, out: &mut Vec<Candidate>) {
    let token = &doc.tokens[index];
    let len = token.end - token.start;
    let Some(before) = index.checked_sub(1).map(|i| &doc.tokens[i]) else {
        return;
    };
    if !(2..=6).contains(&len)
        || !FIRM_ROLES_BEFORE.contains(&before.word)
        || classify(token, false) != BrandToken::Strong
    {
        return;
    }
    out.push(Candidate {
        start: token.start,
        end: token.end,
        kind: EntityKind::Company,
        name: None,
        owner: None,
        priority: priority::LATIN_BRAND,
    });
}

/// Branch words that extend a company to one of its units (`招行武汉分行`, `建行信用卡中心`).
const BRANCHES: [&str; 8] = [
    "分行",
    "支行",
    "分公司",
    "信用卡中心",
    "营业部",
    "分部",
    "信用卡部",
    "银行卡部",
];

/// Extends accepted companies over a following place and branch word: `工商银行湖南省分行`.
pub(crate) fn extend_branches(doc: &Doc<'_>, accepted: &mut [Candidate]) {
    for candidate in accepted.iter_mut() {
        if candidate.kind != EntityKind::Company {
            continue;
        }
        // `美国兰德公司`, `新加坡星展银行`: a country or region written right before a company is
        // part of how it is named; the canonical name stays the company's own.
        if let Some(before) = doc.token_ending_at(candidate.start)
            && COUNTRY_PREFIXES.contains(&before.word)
        {
            if candidate.name.is_none() {
                candidate.name = Some(doc.slice(candidate.start, candidate.end));
            }
            candidate.start = before.start;
        }
        // `Valve公司`, `暴雪公司`: the company word belongs to the name it follows.
        // `佳士得拍卖行`, `人保财险` likewise take a company suffix written as its own token.
        if let Some(suffix) = doc.token_at(candidate.end).filter(|t| {
            t.word == "公司"
                || (lexicon::COMPANY_SUFFIXES.contains(&t.word)
                    && !VERB_LIKE_SUFFIXES.contains(&t.word))
        }) {
            if candidate.name.is_none() {
                candidate.name = Some(doc.slice(candidate.start, candidate.end));
            }
            candidate.end = suffix.end;
        }
        let mut pos = candidate.end;
        let mut places = 0;
        while let Some(token) = doc.token_at(pos) {
            // A branch word may be one token or two (`信用卡/中心`).
            let two = doc
                .token_at(token.end)
                .map(|next| (format!("{}{}", token.word, next.word), next.end));
            let branch_end = if BRANCHES.contains(&token.word) {
                Some(token.end)
            } else {
                two.filter(|(word, _)| BRANCHES.contains(&word.as_str()))
                    .map(|(_, end)| end)
            };
            if let Some(branch_end) = branch_end {
                if candidate.name.is_none() {
                    candidate.name = Some(doc.slice(candidate.start, candidate.end));
                }
                candidate.end = branch_end;
                break;
            }
            if token.tag != "ns" || places == 2 {
                break;
            }
            places += 1;
            pos = token.end;
        }
    }
}

/// Suffix words that after a company name are more often a verb or a field than part of the name
/// (`阿里投资了…`, `腾讯控股的…`, `谷歌网络…`).
const VERB_LIKE_SUFFIXES: [&str; 7] = ["投资", "控股", "股份", "网", "国际", "信息", "网络"];

/// Countries and regions that prefix a company's name (`美国兰德公司`). 中国 is left out: it
/// begins many full names already (中国银行), which the dictionary holds whole.
const COUNTRY_PREFIXES: [&str; 18] = [
    "美国",
    "英国",
    "法国",
    "德国",
    "日本",
    "韩国",
    "新加坡",
    "俄罗斯",
    "荷兰",
    "瑞士",
    "瑞典",
    "意大利",
    "西班牙",
    "加拿大",
    "澳大利亚",
    "印度",
    "香港",
    "台湾",
];

/// Short-form markers after a full name: `（以下简称“月之暗面”）`.
const SHORT_FORM_MARKERS: [&str; 4] = ["以下简称", "下称", "简称", "以下称"];

/// Links `（以下简称“X”）` short forms to the company before them: the short form and its later
/// mentions become the same company, under the full name's canonical name.
pub(crate) fn link_short_forms(doc: &Doc<'_>, accepted: &mut Vec<Candidate>) {
    let chars = &doc.chars;
    let mut added = Vec::new();
    for candidate in accepted.iter() {
        if candidate.kind != EntityKind::Company {
            continue;
        }
        let mut pos = candidate.end;
        if pos >= chars.len() || !matches!(chars[pos], '（' | '(') {
            continue;
        }
        pos += 1;
        let rest: String = chars[pos..chars.len().min(pos + 6)].iter().collect();
        let Some(marker) = SHORT_FORM_MARKERS.iter().find(|m| rest.starts_with(**m)) else {
            continue;
        };
        pos += marker.chars().count();
        if pos < chars.len() && matches!(chars[pos], '：' | ':') {
            pos += 1;
        }
        if pos >= chars.len() || !matches!(chars[pos], '“' | '"' | '「' | '‘') {
            continue;
        }
        let short_start = pos + 1;
        let Some(len) = chars[short_start..]
            .iter()
            .take(20)
            .position(|c| matches!(c, '”' | '"' | '」' | '’'))
        else {
            continue;
        };
        if len == 0 {
            continue;
        }
        let short: String = chars[short_start..short_start + len].iter().collect();
        let name = candidate
            .name
            .clone()
            .unwrap_or_else(|| doc.slice(candidate.start, candidate.end));
        for (byte, _) in doc.text.match_indices(short.as_str()) {
            let start = doc.char_of_byte(byte);
            added.push(Candidate {
                start,
                end: start + len,
                kind: EntityKind::Company,
                name: Some(name.clone()),
                owner: None,
                priority: if start == short_start {
                    priority::LEGAL
                } else {
                    priority::DICT_LONG
                },
            });
        }
    }
    if added.is_empty() {
        return;
    }
    // Short forms outrank what the first pass read there (a person, a shorter company).
    let mut all = std::mem::take(accepted);
    all.extend(added);
    *accepted = all;
}

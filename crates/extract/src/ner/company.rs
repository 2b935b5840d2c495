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
    let first_own = out.len();
    for index in 0..doc.tokens.len() {
        suffixed_at(doc, index, out);
        latin_brand_at(doc, index, out);
        brand_before_firm_cue(doc, index, out);
        framed_company(doc, index, out, '由', MAKER_VERBS);
        framed_company(doc, index, out, '与', PARTNER_VERBS);
        described_company_at(doc, index, out);
        professional_firm_at(doc, index, out);
    }
    list_members(doc, out);
    big_bank_initials(doc, out);
    for candidate in &mut out[first_own..] {
        trim_glued_function_char(doc, candidate);
    }
    out.retain(|c| c.end > c.start);
    drop_cut_dictionary_matches(doc, out);
}

/// Chars that jieba glues onto the start of an unknown name (`据星曜`, `由澜汐`) though they are
/// a preposition or a verb before it.
const GLUED_FUNCTION_CHARS: &str = "据由向对在从被将把让给和与及为是请";

/// Drops a preposition glued onto the first token of a candidate (`据星曜拍卖公司` → `星曜拍卖公司`).
fn trim_glued_function_char(doc: &Doc<'_>, candidate: &mut Candidate) {
    let Some(first) = doc.token_at(candidate.start) else {
        return;
    };
    if candidate.end - candidate.start > 2
        && first.end - first.start > 1
        && first.word.starts_with(|c| GLUED_FUNCTION_CHARS.contains(c))
        && !jieba().has_word(first.word)
        && first.word.chars().all(lexicon::is_han)
    {
        candidate.start += 1;
        // `被取/信息`: a one-char brand left before the suffix names nothing.
        let rest = doc.slice(candidate.start, candidate.end);
        if let Some((suffix, _)) = suffix_of(&rest)
            && rest.chars().count() - suffix.chars().count() < 2
        {
            candidate.end = candidate.start;
        }
    }
}

/// Drops dictionary companies whose last char begins a longer word that runs past them
/// (`中国银行` in `中国/银行业/协会`): the text there is about something else.
fn drop_cut_dictionary_matches(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    out.retain(|c| {
        if c.kind != EntityKind::Company
            || c.name.is_none()
            || !matches!(c.priority, priority::DICT_LONG | priority::DICT_SHORT)
        {
            return true;
        }
        let Some(straddling) = doc.token_covering(c.end - 1) else {
            return true;
        };
        // A place word starting with the name runs past it too (`喜马拉雅山`).
        let cut = straddling.start > c.start || straddling.tag == "ns";
        !(cut
            && straddling.end > c.end
            && straddling.word.chars().all(lexicon::is_han)
            && jieba().has_word(straddling.word))
    });
}

/// Words that end a description before `公司` (`一家/咨询/公司`): sizes, and what kind of firm
/// it is rather than what it does (`创业公司`, `上市公司`). Only 2–3-char tokens are read as
/// industry words, so single characters need no entry.
const DESCRIPTION_STOPS: &[&str] = &[
    "创业",
    "初创",
    "上市",
    "模型",
    "大模型",
    "独角兽",
    "国有",
    "民营",
    "私营",
    "外资",
    "合资",
    "中资",
    "头部",
    "龙头",
    "知名",
    "空壳",
    "皮包",
    "关联",
    "竞争",
    "对手",
    "合作",
    "目标",
    "标的",
    "同类",
    "互联网",
    "科技",
];

/// A name-like head, then one or two industry words, then `公司`: `三湘烟花制造公司`,
/// `玫瑰石顾问公司`. The industry words alone (`咨询公司`) are no name.
fn described_company_at(doc: &Doc<'_>, index: usize, out: &mut Vec<Candidate>) {
    if doc.tokens[index].word != "公司" || index < 2 {
        return;
    }
    let mut j = index;
    let mut described = 0;
    while j > 0 && described < 3 {
        let prev = &doc.tokens[j - 1];
        let industry = prev.word.chars().all(lexicon::is_han)
            && (2..=3).contains(&(prev.end - prev.start))
            && matches!(prev.tag, "n" | "vn" | "v" | "b")
            && !DETERMINERS.contains(&prev.word)
            && !DESCRIPTION_STOPS.contains(&prev.word)
            && !lexicon::is_title_before(prev.word)
            && !lexicon::is_name_stop_word(prev.word)
            && jieba().has_word(prev.word);
        if !industry {
            break;
        }
        described += prev.end - prev.start;
        j -= 1;
    }
    if described == 0 || described > 6 || j == 0 {
        return;
    }
    let head = &doc.tokens[j - 1];
    let head_len = head.end - head.start;
    if !(2..=4).contains(&head_len)
        || head.tag.starts_with("nr")
        || matches!(head.tag, "a" | "ad" | "d" | "v" | "vd" | "z")
        || !head.word.chars().all(lexicon::is_han)
        || classify(head, false) != BrandToken::Strong
    {
        return;
    }
    let end = doc.tokens[index].end;
    let mut start = head.start;
    if let Some(place) = (j >= 2).then(|| &doc.tokens[j - 2])
        && lexicon::is_home_place(place.word)
    {
        start = place.start;
    }
    out.push(Candidate {
        start,
        end,
        kind: EntityKind::Company,
        name: None,
        owner: None,
        priority: priority::COMPANY_SUFFIX,
    });
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
    // `甲资本领投乙传媒`: how a round is joined is no part of the funded firm's name.
    if DEAL_VERBS.contains(&word) {
        return BrandToken::Stop;
    }
    // `辞任该公司` (jieba: `任该/公司`): a token closing on a determiner points at the firm
    // named before, it names none itself.
    if word.chars().count() == 2
        && word.ends_with(['该', '此', '其', '本', '各', '每'])
        && !jieba().has_word(word)
    {
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

/// Verbs of a funding round that jieba does not know and would leave as name-like runs.
const DEAL_VERBS: &[&str] = &["领投", "跟投", "参投", "联投", "合投", "独投"];

/// Nouns of a sentence that are often written right before a legal name (`被告X有限公司`).
const LEGAL_NAME_OPENERS: &[&str] = &[
    "图为",
    "被告",
    "原告",
    "会员单位",
    "成员单位",
    "承办方",
    "主办方",
    "出品方",
    "发行方",
    "开发商",
];

fn suffixed_at(doc: &Doc<'_>, index: usize, out: &mut Vec<Candidate>) {
    let token = &doc.tokens[index];
    let Some((suffix, kind)) = suffix_of(token.word) else {
        return;
    };
    if lexicon::SUFFIX_WORDS_NOT_NAMES.contains(&token.word) {
        return;
    }
    // `阿里投资了…`, `腾讯控股过…`: a verb-like suffix followed by an aspect particle is the verb;
    // followed by a title it is the title's field (`首席投资总监`).
    if token.word == suffix
        && VERB_LIKE_SUFFIXES.contains(&suffix)
        && doc.tokens.get(index + 1).is_some_and(|next| {
            matches!(next.word, "了" | "过" | "着")
                || matches!(
                    next.word,
                    "总监" | "经理" | "顾问" | "专家" | "主管" | "官" | "董事" | "分析师"
                )
        })
    {
        return;
    }
    if token.word == suffix && opens_office_field(doc, token.end) {
        return;
    }
    // `有限责任/公司`: jieba cuts the legal form in two.
    let split_legal = token.word == "公司"
        && index > 0
        && matches!(
            doc.tokens[index - 1].word,
            "有限责任" | "有限" | "股份有限" | "责任"
        );
    let legal = lexicon::LEGAL_SUFFIXES.contains(&suffix) || split_legal;
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
    let mut j = if split_legal { index - 1 } else { index };
    let mut start = doc.tokens[j].start;
    let mut places = 0;
    while j > 0 {
        let prev = &doc.tokens[j - 1];
        let len = prev.end - prev.start;
        if brand_len + len > max_brand {
            break;
        }
        // `携程计算机技术（上海）有限公司`: a bracketed place inside a legal name.
        if legal
            && matches!(prev.word, "）" | ")")
            && j >= 3
            && matches!(doc.tokens[j - 3].word, "（" | "(")
            && (doc.tokens[j - 2].tag == "ns" || lexicon::is_home_place(doc.tokens[j - 2].word))
        {
            brand_len += doc.tokens[j - 1].end - doc.tokens[j - 3].start;
            start = doc.tokens[j - 3].start;
            j -= 3;
            continue;
        }
        // `西南财经大学信托`: an organisation's name does not lead a firm's brand.
        if !legal && suffix_of(prev.word).is_some_and(|(_, k)| k == EntityKind::Org) {
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
    if brand_len == 0 || matches!(doc.chars[start], '（' | '(') {
        return;
    }
    // `图为北京主题建筑设计咨询有限公司`, `被告上海携程商务有限公司`: verbs, parties and
    // particles opening a legal name's walk are the sentence's.
    while legal && j < index && brand_len > 4 {
        let first = &doc.tokens[j];
        let opener = matches!(first.tag, "v" | "p" | "c" | "d" | "r" | "l" | "u" | "uj")
            || LEGAL_NAME_OPENERS.contains(&first.word);
        if !opener || first.tag == "ns" {
            break;
        }
        brand_len -= first.end - first.start;
        j += 1;
        start = doc.tokens[j].start;
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

/// Whether a suffix word ending at `end` is the field of a listed firm's office that follows
/// (`证券事务代表`, `证券事务部`), not the end of a broker's name.
fn opens_office_field(doc: &Doc<'_>, end: usize) -> bool {
    doc.token_at(end)
        .is_some_and(|next| next.word.starts_with("事务"))
}

fn latin_brand_at(doc: &Doc<'_>, index: usize, out: &mut Vec<Candidate>) {
    let token = &doc.tokens[index];
    if token.tag != "eng" || token.end - token.start < 2 {
        chinese_brand_after_role(doc, index, out);
        return;
    }
    let word = token.word;
    if latin_corporate_name(doc, index, out) {
        return;
    }
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
    let after_next = doc.tokens.get(index + 2).map(|t| t.word).unwrap_or("");
    // `由Relic开发`, `Crytek推出`, `Falcom的《英雄传说》`: what a studio or maker does.
    // Not `在PSP推出`, `采用Unreal开发`: a platform or a tool is where or with what.
    let platform = matches!(
        before,
        "在" | "于" | "采用" | "使用" | "基于" | "用" | "/" | "登陆"
    );
    let makes = !platform
        && !lexicon::is_title_before(word)
        && (LATIN_MAKER_CUES_AFTER.contains(&after)
            || (after == "的"
                && (matches!(after_next, "《" | "新作")
                    || FIRM_CUES_AFTER.contains(&after_next)
                    || after_next == "首席")));
    // `Korvix裁员`, `Zentrix的员工`: a Latin name that has staff and cuts them is an employer.
    let employs = !lexicon::is_title_before(word)
        && (LATIN_STAFF_CUES.contains(&after)
            || (after == "的" && LATIN_STAFF_CUES.contains(&after_next)));
    if LATIN_COMPANY_CUES_AFTER.contains(&after)
        || LATIN_COMPANY_CUES_BEFORE.contains(&before)
        || makes
        || employs
    {
        out.push(Candidate::unnamed(
            token.start,
            token.end,
            EntityKind::Company,
            priority::LATIN_BRAND,
        ));
    }
}

/// Words after a Latin name (or after its `的`) that only an employer has.
const LATIN_STAFF_CUES: &[&str] = &["员工", "职员", "雇员", "裁员"];

/// Verbs after a Latin name that a maker does (`Crytek开发`, `Gazillion携手`).
const LATIN_MAKER_CUES_AFTER: &[&str] = &[
    "开发", "研发", "制作", "发行", "推出", "发布", "公布", "携手", "代理", "运营", "出品", "打造",
];

/// Latin words that close a firm's name (`Slightly Mad Studios`, `Paradox Interactive`,
/// `idSoftware`).
const LATIN_CORPORATE_WORDS: &[&str] = &[
    "Studios",
    "Studio",
    "Games",
    "Software",
    "Interactive",
    "Entertainment",
    "Technologies",
    "Technology",
    "Inc",
    "Corp",
    "Corporation",
    "Ltd",
    "Limited",
    "LLC",
    "Labs",
    "Holdings",
    "Capital",
    "Ventures",
    "Partners",
    "Motors",
    "Pictures",
    "Networks",
    "Systems",
    "Semiconductor",
    "Robotics",
    "Therapeutics",
    "Pharmaceuticals",
    "Airlines",
    "Bank",
    "Group",
];

/// A Latin firm name closed by a corporate word, either one camel-cased token (`idSoftware`) or
/// capitalised words before it (`Slightly Mad Studios`): a company without further cues.
fn latin_corporate_name(doc: &Doc<'_>, index: usize, out: &mut Vec<Candidate>) -> bool {
    let token = &doc.tokens[index];
    let word = token.word;
    let Some(corporate) = LATIN_CORPORATE_WORDS
        .iter()
        .find(|w| word.ends_with(**w) && (word.len() == w.len() || word.len() >= w.len() + 2))
    else {
        return false;
    };
    let mut start = token.start;
    if word.len() == corporate.len() {
        // Capitalised words before it, single spaces between.
        let mut j = index;
        let mut words = 0;
        while j >= 2 && words < 4 {
            let space = &doc.tokens[j - 1];
            let prev = &doc.tokens[j - 2];
            let capital = prev
                .word
                .starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit());
            if space.word != " " || prev.tag != "eng" || !capital {
                break;
            }
            start = prev.start;
            words += 1;
            j -= 2;
        }
        // Directly written before it without a space (`Kaos` + `Studios` cut by jieba).
        if words == 0
            && let Some(prev) = index.checked_sub(1).map(|i| &doc.tokens[i])
            && prev.tag == "eng"
            && prev.word.starts_with(|c: char| c.is_ascii_uppercase())
        {
            start = prev.start;
            words = 1;
        }
        if words == 0 {
            return false;
        }
    } else if !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    // `环球影业(Universal Pictures)`: the original name glossing a Chinese one is that mention's.
    if start >= 2
        && matches!(doc.chars[start - 1], '（' | '(')
        && lexicon::is_han(doc.chars[start - 2])
    {
        return true;
    }
    out.push(Candidate {
        start,
        end: token.end,
        kind: EntityKind::Company,
        name: None,
        owner: None,
        // As sure as a legal name: it outranks a Latin person reading of its first words.
        priority: priority::LEGAL,
    });
    true
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
    out.push(Candidate::unnamed(
        token.start,
        token.end,
        EntityKind::Company,
        priority::LATIN_BRAND,
    ));
}

/// Extends accepted companies over how a mention writes them out: a country or home city before
/// (`美国兰德公司`, `深圳平安银行`), a subsidiary's name (`携程国旅公司`), a region in brackets
/// (`渣打银行（中国）有限公司`), an original Latin name in brackets, and a branch or department
/// after (`工商银行湖南省分行`, `招商银行信用卡中心`, `中国银行总行战略发展部`). The canonical name
/// stays the company's own.
pub(crate) fn extend_branches(doc: &Doc<'_>, accepted: &mut [Candidate]) {
    for candidate in accepted.iter_mut() {
        if candidate.kind != EntityKind::Company {
            continue;
        }
        let own_name = doc.slice(candidate.start, candidate.end);
        let before_start = candidate.start;
        let before_end = candidate.end;
        // `美国兰德公司`, `新加坡星展银行`, `深圳平安银行`: a country, region or home city written
        // right before a company is part of how it is named.
        if let Some(before) = doc.token_ending_at(candidate.start)
            && (COUNTRY_PREFIXES.contains(&before.word) || lexicon::is_home_place(before.word))
        {
            candidate.start = before.start;
        }
        // `Valve公司`, `暴雪公司`: the company word belongs to the name it follows.
        // `佳士得拍卖行`, `人保财险` likewise take a company suffix written as its own token.
        if let Some(suffix) = doc.token_at(candidate.end).filter(|t| {
            (t.word == "公司"
                || (lexicon::COMPANY_SUFFIXES.contains(&t.word)
                    && !VERB_LIKE_SUFFIXES.contains(&t.word)))
                && !opens_office_field(doc, t.end)
        }) {
            candidate.end = suffix.end;
        } else if let Some(end) = subsidiary_end(doc, candidate.end) {
            // `携程国旅公司`, `索尼动画制作公司`: a unit named after its parent.
            candidate.end = end;
        }
        if let Some(end) = bracketed_region_end(doc, candidate.end) {
            candidate.end = end;
        }
        // Up to two units, each after up to two place tokens: `工行/深圳/分行/银行卡部`.
        let mut pos = candidate.end;
        let mut places = 0;
        let mut units = 0;
        while let Some(token) = doc.token_at(pos) {
            if let Some(unit_end) = unit_end(doc, token, places > 0) {
                candidate.end = unit_end;
                units += 1;
                if units == 2 {
                    break;
                }
                pos = unit_end;
                places = 0;
                continue;
            }
            // A sub-branch is named by its street or district, not only a place (`东四支行`).
            if let Some(end) = named_sub_branch_end(doc, token) {
                candidate.end = end;
                units += 1;
                if units == 2 {
                    break;
                }
                pos = end;
                places = 0;
                continue;
            }
            let region = token.tag == "ns" || lexicon::is_home_place(token.word);
            if !region || places == 2 {
                break;
            }
            places += 1;
            pos = token.end;
        }
        if (candidate.start, candidate.end) != (before_start, before_end) {
            if candidate.name.is_none() {
                candidate.name = Some(own_name);
            }
            // The extended mention outranks a shorter company read inside it (`国旅公司` in
            // `携程国旅公司`); ties go to the longer span.
            candidate.priority = candidate.priority.max(priority::COMPANY_SUFFIX);
        }
    }
}

/// Branch words that extend a company to one of its units (`招行武汉分行`, `建行信用卡中心`).
const BRANCHES: [&str; 12] = [
    "分行",
    "支行",
    "分公司",
    "支公司",
    "信用卡中心",
    "营业部",
    "分部",
    "信用卡部",
    "银行卡部",
    "总部",
    "总行",
    "工作室",
];

/// Words ending in `部` or `中心` that are no department (`内部`, `俱乐部`, `东部`).
const NOT_DEPARTMENTS: &[&str] = &[
    "内部",
    "外部",
    "全部",
    "局部",
    "本部",
    "头部",
    "底部",
    "顶部",
    "腹部",
    "背部",
    "干部",
    "俱乐部",
    "东部",
    "西部",
    "南部",
    "北部",
    "中部",
    "东南部",
    "西南部",
    "东北部",
    "西北部",
    "中心",
    "市中心",
];

/// The end of a branch or department written at `token` (`武汉分行`'s `分行`, `信用卡/中心`,
/// `战略/发展部`), if one is. `after_place`: a place came between (`北京/公司`).
fn unit_end(doc: &Doc<'_>, token: &Token<'_>, after_place: bool) -> Option<usize> {
    if BRANCHES.contains(&token.word) || (after_place && token.word == "公司") {
        return Some(token.end);
    }
    // A department: up to three noun tokens ending in `部` or `中心` (`个人业务部`, `战略投资部`).
    let mut text = String::new();
    let mut end = token.start;
    for _ in 0..3 {
        let next = doc.token_at(end)?;
        if !next.word.chars().all(lexicon::is_han) || lexicon::is_generic_modifier(next.word) {
            return None;
        }
        text.push_str(next.word);
        end = next.end;
        if BRANCHES.iter().any(|b| text.ends_with(b)) {
            return Some(end);
        }
        let department = (text.ends_with('部') || text.ends_with("中心"))
            && text.chars().count() >= 3
            && !NOT_DEPARTMENTS.contains(&next.word)
            && !NOT_DEPARTMENTS
                .iter()
                .any(|w| text.ends_with(w) && w.chars().count() > 2);
        if department {
            return Some(end);
        }
        if !matches!(next.tag, "n" | "vn" | "nz" | "ns" | "j" | "b") {
            return None;
        }
    }
    None
}

/// The end of `<name>支行` (or 分行, 营业部) at `token`: one or two Han name tokens of at most four
/// chars before the branch word (`东四/支行`, `建宁路/支行`).
fn named_sub_branch_end(doc: &Doc<'_>, token: &Token<'_>) -> Option<usize> {
    let mut end = token.start;
    let mut chars = 0;
    for _ in 0..2 {
        let part = doc.token_at(end)?;
        if !part.word.chars().all(lexicon::is_han)
            || matches!(
                part.tag,
                "v" | "p" | "c" | "d" | "r" | "u" | "uj" | "m" | "q"
            )
            || DETERMINERS.contains(&part.word)
        {
            return None;
        }
        chars += part.end - part.start;
        end = part.end;
        if chars > 4 {
            return None;
        }
        let next = doc.token_at(end)?;
        if matches!(next.word, "支行" | "分行" | "营业部" | "分理处") {
            return Some(next.end);
        }
    }
    None
}

/// The end of a unit named after its parent, written right after it at `pos`: one or two noun
/// tokens and a company word (`携程/国旅/公司`, `索尼/动画/制作/公司`).
fn subsidiary_end(doc: &Doc<'_>, pos: usize) -> Option<usize> {
    let mut end = pos;
    let mut chars = 0;
    for _ in 0..4 {
        let token = doc.token_at(end)?;
        // `Valve/游戏公司`: the unit's words may share the company word's token.
        if let Some((suffix, EntityKind::Company)) = suffix_of(token.word)
            && (end > pos
                || (token.word.len() > suffix.len()
                    && !lexicon::is_generic_modifier(
                        &token.word[..token.word.len() - suffix.len()],
                    )))
            && (suffix.ends_with("公司") || matches!(suffix, "集团" | "工作室"))
        {
            return Some(token.end);
        }
        chars += token.end - token.start;
        let noun = matches!(token.tag, "n" | "vn" | "nz" | "j" | "b" | "ns")
            && token.word.chars().all(lexicon::is_han)
            && !lexicon::is_generic_modifier(token.word);
        if !noun || chars > 6 {
            return None;
        }
        end = token.end;
    }
    None
}

/// The end of a bracket after a company holding a region (`（中国）`, then `有限公司` if written)
/// or the company's Latin name (`(Universal Pictures)`).
fn bracketed_region_end(doc: &Doc<'_>, pos: usize) -> Option<usize> {
    let chars = &doc.chars;
    if !matches!(chars.get(pos), Some('（' | '(')) {
        return None;
    }
    let close = chars[pos + 1..]
        .iter()
        .take(40)
        .position(|c| matches!(c, '）' | ')'))?;
    let inner: String = chars[pos + 1..pos + 1 + close].iter().collect();
    let end = pos + close + 2;
    let region = COUNTRY_PREFIXES.contains(&inner.as_str())
        || lexicon::is_home_place(&inner)
        || matches!(inner.as_str(), "中国" | "亚洲" | "亚太" | "欧洲");
    // A stock code (`600036.sh`) is no part of the name.
    let latin = inner.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 3
        && inner
            .chars()
            .all(|c| c.is_ascii_alphabetic() || " .,&'-".contains(c));
    if latin {
        return Some(end);
    }
    if !region {
        return None;
    }
    match doc.token_at(end) {
        Some(t) if lexicon::LEGAL_SUFFIXES.contains(&t.word) || t.word == "公司" => Some(t.end),
        _ => Some(end),
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

/// Words right after a name that only a firm takes: its officers (`X总经理`), its holdings
/// (`X旗下`) and its stock (`X股价`). A person's title is written before the name in Chinese
/// news, so these rarely follow a person.
const FIRM_CUES_AFTER: &[&str] = &[
    "旗下",
    "股价",
    "市值",
    "财报",
    "总经理",
    "副总经理",
    "董事长",
    "副董事长",
    "总裁",
    "副总裁",
    "高级副总裁",
    "首席执行官",
    "首席财务官",
    "首席技术官",
    "CEO",
    "CFO",
    "CTO",
    "行长",
    "副行长",
    "董事会",
    "高管",
    "创始人",
    "联合创始人",
    "有关负责人",
    "相关负责人",
];

/// A name-like Chinese token (or two unknown ones) right before a firm-only cue: `必和必拓旗下`,
/// `完美时空总裁`.
fn brand_before_firm_cue(doc: &Doc<'_>, index: usize, out: &mut Vec<Candidate>) {
    let Some(next) = doc.tokens.get(index + 1) else {
        return;
    };
    // Every cue is two Han chars or more, `的`, or a Latin title: most tokens are answered here.
    if next.word.len() < 6 && !matches!(next.word, "的" | "CEO" | "CFO" | "CTO") {
        return;
    }
    // `X相关负责人`, `X有关人士` written as two words.
    let related = matches!(next.word, "相关" | "有关")
        && doc
            .tokens
            .get(index + 2)
            .is_some_and(|t| matches!(t.word, "负责人" | "人士"));
    // `X的董事长`, `X的股价`.
    let owned = next.word == "的"
        && doc
            .tokens
            .get(index + 2)
            .is_some_and(|t| FIRM_CUES_AFTER.contains(&t.word) || t.word == "首席");
    if !FIRM_CUES_AFTER.contains(&next.word) && !related && !owned {
        return;
    }
    let token = &doc.tokens[index];
    // `住建委相关负责人`: a public body's abbreviation is the org rules' to judge.
    let public_body = token
        .word
        .ends_with(|c| "委局办院部厅署处所站队会".contains(c));
    if !is_chinese_brand_token(token) || suffix_of(token.word).is_some() || public_body {
        return;
    }
    let mut start = token.start;
    // jieba often cuts a brand in two (`必和/必拓`, `泰禾/红御`): take a name-like part before it.
    if let Some(prev) = index.checked_sub(1).map(|i| &doc.tokens[i])
        && (is_chinese_brand_token(prev)
            || (prev.tag == "ns"
                && prev.end - prev.start == 2
                && !lexicon::is_home_place(prev.word)))
        && token.end - prev.start <= 6
    {
        start = prev.start;
    }
    out.push(Candidate {
        start,
        end: token.end,
        kind: EntityKind::Company,
        name: None,
        owner: None,
        priority: priority::LATIN_BRAND,
    });
}

/// A Chinese token that may be a bare brand: 2–6 Han chars, name-like (unknown to jieba or a
/// proper-noun tag), not a person-name tag.
fn is_chinese_brand_token(token: &Token<'_>) -> bool {
    (2..=6).contains(&(token.end - token.start))
        && (!token.tag.starts_with("nr") || !jieba().has_word(token.word))
        && classify(token, false) == BrandToken::Strong
        && token.word.chars().all(lexicon::is_han)
}

/// Words after the last member of a list that say the members are firms (`A、B等公司`).
const LIST_FIRM_TAILS: &[&str] = &[
    "公司", "银行", "企业", "厂商", "机构", "券商", "巨头", "大厂", "集团",
];

/// Members of an enumeration (`A、B、C`) that one confident company anchors, or that `等公司`
/// closes: the other name-like members are firms too (`腾讯、米哈游、莉莉丝等`).
fn list_members(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let tokens = &doc.tokens;
    let mut index = 0;
    while index < tokens.len() {
        if tokens[index].word != "、" {
            index += 1;
            continue;
        }
        // One list: member, then (、 member)*.
        let mut members: Vec<(usize, usize)> = Vec::new();
        let Some(first) = member_before(doc, index, out) else {
            index += 1;
            continue;
        };
        members.push(first);
        let mut sep = index;
        let mut tail_firm = false;
        let mut closed = false;
        while let Some((start, end)) = member_after(doc, sep + 1, out) {
            members.push((start, end));
            let Some(next) = doc.token_at(end) else {
                break;
            };
            match next.word {
                "、" if !closed => sep = token_index(doc, end),
                // `和`/`与` closes the list after one more member.
                "和" | "与" | "及" | "以及" if !closed => {
                    sep = token_index(doc, end);
                    closed = true;
                }
                "等" => {
                    tail_firm = firm_tail_after(doc, next.end);
                    break;
                }
                _ => break,
            }
        }
        index = sep + 1;
        if members.len() < 2 {
            continue;
        }
        let anchors = members
            .iter()
            .filter(|&&(start, end)| {
                out.iter().any(|c| {
                    c.kind == EntityKind::Company
                        && c.start == start
                        && c.end == end
                        && c.priority >= priority::COMPANY_SUFFIX.min(priority::DICT_SHORT)
                })
            })
            .count();
        if anchors == 0 && !tail_firm {
            continue;
        }
        for &(start, end) in &members {
            if out
                .iter()
                .any(|c| c.start < end && start < c.end && c.kind != EntityKind::Person)
            {
                continue;
            }
            let common = doc.token_at(start).is_some_and(|t| {
                t.end == end && matches!(classify(t, false), BrandToken::Common | BrandToken::Place)
            });
            if common && anchors + usize::from(tail_firm) < 2 {
                continue;
            }
            out.push(Candidate {
                start,
                end,
                kind: EntityKind::Company,
                name: None,
                owner: None,
                priority: priority::LATIN_BRAND,
            });
        }
    }
}

/// Whether the words at char `pos` (after `等`) name firms: `等公司`, `等三家`.
fn firm_tail_after(doc: &Doc<'_>, pos: usize) -> bool {
    let Some(word) = doc.token_at(pos) else {
        return false;
    };
    if LIST_FIRM_TAILS.contains(&word.word) {
        return true;
    }
    let counted = word
        .word
        .chars()
        .all(|c| c.is_ascii_digit() || "两三四五六七八九十几多数".contains(c));
    counted && doc.token_at(word.end).is_some_and(|t| t.word == "家")
}

fn token_index(doc: &Doc<'_>, start: usize) -> usize {
    let token = doc.token_at(start).expect("a token starts here");
    doc.tokens
        .iter()
        .position(|t| t.start == token.start)
        .unwrap_or(0)
}

/// Whether a token may be part of a list member's name.
fn member_token(token: &Token<'_>) -> Option<BrandToken> {
    if token
        .word
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '&')
    {
        return token
            .word
            .chars()
            .any(|c| c.is_ascii_alphabetic())
            .then_some(BrandToken::Strong);
    }
    match classify(token, false) {
        BrandToken::Stop => None,
        class => Some(class),
    }
}

/// The member ending right before the separator token `sep`: up to two name tokens, 2–8 chars.
fn member_before(doc: &Doc<'_>, sep: usize, found: &[Candidate]) -> Option<(usize, usize)> {
    let last = doc.tokens.get(sep.checked_sub(1)?)?;
    // A company already found there is the member whatever jieba tagged it (`招行/v`).
    if let Some(known) = found
        .iter()
        .find(|c| c.kind == EntityKind::Company && c.end == last.end && c.name.is_some())
    {
        return Some((known.start, known.end));
    }
    let class = member_token(last)?;
    let mut start = last.start;
    if let Some(prev) = sep.checked_sub(2).map(|i| &doc.tokens[i])
        && member_token(prev) == Some(BrandToken::Strong)
        && class == BrandToken::Strong
        && last.end - prev.start <= 8
        && !jieba().has_word(prev.word)
    {
        start = prev.start;
    }
    member_fits(doc, start, last.end, class)
}

/// The member starting at token `index`: up to two name tokens, 2–8 chars.
fn member_after(doc: &Doc<'_>, index: usize, found: &[Candidate]) -> Option<(usize, usize)> {
    let first = doc.tokens.get(index)?;
    if let Some(known) = found
        .iter()
        .find(|c| c.kind == EntityKind::Company && c.start == first.start && c.name.is_some())
    {
        return Some((known.start, known.end));
    }
    let class = member_token(first)?;
    let mut end = first.end;
    if let Some(next) = doc.tokens.get(index + 1)
        && class == BrandToken::Strong
        && member_token(next) == Some(BrandToken::Strong)
        && next.end - first.start <= 8
        && !jieba().has_word(next.word)
    {
        end = next.end;
    }
    member_fits(doc, first.start, end, class)
}

fn member_fits(
    doc: &Doc<'_>,
    start: usize,
    end: usize,
    class: BrandToken,
) -> Option<(usize, usize)> {
    let len = end - start;
    let latin = doc.chars[start].is_ascii_alphanumeric();
    let text = doc.slice(start, end);
    // A branch (`北京分行`) or a suffixed name is the suffix rules' to judge.
    let suffixed = BRANCHES.iter().any(|b| text.ends_with(b)) || suffix_of(&text).is_some();
    // A common word (`兴业`, `光大`) is a member only alone, and only among several firms: the
    // caller checks the anchors.
    let single_common = matches!(class, BrandToken::Common | BrandToken::Place)
        && (2..=4).contains(&len)
        && doc.token_at(start).is_some_and(|t| t.end == end);
    let fits = if latin {
        len >= 2
    } else {
        (2..=8).contains(&len) && (class == BrandToken::Strong || single_common) && !suffixed
    };
    fits.then_some((start, end))
}

/// Verbs of making after `由 X` (`由大宇资讯研发`, `由寰宇之星代理`).
const MAKER_VERBS: &[&str] = &[
    "开发", "研发", "制作", "发行", "代理", "运营", "出品", "打造", "承建", "生产", "研制", "推出",
];

/// Verbs after `与 X` that a firm's partner does (`与掌阅合作`, `与宁德时代签署`).
const PARTNER_VERBS: &[&str] = &[
    "合作", "签约", "签署", "签订", "达成", "联手", "携手", "合资", "结盟", "共建", "联合",
];

/// Adverbs that may stand between the maker and the verb (`由北京娱乐通自主研发`).
const MAKER_ADVERBS: &[&str] = &[
    "自主", "倾力", "独家", "负责", "共同", "联合", "全力", "正式",
];

/// A Chinese firm in a frame: `由 X 研发` (a maker), `与 X 合作` (a partner): one to three name
/// tokens between the opener and the frame's verb, at least one of them name-like.
fn framed_company(
    doc: &Doc<'_>,
    index: usize,
    out: &mut Vec<Candidate>,
    opener: char,
    verbs: &[&str],
) {
    let word = doc.tokens[index].word;
    // `由/澜汐`, or `由澜汐` glued by jieba (trimmed with the other glued chars).
    let glued = word.starts_with(opener) && word.chars().count() > 1 && !jieba().has_word(word);
    let bare = word.len() == opener.len_utf8() && word.starts_with(opener);
    if !bare && !glued {
        return;
    }
    let start = if glued { index } else { index + 1 };
    // Most openers are no frame: answer them by looking for the verb before classifying anything.
    let reach = doc.tokens.len().min(start + 5);
    if !doc.tokens[start.min(reach)..reach]
        .iter()
        .any(|t| verbs.contains(&t.word))
    {
        return;
    }
    let mut end = start;
    let mut strong = false;
    while end < doc.tokens.len() && end - start < 3 {
        let token = &doc.tokens[end];
        if verbs.contains(&token.word) || MAKER_ADVERBS.contains(&token.word) {
            break;
        }
        // A suffixed name (`英皇公司`) is the suffix rules' to judge.
        let glued_here = glued && end == start;
        if !token.word.chars().all(lexicon::is_han)
            || (token.tag.starts_with("nr") && !glued_here)
            || token.word.contains("公司")
        {
            return;
        }
        match classify(token, false) {
            _ if glued_here => strong = true,
            BrandToken::Strong => strong = true,
            BrandToken::Common | BrandToken::Place => {}
            BrandToken::Stop => return,
        }
        end += 1;
    }
    let verb = doc.tokens.get(end).map(|t| t.word).unwrap_or("");
    let verb = if MAKER_ADVERBS.contains(&verb) {
        doc.tokens.get(end + 1).map(|t| t.word).unwrap_or("")
    } else {
        verb
    };
    if end == start || !strong || !verbs.contains(&verb) {
        return;
    }
    let (first, last) = (&doc.tokens[start], &doc.tokens[end - 1]);
    if !(2..=8).contains(&(last.end - first.start)) {
        return;
    }
    out.push(Candidate::unnamed(
        first.start,
        last.end,
        EntityKind::Company,
        priority::LATIN_BRAND,
    ));
}

/// The one-char initials of China's big state banks, as news lists them (`工、农、中、建四大行`).
const BANK_INITIALS: [(char, &str); 6] = [
    ('工', "工商银行"),
    ('农', "农业银行"),
    ('中', "中国银行"),
    ('建', "建设银行"),
    ('交', "交通银行"),
    ('招', "招商银行"),
];

/// Runs of three or more bank initials joined by `、`: each initial is its bank.
fn big_bank_initials(doc: &Doc<'_>, out: &mut Vec<Candidate>) {
    let chars = &doc.chars;
    let bank = |c: char| BANK_INITIALS.iter().find(|(i, _)| *i == c).map(|(_, n)| *n);
    let lone = |pos: usize| {
        bank(chars[pos]).is_some()
            && chars
                .get(pos + 1)
                .is_none_or(|&c| c == '、' || !lexicon::is_han(c) || "等四五六两三家行".contains(c))
    };
    let mut pos = 0;
    while pos < chars.len() {
        if !lone(pos) || (pos > 0 && chars[pos - 1] == '、') {
            pos += 1;
            continue;
        }
        let mut run = vec![pos];
        let mut next = pos + 2;
        while next < chars.len() && chars[next - 1] == '、' && lone(next) {
            run.push(next);
            next += 2;
        }
        if run.len() >= 3 {
            for &at in &run {
                out.push(Candidate {
                    start: at,
                    end: at + 1,
                    kind: EntityKind::Company,
                    name: bank(chars[at]).map(str::to_owned),
                    owner: None,
                    priority: priority::DICT_SHORT,
                });
            }
        }
        pos = next.max(pos + 1);
    }
}

/// A law or accounting firm: a name, then `律师/事务所` or `会计师/事务所` (`金杜律师事务所`).
/// Partnerships rather than companies in law, but firms in the news: they are companies here.
fn professional_firm_at(doc: &Doc<'_>, index: usize, out: &mut Vec<Candidate>) {
    if doc.tokens[index].word != "事务所"
        || index < 2
        || !matches!(doc.tokens[index - 1].word, "律师" | "会计师")
    {
        return;
    }
    let mut j = index - 1;
    let mut brand_len = 0;
    let mut strong = false;
    while j > 0 {
        let prev = &doc.tokens[j - 1];
        let len = prev.end - prev.start;
        if brand_len + len > 8 || !prev.word.chars().all(lexicon::is_han) {
            break;
        }
        match classify(prev, false) {
            BrandToken::Stop => break,
            BrandToken::Strong => strong = true,
            BrandToken::Place | BrandToken::Common => {}
        }
        brand_len += len;
        j -= 1;
    }
    if !strong || brand_len < 2 {
        return;
    }
    out.push(Candidate::unnamed(
        doc.tokens[j].start,
        doc.tokens[index].end,
        EntityKind::Company,
        priority::LEGAL,
    ));
}

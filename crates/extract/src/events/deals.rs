//! What changes hands in a deal, read from the text: stakes (`约57%股份`, `全部股权`, `控股权`),
//! businesses (`手机芯片业务`), land and property (`一宗商住用地`), and the buyer a sale names in a
//! later clause (`竞得人为甲`, `受让方为乙`).
//!
//! These are phrases, not entities: the recognizers never mark them, and the acquisition rule in
//! `arguments::money` asks for them at the positions news grammar puts them (right after the company
//! whose stake is bought, right after the verb of a land sale). The readers only look at chars; which
//! party is which is the argument rule's business.

use super::fallback::is_phrase_char;
use super::sentences::breaks_at;

/// Nouns naming shares of a company (`股权`, `股份`), longest first.
const SHARE_NOUNS: &[&str] = &["控股权", "股权", "股份", "股票", "权益"];

/// Words that size a share without a number (`全部股权`, `部分股份`).
const SHARE_SIZES: &[&str] = &[
    "全部", "部分", "若干", "剩余", "少数", "多数", "其余", "所有",
];

/// Approximations before a percentage (`约57%`, `超过30%`).
const APPROX: &[&str] = &[
    "约",
    "近",
    "逾",
    "超过",
    "超",
    "合计",
    "共计",
    "共",
    "不低于",
    "不超过",
];

/// Nouns that end the name of a business or asset a company sells (`手机芯片业务`, `资产包`).
const BUSINESS_NOUNS: &[&str] = &[
    "业务",
    "资产",
    "部门",
    "板块",
    "事业部",
    "事业群",
    "工厂",
    "品牌",
];

/// Nouns that end land or property sold or auctioned (`一宗商住用地`, `国有建设用地使用权`).
const PROPERTY_NOUNS: &[&str] = &[
    "地块",
    "用地",
    "宗地",
    "地皮",
    "土地",
    "使用权",
    "楼盘",
    "写字楼",
    "大厦",
    "大楼",
    "物业",
    "厂房",
    "园区",
    "商铺",
];

/// Things a company or owner sells outright that are neither a stake nor land (`出售附属公司`,
/// `出售球队`): the noun ends the object phrase.
const HOLDING_NOUNS: &[&str] = &[
    "附属公司",
    "子公司",
    "孙公司",
    "分公司",
    "合资公司",
    "球队",
    "俱乐部",
    "股权",
    "股份",
    "业务",
    "资产",
];

/// Words after which a later clause names the buyer of a sale or auction (`竞得人为甲`).
const BUYER_LEADS: &[&str] = &[
    "竞得人为",
    "竞得方为",
    "竞得者为",
    "竞买人为",
    "受让方为",
    "受让人为",
    "买方为",
    "买家为",
    "买受人为",
    "接盘方为",
    "收购方为",
];

/// Words before the price of a deal (`交易作价4.2亿港元`, `成交总价为13亿元`).
pub(crate) const PRICE_WORDS: &[&str] = &[
    "交易作价",
    "作价",
    "对价",
    "成交价",
    "成交总价",
    "成交额",
    "总价",
    "交易额",
    "交易金额",
    "收购价",
    "转让价",
    "出让价",
    "价格为",
    "金额为",
    "地价",
];

fn text(chars: &[char], from: usize, to: usize) -> String {
    chars[from.min(to)..to].iter().collect()
}

fn starts_with_at(chars: &[char], pos: usize, ceiling: usize, word: &str) -> bool {
    let n = word.chars().count();
    pos + n <= ceiling && chars[pos..pos + n].iter().copied().eq(word.chars())
}

/// The first of `words` written at `pos`, with its length in chars.
fn word_at(chars: &[char], pos: usize, ceiling: usize, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .filter(|w| starts_with_at(chars, pos, ceiling, w))
        .map(|w| w.chars().count())
        .max()
}

/// A stake written at `pos` (a `的` skipped): an optional approximation, a percentage or a size
/// word, then a share noun (`约57.09%股份`, `100%的股权`, `全部股权`, `控股权`, `股权`). Returns its
/// span, from the approximation to the end of the noun.
pub(crate) fn stake_at(chars: &[char], pos: usize, ceiling: usize) -> Option<(usize, usize)> {
    let mut start = pos;
    if starts_with_at(chars, start, ceiling, "的") {
        start += 1;
    }
    let mut p = start;
    if let Some(n) = word_at(chars, p, ceiling, APPROX) {
        p += n;
    }
    let digits = chars
        .get(p..ceiling)
        .unwrap_or_default()
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == '.')
        .count();
    if digits > 0 {
        p += digits;
        if p < ceiling && matches!(chars[p], '%' | '％') {
            p += 1;
        } else if let Some(n) = word_at(chars, p, ceiling, &["万股", "亿股", "股"]) {
            // `减持4万股`: a number of shares.
            let end = p + n;
            let glued = word_at(chars, end, ceiling, &["权", "份", "票", "东"]).is_some();
            return (!glued).then_some((start, end));
        } else if starts_with_at(chars, p, ceiling, "成") {
            // `3成股权`: tenths.
            p += 1;
        } else {
            return None;
        }
        if starts_with_at(chars, p, ceiling, "的") {
            p += 1;
        }
    } else if p > start {
        // An approximation with no number after it is no stake.
        return None;
    } else if let Some(n) = word_at(chars, p, ceiling, SHARE_SIZES) {
        p += n;
    }
    let end = p + word_at(chars, p, ceiling, SHARE_NOUNS)?;
    // `股权转让`, `股份有限公司`: a noun inside a longer word is no stake.
    if starts_with_at(chars, end, ceiling, "有限") || starts_with_at(chars, end, ceiling, "公司")
    {
        return None;
    }
    Some((start, end))
}

/// A stake in a unit of the company named right before `pos` (`中国控股权`, `亚太区股权`): a short
/// phrase, no number in it, ending in a share noun. Returns the phrase's span.
pub(crate) fn unit_stake_at(chars: &[char], pos: usize, ceiling: usize) -> Option<(usize, usize)> {
    let mut e = pos;
    while e < ceiling && e - pos < 6 && is_phrase_char(chars[e]) && !chars[e].is_ascii_digit() {
        e += 1;
        if let Some(n) = SHARE_NOUNS
            .iter()
            .find(|w| text(chars, pos, e).ends_with(*w))
            .map(|w| w.chars().count())
        {
            // The unit must be named: a bare share noun is `stake_at`'s.
            let glued = word_at(chars, e, ceiling, &["有限", "公司", "转让"]).is_some();
            return (e - n > pos && !glued).then_some((pos, e));
        }
    }
    None
}

/// A business written right after a company name at `pos` (`手机芯片业务`, `中国区业务`): the
/// phrase up to its business noun, at most 12 chars, with no break inside.
pub(crate) fn business_at(chars: &[char], pos: usize, ceiling: usize) -> Option<(usize, usize)> {
    let mut best = None;
    let mut e = pos;
    while e < ceiling && e - pos < 12 && (is_phrase_char(chars[e]) || chars[e] == '的') {
        e += 1;
        let t = text(chars, pos, e);
        if BUSINESS_NOUNS.iter().any(|b| t.ends_with(b)) {
            best = Some((pos, e));
        }
    }
    // `的` opening the phrase is the genitive, not part of the business.
    best.map(|(s, e)| (if chars[s] == '的' { s + 1 } else { s }, e))
        .filter(|(s, e)| s < e)
}

/// Land or property named right after a sale or purchase verb at `pos` (`了` skipped): the phrase
/// up to the last property noun within 24 chars, `的` allowed inside (`江苏一宗地块的国有建设用地
/// 使用权`), no break or quote crossed.
pub(crate) fn property_at(chars: &[char], pos: usize, ceiling: usize) -> Option<(usize, usize)> {
    let start = if starts_with_at(chars, pos, ceiling, "了") {
        pos + 1
    } else {
        pos
    };
    let mut best = None;
    let mut e = start;
    while e < ceiling
        && e - start < 24
        && !breaks_at(chars, e)
        && (is_phrase_char(chars[e]) || matches!(chars[e], '的' | '·'))
    {
        e += 1;
        let t = text(chars, start, e);
        if PROPERTY_NOUNS.iter().any(|n| t.ends_with(n)) && !t.ends_with("的") {
            best = Some((start, e));
        }
    }
    best.filter(|&(_, e)| ends_phrase(chars, e, ceiling))
}

/// True when the object phrase ending at `end` is the whole object, not a modifier of a longer noun
/// (`出让土地的收益`, `拟出让地块的协议`, `用地面积`).
fn ends_phrase(chars: &[char], end: usize, ceiling: usize) -> bool {
    end >= ceiling || !(is_phrase_char(chars[end]) || chars[end] == '的')
        // `出售物流业务给乙`, `出让土地于…`: a preposition goes on with the clause.
        || matches!(chars[end], '给' | '予' | '于')
        // `出售球队的时候`, `出售球队后`: the sale told as a time.
        || ["的时候", "时", "后", "之后"].iter().any(|w| starts_with_at(chars, end, ceiling, w))
}

/// Something held that an owner sells outright, named right after the verb at `pos` (`了`, `其`,
/// `旗下`, `所持` skipped): the phrase up to a holding noun (`附属公司`, `球队`, `旗下物流业务`,
/// `某锂矿项目若干股权`), at most 20 chars.
pub(crate) fn holding_at(chars: &[char], pos: usize, ceiling: usize) -> Option<(usize, usize)> {
    let mut start = pos;
    for lead in ["了", "其", "旗下", "所持有的", "所持的", "所持", "持有的"] {
        if starts_with_at(chars, start, ceiling, lead) {
            start += lead.chars().count();
        }
    }
    let mut best = None;
    let mut e = start;
    while e < ceiling && e - start < 20 && !breaks_at(chars, e) && is_phrase_char(chars[e]) {
        e += 1;
        let t = text(chars, start, e);
        if HOLDING_NOUNS.iter().any(|n| t.ends_with(n)) {
            best = Some((start, e));
        }
    }
    best.filter(|&(_, e)| ends_phrase(chars, e, ceiling))
}

/// A headcount written at `pos` that no amount covers (`裁员 70 人`, `裁减120余名`): blanks, digits,
/// `余`/`多`, blanks, then `人` or `名`. Returns the digits' span and whether `余`/`多` makes the
/// number a lower bound.
pub(crate) fn headcount_at(
    chars: &[char],
    pos: usize,
    ceiling: usize,
) -> Option<(usize, usize, bool)> {
    let skip_blanks = |mut p: usize| {
        while p < ceiling && chars[p] == ' ' {
            p += 1;
        }
        p
    };
    let start = skip_blanks(pos);
    let mut end = start;
    while end < ceiling && chars[end].is_ascii_digit() {
        end += 1;
    }
    if end == start || end - start > 7 {
        return None;
    }
    let mut p = end;
    let over = p < ceiling && matches!(chars[p], '余' | '多');
    if over {
        p += 1;
    }
    p = skip_blanks(p);
    (p < ceiling && matches!(chars[p], '人' | '名')).then_some((start, end, over))
}

/// Where a later clause of `[from, to)` names the buyer (`，竞得人为甲`): the position right after
/// the lead words.
pub(crate) fn buyer_lead(chars: &[char], from: usize, to: usize) -> Option<usize> {
    (from..to).find_map(|i| word_at(chars, i, to, BUYER_LEADS).map(|n| i + n))
}

/// The short phrase naming a party at `pos` (a buyer after `竞得人为`): up to the next break, at
/// most 12 chars.
pub(crate) fn party_at(chars: &[char], pos: usize, ceiling: usize) -> Option<(usize, usize)> {
    let mut e = pos;
    while e < ceiling && e - pos < 12 && !breaks_at(chars, e) && is_phrase_char(chars[e]) {
        e += 1;
    }
    let cut_short = e < ceiling && is_phrase_char(chars[e]);
    (e >= pos + 2 && !cut_short).then_some((pos, e))
}

/// True when a price noun follows the amount ending at `end` (`22亿美元的成交额`, `5亿元的对价`).
pub(crate) fn price_follows(chars: &[char], end: usize, ceiling: usize) -> bool {
    let at = if starts_with_at(chars, end, ceiling, "的") {
        end + 1
    } else {
        end
    };
    word_at(
        chars,
        at,
        ceiling,
        &[
            "成交额",
            "成交价",
            "交易额",
            "交易对价",
            "对价",
            "作价",
            "收购价",
            "转让价",
        ],
    )
    .is_some()
}

/// True when a price word stands in `[from, to)`, right before `pos` (`作价3.95亿港元`).
pub(crate) fn priced(chars: &[char], from: usize, pos: usize) -> bool {
    let lead = text(chars, pos.saturating_sub(6).max(from), pos);
    PRICE_WORDS.iter().any(|w| lead.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A phrase reader of this module.
    type Reader = fn(&[char], usize, usize) -> Option<(usize, usize)>;

    fn read(f: Reader, text: &str, pos: usize) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        f(&chars, pos, chars.len()).map(|(s, e)| chars[s..e].iter().collect())
    }

    #[test]
    fn reads_stakes_sized_by_number_or_word() {
        assert_eq!(
            read(stake_at, "约57.09%股份，交易作价", 0).as_deref(),
            Some("约57.09%股份")
        );
        assert_eq!(
            read(stake_at, "的100%的股权", 0).as_deref(),
            Some("100%的股权")
        );
        assert_eq!(read(stake_at, "全部股权", 0).as_deref(), Some("全部股权"));
        assert_eq!(read(stake_at, "控股权已获批", 0).as_deref(), Some("控股权"));
        assert_eq!(read(stake_at, "股权", 0).as_deref(), Some("股权"));
        assert_eq!(read(stake_at, "4万股，套现", 0).as_deref(), Some("4万股"));
        // A percentage of something else, a company form or a bare approximation is no stake.
        assert_eq!(read(stake_at, "30%的用户", 0), None);
        assert_eq!(read(stake_at, "股份有限公司", 0), None);
        assert_eq!(read(stake_at, "约一半", 0), None);
        // A position past the end reads nothing rather than failing.
        assert_eq!(read(stake_at, "股权", 5), None);
        assert_eq!(read(property_at, "地块", 5), None);
        assert_eq!(read(holding_at, "球队", 5), None);
    }

    #[test]
    fn reads_businesses_property_and_holdings() {
        assert_eq!(
            read(business_at, "手机芯片业务，交易", 0).as_deref(),
            Some("手机芯片业务")
        );
        assert_eq!(
            read(business_at, "的中国区业务", 0).as_deref(),
            Some("中国区业务")
        );
        assert_eq!(read(business_at, "旗下产品", 0), None);
        assert_eq!(
            read(unit_stake_at, "中国控股权，", 0).as_deref(),
            Some("中国控股权")
        );
        assert_eq!(read(unit_stake_at, "股权", 0), None);
        assert_eq!(read(unit_stake_at, "中国股份有限公司", 0), None);
        assert_eq!(
            read(property_at, "了城东一宗商住用地，楼面价", 0).as_deref(),
            Some("城东一宗商住用地")
        );
        assert_eq!(
            read(property_at, "南湖一宗地块的国有建设用地使用权", 0).as_deref(),
            Some("南湖一宗地块的国有建设用地使用权")
        );
        assert_eq!(read(property_at, "新款手机", 0), None);
        assert_eq!(
            read(holding_at, "其附属公司", 0).as_deref(),
            Some("附属公司")
        );
        assert_eq!(
            read(holding_at, "旗下物流业务给", 0).as_deref(),
            Some("物流业务")
        );
        assert_eq!(read(holding_at, "最新款服务器芯片", 0), None);
        // A modifier of a longer noun is no object.
        assert_eq!(read(property_at, "土地的收益", 0), None);
        assert_eq!(read(property_at, "用地面积为", 0), None);
        assert_eq!(read(holding_at, "球队的时候", 0).as_deref(), Some("球队"));
    }

    #[test]
    fn reads_headcounts_written_with_blanks() {
        let chars: Vec<char> = "裁员 70 人，其中".chars().collect();
        assert_eq!(headcount_at(&chars, 2, chars.len()), Some((3, 5, false)));
        let chars: Vec<char> = "裁减120余名员工".chars().collect();
        assert_eq!(headcount_at(&chars, 2, chars.len()), Some((2, 5, true)));
        // A year or a sum is no headcount.
        let chars: Vec<char> = "裁员2019年".chars().collect();
        assert_eq!(headcount_at(&chars, 2, chars.len()), None);
    }

    #[test]
    fn finds_buyers_named_later_and_price_words() {
        let chars: Vec<char> = "成功出让一宗地，竞得人为远山置业，成交价为3亿元"
            .chars()
            .collect();
        let at = buyer_lead(&chars, 0, chars.len()).unwrap();
        let (s, e) = party_at(&chars, at, chars.len()).unwrap();
        assert_eq!(chars[s..e].iter().collect::<String>(), "远山置业");
        let price = chars.iter().position(|&c| c == '3').unwrap();
        assert!(priced(&chars, 0, price));
        assert!(!priced(&chars, 0, 4));
        let chars: Vec<char> = "22亿美元的成交额创下纪录".chars().collect();
        assert!(price_follows(&chars, 5, chars.len()));
        assert!(!price_follows(&chars, 2, chars.len()));
    }
}

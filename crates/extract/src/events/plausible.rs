//! The last check on names read from the text by [`super::fallback`]: could this phrase name a firm,
//! a team, a body or a person at all?
//!
//! The fallback readers take the phrase in a slot (the subject of `…融资3亿元`, the buyer before
//! `收购`) when the recognizers found nothing there. In sentences picked because they report an event
//! the slot holds a name; in ordinary news it often holds a verb phrase (`为上市公司提供16亿元融资担保`
//! → `提供`), an adverb (`大肆收购`), a conjunction or a piece of a clause (`预计内地房企可在港融资`).
//! jieba's part-of-speech tags tell those apart from names cheaply: a name may hold a verb char
//! (`南控`, `蔚来`) but does not open with a whole verb, adverb, preposition or conjunction word, does
//! not end in an adverb, and is not a single such word. Phrases with their own evidence of being a name
//! (a company, organisation or group suffix, a stock code after them, Latin letters) are not looked
//! at: the readers accepted them for that evidence. A team or body phrase made only of common words
//! (`球员市场`, `火线`) is a description, and so is a phrase right before a title in book quotes
//! (`武侠大片《甲》`). Whatever its evidence, a phrase is no name when it describes firms (`众多基金
//! 公司`, `房企扎堆上市`) or starts or ends inside a word (`澳门社` out of `澳门社会文化司`). A person phrase that jieba reads as one place, body or thing
//! word (`北京`, `基金`) is no mover unless it ends like a noun for a person (`高管`, `球员`).
//!
//! The boundary: this module only says no to phrases the fallback proposed; it never changes a span
//! and never looks at what the entity recognizer found.

use crate::ner::lexicon;
use crate::segment::jieba;
use zhnews_model::{Entity, EntityKind};

/// Single-char endings of bodies and places of business (`…所`, `…院`, `…厂`), beyond the group
/// suffixes the fallback readers know.
const BODY_ENDINGS: &[&str] = &[
    "会", "所", "营", "团", "室", "台", "网", "行", "厂", "店", "馆", "院", "局", "部", "委", "处",
    "办",
];

/// Tags of words that never open or make up a name: verbs, adverbs, prepositions, conjunctions,
/// pronouns, particles, numerals and measure words, time and place-of words, interjections.
fn is_function_tag(tag: &str) -> bool {
    matches!(
        tag,
        "v" | "vn"
            | "vd"
            | "vi"
            | "vg"
            | "d"
            | "dg"
            | "ad"
            | "c"
            | "p"
            | "r"
            | "rr"
            | "rz"
            | "u"
            | "uj"
            | "ul"
            | "uz"
            | "ug"
            | "uv"
            | "ud"
            | "m"
            | "mq"
            | "q"
            | "t"
            | "tg"
            | "f"
            | "y"
            | "e"
            | "o"
            | "z"
            | "l"
            | "i"
    )
}

/// True when the fallback mention `entity` may stand: a person phrase that is no place or thing
/// word, a phrase with its own evidence of being a name, or a phrase whose words are shaped like a
/// name.
pub(super) fn could_be_name(chars: &[char], entity: &Entity) -> bool {
    if entity.end > chars.len() || entity.start >= entity.end {
        return true;
    }
    let text: String = chars[entity.start..entity.end].iter().collect();
    if entity.kind == EntityKind::Person {
        return could_be_person(&text);
    }
    let has_latin = text.chars().any(|c| c.is_ascii_alphabetic());
    let suffixed = lexicon::COMPANY_SUFFIXES
        .iter()
        .chain(lexicon::ORG_SUFFIXES)
        .chain(super::fallback::GROUP_SUFFIXES)
        .chain(BODY_ENDINGS)
        .any(|x| text.ends_with(x) && text.chars().count() > x.chars().count());
    let coded = chars
        .get(entity.end)
        .is_some_and(|c| matches!(c, '(' | '（'))
        && chars
            .get(entity.end + 1)
            .is_some_and(|c| c.is_ascii_digit());
    // `加盟武侠大片《甲》`: a phrase right before a title in book quotes describes a work.
    if chars.get(entity.end) == Some(&'《') {
        return false;
    }
    // The phrase is tagged once; every check below reads these tags.
    let tags = jieba().tag(&text, false);
    if !has_latin && (cuts_a_word(chars, entity.start, entity.end) || is_description(&text, &tags))
    {
        return false;
    }
    if has_latin || suffixed || coded {
        return true;
    }
    // `少可` (from `至少可以`): two or three lone common chars are a piece of a clause.
    if text.chars().count() <= 3
        && tags
            .iter()
            .all(|t| t.word.chars().count() == 1 && is_common_tag(t.tag))
    {
        return false;
    }
    let Some(first) = tags.first() else {
        return false;
    };
    let last = tags.last().unwrap_or(first);
    let long = |word: &str| word.chars().count() >= 2;
    if tags.len() == 1 && is_function_tag(first.tag) {
        // `提供`, `担保`, `定期`, `合计`, `如果`, `大肆`.
        return false;
    }
    // `预计内地房企可`, `相关新闻`, `非常喜欢`, `因迟迟没有客户`.
    if long(first.word) && is_function_tag(first.tag) && !matches!(first.tag, "m" | "q" | "i") {
        return false;
    }
    if matches!(first.tag, "p" | "c" | "r" | "u" | "uj" | "d") {
        return false;
    }
    // `广州市政府一次性`, `折合楼面地价约`: a name does not end in an adverb.
    if matches!(last.tag, "d" | "ad" | "dg") {
        return false;
    }
    // An adverb, conjunction or preposition word inside (`因迟迟没有`).
    if tags
        .iter()
        .any(|t| long(t.word) && matches!(t.tag, "d" | "ad" | "c" | "p"))
    {
        return false;
    }
    // `球员市场`, `火线`, `旧拆迁条例`: a team or body phrase made only of common words jieba knows
    // is a description. Names the dictionary lacks hold a name word (a person's, place's or
    // brand's) or chars jieba cannot join into a word (`魅族` is `魅` + `族`). Company phrases are
    // not held to this: small firms are often named with common words (`栖霞建设`).
    entity.kind != EntityKind::Org
        || !(tags.iter().all(|t| is_common_tag(t.tag)) && tags.iter().any(|t| long(t.word)))
}

/// Words that make a phrase a clause about a deal rather than a name (`房企扎堆上市`).
const DEAL_WORDS: &[&str] = &[
    "上市", "融资", "募资", "收购", "并购", "招股", "挂牌", "筹资",
];

/// Nouns for a class of firms (`房企`, `银行`): after a place or a common word they describe firms.
const CLASS_NOUNS: &[&str] = &[
    "房企", "企业", "公司", "银行", "券商", "机构", "基金", "厂商", "集团", "财团",
];

/// Common words that make a class of firms (`内地房企`, `地方银行`); other common words before a
/// firm noun are often brands (`远山集团`, `星河公司`).
const CLASS_MODIFIERS: &[&str] = &[
    "内地", "国内", "海外", "境外", "外资", "中资", "民营", "国有", "地方", "本土", "大型", "中小",
    "中型", "小型", "上市", "知名", "相关", "其他", "同类",
];

/// True when `text` describes firms rather than naming one: it opens with a count, a determiner
/// or a pronoun (`众多基金公司`, `这家公司`, `多家银行`), is a class of firms after a place or a
/// class word (`内地房企`, `海外银行`), names a deal (`房企扎堆上市`), or holds the
/// word 公司 before more words (`距公司前任`: the company's former …). `tags` are jieba's tags of
/// `text`.
fn is_description(text: &str, tags: &[jieba_rs::Tag<'_>]) -> bool {
    let opener = tags.first().is_some_and(|t| {
        matches!(t.tag, "m" | "mq" | "r" | "rr" | "rz" | "q")
            || ["众多", "多家", "几家", "各家", "各", "诸多", "部分"].contains(&t.word)
    });
    // `内地房企`, `海外银行`, `民营企业`: a class word (or a place, for some classes) before a
    // noun for firms.
    let classed = CLASS_NOUNS.iter().any(|class| {
        text.strip_suffix(class).is_some_and(|head| {
            let head_tags = jieba().tag(head, false);
            // A place before a bank or a group names one (`北岭银行`); before `房企` or `企业`
            // it names a class.
            let place_class = ["房企", "企业", "券商", "机构", "厂商"].contains(class);
            matches!(head_tags.as_slice(), [only] if only.word.chars().count() >= 2
                && (place_class && matches!(only.tag, "ns" | "s" | "b")
                    || CLASS_MODIFIERS.contains(&only.word)))
        })
    });
    opener
        || classed
        || DEAL_WORDS.iter().any(|w| text.contains(w))
        || text
            .find("公司")
            .is_some_and(|b| b + "公司".len() < text.len())
}

/// True when the span `start..end` starts or ends inside a word jieba reads across its edge
/// (`澳门社` cut out of `澳门社会文化司`): a name is never half a word.
fn cuts_a_word(chars: &[char], start: usize, end: usize) -> bool {
    // Only a lone char at the span's edge can be half of a word across it: `澳门社` alone is
    // `澳门` + `社`, while `北岭银行` (before `前行长`) ends in the whole word `银行` however jieba
    // reads `银行前行长`.
    let text: String = chars[start..end].iter().collect();
    let own = jieba().cut(&text, false);
    let lone = |token: Option<&jieba_rs::Token<'_>>| token.is_some_and(|t| t.end - t.start == 1);
    let (lone_first, lone_last) = (lone(own.first()), lone(own.last()));
    if !lone_first && !lone_last {
        return false;
    }
    let from = start.saturating_sub(3);
    let to = (end + 3).min(chars.len());
    let window: String = chars[from..to].iter().collect();
    jieba().cut(&window, false).iter().any(|token| {
        let (a, b) = (from + token.start, from + token.end);
        (lone_first && a < start && start < b) || (lone_last && a < end && end < b)
    })
}

/// Last chars of the nouns that describe a person standing for a name (`高管`, `女大学生`, `球员`).
const PERSON_NOUN_ENDS: &str =
    "员师生者手家长人官星将帅哥姐总管父母子女工士警兵童客夫妇民友侠脚援腕巨秀";

/// True when a person phrase the fallback read is not a place, a body or a thing: `北京` is a city
/// and `基金` a fund, while `乙`, `阿马杜-迪亚洛` or `高管` may move.
pub(super) fn could_be_person(text: &str) -> bool {
    let tags = jieba().tag(text, false);
    let [only] = tags.as_slice() else {
        return true;
    };
    match only.tag {
        "ns" | "nt" | "nz" | "j" | "s" | "f" | "t" | "m" => false,
        "n" | "vn" | "v" | "a" => text.ends_with(|c: char| PERSON_NOUN_ENDS.contains(c)),
        _ => true,
    }
}

/// Tags of common (non-name) content words: nouns, verbs, adjectives and their kin.
fn is_common_tag(tag: &str) -> bool {
    is_function_tag(tag) || matches!(tag, "n" | "ng" | "a" | "an" | "ag" | "b" | "s" | "vg")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the fallback phrase `text`, of `kind`, standing alone, may be a name.
    fn may_name(kind: EntityKind, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let entity = Entity {
            kind,
            text: text.to_owned(),
            start: 0,
            end: chars.len(),
            name: text.to_owned(),
            owner: None,
        };
        could_be_name(&chars, &entity)
    }

    fn org(text: &str) -> bool {
        may_name(EntityKind::Company, text)
    }

    #[test]
    fn verbs_adverbs_and_clause_pieces_are_no_names() {
        for phrase in [
            "提供",
            "担保",
            "大肆",
            "如果",
            "相关新闻",
            "非常喜欢",
            "预计内地房企可",
            "因迟迟没有客户",
            "广州市政府一次性",
        ] {
            assert!(!org(phrase), "{phrase} taken for a name");
        }
    }

    #[test]
    fn descriptions_and_cut_words_are_no_names() {
        for phrase in [
            "众多基金公司",
            "这家公司",
            "房企扎堆上市",
            "距公司前任",
            "少可",
        ] {
            assert!(!org(phrase), "{phrase} taken for a name");
        }
        // `澳门社` cut out of `澳门社会文化司司长`.
        let chars: Vec<char> = "澳门社会文化司司长".chars().collect();
        let cut = Entity {
            kind: EntityKind::Org,
            text: "澳门社".into(),
            start: 0,
            end: 3,
            name: "澳门社".into(),
            owner: None,
        };
        assert!(!could_be_name(&chars, &cut));
    }

    #[test]
    fn places_and_things_do_not_move_but_described_people_do() {
        for phrase in ["上海", "基金", "北京"] {
            assert!(!could_be_person(phrase), "{phrase} taken for a person");
        }
        for phrase in ["高管", "女大学生", "王小明", "阿马杜-迪亚洛", "Ninja"] {
            assert!(could_be_person(phrase), "{phrase} refused");
        }
    }

    #[test]
    fn common_word_descriptions_are_no_teams() {
        let team = |text: &str| may_name(EntityKind::Org, text);
        for phrase in ["球员市场", "火线", "旧拆迁条例", "出卖方"] {
            assert!(!team(phrase), "{phrase} taken for a team");
        }
        for phrase in ["南控", "拉斯科纳", "铁拳小队"] {
            assert!(team(phrase), "{phrase} refused");
        }
    }

    #[test]
    fn names_with_verb_chars_or_their_own_evidence_stand() {
        for phrase in [
            "南控",
            "蔚来",
            "盛达资源",
            "新浪易居",
            "银润传媒",
            "和君资本",
            "东莞队",
            "WeWork",
            "理想汽车",
        ] {
            assert!(org(phrase), "{phrase} refused");
        }
    }
}

//! How a sentence asserts its event: stated, attributed, hearsay, intended or denied.
//!
//! Cues are read from the sentence itself, mostly before the trigger (`据知情人士透露，…`, `…计划…`);
//! denial and hearsay nouns count anywhere in the sentence (`…离职的传闻，公司予以否认`). When several
//! cues meet, the strongest statement about truth wins: denied, then rumored, then planned, then reported.

use zhnews_model::Modality;

const DENIED: &[&str] = &["否认", "辟谣", "不实", "纯属谣言", "并非事实", "子虚乌有"];
const RUMORED: &[&str] = &[
    "传言", "传闻", "据传", "传出", "盛传", "风传", "网传", "坊间", "爆料", "疑似", "或将",
];
const PLANNED: &[&str] = &[
    "计划",
    "将于",
    "将要",
    "即将",
    "准备",
    "打算",
    "筹备",
    "有望",
    "预计",
    "考虑",
    "寻求",
    "有意",
    "正在筹划",
    // Undecided or wished for: `犹豫是否退休`, `希望加盟甲队`.
    "犹豫",
    "是否",
    "希望",
    "想要",
    // Demanded by others or supposed: `要求他辞职`, `即使开除乙也…`, `如果签下乙`.
    "要求",
    "呼吁",
    "敦促",
    "如果",
    "假如",
    "倘若",
    "即使",
    "一旦",
];
const REPORTED: &[&str] = &[
    "报道",
    "据悉",
    "据了解",
    "据介绍",
    "透露",
    "知情人士",
    "消息人士",
    "援引",
    "消息称",
    "被曝",
    "被爆",
    "曝出",
    "爆出",
];
/// Negations that deny the very predicate they stand before (`并未离职`).
const NEGATIONS: &[&str] = &[
    "并未",
    "没有",
    "从未",
    "并没有",
    "不会",
    "未",
    "没",
    "不能",
    "无法",
    "不得",
    "不可能",
];

/// The modality of the event triggered at `trigger` (char offsets) in the sentence `[start, end)`.
pub(crate) fn of(chars: &[char], start: usize, end: usize, trigger: (usize, usize)) -> Modality {
    let before: String = chars[start..trigger.0].iter().collect();
    let whole: String = chars[start..end].iter().collect();
    let near: String = chars[trigger.0.saturating_sub(3).max(start)..trigger.0]
        .iter()
        .collect();
    if DENIED.iter().any(|c| whole.contains(c))
        || NEGATIONS
            .iter()
            .any(|n| near.ends_with(n) || near.ends_with(&format!("{n}正式")))
    {
        return Modality::Denied;
    }
    if RUMORED.iter().any(|c| whole.contains(c)) {
        return Modality::Rumored;
    }
    // `将` alone marks intent only right before the predicate (`他将离开`), not in `将其裁掉`.
    let clause_before: String = {
        let cs = super::sentences::clause_start(chars, trigger.0, start);
        chars[cs..trigger.0].iter().collect()
    };
    let will = {
        let tail: Vec<char> = near.chars().collect();
        tail.iter().rev().take(3).any(|&c| c == '将') && !near.contains("将其")
    };
    // `拟` (intends to) but not `模拟` / `虚拟`.
    let intends = clause_before
        .char_indices()
        .any(|(i, c)| c == '拟' && !clause_before[..i].ends_with(['模', '虚']));
    if PLANNED.iter().any(|c| clause_before.contains(c)) || will || intends {
        return Modality::Planned;
    }
    if REPORTED.iter().any(|c| before.contains(c))
        || (before.contains('据') && before.contains('称'))
    {
        return Modality::Reported;
    }
    Modality::Asserted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn modality(text: &str, trigger: &str) -> Modality {
        let chars: Vec<char> = text.chars().collect();
        let byte = text.find(trigger).unwrap();
        let s = text[..byte].chars().count();
        of(&chars, 0, chars.len(), (s, s + trigger.chars().count()))
    }

    #[test]
    fn reads_cues() {
        assert_eq!(
            modality("甲公司CEO王五已于上周离职", "离职"),
            Modality::Asserted
        );
        assert_eq!(
            modality("据知情人士透露，王五已离职", "离职"),
            Modality::Reported
        );
        assert_eq!(modality("市场传言王五将离职", "离职"), Modality::Rumored);
        assert_eq!(
            modality("王五计划明年加入乙公司", "加入"),
            Modality::Planned
        );
        assert_eq!(modality("他将离开公司", "离开"), Modality::Planned);
        assert_eq!(
            modality("王五还在犹豫是否就此退休", "退休"),
            Modality::Planned
        );
        assert_eq!(
            modality("乙公司否认王五加入的消息", "加入"),
            Modality::Denied
        );
        assert_eq!(modality("王五并未离职", "离职"), Modality::Denied);
        assert_eq!(modality("甲国不能加入该组织", "加入"), Modality::Denied);
        assert_eq!(
            modality("议员们要求王五马上辞职", "辞职"),
            Modality::Planned
        );
        assert_eq!(
            modality("即使开除王五也无法挽回", "开除"),
            Modality::Planned
        );
        assert_eq!(modality("丙公司已将其裁掉", "裁掉"), Modality::Asserted);
    }
}

//! Fuzzing the amount recognizer with arbitrary and adversarial strings: it never panics, never
//! overflows (a value that does not fit is left out), and every offset lies inside the text on a
//! char boundary, with `text` equal to the chars it spans.

use proptest::prelude::*;
use zhnews_extract::amount::{find_amounts, find_numbers};
use zhnews_model::{Amount, Qualifier};

fn check_offsets(text: &str, found: &[Amount]) {
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0;
    for a in found {
        assert!(a.start < a.end, "{a:?}");
        assert!(a.end <= chars.len(), "{a:?} beyond {} chars", chars.len());
        assert!(
            a.start >= last_end,
            "overlapping mentions in {text:?}: {found:?}"
        );
        last_end = a.end;
        let span: String = chars[a.start..a.end].iter().collect();
        assert_eq!(span, a.text);
        if a.qualifier == Qualifier::Range {
            assert!(a.max.is_some(), "{a:?}");
        } else {
            assert!(a.max.is_none(), "{a:?}");
        }
    }
}

/// Strings made of the chars the recognizer reacts to, so the fuzzer reaches deep paths.
fn numeral_soup() -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = "0123456789０１２３４５６７８９.．,，-－ 　零〇一二两三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟萬億几数多余上近约超过逾以下内左右点个元块角毛分钱美港欧日币人民%％成折级第年月的用户台家$￥RMBUS"
        .chars()
        .collect();
    proptest::collection::vec(proptest::sample::select(alphabet), 0..60)
        .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings_are_safe(text in any::<String>()) {
        let found = find_amounts(&text, &[]);
        check_offsets(&text, &found);
        check_offsets(&text, &find_numbers(&text, &[]));
    }

    #[test]
    fn numeral_soup_is_safe(text in numeral_soup()) {
        let found = find_amounts(&text, &[]);
        check_offsets(&text, &found);
        check_offsets(&text, &find_numbers(&text, &[]));
    }

    #[test]
    fn blocked_spans_are_respected(text in numeral_soup(), a in 0usize..70, len in 0usize..20) {
        let blocked = [(a, a + len)];
        let found = find_amounts(&text, &blocked);
        check_offsets(&text, &found);
        for m in &found {
            assert!(m.end <= a || m.start >= a + len || len == 0, "{m:?} inside {blocked:?} of {text:?}");
        }
    }
}

#[test]
fn huge_digit_runs_and_stacked_magnitudes_do_not_overflow() {
    let long = "9".repeat(5000);
    for text in [
        format!("融资{long}亿元"),
        long.clone(),
        format!("估值{long}.{long}美元"),
        "亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿元".to_string(),
        "一亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿元".to_string(),
        "九千九百九十九万亿亿亿亿亿亿兆兆兆兆兆兆元".to_string(),
        "99999999999999999999999999999999999999亿元".to_string(),
        "百分之99999999999999999999999999999999999999999".to_string(),
        "-".repeat(1000) + "5元",
        "万".repeat(10_000),
        "一".repeat(10_000),
        "1,".repeat(3000) + "000元",
    ] {
        let found = find_amounts(&text, &[]);
        check_offsets(&text, &found);
        check_offsets(&text, &find_numbers(&text, &[]));
    }
}

#[test]
fn blocked_spans_out_of_range_are_harmless() {
    let text = "完成5亿元融资";
    let found = find_amounts(
        text,
        &[(100, 200), (5, 3), (0, 0), (usize::MAX - 1, usize::MAX)],
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "5亿元");
}

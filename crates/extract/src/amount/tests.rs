use super::*;

fn amounts(text: &str) -> Vec<Amount> {
    find_amounts(text, &[])
}

fn one(text: &str) -> Amount {
    let found = amounts(text);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn funding_round_in_yuan() {
    let a = one("该公司宣布完成3.5亿元B轮融资。");
    assert_eq!(a.text, "3.5亿元");
    assert_eq!(a.kind, AmountKind::Money);
    assert_eq!(a.value, dec("350000000"));
    assert_eq!(a.currency.as_deref(), Some("CNY"));
    assert_eq!((a.start, a.end), (7, 12));
}

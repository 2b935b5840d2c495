//! Every construction of the amount issue, in sentences written for these tests.

use super::*;

fn amounts(text: &str) -> Vec<Amount> {
    find_amounts(text, &[])
}

fn money(text: &str) -> Vec<Amount> {
    amounts(text)
        .into_iter()
        .filter(|a| a.kind == AmountKind::Money)
        .collect()
}

/// The single amount of `text` (fails when there is not exactly one).
fn one(text: &str) -> Amount {
    let found = amounts(text);
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Checks text, kind, value, currency and qualifier of the single amount of `text`.
fn check(
    text: &str,
    surface: &str,
    kind: AmountKind,
    value: &str,
    currency: Option<&str>,
    q: Qualifier,
) -> Amount {
    let a = one(text);
    assert_eq!(a.text, surface, "{text}");
    assert_eq!(a.kind, kind, "{text}");
    assert_eq!(a.value, dec(value), "{text}");
    assert_eq!(a.currency.as_deref(), currency, "{text}");
    assert_eq!(a.qualifier, q, "{text}");
    let chars: Vec<char> = text.chars().collect();
    let span: String = chars[a.start..a.end].iter().collect();
    assert_eq!(span, a.text, "offsets of {text}");
    a
}

use AmountKind::{Count, Money, Percent};
use Qualifier::{About, Exact, Over, Range, Under};

#[test]
fn funding_round_in_yuan() {
    let a = check(
        "该公司宣布完成3.5亿元B轮融资。",
        "3.5亿元",
        Money,
        "350000000",
        Some("CNY"),
        Exact,
    );
    assert_eq!((a.start, a.end), (7, 12));
}

#[test]
fn arabic_numerals_with_separators_and_magnitudes() {
    check(
        "这家芯片公司去年营收达1,100.9亿元。",
        "1,100.9亿元",
        Money,
        "110090000000",
        Some("CNY"),
        Exact,
    );
    check(
        "其海外业务收入为1.4亿美元。",
        "1.4亿美元",
        Money,
        "140000000",
        Some("USD"),
        Exact,
    );
    check(
        "新一期基金规模为4.78万亿日元。",
        "4.78万亿日元",
        Money,
        "4780000000000",
        Some("JPY"),
        Exact,
    );
    check(
        "全行业投资规模约1.5万亿元。",
        "约1.5万亿元",
        Money,
        "1500000000000",
        Some("CNY"),
        About,
    );
}

#[test]
fn chinese_numerals() {
    check(
        "这笔天使轮融资为三千二百万元。",
        "三千二百万元",
        Money,
        "32000000",
        Some("CNY"),
        Exact,
    );
    check(
        "公司向团队发放了两千五百万元奖金。",
        "两千五百万元",
        Money,
        "25000000",
        Some("CNY"),
        Exact,
    );
    check(
        "工作室最终以一万二元的价格接单。",
        "一万二元",
        Money,
        "12000",
        Some("CNY"),
        Exact,
    );
    check(
        "这位主播被罚了三万五。",
        "三万五",
        Money,
        "35000",
        None,
        Exact,
    );
    check(
        "他给出的报价是十万元整。",
        "十万元整",
        Money,
        "100000",
        Some("CNY"),
        Exact,
    );
    check(
        "这项服务的月费降为零元。",
        "零元",
        Money,
        "0",
        Some("CNY"),
        Exact,
    );
}

#[test]
fn mixed_numerals() {
    check(
        "该项目补贴为100万三千元。",
        "100万三千元",
        Money,
        "1003000",
        Some("CNY"),
        Exact,
    );
    check(
        "研发投入共计3万4000元。",
        "3万4000元",
        Money,
        "34000",
        Some("CNY"),
        Exact,
    );
}

#[test]
fn full_width_digits_and_ideographic_space() {
    check(
        "公司获得１．５亿元战略投资。",
        "１．５亿元",
        Money,
        "150000000",
        Some("CNY"),
        Exact,
    );
    check(
        "计划五年内投入５００\u{3000}亿元。",
        "５００\u{3000}亿元",
        Money,
        "50000000000",
        Some("CNY"),
        Exact,
    );
}

#[test]
fn zhao_is_ten_to_the_twelfth() {
    check(
        "该国政府债务总额达到一兆二千亿日元。",
        "一兆二千亿日元",
        Money,
        "1200000000000",
        Some("JPY"),
        Exact,
    );
}

#[test]
fn negative_numbers() {
    check(
        "本季度自由现金流为负10000元。",
        "负10000元",
        Money,
        "-10000",
        Some("CNY"),
        Exact,
    );
    check(
        "经营利润为-3.5亿元，亏损扩大。",
        "-3.5亿元",
        Money,
        "-350000000",
        Some("CNY"),
        Exact,
    );
}

#[test]
fn percentages() {
    check(
        "广告收入同比增长12.5%。",
        "12.5%",
        Percent,
        "12.5",
        None,
        Exact,
    );
    check(
        "用户留存率提升了百分之三十。",
        "百分之三十",
        Percent,
        "30",
        None,
        Exact,
    );
    check(
        "毛利率同比下滑2.3个百分点。",
        "2.3个百分点",
        Percent,
        "2.3",
        None,
        Exact,
    );
    check(
        "超过八成的受访开发者使用了大模型。",
        "超过八成",
        Percent,
        "80",
        None,
        Over,
    );
    check(
        "坏账率控制在千分之五以内。",
        "千分之五以内",
        Percent,
        "0.5",
        None,
        Under,
    );
    check(
        "会员商品一律打八五折。",
        "八五折",
        Percent,
        "85",
        None,
        Exact,
    );
    let a = check(
        "预计渗透率将达到10%-15%。",
        "10%-15%",
        Percent,
        "10",
        None,
        Range,
    );
    assert_eq!(a.max, Some(dec("15")));
}

#[test]
fn currency_words_map_to_iso_codes() {
    let cases = [
        ("单价为99元。", "CNY"),
        ("人民币3亿元的专项基金已到位。", "CNY"),
        ("门票二十块钱一张。", "CNY"),
        ("这款耳机售价199美元。", "USD"),
        ("签约奖金高达50万美金。", "USD"),
        ("交易对价为8.8亿港元。", "HKD"),
        ("配售所得约12亿港币。", "HKD"),
        ("获得欧盟3000万欧元资助。", "EUR"),
        ("游戏开发成本约20亿日元。", "JPY"),
        ("英国子公司收入为500万英镑。", "GBP"),
        ("韩国工厂追加投资1.2万亿韩元。", "KRW"),
        ("被罚款8000瑞士法郎。", "CHF"),
        ("订阅价格为$20每月。", "USD"),
        ("入门款定价￥2999。", "CNY"),
        ("本轮募集US$5000万。", "USD"),
        ("股价收于HK$380。", "HKD"),
        ("一期投入RMB 2亿。", "CNY"),
    ];
    for (text, code) in cases {
        let found = money(text);
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        assert_eq!(found[0].currency.as_deref(), Some(code), "{text}");
    }
}

#[test]
fn currency_before_and_after_is_one_mention() {
    check(
        "双方约定以人民币3亿元完成交割。",
        "人民币3亿元",
        Money,
        "300000000",
        Some("CNY"),
        Exact,
    );
    check(
        "首期募资5亿元人民币。",
        "5亿元人民币",
        Money,
        "500000000",
        Some("CNY"),
        Exact,
    );
    let a = check(
        "此次收购约合人民币2.3亿元。",
        "约合人民币2.3亿元",
        Money,
        "230000000",
        Some("CNY"),
        About,
    );
    assert_eq!(a.start, 4);
}

#[test]
fn values_stay_exact() {
    let found = money("当日汇率为1欧元兑1.0753美元。");
    assert_eq!(found.len(), 2);
    assert_eq!((found[0].text.as_str(), found[0].end), ("1欧元", 8));
    assert_eq!(found[1].value.to_string(), "1.0753");
    assert_eq!(serde_json::to_string(&found[1].value).unwrap(), "1.0753");
}

#[test]
fn bare_magnitudes_need_a_money_context() {
    check(
        "这家机器人公司估值已达13亿。",
        "13亿",
        Money,
        "1300000000",
        None,
        Exact,
    );
    check(
        "平台方因违规被罚款100万。",
        "100万",
        Money,
        "1000000",
        None,
        Exact,
    );
    check(
        "京东领投其5亿融资。",
        "5亿",
        Money,
        "500000000",
        None,
        Exact,
    );
    check(
        "去年亏损20亿，今年有望扭亏。",
        "20亿",
        Money,
        "2000000000",
        None,
        Exact,
    );
    // No money word: a count with no unit, never money.
    let a = check(
        "该赛事在全球吸引了3亿观看。",
        "3亿",
        Count,
        "300000000",
        None,
        Exact,
    );
    assert_eq!(a.unit, None);
    // A count word nearer than the money word wins: `付费用户` holds `费用`.
    let a = check(
        "公司的付费用户达1200万。",
        "1200万",
        Count,
        "12000000",
        None,
        Exact,
    );
    assert_eq!(a.unit, None);
}

#[test]
fn about_words() {
    check(
        "这笔交易约5000万美元。",
        "约5000万美元",
        Money,
        "50000000",
        Some("USD"),
        About,
    );
    check(
        "外界估计其估值大约80亿元。",
        "大约80亿元",
        Money,
        "8000000000",
        Some("CNY"),
        About,
    );
    check(
        "单台售价在3000元左右。",
        "3000元左右",
        Money,
        "3000",
        Some("CNY"),
        About,
    );
    check(
        "月均广告投放10万元上下。",
        "10万元上下",
        Money,
        "100000",
        Some("CNY"),
        About,
    );
}

#[test]
fn over_words_give_the_lower_bound() {
    check(
        "公司累计融资超过10亿元。",
        "超过10亿元",
        Money,
        "1000000000",
        Some("CNY"),
        Over,
    );
    check(
        "研发投入逾2亿美元。",
        "逾2亿美元",
        Money,
        "200000000",
        Some("USD"),
        Over,
    );
    check(
        "项目总投资1亿元以上。",
        "1亿元以上",
        Money,
        "100000000",
        Some("CNY"),
        Over,
    );
    check(
        "首日票房至少5000万元。",
        "至少5000万元",
        Money,
        "50000000",
        Some("CNY"),
        Over,
    );
}

#[test]
fn under_words_give_the_bound() {
    check(
        "全年营收近1.4亿元人民币。",
        "近1.4亿元人民币",
        Money,
        "140000000",
        Some("CNY"),
        Under,
    );
    check(
        "单笔订单将近80万元。",
        "将近80万元",
        Money,
        "800000",
        Some("CNY"),
        Under,
    );
    check(
        "这轮融资接近7亿美元。",
        "接近7亿美元",
        Money,
        "700000000",
        Some("USD"),
        Under,
    );
    check(
        "公司账上现金不到3000万元。",
        "不到3000万元",
        Money,
        "30000000",
        Some("CNY"),
        Under,
    );
    check(
        "初创团队启动资金不足50万元。",
        "不足50万元",
        Money,
        "500000",
        Some("CNY"),
        Under,
    );
    check(
        "单次采购控制在5万元以内。",
        "5万元以内",
        Money,
        "50000",
        Some("CNY"),
        Under,
    );
    check(
        "每位用户补贴最多200元。",
        "最多200元",
        Money,
        "200",
        Some("CNY"),
        Under,
    );
}

fn range(text: &str, surface: &str, low: &str, high: &str, currency: Option<&str>) {
    let a = check(text, surface, Money, low, currency, Range);
    assert_eq!(a.max, Some(dec(high)), "{text}");
}

#[test]
fn ranges() {
    range(
        "本轮预计募资10-20亿元。",
        "10-20亿元",
        "1000000000",
        "2000000000",
        Some("CNY"),
    );
    range(
        "新基金规模在10亿至20亿美元之间。",
        "10亿至20亿美元",
        "1000000000",
        "2000000000",
        Some("USD"),
    );
    range(
        "该公司去年营收三千多万元。",
        "三千多万元",
        "30000000",
        "40000000",
        Some("CNY"),
    );
    range(
        "累计发放补贴200余万元。",
        "200余万元",
        "2000000",
        "3000000",
        Some("CNY"),
    );
    range(
        "巨头们每年为此投入几十亿元。",
        "几十亿元",
        "1000000000",
        "10000000000",
        Some("CNY"),
    );
    range(
        "行业内数十亿美元的并购频现。",
        "数十亿美元",
        "1000000000",
        "10000000000",
        Some("USD"),
    );
    range(
        "单个客户年付费上亿元。",
        "上亿元",
        "100000000",
        "1000000000",
        Some("CNY"),
    );
    range(
        "完成了千万级人民币的天使轮融资。",
        "千万级人民币",
        "10000000",
        "100000000",
        Some("CNY"),
    );
    range(
        "该公司完成百亿级融资。",
        "百亿级",
        "10000000000",
        "100000000000",
        None,
    );
    range(
        "这笔订单价值八九亿元。",
        "八九亿元",
        "800000000",
        "900000000",
        Some("CNY"),
    );
    range(
        "目标估值在两到三百亿美元。",
        "两到三百亿美元",
        "20000000000",
        "30000000000",
        Some("USD"),
    );
}

#[test]
fn counts_are_never_money() {
    let a = check(
        "这款应用拥有7亿的用户。",
        "7亿",
        Count,
        "700000000",
        None,
        Exact,
    );
    assert_eq!(a.unit.as_deref(), Some("用户"));
    let a = check(
        "官网上月获得305万月访问量。",
        "305万",
        Count,
        "3050000",
        None,
        Exact,
    );
    assert_eq!(a.unit.as_deref(), Some("月访问量"));
    let a = check(
        "今年手机出货量突破2000万台。",
        "突破2000万",
        Count,
        "20000000",
        None,
        Over,
    );
    assert_eq!(a.unit.as_deref(), Some("台"));
    let a = check("已有50家企业接入该平台。", "50", Count, "50", None, Exact);
    assert_eq!(a.unit.as_deref(), Some("家"));
    let a = check(
        "这款模型一周被调用20万次以上。",
        "20万",
        Count,
        "200000",
        None,
        Over,
    );
    assert_eq!(a.unit.as_deref(), Some("次"));
    // Even next to a money word, a count stays a count.
    let a = check(
        "融资后团队扩充到300名员工。",
        "300",
        Count,
        "300",
        None,
        Exact,
    );
    assert_eq!(a.unit.as_deref(), Some("名"));
}

#[test]
fn names_and_ordinary_words_are_not_numbers() {
    for text in [
        "零一万物发布了新模型。",
        "昆仑万维宣布组织调整。",
        "万兴科技推出视频工具。",
        "一加发布了新款手机。",
        "三星电子公布季度财报。",
        "万达集团出售了部分资产。",
        "他们千方百计寻找融资。",
        "这首歌叫一万个理由。",
        "公司在该领域排名第一。",
        "一些投资人表示观望。",
        "万一融资失败怎么办？",
        "这个结果十分重要。",
    ] {
        let found = amounts(text);
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
}

#[test]
fn blocked_spans_are_not_read() {
    // A made-up firm name with numerals, blocked as the entity recognizer would.
    let text = "七星万象完成新一轮融资。";
    assert!(find_amounts(text, &[(0, 4)]).is_empty());
    let text = "百川九号获得5亿元投资。";
    let found = find_amounts(text, &[(0, 4)]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "5亿元");
}

#[test]
fn dates_times_codes_versions_and_ordinals_are_not_amounts() {
    for text in [
        "公司成立于2024年。",
        "发布会定于9月13日举行。",
        "会议将在10:20开始。",
        "客服电话是13812345678。",
        "贵州茅台（600519）午后拉升。",
        "苹果推送了iOS 18正式版。",
        "公司正在筹备第三轮融资。",
        "二〇二三年公司扭亏为盈。",
    ] {
        let found = amounts(text);
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
}

#[test]
fn jiao_and_fen_after_yuan() {
    check(
        "这杯咖啡卖十二元五角。",
        "十二元五角",
        Money,
        "12.5",
        Some("CNY"),
        Exact,
    );
    check(
        "每股派息3元2角5分。",
        "3元2角5分",
        Money,
        "3.25",
        Some("CNY"),
        Exact,
    );
    check(
        "一瓶水才一块五。",
        "一块五",
        Money,
        "1.5",
        Some("CNY"),
        Exact,
    );
}

#[test]
fn colloquial_ge_yi() {
    check(
        "他定下了赚一个亿的小目标。",
        "一个亿",
        Money,
        "100000000",
        None,
        Exact,
    );
}

#[test]
fn measure_words_after_a_lone_chinese_digit_are_determiners() {
    assert!(amounts("三家公司联合发布了标准。").is_empty());
    assert!(amounts("屏幕下方有一块2.7英寸副屏。").is_empty());
}

#[test]
fn several_amounts_in_one_sentence_keep_text_order() {
    let text = "公司去年营收52亿元，同比增长18%，净亏损3.1亿元，付费用户达1200万。";
    let found = amounts(text);
    let kinds: Vec<AmountKind> = found.iter().map(|a| a.kind).collect();
    assert_eq!(kinds, vec![Money, Percent, Money, Count]);
    assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
    assert_eq!(found[3].unit, None);
    assert_eq!(found[3].value, dec("12000000"));
}

#[test]
fn text_without_numerals_gives_nothing() {
    assert!(amounts("").is_empty());
    assert!(amounts("今天天气很好，适合出门。").is_empty());
}

#[test]
fn a_percent_and_a_sum_are_not_one_range() {
    let found = amounts("季度营收同比增长35%至12.3亿元。");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!((found[0].kind, found[0].text.as_str()), (Percent, "35%"));
    assert_eq!((found[1].kind, found[1].text.as_str()), (Money, "12.3亿元"));
}

#[test]
fn a_price_after_a_latin_word() {
    check(
        "输出价格降至每百万tokens 0.8元。",
        "0.8元",
        Money,
        "0.8",
        Some("CNY"),
        Exact,
    );
}

#[test]
fn zhao_before_an_si_unit_is_mega() {
    let found = amounts("新园区接入了1000兆带宽，年投资5000万元。");
    let money: Vec<&Amount> = found.iter().filter(|a| a.kind == Money).collect();
    assert_eq!(money.len(), 1, "{found:#?}");
    assert_eq!(money[0].text, "5000万元");
    assert!(
        found.iter().all(|a| a.value != dec("1000000000000000")),
        "{found:#?}"
    );
}

#[test]
fn level_after_the_currency() {
    range(
        "这家公司完成亿元级A轮融资。",
        "亿元级",
        "100000000",
        "1000000000",
        Some("CNY"),
    );
    range(
        "该项目获得千万元级天使投资。",
        "千万元级",
        "10000000",
        "100000000",
        Some("CNY"),
    );
}

#[test]
fn each_money_word_licenses_a_bare_magnitude() {
    for text in [
        "这家初创公司投资了8000万。",
        "该业务去年收入300亿。",
        "平台季度营收120亿，创下新高。",
        "集团全年利润45亿。",
        "公司市值蒸发了500亿。",
        "单个模型的训练成本高达2亿。",
        "三年累计投入60亿用于研发。",
        "一次发布会花费3000万。",
        "新品售价1.2万起。",
        "这笔交易的金额为4亿。",
    ] {
        let found = money(text);
        assert_eq!(found.len(), 1, "{text}: {:#?}", amounts(text));
        assert_eq!(found[0].currency, None, "{text}");
    }
}

#[test]
fn values_that_do_not_fit_are_left_out() {
    let text = format!("估值达{}亿元。", "9".repeat(45));
    assert!(money(&text).is_empty());
    assert!(amounts("亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿亿元").is_empty());
    // The huge number is dropped, the next amount is still read.
    let text = format!("{}元和5亿元", "9".repeat(45));
    let found = money(&text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "5亿元");
}

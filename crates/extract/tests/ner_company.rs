//! Company recognition outside the dictionary, one test per rule family, on the editors' own
//! tech and business news sentences (invented firms unless a real one is the point), with the
//! negatives each rule must leave alone.

use std::sync::LazyLock;
use zhnews_extract::Extractor;
use zhnews_model::{Entity, EntityKind};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fn extract(text: &str) -> Vec<Entity> {
    EXTRACTOR.entities(text)
}

fn companies(text: &str) -> Vec<String> {
    extract(text)
        .into_iter()
        .filter(|e| e.kind == EntityKind::Company)
        .map(|e| e.text)
        .collect()
}

fn company_named(text: &str, mention: &str) -> Option<String> {
    extract(text)
        .into_iter()
        .find(|e| e.kind == EntityKind::Company && e.text == mention)
        .map(|e| e.name)
}

#[test]
fn members_of_a_list_anchored_by_a_known_company_are_companies() {
    let found = companies("据统计，腾讯、网易、鹰角网络、叠纸等厂商均已拿到版号。");
    assert!(found.contains(&"鹰角网络".to_owned()), "{found:?}");
    let found = companies("腾讯、字节跳动和沐曦均参与了本轮投资。");
    assert!(found.contains(&"沐曦".to_owned()), "{found:?}");
    // `等公司` closes a list of firms even without a known member.
    let found = companies("Zentrix、Corvana等公司都下调了全年预期。");
    assert!(found.contains(&"Zentrix".to_owned()), "{found:?}");
    assert!(found.contains(&"Corvana".to_owned()), "{found:?}");
}

#[test]
fn a_list_without_a_company_makes_no_companies() {
    let found = companies("会上讨论了算力、数据、人才等问题。");
    assert!(found.is_empty(), "{found:?}");
    let found = companies("他先后去过杭州、苏州和南京。");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_bare_brand_before_a_firm_only_cue() {
    let found = companies("昨日，峰岚智行总裁在发布会上透露了量产时间。");
    assert!(found.contains(&"峰岚智行".to_owned()), "{found:?}");
    let found = companies("受此影响，沃芯微股价当日下跌7%。");
    assert!(found.contains(&"沃芯微".to_owned()), "{found:?}");
}

#[test]
fn a_person_before_a_title_stays_a_person() {
    let entities = extract("张建国董事长主持了本次会议。");
    assert!(
        entities.iter().all(|e| e.kind != EntityKind::Company),
        "{entities:?}"
    );
}

#[test]
fn a_home_city_before_a_company_is_part_of_the_mention() {
    assert_eq!(
        company_named("深圳招商银行推出了新的房贷产品。", "深圳招商银行").as_deref(),
        Some("招商银行")
    );
    assert_eq!(
        company_named("沪工行对小微企业的贷款增长了两成。", "沪工行").as_deref(),
        Some("工商银行")
    );
}

#[test]
fn branches_departments_and_units_named_after_the_parent() {
    assert_eq!(
        company_named("招商银行北京分行近日发布公告。", "招商银行北京分行").as_deref(),
        Some("招商银行")
    );
    assert_eq!(
        company_named("腾讯上海公司将搬入新园区。", "腾讯上海公司").as_deref(),
        Some("腾讯")
    );
    let found = companies("百度战略投资部负责人表示，今年将加大投入。");
    assert!(found.contains(&"百度战略投资部".to_owned()), "{found:?}");
    let found = companies("京东物流公司宣布在华南新建三个仓库。");
    assert!(found.contains(&"京东物流公司".to_owned()), "{found:?}");
    // Not a department: `内部`, a direction.
    let found = companies("腾讯内部已经开始测试这一功能。");
    assert!(found.contains(&"腾讯".to_owned()), "{found:?}");
    let found = companies("华为东部的研发中心年底落成。");
    assert!(found.contains(&"华为".to_owned()), "{found:?}");
}

#[test]
fn a_bracketed_region_or_latin_name_belongs_to_the_legal_name() {
    let text = "星岳计算机技术（上海）有限公司今日成立。";
    let found = companies(text);
    assert!(
        found.contains(&"星岳计算机技术（上海）有限公司".to_owned()),
        "{found:?}"
    );
    let found = companies("汇丰银行（中国）有限公司宣布下调存款利率。");
    assert!(
        found.contains(&"汇丰银行（中国）有限公司".to_owned()),
        "{found:?}"
    );
    // A stock code in brackets is no part of the name.
    let found = companies("招商银行（600036）发布了三季报。");
    assert!(found.contains(&"招商银行".to_owned()), "{found:?}");
}

#[test]
fn a_legal_form_cut_in_two_by_the_segmenter_is_still_a_legal_name() {
    let found = companies("杭州云栖智算科技有限责任公司完成了工商变更。");
    assert!(
        found.contains(&"杭州云栖智算科技有限责任公司".to_owned()),
        "{found:?}"
    );
}

#[test]
fn latin_corporate_words_and_maker_verbs() {
    let found = companies("这款游戏由Bright Harbor Studios负责开发。");
    assert!(
        found.contains(&"Bright Harbor Studios".to_owned()),
        "{found:?}"
    );
    let found = companies("此前Quantiva推出了首款推理芯片。");
    assert!(found.contains(&"Quantiva".to_owned()), "{found:?}");
    // A platform after 在 is where, not who.
    let found = companies("该作将在Steam推出。");
    assert!(!found.contains(&"Steam".to_owned()), "{found:?}");
}

#[test]
fn a_maker_named_in_a_you_frame() {
    let found = companies("《星海回响》由澜汐互娱研发，明年上线。");
    assert!(found.iter().any(|c| c.starts_with("澜汐")), "{found:?}");
}

#[test]
fn a_described_company_keeps_its_head_name() {
    let found = companies("据星曜拍卖公司介绍，本场成交额创新高。");
    assert!(found.contains(&"星曜拍卖公司".to_owned()), "{found:?}");
    // Description only: no name.
    let found = companies("他在一家咨询公司工作过三年。");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_dictionary_name_cut_inside_a_longer_word_is_not_taken() {
    let found = companies("中国银行业协会发布了年度报告。");
    assert!(!found.contains(&"中国银行".to_owned()), "{found:?}");
}

#[test]
fn an_organisation_does_not_lead_a_firm_brand() {
    let entities = extract("清华大学信托研究中心发布报告。");
    assert!(
        entities
            .iter()
            .all(|e| !(e.kind == EntityKind::Company && e.text.contains("大学"))),
        "{entities:?}"
    );
}

#[test]
fn big_bank_initials_in_a_list_are_their_banks() {
    let entities = extract("新规出台后，工、农、中、建四大行均已跟进。");
    let banks: Vec<&str> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Company)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(
        banks,
        ["工商银行", "农业银行", "中国银行", "建设银行"],
        "{entities:?}"
    );
    // One initial alone is a plain char.
    let found = companies("他在中、小学都当过老师。");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_common_word_member_needs_several_firms_around_it() {
    let found = companies("目前招行、工行、兴业均已上调了首套房利率。");
    assert!(found.contains(&"兴业".to_owned()), "{found:?}");
    let found = companies("招行与发展都是今年的主题。");
    assert!(!found.contains(&"发展".to_owned()), "{found:?}");
}

#[test]
fn generic_ranks_and_sizes_before_a_suffix_are_no_names() {
    let found = companies("这份榜单评出了十大公司，中小银行无一上榜。");
    assert!(found.is_empty(), "{found:?}");
    let found = companies("该行首席投资总监认为下半年利率仍将下行。");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn state_organs_and_international_bodies_are_orgs() {
    let entities = extract("外交部发言人表示，东盟与联合国将加强合作。");
    for org in ["外交部", "东盟", "联合国"] {
        assert!(
            entities
                .iter()
                .any(|e| e.kind == EntityKind::Org && e.text == org),
            "{org}: {entities:?}"
        );
    }
}

#[test]
fn a_legal_name_starts_after_the_words_that_introduce_it() {
    let found = companies("被告上海星岚网络科技有限公司未出庭。");
    assert!(
        found.contains(&"上海星岚网络科技有限公司".to_owned()),
        "{found:?}"
    );
}

#[test]
fn an_extended_mention_outranks_a_company_read_inside_it() {
    let found = companies("育碧蒙特利尔工作室公布了新作。");
    assert!(
        found.contains(&"育碧蒙特利尔工作室".to_owned()),
        "{found:?}"
    );
}

#[test]
fn law_and_accounting_firms_are_firms() {
    let found = companies("上海岚衡律师事务所合伙人表示，该条款并不违法。");
    assert!(
        found.contains(&"上海岚衡律师事务所".to_owned()),
        "{found:?}"
    );
    let found = companies("他后来去了一家律师事务所。");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_brand_owning_a_firm_only_noun_through_de() {
    let found = companies("Veltrix的首席执行官在采访中否认了裁员传闻。");
    assert!(found.contains(&"Veltrix".to_owned()), "{found:?}");
    let found = companies("沃芯微的股价在午后大幅拉升。");
    assert!(found.contains(&"沃芯微".to_owned()), "{found:?}");
}

#[test]
fn a_sub_branch_named_by_its_street_and_a_unit_inside_it() {
    assert_eq!(
        company_named(
            "招商银行科苑路支行信贷部称，本月额度已经用完。",
            "招商银行科苑路支行信贷部"
        )
        .as_deref(),
        Some("招商银行")
    );
    // A subsidiary in general is no name of its own.
    let found = companies("百度子公司的员工也将参与。");
    assert!(!found.iter().any(|c| c.contains("子公司")), "{found:?}");
}

#[test]
fn a_partner_in_a_yu_frame() {
    let found = companies("该出版社与澜汐互娱合作推出了有声书。");
    assert!(found.iter().any(|c| c.starts_with("澜汐")), "{found:?}");
    // A person in the frame stays a person.
    let entities = extract("他与张伟合作完成了这篇论文。");
    assert!(
        entities.iter().all(|e| e.kind != EntityKind::Company),
        "{entities:?}"
    );
}

#[test]
fn bank_initials_right_after_a_preposition() {
    let entities = extract("记者走访了工、农、中、建四家银行。");
    let banks = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Company)
        .count();
    assert_eq!(banks, 4, "{entities:?}");
}

#[test]
fn firms_across_sectors_are_found_before_a_verb_or_a_staff_word() {
    for (text, mention, name) in [
        ("魅族开始在海外市场招聘工程师。", "魅族", "魅族"),
        ("WeWork的员工收到了一封内部信。", "WeWork", "WeWork"),
        ("油服公司哈里伯顿下调了全年预期。", "哈里伯顿", "哈里伯顿"),
        (
            "据悉，Halliburton将出售一项钻井业务。",
            "Halliburton",
            "哈里伯顿",
        ),
        ("国泰航空公布了新的高层任命。", "国泰航空", "国泰航空"),
        ("隆基绿能与通威股份签署了长单。", "通威股份", "通威股份"),
    ] {
        assert_eq!(
            company_named(text, mention).as_deref(),
            Some(name),
            "{text}: {:?}",
            extract(text)
        );
    }
}

#[test]
fn a_dictionary_name_inside_a_longer_known_word_is_not_matched() {
    // `日本航空` (the airline) inside `日本航空自卫队` (an air force).
    let found = companies("日本航空自卫队将在当地部署新型雷达。");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn an_office_field_after_a_firm_is_no_part_of_its_name() {
    let found = companies("晨岭科技证券事务代表王晓辞职。");
    assert_eq!(
        found,
        ["晨岭科技"],
        "{:?}",
        extract("晨岭科技证券事务代表王晓辞职。")
    );
    let found = companies("该集团高级投资董事陈明加入董事会。");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_funding_verb_or_a_determiner_is_no_brand() {
    let text = "京东领投了这轮融资，星岩资本跟投。";
    let found = companies(text);
    assert!(found.contains(&"京东".to_owned()), "{found:?}");
    assert!(found.iter().all(|c| !c.contains("领投")), "{found:?}");
    let text = "张华已辞任该公司的非执行董事职务。";
    let found = companies(text);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_latin_name_with_staff_is_an_employer() {
    for (text, mention) in [
        ("Zentrix的员工透露公司将调整架构。", "Zentrix"),
        ("Korvix裁员200人。", "Korvix"),
    ] {
        assert!(
            companies(text).contains(&mention.to_owned()),
            "{text}: {:?}",
            extract(text)
        );
    }
    // A title is no employer.
    assert!(companies("CEO的员工持股计划已经公布。").is_empty());
}

#[test]
fn a_latin_brand_before_a_financial_services_suffix_is_a_firm() {
    let found = companies("KK金服宣布完成新一轮融资。");
    assert_eq!(
        found,
        ["KK金服"],
        "{:?}",
        extract("KK金服宣布完成新一轮融资。")
    );
}

#[test]
fn a_latin_name_glued_to_a_date_or_a_count_ends_before_the_number() {
    assert_eq!(
        company_named("Uber2019年在纽约上市。", "Uber").as_deref(),
        Some("Uber")
    );
    assert_eq!(
        company_named("据悉IBM3月裁员。", "IBM").as_deref(),
        Some("IBM")
    );
    // A model number is part of a name it follows: no match cut out of it.
    assert!(companies("新款Uber2000X车型").is_empty());
}

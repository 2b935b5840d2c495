//! One test per rule family of the entity recognizer, on the editors' own news-style sentences.

use zhnews_extract::{Dictionary, Extractor};
use zhnews_model::{Entity, EntityKind};

fn extract(text: &str) -> Vec<Entity> {
    Extractor::new().entities(text)
}

fn has(entities: &[Entity], kind: EntityKind, text: &str) -> bool {
    entities.iter().any(|e| e.kind == kind && e.text == text)
}

fn named(entities: &[Entity], kind: EntityKind, text: &str) -> Option<String> {
    entities
        .iter()
        .find(|e| e.kind == kind && e.text == text)
        .map(|e| e.name.clone())
}

#[test]
fn chinese_names_from_surname_and_given_name_with_title_cues() {
    let text = "星云智能联合创始人罗雨桐近日宣布离职，公司首席技术官欧阳明哲将接任其职务。";
    let entities = extract(text);
    assert!(has(&entities, EntityKind::Person, "罗雨桐"), "{entities:?}");
    assert!(
        has(&entities, EntityKind::Person, "欧阳明哲"),
        "{entities:?}"
    );
}

#[test]
fn chinese_names_before_speech_verbs() {
    let text = "对于此次融资，蒋海峰表示，资金将主要用于大模型研发。";
    let entities = extract(text);
    assert!(has(&entities, EntityKind::Person, "蒋海峰"), "{entities:?}");
}

#[test]
fn apposition_after_company_and_role() {
    let text = "据悉，零一万物联合创始人马宏宇已于上月离开公司。";
    let entities = extract(text);
    assert!(has(&entities, EntityKind::Person, "马宏宇"), "{entities:?}");
    assert!(
        has(&entities, EntityKind::Company, "零一万物"),
        "{entities:?}"
    );
}

#[test]
fn common_words_and_bare_surnames_are_not_people() {
    let text =
        "该公司估值高达百亿元，黄金价格周末上涨，王者荣耀的安全问题引起关注，方面表示将改进。";
    let entities = extract(text);
    let people: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    assert!(people.is_empty(), "{people:?}");
}

#[test]
fn transliterated_names_with_a_middle_dot() {
    let text = "特斯拉首席执行官埃隆·马斯克周三在社交媒体上发文，称将投资一家新公司；亚历山德拉·科瓦尔斯卡随后回应。";
    let entities = extract(text);
    assert_eq!(
        named(&entities, EntityKind::Person, "埃隆·马斯克").as_deref(),
        Some("埃隆·马斯克")
    );
    assert!(
        has(&entities, EntityKind::Person, "亚历山德拉·科瓦尔斯卡"),
        "{entities:?}"
    );
}

#[test]
fn latin_person_names_are_told_apart_from_brands() {
    let text =
        "Anthropic联合创始人Jared Kaplan表示，Claude Pro的订阅用户增长迅速，Google Cloud也在跟进。";
    let entities = extract(text);
    assert!(
        has(&entities, EntityKind::Person, "Jared Kaplan"),
        "{entities:?}"
    );
    assert!(
        has(&entities, EntityKind::Company, "Anthropic"),
        "{entities:?}"
    );
    assert!(
        !entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.text.contains("Google")),
        "{entities:?}"
    );
    assert!(
        !entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.text.contains("Claude")),
        "{entities:?}"
    );
}

#[test]
fn a_single_latin_name_needs_a_title_or_honorific() {
    let entities = extract("发布会后，产品总监Oliver对记者说，新版本下月上线。");
    assert!(has(&entities, EntityKind::Person, "Oliver"), "{entities:?}");
    let entities = extract("Oliver系列耳机下月上线。");
    assert!(
        !has(&entities, EntityKind::Person, "Oliver"),
        "{entities:?}"
    );
}

#[test]
fn a_name_found_once_is_found_everywhere_and_honorifics_link_back() {
    let text = "晨星资本合伙人杨若曦表示看好该赛道。会后杨总透露，基金还将追加投资；杨若曦此前曾在投行任职。";
    let entities = extract(text);
    let people: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    assert_eq!(
        people.iter().filter(|e| e.text == "杨若曦").count(),
        2,
        "{people:?}"
    );
    assert_eq!(
        named(&entities, EntityKind::Person, "杨总").as_deref(),
        Some("杨若曦")
    );
}

#[test]
fn dictionary_aliases_resolve_to_canonical_names() {
    let text = "字节与阿里都在加码AI，谷歌和Moonshot AI也不例外。";
    let entities = extract(text);
    assert_eq!(
        named(&entities, EntityKind::Company, "字节").as_deref(),
        Some("字节跳动")
    );
    assert_eq!(
        named(&entities, EntityKind::Company, "阿里").as_deref(),
        Some("阿里巴巴")
    );
    assert_eq!(
        named(&entities, EntityKind::Company, "Moonshot AI").as_deref(),
        Some("月之暗面")
    );
}

#[test]
fn brand_plus_suffix_companies() {
    let text = "本轮融资由蓝湖资本领投，澜图科技和新加坡星展银行跟投。";
    let entities = extract(text);
    assert!(
        has(&entities, EntityKind::Company, "澜图科技"),
        "{entities:?}"
    );
    // The country before it belongs to the mention (CLUENER's convention), not to the name.
    assert!(
        has(&entities, EntityKind::Company, "新加坡星展银行"),
        "{entities:?}"
    );
    let generic = "多家科技公司和上市公司表示关注，互联网和物联网行业也在跟进，详情见其官网。";
    let entities = extract(generic);
    assert!(
        entities.iter().all(|e| e.kind != EntityKind::Company),
        "{entities:?}"
    );
}

#[test]
fn legal_names_link_their_short_forms() {
    let text = "深圳市云帆智算科技有限公司（以下简称“云帆智算”）今日宣布完成A轮融资。云帆智算成立于2021年。";
    let entities = extract(text);
    let legal = "深圳市云帆智算科技有限公司";
    assert!(has(&entities, EntityKind::Company, legal), "{entities:?}");
    let short: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Company && e.text == "云帆智算")
        .collect();
    assert_eq!(short.len(), 2, "{entities:?}");
    assert!(short.iter().all(|e| e.name == legal), "{short:?}");
    // A legal name around a known company takes its canonical name.
    let entities = extract("北京字节跳动科技有限公司发布公告。");
    assert_eq!(
        named(&entities, EntityKind::Company, "北京字节跳动科技有限公司").as_deref(),
        Some("字节跳动")
    );
}

#[test]
fn latin_brands_from_company_cues() {
    let text = "AI初创公司NovaMind融资5000万美元，估值翻倍。";
    let entities = extract(text);
    assert!(
        has(&entities, EntityKind::Company, "NovaMind"),
        "{entities:?}"
    );
}

#[test]
fn products_carry_owners_and_orgs_are_not_firms() {
    let text = "月之暗面旗下的Kimi与字节的豆包展开竞争，清华大学和工信部的专家出席了会议。";
    let entities = extract(text);
    let kimi = entities.iter().find(|e| e.text == "Kimi").unwrap();
    assert_eq!(kimi.kind, EntityKind::Product);
    assert_eq!(kimi.owner.as_deref(), Some("月之暗面"));
    assert!(has(&entities, EntityKind::Org, "清华大学"), "{entities:?}");
    assert_eq!(
        named(&entities, EntityKind::Org, "工信部").as_deref(),
        Some("工业和信息化部")
    );
}

#[test]
fn user_dictionary_entries_are_recognised() {
    let mut dictionary = Dictionary::embedded();
    dictionary
        .extend_from_str(
            std::path::Path::new("user.txt"),
            "[company]\n极光矩阵 | Aurora Matrix\n[product]\n极光助手 @ 极光矩阵\n",
        )
        .unwrap();
    let extractor = Extractor::with_dictionary(dictionary);
    let entities = extractor.entities("Aurora Matrix发布了极光助手。");
    assert_eq!(
        named(&entities, EntityKind::Company, "Aurora Matrix").as_deref(),
        Some("极光矩阵")
    );
    let product = entities.iter().find(|e| e.text == "极光助手").unwrap();
    assert_eq!(product.owner.as_deref(), Some("极光矩阵"));
}

#[test]
fn offsets_are_chars_and_bad_input_does_not_panic() {
    for text in [
        "",
        " ",
        "·",
        "A·",
        "·马",
        "（以下简称“",
        "有限公司",
        "王",
        "Mr",
        "\u{0}",
    ] {
        let _ = extract(text);
    }
    let text = "😀李开复表示";
    let entities = extract(text);
    let person = entities.iter().find(|e| e.text == "李开复").unwrap();
    assert_eq!((person.start, person.end), (1, 4));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Any text, however odd, gives entities whose offsets slice back to their text.
    #[test]
    fn entity_offsets_always_slice_back_to_their_text(
        text in "[王李张欧阳马斯克·•\\-（）()“”以下简称有限公司科技银行集团先生总表示宣布字节阿里Kimi OpenAI Sam Altman a-zA-Z0-9，。、 ]{0,60}"
    ) {
        let chars: Vec<char> = text.chars().collect();
        for entity in extract(&text) {
            proptest::prop_assert!(entity.start < entity.end && entity.end <= chars.len());
            let written: String = chars[entity.start..entity.end].iter().collect();
            proptest::prop_assert_eq!(written, entity.text);
        }
    }
}

#[test]
fn a_transliterated_name_token_is_not_cut_to_a_chinese_reading() {
    // jieba holds 马尔克斯 as one name; the 马 + 尔克 reading must not win.
    let entities = extract("这部小说的作者马尔克斯，晚年很少接受采访。");
    assert!(
        !has(&entities, EntityKind::Person, "马尔克"),
        "{entities:?}"
    );
    let entities = extract("哥伦比亚作家马尔克斯，晚年很少接受采访。");
    assert!(
        has(&entities, EntityKind::Person, "马尔克斯"),
        "{entities:?}"
    );
}

#[test]
fn a_weak_name_in_a_list_follows_the_confident_member_after_it() {
    // 项乐乐 alone is too weak (乐乐 is a common word); next to a clear name in a list it is taken.
    let alone = extract("项乐乐都在场。");
    assert!(!has(&alone, EntityKind::Person, "项乐乐"), "{alone:?}");
    for text in ["项乐乐、钟立群都在场。", "柏安安和钟立群都在场。"] {
        let entities = extract(text);
        let first: String = text.chars().take(3).collect();
        assert!(has(&entities, EntityKind::Person, &first), "{entities:?}");
        assert!(has(&entities, EntityKind::Person, "钟立群"), "{entities:?}");
    }
}

#[test]
fn a_speaker_before_a_colon() {
    let entities = extract("邝一鸣：这一轮融资来得不易。");
    assert!(has(&entities, EntityKind::Person, "邝一鸣"), "{entities:?}");
    let entities = extract("邝一鸣，这一轮融资来得不易。");
    assert!(
        !has(&entities, EntityKind::Person, "邝一鸣"),
        "{entities:?}"
    );
}

#[test]
fn a_cut_of_a_longer_transliteration_is_no_name() {
    let entities = extract("博彩公司威廉希尔开出的赔率显示主队占优。");
    assert!(
        !entities.iter().any(|e| e.kind == EntityKind::Person),
        "{entities:?}"
    );
    // A transliterated name between everyday words stays.
    let entities = extract("球队前锋克劳奇表示状态不错。");
    assert!(has(&entities, EntityKind::Person, "克劳奇"), "{entities:?}");
}

#[test]
fn an_ambiguous_surname_heading_a_whole_name_token() {
    // 华 and 钱 are also common words and the next char is itself a surname, yet jieba holds
    // the whole name: the surname reading stays.
    for (text, name) in [
        ("华罗庚先生当年在清华园任教。", "华罗庚"),
        ("钱学森先生回国后主持了研究工作。", "钱学森"),
    ] {
        let entities = extract(text);
        assert!(has(&entities, EntityKind::Person, name), "{entities:?}");
    }
    // A surname with a listed honorific is still no full name.
    let entities = extract("张女士昨天来到营业厅办理业务。");
    assert!(
        !has(&entities, EntityKind::Person, "张女士"),
        "{entities:?}"
    );
}

#[test]
fn transliterations_with_less_common_syllable_chars() {
    // 逊 is a transliteration char (-son) rare in Chinese given names.
    let entities = extract("参议员威尔逊在听证会上发言。");
    assert!(has(&entities, EntityKind::Person, "威尔逊"), "{entities:?}");
}

#[test]
fn a_country_before_a_company_is_part_of_the_mention_not_of_the_name() {
    let entities = extract("日本软银集团昨日宣布追加投资。");
    assert_eq!(
        named(&entities, EntityKind::Company, "日本软银集团").as_deref(),
        Some("软银"),
        "{entities:?}"
    );
}

#[test]
fn auction_house_and_insurer_suffixes() {
    let entities = extract("这件藏品由嘉禾拍卖行送拍，并在恒泰财险投保。");
    assert!(
        has(&entities, EntityKind::Company, "嘉禾拍卖行"),
        "{entities:?}"
    );
    assert!(
        has(&entities, EntityKind::Company, "恒泰财险"),
        "{entities:?}"
    );
}

#[test]
fn a_dictionary_company_takes_the_suffix_written_after_it() {
    let entities = extract("这幅画将在苏富比拍卖行秋拍中亮相。");
    assert_eq!(
        named(&entities, EntityKind::Company, "苏富比拍卖行").as_deref(),
        Some("苏富比"),
        "{entities:?}"
    );
}

#[test]
fn a_verb_like_suffix_with_an_aspect_particle_is_the_verb() {
    let entities = extract("阿里投资了这家初创企业。");
    assert!(
        !has(&entities, EntityKind::Company, "阿里投资"),
        "{entities:?}"
    );
    assert_eq!(
        named(&entities, EntityKind::Company, "阿里").as_deref(),
        Some("阿里巴巴"),
        "{entities:?}"
    );
}

#[test]
fn common_word_brands_are_companies_when_the_context_says_so() {
    let e = extract("前晨光科技首席科学家宣布离职，随后加入了一家创业公司。");
    assert!(has(&e, EntityKind::Company, "晨光科技"), "{e:?}");
    let e = extract("晨光动力宣布完成新一轮融资，将用于电机研发。");
    assert!(has(&e, EntityKind::Company, "晨光动力"), "{e:?}");
    // Without such context the same shape is an ordinary phrase.
    let e = extract("这一轮信息科技浪潮改变了很多行业。");
    assert!(!e.iter().any(|x| x.kind == EntityKind::Company), "{e:?}");
}

#[test]
fn a_description_before_a_legal_name_is_not_part_of_it() {
    let e = extract("自动驾驶公司北辰智驾科技有限公司今日宣布完成融资。");
    assert!(
        has(&e, EntityKind::Company, "北辰智驾科技有限公司"),
        "{e:?}"
    );
    assert!(!e.iter().any(|x| x.text.starts_with("公司")), "{e:?}");
}

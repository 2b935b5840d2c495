//! Sports clubs and national teams as organisations: the dictionary's safe names, a place's team,
//! clubs written with their sport and 俱乐部, and nicknames that are ordinary words, read as clubs
//! only in sport texts. Sentences are the editors' own.

use std::sync::LazyLock;
use zhnews_extract::Extractor;
use zhnews_model::{Entity, EntityKind};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fn extract(text: &str) -> Vec<Entity> {
    EXTRACTOR.entities(text)
}

/// The orgs of `text` as (mention, canonical name).
fn orgs(text: &str) -> Vec<(String, String)> {
    extract(text)
        .into_iter()
        .filter(|e| e.kind == EntityKind::Org)
        .map(|e| (e.text, e.name))
        .collect()
}

fn has_org(text: &str, mention: &str) -> bool {
    orgs(text).iter().any(|(t, _)| t == mention)
}

#[test]
fn clubs_and_national_teams_from_the_dictionary_are_orgs() {
    for (text, mention) in [
        ("湖人本赛季第三次击败对手。", "湖人"),
        ("这名后卫正式加盟洛杉矶快船队。", "洛杉矶快船队"),
        ("皇马官方宣布与主帅续约两年。", "皇马"),
        ("拜仁慕尼黑在主场迎战多特蒙德。", "拜仁慕尼黑"),
        ("他因伤退出了中国男篮的集训名单。", "中国男篮"),
        ("上海申花宣布两名老将离队。", "上海申花"),
    ] {
        assert!(has_org(text, mention), "{text}: {:?}", orgs(text));
    }
    // Clubs are not firms: no company comes out of a club's name.
    let entities = extract("国际米兰与切尔西完成了一笔交易。");
    assert!(
        entities.iter().all(|e| e.kind != EntityKind::Company),
        "{entities:?}"
    );
}

#[test]
fn a_club_keeps_one_canonical_name_across_its_forms() {
    let found = orgs("湖人队官方宣布，湖人与两名新秀签约。");
    let names: Vec<&str> = found.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names.len(), 2, "{found:?}");
    assert_eq!(names[0], names[1], "{found:?}");
}

#[test]
fn a_place_followed_by_a_team_word_is_the_places_team() {
    for (text, mention) in [
        ("这位老将下赛季将加盟浙江队。", "浙江队"),
        ("葡萄牙男篮在小组赛中爆冷出局。", "葡萄牙男篮"),
        ("日本女排以三比零取胜。", "日本女排"),
    ] {
        assert!(has_org(text, mention), "{text}: {:?}", orgs(text));
    }
    // A team word after a common noun names no place's team.
    for text in ["消防队迅速赶到了现场。", "公司组建了一支新的研发团队。"]
    {
        assert!(orgs(text).is_empty(), "{text}: {:?}", orgs(text));
    }
}

#[test]
fn a_firm_followed_by_its_sport_and_club_is_the_club() {
    let found = orgs("恒大足球俱乐部今天发布了声明。");
    assert!(
        found.iter().any(|(t, _)| t == "恒大足球俱乐部"),
        "{found:?}"
    );
    let entities = extract("恒大足球俱乐部今天发布了声明。");
    assert!(
        entities.iter().all(|e| e.kind != EntityKind::Company),
        "{entities:?}"
    );
    // A club from the dictionary keeps its canonical name when 俱乐部 follows.
    let found = orgs("上海申花足球俱乐部宣布签下一名外援。");
    assert!(
        found
            .iter()
            .any(|(t, n)| t == "上海申花足球俱乐部" && n == "上海申花"),
        "{found:?}"
    );
}

#[test]
fn nicknames_that_are_ordinary_words_are_clubs_only_in_sport_texts() {
    let sport = "火箭本赛季战绩不佳，球队管理层考虑交易两名球员。";
    assert!(has_org(sport, "火箭"), "{:?}", orgs(sport));
    let near_verb = "这名得分手已经决定加盟热火。";
    assert!(has_org(near_verb, "热火"), "{:?}", orgs(near_verb));
    let after_word = "雷霆管理层对这笔交易很满意。";
    assert!(has_org(after_word, "雷霆"), "{:?}", orgs(after_word));
    for text in [
        "新型运载火箭今天发射成功，太阳能帆板顺利展开。",
        "雷霆万钧之势下，勇士们冲上了山头。",
        "这位国王在位四十年。",
    ] {
        assert!(orgs(text).is_empty(), "{text}: {:?}", orgs(text));
    }
    // `火箭队` is a club anywhere.
    let text = "火箭队宣布裁掉一名替补中锋。";
    assert!(has_org(text, "火箭队"), "{:?}", orgs(text));
}

#[test]
fn every_gated_nickname_names_a_dictionary_club() {
    let dictionary = zhnews_extract::Dictionary::embedded();
    let text = "NBA新赛季，火箭、勇士、太阳、热火、雷霆、骑士、公牛、魔术、国王、开拓者都有变化。";
    for entity in extract(text) {
        if entity.kind == EntityKind::Org && entity.text != "NBA" {
            assert_eq!(
                dictionary.kind_of(&entity.name),
                Some(EntityKind::Org),
                "{entity:?}"
            );
        }
    }
    assert!(has_org(text, "开拓者"), "{:?}", orgs(text));
}

#[test]
fn a_club_name_inside_a_dotted_person_name_stays_the_person() {
    let entities = extract("切尔西·克林顿出席了当天的活动。");
    assert!(
        entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.text == "切尔西·克林顿"),
        "{entities:?}"
    );
}

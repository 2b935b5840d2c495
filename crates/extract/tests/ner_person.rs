//! Person recognition, one test per rule family (name chains, wide transliteration after a dot
//! or a title, foreign-looking "given names"), with negatives, on the editors' own sentences.

use zhnews_extract::Extractor;
use zhnews_model::{Entity, EntityKind};

fn people(text: &str) -> Vec<String> {
    Extractor::new()
        .entities(text)
        .into_iter()
        .filter(|e: &Entity| e.kind == EntityKind::Person)
        .map(|e| e.text)
        .collect()
}

#[test]
fn names_printed_back_to_back_are_split_into_each_name() {
    // Board lists often print names with no separator.
    let text = "新一届董事会成员：赵明轩孙立伟周海涛郑雅琴（女）。";
    let found = people(text);
    for name in ["赵明轩", "孙立伟", "周海涛", "郑雅琴"] {
        assert!(found.contains(&name.to_owned()), "{name}: {found:?}");
    }
    // No member swallows a char of the next one.
    assert!(
        found
            .iter()
            .all(|n| !n.ends_with('孙') && !n.ends_with('周') && !n.ends_with('郑')),
        "{found:?}"
    );
}

#[test]
fn running_text_is_not_read_as_a_name_chain() {
    let text = "公司计划在三年内建成富强民主文明的数字化产业园区。";
    let found = people(text);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn dotted_names_take_chars_beyond_the_narrow_table() {
    let text = "该基金会主席埃米略·德·孔西里斯与图尔孙·买买提江共同出席了签约仪式。";
    let found = people(text);
    assert!(
        found.contains(&"埃米略·德·孔西里斯".to_owned()),
        "{found:?}"
    );
}

#[test]
fn a_title_opens_a_wider_transliteration() {
    let text = "欧洲合作伙伴协会主席施图岑贝格表示，将扩大在华投资。";
    let found = people(text);
    assert!(found.contains(&"施图岑贝格".to_owned()), "{found:?}");
}

#[test]
fn foreign_places_and_clubs_are_not_chinese_names() {
    // 桑/米 are surnames, but 德兰/德尔 read as the inside of transliterations.
    let text = "本轮桑德兰主场迎战米德尔斯堡，两队都急需积分。";
    let found = people(text);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn chinese_names_with_foreign_looking_chars_keep_their_cue() {
    let text = "导演徐克表示，新片将于明年上映；制片人郭菲称预算已经到位。";
    let found = people(text);
    assert!(found.contains(&"徐克".to_owned()), "{found:?}");
    assert!(found.contains(&"郭菲".to_owned()), "{found:?}");
}

#[test]
fn a_bare_surname_before_a_leaders_title_is_the_leader() {
    let text = "代表团抵达后，胡主席会见了当地华侨代表。";
    let found = people(text);
    assert!(found.contains(&"胡".to_owned()), "{found:?}");
    // A surname char inside a word before the title is not taken.
    let text = "协会副主席和理事会成员出席了会议。";
    assert!(people(text).is_empty(), "{:?}", people(text));
}

#[test]
fn a_name_that_fills_a_book_title_is_the_work() {
    let text = "电影《林晓雨》获得最佳编剧提名，导演周明远表示很意外。";
    let found = people(text);
    assert!(!found.contains(&"林晓雨".to_owned()), "{found:?}");
    assert!(found.contains(&"周明远".to_owned()), "{found:?}");
}

#[test]
fn a_single_latin_name_before_a_speech_verb_is_a_person() {
    let text = "谈到新版本，Kevin表示团队会继续优化推理速度。";
    let found = people(text);
    assert!(found.contains(&"Kevin".to_owned()), "{found:?}");
}

#[test]
fn a_title_after_opens_a_wider_transliteration() {
    let text = "双方会谈后，塞迪略总统出席了欢迎宴会。";
    let found = people(text);
    assert!(found.contains(&"塞迪略".to_owned()), "{found:?}");
    // Ordinary words made of table chars are not names.
    let text = "两队本赛季曾在杯赛中相遇。";
    assert!(people(text).is_empty(), "{:?}", people(text));
}

#[test]
fn a_dotted_name_takes_a_whole_name_token_the_table_misses() {
    let text = "以色列议会议长达恩·蒂雄昨日抵京访问。";
    let found = people(text);
    assert!(found.contains(&"达恩·蒂雄".to_owned()), "{found:?}");
    // An ordinary word after the name stays out (`日记`).
    let text = "纪念馆展出了约翰·拉贝日记的原件。";
    let found = people(text);
    assert!(found.contains(&"约翰·拉贝".to_owned()), "{found:?}");
}

#[test]
fn a_latin_gloss_in_brackets_marks_a_name() {
    let text = "据悉，投资人安舒茨（Philip Anschutz）已出售部分股份，罗雅兰（Lana）随后接手。";
    let found = people(text);
    assert!(found.contains(&"安舒茨".to_owned()), "{found:?}");
}

#[test]
fn full_names_written_without_a_space_are_people_and_brands_are_not() {
    let text = "该工作室创意总监DavidKoller透露，新作将登陆PlayStation和YouTube。";
    let found = people(text);
    assert!(found.contains(&"DavidKoller".to_owned()), "{found:?}");
    assert!(
        !found.iter().any(|n| n == "PlayStation" || n == "YouTube"),
        "{found:?}"
    );
}

#[test]
fn a_conjunction_before_a_word_is_not_a_surname() {
    let text = "他和朋友一起创办了这家公司，曾明确表示不会出售。";
    let found = people(text);
    assert!(found.is_empty(), "{found:?}");
    // The same chars as real surnames, with a title before, are still names.
    let text = "副县长于有斌在致辞中介绍了项目进展。";
    let found = people(text);
    assert!(found.contains(&"于有斌".to_owned()), "{found:?}");
}

#[test]
fn behind_a_title_joined_and_lower_case_latin_names_are_people() {
    let text = "据游戏首席设计师KenRolston介绍，项目负责人vivien也将出席。";
    let found = people(text);
    assert!(found.contains(&"KenRolston".to_owned()), "{found:?}");
    assert!(found.contains(&"vivien".to_owned()), "{found:?}");
    // `国家` is no title, and a lower-case word without one is no name.
    let text = "这是国家aaaaa级景区，门口开了一家euromoda专卖店。";
    let found = people(text);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_preposition_glued_onto_a_name_is_left_out() {
    for (text, name) in [
        ("董事刘洋于今年三月辞职。", "刘洋"),
        ("副总裁周懿因个人原因辞去职务。", "周懿"),
        ("除总经理冯鑫外，其他高管均已离职。", "冯鑫"),
    ] {
        assert_eq!(people(text), [name], "{text}");
    }
    // Without the frame the same char may end a name.
    assert_eq!(people("记者采访了村民张德外。"), ["张德外"]);
}

#[test]
fn a_move_after_an_adverb_or_told_as_a_noun_cues_a_foreign_name() {
    assert_eq!(people("巴特勒将加盟一支东部球队。"), ["巴特勒"]);
    assert_eq!(people("据报道，莫林斯的加盟让球队实力大增。"), ["莫林斯"]);
    assert_eq!(people("教练宣布，哈克特已离开球队。"), ["哈克特"]);
    // The adverb alone, with no move after it, is no cue.
    assert!(people("巴特勒将在下周公布结果。").is_empty());
}

#[test]
fn a_players_position_before_a_name_is_a_title() {
    assert_eq!(people("中卫马尔科维奇加盟了一支德甲球队。"), ["马尔科维奇"]);
    assert_eq!(people("内线球员博古特宣布退役。"), ["博古特"]);
    assert_eq!(people("国脚武磊在比赛中破门。"), ["武磊"]);
}

//! The seed article (fixtures/seed, 网易新闻) must yield every person and company it names, under
//! their canonical names, and products with their owners.

use std::collections::BTreeSet;
use zhnews_extract::Extractor;
use zhnews_model::{Entity, EntityKind};

fn seed_entities() -> Vec<Entity> {
    let text = include_str!("../../../fixtures/seed/netease-ai-talent.txt");
    let entities = Extractor::new().entities(text);
    let chars: Vec<char> = text.chars().collect();
    for entity in &entities {
        let written: String = chars[entity.start..entity.end].iter().collect();
        assert_eq!(written, entity.text, "offsets of {entity:?}");
    }
    entities
}

fn names(entities: &[Entity], kind: EntityKind) -> BTreeSet<String> {
    entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.name.clone())
        .collect()
}

#[test]
fn every_person_of_the_seed_article_is_found() {
    let people = names(&seed_entities(), EntityKind::Person);
    for expected in [
        "Nando de Freitas",
        "张前川",
        "周伯文",
        "黄文灏",
        "朱文佳",
        "李先刚",
        "杨植麟",
        "吴泳铭",
    ] {
        assert!(
            people.contains(expected),
            "{expected} missing from {people:?}"
        );
    }
    // Nothing but those people is a person in this article.
    assert_eq!(people.len(), 8, "{people:?}");
}

#[test]
fn every_company_of_the_seed_article_is_found_under_its_canonical_name() {
    let entities = seed_entities();
    let companies = names(&entities, EntityKind::Company);
    for expected in [
        "OpenAI",
        "DeepMind",
        "MiniMax",
        "百度",
        "知乎",
        "字节跳动",
        "衔远科技",
        "京东",
        "零一万物",
        "贝壳",
        "月之暗面",
        "科大讯飞",
        "昆仑万维",
        "360",
        "摩根士丹利",
        "金山办公",
        "万兴科技",
        "Anthropic",
        "苹果",
        "阿里巴巴",
        "腾讯",
        "智谱AI",
        "百川智能",
        "阶跃星辰",
    ] {
        assert!(
            companies.contains(expected),
            "{expected} missing from {companies:?}"
        );
    }
    // Aliases resolve to one canonical name.
    for (written, canonical) in [
        ("字节", "字节跳动"),
        ("阿里", "阿里巴巴"),
        ("Minimax", "MiniMax"),
    ] {
        assert!(
            entities
                .iter()
                .any(|e| e.text == written && e.name == canonical),
            "{written} → {canonical}"
        );
    }
    // Generic phrases are not companies.
    for generic in ["大量资本", "背景公司", "AI应用层公司", "初创公司"] {
        assert!(!companies.contains(generic), "{generic} is not a company");
    }
}

#[test]
fn products_of_the_seed_article_carry_their_owners() {
    let entities = seed_entities();
    for (product, owner) in [
        ("Kimi", "月之暗面"),
        ("豆包", "字节跳动"),
        ("ChatGPT", "OpenAI"),
        ("钉钉", "阿里巴巴"),
        ("通义千问", "阿里巴巴"),
        ("文心一言", "百度"),
        ("混元", "腾讯"),
        ("星野", "MiniMax"),
    ] {
        let found = entities
            .iter()
            .find(|e| e.kind == EntityKind::Product && e.name == product)
            .unwrap_or_else(|| panic!("product {product} missing"));
        assert_eq!(found.owner.as_deref(), Some(owner), "owner of {product}");
    }
}

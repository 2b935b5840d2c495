//! Export queries: rows of articles, entities, mentions, amounts and events, handed one at a time to a
//! callback as the query steps, so an export of any size runs in constant memory.
//!
//! Each row serializes to the JSON object of one JSONL line (versioned by [`EXPORT_SCHEMA`], written
//! as the `"schema"` field of every row) and flattens to the cells of one CSV record under
//! [`ExportKind::columns`]. Writing files, quoting and spreadsheet safety are the caller's business.

use crate::{Store, StoreError};
use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::Row as SqlRow;
use serde::Serialize;
use serde_json::{Map, Value};
use zhnews_model::{Article, Decimal, PageKind, PublishedSource};

/// The version of the exported row shapes, written as `"schema"` in every JSONL row. It changes
/// only when a field is renamed, removed or changes meaning; new fields may appear without a bump.
pub const EXPORT_SCHEMA: u32 = 1;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// Events merged across articles, with support counts.
    Events,
    /// Entity mentions, one per occurrence in an article.
    Mentions,
    /// Entities with aliases and mention counts.
    Entities,
    /// Articles with their body.
    Articles,
    /// Amounts (money, counts, percentages), one per occurrence.
    Amounts,
}

impl ExportKind {
    /// The lowercase name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportKind::Events => "events",
            ExportKind::Mentions => "mentions",
            ExportKind::Entities => "entities",
            ExportKind::Articles => "articles",
            ExportKind::Amounts => "amounts",
        }
    }

    /// The values `--type` accepts for this kind (empty: the kind has no types).
    pub fn types(self) -> &'static [&'static str] {
        match self {
            ExportKind::Events => &[
                "talent_move",
                "funding",
                "valuation",
                "acquisition",
                "ipo",
                "layoff",
                "spend",
            ],
            ExportKind::Mentions | ExportKind::Entities => &["person", "company", "product", "org"],
            ExportKind::Amounts => &["money", "count", "percent"],
            ExportKind::Articles => &[],
        }
    }

    /// The CSV header.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            ExportKind::Events => &[
                "id",
                "type",
                "date",
                "modality",
                "person",
                "action",
                "from",
                "to",
                "role",
                "company",
                "round",
                "amount",
                "amount_max",
                "currency",
                "amount_text",
                "investors",
                "lead_investors",
                "acquirer",
                "target",
                "seller",
                "stake",
                "exchange",
                "count",
                "share",
                "purpose",
                "articles",
                "sources",
                "mentions",
                "first_seen",
                "last_seen",
                "urls",
            ],
            ExportKind::Mentions => &[
                "id",
                "article_id",
                "canonical_url",
                "published_at",
                "entity_id",
                "name",
                "type",
                "text",
                "start",
                "end",
            ],
            ExportKind::Entities => &[
                "id",
                "name",
                "type",
                "owner",
                "aliases",
                "mentions",
                "articles",
                "first_seen",
                "last_seen",
            ],
            ExportKind::Articles => &[
                "id",
                "url",
                "canonical_url",
                "title",
                "published_at",
                "published_source",
                "author",
                "site",
                "body",
                "encoding",
                "lang",
                "kind",
                "fetched_at",
                "source",
            ],
            ExportKind::Amounts => &[
                "id",
                "article_id",
                "canonical_url",
                "published_at",
                "text",
                "start",
                "end",
                "kind",
                "value",
                "max",
                "currency",
                "qualifier",
                "unit",
            ],
        }
    }
}

/// Which rows to export. Every condition given must hold.
#[derive(Debug, Clone, Default)]
pub struct ExportFilter {
    /// On or after this date: the publish date of the article (its fetch date when it has none); for
    /// events, the event's date (a month or year counts when it overlaps), else its first report.
    pub since: Option<NaiveDate>,
    /// On or before this date, with the same meaning as `since`.
    pub until: Option<NaiveDate>,
    /// Any of these types: event types, entity kinds or amount kinds (see [`ExportKind::types`]).
    pub types: Vec<String>,
    /// Only rows about this entity, by canonical name or alias (Latin letters case-insensitive): its
    /// events, mentions, the entity itself, or the articles (and their amounts) that mention it.
    pub entity: Option<String>,
}

/// An article with its id, when it was fetched and the source it came from.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRow {
    /// [`EXPORT_SCHEMA`].
    pub schema: u32,
    /// The article's id in the database.
    pub id: i64,
    /// The fields of `zhnews article`'s JSON.
    #[serde(flatten)]
    pub article: Article,
    /// When it was fetched (or imported).
    pub fetched_at: DateTime<FixedOffset>,
    /// The configured source it was crawled from, if any.
    pub source: Option<String>,
}

/// One entity with its aliases and how often it is mentioned (within the filter's dates).
#[derive(Debug, Clone, Serialize)]
pub struct EntityRow {
    /// [`EXPORT_SCHEMA`].
    pub schema: u32,
    /// The entity's id in the database.
    pub id: i64,
    /// The canonical name.
    pub name: String,
    /// `person`, `company`, `product` or `org`.
    #[serde(rename = "type")]
    pub kind: String,
    /// For a product, the company that makes it.
    pub owner: Option<String>,
    /// Other surface forms seen, sorted.
    pub aliases: Vec<String>,
    /// How many mentions.
    pub mentions: u64,
    /// In how many articles.
    pub articles: u64,
    /// Earliest article (publish time, else fetch time, UTC).
    pub first_seen: Option<String>,
    /// Latest article.
    pub last_seen: Option<String>,
}

/// One mention of an entity in an article.
#[derive(Debug, Clone, Serialize)]
pub struct MentionRow {
    /// [`EXPORT_SCHEMA`].
    pub schema: u32,
    /// The mention's id.
    pub id: i64,
    /// The article it is in.
    pub article_id: i64,
    /// That article's canonical URL.
    pub canonical_url: String,
    /// That article's publish time.
    pub published_at: Option<String>,
    /// The entity's id.
    pub entity_id: i64,
    /// The entity's canonical name.
    pub name: String,
    /// The entity's kind.
    #[serde(rename = "type")]
    pub kind: String,
    /// The text as written.
    pub text: String,
    /// Char offset of the first char in the article body.
    pub start: i64,
    /// Char offset one past the last char.
    pub end: i64,
}

/// One amount found in an article.
#[derive(Debug, Clone, Serialize)]
pub struct AmountRow {
    /// [`EXPORT_SCHEMA`].
    pub schema: u32,
    /// The amount's id.
    pub id: i64,
    /// The article it is in.
    pub article_id: i64,
    /// That article's canonical URL.
    pub canonical_url: String,
    /// That article's publish time.
    pub published_at: Option<String>,
    /// The text as written.
    pub text: String,
    /// Char offset of the first char in the article body.
    pub start: i64,
    /// Char offset one past the last char.
    pub end: i64,
    /// `money`, `count` or `percent`.
    pub kind: String,
    /// The value (exact; the lower bound of a range).
    pub value: Decimal,
    /// The upper bound of a range.
    pub max: Option<Decimal>,
    /// ISO 4217 code, when the text names it.
    pub currency: Option<String>,
    /// `exact`, `about`, `over`, `under` or `range`.
    pub qualifier: String,
    /// For counts, the measure word.
    pub unit: Option<String>,
}

/// One event merged across the articles that report it.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    /// [`EXPORT_SCHEMA`].
    pub schema: u32,
    /// The stable event id (a hash of its type and key arguments).
    pub id: String,
    /// The event type (`talent_move`, `funding`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// The arguments, as in `zhnews extract`'s event JSON (entity names, amount objects).
    #[serde(flatten)]
    pub detail: Map<String, Value>,
    /// The most precise date any report gives (`2024`, `2024-08`, `2024-08-13`).
    pub date: Option<String>,
    /// The modality most reports use.
    pub modality: Option<String>,
    /// How many articles report it.
    pub articles: u64,
    /// How many distinct sources (configured source, else site) report it.
    pub sources: u64,
    /// How many reports (sentences) in all.
    pub mentions: u64,
    /// The earliest report (publish time, else fetch time, UTC).
    pub first_seen: Option<String>,
    /// The latest report.
    pub last_seen: Option<String>,
    /// The canonical URLs of the reporting articles, earliest first.
    pub urls: Vec<String>,
    /// Every report: which article said it, in which sentence, how (JSONL only; CSV keeps `urls`).
    pub reports: Vec<EventReport>,
}

/// One report of an event: the provenance of a fact.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct EventReport {
    /// The reporting article's id.
    pub article_id: i64,
    /// Its canonical URL.
    pub url: String,
    /// Its publish time.
    pub published_at: Option<String>,
    /// The sentence the event was found in.
    pub sentence: String,
    /// Char offset of the sentence in the article body.
    pub start: i64,
    /// Char offset one past the sentence end.
    pub end: i64,
    /// How this report asserts the event.
    pub modality: String,
    /// The date this report gives, if any.
    pub date: Option<String>,
}

/// One exported row of any kind.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum ExportRow {
    /// An article.
    Article(ArticleRow),
    /// An entity.
    Entity(EntityRow),
    /// An entity mention.
    Mention(MentionRow),
    /// An amount.
    Amount(AmountRow),
    /// An event.
    Event(EventRow),
}

impl ExportRow {
    /// The CSV cells, in the order of [`ExportKind::columns`] (lists joined with `; `, URLs with
    /// spaces, missing values empty).
    pub fn cells(&self) -> Vec<String> {
        fn opt<T: ToString>(v: &Option<T>) -> String {
            v.as_ref().map(ToString::to_string).unwrap_or_default()
        }
        match self {
            ExportRow::Article(r) => {
                let a = &r.article;
                vec![
                    r.id.to_string(),
                    opt(&a.url),
                    opt(&a.canonical_url),
                    opt(&a.title),
                    a.published_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
                    a.published_source.map(name_of).unwrap_or_default(),
                    opt(&a.author),
                    opt(&a.site),
                    a.body.clone(),
                    opt(&a.encoding),
                    opt(&a.lang),
                    a.kind.as_str().to_owned(),
                    r.fetched_at.to_rfc3339(),
                    opt(&r.source),
                ]
            }
            ExportRow::Entity(r) => vec![
                r.id.to_string(),
                r.name.clone(),
                r.kind.clone(),
                opt(&r.owner),
                r.aliases.join("; "),
                r.mentions.to_string(),
                r.articles.to_string(),
                opt(&r.first_seen),
                opt(&r.last_seen),
            ],
            ExportRow::Mention(r) => vec![
                r.id.to_string(),
                r.article_id.to_string(),
                r.canonical_url.clone(),
                opt(&r.published_at),
                r.entity_id.to_string(),
                r.name.clone(),
                r.kind.clone(),
                r.text.clone(),
                r.start.to_string(),
                r.end.to_string(),
            ],
            ExportRow::Amount(r) => vec![
                r.id.to_string(),
                r.article_id.to_string(),
                r.canonical_url.clone(),
                opt(&r.published_at),
                r.text.clone(),
                r.start.to_string(),
                r.end.to_string(),
                r.kind.clone(),
                r.value.to_string(),
                opt(&r.max),
                opt(&r.currency),
                r.qualifier.clone(),
                opt(&r.unit),
            ],
            ExportRow::Event(r) => {
                let field = |name: &str| plain(r.detail.get(name));
                let amount_field =
                    |name: &str, part: &str| plain(r.detail.get(name).and_then(|a| a.get(part)));
                vec![
                    r.id.clone(),
                    r.kind.clone(),
                    opt(&r.date),
                    opt(&r.modality),
                    field("person"),
                    field("action"),
                    field("from"),
                    field("to"),
                    field("role"),
                    field("company"),
                    field("round"),
                    amount_field("amount", "value"),
                    amount_field("amount", "max"),
                    amount_field("amount", "currency"),
                    amount_field("amount", "text"),
                    field("investors"),
                    field("lead_investors"),
                    field("acquirer"),
                    field("target"),
                    field("seller"),
                    field("stake"),
                    field("exchange"),
                    amount_field("count", "value"),
                    amount_field("share", "value"),
                    field("purpose"),
                    r.articles.to_string(),
                    r.sources.to_string(),
                    r.mentions.to_string(),
                    opt(&r.first_seen),
                    opt(&r.last_seen),
                    r.urls.join(" "),
                ]
            }
        }
    }
}

/// A JSON value as one CSV cell: strings bare, arrays joined with `; `, null empty.
fn plain(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| plain(Some(v)))
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    }
}

/// The snake_case name serde gives a unit enum variant.
fn name_of<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Parses a stored snake_case enum name back.
fn parse_name<T: serde::de::DeserializeOwned>(
    column: &'static str,
    name: &str,
) -> Result<T, StoreError> {
    serde_json::from_value(Value::String(name.to_owned())).map_err(|e| StoreError::BadValue {
        column,
        reason: format!("`{name}`: {e}"),
    })
}

fn parse_time(column: &'static str, text: &str) -> Result<DateTime<FixedOffset>, StoreError> {
    DateTime::parse_from_rfc3339(text).map_err(|e| StoreError::BadValue {
        column,
        reason: format!("`{text}`: {e}"),
    })
}

fn parse_decimal(column: &'static str, text: &str) -> Result<Decimal, StoreError> {
    text.parse().map_err(|e| StoreError::BadValue {
        column,
        reason: format!("`{text}`: {e}"),
    })
}

fn parse_json<T: serde::de::DeserializeOwned>(
    column: &'static str,
    text: &str,
) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::BadValue {
        column,
        reason: e.to_string(),
    })
}

/// The date an article counts as for filters: its publish date, else the day it was fetched.
const ARTICLE_DATE: &str = "coalesce(a.published_date, substr(a.fetched_at, 1, 10))";

/// The ids of the entities a name (canonical or alias) refers to.
const ENTITY_IDS: &str = "SELECT id FROM entities WHERE name = :entity COLLATE NOCASE
     UNION SELECT entity_id FROM entity_aliases WHERE alias = :entity COLLATE NOCASE";

impl Store {
    /// Runs the export query for `kind`, calling `each` with every row as it is read; returns how
    /// many rows were exported. An error from `each` stops the export and is returned as
    /// [`StoreError::Output`].
    pub fn export(
        &self,
        kind: ExportKind,
        filter: &ExportFilter,
        mut each: impl FnMut(&ExportRow) -> std::io::Result<()>,
    ) -> Result<u64, StoreError> {
        let sql = export_sql(kind, filter);
        let mut statement = self.conn.prepare(&sql)?;
        let since = filter.since.map(|d| d.format("%Y-%m-%d").to_string());
        let until = filter.until.map(|d| d.format("%Y-%m-%d").to_string());
        let types = serde_json::to_string(&filter.types).unwrap_or_else(|_| "[]".to_owned());
        let mut params: Vec<(&str, &dyn rusqlite::ToSql)> = Vec::new();
        if sql.contains(":since") {
            params.push((":since", &since));
        }
        if sql.contains(":until") {
            params.push((":until", &until));
        }
        if sql.contains(":types") {
            params.push((":types", &types));
        }
        if sql.contains(":entity") {
            params.push((":entity", &filter.entity));
        }
        let mut rows = statement.query(params.as_slice())?;
        let mut count = 0u64;
        while let Some(row) = rows.next()? {
            let exported = match kind {
                ExportKind::Articles => ExportRow::Article(article_row(row)?),
                ExportKind::Entities => ExportRow::Entity(entity_row(row)?),
                ExportKind::Mentions => ExportRow::Mention(mention_row(row)?),
                ExportKind::Amounts => ExportRow::Amount(amount_row(row)?),
                ExportKind::Events => ExportRow::Event(event_row(row)?),
            };
            each(&exported)?;
            count += 1;
        }
        Ok(count)
    }
}

/// Builds the query for `kind` with the conditions `filter` sets (as named parameters).
fn export_sql(kind: ExportKind, filter: &ExportFilter) -> String {
    let mut conditions: Vec<String> = Vec::new();
    let dated = |conditions: &mut Vec<String>, date: &str| {
        if filter.since.is_some() {
            conditions.push(format!("{date} >= :since"));
        }
        if filter.until.is_some() {
            conditions.push(format!("{date} <= :until"));
        }
    };
    let typed = |conditions: &mut Vec<String>, column: &str| {
        if !filter.types.is_empty() {
            conditions.push(format!("{column} IN (SELECT value FROM json_each(:types))"));
        }
    };
    let about_entity = "a.id IN (SELECT article_id FROM mentions WHERE entity_id IN (";
    match kind {
        ExportKind::Articles => {
            dated(&mut conditions, ARTICLE_DATE);
            if filter.entity.is_some() {
                conditions.push(format!("{about_entity}{ENTITY_IDS}))"));
            }
            format!(
                "SELECT a.id, a.url, a.canonical_url, a.title, a.published_at, a.published_source,
                        a.author, a.site, a.body, a.encoding, a.lang, a.kind, a.fetched_at, s.name
                 FROM articles a LEFT JOIN sources s ON s.id = a.source_id
                 {}
                 ORDER BY a.id",
                where_clause(&conditions)
            )
        }
        ExportKind::Amounts => {
            dated(&mut conditions, ARTICLE_DATE);
            typed(&mut conditions, "x.kind");
            if filter.entity.is_some() {
                conditions.push(format!("{about_entity}{ENTITY_IDS}))"));
            }
            format!(
                "SELECT x.id, x.article_id, a.canonical_url, a.published_at, x.text, x.start,
                        x.\"end\", x.kind, x.value, x.max, x.currency, x.qualifier, x.unit
                 FROM amounts x JOIN articles a ON a.id = x.article_id
                 {}
                 ORDER BY x.article_id, x.start, x.id",
                where_clause(&conditions)
            )
        }
        ExportKind::Mentions => {
            dated(&mut conditions, ARTICLE_DATE);
            typed(&mut conditions, "e.kind");
            if filter.entity.is_some() {
                conditions.push(format!("m.entity_id IN ({ENTITY_IDS})"));
            }
            format!(
                "SELECT m.id, m.article_id, a.canonical_url, a.published_at, m.entity_id, e.name,
                        e.kind, m.text, m.start, m.\"end\"
                 FROM mentions m
                 JOIN articles a ON a.id = m.article_id
                 JOIN entities e ON e.id = m.entity_id
                 {}
                 ORDER BY m.article_id, m.start, m.id",
                where_clause(&conditions)
            )
        }
        ExportKind::Entities => {
            dated(&mut conditions, ARTICLE_DATE);
            typed(&mut conditions, "e.kind");
            if filter.entity.is_some() {
                conditions.push(format!("e.id IN ({ENTITY_IDS})"));
            }
            format!(
                "SELECT e.id, e.name, e.kind, e.owner,
                        (SELECT json_group_array(alias) FROM
                            (SELECT alias FROM entity_aliases WHERE entity_id = e.id ORDER BY alias)),
                        count(m.id), count(DISTINCT m.article_id), min(a.seen_at), max(a.seen_at)
                 FROM entities e
                 JOIN mentions m ON m.entity_id = e.id
                 JOIN articles a ON a.id = m.article_id
                 {}
                 GROUP BY e.id
                 ORDER BY e.id",
                where_clause(&conditions)
            )
        }
        ExportKind::Events => {
            // A partial date (2024-08) counts when the period it names overlaps the range.
            if filter.since.is_some() {
                conditions.push("v.date_to >= :since".to_owned());
            }
            if filter.until.is_some() {
                conditions.push("v.date_from <= :until".to_owned());
            }
            typed(&mut conditions, "v.type");
            if filter.entity.is_some() {
                conditions.push(format!(
                    "EXISTS (SELECT 1 FROM json_tree(v.detail) t
                             WHERE t.type = 'text' AND t.key <> 'text'
                               AND (t.atom = :entity COLLATE NOCASE
                                    OR t.atom IN (SELECT name FROM entities
                                                  WHERE id IN ({ENTITY_IDS}))))"
                ));
            }
            format!(
                "SELECT v.id, v.detail, v.date, v.modality, v.articles, v.sources, v.mentions,
                        v.first_seen, v.last_seen,
                        (SELECT json_group_array(url) FROM
                            (SELECT a.canonical_url AS url FROM event_mentions m
                             JOIN articles a ON a.id = m.article_id
                             WHERE m.event_id = v.id
                             GROUP BY a.id ORDER BY min(a.seen_at), a.id)),
                        (SELECT json_group_array(json_object(
                                    'article_id', article_id, 'url', url,
                                    'published_at', published_at, 'sentence', sentence,
                                    'start', start, 'end', \"end\", 'modality', modality,
                                    'date', date)) FROM
                            (SELECT a.id AS article_id, a.canonical_url AS url, a.published_at,
                                    m.sentence, m.start, m.\"end\", m.modality, m.date
                             FROM event_mentions m
                             JOIN articles a ON a.id = m.article_id
                             WHERE m.event_id = v.id
                             ORDER BY a.seen_at, a.id, m.start))
                 FROM v_events v
                 {}
                 ORDER BY v.first_seen, v.id",
                where_clause(&conditions)
            )
        }
    }
}

fn where_clause(conditions: &[String]) -> String {
    if conditions.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conditions.join(" AND "))
    }
}

fn article_row(row: &SqlRow<'_>) -> Result<ArticleRow, StoreError> {
    let published_at: Option<String> = row.get(4)?;
    let published_source: Option<String> = row.get(5)?;
    let kind: String = row.get(11)?;
    let fetched_at: String = row.get(12)?;
    Ok(ArticleRow {
        schema: EXPORT_SCHEMA,
        id: row.get(0)?,
        article: Article {
            url: row.get(1)?,
            canonical_url: row.get(2)?,
            title: row.get(3)?,
            published_at: published_at
                .map(|t| parse_time("articles.published_at", &t))
                .transpose()?,
            published_source: published_source
                .map(|s| parse_name::<PublishedSource>("articles.published_source", &s))
                .transpose()?,
            author: row.get(6)?,
            site: row.get(7)?,
            body: row.get(8)?,
            encoding: row.get(9)?,
            lang: row.get(10)?,
            kind: parse_name::<PageKind>("articles.kind", &kind)?,
        },
        fetched_at: parse_time("articles.fetched_at", &fetched_at)?,
        source: row.get(13)?,
    })
}

fn entity_row(row: &SqlRow<'_>) -> Result<EntityRow, StoreError> {
    let aliases: String = row.get(4)?;
    Ok(EntityRow {
        schema: EXPORT_SCHEMA,
        id: row.get(0)?,
        name: row.get(1)?,
        kind: row.get(2)?,
        owner: row.get(3)?,
        aliases: parse_json("entity_aliases.alias", &aliases)?,
        mentions: row.get::<_, i64>(5)?.max(0) as u64,
        articles: row.get::<_, i64>(6)?.max(0) as u64,
        first_seen: row.get(7)?,
        last_seen: row.get(8)?,
    })
}

fn mention_row(row: &SqlRow<'_>) -> Result<MentionRow, StoreError> {
    Ok(MentionRow {
        schema: EXPORT_SCHEMA,
        id: row.get(0)?,
        article_id: row.get(1)?,
        canonical_url: row.get(2)?,
        published_at: row.get(3)?,
        entity_id: row.get(4)?,
        name: row.get(5)?,
        kind: row.get(6)?,
        text: row.get(7)?,
        start: row.get(8)?,
        end: row.get(9)?,
    })
}

fn amount_row(row: &SqlRow<'_>) -> Result<AmountRow, StoreError> {
    let value: String = row.get(8)?;
    let max: Option<String> = row.get(9)?;
    Ok(AmountRow {
        schema: EXPORT_SCHEMA,
        id: row.get(0)?,
        article_id: row.get(1)?,
        canonical_url: row.get(2)?,
        published_at: row.get(3)?,
        text: row.get(4)?,
        start: row.get(5)?,
        end: row.get(6)?,
        kind: row.get(7)?,
        value: parse_decimal("amounts.value", &value)?,
        max: max.map(|m| parse_decimal("amounts.max", &m)).transpose()?,
        currency: row.get(10)?,
        qualifier: row.get(11)?,
        unit: row.get(12)?,
    })
}

fn event_row(row: &SqlRow<'_>) -> Result<EventRow, StoreError> {
    let detail: String = row.get(1)?;
    let urls: String = row.get(9)?;
    let reports: String = row.get(10)?;
    let mut detail: Map<String, Value> = parse_json("events.detail", &detail)?;
    let kind = match detail.remove("type") {
        Some(Value::String(kind)) => kind,
        _ => {
            return Err(StoreError::BadValue {
                column: "events.detail",
                reason: "no event type".to_owned(),
            });
        }
    };
    Ok(EventRow {
        schema: EXPORT_SCHEMA,
        id: row.get(0)?,
        kind,
        detail,
        date: row.get(2)?,
        modality: row.get(3)?,
        articles: row.get::<_, i64>(4)?.max(0) as u64,
        sources: row.get::<_, i64>(5)?.max(0) as u64,
        mentions: row.get::<_, i64>(6)?.max(0) as u64,
        first_seen: row.get(7)?,
        last_seen: row.get(8)?,
        urls: parse_json("articles.canonical_url", &urls)?,
        reports: parse_json("event_mentions", &reports)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::{article, extraction, fetched, move_event};

    fn rows(store: &Store, kind: ExportKind, filter: &ExportFilter) -> Vec<ExportRow> {
        let mut out = Vec::new();
        let n = store
            .export(kind, filter, |row| {
                out.push(row.clone());
                Ok(())
            })
            .unwrap();
        assert_eq!(n as usize, out.len());
        out
    }

    fn filled_store(dir: &tempfile::TempDir) -> Store {
        let mut store = Store::open(&dir.path().join("x.db")).unwrap();
        store
            .load_article(
                &article("https://a.example/1", "王小明加入星河科技。"),
                &extraction(),
                fetched(),
                Some("a"),
            )
            .unwrap();
        let mut later = article("https://b.example/2", "李红加入月光公司。");
        later.published_at =
            Some(DateTime::parse_from_rfc3339("2025-01-05T08:00:00+08:00").unwrap());
        let mut x = extraction();
        x.entities.truncate(1);
        x.events = vec![move_event("李红", "月光公司", Some("2025-01"))];
        store
            .load_article(&later, &x, fetched(), Some("b"))
            .unwrap();
        store
    }

    #[test]
    fn every_kind_exports_every_row_with_as_many_cells_as_columns() {
        let dir = tempfile::tempdir().unwrap();
        let store = filled_store(&dir);
        let counts = store.counts().unwrap();
        for (kind, expected) in [
            (ExportKind::Articles, counts.articles),
            (ExportKind::Entities, counts.entities),
            (ExportKind::Mentions, counts.mentions),
            (ExportKind::Amounts, counts.amounts),
            (ExportKind::Events, counts.events),
        ] {
            let rows = rows(&store, kind, &ExportFilter::default());
            assert_eq!(rows.len() as u64, expected, "{}", kind.as_str());
            for row in &rows {
                assert_eq!(row.cells().len(), kind.columns().len(), "{}", kind.as_str());
                let json = serde_json::to_value(row).unwrap();
                assert_eq!(json["schema"], EXPORT_SCHEMA);
            }
        }
    }

    #[test]
    fn filters_narrow_rows() {
        let dir = tempfile::tempdir().unwrap();
        let store = filled_store(&dir);
        let since_2025 = ExportFilter {
            since: NaiveDate::from_ymd_opt(2025, 1, 1),
            ..ExportFilter::default()
        };
        assert_eq!(rows(&store, ExportKind::Articles, &since_2025).len(), 1);
        let events = rows(&store, ExportKind::Events, &since_2025);
        assert_eq!(events.len(), 1);
        let ExportRow::Event(event) = &events[0] else {
            panic!("not an event row")
        };
        assert_eq!(event.detail["person"], "李红");
        assert_eq!(event.urls, vec!["https://b.example/2"]);
        // 2024-08 overlaps a range starting mid-August.
        let mid_august = ExportFilter {
            since: NaiveDate::from_ymd_opt(2024, 8, 20),
            until: NaiveDate::from_ymd_opt(2024, 8, 25),
            ..ExportFilter::default()
        };
        assert_eq!(rows(&store, ExportKind::Events, &mid_august).len(), 1);
        // By alias: 小明 → 王小明.
        let by_alias = ExportFilter {
            entity: Some("小明".to_owned()),
            ..ExportFilter::default()
        };
        assert_eq!(rows(&store, ExportKind::Events, &by_alias).len(), 1);
        // Both articles mention 王小明 (the second once).
        assert_eq!(rows(&store, ExportKind::Mentions, &by_alias).len(), 3);
        assert_eq!(rows(&store, ExportKind::Articles, &by_alias).len(), 2);
        let companies = ExportFilter {
            types: vec!["company".to_owned()],
            ..ExportFilter::default()
        };
        let entities = rows(&store, ExportKind::Entities, &companies);
        assert_eq!(entities.len(), 1);
        let percent = ExportFilter {
            types: vec!["percent".to_owned()],
            ..ExportFilter::default()
        };
        assert!(rows(&store, ExportKind::Amounts, &percent).is_empty());
    }

    #[test]
    fn an_acquisition_exports_its_seller_and_stake() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("x.db")).unwrap();
        let body = "远川集团将所持星图科技30%股权转让给蓝鲸资本。";
        let mut x = extraction();
        x.entities.clear();
        x.amounts.clear();
        x.events = vec![zhnews_model::Event {
            detail: zhnews_model::EventDetail::Acquisition {
                acquirer: Some("蓝鲸资本".to_owned()),
                target: Some("星图科技".to_owned()),
                seller: Some("远川集团".to_owned()),
                stake: Some("30%股权".to_owned()),
                amount: None,
            },
            date: None,
            modality: zhnews_model::Modality::Asserted,
            sentence: body.to_owned(),
            start: 0,
            end: body.chars().count(),
            trigger: Some((16, 18)),
        }];
        store
            .load_article(&article("https://c.example/3", body), &x, fetched(), None)
            .unwrap();
        let events = rows(&store, ExportKind::Events, &ExportFilter::default());
        assert_eq!(events.len(), 1);
        let cells = events[0].cells();
        let column = |name: &str| {
            let i = ExportKind::Events
                .columns()
                .iter()
                .position(|c| *c == name)
                .unwrap();
            cells[i].clone()
        };
        assert_eq!(column("seller"), "远川集团");
        assert_eq!(column("stake"), "30%股权");
        assert_eq!(column("acquirer"), "蓝鲸资本");
        let json = serde_json::to_value(&events[0]).unwrap();
        assert_eq!(json["seller"], "远川集团", "{json}");
        assert_eq!(json["stake"], "30%股权", "{json}");
    }

    #[test]
    fn an_acquisition_stored_before_seller_and_stake_existed_reads_back() {
        let old = r#"{"type":"acquisition","acquirer":"甲","target":"乙","amount":null,
            "date":null,"modality":"asserted","sentence":"甲收购乙。","start":0,"end":5}"#;
        let event: zhnews_model::Event = serde_json::from_str(old).unwrap();
        assert!(matches!(
            event.detail,
            zhnews_model::EventDetail::Acquisition {
                seller: None,
                stake: None,
                ..
            }
        ));
    }

    #[test]
    fn exported_amounts_and_articles_read_back_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let store = filled_store(&dir);
        let amounts = rows(&store, ExportKind::Amounts, &ExportFilter::default());
        let ExportRow::Amount(amount) = &amounts[0] else {
            panic!("not an amount row")
        };
        assert_eq!(amount.value.to_string(), "107530000.5");
        let articles = rows(&store, ExportKind::Articles, &ExportFilter::default());
        let ExportRow::Article(first) = &articles[0] else {
            panic!("not an article row")
        };
        assert_eq!(
            first.article,
            article("https://a.example/1", "王小明加入星河科技。")
        );
        assert_eq!(first.fetched_at, fetched());
        assert_eq!(first.source.as_deref(), Some("a"));
    }
}

//! Events: talent moves, funding, valuation, acquisitions, IPOs, layoffs, spending.

use chrono::NaiveDate;
use zhnews_model::{Amount, Entity, Event};

/// Finds events in `text` given its entities and amounts.
pub fn find_events(
    text: &str,
    entities: &[Entity],
    amounts: &[Amount],
    published: Option<NaiveDate>,
) -> Vec<Event> {
    let _ = (text, entities, amounts, published);
    Vec::new()
}

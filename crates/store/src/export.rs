//! Export queries: rows of articles, entities, mentions, amounts and events, handed one at a time to a
//! callback as the query steps, so an export of any size runs in constant memory.

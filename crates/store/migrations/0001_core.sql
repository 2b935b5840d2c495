-- Core tables: sources, articles, entities, mentions, amounts, events. (Filled in by the store work.)
SELECT 1;

-- Crawl frontier and fetch log. (Filled in by the crawler work.)
SELECT 1;

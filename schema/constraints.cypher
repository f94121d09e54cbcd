// Constraints and indexes of the policykg graph. Every statement is
// idempotent (IF NOT EXISTS); `policykg schema apply` runs them in order.
// One uniqueness constraint per natural key (schema/vocabulary.py NATURAL_KEYS).
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (n:Region) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT policy_key IF NOT EXISTS FOR (n:Policy) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT target_key IF NOT EXISTS FOR (n:Target) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT project_key IF NOT EXISTS FOR (n:Project) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT indicator_key IF NOT EXISTS FOR (n:Indicator) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT observation_key IF NOT EXISTS FOR (n:Observation) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT measure_key IF NOT EXISTS FOR (n:Measure) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT theme_id IF NOT EXISTS FOR (n:Theme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT source_document_id IF NOT EXISTS FOR (n:SourceDocument) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ingest_run_id IF NOT EXISTS FOR (n:IngestRun) REQUIRE n.id IS UNIQUE;
// Lookups the queries make by something other than the natural key.
CREATE INDEX region_name_zh IF NOT EXISTS FOR (n:Region) ON (n.name_zh);
CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level);
CREATE INDEX target_deadline IF NOT EXISTS FOR (n:Target) ON (n.deadline);
CREATE INDEX observation_year IF NOT EXISTS FOR (n:Observation) ON (n.year);
CREATE INDEX ingest_run_started IF NOT EXISTS FOR (n:IngestRun) ON (n.started_at);
// The policies a status filter may leave out (not yet in force; expired), which
// region-theme-matrix looks up to take their facts off the summary.
CREATE INDEX policy_period_start IF NOT EXISTS FOR (n:Policy) ON (n.period_start);
CREATE INDEX policy_period_end IF NOT EXISTS FOR (n:Policy) ON (n.period_end);
CREATE INDEX policy_issued IF NOT EXISTS FOR (n:Policy) ON (n.issued);
// Full-text search (`policykg search`) over names, titles, aliases and the
// English prose (summaries, descriptions, notes), in two indexes queried
// together: the CJK analyzer indexes Chinese as overlapping bigrams (so
// "数据跨境" matches inside a longer name); the English analyzer stems
// ("robot" finds "robots", "mine" finds "mines") and drops stop words.
// `names` was the first, CJK-only index over names alone.
DROP INDEX names IF EXISTS;
CREATE FULLTEXT INDEX search_cjk IF NOT EXISTS
FOR (n:Region|Policy|Target|Project|Indicator|Observation|Measure|Theme|Organization|SourceDocument)
ON EACH [n.name_zh, n.name_en, n.title_zh, n.title_en, n.aliases_text, n.summary_en, n.description_en, n.note_en]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX search_en IF NOT EXISTS
FOR (n:Region|Policy|Target|Project|Indicator|Observation|Measure|Theme|Organization|SourceDocument)
ON EACH [n.name_en, n.title_en, n.aliases_text, n.summary_en, n.description_en, n.note_en]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};

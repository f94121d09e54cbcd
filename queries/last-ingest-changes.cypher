// name: last-ingest-changes
// zh: 最近一次导入改变了什么（新增、修改、删除的事实）
// en: What the last ingest changed: facts added, changed or removed, with the document each came from
// short: 上次导入的变化 | What the last ingest changed
// topic: changes
// example:
// expand: changes
// columns: change, key, name, field, old, new

// Cypher cannot parse JSON without APOC: the run's change list comes back as
// JSON text and the runner turns each change into a row (see `expand` above).
MATCH (run:IngestRun)
WHERE run.started_at IS NOT NULL  // lets the started_at index give the newest run without a label scan
WITH run ORDER BY run.started_at DESC LIMIT 1
RETURN run.id AS run,
       run.started_at AS started_at,
       run.changes AS changes

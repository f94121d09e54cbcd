// The policy status rule (docs/graph-model.md, "Policy status"), as one CALL that every question
// counting policies includes: it needs `fact` (a Policy, Target, Measure, Project, or any fact) and
// `asof` (a year) in scope, gives `policy_status` and `sup` (the first successor: {next, since, link}),
// and keeps the row only when $status allows it: current (in force, or expired with no successor
// yet), in-force, or null (any). A fact's policies are itself (a Policy) or those that SET or
// INCLUDE it; a fact with none ('no policy') always counts, one with several counts when one does.
CALL (fact, asof) {
  OPTIONAL MATCH (p:Policy)-[:SETS|INCLUDES*0..1]->(fact)
  OPTIONAL MATCH (p)<-[l:SUPERSEDES]-(next:Policy)
  OPTIONAL MATCH (d:SourceDocument {id: l.doc})
  WITH p, asof, next, l, coalesce(next.issued, toString(d.published)) AS since
  ORDER BY since
  WITH p, asof, [x IN collect({next: next, since: since, link: l}) WHERE toInteger(left(x.since, 4)) <= asof]
       AS successors
  WITH p, successors[0] AS sup,
       CASE WHEN p IS NULL THEN 'no policy'
            WHEN size(successors) > 0 THEN 'superseded'
            WHEN p.period_end IS NOT NULL AND p.period_end < asof THEN 'expired'
            WHEN coalesce(p.period_start, toInteger(left(p.issued, 4))) > asof THEN 'not yet in force'
            ELSE 'in force' END AS policy_status
  WHERE $status IS NULL OR policy_status IN ['no policy', 'in force']
     OR $status = 'current' AND policy_status = 'expired'
  RETURN sup, policy_status
  ORDER BY p.key
  LIMIT 1
}

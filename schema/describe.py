"""The graph model as rows, for `policykg schema show` and the docs."""

from __future__ import annotations

import json
from typing import Any

from schema import models
from schema.vocabulary import NATURAL_KEYS, REL_ENDPOINTS, Label

#: The record model whose fields become each label's properties.
MODEL_OF: dict[Label, type[models.Record] | None] = {
    Label.REGION: None,
    Label.POLICY: models.Policy,
    Label.TARGET: models.Target,
    Label.PROJECT: models.Project,
    Label.INDICATOR: models.Indicator,
    Label.OBSERVATION: models.Observation,
    Label.MEASURE: models.Measure,
    Label.THEME: None,
    Label.ORGANIZATION: models.Organization,
    Label.SOURCE_DOCUMENT: models.DocumentMeta,
    Label.INGEST_RUN: None,
}

OTHER_PROPERTIES: dict[Label, str] = {
    Label.REGION: "code, name_zh, name_en, level, short, aliases, aliases_text",
    Label.THEME: "id, name_zh, name_en, keywords_zh, keywords_en, stip_id, stip_label, description_en, aliases_text",
    Label.INGEST_RUN: "id, started_at, finished_at, documents_new, documents_changed, documents_unchanged, "
    "documents_removed, removed_documents, nodes_created, nodes_deleted, relationships_created, "
    "relationships_deleted, changes (JSON list)",
}


def model_rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    nodes = []
    for label in Label:
        model = MODEL_OF[label]
        props = ", ".join(f for f in model.model_fields if f not in models.LINK_FIELDS) if model else OTHER_PROPERTIES[label]
        if label is Label.OBSERVATION:
            props += ", name_zh, name_en"  # generated from region, indicator and period
        if label is Label.SOURCE_DOCUMENT:
            props += ", path, content_hash"
        nodes.append({"label": label.value, "key": NATURAL_KEYS[label], "properties": props})
    rels = [{"type": rel.value, "from": a, "to": b, "meaning": meaning} for rel, (a, b, meaning) in REL_ENDPOINTS.items()]
    return nodes, rels


def record_json_schema() -> str:
    """JSON Schema of one record file, generated from the models so it cannot drift."""
    schema = models.DocumentRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "policykg record file (one source document)"
    return json.dumps(schema, ensure_ascii=False, indent=2)

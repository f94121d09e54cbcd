"""The graph model as rows, for `policykg schema show` and the docs; read off the section table."""

from __future__ import annotations

import json
from typing import Any

from policykg.schema import models
from policykg.schema.sections import (
    DOCUMENT_LINK_FIELDS,
    SECTION_BY_LABEL,
    DocumentRecord,
    property_names,
)
from policykg.schema.vocabulary import NATURAL_KEYS, REL_ENDPOINTS, Label

#: Properties of the nodes that no record section describes.
OTHER_PROPERTIES: dict[Label, str] = {
    Label.REGION: "code, name_zh, name_en, level, short, aliases, aliases_text",
    Label.THEME: "id, name_zh, name_en, keywords_zh, keywords_en, stip_id, stip_label, description_en, aliases_text",
    Label.INGEST_RUN: "id, started_at, finished_at, documents_new, documents_changed, documents_unchanged, "
    "documents_removed, removed_documents, nodes_created, nodes_deleted, relationships_created, "
    "relationships_deleted, changes (JSON list)",
    Label.SOURCE_DOCUMENT: ", ".join(f for f in models.DocumentMeta.model_fields if f not in DOCUMENT_LINK_FIELDS)
    + ", path, content_hash",
}


def model_rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    nodes = []
    for label in Label:
        section = SECTION_BY_LABEL.get(label)
        props = ", ".join(property_names(section)) if section else OTHER_PROPERTIES[label]
        if label is Label.OBSERVATION:
            props += ", name_zh, name_en"  # generated from region, indicator and period
        nodes.append({"label": label.value, "key": NATURAL_KEYS[label], "properties": props})
    rels = [{"type": rel.value, "from": a, "to": b, "meaning": meaning} for rel, (a, b, meaning) in REL_ENDPOINTS.items()]
    return nodes, rels


def record_json_schema() -> str:
    """JSON Schema of one record file, generated from the models so it cannot drift."""
    schema = DocumentRecord.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "policykg record file (one source document)"
    return json.dumps(schema, ensure_ascii=False, indent=2)

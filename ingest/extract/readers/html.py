"""Saved web pages: the main text by trafilatura (site chrome gone, tables as rows), metadata the page states.

Chinese government CMSs write the document's own title and date into metas (ArticleTitle, PubDate,
ContentSource); the <title> is usually "title_site name". Those metas come first, then Open Graph and
<link rel=canonical>, then trafilatura's metadata (htmldate for the date). Each value says where it was read.
The page's own charset declaration decides its encoding (GBK and GB2312 read as GB18030), else detection.
"""

from __future__ import annotations

import datetime as dt
import json

import lxml.html
import regex

from policykg.ingest.extract.normalise import ExtractError
from policykg.ingest.extract.readers import Said, SourceText, numbered
from policykg.ingest.extract.readers import text as text_mod

_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w]+)""", regex.I)
_DATE = regex.compile(r"((?:19|20)\d\d)\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})")
TITLE_METAS = ("ArticleTitle", "og:title", "twitter:title", "title")
DATE_METAS = ("PubDate", "pubdate", "publishdate", "article:published_time", "og:published_time", "firstpublishedtime")
PUBLISHER_METAS = ("ContentSource",)
URL_METAS = ("og:url",)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The page's text and encoding: a BOM, then its own <meta charset>, then detection."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return text_mod.decode(data, name)
    m = _CHARSET.search(data[:8192])
    if m:
        declared = m.group(1).decode("ascii", "replace").lower()
        codec = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5", "utf-8": "utf-8",
                 "utf8": "utf-8", "gb18030": "gb18030"}.get(declared)
        if codec:
            try:
                return data.decode(codec), text_mod.NAMES[codec] + " (declared by the page)"
            except UnicodeDecodeError:
                pass  # a page that lies about its charset: detect instead
    return text_mod.decode(data, name)


def read(data: bytes, name: str, digest: str) -> SourceText:
    """A web page's main text, one paragraph (or table row) a line, and what its metadata says."""
    import trafilatura

    page, encoding = decode(data, name)
    try:
        tree = lxml.html.document_fromstring(page.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ExtractError(f"{name}: not a readable HTML page ({exc})") from None
    flatten_tables(tree)
    found = trafilatura.extract(tree, output_format="json", with_metadata=True, include_tables=True,
                                favor_recall=True, include_comments=False, deduplicate=False)
    body = json.loads(found)["text"] if found else ""
    text, locators = numbered(body.split("\n"))
    if not regex.search(r"\p{Han}", text):
        raise ExtractError(f"{name}: no Chinese main text found in the page")
    meta = page_meta(tree, json.loads(found) if found else {})
    return SourceText(text=text, format="html", sha256=digest, encoding=encoding, locators=locators, meta=meta)


def flatten_tables(tree) -> None:
    """Each table as one paragraph per row ("| 指标 | 单位 | 2020年 |"), in place: the rows then survive
    whichever way trafilatura finds the main text (its own table output needs it to find the table)."""
    for table in list(tree.iter("table")):
        if table.getparent() is None or any(a.tag == "table" for a in table.iterancestors()):
            continue
        holder = lxml.html.Element("div")
        for tr in table.iter("tr"):
            cells = [" ".join(td.text_content().split()) or "/" for td in tr if td.tag in ("td", "th")]
            if any(c != "/" for c in cells):
                p = lxml.html.Element("p")
                p.text = "| " + " | ".join(cells) + " |"
                holder.append(p)
        holder.tail = table.tail
        table.getparent().replace(table, holder)


def page_meta(tree, found: dict) -> dict[str, Said]:
    """Title, published date, publisher and address as the page states them (None of them guessed)."""
    metas: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("name") or el.get("property") or el.get("itemprop")
        content = (el.get("content") or "").strip()
        if key and content:
            metas.setdefault(key.lower(), content)
    out: dict[str, Said] = {}
    for field, keys in (("title", TITLE_METAS), ("publisher", PUBLISHER_METAS), ("url", URL_METAS)):
        for key in keys:
            if metas.get(key.lower()):
                out[field] = Said(metas[key.lower()], f'<meta name="{key}">')
                break
    for key in DATE_METAS:
        day = _iso_date(metas.get(key.lower(), ""))
        if day:
            out["published"] = Said(day, f'<meta name="{key}">')
            break
    canonical = next((el.get("href") for el in tree.iter("link") if (el.get("rel") or "").lower() == "canonical"
                      and (el.get("href") or "").startswith(("http://", "https://"))), None)
    if canonical:
        out["url"] = Said(canonical, '<link rel="canonical">')
    if "title" not in out and (title := _page_title(found.get("title") or "")):
        out["title"] = Said(title, "the page's <title>, site name cut (trafilatura)")
    if "published" not in out and (day := _marked_date(tree)):
        out["published"] = Said(day, "the page's date markup (htmldate, no guessing from the text)")
    if "url" in out and not regex.fullmatch(r"https?://\S+", out["url"].value):
        del out["url"]
    return out


def _page_title(title: str) -> str | None:
    """The first part of "标题_网站名" / "标题 - 网站名", if it names something (four Chinese characters)."""
    part = regex.split(r"\s*(?:_|\||｜| - | — |-{2,})\s*", title)[0].strip()
    return part if len(regex.findall(r"\p{Han}", part)) >= 4 else None


def _marked_date(tree) -> str | None:
    """A publication date the page's <head> marks up (metas, JSON-LD) as htmldate reads them; the body is
    not searched (there htmldate finds the dates of related links and calls them the page's)."""
    from htmldate import find_date

    head = tree.find("head")
    if head is None:
        return None
    try:
        found = find_date(lxml.html.tostring(head, encoding="unicode"), extensive_search=False, original_date=True)
    except Exception:  # htmldate raises on odd markup; a date is optional
        return None
    return _iso_date(found or "")


def _iso_date(value: str) -> str | None:
    m = _DATE.search(value)
    if not m:
        return None
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return day.isoformat() if day <= dt.date.today() else None

#!/usr/bin/env python3
"""Writes the expected bodies of the hand-written test pages in tests/data/readers/ to bodies/.

The body of each page is the region a human marks as the article (given below as start/end
markers in the source), with tags stripped and entities decoded. This is independent of the C++
readers, so the scorer compares them against an outside reference. Run from the repo root."""
import html, pathlib, re

D = pathlib.Path("tests/data/readers")
# file -> list of (start marker, end marker) regions, and marker regions to cut out.
REGIONS = {
    "news_page.html": ([('<div class="story-body">', '<div class="tags">')],
                       [('<div class="inline-related">', '</ul></div>')]),
    "wire_page.html": ([('<div class="text">', '</div>')], []),
    "blog_page.html": ([('<div class="post-content">', '<div class="share">')], []),
    "damaged_page.html": ([('</h1>', None)], []),
    "feed_rss.xml#0": ([('<content:encoded><![CDATA[', '<p><a href="https://dispatch.example.net/share?fb">')], []),
    "feed_atom.xml#0": ([('<div xmlns="http://www.w3.org/1999/xhtml">', '<p><a href')], []),
}

def text_of(src, start, end):
    b = src.index(start) + len(start)
    e = src.index(end, b) if end else len(src)
    return src[b:e]

for name, (keep, cut) in REGIONS.items():
    src = (D / name.split("#")[0]).read_text(encoding="cp1252" if "wire" in name else "utf-8")
    for s, e in cut:
        b = src.index(s); src = src[:b] + src[src.index(e, b) + len(e):]
    body = "\n".join(text_of(src, s, e) for s, e in keep)
    body = re.sub(r"<br\s*/?>|</p>|</h\d>|</blockquote>", "\n\n", body)
    body = html.unescape(re.sub(r"<[^>]+>", " ", body))
    paras = [" ".join(p.split()) for p in body.split("\n\n")]
    out = "\n\n".join(p for p in paras if p)
    (pathlib.Path("eval/cleaning/bodies") / (name.replace("#", "_") + ".txt")).write_text(out + "\n")

"""Safe, self-contained HTML: escaping, sanitizing, the content policy."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from extract import pages
from extract.charts import VEGALITE_MIMETYPE

from conftest import HOSTILE_CLAIMANT, HOSTILE_SENTENCE, loaded_urls

HOSTILE = [HOSTILE_SENTENCE, HOSTILE_CLAIMANT, "<!--<script>", "a\u2028b", "</SCRIPT >", "&lt;"]


@pytest.mark.parametrize("text", HOSTILE)
def test_script_safe_json_cannot_close_its_element(text: str) -> None:
    encoded = pages.script_safe_json({"sentence": text})
    assert "<" not in encoded and ">" not in encoded and "&" not in encoded
    assert json.loads(encoded) == {"sentence": text}


def test_script_safe_json_refuses_nan() -> None:
    with pytest.raises(ValueError):
        pages.script_safe_json({"value": float("nan")})


def test_script_safe_code() -> None:
    assert pages.script_safe_code('x = "</script><!--"') == 'x = "<\\/script><\\!--"'
    assert "</script" not in pages.vega_bundle().lower()


def scripts(document: str) -> list[str]:
    return re.findall(r"<script(?: [^>]*)?>(.*?)</script>", document, flags=re.DOTALL)


def test_page_policy_admits_exactly_its_scripts() -> None:
    document = pages.page("t", [pages.Chart({"mark": "point"}, "c")])
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', document).group(1)
    executable = [body for tag, body in re.findall(r"<script( [^>]*)?>(.*?)</script>", document, flags=re.DOTALL)
                  if 'type="application/json"' not in tag]
    assert len(executable) == 2
    for body in executable:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy
    assert loaded_urls(document) == []


def test_page_without_charts_has_no_scripts() -> None:
    document = pages.page("title <b>", ["<p>hello</p>"], footer="by <i>")
    assert "<script" not in document
    assert "<title>title &lt;b&gt;</title>" in document and "by &lt;i&gt;" in document


def test_chart_page_embeds_hostile_spec_inertly() -> None:
    spec = {"data": {"values": [{"s": text} for text in HOSTILE]}, "mark": "point", "title": HOSTILE_CLAIMANT}
    document = pages.chart_page(spec, HOSTILE_CLAIMANT)
    assert "window.__pwned" in document  # the text is there ...
    for text in (HOSTILE_SENTENCE, HOSTILE_CLAIMANT, "</SCRIPT"):
        assert text not in document  # ... but never as markup
    (data,) = re.findall(r'<script type="application/json" id="vega-spec-0">(.*?)</script>', document, flags=re.DOTALL)
    assert json.loads(data) == spec


@pytest.mark.parametrize(("fragment", "kept", "gone"), [
    ('<table class="dataframe"><tr><td>1</td></tr></table>', '<table class="dataframe">', None),
    ("<div><style scoped>td {color: red}</style><table></table></div>", "<table>", "color: red"),
    ('<img src=x onerror="window.__pwned = 1">', "&lt;img", "<img"),
    ("<script>window.__pwned = 1</script>", "&lt;script&gt;", "<script"),
    ('<a href="javascript:alert(1)">x</a>', "<a>x</a>", "javascript"),
    ('<a href="https://example.org" onclick="x()">x</a>', '<a href="https://example.org">x</a>', "onclick"),
    ('<iframe src="https://example.org"></iframe>', "&lt;iframe", "<iframe"),
])
def test_sanitize_html(fragment: str, kept: str, gone: str | None) -> None:
    cleaned = pages.sanitize_html(fragment)
    assert kept in cleaned
    if gone:
        assert gone not in cleaned


def test_render_markdown_escapes_raw_html() -> None:
    rendered = pages.render_markdown(f"# Title\n\nSome *text* {HOSTILE_SENTENCE}\n\n![x](https://example.org/x.png)")
    assert "<h1>Title</h1>" in rendered and "<em>text</em>" in rendered
    assert "<script" not in rendered and "<img" not in rendered


def notebook(*cells: dict) -> dict:
    return {"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def code(outputs: list[dict], tags: tuple[str, ...] = ()) -> dict:
    return {"cell_type": "code", "source": "secret_code()", "metadata": {"tags": list(tags)}, "outputs": outputs}


def test_notebook_page_shows_prose_and_outputs_not_code() -> None:
    spec = {"mark": "point", "title": {"text": HOSTILE_CLAIMANT}}
    document = pages.notebook_page(notebook(
        {"cell_type": "markdown", "source": "# Report\n\nHow to read it.", "metadata": {}},
        code([], tags=("parameters",)),
        code([{"output_type": "stream", "name": "stdout", "text": HOSTILE_SENTENCE},
              {"output_type": "stream", "name": "stderr", "text": "a warning"},
              {"output_type": "display_data", "metadata": {},
               "data": {VEGALITE_MIMETYPE: spec, "application/vnd.vega.v5+json": {}, "text/plain": "<chart>"}},
              {"output_type": "execute_result", "metadata": {}, "execution_count": 1,
               "data": {"text/html": f"<table><tr><td>{HOSTILE_CLAIMANT}</td></tr></table>", "text/plain": "t"}},
              {"output_type": "display_data", "metadata": {}, "data": {"image/png": base64.b64encode(b"png").decode()}},
              {"output_type": "error", "ename": "ValueError", "evalue": "\x1b[31mbad\x1b[0m", "traceback": []}]),
    ), "Report")
    assert "secret_code" not in document and "a warning" not in document
    assert "<h1>Report</h1>" in document and "How to read it." in document
    assert "&lt;/script&gt;&lt;script&gt;window.__pwned" in document
    assert document.count('data-vega-spec="vega-spec-') == 1
    assert '<img alt="figure" src="data:image/png;base64,' in document
    assert '<pre class="error">ValueError: bad</pre>' in document
    for text in (HOSTILE_SENTENCE, HOSTILE_CLAIMANT):
        assert text not in document

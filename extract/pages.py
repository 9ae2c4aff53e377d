"""Self-contained, safe HTML pages for charts and executed notebooks.

Two promises, because reports are shared and article text is untrusted:

- Offline: the Vega libraries are inlined (vl-convert's bundle); the page
  loads nothing from the network, and its Content-Security-Policy forbids it.
- Inert text: chart specs travel as JSON inside `<script type="application/json">`
  with every `<`, `>` and `&` written as a JSON escape, so no sentence can close
  the element (Altair's own `save` and nbconvert's template do not do this).
  The policy admits only this module's scripts, by hash, so injected markup
  could not run a script even if it reached the page. Notebook markdown and
  HTML outputs pass through an allow-list sanitizer; plain text is escaped.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import html
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from .charts import VEGALITE_MIMETYPE, vegalite_version
from .table import write_atomically

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "div", "dl", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "small", "span", "strong",
    "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
ALLOWED_ATTRIBUTES = {"a": ["href", "title"], "th": ["colspan", "rowspan"], "td": ["colspan", "rowspan"],
                      "table": ["class"], "abbr": ["title"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

# Drawn once the bundle has defined `vegaEmbed`; errors are shown and logged, never swallowed.
BOOTSTRAP_JS = """(function () {
  document.querySelectorAll("[data-vega-spec]").forEach(function (target) {
    var source = document.getElementById(target.getAttribute("data-vega-spec"));
    var spec = JSON.parse(source.textContent);
    vegaEmbed(target, spec, {mode: "vega-lite", renderer: "svg", actions: false}).catch(function (error) {
      target.textContent = "This chart could not be drawn: " + error;
      console.error(error);
    });
  });
})();"""

STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222;
       max-width: 1100px; margin: 2em auto; padding: 0 1.5em; }
h1, h2, h3 { line-height: 1.25; }
pre { background: #f6f8fa; padding: .75em 1em; overflow-x: auto; white-space: pre-wrap; }
pre.error { background: #fdecea; color: #8a1f11; }
table { border-collapse: collapse; margin: 1em 0; font-size: 13px; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; max-width: 40em; }
thead th { background: #f2f2f2; }
figure.chart { margin: 1.5em 0; overflow-x: auto; }
.provenance { color: #666; font-size: 13px; border-top: 1px solid #ddd; margin-top: 3em; padding-top: .5em; }
#vg-tooltip-element { max-width: 420px; white-space: normal; }
"""


def script_safe_json(value: object) -> str:
    """JSON that cannot end the `<script>` element it sits in, nor start markup.

    Raises:
        ValueError: the value holds NaN or infinity (not JSON).
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def script_safe_code(code: str) -> str:
    """JavaScript that cannot end its `<script>` element early.

    `</script` and `<!--` only occur inside string or regex literals in the
    bundled libraries, where `<\\/` and `<\\!` mean the same characters.
    """
    code = re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)
    return code.replace("<!--", "<\\!--")


@lru_cache(maxsize=None)
def vega_bundle() -> str:
    """Vega, Vega-Lite (Altair's version) and vega-embed as one inline-safe script.

    Bundling takes seconds, so the result is kept in the virtual environment
    (it depends only on installed versions) and reused by later processes.
    """
    import vl_convert

    cache = Path(sys.prefix) / "share" / "claims" / f"vega-bundle-{vl_convert.__version__}-{vegalite_version()}.js"
    if cache.is_file():
        return cache.read_text(encoding="utf-8")
    bundle = script_safe_code(vl_convert.javascript_bundle(vl_version=vegalite_version()))
    try:
        write_atomically(cache, lambda target: target.write_text(bundle, encoding="utf-8"))
    except OSError:
        pass  # a read-only environment only costs the bundling time again
    return bundle


def _hash_source(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(scripts: Iterable[str]) -> str:
    """Nothing from the network; only the given inline scripts may run.

    Vega compiles its expressions with `Function`, hence 'unsafe-eval'; inline
    event handlers and injected `<script>` elements stay blocked.
    """
    sources = " ".join(_hash_source(script) for script in scripts)
    return (f"default-src 'none'; script-src {sources} 'unsafe-eval'; style-src 'unsafe-inline'; "
            "img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")


@dataclass(frozen=True)
class Chart:
    """A Vega-Lite spec to draw in a page."""

    spec: Mapping[str, object]
    label: str = "chart"


def _chart_block(chart: Chart, number: int) -> str:
    element = f"vega-spec-{number}"
    return (f'<figure class="chart"><div class="vega-chart" role="img" aria-label="{html.escape(chart.label)}" '
            f'data-vega-spec="{element}"></div>'
            f'<script type="application/json" id="{element}">{script_safe_json(chart.spec)}</script></figure>')


def page(title: str, blocks: Iterable[str | Chart], *, footer: str = "") -> str:
    """A complete HTML document from safe HTML fragments and charts.

    Args:
        title: the page title (escaped here).
        blocks: HTML fragments already made safe (`escape_text`, `sanitize_html`)
            or `Chart`s, in order.
        footer: plain text shown small at the end (escaped here).
    """
    parts, charts = [], 0
    for block in blocks:
        if isinstance(block, Chart):
            parts.append(_chart_block(block, charts))
            charts += 1
        else:
            parts.append(block)
    scripts = [vega_bundle(), BOOTSTRAP_JS] if charts else []
    policy = content_security_policy(scripts)
    footer_html = f'<p class="provenance">{html.escape(footer)}</p>' if footer else ""
    script_tags = "".join(f"<script>{script}</script>" for script in scripts)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        # The policy holds no double quote or markup: nothing to escape, and its quotes stay readable.
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>\n<body>\n"
        + "\n".join(parts) + footer_html + script_tags + "\n</body></html>\n"
    )


def chart_page(spec: Mapping[str, object], title: str) -> str:
    """A page holding one chart."""
    return page(title, [Chart(spec, title)])


def escape_text(text: str, *, css_class: str = "") -> str:
    """Plain text as a `<pre>` block, escaped."""
    attribute = f' class="{html.escape(css_class)}"' if css_class else ""
    return f"<pre{attribute}>{html.escape(text)}</pre>"


_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.IGNORECASE | re.DOTALL)
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def sanitize_html(fragment: str) -> str:
    """HTML output of a notebook reduced to an allow-list of inert tags.

    Anything else (scripts, event handlers, styles, iframes, images) is shown
    as text, not interpreted; links keep only http(s) and mailto targets.
    """
    import bleach

    # pandas' table repr carries a scoped <style>; its CSS would show as text.
    fragment = _STYLE_ELEMENT.sub("", fragment)
    cleaner = bleach.Cleaner(tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS,
                             strip=False, strip_comments=True)
    return cleaner.clean(fragment)


def render_markdown(text: str) -> str:
    """Markdown to sanitized HTML; raw HTML in the source is escaped."""
    import mistune

    markdown = mistune.create_markdown(escape=True, plugins=["table", "strikethrough", "url"])
    return sanitize_html(str(markdown(text)))


def _image(data: str, mimetype: str) -> str:
    try:
        raw = base64.b64decode("".join(data.split()), validate=True)
    except (binascii.Error, ValueError):
        return escape_text(f"[{mimetype} output could not be decoded]")
    encoded = base64.b64encode(raw).decode("ascii")
    # An <img> never runs scripts inside an SVG, so SVG output is safe this way.
    return f'<img alt="figure" src="data:{mimetype};base64,{encoded}">'


def _text(value: object) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def output_blocks(output: Mapping[str, object]) -> Iterator[str | Chart]:
    """What one notebook output shows in a report (stderr and widgets are left out)."""
    kind = output.get("output_type")
    if kind == "stream":
        if output.get("name") == "stdout":
            yield escape_text(_ANSI.sub("", _text(output.get("text", ""))), css_class="stdout")
        return
    if kind == "error":
        message = f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"
        yield escape_text(_ANSI.sub("", message), css_class="error")
        return
    data = output.get("data") or {}
    if not isinstance(data, Mapping):
        return
    spec = data.get(VEGALITE_MIMETYPE)
    if spec is not None:
        spec = json.loads(spec) if isinstance(spec, str) else spec
        title = spec.get("title") if isinstance(spec, Mapping) else None
        title = title.get("text") if isinstance(title, Mapping) else title
        yield Chart(spec, str(title or "chart"))
    elif "text/html" in data:
        yield sanitize_html(_text(data["text/html"]))
    elif "text/markdown" in data:
        yield render_markdown(_text(data["text/markdown"]))
    elif "image/png" in data:
        yield _image(_text(data["image/png"]), "image/png")
    elif "image/svg+xml" in data:
        svg = _text(data["image/svg+xml"])
        yield _image(base64.b64encode(svg.encode("utf-8")).decode("ascii"), "image/svg+xml")
    elif "text/plain" in data:
        yield escape_text(_text(data["text/plain"]))


HIDDEN_TAGS = frozenset({"parameters", "injected-parameters", "remove-output", "remove-cell"})


def notebook_blocks(notebook: Mapping[str, object]) -> Iterator[str | Chart]:
    """The reader's view of an executed notebook: markdown and outputs, no code."""
    for cell in notebook.get("cells", []):
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & HIDDEN_TAGS:
            continue
        if cell.get("cell_type") == "markdown":
            yield render_markdown(_text(cell.get("source", "")))
        elif cell.get("cell_type") == "code":
            for output in cell.get("outputs", []):
                yield from output_blocks(output)


def notebook_page(notebook: Mapping[str, object], title: str, *, footer: str = "") -> str:
    """A self-contained report page from an executed notebook."""
    return page(title, notebook_blocks(notebook), footer=footer)

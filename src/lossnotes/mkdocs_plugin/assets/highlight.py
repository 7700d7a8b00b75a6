"""Highlighted code with fewer elements: the token spans that change nothing are dropped.

Pygments wraps every token of a code block in a ``<span>``. Two kinds of them look
exactly like the text around them under Material's style: names (``class="n"``, whose
colour ``--md-code-hl-name-color`` is the code's own ``--md-code-fg-color`` in both
schemes) and whitespace (``class="w"``, no style at all). They are a third of a
chapter page's code spans (1,142 of 3,455 on the gradient descent page), and the page
parses and styles each one, though almost all of them sit in folded code. Only spans
that hold text alone are unwrapped; the text, and so what the copy button copies, is
unchanged.
"""

from __future__ import annotations

import re

# A Material code block (fenced, executed, or an API signature): pygments' output.
_BLOCK = re.compile(r'<div class="language-[\w-]+(?: [\w-]+)* highlight"><pre>.*?</pre>', re.S)
_PLAIN = re.compile(r'<span class="[nw]">([^<]*)</span>')


def lighten(page_html: str) -> str:
    """``page_html`` with its code blocks' name and whitespace spans unwrapped.

    Examples
    --------
    >>> code = ('<div class="language-python highlight"><pre><code><span class="n">x</span>'
    ...         '<span class="w"> </span><span class="o">=</span> <span class="n"><a>f</a></span>'
    ...         '</code></pre></div>')
    >>> lighten(code + '<p><span class="n">prose</span></p>')  # doctest: +NORMALIZE_WHITESPACE
    '<div class="language-python highlight"><pre><code>x <span class="o">=</span>
     <span class="n"><a>f</a></span></code></pre></div><p><span class="n">prose</span></p>'
    """
    return _BLOCK.sub(lambda block: _PLAIN.sub(r"\1", block[0]), page_html)

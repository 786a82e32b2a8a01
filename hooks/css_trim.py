"""Trim a stylesheet to what some HTML can use (for hooks/notebook_assets.py; issue 7).

A rule stays when one of its selectors matches an element of the HTML, judged generously:
state that can change in the browser (`:hover`, `:focus`, `:checked`, `::before`, …) is assumed
to be possible, so such parts of a selector are ignored; the HTML is wrapped in the <body> that
Material renders (once per palette), so `[data-md-color-scheme=slate] .x` counts. Selectors the
matcher cannot read are kept. Of the custom properties (`--name: …`) only those stay that a kept
declaration uses through `var()` (transitively) or that `keep_vars` names; `@keyframes` stay when
a kept rule names them. Comments and `@charset` go; the order of what stays is unchanged.

Classes that scripts add in the browser are named by prefix (`runtime_prefixes`, Material's `md-`
by default, e.g. the `md-typeset__scrollwrap` its script wraps around tables): a selector with
such a class is kept when the rest of it can match. Pure functions, no MkDocs; tinycss2 and
soupsieve come with nbconvert and Material.
"""

from __future__ import annotations

import re

# pseudo-classes that depend only on the document's structure: the matcher evaluates them
_STRUCTURAL = {"not", "is", "where", "has", "matches", "any", "first-child", "last-child",
               "only-child", "first-of-type", "last-of-type", "only-of-type", "nth-child",
               "nth-last-child", "nth-of-type", "nth-last-of-type", "root", "empty", "lang", "dir"}
_PSEUDO = re.compile(r"(::?)(-?[A-Za-z][\w-]*)(\((?:[^()]|\([^()]*\))*\))?")
_MASK = re.compile(r"\[[^\]]*\]|\"[^\"]*\"|'[^']*'")
_CLASS_OR_ID = re.compile(r"([.#])(-?[_A-Za-z][\w-]*)")


def _mask(selector: str) -> tuple[str, list[str]]:
    """Hide attribute selectors and strings, which may contain ':' or '.'."""
    saved: list[str] = []

    def keep(m):
        saved.append(m[0])
        return f"\0{len(saved) - 1}\0"

    return _MASK.sub(keep, selector), saved


def _unmask(text: str, saved: list[str]) -> str:
    return re.sub(r"\0(\d+)\0", lambda m: saved[int(m[1])], text)


def static_selector(selector: str) -> str | None:
    """The selector without the parts that depend on browser state; None if nothing is left to
    decide (then the rule is kept)."""
    masked, saved = _mask(selector)

    def replace(m):
        colons, name, args = m[1], m[2].lower(), m[3] or ""
        if colons == "::" or name in ("before", "after", "first-line", "first-letter"):
            return ""  # a pseudo-element exists whenever its element does
        if name not in _STRUCTURAL:
            return ""  # dynamic state: may apply at some time
        if args and _PSEUDO.search(args[1:-1]):
            inner = static_selector(args[1:-1])
            if inner is None or name == "not":
                return ""  # :not(.a:hover) is wider than :not(.a): drop the condition
            return f":{name}({inner})"
        return m[0]

    result = _PSEUDO.sub(replace, masked)
    result = _unmask(result, saved).strip()
    if not result:
        return "*"
    if result[-1] in ">+~" or result.endswith(" "):
        result += "*"
    # a compound that lost everything, e.g. ".a > :hover" → ".a > *"
    result = re.sub(r"([>+~])\s*(?=[>+~]|$)", r"\1 *", result)
    return result


def required_names(selector: str) -> tuple[set[str], set[str]]:
    """Classes and ids an element must have somewhere for `selector` to match (outside
    functional pseudo-classes, whose arguments may be negated or optional)."""
    masked, _ = _mask(selector)
    while True:
        stripped = re.sub(r":[\w-]+\((?:[^()]|\([^()]*\))*\)", "", masked)
        if stripped == masked:
            break
        masked = stripped
    classes, ids = set(), set()
    for kind, name in _CLASS_OR_ID.findall(masked):
        (classes if kind == "." else ids).add(name)
    return classes, ids


class _Documents:
    """The HTML fragments inside Material's page skeleton (one tree each; <body> takes each set
    of palette attributes in turn when a selector looks at attributes), and the names they use."""

    def __init__(self, fragments: list[str], body_attrs: list[dict[str, str]],
                 runtime_prefixes: tuple[str, ...] = ()):
        from bs4 import BeautifulSoup

        self.runtime_prefixes = runtime_prefixes
        self.body_attrs = body_attrs or [{}]
        self.soups = [BeautifulSoup(
            '<!doctype html><html lang="de" class="no-js"><head></head><body dir="ltr">'
            '<div class="md-container"><main class="md-main"><div class="md-content">'
            '<article class="md-content__inner md-typeset">'
            f"{fragment}</article></div></main></div></body></html>", "html.parser")
            for fragment in fragments]
        self.classes: set[str] = set()
        self.ids: set[str] = set()
        for soup in self.soups:
            soup.body.attrs.update(self.body_attrs[0])
            for tag in soup.find_all(True):
                self.classes.update(tag.get("class") or [])
                if tag.get("id"):
                    self.ids.add(tag["id"])
        self._cache: dict[str, bool] = {}

    def _select(self, compiled, with_attrs: bool) -> bool:
        for soup in self.soups:
            for attrs in self.body_attrs if with_attrs else self.body_attrs[:1]:
                soup.body.attrs = {"dir": "ltr", **attrs}
                if compiled.select_one(soup) is not None:
                    return True
        return False

    def possible(self, selector: str) -> bool:
        """The cheap test: every class and id the selector requires occurs in the HTML."""
        classes, ids = required_names(selector)
        if self.runtime_prefixes:
            classes = {c for c in classes if not c.startswith(self.runtime_prefixes)}
        return classes <= self.classes and ids <= self.ids

    def matches(self, selector: str) -> bool:
        if selector in self._cache:
            return self._cache[selector]
        classes, ids = required_names(selector)
        runtime = {c for c in classes if c.startswith(self.runtime_prefixes)} \
            if self.runtime_prefixes else set()
        if not classes - runtime <= self.classes or not ids <= self.ids:
            result = False
        elif runtime:
            result = True  # added by a script in the browser: cannot be decided from the HTML
        else:
            static = static_selector(selector)
            if static is None:
                result = True
            else:
                import soupsieve

                try:
                    compiled = soupsieve.compile(static)
                except Exception:  # noqa: BLE001 – a selector the matcher cannot read: keep it
                    result = True
                else:
                    result = self._select(compiled, with_attrs="[" in static)
        self._cache[selector] = result
        return result


_LEXEME = re.compile(r"/\*.*?\*/|\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*'|[{}]", re.S)
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def _top_level_commas(prelude: str) -> list[str]:
    if "(" not in prelude and "[" not in prelude:
        return [p.strip() for p in prelude.split(",")]
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:i].strip())
            start = i + 1
    parts.append(prelude[start:].strip())
    return parts


def prefilter(css: str, docs: "_Documents") -> str:
    """Drop top-level rules none of whose selectors can match, before the (slow, pure-Python)
    tokenizer sees them: a regex finds the braces outside strings and comments. Only the cheap
    class/id test is made here; at-rules pass unchanged. If the braces do not pair up, the CSS
    is returned as it is (the tokenizer then handles it)."""
    kept, depth, start, block_start = [], 0, 0, 0
    for match in _LEXEME.finditer(css):
        token = match[0]
        if token == "{":
            if depth == 0:
                block_start = match.start()
            depth += 1
        elif token == "}":
            depth -= 1
            if depth < 0:
                return css
            if depth == 0:
                prelude = _COMMENT.sub("", css[start:block_start]).strip()
                rule = css[start:match.end()]
                if prelude.startswith("@") or any(
                        docs.possible(sel) for sel in _top_level_commas(prelude)):
                    kept.append(rule)
                start = match.end()
    if depth != 0:
        return css
    kept.append(css[start:])
    return "\n".join(kept)


def _split_selectors(prelude) -> list[str]:
    import tinycss2

    parts, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append(tinycss2.serialize(current).strip())
            current = []
        else:
            current.append(token)
    parts.append(tinycss2.serialize(current).strip())
    return [p for p in parts if p]


def _var_names(tokens, found: set[str]) -> set[str]:
    for token in tokens:
        if token.type == "function":
            if token.lower_name == "var":
                for arg in token.arguments:
                    if arg.type == "ident" and arg.value.startswith("--"):
                        found.add(arg.value)
                        break
            _var_names(token.arguments, found)
        elif token.type in ("() block", "[] block", "{} block"):
            _var_names(token.content, found)
    return found


def trim_css(css: str, fragments: list[str], *, body_attrs: list[dict[str, str]] | None = None,
             keep_vars: set[str] | frozenset = frozenset(),
             runtime_prefixes: tuple[str, ...] = ("md-",)) -> str:
    """`css` reduced to what `fragments` (HTML) can use; see the module docstring."""
    import tinycss2

    docs = _Documents(fragments, body_attrs or [{}], runtime_prefixes)

    # pass 1: keep rules with a matching selector, remember their declarations
    def select(rules) -> list:
        kept = []
        for rule in rules:
            if rule.type == "qualified-rule":
                selectors = [s for s in _split_selectors(rule.prelude) if docs.matches(s)]
                if selectors:
                    decls = [d for d in tinycss2.parse_blocks_contents(
                        rule.content, skip_comments=True, skip_whitespace=True)
                        if d.type == "declaration"]
                    kept.append(("rule", ",".join(selectors), decls))
            elif rule.type == "at-rule":
                name = rule.lower_at_keyword
                if name == "charset":
                    continue
                if name.endswith("keyframes"):
                    kept.append(("keyframes", rule))
                elif name in ("media", "supports", "layer", "container", "document",
                              "-moz-document") and rule.content is not None:
                    inner = select(tinycss2.parse_rule_list(
                        rule.content, skip_comments=True, skip_whitespace=True))
                    if inner:
                        kept.append(("block", rule, inner))
                else:
                    kept.append(("other", rule))
        return kept

    css = prefilter(css, docs)
    kept = select(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))

    # pass 2: which custom properties are used (transitively)
    definitions: dict[str, list] = {}
    used: set[str] = set(keep_vars)

    def collect(items):
        for item in items:
            if item[0] == "rule":
                for decl in item[2]:
                    if decl.name.startswith("--"):
                        definitions.setdefault(decl.name, []).append(decl)
                    else:
                        _var_names(decl.value, used)
            elif item[0] == "block":
                collect(item[2])
            elif item[0] in ("keyframes", "other") and item[1].content is not None:
                _var_names(item[1].content, used)

    collect(kept)
    todo = list(used)
    while todo:
        name = todo.pop()
        for decl in definitions.get(name, ()):
            for ref in _var_names(decl.value, set()) - used:
                used.add(ref)
                todo.append(ref)

    # pass 3: write what stays
    animation_text: list[str] = []

    def declaration(decl) -> str:
        value = tinycss2.serialize(decl.value).strip()
        return f"{decl.name}:{value}{'!important' if decl.important else ''}"

    def write(items, top: bool = True) -> list:
        out = []
        for item in items:
            if item[0] == "rule":
                decls = [declaration(d) for d in item[2]
                         if not d.name.startswith("--") or d.name in used]
                if decls:
                    out.append(f"{item[1]}{{{';'.join(decls)}}}")
                    animation_text.extend(d for d in decls if "animation" in d.split(":", 1)[0])
            elif item[0] == "block":
                inner = write(item[2], top=False)
                if inner:
                    rule = item[1]
                    prelude = tinycss2.serialize(rule.prelude).strip()
                    out.append(f"@{rule.at_keyword} {prelude}{{{''.join(inner)}}}")
            elif item[0] == "keyframes":
                # top level: decided once all animations are known; nested: kept
                out.append(item if top else item[1].serialize())
            else:
                out.append(item[1].serialize())
        return out

    written = write(kept)
    animations = " ".join(animation_text)
    result = []
    for entry in written:
        if isinstance(entry, tuple):
            rule = entry[1]
            name = tinycss2.serialize(rule.prelude).strip()
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", animations):
                result.append(rule.serialize())
        else:
            result.append(entry)
    text = "\n".join(result) + "\n"
    if not text.isascii():
        text = '@charset "UTF-8";\n' + text
    return text

"""axe-core in a real browser, with findings a contributor can act on."""

from __future__ import annotations

from dataclasses import dataclass

# WCAG 2.x A/AA plus axe's best practices (landmarks, headings, regions): everything axe checks by
# default. No rule is switched off – fix the page instead.
_RUN_OPTIONS = {"resultTypes": ["violations"]}


@dataclass
class Finding:
    page: str
    rule: str
    impact: str
    selector: str
    message: str
    help_url: str

    def __str__(self):
        return (f"{self.page}  [{self.rule}, {self.impact}]  {self.selector}\n"
                f"    {self.message}\n    Hilfe: {self.help_url}")


_axe = None


def axe():
    global _axe
    if _axe is None:
        from axe_playwright_python.sync_playwright import Axe

        _axe = Axe()
    return _axe


def start(page, rules: list[str] | None = None) -> None:
    """Start axe (all rules, or only `rules`) on the loaded `page` without waiting for it.

    Two pages in different browser contexts run in different renderer processes, so starting
    both before collecting uses both cores. axe is injected once per loaded document.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe().axe_script)
    options = dict(_RUN_OPTIONS)
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    page.evaluate("""options => {
        window.__axeDone = false;
        window.__axeRun = axe.run(document, options).finally(() => { window.__axeDone = true });
    }""", options)


def done(page) -> bool:
    """Whether the run started by `start` has finished."""
    return page.evaluate("() => window.__axeDone === true")


def collect(page, label: str) -> list[Finding]:
    """Wait for the run started by `start` and return one Finding per offending element."""
    response = page.evaluate("() => window.__axeRun")
    findings = []
    for violation in response["violations"]:
        for node in violation["nodes"]:
            selector = " ".join(" >> ".join(t) if isinstance(t, list) else t
                                for t in node["target"])
            message = node.get("failureSummary") or violation["help"]
            message = " ".join(message.replace("Fix any of the following:", "")
                               .replace("Fix all of the following:", "").split())
            findings.append(Finding(label, violation["id"], violation.get("impact") or "",
                                    selector, f"{violation['help']}: {message}",
                                    violation["helpUrl"].split("?")[0]))
    return findings


def check(page, label: str, rules: list[str] | None = None) -> list[Finding]:
    """Run axe on the loaded Playwright `page` and return its findings."""
    start(page, rules)
    return collect(page, label)


def report(findings: list[Finding]) -> str:
    """Findings grouped by rule and element, so a theme problem is listed once with its pages."""
    groups: dict[tuple, list[str]] = {}
    for f in findings:
        groups.setdefault((f.rule, f.impact, f.selector, f.message, f.help_url), []).append(f.page)
    lines = []
    for (rule, impact, selector, message, url), pages in sorted(groups.items()):
        shown = ", ".join(pages[:5]) + (f" … (+{len(pages) - 5})" if len(pages) > 5 else "")
        lines.append(f"[{rule}, {impact}] {selector}\n    {message}\n    Seiten: {shown}"
                     f"\n    Hilfe: {url}")
    return "\n".join(lines)

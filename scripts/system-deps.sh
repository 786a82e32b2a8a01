#!/usr/bin/env bash
# Debian packages the test suite needs. Installs them only when run as root (as in CI);
# otherwise it says what is missing and the tests that need it explain why they skip.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v hunspell >/dev/null 2>&1 || missing+=(hunspell)
[ -e /usr/share/hunspell/de_DE.dic ] || missing+=(hunspell-de-de)
# quality gates (issue 9): Java runs the Nu Html Checker, Node.js/npm Lighthouse and markdownlint
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
# print edition (issue 8): pdftotext reads the printed PDF fast (pypdf is the slower fallback)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installiere Debian-Pakete: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Hinweis: es fehlen die Debian-Pakete ${missing[*]} (als root: apt-get install ${missing[*]})." >&2
  echo "Tests, die sie brauchen, werden übersprungen (in CI gilt das als Fehler)." >&2
fi

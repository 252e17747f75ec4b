#!/usr/bin/env bash
# Prints the sample's reply letters as Chromium prints them (print media) and turns each page of
# the PDF into a PNG, to look at: the letter must sit on A4 without the site's header, navigation
# or links (version 2: responses).
#
#   bash Tests/Browser/reply_print.sh [OUTDIR]      # default: a temporary folder, printed at the end
#
# Uses $DOSSIER, else .build/debug/dossier, headless Chromium, and pdfinfo/pdftoppm (poppler-utils).
# Not a test: nothing is compared; it checks only that every printed page is A4.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
dossier="${DOSSIER:-$root/.build/debug/dossier}"
[ -x "$dossier" ] || { echo "reply_print.sh: no dossier binary: run swift build (or set DOSSIER=...)" >&2; exit 1; }
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "reply_print.sh: no Chromium (apt-get install chromium)" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "reply_print.sh: no pdftoppm (apt-get install poppler-utils)" >&2; exit 1; }

"$dossier" build --content "$root/Content" --themes "$root/Themes" --today 2026-11-29 --output "$out/site" >/dev/null
for letter in "$out"/site/filings/*/responses/*/index.html; do
  name="$(echo "${letter#"$out/site/filings/"}" | sed 's|/responses/|-|; s|/index.html||')"
  "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "file://$letter" 2>/dev/null
  size="$(pdfinfo "$out/$name.pdf" | sed -n 's/^Page size: *//p')"
  case "$size" in *"(A4)"*) ;; *) echo "reply_print.sh: $name is not printed on A4: $size" >&2; exit 1 ;; esac
  pdftoppm -r 60 -png "$out/$name.pdf" "$out/$name"
done
ls "$out"/*.png

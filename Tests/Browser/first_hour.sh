#!/usr/bin/env bash
# Makes the screenshots of the README's "Your first hour" (.readme/first-hour/) with the real
# binary, as a new user would go: dossier init, build, serve, new kb with a mistake in it, check,
# fix, build, an encrypted client brief; then the sample site of this repository (Content/).
#
#   bash Tests/Browser/first_hour.sh
#
# Uses $DOSSIER, else .build/release/dossier, else .build/debug/dossier (build one first), and
# headless Chromium. Everything happens in a temporary folder; only .readme/first-hour/ is written,
# and only when every step worked. Exits non-zero, saying which step, when anything fails.
# Not a test: the images are not compared with anything (fonts and Chromium versions differ).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
destination="$root/.readme/first-hour"
today="2026-11-29"

fail() { echo "first_hour.sh: $*" >&2; exit 1; }
trap 'echo "first_hour.sh: failed (line $LINENO): $BASH_COMMAND" >&2' ERR
step() { echo "== $*"; }

dossier="${DOSSIER:-}"
if [ -z "$dossier" ]; then
  for candidate in "$root/.build/release/dossier" "$root/.build/debug/dossier"; do
    if [ -x "$candidate" ]; then dossier="$candidate"; break; fi
  done
fi
[ -n "$dossier" ] && [ -x "$dossier" ] || fail "no dossier binary: run swift build (or set DOSSIER=...)"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || fail "no Chromium (apt-get install chromium)"
echo "dossier: $dossier"
echo "browser: $browser"

work="$(mktemp -d "${TMPDIR:-/tmp}/dossier-first-hour-XXXXXX")"
shots="$work/shots"
mkdir -p "$shots"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# shot NAME WIDTH,HEIGHT URL [extra chromium options]: a screenshot of the window (not the whole
# page), as a reader sees it first.
shot() {
  local name="$1" size="$2" url="$3"
  shift 3
  rm -f "$shots/$name.png"
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$work/profile" --window-size="$size" "$@" \
    --screenshot="$shots/$name.png" "$url" >"$work/chromium.log" 2>&1 || true
  [ -s "$shots/$name.png" ] || { cat "$work/chromium.log" >&2; fail "no screenshot of $url"; }
  echo "   $name.png  ($url)"
}

# wait_for PATTERN COUNT: until the server's log has COUNT lines matching PATTERN (60 s at most).
wait_for() {
  local pattern="$1" count="$2" i
  for i in $(seq 1 600); do
    if [ "$(grep -c -- "$pattern" "$work/serve.log" || true)" -ge "$count" ]; then return 0; fi
    kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; fail "dossier serve stopped"; }
    sleep 0.1
  done
  cat "$work/serve.log" >&2
  fail "dossier serve never printed '$pattern' ($count times)"
}

step "dossier init mysite"
cd "$work"
"$dossier" init mysite
cd mysite
[ -f Content/site.yml ] && [ -f Briefs/README.md ] && [ -f .gitignore ] || fail "init did not write its files"

step "dossier build --today $today (a new site builds at once)"
"$dossier" build --today "$today"
shot home 1100,800 "file://$work/mysite/Output/index.html"

step "dossier serve --port 0 (in the background)"
"$dossier" serve --port 0 --today "$today" >"$work/serve.log" 2>&1 &
server=$!
wait_for '^Serving ' 1
url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.log" | head -n 1)"
[ -n "$url" ] || fail "no address in the server's output"
echo "   $url"

step "dossier new kb supplement-deadline, then an edit with a mistake in it ([[algoritm-filing]])"
"$dossier" new kb supplement-deadline --title '补正材料要在几天内交？'
article=Content/kb/supplement-deadline.md
[ -f "$article" ] || fail "dossier new wrote no $article"
# Keep the front matter dossier new wrote, with a real summary and the article's sources; replace
# the placeholder body.
awk '/^---$/ { n++ } n == 2 { exit } { print }' "$article" \
  | sed 's/^summary: .*/summary: 从收到补正通知的次日算起，以通知上写的期限为准。/' >"$work/article.md"
cat >>"$work/article.md" <<'EOF'
sources:
  - title: 中华人民共和国行政许可法
    article: 第三十二条
  - title: 中华人民共和国民法典
    article: 第二百零一条
---

## 补正期限从哪天算起？

从收到补正通知的次日算起：开始的当天不计入。期限以通知上写的为准。

## 补正期间，审查期限还算吗？

暂停计算，材料交回后接着算。算法备案的审查期限见 [[algoritm-filing]]。
EOF
cp "$work/article.md" "$article"
wait_for '^Build failed' 1
shot serve-error 1100,800 "$url" --timeout=3000

step "dossier check (the mistake is reported with its place and a suggestion)"
status=0
"$dossier" check --today "$today" >"$shots/check.txt" 2>&1 || status=$?
cat "$shots/check.txt"
[ "$status" -eq 1 ] || fail "dossier check exited $status, expected 1 (an error in the content)"
grep -q "supplement-deadline.md:.*did you mean 'algorithm-filing'" "$shots/check.txt" \
  || fail "dossier check did not report the broken link"

step "fix the link; dossier serve rebuilds, dossier check passes"
built="$(grep -c '^Built ' "$work/serve.log" || true)"
sed 's/\[\[algoritm-filing\]\]/[[algorithm-filing]]/' "$work/article.md" >"$article"
wait_for '^Built ' $((built + 1))
tail -n 1 "$work/serve.log"
"$dossier" check --today "$today"
kill -TERM "$server"
wait "$server" 2>/dev/null || true
server=""

step "dossier build --today $today"
"$dossier" build --today "$today"
[ -f Output/kb/supplement-deadline/index.html ] || fail "the new article was not built"
shot article 1100,800 "file://$work/mysite/Output/kb/supplement-deadline/index.html"

step "an encrypted brief for example-client into Briefs/example-client"
DOSSIER_PASSPHRASE='first hour demo passphrase' "$dossier" build --audience client --client example-client \
  --encrypt --output Briefs/example-client --today "$today"
[ -f Briefs/example-client/index.html ] || fail "no brief written"
if command -v git >/dev/null 2>&1; then
  git init -q .
  git check-ignore -q Briefs/example-client/index.html || fail ".gitignore does not keep the brief out of git"
  git check-ignore -q Output/index.html || fail ".gitignore does not keep Output/ out of git"
fi
shot brief-unlock 1100,360 "file://$work/mysite/Briefs/example-client/index.html"

step "the sample site of this repository (Content/), as of $today"
"$dossier" build --content "$root/Content" --themes "$root/Themes" --output "$work/sample" --today "$today"
[ -f "$work/sample/filings/hanhai-performance/index.html" ] || fail "the sample has no filings/hanhai-performance"
shot sample-home 1100,800 "file://$work/sample/index.html"
shot sample-filing 1100,950 "file://$work/sample/filings/hanhai-performance/index.html"

step "into .readme/first-hour/"
mkdir -p "$destination"
rm -f "$destination"/*.png "$destination"/check.txt
cp "$shots"/*.png "$shots"/check.txt "$destination"/
ls -l "$destination"

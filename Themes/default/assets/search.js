/* Dossier search: no server, no third-party code. The index is a set of small scripts written by
   `dossier build` (search/meta.js, search/t/<n>.js, search/p/<n>.js), loaded with <script> tags so
   that search also works when the site is opened from disk (file://).
   The tokenizer below follows the same rules as SearchTokenizer.swift, term for term. */
(function () {
  "use strict";

  // ---- Tokenizer (keep in step with Sources/DossierKit/Search/SearchTokenizer.swift) ----
  var MAX = 64;

  function fold(c) {
    if (c >= 0x41 && c <= 0x5a) return c + 0x20;
    if (c >= 0xff01 && c <= 0xff5e) {
      var ascii = c - 0xfee0;
      return ascii >= 0x41 && ascii <= 0x5a ? ascii + 0x20 : ascii;
    }
    if (c === 0x3000) return 0x20;
    if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 0x20;
    if ((c >= 0x100 && c <= 0x137) || (c >= 0x14a && c <= 0x177)) return c | 1;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e)) return c % 2 === 1 ? c + 1 : c;
    if (c >= 0x391 && c <= 0x3a9 && c !== 0x3a2) return c + 0x20;
    if (c >= 0x400 && c <= 0x40f) return c + 0x50;
    if (c >= 0x410 && c <= 0x42f) return c + 0x20;
    return c;
  }

  var CJK = 0, WORD = 1, JOINER = 2, SEPARATOR = 3;
  function classify(c) {
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) return WORD;
    if (c === 0x2d || c === 0x2e || c === 0x2f || c === 0x5f) return JOINER;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
        (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3134f)) return CJK;
    if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) return WORD;
    if ((c >= 0x386 && c <= 0x3ce) || (c >= 0x400 && c <= 0x4ff)) return WORD;
    return SEPARATOR;
  }

  function runs(text, body) {
    var run = [], runClass = SEPARATOR, pendingJoiner = -1, joined = false;
    function flush() {
      if (run.length) body(runClass === CJK, run, joined);
      run = []; runClass = SEPARATOR; pendingJoiner = -1; joined = false;
    }
    for (var i = 0; i < text.length; i++) {
      var c = text.codePointAt(i);
      if (c > 0xffff) i++;
      c = fold(c);
      var kind = classify(c);
      if (kind === CJK) {
        if (runClass !== CJK) { flush(); runClass = CJK; }
        run.push(c);
      } else if (kind === WORD) {
        if (runClass !== WORD) { flush(); runClass = WORD; }
        if (pendingJoiner >= 0) { run.push(pendingJoiner); pendingJoiner = -1; joined = true; }
        run.push(c);
      } else if (kind === JOINER) {
        if (runClass === WORD && pendingJoiner < 0) pendingJoiner = c; else flush();
      } else {
        flush();
      }
    }
    flush();
  }

  function str(points, from, to) { return String.fromCodePoint.apply(null, points.slice(from, to)); }

  /** Every term of a text with its kind, in order (as the build indexes pages). */
  function tokens(text) {
    var out = [];
    runs(text, function (isCJK, run, joined) {
      var i;
      if (isCJK) {
        for (i = 0; i < run.length; i++) {
          out.push([str(run, i, i + 1), "unigram"]);
          if (i + 1 < run.length) out.push([str(run, i, i + 2), "bigram"]);
        }
        return;
      }
      if (run.length <= MAX) out.push([str(run, 0, run.length), "word"]);
      if (!joined) return;
      var start = 0;
      for (i = 0; i <= run.length; i++) {
        if (i === run.length || classify(run[i]) === JOINER) {
          if (i > start && i - start <= MAX) out.push([str(run, start, i), "part"]);
          start = i + 1;
        }
      }
    });
    return out;
  }

  /** The terms a query looks up, and the runs that must stand together on a page. */
  function queryTerms(query) {
    var terms = [], phrases = [];
    runs(query, function (isCJK, run) {
      if (isCJK && run.length > 1) {
        for (var i = 0; i + 1 < run.length; i++) terms.push(str(run, i, i + 2));
      } else if (run.length <= MAX) {
        terms.push(str(run, 0, run.length));
      }
      if (run.length <= MAX) phrases.push(str(run, 0, run.length));
    });
    var seen = {};
    return {
      terms: terms.filter(function (t) { return seen[t] ? false : (seen[t] = true); }),
      phrases: phrases
    };
  }

  /** A text folded scalar by scalar; its UTF-16 offsets match the original's. */
  function foldText(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text.codePointAt(i);
      if (c > 0xffff) { out += text[i] + text[i + 1]; i++; continue; }
      out += String.fromCharCode(fold(c));
    }
    return out;
  }

  function hash(term) {
    var bytes = new TextEncoder().encode(term), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 16777619) >>> 0; }
    return h >>> 0;
  }

  // ---- Index loading ----
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var store = { meta: null, shards: {}, pages: {} };
  var loading = {};

  function load(path, pick) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = root + path;
        tag.onload = function () { resolve(); };
        tag.onerror = function () { reject(new Error("cannot load " + path)); };
        document.head.appendChild(tag);
      });
    }
    return loading[path].then(pick);
  }
  function meta() { return load("search/meta.js", function () { return store.meta; }); }
  function shard(n) { return load("search/t/" + n + ".js", function () { return store.shards[n] || {}; }); }
  function page(n) { return load("search/p/" + n + ".js", function () { return store.pages[n]; }); }

  window.DossierSearch = {
    meta: function (m) { store.meta = m; },
    shard: function (n, data) { store.shards[n] = data; },
    page: function (n, data) { store.pages[n] = data; },
    tokens: tokens, queryTerms: queryTerms, hash: hash, foldText: foldText, search: search
  };

  /** Candidate pages for a query, best first: every term must be on the page. */
  function search(query) {
    var q = queryTerms(query);
    if (!q.terms.length) return Promise.resolve({ phrases: q.phrases, ranked: [] });
    return meta().then(function (m) {
      return Promise.all(q.terms.map(function (term) {
        return shard(hash(term) % m.shards).then(function (data) { return data[term] || []; });
      })).then(function (lists) {
        var scores = null;
        lists.forEach(function (list) {
          // Postings: a page-number difference alone (weight 1), or -(difference + 1) then the weight.
          var pagesOf = [], weights = [], pageNumber = 0, i = 0;
          while (i < list.length) {
            if (list[i] >= 0) { pageNumber += list[i]; pagesOf.push(pageNumber); weights.push(1); i += 1; }
            else { pageNumber += -list[i] - 1; pagesOf.push(pageNumber); weights.push(i + 1 < list.length ? list[i + 1] : 1); i += 2; }
          }
          var next = {}, idf = Math.log(1 + m.pages / Math.max(1, pagesOf.length));
          for (var k = 0; k < pagesOf.length; k++) {
            var n = pagesOf[k];
            if (scores === null || scores[n] !== undefined) {
              next[n] = (scores === null ? 0 : scores[n]) + idf * (1 + Math.log(weights[k]));
            }
          }
          scores = next;
        });
        var ranked = Object.keys(scores || {}).map(Number);
        ranked.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
        return { phrases: q.phrases, ranked: ranked };
      });
    });
  }

  // ---- Results ----
  function pageText(p) {
    return [p.t, p.w || ""].concat(p.s.map(function (s) { return s[1] + "\n" + s[2]; })).join("\n");
  }

  function standsTogether(p, phrases) {
    var text = foldText(pageText(p));
    return phrases.every(function (phrase) { return text.indexOf(phrase) >= 0; });
  }

  /** The section with the most matches, and a window of its text around the first one. */
  function snippet(p, phrases) {
    var best = null, bestScore = -1;
    p.s.forEach(function (s) {
      var folded = foldText(s[1] + "\n" + s[2]), score = 0;
      phrases.forEach(function (phrase) {
        var at = folded.indexOf(phrase);
        if (at >= 0) score += 10;
        while (at >= 0) { score += 1; at = folded.indexOf(phrase, at + phrase.length); }
      });
      if (score > bestScore) { best = s; bestScore = score; }
    });
    if (!best) return { anchor: "", heading: "", parts: [] };
    var text = best[2].replace(/\n/g, " "), folded = foldText(text);
    var first = -1;
    phrases.forEach(function (phrase) {
      var at = folded.indexOf(phrase);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = Math.max(0, (first < 0 ? 0 : first) - 40), end = Math.min(text.length, start + 140);
    var marks = [];
    phrases.forEach(function (phrase) {
      if (!phrase) return;
      var at = folded.indexOf(phrase, start);
      while (at >= 0 && at < end) { marks.push([at, Math.min(end, at + phrase.length)]); at = folded.indexOf(phrase, at + phrase.length); }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var parts = [], cursor = start;
    if (start > 0) parts.push(["…", false]);
    marks.forEach(function (mark) {
      if (mark[0] < cursor) return;
      if (mark[0] > cursor) parts.push([text.slice(cursor, mark[0]), false]);
      parts.push([text.slice(mark[0], mark[1]), true]);
      cursor = mark[1];
    });
    if (cursor < end) parts.push([text.slice(cursor, end), false]);
    if (end < text.length) parts.push(["…", false]);
    return { anchor: bestScore >= 10 ? best[0] : "", heading: bestScore >= 10 ? best[1] : "", parts: parts };
  }

  function resultItem(p, phrases) {
    var cut = snippet(p, phrases);
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = root + p.u + (cut.anchor ? "#" + encodeURIComponent(cut.anchor) : "");
    link.textContent = p.t;
    link.className = "result-title";
    var heading = document.createElement("h2");
    heading.appendChild(link);
    li.appendChild(heading);
    var info = document.createElement("p");
    info.className = "result-meta";
    info.textContent = [p.k, p.p, cut.heading].filter(Boolean).join(" · ");
    li.appendChild(info);
    var snip = document.createElement("p");
    snip.className = "snippet";
    cut.parts.forEach(function (part) {
      if (part[1]) {
        var mark = document.createElement("mark");
        mark.textContent = part[0];
        snip.appendChild(mark);
      } else {
        snip.appendChild(document.createTextNode(part[0]));
      }
    });
    li.appendChild(snip);
    return li;
  }

  function start() {
    var form = document.querySelector(".search-page form");
    var input = document.getElementById("search-query");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    if (!input || !list) return;
    var say = function (key, values) {
      var text = (script && script.getAttribute("data-" + key)) || "";
      Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
      status.textContent = text;
    };
    var generation = 0;

    function run(query) {
      var mine = ++generation;
      list.textContent = "";
      more.hidden = true;
      if (!query.trim()) { status.textContent = ""; return; }
      say("loading");
      search(query).then(function (found) {
        var queue = found.ranked.slice(), shown = 0;
        function next() {
          var batch = queue.splice(0, 10);
          return Promise.all(batch.map(page)).then(function (pages) {
            if (mine !== generation) return;
            pages.forEach(function (p) {
              if (p && standsTogether(p, found.phrases)) { list.appendChild(resultItem(p, found.phrases)); shown++; }
            });
            if (shown < 10 && queue.length) return next();
            more.hidden = queue.length === 0;
            if (shown === 0 && !queue.length) say("none", { q: query });
            else say("count", { n: queue.length ? shown + "+" : String(shown) });
          });
        }
        more.onclick = function () { var before = shown; more.hidden = true; next().then(function () { if (shown === before && queue.length) next(); }); };
        return next();
      }).catch(function () { if (mine === generation) say("failed"); });
    }

    var params = new URLSearchParams(window.location.search);
    var initial = params.get("q") || "";
    input.value = initial;
    if (initial) run(initial);
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var query = input.value;
        try {
          var url = new URL(window.location.href);
          url.searchParams.set("q", query);
          window.history.replaceState(null, "", url.toString());
        } catch (e) { /* file:// may refuse; the search still runs */ }
        run(query);
      });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();

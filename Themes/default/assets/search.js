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

  // ---- Query plan (keep in step with Sources/DossierKit/Search/SearchQuery.swift) ----
  // Words dropped from a Chinese query: they carry no meaning a page would be found by.
  var STOP2 = ["是否", "怎么"], STOP1 = ["的", "了", "吗"];
  var DIGITS = "零一二三四五六七八九";

  /** 10..999 as Chinese numerals: 15 → 十五, 105 → 一百零五. */
  function chineseNumber(n) {
    var h = Math.floor(n / 100), t = Math.floor(n / 10) % 10, o = n % 10, s = "";
    if (h) { s = DIGITS[h] + "百"; if (t) s += DIGITS[t] + "十"; else if (o) s += "零"; }
    else s = t === 1 ? "十" : DIGITS[t] + "十";
    return o ? s + DIGITS[o] : s;
  }
  /** The value of Chinese numerals written the way chineseNumber writes them (两 for 二), else -1. */
  function numberValue(text) {
    if (text.indexOf("十") < 0 && text.indexOf("百") < 0) return -1;
    var value = 0, current = 0, plain = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text[i] === "两" ? "二" : text[i] === "〇" ? "零" : text[i];
      plain += ch;
      var d = DIGITS.indexOf(ch);
      if (d >= 0) current = d;
      else if (ch === "十") { value += (current || 1) * 10; current = 0; }
      else if (ch === "百") { value += current * 100; current = 0; }
    }
    value += current;
    return value >= 10 && value <= 999 && chineseNumber(value) === plain ? value : -1;
  }
  function isNumeral(c) { return "零〇一二三四五六七八九十百两".indexOf(String.fromCodePoint(c)) >= 0; }

  function cjkAlternative(points) {
    var terms = [];
    if (points.length === 1) terms.push(str(points, 0, 1));
    for (var i = 0; i + 1 < points.length; i++) terms.push(str(points, i, i + 2));
    return { terms: terms, phrase: str(points, 0, points.length) };
  }
  function textAlternative(text) {
    var points = Array.from(text, function (ch) { return ch.codePointAt(0); });
    return cjkAlternative(points);
  }

  /** A Chinese run without its stop words, cut where they were, and with numbers as their own parts. */
  function cjkParts(run, parts) {
    var pieces = [], piece = [], i = 0;
    while (i < run.length) {
      var two = i + 1 < run.length ? str(run, i, i + 2) : "", one = str(run, i, i + 1);
      var skip = STOP2.indexOf(two) >= 0 ? 2 : STOP1.indexOf(one) >= 0 ? 1 : 0;
      if (skip) { if (piece.length) pieces.push(piece); piece = []; i += skip; continue; }
      piece.push(run[i]); i++;
    }
    if (piece.length) pieces.push(piece);
    if (!pieces.length) pieces.push(run);
    pieces.forEach(function (points) {
      var start = 0, j = 0;
      while (j < points.length) {
        if (!isNumeral(points[j])) { j++; continue; }
        var k = j;
        while (k < points.length && isNumeral(points[k])) k++;
        var value = numberValue(str(points, j, k));
        if (value < 0) { j = k; continue; }
        if (j > start) parts.push([cjkAlternative(points.slice(start, j))]);
        parts.push([{ terms: [String(value)], phrase: String(value) }, cjkAlternative(points.slice(j, k))]);
        start = j = k;
      }
      if (start < points.length) parts.push([cjkAlternative(points.slice(start))]);
    });
  }

  /** What a query asks for: parts, each met by any one of its alternatives (a number as 15 or
      十五), each alternative a list of terms and the phrase that must stand together on a page. */
  function plan(query) {
    var parts = [];
    runs(query, function (isCJK, run) {
      if (run.length > MAX) return;
      if (isCJK) { cjkParts(run, parts); return; }
      var word = str(run, 0, run.length), part = [{ terms: [word], phrase: word }];
      if (/^[1-9][0-9]{1,2}$/.test(word)) part.push(textAlternative(chineseNumber(Number(word))));
      parts.push(part);
    });
    return parts;
  }

  /** The terms a query looks up, and the runs that must stand together on a page. */
  function queryTerms(query) {
    var terms = [], phrases = [], parts = plan(query);
    parts.forEach(function (part) {
      part.forEach(function (alt) { terms = terms.concat(alt.terms); phrases.push(alt.phrase); });
    });
    var seen = {};
    return {
      terms: terms.filter(function (t) { return seen[t] ? false : (seen[t] = true); }),
      phrases: phrases, parts: parts
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
  var store = { meta: null, shards: {}, pages: {}, facets: null };
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
  function facets() { return load("search/facets.js", function () { return store.facets || {}; }); }

  var FACETS = ["kind", "permit", "region", "status"];

  /** The pages every chosen facet value allows (`chosen`: facet name → key), or null when none is
      chosen. A value's pages are listed as page-number differences, -r for a run of r pages in a row. */
  function allowedPages(data, chosen) {
    var allowed = null;
    FACETS.forEach(function (name) {
      if (!chosen[name]) return;
      var pages = {}, n = 0;
      (data[name] || []).forEach(function (value) {
        if (value[0] !== chosen[name]) return;
        n = 0;
        value[2].forEach(function (d) {
          if (d >= 0) { n += d; pages[n] = true; } else for (var j = 0; j < -d; j++) { n += 1; pages[n] = true; }
        });
      });
      if (allowed === null) allowed = pages;
      else Object.keys(allowed).forEach(function (p) { if (!pages[p]) delete allowed[p]; });
    });
    return allowed;
  }

  /** A packed index file's data: base64 of raw-deflated JSON (SearchPacking.swift), unpacked with
      DecompressionStream, which needs no fetch (so file:// works). */
  function unpack(data) {
    if (typeof data !== "string") return Promise.resolve(data);
    var binary = atob(data), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).text().then(JSON.parse);
  }

  window.DossierSearch = {
    meta: function (m) { store.meta = m; },
    shard: function (n, data) { store.shards[n] = unpack(data); },
    page: function (n, data) { store.pages[n] = unpack(data); },
    facets: function (data) { store.facets = data; },
    tokens: tokens, queryTerms: queryTerms, plan: plan, rank: rank, hash: hash, foldText: foldText, search: search,
    find: function (query, chosen) {
      return (chosen ? facets() : Promise.resolve(null)).then(function (data) {
        return finder(query, data ? allowedPages(data, chosen) : null).more();
      });
    }
  };

  /** (page, weight) pairs of a posting list: a page-number difference alone (weight 1), or
      -(difference + 1) then the weight. */
  function decode(list) {
    var out = [], pageNumber = 0, i = 0;
    while (i < list.length) {
      if (list[i] >= 0) { pageNumber += list[i]; out.push([pageNumber, 1]); i += 1; }
      else { pageNumber += -list[i] - 1; out.push([pageNumber, i + 1 < list.length ? list[i + 1] : 1]); i += 2; }
    }
    return out;
  }

  // A page that has not every term is still a (close) result when it covers this share of the query.
  var CLOSE = 0.5;
  // ... or at least this share of the best coverage any page has (so that a query always finds
  // the pages that match the most of it).
  var NEAR = 0.7;

  /** Pages for a query plan, best first (SearchRanking.swift does the same): pages holding every
      part's terms first, by score; then pages covering at least CLOSE of the query, or NEAR of
      the best coverage, by score. The
      score sums, over the terms on the page, rarity × field weight: ln(1 + pages / pages with the
      term) × (1 + ln weight); a part counts its best alternative. Coverage is the rarity-weighted
      share of each part's terms that the page holds; terms no page holds are left out of it. */
  function rank(parts, postings, pageCount) {
    var weightOf = {}, idf = {}, any = {};
    parts.forEach(function (part) {
      part.forEach(function (alt) {
        alt.terms.forEach(function (t) {
          if (weightOf[t]) return;
          var pairs = decode(postings[t] || []), map = {};
          pairs.forEach(function (pair) { map[pair[0]] = pair[1]; any[pair[0]] = true; });
          weightOf[t] = map;
          idf[t] = pairs.length ? Math.log(1 + pageCount / pairs.length) : 0;
        });
      });
    });
    var masses = parts.map(function (part) {
      return Math.max.apply(null, part.map(function (alt) {
        return alt.terms.reduce(function (sum, t) { return sum + idf[t]; }, 0);
      }));
    });
    var total = masses.reduce(function (a, b) { return a + b; }, 0), out = [], best = 0;
    Object.keys(any).map(Number).forEach(function (page) {
      var score = 0, covered = 0, complete = true;
      parts.forEach(function (part, i) {
        var value = 0, cover = 0, done = false;
        part.forEach(function (alt) {
          var v = 0, held = 0, mass = 0, all = true;
          alt.terms.forEach(function (t) {
            var w = weightOf[t][page];
            mass += idf[t];
            if (w) { v += idf[t] * (1 + Math.log(w)); held += idf[t]; } else all = false;
          });
          if (v > value) value = v;
          if (mass > 0 && held / mass > cover) cover = held / mass;
          if (all) done = true;
        });
        score += value;
        covered += cover * masses[i];
        if (!done) complete = false;
      });
      var coverage = total > 0 ? covered / total : 0;
      if (coverage > best) best = coverage;
      out.push({ page: page, score: score, all: complete, coverage: coverage });
    });
    var floor = Math.min(CLOSE, NEAR * best);
    out = out.filter(function (c) { return c.all || c.coverage >= floor; });
    out.sort(function (a, b) { return (b.all - a.all) || (b.score - a.score) || (a.page - b.page); });
    return out;
  }

  /** Candidate pages for a query, best first (see rank). */
  function search(query) {
    var q = queryTerms(query);
    if (!q.terms.length) return Promise.resolve({ phrases: q.phrases, parts: q.parts, ranked: [] });
    return meta().then(function (m) {
      return Promise.all(q.terms.map(function (term) {
        return shard(hash(term) % m.shards).then(function (data) { return data[term] || []; });
      })).then(function (lists) {
        var postings = {};
        q.terms.forEach(function (t, i) { postings[t] = lists[i]; });
        return { phrases: q.phrases, parts: q.parts, ranked: rank(q.parts, postings, m.pages) };
      });
    });
  }

  // ---- Results ----
  function pageText(p) {
    return [p.t, p.w || ""].concat(p.s.map(function (s) { return s[1] + "\n" + s[2]; })).join("\n");
  }

  /** Whether each part of the query stands together on the page (one of its alternatives does). */
  function standsTogether(folded, parts) {
    return parts.every(function (part) {
      return part.some(function (alt) { return folded.indexOf(alt.phrase) >= 0; });
    });
  }

  /** How close together the page holds each part: the longest piece of the part found whole, as a
      share of the part's length, averaged over parts (1 when every part stands together). */
  function proximity(folded, parts) {
    if (!parts.length) return 0;
    var sum = 0;
    parts.forEach(function (part) {
      var best = 0;
      part.forEach(function (alt) {
        var chars = Array.from(alt.phrase), found = 0;
        for (var len = chars.length; len > 0 && !found; len--) {
          for (var at = 0; at + len <= chars.length; at++) {
            if (folded.indexOf(chars.slice(at, at + len).join("")) >= 0) { found = len; break; }
          }
        }
        if (chars.length && found / chars.length > best) best = found / chars.length;
      });
      sum += best;
    });
    return sum / parts.length;
  }

  /** What to mark in a snippet: each alternative's phrase and, for close matches, its terms. */
  function needlesOf(parts) {
    var out = [];
    parts.forEach(function (part) {
      part.forEach(function (alt) { out.push(alt.phrase); out = out.concat(alt.terms); });
    });
    var seen = {};
    return out.filter(function (n) { return n && (seen[n] ? false : (seen[n] = true)); });
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
    marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    // Overlapping marks (the pairs of one run) become one.
    var merged = [];
    marks.forEach(function (mark) {
      var last = merged[merged.length - 1];
      if (last && mark[0] <= last[1]) last[1] = Math.max(last[1], mark[1]); else merged.push([mark[0], mark[1]]);
    });
    var parts = [], cursor = start;
    if (start > 0) parts.push(["…", false]);
    merged.forEach(function (mark) {
      if (mark[0] > cursor) parts.push([text.slice(cursor, mark[0]), false]);
      parts.push([text.slice(mark[0], mark[1]), true]);
      cursor = mark[1];
    });
    if (cursor < end) parts.push([text.slice(cursor, end), false]);
    if (end < text.length) parts.push(["…", false]);
    return { anchor: bestScore >= 10 ? best[0] : "", heading: bestScore >= 10 ? best[1] : "", parts: parts };
  }

  function resultItem(p, phrases, level) {
    var cut = snippet(p, phrases);
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = root + p.u + (cut.anchor ? "#" + encodeURIComponent(cut.anchor) : "");
    link.textContent = p.t;
    link.className = "result-title";
    var heading = document.createElement(level);
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

  /** Results of a query, loaded ten at a time (`more()`): `exact`, the pages holding every part
      with each part's phrase standing together, in rank order; `close`, the other candidates,
      by score × (1 + proximity). */
  function finder(query, allowed) {
    var state = { exact: [], close: [], done: false, parts: [], needles: [] }, queue = [];
    // An empty query with filters browses: every allowed page, in page order.
    var found = query.trim() || !allowed ? search(query) : Promise.resolve({
      parts: [], ranked: Object.keys(allowed).map(Number).sort(function (a, b) { return a - b; })
        .map(function (p) { return { page: p, all: true, score: 0 }; })
    });
    var ready = found.then(function (found) {
      queue = found.ranked.filter(function (c) { return !allowed || allowed[c.page]; });
      state.parts = found.parts;
      state.needles = needlesOf(found.parts);
    });
    function fill(target) {
      var batch = queue.splice(0, 10);
      return Promise.all(batch.map(function (c) { return page(c.page); })).then(function (pages) {
        pages.forEach(function (p, i) {
          if (!p) return;
          var folded = foldText(pageText(p));
          if (batch[i].all && standsTogether(folded, state.parts)) state.exact.push(p);
          else state.close.push({ p: p, key: batch[i].score * (1 + proximity(folded, state.parts)), order: state.close.length });
        });
        state.close.sort(function (a, b) { return (b.key - a.key) || (a.order - b.order); });
        if (state.exact.length + state.close.length < target && queue.length) return fill(target);
        state.done = queue.length === 0;
        return state;
      });
    }
    return {
      more: function () {
        return ready.then(function () { return fill(state.exact.length + state.close.length + 10); });
      }
    };
  }

  // ---- Keyboard ----
  /** `/` focuses the search field (unless one is typing in a field); on the search page the arrow
      keys move from the field through the results and back. */
  function keyboard() {
    document.addEventListener("keydown", function (event) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target, tag = target && target.tagName;
      var typing = tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
      var field = document.getElementById("search-query") || document.getElementById("site-search-q");
      if (event.key === "/" && !typing && field) {
        event.preventDefault();
        field.focus();
        if (field.select) field.select();
        return;
      }
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var input = document.getElementById("search-query");
      if (!input) return;
      var links = Array.prototype.slice.call(document.querySelectorAll(".search-page a.result-title"));
      var at = target === input ? -1 : links.indexOf(target);
      if (target !== input && at < 0) return;
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (next >= links.length) return;
      event.preventDefault();
      (next < 0 ? input : links[next]).focus();
    });
  }

  function start() {
    var form = document.querySelector(".search-page form");
    var input = document.getElementById("search-query");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var closeList = document.getElementById("search-close");
    var closeTitle = document.getElementById("search-close-title");
    var more = document.getElementById("search-more");
    if (!input || !list) return;
    var text = function (key, values) {
      var out = (script && script.getAttribute("data-" + key)) || "";
      Object.keys(values || {}).forEach(function (k) { out = out.split("{" + k + "}").join(values[k]); });
      return out;
    };
    var say = function (key, values) { status.textContent = text(key, values); };
    var generation = 0;

    var current = null;

    function show(state, query) {
      list.textContent = "";
      state.exact.forEach(function (p) { list.appendChild(resultItem(p, state.needles, "h2")); });
      if (closeList) {
        closeList.textContent = "";
        state.close.forEach(function (c) { closeList.appendChild(resultItem(c.p, state.needles, "h3")); });
        closeList.hidden = state.close.length === 0;
        if (closeTitle) closeTitle.hidden = state.close.length === 0;
      }
      more.hidden = state.done;
      var plus = state.done ? "" : "+", shown = state.exact.length, close = state.close.length;
      if (shown === 0 && close === 0) say(query.trim() ? "none" : "none-filtered", { q: query });
      else if (shown === 0) say("close-only", { q: query, n: close + plus });
      else if (close) status.textContent = text("count", { n: String(shown) }) + " " + text("close-count", { n: close + plus });
      else say("count", { n: shown + plus });
    }

    // Filters: a select per facet (data-facet), filled from search/facets.js.
    var filters = document.getElementById("search-filters");
    var selects = filters ? Array.prototype.slice.call(filters.querySelectorAll("select[data-facet]")) : [];
    var params = new URLSearchParams(window.location.search);
    var facetData = null;
    function chosen() {
      var out = {}, any = false;
      selects.forEach(function (select) { if (select.value) { out[select.getAttribute("data-facet")] = select.value; any = true; } });
      return any ? out : null;
    }
    var facetsReady = !selects.length ? Promise.resolve(null) : facets().then(function (data) {
      facetData = data;
      selects.forEach(function (select) {
        var name = select.getAttribute("data-facet"), values = data[name] || [], wanted = params.get(name) || "";
        values.forEach(function (value) {
          var option = document.createElement("option");
          option.value = value[0];
          option.textContent = value[1];
          if (value[0] === wanted) option.defaultSelected = option.selected = true;
          select.appendChild(option);
        });
        var holder = select.closest("label") || select;
        holder.hidden = values.length === 0;
      });
      filters.hidden = false;
      return data;
    }, function () { return null; });

    function run(query) {
      var mine = ++generation;
      list.textContent = "";
      if (closeList) { closeList.textContent = ""; closeList.hidden = true; }
      if (closeTitle) closeTitle.hidden = true;
      more.hidden = true;
      var picked = chosen();
      if (!query.trim() && !picked) { status.textContent = ""; return; }
      say("loading");
      var allowed = picked && facetData ? allowedPages(facetData, picked) : null;
      current = finder(query, allowed);
      var mineFinder = current;
      more.onclick = function () {
        more.hidden = true;
        mineFinder.more().then(function (state) { if (mine === generation) show(state, query); });
      };
      mineFinder.more().then(function (state) { if (mine === generation) show(state, query); })
        .catch(function () { if (mine === generation) say("failed"); });
    }

    /** The address of this search (q and the chosen filters), so that it can be bookmarked. */
    function remember(query) {
      try {
        var url = new URL(window.location.href);
        url.searchParams.set("q", query);
        selects.forEach(function (select) {
          var name = select.getAttribute("data-facet");
          if (select.value) url.searchParams.set(name, select.value); else url.searchParams.delete(name);
        });
        window.history.replaceState(null, "", url.toString());
      } catch (e) { /* file:// may refuse; the search still runs */ }
    }

    var initial = params.get("q") || "";
    input.value = initial;
    // Filters named in the address wait for the facet file; a plain query does not.
    var filtered = FACETS.some(function (name) { return params.get(name); });
    if (filtered) facetsReady.then(function () { run(initial); });
    else if (initial) run(initial);
    selects.forEach(function (select) {
      select.addEventListener("change", function () { remember(input.value); run(input.value); });
    });
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        remember(input.value);
        run(input.value);
      });
    }
  }

  keyboard();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();

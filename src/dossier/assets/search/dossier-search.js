// dossier search: the search box in the header and the results page (suche.html).
//
// Nothing is loaded until the reader uses the search: the first focus of a search box inserts, as plain
// script tags (which work from a folder, file://, where fetch and module imports are refused), the engine
// (lunr), its German stemmer (lunr-languages, as Material ships it) and the records (search/index.js).
// lunr then builds its index in the browser. Ranking, on top of lunr's BM25 per word:
//   - each query word counts as its stem (same Snowball stemmer as the index), a prefix of it, and, for
//     longer words, a spelling at one edit (two in the actors' names: "Jelzin" -> "Jeltsin");
//   - a word the index does not hold is split into two parts the index knows ("Artilleriegranaten" ->
//     "Artillerie…" + "Granaten"), which count less than the whole word;
//   - a record that has every word beats one that has some; the actors' aliases are a field of every
//     record that concerns the actor, so any spelling finds the others.
(function () {
  "use strict";

  // t title, x the dossier's words, q the source's words, n the names of the actors a record concerns,
// m an actor's own names (on the actor's record only: a name search finds the actor first).
var FIELDS = [["t", 2], ["x", 1], ["q", 3], ["n", 0.3], ["m", 1]];
  // A paragraph holds every passage in it: the passage, being more precise, comes first.
  var PRIOR = { source: 0.7 };
  var FACETS = ["kind", "source", "actor", "year", "topic"];
  var engine = null;

  function siteRoot() {
    var el = document.querySelector("[data-dossier-search-root]");
    return new URL((el ? el.getAttribute("data-dossier-search-root") : ".") + "/", window.location.href).href;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(s);
    });
  }

  function load() {
    if (engine) return engine;
    var root = siteRoot();
    var files = ["assets/search/lunr.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
                 "assets/javascripts/lunr/min/lunr.de.min.js", "search/index.js"];
    engine = files.reduce(function (chain, file) {
      return chain.then(function () { return loadScript(root + file); });
    }, Promise.resolve()).then(function () { return build(window.dossierSearchIndex, root); });
    return engine;
  }

  // ---- the engine ------------------------------------------------------------------------------------

  // Snowball's German stemmer keeps a genitive -s after a vowel ("Nordkoreas"); readers mean the name.
  function genitive(token) {
    return token.update(function (w) { return w.length > 4 && /[aeiouy]s$/.test(w) ? w.slice(0, -1) : w; });
  }

  function build(data, root) {
    var lunr = window.lunr;
    lunr.Pipeline.registerFunction(genitive, "dossier-genitive");
    var records = data.records;
    var index = lunr(function () {
      this.use(lunr.de);
      this.pipeline.add(genitive);
      this.searchPipeline.add(genitive);
      this.ref("i");
      var builder = this;
      FIELDS.forEach(function (f) { builder.field(f[0], { boost: f[1] }); });
      records.forEach(function (r, i) {
        var names = (r.a || []).map(function (a) { return (data.names[a] || []).join(" "); }).join(" ");
        var own = r.k === "actor" ? names : "";
        builder.add({ i: String(i), t: r.t, x: r.x || "", q: r.q || "", n: own ? "" : names, m: own });
      });
    });
    var stemmer = new lunr.Pipeline();
    stemmer.add(lunr.de.trimmer, lunr.de.stopWordFilter, lunr.de.stemmer, genitive);
    var e0 = { lunr: lunr, stemmer: stemmer };
    var vocabulary = Object.keys(index.invertedIndex).sort();
    // An actor's record by each of its spellings, as a query would be written ("kim jong un").
    var byName = {}, surnames = {};
    records.forEach(function (r, i) {
      if (r.k !== "actor") return;
      var names = data.names[r.a[0]] || [];
      names.forEach(function (name) { byName[nameKey(e0, name)] = i; });
      // A person by the surname alone ("Lawrow"), where no other actor has it.
      if (data.persons && data.persons.indexOf(r.a[0]) >= 0) {
        var last = names[0].split(/\s+/).pop(), key = nameKey(e0, last);
        surnames[key] = surnames[key] === undefined ? i : -1;
      }
    });
    Object.keys(surnames).forEach(function (k) {
      if (surnames[k] >= 0 && byName[k] === undefined) byName[k] = surnames[k];
    });
    return { data: data, records: records, index: index, stemmer: stemmer, vocabulary: vocabulary, root: root,
             lunr: lunr, byName: byName };
  }

  // A name as its stemmed words: "Kim Jong-Un", "Kim Jong Uns" and "kim jong un" are one key.
  function nameKey(e, text) {
    return words(e, text).map(function (w) { return stem(e, w) || w; }).join(" ");
  }

  function distance(a, b) {  // Levenshtein, for the few dozen names only
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) {
        cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
      }
      prev = cur;
    }
    return prev[b.length];
  }

  // The actor whose name the query is, allowing a typo per longer word ("sergei schoigu").
  function namedActor(e, key) {
    if (e.byName[key] !== undefined) return e.byName[key];
    var q = key.split(" "), found;
    Object.keys(e.byName).some(function (name) {
      var n = name.split(" ");
      var close = n.length === q.length && n.every(function (w, i) {
        return w === q[i] || (w.length >= 5 && distance(w, q[i]) <= (w.length >= 7 ? 2 : 1));
      });
      if (close) found = e.byName[name];
      return close;
    });
    return found;
  }

  function words(e, text) {
    return e.lunr.tokenizer(text).map(function (t) { return t.toString(); });
  }

  function stem(e, word) {
    return e.stemmer.runString(word)[0] || "";
  }

  function hasPrefix(e, prefix) {
    var list = e.vocabulary, lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo < list.length && list[lo].lastIndexOf(prefix, 0) === 0;
  }

  // "artilleriegranaten" -> ["artiller", "granat"]: the longest known last part, a known beginning.
  function compoundParts(e, word) {
    for (var i = 4; i <= word.length - 4; i++) {
      var tail = stem(e, word.slice(i));
      if (!tail || !Object.prototype.hasOwnProperty.call(e.index.invertedIndex, tail)) continue;
      var heads = [word.slice(0, i)];
      if (/(s|n)$/.test(heads[0])) heads.push(heads[0].slice(0, -1));  // Fugen-s, -n: "Sanktions-regime"
      for (var h = 0; h < heads.length; h++) {
        var head = stem(e, heads[h]);
        if (head.length >= 4 && hasPrefix(e, head)) return [head, tail];
      }
    }
    return null;
  }

  // One lunr query for one word: {record index: score}.
  function scoreWord(e, term, clauses) {
    var out = {};
    e.index.query(function (q) {
      clauses.forEach(function (c) {
        // lunr reads any editDistance, even 0, as a fuzzy term and then takes "*" literally.
        var options = { usePipeline: false, boost: c.boost, wildcard: c.wildcard || 0 };
        if (c.editDistance) options.editDistance = c.editDistance;
        if (c.fields) options.fields = c.fields;
        q.term(c.term, options);
      });
    }).forEach(function (hit) { out[hit.ref] = hit.score; });
    return out;
  }

  function clausesFor(e, s) {
    var W = e.lunr.Query.wildcard, known = Object.prototype.hasOwnProperty.call(e.index.invertedIndex, s);
    var clauses = [{ term: s, boost: 10 }];
    if (s.length >= 4) clauses.push({ term: s, boost: 2, wildcard: W.TRAILING });
    if (s.length >= 5) clauses.push({ term: s, boost: 1, editDistance: 1 });
    if (s.length >= 6) clauses.push({ term: s, boost: 1, editDistance: 2, fields: ["n", "m"] });
    return { clauses: clauses, known: known };
  }

  function search(e, query) {
    var terms = [], seen = {};
    words(e, query).forEach(function (w) {
      var s = stem(e, w);
      if (s && !seen[s]) { seen[s] = true; terms.push({ word: w, stem: s }); }
    });
    if (!terms.length) return { hits: [], terms: [] };
    var totals = {}, matched = {}, highlight = {};
    terms.forEach(function (t) {
      var plan = clausesFor(e, t.stem), scores = scoreWord(e, t.stem, plan.clauses);
      highlight[t.stem] = true;
      if (!plan.known) {
        var parts = compoundParts(e, t.word);
        if (parts) {
          var W = e.lunr.Query.wildcard;
          var partScores = [scoreWord(e, parts[0], [{ term: parts[0], boost: 1, wildcard: W.TRAILING }]),
                            scoreWord(e, parts[1], [{ term: parts[1], boost: 1 }])];
          partScores.forEach(function (ps) {
            Object.keys(ps).forEach(function (ref) { scores[ref] = (scores[ref] || 0) + 0.3 * ps[ref]; });
          });
          highlight[parts[0]] = highlight[parts[1]] = true;
        }
      }
      Object.keys(scores).forEach(function (ref) {
        totals[ref] = (totals[ref] || 0) + scores[ref];
        matched[ref] = (matched[ref] || 0) + 1;
      });
    });
    var hits = Object.keys(totals).map(function (ref) {
      var coverage = matched[ref] / terms.length;
      var record = e.records[+ref];
      return { record: record, score: totals[ref] * coverage * coverage * (PRIOR[record.k] || 1), ref: +ref };
    });
    // A query that is an actor's name, in any of its spellings, asks for the actor first.
    var named = namedActor(e, nameKey(e, query));
    if (named !== undefined && hits.length) {
      var top = Math.max.apply(null, hits.map(function (h) { return h.score; }));
      hits.forEach(function (h) { if (h.ref === named) h.score = top * 2; });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
    return { hits: hits, highlight: highlight };
  }

  // ---- facets --------------------------------------------------------------------------------------------

  function values(record, facet) {
    switch (facet) {
      case "kind": return [record.k];
      case "source": return record.s ? [record.s] : [];
      case "actor": return record.a || [];
      case "year": return record.y ? [String(record.y)] : [];
      case "topic": return record.o || [];
    }
    return [];
  }

  function passes(record, filters, except) {
    return FACETS.every(function (f) {
      return f === except || !filters[f] || values(record, f).indexOf(filters[f]) >= 0;
    });
  }

  // For each facet: [value, count] over the hits that pass every other facet's filter.
  function facetCounts(hits, filters) {
    var out = {};
    FACETS.forEach(function (f) {
      var counts = {};
      hits.forEach(function (h) {
        if (!passes(h.record, filters, f)) return;
        values(h.record, f).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      });
      out[f] = counts;
    });
    return out;
  }

  function facetLabel(e, facet, value) {
    var d = e.data;
    var table = { kind: d.kinds, source: d.sources, actor: d.actors, topic: d.topics }[facet];
    return table ? table[value] || value : value;
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  // The text with the query's words marked; a long text is cut to a window around the first of them.
  function snippet(e, text, highlight, tag, cls) {
    var node = el(tag, cls);
    var tokens = text.split(/(\s+)/), first = -1, marks = [];
    tokens.forEach(function (tok, i) {
      if (i % 2) { marks.push(false); return; }
      // The word without the punctuation around it: only the word is marked ("Verhandlungen," marks no comma).
      var parts = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(tok);
      var core = parts[2].toLowerCase();
      var s = core ? stem(e, core) : "";
      var hit = !!s && Object.keys(highlight).some(function (h) {
        return s === h || (h.length >= 4 && s.lastIndexOf(h, 0) === 0) || (h.length >= 5 && s.indexOf(h) > 0);
      });
      marks.push(hit && parts);
      if (hit && first < 0) first = i;
    });
    var start = 0, end = tokens.length, span = 60;
    if (tokens.length > 2 * span) {
      start = Math.max(0, (first < 0 ? 0 : first) - span / 2);
      start -= start % 2;
      end = Math.min(tokens.length, start + 2 * span);
    }
    if (start > 0) node.appendChild(document.createTextNode("… "));
    for (var i = start; i < end; i++) {
      if (!marks[i]) { node.appendChild(document.createTextNode(tokens[i])); continue; }
      if (marks[i][1]) node.appendChild(document.createTextNode(marks[i][1]));
      node.appendChild(el("mark", null, marks[i][2]));
      if (marks[i][3]) node.appendChild(document.createTextNode(marks[i][3]));
    }
    if (end < tokens.length) node.appendChild(document.createTextNode(" …"));
    return node;
  }

  function hitItem(e, hit, highlight) {
    var r = hit.record, li = el("li", "dossier-hit dossier-hit--" + r.k);
    var a = el("a", "dossier-hit__link");
    a.href = e.root + r.u;
    var parts = r.t.split(" · ");
    a.appendChild(el("span", "dossier-hit__kind", parts[0]));
    a.appendChild(el("span", "dossier-hit__title", parts.slice(1).join(" · ")));
    li.appendChild(a);
    if (r.x) li.appendChild(snippet(e, r.x, highlight, "p", "dossier-hit__text"));
    if (r.q) {
      var p = el("p", "dossier-hit__quote");
      p.appendChild(snippet(e, r.q, highlight, "q"));
      li.appendChild(p);
    }
    return li;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  }

  // ---- the header box: a short list while typing, Enter opens the results page --------------------------

  function setupBox(form) {
    var input = form.querySelector("input[name=q]"), list = form.querySelector(".dossier-search__drop");
    var limit = 8, timer = null, texts = JSON.parse(form.getAttribute("data-texts"));
    function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); }
    function show() {
      var q = input.value.trim();
      if (!q) { close(); return; }
      load().then(function (e) {
        if (input.value.trim() !== q) return;
        var result = search(e, q), hits = result.hits;
        list.textContent = "";
        var meta = el("p", "dossier-search__meta",
                      hits.length ? format(hits.length === 1 ? texts.one : texts.many, { n: hits.length, q: q })
                                  : format(texts.none, { q: q }));
        list.appendChild(meta);
        var ol = el("ol", "dossier-hits");
        hits.slice(0, limit).forEach(function (h) { ol.appendChild(hitItem(e, h, result.highlight)); });
        list.appendChild(ol);
        if (hits.length > limit) {
          var more = el("a", "dossier-search__more", texts.more);
          more.href = form.action + "?q=" + encodeURIComponent(q);
          list.appendChild(more);
        }
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      });
    }
    input.addEventListener("focus", function () { load(); }, { once: true });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(show, 120); });
    form.addEventListener("keydown", function (ev) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (ev.key === "Escape") { close(); input.focus(); }
      else if (ev.key === "ArrowDown" && !list.hidden && links.length) {
        ev.preventDefault(); links[Math.min(at + 1, links.length - 1)].focus();
      } else if (ev.key === "ArrowUp" && at >= 0) {
        ev.preventDefault(); if (at === 0) input.focus(); else links[at - 1].focus();
      }
    });
    document.addEventListener("click", function (ev) { if (!form.contains(ev.target)) close(); });
  }

  // ---- the results page: every hit in rank order, facets, the state in the URL ---------------------------

  function setupPage(page) {
    var form = page.querySelector("form"), input = form.querySelector("input[name=q]");
    var status = page.querySelector("[data-search-status]"), results = page.querySelector("[data-search-results]");
    var texts = JSON.parse(page.getAttribute("data-texts")), reset = page.querySelector("[data-search-reset]");
    var selects = {};
    FACETS.forEach(function (f) { selects[f] = form.querySelector("select[name=" + f + "]"); });
    var params = new URLSearchParams(window.location.search), filters = {};
    input.value = params.get("q") || "";
    FACETS.forEach(function (f) { filters[f] = params.get(f) || ""; });

    function writeUrl(q) {
      var p = new URLSearchParams();
      if (q) p.set("q", q);
      FACETS.forEach(function (f) { if (filters[f]) p.set(f, filters[f]); });
      var url = window.location.pathname + (p.toString() ? "?" + p.toString() : "");
      try { window.history.replaceState(null, "", url); } catch (err) { /* some browsers refuse on file:// */ }
    }

    function fillSelect(e, facet, counts) {
      var select = selects[facet], current = filters[facet];
      var keys = Object.keys(counts);
      if (facet === "year") keys.sort(function (a, b) { return b - a; });
      else if (facet === "kind") keys.sort(function (a, b) {
        return Object.keys(e.data.kinds).indexOf(a) - Object.keys(e.data.kinds).indexOf(b);
      });
      else keys.sort(function (a, b) { return counts[b] - counts[a] || facetLabel(e, facet, a).localeCompare(facetLabel(e, facet, b), "de"); });
      if (current && keys.indexOf(current) < 0) keys.unshift(current);
      select.textContent = "";
      var all = el("option", null, texts.all);
      all.value = "";
      select.appendChild(all);
      keys.forEach(function (k) {
        var o = el("option", null, facetLabel(e, facet, k) + " (" + (counts[k] || 0) + ")");
        o.value = k;
        select.appendChild(o);
      });
      select.value = current;
    }

    function run() {
      var q = input.value.trim();
      writeUrl(q);
      reset.hidden = !FACETS.some(function (f) { return filters[f]; });
      if (!q) { status.textContent = texts.empty; results.textContent = ""; return; }
      status.textContent = texts.loading;
      load().then(function (e) {
        if (input.value.trim() !== q) return;
        var result = search(e, q), counts = facetCounts(result.hits, filters);
        FACETS.forEach(function (f) { fillSelect(e, f, counts[f]); });
        var shown = result.hits.filter(function (h) { return passes(h.record, filters); });
        status.textContent = shown.length ? format(shown.length === 1 ? texts.one : texts.many, { n: shown.length, q: q })
                                          : format(texts.none, { q: q });
        results.textContent = "";
        shown.forEach(function (h) { results.appendChild(hitItem(e, h, result.highlight)); });
      });
    }

    var timer = null;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
    FACETS.forEach(function (f) {
      selects[f].addEventListener("change", function () { filters[f] = selects[f].value; run(); });
    });
    reset.addEventListener("click", function () {
      FACETS.forEach(function (f) { filters[f] = ""; });
      run();
    });
    run();
  }

  function setup() {
    document.querySelectorAll("form[data-dossier-search-box]").forEach(function (form) {
      if (form.dataset.ready) return;
      form.dataset.ready = "1";
      setupBox(form);
    });
    var page = document.querySelector("[data-dossier-search-page]");
    if (page && !page.dataset.ready) {
      page.dataset.ready = "1";
      setupPage(page);
    }
  }

  // For the tests and the benchmark: the engine's own ranking, without the page around it.
  window.dossierSearch = {
    load: load,
    search: function (query) {
      return load().then(function (e) {
        return search(e, query).hits.map(function (h) { return h.record.u; });
      });
    }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
  // Material's instant navigation replaces the page without a reload.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
})();

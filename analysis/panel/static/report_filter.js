/* The report's filter bar: redraws every view of the page from the rows that pass it.
 *
 * Written by analysis.panel.offline. Reads the page's documents (#report-documents), the
 * row sets (script.report-rows) and each view's spec (div.report-view > script.report-spec),
 * all JSON. Text from the data is only ever set with textContent or given to plotly as
 * data (plotly escapes it): never written as markup. Works offline: plotly.js is inlined
 * in the page by the notebook renderer.
 */
(function () {
  "use strict";
  if (window.AnalysisReport) return; // one copy per page
  var R = (window.AnalysisReport = { views: [], ready: false, redraws: 0 });
  var PAGE = 20; // table rows per page (lists of sentences: half)
  var CELL = 160; // characters of a table cell shown; the whole text in its tooltip
  var ROWS = 25; // rows of a matrix or timeline; the rest counted in a note
  var EVIDENCE = 200; // sentences listed under a clicked mark
  var PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2", "#b279a2",
    "#ff9da6", "#9d755d", "#bab0ac", "#eeca3b"];

  function readJSON(el) { return JSON.parse(el.textContent); }

  function decode(set) {
    var cols = {};
    Object.keys(set.cols).forEach(function (name) {
      var c = set.cols[name];
      cols[name] = Array.isArray(c) ? c : c.codes.map(function (k) { return c.values[k]; });
    });
    return { n: set.n, cols: cols };
  }

  // The page's texts as a reader sees them: & < > entities decoded, for textContent.
  function unesc(text) {
    return String(text).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }

  function el(tag, attrs, text) { // every text from the data is set here, as text
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = unesc(text);
    return e;
  }

  // --- filter -------------------------------------------------------------------------
  function filterState() {
    var sel = document.querySelector('[data-report-filter="outlet"]');
    var picked = sel ? Array.prototype.filter.call(sel.options, function (o) { return o.selected; })
      .map(function (o) { return o.value; }) : [];
    var compare = (document.querySelector("[data-report-compare]") || {}).value || "groups";
    var from = (document.querySelector('[data-report-filter="from"]') || {}).value || "";
    var to = (document.querySelector('[data-report-filter="to"]') || {}).value || "";
    var hedged = (document.querySelector('[data-report-filter="hedged"]') || {}).value || "";
    return { picked: picked, from: from, to: to, compare: compare, hedged: hedged };
  }

  function passingDocs(state) {
    var d = R.docs.cols, n = R.docs.n, ok = new Uint8Array(n);
    var outlets = {}, groups = {}, any = state.picked.length > 0;
    state.picked.forEach(function (v) {
      if (v.slice(0, 2) === "o:") outlets[v.slice(2)] = 1; else groups[v.slice(2)] = 1;
    });
    var dated = state.from || state.to;
    for (var i = 0; i < n; i++) {
      if (any && !outlets[d.outlet[i]] && !groups[d.outlet_group[i]]) continue;
      var day = d.date[i];
      if (dated && (!day || (state.from && day < state.from) || (state.to && day > state.to))) continue;
      ok[i] = 1;
    }
    return ok;
  }

  function describe(state, kept) {
    var what = state.picked.length ? state.picked.map(function (v) { return v.slice(2); }).join(", ")
      : "all outlets";
    var how = state.hedged ? " · " + state.hedged + " only (moves, stances, attributed sentences)" : "";
    var when = state.from || state.to ? (state.from || "start") + " to " + (state.to || "end") +
      " (undated articles left out)" : "all dates, undated articles included";
    return kept + " of " + R.docs.n + " articles · " + what + " · " + when + how;
  }

  // --- rows ---------------------------------------------------------------------------
  function value(set, col, i) {
    if (Array.isArray(col)) return col.map(function (c) { return value(set, c, i); }).join(" · ");
    var c = set.cols[col];
    if (c) return c[i];
    var d = R.docs.cols[col];
    return d ? d[set.cols.doc[i]] : "";
  }

  // The rows of a view whose document passes (and that have one of the spec's
  // require_any columns filled).
  // A value as plotly shows it. The page's texts come with & < > as entities (plotly reads
  // <b>, <br>, <a href> in labels as markup and decodes entities), and Arabic goes in a
  // right-to-left isolate (plotly lays SVG text out left to right).
  var ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
  function label(set, col, i) {
    var v = String(value(set, col, i));
    return ARABIC.test(v) ? "\u2067" + v + "\u2069" : v;
  }

  function keptRows(spec, set, ok, hedged) {
    var out = [], doc = set.cols.doc, need = spec.require_any, h = hedged && set.cols.hedged;
    for (var i = 0; i < set.n; i++) {
      if (!ok[doc[i]]) continue;
      if (h && h[i] !== hedged) continue; // rows with a hedged column: "hedged" / "on record"
      if (need && !need.some(function (c) { var v = value(set, c, i); return v && v !== "(none)"; })) continue;
      if (spec.where_not && Object.keys(spec.where_not).some(function (c) { return value(set, c, i) === spec.where_not[c]; })) continue;
      out.push(i);
    }
    return out;
  }

  function weightOf(spec, set, i) { return spec.weight ? Number(value(set, spec.weight, i)) : 1; }

  // --- evidence -----------------------------------------------------------------------
  function showEvidence(view, title, rows) {
    var box = view.el.querySelector(".rv-evidence"), spec = view.spec;
    box.textContent = "";
    var cols = spec.evidence || ["outlet", "date", "title", "url"];
    // without a sentence, the rows behind a number are told by their articles: one line
    // per article, with how many of the rows it holds
    var perDoc = null;
    if (cols.indexOf("sentence") < 0) {
      perDoc = {};
      rows = rows.filter(function (i) {
        var d = view.set.cols.doc[i];
        perDoc[d] = (perDoc[d] || 0) + 1;
        return perDoc[d] === 1;
      });
    }
    var what = perDoc ? " article(s) behind " : " row(s) behind ";
    var head = el("div", { "class": "rv-evidence-head" }, rows.length + what + title.replace(/[\u2067\u2069]/g, ""));
    var close = el("button", { type: "button", "class": "rv-close" }, "close");
    close.addEventListener("click", function () { box.textContent = ""; });
    head.appendChild(close);
    box.appendChild(head);
    var list = el("ol", { "class": "rv-evidence-list" });
    // every row behind the number, EVIDENCE at a time: "show more" lists the next ones
    var shown = 0;
    var more = el("button", { type: "button", "class": "rv-more" });
    more.addEventListener("click", function () { page(); });
    function page() {
      rows.slice(shown, shown + EVIDENCE).forEach(listRow);
      shown = Math.min(rows.length, shown + EVIDENCE);
      var left = rows.length - shown;
      more.textContent = "show " + Math.min(left, EVIDENCE) + " more (" + left + " not listed yet)";
      more.style.display = left > 0 ? "" : "none";
    }
    function listRow(i) {
      var li = el("li");
      var meta = cols.filter(function (c) { return c !== "sentence" && c !== "title"; })
        .map(function (c) { var v = value(view.set, c, i); return v === "" ? null : c + ": " + v; })
        .filter(Boolean);
      if (perDoc && perDoc[view.set.cols.doc[i]] > 1) meta.push(perDoc[view.set.cols.doc[i]] + " rows");
      li.appendChild(el("div", { "class": "rv-meta" }, meta.join(" · ")));
      ["sentence", "title"].forEach(function (c) {
        if (cols.indexOf(c) >= 0) {
          var t = value(view.set, c, i);
          if (t) li.appendChild(el("div", { "class": "rv-text", dir: "auto" }, t));
        }
      });
      list.appendChild(li);
    }
    box.appendChild(list);
    box.appendChild(more);
    page();
  }


  // --- figures ------------------------------------------------------------------------
  function colourOf(spec, name, k) {
    return (spec.colors && spec.colors[name]) || PALETTE[k % PALETTE.length];
  }

  function emptyFigure(view, message) {
    var body = view.body;
    if (body._plotted) window.Plotly.purge(body);
    body._plotted = false;
    body.textContent = "";
    body.appendChild(el("p", { "class": "rv-empty" }, message || "Nothing for these filters."));
    view.marks = null;
  }

  function plot(view, data, layout) {
    var body = view.body;
    if (!body._plotted) body.textContent = "";
    layout.title = { text: view.spec.title };
    layout.margin = layout.margin || { l: 60, r: 20, t: 50, b: 60 };
    window.Plotly.react(body, data, layout, { responsive: true, displaylogo: false });
    if (!body._plotted) {
      body.on("plotly_click", function (ev) {
        var p = ev.points && ev.points[0];
        if (!p || !view.marks) return;
        var key = view.markKey(p);
        var rows = view.marks[key];
        if (rows) showEvidence(view, key, rows);
      });
    }
    body._plotted = true;
  }

  // The colour of each row: its value, or "other" beyond the spec's color_top largest.
  function colourKeys(spec, set, kept) {
    if (!spec.color) return function () { return ""; };
    var n = {};
    kept.forEach(function (i) { var c = label(set, spec.color, i) || "(none)"; n[c] = (n[c] || 0) + 1; });
    var top = null;
    if (spec.color_top && Object.keys(n).length > spec.color_top) {
      top = {};
      Object.keys(n).sort(function (a, b) { return n[b] - n[a] || (a < b ? -1 : 1); })
        .slice(0, spec.color_top).forEach(function (c) { top[c] = 1; });
    }
    return function (i) {
      var c = label(set, spec.color, i) || "(none)";
      return top && !top[c] ? "other" : c;
    };
  }

  function bars(view, kept) {
    var spec = view.spec, set = view.set;
    if (!kept.length) return emptyFigure(view);
    var totals = {}, cells = {}, colours = [], seen = {}, colourOfRow = colourKeys(spec, set, kept);
    kept.forEach(function (i) {
      var x = label(set, spec.x, i) || "(none)", c = colourOfRow(i);
      var w = weightOf(spec, set, i);
      totals[x] = (totals[x] || 0) + w;
      if (!seen[c]) { seen[c] = 1; colours.push(c); }
      var k = x + "\u0000" + c;
      (cells[k] = cells[k] || { n: 0, rows: [] }).n += w;
      cells[k].rows.push(i);
    });
    var order = Object.keys(totals).sort(function (a, b) { return totals[b] - totals[a] || (a < b ? -1 : 1); });
    var shown = order.slice(0, spec.top), rest = order.slice(spec.top);
    var other = rest.length ? "other (" + rest.length + " more)" : null;
    if (spec.colors) colours.sort(function (a, b) {
      var ks = Object.keys(spec.colors); return (ks.indexOf(a) + 1 || 99) - (ks.indexOf(b) + 1 || 99);
    });
    view.marks = {};
    var horizontal = spec.orientation === "h";
    var cats = other ? shown.concat([other]) : shown;
    var data = colours.map(function (c, k) {
      var vals = cats.map(function (x) {
        var xs = x === other ? rest : [x], n = 0, rows = [];
        xs.forEach(function (y) { var cell = cells[y + "\u0000" + c]; if (cell) { n += cell.n; rows = rows.concat(cell.rows); } });
        view.marks[(c ? c + " · " : "") + x] = rows;
        return n;
      });
      var t = { type: "bar", name: c || spec.ytitle || "count", marker: { color: colourOf(spec, c, k) },
        hovertemplate: "%{" + (horizontal ? "y" : "x") + "}: %{" + (horizontal ? "x" : "y") + "}<extra>" + (c ? "%{fullData.name}" : "") + "</extra>" };
      if (horizontal) { t.y = cats.slice().reverse(); t.x = vals.slice().reverse(); t.orientation = "h"; }
      else { t.x = cats; t.y = vals; }
      return t;
    });
    view.markKey = function (p) {
      var c = spec.color ? p.data.name : "";
      return (c ? c + " · " : "") + (horizontal ? p.y : p.x);
    };
    var layout = { barmode: "stack", showlegend: !!spec.color, legend: { orientation: "h", y: -0.25 },
      xaxis: { title: { text: spec.xtitle }, automargin: true, type: horizontal ? "linear" : "category" },
      yaxis: { title: { text: spec.ytitle }, automargin: true, type: horizontal ? "category" : "linear" } };
    layout.height = horizontal ? Math.max(260, 120 + 24 * cats.length) : 440;
    plot(view, data, layout);
  }

  function period(day, daily) { return daily ? day : day.slice(0, 7) + "-01"; }

  function spanDays(days) {
    if (!days.length) return 0;
    var a = Date.parse(days[0]), b = Date.parse(days[days.length - 1]);
    return (b - a) / 86400000;
  }

  function timeAxis(days, daily) {
    var axis = { type: "date", title: { text: daily ? "day" : "month" } };
    if (daily) { axis.tickformat = "%Y-%m-%d"; if (spanDays(days) < 14) axis.dtick = 86400000; }
    else { axis.tickformat = "%b %Y"; if (spanDays(days) < 400) axis.dtick = "M1"; }
    if (days.length === 1) { // one day: a range around it, not millisecond ticks
      var t = Date.parse(days[0]);
      axis.range = [new Date(t - 3 * 86400000).toISOString().slice(0, 10),
        new Date(t + 3 * 86400000).toISOString().slice(0, 10)];
    }
    return axis;
  }

  function time(view, kept) {
    var spec = view.spec, set = view.set;
    var dated = kept.filter(function (i) { return value(set, "date", i); });
    var undated = kept.length - dated.length;
    if (!dated.length) return emptyFigure(view, kept.length ? "No dated rows for these filters (" + undated + " undated)." : "Nothing for these filters.");
    var days = dated.map(function (i) { return value(set, "date", i); }).sort();
    var daily = spanDays(days) <= 62;
    var colourOfRow = colourKeys(spec, set, dated), buckets = {}, colours = [], seen = {};
    dated.forEach(function (i) {
      var p = period(value(set, "date", i), daily), c = colourOfRow(i);
      if (!seen[c]) { seen[c] = 1; colours.push(c); }
      var k = c + "\u0000" + p;
      (buckets[k] = buckets[k] || []).push(i);
    });
    var xs = {};
    Object.keys(buckets).forEach(function (k) { xs[k.split("\u0000")[1]] = 1; });
    xs = Object.keys(xs).sort();
    view.marks = {};
    var data = colours.map(function (c, k) {
      var ys = xs.map(function (x) { var rows = buckets[c + "\u0000" + x] || []; view.marks[(c ? c + " · " : "") + x] = rows; return rows.length; });
      return { type: "bar", name: c || spec.ytitle, x: xs, y: ys, marker: { color: colourOf(spec, c, k) },
        hovertemplate: "%{x|" + (daily ? "%Y-%m-%d" : "%b %Y") + "}: %{y}<extra>" + (c ? "%{fullData.name}" : "") + "</extra>" };
    });
    view.markKey = function (p) { return (spec.color ? p.data.name + " · " : "") + String(p.x).slice(0, 10); };
    var layout = { barmode: "stack", xaxis: timeAxis(xs, daily), yaxis: { title: { text: spec.ytitle }, rangemode: "tozero" },
      height: 400, showlegend: !!spec.color, legend: { orientation: "h", y: -0.25 } };
    if (undated) layout.annotations = [{ text: undated + " undated not shown", xref: "paper", yref: "paper", x: 1, y: 1.08, showarrow: false }];
    plot(view, data, layout);
  }

  function latestFirst(set) {
    return function (i, j) { var a = value(set, "date", i), b = value(set, "date", j); return a < b ? -1 : a > b ? 1 : i - j; };
  }

  function matrix(view, kept) {
    var spec = view.spec, set = view.set;
    if (!kept.length) return emptyFigure(view);
    var cells = {}, xs = {}, ys = {};
    kept.slice().sort(latestFirst(set)).forEach(function (i) {
      var x = label(set, spec.x, i), y = label(set, spec.y, i), k = y + "\u0000" + x;
      xs[x] = (xs[x] || 0) + 1; ys[y] = (ys[y] || 0) + 1;
      (cells[k] = cells[k] || []).push(i); // the last one is the latest
    });
    var byCount = function (m) { return Object.keys(m).sort(function (a, b) { return m[b] - m[a] || (a < b ? -1 : 1); }); };
    var xo = byCount(xs), yall = byCount(ys), yo = yall.slice(0, ROWS).reverse(), keepY = {};
    yo.forEach(function (y) { keepY[y] = 1; });
    var moves = Object.keys(spec.colors || {});
    Object.keys(cells).forEach(function (k) { var c = cells[k]; var m = label(set, spec.value, c[c.length - 1]); if (moves.indexOf(m) < 0) moves.push(m); });
    view.marks = {};
    var data = moves.map(function (m, k) {
      var t = { type: "scatter", mode: "markers", name: m, x: [], y: [], text: [], marker: { symbol: "square", size: 22, color: colourOf(spec, m, k) },
        hovertemplate: "%{y} · %{x}<br>latest: " + m + " (%{text} move(s))<extra></extra>" };
      Object.keys(cells).forEach(function (key) {
        var c = cells[key], last = c[c.length - 1];
        if (label(set, spec.value, last) !== m) return;
        var parts = key.split("\u0000");
        if (!keepY[parts[0]]) return;
        t.x.push(parts[1]); t.y.push(parts[0]); t.text.push(String(c.length));
        view.marks[parts[0] + " · " + parts[1]] = c.slice().reverse();
      });
      return t;
    }).filter(function (t) { return t.x.length; });
    view.markKey = function (p) { return p.y + " · " + p.x; };
    plot(view, data, { height: 200 + 44 * yo.length,
      xaxis: { type: "category", categoryorder: "array", categoryarray: xo, automargin: true,
        tickvals: xo, ticktext: xo.map(wrap), side: "top" },
      yaxis: { type: "category", categoryorder: "array", categoryarray: yo, automargin: true },
      legend: { orientation: "h", y: -0.08, yanchor: "top" }, margin: { l: 60, r: 20, t: 90, b: 40 },
      annotations: moreRows(yall.length - yo.length) });
  }

  // Rows × columns; each cell coloured by the value most of its rows have, "≠" when
  // they differ, its text the count of each value.
  function heat(view, kept) {
    var spec = view.spec, set = view.set;
    if (!kept.length) return emptyFigure(view);
    var ys = {}, xs = {}, cells = {};
    kept.forEach(function (i) {
      var x = label(set, spec.x, i) || "(none)", y = label(set, spec.y, i) || "(none)";
      ys[y] = (ys[y] || 0) + 1; xs[x] = (xs[x] || 0) + 1;
      (cells[y + "\u0000" + x] = cells[y + "\u0000" + x] || []).push(i);
    });
    var byCount = function (m) { return Object.keys(m).sort(function (a, b) { return m[b] - m[a] || (a < b ? -1 : 1); }); };
    var yo = byCount(ys), left = Math.max(0, yo.length - spec.top);
    yo = yo.slice(0, spec.top).reverse();
    var xo = byCount(xs), keepY = {};
    yo.forEach(function (y) { keepY[y] = 1; });
    var values = Object.keys(spec.colors || {}), traces = {};
    view.marks = {};
    Object.keys(cells).forEach(function (key) {
      var p = key.split("\u0000");
      if (!keepY[p[0]]) return;
      var n = {}, rows = cells[key];
      rows.forEach(function (i) { var v = label(set, spec.color, i) || "(none)"; n[v] = (n[v] || 0) + 1; });
      var kinds = Object.keys(n).sort(function (a, b) { return n[b] - n[a]; });
      var main = kinds.length > 1 && n[kinds[0]] === n[kinds[1]] ? "differ" : kinds[0];
      if (values.indexOf(main) < 0) values.push(main);
      var t = traces[main] = traces[main] || { type: "scatter", mode: "markers+text", name: main, x: [], y: [], text: [], customdata: [],
        marker: { symbol: "square", size: 26, color: main === "differ" ? "#bbbbbb" : colourOf(spec, main, values.indexOf(main)) },
        textfont: { size: 10 }, hovertemplate: "%{y}<br>%{x}: %{customdata}<extra></extra>" };
      t.x.push(p[1]); t.y.push(p[0]); t.text.push(kinds.length > 1 ? "≠" : String(rows.length));
      t.customdata.push(kinds.map(function (k) { return n[k] + " " + k; }).join(", "));
      view.marks[p[0] + " · " + p[1]] = rows;
    });
    view.markKey = function (p) { return p.y + " · " + p.x; };
    var layout = { height: 200 + 36 * yo.length, legend: { orientation: "h", y: -0.08, yanchor: "top" },
      xaxis: { type: "category", categoryorder: "array", categoryarray: xo, tickvals: xo, ticktext: xo.map(wrap), side: "top", automargin: true },
      yaxis: { type: "category", categoryorder: "array", categoryarray: yo, automargin: true }, margin: { l: 60, r: 20, t: 110, b: 40 } };
    if (left) layout.annotations = [{ text: left + " more row(s) not shown (filter to see them)", xref: "paper", yref: "paper", x: 0, y: -0.02, yanchor: "top", showarrow: false }];
    plot(view, values.filter(function (v) { return traces[v]; }).map(function (v) { return traces[v]; }), layout);
  }

  // Actors × actors: sentences that mention both (the diagonal: the actor's sentences).
  function cooccur(view, kept) {
    var spec = view.spec, set = view.set;
    if (!kept.length) return emptyFigure(view);
    var n = {}, bySent = {};
    kept.forEach(function (i) {
      var a = label(set, spec.actor, i); n[a] = (n[a] || 0) + 1;
      var s = label(set, spec.sentence, i);
      if (s >= 0) (bySent[s] = bySent[s] || {})[a] = i;
    });
    var top = Object.keys(n).sort(function (a, b) { return n[b] - n[a] || (a < b ? -1 : 1); }).slice(0, spec.top);
    var at = {};
    top.forEach(function (a, k) { at[a] = k; });
    var z = top.map(function () { return top.map(function () { return 0; }); });
    view.marks = {};
    Object.keys(bySent).forEach(function (s) {
      var here = Object.keys(bySent[s]).filter(function (a) { return a in at; });
      here.forEach(function (a) {
        here.forEach(function (b) {
          z[at[a]][at[b]] += 1;
          var key = a + " · " + b;
          (view.marks[key] = view.marks[key] || []).push(bySent[s][a]);
        });
      });
    });
    view.markKey = function (p) { return p.y + " · " + p.x; };
    plot(view, [{ type: "heatmap", x: top, y: top, z: z, colorscale: "Blues", hovertemplate: "%{y} and %{x}: %{z} sentence(s)<extra></extra>" }],
      { height: 220 + 30 * top.length, xaxis: { type: "category", automargin: true, tickangle: -40 },
        yaxis: { type: "category", automargin: true, autorange: "reversed" } });
  }

  function moreRows(left) {
    return left > 0 ? [{ text: left + " more row(s) not shown: choose outlets or dates to see them", xref: "paper",
      yref: "paper", x: 0, y: -0.02, yanchor: "top", xanchor: "left", showarrow: false }] : [];
  }

  function wrap(text) { // long category labels on two or three short lines
    var words = String(text).split(" "), lines = [""];
    words.forEach(function (w) {
      var last = lines[lines.length - 1];
      if (last && (last + " " + w).length > 22) lines.push(w); else lines[lines.length - 1] = last ? last + " " + w : w;
    });
    return lines.slice(0, 3).join("<br>") + (lines.length > 3 ? "…" : "");
  }

  function timeline(view, kept) {
    var spec = view.spec, set = view.set;
    var dated = kept.filter(function (i) { return value(set, "date", i); });
    if (!dated.length) return emptyFigure(view, kept.length ? "No dated moves for these filters." : "Nothing for these filters.");
    var groups = {}, ys = {}, moves = Object.keys(spec.colors || {});
    dated.forEach(function (i) {
      var y = label(set, spec.y, i), c = label(set, spec.color, i), d = value(set, "date", i);
      ys[y] = (ys[y] || 0) + 1; if (moves.indexOf(c) < 0) moves.push(c);
      var k = c + "\u0000" + y + "\u0000" + d;
      (groups[k] = groups[k] || []).push(i);
    });
    var days = dated.map(function (i) { return value(set, "date", i); }).sort();
    var daily = true;
    view.marks = {};
    var data = moves.map(function (m, k) {
      // each kind on its own lane of the row (scattermode "group"): two kinds in one month
      // stand side by side, not one hidden under the other
      var t = { type: "scatter", mode: "markers", name: m, x: [], y: [], text: [], orientation: "h", offsetgroup: m,
        marker: { size: 11, color: colourOf(spec, m, k) }, hovertemplate: "%{y} · %{x|%Y-%m-%d}<br>" + m + ": %{text}<extra></extra>" };
      Object.keys(groups).forEach(function (key) {
        var p = key.split("\u0000"); if (p[0] !== m) return;
        t.x.push(p[2]); t.y.push(p[1]); t.text.push(String(groups[key].length));
        view.marks[m + " · " + p[1] + " · " + p[2]] = groups[key];
      });
      return t;
    }).filter(function (t) { return t.x.length; });
    view.markKey = function (p) { return p.data.name + " · " + p.y + " · " + String(p.x).slice(0, 10); };
    var yall = Object.keys(ys).sort(function (a, b) { return ys[b] - ys[a] || (a < b ? -1 : 1); });
    var yo = yall.slice(0, ROWS).reverse(), keepY = {};
    yo.forEach(function (y) { keepY[y] = 1; });
    data.forEach(function (t) {
      var keep = t.y.map(function (y) { return !!keepY[y]; });
      ["x", "y", "text"].forEach(function (k) { t[k] = t[k].filter(function (_, j) { return keep[j]; }); });
    });
    plot(view, data, { height: Math.max(300, 140 + 28 * yo.length), scattermode: "group", xaxis: timeAxis(days, daily && spanDays(days) <= 62),
      yaxis: { type: "category", categoryorder: "array", categoryarray: yo, automargin: true }, legend: { orientation: "h", y: 1.02, yanchor: "bottom" },
      annotations: moreRows(yall.length - yo.length) });
  }

  function sankey(view, kept) {
    var spec = view.spec, set = view.set, levels = spec.chain || [spec.source, spec.target];
    if (!kept.length) return emptyFigure(view);
    var links = {};
    kept.forEach(function (i) {
      for (var l = 0; l + 1 < levels.length; l++) {
        var k = l + "\u0000" + (value(set, levels[l], i) || "(none)") + "\u0000" + (value(set, levels[l + 1], i) || "(none)");
        (links[k] = links[k] || []).push(i);
      }
    });
    var keys = Object.keys(links).sort(function (a, b) { return links[b].length - links[a].length || (a < b ? -1 : 1); });
    var shown = keys.slice(0, spec.top), left = keys.length - shown.length;
    var nodes = [], index = {};
    function node(level, name) { var k = level + "\u0000" + name; if (!(k in index)) { index[k] = nodes.length; nodes.push(name); } return index[k]; }
    var src = [], dst = [], val = [], labels = [];
    view.marks = {};
    shown.forEach(function (k) {
      var p = k.split("\u0000"), l = Number(p[0]);
      src.push(node(l, p[1])); dst.push(node(l + 1, p[2])); val.push(links[k].length);
      labels.push(p[1] + " → " + p[2]); view.marks[p[1] + " → " + p[2]] = links[k];
    });
    view.markKey = function (p) { return p.label || ""; };
    var layout = { height: Math.max(360, 140 + 22 * nodes.length / (levels.length - 1)) };
    if (left) layout.annotations = [{ text: left + " weaker link(s) not shown", xref: "paper", yref: "paper", x: 1, y: -0.06, showarrow: false }];
    plot(view, [{ type: "sankey", node: { label: nodes, pad: 12 }, link: { source: src, target: dst, value: val, label: labels } }], layout);
  }

  // --- tables -------------------------------------------------------------------------
  function aggregate(spec, set, rows) {
    var out = {};
    (spec.values || []).forEach(function (v) {
      var r = "";
      if (v.fn === "count") r = rows.length;
      else if (v.fn === "sum") r = rows.reduce(function (s, i) { return s + Number(value(set, v.col, i)); }, 0);
      else if (v.fn === "docs") { var d = {}; rows.forEach(function (i) { d[set.cols.doc[i]] = 1; }); r = Object.keys(d).length; }
      else if (v.fn === "equals") r = rows.filter(function (i) { return value(set, v.col, i) === v.value; }).length;
      else if (v.fn === "distinct" || v.fn === "list") {
        var seen = {}, names = [];
        rows.forEach(function (i) { var x = value(set, v.col, i); if (x && !seen[x]) { seen[x] = 1; names.push(x); } });
        r = v.fn === "distinct" ? names.length : names.sort().join(", ");
      }
      else if (v.fn === "undated") r = rows.filter(function (i) { return !value(set, "date", i); }).length;
      else if (v.fn === "agree") r = agreement(set, rows, v.col, v.by);
      else {
        var days = rows.map(function (i) { return value(set, "date", i); }).filter(Boolean).sort();
        r = days.length ? (v.fn === "min_date" ? days[0] : days[days.length - 1]) : "";
      }
      out[v.label] = r;
    });
    return out;
  }

  // Do the accounts agree? Per value of ``by`` (an outlet), the values of ``col`` (move
  // types) it reports; "agree" when every outlet reports the same ones.
  function agreement(set, rows, col, by) {
    var per = {};
    rows.forEach(function (i) {
      var b = unesc(value(set, by, i)), c = unesc(value(set, col, i));
      (per[b] = per[b] || {})[c] = 1;
    });
    var accounts = Object.keys(per).sort().map(function (b) { return b + ": " + Object.keys(per[b]).sort().join("/"); });
    var kinds = {};
    Object.keys(per).forEach(function (b) { kinds[Object.keys(per[b]).sort().join("/")] = 1; });
    return Object.keys(kinds).length > 1 ? "differ — " + accounts.join(" · ") : "agree";
  }

  function tableRows(view, kept) {
    var spec = view.spec, set = view.set;
    if (spec.kind === "list") {
      return { columns: spec.columns, rows: kept.map(function (i) {
        return { cells: spec.columns.map(function (c) { return value(set, c, i); }), rows: [i] };
      }) };
    }
    var groups = {}, pivots = {};
    kept.forEach(function (i) {
      var k = spec.group.map(function (g) { return value(set, g, i) || "(none)"; }).join("\u0000");
      (groups[k] = groups[k] || []).push(i);
      if (spec.pivot) pivots[value(set, spec.pivot, i) || "(none)"] = 1;
    });
    var pv = (spec.pivot_order || []).filter(function (p) { return pivots[p]; });
    Object.keys(pivots).sort().forEach(function (p) { if (pv.indexOf(p) < 0) pv.push(p); });
    var labels = (spec.values || []).map(function (v) { return v.label; });
    var columns = spec.group.concat(pv, spec.pivot ? ["total"] : [], labels);
    var rows = Object.keys(groups).map(function (k) {
      var rs = groups[k], counts = {};
      if (spec.pivot) rs.forEach(function (i) { var p = value(set, spec.pivot, i) || "(none)"; counts[p] = (counts[p] || 0) + 1; });
      var agg = aggregate(spec, set, rs);
      return { cells: k.split("\u0000").concat(pv.map(function (p) { return counts[p] || 0; }),
        spec.pivot ? [rs.length] : [], labels.map(function (l) { return agg[l]; })), rows: rs, size: rs.length };
    });
    if (spec.having) rows = rows.filter(function (r) {
      var d = {};
      r.rows.forEach(function (i) { d[value(set, spec.having.col, i)] = 1; });
      return Object.keys(d).length >= spec.having.min;
    });
    var first = spec.first ? columns.indexOf(spec.first.label) : -1;
    var lead = function (r) { return first >= 0 && String(r.cells[first]).indexOf(spec.first.prefix) === 0 ? 0 : 1; };
    rows.sort(function (a, b) { return lead(a) - lead(b) || b.size - a.size || (a.cells[0] < b.cells[0] ? -1 : 1); });
    return { columns: columns, rows: rows };
  }

  function table(view, kept) {
    var spec = view.spec, body = view.body;
    var t = tableRows(view, kept);
    var query = (view.query || "").toLowerCase();
    var rows = query ? t.rows.filter(function (r) { return r.cells.join(" ").toLowerCase().indexOf(query) >= 0; }) : t.rows;
    var size = spec.kind === "list" ? PAGE / 2 : PAGE;
    var pages = Math.max(1, Math.ceil(rows.length / size));
    view.page = Math.min(view.page || 0, pages - 1);
    body.textContent = "";
    var bar = el("div", { "class": "rv-table-bar" });
    bar.appendChild(el("strong", {}, spec.caption));
    var search = el("input", { type: "search", placeholder: "search this table", "class": "rv-table-search" });
    search.value = view.query || "";
    search.addEventListener("input", function () { view.query = search.value; view.page = 0; table(view, view.kept); var s = view.body.querySelector(".rv-table-search"); s.focus(); s.setSelectionRange(s.value.length, s.value.length); });
    bar.appendChild(search);
    body.appendChild(bar);
    if (!rows.length) {
      body.appendChild(el("p", { "class": "rv-empty" }, query ? "No row matches this search." : spec.empty || "None found for these filters."));
      return;
    }
    var wrap = el("div", { "class": "rv-table-wrap" }), tbl = el("table", { "class": "rv-table" });
    var head = el("tr");
    t.columns.forEach(function (c) { head.appendChild(el("th", {}, c)); });
    tbl.appendChild(el("thead")).appendChild(head);
    var tb = el("tbody");
    rows.slice(view.page * size, (view.page + 1) * size).forEach(function (r) {
      var tr = el("tr");
      r.cells.forEach(function (v) {
        var text = unesc(v === undefined || v === null ? "" : v), td;
        if (text.length > CELL) { td = el("td", { dir: "auto", title: text }); td.textContent = text.slice(0, CELL) + "…"; }
        else td = el("td", { dir: "auto" }, v);
        tr.appendChild(td);
      });
      if (spec.kind === "table") {
        tr.classList.add("rv-clickable");
        tr.title = "click: list the rows behind this line";
        tr.addEventListener("click", function () { showEvidence(view, r.cells.slice(0, spec.group.length).join(" · "), r.rows); });
      }
      tb.appendChild(tr);
    });
    tbl.appendChild(tb); wrap.appendChild(tbl); body.appendChild(wrap);
    var nav = el("div", { "class": "rv-pager" });
    var prev = el("button", { type: "button" }, "‹ previous"), next = el("button", { type: "button" }, "next ›");
    prev.disabled = view.page === 0; next.disabled = view.page >= pages - 1;
    prev.addEventListener("click", function () { view.page -= 1; table(view, view.kept); });
    next.addEventListener("click", function () { view.page += 1; table(view, view.kept); });
    nav.appendChild(prev);
    nav.appendChild(el("span", {}, "rows " + (view.page * size + 1) + "–" + Math.min(rows.length, (view.page + 1) * size) + " of " + rows.length));
    nav.appendChild(next);
    body.appendChild(nav);
  }

  // A view that compares outlets (spec.compare) compares outlet groups, or outlets when
  // the bar says so: "outlet_group" in its spec becomes "outlet".
  function compared(spec, mode) {
    if (!spec.compare || mode !== "outlets") return spec;
    var out = JSON.parse(JSON.stringify(spec));
    ["x", "y", "chain", "group"].forEach(function (k) {
      if (out[k] === "outlet_group") out[k] = "outlet";
      else if (Array.isArray(out[k])) out[k] = out[k].map(function (c) { return c === "outlet_group" ? "outlet" : c; });
    });
    ["title", "caption"].forEach(function (k) { if (out[k]) out[k] = out[k].replace(/outlet group/g, "outlet"); });
    return out;
  }

  var DRAW = { bars: bars, time: time, matrix: matrix, timeline: timeline, sankey: sankey, heat: heat,
    cooccur: cooccur, table: table, list: table };

  // --- page ---------------------------------------------------------------------------
  function redraw() {
    var state = filterState(), ok = passingDocs(state), kept = 0;
    for (var i = 0; i < ok.length; i++) kept += ok[i];
    var status = document.querySelector(".rf-status");
    if (status) status.textContent = unesc(describe(state, kept));
    R.views.forEach(function (view) {
      view.spec = compared(view.base, state.compare);
      view.kept = keptRows(view.spec, view.set, ok, state.hedged);
      view.page = 0;
      view.el.querySelector(".rv-evidence").textContent = "";
      try { DRAW[view.spec.kind](view, view.kept); view.el.removeAttribute("data-error"); }
      catch (e) { view.el.setAttribute("data-error", String(e)); throw e; }
      view.el.setAttribute("data-kept", String(view.kept.length));
    });
    R.ready = true;
    R.redraws += 1;
    document.dispatchEvent(new CustomEvent("report-filtered", { detail: { articles: kept } }));
  }

  var pending = null;
  function schedule() { if (pending) clearTimeout(pending); pending = setTimeout(function () { pending = null; redraw(); }, 60); }

  // --- loading ------------------------------------------------------------------------
  // Rows and plotly.js travel gzipped in base64 (analysis.panel.offline.pack).
  function unpack(block) {
    var bin = atob(block.textContent.trim()), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve();
    var block = document.getElementById("report-plotly");
    return unpack(block).then(function (code) {
      window.PlotlyConfig = { MathJaxConfig: "local" };
      var s = document.createElement("script");
      s.textContent = code; // runs as the page's own inline script, defining window.Plotly
      document.head.appendChild(s);
    });
  }

  function fail(message) {
    var status = document.querySelector(".rf-status");
    if (status) status.textContent = message;
    R.error = message;
  }

  function init() {
    var docs = document.getElementById("report-documents");
    if (!docs) return;
    if (typeof DecompressionStream === "undefined") {
      return fail("This browser cannot unpack the report's data (it needs DecompressionStream: " +
        "Chrome or Edge 80+, Firefox 113+, Safari 16.4+).");
    }
    var blocks = Array.prototype.slice.call(document.querySelectorAll("script.report-rows"));
    Promise.all([loadPlotly(), unpack(docs)].concat(blocks.map(unpack))).then(function (texts) {
      R.docs = decode(JSON.parse(texts[1]));
      var sets = {};
      blocks.forEach(function (b, k) { sets[b.getAttribute("data-name")] = decode(JSON.parse(texts[k + 2])); });
      start(sets);
    }).catch(function (e) { fail("The report's data could not be read: " + e); throw e; });
  }

  function start(sets) {
    document.querySelectorAll(".report-static-figure").forEach(function (f) {
      var fig = readJSON(f.querySelector("script.report-figure")), div = el("div");
      f.appendChild(div);
      window.Plotly.newPlot(div, fig.data, fig.layout, { responsive: true, displaylogo: false });
    });
    document.querySelectorAll(".report-view").forEach(function (v) {
      var name = v.getAttribute("data-rows");
      var set = name === "documents" ? { n: R.docs.n, cols: R.docs.cols } : sets[name];
      var spec = readJSON(v.querySelector("script.report-spec"));
      R.views.push({ el: v, body: v.querySelector(".rv-body"), base: spec, spec: spec, set: set });
    });
    var sel = document.querySelector('[data-report-filter="outlet"]');
    document.querySelectorAll("[data-report-filter], [data-report-compare]").forEach(function (c) {
      c.addEventListener("change", schedule);
      c.addEventListener("input", schedule);
    });
    var search = document.querySelector(".rf-search");
    if (search && sel) search.addEventListener("input", function () {
      var q = search.value.toLowerCase();
      Array.prototype.forEach.call(sel.options, function (o) { o.hidden = q && o.textContent.toLowerCase().indexOf(q) < 0 && !o.selected; });
    });
    var reset = document.querySelector(".rf-reset");
    if (reset) reset.addEventListener("click", function () {
      if (sel) Array.prototype.forEach.call(sel.options, function (o) { o.selected = false; o.hidden = false; });
      document.querySelectorAll('input[type="date"][data-report-filter]').forEach(function (d) { d.value = ""; });
      var compare = document.querySelector("[data-report-compare]");
      if (compare) compare.value = "groups";
      var hedged = document.querySelector('[data-report-filter="hedged"]');
      if (hedged) hedged.value = "";
      if (search) search.value = "";
      redraw();
    });
    R.redraw = redraw;
    redraw();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

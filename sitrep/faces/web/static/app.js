// sitrep's page: a control map with a date slider, the event list, event roundups,
// and reader comments under each event.
//
// Plain JavaScript, no build step. Every piece of text that comes from the data
// (article text, names, titles, readers' comments) goes into the page through
// textContent or DOM attributes, never innerHTML, so nothing in a report or a
// comment can run as markup.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const DAY_MS = 86400000;
  const PAGE = 100;

  // Fixed colours for the usual controllers; others get one from the palette.
  const COLOURS = {
    "ISIS": "#222222",
    "Government of Syria": "#c8343e",
    "Government of Iraq": "#2f8a4e",
    "SDF": "#e3b505",
    "Kurdistan Regional Government": "#ee7d22",
    "Hezbollah": "#7a9e1e",
    "Government of Turkey": "#1d5fa8",
    "US-led Coalition": "#4aa3df",
  };
  const PALETTE = ["#8e44ad", "#16a085", "#b5651d", "#d35400", "#5d6d7e", "#c2185b", "#00838f"];

  const state = {
    days: [],            // ISO dates the slider walks through
    markers: new Map(),  // place id -> Leaflet circle marker
    map: null,
    ring: null,          // highlight of the open event's place
    filters: { type: "", actor: "", since: "", until: "", place: "", placeName: "" },
    next: null,          // URL of the next page of events
    controlRequest: 0,   // drops answers to slider positions already left
  };

  // -- small helpers ---------------------------------------------------------

  // An element with text set through textContent and attributes through setAttribute.
  function el(tag, props, children) {
    const node = document.createElement(tag);
    const p = props || {};
    if (p.text !== undefined && p.text !== null) node.textContent = String(p.text);
    if (p.cls) node.className = p.cls;
    for (const [k, v] of Object.entries(p.attrs || {})) {
      if (v !== undefined && v !== null) node.setAttribute(k, String(v));
    }
    for (const child of children || []) if (child) node.appendChild(child);
    return node;
  }

  // Text from the data: the browser picks its direction; Persian is marked as such.
  function dataText(tag, text, lang, cls) {
    const node = el(tag, { text: text, cls: cls, attrs: { dir: "auto" } });
    if (lang) {
      node.setAttribute("lang", lang);
      if (lang === "fa" || lang === "ar") node.setAttribute("dir", "rtl");
    }
    return node;
  }

  // A link only when the URL is http(s): a "javascript:" URL in the data stays plain text.
  function safeLink(url, text, lang) {
    let ok = false;
    try {
      const u = new URL(url, window.location.href);
      ok = u.protocol === "http:" || u.protocol === "https:";
    } catch (e) {
      ok = false;
    }
    const node = dataText(ok ? "a" : "span", text, lang);
    if (ok) {
      node.setAttribute("href", url);
      node.setAttribute("rel", "noopener noreferrer");
      node.setAttribute("target", "_blank");
    }
    return node;
  }

  function colourOf(controller) {
    if (COLOURS[controller]) return COLOURS[controller];
    let h = 0;
    for (const ch of controller || "") h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return PALETTE[h % PALETTE.length];
  }

  function notice(message) {
    const box = $("notice");
    box.textContent = message;
    box.hidden = !message;
  }

  async function getJSON(url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      body = null;
    }
    if (!res.ok) {
      const msg = (body && body.message) || res.status + " " + res.statusText;
      throw new Error(msg);
    }
    return body;
  }

  // POST a JSON body; resolves to {status, body} whatever the status (the caller decides).
  async function postJSON(url, payload) {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(payload),
    });
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      body = null;
    }
    return { status: res.status, body: body, retryAfter: res.headers.get("Retry-After") };
  }

  function isoDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  function longDay(iso) {
    const d = new Date(iso + "T00:00:00Z");
    return d.toLocaleDateString("en-GB", {
      weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC",
    });
  }

  function placeName(place) {
    return place ? place.name : "unknown place";
  }

  // -- the map -----------------------------------------------------------------

  function mapAvailable(summary) {
    return typeof window.L !== "undefined" && typeof window.topojson !== "undefined" &&
      summary.missing_assets.length === 0;
  }

  async function initMap() {
    const map = L.map("map", { zoomSnap: 0.5, minZoom: 3, maxZoom: 11, worldCopyJump: false });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Borders: Natural Earth (world-atlas)");
    map.setView([34.8, 40.5], 6);
    state.map = map;
    try {
      const topo = await getJSON("/static/vendor/countries-50m.json");
      const countries = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(countries, {
        style: { color: "#9a958a", weight: 0.8, fillColor: "#f3efe6", fillOpacity: 1 },
        interactive: false,
      }).addTo(map);
    } catch (e) {
      notice("Country borders could not be loaded: " + e.message);
    }
  }

  function markerStyle(item) {
    return {
      radius: 9,
      color: item.disputed ? "#ffffff" : "#333333",
      weight: item.disputed ? 3 : 1.5,
      dashArray: item.disputed ? "3 3" : null,
      fillColor: colourOf(item.controller),
      fillOpacity: 0.92,
    };
  }

  function popupFor(item) {
    const box = el("div", { cls: "popup" });
    box.appendChild(dataText("strong", item.place.name));
    box.appendChild(el("div", { text: "Held by " + item.controller }));
    const since = item.since ? "since " + item.since : "since an unknown date";
    box.appendChild(el("div", { cls: "muted", text: since + (item.disputed ? " (disputed)" : "") }));
    if (item.sources.length) {
      box.appendChild(el("div", { cls: "muted", text: "According to " + item.sources.join(", ") }));
    }
    const timeline = el("ol", { cls: "timeline" });
    box.appendChild(timeline);
    const events = el("button", { text: "Events here", attrs: { type: "button" } });
    events.addEventListener("click", () => setPlaceFilter(item.place.geonames_id, item.place.name));
    box.appendChild(events);
    getJSON("/api/places/" + item.place.geonames_id + "/control").then((data) => {
      for (const s of data.spans) {
        const when = (s.start || "?") + " \u2192 " + (s.end || "now");
        timeline.appendChild(el("li", {}, [
          el("span", { cls: "swatch", attrs: { style: "background:" + colourOf(s.controller) } }),
          el("span", { text: when + "  " + s.controller }),
        ]));
      }
    }).catch(() => {});
    return box;
  }

  // Labels go right of their marker, or left when a close neighbour sits to the east.
  function labelSide(item, items) {
    const p = item.place;
    const crowded = items.some((o) => o !== item && o.place.lon > p.lon &&
      o.place.lon - p.lon < 0.8 && Math.abs(o.place.lat - p.lat) < 0.3);
    return crowded ? "left" : "right";
  }

  function drawMarkers(items) {
    const seen = new Set();
    for (const item of items) {
      const id = item.place.geonames_id;
      seen.add(id);
      let m = state.markers.get(id);
      if (!m) {
        m = L.circleMarker([item.place.lat, item.place.lon], markerStyle(item)).addTo(state.map);
        const side = labelSide(item, items);
        m.bindTooltip(dataText("span", item.place.name), {
          permanent: true, direction: side, className: "place-label", offset: [side === "left" ? -8 : 8, 0],
        });
        state.markers.set(id, m);
      } else {
        m.setStyle(markerStyle(item));
      }
      m.bindPopup(() => popupFor(item));
      const path = m.getElement();
      if (path) {
        path.setAttribute("data-place-id", id);
        path.setAttribute("data-place", item.place.name);
        path.setAttribute("data-controller", item.controller);
      }
    }
    for (const [id, m] of state.markers) {
      if (!seen.has(id)) {
        m.remove();
        state.markers.delete(id);
      }
    }
  }

  // -- control on a day: markers, legend, list ---------------------------------

  async function showDay(index) {
    const day = state.days[index];
    if (!day) return;
    $("day-label").textContent = longDay(day);
    $("legend-day").textContent = day;
    const ticket = ++state.controlRequest;
    let data;
    try {
      data = await getJSON("/api/control?as_of=" + day);
    } catch (e) {
      notice("Control could not be loaded: " + e.message);
      return;
    }
    if (ticket !== state.controlRequest) return;  // the slider has moved on
    if (state.map) drawMarkers(data.items);

    const counts = new Map();
    for (const item of data.items) counts.set(item.controller, (counts.get(item.controller) || 0) + 1);
    const legend = $("legend-items");
    legend.replaceChildren();
    for (const [controller, n] of [...counts].sort((a, b) => b[1] - a[1])) {
      legend.appendChild(el("li", { attrs: { "data-controller": controller } }, [
        el("span", { cls: "swatch", attrs: { style: "background:" + colourOf(controller) } }),
        dataText("span", controller),
        el("span", { cls: "muted", text: " " + n }),
      ]));
    }
    if (!counts.size) legend.appendChild(el("li", { cls: "muted", text: "no control reported yet" }));

    const list = $("control-list");
    list.replaceChildren();
    for (const item of data.items) {
      const row = el("li", {
        attrs: {
          "data-place-id": item.place.geonames_id,
          "data-place": item.place.name,
          "data-controller": item.controller,
        },
      }, [
        el("span", { cls: "swatch", attrs: { style: "background:" + colourOf(item.controller) } }),
        dataText("span", item.place.name, null, "place"),
        el("span", { text: " " + item.controller }),
        el("span", {
          cls: "muted",
          text: (item.since ? " since " + item.since : "") + (item.disputed ? " (disputed)" : ""),
        }),
      ]);
      row.addEventListener("click", () => {
        if (state.map) {
          state.map.setView([item.place.lat, item.place.lon], Math.max(state.map.getZoom(), 8));
          const m = state.markers.get(item.place.geonames_id);
          if (m) m.openPopup();
        }
      });
      list.appendChild(row);
    }
    list.setAttribute("data-as-of", day);
  }

  function setDay(iso) {
    const i = state.days.indexOf(iso);
    if (i < 0) return;
    $("day").value = String(i);
    showDay(i);
  }

  function initSlider(summary) {
    const first = summary.first_date, last = summary.last_date;
    if (!first || !last) return;
    const start = Date.parse(first + "T00:00:00Z"), end = Date.parse(last + "T00:00:00Z");
    for (let t = start; t <= end; t += DAY_MS) state.days.push(isoDay(t));
    const slider = $("day");
    slider.max = String(state.days.length - 1);
    slider.value = slider.max;
    let timer = null;
    slider.addEventListener("input", () => {
      $("day-label").textContent = longDay(state.days[Number(slider.value)]);
      clearTimeout(timer);
      timer = setTimeout(() => showDay(Number(slider.value)), 60);
    });
    const step = (d) => {
      const i = Math.min(Math.max(Number(slider.value) + d, 0), state.days.length - 1);
      slider.value = String(i);
      showDay(i);
    };
    $("day-prev").addEventListener("click", () => step(-1));
    $("day-next").addEventListener("click", () => step(1));
  }

  // -- the event list ----------------------------------------------------------

  function eventsURL() {
    const f = state.filters;
    const params = new URLSearchParams({ limit: String(PAGE) });
    for (const key of ["type", "actor", "since", "until", "place"]) if (f[key]) params.set(key, f[key]);
    return "/api/events?" + params.toString();
  }

  // One link per report (outlet and article), in the order they were published.
  function sourceLinks(mentions, fallback) {
    const box = el("span", { cls: "sources" });
    const seen = new Set();
    for (const m of mentions || []) {
      if (seen.has(m.article_id)) continue;
      seen.add(m.article_id);
      if (box.childNodes.length) box.appendChild(document.createTextNode(", "));
      box.appendChild(m.url ? safeLink(m.url, m.outlet || m.source) : dataText("span", m.outlet));
    }
    if (!seen.size) box.appendChild(dataText("span", (fallback || []).join(", ")));
    return box;
  }

  function actorsLine(e) {
    const names = [e.actor1, e.actor2].filter(Boolean);
    let text = names.join(" vs ") || "actors unknown";
    const assoc = (e.assoc_actors || []).filter(Boolean);
    if (assoc.length) text += " (with " + assoc.join(", ") + ")";
    return text;
  }

  function eventCard(e) {
    const li = el("li", {
      cls: "event",
      attrs: { "data-event-id": e.id, tabindex: "0", role: "button" },
    }, [
      el("div", { cls: "ev-head" }, [
        el("time", { text: e.date || "date unknown", attrs: { datetime: e.date } }),
        el("span", { cls: "status status-" + e.status, text: e.status }),
      ]),
      el("div", { cls: "ev-title" }, [
        dataText("span", e.sub_event_type),
        el("span", { text: " \u2013 " }),
        dataText("span", placeName(e.place), null, "place"),
      ]),
      dataText("div", actorsLine(e), null, "ev-actors"),
      el("div", { cls: "ev-sources" }, [el("span", { cls: "muted", text: "Sources: " }), sourceLinks(e.mentions, e.sources)]),
    ]);
    const open = (ev) => {
      if (ev.target.closest("a")) return;  // a source link opens the article, not the event
      window.location.hash = "event=" + e.id;
    };
    li.addEventListener("click", open);
    li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(ev); });
    return li;
  }

  async function loadEvents(append) {
    const url = append ? state.next : eventsURL();
    if (!url) return;
    let page;
    try {
      page = await getJSON(url);
    } catch (e) {
      notice("Events could not be loaded: " + e.message);
      return;
    }
    const list = $("events");
    if (!append) list.replaceChildren();
    for (const e of page.items) list.appendChild(eventCard(e));
    state.next = page.next;
    $("more").hidden = !page.next;
    const n = list.children.length;
    // the API adds a hint when the actor box names no known actor
    $("events-count").textContent = n ? n + (page.next ? "+" : "") + " events" : page.hint || "No events match.";
  }

  function setPlaceFilter(id, name) {
    state.filters.place = id ? String(id) : "";
    state.filters.placeName = name || "";
    $("f-place").hidden = !id;
    $("f-place-name").textContent = name ? "Place: " + name : "";
    showList();
    loadEvents(false);
  }

  function initFilters(summary) {
    const select = $("f-type");
    let group = null, current = null;
    for (const t of summary.event_types) {
      if (t.event_type !== current) {
        current = t.event_type;
        group = el("optgroup", { attrs: { label: t.event_type } });
        select.appendChild(group);
      }
      group.appendChild(el("option", { text: t.sub_event_type, attrs: { value: t.sub_event_type } }));
    }
    let timer = null;
    const changed = () => {
      state.filters.type = select.value;
      state.filters.actor = $("f-actor").value.trim();
      state.filters.since = $("f-since").value;
      state.filters.until = $("f-until").value;
      clearTimeout(timer);
      timer = setTimeout(() => loadEvents(false), 200);
    };
    for (const id of ["f-type", "f-actor", "f-since", "f-until"]) $(id).addEventListener("input", changed);
    $("filters").addEventListener("submit", (ev) => ev.preventDefault());
    $("f-place-clear").addEventListener("click", () => setPlaceFilter(null, null));
    $("more").addEventListener("click", () => loadEvents(true));
  }

  // -- one event and its roundup -------------------------------------------------

  // A ring around the place of the event being read.
  function highlight(place) {
    if (!state.map) return;
    if (state.ring) state.ring.remove();
    state.ring = null;
    if (!place || place.lat === undefined) return;
    state.ring = L.circleMarker([place.lat, place.lon], {
      radius: 17, color: "#1d5fa8", weight: 3, fill: false, interactive: false,
    }).addTo(state.map);
  }

  function showList() {
    highlight(null);
    $("event-view").hidden = true;
    $("events-view").hidden = false;
  }

  // "#event=ID" opens an event (a link to it can be shared); anything else shows the list.
  function route() {
    const m = /^#event=([0-9a-f]{4,32})$/.exec(window.location.hash);
    if (m) openEvent(m[1]);
    else showList();
  }

  function quoteBlock(q, lang) {
    const block = el("blockquote", { cls: "quote" });
    block.appendChild(dataText("p", q.text, lang));
    const who = [];
    if (q.speaker) who.push(q.speaker);
    if (q.status && q.status !== "occurred") who.push(q.status);
    if (q.reference) who.push("background");
    if (who.length) block.appendChild(dataText("footer", who.join(" \u00b7 ")));
    return block;
  }

  function outletBlock(o) {
    const box = el("section", { cls: "outlet", attrs: { "data-outlet": o.outlet } });
    box.appendChild(dataText("h3", o.outlet));
    if (o.cites && o.cites.length) {
      box.appendChild(dataText("p", "Cites: " + o.cites.join("; "), null, "muted"));
    }
    // Roundups list each outlet's reports; an outlet given flat (one report) works too.
    for (const r of o.reports || [o]) {
      const head = el("p", { cls: "report-head" });
      head.appendChild(safeLink(r.url, r.title || r.url || "article", r.language));
      const bits = [r.published || "undated"];
      if (r.via) bits.push("as reported by " + r.via);
      head.appendChild(el("span", { cls: "muted", text: " \u00b7 " + bits.join(" \u00b7 ") }));
      box.appendChild(head);
      for (const q of r.quotes || []) box.appendChild(quoteBlock(q, r.language));
    }
    return box;
  }

  function comparison(title, rows, render) {
    if (!rows || !rows.length) return null;
    const box = el("section", { cls: "compare" }, [el("h3", { text: title })]);
    const ul = el("ul");
    for (const row of rows) ul.appendChild(render(row));
    box.appendChild(ul);
    return box;
  }

  async function openEvent(id) {
    let r;
    try {
      r = await getJSON("/api/roundups/" + encodeURIComponent(id));
    } catch (e) {
      notice("The roundup could not be loaded: " + e.message);
      return;
    }
    const e = r.event;
    const box = $("event-detail");
    box.replaceChildren();
    box.setAttribute("data-event-id", e.id);
    box.appendChild(el("h2", {}, [
      dataText("span", e.sub_event_type),
      el("span", { text: " \u2013 " }),
      dataText("span", placeName(e.place)),
    ]));
    const facts = [e.date || "date unknown", e.status, e.event_type];
    if (e.fatalities !== null && e.fatalities !== undefined) facts.push(e.fatalities + " killed");
    box.appendChild(el("p", { cls: "muted", text: facts.join(" \u00b7 ") }));
    box.appendChild(dataText("p", actorsLine(e), null, "ev-actors"));
    if (e.date && state.days.includes(e.date)) {
      const show = el("button", { text: "Show control on " + e.date, attrs: { type: "button" } });
      show.addEventListener("click", () => {
        setDay(e.date);
        if (state.map && e.place) state.map.setView([e.place.lat, e.place.lon], Math.max(state.map.getZoom(), 7));
      });
      box.appendChild(show);
    }
    const n = r.outlets.length;
    box.appendChild(el("h2", { cls: "section", text: "What " + (n === 1 ? "one outlet" : n + " outlets") + " said" }));
    const outlets = el("div", { cls: "outlets" });
    for (const o of r.outlets) outlets.appendChild(outletBlock(o));
    box.appendChild(outlets);
    const agree = comparison("Where they agree", r.agreements, (a) =>
      dataText("li", a.field + ": " + a.value + " (" + (a.sources || []).join(", ") + ")"));
    const differ = comparison("Where they differ", r.differences, (d) => {
      const li = el("li", {}, [el("strong", { text: d.field + ": " })]);
      const vals = (d.values || []).map((v) => v.value + " (" + (v.sources || []).join(", ") + ")");
      li.appendChild(dataText("span", vals.join("; ")));
      return li;
    });
    if (agree) box.appendChild(agree);
    if (differ) box.appendChild(differ);
    box.appendChild(commentsSection("event", e.id));
    highlight(e.place);
    $("events-view").hidden = true;
    $("event-view").hidden = false;
    $("side").scrollTop = 0;
  }

  // -- reader comments -----------------------------------------------------------

  // One published comment. Persian is laid out right to left; other text takes the
  // direction of its first strong letter (dir="auto"). Text only, never markup.
  function commentItem(c) {
    const li = el("li", { cls: "comment", attrs: { "data-comment-id": c.id } });
    const head = el("p", { cls: "comment-head" });
    head.appendChild(dataText("span", c.author, null, "comment-author"));
    head.appendChild(el("span", { cls: "muted", text: " \u00b7 " + (c.created_at || "").slice(0, 16).replace("T", " ") }));
    li.appendChild(head);
    li.appendChild(dataText("p", c.text, c.language === "fa" ? "fa" : null, "comment-text"));
    return li;
  }

  async function loadComments(type, id, list) {
    list.removeAttribute("data-loaded");
    let data;
    try {
      data = await getJSON("/api/comments?limit=500&target_type=" + type + "&target_id=" + encodeURIComponent(id));
    } catch (e) {
      list.replaceChildren(el("li", { cls: "muted", text: "Comments could not be loaded: " + e.message }));
      return;
    }
    list.replaceChildren();
    for (const c of data.items) list.appendChild(commentItem(c));
    if (!data.items.length) list.appendChild(el("li", { cls: "muted no-comments", text: "No comments yet." }));
    list.setAttribute("data-count", String(data.items.length));
    list.setAttribute("data-loaded", "true");
  }

  const STATUS_WORDS = {
    published: "Published.",
    review: "Held for a moderator, who will publish it or not.",
    rejected: "Not published: this site's policy refuses it.",
  };

  // What the policy said about a posted comment: the status and each reason.
  function showVerdict(box, res) {
    box.replaceChildren();
    const b = res.body || {};
    if (res.status === 201) {
      box.setAttribute("data-status", b.status);
      box.appendChild(el("p", { cls: "verdict verdict-" + b.status, text: STATUS_WORDS[b.status] || b.status }));
      // a published comment's low-scoring notes are for moderators, not the commenter
      const shown = b.status === "published" ? [] : (b.reasons || []);
      if (shown.length) {
        const ul = el("ul", { cls: "reasons" });
        for (const r of shown) ul.appendChild(dataText("li", r.rule + ": " + r.detail));
        box.appendChild(ul);
      }
      return;
    }
    box.setAttribute("data-status", "error");
    let msg = (b && b.message) || "the server answered " + res.status;
    if (res.status === 429 && res.retryAfter) msg = "Too many comments: try again in " + res.retryAfter + " s.";
    box.appendChild(dataText("p", msg, null, "verdict verdict-error"));
  }

  function commentsSection(type, id) {
    const box = el("section", { cls: "comments", attrs: { id: "comments", "data-target-type": type, "data-target-id": id } });
    box.appendChild(el("h2", { cls: "section", text: "Readers' comments" }));
    const list = el("ol", { cls: "comment-list", attrs: { id: "comment-list" } });
    box.appendChild(list);
    const form = el("form", { cls: "comment-form", attrs: { id: "comment-form", autocomplete: "off" } });
    const author = el("input", { attrs: { id: "comment-author", name: "author", maxlength: "80", required: "", dir: "auto", placeholder: "Your name" } });
    const text = el("textarea", { attrs: { id: "comment-text", name: "text", maxlength: "4000", required: "", rows: "3", dir: "auto", placeholder: "Your comment" } });
    const send = el("button", { text: "Post comment", attrs: { type: "submit" } });
    const result = el("div", { cls: "comment-result", attrs: { id: "comment-result", role: "status" } });
    form.appendChild(el("label", { cls: "visually-hidden", text: "Name", attrs: { for: "comment-author" } }));
    form.appendChild(author);
    form.appendChild(el("label", { cls: "visually-hidden", text: "Comment", attrs: { for: "comment-text" } }));
    form.appendChild(text);
    form.appendChild(el("p", { cls: "muted policy", text: "No insults, no slander, no Persian in Latin letters (Finglish)." }));
    form.appendChild(send);
    form.appendChild(result);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      send.disabled = true;
      let res;
      try {
        res = await postJSON("/api/comments", {
          target_type: type, target_id: id, author: author.value, text: text.value,
        });
      } catch (e) {
        res = { status: 0, body: { message: "The comment could not be sent: " + e.message } };
      }
      send.disabled = false;
      showVerdict(result, res);
      if (res.status === 201) {
        text.value = "";
        if (res.body.status === "published") loadComments(type, id, list);
      }
    });
    box.appendChild(form);
    loadComments(type, id, list);
    return box;
  }

  // -- place search ------------------------------------------------------------

  function initSearch() {
    const hits = $("place-hits");
    $("place-search").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const q = $("place-q").value.trim();
      hits.replaceChildren();
      if (q.length < 2) { hits.hidden = true; return; }
      let data;
      try {
        data = await getJSON("/api/places?q=" + encodeURIComponent(q));
      } catch (e) {
        notice(e.message);
        return;
      }
      if (!data.items.length) hits.appendChild(el("li", { cls: "muted", text: "No place called " + q + " in these reports." }));
      for (const p of data.items) {
        const li = el("li", { attrs: { tabindex: "0", "data-place-id": p.geonames_id } }, [
          dataText("span", p.name),
          el("span", { cls: "muted", text: " " + [p.admin1, p.country].filter(Boolean).join(", ") + " \u00b7 " + p.n_events + " events" }),
        ]);
        li.addEventListener("click", () => {
          hits.hidden = true;
          if (state.map) state.map.setView([p.lat, p.lon], 8);
          setPlaceFilter(p.geonames_id, p.name);
        });
        hits.appendChild(li);
      }
      hits.hidden = false;
    });
  }

  // -- live: events that `sitrep follow` stores, pushed by /api/stream ----------

  function subscribe() {
    if (!window.EventSource) return;
    const fresh = new Set();   // event ids new since the page was opened
    let timer = null;
    const source = new EventSource("/api/stream");
    source.addEventListener("update", (ev) => {
      const data = JSON.parse(ev.data);
      for (const id of data.new_events || []) fresh.add(id);
      const marker = $("live");
      marker.textContent = fresh.size + " new since you opened the page";
      marker.hidden = fresh.size === 0;
      marker.title = "Events stored since you opened the page; click to show the latest";
      // a burst of updates refreshes the list and the map once
      clearTimeout(timer);
      timer = setTimeout(async () => {
        try {
          const summary = await getJSON("/api/summary");
          const slider = $("day");
          const atEnd = Number(slider.value) >= state.days.length - 1;
          const known = state.days[state.days.length - 1];
          if (summary.first_date && summary.last_date && state.days[0] === summary.first_date &&
              summary.last_date > known) {
            // new days after the last one: the slider grows, past days keep their index
            const end = Date.parse(summary.last_date + "T00:00:00Z");
            for (let t = Date.parse(known + "T00:00:00Z") + DAY_MS; t <= end; t += DAY_MS) {
              state.days.push(isoDay(t));
            }
            slider.max = String(state.days.length - 1);
            if (atEnd) slider.value = slider.max;
          }
          await Promise.all([showDay(Number(slider.value)), loadEvents(false)]);
        } catch (e) {
          notice("Live update failed: " + e.message);
        }
      }, 500);
    });
    source.addEventListener("alert", (ev) => {
      const a = JSON.parse(ev.data);
      const place = (a.place && a.place.name) || "a place";
      notice(a.kind === "control_change"
        ? "Alert (" + a.rule + "): " + place + " now held by " + a.controller +
          (a.previous ? " (was " + a.previous + ")" : "")
        : "Alert (" + a.rule + "): " + ((a.event && a.event.sub_event_type) || "new event") +
          " in " + place);
    });
    $("live").addEventListener("click", () => { showList(); window.location.hash = ""; });
  }

  // -- start -------------------------------------------------------------------

  async function start() {
    // show the list at once; the hashchange that follows finds it shown already
    $("back").addEventListener("click", () => { showList(); window.location.hash = ""; });
    window.addEventListener("hashchange", route);
    let summary;
    try {
      summary = await getJSON("/api/summary");
    } catch (e) {
      notice("The API did not answer: " + e.message);
      return;
    }
    if (mapAvailable(summary)) {
      await initMap();
    } else {
      $("map").hidden = true;
      document.body.classList.add("no-map");
      const missing = summary.missing_assets.length ? " (missing: " + summary.missing_assets.join(", ") + ")" : "";
      notice("The map library is not installed" + missing + ": run `make web-assets`, then reload. " +
        "Control, events and roundups below work without it.");
    }
    if (!summary.last_date) {
      notice("The database holds no events yet: run `sitrep ingest` (or `make run`).");
    }
    initSlider(summary);
    initFilters(summary);
    initSearch();
    await Promise.all([showDay(state.days.length - 1), loadEvents(false)]);
    if (state.map && state.markers.size) {
      const bounds = L.latLngBounds([...state.markers.values()].map((m) => m.getLatLng()));
      state.map.fitBounds(bounds.pad(0.2), { maxZoom: 7, animate: false });
    }
    if (window.location.hash) route();
    subscribe();
    document.body.setAttribute("data-ready", "true");
  }

  start();
})();

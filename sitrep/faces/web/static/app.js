// sitrep's page: a control map with a date slider and a timeline of events, the
// event list with its filters and exports, event roundups, and reader comments.
//
// Plain JavaScript, no build step. Every piece of text that comes from the data
// (article text, names, titles, readers' comments) goes into the page through
// textContent or DOM attributes, never innerHTML, so nothing in a report or a
// comment can run as markup.
//
// The view (day, filters, open event, map view, language) lives in the URL's
// fragment, e.g. #day=2017-11-12&actor=ISIS&event=3fa2c1&map=34.45,40.92,8&lang=fa,
// so a reload or a shared link shows the same thing.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const DAY_MS = 86400000;
  const PAGE = 100;
  const MAP_EVENTS = 1000;  // events drawn on the map at most (the API's largest page)
  const PLAY_MS = 700;

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
  // The six ACLED event types, each with its colour on the map and the timeline.
  const TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#d4ac0d",
    "Strategic developments": "#16a085",
  };

  // The interface's words in English and Persian; the data's own text is never translated.
  const WORDS = {
    en: {
      tagline: "who held what, what happened, and who said so",
      findPlace: "Find a place", findPlaceHint: "Find a place (any spelling)", find: "Find",
      loading: "Loading…", play: "Play", pause: "Pause", heldBy: "Held by, on",
      eventTypes: "Events, by type", places: "Places", type: "Type", any: "any", actor: "Actor",
      actorHint: "e.g. ISIS, Daesh, Syrian army", from: "From", to: "To",
      exportThese: "Export these events:", more: "More events", back: "\u2190 All events",
      event: "event", events: "events", place: "Place: ",
      noMatch: "No events match these filters.",
      dataRange: (a, b, n) => "The data covers " + a + " to " + b + " (" + n + (n === 1 ? " article" : " articles") + ").",
      noData: "The database holds no events yet: run `sitrep ingest` (or `make run`).",
      shortQuery: "Type at least 2 letters: one letter matches too many places to list.",
      noPlace: (q) => "No place called " + q + " in these reports.",
      sources: "Sources: ", dateUnknown: "date unknown", unknownPlace: "unknown place",
      actorsUnknown: "actors unknown", with: "with", killed: "killed",
      outletsSaid: (n) => "What " + (n === 1 ? "one outlet" : n + " outlets") + " said",
      agree: "Where they agree", differ: "Where they differ", openEvent: "Read the reports",
      eventsHere: "Events here", heldByX: "Held by ", since: "since ", sinceUnknown: "since an unknown date",
      disputed: " (disputed)", accordingTo: "According to ", noControl: "no control reported yet",
      allOfType: (t) => "all: " + t, onMap: (n, m) => n + " on the map (the first " + m + ")",
      cites: "Cites: ", article: "article", undated: "undated", via: "as reported by ",
      statuses: { occurred: "occurred", claimed: "claimed", denied: "denied", expected: "expected", background: "background", recalled: "recalled" },
      said: "Words in the reports", saidHint: "e.g. airstrike, hospital, داعش", source: "Outlet",
      sourceHint: "e.g. Reuters, Tasnim", status: "Status", statusDefault: "reported (occurred, claimed, denied)",
      statusAll: "all, with expected, background and recalled", onlyStatus: (w) => "only " + w, country: "Country",
      sort: "Order", oldest: "oldest first", newest: "newest first",
      confidence: (p) => "confidence " + p + "%",
      confidenceWhy: "How sure sitrep is of this reading (0–100%): higher when more independent outlets report it the same way.",
      nComments: (n) => n === 1 ? "1 comment" : n + " comments",
      tooLong: (n, max) => "Your comment is " + n + " characters long; the limit is " + max + ". Shorten it by " + (n - max) + " to post it.",
      charsLeft: (n, max) => n + " / " + max,
      flagOpen: "Flag this event as wrong", flagWhat: "What is wrong?", flagNote: "What should it say? (optional)",
      flagSend: "Send the flag", flagCancel: "Cancel", flagNoteDefault: "Flagged from the event page.",
      flagReasons: {
        place: "the place", date: "the date", actors: "the actors", type: "the type of event",
        fatalities: "the number killed", "not-an-event": "it is not an event", duplicate: "it duplicates another event",
        other: "something else",
      },
      flagSent: "Thank you: an editor will check this event.",
    },
    fa: {
      tagline: "چه کسی کجا را در دست داشت، چه رخ داد و چه کسی گفت",
      findPlace: "یافتن مکان", findPlaceHint: "یافتن مکان (با هر املایی)", find: "بیاب",
      loading: "در حال بارگیری…", play: "پخش", pause: "توقف", heldBy: "در دست چه کسی، در",
      eventTypes: "رویدادها بر پایهٔ نوع", places: "مکان‌ها", type: "نوع", any: "همه", actor: "بازیگر",
      actorHint: "مثلاً داعش، ارتش سوریه", from: "از", to: "تا",
      exportThese: "خروجی این رویدادها:", more: "رویدادهای بیشتر", back: "\u2192 همهٔ رویدادها",
      event: "رویداد", events: "رویداد", place: "مکان: ",
      noMatch: "هیچ رویدادی با این فیلترها یافت نشد.",
      dataRange: (a, b, n) => "داده‌ها از " + a + " تا " + b + " است (" + n + " مقاله).",
      noData: "هنوز رویدادی در پایگاه داده نیست: `sitrep ingest` را اجرا کنید.",
      shortQuery: "دست‌کم ۲ حرف بنویسید: یک حرف با مکان‌های بسیار زیادی جور درمی‌آید.",
      noPlace: (q) => "مکانی به نام " + q + " در این گزارش‌ها نیست.",
      sources: "منابع: ", dateUnknown: "تاریخ نامعلوم", unknownPlace: "مکان نامعلوم",
      actorsUnknown: "بازیگران نامعلوم", with: "همراه با", killed: "کشته",
      outletsSaid: (n) => "آنچه " + n + " رسانه گفتند",
      agree: "جایی که هم‌نظرند", differ: "جایی که اختلاف دارند", openEvent: "خواندن گزارش‌ها",
      eventsHere: "رویدادهای اینجا", heldByX: "در دست ", since: "از ", sinceUnknown: "از تاریخی نامعلوم",
      disputed: " (مورد مناقشه)", accordingTo: "به گفتهٔ ", noControl: "هنوز گزارشی از کنترل نیست",
      allOfType: (t) => "همه: " + t, onMap: (n, m) => n + " روی نقشه (" + m + " نخست)",
      cites: "به نقل از: ", article: "مقاله", undated: "بی‌تاریخ", via: "به گزارش ",
      statuses: { occurred: "رخ داده", claimed: "ادعا شده", denied: "تکذیب شده", expected: "پیش‌بینی شده", background: "پیشینه", recalled: "یادآوری‌شده" },
      said: "واژه‌هایی در گزارش‌ها", saidHint: "مثلاً حمله هوایی، بیمارستان، داعش", source: "رسانه",
      sourceHint: "مثلاً رویترز، تسنیم", status: "وضعیت", statusDefault: "گزارش‌شده (رخ داده، ادعا شده، تکذیب شده)",
      statusAll: "همه، با پیش‌بینی شده، پیشینه و یادآوری‌شده", onlyStatus: (w) => "فقط " + w, country: "کشور",
      sort: "ترتیب", oldest: "قدیمی‌ترین نخست", newest: "تازه‌ترین نخست",
      confidence: (p) => "اطمینان " + p + "٪",
      confidenceWhy: "sitrep چقدر از این برداشت مطمئن است (۰ تا ۱۰۰٪): هرچه رسانه‌های مستقل بیشتری آن را یکسان گزارش کنند، بیشتر.",
      nComments: (n) => n + " دیدگاه",
      tooLong: (n, max) => "دیدگاه شما " + n + " نویسه است؛ حداکثر " + max + " است. برای فرستادن، " + (n - max) + " نویسه کوتاهش کنید.",
      charsLeft: (n, max) => n + " / " + max,
      flagOpen: "گزارش نادرستی این رویداد", flagWhat: "چه چیزی نادرست است؟", flagNote: "درستش چیست؟ (اختیاری)",
      flagSend: "فرستادن", flagCancel: "انصراف", flagNoteDefault: "از صفحهٔ رویداد گزارش شد.",
      flagReasons: {
        place: "مکان", date: "تاریخ", actors: "بازیگران", type: "نوع رویداد", fatalities: "شمار کشته‌ها",
        "not-an-event": "این رویداد نیست", duplicate: "تکرار رویدادی دیگر است", other: "چیزی دیگر",
      },
      flagSent: "سپاس: یک ویراستار این رویداد را بررسی می‌کند.",
    },
  };

  const state = {
    lang: "en",
    summary: null,
    days: [],            // ISO dates the slider walks through
    dayChosen: false,    // the reader moved the slider (the URL then names the day)
    markers: new Map(),  // place id -> Leaflet circle marker
    map: null,
    ring: null,          // highlight of the open event's place
    eventLayer: null,    // event markers (clustered when the plugin is there)
    eventMarkers: [],    // [{marker, item}] for the events drawn on the map
    filters: { type: "", actor: "", since: "", until: "", place: "", placeName: "", text: "", source: "", status: "", country: "", sort: "" },
    next: null,          // URL of the next page of events
    controlRequest: 0,   // drops answers to slider positions already left
    mapRequest: 0,
    timelineRequest: 0,
    mapMoved: false,     // the reader moved the map (the URL then names the view)
    listRequest: 0,      // drops answers to filters already changed
    eventId: null,       // the event open in the side panel
    shownEvent: null,
    counts: [],          // /api/timeline items
    playing: null,       // the play button's timer
    ready: false,
    busy: 0,
    notices: new Map(),  // what the banner says, by the part of the page that said it
  };

  const t = (key) => WORDS[state.lang][key] !== undefined ? WORDS[state.lang][key] : WORDS.en[key];
  // The filters the URL, the list, the map and the exports share (place also has its name).
  const FILTER_KEYS = ["type", "actor", "since", "until", "place", "text", "source", "status", "country", "sort"];
  // The comment box's limit (the API's too: longer comments are refused, never cut).
  const MAX_COMMENT = 4000;

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

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
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

  // A link only when the URL is http(s): a "javascript:" URL in the data stays plain
  // text, and a report without a URL is plain text too (not a link to "/null").
  function safeLink(url, text, lang) {
    let ok = false;
    if (url) {
      try {
        const u = new URL(url, window.location.href);
        ok = u.protocol === "http:" || u.protocol === "https:";
      } catch (e) {
        ok = false;
      }
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

  function typeColour(type) {
    return TYPE_COLOURS[type] || colourOf(type);
  }

  // "1 event", "2 events" (Persian nouns stay singular after a number).
  function nEvents(n) {
    return n + " " + (n === 1 ? t("event") : t("events"));
  }

  // The banner: each part of the page sets or clears its own message, so an error
  // goes away as soon as the part that had it works again.
  function notice(key, message) {
    if (message) state.notices.set(key, message);
    else state.notices.delete(key);
    const box = $("notice");
    box.replaceChildren();
    for (const [k, m] of state.notices) box.appendChild(el("div", { text: m, attrs: { "data-key": k } }));
    box.hidden = state.notices.size === 0;
  }

  function busy(delta) {
    state.busy = Math.max(0, state.busy + delta);
    $("loading").hidden = state.busy === 0;
    document.body.setAttribute("aria-busy", state.busy ? "true" : "false");
  }

  async function getJSON(url) {
    busy(1);
    try {
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
    } finally {
      busy(-1);
    }
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

  function shortDay(iso) {
    return new Date(iso + "T00:00:00Z").toLocaleDateString("en-GB", {
      day: "numeric", month: "short", year: "numeric", timeZone: "UTC",
    });
  }

  // The same day in the Iranian (Jalali) calendar, in Persian: "۲۱ آبان ۱۳۹۶".
  function jalali(iso) {
    try {
      return new Intl.DateTimeFormat("fa-IR-u-ca-persian", {
        day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
      }).format(new Date(iso + "T00:00:00Z"));
    } catch (e) {
      return "";
    }
  }

  // A date element: Gregorian, with the Jalali date beside it in the Persian interface.
  function dateNode(iso) {
    const node = el("time", { text: iso || t("dateUnknown"), attrs: { datetime: iso } });
    if (iso && state.lang === "fa") {
      const box = el("span", { cls: "dates" }, [node]);
      box.appendChild(el("span", { cls: "jalali", text: " " + jalali(iso), attrs: { lang: "fa" } }));
      return box;
    }
    return node;
  }

  function placeName(place) {
    return place ? place.name : t("unknownPlace");
  }

  function statusWord(status) {
    return (t("statuses") || {})[status] || status;
  }

  // -- the view in the URL -----------------------------------------------------

  function readURL() {
    return new URLSearchParams(window.location.hash.replace(/^#/, ""));
  }

  function currentDay() {
    return state.days[Number($("day").value)];
  }

  // Write the view into the fragment: a new history entry when an event opens or
  // closes (Back returns), the same entry for slider, filter and map moves.
  function writeURL(push) {
    if (!state.ready) return;
    const p = new URLSearchParams();
    if (state.dayChosen && currentDay()) p.set("day", currentDay());
    const f = state.filters;
    for (const key of FILTER_KEYS) if (f[key]) p.set(key, f[key]);
    if (f.place && f.placeName) p.set("pname", f.placeName);
    if (state.eventId) p.set("event", state.eventId);
    if (state.map && state.mapMoved) {
      const c = state.map.getCenter();
      p.set("map", c.lat.toFixed(3) + "," + c.lng.toFixed(3) + "," + state.map.getZoom());
    }
    if (state.lang !== "en") p.set("lang", state.lang);
    const hash = p.toString();
    const url = window.location.pathname + window.location.search + (hash ? "#" + hash : "");
    if (url === window.location.pathname + window.location.search + window.location.hash) return;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }

  // Show what the URL asks for (at start, on Back/Forward, or on a pasted link).
  async function route() {
    const p = readURL();
    const lang = p.get("lang") === "fa" ? "fa" : "en";
    if (lang !== state.lang) setLang(lang, false);
    const f = state.filters;
    const wanted = { placeName: p.get("pname") || "" };
    for (const key of FILTER_KEYS) wanted[key] = p.get(key) || "";
    let changed = false;
    for (const key of Object.keys(wanted)) {
      if (f[key] !== wanted[key]) { f[key] = wanted[key]; changed = true; }
    }
    if (changed) {
      showFilters();
      reloadEvents();
    }
    const day = p.get("day");
    if (day && state.days.includes(day) && day !== currentDay()) {
      state.dayChosen = true;
      setDay(day);
    }
    const view = /^(-?[\d.]+),(-?[\d.]+),([\d.]+)$/.exec(p.get("map") || "");
    if (view && state.map) {
      state.mapMoved = true;
      state.map.setView([Number(view[1]), Number(view[2])], Number(view[3]), { animate: false });
    }
    const id = p.get("event");
    if (id && /^[0-9a-f]{4,32}$/.test(id)) {
      state.eventId = id;
      if (state.shownEvent !== id && state.opening !== id) await openEvent(id, !view);
    } else {
      state.eventId = null;
      showList();
    }
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
    map.attributionControl.addAttribution("Water: \u00a9 OpenStreetMap contributors (ODbL, geo-maps)");
    map.attributionControl.addAttribution("Towns: GeoNames (CC BY)");
    map.setView([34.8, 40.5], 6);
    state.map = map;
    // Control dots lie above the borders and under the event markers (which sit just
    // above their place, so both show); labels and popups stay on top.
    map.createPane("control").style.zIndex = 450;
    // Water over the land (the borders' fill, overlayPane 400), town names over both.
    map.createPane("water").style.zIndex = 410;
    map.createPane("labels").style.zIndex = 420;
    map.getPane("labels").style.pointerEvents = "none";
    state.eventLayer = typeof L.markerClusterGroup === "function"
      ? L.markerClusterGroup({
        maxClusterRadius: 36, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
        iconCreateFunction: clusterIcon,
      })
      : L.layerGroup();
    state.eventLayer.addTo(map);
    map.on("moveend", () => {
      if (!state.ready || state.fitting) return;
      state.mapMoved = true;
      writeURL(false);
    });
    try {
      const topo = await getJSON("/static/vendor/countries-50m.json");
      const countries = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(countries, {
        style: { color: "#9a958a", weight: 0.8, fillColor: "#f3efe6", fillOpacity: 1 },
        interactive: false,
      }).addTo(map);
    } catch (e) {
      notice("borders", "Country borders could not be loaded: " + e.message);
    }
  }

  // The basemap's own fetches leave the loading indicator alone: it tells of the
  // events and roundups the reader asked for, not of rivers arriving in the background.
  async function fetchQuietly(url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await res.json().catch(() => null);
    if (!res.ok) throw new Error((body && body.message) || res.status + " " + res.statusText);
    return body;
  }

  const WATER = "#9cc3e0";

  // A ring as `make web-assets` wrote it (sitrep/faces/web/basemap.py `encode`): the
  // first point, then steps, in 1/scale degrees, longitude before latitude.
  function waterRing(flat, scale) {
    const ring = [];
    let x = 0;
    let y = 0;
    for (let i = 0; i + 1 < flat.length; i += 2) {
      x += flat[i];
      y += flat[i + 1];
      ring.push([y / scale, x / scale]);
    }
    return ring;
  }

  function addWater(map, renderer, data, scale) {
    for (const kind of ["river", "lake"]) {
      const polygons = (data[kind] || []).map((rings) => rings.map((r) => waterRing(r, scale)));
      if (!polygons.length) continue;
      // A river polygon is often narrower than a pixel: its outline keeps it visible.
      L.polygon(polygons, {
        renderer, pane: "water", interactive: false, color: WATER, fillColor: WATER,
        fillOpacity: 1, weight: kind === "river" ? 1.4 : 0.5,
      }).addTo(map);
      state.waterPolygons[kind] += polygons.length;
    }
  }

  // Rivers and lakes: the world tier at once, then the detail cells of the view from
  // zoom `detail_zoom` on (each cell once). Drawn on one canvas: thousands of small
  // polygons would be as many SVG elements.
  async function loadWater(map) {
    const renderer = L.canvas({ pane: "water", padding: 0.3 });
    state.waterPolygons = { river: 0, lake: 0 };
    let world;
    try {
      world = await fetchQuietly("/static/vendor/water.json");
    } catch (e) {
      notice("water", "Rivers and lakes could not be loaded (run `make web-assets`): " + e.message);
      return;
    }
    addWater(map, renderer, world, world.scale);
    const cells = new Set(world.cells);
    const loaded = new Set();
    const mapEl = map.getContainer();
    mapEl.dataset.water = "world";
    // one cell at a time: the water never takes more than one of the browser's
    // connections from the events, roundups and the live stream
    const queue = [];
    let pumping = false;
    const pump = async () => {
      if (pumping) return;
      pumping = true;
      while (queue.length) {
        const key = queue.shift();
        try {
          addWater(map, renderer, await fetchQuietly("/static/vendor/water/" + key + ".json"), world.scale);
          mapEl.dataset.water += " " + key;
        } catch (e) {
          loaded.delete(key); // asked again when the map next moves here
        }
      }
      pumping = false;
    };
    const loadCells = () => {
      if (map.getZoom() < world.detail_zoom) return;
      const b = map.getBounds();
      const c = world.cell;
      const cell = (v) => Math.floor(v / c);
      // a polygon is filed under the cell of its middle: a neighbour's may reach in
      for (let x = cell(b.getWest()) - 1; x <= cell(b.getEast()) + 1; x++) {
        for (let y = cell(b.getSouth()) - 1; y <= cell(b.getNorth()) + 1; y++) {
          const key = x + "_" + y;
          if (!cells.has(key) || loaded.has(key)) continue;
          loaded.add(key);
          queue.push(key);
        }
      }
      pump();
    };
    map.on("moveend", loadCells);
    loadCells();
  }

  // Town names from the gazetteer for the box shown (/api/labels): capitals and big
  // cities zoomed out, smaller towns zoomed in; the server leaves out overlapping ones.
  function loadLabels(map) {
    const layer = L.layerGroup().addTo(map);
    let asked = "";
    let timer = null;
    const refresh = async () => {
      const b = map.getBounds();
      const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(3);
      const zoom = Math.round(map.getZoom());
      const q = new URLSearchParams({
        west: clamp(b.getWest(), 180), south: clamp(b.getSouth(), 90),
        east: clamp(b.getEast(), 180), north: clamp(b.getNorth(), 90), zoom: String(zoom),
      }).toString();
      if (q === asked) return;
      asked = q;
      let data;
      try {
        data = await fetchQuietly("/api/labels?" + q);
      } catch (e) {
        notice("labels", "Town names could not be loaded: " + e.message);
        return;
      }
      notice("labels", null);
      if (q !== asked) return; // the map moved on while this was asked
      layer.clearLayers();
      for (const item of data.items) {
        // a place with a control dot has its name beside the dot already
        if (state.markers.has(item.geonames_id)) continue;
        const size = item.capital ? "capital" : item.population >= 1000000 ? "city" : "town";
        const label = el("span", { cls: "town-label " + size }, [
          el("span", { cls: "town-dot" }), el("span", { text: item.name }),
        ]);
        label.dataset.population = String(item.population);
        L.marker([item.lat, item.lon], {
          pane: "labels", interactive: false, keyboard: false,
          icon: L.divIcon({ className: "town-label-icon", html: label, iconSize: null }),
        }).addTo(layer);
      }
    };
    map.on("moveend", () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 150);
    });
    refresh();
  }

  // Popups keep clear of the map's edges (and so of the header above the map).
  const POPUP = { autoPanPaddingTopLeft: [30, 40], autoPanPaddingBottomRight: [30, 30], maxWidth: 300 };

  function markerStyle(item) {
    return {
      pane: "control",
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
    box.appendChild(el("div", { text: t("heldByX") + item.controller }));
    const since = item.since ? t("since") + item.since : t("sinceUnknown");
    box.appendChild(el("div", { cls: "muted", text: since + (item.disputed ? t("disputed") : "") }));
    if (item.sources.length) {
      box.appendChild(el("div", { cls: "muted", text: t("accordingTo") + item.sources.join(", ") }));
    }
    const timeline = el("ol", { cls: "timeline" });
    box.appendChild(timeline);
    const events = el("button", { text: t("eventsHere"), attrs: { type: "button" } });
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
      m.bindPopup(() => popupFor(item), POPUP);
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

  // -- events on the map ---------------------------------------------------------

  // A cluster: its count on the colour of the type most of its events have.
  function clusterIcon(cluster) {
    const counts = new Map();
    for (const m of cluster.getAllChildMarkers()) {
      const type = m.options.eventType;
      counts.set(type, (counts.get(type) || 0) + 1);
    }
    const top = [...counts].sort((a, b) => b[1] - a[1])[0];
    const n = cluster.getChildCount();
    const node = el("span", {
      cls: "ev-cluster", text: String(n),
      attrs: { style: "background:" + typeColour(top ? top[0] : ""), "data-count": n },
    });
    // above the place, so the control dot at the place stays visible
    return L.divIcon({ html: node, className: "ev-cluster-icon", iconSize: [28, 28], iconAnchor: [14, 36] });
  }

  // One event: a dot in its type's colour; its status drawn in the outline
  // (solid: occurred, dashed: claimed, hollow: denied, dotted: expected).
  function eventIcon(e) {
    const node = el("span", {
      cls: "ev-dot status-" + e.status,
      attrs: {
        style: "--c:" + typeColour(e.event_type),
        "data-event-id": e.id, "data-type": e.event_type, "data-status": e.status,
        "data-date": e.date || "",
      },
    });
    return L.divIcon({ html: node, className: "ev-icon", iconSize: [16, 16], iconAnchor: [8, 22] });
  }

  function eventPopup(e) {
    const box = el("div", { cls: "popup ev-popup", attrs: { "data-event-id": e.id } });
    box.appendChild(el("div", { cls: "ev-popup-title" }, [
      dataText("strong", e.sub_event_type), el("span", { text: " \u2013 " }), dataText("span", placeName(e.place)),
    ]));
    box.appendChild(el("div", { cls: "muted" }, [dateNode(e.date), el("span", { text: " \u00b7 " + statusWord(e.status) })]));
    box.appendChild(dataText("div", actorsLine(e)));
    const open = el("button", { text: t("openEvent"), attrs: { type: "button" } });
    open.addEventListener("click", () => selectEvent(e.id));
    box.appendChild(open);
    return box;
  }

  async function loadMapEvents() {
    if (!state.map) return;
    const ticket = ++state.mapRequest;
    let page;
    try {
      page = await getJSON(eventsURL(MAP_EVENTS));
    } catch (e) {
      notice("map-events", "Events could not be drawn on the map: " + e.message);
      return;
    }
    if (ticket !== state.mapRequest) return;
    notice("map-events", "");
    state.eventLayer.clearLayers();
    state.eventMarkers = [];
    for (const e of page.items) {
      if (!e.place || e.place.lat === null || e.place.lat === undefined) continue;
      const m = L.marker([e.place.lat, e.place.lon], {
        icon: eventIcon(e), eventType: e.event_type, title: e.sub_event_type + " \u2013 " + e.place.name,
        keyboard: false,
      });
      m.bindPopup(() => eventPopup(e), POPUP);
      state.eventMarkers.push({ marker: m, item: e });
    }
    state.mapCapped = page.next ? page.items.length : 0;
    showEventMarkers();
  }

  // The map shows the events up to the slider's day: moving the slider (or playing it)
  // replays them; the week before the day is bright, older events fade.
  function showEventMarkers() {
    if (!state.eventLayer) return;
    const day = currentDay() || "9999-12-31";
    const weekAgo = isoDay(Date.parse(day + "T00:00:00Z") - 6 * DAY_MS);
    const shown = [];
    for (const { marker, item } of state.eventMarkers) {
      if (item.date && item.date > day) continue;
      const recent = !item.date || item.date >= weekAgo;
      marker.setOpacity(recent ? 1 : 0.6);
      marker.setZIndexOffset(recent ? 100 : 0);
      shown.push(marker);
    }
    state.eventLayer.clearLayers();
    if (state.eventLayer.addLayers) state.eventLayer.addLayers(shown);
    else for (const m of shown) state.eventLayer.addLayer(m);
    $("map").setAttribute("data-events-shown", String(shown.length));
  }

  function typeLegend() {
    const ul = $("type-legend");
    ul.replaceChildren();
    const types = [...new Set((state.summary.event_types || []).map((x) => x.event_type))];
    for (const type of types) {
      ul.appendChild(el("li", { attrs: { "data-type": type } }, [
        el("span", { cls: "swatch", attrs: { style: "background:" + typeColour(type) } }),
        dataText("span", type),
      ]));
    }
    const statuses = el("li", { cls: "status-key muted" });
    for (const s of ["occurred", "claimed", "denied"]) {
      statuses.appendChild(el("span", { cls: "ev-dot ev-key status-" + s, attrs: { style: "--c:#66707a" } }));
      statuses.appendChild(el("span", { text: statusWord(s) + "  " }));
    }
    ul.appendChild(statuses);
  }

  // -- control on a day: markers, legend, list ---------------------------------

  async function showDay(index) {
    const day = state.days[index];
    if (!day) return;
    $("day-label").textContent = longDay(day);
    $("day-jalali").textContent = jalali(day);
    $("legend-day").textContent = day;
    showEventMarkers();
    drawCursor();
    writeURL(false);
    const ticket = ++state.controlRequest;
    let data;
    try {
      data = await getJSON("/api/control?as_of=" + day);
    } catch (e) {
      notice("control", "Control could not be loaded: " + e.message);
      return;
    }
    if (ticket !== state.controlRequest) return;  // the slider has moved on
    notice("control", "");
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
    if (!counts.size) legend.appendChild(el("li", { cls: "muted", text: t("noControl") }));

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
        el("span", { cls: "muted" }, [
          item.since ? el("span", { text: " " + t("since") }) : null,
          // a date keeps its own order inside Persian text
          item.since ? el("span", { text: item.since, attrs: { dir: "ltr" } }) : null,
          item.disputed ? el("span", { text: t("disputed") }) : null,
        ]),
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
    for (let ms = start; ms <= end; ms += DAY_MS) state.days.push(isoDay(ms));
    const slider = $("day");
    slider.max = String(state.days.length - 1);
    slider.value = slider.max;
    let timer = null;
    slider.addEventListener("input", () => {
      state.dayChosen = true;
      $("day-label").textContent = longDay(state.days[Number(slider.value)]);
      clearTimeout(timer);
      timer = setTimeout(() => showDay(Number(slider.value)), 60);
    });
    const step = (d) => {
      state.dayChosen = true;
      const i = Math.min(Math.max(Number(slider.value) + d, 0), state.days.length - 1);
      slider.value = String(i);
      showDay(i);
    };
    $("day-prev").addEventListener("click", () => step(-1));
    $("day-next").addEventListener("click", () => step(1));
    $("play").addEventListener("click", () => (state.playing ? stopPlaying() : play()));
    $("data-range").textContent = t("dataRange")(shortDay(first), shortDay(last), summary.articles);
  }

  // Play: one day after another from the slider's day (from the first when at the end).
  function play() {
    const slider = $("day");
    if (Number(slider.value) >= state.days.length - 1) slider.value = "0";
    state.dayChosen = true;
    showDay(Number(slider.value));
    $("play").textContent = "\u275a\u275a";
    $("play").setAttribute("aria-label", t("pause"));
    $("play").setAttribute("aria-pressed", "true");
    state.playing = setInterval(() => {
      const i = Number(slider.value) + 1;
      if (i >= state.days.length) { stopPlaying(); return; }
      slider.value = String(i);
      showDay(i);
      if (i >= state.days.length - 1) stopPlaying();
    }, PLAY_MS);
  }

  function stopPlaying() {
    clearInterval(state.playing);
    state.playing = null;
    $("play").textContent = "\u25b6\ufe0e";
    $("play").setAttribute("aria-label", t("play"));
    $("play").setAttribute("aria-pressed", "false");
  }

  // -- the timeline: events per day, stacked by type, under the slider ------------

  // Slider thumbs travel the track less half a thumb at each end; the bars follow.
  const THUMB = 8;

  function timelineURL() {
    // the whole range of the data, whatever the From/To boxes say (they shade it)
    const f = state.filters;
    const params = new URLSearchParams();
    for (const key of ["type", "actor", "place", "text", "source", "status", "country"]) if (f[key]) params.set(key, f[key]);
    return "/api/timeline?" + params.toString();
  }

  async function loadTimeline() {
    const ticket = ++state.timelineRequest;
    let data;
    try {
      data = await getJSON(timelineURL());
    } catch (e) {
      notice("timeline", "The timeline could not be loaded: " + e.message);
      return;
    }
    if (ticket !== state.timelineRequest) return;
    notice("timeline", "");
    state.counts = data.items;
    drawTimeline();
  }

  function dayX(i, width) {
    const n = state.days.length;
    return n <= 1 ? width / 2 : THUMB + (i * (width - 2 * THUMB)) / (n - 1);
  }

  function drawTimeline() {
    const box = $("timeline");
    const width = box.clientWidth || box.getBoundingClientRect().width;
    const height = 58, axis = 14, top = 2;
    box.replaceChildren();
    const n = state.days.length;
    if (!n || !width) return;
    box.setAttribute("viewBox", "0 0 " + width + " " + height);
    const index = new Map(state.days.map((d, i) => [d, i]));
    const perDay = new Map();
    for (const c of state.counts) {
      if (!index.has(c.date)) continue;
      if (!perDay.has(c.date)) perDay.set(c.date, []);
      perDay.get(c.date).push(c);
    }
    let most = 1;
    for (const list of perDay.values()) most = Math.max(most, list.reduce((s, c) => s + c.n, 0));
    const unit = (height - axis - top) / most;
    const bar = Math.max(2, Math.min(14, ((width - 2 * THUMB) / Math.max(n, 1)) * 0.7));
    // the From/To window, shaded
    const f = state.filters;
    if (f.since || f.until) {
      const a = f.since && index.has(f.since) ? index.get(f.since) : 0;
      const b = f.until && index.has(f.until) ? index.get(f.until) : n - 1;
      box.appendChild(svg("rect", {
        class: "window", x: dayX(a, width) - bar / 2, y: 0,
        width: Math.max(bar, dayX(b, width) - dayX(a, width) + bar), height: height - axis,
      }));
    }
    const types = Object.keys(TYPE_COLOURS);
    for (const [day, list] of perDay) {
      const x = dayX(index.get(day), width) - bar / 2;
      let y = height - axis;
      list.sort((p, q) => types.indexOf(p.event_type) - types.indexOf(q.event_type));
      const g = svg("g", { class: "day", "data-day": day });
      for (const c of list) {
        const h = c.n * unit;
        y -= h;
        const r = svg("rect", {
          x: x, y: y, width: bar, height: Math.max(h, 1), fill: typeColour(c.event_type),
          "data-type": c.event_type, "data-n": c.n,
        });
        r.appendChild(svg("title", {}, day + ": " + c.n + " \u00d7 " + c.event_type));
        g.appendChild(r);
      }
      g.addEventListener("click", () => { state.dayChosen = true; setDay(day); });
      box.appendChild(g);
    }
    // date ticks: about one every 90 px, on round days
    box.appendChild(svg("line", { class: "axis", x1: 0, x2: width, y1: height - axis + 0.5, y2: height - axis + 0.5 }));
    const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(width / 90))));
    const steps = [1, 2, 7, 14, 30, 61, 91, 182, 365];
    const step = steps.find((s) => s >= every) || every;
    for (let i = 0; i < n; i += step) {
      const x = dayX(i, width);
      box.appendChild(svg("line", { class: "tick", x1: x, x2: x, y1: height - axis, y2: height - axis + 3 }));
      const label = new Date(state.days[i] + "T00:00:00Z").toLocaleDateString("en-GB", {
        day: "numeric", month: "short", timeZone: "UTC",
      });
      box.appendChild(svg("text", {
        class: "tick-label", x: x, y: height - 2, "text-anchor": i === 0 ? "start" : "middle",
        "data-day": state.days[i],
      }, label));
    }
    box.appendChild(svg("line", { id: "timeline-cursor", class: "cursor", x1: 0, x2: 0, y1: 0, y2: height - axis }));
    box.setAttribute("data-days", String(perDay.size));
    drawCursor();
  }

  function drawCursor() {
    const line = document.getElementById("timeline-cursor");
    if (!line) return;
    const width = $("timeline").clientWidth;
    const x = dayX(Number($("day").value), width);
    line.setAttribute("x1", x);
    line.setAttribute("x2", x);
  }

  // -- the event list ----------------------------------------------------------

  function filterParams() {
    const f = state.filters;
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) if (f[key]) params.set(key, f[key]);
    return params;
  }

  function eventsURL(limit) {
    const params = filterParams();
    params.set("limit", String(limit || PAGE));
    return "/api/events?" + params.toString();
  }

  // The export links give what `sitrep export --format X` gives for the same filters.
  function exportLinks() {
    for (const fmt of ["acled-csv", "geojson", "jsonl"]) {
      const params = filterParams();
      params.set("format", fmt);
      $("x-" + fmt).setAttribute("href", "/api/export?" + params.toString());
    }
  }

  // One link per outlet, in the order they reported: an outlet's later reports of the
  // same event add a count, not another copy of its name.
  function sourceLinks(mentions, fallback) {
    const box = el("span", { cls: "sources" });
    const outlets = new Map();
    for (const m of mentions || []) {
      const name = m.outlet || m.source;
      if (!name) continue;
      const o = outlets.get(name);
      if (o) {
        if (!o.articles.has(m.article_id)) o.articles.add(m.article_id);
        if (!o.url && m.url) o.url = m.url;
      } else {
        outlets.set(name, { url: m.url, articles: new Set([m.article_id]) });
      }
    }
    for (const [name, o] of outlets) {
      if (box.childNodes.length) box.appendChild(document.createTextNode(", "));
      box.appendChild(safeLink(o.url, name));
      if (o.articles.size > 1) box.appendChild(el("span", { cls: "muted", text: " \u00d7" + o.articles.size }));
    }
    if (!outlets.size) box.appendChild(dataText("span", [...new Set(fallback || [])].join(", ")));
    box.setAttribute("data-outlets", String(outlets.size || new Set(fallback || []).size));
    return box;
  }

  function actorsLine(e) {
    const names = [e.actor1, e.actor2].filter(Boolean);
    let text = names.join(" vs ") || t("actorsUnknown");
    const assoc = (e.assoc_actors || []).filter(Boolean);
    if (assoc.length) text += " (" + t("with") + " " + assoc.join(", ") + ")";
    return text;
  }

  // How sure sitrep is of an event, in words and a bar (the JSON's confidence, 0 to 1).
  function confidenceNode(value) {
    const pct = Math.round(100 * (typeof value === "number" ? value : 0));
    const level = pct >= 80 ? "high" : pct >= 50 ? "medium" : "low";
    return el("span", {
      cls: "confidence confidence-" + level,
      text: t("confidence")(pct),
      attrs: { "data-confidence": String(pct), title: t("confidenceWhy") },
    });
  }

  function eventCard(e) {
    const li = el("li", {
      cls: "event",
      attrs: { "data-event-id": e.id, "data-type": e.event_type, tabindex: "0", role: "button" },
    }, [
      el("div", { cls: "ev-head" }, [
        dateNode(e.date),
        el("span", { cls: "status status-" + e.status, text: statusWord(e.status), attrs: { "data-status": e.status } }),
      ]),
      el("div", { cls: "ev-title" }, [
        el("span", { cls: "swatch", attrs: { style: "background:" + typeColour(e.event_type), title: e.event_type } }),
        dataText("span", e.sub_event_type),
        el("span", { text: " \u2013 " }),
        dataText("span", placeName(e.place), null, "place"),
      ]),
      dataText("div", actorsLine(e), null, "ev-actors"),
      el("div", { cls: "ev-sources" }, [el("span", { cls: "muted", text: t("sources") }), sourceLinks(e.mentions, e.sources)]),
      el("div", { cls: "ev-meta muted" }, [
        confidenceNode(e.confidence),
        el("span", {
          cls: "ev-comments" + (e.comments ? " has-comments" : ""),
          text: t("nComments")(e.comments || 0),
          attrs: { "data-comments": String(e.comments || 0) },
        }),
      ]),
    ]);
    const open = (ev) => {
      if (ev.target.closest("a")) return;  // a source link opens the article, not the event
      selectEvent(e.id);
    };
    li.addEventListener("click", open);
    li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(ev); });
    return li;
  }

  function emptyMessage(hint) {
    const s = state.summary || {};
    const parts = [hint || t("noMatch")];
    if (s.first_date) parts.push(t("dataRange")(s.first_date, s.last_date, s.articles));
    return parts.join(" ");
  }

  async function loadEvents(append) {
    const url = append ? state.next : eventsURL();
    if (!url) return;
    const ticket = append ? state.listRequest : ++state.listRequest;
    let page;
    try {
      page = await getJSON(url);
    } catch (e) {
      notice("events", "Events could not be loaded: " + e.message);
      return;
    }
    if (ticket !== state.listRequest) return;  // the filters changed meanwhile
    notice("events", "");
    const list = $("events");
    if (!append) list.replaceChildren();
    for (const e of page.items) list.appendChild(eventCard(e));
    state.next = page.next;
    $("more").hidden = !page.next;
    const n = list.children.length;
    const count = $("events-count");
    count.classList.toggle("empty", !n);
    // the API adds a hint when the actor box names no known actor
    count.textContent = n ? (page.next ? n + "+ " + t("events") : nEvents(n)) : emptyMessage(page.hint);
    list.setAttribute("data-loaded", String(state.listRequest));
  }

  // New filters: the list, the map's events, the timeline and the export links follow.
  function reloadEvents() {
    exportLinks();
    loadEvents(false);
    loadMapEvents();
    loadTimeline();
  }

  function showFilters() {
    const f = state.filters;
    const select = $("f-type");
    if (f.type && ![...select.options].some((o) => o.value === f.type)) {
      select.appendChild(el("option", { text: f.type, attrs: { value: f.type } }));
    }
    select.value = f.type;
    $("f-actor").value = f.actor;
    $("f-since").value = f.since;
    $("f-until").value = f.until;
    $("f-text").value = f.text;
    $("f-source").value = f.source;
    for (const [id, key] of [["f-status", "status"], ["f-country", "country"]]) {
      const box = $(id);
      if (f[key] && ![...box.options].some((o) => o.value === f[key])) {
        box.appendChild(el("option", { text: f[key], attrs: { value: f[key] } }));
      }
      box.value = f[key];
    }
    $("f-sort").value = f.sort;
    $("f-place").hidden = !f.place;
    $("f-place-name").textContent = f.place ? t("place") + (f.placeName || f.place) : "";
  }

  function setPlaceFilter(id, name) {
    state.filters.place = id ? String(id) : "";
    state.filters.placeName = name || "";
    showFilters();
    state.eventId = null;
    showList();
    reloadEvents();
    writeURL(false);
  }

  function initFilters(summary) {
    const select = $("f-type");
    let group = null, current = null;
    for (const x of summary.event_types) {
      if (x.event_type !== current) {
        current = x.event_type;
        group = el("optgroup", { attrs: { label: x.event_type } });
        group.appendChild(el("option", { text: t("allOfType")(x.event_type), attrs: { value: x.event_type } }));
        select.appendChild(group);
      }
      group.appendChild(el("option", { text: x.sub_event_type, attrs: { value: x.sub_event_type } }));
    }
    const status = $("f-status");
    for (const st of summary.statuses || []) {
      status.appendChild(el("option", { text: t("onlyStatus")(statusWord(st)), attrs: { value: st, "data-status": st } }));
    }
    const country = $("f-country");
    for (const c of summary.countries || []) {
      country.appendChild(el("option", { text: c.country + " (" + c.events + ")", attrs: { value: c.country } }));
    }
    let timer = null;
    const changed = () => {
      const f = state.filters;
      f.type = select.value;
      f.actor = $("f-actor").value.trim();
      f.since = $("f-since").value;
      f.until = $("f-until").value;
      f.text = $("f-text").value.trim();
      f.source = $("f-source").value.trim();
      f.status = status.value;
      f.country = country.value;
      f.sort = $("f-sort").value;
      exportLinks();
      clearTimeout(timer);
      timer = setTimeout(() => { reloadEvents(); writeURL(false); }, 200);
    };
    for (const id of ["f-type", "f-actor", "f-since", "f-until", "f-text", "f-source", "f-status", "f-country", "f-sort"]) {
      $(id).addEventListener("input", changed);
    }
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
    if (!place || place.lat === undefined || place.lat === null) return;
    state.ring = L.circleMarker([place.lat, place.lon], {
      radius: 17, color: "#1d5fa8", weight: 3, fill: false, interactive: false, pane: "control",
    }).addTo(state.map);
  }

  function showList() {
    highlight(null);
    state.shownEvent = null;
    $("event-view").hidden = true;
    $("events-view").hidden = false;
  }

  // Open an event from the list, the map or a link: a new history entry (Back closes it).
  function selectEvent(id) {
    state.eventId = id;
    if (state.map) state.map.closePopup();
    openEvent(id, true).then(() => writeURL(true));
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
      box.appendChild(dataText("p", t("cites") + o.cites.join("; "), null, "muted"));
    }
    // Roundups list each outlet's reports; an outlet given flat (one report) works too.
    for (const r of o.reports || [o]) {
      const head = el("p", { cls: "report-head" });
      head.appendChild(safeLink(r.url, r.title || r.url || t("article"), r.language));
      const bits = [r.published || t("undated")];
      if (r.via) bits.push(t("via") + r.via);
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

  // Show an event's roundup; ``follow`` moves the map and the slider to its place and day.
  async function openEvent(id, follow) {
    let r;
    state.opening = id;
    try {
      r = await getJSON("/api/roundups/" + encodeURIComponent(id));
    } catch (e) {
      notice("event", "The roundup could not be loaded: " + e.message);
      return;
    } finally {
      state.opening = null;
    }
    notice("event", "");
    if (state.eventId !== null && state.eventId !== id) return;  // another event was chosen since
    const e = r.event;
    state.shownEvent = id;
    const box = $("event-detail");
    box.replaceChildren();
    box.setAttribute("data-event-id", e.id);
    box.appendChild(el("h2", {}, [
      dataText("span", e.sub_event_type),
      el("span", { text: " \u2013 " }),
      dataText("span", placeName(e.place)),
    ]));
    const facts = el("p", { cls: "muted facts" }, [dateNode(e.date)]);
    const more = [statusWord(e.status), e.event_type];
    if (e.fatalities !== null && e.fatalities !== undefined) more.push(e.fatalities + " " + t("killed"));
    facts.appendChild(el("span", { text: " \u00b7 " + more.join(" \u00b7 ") }));
    facts.appendChild(document.createTextNode(" \u00b7 "));
    facts.appendChild(confidenceNode(e.confidence));
    box.appendChild(facts);
    box.appendChild(dataText("p", actorsLine(e), null, "ev-actors"));
    // the number of comments near the top: a click goes down to them
    const jump = el("button", { cls: "link comments-jump", attrs: { type: "button", id: "comments-jump" } });
    jump.addEventListener("click", () => $("comments").scrollIntoView({ block: "start" }));
    box.appendChild(el("p", { cls: "event-tools" }, [jump]));
    box.appendChild(flagSection(e.id));
    const n = r.outlets.length;
    box.appendChild(el("h2", { cls: "section", text: t("outletsSaid")(n) }));
    const outlets = el("div", { cls: "outlets" });
    for (const o of r.outlets) outlets.appendChild(outletBlock(o));
    box.appendChild(outlets);
    const agree = comparison(t("agree"), r.agreements, (a) =>
      dataText("li", a.field + ": " + a.value + " (" + (a.sources || []).join(", ") + ")"));
    const differ = comparison(t("differ"), r.differences, (d) => {
      const li = el("li", {}, [el("strong", { text: d.field + ": " })]);
      const vals = (d.values || []).map((v) => v.value + " (" + (v.sources || []).join(", ") + ")");
      li.appendChild(dataText("span", vals.join("; ")));
      return li;
    });
    if (agree) box.appendChild(agree);
    if (differ) box.appendChild(differ);
    box.appendChild(commentsSection("event", e.id));
    highlight(e.place);
    if (follow) {
      // the map and the slider go to the event's place and day
      if (e.date && state.days.includes(e.date) && e.date !== currentDay()) {
        state.dayChosen = true;
        setDay(e.date);
      }
      if (state.map && e.place && e.place.lat !== null && e.place.lat !== undefined) {
        state.map.setView([e.place.lat, e.place.lon], Math.max(state.map.getZoom(), 7), { animate: false });
      }
    }
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
    if (type === "event") {
      // the count near the top, and the event's card in the list, say the same
      const n = data.items.length;
      const card = document.querySelector('#events li.event[data-event-id="' + CSS.escape(id) + '"] .ev-comments');
      for (const node of [$("comments-jump"), card]) {
        if (!node) continue;
        node.textContent = t("nComments")(n);
        node.setAttribute("data-comments", String(n));
        node.classList.toggle("has-comments", n > 0);
      }
    }
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

  // "Flag this event": what is wrong with it goes to the editors' queue (a comment that
  // always waits for a moderator, with the flag as its reason), never onto the page.
  function flagSection(id) {
    const box = el("section", { cls: "flag", attrs: { id: "flag" } });
    const open = el("button", { text: t("flagOpen"), attrs: { type: "button", id: "flag-open", "aria-expanded": "false" } });
    const form = el("form", { cls: "flag-form", attrs: { id: "flag-form", autocomplete: "off", hidden: "" } });
    const what = el("select", { attrs: { id: "flag-what", name: "flag", required: "" } });
    for (const [key, words] of Object.entries(t("flagReasons"))) what.appendChild(el("option", { text: words, attrs: { value: key } }));
    const author = el("input", { attrs: { id: "flag-author", name: "author", maxlength: "80", required: "", dir: "auto", placeholder: "Your name" } });
    const note = el("textarea", { attrs: { id: "flag-note", name: "note", rows: "2", dir: "auto", placeholder: t("flagNote") } });
    const send = el("button", { text: t("flagSend"), attrs: { type: "submit" } });
    const cancel = el("button", { text: t("flagCancel"), attrs: { type: "button" } });
    const result = el("div", { cls: "flag-result", attrs: { id: "flag-result", role: "status" } });
    form.appendChild(el("label", {}, [el("span", { text: t("flagWhat") + " " }), what]));
    form.appendChild(author);
    form.appendChild(note);
    form.appendChild(el("div", {}, [send, document.createTextNode(" "), cancel]));
    const toggle = (show) => { form.hidden = !show; open.setAttribute("aria-expanded", String(show)); };
    open.addEventListener("click", () => toggle(form.hidden));
    cancel.addEventListener("click", () => toggle(false));
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      send.disabled = true;
      let res;
      try {
        res = await postJSON("/api/comments", {
          target_type: "event", target_id: id, author: author.value,
          text: note.value.trim() || t("flagNoteDefault"), flag: what.value,
        });
      } catch (e) {
        res = { status: 0, body: { message: "The flag could not be sent: " + e.message } };
      }
      send.disabled = false;
      if (res.status === 201) {
        result.setAttribute("data-status", res.body.status);
        result.replaceChildren(el("p", { cls: "verdict", text: t("flagSent") }));
        note.value = "";
        toggle(false);
      } else {
        showVerdict(result, res);
      }
    });
    box.appendChild(open);
    box.appendChild(form);
    box.appendChild(result);
    return box;
  }

  function commentsSection(type, id) {
    const box = el("section", { cls: "comments", attrs: { id: "comments", "data-target-type": type, "data-target-id": id } });
    box.appendChild(el("h2", { cls: "section", text: "Readers' comments" }));
    const list = el("ol", { cls: "comment-list", attrs: { id: "comment-list" } });
    box.appendChild(list);
    const form = el("form", { cls: "comment-form", attrs: { id: "comment-form", autocomplete: "off" } });
    const author = el("input", { attrs: { id: "comment-author", name: "author", maxlength: "80", required: "", dir: "auto", placeholder: "Your name" } });
    // no maxlength: a pasted text longer than the limit is kept whole and the box says
    // by how much it is over, instead of the browser cutting it silently
    const text = el("textarea", { attrs: { id: "comment-text", name: "text", required: "", rows: "3", dir: "auto", placeholder: "Your comment" } });
    const send = el("button", { text: "Post comment", attrs: { type: "submit" } });
    const counter = el("p", { cls: "muted comment-count", attrs: { id: "comment-count", "aria-live": "polite" } });
    const measure = () => {
      const n = [...text.value].length;  // characters, as the API counts them
      const over = n > MAX_COMMENT;
      counter.textContent = over ? t("tooLong")(n, MAX_COMMENT) : t("charsLeft")(n, MAX_COMMENT);
      counter.classList.toggle("over", over);
      counter.setAttribute("data-over", over ? "true" : "false");
      send.disabled = over;
    };
    text.addEventListener("input", measure);
    measure();
    const result = el("div", { cls: "comment-result", attrs: { id: "comment-result", role: "status" } });
    form.appendChild(el("label", { cls: "visually-hidden", text: "Name", attrs: { for: "comment-author" } }));
    form.appendChild(author);
    form.appendChild(el("label", { cls: "visually-hidden", text: "Comment", attrs: { for: "comment-text" } }));
    form.appendChild(text);
    form.appendChild(counter);
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
      showVerdict(result, res);
      if (res.status === 201) text.value = "";
      measure();
      if (res.status === 201 && res.body.status === "published") loadComments(type, id, list);
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
      if (!q) { hits.hidden = true; return; }
      if (q.length < 2) {
        // the API asks for 2 letters or more: say so instead of doing nothing
        hits.appendChild(el("li", { cls: "muted short-query", text: t("shortQuery") }));
        hits.hidden = false;
        return;
      }
      let data;
      try {
        data = await getJSON("/api/places?q=" + encodeURIComponent(q));
      } catch (e) {
        notice("search", e.message);
        return;
      }
      notice("search", "");
      if (!data.items.length) hits.appendChild(el("li", { cls: "muted", text: t("noPlace")(q) }));
      for (const p of data.items) {
        const li = el("li", { attrs: { tabindex: "0", "data-place-id": p.geonames_id } }, [
          dataText("span", p.name),
          el("span", { cls: "muted", text: " " + [p.admin1, p.country].filter(Boolean).join(", ") + " \u00b7 " + nEvents(p.n_events) }),
        ]);
        const choose = () => {
          hits.hidden = true;
          if (state.map) state.map.setView([p.lat, p.lon], 8);
          setPlaceFilter(p.geonames_id, p.name);
        };
        li.addEventListener("click", choose);
        li.addEventListener("keydown", (e) => { if (e.key === "Enter") choose(); });
        hits.appendChild(li);
      }
      hits.hidden = false;
    });
    // a click elsewhere closes the list of places
    document.addEventListener("click", (ev) => {
      if (!ev.target.closest("#place-search")) hits.hidden = true;
    });
  }

  // -- English / Persian -----------------------------------------------------------

  // Switch the interface's words and direction; the data keeps its own direction.
  function setLang(lang, rerender) {
    state.lang = lang;
    const root = document.documentElement;
    root.setAttribute("lang", lang);
    root.setAttribute("dir", lang === "fa" ? "rtl" : "ltr");
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.getAttribute("data-i18n"));
    for (const node of document.querySelectorAll("[data-i18n-ph]")) node.setAttribute("placeholder", t(node.getAttribute("data-i18n-ph")));
    for (const node of document.querySelectorAll("[data-i18n-aria]")) node.setAttribute("aria-label", t(node.getAttribute("data-i18n-aria")));
    const button = $("lang");
    button.textContent = lang === "fa" ? "English" : "فارسی";
    button.setAttribute("lang", lang === "fa" ? "en" : "fa");
    button.setAttribute("data-other", lang === "fa" ? "en" : "fa");
    $("day-jalali").hidden = lang !== "fa";
    if (!rerender || !state.summary) return;
    // redraw what holds words: the legend, the list, the open event
    const s = state.summary;
    if (s.first_date) $("data-range").textContent = t("dataRange")(shortDay(s.first_date), shortDay(s.last_date), s.articles);
    typeLegend();
    showFilters();
    loadEvents(false);
    if (state.days.length) showDay(Number($("day").value));
    if (state.shownEvent) { const id = state.shownEvent; state.shownEvent = null; openEvent(id, false); }
    writeURL(false);
  }

  // -- live: events that `sitrep follow` stores, pushed by /api/stream ----------

  function subscribe() {
    if (!window.EventSource) return;
    const fresh = new Set();   // event ids new since the page was opened
    let timer = null;
    // `since`: the events stored after the summary this page drew are reported at
    // once, so one stored while the connection was opening is not missed
    const since = (state.summary && state.summary.ingested_until) || "";
    const source = new EventSource("/api/stream" + (since ? "?since=" + encodeURIComponent(since) : ""));
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
          state.summary = summary;
          await Promise.all([showDay(Number(slider.value)), loadEvents(false), loadMapEvents(), loadTimeline()]);
          notice("live", "");
        } catch (e) {
          notice("live", "Live update failed: " + e.message);
        }
      }, 500);
    });
    source.addEventListener("alert", (ev) => {
      const a = JSON.parse(ev.data);
      const place = (a.place && a.place.name) || "a place";
      notice("alert", a.kind === "control_change"
        ? "Alert (" + a.rule + "): " + place + " now held by " + a.controller +
          (a.previous ? " (was " + a.previous + ")" : "")
        : "Alert (" + a.rule + "): " + ((a.event && a.event.sub_event_type) || "new event") +
          " in " + place);
    });
    $("live").addEventListener("click", () => { state.eventId = null; showList(); writeURL(true); });
  }

  // -- start -------------------------------------------------------------------

  async function start() {
    $("back").addEventListener("click", () => { state.eventId = null; showList(); writeURL(true); });
    $("lang").addEventListener("click", () => setLang(state.lang === "fa" ? "en" : "fa", true));
    window.addEventListener("hashchange", route);
    window.addEventListener("popstate", route);
    // the language first, so the first words shown are the reader's
    if (readURL().get("lang") === "fa") setLang("fa", false);
    let summary;
    try {
      summary = await getJSON("/api/summary");
    } catch (e) {
      notice("api", "The API did not answer: " + e.message);
      return;
    }
    state.summary = summary;
    if (mapAvailable(summary)) {
      await initMap();
    } else {
      $("map").hidden = true;
      document.body.classList.add("no-map");
      const missing = summary.missing_assets.length ? " (missing: " + summary.missing_assets.join(", ") + ")" : "";
      notice("assets", "The map library is not installed" + missing + ": run `make web-assets`, then reload. " +
        "Control, events and roundups below work without it.");
    }
    if (!summary.last_date) notice("empty", t("noData"));
    initSlider(summary);
    initFilters(summary);
    initSearch();
    typeLegend();
    let resize = null;
    window.addEventListener("resize", () => { clearTimeout(resize); resize = setTimeout(drawTimeline, 100); });
    // the view the URL asks for: filters and day first, then the open event
    const p = readURL();
    const f = state.filters;
    for (const key of FILTER_KEYS) f[key] = p.get(key) || "";
    f.placeName = p.get("pname") || "";
    showFilters();
    exportLinks();
    const day = p.get("day");
    if (day && state.days.includes(day)) {
      state.dayChosen = true;
      $("day").value = String(state.days.indexOf(day));
    }
    await Promise.all([
      showDay(Number($("day").value)), loadEvents(false), loadMapEvents(), loadTimeline(),
    ]);
    const view = /^(-?[\d.]+),(-?[\d.]+),([\d.]+)$/.exec(p.get("map") || "");
    if (state.map && view) {
      state.mapMoved = true;
      state.map.setView([Number(view[1]), Number(view[2])], Number(view[3]), { animate: false });
    } else if (state.map && state.markers.size) {
      const bounds = L.latLngBounds([...state.markers.values()].map((m) => m.getLatLng()));
      state.map.fitBounds(bounds.pad(0.2), { maxZoom: 7, animate: false });
    }
    const id = p.get("event");
    if (id && /^[0-9a-f]{4,32}$/.test(id)) {
      state.eventId = id;
      await openEvent(id, !view && !day);
    }
    state.ready = true;
    writeURL(false);
    subscribe();
    // The basemap's extras come last, after the live stream has its connection: the
    // browser opens only a few at a time to this server.
    if (state.map) {
      loadWater(state.map);
      loadLabels(state.map);
    }
    document.body.setAttribute("data-ready", "true");
  }

  start();
})();

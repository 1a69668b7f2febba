// The moderator's page: the queue of held and rejected comments, publish or reject
// each with a note; admins also see the audit log.
//
// The token stays in this tab (sessionStorage) and goes out only as an
// Authorization header to this server. Comment text is shown with textContent,
// never innerHTML: a comment is data, never markup.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const KEY = "sitrep-moderator-token";
  // Comments per page of the queue (the API takes up to 500).
  const PAGE = 200;

  function el(tag, text, cls, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  // Reader text: Persian right to left, anything else by its first strong letter.
  function readerText(tag, text, language, cls) {
    const node = el(tag, text, cls, { dir: language === "fa" ? "rtl" : "auto" });
    if (language === "fa") node.setAttribute("lang", "fa");
    return node;
  }

  function notice(message) {
    $("notice").textContent = message || "";
    $("notice").hidden = !message;
  }

  function token() {
    return sessionStorage.getItem(KEY) || "";
  }

  async function call(method, url, payload) {
    const opts = { method: method, headers: { Accept: "application/json", Authorization: "Bearer " + token() } };
    if (payload !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(payload);
    }
    const res = await fetch(url, opts);
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      body = null;
    }
    if (!res.ok) throw new Error((body && body.message) || res.status + " " + res.statusText);
    return body;
  }

  function targetLink(c) {
    if (c.target_type === "event") {
      return el("a", "event " + c.target_id, null, { href: "/#event=" + encodeURIComponent(c.target_id) });
    }
    return el("span", "article " + c.target_id);
  }

  function queueItem(c) {
    const li = el("li", null, "mod-item", { "data-comment-id": c.id, "data-status": c.status });
    const head = el("p", null, "muted");
    head.appendChild(el("strong", c.status));
    head.appendChild(el("span", " \u00b7 #" + c.id + " on "));
    head.appendChild(targetLink(c));
    head.appendChild(el("span", " \u00b7 " + c.created_at + " \u00b7 " + c.language + " \u00b7 by "));
    head.appendChild(readerText("span", c.author, null, "comment-author"));
    li.appendChild(head);
    li.appendChild(readerText("p", c.text, c.language, "comment-text"));
    if (c.reasons.length) {
      const ul = el("ul", null, "reasons");
      for (const r of c.reasons) {
        const where = r.field === "author" ? " (author)" : "";
        ul.appendChild(readerText("li", r.rule + where + " " + Number(r.score).toFixed(2) + ": " + r.detail, null));
      }
      li.appendChild(ul);
    }
    const actions = el("div", null, "actions");
    const note = el("input", null, null, { type: "text", maxlength: "1000", placeholder: "Note (kept in the audit log)", dir: "auto" });
    const publish = el("button", "Publish", "publish", { type: "button" });
    const reject = el("button", "Reject", "reject", { type: "button" });
    const decide = async (verdict) => {
      publish.disabled = reject.disabled = true;
      try {
        await call("POST", "/api/moderation/comments/" + c.id, { verdict: verdict, note: note.value });
        li.remove();
        notice("Comment #" + c.id + (verdict === "publish" ? " published." : " rejected."));
        if (!$("audit-box").hidden) loadAudit();
      } catch (e) {
        notice("The decision was not recorded: " + e.message);
        publish.disabled = reject.disabled = false;
      }
    };
    publish.addEventListener("click", () => decide("publish"));
    reject.addEventListener("click", () => decide("reject"));
    actions.appendChild(note);
    actions.appendChild(publish);
    actions.appendChild(reject);
    li.appendChild(actions);
    return li;
  }

  async function loadAudit() {
    const data = await call("GET", "/api/moderation/audit?limit=200");
    const body = $("audit");
    body.replaceChildren();
    for (const a of data.items) {
      const tr = el("tr");
      tr.appendChild(el("td", a.at));
      tr.appendChild(el("td", "#" + a.comment_id));
      tr.appendChild(readerText("td", a.moderator + " (" + a.role + ")"));
      tr.appendChild(el("td", a.from));
      tr.appendChild(el("td", a.to));
      tr.appendChild(readerText("td", a.note));
      body.appendChild(tr);
    }
  }

  // A page of the queue, appended to the list; the button asks for the next one
  // (keyset: `next` continues after the last comment shown, so deciding on comments
  // already shown skips none of the rest).
  function showPage(data) {
    const list = $("queue");
    for (const c of data.items) list.appendChild(queueItem(c));
    const shown = list.querySelectorAll("li.mod-item").length;
    list.setAttribute("data-count", String(shown));
    const more = $("queue-more");
    more.hidden = !data.next;
    more.setAttribute("data-next", data.next || "");
    $("shown").textContent = data.next
      ? "Showing the oldest " + shown + "; more wait below."
      : shown ? "Showing all " + shown + " waiting." : "";
    list.setAttribute("data-loaded", "true");
  }

  async function loadMore() {
    const more = $("queue-more");
    const url = more.getAttribute("data-next");
    if (!url) return;
    // only this server's queue pages, whatever the answer said
    if (!url.startsWith("/api/moderation/queue?")) return;
    more.disabled = true;
    $("queue").removeAttribute("data-loaded");
    try {
      showPage(await call("GET", url));
    } catch (e) {
      notice("The next comments could not be loaded: " + e.message);
      $("queue").setAttribute("data-loaded", "true");
    } finally {
      more.disabled = false;
    }
  }

  async function loadQueue() {
    const list = $("queue");
    list.removeAttribute("data-loaded");
    $("queue-more").hidden = true;
    $("shown").textContent = "";
    if (!token()) {
      list.replaceChildren();
      $("who").textContent = "Give a moderator's or an admin's token to see the queue.";
      return;
    }
    let data;
    try {
      data = await call("GET", "/api/moderation/queue?limit=" + PAGE);
    } catch (e) {
      notice(e.message);
      list.replaceChildren();
      return;
    }
    notice("");
    $("who").textContent = "Signed in as " + data.moderator.name + " (" + data.moderator.role + ").";
    const n = data.counts;
    $("counts").textContent = n.review + " held for review, " + n.rejected + " rejected, " + n.published + " published in all.";
    list.replaceChildren();
    if (!data.items.length) list.appendChild(el("li", "Nothing waits for a decision.", "muted"));
    showPage(data);
    $("audit-box").hidden = data.moderator.role !== "admin";
    if (data.moderator.role === "admin") {
      try {
        await loadAudit();
      } catch (e) {
        notice("The audit log could not be loaded: " + e.message);
      }
    }
  }

  $("login").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const t = $("token").value.trim();
    if (t) sessionStorage.setItem(KEY, t);
    $("token").value = "";
    loadQueue();
  });
  $("queue-more").addEventListener("click", loadMore);
  $("logout").addEventListener("click", () => {
    sessionStorage.removeItem(KEY);
    $("queue").replaceChildren();
    $("queue-more").hidden = true;
    $("shown").textContent = "";
    $("audit-box").hidden = true;
    $("who").textContent = "";
    $("counts").textContent = "";
  });
  loadQueue().then(() => document.body.setAttribute("data-ready", "true"));
})();

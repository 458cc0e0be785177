// postlint's page: checks the draft as it is typed, marks the findings in the text, and
// applies safe fixes. No framework: a few functions over the DOM.
"use strict";

(function () {
  const data = JSON.parse(document.getElementById("postlint-data").textContent);
  const $ = (id) => document.getElementById(id);
  const draft = $("draft");
  const DEBOUNCE_MS = 300;

  const params = new URLSearchParams(location.search);
  let locale = pick(params.get("locale")) || pick(store("get", "postlint.locale")) || data.locale;
  let token = store("get", "postlint.token", sessionStorage) || "";
  let timer = null;
  let controller = null;
  let last = null; // {text, report}: the report of the text it was made for

  function pick(code) {
    return code && data.words[code] ? code : null;
  }

  // Storage may be switched off (private windows): the page works without it.
  function store(op, key, where = localStorage, value) {
    try {
      if (op === "get") return where.getItem(key);
      where.setItem(key, value);
    } catch (_) {
      return null;
    }
    return null;
  }

  /** The page's word `key` in the current locale, `{name}`s filled from `args`. */
  function t(key, args) {
    let s = (data.words[locale] || {})[key] ?? (data.words.en || {})[key] ?? key;
    for (const [k, v] of Object.entries(args || {})) s = s.split("{" + k + "}").join(String(v));
    return s;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v == null) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  }

  // ---- words and controls ------------------------------------------------------------

  function applyWords() {
    document.documentElement.lang = locale;
    for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
    for (const e of document.querySelectorAll("[data-t-placeholder]")) e.placeholder = t(e.dataset.tPlaceholder);
    for (const e of document.querySelectorAll("[data-t-aria-label]")) e.setAttribute("aria-label", t(e.dataset.tAriaLabel));
    document.title = t("title") + " – postlint";
    for (const b of $("languages").children) b.setAttribute("aria-pressed", String(b.dataset.locale === locale));
  }

  function buildControls() {
    for (const code of data.locales) {
      const b = el("button", { type: "button", "data-locale": code, lang: code, text: data.language_names[code] || code });
      b.addEventListener("click", () => {
        locale = code;
        store("set", "postlint.locale", localStorage, code);
        applyWords();
        check();
      });
      $("languages").append(b);
    }
    const wanted = data.default_platforms.length
      ? data.default_platforms
      : data.platforms.map((p) => p.name).filter((n) => n === "linkedin" || n === "x");
    for (const p of data.platforms) {
      const box = el("input", { type: "checkbox", value: p.name, checked: wanted.includes(p.name) });
      box.addEventListener("change", check);
      $("platforms").append(el("label", {}, box, p.display_name));
    }
    $("version").textContent = data.version;
    $("token-box").hidden = !data.token_required || Boolean(token);
    $("token-save").addEventListener("click", () => {
      token = $("token").value.trim();
      store("set", "postlint.token", sessionStorage, token);
      $("token-box").hidden = true;
      check();
    });
    draft.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(check, DEBOUNCE_MS);
    });
    $("fix-all").addEventListener("click", fixAll);
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape") hideTip();
    });
  }

  function platforms() {
    return [...$("platforms").querySelectorAll("input:checked")].map((i) => i.value);
  }

  // ---- checking ----------------------------------------------------------------------

  async function check() {
    clearTimeout(timer);
    const text = draft.value;
    if (controller) controller.abort();
    if (!text.trim()) {
      last = null;
      render(text, null);
      return;
    }
    controller = new AbortController();
    $("status").textContent = t("checking");
    const headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    const body = JSON.stringify({ text, locale, platforms: platforms() });
    let response;
    try {
      response = await fetch("/v1/check", { method: "POST", headers, body, signal: controller.signal });
    } catch (e) {
      if (e.name !== "AbortError") $("status").textContent = t("unreachable");
      return;
    }
    if (response.status === 401) {
      $("token-box").hidden = false;
      $("status").textContent = t("token");
      return;
    }
    if (response.status === 503) {
      $("status").textContent = t("busy");
      timer = setTimeout(check, 1000);
      return;
    }
    let report;
    try {
      report = await response.json();
    } catch (_) {
      $("status").textContent = t("unreachable");
      return;
    }
    if (!response.ok) {
      $("status").textContent = t("error", { detail: report.detail || response.status });
      return;
    }
    // A newer keystroke has its own check on the way.
    if (draft.value !== text) return;
    last = { text, report };
    render(text, report);
  }

  // ---- byte offsets ------------------------------------------------------------------

  /** Spans are UTF-8 byte offsets; the DOM counts UTF-16 units. A map from one to the other. */
  function offsets(text) {
    const map = new Map();
    let bytes = 0;
    let units = 0;
    for (const ch of text) {
      map.set(bytes, units);
      const cp = ch.codePointAt(0);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      units += ch.length;
    }
    map.set(bytes, units);
    return (b) => map.get(b) ?? units;
  }

  // ---- rendering ---------------------------------------------------------------------

  function render(text, report) {
    hideTip();
    $("marked").replaceChildren();
    $("findings").replaceChildren();
    $("lengths").replaceChildren();
    $("fix-all").hidden = true;
    if (!report) {
      $("verdict").textContent = "";
      $("verdict").className = "verdict";
      $("reviewers").textContent = "";
      $("status").textContent = t("empty");
      return;
    }
    $("status").textContent = "";
    const at = offsets(text);
    const findings = report.findings.map((f, i) => ({
      ...f,
      index: i,
      from: at(f.span.start),
      to: at(f.span.end),
      fix: (f.suggestions || []).find((s) => s.applicability === "safe" && s.edits.length > 0),
    }));
    renderLengths(report.platforms);
    renderVerdict(report);
    renderMarked(text, findings);
    renderList(findings);
    const counted = findings.filter((f) => !f.waived).length;
    const verdict = t("verdict." + report.verdict);
    $("announce").textContent = counted
      ? t("announce", { n: counted, verdict })
      : t("announce.none", { verdict });
    $("fix-all").hidden = !findings.some((f) => f.fix && !f.waived);
  }

  function renderLengths(list) {
    for (const p of list) {
      const over = p.length > p.limit;
      const share = Math.min(100, p.limit ? (100 * p.length) / p.limit : 0);
      // Through the CSSOM: the page's policy forbids style attributes.
      const bar = el("span");
      bar.style.width = share.toFixed(1) + "%";
      const label = over
        ? t("length.of", { length: p.length, limit: p.limit }) + " – " + t("length.over", { over: p.length - p.limit })
        : t("length.of", { length: p.length, limit: p.limit });
      const name = (data.platforms.find((x) => x.name === p.name) || {}).display_name || p.name;
      $("lengths").append(
        el(
          "div",
          { class: "length-row" + (over ? " over" : ""), "data-platform": p.name },
          el("span", { text: name }),
          el(
            "div",
            { class: "bar", role: "meter", "aria-label": name, "aria-valuemin": 0, "aria-valuemax": p.limit, "aria-valuenow": Math.min(p.length, p.limit), "aria-valuetext": label },
            bar,
          ),
          el("span", { class: "figure", text: label }),
        ),
      );
    }
  }

  function renderVerdict(report) {
    $("verdict").textContent = t("verdict." + report.verdict);
    $("verdict").className = "verdict " + report.verdict;
    $("verdict").dataset.verdict = report.verdict;
    const names = report.reviewers.map((r) => (data.roles[locale] || {})[r] || r);
    $("reviewers").textContent = names.length ? t("reviewers") + ": " + names.join(", ") : "";
  }

  const RANK = { info: 0, warning: 1, error: 2 };

  /** The text with a mark over each run that findings cover; overlapping findings share it. */
  function renderMarked(text, findings) {
    const spanned = findings.filter((f) => f.to > f.from);
    const cuts = new Set([0, text.length]);
    for (const f of spanned) {
      cuts.add(f.from);
      cuts.add(f.to);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const box = $("marked");
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = text.slice(a, b);
      const over = spanned.filter((f) => f.from <= a && f.to >= b);
      if (!over.length) {
        box.append(piece);
        continue;
      }
      const counted = over.filter((f) => !f.waived);
      const worst = (counted.length ? counted : over).reduce((w, f) => (RANK[f.severity] > RANK[w.severity] ? f : w));
      const mark = el("mark", {
        class: worst.severity + (counted.length ? "" : " waived"),
        tabindex: 0,
        "data-rule": [...new Set(over.map((f) => f.rule))].join(" "),
        "aria-describedby": over.map((f) => "finding-" + f.index).join(" "),
        text: piece,
      });
      const show = () => showTip(mark, over);
      mark.addEventListener("mouseenter", show);
      mark.addEventListener("focus", show);
      mark.addEventListener("mouseleave", hideTip);
      mark.addEventListener("blur", hideTip);
      box.append(mark);
    }
  }

  function showTip(anchor, over) {
    const tip = $("tip");
    tip.replaceChildren();
    for (const f of over) {
      tip.append(el("p", { text: f.message }));
      const s = (f.suggestions || [])[0];
      if (s) tip.append(el("p", { class: "tip-suggestion", text: t("suggestion") + ": " + s.title }));
    }
    tip.hidden = false;
    const r = anchor.getBoundingClientRect();
    const left = Math.max(8, Math.min(r.left + scrollX, scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + "px";
    tip.style.top = r.bottom + scrollY + 6 + "px";
    for (const li of $("findings").children) li.classList.toggle("current", over.some((f) => li.id === "finding-" + f.index));
  }

  function hideTip() {
    $("tip").hidden = true;
    for (const li of $("findings").children) li.classList.remove("current");
  }

  function renderList(findings) {
    const list = $("findings");
    if (!findings.length) {
      list.append(el("li", { class: "none", text: t("no-findings") }));
      return;
    }
    for (const f of findings) {
      const item = el(
        "li",
        { id: "finding-" + f.index, class: f.severity + (f.waived ? " waived" : ""), "data-rule": f.rule },
        el("span", { class: "badge " + f.severity, text: t("severity." + f.severity) }),
        el("span", { class: "rule", text: f.rule }),
        el("p", { class: "message", text: f.message }),
      );
      for (const s of f.suggestions || []) item.append(el("p", { class: "suggestion", text: t("suggestion") + ": " + s.title }));
      if (f.waived) item.append(el("p", { class: "suggestion", text: t("waived", { reason: f.waived.reason }) }));
      const actions = el("div", { class: "actions" });
      if (f.fix && !f.waived) {
        const b = el("button", { type: "button", class: "primary fix", "data-rule": f.rule, text: t("fix") });
        b.addEventListener("click", () => applyFixes([f]));
        actions.append(b);
      }
      const why = el("a", { href: "/v1/rules/" + encodeURIComponent(f.rule) + "?locale=" + locale, class: "explain", text: t("explain") });
      why.addEventListener("click", (e) => {
        e.preventDefault();
        explain(f.rule);
      });
      actions.append(why);
      item.append(actions);
      list.append(item);
    }
  }

  // ---- fixes and explanations ----------------------------------------------------------

  /** Applies the safe fixes of `findings` to the text they were found in; edits that overlap
   *  an earlier one wait for the next check. */
  function applyFixes(findings) {
    if (!last || draft.value !== last.text) return check();
    const at = offsets(last.text);
    const edits = [];
    for (const f of findings) {
      const mine = f.fix.edits.map((e) => ({ from: at(e.start), to: at(e.end), text: e.replacement }));
      if (mine.some((m) => edits.some((e) => m.from < e.to && e.from < m.to))) continue;
      edits.push(...mine);
    }
    edits.sort((a, b) => b.from - a.from);
    let text = last.text;
    for (const e of edits) text = text.slice(0, e.from) + e.text + text.slice(e.to);
    draft.value = text;
    $("announce").textContent = t("fixed", { what: findings.map((f) => f.fix.title).join("; ") });
    draft.focus();
    check();
  }

  function fixAll() {
    if (!last) return;
    const findings = last.report.findings
      .map((f) => ({ ...f, fix: (f.suggestions || []).find((s) => s.applicability === "safe" && s.edits.length > 0) }))
      .filter((f) => f.fix && !f.waived);
    applyFixes(findings);
  }

  async function explain(rule) {
    const headers = token ? { Authorization: "Bearer " + token } : {};
    let info;
    try {
      const r = await fetch("/v1/rules/" + encodeURIComponent(rule) + "?locale=" + locale, { headers });
      info = await r.json();
      if (!r.ok) throw new Error(info.detail);
    } catch (e) {
      $("status").textContent = t("error", { detail: e.message || rule });
      return;
    }
    $("explain-title").textContent = info.id;
    $("explain-summary").textContent = info.summary || "";
    const body = $("explain-text");
    body.replaceChildren();
    for (const para of String(info.explanation || "").split(/\n\s*\n/)) {
      if (para.trim()) body.append(el("p", { text: para.trim() }));
    }
    const dialog = $("explain");
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
  }

  buildControls();
  applyWords();
  render("", null);
  if (draft.value.trim()) check();
})();

// medchron: progressive enhancement only; every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const el of document.querySelectorAll("[data-confirm]")) {
    el.addEventListener("click", (ev) => { if (!confirm(el.dataset.confirm)) ev.preventDefault(); });
  }
});

// --- account helper: matter page upload (drag and drop, progress bar) and
// live processing progress. Without JavaScript the upload form posts
// normally and the page shows the state at load time.
(() => {
  const text = (el, s) => { if (el) el.textContent = s; };

  // When processing ends, the export links become available: take the
  // Exports list from a fresh copy of this page.
  async function refreshExports() {
    const list = document.querySelector("[data-exports]");
    if (!list) return;
    try {
      const res = await fetch(location.pathname, { credentials: "same-origin" });
      if (!res.ok) return;
      const doc = new DOMParser().parseFromString(await res.text(), "text/html");
      const fresh = doc.querySelector("[data-exports]");
      if (fresh) list.replaceWith(document.importNode(fresh, true));
    } catch (e) { /* the links appear on the next page load */ }
  }

  // Processing progress: poll progress.json while the matter is not done.
  function follow(section) {
    if (!section || section.dataset.following) return;
    section.dataset.following = "1";
    const url = section.dataset.progress;
    const bar = section.querySelector("[data-progress-bar]");
    const summary = section.querySelector("[data-progress-summary]");
    const body = section.querySelector("[data-progress-files]");
    const doneLink = section.querySelector("[data-progress-done]");
    if (bar) bar.hidden = false;
    const row = (f) => {
      let tr = body.querySelector(`tr[data-doc="${CSS.escape(f.id)}"]`);
      if (!tr) {
        const empty = body.querySelector("tr[data-empty]");
        if (empty) empty.remove();
        tr = document.createElement("tr");
        tr.dataset.doc = f.id;
        const name = document.createElement("td");
        name.textContent = f.file;
        tr.append(name);
        const cells = [["status", ""], ["pages", "num"], ["pages_done", "num"], ["pages_left", "num"], ["error", "error"]];
        for (const [key, cls] of cells) {
          const td = document.createElement("td");
          if (cls) td.className = cls;
          if (key === "status") {
            const b = document.createElement("span");
            b.dataset.f = "status";
            td.append(b);
          } else {
            td.dataset.f = key;
          }
          tr.append(td);
        }
        body.append(tr);
      }
      for (const key of ["status", "pages", "pages_done", "pages_left", "error"]) {
        const el = tr.querySelector(`[data-f="${key}"]`);
        text(el, f[key] === undefined || f[key] === null ? "" : String(f[key]));
        if (key === "status" && el) el.className = "badge st-" + f.status;
      }
    };
    const tick = async () => {
      let p;
      try {
        const res = await fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" });
        if (!res.ok) { text(summary, "Progress is not available (" + res.status + "). Reload the page."); return; }
        p = await res.json();
      } catch (e) {
        setTimeout(tick, 5000); // network hiccup: try again later
        return;
      }
      for (const f of p.files) row(f);
      const pct = p.pages ? Math.floor(p.pages_done * 100 / p.pages) : (p.done ? 100 : 0);
      if (bar) { bar.value = pct; bar.textContent = pct + "%"; }
      let s = `${p.documents_done} of ${p.documents} files done · ${p.pages_done} of ${p.pages} pages`;
      if (p.failed) s += ` · ${p.failed} failed`;
      s += p.done ? " · chronology up to date" : " · processing…";
      text(summary, s);
      if (p.done) {
        delete section.dataset.following;
        if (doneLink) doneLink.hidden = false;
        refreshExports();
        return;
      }
      setTimeout(tick, 1500);
    };
    tick();
  }

  // Upload: send the chosen or dropped files with XMLHttpRequest, which
  // reports upload progress; then follow processing.
  function enhanceUpload(form) {
    const input = form.querySelector('input[type="file"]');
    const zone = form.querySelector("[data-dropzone]");
    const bar = form.querySelector("[data-upload-bar]");
    const status = form.querySelector("[data-upload-status]");
    const errors = form.parentElement.querySelector("[data-upload-errors]");
    const send = (files) => {
      const pdfs = Array.from(files);
      if (pdfs.length === 0) { text(status, "Choose at least one PDF file."); return; }
      const data = new FormData();
      for (const f of pdfs) data.append("file", f, f.name);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("X-CSRF-Token", form.dataset.csrf);
      xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      xhr.setRequestHeader("Accept", "application/json");
      bar.hidden = false;
      bar.value = 0;
      errors.replaceChildren();
      text(status, `Uploading ${pdfs.length} file${pdfs.length > 1 ? "s" : ""}…`);
      xhr.upload.addEventListener("progress", (ev) => {
        if (ev.lengthComputable) bar.value = Math.floor(ev.loaded * 100 / ev.total);
      });
      xhr.addEventListener("load", () => {
        let res = null;
        try { res = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
        bar.value = 100;
        if (!res) { text(status, `Upload failed (${xhr.status}). Reload the page and try again.`); return; }
        if (res.error) { text(status, res.error); return; }
        for (const e of res.errors || []) {
          const li = document.createElement("li");
          li.textContent = e.error; // names the file
          errors.append(li);
        }
        const n = (res.documents || []).length;
        text(status, n ? `${n} file${n > 1 ? "s" : ""} received; processing…` : "No file could be used.");
        input.value = "";
        if (n) follow(document.querySelector("[data-progress]"));
      });
      xhr.addEventListener("error", () => text(status, "Upload interrupted. Check the connection and try again."));
      xhr.send(data);
    };
    form.addEventListener("submit", (ev) => { ev.preventDefault(); send(input.files); });
    if (zone) {
      zone.addEventListener("dragover", (ev) => { ev.preventDefault(); zone.classList.add("over"); });
      zone.addEventListener("dragleave", () => zone.classList.remove("over"));
      zone.addEventListener("drop", (ev) => {
        ev.preventDefault();
        zone.classList.remove("over");
        send(ev.dataTransfer.files);
      });
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const form of document.querySelectorAll("form[data-upload]")) enhanceUpload(form);
    const section = document.querySelector("[data-progress][data-poll]");
    if (section) follow(section);
  });
})();

// Chronology selection: "Select all shown" ticks every entry of the table
// as filtered (a provider, a date range), to move or verify them at once.
document.addEventListener("DOMContentLoaded", () => {
  const all = document.querySelector("input[data-select-all]");
  if (!all) return;
  all.closest("label").hidden = false;
  all.addEventListener("change", () => {
    for (const box of document.querySelectorAll('input[type="checkbox"][form="selection"][name="entry"]')) {
      if (!box.closest("tr").hidden) box.checked = all.checked;
    }
  });
});

// Review keys: an element with data-key="x" is used by pressing x (links
// are followed, buttons pressed, a <details> form opened with its first
// field focused). Keys are ignored while typing in a field or with a
// modifier held, so they never take a letter meant for a form. A form is
// opened when the key is released, so the letter itself is not typed into
// the field it focuses.
document.addEventListener("DOMContentLoaded", () => {
  if (!document.querySelector("[data-key]")) return;
  const hint = document.querySelector("[data-keys]");
  if (hint) hint.hidden = false;
  const keyed = (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return null;
    const t = ev.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return null;
    return document.querySelector(`[data-key="${CSS.escape(ev.key.toLowerCase())}"]`);
  };
  let pending = null;
  document.addEventListener("keydown", (ev) => {
    const el = ev.defaultPrevented || ev.repeat ? null : keyed(ev);
    if (!el) return;
    ev.preventDefault();
    if (el.tagName === "DETAILS") pending = el;
    else el.click();
  });
  document.addEventListener("keyup", (ev) => {
    const el = keyed(ev);
    if (!el || el !== pending) return;
    pending = null;
    el.open = true;
    const field = el.querySelector("textarea, input:not([type=hidden]), select");
    if (field) field.focus();
    el.scrollIntoView({ block: "nearest" });
  });
});

// Sortable tables: a table marked data-sortable sorts by a column when its
// heading is pressed (again: the other way). Amounts sort as numbers, dates
// (printed year first) as text; a total row stays last. Without JavaScript
// the table keeps the server's order.
document.addEventListener("DOMContentLoaded", () => {
  const value = (td) => {
    const s = (td ? td.textContent : "").trim();
    const n = s.replace(/[$,\s]/g, "");
    return n !== "" && !isNaN(Number(n)) && !/^\d{4}-/.test(s) ? Number(n) : s.toLowerCase();
  };
  for (const table of document.querySelectorAll("table[data-sortable]")) {
    const body = table.tBodies[0];
    const heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.from(heads).forEach((th, col) => {
      if (th.textContent.trim() === "") return;
      const b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      b.textContent = th.textContent;
      th.replaceChildren(b);
      b.addEventListener("click", () => {
        const dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        for (const h of heads) h.removeAttribute("aria-sort");
        th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
        const rows = Array.from(body.rows);
        const fixed = rows.filter((r) => r.classList.contains("total") || r.cells.length < heads.length);
        const sorted = rows.filter((r) => !fixed.includes(r)).sort((a, z) => {
          const x = value(a.cells[col]), y = value(z.cells[col]);
          if (typeof x === "number" && typeof y === "number") return (x - y) * dir;
          if (x === "" || y === "") return (x === "" ? 1 : 0) - (y === "" ? 1 : 0); // blanks last
          return String(x).localeCompare(String(y)) * dir;
        });
        body.append(...sorted, ...fixed);
      });
    });
  }
});

// Diagnosis code look-up in the correction form: typing a code or words
// lists matching ICD-10-CM codes from the imported table; "Add" puts the
// chosen "CODE description" on a new line of the diagnoses. The server
// checks every code again when the correction is saved.
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("[data-code-lookup]");
  if (!box) return;
  box.hidden = false;
  const input = box.querySelector('input[type="search"]');
  const list = box.querySelector("datalist");
  const status = box.querySelector("[data-code-status]");
  const target = document.getElementById(box.dataset.codeTarget);
  let timer = 0, asked = "";
  const ask = async () => {
    const q = input.value.trim();
    if (q.length < 2 || q === asked) return;
    asked = q;
    try {
      const res = await fetch(box.dataset.codeLookup + "?q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { "Accept": "application/json" } });
      if (!res.ok) { status.textContent = "The look-up failed (" + res.status + ")."; return; }
      const ans = await res.json();
      if (q !== input.value.trim()) return; // typed on meanwhile
      list.replaceChildren(...ans.matches.map((m) => {
        const o = document.createElement("option");
        o.value = m.code + " " + m.description;
        if (!m.billable) o.label = m.code + " (category, not billable) " + m.description;
        return o;
      }));
      status.textContent = !ans.table ? "No ICD-10-CM table is imported: an administrator runs \"medchron codes import\"." :
        ans.matches.length ? ans.matches.length + " match" + (ans.matches.length > 1 ? "es" : "") : "No code matches.";
    } catch (e) { status.textContent = "The look-up is not available."; }
  };
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(ask, 200); });
  box.querySelector("[data-code-add]").addEventListener("click", () => {
    const v = input.value.trim();
    if (!v || !target) return;
    target.value = (target.value.trim() ? target.value.trimEnd() + "\n" : "") + v;
    input.value = "";
    input.focus();
  });
});

// Visit runs: a therapy or chiropractic series has a heading row (visits,
// dates, pain trend) whose button folds its visits away and back. Every
// visit shows until a reviewer folds a series (what "Select all shown"
// ticks are the rows that show); without JavaScript nothing folds.
document.addEventListener("DOMContentLoaded", () => {
  for (const btn of document.querySelectorAll("[data-run-toggle]")) {
    const id = btn.dataset.runToggle;
    const rows = document.querySelectorAll(`tr[data-run="${CSS.escape(id)}"]`);
    const set = (open) => {
      for (const r of rows) r.hidden = !open;
      btn.setAttribute("aria-expanded", String(open));
      btn.textContent = open ? "Fold its visits" : `Show its ${rows.length} visit${rows.length === 1 ? "" : "s"}`;
    };
    btn.hidden = false;
    btn.addEventListener("click", () => set(btn.getAttribute("aria-expanded") !== "true"));
    set(true);
  }
});

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
    for (const box of document.querySelectorAll('input[type="checkbox"][form="selection"][name="entry"]')) box.checked = all.checked;
  });
});

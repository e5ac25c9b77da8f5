// medchron: progressive enhancement only; every page works without it.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const el of document.querySelectorAll("[data-confirm]")) {
    el.addEventListener("click", (ev) => { if (!confirm(el.dataset.confirm)) ev.preventDefault(); });
  }
});

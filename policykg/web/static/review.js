// policykg review: keyboard, decisions, as-you-type checks, facts from a selection, publish.
// Hand-written and small on purpose: the server renders every page and owns every rule;
// this script only sends what the reviewer does to the JSON API and marks the answer.
"use strict";

const CSRF = document.querySelector('meta[name="csrf-token"]').content;

async function post(url, body) {
  const response = await fetch(url, {
    method: "POST", credentials: "same-origin",
    headers: {"Content-Type": "application/json", "X-CSRF-Token": CSRF},
    body: JSON.stringify(body),
  });
  let data = {};
  try { data = await response.json(); } catch (e) { data = {error: response.statusText}; }
  return {ok: response.ok, status: response.status, data};
}

// ---- the drafts list: new drafts appear without a reload -------------------------------------
const draftsTable = document.getElementById("drafts");
if (draftsTable) {
  setInterval(async () => {
    const response = await fetch("/api/drafts", {credentials: "same-origin"});
    if (!response.ok) return;
    const rows = await response.json();
    const body = draftsTable.querySelector("tbody");
    body.replaceChildren(...rows.map((d) => {
      const tr = document.createElement("tr");
      tr.dataset.name = d.name;
      const link = document.createElement("a");
      link.href = "/draft/" + d.name; link.textContent = d.title;
      const cells = [link, d.source || "", `${d.decided} / ${d.total}`, d.state];
      for (const value of cells) {
        const td = document.createElement("td");
        td.append(value);
        tr.append(td);
      }
      tr.lastChild.className = "state-" + d.state.replace(" ", "-");
      return tr;
    }));
  }, 3000);
}

// ---- a draft's page -------------------------------------------------------------------------
const topBar = document.getElementById("top");
const DRAFT = topBar && topBar.dataset.draft;
const cards = () => Array.from(document.querySelectorAll("article.card"));
let current = 0;

function marksOf(card) {
  return document.querySelectorAll(`mark[data-facts~="${CSS.escape(card.dataset.id)}"]`);
}

function select(index, scroll = true) {
  const all = cards();
  if (!all.length) return;
  current = Math.max(0, Math.min(index, all.length - 1));
  document.querySelectorAll(".card.selected, mark.active").forEach((el) => el.classList.remove("selected", "active"));
  const card = all[current];
  card.classList.add("selected");
  const marks = marksOf(card);
  marks.forEach((m) => m.classList.add("active"));
  if (scroll) {
    card.scrollIntoView({block: "nearest"});
    if (marks.length) marks[0].scrollIntoView({block: "center"});
    else if (card.dataset.par) document.querySelector(`p.par[data-par="${card.dataset.par}"]`)?.scrollIntoView({block: "center"});
  }
  history.replaceState(null, "", "#" + encodeURIComponent(card.dataset.id));
}

function nextUndecided(from) {
  const all = cards();
  for (let i = from; i < all.length; i++) if (all[i].classList.contains("state-undecided")) return i;
  return Math.min(from, all.length - 1);
}

function setState(card, entry) {
  card.className = card.className.replace(/state-\S+/, "state-" + entry.state);
  card.dataset.rev = entry.rev;
  card.querySelector(".state").textContent = entry.state;
  card.querySelector(".conflict").hidden = true;
}

function progress() {
  const all = cards();
  const done = all.filter((c) => !c.classList.contains("state-undecided")).length;
  document.getElementById("progress").textContent = `${done} / ${all.length} decided`;
}

function showConflict(card, answer) {
  const box = card.querySelector(".conflict");
  const other = answer.data.current || {};
  box.textContent = `${answer.data.error} Their decision: ${other.state || "none"}` +
    (other.changes ? " " + JSON.stringify(other.changes) : "");
  box.hidden = false;
  card.dataset.rev = other.rev || 0;
}

async function decide(card, state, values) {
  const body = {id: card.dataset.id, state, rev: Number(card.dataset.rev)};
  if (values) body.values = values;
  const answer = await post("/api/decide/" + DRAFT, body);
  if (answer.status === 409) { showConflict(card, answer); return false; }
  if (!answer.ok) { showProblems(card.querySelector("form"), answer.data.problems || {"": answer.data.error}); return false; }
  setState(card, answer.data);
  progress();
  return true;
}

async function acceptRest(section) {
  const answer = await post("/api/accept-rest/" + DRAFT, {section});
  if (!answer.ok) { alert(answer.data.error); return; }
  for (const [id, entry] of Object.entries(answer.data)) {
    const card = cards().find((c) => c.dataset.id === id);
    if (card) setState(card, entry);
  }
  progress();
  const all = cards();
  const after = all.findIndex((c, i) => i > current && c.dataset.section !== section);
  select(after >= 0 ? nextUndecided(after) : nextUndecided(0));
}

// ---- forms: edit a card, or a new fact from a selection -----------------------------------------
function values(form) {
  const out = {};
  for (const el of form.elements) if (el.name) out[el.name] = el.value;
  return out;
}

function showProblems(form, problems) {
  if (!form) { alert(Object.values(problems).join("\n")); return; }
  form.querySelectorAll(".err").forEach((el) => { el.textContent = ""; });
  form.querySelectorAll(".field.bad").forEach((el) => el.classList.remove("bad"));
  for (const [field, message] of Object.entries(problems)) {
    const el = form.querySelector(`[data-err="${CSS.escape(field)}"]`) || form.querySelector(".err");
    if (el) { el.textContent = message; el.closest(".field").classList.add("bad"); }
  }
}

let checkTimer = null;
function watch(form, id) {
  form.addEventListener("input", () => {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(async () => {
      const answer = await post("/api/check/" + DRAFT, {section: form.dataset.section, id, values: values(form)});
      if (answer.ok) showProblems(form, answer.data.problems);
    }, 150);
  });
}

function openForm(form) {
  form.hidden = false;
  const first = form.querySelector("input, select");
  if (first) first.focus();
}

function closeForms() {
  document.querySelectorAll("form.fact-form").forEach((f) => { f.hidden = true; });
  document.querySelectorAll(".new-fact").forEach((f) => { f.hidden = true; });
  document.getElementById("publish").hidden = true;
  document.activeElement?.blur();
}

function reloadAt(id) {
  location.hash = "#" + encodeURIComponent(id);
  location.reload();
}

function setupCard(card, index) {
  const form = card.querySelector("form");
  card.addEventListener("click", (event) => {
    if (!event.target.closest("form")) select(index, false);
    const action = event.target.dataset.do;
    if (action === "edit") openForm(form);
    else if (action) decide(card, action);
  });
  watch(form, card.dataset.id);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (await decide(card, "edited", values(form))) reloadAt(card.dataset.id);
  });
  form.querySelector(".cancel").addEventListener("click", closeForms);
}

let selection = null;
function setupSelection() {
  const tools = document.getElementById("selection-tools");
  document.getElementById("source").addEventListener("mouseup", () => {
    const chosen = window.getSelection();
    const text = chosen ? chosen.toString().trim() : "";
    const par = chosen && chosen.anchorNode ? chosen.anchorNode.parentElement?.closest("p.par") : null;
    if (!text || !par) { tools.hidden = true; return; }
    selection = {text, paragraph: Number(par.dataset.par)};
    tools.hidden = false;
  });
  tools.addEventListener("click", async (event) => {
    const section = event.target.dataset.new;
    if (!section || !selection) return;
    const answer = await post("/api/prefill/" + DRAFT, {section, ...selection});
    if (!answer.ok) { alert(answer.data.error); return; }
    const box = document.querySelector(`.new-fact[data-section="${section}"]`);
    const form = box.querySelector("form");
    for (const el of form.elements) {
      if (!el.name) continue;
      const value = answer.data.fact[el.name];
      el.value = value === undefined || value === null ? "" : (Array.isArray(value) ? value.join(", ") : String(value));
    }
    box.hidden = false;
    tools.hidden = true;
    openForm(form);
    form.dispatchEvent(new Event("input"));
  });
  document.querySelectorAll(".new-fact form").forEach((form) => {
    watch(form, null);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const answer = await post("/api/add/" + DRAFT, {section: form.dataset.section, values: values(form)});
      if (answer.ok) reloadAt(answer.data.id); else showProblems(form, answer.data.problems || {"": answer.data.error});
    });
    form.querySelector(".cancel").addEventListener("click", closeForms);
  });
}

// ---- publish ----------------------------------------------------------------------------------
function openPublish() {
  document.getElementById("publish").hidden = false;
  document.getElementById("publish-go").focus();
}

async function publish() {
  const result = document.getElementById("publish-result");
  result.textContent = "Publishing…";
  const answer = await post("/api/publish/" + DRAFT, {
    by: document.getElementById("reviewer").value, ingest: document.getElementById("ingest").checked});
  if (!answer.ok) {
    result.textContent = "Not published: " + answer.data.error;
    result.className = "problem";
    return;
  }
  result.className = "done";
  result.replaceChildren(`Published to ${answer.data.path}.` + (answer.data.ingested ? ` Ingested: ${answer.data.summary}` : ""));
  if (answer.data.ingested && answer.data.changes.length) {
    const table = document.createElement("table");
    table.className = "changes";
    const columns = Object.keys(answer.data.changes[0]);
    table.innerHTML = "<tr>" + columns.map(() => "<th></th>").join("") + "</tr>";
    columns.forEach((c, i) => { table.rows[0].cells[i].textContent = c; });
    for (const change of answer.data.changes) {
      const row = table.insertRow();
      for (const c of columns) row.insertCell().textContent = change[c] ?? "";
    }
    result.append(table);
  }
}

// ---- keys -------------------------------------------------------------------------------------
function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const typing = event.target.closest && event.target.closest("input, select, textarea");
  if (event.key === "Escape") { closeForms(); return; }
  if (typing) return;
  const card = cards()[current];
  const keys = {
    j: () => select(current + 1), k: () => select(current - 1),
    a: () => card && decide(card, "accepted").then((ok) => ok && select(nextUndecided(current + 1))),
    r: () => card && decide(card, "rejected").then((ok) => ok && select(nextUndecided(current + 1))),
    e: () => card && openForm(card.querySelector("form")),
    A: () => card && acceptRest(card.dataset.section),
    P: openPublish,
  };
  if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
}

if (DRAFT) {
  cards().forEach(setupCard);
  setupSelection();
  document.querySelectorAll("mark[data-facts]").forEach((mark) => mark.addEventListener("click", () => {
    const id = mark.dataset.facts.split(" ")[0];
    const index = cards().findIndex((c) => c.dataset.id === id);
    if (index >= 0) select(index);
  }));
  document.querySelectorAll(".accept-rest").forEach((button) => button.addEventListener("click", () => {
    const section = button.closest(".section").dataset.section;
    current = cards().findIndex((c) => c.dataset.section === section);
    acceptRest(section);
  }));
  document.getElementById("publish-open").addEventListener("click", openPublish);
  document.getElementById("publish-go").addEventListener("click", publish);
  document.getElementById("publish-cancel").addEventListener("click", closeForms);
  document.addEventListener("keydown", onKey);
  const wanted = decodeURIComponent(location.hash.slice(1));
  const at = cards().findIndex((c) => c.dataset.id === wanted);
  select(at >= 0 ? at : nextUndecided(0));
}

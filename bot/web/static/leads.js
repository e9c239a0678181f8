// The lead table: search, filters that combine, counts per stage, sorting, pages on the
// server, selecting rows to move them, and the export of what the filter shows.
import { call } from "./api.js";
import { complain, desk, failure, go, mainButton } from "./app.js";
import { fill, h, select, sideways, t } from "./dom.js";
import { moveSelected } from "./moves.js";
import { leadLink, withLinks } from "./records.js";

const COLUMNS = ["reference", "name", "stage_name", "sector", "role", "province", "stage",
  "assignee", "submitted", "activity"];
const SEARCH_DELAY = 350; // ms after the last key before searching
// The filters the Filter panel sets (the others are chips': today, closed duplicates).
const PANEL = ["stage", "sector", "province", "program", "assigned", "from", "to", "waiting",
  "cancelled"];

let searchTimer = 0;
const stageOptions = () => desk.session.stages.map(({ key, label }) => ({ value: key, label }));
const assignedOptions = () => [{ value: "me", label: t("filter_mine") },
  { value: "none", label: t("filter_unassigned") }];

/** The filter changed (`change` null: cleared), the list from its first page, then `then`. */
function refilter(change, then) {
  desk.filter = change ? { ...desk.filter, ...change } : {};
  desk.page = 1;
  return then();
}

/** The search box and the filters (the board uses them too; `stages` false hides stage). */
export function filters(onchange, { stages = true } = {}) {
  const session = desk.session;
  const set = (key) => (value) => refilter({ [key]: value || undefined }, onchange);
  const search = h("input", {
    type: "search", class: "search", value: desk.filter.q || "",
    placeholder: t("search_placeholder"), "aria-label": t("search_label"), maxlength: 100,
    oninput: () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => set("q")(search.value.trim()), SEARCH_DELAY);
    },
  });
  const date = (key, label) => h("label", { class: "field" }, h("span", {}, label),
    h("input", { type: "date", value: desk.filter[key] || "",
      onchange: (event) => set(key)(event.target.value) }));
  const active = Object.keys(desk.filter).filter((key) => key !== "q" && desk.filter[key]
    && (stages || key !== "stage"));
  // A search in force is said first among the filters (re-check s57, N2); the panel's heading
  // counts only what is set inside it, not a chip's filter (review s56: "Filter (1)", empty).
  const inPanel = active.filter((key) => PANEL.includes(key));
  // The panel stays as staff left it: a chip does not open it (a review: it pushed the list
  // down); what is on is said below.
  const panel = h("details", { class: "more", open: desk.filtersOpen,
    ontoggle: () => { desk.filtersOpen = panel.open; } });
  const chosen = desk.filter.q ? ["q", ...active] : active;
  return h("div", { class: "filters" }, search, chosenFilters(chosen, set),
    fill(panel,
      h("summary", {}, inPanel.length ? `${t("filters")} (${inPanel.length})` : t("filters")),
      h("div", { class: "grid" },
        stages ? select(t("filter_stage"), stageOptions(), desk.filter.stage, set("stage")) : null,
        select(t("filter_sector"), session.sectors, desk.filter.sector, set("sector")),
        select(t("filter_province"), session.provinces, desk.filter.province, set("province")),
        select(t("filter_program"), session.programs, desk.filter.program, set("program")),
        select(t("filter_assigned"), assignedOptions(), desk.filter.assigned, set("assigned")),
        date("from", t("filter_from")),
        date("to", t("filter_to")),
        h("label", { class: "field check" },
          h("input", { type: "checkbox", checked: desk.filter.waiting === "yes",
            onchange: (event) => set("waiting")(event.target.checked ? "yes" : "") }),
          h("span", {}, t("filter_waiting"))),
        h("label", { class: "field check" },
          h("input", { type: "checkbox", checked: desk.filter.cancelled === "yes",
            onchange: (event) => set("cancelled")(event.target.checked ? "yes" : "") }),
          h("span", {}, t("filter_cancelled"))),
        h("button", { class: "button plain", onclick: () => refilter(null, onchange) },
          t("filter_clear")))));
}

/** A filter in use as staff read it: "📅 Masuk hari ini", "Bidang: Film"; null for one said
 * elsewhere (the closed duplicates' own line). */
function filterLabel(key, value) {
  const session = desk.session;
  const named = (label, options) => {
    const found = options.find((option) => option.value === value);
    return `${label}: ${found ? found.label : value}`;
  };
  return {
    q: () => `${t("filter_search")}: ${value}`,
    today: () => t("filter_today"),
    waiting: () => t("filter_waiting"),
    cancelled: () => t("filter_cancelled"),
    stage: () => named(t("filter_stage"), stageOptions()),
    sector: () => named(t("filter_sector"), session.sectors),
    province: () => named(t("filter_province"), session.provinces),
    program: () => named(t("filter_program"), session.programs),
    assigned: () => named(t("filter_assigned"), assignedOptions()),
    from: () => `${t("filter_from")}: ${value}`,
    to: () => `${t("filter_to")}: ${value}`,
  }[key]?.() ?? null;
}

/** The filters in use, each said and removed with one tap, in sight with the panel shut. */
function chosenFilters(active, set) {
  const items = active.map((key) => [key, filterLabel(key, desk.filter[key])])
    .filter(([, label]) => label);
  if (!items.length) return null;
  return h("div", { class: "chosen-filters" }, h("span", { class: "hint" }, t("filters_on")),
    items.map(([key, label]) => h("button", { class: "chip chosen", "data-filter": key,
      title: t("filter_remove", { filter: label }),
      "aria-label": t("filter_remove", { filter: label }), onclick: () => set(key)("") },
    label, h("span", { class: "remove", "aria-hidden": "true" }, " ✕"))));
}

/** Only the filter values in use (the bot refuses keys it does not know). */
export function currentFilter() {
  return Object.fromEntries(Object.entries(desk.filter).filter(([, value]) => value));
}

/** Under a lead's name: the lead it was closed as a duplicate of, the leads it may duplicate,
 * and how long it has waited. */
export function notices(row) {
  return [
    // The other lead's reference opens it; dealt with, so muted, not red (reviews s55).
    row.closed_of ? h("span", { class: "notice closed-of" },
      withLinks(row.closed_of.text, [row.closed_of])) : null,
    (row.duplicates || []).map((mark) => h("span", { class: "notice mark" },
      withLinks(mark.text, [mark]))),
    row.waiting ? h("span", { class: "notice waiting" }, row.waiting) : null,
  ];
}

const TIMES = new Set(["submitted", "activity"]);

/** A date and time that may break between the two (never inside either): on a laptop the
 * table then fits its width instead of pushing the last column off the screen. */
function when(value) {
  const [day, ...time] = value.split(" ");
  return time.length ? [h("span", { class: "nowrap" }, day), " ",
    h("span", { class: "nowrap" }, time.join(" "))] : value;
}

function cell(row, column) {
  const value = {
    stage: row.stage_label, assignee: row.assignee || "—",
  }[column] ?? row[column];
  let shown = value || "—";
  // The reference a link, for the keyboard too (review s62, H1: a row opened by a click only).
  if (column === "reference") shown = leadLink(value, true);
  // On a phone the name's cell also names the act, band or company (its column is left out).
  else if (column === "name") {
    shown = [h("span", { class: "name" }, shown),
      row.stage_name ? h("span", { class: "act" }, row.stage_name) : null, notices(row)];
  } else if (value && TIMES.has(column)) {
    shown = when(value);
  }
  // A lead its talent cancelled: its stage ("… · 🚫 cancelled by the registrant") in the
  // warning colour, as on its page, for whoever skims the list for someone to call.
  const warn = column === "stage" && row.withdrawn ? " warning withdrawn" : "";
  return h("td", { "data-label": t(`col_${column}`),
    class: (value ? `col-${column}` : `col-${column} empty`) + warn }, shown);
}

function selectionBar(list, onchange) {
  const count = desk.selected.size;
  const move = async () => {
    const moved = await moveSelected([...desk.selected.keys()], desk.session.stages);
    if (moved) {
      desk.selected.clear();
      onchange();
    }
  };
  if (!mainButton(count ? t("move_selected") : null, move) && count) {
    return h("div", { class: "selection" }, h("span", {}, t("selected", { count })),
      h("button", { class: "button", onclick: move }, t("move_selected")));
  }
  return count ? h("div", { class: "selection" }, t("selected", { count })) : null;
}

function table(list, onchange) {
  const pick = (row, on) => {
    if (on) desk.selected.set(row.id, row.reference); else desk.selected.delete(row.id);
    onchange(false);
  };
  const sortBy = (column) => {
    desk.sort = { by: column, desc: desk.sort.by === column ? !desk.sort.desc : false };
    onchange();
  };
  const allShown = list.rows.length > 0 && list.rows.every((row) => desk.selected.has(row.id));
  // Sorted by a column a phone's card leaves out (last active): the card shows it then.
  return h("table", { class: `leads sorted-${desk.sort.by}` },
    h("thead", {}, h("tr", {},
      h("th", { class: "pick" }, h("input", { type: "checkbox", checked: allShown,
        "aria-label": t("select_page"),
        onchange: (event) => list.rows.forEach((row) => pick(row, event.target.checked)) })),
      COLUMNS.map((column) => h("th", { class: `col-${column}`,
        "aria-sort": desk.sort.by === column ? (desk.sort.desc ? "descending" : "ascending") : null },
      h("button", { class: "sort", onclick: () => sortBy(column) }, t(`col_${column}`),
        desk.sort.by === column ? (desk.sort.desc ? " ↓" : " ↑") : ""))))),
    h("tbody", {}, list.rows.map((row) => h("tr", { "data-id": row.id },
      h("td", { class: "pick" }, h("input", { type: "checkbox", checked: desk.selected.has(row.id),
        "aria-label": t("select_row", { reference: row.reference }),
        onchange: (event) => pick(row, event.target.checked) })),
      COLUMNS.map((column) => {
        const element = cell(row, column);
        element.addEventListener("click", () => go("lead", row.reference));
        return element;
      })))));
}

function sortControl(onchange) {
  return h("div", { class: "sorter" },
    h("label", { class: "field" }, h("span", {}, t("sort_by")),
      h("select", { onchange: (event) => { desk.sort = { ...desk.sort, by: event.target.value };
        onchange(); } },
      COLUMNS.map((column) => h("option", { value: column, selected: desk.sort.by === column },
        t(`col_${column}`))))),
    h("button", { class: "button plain", onclick: () => {
      desk.sort = { ...desk.sort, desc: !desk.sort.desc };
      onchange();
    } }, t("sort_reverse")));
}

/** A stage's count, with the leads closed as a duplicate that keep the stage apart:
 * "0 + 🔁 1 duplikat" (listed under it, counted in no stage, as /stats does). */
export function stageCount(count, duplicates) {
  return duplicates ? `${count} ${t("count_duplicates", { count: duplicates })}`
    : String(count);
}

function counts(list, onchange) {
  const chosen = desk.filter.stage;
  const total = list.counts.reduce((sum, item) => sum + item.count, 0);
  const closed = list.counts.reduce((sum, item) => sum + (item.duplicates || 0), 0);
  const chip = (key, label, count, duplicates) => h("button", {
    class: "chip", "data-stage": key, "aria-pressed": String((chosen || "") === key),
    onclick: () => refilter({ stage: key || undefined, duplicates: undefined }, onchange),
  }, `${label} · ${stageCount(count, duplicates)}`);
  // A chip that turns a yes/no filter on or off: waiting too long, submitted today.
  const toggle = (key, label) => {
    const on = desk.filter[key] === "yes";
    return h("button", { class: `chip ${key}`, "aria-pressed": String(on),
      onclick: () => refilter({ [key]: on ? undefined : "yes" }, onchange) }, label);
  };
  // Today's and the waiting leads first: on a phone the stage chips push what follows out of
  // sight (a review).
  return sideways(h("div", { class: "chips" },
    toggle("today", t("filter_today")), toggle("waiting", t("filter_waiting")),
    chip("", t("all_stages"), total, closed),
    list.counts.map((item) => chip(item.stage, item.label, item.count, item.duplicates))));
}

async function exportFile(format, status) {
  fill(status, t("export_working"));
  const ready = await call("export", { format, filter: currentFilter() });
  // A stage's export leaves out the leads closed as a duplicate (in no stage): said under it.
  const leftOut = ready.left_out ? h("div", { class: "hint left-out" }, ready.left_out) : null;
  if (!ready.count) {
    fill(status, t("export_empty"), leftOut);
    return;
  }
  const url = new URL(ready.path, location.href).href;
  // A link works once (the bot deletes the file as it sends it): once used, it is replaced
  // by words saying so, and how to get a new file.
  const used = () => fill(status, t("export_used", { name: ready.name }), leftOut);
  const tg = window.Telegram && window.Telegram.WebApp;
  if (tg && tg.downloadFile && tg.isVersionAtLeast && tg.isVersionAtLeast("8.0")) {
    tg.downloadFile({ url, file_name: ready.name }, (accepted) => { if (accepted) used(); });
  }
  fill(status, t("export_ready", { count: ready.count }), " ",
    h("a", { href: url, download: ready.name, onclick: () => setTimeout(used, 0) }, ready.name),
    leftOut);
}

/** A stage lists what it counts and exports: its leads closed as a duplicate are said under
 * the count, with a button listing only them; that list says so, with the way back. */
function closedDuplicates(list, reload) {
  const only = desk.filter.duplicates === "closed";
  if (!only && !list.left_out) return null;
  const show = (value) => () => refilter({ duplicates: value }, reload);
  return only
    ? h("p", { class: "hint closed-only" }, t("closed_only"), " ",
      h("button", { class: "button plain closed-back", onclick: show(undefined) },
        t("closed_back")))
    : h("p", { class: "hint closed-left-out" }, t("closed_left_out", { count: list.left_out }),
      " ", h("button", { class: "button plain closed-show", onclick: show("closed") },
        t("closed_show")));
}

/** An empty list: none yet, none for the filters, or a search that found nobody, with what
 * it looks in and the Filter panel a tap away (review s57), the search cleared as it opens
 * (re-check s57, N2: it would narrow every filter to nothing too). */
function nothingFound(list, reload) {
  if (!list.search_none) {
    return h("p", { class: "state" },
      Object.keys(currentFilter()).length ? t("empty") : t("leads_none"));
  }
  return h("div", { class: "state search-none" }, h("p", {}, list.search_none),
    h("p", { class: "hint" }, t("search_filters_hint"), " ",
      h("button", { class: "button plain open-filters", onclick: async () => {
        clearTimeout(searchTimer); // a search still being typed would come back
        desk.filtersOpen = true;
        await refilter({ q: undefined }, reload);
        const panel = document.querySelector(".filters details.more");
        if (panel) panel.scrollIntoView({ block: "nearest" });
      } }, t("search_open_filters"))));
}

/** The Leads tab. */
export async function render(main) {
  const list = await call("leads", { filter: currentFilter(), sort: desk.sort, page: desk.page });
  const reload = async (full = true) => {
    if (!full) {
      draw();
      return;
    }
    await render(main).catch((error) => fill(main, failure(error, () => render(main))));
  };
  const status = h("p", { class: "export-status", role: "status" });
  const draw = () => fill(main,
    filters(reload),
    counts(list, reload),
    h("div", { class: "toolbar" },
      h("strong", {}, t("count", { count: list.total })),
      sortControl(reload),
      h("span", { class: "exports" },
        ["csv", "xlsx"].map((format) => h("button", { class: "button plain", onclick: () =>
          exportFile(format, status).catch(complain) },
        t(`export_${format}`))))),
    status,
    list.waiting ? h("p", { class: "hint" }, t("waiting_order")) : null,
    // Words of the search read as a province ("jabar") or a field of work ("film"): said.
    (list.places || []).length ? h("div", { class: "search-places" },
      list.places.map((line) => h("p", { class: "hint" }, line))) : null,
    closedDuplicates(list, reload),
    selectionBar(list, reload),
    list.rows.length ? table(list, reload) : nothingFound(list, reload),
    list.pages > 1 ? h("nav", { class: "pager" },
      h("button", { class: "button plain", disabled: desk.page <= 1,
        onclick: () => { desk.page -= 1; reload(); } }, t("prev")),
      h("span", {}, t("page", { page: list.page, pages: list.pages })),
      h("button", { class: "button plain", disabled: desk.page >= list.pages,
        onclick: () => { desk.page += 1; reload(); } }, t("next"))) : null);
  draw();
  const search = main.querySelector("input[type=search]");
  if (search && desk.filter.q) {
    search.focus();
    search.setSelectionRange(search.value.length, search.value.length);
  }
}

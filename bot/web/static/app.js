// The staff workspace: boots from Telegram's init data, then shows leads, board, a lead, stats.
import { ApiError, call, keptSignIn, signIn, texts, whenRefused } from "./api.js";
import { dismissToast, fill, h, t, toast, useTexts } from "./dom.js";
import * as board from "./board.js";
import * as broadcasts from "./broadcasts.js";
import * as leadPage from "./lead.js";
import * as leads from "./leads.js";
import * as questions from "./questions.js";
import * as stats from "./stats.js";

const tg = window.Telegram && window.Telegram.WebApp ? window.Telegram.WebApp : null;
const main = document.getElementById("main");
const tabs = document.getElementById("tabs");
const top = document.querySelector("header.top");

/** What every view shares: the session, the filter, the sort, the page, the selection. */
export const desk = {
  session: null,
  filter: {},
  filtersOpen: false, // the Filter panel as staff left it open or closed
  sort: { by: "submitted", desc: true },
  page: 1,
  selected: new Map(), // application id -> reference
  boardStage: "", // on a phone, the board's column shown alone ("": all, stacked)
  view: "leads",
  lead: null,
};

const VIEWS = { leads, board, questions, stats, broadcasts };
const TABS = ["leads", "board", "questions", "stats", "broadcasts"];

/** The launch parameters Telegram put in the URL fragment, and a lead to open: by its
 * reference (#lead/KOC-000012), or by its application id in a link from before (#lead/12). */
function launch() {
  const params = {};
  let lead = null;
  for (const part of location.hash.replace(/^#/, "").split(/[?&]/)) {
    const match = /^lead\/(?:(\d{1,12})|(KOC-\d{1,12}))$/i.exec(part);
    if (match) lead = match[1] ? Number(match[1]) : match[2].toUpperCase();
    const cut = part.indexOf("=");
    if (cut > 0) {
      try {
        const decode = (text) => decodeURIComponent(text.replace(/\+/g, "%20"));
        params[decode(part.slice(0, cut))] = decode(part.slice(cut + 1));
      } catch {
        // a malformed parameter is not Telegram's: ignored
      }
    }
  }
  return { params, lead };
}

function applyTheme(params) {
  const root = document.documentElement;
  let theme = null;
  if (tg && tg.themeParams && Object.keys(tg.themeParams).length) theme = tg.themeParams;
  else if (params.tgWebAppThemeParams) {
    try { theme = JSON.parse(params.tgWebAppThemeParams); } catch { theme = null; }
  }
  if (theme && !tg) {
    for (const [name, value] of Object.entries(theme)) {
      if (/^#[0-9a-f]{3,8}$/i.test(String(value))) {
        root.style.setProperty(`--tg-theme-${name.replace(/_/g, "-")}`, value);
      }
    }
  }
  // Without Telegram's script, its scheme as it derives it: dark on a dark bg_color.
  const bg = (theme && /^#(\w\w)(\w\w)(\w\w)$/.exec(theme.bg_color)) || [];
  const [r, g, b] = bg.slice(1).map((c) => parseInt(c, 16));
  const scheme = tg ? tg.colorScheme
    : bg.length && (.299 * r * r + .587 * g * g + .114 * b * b < 14400 ? "dark" : "light");
  if (scheme) root.dataset.scheme = scheme;
}

function languageOf(initData) {
  try {
    const user = JSON.parse(new URLSearchParams(initData).get("user") || "{}");
    const code = user.language_code || navigator.language || "";
    return String(code).toLowerCase().startsWith("id") ? "id" : "en";
  } catch {
    return (navigator.language || "").toLowerCase().startsWith("id") ? "id" : "en";
  }
}

/** The staff member's language, kept for this tab only (not who they are): a page reloaded
 * outside Telegram has no init data to read it from. */
function storedLanguage(language) {
  try {
    if (language) sessionStorage.setItem("ws-language", language);
    const kept = sessionStorage.getItem("ws-language");
    return kept === "id" || kept === "en" ? kept : null;
  } catch {
    return null;  // storage turned off: the browser's language then
  }
}

function refusal(kind) {
  return [h("h1", {}, t("refused_title")),
    h("p", {}, t(kind === "forbidden" ? "refused_forbidden" : "refused_unauthorized"))];
}

/** The bot refused this session (expired, no longer staff): the tabs go; what is on the page
 * stays (a reply being typed), under the words to open the workspace again, at the top. */
function refused(kind) {
  tabs.hidden = true;
  mainButton(null);
  if (main.querySelector(".refused") || document.getElementById("refused")) return;
  top.append(h("section", { class: "refused banner", id: "refused", role: "alert" },
    refusal(kind)[1]));
}

/** Words for a failed request: a refusal ends the page, anything else can be tried again. */
export function failure(error, retry) {
  const kind = error instanceof ApiError ? error.kind : "server";
  if (kind === "unauthorized" || kind === "forbidden") {
    tabs.hidden = true;
    const banner = document.getElementById("refused");
    if (banner) banner.remove();
    return h("section", { class: "refused" }, refusal(kind));
  }
  return h("div", { class: "state error" }, h("p", {}, t(errorKey(kind))),
    retry ? h("button", { class: "button", onclick: retry }, t("retry")) : null);
}

/** A failed action in a toast; a refused session is said once, at the top (see refused). */
export function complain(error) {
  const kind = error instanceof ApiError ? error.kind : "server";
  if (kind === "unauthorized" || kind === "forbidden") return;
  toast((error instanceof ApiError && error.said) || t(errorKey(kind)), "error");
}

/** The words for an error that trying again may cure. */
function errorKey(kind) {
  return { network: "error_network", bad_request: "error_bad_request" }[kind] || "error_server";
}

/** The Questions tab's count of talents waiting for an answer (none: no badge). */
export function counted(total) {
  const badge = document.getElementById("questions-count");
  if (!badge) return;
  badge.textContent = String(total);
  badge.title = t("questions_count", { count: total });
  badge.setAttribute("aria-label", badge.title);
  badge.hidden = !total;
}

const RECOUNT_EVERY = 60_000;  // ms between two reads of the Questions tab's count

/** The count read again (whatever the view): questions arrive while staff work elsewhere,
 * and a reply from a lead page answers them. */
export function recount() {
  call("questions-count").then((answer) => counted(answer.total), () => {});
}

/** While the page is in view: the count read again, and on the Questions tab its list checked
 * too (a changed one is offered above it). */
function refresh() {
  if (document.hidden) return;
  if (questions.showing()) questions.check().catch(() => {});
  else recount();
}

/** Show a view: "leads", "board", "questions", "stats", "broadcasts", or "lead" with its
 * reference (KOC-000012; an application id still opens it, see lead.js). */
export async function go(view, lead = null) {
  if (view !== "questions") recount();
  // What a toast said was about the page left (a lead's move): it does not stay over the next.
  dismissToast();
  if (view !== "lead") desk.view = view;
  const left = desk.lead;
  desk.lead = lead;
  for (const tab of tabs.querySelectorAll("button")) {
    // A lead page keeps the tab it was opened from marked (Pendaftar when opened by its link):
    // staff see where they are and where Back goes.
    const current = tab.dataset.view === desk.view;
    tab.setAttribute("aria-current", String(current));
    // A phone's row of tabs may scroll sideways: the current one stays in sight.
    if (current) tab.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
  if (tg && tg.BackButton) {
    if (view === "lead") tg.BackButton.show(); else tg.BackButton.hide();
  }
  if (tg && tg.MainButton) tg.MainButton.hide();
  // The lead open is in the address by its reference (#lead/KOC-000012: no one's data), so a
  // reload opens it again.
  placed(view === "lead" ? lead : null);
  // Each view draws into a container of its own: one still loading when staff have moved on
  // (Stats is slow) draws into one no longer shown, not over the view they are on.
  const shown = h("div", { class: "view" }, h("p", { class: "state" }, t("loading")));
  fill(main, shown);
  window.scrollTo(0, 0);
  try {
    if (view === "lead") await leadPage.render(shown, lead);
    else await VIEWS[view].render(shown);
  } catch (error) {
    fill(shown, failure(error, () => go(view, lead)));
  }
  // The focus gone with the page left: on the lead's heading, or back on its link (s62, M2).
  if (document.activeElement === document.body) {
    shown.querySelector(view === "lead" ? "h1" : `[data-open="${left}"]`)?.focus();
  }
}

/** The lead open in the address (#lead/KOC-000012), or none. A lead opened by its id (an
 * older link) is put there by its reference once its page is read (lead.js). */
export function placed(lead) {
  const place = typeof lead === "string" ? `#lead/${encodeURIComponent(lead)}` : "";
  history.replaceState(null, "", location.pathname + location.search + place);
}

/** Back from a lead to the view it was opened from. */
export function back() {
  go(desk.view);
}

/** Telegram's main button (when there is one): a label and what it does, or hidden. */
export function mainButton(label, action) {
  if (!tg || !tg.MainButton) return false;
  tg.MainButton.offClick(mainButton.current || (() => {}));
  if (!label) {
    tg.MainButton.hide();
    return true;
  }
  mainButton.current = action;
  tg.MainButton.setText(label);
  tg.MainButton.onClick(action);
  tg.MainButton.show();
  return true;
}

/** Inside Telegram, a link to another site opens through Telegram, as it asks of Mini Apps (a
 * new tab may be blocked, or replace the workspace); a t.me link in Telegram itself. */
function throughTelegram(event) {
  const link = event.target instanceof Element ? event.target.closest("a[target='_blank']") : null;
  if (!link || event.defaultPrevented) return;
  const address = link.href;
  if (/^https:\/\/t\.me\//i.test(address) && tg.openTelegramLink) {
    event.preventDefault();
    tg.openTelegramLink(address);
  } else if (/^https?:\/\//i.test(address) && tg.openLink) {
    event.preventDefault();
    tg.openLink(address);
  }
}

async function boot() {
  const { params, lead } = launch();
  // Reloaded (in a browser, the printed link): the data this tab signed in with (api.js).
  const initData = (tg && tg.initData) || params.tgWebAppData || keptSignIn();
  applyTheme(params);
  // The signed data never stays in the address bar, history or a screenshot (only the lead
  // open, #lead/KOC-000012, goes there: see go).
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
  signIn(initData);
  let language = languageOf(initData);
  let all;
  try {
    all = await texts();
  } catch {
    fill(main, h("p", { class: "state error" },
      "Bot tidak bisa dihubungi. / Can't reach the bot."));
    return;
  }
  useTexts(all[language]);
  document.title = t("title");
  if (!initData) {  // opened in a browser, or reloaded there: nothing to sign in with
    const before = storedLanguage();
    if (before) useTexts(all[before]);
    fill(main, h("section", { class: "refused" }, h("h1", {}, t("refused_title")),
      h("p", {}, t("refused_outside_telegram"))));
    return;
  }
  if (tg) {
    tg.ready();
    tg.expand();
    if (tg.BackButton) tg.BackButton.onClick(back);
    tg.onEvent("themeChanged", () => applyTheme({}));
    document.addEventListener("click", throughTelegram);
  }
  try {
    desk.session = await call("session");
  } catch (error) {
    fill(main, failure(error, () => boot()));
    return;
  }
  language = desk.session.language;
  storedLanguage(language);
  useTexts(all[language]);
  document.documentElement.lang = language;
  // One name per tab, the one the bot's messages use ("tab Pertanyaan"): on a phone the row
  // scrolls sideways when the five do not fit (app.css), never a second row.
  fill(tabs, TABS.map((view) =>
    h("button", { class: "tab", "data-view": view, onclick: () => go(view) },
      h("span", { class: "tab-name" }, t(`tab_${view}`)),
      view === "questions" ? h("span", { class: "count", id: "questions-count", hidden: true })
        : null)));
  tabs.hidden = false;
  // Reports of their actions cannot reach their chat with the bot: said above the tabs.
  const away = desk.session.unreachable;
  if (away) top.before(h("p", { class: "banner", role: "status" }, away));
  // Sticky bars stand right under the tabs (app.css).
  const header = tabs.parentElement;
  new ResizeObserver(() => document.documentElement.style.setProperty("--tabs-height",
    `${header.offsetHeight}px`)).observe(header);
  // Questions arrive meanwhile: read again every minute in view, and on coming back into view.
  setInterval(refresh, RECOUNT_EVERY);
  document.addEventListener("visibilitychange", refresh);
  await go(lead ? "lead" : "leads", lead);
}

window.addEventListener("unhandledrejection", (event) => {
  complain(event.reason);
  event.preventDefault();
});
whenRefused(refused);

boot();

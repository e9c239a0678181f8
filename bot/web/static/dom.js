// Building the page safely: every talent-provided string goes in as text, never as HTML.
// The one exception, a stage message previewed "exactly as the talent gets it", is Telegram
// HTML rebuilt from an inert parse with only Telegram's formatting tags kept.

let words = {};

/** The page's texts in the admin's language (from /staff/texts.json). */
export function useTexts(texts) {
  words = texts || {};
}

/** A text by key with {placeholders} filled in (as text, in one pass: a value that holds
 * "{entry}", as a talent's words may, stays as typed), and {count:lead|leads} as the noun
 * that agrees with the count (bot/texts.py's plural form). */
export function t(key, values = {}) {
  const text = words[key];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)(?::([^|}]*)\|([^}]*))?\}/g, (found, name, one, other) => {
    if (!Object.hasOwn(values, name)) return found;
    if (one === undefined) return String(values[name]);
    return Number(values[name]) === 1 ? one : other;
  });
}

/** An element: h("button", {class: "x", onclick: f}, "label", child, …). */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "class") element.className = value;
    else if (name === "text") element.textContent = value;
    else if (name in element && typeof value !== "string") element[name] = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A row that scrolls sideways (the board, the stage chips) in a frame that fades the edge
 * hiding more, so a clipped column or chip shows there is more to scroll to. */
export function sideways(row) {
  const frame = h("div", { class: "sideways" }, row);
  const mark = () => {
    const left = row.scrollLeft;
    frame.toggleAttribute("data-more-left", left > 1);
    frame.toggleAttribute("data-more-right", row.scrollWidth - row.clientWidth - left > 1);
  };
  row.addEventListener("scroll", mark, { passive: true });
  new ResizeObserver(mark).observe(row);
  return frame;
}

/** Text in which a lead's reference (KOC-000001) never breaks across lines, as text nodes. */
export function unbroken(text) {
  if (text === null || text === undefined) return null;
  return String(text).split(/(KOC-\d+)/).map((part, index) => (index % 2
    ? h("span", { class: "reference-text" }, part) : part));
}

const FOCUSABLE = "a[href],button:enabled,input:enabled,select:enabled,textarea:enabled,summary,"
  + "[tabindex]";

/** A control as told from the others in a redraw: its label or data-*, else class and words. */
function sign(control) {
  const named = [control.getAttribute("aria-label"), ...Object.values(control.dataset)]
    .filter(Boolean).join();
  return `${control.localName}|${named || control.className + control.textContent}`;
}

/** Replace an element's content. The focus in it goes to the same control drawn again, else to
 * the one in its place: the next Tab goes on from there (staff review s62, M2: to the top). */
export function fill(element, ...children) {
  const focused = document.activeElement;
  const had = element.contains(focused) && [...element.querySelectorAll(FOCUSABLE)];
  element.replaceChildren();
  append(element, children);
  if (had) {
    const now = [...element.querySelectorAll(FOCUSABLE)];
    (now.find((control) => sign(control) === sign(focused))
      || now[Math.min(had.indexOf(focused), now.length - 1)])?.focus();
  }
  return element;
}

const KEPT = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre",
  "blockquote", "tg-spoiler"]);

/** Telegram HTML (a stage message) as the talent sees it: formatting kept, nothing active. */
export function telegramHtml(markup) {
  // DOMParser makes an inert document: no script runs and nothing loads while it is read.
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, "text/html");
  const out = document.createDocumentFragment();
  copy(parsed.body, out);
  return out;
}

function copy(from, to) {
  for (const node of from.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.append(...unbroken(node.textContent));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const name = node.localName;
      let kept = null;
      if (KEPT.has(name)) kept = document.createElement(name === "tg-spoiler" ? "span" : name);
      else if (name === "a") {
        const href = node.getAttribute("href") || "";
        kept = document.createElement("a");
        if (/^(https?:|tg:)/i.test(href)) {
          kept.href = href;
          kept.rel = "noopener noreferrer";
          kept.target = "_blank";
        }
      }
      if (kept === null) copy(node, to);
      else {
        copy(node, kept);
        to.append(kept);
      }
    }
  }
}

let toastTimer = 0;
const TOAST_MS = { info: 6000, warning: 10_000, error: 10_000 }; // a warning says more
const TOAST_GAP = 8; // px between the toast and what can be scrolled above it

// What a toast must not lie over: controls, headings (a review: the page's, under the tabs) and
// the answer a lead page's reply just sent (lead.js; review s55).
const KEPT_IN_SIGHT = "button, a[href], input, textarea, select, summary, h1, h2, h3, .just-sent";

/** Whether the toast lies over something of KEPT_IN_SIGHT in sight. */
function hidesSomething(box) {
  const area = box.getBoundingClientRect();
  for (const shown of document.querySelectorAll(KEPT_IN_SIGHT)) {
    if (box.contains(shown)) continue;
    const place = shown.getBoundingClientRect();
    if (!place.width || !place.height) continue; // hidden
    if (place.bottom > area.top && place.top < area.bottom && place.right > area.left
      && place.left < area.right) return true;
  }
  return false;
}

/** The toast's place; it never moves the page (review s55: a pushed page took the next tap
 * elsewhere). At the bottom, or, where it would hide a button or a heading there (a review: the
 * next card's "Kirim balasan"), over the lowest lines of text in sight; with none, at the
 * bottom (the page keeps room under its last card to scroll what it covers above it). */
function place(box) {
  atBottom(box);
  if (!hidesSomething(box)) return;
  const area = box.getBoundingClientRect();
  const header = document.querySelector(".top");
  const below = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  // What the toast may not lie over, in its columns and in sight, top to bottom.
  const taken = [...document.querySelectorAll(KEPT_IN_SIGHT)]
    .filter((shown) => !box.contains(shown))
    .map((shown) => shown.getBoundingClientRect())
    .filter((r) => r.width && r.height && r.right > area.left && r.left < area.right
      && r.bottom > below && r.top < area.bottom)
    .sort((a, b) => b.bottom - a.bottom);
  // The lowest free band tall enough: from the bottom place up, below each taken box in turn.
  let top = Math.min(area.top, innerHeight - area.height - TOAST_GAP);
  for (const r of taken) {
    if (r.top >= top + area.height + TOAST_GAP) continue; // wholly below the band
    if (r.bottom + TOAST_GAP <= top) break; // wholly above it: the band is free
    top = r.top - TOAST_GAP - area.height; // the band moves above this one
  }
  if (top < below + TOAST_GAP) return; // no free band: at the bottom
  box.dataset.place = "over";
  box.style.top = `${Math.floor(top)}px`;
}

/** The toast in its first place: at the bottom, above the safe area. */
function atBottom(box) {
  box.dataset.place = "bottom";
  box.style.top = "";
}

// A toast comes as a view is redrawn (a saved answer, a reply sent): placed again as the page
// changes under it, while it shows.
let placing = 0;
const redrawn = new MutationObserver((changes) => {
  const box = document.getElementById("toast");
  if (!box || box.hidden || placing) return;
  // The toast's own move or words are no change of the page.
  const own = (node) => node === box || box.contains(node);
  if (changes.every((change) => own(change.target)
    || [...change.addedNodes, ...change.removedNodes].every(own))) return;
  placing = requestAnimationFrame(() => {
    placing = 0;
    if (!box.hidden) place(box);
  });
});

// Scrolled, the page moves under a toast: one that now lies over a button or a heading is
// placed again (at the bottom, with the room kept there, when no lines of text are free).
let scrolling = 0;
function scrolled() {
  const box = document.getElementById("toast");
  if (!box || box.hidden || scrolling) return;
  scrolling = requestAnimationFrame(() => {
    scrolling = 0;
    if (!box.hidden && hidesSomething(box)) place(box);
  });
}

/** A short message over the page (an outcome, an error), placed by `place`; a tap or Escape
 * dismisses it, and the page keeps room at its bottom for it. */
export function toast(text, kind = "info") {
  const box = document.getElementById("toast");
  if (!box.dataset.dismissable) {
    box.dataset.dismissable = "yes";
    box.addEventListener("click", dismissToast);
    redrawn.observe(document.body, { childList: true, subtree: true });
    addEventListener("scroll", scrolled, { passive: true });
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !box.hidden) dismissToast();
    });
  }
  box.textContent = text;
  box.dataset.kind = kind;
  box.hidden = false;
  atBottom(box);
  // The room only grows (never shrinks as a toast goes): what staff scrolled to stays put.
  const room = innerHeight - box.getBoundingClientRect().top + TOAST_GAP;
  const root = document.documentElement;
  const before = parseFloat(root.style.getPropertyValue("--toast-room")) || 0;
  if (room > before) root.style.setProperty("--toast-room", `${Math.ceil(room)}px`);
  place(box);
  clearTimeout(toastTimer);
  toastTimer = setTimeout(dismissToast, TOAST_MS[kind] || TOAST_MS.info);
}

/** The toast taken away: tapped, its time up, or the page changed under it (app.js's go: one
 * about a lead stayed over the next lead's page, a staff review s55). */
export function dismissToast() {
  clearTimeout(toastTimer);
  document.getElementById("toast").hidden = true;
}

/** A modal dialog; `build(close)` returns its content. Resolves when it closes. */
export function dialog(build) {
  return new Promise((resolve) => {
    const box = h("dialog", { class: "dialog" });
    const close = (value) => { box.close(); box.remove(); resolve(value); };
    box.addEventListener("cancel", (event) => { event.preventDefault(); close(null); });
    fill(box, build(close));
    document.body.append(box);
    box.showModal();
  });
}

/** A select that acts on a choice made, not on one passed by (staff review s62, M1: Chromium
 * changes a closed select at each arrow key, and one ArrowDown moved a lead). A pick from its
 * list acts; a change a key makes is only shown: Enter acts on it, Escape or leaving undoes. */
export function chooser(select, act) {
  const was = select.value;
  let keyed = false; // a key is being handled: the change it makes comes in the same task
  let shown = false;
  const back = () => { shown = false; select.value = was; };
  select.addEventListener("keydown", (event) => {
    if (shown && event.key === "Enter") {
      event.preventDefault(); // it would open the list
      shown = false;
      if (select.value !== was) act(select.value);
    } else if (shown && event.key === "Escape") back();
    else {
      keyed = true;
      setTimeout(() => { keyed = false; });
    }
  });
  select.addEventListener("change", () => {
    shown = keyed;
    if (!keyed) act(select.value);
  });
  select.addEventListener("blur", () => { if (shown) back(); });
  return select;
}

/** A select with a first "all" option. */
export function select(label, options, value, onchange, all = t("filter_any")) {
  const element = h("select", { "aria-label": label, onchange: () => onchange(element.value) },
    h("option", { value: "" }, all),
    options.map((option) => h("option", { value: option.value, selected: option.value === value },
      option.label)));
  return h("label", { class: "field" }, h("span", {}, label), element);
}

// Announcements: what /broadcast does in chat, at a desk. Those running or scheduled, in the
// chat's words, each with Stop (asked once); a new one written, previewed and sent or
// scheduled; the last few that ended and how. Everything from the bot goes in as text (an
// announcement's start, its audience); a preview is Telegram HTML rebuilt by dom.js
// telegramHtml, formatting only.
import { call } from "./api.js";
import { failure } from "./app.js";
import { dialog, fill, h, t, telegramHtml, toast } from "./dom.js";

// What is being written: kept while the page is open (the tab is drawn anew after a stop).
const written = { text: "", text_en: "", audience: "all", later: false, at: "" };
// The one just sent from here: when it ends it stays where it was, at the top of the live
// list with its result, until staff leave the tab (a staff review s55, on a phone: a small
// audience is done in seconds, and the result went under "Baru selesai", below the writer).
let followed = null;

/** Stop one, asked once; the list is read again whatever the answer was (ended meanwhile). */
async function stop(item, reload) {
  const sure = await dialog((close) => [
    h("h2", {}, t("broadcast_stop_title")),
    h("p", { class: "intro" }, item.confirm),
    h("div", { class: "actions" },
      h("button", { class: "button danger", onclick: () => close(true) },
        t("btn_broadcast_stop_yes")),
      h("button", { class: "button secondary", onclick: () => close(false) },
        t("btn_broadcast_keep"))),
  ]);
  if (!sure) return;
  const done = await call("broadcast-stop", { id: item.id });
  // Ended meanwhile (its last message went out): a notice with how it went, not an error,
  // and the list read again so the row shows it ended.
  toast(done.text, "info");
  await reload();
}

/** How it starts, in each language it went out in (a staff review s57: only the Indonesian
 * text was shown, so staff could not check what English subscribers got). */
function excerpts(item) {
  if (!item.excerpt_en) return item.excerpt ? h("p", { class: "excerpt" }, item.excerpt) : null;
  return [h("p", { class: "meta version" }, t("broadcast_version_main")),
    h("p", { class: "excerpt", lang: "id" }, item.excerpt),
    h("p", { class: "meta version" }, t("broadcast_version_en")),
    h("p", { class: "excerpt", lang: "en" }, item.excerpt_en)];
}

function entry(item, reload) {
  const running = item.status === "queued" || item.status === "sending";
  // The chat's final report: its headline bold, its figures as plain lines under it (a staff
  // review s57: all five lines were bold).
  const [headline, ...figures] = item.line.split("\n");
  return h("li", { class: "card broadcast", "data-id": item.id, "data-status": item.status },
    h("p", { class: "summary" }, headline),
    figures.length ? h("p", { class: "report" }, figures.join("\n")) : null,
    item.ended ? h("p", { class: "meta" }, item.ended) : null,
    h("p", { class: "meta" }, item.audience),
    excerpts(item),
    running ? h("div", { class: "actions" },
      h("button", { class: "button secondary", onclick: () => stop(item, reload) },
        t("broadcast_stop"))) : null);
}

/** The audience choices: everyone, then each kind's groups (the chat's buttons, as options). */
function audienceSelect(choices) {
  const pick = h("select", { name: "audience", onchange: () => { written.audience = pick.value; } },
    choices.map((choice) => (choice.group
      ? h("optgroup", { label: choice.group }, choice.options.map((option) =>
        h("option", { value: option.value, selected: option.value === written.audience },
          option.label)))
      : h("option", { value: choice.value, selected: choice.value === written.audience },
        choice.label))));
  if (pick.value !== written.audience) written.audience = pick.value; // a group gone since
  return pick;
}

/** A field with its label, hint and the place where a refusal of it is said. */
function field(name, label, control, hint) {
  return h("div", { class: "field broadcast-field", "data-field": name },
    h("label", { for: `broadcast-${name}` }, label),
    control,
    hint ? h("span", { class: "hint" }, hint) : null,
    h("p", { class: "warning refusal", role: "alert", hidden: true }));
}

/** Writing one: the texts, the audience, when; Preview shows it as recipients get it, with
 * Send (or Schedule) under it. Changing anything drops the preview: it is previewed anew. */
function writer(list, reload) {
  const refusals = new Map();
  const area = (name, rows) => h("textarea", { id: `broadcast-${name}`, name, rows,
    oninput: (event) => { written[name] = event.target.value; dropPreview(); } }, written[name]);
  const at = h("input", { id: "broadcast-at", name: "at", type: "text", value: written.at,
    placeholder: list.example, disabled: !written.later,
    oninput: () => { written.at = at.value; dropPreview(); } });
  const timeBox = h("div", { class: "broadcast-time", hidden: !written.later },
    h("label", { class: "hint", for: "broadcast-at" }, t("broadcast_at", { example: list.example })),
    at);
  const when = (later) => h("label", { class: "check" },
    h("input", { type: "radio", name: "when", value: later ? "later" : "now",
      checked: written.later === later,
      onchange: () => {
        written.later = later;
        at.disabled = !later;
        timeBox.hidden = !later;  // a grey example in a box read as a time set (a staff review)
        dropPreview();
      } }),
    t(later ? "broadcast_later" : "broadcast_now"));
  const audience = audienceSelect(list.audiences);
  audience.id = "broadcast-audience";
  audience.addEventListener("change", () => dropPreview());
  const shown = h("div", { class: "broadcast-preview", hidden: true });
  const previewButton = h("button", { class: "button", type: "button", onclick: () => look() },
    t("broadcast_preview"));
  const form = h("section", { class: "card broadcast-writer" },
    h("h2", {}, t("broadcast_new")),
    field("text", t("broadcast_text"), area("text", 8), t("broadcast_text_hint")),
    field("text_en", t("broadcast_text_en"), area("text_en", 5), t("broadcast_text_en_hint")),
    field("audience", t("broadcast_audience_label"), audience),
    h("fieldset", { class: "field broadcast-field", "data-field": "at" },
      h("legend", {}, t("broadcast_when")), when(false), when(true), timeBox,
      h("p", { class: "warning refusal", role: "alert", hidden: true })),
    h("div", { class: "actions" }, previewButton),
    shown);
  for (const place of form.querySelectorAll("[data-field]")) {
    refusals.set(place.dataset.field, place.querySelector(".refusal"));
  }

  function say(refused) {
    for (const [name, place] of refusals) {
      place.hidden = name !== (refused && refused.field);
      place.textContent = place.hidden ? "" : refused.text;
    }
    if (refused) refusals.get(refused.field).closest("[data-field]").scrollIntoView({ block: "nearest" });
  }

  function dropPreview() {
    shown.hidden = true;
    shown.replaceChildren();
  }

  function asked() {
    return { text: written.text, text_en: written.text_en, audience: written.audience,
      at: written.later ? written.at : "" };
  }

  async function look() {
    previewButton.disabled = true;
    try {
      const answer = await call("broadcast-preview", asked());
      say(answer.outcome === "refused" ? answer : null);
      if (answer.outcome !== "preview") return;
      showPreview(answer);
    } finally {
      previewButton.disabled = false;
    }
  }

  function showPreview(answer) {
    const sendButton = h("button", { class: "button broadcast-send", type: "button" },
      t(answer.scheduled ? "btn_broadcast_schedule" : "btn_broadcast_send"));
    const tryButton = h("button", { class: "button secondary", type: "button" },
      t("broadcast_send_me"));
    tryButton.addEventListener("click", async () => {
      tryButton.disabled = true;
      try {
        const done = await call("broadcast-try", { id: answer.id });
        toast(done.text, done.outcome === "sent" ? "info" : "warning");
      } finally {
        tryButton.disabled = false;
      }
    });
    sendButton.addEventListener("click", async () => {
      // One click queues it once: the button stays off while it is asked (the bot queues a
      // draft only once anyway, and says so to a second request).
      sendButton.disabled = true;
      let done;
      try {
        done = await call("broadcast-send", { id: answer.id, written: answer.written });
      } catch (error) {
        sendButton.disabled = false;
        throw error;
      }
      if (done.outcome === "refused") {
        say(done);
        sendButton.disabled = false;
        return;
      }
      toast(done.text, done.outcome === "queued" ? "info" : "warning");
      if (done.outcome === "gone") {
        dropPreview();
        return;
      }
      Object.assign(written, { text: "", text_en: "", later: false, at: "" });
      followed = done.id;
      await reload();
      inSight(document.querySelector(`.broadcasts.active li[data-id="${done.id}"]`)
        || document.querySelector(`.broadcasts.just-ended li[data-id="${done.id}"]`));
    });
    fill(shown,
      h("h3", {}, t("broadcast_preview_intro")),
      answer.versions.map((version) => [h("p", { class: "meta" }, version.title),
        h("div", { class: "bubble", lang: version.language }, telegramHtml(version.html))]),
      h("p", { class: "summary" }, answer.summary),
      h("div", { class: "actions" }, sendButton, tryButton,
        h("button", { class: "button plain", type: "button", onclick: () => {
          dropPreview();
          form.querySelector("textarea").focus();
        } }, t("broadcast_edit"))));
    shown.hidden = false;
    shown.scrollIntoView({ block: "nearest" });
  }

  return form;
}

/** The announcement just queued brought into sight, its progress read as it goes (a staff
 * review on a phone: Send is at the writer's foot, the list at the top, out of sight). */
function inSight(item) {
  if (!item) return;
  const place = item.getBoundingClientRect();
  const top = document.querySelector(".top")?.getBoundingClientRect().bottom ?? 0;
  if (place.top < top || place.bottom > innerHeight) item.scrollIntoView({ block: "center" });
}

const EVERY = 4_000;  // ms between two reads of the list while an announcement is under way
const FURTHEST = 6 * 3_600_000;  // a scheduled one due later is read when the tab opens again

let watching = null;  // the timer reading the list again (one, for the tab drawn last)

/** When to read the list again: every few seconds while one is under way (sending, or due),
 * at the time a scheduled one is due, or never (nothing will change by itself). */
function nextRead(list) {
  if (list.active.some((item) => item.live)) return EVERY;
  const due = list.active.filter((item) => item.due_in).map((item) => item.due_in * 1000);
  const soonest = Math.min(...due);
  return soonest <= FURTHEST ? soonest : null;
}

/** The list of those running or scheduled, and of those ended, drawn into their places. */
function drawLists(places, list, reload) {
  const live = list.active.some((item) => item.id === followed);
  const ended = live ? null : list.ended.find((item) => item.id === followed);
  fill(places.active,
    ended ? h("ol", { class: "plain-list broadcasts just-ended" }, entry(ended, reload)) : null,
    list.active.length
      ? h("ol", { class: "plain-list broadcasts active" }, list.active.map((item) => entry(item, reload)))
      : h("p", { class: "state" }, t("broadcasts_active_none")));
  fill(places.ended,
    list.ended.length
      ? h("ol", { class: "plain-list broadcasts ended" }, list.ended.map((item) => entry(item, reload)))
      : h("p", { class: "state" }, t("broadcasts_ended_none")));
}

/** Read the list again by itself while the tab is shown and something is under way, so that
 * "0 dari 4 terkirim" becomes "4 dari 4" and its Cancel goes (a staff review: the page said
 * "0 of 4" for a minute after all four were delivered). What is being written is left alone;
 * a list that has not changed is not drawn again. */
function watch(main, places, list, reload) {
  clearTimeout(watching);
  const wait = nextRead(list);
  if (wait === null) return;
  let seen = JSON.stringify([list.active, list.ended]);
  const again = async () => {
    if (!main.isConnected) return;  // staff left the tab: stop
    if (document.hidden) {  // out of view: nothing read until it is back
      watching = setTimeout(again, EVERY);
      return;
    }
    let fresh;
    try {
      fresh = await call("broadcasts");
    } catch {
      watching = setTimeout(again, EVERY);  // the next read may reach the bot
      return;
    }
    if (!main.isConnected) return;
    const now = JSON.stringify([fresh.active, fresh.ended]);
    if (now !== seen) drawLists(places, fresh, reload);
    seen = now;
    clearTimeout(watching);
    const next = nextRead(fresh);
    if (next !== null) watching = setTimeout(again, next);
  };
  watching = setTimeout(again, wait);
}

/** The Announcements tab (`stay`: drawn again while staff are on it). */
export async function render(main, { stay = false } = {}) {
  if (!stay) followed = null; // the tab opened anew: staff moved on
  const list = await call("broadcasts");
  const reload = () => render(main, { stay: true }).catch((error) => fill(main, failure(error, reload)));
  const places = { active: h("div", { class: "broadcasts-active" }),
    ended: h("div", { class: "broadcasts-ended" }) };
  drawLists(places, list, reload);
  fill(main,
    h("h1", {}, t("broadcasts_title")),
    h("p", { class: "hint" }, t("broadcasts_intro")),
    h("h2", {}, t("broadcasts_active")),
    places.active,
    writer(list, reload),
    h("h2", {}, t("broadcasts_ended")),
    places.ended);
  watch(main, places, list, reload);
}

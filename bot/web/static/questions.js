// Questions: talents' questions to the team that wait for a staff answer, longest waiting
// first, each with a reply (a lead page's reply) and ✔️ Mark done (no reply). While shown,
// app.js has it checked (`check`) every minute and on coming back into view: a changed list
// is offered above it (`Show`), never redrawn under the staff member's fingers.
import { ApiError, call } from "./api.js";
import { counted, failure, go } from "./app.js";
import { fill, h, t, toast, unbroken } from "./dom.js";
import { closer, logLine, writer } from "./lead.js";

const REPLY_LIMIT = 4000;
// What staff typed to each talent and have not sent, by Telegram id ({name, text, holding}):
// kept while the page is open, as the list is drawn anew on every visit to the tab, a reply
// sent, or a changed list shown.
const drafts = new Map();
// The list on the page: its mark (what it lists, bot/web/questions.py `_mark`), the bar that
// offers the changed list, and its title (on the page while the list is).
let drawn = null;
let draws = 0; // lists drawn so far: a check read before the latest one is not compared

/** The reply to one talent (one erased meanwhile is said in words). True when sent. */
async function answer(talent, text, holding, reload) {
  let done;
  try {
    done = await call("questions-reply", { talent: talent.user_id, text, holding, seen: talent.seen });
  } catch (error) {
    if (error instanceof ApiError && error.kind === "not_found") {
      toast(t("question_gone"), "warning");
      drafts.delete(talent.user_id);
      await reload([{ name: talent.name, text }], true); // what was typed is kept, in sight
      return false;
    }
    throw error;
  }
  const sent = done.outcome === "sent";
  toast(done.text, sent ? "info" : "warning");
  if (sent) {
    drafts.delete(talent.user_id);
    await reload();
  }
  return sent;
}

/** The card's heading: the registered name and the reference (opening the lead), as the
 * Leads tab names them (s59, L4); without a lead, the Telegram name. */
function heading(talent) {
  if (!talent.lead) return h("h2", {}, h("span", { class: "name" }, talent.name));
  const reference = talent.lead.reference;
  return h("h2", {}, h("span", { class: "name" }, talent.lead.name || talent.name), " ",
    h("a", { class: "reference", href: `#lead/${reference}`,
      "aria-label": t("open_lead", { reference }), onclick: (event) => {
        event.preventDefault();
        go("lead", reference);
      } }, unbroken(reference)));
}

function lead(talent) {
  // Without a lead, the Telegram id tells two talents of one name apart (as the staff
  // group's header does); the talent's language says which to answer in.
  const language = ` · ${t("question_language", { name: talent.language_name })}`;
  if (!talent.lead) {
    return h("p", { class: "meta no-lead" },
      `${t("question_no_lead")} · id ${talent.user_id}${language}`);
  }
  // Under a registered name, the Telegram name the reply goes to ("Balas Sari").
  return h("p", { class: "meta telegram" },
    `${t("question_telegram", { name: talent.name })}${language}`);
}

/** A waiting message; one sent after the bot answered a question first says which, above
 * its words (the staff group's header says the same). */
function waiting(line, name) {
  const item = logLine(line, name);
  if (line.follows) {
    item.querySelector(".words").before(h("span", { class: "follows" }, line.follows));
  }
  return item;
}

function card(talent, reload) {
  return h("section", { class: "card question", "data-talent": talent.user_id },
    heading(talent),
    lead(talent),
    talent.blocked ? h("p", { class: "warning" }, t("question_blocked")) : null,
    talent.earlier.length ? [h("p", { class: "meta" }, t("question_earlier")),
      h("ol", { class: "log earlier" },
        talent.earlier.map((line) => logLine(line, talent.name)))] : null,
    h("ol", { class: "log" }, talent.questions.map((line) => waiting(line, talent.name))),
    // What the reply goes under, as the talent reads it (it quotes their newest message).
    h("p", { class: "hint reply-heading" }, talent.reply_heading),
    drafted(talent, writer(t("reply_placeholder"), t("reply_send"),
      (text, holding) => answer(talent, text, holding, reload),
      REPLY_LIMIT, t("question_reply_to", { name: talent.name }), talent.holdable)),
    closer(talent.user_id, talent.seen, reload));
}

/** The reply box with what was typed to this talent (and the holding tick) before the list
 * was drawn again. */
function drafted(talent, box) {
  const area = box.querySelector("textarea");
  const hold = box.querySelector("input[type=checkbox]");
  const kept = drafts.get(talent.user_id);
  area.value = kept?.text ?? "";
  if (hold) hold.checked = Boolean(kept?.holding);
  const keep = () => drafts.set(talent.user_id,
    { name: talent.name, text: area.value, holding: Boolean(hold?.checked) });
  area.addEventListener("input", keep);
  if (hold) hold.addEventListener("change", keep);
  return box;
}

/** Replies typed to talents the list no longer holds (answered, closed or erased meanwhile):
 * taken from the drafts, shown unsent above the list. */
function orphaned(talents) {
  const listed = new Set(talents.map((talent) => talent.user_id));
  const left = [];
  for (const [userId, draft] of drafts) {
    if (listed.has(userId)) continue;
    drafts.delete(userId);
    if (draft.text.trim()) left.push({ name: draft.name, text: draft.text });
  }
  return left;
}

/** A reply refused (answered meanwhile, or erased), its text kept to copy. */
function unsentReply(unsent) {
  const said = t("question_unsent", { name: unsent.name });
  return h("section", { class: "card unsent" }, h("p", { class: "meta" }, said),
    h("textarea", { readOnly: true, rows: 3, "aria-label": said }, unsent.text));
}

/** The Questions tab; `unsent`: replies refused, shown above the list; `focus`: one was just
 * refused, and is brought into sight. */
export async function render(main, unsent = [], focus = false) {
  const list = await call("questions");
  draws += 1;
  counted(list.total);
  const reload = (refused = [], focused = false) => render(main, refused, focused)
    .catch((error) => fill(main, failure(error)));
  const kept = [...unsent, ...orphaned(list.talents)];
  // Shown when a check finds the list changed; its button keeps what is shown unsent.
  const bar = h("div", { class: "fresh", role: "status", hidden: true },
    h("span", {}, t("questions_fresh")),
    h("button", { class: "button", onclick: () => reload(kept) }, t("questions_fresh_show")));
  const title = h("h1", { class: "questions-title" }, t("questions_title"));
  drawn = { mark: list.mark, bar, title };
  fill(main, title,
    intro(),
    bar,
    kept.map(unsentReply),
    list.talents.length ? list.talents.map((talent) => card(talent, reload))
      : h("p", { class: "state" }, t("questions_waiting_none")),
    list.more ? h("p", { class: "hint" }, t("questions_more", { count: list.more })) : null);
  // A reply just refused is kept above the list: brought into sight, not left out of it.
  if (focus) main.querySelector(".unsent").scrollIntoView({ block: "start" });
}

const INTRO_KEPT = "ws-questions-intro"; // "open" or "closed", as staff left it

function keep(state) {
  try {
    localStorage.setItem(INTRO_KEPT, state);
  } catch {
    // storage turned off: open on every visit, as before
  }
}

/** What the list holds: open the first time, then folded to its summary line unless staff
 * open it again (s59, L4). Only that choice is kept, in this browser. */
function intro() {
  let kept = null;
  try {
    kept = localStorage.getItem(INTRO_KEPT);
  } catch {
    kept = null;
  }
  if (kept === null) keep("closed"); // read once: folded from the next visit
  const box = h("details", { class: "questions-intro", open: kept !== "closed" },
    h("summary", { onclick: () => keep(box.open ? "closed" : "open") },
      t("questions_intro_summary")),
    h("p", { class: "hint" }, t("questions_intro")));
  return box;
}

/** Whether the Questions list is on the page (not another tab, a lead, or loading). */
export function showing() {
  return Boolean(drawn && drawn.title.isConnected);
}

/** Read again the count and the list's mark (not the list, nor an audit entry): a list
 * changed since drawn is offered in the bar above it; a check a newer list overtook compares
 * nothing. */
export async function check() {
  const before = draws;
  const now = await call("questions-count", { mark: true });
  counted(now.total);
  if (before !== draws || !showing()) return;
  drawn.bar.hidden = now.mark === drawn.mark;
}

// Questions: talents' questions to the team that wait for a staff answer, the one waiting
// longest first, with or without a lead, and a reply to each. The reply is a lead page's reply
// (the bot sends it, the staff group is told who answered, the audit log records it); once
// sent, the talent's questions leave the list, unless it is marked as a holding reply ("still
// owes a full answer"): then they stay, with the holding reply under them.
import { ApiError, call } from "./api.js";
import { counted, failure, go } from "./app.js";
import { fill, h, t, toast, unbroken } from "./dom.js";
import { logLine, writer } from "./lead.js";

const REPLY_LIMIT = 4000;
// What staff typed to each talent and have not sent, by Telegram id: kept while the page is
// open, as the list is drawn anew on every visit to the tab.
const drafts = new Map();

/** The reply to one talent; a talent erased (or never asking) meanwhile is said in words and
 * leaves the list with the rest of it. True when sent. */
async function answer(talent, text, holding, reload) {
  let done;
  try {
    done = await call("questions-reply", { talent: talent.user_id, text, holding });
  } catch (error) {
    if (error instanceof ApiError && error.kind === "not_found") {
      toast(t("question_gone"), "warning");
      drafts.delete(talent.user_id);
      await reload({ name: talent.name, text }); // what was typed is not lost with the card
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

function lead(talent) {
  // Without a lead, the Telegram id tells two talents of one name apart (as the staff
  // group's header does).
  if (!talent.lead) {
    return h("p", { class: "meta no-lead" }, `${t("question_no_lead")} · id ${talent.user_id}`);
  }
  const id = talent.lead.id;
  return h("p", { class: "meta lead-link" }, `${t("question_lead")}: `,
    h("a", { href: `#lead/${id}`, onclick: (event) => {
      event.preventDefault();
      go("lead", id);
    } }, unbroken(talent.lead.reference)));
}

function card(talent, reload) {
  return h("section", { class: "card question", "data-talent": talent.user_id },
    h("h2", {}, h("span", { class: "name" }, talent.name)),
    lead(talent),
    talent.blocked ? h("p", { class: "warning" }, t("question_blocked")) : null,
    talent.earlier.length ? [h("p", { class: "meta" }, t("question_earlier")),
      h("ol", { class: "log earlier" },
        talent.earlier.map((line) => logLine(line, talent.name)))] : null,
    h("ol", { class: "log" }, talent.questions.map((line) => logLine(line, talent.name))),
    drafted(talent.user_id, writer(t("reply_placeholder"), t("reply_send"),
      (text, holding) => answer(talent, text, holding, reload),
      REPLY_LIMIT, t("question_reply_to", { name: talent.name }), true)));
}

/** The reply box with what was typed to this talent before the list was drawn again. */
function drafted(userId, box) {
  const area = box.querySelector("textarea");
  area.value = drafts.get(userId) ?? "";
  area.addEventListener("input", () => drafts.set(userId, area.value));
  return box;
}

/** A reply refused (answered meanwhile, or erased), its text kept to copy. */
function unsentReply(unsent) {
  return h("section", { class: "card unsent" },
    h("p", { class: "meta" }, t("question_unsent", { name: unsent.name })),
    h("textarea", { readOnly: true, rows: 3, "aria-label": t("question_unsent",
      { name: unsent.name }) }, unsent.text));
}

/** The Questions tab; `unsent`: a reply just refused, shown above the list. */
export async function render(main, unsent = null) {
  const list = await call("questions");
  counted(list.total);
  const reload = (refused = null) => render(main, refused)
    .catch((error) => fill(main, failure(error)));
  fill(main,
    h("h1", { class: "questions-title" }, t("questions_title")),
    h("p", { class: "hint" }, t("questions_intro")),
    unsent ? unsentReply(unsent) : null,
    list.talents.length ? list.talents.map((talent) => card(talent, reload))
      : h("p", { class: "state" }, t("questions_waiting_none")),
    list.more ? h("p", { class: "hint" }, t("questions_more", { count: list.more })) : null);
}

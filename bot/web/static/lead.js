// One lead: answers, consents with dates, stage and history, notes, who handles it, the
// talent's conversation with the bot (newest last) and their questions, and Reply to talent.
import { ApiError, call } from "./api.js";
import { back, desk, failure, placed, recount } from "./app.js";
import { chooser, dialog, fill, h, t, toast } from "./dom.js";
import { closedLine, moveLead, stageButton } from "./moves.js";
import * as records from "./records.js";

function section(title, ...content) {
  return h("section", { class: "card" }, h("h2", {}, title), ...content);
}

function facts(pairs) {
  return h("dl", { class: "facts" }, pairs.filter(([, value]) => value !== null && value !== "")
    .map(([label, value]) => [h("dt", {}, label), h("dd", {}, String(value))]));
}

export function logLine(line, asker = t("log_talent")) {
  // A staff answer with who wrote it, when its line kept that (older answers did not).
  // The form's note to the team, where it asks something: a question of theirs too.
  const who = line.kind === "staff_answer" ? [t("staff_answer"), line.by].filter(Boolean)
    : line.kind === "form_note" ? [t("lead_note_question")]
    : [line.from === "in" ? asker : line.by || t("log_bot")];
  // The kind as "kind-button", never a class the page styles (.button); each name in <bdi>: a
  // right-to-left one cannot turn the time after it around.
  const said = [...who.map((name) => h("bdi", {}, name)), line.at];
  return h("li", { class: `line ${line.from === "in" ? "in" : "out"} kind-${line.kind}` },
    h("span", { class: "meta" }, said.flatMap((part, index) => (index ? [" · ", part] : part)),
      line.holding ? h("span", { class: "tag holding" }, t("reply_holding_tag")) : null,
      line.waiting ? h("span", { class: "tag waiting" }, t("lead_note_waiting_tag")) : null),
    // A staff answer under the heading the talent got it with (kept with its log line,
    // bot/web/lead_page.py's "heading"), as their chat shows it.
    line.heading ? h("span", { class: "answer-heading" }, line.heading) : null,
    h("span", { class: "words" }, line.text ?? t("log_no_text", { kind: line.kind })));
}

function conversation(lead, reload) {
  const list = h("ol", { class: "log" }, lead.log.lines.map((line) => logLine(line)));
  let more = lead.log.more;
  const older = h("button", { class: "button plain", hidden: !more, onclick: async () => {
    const first = lead.log.lines[0];
    const page = await records.leadCall("log", { id: lead.id, before: first.id });
    if (page.outcome === "gone") {  // erased meanwhile: said as every action on it says it
      toast(page.text, "warning");
      await reload();
      return;
    }
    lead.log.lines = [...page.lines, ...lead.log.lines];
    list.prepend(...page.lines.map((line) => logLine(line)));
    more = page.more;
    older.hidden = !more;
  } }, t("log_older"));
  return section(t("lead_conversation"), older,
    lead.log.lines.length ? list : h("p", { class: "hint" }, t("log_empty")));
}

function history(lead, reload) {
  const moves = lead.history.map((item) => [item.at, h("li", {},
    h("span", { class: "meta" }, [item.at, item.by].filter(Boolean).join(" · ")),
    item.kind === "stage"
      ? t("history_stage", { before: item.before, after: item.after })
      : t("history_assign", { before: item.before || t("assign_nobody"),
        after: item.after || t("assign_nobody") }),
    item.told ? h("span", { class: item.not_reached ? "tag not-reached" : "tag" }, item.told)
      : null)]);
  // A pair said to be two people (✋): ↩️ Mark again under the newest such entry (re-check
  // s57, N7), or above the entries when that one is too old to be shown.
  const dismissed = new Map((lead.duplicates.dismissed || []).map((pair) => [pair.id, pair]));
  const changes = lead.changes.map((item) => {
    const entry = records.change(item);
    const pair = item.kind === "not_duplicate" ? dismissed.get(item.other_id) : undefined;
    if (pair) {
      entry.append(records.markAgain(lead, pair, reload));
      dismissed.delete(pair.id);
    }
    return [item.at, entry];
  });
  const older = [...dismissed.values()].map((pair) => h("div", { class: "dismissed" },
    h("p", { class: "hint" }, records.withLinks(pair.text, [pair])),
    records.markAgain(lead, pair, reload)));
  // Stage moves and handovers, and answer changes and duplicate links, newest first.
  const items = [...moves, ...changes]
    .sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0)).map(([, item]) => item);
  const more = lead.history_total + lead.changes_total - items.length;
  if (more <= 0) {  // the oldest of all, as /lead starts its history
    items.push(h("li", { class: "submitted" }, h("span", { class: "meta" }, lead.submitted),
      t("history_submitted")));
  }
  return section(t("lead_history"), older,
    items.length ? h("ul", { class: "plain-list" }, items) : h("p", { class: "hint" },
      t("history_none")),
    more > 0 ? h("p", { class: "hint" }, t("history_more", { count: more })) : null);
}

/** A box and its button: `send(text, holding)` resolves true when what was typed may go.
 * `holdable`: a reply to a talent, with "Holding reply, full answer to follow — keep it listed" (holding
 * true: the talent gets it as any reply, their questions stay listed). */
export function writer(placeholder, label, send, limit, name = placeholder, holdable = false) {
  const box = h("textarea", { placeholder, "aria-label": name, maxlength: limit, rows: 3 });
  const hold = holdable ? h("input", { type: "checkbox" }) : null;
  const button = h("button", { class: "button", onclick: async () => {
    box.focus(); // a disabled button loses it: kept over the redraw (s62)
    button.disabled = true; // one press, one note or reply
    try {
      if (await send(box.value, Boolean(hold?.checked))) {
        box.value = "";
        if (hold) hold.checked = false;
      }
    } finally {
      button.disabled = false;
    }
  } }, label);
  return h("div", { class: "writer" }, box,
    hold ? h("label", { class: "check holding" }, hold, h("span", {}, t("reply_holding"))) : null,
    button);
}

const act = records.act;

/** ✔️ Mark done (no reply), confirmed; only what was drawn (`seen`). Then `after()`. */
export function closer(talent, seen, after) {
  const button = h("button", { class: "button secondary close-question", onclick: async () => {
    const sure = await dialog((close) => [h("p", {}, t("question_close_confirm")),
      h("div", { class: "actions" }, h("button", { class: "button close-confirm",
        onclick: () => close(true) }, t("question_close")),
      h("button", { class: "button plain", onclick: () => close(null) }, t("btn_cancel")))]);
    if (!sure) return;
    button.disabled = true;
    try {
      const done = await call("questions-close", { talent, seen });
      toast(done.text, done.outcome === "closed" ? "info" : "warning");
    } catch (error) {
      if (!(error instanceof ApiError && error.kind === "not_found")) throw error;
      toast(t("question_gone"), "warning");
    } finally {
      button.disabled = false;
    }
    recount();
    await after();
  } }, t("question_close"));
  return button;
}

/** The lead page for a reference (KOC-000012) or an application id (an older link);
 * `sent`: drawn again after a reply went (the toast leaves its lines in sight). */
export async function render(main, key, sent = false) {
  let lead;
  try {
    lead = await call("lead", typeof key === "string" ? { reference: key } : { id: key });
  } catch (error) {
    if (error instanceof ApiError && error.kind === "not_found") {
      fill(main, h("div", { class: "state" }, h("p", {}, t("lead_gone")),
        h("button", { class: "button", onclick: back }, t("back"))));
      return;
    }
    throw error;
  }
  const id = lead.id;
  // Opened by its id (an old link): the address says its reference, unless staff moved on.
  if (desk.lead === key && main.isConnected) placed(lead.reference);
  const reload = (replied = false) => render(main, id, replied)
    .catch((error) => fill(main, failure(error)));
  const session = desk.session;
  // Closed as a duplicate: only ↩️ Reopen moves it (as /lead); buttons greyed, with a hint.
  const closedDuplicate = lead.duplicates.closed;
  // Cancelled by the talent: closed for good, no stage moves it (the server refuses one).
  const withdrawn = Boolean(lead.withdrawn);
  const stageButtons = session.stages.map((stage) => {
    // A stage this talent's consents close (forwarding refused): greyed, the reason below.
    const refused = lead.closed_stages.includes(stage.key);
    const button = stageButton(stage, {
      class: stage.key === lead.stage ? "button current" : "button secondary",
      disabled: closedDuplicate || withdrawn || refused || stage.key === lead.stage,
      "aria-current": stage.key === lead.stage ? "true" : null,
      onclick: async () => {
        if (await moveLead(lead, stage.key)) await reload();
      },
    }, "stages-closed");
    if (closedDuplicate) button.setAttribute("aria-describedby", "stages-duplicate");
    else if (refused) button.setAttribute("aria-describedby", "stages-consent");
    return button;
  });
  // Said once, before anyone presses: as /lead says it in the chat.
  const closed = closedLine(session.stages);
  const assign = (assignee) => act("assign", { id, assignee, was: lead.assignee_id }, reload);
  const assignees = chooser(h("select", { "aria-label": t("assign_to") },
    h("option", { value: "", selected: lead.assignee_id === null }, t("btn_assign_nobody")),
    session.admins.map((admin) => h("option", { value: admin.id,
      selected: admin.id === lead.assignee_id }, admin.name))),
  (value) => assign(value ? Number(value) : null));
  const mine = lead.assignee_id === session.viewer.id;
  // The reply to the talent, far down a phone's page: the line at the top jumps to it.
  const replyBox = writer(t("reply_placeholder"), t("reply_send"),
    // The Questions tab's count at once: the reply may have answered what waited.
    (text, holding) => act("reply", { id, text, holding, seen: lead.question_seen }, () => reload(true))
      .then((done) => {
        if (done) recount();
        return done;
      }), 4000, undefined, lead.question_waiting);
  const toReply = () => {
    replyBox.scrollIntoView({ block: "center" });
    replyBox.querySelector("textarea").focus({ preventScroll: true });
  };
  // A consent is a status, not a link: a mark and plain words.
  const consent = (item) => {
    const mark = !item.applies || item.granted === null ? "➖" : item.granted ? "✅" : "❌";
    return h("li", { class: `consent ${item.granted ? "yes" : "no"}` }, `${mark} `,
      h("span", { class: "label" }, item.label), ": ",
      !item.applies ? t("consent_not_applicable")
        : item.granted === null ? t("consent_unasked")
        : t(item.granted ? "consent_given" : "consent_refused", { date: item.at }));
  };
  fill(main,
    h("div", { class: "lead-head" },
      h("button", { class: "button plain back", onclick: back }, t("back")),
      h("h1", { tabindex: -1 }, h("span", { class: "reference" }, lead.reference), " ",
        h("span", { class: "name" }, lead.name)),
      lead.filled_by ? h("p", { class: "notice filled-by" }, lead.filled_by) : null,
      // Cancelled by the talent (as /lead says it): first of what staff read before acting.
      lead.withdrawn ? h("p", { class: "warning withdrawn" }, lead.withdrawn) : null,
      lead.minor ? h("p", { class: "notice minor" }, lead.minor) : null,
      lead.said_under_18 ? h("p", { class: "notice warning said-under-18" }, lead.said_under_18) : null,
      // Begun from a cancelled lead's answers, as the staff alert's ♻️ line says.
      lead.reused_from ? h("p", { class: "notice reused" }, records.withLinks(
        t("lead_reused", { reference: lead.reused_from.reference }), [lead.reused_from])) : null,
      h("p", { class: "stage-now" }, `${t("lead_stage")}: `, h("strong", {}, lead.stage_label)),
      // Who handles the lead, in words (as /lead's "Ditangani:").
      h("p", { class: "assignee-now" }, `${t("lead_assignee")}: `,
        h("strong", {}, lead.assignee_id === null ? t("assign_nobody") : lead.assignee)),
      lead.waiting ? h("p", { class: "notice waiting" }, lead.waiting) : null,
      // A question waits for the team, or the form's note asks one: as /lead says it.
      lead.question_waiting || lead.note_asks ? h("div", { class: "notice asked" },
        lead.question_waiting ? h("p", {}, t("lead_question_waiting")) : null,
        lead.note_asks ? h("p", {}, t("lead_note_asks")) : null,
        h("button", { class: "button plain jump-reply", onclick: toReply },
          t("lead_jump_reply")), closer(lead.talent.user_id, lead.question_seen, reload)) : null,
      lead.blocked ? h("p", { class: "warning" }, t("pipeline_warning_blocked")) : null),
    records.duplicates(lead, reload),
    section(t("lead_contact"), records.contact(lead, reload)),
    section(t("lead_move"), h("div", { class: "stage-buttons" }, stageButtons),
      closedDuplicate ? h("p", { class: "hint closed-duplicate", id: "stages-duplicate" },
        t("lead_move_duplicate")) : null,
      closed && !closedDuplicate
        ? h("p", { class: "hint closed-stages", id: "stages-closed" }, closed) : null,
      lead.closed_text && !closedDuplicate
        ? h("p", { class: "warning closed-consent", id: "stages-consent" }, lead.closed_text)
        : null),
    h("section", { class: "card" }, h("h2", {}, t("lead_assign")),
      h("div", { class: "assign" },
        mine ? null : h("button", { class: "button secondary", onclick: () =>
          assign(session.viewer.id) }, t("assign_me")),
        lead.assignee_id === null ? null : h("button", { class: "button secondary unassign",
          onclick: () => assign(null) }, t("btn_unassign")),
        h("label", { class: "field" }, h("span", {}, t("assign_to")), assignees))),
    section(t("lead_answers"), records.answers(lead, reload)),
    section(t("lead_talent"), facts([
      [t("lead_telegram_name"), lead.talent.telegram_name],
      [t("lead_username"), lead.talent.username ? `@${lead.talent.username}` : ""],
      [t("lead_user_id"), lead.talent.user_id],
      [t("lead_chat_language"), lead.talent.language],
      [t("lead_source"), lead.talent.source || ""],
    ])),
    section(t("lead_consents"), h("ul", { class: "plain-list" }, lead.consents.map(consent))),
    section(t("lead_notes"),
      records.notes(lead, reload),
      writer(t("note_placeholder"), t("note_add"),
        (text) => act("note", { id, text }, reload), 2000)),
    history(lead, reload),
    section(t("lead_questions"),
      lead.questions.length ? h("ol", { class: "log" }, lead.questions.map((line) => logLine(line)))
        : h("p", { class: "hint" }, t("questions_none")),
      h("h3", {}, t("reply_label")),
      // What the reply goes under, as the talent reads it (it quotes their newest message).
      h("p", { class: "hint reply-heading" }, lead.reply_heading),
      replyBox),
    conversation(lead, reload));
  // The answer just sent is read next: the toast is placed off it (dom.js, KEPT_IN_SIGHT).
  if (sent) {
    for (const log of main.querySelectorAll("ol.log")) {
      const answers = log.querySelectorAll("li.kind-staff_answer");
      if (answers.length) answers[answers.length - 1].classList.add("just-sent");
    }
  }
}

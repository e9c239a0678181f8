// One talent, one clean record on the lead page: contact links and Contacted in one step,
// duplicates closed or reopened, answers corrected, notes edited or deleted by their author,
// and answer changes in the history. The bot checks and audits each, as in Telegram.
import { ApiError, call } from "./api.js";
import { desk, go } from "./app.js";
import { dialog, h, t, toast } from "./dom.js";

const NOTE_LIMIT = 2000;

/** A request about one lead (every action on one). A lead erased since the page showed it is
 * an outcome, "gone", in the page's words: the caller toasts it and shows the lead again, which
 * shows only those words, so none of the erased talent's data stays on screen. */
export async function leadCall(action, body) {
  try {
    return await call(action, body);
  } catch (error) {
    if (error instanceof ApiError && error.kind === "not_found") {
      return { outcome: "gone", text: t("lead_gone") };
    }
    throw error;
  }
}

/** Show what an action did; reload the lead when something changed (or it is gone: the
 * lead, or the note acted on). True when saved. */
export async function act(action, body, reload) {
  const done = await leadCall(action, body);
  const saved = ["saved", "sent"].includes(done.outcome);
  toast(done.text, saved ? "info" : "warning");
  if (saved || ["conflict", "same", "closed", "gone"].includes(done.outcome)) await reload();
  return saved;
}

function link(href, text, pattern) {
  // The bot builds these (wa.me digits, a percent-encoded mailto:); checked again here so a
  // talent's value can only ever be the text of a link of these two kinds.
  return pattern.test(href) ? h("a", { href, target: "_blank", rel: "noopener noreferrer" }, text)
    : h("span", {}, text);
}

/** A talent's words with each web address in them a link to open (a new staff member had to
 * copy a showreel's address to watch it); only http(s), only as the words' own text. */
function linked(value) {
  return value.split(/(\s+)/).map((word) => {
    // Punctuation around it is the sentence's: "(https://vimeo.com/1)," links the address.
    // An address typed without https:// ("instagram.com/rina") too, when it has a host and
    // a path (a staff review: it was not clickable); its link is https://.
    const found = word.match(
      /^([("'\[]*)((?:https?:\/\/\S+?)|(?:[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\/\S*?))([)"'\].,;:!?]*)$/i);
    if (!found) return word;
    const [, before, address, after] = found;
    const href = /^https?:\/\//i.test(address) ? address : `https://${address}`;
    return [before, link(href, address, /^https?:\/\//i), after];
  });
}

async function contacted(lead, reload) {
  const stage = desk.session.stages.find((item) => item.contacted);
  const note = h("input", { type: "text", maxlength: NOTE_LIMIT, class: "wide",
    placeholder: t("contacted_note"), "aria-label": t("contacted_note") });
  const chosen = await dialog((close) => {
    const done = h("button", { class: "button", onclick: () => close(true) }, t("btn_contacted"));
    if (!lead.contacted_moves) {
      // The stage stays, so the note is the contact's only record (the server refuses none).
      note.required = true;
      done.disabled = true;
      note.addEventListener("input", () => { done.disabled = !note.value.trim(); });
    }
    return [
      h("h2", {}, t("btn_contacted")),
      lead.contacted_moves
        ? h("p", {}, t("contacted_prompt", { reference: lead.reference,
          stage: stage ? stage.label : "" }))
        : h("p", {}, t("contacted_prompt_stays", { reference: lead.reference,
          stage: lead.stage_label })),
      note,
      h("div", { class: "actions" }, done,
        h("button", { class: "button plain", onclick: () => close(null) }, t("btn_cancel"))),
    ];
  });
  if (chosen) await act("contacted", { id: lead.id, version: lead.version, note: note.value }, reload);
}

/** Phone as a WhatsApp link, email as a mailto: link, and 📞 Contacted. */
export function contact(lead, reload) {
  const found = lead.contact;
  const items = [];
  if (found.whatsapp) {
    items.push(h("li", {}, "📞 ", link(found.whatsapp, found.phone, /^https:\/\/wa\.me\/\d+$/),
      ` (${t("contact_whatsapp")})`));
  }
  if (found.mailto) items.push(h("li", {}, "✉️ ", link(found.mailto, found.email, /^mailto:/)));
  return [
    items.length ? h("ul", { class: "plain-list contact" }, items) : null,
    // Cancelled by its talent: nobody is to contact them about it (the warning at the top
    // says so), so no 📞; a note still goes under Notes.
    lead.withdrawn ? null : h("div", { class: "actions" }, h("button", {
      class: "button secondary", onclick: () => contacted(lead, reload) }, t("btn_contacted"))),
  ];
}

/** A link that opens another lead: the page's own (never the card's or row's it sits in);
 * `own`: a row's own, found by its reference (data-open) when staff come back to the list. */
export function leadLink(reference, own = false) {
  return h("a", { href: `#lead/${reference}`, class: "lead-link reference-text",
    "aria-label": t("open_lead", { reference }), "data-open": own && reference,
    onclick: (event) => {
      event.preventDefault();
      event.stopPropagation();
      go("lead", reference);
    } }, reference);
}

/** Words naming other leads ("⚠️ mungkin duplikat dari KOC-000012: nomor HP sama"), each
 * reference a link to its lead (a staff review: to compare two, they searched for the other). */
export function withLinks(text, leads) {
  let parts = [text];
  for (const { reference, id } of leads) {
    if (!reference || id === null || id === undefined) continue;
    parts = parts.flatMap((part) => (typeof part !== "string" ? [part]
      : part.split(reference).flatMap((piece, index) => (index ? [leadLink(reference), piece]
        : [piece]))));
  }
  return parts;
}

/** Before closing: both references, what is (and is not) lost from the counts, and the
 * answers the lead gives differently from the other, side by side. True: close. */
function closeConfirmed(lead, mark) {
  const names = { reference: lead.reference, other: mark.reference };
  const differs = mark.differences || [];
  return dialog((close) => [
    h("h2", {}, t("duplicate_confirm", names)),
    h("p", {}, t("duplicate_confirm_intro", names)),
    // Two Telegram accounts: what the close stops on the closed lead's (its announcements).
    mark.accounts ? h("p", { class: "warning accounts" }, mark.accounts) : null,
    differs.length ? [h("p", {}, t("duplicate_confirm_differs", names)),
      h("dl", { class: "facts differences" }, differs.map((item) => [h("dt", {}, item.label),
        h("dd", {}, h("span", { class: "words" }, `${lead.reference}: ${item.this}`),
          h("span", { class: "words hint" }, `${mark.reference}: ${item.other}`))]))]
      : h("p", { class: "hint" }, t("duplicate_alike", names)),
    h("div", { class: "actions" },
      h("button", { class: "button", onclick: () => close(true) }, t("duplicate_confirm_yes")),
      h("button", { class: "button plain", onclick: () => close(null) }, t("btn_cancel"))),
  ]);
}

/** "⚠️ mungkin duplikat dari KOC-000012: nomor HP sama" (linked), what differs, closing as a
 * duplicate after a confirmation, reopening; ✋ Not a duplicate on either lead of a pair. Pairs
 * said so are in the history (`markAgain`), not here (re-check s57, N7). */
export function duplicates(lead, reload) {
  const found = lead.duplicates;
  if (!found.marks.length && !found.closed && !found.here_text) return null;
  const twoPeople = (mark) => act("not-duplicate", { id: lead.id, other: mark.id, undo: false },
    reload);
  const close = async (mark) => {
    if (await closeConfirmed(lead, mark)) {
      await act("close-duplicate", { id: lead.id, other: mark.id, version: lead.version }, reload);
    }
  };
  const differs = (mark) => {
    if (!mark.differences) return null;
    const fields = mark.differences.map((item) => item.label).join(", ");
    return h("p", { class: "hint differs" }, fields
      ? t("duplicate_differs", { other: mark.reference, fields })
      : t("duplicate_alike", { other: mark.reference }));
  };
  return h("section", { class: "card duplicates" }, h("h2", {}, t("lead_duplicates")),
    found.closed_text ? h("p", { class: "words" }, withLinks(found.closed_text,
      [{ reference: found.closed_of_reference, id: found.closed_of }])) : null,
    found.here_text ? h("p", { class: "words" }, withLinks(found.here_text, found.here)) : null,
    found.marks.length ? h("ul", { class: "plain-list" }, found.marks.map((mark) => h("li", {},
      h("span", { class: "notice mark" }, withLinks(mark.text, [mark])),
      // Only the lead sent later is closed as a duplicate of the other, never the original.
      found.closed || !mark.closable ? null : differs(mark),
      h("div", { class: "actions" }, found.closed || !mark.closable ? null : h("button", {
        class: "button secondary", onclick: () => close(mark) },
      t("btn_close_duplicate", { reference: mark.reference })),
      h("button", { class: "button plain not-duplicate", onclick: () => twoPeople(mark) },
        t("btn_not_duplicate", { reference: mark.reference })))))) : null,
    found.closed ? h("button", { class: "button secondary", onclick: () =>
      act("reopen-duplicate", { id: lead.id }, reload) }, t("btn_reopen")) : null);
}

function answerControl(field) {
  if (field.kind === "text") {
    const box = h("textarea", { rows: 2, "aria-label": t("edit_answer", { question: field.label }) });
    box.value = field.text;
    return [box, () => ({ text: box.value })];
  }
  if (field.kind === "choice") {
    const list = h("select", { "aria-label": t("edit_answer", { question: field.label }) },
      field.choices.map((choice) => h("option", { value: choice.value,
        selected: choice.value === field.value }, choice.label)));
    return [list, () => ({ choice: list.value })];
  }
  const boxes = field.choices.map((choice) => h("input", { type: "checkbox", value: choice.value,
    checked: (field.value || []).includes(choice.value) }));
  const labels = boxes.map((box, index) => h("label", { class: "check" }, box, " ",
    field.choices[index].label));
  return [h("div", { class: "checks" }, h("p", { class: "hint" }, t("edit_multi")), labels),
    () => ({ values: boxes.filter((box) => box.checked).map((box) => box.value) })];
}

/** The talent's typed "which one?" answers a correction would drop ("Genre lain: Angklung
 * fusion" when "Lainnya" is unticked): those whose choices are none of the new answer. */
function dropped(field, chosen) {
  const values = chosen.clear ? [] : chosen.values || (chosen.choice === undefined ? null
    : [chosen.choice]);
  if (values === null) return [];
  return (field.drops || []).filter((drop) => !values.some((value) => drop.keeps.includes(value)));
}

/** Before a correction drops what the talent typed, say so (a staff review: "Genre lain:
 * Angklung fusion → (belum ada)" went without a word). True: save anyway. */
async function dropsConfirmed(drops) {
  if (!drops.length) return true;
  return dialog((close) => [
    drops.map((drop) => h("p", { class: "warning drops" }, drop.text)),
    h("div", { class: "actions" },
      h("button", { class: "button", onclick: () => close(true) }, t("edit_drops_save")),
      h("button", { class: "button plain", onclick: () => close(null) }, t("btn_cancel"))),
  ]);
}

/** ✏️ on an answer: the answer now, a control like the form's, checked as the form checks. */
async function editAnswer(lead, answer, field, reload) {
  field.label = answer.label;
  let problem = "";
  for (;;) {
    const [control, read] = answerControl(field);
    const chosen = await dialog((close) => [
      h("h2", {}, answer.label),
      h("p", { class: "hint" }, t("edit_now", { current: answer.value })),
      control,
      problem ? h("p", { class: "warning", role: "alert" }, problem) : null,
      h("p", { class: "hint" }, t("edit_rules")),
      h("div", { class: "actions" },
        h("button", { class: "button", onclick: () => close(read()) }, t("save")),
        field.required ? null : h("button", { class: "button secondary",
          onclick: () => close({ clear: true }) }, t("btn_clear_answer")),
        h("button", { class: "button plain", onclick: () => close(null) }, t("btn_cancel"))),
    ]);
    if (!chosen) return;
    if (!(await dropsConfirmed(dropped(field, chosen)))) return;
    if (chosen.text !== undefined) field.text = chosen.text; // kept for another try
    const done = await leadCall("edit-answer", { id: lead.id, key: field.key, seen: field.seen,
      ...chosen });
    if (done.outcome === "refused") {
      problem = done.text;
      continue;
    }
    toast(done.text, done.outcome === "saved" ? "info" : "warning");
    await reload();
    return;
  }
}

/** Every answer, each staff may correct with its ✏️ button. */
export function answers(lead, reload) {
  const rows = lead.answers.map((answer) => {
    const field = lead.editable[answer.key];
    return [h("dt", {}, answer.label), h("dd", {}, h("span", { class: "words" }, linked(answer.value)),
      field ? h("button", { class: "button plain edit", title: t("edit_answer",
        { question: answer.label }), "aria-label": t("edit_answer", { question: answer.label }),
      onclick: () => editAnswer(lead, answer, field, reload) }, "✏️") : null)];
  });
  return h("dl", { class: "facts answers" },
    h("dt", {}, t("lead_submitted")), h("dd", {}, lead.submitted), rows);
}

async function editNote(note, reload) {
  const box = h("textarea", { rows: 4, maxlength: NOTE_LIMIT, "aria-label": t("btn_note_edit") });
  box.value = note.text;
  const chosen = await dialog((close) => [
    h("h2", {}, t("btn_note_edit")), box,
    h("div", { class: "actions" },
      h("button", { class: "button", onclick: () => close(true) }, t("save")),
      h("button", { class: "button plain", onclick: () => close(null) }, t("btn_cancel"))),
  ]);
  if (chosen) await act("note-edit", { note: note.id, text: box.value }, reload);
}

async function deleteNote(note, reload) {
  const sure = await dialog((close) => [
    h("p", {}, t("records_note_delete_confirm")),
    h("div", { class: "actions" },
      h("button", { class: "button danger", onclick: () => close(true) },
        t("btn_note_delete_confirm")),
      h("button", { class: "button plain", onclick: () => close(null) }, t("btn_cancel"))),
  ]);
  if (sure) await act("note-delete", { note: note.id }, reload);
}

/** The notes in full, newest first; their author may edit or delete them. */
export function notes(lead, reload) {
  if (!lead.notes.length) return h("p", { class: "hint" }, t("notes_none"));
  return h("ul", { class: "plain-list notes" }, lead.notes.map((note) => h("li", {},
    h("span", { class: "meta" }, [note.at, note.by, note.edited].filter(Boolean).join(" · ")),
    h("span", { class: "words" }, note.text),
    note.mine ? h("span", { class: "note-actions" },
      h("button", { class: "button plain", onclick: () => editNote(note, reload) },
        t("btn_note_edit")),
      h("button", { class: "button plain", onclick: () => deleteNote(note, reload) },
        t("btn_note_delete"))) : null)));
}

/** ↩️ Mark again as a possible duplicate, for a pair said to be two people (`pair`: one of
 * the lead's `duplicates.dismissed`). */
export function markAgain(lead, pair, reload) {
  return h("div", { class: "actions" }, h("button", { class: "button plain mark-again",
    onclick: () => act("not-duplicate", { id: lead.id, other: pair.id, undo: true }, reload) },
  t("btn_mark_again_possible")));
}

/** An answer change (by the talent or staff), a duplicate link, or a pair said to be two
 * people (and taken back), in the chat's words. */
export function change(item) {
  // As the history's other entries: when and who on a muted line, what happened under it.
  const reference = { reference: item.reference };
  const event = { duplicate: () => t("history_duplicate", reference),
    not_duplicate: () => t("history_not_duplicate", reference),
    marked_again: () => t("history_marked_again", reference),
    reopened: () => t("history_reopened"),
    talent_withdrawal: () => t(item.why ?? "history_talent_withdrew") }[item.kind]?.() ?? t("history_answers");
  return h("li", { class: `change ${item.kind}` },
    h("span", { class: "meta" }, [item.at, item.by].filter(Boolean).join(" · ")), event,
    item.answers.length ? h("ul", { class: "answers" }, item.answers.map((answer) =>
      h("li", { class: "words" }, t("history_answer", answer)))) : null);
}

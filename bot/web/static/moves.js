// Moving leads between stages, exactly as in Telegram: the talent's message is previewed in
// their language and nothing is saved until "Send update" or "Don't notify" is chosen.
import { call } from "./api.js";
import { dialog, h, t, telegramHtml, toast, unbroken } from "./dom.js";
import { leadCall } from "./records.js";

function preview(message) {
  return h("div", { class: "bubble", lang: message.language }, telegramHtml(message.html));
}

/** Batal, focused first: Enter is the safe choice, never a move or a message (s62). */
function cancel(close) {
  return h("button", { class: "button plain", autofocus: true, onclick: () => close(null) },
    t("btn_cancel"));
}

/** Move one lead (seen at `version`) to a stage. Resolves false only when staff cancelled:
 * otherwise the lead may have changed (saved, or changed by someone else meanwhile, or gone:
 * said in a toast like the other outcomes, see leadCall), and the caller shows it again as it
 * now is. */
export async function moveLead(lead, stage) {
  const first = await leadCall("preview", { id: lead.id, stage, version: lead.version });
  if (first.outcome !== "preview") {
    toast(first.text, first.outcome === "saved" ? "info" : "warning");
    return true;
  }
  const notify = await dialog((close) => [
    h("h2", {}, t("preview_title")),
    h("p", { class: "intro" }, unbroken(first.intro)),
    preview(first.message),
    // The same in the staff member's language when the talent reads another: not sent.
    first.translation ? h("p", { class: "hint" }, first.translation.label) : null,
    first.translation ? preview(first.translation) : null,
    h("div", { class: "actions" },
      h("button", { class: "button", onclick: () => close(true) }, t("btn_send_update")),
      h("button", { class: "button secondary", onclick: () => close(false) }, t("btn_no_update")),
      cancel(close)),
  ]);
  if (notify === null) return false;
  const done = await leadCall("move", { id: lead.id, stage, version: first.version, notify });
  toast(done.text, done.outcome === "saved" ? "info" : "warning");
  return true;
}

/** Why some stages take no lead at all (FORWARD_TO unset), in the words of the chat's /lead;
 * "" when every stage is open. The server refuses such a move anyway: this only says it first. */
export function closedLine(stages) {
  const closed = stages.filter((stage) => stage.closed);
  if (!closed.length) return "";
  return t("pipeline_warning_forwarding_off",
    { stages: closed.map((stage) => stage.label).join(", ") });
}

/** A stage button that cannot be pressed when no lead can be moved to its stage. */
export function stageButton(stage, props, described) {
  return h("button", { ...props, disabled: props.disabled || stage.closed,
    "aria-disabled": stage.closed ? "true" : null,
    "aria-describedby": stage.closed ? described : null }, stage.label);
}

/** Move the selected leads: choose a stage, see Telegram's Move all preview, confirm. */
export async function moveSelected(ids, stages) {
  const closed = closedLine(stages);
  const stage = await dialog((close) => [
    h("h2", {}, t("bulk_title", { count: ids.length })),
    h("p", {}, t("bulk_choose")),
    h("div", { class: "stage-buttons" }, stages.map((item) => stageButton(item,
      { class: "button secondary", onclick: () => close(item.key) }, "bulk-closed"))),
    closed ? h("p", { class: "hint closed-stages", id: "bulk-closed" }, closed) : null,
    h("div", { class: "actions" },
      cancel(close)),
  ]);
  if (!stage) return false;
  // ⏭ previews again without the leads at an outcome (Diteruskan…), as the chat does.
  let planned = await call("bulk-preview", { ids, stage });
  let notify = "skip";
  while (notify === "skip") {
    notify = await confirmBulk(planned);
    if (notify === "skip") {
      planned = await call("bulk-preview", { ids, stage, skip_outcomes: true });
    }
  }
  if (notify === null) return false;
  const done = await call("bulk-move", { batch: planned.batch, stage, notify });
  toast(done.text, done.outcome === "saved" ? "info" : "warning");
  return true;
}

/** The Move all preview and its choices: true (send updates), false (without), "skip", or
 * null (cancelled). */
function confirmBulk(planned) {
  return dialog((close) => {
    const choices = [];
    if (planned.movable && planned.examples.length) {
      choices.push(h("button", { class: "button", onclick: () => close(true) }, t("btn_bulk_send")),
        h("button", { class: "button secondary", onclick: () => close(false) },
          t("btn_bulk_quiet")));
    } else if (planned.movable) {
      choices.push(h("button", { class: "button", onclick: () => close(false) },
        t("btn_bulk_confirm")));
    }
    if (planned.outcomes) {
      choices.push(h("button", { class: "button secondary skip-outcomes",
        onclick: () => close("skip") }, t("btn_bulk_skip_outcomes", { count: planned.outcomes })));
    }
    choices.push(cancel(close));
    return [  // after ⏭, the leads it previews now, not the selection
      h("h2", {}, t("bulk_title", { count: planned.leads.length })),
      h("p", { class: "intro" }, unbroken(planned.summary)),
      planned.examples.map((example) => preview(example)),
      // The first in the staff member's language when none is in it: not sent.
      planned.translation ? h("p", { class: "hint" }, planned.translation.label) : null,
      planned.translation ? preview(planned.translation) : null,
      h("div", { class: "actions" }, choices),
    ];
  });
}

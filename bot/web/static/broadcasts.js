// Announcements: what /broadcast does in chat, at a desk. Those running or scheduled, in the
// chat's words, each with Stop (asked once); under them the last few that ended and how.
// Everything from the bot goes in as text (an announcement's start, its audience).
import { call } from "./api.js";
import { failure } from "./app.js";
import { dialog, fill, h, t, toast } from "./dom.js";

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
  toast(done.text, done.outcome === "stopped" ? "info" : "warning");
  await reload();
}

function entry(item, reload) {
  const running = item.status === "queued" || item.status === "sending";
  return h("li", { class: "card broadcast", "data-id": item.id, "data-status": item.status },
    h("p", { class: "summary" }, item.line),
    item.ended ? h("p", { class: "meta" }, item.ended) : null,
    h("p", { class: "meta" }, item.audience),
    item.excerpt ? h("p", { class: "excerpt" }, item.excerpt) : null,
    running ? h("div", { class: "actions" },
      h("button", { class: "button secondary", onclick: () => stop(item, reload) },
        t("broadcast_stop"))) : null);
}

/** The Announcements tab. */
export async function render(main) {
  const list = await call("broadcasts");
  const reload = () => render(main).catch((error) => fill(main, failure(error, reload)));
  fill(main,
    h("h1", {}, t("broadcasts_title")),
    h("p", { class: "hint" }, t("broadcasts_intro")),
    h("h2", {}, t("broadcasts_active")),
    list.active.length
      ? h("ol", { class: "plain-list broadcasts active" }, list.active.map((item) => entry(item, reload)))
      : h("p", { class: "state" }, t("broadcasts_active_none")),
    h("h2", {}, t("broadcasts_ended")),
    list.ended.length
      ? h("ol", { class: "plain-list broadcasts ended" }, list.ended.map((item) => entry(item, reload)))
      : h("p", { class: "state" }, t("broadcasts_ended_none")));
}

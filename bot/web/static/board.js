// The board: one column per stage with the newest leads of the filter. Moving a card (drag
// it to another column, or pick a stage on it) opens the same preview as a stage button.
import { call } from "./api.js";
import { desk, failure, go } from "./app.js";
import { fill, h, sideways, t, toast } from "./dom.js";
import { currentFilter, filters, notices, stageCount } from "./leads.js";
import { closedLine, moveLead } from "./moves.js";

function card(row, stages, reload) {
  const move = async (stage, picker) => {
    if (stage && stage !== row.stage && await moveLead(row, stage)) reload();
    else picker.value = row.stage; // cancelled: the card shows where the lead still is
  };
  return h("article", { class: "board-card", draggable: row.closed_duplicate ? "false" : "true",
    "data-id": row.id,
    ondragstart: (event) => {
      event.dataTransfer.setData("text/plain", String(row.id));
      event.dataTransfer.effectAllowed = "move";
    } },
  h("button", { class: "open", onclick: () => go("lead", row.id) },
    h("span", { class: "reference" }, row.reference), " ", h("span", { class: "name" }, row.name)),
  row.stage_name ? h("p", { class: "act" }, row.stage_name) : null,
  h("p", { class: "hint" }, [row.sector, row.role, row.province].filter(Boolean).join(" · ")),
  // Who handles it, as the list's column says (a staff review s57: a board is where a team
  // splits the work, and a handled lead looked like a free one).
  row.assignee ? h("p", { class: "assignee" }, t("board_assignee", { name: row.assignee }))
    : null,
  notices(row),
  // Closed as a duplicate: said on the card, and no stage offered (the server refuses one;
  // a desk review found the card unmarked and its menu looking active). Muted, as the line
  // naming the lead it duplicates: no warning, it is dealt with (review s55: red).
  row.closed_duplicate ? h("p", { class: "notice closed-duplicate" }, row.stage_label) : null,
  h("select", { "aria-label": t("board_move", { reference: row.reference }),
    disabled: row.closed_duplicate,
    onchange: (event) => move(event.target.value, event.target) },
  stages.map((stage) => h("option", { value: stage.key, selected: stage.key === row.stage,
    disabled: stage.closed && stage.key !== row.stage }, stage.label))));
}

/** The Board tab. */
export async function render(main) {
  const filter = currentFilter();
  delete filter.stage; // the columns are the stages
  const board = await call("board", { filter });
  const stages = desk.session.stages;
  const reload = () => render(main).catch((error) => fill(main, failure(error, reload)));
  const cards = new Map();
  const columns = board.columns.map((column) => {
    column.cards.forEach((row) => cards.set(String(row.id), row));
    const more = column.count + (column.duplicates || 0) - column.cards.length;
    // A stage no lead can be moved to (FORWARD_TO unset): said under its name, and a card
    // dropped there stays where it was, with the same words (nothing is asked of the server).
    const closed = closedLine(stages.filter((stage) => stage.closed && stage.key === column.stage));
    return h("section", { class: closed ? "column closed" : "column", "data-stage": column.stage,
      ondragover: (event) => {
        event.preventDefault();
        if (!closed) event.currentTarget.classList.add("over");
      },
      ondragleave: (event) => event.currentTarget.classList.remove("over"),
      ondrop: async (event) => {
        event.preventDefault();
        event.currentTarget.classList.remove("over");
        const row = cards.get(event.dataTransfer.getData("text/plain"));
        if (!row || row.stage === column.stage) return;
        if (closed) toast(closed, "info");
        else if (await moveLead(row, column.stage)) reload();
      } },
    h("h2", {}, column.label, " ",
      h("span", { class: "count" }, stageCount(column.count, column.duplicates))),
    closed ? h("p", { class: "notice closed-stages" }, closed) : null,
    column.cards.length ? column.cards.map((row) => card(row, stages, reload))
      : h("p", { class: "hint" }, t("board_empty")),
    more > 0 ? h("button", { class: "button plain", onclick: () => {
      desk.filter = { ...desk.filter, stage: column.stage };
      desk.page = 1;
      go("leads");
    } }, t("board_more", { count: more })) : null);
  });
  fill(main, filters(reload, { stages: false }), h("p", { class: "hint drag-only" }, t("board_hint")),
    h("p", { class: "hint touch-only" }, t("board_hint_touch")),
    sideways(h("div", { class: "board" }, columns)));
}

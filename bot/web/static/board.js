// The board: one column per stage with the newest leads of the filter. Moving a card (dragged,
// or a stage picked on it) opens the same preview as a stage button. On a phone the columns
// stack, each with its first cards, and stage chips show one alone (review s59, M3).
import { call } from "./api.js";
import { desk, failure, go } from "./app.js";
import { chooser, fill, h, sideways, t, toast } from "./dom.js";
import { currentFilter, filters, notices, stageCount } from "./leads.js";
import { closedLine, moveLead } from "./moves.js";

function card(row, stages, reload) {
  const fixed = row.closed_duplicate || row.withdrawn; // no stage moves it (the server refuses)
  const picker = chooser(h("select", { "aria-label": t("board_move", { reference: row.reference }),
    disabled: fixed },
  stages.map((stage) => h("option", { value: stage.key, selected: stage.key === row.stage,
    disabled: stage.closed && stage.key !== row.stage }, stage.label))), async (stage) => {
    if (await moveLead(row, stage)) reload();
    else picker.value = row.stage; // cancelled: the card shows where the lead still is
  });
  return h("article", { class: "board-card", draggable: fixed ? "false" : "true",
    "data-id": row.id,
    ondragstart: (event) => {
      event.dataTransfer.setData("text/plain", String(row.id));
      event.dataTransfer.effectAllowed = "move";
    } },
  h("button", { class: "open", "data-open": row.reference,
    onclick: () => go("lead", row.reference) },
    h("span", { class: "reference" }, row.reference), " ", h("span", { class: "name" }, row.name)),
  row.stage_name ? h("p", { class: "act" }, row.stage_name) : null,
  h("p", { class: "hint" }, [row.sector, row.role, row.province].filter(Boolean).join(" · ")),
  // Who handles it, as the list's column says (a staff review s57: a board is where a team
  // splits the work, and a handled lead looked like a free one).
  row.assignee ? h("p", { class: "assignee" }, t("board_assignee", { name: row.assignee }))
    : null,
  notices(row),
  // Closed as a duplicate: said, muted (dealt with), and no stage offered (the server refuses).
  row.closed_duplicate && !row.withdrawn
    ? h("p", { class: "notice closed-duplicate" }, row.stage_label) : null,
  // Cancelled by its talent: in the warning colour, so that nobody contacts them about it.
  row.withdrawn ? h("p", { class: "notice warning withdrawn" }, row.stage_label) : null,
  picker);
}

const STACKED_CARDS = 3; // cards a stacked column shows on a phone (app.css hides the rest)

/** On a phone: the column shown alone ("" for all), chosen by a stage chip or a column's
 * "+N more in this column"; pressed chips and the board follow, nothing is read again. */
function showOnly(board, chips, stage) {
  desk.boardStage = stage;
  if (stage) board.dataset.only = stage; else delete board.dataset.only;
  for (const column of board.querySelectorAll(".column")) {
    column.classList.toggle("chosen", column.dataset.stage === stage);
  }
  for (const chip of chips.querySelectorAll(".chip")) {
    chip.setAttribute("aria-pressed", String((chip.dataset.stage || "") === stage));
  }
}

/** The stage chips above a phone's board: all stages, then each with its count. */
function stageChips(board, columns) {
  const total = (key) => columns.reduce((sum, column) => sum + (column[key] || 0), 0);
  const chips = h("div", { class: "chips board-stages" },
    h("button", { class: "chip", "data-stage": "", onclick: () => showOnly(board, chips, "") },
      `${t("all_stages")} · ${stageCount(total("count"), total("duplicates"))}`),
    columns.map((column) => h("button", { class: "chip", "data-stage": column.stage,
      onclick: () => showOnly(board, chips, column.stage) },
    `${column.label} · ${stageCount(column.count, column.duplicates)}`)));
  return chips;
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
    // Stacked on a phone, the column's other cards are one tap away: shown with it alone.
    column.cards.length > STACKED_CARDS ? h("button", { class: "button plain whole-column",
      onclick: (event) => {
        showOnly(row, chips, column.stage);
        event.currentTarget.closest(".column").scrollIntoView({ block: "start" });
      } }, t("board_whole_column", { count: column.cards.length - STACKED_CARDS })) : null,
    more > 0 ? h("button", { class: "button plain in-list", onclick: () => {
      desk.filter = { ...desk.filter, stage: column.stage };
      desk.page = 1;
      go("leads");
    } }, t("board_more", { count: more })) : null);
  });
  const row = h("div", { class: "board" }, columns);
  const chips = stageChips(row, board.columns);
  // The column chosen before a move (or a filter) redrawn the board stays chosen, if still there.
  const kept = board.columns.some((column) => column.stage === desk.boardStage);
  showOnly(row, chips, kept ? desk.boardStage : "");
  fill(main, filters(reload, { stages: false }), h("p", { class: "hint drag-only" }, t("board_hint")),
    h("p", { class: "hint touch-only" }, t("board_hint_touch")),
    chips, // on a phone only (app.css), wrapped: every stage in sight, none behind a fade
    sideways(row));
}

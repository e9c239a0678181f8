// The /stats figures, drawn here as small SVG charts (no image comes over the wire).
import { call } from "./api.js";
import { complain } from "./app.js";
import { dialog, fill, h, t, toast } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

function title(text) {
  const element = document.createElementNS(SVG, "title");
  element.textContent = text;
  return element;
}

const HEIGHT = 150; // px of the bars; the labels go under them
const GAP = 10; // px at least between two date labels

/** Leads per day: vertical bars drawn at the card's own width in pixels (so the labels keep
 * their size on a phone), a date under every Nth day counted back from the last one, N the
 * smallest at which none touch. Redrawn when the card's width changes. */
function columns(items) {
  if (!items.some((item) => item.count)) return h("p", { class: "hint" }, t("stats_none"));
  const box = h("div", { class: "chart-box" });
  let drawn = 0;
  new ResizeObserver(() => {
    const width = Math.floor(box.clientWidth);
    if (width > 0 && width !== drawn) {
      drawn = width;
      box.replaceChildren();
      dayChart(items, width, box);
    }
  }).observe(box);
  return box;
}

/** The chart at this width, drawn into the box. */
function dayChart(items, width, box) {
  const top = Math.max(1, ...items.map((item) => item.count));
  const chart = svg("svg", { width, height: HEIGHT + 24, viewBox: `0 0 ${width} ${HEIGHT + 24}`,
    class: "chart", role: "img", "aria-label": t("stats_days") });
  box.append(chart); // in the page, so the labels can be measured
  const peak = svg("text", { x: 0, y: 12, class: "axis peak" });
  peak.textContent = String(top);
  chart.append(peak);
  const left = Math.ceil(peak.getComputedTextLength()) + 6;
  const step = (width - left) / items.length;
  const labels = items.map((item, index) => {
    const bar = Math.round((item.count / top) * (HEIGHT - 4));
    chart.append(svg("rect", { x: left + index * step + 1, y: HEIGHT - bar,
      width: Math.max(1, step - 2), height: Math.max(bar, item.count ? 2 : 0), class: "bar" },
    title(t("chart_bar", { label: item.label, count: item.count }))));
    const label = svg("text", { y: HEIGHT + 16, class: "axis day" });
    label.textContent = item.label;
    chart.append(label);
    return label;
  });
  const sizes = labels.map((label) => label.getComputedTextLength());
  // Every Nth day from the last one: the smallest N at which no two of them (the first and
  // last held inside the chart) touch, so the dates shown are evenly spaced.
  const place = (index) => {
    const centre = left + index * step + step / 2;
    return Math.min(Math.max(centre - sizes[index] / 2, 0), width - sizes[index]);
  };
  const fits = (every) => {
    let edge = Infinity; // the left end of the label to the right
    for (let index = items.length - 1; index >= 0; index -= every) {
      const x = place(index);
      if (x + sizes[index] + GAP > edge) return false;
      edge = x;
    }
    return true;
  };
  let every = Math.max(1, Math.ceil((Math.max(...sizes) + GAP) / step));
  while (every < items.length && !fits(every)) every += 1;
  labels.forEach((label, index) => {
    if ((items.length - 1 - index) % every === 0) label.setAttribute("x", String(place(index)));
    else label.remove();
  });
}

/** Horizontal bars with their labels and numbers (stages, sectors, provinces). */
function bars(items) {
  if (!items.length || items.every((item) => !item.count)) {
    return h("p", { class: "hint" }, t("stats_none"));
  }
  const top = Math.max(1, ...items.map((item) => item.count));
  return h("ul", { class: "bars" }, items.map((item) => {
    const meter = svg("svg", { viewBox: "0 0 100 10", preserveAspectRatio: "none",
      class: "meter", "aria-hidden": "true" },
    svg("rect", { x: 0, y: 0, width: Math.max(item.count ? 1 : 0, (item.count / top) * 100),
      height: 10, class: "bar" }));
    return h("li", {}, h("span", { class: "label" }, item.label),
      h("span", { class: "number" }, String(item.count)), meter);
  }));
}

/** Named numbers, in /stats' words; `notes` adds a line under a number, by its key. */
function figures(items, notes = {}) {
  return h("dl", { class: "numbers" }, items.map((item) =>
    h("div", {}, h("dt", {}, t(`stats_${item.key}`)), h("dd", {}, String(item.count)),
      notes[item.key] && h("dd", { class: "hint" }, notes[item.key]))));
}

/** /stats' "Questions this week": the figures, then the unanswered questions most talents
 * asked, those the bot offered entries for, and the direct answers talents rejected ("Not
 * this"), each marked if the content answers it (otherwise) now, each with "Teach the bot"
 * ("Change its answer" once it is answered).
 * Their summaries are talents' words (masked by the server): text nodes only. `longer`: the
 * lists staff had shown longer than ten, read again ({items, left_out} by list). */
function questions(asked, teach, longer, lengths) {
  if (!asked.figures.some((item) => item.count)) {
    return h("p", { class: "hint" }, t("stats_questions_none"));
  }
  const shown = [figures(asked.figures,
    { answered: t("stats_not_this", { count: asked.not_this }) })];
  if (asked.top.length || asked.suggested.length || asked.rejected.length) {
    shown.push(h("p", { class: "hint" }, t("stats_questions_hint"))); // before its buttons
  }
  for (const [which, heading] of [["top", "stats_questions_top"],
    ["suggested", "stats_suggested_top"], ["rejected", "stats_not_this_top"]]) {
    const list = longer[which] || { items: asked[which], left_out: asked.left_out[which] };
    if (list.items.length) {
      shown.push(longList(which, t(heading), list, asked, teach, lengths));
    }
  }
  return shown;
}

/** One list of questions, then how many more it leaves out (asked by as many talents or
 * fewer) and a button that shows the next of them, read from the server (`step` at a time,
 * up to `most`: past that, the page says it shows no more). `lengths` keeps how many each
 * list shows, so that the tab redrawn after teaching shows as many again. */
function longList(which, heading, list, asked, teach, lengths) {
  const box = h("div", { class: "questions-list", "data-list": which });
  const draw = ({ items, left_out: leftOut }) => {
    const next = Math.min(leftOut, asked.step, asked.most - items.length);
    const more = async (button) => {
      button.disabled = true;
      try {
        const longer = await call("stats-more", { list: which, count: items.length + next });
        lengths[which] = longer.items.length;
        draw(longer);
      } finally {
        button.disabled = false;
      }
    };
    fill(box, h("h3", {}, heading), listed(items, teach),
      leftOut ? h("p", { class: "hint questions-more" },
        t("stats_questions_more", { count: leftOut })) : null,
      next > 0 ? h("button", { class: "button secondary questions-show-more",
        onclick: (event) => more(event.currentTarget).catch(complain) },
      t("stats_questions_show_more", { count: next })) : null,
      leftOut && next <= 0 ? h("p", { class: "hint questions-most" },
        t("stats_questions_most", { count: asked.most })) : null);
  };
  draw(list);
  return box;
}

/** Listed questions: each with how many talents asked it, what it was answered with (if it
 * was), what answers it now (if that is new), the other ways talents wrote it, and the
 * button that teaches the bot its answer. */
function listed(items, teach) {
  return h("ol", { class: "asked" }, items.map((item) => h("li", {},
    h("span", { class: "question" }, item.question),
    h("span", { class: "meta" }, t("stats_question_times", { count: item.count }),
      item.answered ? [" · ", t("stats_not_this_answered", { entry: item.answered })] : null,
      item.now ? [" ", h("span", { class: "now" },
        t("stats_question_now", { entry: item.now }))] : null),
    item.others.length ? h("span", { class: "meta" }, t("stats_question_others"), " ",
      item.others.map((other) => `“${other}”`).join(", "), item.more ? ", …" : null) : null,
    item.chosen ? h("span", { class: "meta chosen" },
      t("stats_question_chosen", { entry: item.chosen, count: item.chosen_by })) : null,
    // Answered now (taught a moment ago, say): not a second "Ajari bot", which read as if
    // teaching had not worked; the same dialog, to give it another answer.
    h("span", {}, h("button", { class: "button plain teach-open",
      onclick: () => teach(item).catch(complain) }, t(item.now ? "teach_change" : "teach_open"))))));
}

/** The entries a question can be taught to: FAQ questions, then program pages. */
function entryChoice(teaching, chosen) {
  const option = (item) => h("option", { value: item.entry, selected: item.entry === chosen },
    item.title);
  return h("select", { class: "teach-entry", "aria-label": t("teach_entry"), autofocus: true },
    h("option", { value: "" }, t("teach_choose")),
    h("optgroup", { label: t("teach_faq") }, teaching.faq.map(option)),
    h("optgroup", { label: t("teach_programs") }, teaching.programs.map(option)));
}

/** The start of the chosen entry's answer, as talents will read it, kept up to date. */
function preview(teaching, select) {
  const box = h("div", { class: "teach-preview" });
  const show = () => {
    const found = [...teaching.faq, ...teaching.programs].find((item) =>
      item.entry === select.value);
    fill(box, found ? [h("p", { class: "meta" }, t("teach_preview")),
      h("p", { class: "preview-text" }, found.preview)] : null);
  };
  select.addEventListener("change", show);
  show();
  return box;
}

/** The wording to start from: the listed question without the masks the server put in
 * (<name>, <number>…: nothing to match) and without a word its cut left half. */
function startingWording(question) {
  let text = question;
  if (text.endsWith("…")) text = text.slice(0, -1).replace(/\s*\S*$/, "");
  return text.replace(/<(name|number|email|link|handle)>/g, " ").replace(/\s+/g, " ").trim();
}

/** Under the entry chosen: the one talents opened among those offered, when another is. */
function chosenByTalents(item, select) {
  const note = h("p", { class: "hint teach-chosen" });
  const show = () => {
    note.hidden = !item.chosen_entry || select.value === item.chosen_entry;
    note.textContent = t("teach_chosen_other", { entry: item.chosen || "" });
  };
  select.addEventListener("change", show);
  show();
  return note;
}

/** Teach the bot which entry answers a listed question, in its wording or one staff edit. A
 * refusal is said at the top of the dialog (on a phone the foot of it is under its buttons),
 * with what was chosen and typed kept; a clash with a taught wording offers to move it; a
 * wording saved that does not make the bot answer the question so is said there too, with
 * another wording or undoing it offered. Once anything was saved, closing redraws the tab. */
async function teachOne(item, teaching, reload) {
  // The entry the question is answered with now, else the one talents opened, if any.
  let chosen = item.now_entry || item.chosen_entry || "";
  let wording = startingWording(item.question);
  let problem = null; // {text, actions?: (close) => buttons, saved?: true}
  let saved = false;
  for (;;) {
    const entry = entryChoice(teaching, chosen);
    const text = h("input", { type: "text", class: "wide teach-wording", maxLength: 80,
      value: wording, "aria-label": t("teach_wording") });
    const alert = problem ? h("p", { class: "warning", role: "alert" }, problem.text) : null;
    const sent = await dialog((close) => h("form", { class: "teach",
      onsubmit: (event) => {
        event.preventDefault();
        close({ entry: entry.value, text: text.value });
      } },
    h("h2", {}, t(item.now ? "teach_change" : "teach_open")), // as its button said
    h("p", { class: "question" }, `“${item.question}”`),
    alert,
    h("label", { class: "field" }, h("span", {}, t("teach_entry")), entry),
    chosenByTalents(item, entry),
    preview(teaching, entry),
    problem ? null : h("p", { class: "hint" }, t("teach_caution")),
    h("label", { class: "field" }, h("span", {}, t("teach_wording")), text),
    problem ? null : h("p", { class: "hint" }, t("teach_effect")),
    h("div", { class: "actions" },
      problem && problem.actions ? problem.actions(close) : h("button", { type: "submit",
        class: "button teach-save" }, t("teach_save")),
      h("button", { type: "button", class: "button plain", onclick: () => close(null) },
        problem && problem.saved ? t("teach_close") : t("teach_cancel")))));
    if (!sent) {
      if (saved) await reload(); // Escape or Close after a wording was kept: show it listed
      return;
    }
    if (sent.undo) {
      const undone = await call("untaught", { id: sent.undo });
      toast(undone.outcome === "removed" ? t("teach_undone") : undone.text,
        undone.outcome === "removed" ? "info" : "warning");
      await reload();
      return;
    }
    [chosen, wording] = [sent.entry, sent.text];
    if (!chosen) {
      problem = { text: t("teach_pick") };
      continue;
    }
    const body = { entry: chosen, text: wording, question: item.question };
    if (sent.replace) body.replace = sent.replace;
    const done = await call("teach", body);
    if (done.outcome === "taught") {
      toast(done.text);
      await reload();
      return;
    }
    if (done.outcome === "clash") { // a taught wording says the same: move it here?
      problem = { text: done.text, actions: (close) => h("button", { type: "button",
        class: "button teach-move", onclick: () => close({ entry: entry.value,
          text: text.value, replace: done.replace }) }, t("teach_move")) };
    } else if (done.outcome === "unsure") { // saved, but it does not answer so: say it here
      saved = true;
      problem = { text: done.text, saved: true, actions: (close) => [
        h("button", { type: "submit", class: "button teach-save" }, t("teach_again")),
        h("button", { type: "button", class: "button secondary teach-undo",
          onclick: () => close({ undo: done.id }) }, t("teach_undo"))] };
    } else {
      problem = { text: done.text, saved };
    }
  }
}

/** What staff taught the bot, newest first, each with who taught it, when, and Remove (after
 * a confirmation: a wording removed can only be taught again while its question is listed). */
function taught(teaching, reload) {
  const remove = async (item) => {
    const sure = await dialog((close) => [
      h("p", {}, t("taught_confirm", { text: item.text, entry: item.entry })),
      h("div", { class: "actions" },
        h("button", { class: "button taught-confirm", onclick: () => close(true) },
          t("taught_remove")),
        h("button", { class: "button plain", onclick: () => close(null) }, t("teach_cancel"))),
    ]);
    if (!sure) return;
    const done = await call("untaught", { id: item.id });
    toast(done.text, done.outcome === "removed" ? "info" : "warning");
    await reload();
  };
  return [
    h("p", { class: "hint" }, t("taught_intro")),
    teaching.taught.length
      ? h("ol", { class: "asked taught" }, teaching.taught.map((item) => h("li", {},
        h("span", { class: "question" }, `“${item.text}” → ${item.entry}`),
        h("span", { class: "meta" }, item.by),
        // Another entry says it too since a /reload: the bot hesitates between them.
        item.note ? h("span", { class: "warning taught-note" }, item.note) : null,
        h("span", {}, h("button", { class: "button plain taught-remove",
          onclick: () => remove(item).catch(complain) }, t("taught_remove"))))))
      : h("p", { class: "hint" }, t("taught_none")),
  ];
}

function card(heading, ...content) {
  return h("section", { class: "card" }, h("h2", {}, heading), ...content);
}

/** The Stats tab; `lengths`: how many questions each list showed before a redraw (after
 * teaching), past its ten: shown as long again. */
export async function render(main, lengths = {}) {
  const numbers = await call("stats");
  const longer = {};
  for (const [which, count] of Object.entries(lengths)) {
    if (count > 0) longer[which] = await call("stats-more", { list: which, count }); // 0: erased
  }
  const reload = () => {
    const top = window.scrollY; // back where staff were, under the question just taught
    return render(main, lengths).then(() => window.scrollTo(0, top));
  };
  const teach = (item) => teachOne(item, numbers.teaching, reload);
  fill(main,
    h("p", { class: "hint" }, t("stats_at", { when: numbers.at })),
    card(t("stats_funnel"), figures(numbers.funnel, numbers.funnel_notes)),
    card(t("stats_news"), figures(numbers.news)),
    card(t("stats_questions"), questions(numbers.questions, teach, longer, lengths)),
    card(t("taught_title"), taught(numbers.teaching, reload)),
    card(t("stats_days"), columns(numbers.days)),
    card(t("stats_stages"), bars(numbers.stages),
      numbers.duplicates ? h("p", { class: "hint duplicates" }, numbers.duplicates) : null,
      h("p", { class: "hint" }, t("stats_contact", { value: numbers.contact }))),
    card(t("stats_sectors"), bars(numbers.sectors)),
    card(t("stats_provinces"), bars(numbers.provinces),
      // The places left out, counted, as /stats says them (a staff review s57: unsaid).
      numbers.provinces_more ? h("p", { class: "hint places-more" }, numbers.provinces_more)
        : null));
}

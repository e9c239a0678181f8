// The /stats figures, drawn here as small SVG charts (no image comes over the wire).
import { call } from "./api.js";
import { fill, h, t } from "./dom.js";

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

/** Leads per day: vertical bars, every fifth day labelled. */
function columns(items) {
  const width = 600;
  const height = 180;
  const top = Math.max(1, ...items.map((item) => item.count));
  const step = width / items.length;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height + 24}`, class: "chart", role: "img",
    "aria-label": t("stats_days") });
  items.forEach((item, index) => {
    const bar = Math.round((item.count / top) * height);
    chart.append(svg("rect", { x: index * step + 2, y: height - bar, width: step - 4,
      height: Math.max(bar, item.count ? 2 : 0), class: "bar" },
    title(t("chart_bar", { label: item.label, count: item.count }))));
    const last = index === items.length - 1;
    if (index % 7 === 0 || last) {
      const anchor = index === 0 ? "start" : last ? "end" : "middle";
      const x = index === 0 ? 0 : last ? width : index * step + step / 2;
      const label = svg("text", { x, y: height + 16, class: "axis", "text-anchor": anchor });
      label.textContent = item.label;
      chart.append(label);
    }
  });
  const peak = svg("text", { x: 2, y: 12, class: "axis" });
  peak.textContent = String(top);
  chart.append(peak);
  return chart;
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

function card(heading, ...content) {
  return h("section", { class: "card" }, h("h2", {}, heading), ...content);
}

/** The Stats tab. */
export async function render(main) {
  const numbers = await call("stats");
  fill(main,
    h("p", { class: "hint" }, t("stats_at", { time: numbers.at })),
    card(t("stats_funnel"), h("dl", { class: "numbers" }, numbers.funnel.map((item) =>
      h("div", {}, h("dt", {}, t(`stats_${item.key}`)), h("dd", {}, String(item.count)))))),
    card(t("stats_days"), columns(numbers.days)),
    card(t("stats_stages"), bars(numbers.stages),
      h("p", { class: "hint" }, t("stats_contact", { value: numbers.contact }))),
    card(t("stats_sectors"), bars(numbers.sectors)),
    card(t("stats_provinces"), bars(numbers.provinces)));
}

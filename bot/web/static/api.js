// The bot's API: every request carries Telegram's init data, checked by the bot each time.
// Nothing personal goes in a URL: every request is a POST with a JSON body.

let initData = "";
let onRefused = () => {};
// Telegram's signed init data, kept for this browser tab's life so that a reload signs in
// again (a staff review: the page took it out of the address bar, so a reload had nothing).
// Session storage only: gone when the tab closes, never in a cookie, a URL or the history; the
// bot checks it (signature, age, still staff) on every request, and a refusal forgets it.
const KEPT = "ws-init-data";

/** Who to tell when the bot refuses the session (401, 403), whatever the call was. */
export function whenRefused(handler) {
  onRefused = handler;
}

/** Use this init data for every request from now on (kept for this tab, see KEPT). */
export function signIn(data) {
  initData = data || "";
  try {
    if (initData) sessionStorage.setItem(KEPT, initData);
  } catch {
    // storage turned off: a reload then asks to open the workspace again
  }
}

/** The init data this tab signed in with before a reload ("" when none). */
export function keptSignIn() {
  try {
    return sessionStorage.getItem(KEPT) || "";
  } catch {
    return "";
  }
}

function forget() {
  try {
    sessionStorage.removeItem(KEPT);
  } catch {
    // nothing kept
  }
}

export class ApiError extends Error {
  /** kind: network, unauthorized, forbidden, not_found, bad_request, server. */
  constructor(kind, status = 0, detail = "", said = "") {
    super(kind);
    this.kind = kind;
    this.status = status;
    this.detail = detail;
    this.said = said; // the server's words for staff (a refusal they can act on), if any
  }
}

/** POST api/<action> with a JSON body; the JSON answer, or an ApiError. */
export async function call(action, body = {}) {
  let response;
  try {
    response = await fetch(`api/${action}`, {
      method: "POST",
      headers: { "Authorization": `tma ${initData}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store",
      credentials: "omit",
    });
  } catch {
    throw new ApiError("network");
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    answer = null;
  }
  if (response.ok && answer !== null) return answer;
  const kinds = { 401: "unauthorized", 403: "forbidden", 404: "not_found", 400: "bad_request" };
  const error = new ApiError(kinds[response.status] || "server", response.status,
    (answer && answer.detail) || "", (answer && answer.said) || "");
  if (response.status === 401 || response.status === 403) {
    forget();  // expired or no longer staff: a reload must not try it again
    onRefused(error.kind);
  }
  throw error;
}

/** The page's texts in both languages (no sign-in needed: they name nobody). */
export async function texts() {
  const response = await fetch("texts.json", { cache: "no-store", credentials: "omit" });
  if (!response.ok) throw new ApiError("server", response.status);
  return response.json();
}

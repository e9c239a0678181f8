// The bot's API: every request carries Telegram's init data, checked by the bot each time.
// Nothing personal goes in a URL: every request is a POST with a JSON body.

let initData = "";
let onRefused = () => {};

/** Who to tell when the bot refuses the session (401, 403), whatever the call was. */
export function whenRefused(handler) {
  onRefused = handler;
}

/** Use this init data for every request from now on. */
export function signIn(data) {
  initData = data || "";
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
  if (response.status === 401 || response.status === 403) onRefused(error.kind);
  throw error;
}

/** The page's texts in both languages (no sign-in needed: they name nobody). */
export async function texts() {
  const response = await fetch("texts.json", { cache: "no-store", credentials: "omit" });
  if (!response.ok) throw new ApiError("server", response.status);
  return response.json();
}

import type { Viewer } from "../auth/viewer";
import { AppError } from "../errors";
import { ACTION_BODY_LIMIT } from "../security/limits";
import type { ApiAnswer } from "../api/handler";
import { parseWireDocument, WireParseError } from "./parse";
import { ingestWireItem } from "./ingest";
import { takeTurn } from "../ops/take-turn";

const TYPES = /^(application\/(?:[\w.+-]+\+)?(?:json|xml)|text\/xml)\b/i;

/**
 * The push endpoint's body: one wire document, up to the request limit (3 MB). Each item in it
 * is stored (or ignored as an older or the same version); the answer lists what became of each.
 * Photos a pushed document names by an http(s) address are fetched when an editor takes the item.
 * Items are keyed by the user the API key is for (the agency's connector, lib/wire/ingest.ts
 * wireKey): another user's key never updates or kills them; a new key for the same user does.
 */
export async function receiveWireDocument(request: Request, viewer: Viewer): Promise<ApiAnswer> {
  const type = request.headers.get("content-type") ?? "";
  if (!TYPES.test(type))
    throw new AppError("invalid", "Send ninjs as application/json, or NewsML-G2, RSS or Atom as application/xml (or its +xml types).");
  const bytes = Buffer.from(await request.arrayBuffer());
  if (bytes.length > ACTION_BODY_LIMIT) throw new AppError("invalid", `The document is larger than ${ACTION_BODY_LIMIT / 1_000_000} MB.`);
  if (bytes.length === 0) throw new AppError("invalid", "The body is empty: send one wire document.");
  let items;
  try {
    items = parseWireDocument(bytes.toString("utf8"));
  } catch (error) {
    if (error instanceof WireParseError) throw new AppError("invalid", error.message);
    throw error;
  }
  if (items.length === 0) throw new AppError("invalid", "The document holds no items.");
  const outcomes = [];
  for (const item of items.slice(0, 200)) {
    outcomes.push(await ingestWireItem(item, "push", viewer.id));
    // A turn for readers of this process: 200 items at some 10 ms each held every request 2 s.
    await takeTurn();
  }
  const created = outcomes.some((o) => o.outcome !== "ignored");
  return {
    status: created ? 201 : 200,
    body: { items: outcomes.map((o) => ({ id: o.id, guid: o.guid, version: o.version, outcome: o.outcome, status: o.status })) },
  };
}

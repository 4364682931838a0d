import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { env } from "../env";
import { isSameOriginRequest } from "./same-origin";
import { ACTION_BODY_LIMIT } from "./limits";
import { problemDocument, ProblemStatus } from "../api/problem";

export { ACTION_BODY_LIMIT };

const UPLOAD_PATH = /^\/api\/media(?:\/|$)/;
/** A WordPress export and its uploads zip (/admin/import): streamed to disk, up to DATELINE_MAX_IMPORT_MB. */
const IMPORT_PATH = /^\/api\/admin\/import(?:\/|$)/;
/** The desk API's photo upload: the same limit, authenticated by API key rather than a session cookie (issue 17). */
const API_UPLOAD_PATH = /^\/api\/v1\/desk\/photos\/?$/;

/**
 * The largest request body a write path accepts, in bytes: photo uploads their own limit (plus
 * room for the multipart framing), everything else, Server Actions included, ACTION_BODY_LIMIT.
 */
export function bodyLimitFor(pathname: string): number {
  if (IMPORT_PATH.test(pathname)) return env.DATELINE_MAX_IMPORT_MB * 1_000_000;
  return UPLOAD_PATH.test(pathname) || API_UPLOAD_PATH.test(pathname)
    ? env.DATELINE_MAX_UPLOAD_MB * 1_000_000 + 1_000_000
    : ACTION_BODY_LIMIT;
}

/** The sentence a 413 answers with; for an upload it also names the photo limit people know (DATELINE_MAX_UPLOAD_MB). */
export function tooLargeMessage(bytes: number, pathname: string): string {
  const [mb, limit] = [(bytes / 1_000_000).toFixed(1), Math.round(bodyLimitFor(pathname) / 1_000_000)];
  if (IMPORT_PATH.test(pathname)) return `This file is too large (${mb} MB; the limit is ${limit} MB, DATELINE_MAX_IMPORT_MB).`;
  if (UPLOAD_PATH.test(pathname) || API_UPLOAD_PATH.test(pathname))
    return `This upload is too large (${mb} MB; the limit is ${limit} MB for the request, ${env.DATELINE_MAX_UPLOAD_MB} MB for the photo).`;
  return `This request is too large (${mb} MB; the limit is ${limit} MB).`;
}

/** The content API (/api/v1/…): key-authenticated or open, never by cookie; its clients get every refusal as a problem document (lib/api/problem.ts). */
export const isContentApiPath = (pathname: string) => /^\/api\/v1(?:\/|$)/.test(pathname);

/**
 * How a refusal made before any route runs (the front server's, the proxy's) is written: as plain
 * text to a Server Action's caller, whose client shows a text/plain answer's words as the call's
 * error (components/forms/call-action.ts); as a problem document to the content API's, as its
 * routes answer; as `{ error }` JSON to anyone else.
 */
export function refusalFor(pathname: string, status: number, message: string, serverAction: boolean) {
  if (serverAction) return { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }, body: message };
  if (isContentApiPath(pathname)) return problemDocument(new ProblemStatus(status, "invalid", message));
  return { status, headers: { "content-type": "application/json", "cache-control": "no-store" }, body: JSON.stringify({ error: message }) };
}

/** next-auth's session cookie (`__Secure-` over https; `.0`, `.1`… when split). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=[^;\s]/;

/**
 * The front server's guard (scripts/server.ts), run before Next.js sees a request, so that an
 * oversized or anonymous body costs no memory and no waiting:
 * - a body declared larger than its path accepts: 413 at once, none of it read;
 * - an upload with no session cookie at all: 403 from another site, else 401, at once, none of
 *   it read (withAuth would refuse it the same way, but only inside Next.js);
 * - a body of undeclared length (chunked): counted as it arrives, and 413 (or, once something
 *   else has answered, a closed connection) the moment it passes the limit.
 * Each refusal closes the connection, so the rest of the body is never read. Returns true when it
 * has answered the request.
 */
export function guardRequestBody(req: IncomingMessage, res: ServerResponse): boolean {
  const pathname = (req.url ?? "/").split("?")[0]!;
  const limit = bodyLimitFor(pathname);
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) {
    refuse(res, refusalFor(pathname, 413, tooLargeMessage(Number(declared), pathname), isServerAction(req)));
    return true;
  }
  const write = req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS";
  if (write && (UPLOAD_PATH.test(pathname) || IMPORT_PATH.test(pathname)) && !SESSION_COOKIE.test(String(req.headers.cookie ?? ""))) {
    // Answered as withAuth would: another site's request first, then the missing session.
    const headers = { get: (name: string) => [req.headers[name] ?? []].flat().join(", ") || null };
    if (!isSameOriginRequest({ method: req.method ?? "POST", headers }))
      refuse(res, refusalFor(pathname, 403, "Cross-site request refused.", false), { readRest: false });
    else refuse(res, refusalFor(pathname, 401, "Sign in to upload photos.", false), { readRest: false });
    return true;
  }
  if (declared === undefined) countBody(req, res, limit, pathname);
  return false;
}

/** Counts a body's bytes as the socket delivers them, before anyone reads them. */
function countBody(req: IncomingMessage, res: ServerResponse, limit: number, pathname: string) {
  let received = 0;
  let refused = false;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk !== null && chunk !== undefined) {
      received += (chunk as Buffer).length;
      if (received > limit) {
        if (!refused && res.headersSent) req.socket.destroy();
        else if (!refused) {
          refuse(res, refusalFor(pathname, 413, tooLargeMessage(received, pathname), isServerAction(req)));
          // Whatever Next.js was doing with this request, its answer now goes nowhere.
          muted(res);
        }
        refused = true;
        // Dropped, and the socket stops reading (false) until it is closed.
        return false;
      }
    }
    return push(chunk, encoding);
  };
  // Answered without reading the body (a refusal inside Next.js): Node.js would read and discard
  // the rest, and an endless body never ends; the connection closes if it has not in LINGER_MS.
  res.once("finish", () => {
    if (!req.complete) setTimeout(() => !req.complete && req.socket.destroy(), LINGER_MS).unref();
  });
}

/** How long a refused client's connection stays open after the answer, so that the answer arrives. */
const LINGER_MS = 1000;

/** A Server Action's call (its refusal is plain text: refusalFor). */
export const isServerAction = (req: IncomingMessage) => req.headers["next-action"] !== undefined;

/**
 * Answers with a refusal and closes the connection. `readRest: false` (uploads without a session:
 * a flood is the likely sender) reads nothing more of the body while the answer lingers.
 */
function refuse(res: ServerResponse, refusal: ReturnType<typeof refusalFor>, { readRest = true } = {}) {
  lingerBeforeClosing(res.socket, readRest);
  res.writeHead(refusal.status, { ...refusal.headers, "x-content-type-options": "nosniff", connection: "close" });
  res.end(refusal.body);
}

/**
 * Node.js closes a connection as soon as a `connection: close` answer is written; with the
 * client's unread body still arriving, the close becomes a reset, which often reaches the client
 * before the answer does (a browser then shows a network error, not the 413). As nginx's
 * lingering close does, our side ends after the answer, reads and throws away what the client
 * still sends (a client that reads only once it has sent its body, as most scripts do, then gets
 * the answer), and closes for good when the client has closed or after LINGER_MS, whichever comes
 * first.
 *
 * Without `readRest`, nothing more is read, not even to be thrown away: the client's writes wait
 * on TCP's window (a browser reads the answer meanwhile), and a flood of anonymous uploads costs
 * no CPU (the server read 250-480 MB of each round of 100 anonymous 11 MB uploads; now 3-4 MB).
 */
function lingerBeforeClosing(socket: Socket | null, readRest: boolean) {
  if (!socket) return;
  socket.destroySoon = () => {
    socket.end();
    if (!readRest) {
      // Node.js would read an unanswered body to its end; the socket stops reading, and stays stopped.
      socket.pause();
      socket.resume = () => socket;
    }
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}

function muted(res: ServerResponse) {
  const self = () => res;
  Object.assign(res, {
    setHeader: self,
    appendHeader: self,
    removeHeader: () => {},
    writeHead: self,
    flushHeaders: () => {},
    write: () => true,
    end: self,
  });
}

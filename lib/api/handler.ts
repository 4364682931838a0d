import crypto from "node:crypto";
import { etagMatches, PUBLIC_CACHE_CONTROL } from "../cache/http-policy";
import { clientIpFromHeaders } from "../auth/client-ip";
import { AppError } from "../errors";
import { wellFormed } from "../format/text";
import { env } from "../env";
import { hasPermission, type Permission } from "../auth/permissions";
import { runAsApiKey } from "../apikeys/context";
import { authenticateApiKey, scopeWrites, type ApiCaller } from "./auth";
import type { ApiKeyScope } from "../generated/prisma/enums";
import { apiClient } from "./cached-reads";
import { ProblemStatus, problemResponse } from "./problem";
import { takeRequest } from "./rate-limit";

/** Readers' apps on any origin may read the open API; nothing else is shared across origins. */
export const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, Retry-After, Surrogate-Key",
};

/** A body the API answers with, and the cache tags (surrogate keys) of what it shows. */
export type ApiAnswer = { body: unknown; status?: number; keys?: string[] };

type Params = { params: Promise<Record<string, string>> };

/** JSON with an ETag of its bytes; a matching If-None-Match gets 304 without the body. */
function jsonAnswer(request: Request, answer: ApiAnswer, headers: Record<string, string>): Response {
  const text = JSON.stringify(answer.body);
  // The same tag the front cache gives the same bytes (lib/front-cache.ts), so a hit and a miss agree.
  const etag = `W/"${crypto.createHash("sha1").update(text).digest("base64url")}"`;
  const all = { ...headers, etag, vary: "Accept-Encoding" };
  const inm = request.headers.get("if-none-match");
  // Only a read is "not modified": a write sent with If-None-Match is done and answered in full.
  const read = request.method === "GET" || request.method === "HEAD";
  if (read && (answer.status ?? 200) === 200 && etagMatches(inm, etag)) {
    return new Response(null, { status: 304, headers: all });
  }
  return new Response(request.method === "HEAD" ? null : text, {
    status: answer.status ?? 200,
    headers: { ...all, "content-type": "application/json; charset=utf-8" },
  });
}

/**
 * An open read endpoint (GET /api/v1/…; no key, the content is public): cached like the public pages
 * (`Cache-Control` for shared caches, `Surrogate-Key`/`Cache-Tag` from the cache tags of what it
 * shows, so the same purges reach it), ETags, CORS for any origin; rate-limited per client address
 * on data-cache misses (lib/api/cached-reads.ts). Errors are problem documents.
 */
export function publicApi(handler: (request: Request, params: Record<string, string>) => Promise<ApiAnswer>) {
  return async (request: Request, context: Params): Promise<Response> => {
    try {
      const params = await context.params;
      const ip = clientIpFromHeaders(request.headers);
      const answer = await apiClient.run({ ip }, () => handler(request, params));
      const keys = [...new Set(answer.keys ?? [])];
      return jsonAnswer(request, answer, {
        ...CORS_HEADERS,
        "cache-control": PUBLIC_CACHE_CONTROL,
        ...(keys.length ? { "surrogate-key": keys.join(" "), "cache-tag": keys.join(",") } : {}),
      });
    } catch (error) {
      return problemResponse(error, { url: request.url }, CORS_HEADERS);
    }
  };
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * The methods an API address does not take, each answered 405 as a problem document with `Allow`
 * (readable across origins at the open API's addresses): Next's own 405 had no body, no Allow and
 * no CORS headers, so a browser client saw a CORS error. A route file exports them beside its own:
 * `export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], { open: true });`
 */
export function otherMethods<const Taken extends Method>(
  taken: Taken[],
  { open = false }: { open?: boolean } = {},
): Record<Exclude<Method, Taken>, () => Response> {
  const allow = [...taken, ...(taken.includes("GET" as Taken) ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse = () =>
    problemResponse(new ProblemStatus(405, "invalid", `This address takes ${allow} only.`), {}, { ...(open ? CORS_HEADERS : {}), allow });
  return Object.fromEntries(METHODS.filter((m) => !taken.includes(m as Taken)).map((m) => [m, refuse])) as Record<
    Exclude<Method, Taken>,
    () => Response
  >;
}

/** The preflight answer of the open read API. */
export function corsPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "access-control-allow-methods": "GET, HEAD, OPTIONS",
      "access-control-allow-headers": "If-None-Match",
      "access-control-max-age": "86400",
    },
  });
}

/**
 * A desk endpoint (/api/v1/desk/…): authenticated by API key only (never a session cookie, so it is
 * exempt from the same-origin rule like the cron endpoint: a forged cross-site request carries no
 * key), rate-limited per key (429 + Retry-After), refused to a read-only key when it writes, and
 * run as the key's user: every lib/ function it calls checks that user's permissions and the
 * story's policy exactly as for the desk's own pages, and every audit event names the key.
 */
export function deskApi(
  handler: (request: Request, context: { params: Record<string, string>; caller: ApiCaller }) => Promise<ApiAnswer | Response>,
  // scope: a key of only this scope may call it (the wire push takes WIRE keys alone).
  options: { write: boolean; permission?: Permission; scope?: ApiKeyScope },
) {
  return async (request: Request, context: Params): Promise<Response> => {
    try {
      const caller = await authenticateApiKey(request);
      await takeRequest(`key:${caller.keyId}`, env.DATELINE_API_KEY_RATE);
      if (options.scope && caller.scope !== options.scope)
        throw new AppError(
          "forbidden",
          `Only an API key of the ${options.scope} scope may call this. An admin can make one at /admin/api-keys.`,
        );
      if (options.write && !scopeWrites(caller.scope))
        throw new AppError("forbidden", "This API key may only read. An admin can make a read and write key.");
      if (options.permission && !hasPermission(caller.viewer.role, options.permission))
        throw new AppError("forbidden", "The key's user's role does not allow this.");
      const params = await context.params;
      const answer = await runAsApiKey(caller.keyId, () => handler(request, { params, caller }));
      if (answer instanceof Response) return answer;
      return jsonAnswer(request, answer, { "cache-control": "private, no-store" });
    } catch (error) {
      // RFC 6750: a 401 names the scheme the key is sent with.
      const challenge = error instanceof AppError && error.code === "unauthorized" ? BEARER_CHALLENGE : {};
      return problemResponse(error, { url: request.url }, challenge);
    }
  };
}

const BEARER_CHALLENGE = { "www-authenticate": 'Bearer realm="Dateline desk API"' };

/** A JSON request body, parsed; a body that is not JSON is an `invalid` problem. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type))
    throw new AppError("invalid", "Send the body as JSON (Content-Type: application/json).");
  try {
    return wellFormed(await request.json());
  } catch {
    throw new AppError("invalid", "The body is not valid JSON.");
  }
}

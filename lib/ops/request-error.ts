import type { Instrumentation } from "next";
import { log, loggablePath } from "../log";

/** Next's own control flow, thrown on purpose: notFound(), redirect(), a bailout to rendering per request. */
const CONTROL_FLOW = /^(?:NEXT_|DYNAMIC_SERVER_USAGE|BAILOUT_TO_CLIENT_SIDE_RENDERING)/;

/**
 * A request Next.js could not answer (a page, a route handler or a Server Action threw), as one
 * log line with its request id (scripts/server.ts stamps it on the request and on the response's
 * X-Request-Id), the route, the error and its stack. Next.js prints the error too, as many lines
 * of text that no id ties to the request. The digest is what a reader's error page names.
 */
export const logRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  if (digest && CONTROL_FLOW.test(digest)) return;
  const requestId = request.headers["x-request-id"];
  log("error", "request failed", {
    ...(typeof requestId === "string" ? { requestId } : {}),
    method: request.method,
    path: loggablePath(request.path),
    route: context.routePath,
    routeType: context.routeType,
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    ...(digest ? { digest } : {}),
    ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
  });
};

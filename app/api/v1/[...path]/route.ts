import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/api/problem";
import { CORS_HEADERS, corsPreflight } from "@/lib/api/handler";

type Params = { params: Promise<{ path?: string[] }> };

// The desk's addresses share nothing across origins (lib/api/handler.ts), unknown ones included.
const isDesk = async ({ params }: Params) => (await params).path?.[0] === "desk";

// Any /api/v1 address no route has: a problem document, as every other API error is, not the
// site's HTML 404 page. Specific routes always win over this catch-all.
const missing = async (_request: Request, context: Params) =>
  problemResponse(
    new AppError("not_found", "There is no such API address. The operations are listed at /api/v1/docs."),
    {},
    (await isDesk(context)) ? {} : CORS_HEADERS,
  );

// Whatever the method: an address no route has is not found.
export const GET = missing;
export const HEAD = missing;
export const POST = missing;
export const PUT = missing;
export const PATCH = missing;
export const DELETE = missing;
// A browser's preflight to an open address is answered as at every open address, so a script then
// reads the 404's problem document; Next's own answer had no CORS headers, and the browser
// reported a CORS error.
export const OPTIONS = async (request: Request, context: Params) => ((await isDesk(context)) ? missing(request, context) : corsPreflight());

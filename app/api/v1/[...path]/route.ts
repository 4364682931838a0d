import { AppError } from "@/lib/errors";
import { problemResponse } from "@/lib/api/problem";
import { CORS_HEADERS, corsPreflight } from "@/lib/api/handler";

// Any /api/v1 address no route has: a problem document, as every other API error is, not the
// site's HTML 404 page. Specific routes always win over this catch-all.
const missing = () =>
  problemResponse(new AppError("not_found", "There is no such API address. The operations are listed at /api/v1/docs."), {}, CORS_HEADERS);

// Whatever the method: an address no route has is not found.
export const GET = missing;
export const HEAD = missing;
export const POST = missing;
export const PUT = missing;
export const PATCH = missing;
export const DELETE = missing;
// A browser's preflight is answered as at every open address, so a script then reads the 404's
// problem document; Next's own answer had no CORS headers, and the browser reported a CORS error.
export const OPTIONS = corsPreflight;

import { corsPreflight, CORS_HEADERS, otherMethods } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";

// GET /api/v1/openapi.json – the API's OpenAPI 3.1 document, generated from the handlers' zod schemas (open).
export function GET() {
  return Response.json(openApiDocument(), { headers: { ...CORS_HEADERS, "cache-control": "public, max-age=300" } });
}
export const OPTIONS = corsPreflight;
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], { open: true });

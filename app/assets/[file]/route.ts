import { stylesheetResponse } from "@/lib/stylesheet";

// Under `npm start` and `npm run dev` the server answers these itself, gzipped (lib/stylesheet.ts).
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { status, headers, body } = stylesheetResponse((await params).file);
  return new Response(typeof body === "string" ? body : new Uint8Array(body), { status, headers });
}

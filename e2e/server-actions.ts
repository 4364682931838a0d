import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { E2E_URL } from "./env";

export interface ServerAction {
  id: string;
  name: string;
  file: string;
  /** The app route that bundles it, e.g. "/admin/articles/[id]". */
  route: string;
}

/** Every Server Action in the production build, from Next's own manifest (so none can be missed). */
export function serverActionsInBuild(): ServerAction[] {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName,
    file: entry.filename,
    route: Object.keys(entry.workers)[0]!
      .replace(/^app/, "")
      .replace(/\/page$/, ""),
  }));
}

/** Calls a Server Action the way the browser does (fetch with Next-Action), with optional extra headers. */
export async function callServerAction(
  api: APIRequestContext,
  path: string,
  action: ServerAction,
  input: unknown,
  headers: Record<string, string> = { Origin: E2E_URL },
) {
  const response = await api.post(path, {
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", ...headers },
    data: JSON.stringify([input]),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

/** The `code` of the ActionResult in an action's RSC answer, e.g. "forbidden"; "ok" on success. */
export function actionOutcome(body: string): string | undefined {
  if (/"ok":true/.test(body)) return "ok";
  return /"ok":false,"code":"(\w+)"/.exec(body)?.[1];
}

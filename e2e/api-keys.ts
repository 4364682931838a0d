import type { APIRequestContext } from "@playwright/test";
import { ACCOUNTS, E2E_URL, storageStatePath, type RoleName } from "./env";
import { readDatabase } from "./database";
import { actionOutcome, callServerAction, serverActionsInBuild } from "./server-actions";
import { clientAddress } from "./fixtures";

type Playwright = { request: { newContext: (o: object) => Promise<APIRequestContext> } };

/** Makes an API key for the e2e account of `role` through the admin's own Server Action (as the UI does); returns the token. */
export async function makeApiKey(
  playwright: Playwright,
  role: RoleName,
  scope: "READ" | "READ_WRITE" | "WIRE",
  name = `e2e ${role} ${scope}`,
) {
  const admin = await playwright.request.newContext({ baseURL: E2E_URL, storageState: storageStatePath("admin") });
  const userId = readDatabase((db) => db.prepare("SELECT id FROM User WHERE email = ?").pluck().get(ACCOUNTS[role].email)) as string;
  const action = serverActionsInBuild().find((a) => a.name === "createApiKeyAction")!;
  const { body } = await callServerAction(admin, "/admin/api-keys", action, { name, userId, scope });
  await admin.dispose();
  const token = /"token":"(dl_[\w-]+)"/.exec(body)?.[1];
  if (actionOutcome(body) !== "ok" || !token) throw new Error(`could not make a key: ${body.slice(0, 300)}`);
  return token;
}

/** A request context that talks to the API with `token` and nothing else (no cookie), from its own client address. */
export function apiClient(playwright: Playwright, token?: string, extra: Record<string, string> = {}) {
  return playwright.request.newContext({
    baseURL: E2E_URL,
    extraHTTPHeaders: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      "X-Forwarded-For": clientAddress(),
      ...extra,
    },
  });
}

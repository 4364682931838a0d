import type { ChildProcess } from "node:child_process";
import type { APIRequestContext } from "@playwright/test";
import { ACCOUNTS, E2E_PORT, PASSWORD } from "../env";
import { expect, test } from "../fixtures";
import { copyE2eDatabase, startOwnServer, stopServer, waitForHealth } from "../own-server";

// The trust issue: the client address for sign-in throttling came from X-Forwarded-For, which a
// client writes itself. Here the production server runs with no proxy trusted (the default), on
// its own port and its own copy of the end-to-end database, so that every attempt below comes
// from one socket address, whatever the headers say.

const PORT = E2E_PORT + 2;
const URL = `http://localhost:${PORT}`;
const DIR = "data/e2e-no-proxy";

let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await copyE2eDatabase(DIR);
  server = startOwnServer({
    dir: DIR,
    port: PORT,
    env: { DATELINE_TRUSTED_PROXIES: "", DATELINE_TRUST_PROXY: "false" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  await waitForHealth(URL, server, 60_000);
});

test.afterAll(async () => {
  if (server) await stopServer(server, "SIGTERM", { group: true });
});

/** One sign-in through next-auth's credentials endpoint; the error message it answers, or "ok". */
async function signInOver(api: APIRequestContext, email: string, password: string, headers: Record<string, string>) {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: `${URL}/admin` },
    headers: { Origin: URL, ...headers },
    maxRedirects: 0,
  });
  const { url } = (await response.json()) as { url: string };
  return new globalThis.URL(url, URL).searchParams.get("error") ?? "ok";
}

test("a client cannot choose its address with X-Forwarded-For (or our own header) to dodge the lock", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: URL });
  for (let i = 1; i <= 5; i++) {
    // Five accounts, five made-up addresses: all from one socket.
    const error = await signInOver(api, `nobody-${i}-${Date.now()}@e2e.dateline`, "wrong-password-guess", {
      "X-Forwarded-For": `198.51.100.${i}`,
    });
    expect(error).toBe("That email and password do not match an active account.");
  }
  // A sixth account with its right password, from yet another claimed address: this socket is locked.
  const spoofed = { "X-Forwarded-For": "203.0.113.50", "X-Real-IP": "203.0.113.51", "X-Dateline-Client-Ip": "203.0.113.52" };
  expect(await signInOver(api, ACCOUNTS.writer.email, PASSWORD, spoofed)).toMatch(
    /^Too many failed sign-in attempts\. Try again in \d+ minutes?\.$/,
  );
  await api.dispose();
});

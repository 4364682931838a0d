import { BROWSER_REDIRECT_SAMPLE, REDIRECT_CORPUS } from "../../lib/auth/redirect-corpus";
import { ACCOUNTS, E2E_URL, PASSWORD, storageStatePath } from "../env";
import { expect, newContext, test } from "../fixtures";

// The trust issue: `/login?callbackUrl=/.//evil.example/phish` answered a signed-in user with
// `Location: //evil.example/phish`, and signing in through `/..//evil.example/phish` in Chromium
// landed on the attacker's page. The payloads live in lib/auth/redirect-corpus.ts.

const onSite = (location: string) => new URL(location, `${E2E_URL}/login`).origin === E2E_URL;
const loginWith = (payload: string) => `/login?callbackUrl=${encodeURIComponent(payload)}`;

test("a signed-in user's GET /login never answers with a Location off this site, for every payload", async ({ playwright }) => {
  test.setTimeout(120_000);
  const api = await playwright.request.newContext({ baseURL: E2E_URL, storageState: storageStatePath("editor") });
  const offSite: string[] = [];
  for (const payload of REDIRECT_CORPUS) {
    const response = await api.get(loginWith(payload), { maxRedirects: 0 });
    const location = response.headers()["location"];
    if (
      response.status() >= 300 &&
      response.status() < 400 &&
      location !== undefined &&
      !(onSite(location) && !location.startsWith("//"))
    ) {
      offSite.push(`${JSON.stringify(payload)} -> ${response.status()} ${location}`);
    }
    // A signed-in user is always sent on; the sign-in page is never shown to them.
    expect(response.status(), JSON.stringify(payload)).toBeGreaterThanOrEqual(300);
  }
  expect(offSite).toEqual([]);
  await api.dispose();
});

for (const payload of BROWSER_REDIRECT_SAMPLE) {
  test(`signing in through callbackUrl=${JSON.stringify(payload)} stays on the site`, async ({ browser }) => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(loginWith(payload));
    await page.getByLabel("Email").fill(ACCOUNTS.editor.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText(ACCOUNTS.editor.email);
    expect(new URL(page.url()).origin).toBe(E2E_URL);
    // Signed in, the same address sends the browser on, and it stays here too.
    await page.goto(loginWith(payload));
    await expect(page.getByTestId("signed-in-as")).toContainText(ACCOUNTS.editor.email);
    expect(new URL(page.url()).origin).toBe(E2E_URL);
    await context.close();
  });
}

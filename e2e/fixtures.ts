import { test as base, expect, type Browser, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";
import { TYPED_EARLY_GLOBAL } from "../components/forms/typed-early";
import { PASSWORD } from "./env";

export const unique = () => Math.random().toString(36).slice(2, 8);

/**
 * A client address of its own for each browser or request context, so sign-in throttling and
 * rate limits by address never cross tests: 10.0.0.0/8, counted up from a random start (a worker
 * started again after a failure starts elsewhere). Five failed sign-ins from one address within
 * 15 minutes lock it; random picks among 254 addresses once gave a test an address another
 * test's failures had counted against, and its own fifth attempt was locked.
 */
let nextAddress = Math.floor(Math.random() * 2 ** 24);
export function clientAddress(): string {
  const n = nextAddress++ % 2 ** 24;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}
const headers = () => ({ "X-Forwarded-For": clientAddress() });

export const test = base.extend<{ closeContextsLeftOpen: void }>({
  context: async ({ context }, provide) => {
    await context.setExtraHTTPHeaders(headers());
    await provide(context);
  },
  // Playwright closes its own `context` after each test, not the ones a test opens itself
  // (`newContext`, `browser.newPage()`). Left open, they piled up in the one worker's browser:
  // 89 pages by the middle of a run, desk pages among them still sending presence heartbeats to
  // the server under test. Whatever a test opened is closed when it ends (a failed test's
  // screenshots of those pages are taken as they close).
  closeContextsLeftOpen: [
    async ({ browser }, provide) => {
      const before = new Set(browser.contexts());
      await provide();
      await Promise.all(browser.contexts().map((context) => (before.has(context) ? null : context.close())));
    },
    { auto: true },
  ],
});
export { expect };

/** A fresh browser context (optionally signed in via storageState) with its own client address. */
export function newContext(browser: Browser, options: BrowserContextOptions = {}) {
  return browser.newContext({ ...options, extraHTTPHeaders: { ...headers(), ...options.extraHTTPHeaders } });
}

/**
 * A slow network: holds the page's scripts (Next's chunks) until the returned function is
 * called, so the server-rendered HTML is on screen and nothing has hydrated yet.
 */
export async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const scripts = (u: URL) => u.pathname.startsWith("/_next/static/") && u.pathname.endsWith(".js");
  await page.route(scripts, async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

/** Resolves once an admin page has hydrated: its recorder of early typing is switched off then (components/forms/typed-early.ts). */
export async function adminHydrated(page: Page) {
  await page.waitForFunction((name) => (window as unknown as Record<string, unknown>)[name] === null, TYPED_EARLY_GLOBAL);
}

/** The page's own alert (Next's route announcer also has role=alert, outside main). */
export const formAlert = (page: Page) => page.locator("main").getByRole("alert");

/** Signs in through the form; waits for the desk to show who is signed in. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
}

/** Publishes the story open in the editor: "Publish…" on its bar, then "Publish now" in the confirmation. */
export async function publishFromEditor(page: Page) {
  await page.getByRole("button", { name: "Publish…" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publish now" }).click();
}

/** Types `local` ("2026-12-02T14:05", or with seconds) into the desk's date and 24-hour time boxes named by `legend`. */
export async function fillDeskTime(scope: Page | Locator, legend: string | RegExp, local: string) {
  const group = scope.getByRole("group", { name: legend });
  await group.getByLabel("Date (year-month-day)").fill(local.slice(0, 10));
  await group.getByLabel("Time (24-hour)").fill(local.slice(11));
}

/** Schedules the story open in the editor for `local` ("2026-12-02T14:05", or with seconds; the newsroom's time), through the same confirmation. */
export async function scheduleFromEditor(page: Page, local: string) {
  await page.getByRole("button", { name: "Publish…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("radio", { name: "At a set time" }).check();
  await fillDeskTime(dialog, "Goes live at", local);
  await dialog.getByRole("button", { name: "Schedule" }).click();
}

import type { APIResponse, Browser, Page } from "@playwright/test";
import { E2E_URL, storageStatePath } from "../env";
import { readDatabase } from "../database";
import { expect, fillDeskTime, newContext, test, unique } from "../fixtures";
import { apiAs, makeStory, type Story } from "../newsroom";

// Issue 20, deliver 5: an expiring, revocable link to a draft's preview for someone without an
// account; never cached by any layer, never indexed, every view audited.

const utcLocal = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 19);
const views = (storyId: string) =>
  readDatabase((db) =>
    db.prepare("SELECT count(*) FROM AuditEvent WHERE entityId = ? AND action = 'draft-link.view'").pluck().get(storyId),
  ) as number;

async function editorOn(browser: Browser, story: Story): Promise<Page> {
  const page = await (await newContext(browser, { storageState: storageStatePath("editor") })).newPage();
  await page.goto(`/admin/articles/${story.id}`);
  return page;
}

async function createLink(page: Page, label: string, expires?: string): Promise<string> {
  await page.getByLabel("Who it is for").fill(label);
  if (expires) await fillDeskTime(page, /Stops working at/, expires);
  await page.getByRole("button", { name: "Create link" }).click();
  const url = await page.getByLabel("Link created. Copy it now: it is shown only once.").inputValue();
  expect(url).toMatch(new RegExp(`^${E2E_URL}/draft/[A-Za-z0-9_-]{43}$`));
  return url;
}

function expectUncached(response: APIResponse) {
  const h = response.headers();
  expect(h["cache-control"]).toBe("private, no-store");
  expect(h["x-robots-tag"]).toContain("noindex");
  expect(h["x-dateline-cache"]).toBeUndefined();
  expect(h["surrogate-key"]).toBeUndefined();
}

test.describe("draft links", () => {
  test.setTimeout(120_000);
  let story: Story;

  test.beforeAll(async () => {
    const api = await apiAs("editor");
    story = await makeStory(api, `Draft link council contract ${unique()}`);
    await api.dispose();
  });

  test("works signed out, marked as a draft and noindex, never from a cache; each view audited; revoked, it is refused at once", async ({
    browser,
    playwright,
  }) => {
    const editor = await editorOn(browser, story);
    await editor.getByRole("button", { name: "Create link" }).click();
    await expect(editor.getByText("Say who the link is for")).toBeVisible();
    const url = await createLink(editor, "Legal: J. Moreno");

    const outsider = await (await newContext(browser)).newPage();
    const first = await outsider.goto(url);
    expect(first?.status()).toBe(200);
    // In a landmark of its own: a reader moving by landmarks meets the request not to pass it on.
    await expect(outsider.getByRole("complementary", { name: "Draft notice" }).getByTestId("draft-banner")).toContainText(
      "Draft — not published",
    );
    await expect(outsider.getByRole("heading", { level: 1 })).toHaveText(story.headline);
    await expect(outsider.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await outsider.screenshot({ path: "test-results/draft-link.png", fullPage: true });

    const anonymous = await playwright.request.newContext({ baseURL: E2E_URL });
    const before = views(story.id);
    for (let i = 0; i < 2; i++) {
      const response = await anonymous.get(url);
      expect(response.status()).toBe(200);
      expectUncached(response);
    }
    expect(views(story.id)).toBe(before + 2);
    await editor.reload();
    await expect(editor.getByTestId("draft-link-row").first()).toContainText("Legal: J. Moreno · Active");
    await expect(editor.getByTestId("draft-link-row").first()).toContainText("3 views");

    await editor.getByRole("button", { name: "Revoke the link for Legal: J. Moreno" }).click();
    await expect(editor.getByTestId("draft-link-row").first()).toContainText("Revoked");
    for (let i = 0; i < 2; i++) {
      const refused = await anonymous.get(url);
      expect(refused.status()).toBe(404);
      expectUncached(refused);
      expect(await refused.text()).not.toContain(story.headline);
    }
    expect(views(story.id)).toBe(before + 2);
    await anonymous.dispose();
  });

  test("stops working at its expiry", async ({ browser, playwright }) => {
    const editor = await editorOn(browser, story);
    await editor.getByLabel("Who it is for").fill("Fact-check desk");
    await fillDeskTime(editor, /Stops working at/, utcLocal(-60_000));
    await editor.getByRole("button", { name: "Create link" }).click();
    await expect(editor.getByText("Choose a time in the future.")).toBeVisible();
    // Far enough ahead that a slow machine still opens it once before it stops working.
    const url = await createLink(editor, "Fact-check desk", utcLocal(12_000));
    const anonymous = await playwright.request.newContext({ baseURL: E2E_URL });
    expect((await anonymous.get(url)).status()).toBe(200);
    await expect.poll(async () => (await anonymous.get(url)).status(), { timeout: 30_000, intervals: [1000] }).toBe(404);
    await anonymous.dispose();
  });
});

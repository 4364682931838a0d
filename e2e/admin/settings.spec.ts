import Database from "better-sqlite3";
import { E2E_ENGINE, E2E_ENV, storageStatePath } from "../env";
import { expect, newContext, test } from "../fixtures";

const WIRE = "/climate/the-sea-has-already-decided-harrow-point-votes-to-move-inland";

test.describe("site settings", () => {
  test("an admin renames the site and moves its time zone; every page, feed and time follows at once", async ({ browser }) => {
    const context = await newContext(browser, { storageState: storageStatePath("admin") });
    const page = await context.newPage();
    const reader = await browser.newPage();
    await reader.goto(WIRE);
    const published = reader.locator(".times time").first();
    const utcTime = await published.textContent();
    expect(utcTime).toMatch(/UTC$/);

    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Settings" }).click();
    const form = page.getByRole("form", { name: "Site settings" });
    await expect(form.getByLabel("Site name")).toHaveValue("The Dateline");
    await expect(form.getByLabel("Time zone")).toHaveValue("UTC");

    // A refused save says why at the field and keeps what was typed.
    await form.getByLabel("Site name").fill("   ");
    await form.getByLabel("Description").fill("News from the coast, with its sources.");
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByText("Give the site a name.")).toBeVisible();
    await expect(form.getByLabel("Description")).toHaveValue("News from the coast, with its sources.");

    await form.getByLabel("Site name").fill("The Harbour Herald");
    await form.getByLabel("Time zone").selectOption("Asia/Tokyo");
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Saved. Every page, feed and sitemap shows the new settings now.")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "The Harbour Herald" })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/settings.png", fullPage: true });

    try {
      // The article page (rendered by the server itself) and a Next-rendered page, both at once.
      await reader.goto(WIRE);
      await expect(reader).toHaveTitle(/ · The Harbour Herald$/);
      await expect(reader.locator(".masthead .wordmark")).toHaveText("The Harbour Herald");
      await expect(published).toHaveText(/GMT\+9$/);
      expect(await published.getAttribute("datetime")).toMatch(/Z$|[+-]\d\d:\d\d$/);
      await reader.goto("/politics");
      await expect(reader.locator(".masthead .wordmark")).toHaveText("The Harbour Herald");
      await reader.goto("/");
      await expect(reader.locator('meta[name="description"]')).toHaveAttribute("content", "News from the coast, with its sources.");
      expect(await (await reader.request.get("/feed.xml")).text()).toContain("<title>The Harbour Herald</title>");
      const ld = JSON.parse(
        (await reader.request.get(WIRE).then((r) => r.text())).match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]!,
      );
      expect(ld.publisher.name).toBe("The Harbour Herald");
    } finally {
      // Back to the environment's values for the other specs.
      await page.goto("/admin/settings");
      await form.getByLabel("Site name").fill("The Dateline");
      await form.getByLabel("Description").fill("Independent news, with its sources.");
      await form.getByLabel("Time zone").selectOption("UTC");
      await form.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByText("Saved.")).toBeVisible();
    }
    await reader.goto(WIRE);
    await expect(published).toHaveText(utcTime!);
    await context.close();
  });

  test("two admins: the second save is refused and keeps what was typed", async ({ browser }) => {
    const first = await (await newContext(browser, { storageState: storageStatePath("admin") })).newPage();
    const second = await (await newContext(browser, { storageState: storageStatePath("admin") })).newPage();
    await first.goto("/admin/settings");
    await second.goto("/admin/settings");
    const description = (await first.getByLabel("Description").inputValue()) || "Independent news, with its sources.";
    await first.getByLabel("Description").fill(`${description} `);
    await first.getByRole("button", { name: "Save settings" }).click();
    await expect(first.getByText("Saved.")).toBeVisible();
    await second.getByLabel("Site name").fill("Someone Else's Name");
    await second.getByRole("button", { name: "Save settings" }).click();
    await expect(second.getByText("Someone saved the settings after you opened them.")).toBeVisible();
    await expect(second.getByLabel("Site name")).toHaveValue("Someone Else's Name");
    await first.reload();
    await expect(first.getByLabel("Site name")).toHaveValue("The Dateline");
  });

  test("a saved time zone or language this server does not take is named at its field, with what is in force instead", async ({
    browser,
  }) => {
    test.skip(E2E_ENGINE === "postgresql", "writes the saved values into the SQLite file");
    // Saved before the server refused them (a language subtag of five to eight letters was taken
    // until this month), or on a runtime whose time zone data had them: they were ignored silently.
    const db = new Database(E2E_ENV.DATABASE_URL.replace(/^file:/, ""), { timeout: 5000 });
    const before = db.prepare("SELECT key, value, updatedAt FROM Setting WHERE key IN ('timeZone', 'language')").all() as {
      key: string;
      value: string;
      updatedAt: number;
    }[];
    const save = db.prepare("INSERT OR REPLACE INTO Setting (key, value, updatedAt) VALUES (?, ?, ?)");
    try {
      save.run("language", "welsh", Date.now());
      save.run("timeZone", "Mars/Olympus_Mons", Date.now());
      const page = await (await newContext(browser, { storageState: storageStatePath("admin") })).newPage();
      await page.goto("/admin/settings");
      await expect(
        page.getByText("The saved language “welsh” is not a language tag, so stories are declared in English (en)."),
      ).toBeVisible();
      await expect(page.getByLabel("Language of stories")).toHaveValue("en");
      await expect(
        page.getByText(
          /^The saved time zone “Mars\/Olympus_Mons” is not one this server knows, so times are shown in .+\. Choose one and save\.$/,
        ),
      ).toBeVisible();
      await page.getByRole("form", { name: "Site settings" }).screenshot({ path: "test-results/screens/settings-ignored.png" });
    } finally {
      db.prepare("DELETE FROM Setting WHERE key IN ('timeZone', 'language')").run();
      for (const row of before) save.run(row.key, row.value, row.updatedAt);
      db.close();
    }
  });

  test("an editor may not change the settings", async ({ browser }) => {
    const context = await newContext(browser, { storageState: storageStatePath("editor") });
    const page = await context.newPage();
    await page.goto("/admin");
    await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
    expect((await page.goto("/admin/settings"))?.status()).toBe(403);
    await context.close();
  });
});

import type { Browser, Page, Route } from "@playwright/test";
import { storageStatePath } from "../env";
import { expect, newContext, test, unique } from "../fixtures";

// The desk as a working editor uses it (issue 15): from "New story" to live by keyboard alone,
// and no failure (a 5 MB paste, a dropped connection, a 500) ever leaves it stuck or loses text.

async function asEditor(browser: Browser): Promise<Page> {
  return (await newContext(browser, { storageState: storageStatePath("editor") })).newPage();
}

/** Key presses that are not typing, counted as the journey goes: choices (something chosen or confirmed) and moves (focus moves). */
function keyCounter(page: Page) {
  const counts = { choices: 0, moves: 0, typed: 0 };
  return {
    counts,
    /** A key that chooses or confirms (Enter on a link, a letter or arrow on a select, a shortcut). */
    choose: async (key: string) => {
      counts.choices++;
      await page.keyboard.press(key);
    },
    /** A key that only moves the focus (Tab, Shift+Tab). */
    move: async (key = "Tab") => {
      counts.moves++;
      await page.keyboard.press(key);
    },
    type: async (text: string) => {
      counts.typed += text.length;
      await page.keyboard.type(text);
    },
    /** Tab until `test` holds for the focused element; returns how many presses it took. */
    tabTo: async (test: string, max = 40) => {
      for (let i = 0; i < max; i++) {
        if (await page.evaluate((t) => !!document.activeElement?.matches(t), test)) return i;
        counts.moves++;
        await page.keyboard.press("Tab");
      }
      throw new Error(`Focus never reached ${test}`);
    },
  };
}

const bodyBox = (page: Page) => page.getByRole("textbox", { name: "Story body" });
const saveState = (page: Page) => page.getByTestId("save-state");

/** Server Action calls from the editor (they go to the page's own address with a Next-Action header). */
const isActionCall = (route: Route) => route.request().method() === "POST" && !!route.request().headers()["next-action"];

test.describe("the desk as an editor works it", () => {
  test.setTimeout(120_000);

  test("takes a story from New story to live by keyboard alone, in a handful of choices", async ({ browser }) => {
    const page = await asEditor(browser);
    const keys = keyCounter(page);
    const headline = `Convoy reaches Kharkiv before dawn ${unique()}`;
    await page.goto("/admin");

    // From the desk: Tab to "New story" and open it.
    await keys.tabTo("a[href='/admin/articles/new']");
    await keys.choose("Enter");
    await expect(page).toHaveURL(/\/admin\/articles\/new$/);
    // A blank story never claims to be saved.
    await expect(saveState(page)).toHaveText("New story: nothing to save yet");
    // The headline has the focus: type, Tab to the dek, Tab past the toolbar (one stop) into the body.
    await expect(page.getByLabel("Headline")).toBeFocused();
    await keys.type(headline);
    await keys.move();
    await keys.type("Aid arrived after a night on the road, officials said.");
    await keys.move();
    await keys.move();
    await expect(bodyBox(page)).toBeFocused();
    await keys.type(`KHARKIV, Ukraine -- "We waited all night," said one driver. It's the first convoy since May.`);
    await keys.type("\nThe trucks carried medicine and water.");
    await expect(bodyBox(page)).toContainText(
      "KHARKIV, Ukraine \u2014 \u201cWe waited all night,\u201d said one driver. It\u2019s the first",
    );
    await expect(page.getByTestId("word-count")).toHaveText(/^2\d words · 1 min read$/);

    // The checklist says what is missing; Publish cannot be confirmed yet.
    await expect(page.getByText(/Before it can go live this story needs: a section/)).toBeVisible();
    // Section: Tab to it and type the first letter of "World".
    await keys.tabTo("#section");
    await keys.choose("w");
    await expect(page.getByLabel("Section")).toHaveValue(/.+/);
    // A byline: the next stop is the byline list; the arrow looks at the first, Enter adds it (an
    // arrow alone only browses: it used to add a byline per key).
    await keys.tabTo("#add-byline");
    await keys.choose("ArrowDown");
    await keys.choose("Enter");
    await expect(page.getByText("Ready to publish.")).toBeAttached();

    // A second thought first (not counted: no part of the way to live): Escape closes the
    // confirmation and gives focus back where it was, to the field or to the "Publish…" button.
    const dialog = page.getByRole("dialog", { name: "Publish this story?" });
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    const before = await focused();
    expect(before).not.toBe("BODY");
    await page.keyboard.press("Alt+Shift+P");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    expect(await focused()).toBe(before);
    await page.getByRole("button", { name: "Publish…" }).click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: "Publish…" })).toBeFocused();
    await page.locator(`[id="${before}"]`).focus();

    // Alt+Shift+P opens the confirmation with "Publish now" focused; Enter publishes.
    await keys.choose("Alt+Shift+P");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(headline);
    await expect(dialog).toContainText(/\/world\/convoy-reaches-kharkiv-before-dawn-/);
    await expect(dialog).toContainText("World");
    await expect(dialog.getByTestId("publish-goes-live")).toHaveText("As soon as you confirm");
    await expect(dialog.getByRole("button", { name: "Publish now" })).toBeFocused();
    await page.screenshot({ path: "test-results/desk-publish-confirmation.png" });
    await keys.choose("Enter");

    await expect(page.getByRole("heading", { name: /Status: Published/ })).toBeVisible();
    const href = await page.getByRole("link", { name: "View live" }).getAttribute("href");
    const path = new URL(href ?? "/missing", page.url()).pathname;
    const reader = await (await newContext(browser)).newPage();
    await reader.goto(path);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(headline);
    await expect(reader.locator(".article-body")).toContainText(
      "\u201cWe waited all night,\u201d said one driver. It\u2019s the first convoy",
    );

    const { choices, moves, typed } = keys.counts;
    console.log(`Keyboard journey, New story to live: ${choices} choices, ${moves} Tab presses, ${typed} characters typed; no mouse.`);
    expect(choices).toBeLessThanOrEqual(6);
  });

  test("a 5 MB paste is refused at once, naming the limit, and nothing typed is lost", async ({ browser }) => {
    const page = await asEditor(browser);
    await page.goto("/admin/articles/new");
    await page.getByLabel("Headline").fill(`Paste limit ${unique()}`);
    await bodyBox(page).click();
    await page.keyboard.type("Typed before the paste.");
    const started = Date.now();
    await bodyBox(page).evaluate((el) => {
      const data = new DataTransfer();
      data.setData("text/plain", "word ".repeat(1024 * 1024));
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(page.getByRole("alert").filter({ hasText: "That paste is too large (5 MB)" })).toContainText("at most 2 MB");
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(bodyBox(page)).toHaveText("Typed before the paste.");
    // The editor carries on: it types and saves (Ctrl+S) as before.
    await page.keyboard.type(" And after.");
    await page.keyboard.press("Control+s");
    await expect(saveState(page)).toHaveText(/All changes saved · Saved at \d\d:\d\d/);
    await expect(bodyBox(page)).toHaveText("Typed before the paste. And after.");
  });

  for (const failure of ["a dropped connection", "a 500 from the server"] as const) {
    test(`${failure} during a save shows a message, keeps the text, and the desk saves it by itself`, async ({ browser }) => {
      const page = await asEditor(browser);
      await page.goto("/admin/articles/new");
      const headline = `Failure ${unique()}`;
      await page.getByLabel("Headline").fill(headline);
      await page.getByRole("button", { name: "Create draft" }).click();
      await expect(page).toHaveURL(/\/admin\/articles\/c[a-z0-9]{20,}$/);
      await expect(saveState(page)).toHaveText(/All changes saved/);

      let refused = 0;
      const editorPages = (url: URL) => url.pathname.startsWith("/admin/articles/");
      await page.route(editorPages, async (route) => {
        if (!isActionCall(route)) return route.continue();
        refused++;
        if (failure === "a dropped connection") return route.abort("connectionreset");
        return route.fulfill({ status: 500, contentType: "text/html", body: "<h1>Internal Server Error</h1>" });
      });
      await bodyBox(page).click();
      await page.keyboard.type("Written while the server was unreachable.");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      const message =
        failure === "a dropped connection"
          ? /The connection to the server dropped, so this was not saved/
          : /could not be reached or did not answer/;
      await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
      expect(refused).toBeGreaterThan(0);
      // Nothing is stuck: the text is there, Save works again, the browser holds a copy.
      await expect(saveState(page)).toHaveText("Not saved yet: trying again by itself");
      await expect(bodyBox(page)).toHaveText("Written while the server was unreachable.");
      await expect(page.getByRole("button", { name: "Save", exact: true })).toBeEnabled();
      const id = new URL(page.url()).pathname.split("/").pop();
      const stored = await page.evaluate((key) => localStorage.getItem(key), `dateline:draft:${id}`);
      expect(stored).toContain("Written while the server was unreachable.");
      await page.screenshot({ path: `test-results/desk-save-failure-${failure === "a dropped connection" ? "network" : "500"}.png` });

      // A screen reader hears that once, not again at each retry (whose own "Saving…" comes between).
      const said = page.getByTestId("save-state-said");
      await expect(said).toHaveText("Not saved yet. The desk is trying again by itself.");
      await said.evaluate((el) => {
        const heard: string[] = [];
        (window as unknown as { heard: string[] }).heard = heard;
        new MutationObserver(() => heard.push(el.textContent ?? "")).observe(el, { childList: true, characterData: true, subtree: true });
      });
      const triedBefore = refused;
      await expect.poll(() => refused, { timeout: 15_000 }).toBeGreaterThan(triedBefore);
      await expect(saveState(page)).toHaveText("Not saved yet: trying again by itself");
      expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
      await expect(said).toHaveText("Not saved yet. The desk is trying again by itself.");

      // The server answers again: the desk saves by itself, with no click, as the save the editor asked for (a revision).
      const refusedBefore = refused;
      await page.unroute(editorPages);
      await expect(saveState(page)).toHaveText(/All changes saved · Saved at \d\d:\d\d/, { timeout: 20_000 });
      await expect(page.getByRole("alert").filter({ hasText: message })).toHaveCount(0);
      // It had kept trying meanwhile (every refused try is counted), and stops once saved.
      expect(refused).toBeGreaterThanOrEqual(refusedBefore);
      await page.reload();
      await expect(bodyBox(page)).toHaveText("Written while the server was unreachable.");
    });
  }

  test("a quotation mark typed first in the body, or over a selection, becomes an opening one and stays; the headline and dek get curly ones too", async ({
    browser,
  }) => {
    const page = await asEditor(browser);
    await page.goto("/admin/articles/new");
    await bodyBox(page).click();
    await page.keyboard.type(`"We are still here," said Halyna Tkachenko.`);
    await expect(bodyBox(page)).toHaveText("“We are still here,” said Halyna Tkachenko.");
    // Everything selected, then typed over.
    await page.keyboard.press("Control+a");
    await page.keyboard.type(`"Replaced," she said.`);
    await expect(bodyBox(page)).toHaveText("“Replaced,” she said.");
    // Part of a paragraph selected and typed over.
    await page.keyboard.press("Shift+Home");
    await page.keyboard.type(`'Twice'`);
    await expect(bodyBox(page)).toHaveText("‘Twice’");
    // A decade written short gets an apostrophe once its s is typed.
    await page.keyboard.type(` since the '90s`);
    await expect(bodyBox(page)).toHaveText("‘Twice’ since the ’90s");

    // The headline and the dek type the same quotes and dashes as the body.
    await page.getByLabel("Headline").click();
    await page.keyboard.type(`"We are still here": Kharkiv's residents return -- slowly...`);
    await expect(page.getByLabel("Headline")).toHaveValue("“We are still here”: Kharkiv’s residents return — slowly…");
    await page.getByLabel("Dek").click();
    await page.keyboard.type(`'Home,' she said. Back since the '90s.`);
    await expect(page.getByLabel("Dek")).toHaveValue("‘Home,’ she said. Back since the ’90s.");
    // Text put in at once (a paste) stays as it came.
    await page.getByLabel("Dek").fill(`A "straight" paste`);
    await expect(page.getByLabel("Dek")).toHaveValue(`A "straight" paste`);
  });

  test("validation messages follow the typing, and the editor is looked at", async ({ browser }) => {
    const page = await asEditor(browser);
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto("/admin/articles/new");
    await page.getByLabel("Slug").fill("Not A Slug");
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page.getByText("Write a headline.")).toBeVisible();
    await expect(page.getByText(/Use lower-case letters/)).toBeVisible();
    // Typing a headline clears its message at once; fixing the slug clears that one.
    await page.getByLabel("Headline").fill("Council approves the budget");
    await expect(page.getByText("Write a headline.")).toHaveCount(0);
    await expect(page.getByText(/Use lower-case letters/)).toBeVisible();
    await page.getByLabel("Slug").fill("council-approves-the-budget-" + unique());
    await expect(page.getByText(/Use lower-case letters/)).toHaveCount(0);
    await expect(page.getByText("Some fields need attention.")).toHaveCount(0);

    await page.getByLabel("Dek").fill("The vote was 31 to 12 after a four-hour debate in which the opposition asked twice for a delay.");
    await page.getByLabel("SEO description").fill("Port Ellis council approves the 2027 budget, 31 votes to 12.");
    await bodyBox(page).click();
    await page.keyboard.type(`PORT ELLIS -- The council approved the budget on Tuesday. "It's a fair deal," the mayor said.`);
    // A straight quote when wanted: Backspace right after the substitution, or the toolbar's switch.
    await page.keyboard.type(' "');
    await page.keyboard.press("Backspace");
    await page.keyboard.type("Quoted");
    await expect(bodyBox(page)).toContainText('the mayor said.\u00a0"Quoted'.replace("\u00a0", " "));
    await page.getByRole("button", { name: /^Smart quotes/ }).click();
    await bodyBox(page).press("End");
    await page.keyboard.type(` 5'11" tall`);
    await expect(bodyBox(page)).toContainText(`"Quoted 5'11" tall`);
    await page.getByRole("button", { name: /^Smart quotes/ }).click();
    await expect(page.getByTestId("word-count")).toHaveText(/^\d+ words · 1 min read$/);
    await expect(page.getByRole("figure", { name: "Search result preview" })).toContainText("Council approves the budget");
    await expect(page.getByRole("figure", { name: "Search result preview" })).toContainText("Port Ellis council approves the 2027 budget");
    await expect(page.getByRole("figure", { name: "Social card preview" })).toContainText("Council approves the budget");
    await page.keyboard.press("Control+s");
    await expect(saveState(page)).toHaveText(/All changes saved · Saved at \d\d:\d\d/);
    await page.screenshot({ path: "test-results/desk-editor.png", fullPage: true });
  });
});

import Database from "better-sqlite3";
import { E2E_ENV, E2E_URL, storageStatePath } from "../env";
import { adminHydrated, expect, newContext, test } from "../fixtures";

const WIRE = "/climate/the-sea-has-already-decided-harrow-point-votes-to-move-inland";

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | undefined): Record<string, string> {
  expect(header, "Content-Security-Policy header").toBeTruthy();
  return Object.fromEntries(
    header!.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values.join(" ")];
    }),
  );
}
const nonceOf = (scriptSrc: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];

test.describe("security headers and error pages", () => {
  test("admin pages have a nonce-based policy, every script carries this response's nonce, and the editor runs under it", async ({
    browser,
  }) => {
    const context = await newContext(browser, { storageState: storageStatePath("editor") });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto("/admin/articles/new");
    const csp = directives(response?.headers()["content-security-policy"]);
    expect(csp["script-src"]).not.toContain("unsafe-inline");
    expect(csp["frame-ancestors"]).toBe("'none'");
    expect(csp["object-src"]).toBe("'none'");
    const nonce = nonceOf(csp["script-src"]!);
    expect(nonce).toBeTruthy();
    const html = await response!.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);

    // The client components work: the editor accepts typing and its toolbar reacts.
    await page.getByLabel("Headline", { exact: true }).fill("A headline typed under the policy");
    await expect(page.getByLabel("Headline", { exact: true })).toHaveValue("A headline typed under the policy");
    await expect(page.getByRole("textbox", { name: "Story body" })).toBeVisible();
    expect(violations).toEqual([]);

    // A fresh nonce for every response.
    const again = await page.goto("/admin/articles/new");
    expect(nonceOf(directives(again?.headers()["content-security-policy"])["script-src"]!)).not.toBe(nonce);
    await context.close();
  });

  test("the editor, a story's editor, the front page's arranger and a photo's page run without a single CSP violation (securitypolicyviolation events and console)", async ({
    browser,
  }) => {
    const db = new Database(E2E_ENV.DATABASE_URL.replace(/^file:/, ""), { readonly: true });
    const imageId = db.prepare("SELECT id FROM Image ORDER BY createdAt LIMIT 1").pluck().get() as string;
    const storyId = db.prepare("SELECT id FROM Article WHERE status = 'DRAFT' ORDER BY createdAt LIMIT 1").pluck().get() as string;
    db.close();
    expect(imageId).toBeTruthy();
    expect(storyId).toBeTruthy();
    const context = await newContext(browser, { storageState: storageStatePath("editor") });
    // Recorded from the first script on: zod's one-time probe runs while the page's modules load.
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
      );
    });
    // A story's editor (its presence bar) and the front page's arranger reached zod without the
    // setting first, and reported a violation each (found by a probe).
    for (const path of ["/admin/articles/new", `/admin/articles/${storyId}`, "/admin/front", `/admin/media/${imageId}`]) {
      const page = await context.newPage();
      const console: string[] = [];
      page.on("console", (message) => {
        if (/Content Security Policy|unsafe-eval/i.test(message.text())) console.push(message.text());
      });
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      if (path.endsWith("/new")) {
        // Typing runs the form's own zod checks in the browser.
        await page.getByLabel("Headline", { exact: true }).fill("Typed under the policy");
        await page.getByRole("textbox", { name: "Story body" }).click();
        await page.keyboard.type("A first paragraph.");
      } else if (path.startsWith("/admin/media/")) {
        await expect(page.getByRole("button", { name: "Save photo details" }).first()).toBeVisible();
      } else if (path === "/admin/front") {
        await expect(page.getByRole("button", { name: "Publish the front page now" })).toBeVisible();
      } else {
        // Hydrated: the page's modules, zod's among them, have run.
        await adminHydrated(page);
      }
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), path).toEqual([]);
      expect(console, path).toEqual([]);
      await page.close();
    }
    await context.close();
  });

  test("public pages, cached or not, carry one policy without a nonce that allows only this site's and inline scripts, and run with no violation", async ({
    request,
    page,
  }) => {
    for (const path of ["/", WIRE, WIRE, "/politics", "/no-such-section-here"]) {
      const response = await request.get(path);
      const csp = directives(response.headers()["content-security-policy"]);
      expect(csp["script-src"], path).toBe("'self' 'unsafe-inline'");
      expect(csp["default-src"]).toBe("'self'");
      expect(csp["base-uri"]).toBe("'none'");
      expect(csp["object-src"]).toBe("'none'");
    }
    const hit = await request.get(WIRE);
    expect(hit.headers()["x-dateline-cache"]).toBe("HIT");
    expect(hit.headers()["x-request-id"]).toMatch(/^[\w-]{8,}$/);
    // Every script a public page carries, cached or not, is one its policy allows: Chromium reports nothing.
    const violations: string[] = [];
    page.on(
      "console",
      (message) => message.text().includes("Content Security Policy") && violations.push(`${page.url()}: ${message.text()}`),
    );
    for (const path of ["/", WIRE, WIRE, "/politics", "/tags/flooding", "/no-such-section-here"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    expect(violations).toEqual([]);
  });

  test("every response has the other security headers, and the admin cannot be framed", async ({ request }) => {
    for (const path of ["/", WIRE, "/feed.xml", "/sitemap.xml", "/api/health", "/login", "/admin"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], path).toContain("camera=()");
      expect(headers["x-request-id"], path).toBeTruthy();
    }
    const admin = await request.get("/login");
    expect(admin.headers()["x-frame-options"]).toBe("DENY");
    expect(directives(admin.headers()["content-security-policy"])["frame-ancestors"]).toBe("'none'");
  });

  test("a body larger than its write path accepts is refused with 413 and a message, before it is read", async ({ playwright }) => {
    const editor = await playwright.request.newContext({ baseURL: E2E_URL, storageState: storageStatePath("editor") });
    const big = "x".repeat(4 * 1024 * 1024);
    const action = await editor.post("/admin/articles/new", {
      headers: { "Next-Action": "00".repeat(21), Origin: E2E_URL, "Content-Type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([{ headline: big }]),
    });
    expect(action.status()).toBe(413);
    // As plain text, which Next.js's client shows as the call's error.
    expect(await action.text()).toMatch(/too large .* the limit is 3 MB/);
    const upload = await editor.post("/api/media", {
      headers: { Origin: E2E_URL },
      multipart: { file: { name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(27 * 1_000_000) } },
    });
    expect(upload.status()).toBe(413);
    expect((await upload.json()).error).toMatch(/the limit is 26 MB/);
    await editor.dispose();
  });

  test("error answers show no stack trace or internals", async ({ request }) => {
    const admin = await request.get("/admin", { maxRedirects: 0 });
    expect(admin.status()).toBeLessThan(400);
    const cases = [
      // A Server Action id that does not exist, and a real-looking action call with a broken body.
      request.post("/admin/users", {
        headers: { "Next-Action": "00".repeat(21), Origin: E2E_URL, "Content-Type": "text/plain;charset=UTF-8" },
        data: "[",
      }),
      request.get("/sitemaps/%E0%A4%A.xml"),
      request.get("/politics/p/not-a-number"),
      request.get("/api/media/does-not-exist/file"),
      request.post("/api/media", { headers: { Origin: E2E_URL }, data: "not multipart" }),
    ];
    for (const pending of cases) {
      const response = await pending;
      const body = await response.text();
      expect(body, response.url()).not.toMatch(/\bat \S+ \(|node_modules|\/work\/|\.tsx?:\d+|Error: .*\n\s+at /);
    }
  });
});

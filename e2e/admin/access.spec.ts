import { E2E_URL, storageStatePath } from "../env";
import { expect, newContext, test } from "../fixtures";
import { makePhoto } from "../../lib/test/images";

test.describe("the server refuses what a role may not do", () => {
  test("a writer opening the users page gets a 403 with an explanation", async ({ browser }) => {
    const context = await newContext(browser, { storageState: storageStatePath("writer") });
    const page = await context.newPage();
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await page.goto("/admin");
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  });

  test("route handlers answer 401 without a session", async ({ playwright }) => {
    const anonymous = await playwright.request.newContext({ baseURL: E2E_URL });
    expect((await anonymous.get("/api/admin/users")).status()).toBe(401);
    expect((await anonymous.get("/api/admin/audit")).status()).toBe(401);
  });

  test("a writer's session is refused where an editor's or an admin's is needed", async ({ playwright }) => {
    const writer = await playwright.request.newContext({ baseURL: E2E_URL, storageState: storageStatePath("writer") });
    const audit = await writer.get("/api/admin/audit");
    expect(audit.status()).toBe(403);
    expect((await audit.json()).error).toBe("Your role does not allow this.");
    expect((await writer.get("/api/admin/users")).status()).toBe(403);
  });

  test("an editor reads the audit log but not the user list", async ({ playwright }) => {
    const editor = await playwright.request.newContext({ baseURL: E2E_URL, storageState: storageStatePath("editor") });
    const audit = await editor.get("/api/admin/audit?limit=5");
    expect(audit.status()).toBe(200);
    expect((await audit.json()).events.length).toBeGreaterThan(0);
    expect((await editor.get("/api/admin/users")).status()).toBe(403);
  });

  test("an admin Server Action called without a session changes nothing", async ({ browser, playwright }) => {
    // Find the real action id the users page uses, then call it directly with no cookie.
    const admin = await newContext(browser, { storageState: storageStatePath("admin") });
    const page = await admin.newPage();
    let actionId: string | undefined;
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"]) actionId ??= r.headers()["next-action"];
    });
    await page.goto("/admin/users");
    await page.getByLabel("Name").fill("Probe");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    expect(actionId).toBeTruthy();

    for (const storageState of [undefined, storageStatePath("writer")]) {
      const api = await playwright.request.newContext({ baseURL: E2E_URL, storageState });
      const email = `sneaky-${Date.now()}@e2e.dateline`;
      const response = await api.post("/admin/users", {
        headers: { "Next-Action": actionId!, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: E2E_URL },
        data: JSON.stringify([{ name: "Sneaky", email, role: "ADMIN" }]),
      });
      const body = await response.text();
      expect(body).not.toContain("temporaryPassword");
      expect(body).toMatch(/Your session has ended|Your role does not allow this/);
      await page.reload();
      await expect(page.getByText(email)).toHaveCount(0);
    }
  });

  test("state-changing route handlers refuse cross-site and Origin-less requests and store nothing", async ({ playwright }) => {
    const base = E2E_URL;
    const editor = await playwright.request.newContext({ baseURL: base, storageState: storageStatePath("editor") });
    const photo = await makePhoto("jpeg", 640, 480, 77);
    const upload = (headers: Record<string, string>) =>
      editor.post("/api/media", { headers, multipart: { file: { name: "probe.jpg", mimeType: "image/jpeg", buffer: photo } } });
    const attempts: Record<string, string>[] = [{}, { Origin: "https://evil.example" }, { "Sec-Fetch-Site": "cross-site" }];
    for (const headers of attempts) {
      const refused = await upload(headers);
      expect(refused.status(), JSON.stringify(headers)).toBe(403);
      expect((await refused.json()).error).toBe("Cross-site request refused.");
    }
    // The same file from our own origin is new to the library: so none of the refused ones were stored.
    const accepted = await upload({ Origin: base });
    expect(accepted.status()).toBe(201);
    expect((await accepted.json()).existing).toBe(false);
  });

  test("addresses that only begin like the proxy's exclusions still pass its checks", async ({ playwright }) => {
    // The proxy skips photo files, uploads and the favicon, each by the exact shape of its route; an
    // address that merely starts the same way (and reaches a page, which takes Server Actions: a
    // section's second page, or the old-address fallback) must not skip it too.
    const api = await playwright.request.newContext({ baseURL: E2E_URL });
    const lookalikes = ["/favicon.ico-probe", "/api/media-probe", "/api/admin/import-probe", "/media-probe"];
    const deeper = ["/media/p/2", "/media/probe/x", "/api/media/probe", "/api/media/probe/x", "/api/admin/import/probe/x"];
    for (const address of [...lookalikes, ...deeper]) {
      const refused = await api.post(address, {
        headers: { "Next-Action": "7f".padEnd(42, "0"), "Content-Type": "text/plain;charset=UTF-8" },
        data: "[]",
      });
      expect(refused.status(), address).toBe(403);
      expect((await refused.json()).error, address).toBe("Cross-site request refused.");
      expect((await api.get(address)).headers()["content-security-policy"], address).toContain("default-src");
    }
    // The excluded addresses themselves still skip it: the favicon is a file, served as one.
    const favicon = await api.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toBe("image/x-icon");
  });
});

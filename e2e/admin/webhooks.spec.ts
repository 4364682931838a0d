import crypto from "node:crypto";
import http from "node:http";
import { E2E_PORT, E2E_URL, storageStatePath } from "../env";
import { expect, newContext, test, unique } from "../fixtures";
import { readDatabase } from "../database";

// Issue 17, end to end: an admin makes an API key and a webhook in the desk; a script publishes a
// story through the API with the key; a receiver the test runs on 127.0.0.1 (allowed explicitly:
// the outbound guard refuses loopback otherwise) gets the signed event; then the receiver fails
// twice and the retry gets through; the delivery log shows all three attempts.

const RECEIVER_PORT = E2E_PORT + 1;
type Received = { headers: http.IncomingHttpHeaders; body: string };

function startReceiver() {
  const received: Received[] = [];
  const answers: number[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      const status = answers.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain" });
      res.end(status === 200 ? "received, thank you" : "receiver is down for maintenance");
    });
  });
  return new Promise<{ received: Received[]; answers: number[]; close: () => Promise<void> }>((resolve) =>
    server.listen(RECEIVER_PORT, "127.0.0.1", () =>
      resolve({ received, answers, close: () => new Promise<void>((done) => server.close(() => done())) }),
    ),
  );
}

function signatureValid(secret: string, delivery: Received): boolean {
  const parts = Object.fromEntries(
    String(delivery.headers["dateline-signature"])
      .split(",")
      .map((p) => p.split("=") as [string, string]),
  );
  const expected = crypto.createHmac("sha256", secret).update(`${parts.t}.${delivery.body}`).digest("hex");
  return (
    crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(parts.v1 ?? "".padEnd(64, "0"))) &&
    Math.abs(Date.now() / 1000 - Number(parts.t)) < 300
  );
}

test("an admin's key and webhook: a script publishes through the API, the receiver gets signed events, retries are logged", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  const context = await newContext(browser, { storageState: storageStatePath("admin") });
  const page = await context.newPage();
  const name = `Push alerts ${unique()}`;
  try {
    // The receiver's host is on a private network (loopback): the admin allows it on purpose.
    await page.goto("/admin/webhooks");
    // At the receiver's port alone: a host typed without one is reached at ports 80 and 443.
    const entry = `127.0.0.1:${RECEIVER_PORT}`;
    if (!(await page.getByText(entry, { exact: true }).count())) {
      await page.getByLabel("Host", { exact: true }).fill(`http://${entry}/`);
      await page.getByRole("button", { name: "Allow host" }).click();
      await expect(page.getByText("Enter only the host (such as hooks.internal or 10.0.0.5), with :port")).toBeVisible();
      await page.getByLabel("Host", { exact: true }).fill(entry);
      await page.getByLabel("Why (optional)").fill("The test's receiver");
      await page.getByRole("button", { name: "Allow host" }).click();
      await expect(page.getByRole("listitem").filter({ has: page.locator("code", { hasText: entry }) })).toContainText(
        `(port ${RECEIVER_PORT})`,
      );
    }
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("URL").fill(`http://127.0.0.1:${RECEIVER_PORT}/hooks/dateline`);
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("Choose at least one event.")).toBeVisible();
    // What was typed stays; the refusal is shown at the field.
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
    await page.getByRole("checkbox", { name: /^Story published/ }).check();
    await page.getByRole("checkbox", { name: /^Story unpublished/ }).check();
    // An address on a private network nobody allowed is refused at its field, not later in a delivery log.
    await page.getByLabel("URL").fill("http://10.9.8.7/hooks/dateline");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByText("10.9.8.7 is a private, loopback, link-local or reserved address. An admin can allow it")).toBeVisible();
    await expect(page.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
    await page.screenshot({ path: "test-results/webhooks-private-host.png", fullPage: true });
    await page.getByLabel("URL").fill(`http://127.0.0.1:${RECEIVER_PORT}/hooks/dateline`);
    await page.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await page.screenshot({ path: "test-results/webhooks.png", fullPage: true });

    await page.goto("/admin/api-keys");
    await page.getByLabel("Name", { exact: true }).fill(`Publishing script ${unique()}`);
    await page.getByLabel("Acts as").selectOption({ label: "E2E editor (editor@e2e.dateline, editor)" });
    await page.getByRole("radio", { name: /^Read and write/ }).check();
    await page.getByRole("button", { name: "Make key" }).click();
    const token = (await page.getByTestId("new-api-key").textContent())!.trim();
    expect(token).toMatch(/^dl_/);
    await page.screenshot({ path: "test-results/api-keys.png", fullPage: true });

    // The script: plain fetch with the key, nothing else.
    const call = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${E2E_URL}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-forwarded-for": "192.0.2.77" },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as { id: string; version: number };
      expect(response.status, JSON.stringify(json)).toBeLessThan(300);
      return json;
    };
    const ids = readDatabase((db) => ({
      section: db.prepare("SELECT id FROM Section ORDER BY position LIMIT 1").pluck().get() as string,
      author: db.prepare("SELECT id FROM Author LIMIT 1").pluck().get() as string,
    }));
    const publishNew = async (headline: string) => {
      const created = await call("POST", "/api/v1/desk/stories", {
        headline,
        slug: `webhook-${unique()}`,
        sectionId: ids.section,
        authorIds: [ids.author],
        body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Filed by a script." }] }] },
      });
      await call("POST", `/api/v1/desk/stories/${created.id}/transitions`, { to: "PUBLISHED", version: created.version });
      return created.id;
    };

    const first = await publishNew("Published by a script");
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(1);
    const event = JSON.parse(receiver.received[0]!.body) as { event: string; story: { id: string; status: string } };
    expect(event).toMatchObject({ event: "story.published", story: { id: first, status: "PUBLISHED" } });
    expect(signatureValid(secret, receiver.received[0]!)).toBe(true);
    expect(signatureValid("whsec_not-the-secret", receiver.received[0]!)).toBe(false);

    // The receiver fails twice; the third try (after 1 s, then 2 s) gets through.
    receiver.answers.push(500, 503);
    const second = await publishNew("Published while the receiver was down");
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(4);
    for (const delivery of receiver.received.slice(1)) {
      expect(JSON.parse(delivery.body)).toMatchObject({ event: "story.published", story: { id: second } });
      expect(signatureValid(secret, delivery)).toBe(true);
    }

    await page.goto("/admin/webhooks");
    await page.getByRole("link", { name }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks\/c[a-z0-9]{20,}$/);
    const deliveryId = readDatabase((db) =>
      db.prepare("SELECT id FROM WebhookDelivery WHERE queueKey = ? AND resentFromId IS NULL").pluck().get(`story:${second}`),
    ) as string;
    const row = page.getByTestId(`delivery-${deliveryId}`);
    // The receiver has had its third request; the server writes that attempt when the answer is in.
    await expect(async () => {
      await page.reload();
      await expect(row.getByTestId("attempt")).toHaveCount(3, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(row.getByTestId("attempt").nth(0)).toContainText("500");
    await expect(row.getByTestId("attempt").nth(0)).toContainText("receiver is down for maintenance");
    await expect(row.getByTestId("attempt").nth(1)).toContainText("503");
    await expect(row.getByTestId("attempt").nth(2)).toContainText("200");
    await expect(row).toContainText("Delivered");
    await page.screenshot({ path: "test-results/webhook-log.png", fullPage: true });

    // Send again: the same event once more.
    // Named for its delivery where a screen reader lists the buttons, not one "Send again" per row.
    // Its time too: the same story's updates are rows of the same event.
    await row.getByRole("button", { name: /^Send again story\.[a-z.]+ for \S+, \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}/ }).click();
    await expect(row.getByRole("status")).toHaveText("Queued again.");
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(5);
    expect(receiver.received[4]!.body).toBe(receiver.received[3]!.body);
  } finally {
    await context.close();
    await receiver.close();
  }
});

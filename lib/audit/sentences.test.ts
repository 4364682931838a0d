import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditSentence, type AuditFacts } from "./sentences";

const at = new Date("2026-06-02T13:02:00Z");
const event = (patch: Partial<AuditFacts>): AuditFacts => ({
  action: "article.published",
  entityType: "Article",
  entityName: "Ferry resumes after storm",
  data: null,
  actorName: "Ana Ruiz",
  createdAt: at,
  ...patch,
});

describe("the audit log in sentences", () => {
  it.each([
    [{}, "Ana Ruiz published ‘Ferry resumes after storm’ at 14:02"],
    [{ actorName: null, data: { by: "scheduler" } }, "The scheduler published ‘Ferry resumes after storm’ at 14:02"],
    [
      { action: "article.update", data: { version: 4, materialUpdate: false } },
      "Ana Ruiz made a minor fix to ‘Ferry resumes after storm’ at 14:02",
    ],
    [
      { action: "article.unpublished", data: { reason: "Legal hold" } },
      "Ana Ruiz unpublished ‘Ferry resumes after storm’ (“Legal hold”) at 14:02",
    ],
    [
      { action: "article.correct", data: { kind: "CLARIFICATION" } },
      "Ana Ruiz added a clarification to ‘Ferry resumes after storm’ at 14:02",
    ],
    [{ action: "article.delete", entityName: null, data: { headline: "Gone draft" } }, "Ana Ruiz deleted ‘Gone draft’ at 14:02"],
    [{ action: "image.create", entityType: "Image", entityName: "kyiv.jpg" }, "Ana Ruiz uploaded the photo ‘kyiv.jpg’ at 14:02"],
    [
      { action: "user.role", entityType: "User", entityName: "Jo Park", data: { from: "WRITER", to: "EDITOR" } },
      "Ana Ruiz made Jo Park an editor (was writer) at 14:02",
    ],
    [
      { action: "front.schedule", entityType: "FrontLayout", entityName: null, data: { goesLiveAt: "2026-06-03T05:00:00.000Z" } },
      "Ana Ruiz scheduled an arrangement of the front page for 06:00 on 3 June at 14:02",
    ],
    [
      { action: "draft-link.view", entityName: "Ferry resumes after storm", actorName: null, data: { label: "Legal: J. Moreno" } },
      "Someone outside the newsroom opened ‘Ferry resumes after storm’ by the draft link shared with ‘Legal: J. Moreno’ at 14:02",
    ],
    [
      { action: "draft-link.revoke", entityName: "Ferry resumes after storm", data: { linkIds: ["a", "b"], why: "unpublished" } },
      "Ana Ruiz stopped 2 draft links to ‘Ferry resumes after storm’ as it was taken down at 14:02",
    ],
    [
      { action: "draft-link.revoke", entityName: "Ferry resumes after storm", data: { linkId: "a" } },
      "Ana Ruiz stopped a draft link to ‘Ferry resumes after storm’ at 14:02",
    ],
    [
      { action: "image.update", entityType: "Image", entityName: "Harbour at dawn", data: { changed: ["credit", "altText"] } },
      "Ana Ruiz edited the details of the photo ‘Harbour at dawn’ (photographer, alt text) at 14:02",
    ],
    [{ action: "image.create", entityType: "Image", entityName: null }, "Ana Ruiz uploaded a photo at 14:02"],
    [
      { action: "image.delete", entityType: "Image", entityName: null, data: { name: "quay.jpg" } },
      "Ana Ruiz deleted the photo ‘quay.jpg’ at 14:02",
    ],
    // Editors read the log: a webhook's address is named by its host, never its path (a Slack hook's secret).
    [
      {
        action: "webhook.create",
        entityType: "Webhook",
        entityName: "Newsroom Slack",
        data: { name: "Newsroom Slack", url: "https://hooks.slack.example/services/T000/B000/SECRETTOKEN" },
      },
      "Ana Ruiz added the webhook ‘Newsroom Slack’ to hooks.slack.example at 14:02",
    ],
    [
      { action: "apikey.create", entityType: "ApiKey", entityName: "Newsletter", data: { name: "Newsletter", scope: "READ" } },
      "Ana Ruiz created the API key ‘Newsletter’ (read only) at 14:02",
    ],
    [
      {
        action: "import.wordpress.finish",
        entityType: "Import",
        entityName: null,
        data: { cancelled: { by: "Jo Park", after: 0, of: 1 } },
      },
      "Ana Ruiz stopped a WordPress import when it was cancelled, after 0 of 1 post at 14:02",
    ],
    // An export with no posts, cancelled while it imported its photos: no "after 0 of 0 posts".
    [
      {
        action: "import.wordpress.finish",
        entityType: "Import",
        entityName: null,
        data: { cancelled: { by: "Jo Park", after: 0, of: 0 } },
      },
      "Ana Ruiz stopped a WordPress import of an export without posts when it was cancelled at 14:02",
    ],
  ] as [Partial<AuditFacts>, string][])("%o reads “%s” (London, summer time)", (patch, sentence) => {
    expect(auditSentence(event(patch), "Europe/London")).toBe(sentence);
  });

  it("writes the time in the newsroom's zone, 24-hour", () => {
    expect(auditSentence(event({ createdAt: new Date("2026-12-02T21:42:00Z") }), "Europe/Kyiv")).toMatch(/ at 23:42$/);
  });
});

/** Every audit action the code records: `action: "…"` and `action: cond ? "…" : "…"` in lib/ and app/, and the ones built from a status. */
function recordedActions(): string[] {
  const found = new Set<string>(["article.draft", "article.in_review", "article.scheduled", "article.published", "article.unpublished"]);
  ["wire.killed", "wire.withdrawn"].forEach((a) => found.add(a));
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(file);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        for (const m of fs.readFileSync(file, "utf8").matchAll(/action: (?:[\w.]+ \? )?"([a-z][\w.-]+)"(?: : "([a-z][\w.-]+)")?/g)) {
          // c2pa.* are the actions of a photo's Content Credentials manifest, not audit entries.
          for (const action of [m[1], m[2]]) if (action && !action.startsWith("c2pa.")) found.add(action);
        }
      }
    }
  };
  walk("lib");
  walk("app");
  return [...found].sort();
}

describe("every action the code records", () => {
  const actions = recordedActions();
  it("is found (the scan works)", () => {
    expect(actions).toEqual(
      expect.arrayContaining(["article.create", "front.arrange", "front.schedule", "apikey.create", "user.twoFactor.enable"]),
    );
  });
  // A probe read “did “front.arrange” to a frontlayout” and a dozen like it in the audit log.
  it.each(actions)("%s reads as a sentence", (action) => {
    const sentence = auditSentence(event({ action, entityType: "Thing", entityName: "Its name", data: {} }), "Europe/London");
    expect(sentence).not.toMatch(/did “|a thing\b|undefined|\[object/);
  });
});

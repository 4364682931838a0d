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
  ] as [Partial<AuditFacts>, string][])("%o reads “%s” (London, summer time)", (patch, sentence) => {
    expect(auditSentence(event(patch), "Europe/London")).toBe(sentence);
  });

  it("writes the time in the newsroom's zone, 24-hour", () => {
    expect(auditSentence(event({ createdAt: new Date("2026-12-02T21:42:00Z") }), "Europe/Kyiv")).toMatch(/ at 23:42$/);
  });
});

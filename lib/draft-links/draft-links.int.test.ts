import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { expectAppError } from "../test/expect-app-error";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { createArticle, transitionArticle } from "../articles/mutations/index";
import { utcToZonedLocal } from "../format/time";
import { createDraftLink, revokeDraftLink } from "./mutations";
import { listDraftLinks, openDraftLink } from "./queries";
import { hashDraftToken } from "./token";
import { ingestWireItem } from "../wire/ingest";
import { parseWireDocument } from "../wire/parse";
import { takeWireItem } from "../wire/take";

const TZ = "Europe/London";
let editor: Viewer;
let writer: Viewer;
let storyId: string;
let sectionId: string;

beforeAll(async () => {
  editor = await makeUser("EDITOR");
  writer = await makeUser("WRITER");
  const bits = await makeNewsroomBits(writer.id);
  sectionId = bits.section.id;
  storyId = (await createArticle(writer, readyArticleInput(bits.section.id, bits.author.id, { headline: "Draft for the lawyer" }))).id;
});

const local = (ms: number) => utcToZonedLocal(new Date(Date.now() + ms), TZ) + ":00";
const tokenOf = (path: string) => path.replace("/draft/", "");

describe("draft links", () => {
  it("opens the draft with a fresh link, stores only the token's hash, and audits every view", async () => {
    const link = await createDraftLink(editor, { articleId: storyId, label: "Legal: J. Moreno", expiresLocal: local(3_600_000) }, TZ);
    const token = tokenOf(link.path);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.draftLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(hashDraftToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const opened = await openDraftLink(token, { ip: "192.0.2.7" });
    expect(opened?.article.headline).toBe("Draft for the lawyer");
    expect(opened?.article.status).toBe("DRAFT");
    await openDraftLink(token);
    expect((await db.draftLink.findUniqueOrThrow({ where: { id: link.id } })).views).toBe(2);
    const views = await db.auditEvent.findMany({ where: { entityId: storyId, action: "draft-link.view" } });
    expect(views).toHaveLength(2);
    expect(views.map((v) => (v.data as { linkId: string }).linkId)).toEqual([link.id, link.id]);
  });

  it("stops at expiry and after revocation, and a made-up or malformed token opens nothing", async () => {
    const link = await createDraftLink(editor, { articleId: storyId, label: "Fact-check", expiresLocal: local(60_000) }, TZ);
    const token = tokenOf(link.path);
    expect(await openDraftLink(token, {}, new Date(Date.now() + 61_000))).toBeNull();
    expect(await openDraftLink(token)).not.toBeNull();
    await revokeDraftLink(editor, { id: link.id });
    expect(await openDraftLink(token)).toBeNull();
    expect(await openDraftLink("A".repeat(43))).toBeNull();
    expect(await openDraftLink("../../etc/passwd")).toBeNull();
    const { links: listed } = await listDraftLinks(storyId);
    expect(listed.find((l) => l.id === link.id)?.state).toBe("revoked");
    expect(await db.auditEvent.count({ where: { entityId: storyId, action: "draft-link.revoke" } })).toBe(1);
  });

  it("stops every open link of a story taken down, and says so in the audit log; a link made afterwards works", async () => {
    const bits = await makeNewsroomBits(editor.id);
    const live = await createArticle(editor, readyArticleInput(bits.section.id, bits.author.id, { headline: "Live, then taken down" }));
    const published = await transitionArticle(editor, { id: live.id, version: live.version, to: "PUBLISHED" });
    const lawyer = await createDraftLink(editor, { articleId: live.id, label: "Legal", expiresLocal: local(3_600_000) }, TZ);
    await createDraftLink(editor, { articleId: live.id, label: "Spent", expiresLocal: local(60_000) }, TZ);
    expect(await openDraftLink(tokenOf(lawyer.path))).not.toBeNull();

    await transitionArticle(
      editor,
      { id: live.id, version: published.version, to: "UNPUBLISHED", reason: "Legal takedown" },
      new Date(Date.now() + 61_000),
    );
    expect(await openDraftLink(tokenOf(lawyer.path))).toBeNull();
    const { links } = await listDraftLinks(live.id);
    expect(links.find((l) => l.id === lawyer.id)?.state).toBe("revoked");
    const revoked = await db.auditEvent.findMany({ where: { entityId: live.id, action: "draft-link.revoke" } });
    // The link that had already expired is left as it was.
    expect(revoked.map((e) => e.data)).toEqual([{ linkIds: [lawyer.id], why: "unpublished" }]);
    expect(revoked[0]!.actorId).toBe(editor.id);

    const reworked = await createDraftLink(
      editor,
      { articleId: live.id, label: "Legal, after the takedown", expiresLocal: local(3_600_000) },
      TZ,
    );
    expect(await openDraftLink(tokenOf(reworked.path))).not.toBeNull();
  });

  it("shows no copy of a wire item the agency killed: a link stops working with the kill, and no new one is made", async () => {
    const uri = `urn:test:draft-link-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const item = {
      uri,
      headlines: [{ role: "main", value: "Wire copy for the lawyer" }],
      bodies: [{ role: "main", value: "<p>Copy.</p>" }],
    };
    const { id } = await ingestWireItem(parseWireDocument(JSON.stringify(item), { agency: "Northern Wire" })[0]!, "push");
    const { articleId } = await takeWireItem(editor, { id, sectionId });
    const link = await createDraftLink(editor, { articleId, label: "Legal", expiresLocal: local(3_600_000) }, TZ);
    expect(await openDraftLink(tokenOf(link.path))).not.toBeNull();
    await ingestWireItem(parseWireDocument(JSON.stringify({ ...item, pubstatus: "canceled" }), { agency: "Northern Wire" })[0]!, "push");
    expect(await openDraftLink(tokenOf(link.path))).toBeNull();
    // The editor's list says the same: the link is stopped, and why no new one can be made.
    const listed = await listDraftLinks(articleId);
    expect(listed.links.find((l) => l.id === link.id)?.state).toBe("stopped");
    expect(listed.refused).toMatch(/^Northern Wire killed the wire item/);
    const refused = await expectAppError(
      createDraftLink(editor, { articleId, label: "Legal", expiresLocal: local(3_600_000) }, TZ),
      "invalid",
    );
    expect(refused.message).toMatch(
      /killed the wire item this story was taken from: its copy may not be shown to anyone outside the newsroom\.$/,
    );
  });

  it("is for editors only, with an expiry in the future and at most 30 days out", async () => {
    await expectAppError(createDraftLink(writer, { articleId: storyId, label: "Source", expiresLocal: local(3_600_000) }, TZ), "forbidden");
    const past = await expectAppError(
      createDraftLink(editor, { articleId: storyId, label: "Source", expiresLocal: local(-60_000) }, TZ),
      "invalid",
    );
    expect(past.fieldErrors?.expiresLocal?.[0]).toMatch(/future/);
    await expectAppError(
      createDraftLink(editor, { articleId: storyId, label: "Source", expiresLocal: local(40 * 86_400_000) }, TZ),
      "invalid",
    );
    await expectAppError(createDraftLink(editor, { articleId: storyId, label: " ", expiresLocal: local(60_000) }, TZ), "invalid");
    const link = await createDraftLink(editor, { articleId: storyId, label: "Source", expiresLocal: local(3_600_000) }, TZ);
    await expectAppError(revokeDraftLink(writer, { id: link.id }), "forbidden");
    expect(await openDraftLink(tokenOf(link.path))).not.toBeNull();
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Viewer } from "../auth/viewer";
import { expectAppError } from "../test/expect-app-error";
import { makeNewsroomBits, makeUser, readyArticleInput } from "../test/factories";
import { makePhoto } from "../test/images";
import { bodyFromParagraphs } from "../articles/body";
import { createArticle, transitionArticle } from "../articles/mutations/index";
import { createImage, replaceImageFile } from "./ingest";
import { deleteImage, updateImageMetadata } from "./library";
import { cropImage } from "./crop";
import { sweepReplacedFiles } from "./cleanup";
import { mediaStore } from "./store";
import { variantBase, variantKey, variantKeysOf } from "./variants";

// Issue 8 (trust): a photo a live story shows (published or scheduled, hero or inline) is changed
// only by editors and admins; writers change photos nothing live uses.

let writer: Viewer;
let editor: Viewer;
let seed = 400;

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("WRITER"), makeUser("EDITOR")]);
});

const fields = { altText: "A harbour at dawn.", caption: "The harbour.", credit: "Ana Lee", agency: "Wire", copyright: "", license: "" };

/** A photo, and a story using it as `placement` in `status`, written by `owner` (the editor unless said). */
async function photoIn(status: "PUBLISHED" | "SCHEDULED" | "DRAFT" | "NONE", placement: "hero" | "inline" = "hero", owner?: Viewer) {
  const image = await createImage(editor, await makePhoto("jpeg", 800, 500, seed++), fields);
  if (status === "NONE") return image.id;
  const bits = await makeNewsroomBits(owner?.id);
  const input = readyArticleInput(bits.section.id, bits.author.id);
  if (placement === "hero") input.hero = { imageId: image.id };
  else {
    input.body = bodyFromParagraphs(["One.", "Two."]);
    input.body.content!.splice(1, 0, { type: "image", attrs: { imageId: image.id } } as never);
  }
  const story = await createArticle(owner ?? editor, input);
  if (status === "PUBLISHED") await transitionArticle(editor, { id: story.id, version: story.version, to: "PUBLISHED" });
  if (status === "SCHEDULED")
    await transitionArticle(editor, {
      id: story.id,
      version: story.version,
      to: "SCHEDULED",
      scheduledFor: new Date(Date.now() + 86_400_000),
    });
  return image.id;
}

const row = (id: string) => db.image.findUniqueOrThrow({ where: { id } });

describe("who may change a photo a live story shows", () => {
  it.each([
    ["a published story's hero", "PUBLISHED", "hero"],
    ["a scheduled story's hero", "SCHEDULED", "hero"],
    ["a published story's body", "PUBLISHED", "inline"],
  ] as const)(
    "refuses a writer's edit of the caption, credit, alt text or license of a photo in %s, and changes nothing",
    async (_name, status, placement) => {
      const id = await photoIn(status, placement);
      const before = await row(id);
      const error = await expectAppError(
        updateImageMetadata(writer, { id, ...fields, credit: "Someone Else", license: "Free for all", focalX: 0.5, focalY: 0.5 }),
        "forbidden",
      );
      expect(error.message).toMatch(/live story.*only an editor/i);
      expect(await row(id)).toEqual(before);
    },
  );

  it("refuses a writer's replacement of a live photo's file, and stores nothing", async () => {
    const id = await photoIn("PUBLISHED");
    const before = await row(id);
    const replacement = await makePhoto("jpeg", 700, 400, seed++);
    const audits = await db.auditEvent.count();
    await expectAppError(replaceImageFile(writer, id, replacement), "forbidden");
    expect(await row(id)).toEqual(before);
    expect(await db.auditEvent.count()).toBe(audits);
    expect(await mediaStore.get(variantKey(before.sha256, 480, "jpg"))).not.toBeNull();
  });

  it("refuses a writer's delete of a live photo", async () => {
    const id = await photoIn("PUBLISHED");
    await expectAppError(deleteImage(writer, id), "forbidden");
    expect(await db.image.count({ where: { id } })).toBe(1);
  });

  it("refuses a writer's edit, replacement or delete of a photo in someone else's draft, and changes nothing", async () => {
    const id = await photoIn("DRAFT");
    const before = await row(id);
    const error = await expectAppError(
      updateImageMetadata(writer, { id, ...fields, caption: "Not theirs", focalX: 0.5, focalY: 0.5 }),
      "forbidden",
    );
    expect(error.message).toBe(
      "This photo is in a story you cannot edit, so only an editor can change it: the change would show there too. Give your story its own caption, credit or alt text in its photo panel, or ask an editor.",
    );
    await expectAppError(replaceImageFile(writer, id, await makePhoto("png", 600, 400, seed++)), "forbidden");
    await expectAppError(cropImage(writer, { id, cropX: 0.25, cropY: 0.25, cropW: 0.5, cropH: 0.5 }), "forbidden");
    expect(await row(id)).toEqual(before);
  });

  it("lets a writer edit and replace a photo used by nothing live but their own draft, or by no story", async () => {
    for (const status of ["DRAFT", "NONE"] as const) {
      const id = await photoIn(status, "hero", writer);
      await updateImageMetadata(writer, { id, ...fields, credit: "Writer Fixed", focalX: 0.5, focalY: 0.5 });
      expect((await row(id)).credit).toBe("Writer Fixed");
      await replaceImageFile(writer, id, await makePhoto("png", 600, 400, seed++));
      expect((await row(id)).width).toBe(600);
    }
  });

  it("lets an editor edit and replace a live photo", async () => {
    const id = await photoIn("PUBLISHED");
    await updateImageMetadata(editor, { id, ...fields, credit: "Editor Fixed", focalX: 0.5, focalY: 0.5 });
    expect((await row(id)).credit).toBe("Editor Fixed");
    await replaceImageFile(editor, id, await makePhoto("jpeg", 640, 400, seed++));
    expect((await row(id)).width).toBe(640);
  });
});

describe("replacing a live photo's file", () => {
  it("keeps the old variant files answering until every page that showed them has expired, then removes them", async () => {
    const id = await photoIn("PUBLISHED");
    const old = await row(id);
    const oldVariant = variantKey(old.sha256, 480, "jpg");
    await replaceImageFile(editor, id, await makePhoto("jpeg", 720, 480, seed++));
    const replaced = await row(id);
    expect(replaced.sha256).not.toBe(old.sha256);
    // Pages cached before the replacement (a CDN's stale copy, a feed reader) still point at the old files.
    expect(await mediaStore.get(oldVariant)).not.toBeNull();
    expect(await mediaStore.get(old.storageKey)).not.toBeNull();
    // A sweep before the grace period has passed keeps them; one after it removes them, and never the new files.
    await sweepReplacedFiles(new Date());
    expect(await mediaStore.get(oldVariant)).not.toBeNull();
    await sweepReplacedFiles(new Date(Date.now() + 8 * 86_400_000));
    expect(await mediaStore.get(oldVariant)).toBeNull();
    expect(await mediaStore.get(old.storageKey)).toBeNull();
    expect(await mediaStore.get(variantKey(replaced.sha256, 480, "jpg"))).not.toBeNull();
  });

  it("keeps a cropped photo's crop, cut from the new file, and later sweeps the old crop's files (its stories showed broken images)", async () => {
    const id = await photoIn("PUBLISHED");
    await cropImage(editor, { id, cropX: 0.25, cropY: 0, cropW: 0.5, cropH: 1 });
    const old = await row(id);
    const oldCrop = variantBase(old);
    await replaceImageFile(editor, id, await makePhoto("jpeg", 800, 400, seed++));
    const replaced = await row(id);
    const shown = variantBase(replaced);
    expect(shown.base).toBe(`${replaced.sha256}-c200x0x400x400`);
    // What readers get of it is there, in every format.
    for (const key of variantKeysOf(shown.base, shown.width)) expect(await mediaStore.get(key), key).not.toBeNull();
    // The old crop's files go with the old file's, once the grace period has passed.
    const oldCropKey = variantKey(oldCrop.base, oldCrop.width, "jpg");
    expect(await mediaStore.get(oldCropKey)).not.toBeNull();
    await sweepReplacedFiles(new Date(Date.now() + 8 * 86_400_000));
    expect(await mediaStore.get(oldCropKey)).toBeNull();
    expect(await mediaStore.get(variantKey(shown.base, shown.width, "jpg"))).not.toBeNull();
  });

  it("keeps the old files when the same file is in the library again by the time of the sweep", async () => {
    const id = await photoIn("NONE");
    const old = await row(id);
    const original = (await mediaStore.get(old.storageKey))!;
    await replaceImageFile(editor, id, await makePhoto("jpeg", 720, 480, seed++));
    const again = await createImage(editor, original, fields);
    expect(again.existing).toBe(false);
    await sweepReplacedFiles(new Date(Date.now() + 8 * 86_400_000));
    expect(await mediaStore.get(variantKey(old.sha256, 480, "jpg"))).not.toBeNull();
  });
});

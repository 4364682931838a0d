import type { EditorFields } from "./editor";
import { inlineImageNodes, type BodyDoc } from "./body";
import { publishProblems } from "./workflow";
import type { WireFacts } from "../wire/policy";

type PhotoFacts = {
  id: string;
  altText: string | null;
  credit: string | null;
  agency: string | null;
  creditLine?: string | null;
  licenseExpiresAt: string | Date | null;
};

/**
 * What the story in the editor still lacks before it may go live, as the editor types: the same
 * rule as the server's (publishProblems), fed from the form's fields and the library's photo
 * details. The server checks again when the story is published.
 */
export function editorProblems(
  fields: EditorFields,
  photos: PhotoFacts[],
  now = new Date(),
  wire: { facts: WireFacts; timeZone: string },
): string[] {
  const byId = new Map(photos.map((p) => [p.id, p]));
  const image = (id: string) => {
    const p = byId.get(id);
    return {
      altText: p?.altText ?? "",
      credit: p?.credit ?? "",
      agency: p?.agency ?? "",
      creditLine: p?.creditLine ?? "",
      licenseExpiresAt: p?.licenseExpiresAt ? new Date(p.licenseExpiresAt) : null,
    };
  };
  const hero = fields.hero
    ? [
        {
          role: "HERO" as const,
          altText: fields.hero.altText ?? "",
          credit: fields.hero.credit ?? "",
          agency: fields.hero.agency ?? "",
          creditLine: fields.hero.creditLine ?? "",
          image: image(fields.hero.imageId),
        },
      ]
    : [];
  const inline = inlineImageNodes(fields.body as BodyDoc).map((n) => ({
    role: "INLINE" as const,
    altText: n.alt ?? "",
    credit: n.credit ?? "",
    agency: "",
    creditLine: "",
    image: image(n.imageId),
  }));
  return publishProblems(
    {
      headline: fields.headline,
      slug: fields.slug,
      body: fields.body,
      sectionId: fields.sectionId,
      authors: fields.authorIds.map((authorId) => ({ authorId })),
      images: [...hero, ...inline],
    },
    now,
    wire,
  );
}

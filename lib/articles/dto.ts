import type { Prisma } from "../generated/prisma/client";
import { PlacementRole } from "../generated/prisma/enums";
import { bodySchema, emptyBody, type BodyDoc } from "./body";
import { placedCreditLine } from "../media/schema";
import { srcSet, variantBase, variantSelect, variantSize, variantUrl } from "../media/variants";
import { shortenAtWord } from "../format/text";
import { toAuthorKind, type AuthorKind } from "../authors/schema";
import { articlePath } from "./path";
import { sourceArchiveSelect, withArchivedCopies, type ArchivedCopy } from "../sources/dto";
import { credentialSelect, toCredentials, type PhotoCredentials } from "../provenance/dto";

export const articleCardSelect = {
  id: true,
  slug: true,
  headline: true,
  dek: true,
  language: true,
  firstPublishedAt: true,
  contentUpdatedAt: true,
  updatedAt: true,
  section: { select: { name: true, slug: true } },
  authors: { select: { author: { select: { name: true, slug: true } } }, orderBy: { position: "asc" } },
  images: {
    where: { role: PlacementRole.HERO },
    select: {
      altText: true,
      caption: true,
      credit: true,
      agency: true,
      creditLine: true,
      image: {
        select: {
          ...variantSelect,
          altText: true,
          caption: true,
          focalX: true,
          focalY: true,
          credit: true,
          agency: true,
          creditLine: true,
        },
      },
    },
    orderBy: { position: "asc" },
    take: 1,
  },
} satisfies Prisma.ArticleSelect;

type CardRow = Prisma.ArticleGetPayload<{ select: typeof articleCardSelect }>;

export type ArticleCard = {
  id: string;
  slug: string;
  headline: string;
  dek: string;
  /** The story's own language (a BCP 47 tag), or null: the site's. Read through storyLanguage (./language.ts). */
  language: string | null;
  path: string;
  publishedAt: Date | null;
  updatedAt: Date | null;
  /** When anything about the story last changed, a minor fix and a move included (`updatedAt` moves only with a material update). */
  modifiedAt: Date;
  section: { name: string; slug: string } | null;
  authors: { name: string; slug: string }[];
  /** The lead's photo, with its credit (readers see every photo's credit). */
  image: {
    src: string;
    srcSet: string;
    width: number;
    height: number;
    alt: string;
    /** Not shown on cards (their photo is the story's); the feeds carry it. */
    caption: string;
    objectPosition: string;
    creditLine: string;
  } | null;
};

/** The public address of a story: /section/slug. */
export { articlePath };

export function toArticleCard(row: CardRow): ArticleCard {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    dek: row.dek,
    language: row.language,
    path: articlePath(row),
    publishedAt: row.firstPublishedAt,
    updatedAt: row.contentUpdatedAt,
    modifiedAt: row.updatedAt,
    section: row.section,
    authors: row.authors.map((a) => a.author),
    image: cardImage(row.images[0]),
  };
}

/** The width a card's photo (`src`) is asked at; lib/media/variants.ts serves the nearest variant. */
export const CARD_PHOTO_WIDTH = 960;
/** The width of the file a figure's `src` names: the JPEG fallback, and the photo search engines and social cards are given. */
export const FIGURE_SRC_WIDTH = 1600;

function cardImage(placed: CardRow["images"][number] | undefined): ArticleCard["image"] {
  if (!placed) return null;
  const { image } = placed;
  const shown = variantBase(image);
  return {
    src: variantUrl(shown.base, shown.width, CARD_PHOTO_WIDTH),
    srcSet: srcSet(shown.base, shown.width, "webp"),
    width: shown.width,
    height: shown.height,
    alt: placed.altText || image.altText,
    caption: placed.caption || image.caption,
    objectPosition: `${Math.round(image.focalX * 100)}% ${Math.round(image.focalY * 100)}%`,
    creditLine: placedCreditLine(image, placed),
  };
}

export const figureImageSelect = {
  id: true,
  ...variantSelect,
  creditLine: true,
  focalX: true,
  focalY: true,
  altText: true,
  caption: true,
  credit: true,
  agency: true,
  copyright: true,
  license: true,
  // Photo provenance (issue 19): the Content Credentials summary, for the link under the credit.
  credential: { select: credentialSelect },
} satisfies Prisma.ImageSelect;

export const publicArticleSelect = {
  ...articleCardSelect,
  // For the content API: its version (the card says when anything about it last changed).
  version: true,
  dateline: true,
  body: true,
  bodyText: true,
  seoTitle: true,
  seoDescription: true,
  canonicalUrl: true,
  authors: {
    select: { author: { select: { name: true, slug: true, title: true, kind: true } } },
    orderBy: { position: "asc" },
  },
  tags: { select: { tag: { select: { name: true, slug: true } } }, orderBy: [{ tag: { name: "asc" } }, { tag: { slug: "asc" } }] },
  images: {
    where: { role: PlacementRole.HERO },
    select: { caption: true, credit: true, agency: true, altText: true, creditLine: true, image: { select: figureImageSelect } },
    orderBy: { position: "asc" },
    take: 1,
  },
  sources: {
    select: { id: true, url: true, title: true, publisher: true, kind: true, note: true, accessedAt: true, archivedUrl: true },
    orderBy: { position: "asc" },
  },
  corrections: { select: { id: true, kind: true, text: true, createdAt: true }, orderBy: { createdAt: "asc" } },
  // Issue 19: each source's archived copy and link-check verdict (lib/sources/dto.ts).
  ...sourceArchiveSelect,
} satisfies Prisma.ArticleSelect;

type PublicRow = Prisma.ArticleGetPayload<{ select: typeof publicArticleSelect }>;

export type Figure = {
  imageId: string;
  /** JPEG fallback, and srcsets per format for <picture>. */
  src: string;
  /** The size of the file `src` names (`width` and `height` are the photo's, as shown: its crop). */
  srcSize: { width: number; height: number };
  srcSet: { avif: string; webp: string; jpg: string };
  /** The focal point as a CSS object-position, for crops. */
  objectPosition: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  creditLine: string;
  copyright: string;
  /** The Content Credentials the photo's original carried (lib/provenance), or null. */
  credentials: PhotoCredentials | null;
};

export type PublicArticle = Omit<ArticleCard, "authors"> & {
  dateline: string;
  body: BodyDoc;
  description: string;
  seoTitle: string | null;
  canonicalUrl: string | null;
  authors: { name: string; slug: string; title: string | null; kind: AuthorKind }[];
  tags: { name: string; slug: string }[];
  hero: Figure | null;
  sources: (PublicRow["sources"][number] & { copy: ArchivedCopy | null; gone: boolean })[];
  corrections: PublicRow["corrections"];
  version: number;
};

/** An image placed in a story, with the story's overrides over the library's fields. */
export function toFigure(
  image: Prisma.ImageGetPayload<{ select: typeof figureImageSelect }>,
  override: {
    caption?: string | null;
    credit?: string | null;
    agency?: string | null;
    altText?: string | null;
    creditLine?: string | null;
  } = {},
): Figure {
  const shown = variantBase(image);
  return {
    imageId: image.id,
    src: variantUrl(shown.base, shown.width, FIGURE_SRC_WIDTH),
    srcSize: variantSize(shown.width, shown.height, FIGURE_SRC_WIDTH),
    srcSet: {
      avif: srcSet(shown.base, shown.width, "avif"),
      webp: srcSet(shown.base, shown.width, "webp"),
      jpg: srcSet(shown.base, shown.width, "jpg"),
    },
    objectPosition: `${Math.round(image.focalX * 100)}% ${Math.round(image.focalY * 100)}%`,
    width: shown.width,
    height: shown.height,
    alt: override.altText || image.altText,
    caption: override.caption || image.caption,
    creditLine: placedCreditLine(image, override),
    copyright: image.copyright,
    credentials: image.credential ? toCredentials(image.id, image.credential) : null,
  };
}

export function toPublicArticle(row: PublicRow): PublicArticle {
  const body = bodySchema.safeParse(row.body);
  const hero = row.images[0];
  return {
    ...toArticleCard(row),
    dateline: row.dateline,
    // A body that no longer validates renders as empty rather than as anything unchecked.
    body: body.success ? body.data : emptyBody(),
    description: row.seoDescription || row.dek || shortenAtWord(row.bodyText, 200),
    seoTitle: row.seoTitle,
    canonicalUrl: row.canonicalUrl,
    authors: row.authors.map(({ author }) => ({ ...author, kind: toAuthorKind(author.kind) })),
    tags: row.tags.map((t) => t.tag),
    hero: hero ? toFigure(hero.image, hero) : null,
    sources: withArchivedCopies(row.sources, row),
    corrections: row.corrections,
    version: row.version,
  };
}

import type { PublicArticle } from "../articles/dto";
import { CORRECTION_KIND_LABELS } from "../articles/schema";
import { absoluteUrl } from "./site";
import { archiveUrl } from "../sources/archive-url";
import { shortenAtWord } from "../format/text";
import type { PhotoCredentials } from "../provenance/dto";
import { schemaOrgSourceType } from "../provenance/schema";
import { storyLanguage } from "../articles/language";

/**
 * schema.org NewsArticle for a story: credits, sources (citation) and corrections included;
 * `language` is the newsroom's BCP 47 tag, and inLanguage the story's (its own, else that).
 */
export function newsArticleJsonLd(article: PublicArticle, siteName: string, language: string) {
  const url = absoluteUrl(article.path);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: shortenAtWord(article.headline, 110),
    description: article.description,
    inLanguage: storyLanguage(article, { language }),
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": article.canonicalUrl || url },
    datePublished: article.publishedAt?.toISOString(),
    dateModified: (article.updatedAt ?? article.publishedAt)?.toISOString(),
    ...(article.dateline ? { locationCreated: { "@type": "Place", name: article.dateline } } : {}),
    articleSection: article.section?.name,
    keywords: article.tags.map((t) => t.name),
    isAccessibleForFree: true,
    // A news agency or a desk is an Organization (Google's article guidelines), everyone else a Person with their title.
    author: article.authors.map((a) =>
      a.kind === "ORGANIZATION"
        ? { "@type": "Organization", name: a.name, url: absoluteUrl(`/authors/${a.slug}`) }
        : { "@type": "Person", name: a.name, url: absoluteUrl(`/authors/${a.slug}`), ...(a.title ? { jobTitle: a.title } : {}) },
    ),
    publisher: { "@type": "NewsMediaOrganization", name: siteName, url: absoluteUrl("/") },
    image: article.hero
      ? [
          {
            "@type": "ImageObject",
            url: absoluteUrl(article.hero.src),
            // The size of the file `url` names, not the original's (a 2400 px photo is linked at 1600).
            width: article.hero.srcSize.width,
            height: article.hero.srcSize.height,
            caption: article.hero.caption || undefined,
            creditText: article.hero.creditLine || undefined,
            copyrightNotice: article.hero.copyright || undefined,
            // From the photo's Content Credentials, only when they validate and the signer is trusted (issue 19).
            digitalSourceType: heroSourceType(article.hero.credentials),
          },
        ]
      : undefined,
    citation: article.sources.map((s) => ({
      "@type": "CreativeWork",
      name: s.title,
      url: s.url,
      // Issue 19: Dateline's own copy (schema.org archivedAt); an address the editor typed stays in the page.
      ...(s.copy ? { archivedAt: archiveUrl(s.copy.id) } : s.archivedUrl ? { archivedAt: s.archivedUrl } : {}),
      ...(s.publisher ? { publisher: { "@type": "Organization", name: s.publisher } } : {}),
    })),
    correction: article.corrections.map((c) => ({
      "@type": "CorrectionComment",
      text: `${CORRECTION_KIND_LABELS[c.kind]}: ${c.text}`,
      datePublished: c.createdAt.toISOString(),
    })),
  };
}

/** Home › Section › Story. */
export function breadcrumbJsonLd(article: Pick<PublicArticle, "headline" | "path" | "section">, siteName: string) {
  const items = [
    { name: siteName, url: absoluteUrl("/") },
    ...(article.section ? [{ name: article.section.name, url: absoluteUrl(`/${article.section.slug}`) }] : []),
    { name: article.headline, url: absoluteUrl(article.path) },
  ];
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, i) => ({ "@type": "ListItem", position: i + 1, name: item.name, item: item.url })),
  };
}

/** schema.org's digitalSourceType for a photo, from the c2pa.created action of trusted Content Credentials. */
function heroSourceType(credentials: PhotoCredentials | null): string | undefined {
  if (credentials?.status !== "trusted") return undefined;
  const created = credentials.actions.find((a) => a.action === "c2pa.created" && a.digitalSourceType);
  return (created?.digitalSourceType && schemaOrgSourceType(created.digitalSourceType)) || undefined;
}

import type { Figure } from "@/lib/articles/dto";
import { Credit } from "./credit";

/** The widths a story photo occupies: the full column on phones, at most the 48rem article column. */
const SIZES = "(max-width: 48rem) 100vw, 768px";

/** A photo with its caption and the credit line readers must always see. */
export function ArticleFigure({ figure, priority = false }: { figure: Figure; priority?: boolean }) {
  return (
    <figure className="article-figure">
      <picture>
        <source type="image/avif" srcSet={figure.srcSet.avif} sizes={SIZES} />
        <source type="image/webp" srcSet={figure.srcSet.webp} sizes={SIZES} />
        {/* Plain img in <picture>: the variants are made at upload; next/image would process them again. */}
        <img
          src={figure.src}
          srcSet={figure.srcSet.jpg}
          sizes={SIZES}
          alt={figure.alt}
          width={figure.width}
          height={figure.height}
          loading={priority ? "eager" : "lazy"}
          fetchPriority={priority ? "high" : undefined}
          decoding="async"
        />
      </picture>
      <figcaption dir="auto">
        {figure.caption ? <span className="caption">{figure.caption}</span> : null}{" "}
        {figure.creditLine ? (
          // On a line of its own, in a smaller type: the credit never reads as part of the caption.
          <Credit line={figure.creditLine} />
        ) : null}
        {/* The photo's Content Credentials (C2PA), when its original carried them: who signed, with what, what was done. */}
        {figure.credentials ? " " : null}
        {figure.credentials ? (
          <a className="content-credentials" href={figure.credentials.path} lang="en">
            Content Credentials
          </a>
        ) : null}
      </figcaption>
    </figure>
  );
}

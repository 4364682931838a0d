import type { Figure } from "@/lib/articles/dto";

/** A photo with its caption and the credit line readers must always see. */
export function ArticleFigure({ figure, priority = false }: { figure: Figure; priority?: boolean }) {
  return (
    <figure className="article-figure">
      {/* Plain img: the media route serves stored files; responsive variants come with the media library. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={figure.src}
        alt={figure.alt}
        width={figure.width}
        height={figure.height}
        loading={priority ? "eager" : "lazy"}
        fetchPriority={priority ? "high" : undefined}
        decoding="async"
      />
      <figcaption>
        {figure.caption ? <span className="caption">{figure.caption} </span> : null}
        {figure.creditLine ? <span className="credit">{figure.creditLine}</span> : null}
      </figcaption>
    </figure>
  );
}

/** "By A, B and C", each name linking to the author's page, and isolated (a right-to-left name does not reorder the words around it). */
export function Byline({ authors }: { authors: { name: string; slug: string }[] }) {
  if (authors.length === 0) return null;
  return (
    <p className="byline">
      {/* The site's words are English; the names are as the newsroom wrote them, in the story's language. */}
      <span lang="en">By</span>{" "}
      {authors.map((a, i) => (
        <span key={a.slug}>
          {i > 0 ? i === authors.length - 1 ? <span lang="en"> and </span> : ", " : null}
          <a href={`/authors/${a.slug}`} rel="author">
            <bdi>{a.name}</bdi>
          </a>
        </span>
      ))}
    </p>
  );
}

/** A draft link that does not exist, has expired or was revoked: the same words for each. */
export default function DraftLinkNotFound() {
  return (
    <main id="main" className="page">
      <h1>This draft link does not work</h1>
      <p>It may have expired or been revoked. Ask the newsroom for a new one.</p>
    </main>
  );
}

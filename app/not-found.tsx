
export default function NotFound() {
  return (
    <main id="main" className="page narrow">
      <h1>Page not found</h1>
      <p>The page you asked for does not exist, or is no longer published.</p>
      <p><a href="/">Go to the front page</a></p>
    </main>
  );
}

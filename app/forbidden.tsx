import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="page narrow">
      <h1>You do not have access to this page</h1>
      <p>Your role does not include this part of the newsroom. If you need it, ask an admin to change your role.</p>
      <p>
        <Link href="/admin">Back to the desk</Link>
      </p>
    </main>
  );
}

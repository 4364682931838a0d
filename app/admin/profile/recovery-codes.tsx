/** Ten new recovery codes, shown once right after they are made. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="form-message success" role="status">
      <p>
        <strong>Your recovery codes.</strong> Each one signs you in once if you lose your phone. Save them now (print them, or keep them in
        your password manager): they are not shown again.
      </p>
      <ol className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}

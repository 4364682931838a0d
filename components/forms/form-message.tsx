/** A form-level message: an error or a confirmation. */
export function FormMessage({ kind = "error", children }: { kind?: "error" | "success"; children: React.ReactNode }) {
  if (!children) return null;
  return (
    <div className={`form-message ${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

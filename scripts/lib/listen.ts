/**
 * The exit code of a server process that cannot listen on PORT (another program has it, or this
 * user may not bind it): the cluster stops instead of starting it again, and `npm start` fails.
 * 78 is EX_CONFIG in sysexits.h: nothing a restart would mend.
 */
export const CANNOT_LISTEN = 78;

/** What the operator reads when PORT cannot be listened on. */
export function cannotListenMessage(code: string | undefined, port: number): string | null {
  if (code === "EADDRINUSE") return `Port ${port} is in use by another program: stop it, or set PORT to a free port.`;
  if (code === "EACCES") return `This user may not listen on port ${port}: set PORT to 1024 or above, or put a proxy in front.`;
  return null;
}

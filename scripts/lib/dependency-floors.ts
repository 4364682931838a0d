// The lowest versions Dateline accepts for packages with known security fixes (issue 7).
// `npm test` checks every installed copy (scripts/check-dependencies.ts); a version below its
// floor fails the run before anything else does.

type Version = [number, number, number];

/** Per package: the floor for each minor line ("19.2"), or "*" for every line. */
export const FLOORS: Record<string, Record<string, string>> = {
  next: { "*": "16.4.5" },
  "next-auth": { "*": "4.24.15" },
  // React Server Components fixes of December 2025 (CVE-2025-55182 and the follow-ups).
  react: { "19.0": "19.0.3", "19.1": "19.1.4", "19.2": "19.2.3", "*": "19.0.0" },
  "react-dom": { "19.0": "19.0.3", "19.1": "19.1.4", "19.2": "19.2.3", "*": "19.0.0" },
  sharp: { "*": "0.35.5" },
};

export function parseVersion(version: string): Version | null {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function below(a: Version, b: Version): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

export interface InstalledPackage {
  name: string;
  version: string;
  location: string;
}

/** One message per installed copy below its floor; empty when every copy is at or above it. */
export function findBelowFloor(installed: InstalledPackage[]): string[] {
  const problems: string[] = [];
  for (const pkg of installed) {
    const floors = FLOORS[pkg.name];
    if (!floors) continue;
    const version = parseVersion(pkg.version);
    if (!version) {
      problems.push(`${pkg.name} at ${pkg.location} has an unreadable version "${pkg.version}"`);
      continue;
    }
    const floor = floors[`${version[0]}.${version[1]}`] ?? floors["*"] ?? "0.0.0";
    if (below(version, parseVersion(floor)!)) {
      problems.push(`${pkg.name}@${pkg.version} at ${pkg.location} is below ${floor}`);
    }
  }
  return problems;
}

export interface AuditSummary {
  high: number;
  critical: number;
}

/**
 * Reads `npm audit --json`: the counts when the registry answered, or null when the audit
 * endpoint could not be reached (some mirrors and sandboxes refuse it).
 */
export function readAudit(json: string): AuditSummary | null {
  let report: { metadata?: { vulnerabilities?: Partial<AuditSummary> }; error?: unknown; message?: string };
  try {
    report = JSON.parse(json);
  } catch {
    return null;
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) return null;
  return { high: counts.high ?? 0, critical: counts.critical ?? 0 };
}

import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { ROLE_LABELS, ROLE_PERMISSIONS, hasPermission, type Permission } from "@/lib/auth/permissions";
import { getProfile } from "@/lib/users/profile";
import { PASSWORD_MIN } from "@/lib/users/schema";
import { FormMessage } from "@/components/forms/form-message";
import { getTwoFactorStatus, mustEnrolTwoFactor, TWO_FACTOR_REQUIRED_ROLES, isTwoFactorRequired } from "@/lib/two-factor/queries";
import { getPendingEnrolment } from "@/lib/two-factor/mutations";
import { ChangePasswordForm } from "./change-password-form";
import { TwoFactorSection } from "./two-factor-section";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  // The change screen: the one page open to a user who still has a temporary password.
  const viewer = await requireUser("/admin/profile", { allowTemporaryPassword: true });
  const profile = await getProfile(viewer);
  if (!profile) return null;
  const allowed = (Object.keys(ROLE_PERMISSIONS) as Permission[]).filter((p) => hasPermission(viewer.role, p));
  const [twoFactor, pending, requiredForAll] = await Promise.all([
    getTwoFactorStatus(viewer.id),
    getPendingEnrolment(viewer),
    isTwoFactorRequired(),
  ]);
  const required = requiredForAll && TWO_FACTOR_REQUIRED_ROLES.includes(viewer.role);
  const mustEnrol = await mustEnrolTwoFactor(viewer.role, twoFactor.state === "on");
  return (
    <>
      <h1>Your profile</h1>
      {profile.mustChangePassword ? (
        <FormMessage>You are using a temporary password. Choose your own below; the rest of the desk opens once you have.</FormMessage>
      ) : null}
      {mustEnrol && !profile.mustChangePassword ? (
        <FormMessage>
          Your newsroom requires two-factor sign-in for editors and admins. Set it up below; the rest of the desk opens once you have.
        </FormMessage>
      ) : null}
      <section className="card">
        <h2>{profile.name}</h2>
        <p>
          {profile.email} · <strong>{ROLE_LABELS[profile.role]}</strong>
        </p>
        <p>Byline: {profile.author ? profile.author.name : <span className="muted">none linked (ask an admin)</span>}</p>
        <details>
          <summary>What your role may do</summary>
          <ul>
            {allowed.map((p) => (
              <li key={p}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        </details>
      </section>
      <ChangePasswordForm minLength={PASSWORD_MIN} />
      <TwoFactorSection
        state={twoFactor.state}
        enabledAt={twoFactor.enabledAt?.toISOString() ?? null}
        recoveryCodesLeft={twoFactor.recoveryCodesLeft}
        pending={pending}
        required={required}
      />
    </>
  );
}

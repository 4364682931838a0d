import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

/** A new authenticator secret (base32, 160 bits). */
export const newTotpSecret = () => generateSecret();

/** The otpauth:// address an authenticator app reads from the QR code. */
export const totpUri = (secret: string, account: string, issuer: string) => generateURI({ issuer, label: account, secret });

/** The QR code of that address as an SVG data URL, made on the server (the CSP allows data: images). */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/**
 * Checks a six-digit code, allowing one 30-second step of clock drift either way, and refusing a
 * code of a step at or before `afterTimeStep` (the last one accepted): a code is good once.
 */
export async function checkTotp(secret: string, code: string, afterTimeStep: number | null): Promise<{ timeStep: number } | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epochTolerance: 30, ...(afterTimeStep === null ? {} : { afterTimeStep }) });
  return result.valid && "timeStep" in result ? { timeStep: result.timeStep } : null;
}

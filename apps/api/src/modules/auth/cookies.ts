import type { Request, Response } from 'express';
import type { ApiConfig } from '../../config.ts';

export const SESSION_COOKIE = 'samarkiv_session';

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

function isSecure(req: Request, config: ApiConfig): boolean {
  if (config.session.cookieSecure === 'always') return true;
  if (config.session.cookieSecure === 'never') return false;
  return req.secure;
}

/** HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS; lives as long as the absolute timeout. */
export function setSessionCookie(req: Request, res: Response, config: ApiConfig, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: isSecure(req, config),
    expires: expiresAt,
  });
}

export function clearSessionCookie(req: Request, res: Response, config: ApiConfig): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: isSecure(req, config) });
}

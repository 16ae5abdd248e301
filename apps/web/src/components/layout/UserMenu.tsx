import { Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import type { AuthUser_me } from '../../lib/auth/currentUser.ts';
import { membershipSentences } from '../../lib/auth/membershipWords.ts';
import { CHANGE_PASSWORD_PATH } from '../../lib/auth/nextPath.ts';
import { useSignOut } from '../../lib/auth/useSignOut.ts';

/**
 * The signed-in user's name in the header; it opens a panel with the roles, a link to change
 * the password and the sign-out button. A disclosure (button + region), not an ARIA menu:
 * its content is text and ordinary links, read and tabbed through as such.
 */
export function UserMenu({ user }: { user: AuthUser_me }) {
  const { t, i18n } = useTranslation();
  const { signOut, loading } = useSignOut();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const location = useLocation();
  const sentences = membershipSentences(t, i18n.language, user.memberships);

  // Following a link in the panel (or anywhere) closes it.
  useEffect(() => setOpen(false), [location.key]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <div className="user-menu" ref={rootRef} onKeyDown={closeOnEscape}>
      <Button
        ref={buttonRef}
        type="button"
        variant="secondary"
        data-size="sm"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="ds-sr-only">{t('userMenu.signedInAs')}</span> {user.displayName}
      </Button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <Paragraph data-size="sm" className="user-menu__name">
          {user.displayName}
          <span className="user-menu__username">{user.username}</span>
        </Paragraph>
        <Paragraph data-size="sm" className="user-menu__label">
          {t('userMenu.roles')}
        </Paragraph>
        {sentences.length > 0 ? (
          <ul className="user-menu__roles">
            {sentences.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        ) : (
          <Paragraph data-size="sm">{t('userMenu.noRoles')}</Paragraph>
        )}
        <div className="user-menu__actions">
          <Link asChild>
            <RouterLink to="/min-konto">{t('reminders.account.menu')}</RouterLink>
          </Link>
          <Link asChild>
            <RouterLink to={CHANGE_PASSWORD_PATH}>{t('userMenu.changePassword')}</RouterLink>
          </Link>
          <Button type="button" variant="primary" data-size="sm" onClick={() => void signOut()} aria-disabled={loading || undefined}>
            {t('userMenu.signOut')}
          </Button>
        </div>
      </div>
    </div>
  );
}

import { Heading } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigationType } from 'react-router';

type PageProps = {
  /** The page's one h1, also used in the browser tab as "<title> – Samarkiv". */
  title: string;
  children?: ReactNode;
};

export function Page({ title, children }: PageProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const navigationType = useNavigationType();

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);

  useEffect(() => {
    // After a link in the app, move focus to the new heading so screen reader and keyboard
    // users start on the new page; a first load or back/forward ('POP') keeps the browser's
    // own focus and scroll. Keyed on the path because one page component serves many routes;
    // not on the query, so a filter or a next page in a table leaves focus where the user is.
    if (navigationType !== 'POP') headingRef.current?.focus();
  }, [location.pathname, navigationType]);

  return (
    <>
      <Heading level={1} data-size="lg" ref={headingRef} tabIndex={-1} className="page-title">
        {title}
      </Heading>
      {children}
    </>
  );
}

import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/layout/Page.tsx';

type Section = { title: string; paragraphs: string[] };

/**
 * The statements every Norwegian public-sector service publishes: the accessibility statement
 * (tilgjengelighetserklæring, in Uutilsynet's headings) and the privacy notice
 * (personvernerklæring). Open without a session, like the sign-in page, and linked from the footer.
 */
export function StatementPage({ kind }: { kind: 'accessibility' | 'privacy' }) {
  const { t } = useTranslation();
  const sections = t(`statements.${kind}.sections`, { returnObjects: true }) as Section[];
  return (
    <Page title={t(`statements.${kind}.title`)}>
      <Paragraph className="page-lead">{t(`statements.${kind}.lead`)}</Paragraph>
      {sections.map((section) => (
        <section key={section.title}>
          <Heading level={2} data-size="sm">
            {section.title}
          </Heading>
          {section.paragraphs.map((text) => (
            <Paragraph key={text}>{text}</Paragraph>
          ))}
        </section>
      ))}
      <Paragraph data-size="sm">{t('statements.updated')}</Paragraph>
    </Page>
  );
}

export function AccessibilityStatementPage() {
  return <StatementPage kind="accessibility" />;
}

export function PrivacyNoticePage() {
  return <StatementPage kind="privacy" />;
}

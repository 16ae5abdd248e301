import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { apiError, describeApiError } from '../../lib/errors.ts';

type TableLoadErrorProps = {
  title: string;
  error: unknown;
  onRetry(): void;
  /** Offered when the cursor in the URL is not one the server accepts (BAD_CURSOR). */
  onFirstPage(): void;
};

/** A list that could not be fetched: what went wrong in words, and a way on. */
export function TableLoadError({ title, error, onRetry, onFirstPage }: TableLoadErrorProps) {
  const { t } = useTranslation();
  const problem = apiError(error);
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={2} data-size="xs">
        {title}
      </Heading>
      <Paragraph>{describeApiError(t, problem)}</Paragraph>
      {problem.code === 'BAD_CURSOR' ? (
        <Button type="button" variant="secondary" data-size="sm" onClick={onFirstPage}>
          {t('paging.first')}
        </Button>
      ) : (
        <Button type="button" variant="secondary" data-size="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}

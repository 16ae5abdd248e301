import { Tag } from '@digdir/designsystemet-react';
import type { BenefitStatus } from '@samarkiv/shared';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOR } from './benefitView.ts';

/** The status in words; the colour only repeats what the words say. */
export function BenefitStatusTag({ status }: { status: BenefitStatus }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={STATUS_COLOR[status]} data-size="sm" data-status={status}>
      {t(`benefits.status.${status}`)}
    </Tag>
  );
}

import { Alert, Paragraph } from '@digdir/designsystemet-react';

type FormAlertProps = {
  /** Nothing is rendered without a message. */
  message: string | null | undefined;
  /** Changing it re-creates the alert, so the same message is announced again on a retry. */
  attempt?: number;
};

/** An error about a whole form (not one field), announced when it appears. */
export function FormAlert({ message, attempt }: FormAlertProps) {
  if (!message) return null;
  return (
    <Alert key={attempt} data-color="danger" role="alert" className="form-alert">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}

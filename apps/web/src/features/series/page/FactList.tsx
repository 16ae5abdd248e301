import type { ReactNode } from 'react';
import { NoValue } from '../../../components/table/NoValue.tsx';
import { M_NUMBERS } from './seriesFields.ts';

/** A field's Norwegian name with its Noark 5 number (if any) set small and muted beside it. */
export function FieldName({ name, label }: { name: string; label: string }) {
  const number = M_NUMBERS[name];
  return (
    <>
      {label}
      {number && <span className="series-mnumber"> {number}</span>}
    </>
  );
}

/** One fact of a description list; an empty value reads "Ingen verdi". */
export function Fact({ name, label, children }: { name: string; label: string; children?: ReactNode }) {
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <div className="series-fact">
      <dt>
        <FieldName name={name} label={label} />
      </dt>
      <dd>{empty ? <NoValue /> : children}</dd>
    </div>
  );
}

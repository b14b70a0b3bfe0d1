// A definition list of label/value rows; rows without a value are left out.
import type { ReactNode } from 'react';

export interface DetailRow {
  label: string;
  value: ReactNode;
  /** Large tabular figure: counts and measures people compare. */
  figure?: boolean;
}

export function DetailList({ rows }: { rows: DetailRow[] }) {
  return (
    <dl className="detail-list">
      {rows
        .filter((row) => row.value !== null && row.value !== undefined && row.value !== '')
        .map((row) => (
          <div
            className={row.figure ? 'detail-row detail-row--figure' : 'detail-row'}
            key={row.label}
          >
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
    </dl>
  );
}

import type { ReactNode } from 'react';
import './register.css';

/**
 * Something past its date: a warning icon and the colour, but the words (in `children`) carry
 * the meaning, so it reads the same without colour or sight (WCAG 1.4.1).
 */
export function OverdueMark({ children }: { children: ReactNode }) {
  return (
    <span className="overdue-mark">
      <svg className="overdue-mark__icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="1em" height="1em">
        <path d="M8 1.5 15 14H1L8 1.5Z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
        <path d="M8 6v4M8 11.5v1" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      {children}
    </span>
  );
}

import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './server.ts';

// The first test of a file that opens a lazy page waits for Vite to transform that chunk,
// which can take more than the default second when all test files run in parallel.
configure({ asyncUtilTimeout: 3000 });

// jsdom has no Web Animations API; Designsystemet's Spinner asks it for running animations.
if (!('getAnimations' in document)) {
  Object.defineProperty(document, 'getAnimations', { value: () => [], configurable: true });
}

// jsdom has no <dialog> behaviour: open and close it the way a browser does, minus the focus
// trap and the top layer (the components move focus themselves).
if (!('showModal' in HTMLDialogElement.prototype)) {
  Object.assign(HTMLDialogElement.prototype, {
    show(this: HTMLDialogElement) {
      this.open = true;
    },
    showModal(this: HTMLDialogElement) {
      this.open = true;
    },
    close(this: HTMLDialogElement, returnValue?: string) {
      if (!this.open) return;
      this.open = false;
      if (returnValue !== undefined) this.returnValue = returnValue;
      this.dispatchEvent(new Event('close'));
    },
  });
}

// A request without a handler is a bug in the test, not something to let through.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));

afterEach(() => {
  cleanup();
  server.resetHandlers();
  window.localStorage.clear();
  document.documentElement.lang = 'nb';
  document.title = '';
});

afterAll(() => server.close());

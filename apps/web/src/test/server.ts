import { setupServer } from 'msw/node';

/** No default handlers: each test states the API answers it depends on. */
export const server = setupServer();

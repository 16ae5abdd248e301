import type { Database, PrismaClient } from '@samarkiv/db';
import { createLoaders, type Loaders } from './loaders.ts';

export interface Context {
  prisma: PrismaClient;
  db: Database;
  requestId: string;
  loaders: Loaders;
}

export function createContext(db: Database, requestId: string): Context {
  return { prisma: db.prisma, db, requestId, loaders: createLoaders(db.prisma) };
}

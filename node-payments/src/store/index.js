// Store factory: MongoDB in production, memory only when explicitly configured.
import { createMemoryStore } from './memory.js';
import { createMongoStore } from './mongo.js';

export function createStore(storeConfig) {
  if (storeConfig.kind === 'memory') return createMemoryStore();
  if (storeConfig.kind === 'mongodb') return createMongoStore({ url: storeConfig.url, database: storeConfig.database });
  throw new Error(`unknown store kind ${storeConfig.kind}`);
}

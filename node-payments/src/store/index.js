// Store factory: MongoDB in production, memory only when explicitly configured.
import { createMemoryStore } from './memory.js';
import { createMongoStore } from './mongo.js';

/**
 * @param {{kind: 'memory'} | {kind: 'mongodb', url: string, database: string, maxPoolSize: number}} storeConfig
 * @param {{onCommand?: (event: {commandName: string, collection?: string}) => void}} [options]
 */
export function createStore(storeConfig, { onCommand } = {}) {
  if (storeConfig.kind === 'memory') return createMemoryStore();
  if (storeConfig.kind === 'mongodb') {
    return createMongoStore({ url: storeConfig.url, database: storeConfig.database, clientOptions: { maxPoolSize: storeConfig.maxPoolSize }, onCommand });
  }
  throw new Error(`unknown store kind ${storeConfig.kind}`);
}

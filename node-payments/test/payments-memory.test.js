// HTTP scenarios on the in-memory store.
import { createMemoryStore } from '../src/store/memory.js';
import { paymentScenarios } from './support/scenarios.js';

paymentScenarios(
  'memory',
  async () => createMemoryStore(),
  async () => {
    const shared = createMemoryStore();
    return [shared, { ...shared, close: async () => {} }];
  },
);

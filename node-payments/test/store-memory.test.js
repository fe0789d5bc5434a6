import { after } from 'node:test';
import { createMemoryStore } from '../src/store/memory.js';
import { storeContract } from './support/store-contract.js';

const store = createMemoryStore();
await store.init();
after(() => store.close());

storeContract('memory store', async () => store);

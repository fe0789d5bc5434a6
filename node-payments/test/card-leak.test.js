// Card data never reaches the store, the logs or the responses (memory store; the
// Mongo variant runs in mongo.test.js).
import { createMemoryStore } from '../src/store/memory.js';
import { leakScenario } from './support/leak.js';

leakScenario('memory', async () => createMemoryStore());

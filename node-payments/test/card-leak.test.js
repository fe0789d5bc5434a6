// Card data never reaches the store, the logs or the responses, and nothing stored lets
// a holder of the API's secrets confirm a guessed PAN or CVC (memory store; the Mongo
// variants run in mongo.test.js).
import { createMemoryStore } from '../src/store/memory.js';
import { leakScenario } from './support/leak.js';
import { cardSecrecyScenario } from './support/card-secrecy.js';

leakScenario('memory', async () => createMemoryStore());
cardSecrecyScenario('memory', async () => createMemoryStore());

// `npm run schema`: regenerates scenarios/schema.json from the zod schema.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchema } from '../scenario/json-schema.ts';
import { SCENARIOS_DIR } from '../scenario/load.ts';

const file = join(SCENARIOS_DIR, 'schema.json');
writeFileSync(file, scenarioJsonSchema());
process.stdout.write(`written: ${file}\n`);

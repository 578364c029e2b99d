// The scenario schema as JSON Schema, for editors: scenarios/schema.json is generated from the zod
// schema (npm run schema) and a test keeps the checked-in copy current.

import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'orgsim scenario' }, null, 2)}\n`;
}

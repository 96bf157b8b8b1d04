// Writes the JSON Schemas in schema/ from the zod schemas, so YAML editors
// autocomplete and check showtell.yaml and topic files. Run: npm run schema
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { jsonSchemas } from '../src/workspace/json-schema.js'
import { BUILTIN } from '../src/workspace/paths.js'

await mkdir(BUILTIN.schema, { recursive: true })
for (const [name, schema] of Object.entries(jsonSchemas())) {
  await writeFile(join(BUILTIN.schema, name), `${JSON.stringify(schema, null, 2)}\n`)
  console.log(`wrote schema/${name}`)
}

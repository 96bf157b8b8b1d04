// Owns the rule for ids that become file and folder names: a safe slug can never
// climb out of a folder (`../x`) or clash with a hidden file.
import { z } from 'zod'
import { SLUG_PATTERN } from './slug-pattern.js'

export { SLUG_PATTERN }

export const slugSchema = z
  .string()
  .regex(SLUG_PATTERN, {
    message: 'not a safe id: use lowercase letters, digits and single hyphens (e.g. "acme-linkedin")',
  })

import type { Container } from '../api/types.ts'
import { type FieldError, forbiddenField, unsupported } from './fieldErrors.ts'

/**
 * What an init container may carry (validateInitContainers): restartPolicy only `Always`
 * (a sidecar); lifecycle hooks and probes only on sidecars, since the others run to completion.
 */
export function validateInitContainer(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (c.restartPolicy !== undefined && c.restartPolicy !== 'Always') errs.push(unsupported(`${path}.restartPolicy`, c.restartPolicy, ['Always']))
  if (c.restartPolicy === 'Always') return errs
  for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
    if (c[field] !== undefined) errs.push(forbiddenField(`${path}.${field}`, 'may not be set for init containers without restartPolicy=Always'))
  }
  return errs
}

/**
 * Field errors worded as k8s.io/apimachinery/pkg/util/validation/field formats them:
 * `<path>: <type>[: <value>][: <detail>]`, values rendered as JSON (since v1.34).
 */
export interface FieldError {
  path: string
  type: 'Required value' | 'Invalid value' | 'Unsupported value' | 'Forbidden' | 'Duplicate value' | 'Too long'
  value?: unknown
  detail?: string
}

export function formatFieldError(e: FieldError): string {
  let s = `${e.path}: ${e.type}`
  if (e.type === 'Required value' || e.type === 'Forbidden') return e.detail ? `${s}: ${e.detail}` : s
  if (e.value !== undefined) s += `: ${renderValue(e.value)}`
  if (e.detail) s += `: ${e.detail}`
  return s
}

function renderValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return JSON.stringify(v)
}

/** `The Deployment "web" is invalid: <errors>`; several errors are bracketed and comma-joined. */
export function invalidMessage(kind: string, name: string, errors: FieldError[]): string {
  const texts = [...new Set(errors.map(formatFieldError))]
  const body = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`
  return `The ${kind} "${name}" is invalid: ${body}`
}

export const required = (path: string, detail?: string): FieldError => ({ path, type: 'Required value', detail })
export const invalid = (path: string, value: unknown, detail: string): FieldError => ({ path, type: 'Invalid value', value, detail })
export const unsupported = (path: string, value: unknown, supported: string[]): FieldError => ({
  path,
  type: 'Unsupported value',
  value,
  detail: `supported values: ${supported.map((s) => `"${s}"`).join(', ')}`,
})
export const forbiddenField = (path: string, detail: string): FieldError => ({ path, type: 'Forbidden', detail })

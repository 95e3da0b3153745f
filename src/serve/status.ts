import { ApiError, type ApiReason } from '../engine/api/errors.ts'
import type { ServedResource } from './resources.ts'

/** A metav1.Status as the API server sends it: a refusal, or the success of a delete or an eviction. */
export interface Status {
  kind: 'Status'
  apiVersion: 'v1'
  metadata: Record<string, never>
  status: 'Failure' | 'Success'
  message?: string
  reason?: string
  details?: Record<string, unknown>
  code: number
}

/** The HTTP code of each StatusReason (k8s.io/apimachinery/pkg/api/errors). */
const CODES: Record<string, number> = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  TooManyRequests: 429,
  Gone: 410,
  Expired: 410,
  Timeout: 504,
  InternalError: 500,
}

/** A refusal with an explicit reason (one the engine's ApiError does not name, like RequestEntityTooLarge). */
export class ServeError extends Error {
  constructor(
    readonly reason: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
  }
}

export function failure(reason: string, message: string, details?: Record<string, unknown>): Status {
  const code = CODES[reason] ?? 500
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, ...(reason ? { reason } : {}), ...(details ? { details } : {}), code }
}

export function success(code: number, details?: Record<string, unknown>): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', ...(details ? { details } : {}), code }
}

export const NOT_FOUND_RESOURCE = 'the server could not find the requested resource'

/** The field error type's StatusCause reason (field.ErrorType's String → CauseType). */
const CAUSE_REASONS: [string, string][] = [
  ['Invalid value', 'FieldValueInvalid'],
  ['Required value', 'FieldValueRequired'],
  ['Unsupported value', 'FieldValueNotSupported'],
  ['Duplicate value', 'FieldValueDuplicate'],
  ['Forbidden', 'FieldValueForbidden'],
  ['Too long', 'FieldValueTooLong'],
  ['Too many', 'FieldValueTooMany'],
  ['Not found', 'FieldValueNotFound'],
]

function causeReason(message: string): string {
  return CAUSE_REASONS.find(([prefix]) => message.startsWith(prefix))?.[1] ?? 'FieldValueInvalid'
}

/**
 * The engine's ApiError as the API server's Status: the same reason and message, with
 * the details the server attaches (the resource and name; for Invalid, one cause per field).
 */
export function statusOf(err: ApiError | ServeError, resource?: ServedResource, name?: string): Status {
  if (err instanceof ServeError) return failure(err.reason, err.message, err.details)
  const reason: ApiReason | 'InternalError' = err.reason === 'Unknown' ? 'InternalError' : err.reason
  const target = resource ? { ...(name ? { name } : {}), ...(resource.group ? { group: resource.group } : {}), kind: resource.plural } : undefined
  if (err.reason === 'Invalid' && err.details) {
    const d = err.details
    const causes = (d.causes ?? []).map((c) => ({ reason: causeReason(c.message), message: c.message, field: c.field }))
    const texts = [...new Set(causes.map((c) => `${c.field}: ${c.message}`))]
    const body = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`
    const qualified = d.group ? `${d.kind}.${d.group}` : d.kind
    const message = d.kind ? `${qualified} "${d.name ?? ''}" is invalid: ${body}` : err.message
    return failure('Invalid', message, { ...(d.name ? { name: d.name } : {}), ...(d.group ? { group: d.group } : {}), ...(d.kind ? { kind: d.kind } : {}), causes })
  }
  if (err.reason === 'TooManyRequests' && err.details?.causes) {
    return failure('TooManyRequests', err.message, { causes: err.details.causes.map((c) => ({ reason: err.causeType ?? '', message: c.message })) })
  }
  if (err.reason === 'Unknown') return failure('InternalError', `Internal error occurred: ${err.message}`, { causes: [{ message: err.message }] })
  return failure(reason, err.message, target)
}

export function isRefusal(err: unknown): err is ApiError | ServeError {
  return err instanceof ApiError || err instanceof ServeError
}

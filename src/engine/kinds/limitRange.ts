import { list, struct, topLevel } from '../admission/decodeShapes.ts'
import { forbiddenField, invalid, type FieldError } from '../admission/fieldErrors.ts'
import type { KubeObject } from '../api/types.ts'
import { describeLimitRange } from '../kubectl/describe/describeLimitRange.ts'
import { compareQuantity, parseExactQuantity, quantityOfCount } from '../util/exactQuantity.ts'
import { createdAtTable } from './columns.ts'
import { defineKind } from './kindModule.ts'
import { canonicalList } from './resourceQuota.ts'

export interface LimitRangeItem {
  type?: string
  max?: Record<string, string>
  min?: Record<string, string>
  default?: Record<string, string>
  defaultRequest?: Record<string, string>
  maxLimitRequestRatio?: Record<string, string>
}

export interface LimitRange extends KubeObject {
  kind: 'LimitRange'
  spec: { limits?: LimitRangeItem[] }
}

const QUANTITY_FIELDS = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const

/**
 * SetDefaults_LimitRangeItem: a Container item's default limit falls back to its max,
 * its default request to the default limit, then to its min.
 */
function defaultItem(item: LimitRangeItem): void {
  for (const f of QUANTITY_FIELDS) {
    const canonical = canonicalList(item[f])
    if (canonical) item[f] = canonical
  }
  if (item.type !== 'Container') return
  const def = (item.default ??= {})
  const defReq = (item.defaultRequest ??= {})
  for (const [k, v] of Object.entries(item.max ?? {})) def[k] ??= v
  for (const [k, v] of Object.entries(def)) defReq[k] ??= v
  for (const [k, v] of Object.entries(item.min ?? {})) defReq[k] ??= v
}

/** ValidateLimitRange: min <= default request <= default limit <= max, ratios at least 1. */
function validateItem(item: LimitRangeItem, path: string): FieldError[] {
  const errors: FieldError[] = []
  if (item.type === 'Pod') {
    if (Object.keys(item.default ?? {}).length) errors.push(forbiddenField(`${path}.default`, "may not be specified when `type` is 'Pod'"))
    if (Object.keys(item.defaultRequest ?? {}).length) errors.push(forbiddenField(`${path}.defaultRequest`, "may not be specified when `type` is 'Pod'"))
  }
  const keys = new Set(QUANTITY_FIELDS.flatMap((f) => Object.keys(item[f] ?? {})))
  for (const k of [...keys].sort()) {
    const text = (f: (typeof QUANTITY_FIELDS)[number]) => item[f]?.[k]
    const q = (f: (typeof QUANTITY_FIELDS)[number]) => (text(f) === undefined ? undefined : parseExactQuantity(text(f)!))
    const [min, max, def, defReq, ratio] = [q('min'), q('max'), q('default'), q('defaultRequest'), q('maxLimitRequestRatio')]
    const gt = (a: typeof min, b: typeof min) => !!a && !!b && compareQuantity(a, b) > 0
    if (gt(min, max)) errors.push(invalid(`${path}.min[${k}]`, text('min'), `min value ${text('min')} is greater than max value ${text('max')}`))
    if (gt(min, defReq)) errors.push(invalid(`${path}.defaultRequest[${k}]`, text('defaultRequest'), `min value ${text('min')} is greater than default request value ${text('defaultRequest')}`))
    if (gt(defReq, max)) errors.push(invalid(`${path}.defaultRequest[${k}]`, text('defaultRequest'), `default request value ${text('defaultRequest')} is greater than max value ${text('max')}`))
    if (gt(defReq, def)) errors.push(invalid(`${path}.defaultRequest[${k}]`, text('defaultRequest'), `default request value ${text('defaultRequest')} is greater than default limit value ${text('default')}`))
    if (gt(min, def)) errors.push(invalid(`${path}.default[${k}]`, text('min'), `min value ${text('min')} is greater than default value ${text('default')}`))
    if (gt(def, max)) errors.push(invalid(`${path}.default[${k}]`, text('max'), `default value ${text('default')} is greater than max value ${text('max')}`))
    if (ratio && compareQuantity(ratio, quantityOfCount(1)) < 0) errors.push(invalid(`${path}.maxLimitRequestRatio[${k}]`, text('maxLimitRequestRatio'), `ratio ${text('maxLimitRequestRatio')} is less than 1`))
  }
  return errors
}

const limitRangeItem = struct('v1.LimitRangeItem', {
  type: 'string', max: 'quantities', min: 'quantities', default: 'quantities', defaultRequest: 'quantities', maxLimitRequestRatio: 'quantities',
})

export const limitRangeKind = defineKind<LimitRange>({
  names: { kind: 'LimitRange', group: '', version: 'v1', plural: 'limitranges', singular: 'limitrange', shortNames: ['limits'], namespaced: true },
  // The LimitRanger admission plugin (admission/plugins/limitRanger.ts) applies them to pods and claims.
  simulated: true,
  nameRule: 'subdomain',
  hasSpec: true,
  shape: topLevel('v1.LimitRange', { spec: struct('v1.LimitRangeSpec', { limits: list(limitRangeItem) }) }),
  defaults(lr) {
    for (const item of lr.spec.limits ?? []) defaultItem(item)
  },
  validate: (lr) => (lr.spec.limits ?? []).flatMap((item, i) => validateItem(item, `spec.limits[${i}]`)),
  // No printer in kubectl: the server's default table.
  table: createdAtTable,
  describe: (lr) => describeLimitRange(lr),
})

import bundled from '../../schema/k8sSchema.json'

/**
 * The bundled JSON schema (generated from kubernetes-types for the editor), read the way
 * kubectl explain reads the server's OpenAPI v3 spec; two differences are smoothed
 * over here: a field that refers to a type and has its own description becomes
 * `allOf: [{$ref}]` as in OpenAPI v3, and TypeScript's `number` is Kubernetes' `integer`.
 */
export interface Schema {
  description?: string
  type?: string | string[]
  $ref?: string
  allOf?: Schema[]
  items?: Schema
  additionalProperties?: Schema | boolean
  properties?: Record<string, Schema>
  required?: string[]
  enum?: unknown[]
  const?: unknown
}

const definitions = (bundled as unknown as { definitions: Record<string, Schema> }).definitions

/** Types whose schema is a string in the bundle but that OpenAPI v3 leaves untyped, so explain names them. */
const NAMED_SCALARS = new Set(['Quantity', 'IntOrString'])

function normalize(schema: Schema): Schema {
  if (schema.$ref && Object.keys(schema).some((k) => k !== '$ref')) {
    const { $ref, ...rest } = schema
    return { ...rest, allOf: [{ $ref }] }
  }
  return schema
}

export function resolveRef(ref: string | undefined): Schema | undefined {
  if (!ref) return undefined
  const name = ref.split('/').pop()!
  const def = definitions[name]
  if (!def) return undefined
  if (NAMED_SCALARS.has(name)) return { description: def.description }
  return def
}

export function propertiesOf(schema: Schema): [string, Schema][] {
  return Object.keys(schema.properties ?? {})
    .sort()
    .map((k) => [k, normalize(schema.properties![k])])
}

export function property(schema: Schema, name: string): Schema | undefined {
  const p = schema.properties?.[name]
  return p ? normalize(p) : undefined
}

/** The top-level schema of a kind, found by its apiVersion and kind constants. */
export function kindSchema(apiVersion: string, kind: string): Schema | undefined {
  const def = definitions[kind]
  const props = def?.properties
  if (!props || props.apiVersion?.const !== apiVersion || props.kind?.const !== kind) return undefined
  return def
}

import type { FieldError } from '../admission/fieldErrors.ts'
import type { Struct } from '../admission/decodeShapes.ts'
import type { ApiStore } from '../api/store.ts'
import type { KubeEvent, KubeObject } from '../api/types.ts'
import type { SeededRandom } from '../rng.ts'

/** How discovery names a kind: what `kubectl api-resources` prints and kubectl resolves. */
export interface ResourceNames {
  kind: string
  group: string // '' for the core group
  version: string
  plural: string
  singular: string
  shortNames: string[]
  namespaced: boolean
  /** Other apiVersions the API server also serves this kind under. */
  alsoServedAs?: string[]
}

/** What a kind module's defaulting and validation may look at. */
export interface AdmissionContext {
  store: ApiStore
  rng: SeededRandom
  /** Milliseconds of simulated time. */
  now: number
  /** The stored object, when this is an update. */
  old?: KubeObject
}

/** One kind's table for `kubectl get`: column headers and a row per object (printers.go). */
export interface TableDefinition {
  columns: string[]
  wideColumns: string[]
  row(obj: KubeObject, nowMs: number): string[]
  wideRow(obj: KubeObject, nowMs: number): string[]
  /** With -o wide, a whole other table, for kinds whose wide columns sit between the others (events). */
  wideTable?: { columns: string[]; row(obj: KubeObject, nowMs: number): string[] }
}

/** What a describer may read: the cluster as it is now. */
export interface DescribeContext {
  store: ApiStore
  now: number
  /** Events about `obj`, oldest first. */
  eventsFor(obj: KubeObject): KubeEvent[]
}

/** The rule `metadata.name` must follow (apimachinery's ValidateObjectMeta name functions). */
export type NameRule = 'subdomain' | 'label' | 'path-segment'

/**
 * Everything about one kind, in one place, as the API server keeps it in
 * pkg/registry/<group>/<kind>/strategy.go and kubectl in its printers and describers.
 * A registry of these (kinds/registry.ts) is what api-resources, get, describe, apply
 * and admission read. Only `names` is required: a kind with nothing else is stored
 * and listed with NAME and AGE.
 */
export interface KindModule<T extends KubeObject = KubeObject> {
  names: ResourceNames
  /**
   * False when kubesim stores the kind but a real cluster would do more with it than
   * kubesim does yet: apply then warns that it is not simulated.
   */
  simulated: boolean
  /** The warning the API server sends with every response about this kind (a deprecated API). */
  deprecationWarning?: string
  nameRule?: NameRule
  /** Strict decoding shape of a request body; without one, any JSON object is accepted. */
  shape?: Struct
  /** The kind always has a spec (an empty one is filled in). */
  hasSpec?: boolean
  /** Its registry strategy never sets metadata.generation, though it has a spec (Lease: renewals would count up). */
  noGeneration?: boolean
  /** Defaulting (SetDefaults_*), on create and on update. */
  defaults?(obj: T, ctx: AdmissionContext): void
  /** Status of a new object (PrepareForCreate drops what the client sent). */
  initialStatus?(obj: T): unknown
  /** Create validation, with the API server's field paths and wording. */
  validate?(obj: T, ctx: AdmissionContext): FieldError[]
  /** Extra update validation: immutable fields and allowed transitions. */
  validateUpdate?(obj: T, old: T): FieldError[]
  table?: TableDefinition
  describe?(obj: T, ctx: DescribeContext): string
  /** Field labels `--field-selector` may use besides metadata.name and metadata.namespace (the kind's GetAttrs). */
  fieldLabels?: string[]
  /** `kubectl scale` (the scale subresource): where the replica count lives. */
  scale?: { get(obj: T): number; set(obj: T, replicas: number): void }
  /** How DELETE treats the kind, beyond finalizers (the registry's graceful-delete and delete hooks). */
  deletion?: {
    /** Seconds the object stays, Terminating, before it goes; 0 for at once (CheckGracefulDelete). */
    gracePeriod?(obj: T, requested: number | undefined): number
    /** Refuses the delete (throws an ApiError) or changes what marking for deletion changes. */
    prepare?(obj: T): void
    /** Finalizers kept outside metadata.finalizers (a namespace's spec.finalizers). */
    extraFinalizers?(obj: T): string[]
  }
  /** `kubectl rollout status` (kubectl's StatusViewer for the kind): one line, and whether the rollout is done. */
  rolloutStatus?(obj: T): { text: string; done: boolean }
}

/** Lets a module typed for its own kind sit in the registry's list. */
export function defineKind<T extends KubeObject>(module: KindModule<T>): KindModule {
  return module as unknown as KindModule
}

import type { ResourceType } from '../../api/resources.ts'
import type { KubeObject } from '../../api/types.ts'
import type { FlagSpec } from '../args.ts'
import { DRY_RUN_FLAG } from '../dryRunFlag.ts'

/** The flags label and annotate share (kubesim reads objects from the cluster only: no -f, no --local). */
export const METADATA_CHANGE_FLAGS: FlagSpec[] = [
  { name: 'overwrite', takesValue: false },
  { name: 'list', takesValue: false },
  { name: 'all', takesValue: false },
  { name: 'selector', short: 'l', takesValue: true },
  { name: 'field-selector', takesValue: true },
  { name: 'output', short: 'o', takesValue: true },
  { name: 'field-manager', takesValue: true },
  { name: 'allow-missing-template-keys', takesValue: false },
  { name: 'show-managed-fields', takesValue: false },
  DRY_RUN_FLAG,
]

/** `Listing labels for Pod./web:`: Kind, a dot, the group (empty for the core group), as kubectl prints it. */
export function listingHeading(what: 'labels' | 'annotations', resource: ResourceType, obj: KubeObject): string {
  return `Listing ${what} for ${resource.kind}.${resource.group}/${obj.metadata.name}:\n`
}

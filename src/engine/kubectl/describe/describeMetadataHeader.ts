import type { KubeObject } from '../../api/types.ts'
import type { DescribeWriter } from '../describeWriter.ts'
import { printAnnotationsMultiline, printLabelsMultiline } from './common.ts'

/** The lines most describers open with: Name, Namespace (unless skipped), Labels, Annotations. */
export function describeMetadataHeader(w: DescribeWriter, obj: KubeObject, withNamespace = true): void {
  w.write(0, `Name:\t${obj.metadata.name}\n`)
  if (withNamespace) w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
}

/** Go's `%v` of a []string: `[get list watch]`, `[]` when empty. */
export function goStringSlice(list: readonly string[] | undefined): string {
  return `[${(list ?? []).join(' ')}]`
}

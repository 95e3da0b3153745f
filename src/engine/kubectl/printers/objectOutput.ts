import { stringify } from 'yaml'
import { qualifiedSingular, type ResourceType } from '../../api/resources.ts'
import type { KubeObject } from '../../api/types.ts'
import { sortedKeys } from '../../util/goJson.ts'
import { KubectlError } from '../resolve.ts'

/** The `-o` values a mutating command (patch, replace, set …) accepts besides the default message. */
const FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml'

/** Refuses an `-o` a mutating command cannot print, before anything is changed. */
export function checkOutputFormat(output: string | undefined): void {
  if (output === undefined || output === '' || output === 'yaml' || output === 'json' || output === 'name') return
  const format = output.split('=')[0]
  if (FORMATS.split(',').includes(format)) throw new KubectlError(`error: kubesim does not support -o ${format} here yet`)
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${FORMATS}`)
}

/**
 * How kubectl prints the object a write returned: `deployment.apps/web patched` by
 * default, the bare name with `-o name`, or the whole object with `-o yaml|json`.
 */
export function printWritten(obj: KubeObject, resource: ResourceType, output: string | undefined, operation: string): string {
  const name = `${qualifiedSingular(resource)}/${obj.metadata.name}`
  switch (output) {
    case 'yaml':
      return stringify(sortedKeys(obj), { lineWidth: 0, indentSeq: false, version: '1.1' })
    case 'json':
      return JSON.stringify(sortedKeys(obj), null, 4) + '\n'
    case 'name':
      return name + '\n'
    default:
      return `${name} ${operation}\n`
  }
}

import { stringify } from 'yaml'
import { qualifiedSingular, type ResourceType } from '../../api/resources.ts'
import type { KubeObject } from '../../api/types.ts'
import { KubectlError } from '../resolve.ts'
import { JsonPath, JsonPathError, jsonPathExecutionError } from './jsonpath.ts'
import { sortedKeys } from '../../util/goJson.ts'

/**
 * The printers of commands that change objects (label, annotate, taint): without -o, the
 * name printer's `pod/web labeled`; with -o, the object as kubectl's generic printers
 * print it (keys sorted, as encoding/json and sigs.k8s.io/yaml print a map).
 */
export type ObjectOutput = { kind: 'operation' } | { kind: 'name' | 'yaml' | 'json' } | { kind: 'jsonpath'; template: string; path: JsonPath }

const ALLOWED = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml'

export function chooseObjectOutput(output: string | undefined): ObjectOutput {
  if (!output) return { kind: 'operation' }
  if (output === 'name' || output === 'yaml' || output === 'json') return { kind: output }
  const eq = output.indexOf('=')
  const format = eq < 0 ? output : output.slice(0, eq)
  const template = eq < 0 ? '' : output.slice(eq + 1)
  if (format === 'jsonpath' || format === 'jsonpath-as-json') {
    if (template === '') throw new KubectlError('error: template format specified but no template given')
    try {
      return { kind: 'jsonpath', template, path: new JsonPath(template, { allowMissingKeys: true, outputJson: format === 'jsonpath-as-json' }) }
    } catch (e) {
      if (e instanceof JsonPathError) throw new KubectlError(`error: error parsing jsonpath ${template}, ${e.message}`)
      throw e
    }
  }
  if (ALLOWED.split(',').includes(format)) throw new KubectlError(`error: kubesim does not support -o ${format} yet`)
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`)
}


export function printYaml(value: unknown): string {
  return stringify(sortedKeys(value), { lineWidth: 0, indentSeq: false, version: '1.1' })
}

export function printJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value), null, 4) + '\n'
}

/** One object, as `output` says; `operation` is the name printer's verb (`labeled (dry run)`). */
export function printObject(output: ObjectOutput, resource: ResourceType, obj: KubeObject, operation: string): string {
  const name = `${qualifiedSingular(resource)}/${obj.metadata.name}`
  switch (output.kind) {
    case 'operation':
      return `${name} ${operation}\n`
    case 'name':
      return name + '\n'
    case 'yaml':
      return printYaml(obj)
    case 'json':
      return printJson(obj)
    case 'jsonpath': {
      const data = sortedKeys(obj)
      try {
        return output.path.execute(data)
      } catch (e) {
        if (e instanceof JsonPathError) throw new KubectlError(`error: ${jsonPathExecutionError(output.template, e.message, data).replace(/\n$/, '')}`)
        throw e
      }
    }
  }
}

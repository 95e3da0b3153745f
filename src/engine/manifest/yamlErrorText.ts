import type { ManifestSyntaxError } from './parseManifests.ts'

/**
 * How kubectl reports a manifest it cannot decode: sigs.k8s.io/yaml wraps go-yaml's
 * error, which names the line for syntax errors but not for decoding ones (aliases).
 */
export function yamlErrorText(source: string, error: ManifestSyntaxError): string {
  const where = error.lineless ? '' : `line ${error.line}: `
  return `error: error parsing ${source}: error converting YAML to JSON: yaml: ${where}${lowerFirst(error.message)}`
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1)
}

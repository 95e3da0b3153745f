import type { ScalarTag } from 'yaml'

/**
 * `!!binary` as go-yaml decodes it into an interface{}: the base64 text's bytes as a
 * string (yaml's own tag would give a Buffer, which is no JSON value).
 */
export const binaryAsText: ScalarTag = {
  tag: 'tag:yaml.org,2002:binary',
  default: false,
  resolve(value, onError) {
    try {
      const bytes = Uint8Array.from(atob(value.replace(/\s+/g, '')), (c) => c.charCodeAt(0))
      return new TextDecoder().decode(bytes)
    } catch {
      onError('!!binary value contains invalid base64 data')
      return value
    }
  },
}

import type { IncomingMessage, ServerResponse } from 'node:http'
import { parse as parseYaml } from 'yaml'
import { ServeError, type Status } from './status.ts'

/** The API server's limit on a request body (3 MiB). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024

export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body)
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' })
  res.end(text)
}

export function sendStatus(res: ServerResponse, status: Status): void {
  sendJson(res, status.code, status)
}

/** The request body, refused with 413 past 3 MiB (the rest is not read). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_BODY_BYTES) return reject(tooLarge())
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data')
        req.resume()
        reject(tooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function tooLarge(): ServeError {
  return new ServeError('RequestEntityTooLarge', `Request entity too large: limit is ${MAX_BODY_BYTES}`)
}

/** A JSON body (or YAML, for server-side apply), as the server's decoder reads it; malformed → 400. */
export function decodeBody(text: string, contentType: string | undefined): unknown {
  // Protobuf and CBOR bodies (kubectl's create generators send protobuf) are not decoded yet.
  if (/protobuf|cbor/.test(contentType ?? '')) {
    throw new ServeError('UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml')
  }
  const yaml = /yaml/.test(contentType ?? '')
  try {
    return yaml ? parseYaml(text) : JSON.parse(text)
  } catch (e) {
    const why = (e as Error).message
    throw new ServeError('BadRequest', yaml ? `error converting YAML to JSON: ${why}` : `couldn't get version/kind; json parse error: ${why}`)
  }
}

/** A JSON object body, for create, update and the subresources' POSTs. */
export function decodeObject(text: string, contentType: string | undefined): Record<string, unknown> {
  const body = decodeBody(text, contentType)
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ServeError('BadRequest', `couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(body) ? 'array' : typeof body} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`)
  }
  return body as Record<string, unknown>
}

export function boolParam(q: URLSearchParams, name: string): boolean {
  return q.get(name) === 'true' || q.get(name) === '1'
}

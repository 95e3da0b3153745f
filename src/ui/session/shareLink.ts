/**
 * Share links: the command log, deflated (CompressionStream 'deflate-raw') and base64url
 * encoded into the URL's hash (`#s=…`), so opening the link replays the same cluster.
 * The hash never reaches a server.
 */
import { readSessionLogText, type ReadResult } from '../../engine/commandLog/readSessionLog.ts'
import type { SessionLog } from '../../engine/commandLog/sessionLog.ts'

const PREFIX = '#s='

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream)
  return new Uint8Array(await new Response(out).arrayBuffer())
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export async function encodeShareHash(log: SessionLog): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(log))
  return PREFIX + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))
}

export function isShareHash(hash: string): boolean {
  return hash.startsWith(PREFIX)
}

/** The log in a share link's hash, or what is wrong with it. */
export async function decodeShareHash(hash: string): Promise<ReadResult> {
  let text: string
  try {
    text = new TextDecoder().decode(await pipe(fromBase64Url(hash.slice(PREFIX.length)), new DecompressionStream('deflate-raw')))
  } catch {
    return { ok: false, problem: 'corrupt', message: 'the link is damaged or incomplete' }
  }
  return readSessionLogText(text)
}

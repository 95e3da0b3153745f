import type { ServerResponse } from 'node:http'
import type { WatchEventType } from '../engine/api/store.ts'
import type { KubeObject } from '../engine/api/types.ts'
import type { ServeContext } from './context.ts'
import type { Target } from './crud.ts'
import { objectFilter } from './selectors.ts'
import { failure } from './status.ts'
import { toTable, wantsTable } from './table.ts'
import type { HubEvent } from './watchHub.ts'

/** The longest a watch stays open (the server's default --min-request-timeout is 30 minutes). */
const MAX_WATCH_SECONDS = 1800
/** A client that reads this far behind is cut off; it re-lists, as after any closed watch. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024

/**
 * A watch: JSON lines `{"type": "ADDED", "object": …}`, chunked, for the objects the URL
 * and selectors pick. From no resourceVersion (or "0") it starts with ADDED for what is
 * there; from a resourceVersion it replays the writes after it (410 Gone if too old).
 * An object that stops (or starts) matching the selectors is DELETED (or ADDED), as
 * the watch cache's filter does. Bookmarks, when asked for, carry the revision.
 */
export function watch(ctx: ServeContext, res: ServerResponse, t: Target, q: URLSearchParams, accept: string | undefined): void {
  const kind = t.resource.kind
  const matches = objectFilter(t.resource, q.get('labelSelector'), q.get('fieldSelector'))
  const inScope = (obj: KubeObject) => obj.kind === kind && (t.namespace === undefined || obj.metadata.namespace === t.namespace) && (t.name === undefined || obj.metadata.name === t.name)
  const table = wantsTable(accept)
  const rv = q.get('resourceVersion') ?? ''
  let backlog: HubEvent[] | undefined = []
  if (rv !== '' && rv !== '0') {
    backlog = ctx.hub.since(rv)
    if (!backlog) {
      const status = failure('Expired', `too old resource version: ${rv} (${ctx.hub.oldest()})`)
      res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' })
      res.end(JSON.stringify({ type: 'ERROR', object: { ...status, code: 410 } }) + '\n')
      return
    }
  }

  res.writeHead(200, { 'Content-Type': table ? 'application/json;as=Table;v=v1;g=meta.k8s.io' : 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' })
  res.flushHeaders()
  let headersSent = false
  let lastRv = String(ctx.hub.revision)
  const send = (type: WatchEventType | 'BOOKMARK', obj: unknown) => {
    let object = obj
    if (table && type !== 'BOOKMARK') {
      object = toTable(kind, [obj as KubeObject], ctx.sim.now, { resourceVersion: (obj as KubeObject).metadata.resourceVersion, noHeaders: headersSent })
      headersSent = true
    }
    res.write(JSON.stringify({ type, object }) + '\n')
    if (res.writableLength > MAX_BUFFERED_BYTES) stop()
  }
  const deliver = (e: HubEvent) => {
    if (e.obj.kind !== kind) return
    lastRv = String(e.rv)
    const now = inScope(e.obj) && matches(e.obj)
    if (e.type === 'MODIFIED') {
      const before = !!e.old && inScope(e.old) && matches(e.old)
      if (now && before) send('MODIFIED', e.obj)
      else if (now) send('ADDED', e.obj)
      else if (before) send('DELETED', e.obj)
    } else if (now) send(e.type, e.obj)
  }

  if (rv === '' || rv === '0') {
    for (const obj of ctx.sim.store.list(kind, t.namespace)) if (inScope(obj) && matches(obj)) send('ADDED', obj)
  } else for (const e of backlog) deliver(e)

  const unsubscribe = ctx.hub.subscribe(deliver)
  const bookmarks = q.get('allowWatchBookmarks') === 'true'
    ? setInterval(() => send('BOOKMARK', { kind, apiVersion: t.resource.group ? `${t.resource.group}/${t.resource.version}` : t.resource.version, metadata: { resourceVersion: lastRv } }), ctx.bookmarkMs)
    : undefined
  const seconds = Math.min(MAX_WATCH_SECONDS, Number(q.get('timeoutSeconds') ?? MAX_WATCH_SECONDS) || MAX_WATCH_SECONDS)
  const timeout = setTimeout(() => stop(), seconds * 1000)
  let stopped = false
  function stop() {
    if (stopped) return
    stopped = true
    unsubscribe()
    if (bookmarks) clearInterval(bookmarks)
    clearTimeout(timeout)
    ctx.streams.delete(stop)
    res.end()
  }
  ctx.streams.add(stop)
  res.on('close', stop)
}

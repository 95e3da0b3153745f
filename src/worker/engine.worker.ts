/// <reference lib="webworker" />
import { EngineHost } from './engineHost.ts'
import type { EngineMessage, UiCommand } from './protocol.ts'

const scope = self as unknown as DedicatedWorkerGlobalScope

const host = new EngineHost({
  post: (message: EngineMessage) => scope.postMessage(message),
  now: () => performance.now(),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
})

scope.onmessage = (e: MessageEvent<UiCommand>) => host.handle(e.data)

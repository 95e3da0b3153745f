import { createContext, useContext } from 'react'
import type { EngineClient } from '../worker/engineClient.ts'

export const EngineClientContext = createContext<EngineClient | null>(null)

export function useEngine(): EngineClient {
  const client = useContext(EngineClientContext)
  if (!client) throw new Error('useEngine outside EngineClientContext')
  return client
}

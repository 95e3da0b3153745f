import { useEffect, useState } from 'react'
import { useEngine } from '../engineContext.ts'

/**
 * The output of a read-only kubectl line, run again whenever `version` changes (the
 * object's resourceVersion, its events) or every `refreshMs`, at most one run at a time.
 */
export function useQuery(args: string, version: string, refreshMs?: number): string | null {
  const engine = useEngine()
  const [output, setOutput] = useState<{ args: string; text: string } | null>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!refreshMs) return
    const timer = setInterval(() => setTick((t) => t + 1), refreshMs)
    return () => clearInterval(timer)
  }, [refreshMs])
  useEffect(() => {
    let current = true
    // A short pause lets a burst of changes (a rollout) cost one run.
    const timer = setTimeout(() => {
      void engine.query(args).then((text) => {
        if (current) setOutput({ args, text })
      })
    }, 150)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [engine, args, version, tick])
  return output?.args === args ? output.text : null
}

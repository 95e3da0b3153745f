import { memo, useEffect, useRef } from 'react'
import type { PodTone } from '../format/podTone.ts'
import { TONE_OF_CODE } from '../store/podIndex.ts'
import { useShownTheme } from '../theme/useShownTheme.ts'

/** The chip dot colours (theme variables), so a dot and a chip of one pod match. */
const TONE_VAR: Record<PodTone, string> = {
  ready: '--ok',
  starting: '--start',
  notready: '--notready-dot',
  pending: '--pending',
  failing: '--bad',
  terminating: '--amber',
  done: '--done-dot',
}

/** Dots per row; a node's 110 pods make an 10 × 11 heat map. */
const COLUMNS = 10

/**
 * A node's pods as a heat map, one cell per pod slot (its allocatable pods), coloured by state:
 * what a card shows when zoomed out. One small canvas drawn at a pixel per pod and scaled up
 * by CSS, so thousands of cards cost thousands of elements, not hundreds of thousands.
 */
export const PodDots = memo(function PodDots({ tones, capacity, label }: { tones: string; capacity: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null)
  const theme = useShownTheme()
  const rows = Math.max(1, Math.ceil(Math.max(capacity, tones.length) / COLUMNS))
  useEffect(() => {
    const canvas = ref.current
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx) return
    const style = getComputedStyle(canvas)
    const colours = new Map<string, string>()
    ctx.clearRect(0, 0, COLUMNS, rows)
    for (let i = 0; i < tones.length; i++) {
      const code = tones[i]
      let colour = colours.get(code)
      if (!colour) colours.set(code, (colour = style.getPropertyValue(TONE_VAR[TONE_OF_CODE[code]]).trim() || '#888'))
      ctx.fillStyle = colour
      ctx.fillRect(i % COLUMNS, Math.floor(i / COLUMNS), 1, 1)
    }
  }, [tones, rows, theme])
  return <canvas ref={ref} className="pod-dots" width={COLUMNS} height={rows} role="img" aria-label={label} style={{ aspectRatio: `${COLUMNS} / ${rows}` }} />
})

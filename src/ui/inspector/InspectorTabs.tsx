import { useRef } from 'react'
import { TAB_LABELS, type TabId } from './tabs.ts'

/**
 * The WAI-ARIA tabs pattern: one tab stop for the list, arrows (and Home/End) move
 * between tabs and select them, the panel follows.
 */
export function InspectorTabs({ tabs, selected, onSelect, idPrefix }: { tabs: TabId[]; selected: TabId; onSelect: (tab: TabId) => void; idPrefix: string }) {
  const list = useRef<HTMLDivElement>(null)
  const move = (to: number) => {
    const tab = tabs[(to + tabs.length) % tabs.length]
    onSelect(tab)
    list.current?.querySelector<HTMLButtonElement>(`#${idPrefix}-tab-${tab}`)?.focus()
  }
  const onKeyDown = (e: React.KeyboardEvent) => {
    const at = tabs.indexOf(selected)
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : undefined
    if (to === undefined) return
    e.preventDefault()
    move(to)
  }
  return (
    <div className="inspector-tabs" role="tablist" aria-label="Details" ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab}`}
          aria-selected={tab === selected}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={tab === selected ? 0 : -1}
          className="inspector-tab"
          onClick={() => onSelect(tab)}
        >
          {TAB_LABELS[tab]}
        </button>
      ))}
    </div>
  )
}

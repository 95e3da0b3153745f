import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/App.tsx'
import { EngineClientContext } from './ui/engineContext.ts'
import { enqueueFlow } from './ui/flow/flowStore.ts'
import { receiveLab } from './ui/labs/labStore.ts'
import { chooseStart, keepSessionSaved, sessionHandlers } from './ui/session/sessionBoot.ts'
import { appendBlock, extendBlock, useCluster } from './ui/store/clusterStore.ts'
import './ui/styles.css'
import './ui/theme/theme.css'
import { startDisplay } from './ui/theme/displaySettings.ts'
import { notePatch } from './ui/perf/perfStats.ts'
import { EngineClient } from './worker/engineClient.ts'

startDisplay()

// A share link or the saved session decides what the engine starts from.
void chooseStart().then((start) => {
  const engine: EngineClient = new EngineClient(
    {
      onPatch: (batch) => {
        const start = performance.now()
        useCluster.getState().applyBatch(batch)
        notePatch(batch, performance.now() - start)
      },
      onFatal: (message) => useCluster.setState({ fatal: message }),
      onVocabulary: (vocabulary) => useCluster.setState({ vocabulary }),
      onWatchOutput: (requestId, text, ended) =>
        useCluster.setState((s) =>
          s.watch?.requestId === requestId
            ? { terminal: text ? extendBlock(s.terminal, s.watch.blockId, text.replace(/\n$/, '').split('\n')) : s.terminal, ...(ended ? { watch: null } : {}) }
            : {},
        ),
      onLab: receiveLab,
      onFlow: enqueueFlow,
      // A lab's solution runs as if typed: its commands show in the terminal.
      onLabTranscript: (entries) =>
        useCluster.setState((s) => ({
          terminal: entries.reduce(
            (log, e) => appendBlock(log, { command: e.command, lines: e.output === '' ? [] : e.output.replace(/\n$/, '').split('\n'), failed: /^(error|Error)\b/m.test(e.output) }),
            s.terminal,
          ),
        })),
      ...sessionHandlers(() => engine),
    },
    start,
  )
  keepSessionSaved()

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <EngineClientContext value={engine}>
        <App />
      </EngineClientContext>
    </StrictMode>,
  )
})

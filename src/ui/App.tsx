import { ClusterCanvas } from './canvas/ClusterCanvas.tsx'
import { NamespaceBar } from './canvas/NamespaceBar.tsx'
import { ControlsBar } from './controls/ControlsBar.tsx'
import { EditorPanel } from './editor/EditorPanel.tsx'
import { EventsFeed } from './events/EventsFeed.tsx'
import { ControlPlaneFlow } from './flow/ControlPlaneFlow.tsx'
import { Inspector } from './inspector/Inspector.tsx'
import './layout/layout.css'
import './layout/compactHeader.css'
import { useSideColumn } from './layout/sideColumn.ts'
import { SideColumnToggle } from './layout/SideColumnToggle.tsx'
import { LabPanel, LabsButton } from './labs/LabPanel.tsx'
import { NetworkView } from './network/NetworkView.tsx'
import { useNetworkUi } from './network/networkUi.ts'
import { ViewSwitch } from './network/ViewSwitch.tsx'
import { SessionMenu } from './session/SessionMenu.tsx'
import { StorageView } from './storage/StorageView.tsx'
import { SessionNotice } from './session/SessionNotice.tsx'
import { KeyboardShortcuts } from './shortcuts/KeyboardShortcuts.tsx'
import { PerfOverlay } from './perf/PerfOverlay.tsx'
import { useCluster } from './store/clusterStore.ts'
import { Terminal } from './terminal/Terminal.tsx'
import { DisplayControls } from './theme/DisplayControls.tsx'
import { Timeline } from './timeline/Timeline.tsx'

export function App() {
  const inspecting = useCluster((s) => s.selectedKey !== null)
  const fatal = useCluster((s) => s.fatal)
  const connected = useCluster((s) => s.connected)
  const view = useNetworkUi((s) => s.view)
  const editorHidden = useSideColumn((s) => s.editorHidden)
  return (
    <div className={`app${inspecting ? ' inspecting' : ''}${editorHidden ? ' editor-hidden' : ''}`}>
      <header className="app-header">
        <h1 className="app-title">
          kubesim <span className="app-subtitle">a Kubernetes cluster in your browser tab</span>
        </h1>
        <ControlsBar />
        <LabsButton />
        <SessionMenu />
        <DisplayControls />
        <SessionNotice />
        <Timeline />
      </header>
      {fatal && (
        <div className="fatal" role="alert">
          The simulation stopped: {fatal.split('\n')[0]}
        </div>
      )}
      <section className="left" aria-label="Manifest">
        <EditorPanel />
      </section>
      <main className="center" aria-label="Cluster" aria-busy={!connected}>
        <div className="center-bar">
          <SideColumnToggle />
          <NamespaceBar />
          <ViewSwitch />
        </div>
        {view === 'network' ? <NetworkView /> : view === 'storage' ? <StorageView /> : <ClusterCanvas />}
        <ControlPlaneFlow />
      </main>
      {inspecting && <Inspector />}
      <Terminal />
      <EventsFeed />
      <LabPanel />
      <KeyboardShortcuts />
      <PerfOverlay />
    </div>
  )
}

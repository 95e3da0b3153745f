/**
 * Monaco, loaded lazily (its own chunk): core editor, a handful of editor features, YAML
 * colouring, and the plain editor worker. Everything is bundled; nothing is fetched.
 */
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/bracketMatching/register'
import 'monaco-editor/features/clipboard/register'
import 'monaco-editor/features/comment/register'
import 'monaco-editor/features/contextmenu/register'
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/folding/register'
import 'monaco-editor/features/gotoError/register'
import 'monaco-editor/features/hover/register'
import 'monaco-editor/features/indentation/register'
import 'monaco-editor/features/linesOperations/register'
import 'monaco-editor/features/multicursor/register'
import 'monaco-editor/features/wordHighlighter/register'
import 'monaco-editor/languages/definitions/yaml/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import type { ManifestMarker } from '../../engine/kubectl/applyText.ts'
import { parseManifests } from '../../engine/manifest/parseManifests.ts'
import { markerRange } from './markerRange.ts'
import { configureKubernetesYaml } from './yamlLanguage.ts'

globalThis.MonacoEnvironment = { getWorker: () => new EditorWorker() }
configureKubernetesYaml(monaco)

export interface ManifestEditor {
  getValue(): string
  setValue(text: string): void
  /** Problems from the last apply (owner `kubesim`); cleared on the next edit. */
  setApplyMarkers(markers: ManifestMarker[]): void
  focus(): void
  dispose(): void
}

const APPLY_OWNER = 'kubesim'
const SYNTAX_OWNER = 'kubesim-yaml'
const PARSE_DELAY_MS = 300

export function createManifestEditor(
  container: HTMLElement,
  opts: { value: string; onApply: () => void; ariaLabel: string },
): ManifestEditor {
  const model = monaco.editor.createModel(opts.value, 'yaml', monaco.Uri.parse('file:///manifest.yaml'))
  const editor = monaco.editor.create(container, {
    model,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 15,
    lineHeight: 22,
    tabSize: 2,
    insertSpaces: true,
    glyphMargin: true,
    scrollBeyondLastLine: false,
    renderLineHighlight: 'line',
    ariaLabel: opts.ariaLabel,
    theme: 'vs',
    fixedOverflowWidgets: true,
  })
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => opts.onApply())

  const glyphs = editor.createDecorationsCollection()
  const markersOf = (owner: string) => monaco.editor.getModelMarkers({ owner, resource: model.uri })
  const refreshGlyphs = () => {
    const all = [...markersOf(APPLY_OWNER), ...markersOf(SYNTAX_OWNER)]
    glyphs.set(
      all.map((m) => ({
        range: new monaco.Range(m.startLineNumber, 1, m.startLineNumber, 1),
        options: {
          isWholeLine: true,
          glyphMarginClassName: m.severity === monaco.MarkerSeverity.Error ? 'glyph-error' : 'glyph-warning',
          glyphMarginHoverMessage: { value: m.message },
          className: m.severity === monaco.MarkerSeverity.Error ? 'line-error' : undefined,
        },
      })),
    )
  }
  const setMarkers = (owner: string, markers: ManifestMarker[]) => {
    monaco.editor.setModelMarkers(
      model,
      owner,
      markers.map((m) => ({
        ...markerRange(model, m.line, m.column),
        message: m.message,
        severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        source: owner === APPLY_OWNER ? 'kubectl apply' : 'yaml',
      })),
    )
    refreshGlyphs()
  }

  const checkSyntax = () => {
    const { errors } = parseManifests(model.getValue())
    setMarkers(SYNTAX_OWNER, errors.map((e) => ({ ...e, severity: 'error' as const })))
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const changes = model.onDidChangeContent(() => {
    if (markersOf(APPLY_OWNER).length > 0) setMarkers(APPLY_OWNER, [])
    clearTimeout(timer)
    timer = setTimeout(checkSyntax, PARSE_DELAY_MS)
  })
  checkSyntax()

  return {
    getValue: () => model.getValue(),
    setValue: (text) => {
      model.setValue(text)
      editor.setScrollTop(0)
    },
    setApplyMarkers: (markers) => setMarkers(APPLY_OWNER, markers),
    focus: () => editor.focus(),
    dispose: () => {
      clearTimeout(timer)
      changes.dispose()
      editor.dispose()
      model.dispose()
    },
  }
}

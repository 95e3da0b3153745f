/**
 * Monaco, loaded lazily (its own chunk): core editor, a handful of editor features, YAML
 * colouring, and the plain editor worker. Everything is bundled; nothing is fetched.
 */
import * as monaco from 'monaco-editor/editor'
import type * as Monaco from 'monaco-editor/editor'
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
import 'monaco-editor/features/snippet/register'
import 'monaco-editor/features/suggest/register'
// The suggest widget itself: features/suggest registers only its inline-completion bridge.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'
import 'monaco-editor/features/toggleTabFocusMode/register'
import 'monaco-editor/features/wordHighlighter/register'
import 'monaco-editor/languages/definitions/yaml/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import type { ManifestMarker } from '../../engine/kubectl/applyText.ts'
import { parseManifests } from '../../engine/manifest/parseManifests.ts'
import { currentTheme, onThemeChange, useDisplay } from '../theme/displaySettings.ts'
import { markerRange } from './markerRange.ts'
import { registerSnippets } from './snippetProvider.ts'
import { configureKubernetesYaml } from './yamlLanguage.ts'

globalThis.MonacoEnvironment = { getWorker: () => new EditorWorker() }
configureKubernetesYaml(monaco)
registerSnippets(monaco)

export interface ManifestEditor {
  /** Opens a file as a model of its own (its own undo history); does not show it. */
  open(id: number, name: string, text: string): void
  /** Shows a file, restoring where its cursor and scroll were. */
  show(id: number): void
  close(id: number): void
  /** Replaces a file's whole text as one undoable edit. */
  replace(id: number, text: string): void
  /** Problems from the last apply (owner `kubesim`) on the shown file; cleared on its next edit. */
  setApplyMarkers(markers: ManifestMarker[]): void
  focus(): void
  dispose(): void
}

const APPLY_OWNER = 'kubesim'
const SYNTAX_OWNER = 'kubesim-yaml'
const PARSE_DELAY_MS = 300

interface OpenFile {
  model: Monaco.editor.ITextModel
  view: Monaco.editor.ICodeEditorViewState | null
  timer?: ReturnType<typeof setTimeout>
  changes: Monaco.IDisposable
}

/** The editor's type size: larger for a projector. */
function editorType(presenter: boolean) {
  return presenter ? { fontSize: 20, lineHeight: 28, suggestFontSize: 20, suggestLineHeight: 30 } : { fontSize: 15, lineHeight: 22, suggestFontSize: 15, suggestLineHeight: 24 }
}

export function createManifestEditor(
  container: HTMLElement,
  opts: { onApply: () => void; onSave: () => void; onChange: (id: number, text: string) => void; ariaLabel: string },
): ManifestEditor {
  const editor = monaco.editor.create(container, {
    model: null,
    automaticLayout: true,
    minimap: { enabled: false },
    ...editorType(useDisplay.getState().presenter),
    tabSize: 2,
    insertSpaces: true,
    glyphMargin: true,
    scrollBeyondLastLine: false,
    // The panel is narrow and kubectl edit's buffer has a long last-applied annotation: wrap
    // rather than scroll sideways (a find there left every other line scrolled out of view).
    wordWrap: 'on',
    wrappingIndent: 'same',
    renderLineHighlight: 'line',
    ariaLabel: opts.ariaLabel,
    theme: currentTheme() === 'dark' ? 'vs-dark' : 'vs',
    fixedOverflowWidgets: true,
    quickSuggestions: { other: true, comments: false, strings: true },
    suggest: { showWords: false, preview: true },
  })
  // Monaco's theme is global: it follows the app's; presenter mode enlarges the text.
  const stopTheme = onThemeChange((theme) => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'))
  const stopPresenter = useDisplay.subscribe((s, prev) => {
    if (s.presenter !== prev.presenter) editor.updateOptions(editorType(s.presenter))
  })
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => opts.onApply())
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => opts.onSave())

  const files = new Map<number, OpenFile>()
  let shown: number | undefined
  const glyphs = editor.createDecorationsCollection()
  const markersOf = (model: Monaco.editor.ITextModel, owner: string) => monaco.editor.getModelMarkers({ owner, resource: model.uri })

  const refreshGlyphs = () => {
    const model = editor.getModel()
    if (!model) return glyphs.clear()
    const all = [...markersOf(model, APPLY_OWNER), ...markersOf(model, SYNTAX_OWNER)]
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

  const setMarkers = (model: Monaco.editor.ITextModel, owner: string, markers: ManifestMarker[]) => {
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
    if (model === editor.getModel()) refreshGlyphs()
  }

  const checkSyntax = (model: Monaco.editor.ITextModel) => {
    if (model.isDisposed()) return
    const { errors } = parseManifests(model.getValue())
    setMarkers(model, SYNTAX_OWNER, errors.map((e) => ({ ...e, severity: 'error' as const })))
  }

  return {
    open(id, name, text) {
      if (files.has(id)) return
      // The path ends in the tab's name, so the schema (fileMatch *.yaml) applies to every tab.
      const model = monaco.editor.createModel(text, 'yaml', monaco.Uri.parse(`file:///tab-${id}/${encodeURIComponent(name)}`))
      const file: OpenFile = { model, view: null, changes: { dispose() {} } }
      file.changes = model.onDidChangeContent(() => {
        opts.onChange(id, model.getValue())
        if (markersOf(model, APPLY_OWNER).length > 0) setMarkers(model, APPLY_OWNER, [])
        clearTimeout(file.timer)
        file.timer = setTimeout(() => checkSyntax(model), PARSE_DELAY_MS)
      })
      files.set(id, file)
      checkSyntax(model)
    },
    show(id) {
      const file = files.get(id)
      if (!file || shown === id) return
      const current = shown === undefined ? undefined : files.get(shown)
      if (current) current.view = editor.saveViewState()
      editor.setModel(file.model)
      if (file.view) editor.restoreViewState(file.view)
      shown = id
      refreshGlyphs()
    },
    close(id) {
      if (shown === id) {
        editor.setModel(null)
        shown = undefined
      }
      closeFile(id)
    },
    replace(id, text) {
      const model = files.get(id)?.model
      if (!model || model.getValue() === text) return
      model.pushStackElement()
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null)
      model.pushStackElement()
      if (shown === id) editor.setScrollTop(0)
    },
    setApplyMarkers: (markers) => {
      const model = editor.getModel()
      if (model) setMarkers(model, APPLY_OWNER, markers)
    },
    focus: () => editor.focus(),
    dispose: () => {
      stopTheme()
      stopPresenter()
      editor.dispose()
      for (const id of [...files.keys()]) closeFile(id)
    },
  }

  function closeFile(id: number) {
    const file = files.get(id)
    if (!file) return
    clearTimeout(file.timer)
    file.changes.dispose()
    file.model.dispose()
    files.delete(id)
  }
}

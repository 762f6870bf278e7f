import { useEffect, useRef } from 'react';
import * as monaco from 'monaco-editor/editor/editor.api';
// The editor contributions and their services (code lens, inlay hints, suggest memories, drag
// and drop, action widgets) that the TypeScript mode would otherwise load lazily, after the
// first editor has started Monaco's services: registered then, every editor made later fails
// with "[createInstance] … depends on UNKNOWN service ICodeLensCache". Loaded here, they
// register before any editor exists.
import 'monaco-editor/internal/common/workers';
import 'monaco-editor/languages/definitions/typescript/register';
import {
  ModuleKind,
  ModuleResolutionKind,
  ScriptTarget,
  typescriptDefaults,
} from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import { useResolvedTheme } from '../../app/theme';

/**
 * Monaco, bundled from the npm package (never a CDN) and loaded only when an exercise comes
 * near the screen: TypeScript with IntelliSense for the kit, the app's light or dark theme.
 * Exercise code has no DOM, so the editor knows only the ES2022 library.
 */
self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) =>
    label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker(),
};

typescriptDefaults.setCompilerOptions({
  target: ScriptTarget.ES2020,
  module: ModuleKind.ESNext,
  moduleResolution: ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  lib: ['es2022'],
});

const kitLibs = new Set<string>();

export default function MonacoEditor({
  value,
  onChange,
  label,
  kitDts,
  modelPath,
  height,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  kitDts: string;
  modelPath: string;
  height: number;
}) {
  const host = useRef<HTMLDivElement | null>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  const theme = useResolvedTheme();

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!kitLibs.has(kitDts)) {
      kitLibs.add(kitDts);
      typescriptDefaults.addExtraLib(kitDts, 'file:///node_modules/kit/index.d.ts');
    }
  }, [kitDts]);

  useEffect(() => {
    if (!host.current) return;
    const uri = monaco.Uri.parse(`file:///exercises/${modelPath}/solution.ts`);
    const model =
      monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, 'typescript', uri);
    const instance = monaco.editor.create(host.current, {
      model,
      ariaLabel: label,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      tabSize: 2,
      scrollBeyondLastLine: false,
      accessibilitySupport: 'auto',
    });
    editor.current = instance;
    const sub = instance.onDidChangeModelContent(() => onChangeRef.current(instance.getValue()));
    return () => {
      sub.dispose();
      instance.dispose();
      model.dispose();
      editor.current = null;
    };
    // The editor is created once per exercise; value changes flow in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [modelPath, label]);

  useEffect(() => {
    const instance = editor.current;
    if (instance && instance.getValue() !== value) instance.setValue(value);
  }, [value]);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  return <div ref={host} className="monaco-host" style={{ height }} data-testid="monaco-editor" />;
}

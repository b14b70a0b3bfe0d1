// The import screen's draft: the file, the kind it holds, the sheet, the server's preview and the mapping being
// edited. A new file guesses its kind; a new file, kind or sheet asks the server for a fresh preview.
import { useEffect, useMemo, useState } from 'react';
import { previewImport } from '../../api/imports';
import { isAbort } from '../../api/problem';
import type {
  ImportKind,
  ImportMapping,
  ImportMode,
  ImportPreview,
} from '../../../server/domain/schemas/import';
import { guessKind, headerCells } from './guess-kind';

export type PreviewState =
  | { status: 'idle' | 'loading'; preview: null; error: null }
  | { status: 'ready'; preview: ImportPreview; error: null }
  | { status: 'error'; preview: null; error: unknown };

const HEADER_BYTES = 4096;

async function guessFor(file: File): Promise<ImportKind | null> {
  const byName = guessKind({ name: file.name });
  if (byName || !/\.(csv|tsv|txt)$/i.test(file.name)) return byName;
  const text = await file
    .slice(0, HEADER_BYTES)
    .text()
    .catch(() => '');
  return guessKind({ name: file.name, headers: headerCells(text) });
}

export function useImportDraft(initialFile: File | null) {
  const [file, setFileState] = useState<File | null>(initialFile);
  const [kind, setKind] = useState<ImportKind | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [mode, setMode] = useState<ImportMode>('lenient');
  // The server's answer and the request it answers: while they differ, the preview is loading.
  const [answer, setAnswer] = useState<{ request: object; state: PreviewState } | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);

  useEffect(() => {
    if (!file) return;
    let live = true;
    void guessFor(file).then((guess) => live && guess && setKind((k) => k ?? guess));
    return () => {
      live = false;
    };
  }, [file]);

  const request = useMemo(() => (file && kind ? { file, kind, sheet } : null), [file, kind, sheet]);
  useEffect(() => {
    if (!request) return;
    const controller = new AbortController();
    previewImport(request.kind, request.file, request.sheet, { signal: controller.signal }).then(
      (preview) => {
        setAnswer({ request, state: { status: 'ready', preview, error: null } });
        setMapping(preview.mapping);
      },
      (error: unknown) => {
        if (!isAbort(error))
          setAnswer({ request, state: { status: 'error', preview: null, error } });
      },
    );
    return () => controller.abort();
  }, [request]);
  const state: PreviewState = !request
    ? { status: 'idle', preview: null, error: null }
    : answer?.request === request
      ? answer.state
      : { status: 'loading', preview: null, error: null };

  const setFile = (next: File) => {
    setFileState(next);
    setKind(null);
    setSheet(null);
    setMapping(null);
  };

  return {
    file,
    setFile,
    kind,
    setKind,
    sheet,
    setSheet,
    mode,
    setMode,
    state,
    mapping,
    setMapping,
  };
}

export type ImportDraft = ReturnType<typeof useImportDraft>;
